//! The cracker's wordlist: a few thousand secrets people really choose (common words, names,
//! seasons and months with a year, keyboard walks, digit runs, leetspeak, `<word>123`,
//! `<word>!`, the demo passwords of this app). It is made by [`tests::generate`] below, not
//! copied from a leaked list; a test checks the file is exactly what the generator makes, and
//! `UPDATE_WORDLIST=1 cargo test --lib wordlist` writes it again (the file is compiled in, so
//! that run still compares the old one: run the test once more to see it pass). It is also served, at
//! `/static/wordlists/jwt-secrets.txt`, for trying with `hashcat -m 16500` or John the Ripper.

/// The file, one candidate a line, compiled in so the cracker needs no path at run time.
const FILE: &str = include_str!("../../../static/wordlists/jwt-secrets.txt");

/// Every candidate, in the file's order.
pub fn words() -> impl Iterator<Item = &'static str> {
    FILE.lines().filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PATH: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/static/wordlists/jwt-secrets.txt"
    );

    const WORDS: &[&str] = &[
        "password",
        "secret",
        "admin",
        "letmein",
        "qwerty",
        "dragon",
        "monkey",
        "football",
        "baseball",
        "welcome",
        "login",
        "master",
        "shadow",
        "sunshine",
        "princess",
        "iloveyou",
        "trustno1",
        "superman",
        "batman",
        "hello",
        "freedom",
        "whatever",
        "starwars",
        "cheese",
        "computer",
        "internet",
        "changeme",
        "default",
        "test",
        "testing",
        "guest",
        "root",
        "user",
        "demo",
        "access",
        "flower",
        "hunter",
        "killer",
        "soccer",
        "hockey",
        "ranger",
        "buster",
        "tigger",
        "pepper",
        "ginger",
        "cookie",
        "summer",
        "winter",
        "spring",
        "autumn",
        "orange",
        "banana",
        "purple",
        "silver",
        "golden",
        "diamond",
        "matrix",
        "mustang",
        "harley",
        "corvette",
        "yankees",
        "liverpool",
        "chelsea",
        "arsenal",
        "pokemon",
        "minecraft",
        "fortnite",
        "zelda",
        "mario",
        "ninja",
        "pirate",
        "wizard",
        "phoenix",
        "falcon",
        "eagle",
        "tiger",
        "lion",
        "bear",
        "wolf",
        "jordan",
        "london",
        "paris",
        "berlin",
        "tokyo",
        "seoul",
        "love",
        "lovely",
        "angel",
        "passw0rd",
        "abc",
        "jwt",
        "token",
        "key",
        "secretkey",
        "mysecret",
        "supersecret",
        "topsecret",
        "privatekey",
        "signingkey",
        "jwtsecret",
        "jwt-secret",
        "jwt_secret",
        "secret-key",
        "secret_key",
        "your-256-bit-secret",
        "your-secret-key",
        "changeit",
        "auth",
        "labs",
        "authlabs",
        "auth-labs",
        "rocket",
        "rust",
        "session",
        "server",
        "backend",
        "api",
        "development",
        "production",
        "staging",
        "local",
        "localhost",
        "wonderland",
        "builder",
    ];

    const NAMES: &[&str] = &[
        "michael", "jennifer", "jessica", "ashley", "daniel", "thomas", "charlie", "robert",
        "william", "david", "richard", "joseph", "matthew", "andrew", "joshua", "anthony", "sarah",
        "emily", "emma", "olivia", "sophia", "hannah", "nicole", "amanda", "melissa", "michelle",
        "alice", "bob", "carol", "dave", "eve", "mallory", "trent", "peggy", "victor", "oscar",
        "minji", "jisoo", "jihoon", "seojun",
    ];

    const WALKS: &[&str] = &[
        "qwerty",
        "qwertyuiop",
        "qwert",
        "asdf",
        "asdfgh",
        "asdfghjkl",
        "zxcvbn",
        "zxcvbnm",
        "qazwsx",
        "1qaz2wsx",
        "1q2w3e4r",
        "1q2w3e",
        "q1w2e3r4",
        "qweasd",
        "qweasdzxc",
        "poiuytrewq",
        "lkjhgfdsa",
        "mnbvcxz",
        "!qaz2wsx",
        "!QAZ2wsx",
        "1qazxsw2",
        "zaq12wsx",
        "qwer1234",
        "asdf1234",
        "1234qwer",
        "qwerty123",
        "azerty",
        "qwertz",
        "abcdef",
        "abcdefg",
        "abc123",
        "a1b2c3",
        "aaaaaa",
        "password1",
        "p@ssw0rd",
        "P@ssw0rd",
    ];

    const SEASONS: &[&str] = &["spring", "summer", "autumn", "fall", "winter"];
    const MONTHS: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];

    /// `summer` → `Summer`.
    fn capitalised(word: &str) -> String {
        let mut chars = word.chars();
        chars
            .next()
            .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
            .unwrap_or_default()
    }

    /// The common substitutions, all at once: `password` → `p455w0rd`.
    fn leet(word: &str) -> String {
        word.chars()
            .map(|c| match c {
                'a' => '4',
                'e' => '3',
                'i' => '1',
                'o' => '0',
                's' => '5',
                't' => '7',
                c => c,
            })
            .collect()
    }

    fn digit_runs() -> Vec<String> {
        let mut runs: Vec<String> = (3..=10).map(|n| "1234567890"[..n].to_string()).collect();
        runs.extend((3..=10).map(|n| "0987654321"[..n].to_string()));
        runs.extend((0..=9).map(|d| d.to_string().repeat(6)));
        runs.extend((0..=9).map(|d| d.to_string().repeat(8)));
        for run in [
            "121212", "123123", "654321", "112233", "696969", "123321", "159753",
        ] {
            runs.push(run.to_string());
        }
        runs.extend((1950..=2030).map(|y| y.to_string()));
        runs
    }

    /// The whole list, in a fixed order, each candidate once.
    pub fn generate() -> String {
        let mut list: Vec<String> = Vec::new();
        for word in WORDS.iter().chain(NAMES) {
            let cap = capitalised(word);
            for base in [word.to_string(), cap.clone(), word.to_ascii_uppercase()] {
                list.push(base);
            }
            for suffix in [
                "1", "12", "123", "1234", "12345", "!", "123!", "1!", "01", "69",
            ] {
                list.push(format!("{word}{suffix}"));
                list.push(format!("{cap}{suffix}"));
            }
            list.push(leet(word));
        }
        for year in 2000..=2030 {
            for time in SEASONS.iter().chain(MONTHS) {
                let cap = capitalised(time);
                list.push(format!("{time}{year}"));
                list.push(format!("{cap}{year}"));
                list.push(format!("{cap}{year}!"));
            }
        }
        list.extend(WALKS.iter().map(|w| w.to_string()));
        list.extend(digit_runs());
        let mut seen = std::collections::HashSet::new();
        list.retain(|w| seen.insert(w.clone()));
        list.join("\n") + "\n"
    }

    #[test]
    fn the_bundled_wordlist_is_what_the_generator_makes() {
        let made = generate();
        if std::env::var_os("UPDATE_WORDLIST").is_some() {
            std::fs::write(PATH, &made).expect("writes the wordlist");
        }
        assert!(
            FILE == made,
            "run UPDATE_WORDLIST=1 cargo test --lib wordlist"
        );
        let count = words().count();
        assert!((2_000..10_000).contains(&count), "{count} candidates");
        for expected in [
            "password",
            "wonderland",
            "Summer2024!",
            "p455w0rd",
            "qwerty123",
        ] {
            assert!(words().any(|w| w == expected), "{expected}");
        }
    }
}
