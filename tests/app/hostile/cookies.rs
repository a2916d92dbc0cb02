//! Hostile cookies: malformed, oversized, duplicated and non-UTF-8 values for every cookie a
//! lab reads, on the page that reads it.

use super::{Expect, Table};
use crate::support::{COOKIES, JWT_COOKIE, SESSIONS};

pub fn rows(t: &mut Table) {
    // Every cookie a lab reads, on the page that reads it.
    let cookies = [
        (SESSIONS, "sid"),
        (COOKIES, "plain_visits"),
        (COOKIES, "signed_visits"),
        (COOKIES, "private_visits"),
        (COOKIES, "user"),
        (JWT_COOKIE, "jwt"),
    ];
    for (base, name) in cookies {
        let values: Vec<(&str, Vec<Vec<u8>>)> = vec![
            ("an empty value", vec![format!("{name}=").into()]),
            ("a garbage value", vec![format!("{name}=garbage").into()]),
            ("no `=`", vec![name.into()]),
            (
                "an empty name beside it",
                vec![format!("=x; {name}=garbage; =").into()],
            ),
            ("only separators", vec![format!(";;; ;{name}=1;;").into()]),
            ("a quoted value", vec![format!("{name}=\"quoted\"").into()]),
            (
                "a value with spaces and commas",
                vec![format!("{name}=a b, c").into()],
            ),
            (
                "percent-encoded invalid UTF-8",
                vec![format!("{name}=%FF%FE%80").into()],
            ),
            (
                "percent-encoded NUL and CRLF",
                vec![format!("{name}=%00%0D%0Aevil").into()],
            ),
            (
                "raw bytes that are not UTF-8",
                vec![[format!("{name}=").as_bytes(), b"\xff\xfe\x80"].concat()],
            ),
            (
                "a non-UTF-8 header beside a junk one",
                vec![b"other=\xff".to_vec(), format!("{name}=junk").into()],
            ),
            (
                "the name twice in one header",
                vec![format!("{name}=one; {name}=two").into()],
            ),
            (
                "the name in two Cookie headers",
                vec![format!("{name}=one").into(), format!("{name}=two").into()],
            ),
            (
                "random base64 of a plausible size",
                vec![format!("{name}=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").into()],
            ),
            (
                "a 4 kB value",
                vec![format!("{name}={}", "A".repeat(4096)).into()],
            ),
            (
                "a 64 kB value",
                vec![format!("{name}={}", "A".repeat(65_536)).into()],
            ),
            (
                "1000 other cookies beside it",
                vec![(0..1000)
                    .map(|i| format!("c{i}={i}"))
                    .chain([format!("{name}=junk")])
                    .collect::<Vec<_>>()
                    .join("; ")
                    .into()],
            ),
        ];
        for (what, headers) in values {
            let mut request = t.get(base);
            for header in headers {
                request = request.header("Cookie", header);
            }
            t.add(
                format!("GET {base} with `{name}`: {what}"),
                request,
                Expect::FreshVisitor,
            );
        }
    }

    // Counter values a learner might type into devtools.
    for name in ["plain_visits", "signed_visits"] {
        for value in [
            "-1",
            "1e3",
            "99999999999999999999999",
            "0x10",
            "18446744073709551615",
        ] {
            t.add(
                format!("GET {COOKIES} with `{name}={value}`"),
                t.get(COOKIES).header("Cookie", format!("{name}={value}")),
                // `#visits` is the private counter: a fresh visitor's 1 whatever the others say.
                Expect::FreshVisitor,
            );
        }
    }
    for value in ["7.", ".", "7.AAAA", "7.%FF", "..."] {
        t.add(
            format!("GET {COOKIES} with a forged signed counter `{value}`"),
            t.get(COOKIES)
                .header("Cookie", format!("signed_visits={value}")),
            Expect::FreshVisitor,
        );
    }

    // Rocket's flash cookie, read by every page that shows a one-shot message.
    for path in ["/", SESSIONS, COOKIES, JWT_COOKIE, "/labs/cookies/builder"] {
        let flashes: [(&str, &[u8]); 6] = [
            ("no delimiter", b"junk"),
            ("a length past the end", b"5:ab"),
            ("an absurd length", b"99999999999999999999999:x"),
            ("a length inside a multi-byte character", b"1:%C3%A9"),
            (
                "a length inside a raw multi-byte character",
                "1:éé".as_bytes(),
            ),
            ("raw bytes that are not UTF-8", b"1:\xff\xfe"),
        ];
        for (what, value) in flashes {
            let expect = if path.starts_with("/labs/") && !path.ends_with("builder") {
                Expect::FreshVisitor
            } else {
                Expect::Page(200)
            };
            t.add(
                format!("GET {path} with a `_flash` cookie: {what}"),
                t.get(path)
                    .header("Cookie", [b"_flash=".as_slice(), value].concat()),
                expect,
            );
        }
    }

    // Protected pages and logouts refuse junk credentials the normal way.
    for (base, cookie) in [
        (SESSIONS, "sid=garbage"),
        (SESSIONS, "sid=AAAAAAAAAAAAAAAAAAAAAA"),
        (COOKIES, "user=garbage"),
        (COOKIES, "user=alice"),
        (JWT_COOKIE, "jwt=a.b.c"),
        (JWT_COOKIE, "jwt=%FF"),
    ] {
        let login = match base {
            SESSIONS => "/labs/sessions/login",
            COOKIES => "/labs/cookies/login",
            _ => "/labs/jwt-cookie/login",
        };
        t.add(
            format!("GET {base}/me with `{cookie}`"),
            t.get(&format!("{base}/me")).header("Cookie", cookie),
            Expect::Redirect(login),
        );
        let home = match base {
            SESSIONS => SESSIONS,
            COOKIES => COOKIES,
            _ => JWT_COOKIE,
        };
        t.add(
            format!("POST {base}/logout with `{cookie}`"),
            t.post(&format!("{base}/logout")).header("Cookie", cookie),
            Expect::Redirect(home),
        );
    }
    t.add(
        "POST /labs/cookies/signed/retired-key with a forged signed counter",
        t.post("/labs/cookies/signed/retired-key")
            .header("Cookie", "signed_visits=99.forged"),
        Expect::Redirect(COOKIES),
    );
}
