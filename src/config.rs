//! Typed configuration, read from Rocket's figment (`Rocket.toml` + `ROCKET_*` variables)
//! and validated once, at ignite, before anything is served.

use std::fmt;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use rand::RngCore;
use rocket::figment::Figment;
use serde::Deserialize;
use time::Duration;

/// The demo `secret_key` in `Rocket.toml`'s `[debug]` profile. It is public, so any other
/// profile refuses it. (It is the base64 of `demo-only-auth-labs-secret-key!!`.)
pub const DEMO_SECRET_KEY: &str = "ZGVtby1vbmx5LWF1dGgtbGFicy1zZWNyZXQta2V5ISE=";

/// The demo JWT secret in `Rocket.toml`'s `[debug]` profile; refused outside `debug`.
pub const DEMO_JWT_SECRET: &str = "DEMO-ONLY-auth-labs-jwt-secret-never-use-in-production";

/// The demo cookie-signing keys in `Rocket.toml`'s `[debug]` profile (new first, old second, so
/// the cookies lab can show a key rotation); refused outside `debug`.
pub const DEMO_COOKIE_SIGNING_KEYS: [&str; 2] = [
    "DEMO-ONLY-auth-labs-cookie-signing-key-2-current",
    "DEMO-ONLY-auth-labs-cookie-signing-key-1-retired",
];

/// Both secrets must carry at least 256 bits (RFC 7518 §3.2 for HS256; Rocket wants 256 too).
pub const MIN_SECRET_BYTES: usize = 32;

/// The largest `jwt_leeway` accepted, in seconds.
pub const MAX_JWT_LEEWAY: u64 = 3600;
/// The largest timeout or lifetime accepted, in seconds (one year).
pub const MAX_DURATION_SECONDS: u64 = 365 * 24 * 3600;

/// Every Auth Labs setting, with the defaults `Rocket.toml` documents.
#[derive(Clone)]
pub struct AppConfig {
    /// A session unused for this long is gone (OWASP: 15–30 min for low-risk apps).
    pub session_idle_timeout: Duration,
    /// A session older than this is gone however active it is.
    pub session_absolute_timeout: Duration,
    /// At most this many sessions live in memory; the least recently seen one makes room.
    pub session_capacity: usize,
    /// How often the background sweep removes expired sessions.
    pub session_sweep_interval: Duration,
    /// The HS256 key shared by the JWT labs.
    pub jwt_secret: Secret,
    /// HMAC-SHA256 keys for the cookies lab's signed cookie: the first signs, every one
    /// verifies (express's `secret: [new, old]`), so a key can be rotated without
    /// invalidating the cookies already out there.
    pub cookie_signing_keys: Vec<Secret>,
    /// How long an issued JWT stays valid (`exp - iat`).
    pub jwt_ttl: Duration,
    /// Clock skew tolerated when checking `exp`; the `jsonwebtoken` crate defaults to 60 s.
    pub jwt_leeway: Duration,
    /// argon2id memory cost in KiB, iterations and parallelism (OWASP: m=19456, t=2, p=1).
    pub argon2_m_cost: u32,
    pub argon2_t_cost: u32,
    pub argon2_p_cost: u32,
    /// At most this many accounts in the in-memory user directory (demo accounts included).
    pub user_capacity: usize,
    /// Mark cookies `Secure` (sent over HTTPS only). Set it when users reach the app over
    /// HTTPS, e.g. behind a TLS-terminating proxy; with Rocket's own TLS it is automatic.
    /// Off by default: a `Secure` cookie is never stored over plain `http://`.
    pub cookie_secure: bool,
    /// True when the demo secrets from `Rocket.toml` are in use (debug profile only).
    pub using_demo_secrets: bool,
}

/// Secret bytes that never print themselves.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Vec<u8>);

impl Secret {
    pub fn new(bytes: impl Into<Vec<u8>>) -> Secret {
        Secret(bytes.into())
    }

    pub fn bytes(&self) -> &[u8] {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({} bytes, redacted)", self.0.len())
    }
}

impl fmt::Debug for AppConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AppConfig")
            .field("session_idle_timeout", &self.session_idle_timeout)
            .field("session_absolute_timeout", &self.session_absolute_timeout)
            .field("session_capacity", &self.session_capacity)
            .field("jwt_secret", &self.jwt_secret)
            .field("cookie_signing_keys", &self.cookie_signing_keys)
            .field("jwt_ttl", &self.jwt_ttl)
            .field("jwt_leeway", &self.jwt_leeway)
            .finish_non_exhaustive()
    }
}

/// The raw settings as they appear in the figment; every field has a default.
#[derive(Deserialize)]
#[serde(default)]
struct RawConfig {
    /// Rocket's own default is an all-zero byte array meaning "not set"; a string is a key.
    secret_key: Option<rocket::figment::value::Value>,
    jwt_secret: Option<String>,
    cookie_signing_keys: Option<OneOrMany>,
    session_idle_timeout: u64,
    session_absolute_timeout: u64,
    session_capacity: usize,
    session_sweep_interval: u64,
    jwt_ttl: u64,
    jwt_leeway: u64,
    argon2_m_cost: u32,
    argon2_t_cost: u32,
    argon2_p_cost: u32,
    user_capacity: usize,
    cookie_secure: bool,
}

impl Default for RawConfig {
    fn default() -> Self {
        RawConfig {
            secret_key: None,
            jwt_secret: None,
            cookie_signing_keys: None,
            session_idle_timeout: 30 * 60,
            session_absolute_timeout: 8 * 60 * 60,
            session_capacity: 100_000,
            session_sweep_interval: 60,
            jwt_ttl: 15 * 60,
            jwt_leeway: 0,
            argon2_m_cost: 19_456,
            argon2_t_cost: 2,
            argon2_p_cost: 1,
            user_capacity: 1_000,
            cookie_secure: false,
        }
    }
}

/// `cookie_signing_keys = "key"` or `cookie_signing_keys = ["new", "old"]`.
#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(key) => vec![key],
            OneOrMany::Many(keys) => keys,
        }
    }
}

/// Why the configuration was refused: one line naming the setting and how to fix it.
#[derive(Debug, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AppConfig {
    /// Reads and validates the settings for the figment's selected profile.
    pub fn from_figment(figment: &Figment) -> Result<AppConfig, ConfigError> {
        let raw: RawConfig = figment
            .extract()
            .map_err(|e| ConfigError(format!("Auth Labs configuration is invalid: {e}")))?;
        let profile = figment.profile().as_str().to_string();
        let debug = profile == "debug";

        let secret_key = configured_secret_key(raw.secret_key.as_ref());
        check_secret_key(secret_key.as_deref(), debug, &profile)?;
        let (jwt_secret, demo_jwt) =
            resolve_jwt_secret(raw.jwt_secret.as_deref(), debug, &profile)?;
        let (cookie_signing_keys, demo_signing) = resolve_cookie_signing_keys(
            raw.cookie_signing_keys.map(OneOrMany::into_vec),
            debug,
            &profile,
        )?;

        for (name, value) in [
            ("session_idle_timeout", raw.session_idle_timeout),
            ("session_absolute_timeout", raw.session_absolute_timeout),
            ("session_sweep_interval", raw.session_sweep_interval),
            ("jwt_ttl", raw.jwt_ttl),
        ] {
            if value == 0 {
                return Err(ConfigError(format!(
                    "`{name}` must be at least 1 second (set it in Rocket.toml or ROCKET_{}).",
                    name.to_uppercase()
                )));
            }
        }
        // A leeway beyond an hour defeats `exp`; a huge one would also underflow the
        // library's `now - leeway`.
        if raw.jwt_leeway > MAX_JWT_LEEWAY {
            return Err(ConfigError(format!(
                "`jwt_leeway` is {} s; at most {MAX_JWT_LEEWAY} s makes sense (set ROCKET_JWT_LEEWAY).",
                raw.jwt_leeway
            )));
        }
        // Durations beyond a year are surely typos, and would overflow date arithmetic.
        for (name, value) in [
            ("session_idle_timeout", raw.session_idle_timeout),
            ("session_absolute_timeout", raw.session_absolute_timeout),
            ("session_sweep_interval", raw.session_sweep_interval),
            ("jwt_ttl", raw.jwt_ttl),
        ] {
            if value > MAX_DURATION_SECONDS {
                return Err(ConfigError(format!(
                    "`{name}` is {value} s; at most {MAX_DURATION_SECONDS} s (one year) is accepted."
                )));
            }
        }
        if raw.session_capacity == 0 || raw.user_capacity == 0 {
            return Err(ConfigError(
                "`session_capacity` and `user_capacity` must be at least 1.".into(),
            ));
        }
        argon2::Params::new(
            raw.argon2_m_cost,
            raw.argon2_t_cost,
            raw.argon2_p_cost,
            None,
        )
        .map_err(|e| ConfigError(format!("argon2 parameters are invalid: {e}")))?;

        Ok(AppConfig {
            session_idle_timeout: seconds(raw.session_idle_timeout),
            session_absolute_timeout: seconds(raw.session_absolute_timeout),
            session_capacity: raw.session_capacity,
            session_sweep_interval: seconds(raw.session_sweep_interval),
            jwt_secret,
            cookie_signing_keys,
            jwt_ttl: seconds(raw.jwt_ttl),
            jwt_leeway: seconds(raw.jwt_leeway),
            argon2_m_cost: raw.argon2_m_cost,
            argon2_t_cost: raw.argon2_t_cost,
            argon2_p_cost: raw.argon2_p_cost,
            user_capacity: raw.user_capacity,
            cookie_secure: raw.cookie_secure,
            using_demo_secrets: demo_jwt
                || demo_signing
                || secret_key.as_deref() == Some(DEMO_SECRET_KEY),
        })
    }
}

fn seconds(s: u64) -> Duration {
    Duration::seconds(i64::try_from(s).unwrap_or(i64::MAX))
}

/// The `secret_key` as configured: a string, the bytes of a non-zero byte array, or `None`
/// for Rocket's all-zero "not set" default.
fn configured_secret_key(value: Option<&rocket::figment::value::Value>) -> Option<String> {
    use rocket::figment::value::Value;
    match value? {
        Value::String(_, key) => Some(key.clone()),
        Value::Array(_, items) => {
            let bytes: Vec<u8> = items
                .iter()
                .filter_map(|v| v.to_u128())
                .map(|n| n as u8)
                .collect();
            (bytes.iter().any(|b| *b != 0)).then(|| STANDARD.encode(bytes))
        }
        _ => None,
    }
}

/// Rocket's `secret_key` encrypts private cookies. Rocket itself only insists that one is
/// set outside `debug`; we also refuse short and published (demo) keys.
fn check_secret_key(value: Option<&str>, debug: bool, profile: &str) -> Result<(), ConfigError> {
    let how = "generate one with `openssl rand -base64 32` and set ROCKET_SECRET_KEY=<that value>";
    match value {
        // In `debug` Rocket generates a random key per launch (private cookies die on restart).
        None if debug => Ok(()),
        None => Err(ConfigError(format!(
            "`secret_key` is not set for the `{profile}` profile: {how}."
        ))),
        Some(DEMO_SECRET_KEY) if debug => Ok(()),
        Some(DEMO_SECRET_KEY) => Err(ConfigError(format!(
            "`secret_key` is the public demo key, refused in the `{profile}` profile: {how}."
        ))),
        Some(key) => {
            let len = decode_key(key).map_or(0, |bytes| bytes.len());
            if len < MIN_SECRET_BYTES {
                Err(ConfigError(format!(
                    "`secret_key` must be base64 or hex for at least {MIN_SECRET_BYTES} bytes: {how}."
                )))
            } else {
                Ok(())
            }
        }
    }
}

fn decode_key(key: &str) -> Option<Vec<u8>> {
    let key = key.trim();
    if key.len().is_multiple_of(2) && key.bytes().all(|b| b.is_ascii_hexdigit()) {
        return (0..key.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&key[i..i + 2], 16).ok())
            .collect();
    }
    STANDARD.decode(key).ok()
}

/// The JWT secret is used as raw bytes (its UTF-8 encoding).
fn resolve_jwt_secret(
    value: Option<&str>,
    debug: bool,
    profile: &str,
) -> Result<(Secret, bool), ConfigError> {
    let how = "generate one with `openssl rand -base64 32` and set ROCKET_JWT_SECRET=<that value>";
    match value {
        None if debug => {
            let mut bytes = vec![0u8; MIN_SECRET_BYTES];
            rand::rngs::OsRng.fill_bytes(&mut bytes);
            eprintln!("auth-labs: no `jwt_secret` configured; using a random one for this run.");
            Ok((Secret(bytes), false))
        }
        None => Err(ConfigError(format!(
            "`jwt_secret` is not set for the `{profile}` profile: {how}."
        ))),
        Some(DEMO_JWT_SECRET) if debug => Ok((Secret(DEMO_JWT_SECRET.as_bytes().to_vec()), true)),
        Some(DEMO_JWT_SECRET) => Err(ConfigError(format!(
            "`jwt_secret` is the public demo secret, refused in the `{profile}` profile: {how}."
        ))),
        Some(secret) if secret.len() < MIN_SECRET_BYTES => Err(ConfigError(format!(
            "`jwt_secret` is {} bytes; HS256 needs at least {MIN_SECRET_BYTES}: {how}.",
            secret.len()
        ))),
        Some(secret) => Ok((Secret(secret.as_bytes().to_vec()), false)),
    }
}

/// Each cookie-signing key is used as raw bytes (its UTF-8 encoding) and, like the JWT
/// secret, must carry at least 256 bits; none may be a published demo key outside `debug`.
fn resolve_cookie_signing_keys(
    value: Option<Vec<String>>,
    debug: bool,
    profile: &str,
) -> Result<(Vec<Secret>, bool), ConfigError> {
    let how = "generate one with `openssl rand -base64 32` and set \
               ROCKET_COOKIE_SIGNING_KEYS=<that value> (or '[\"<new>\", \"<old>\"]': the first signs, all verify)";
    let keys = match value {
        Some(keys) if !keys.is_empty() => keys,
        _ if debug => {
            let mut bytes = vec![0u8; MIN_SECRET_BYTES];
            rand::rngs::OsRng.fill_bytes(&mut bytes);
            eprintln!(
                "auth-labs: no `cookie_signing_keys` configured; using a random one for this run."
            );
            return Ok((vec![Secret(bytes)], false));
        }
        _ => {
            return Err(ConfigError(format!(
                "`cookie_signing_keys` is not set for the `{profile}` profile: {how}."
            )))
        }
    };
    let mut demo = false;
    for (i, key) in keys.iter().enumerate() {
        let n = i + 1;
        if DEMO_COOKIE_SIGNING_KEYS.contains(&key.as_str()) {
            if !debug {
                return Err(ConfigError(format!(
                    "`cookie_signing_keys` key {n} is a public demo key, refused in the `{profile}` profile: {how}."
                )));
            }
            demo = true;
        } else if key.len() < MIN_SECRET_BYTES {
            return Err(ConfigError(format!(
                "`cookie_signing_keys` key {n} is {} bytes; HMAC-SHA256 keys need at least {MIN_SECRET_BYTES}: {how}.",
                key.len()
            )));
        }
    }
    let keys = keys
        .into_iter()
        .map(|key| Secret(key.into_bytes()))
        .collect();
    Ok((keys, demo))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rocket::figment::providers::{Format, Toml};

    const REAL_KEY: &str = "q3Yb7h0cJ1n2S3m4e5L6a7B8s9R0u1S2t3Y4w5Z6x7A=";
    const REAL_JWT: &str = "a-real-deployment-secret-with-more-than-32-bytes";
    const REAL_SIGNING: &str = "a-real-cookie-signing-key-with-more-than-32-bytes";

    fn figment(profile: &str, pairs: &[(&str, &str)]) -> Figment {
        pairs
            .iter()
            .fold(Figment::new(), |f, (k, v)| f.merge((*k, *v)))
            .select(profile)
    }

    fn refusal(profile: &str, pairs: &[(&str, &str)]) -> String {
        match AppConfig::from_figment(&figment(profile, pairs)) {
            Ok(_) => panic!("configuration was accepted"),
            Err(e) => e.0,
        }
    }

    #[test]
    fn release_without_secret_key_is_refused_with_the_variable_to_set() {
        let msg = refusal("release", &[("jwt_secret", REAL_JWT)]);
        assert!(msg.contains("`secret_key` is not set"), "{msg}");
        assert!(msg.contains("ROCKET_SECRET_KEY="), "{msg}");
        assert!(!msg.contains('\n'));
    }

    #[test]
    fn release_with_demo_secrets_is_refused() {
        let msg = refusal(
            "release",
            &[("secret_key", DEMO_SECRET_KEY), ("jwt_secret", REAL_JWT)],
        );
        assert!(msg.contains("public demo key"), "{msg}");
        let msg = refusal(
            "release",
            &[("secret_key", REAL_KEY), ("jwt_secret", DEMO_JWT_SECRET)],
        );
        assert!(msg.contains("public demo secret"), "{msg}");
    }

    #[test]
    fn short_secrets_are_refused() {
        let msg = refusal(
            "release",
            &[("secret_key", "c2hvcnQ="), ("jwt_secret", REAL_JWT)],
        );
        assert!(msg.contains("at least 32 bytes"), "{msg}");
        let msg = refusal(
            "release",
            &[("secret_key", REAL_KEY), ("jwt_secret", "too-short")],
        );
        assert!(msg.contains("HS256 needs at least 32"), "{msg}");
        assert!(msg.contains("ROCKET_JWT_SECRET="), "{msg}");
    }

    #[test]
    fn release_with_real_secrets_starts() {
        let config = AppConfig::from_figment(&figment(
            "release",
            &[
                ("secret_key", REAL_KEY),
                ("jwt_secret", REAL_JWT),
                ("cookie_signing_keys", REAL_SIGNING),
            ],
        ))
        .expect("real secrets are accepted");
        assert!(!config.using_demo_secrets);
        assert_eq!(config.jwt_secret.bytes(), REAL_JWT.as_bytes());
    }

    #[test]
    fn debug_accepts_the_demo_secrets_and_says_so() {
        let config = AppConfig::from_figment(&figment(
            "debug",
            &[
                ("secret_key", DEMO_SECRET_KEY),
                ("jwt_secret", DEMO_JWT_SECRET),
            ],
        ))
        .expect("debug accepts demo secrets");
        assert!(config.using_demo_secrets);
    }

    #[test]
    fn absurd_leeway_and_durations_are_refused() {
        for (key, expected) in [("jwt_leeway", "`jwt_leeway`"), ("jwt_ttl", "one year")] {
            let figment = Figment::new()
                .merge((key, 99_999_999_999u64))
                .select("debug");
            let msg = AppConfig::from_figment(&figment).expect_err("refused").0;
            assert!(msg.contains(expected), "{msg}");
        }
    }

    #[test]
    fn defaults_follow_owasp() {
        let config = AppConfig::from_figment(&figment("debug", &[])).expect("defaults are valid");
        assert_eq!(config.session_idle_timeout, Duration::minutes(30));
        assert_eq!(config.session_absolute_timeout, Duration::hours(8));
        assert_eq!(config.session_capacity, 100_000);
        assert_eq!(config.jwt_ttl, Duration::minutes(15));
        assert_eq!(config.jwt_leeway, Duration::ZERO);
        assert_eq!(
            (
                config.argon2_m_cost,
                config.argon2_t_cost,
                config.argon2_p_cost
            ),
            (19_456, 2, 1)
        );
    }

    #[test]
    fn secrets_never_appear_in_debug_output() {
        let config = AppConfig::from_figment(&figment(
            "release",
            &[
                ("secret_key", REAL_KEY),
                ("jwt_secret", REAL_JWT),
                ("cookie_signing_keys", REAL_SIGNING),
            ],
        ))
        .expect("valid");
        let debug = format!("{config:?}");
        assert!(!debug.contains(REAL_JWT));
        assert!(!debug.contains(REAL_SIGNING), "{debug}");
    }

    #[test]
    fn rocket_toml_debug_profile_uses_exactly_the_known_demo_secrets() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/Rocket.toml");
        let figment = Figment::from(Toml::file(path).nested()).select("debug");
        let key: String = figment
            .extract_inner("secret_key")
            .expect("debug secret_key");
        let jwt: String = figment
            .extract_inner("jwt_secret")
            .expect("debug jwt_secret");
        let signing: Vec<String> = figment
            .extract_inner("cookie_signing_keys")
            .expect("debug cookie_signing_keys");
        assert_eq!(key, DEMO_SECRET_KEY);
        assert_eq!(jwt, DEMO_JWT_SECRET);
        assert_eq!(signing, DEMO_COOKIE_SIGNING_KEYS);
        let release = Figment::from(Toml::file(path).nested()).select("release");
        assert!(release.extract_inner::<String>("secret_key").is_err());
        assert!(release
            .extract_inner::<Vec<String>>("cookie_signing_keys")
            .is_err());
    }

    fn with_signing_keys(keys: &[&str]) -> Figment {
        figment(
            "release",
            &[("secret_key", REAL_KEY), ("jwt_secret", REAL_JWT)],
        )
        .merge(("cookie_signing_keys", keys))
    }

    fn signing_refusal(figment: Figment) -> String {
        match AppConfig::from_figment(&figment) {
            Ok(_) => panic!("configuration was accepted"),
            Err(e) => e.0,
        }
    }

    #[test]
    fn release_refuses_missing_short_or_demo_cookie_signing_keys() {
        let msg = signing_refusal(figment(
            "release",
            &[("secret_key", REAL_KEY), ("jwt_secret", REAL_JWT)],
        ));
        assert!(msg.contains("`cookie_signing_keys` is not set"), "{msg}");
        assert!(msg.contains("ROCKET_COOKIE_SIGNING_KEYS="), "{msg}");
        let msg = signing_refusal(with_signing_keys(&[]));
        assert!(msg.contains("is not set"), "{msg}");
        let msg = signing_refusal(with_signing_keys(&[REAL_SIGNING, "short"]));
        assert!(msg.contains("key 2 is 5 bytes"), "{msg}");
        let msg = signing_refusal(with_signing_keys(&[
            REAL_SIGNING,
            DEMO_COOKIE_SIGNING_KEYS[1],
        ]));
        assert!(msg.contains("key 2 is a public demo key"), "{msg}");
        assert!(!msg.contains('\n'));
    }

    #[test]
    fn cookie_signing_keys_keep_their_order_new_first() {
        let config = AppConfig::from_figment(&with_signing_keys(&[REAL_SIGNING, REAL_JWT]))
            .expect("two real keys");
        let keys: Vec<&[u8]> = config
            .cookie_signing_keys
            .iter()
            .map(Secret::bytes)
            .collect();
        assert_eq!(keys, [REAL_SIGNING.as_bytes(), REAL_JWT.as_bytes()]);
        assert!(!config.using_demo_secrets);
    }

    #[test]
    fn debug_without_cookie_signing_keys_uses_one_random_key() {
        let config = AppConfig::from_figment(&figment("debug", &[])).expect("debug");
        assert_eq!(config.cookie_signing_keys.len(), 1);
        assert_eq!(
            config.cookie_signing_keys[0].bytes().len(),
            MIN_SECRET_BYTES
        );
    }
}
