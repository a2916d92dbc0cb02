//! The source viewer shows the project's own files, `Rocket.toml` among them: every secret's
//! value is blanked before a learner (or anyone on a class server) sees it.

/// Settings whose values are secrets, in `Rocket.toml` or any other TOML file shown.
const SECRET_SETTINGS: [&str; 4] = [
    "secret_key",
    "jwt_secret",
    "cookie_signing_keys",
    "teacher_token",
];

const REDACTED: &str = "\"(redacted: the source viewer never shows a secret)\"";

/// `text` with the value of every secret setting replaced, including multi-line arrays.
pub fn redact_toml(text: &str) -> String {
    let mut out = Vec::new();
    let mut in_array = false;
    for line in text.lines() {
        if in_array {
            // Inside a secret's multi-line array: drop lines until it closes.
            if line.contains(']') {
                in_array = false;
            }
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            out.push(line.to_string());
            continue;
        };
        let name = key.trim().trim_matches('"');
        if key.trim_start().starts_with('#') || !SECRET_SETTINGS.contains(&name) {
            out.push(line.to_string());
            continue;
        }
        let value = value.trim();
        in_array = value.starts_with('[') && !value.contains(']');
        out.push(format!("{key}= {REDACTED}"));
    }
    let mut joined = out.join("\n");
    if text.ends_with('\n') {
        joined.push('\n');
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_values_are_blanked_and_everything_else_is_kept() {
        let toml = "# secret_key = \"in a comment stays\"\nport = 8000\nsecret_key = \"abc\"\n\
                    jwt_secret=\"def\"\ncookie_signing_keys = [\n  \"k1\",\n  \"k2\",\n]\nlog_level = \"normal\"\n";
        let shown = redact_toml(toml);
        for secret in ["\"abc\"", "\"def\"", "k1", "k2"] {
            assert!(!shown.contains(secret), "{secret} leaked:\n{shown}");
        }
        assert!(shown.contains("port = 8000"));
        assert!(shown.contains("log_level = \"normal\""));
        assert!(shown.contains("# secret_key = \"in a comment stays\""));
        assert_eq!(shown.matches("redacted").count(), 3, "{shown}");
    }

    #[test]
    fn the_shipped_rocket_toml_shows_none_of_its_demo_secrets() {
        let text = std::fs::read_to_string("Rocket.toml").expect("Rocket.toml");
        let shown = redact_toml(&text);
        for demo in [
            crate::config::DEMO_SECRET_KEY,
            crate::config::DEMO_JWT_SECRET,
            crate::config::DEMO_COOKIE_SIGNING_KEYS[0],
            crate::config::DEMO_COOKIE_SIGNING_KEYS[1],
        ] {
            assert!(!shown.contains(demo), "{demo} leaked");
        }
    }
}
