//! Beyond length: a secret is refused when it is a published demo value in any spelling
//! (the demo `secret_key` written as hex, the demo JWT secret used as a signing key), when one
//! value serves two settings (one leak would then break both mechanisms), or when it is
//! obviously guessable (`aaaa…`, `abcabc…`).

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;

use super::secrets::{DEMO_COOKIE_SIGNING_KEYS, DEMO_JWT_SECRET, DEMO_SECRET_KEY};
use super::ConfigError;

/// A configured secret: which setting, and the text as written.
pub struct Named<'a> {
    pub setting: &'static str,
    pub text: &'a str,
}

/// Fewer distinct characters than this in a secret of 32 or more bytes is no random value.
const MIN_DISTINCT: usize = 8;
/// A secret that is one short unit repeated (`abcabcabc…`) is as weak as the unit.
const MAX_REPEATED_UNIT: usize = 8;

/// Every byte string a text can stand for: itself, and what it decodes to as hex or base64.
fn spellings(text: &str) -> Vec<Vec<u8>> {
    let text = text.trim();
    let mut out = vec![text.as_bytes().to_vec()];
    if text.len().is_multiple_of(2) && text.bytes().all(|b| b.is_ascii_hexdigit()) {
        let hex: Option<Vec<u8>> = (0..text.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
            .collect();
        out.extend(hex);
    }
    out.extend(STANDARD.decode(text).ok());
    out
}

fn demo_spellings() -> Vec<Vec<u8>> {
    [DEMO_SECRET_KEY, DEMO_JWT_SECRET]
        .into_iter()
        .chain(DEMO_COOKIE_SIGNING_KEYS)
        .flat_map(spellings)
        .collect()
}

/// True when `text` is one of the published demo values, however it is spelled.
pub fn is_demo(text: &str) -> bool {
    let demos = demo_spellings();
    spellings(text).iter().any(|s| demos.contains(s))
}

/// Why `text` is guessable, if it is.
fn weakness(text: &str) -> Option<&'static str> {
    let mut distinct: Vec<char> = text.chars().collect();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() < MIN_DISTINCT {
        return Some("uses fewer than 8 different characters");
    }
    let bytes = text.as_bytes();
    let repeated = (1..=MAX_REPEATED_UNIT).any(|unit| {
        bytes.len() >= 2 * unit && bytes.iter().enumerate().all(|(i, b)| *b == bytes[i % unit])
    });
    repeated.then_some("is a short pattern repeated")
}

/// Refuses demo values, a value reused across settings, and guessable values.
pub fn check(secrets: &[Named<'_>], profile: &str) -> Result<(), ConfigError> {
    let how = "generate each with `openssl rand -base64 32`";
    for (i, secret) in secrets.iter().enumerate() {
        if is_demo(secret.text) {
            return Err(ConfigError(format!(
                "`{}` is a public demo value (in another spelling), refused in the `{profile}` profile: {how}.",
                secret.setting
            )));
        }
        if let Some(why) = weakness(secret.text) {
            return Err(ConfigError(format!(
                "`{}` {why}: it is guessable, refused in the `{profile}` profile: {how}.",
                secret.setting
            )));
        }
        let mine = spellings(secret.text);
        if let Some(other) = secrets[..i]
            .iter()
            .find(|o| spellings(o.text).iter().any(|s| mine.contains(s)))
        {
            return Err(ConfigError(format!(
                "`{}` and `{}` hold the same secret: one leak would break both; {how}, one per setting.",
                other.setting, secret.setting
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_values_are_recognised_in_hex_and_as_raw_text() {
        let demo_key_bytes = STANDARD.decode(DEMO_SECRET_KEY).expect("base64");
        let hex: String = demo_key_bytes.iter().map(|b| format!("{b:02x}")).collect();
        assert!(is_demo(&hex));
        assert!(is_demo("demo-only-auth-labs-secret-key!!"));
        assert!(is_demo(DEMO_JWT_SECRET));
        assert!(!is_demo("q3Yb7h0cJ1n2S3m4e5L6a7B8s9R0u1S2t3Y4w5Z6x7A="));
    }

    #[test]
    fn guessable_values_are_named() {
        assert!(weakness(&"a".repeat(40)).is_some());
        assert!(weakness(&"abcdefgh".repeat(5)).is_some());
        assert!(weakness("a-real-deployment-secret-with-more-than-32-bytes").is_none());
    }
}
