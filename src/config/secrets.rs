//! The secrets: Rocket's `secret_key` (private cookies), the JWT labs' HS256 secret and the
//! cookies lab's signing keys. The `debug` profile may use the demo values published in
//! `Rocket.toml` (or random ones for the run); any other profile refuses a secret that is
//! missing, too short or a demo value. Nothing here prints: what the operator should know
//! comes back as [`Warning`]s for the caller to log.

use std::fmt;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use rand::RngCore;
use rocket::figment::value::Value;
use rocket::figment::Figment;
use serde::Deserialize;

use super::strength::{self, Named};
use super::{component, ConfigError, Settings};

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

/// The secrets as they appear in the figment.
#[derive(Deserialize, Default)]
#[serde(default)]
struct RawSecrets {
    /// Rocket's own default is an all-zero byte array meaning "not set"; a string is a key.
    secret_key: Option<Value>,
    jwt_secret: Option<String>,
    cookie_signing_keys: Option<OneOrMany>,
    /// The class view's password; unset (or empty), the class view does not exist.
    teacher_token: Option<String>,
}

impl Settings for RawSecrets {}

/// The secrets the labs use, once accepted.
#[derive(Clone, Debug)]
pub struct Secrets {
    pub jwt_secret: Secret,
    pub cookie_signing_keys: Vec<Secret>,
    /// True when the demo secrets from `Rocket.toml` are in use (debug profile only).
    pub using_demo_secrets: bool,
    /// The class view's token (`teacher_token`), when set.
    pub teacher_token: Option<Secret>,
}

/// Something the operator should know about the secrets in use; the caller logs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Warning {
    /// `debug` without a `jwt_secret`: tokens die with the process.
    RandomJwtSecret,
    /// `debug` without `cookie_signing_keys`: signed cookies die with the process.
    RandomCookieSigningKey,
    /// The published demo secrets are in use.
    DemoSecrets,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Warning::RandomJwtSecret => {
                "no `jwt_secret` configured; using a random one for this run."
            }
            Warning::RandomCookieSigningKey => {
                "no `cookie_signing_keys` configured; using a random one for this run."
            }
            Warning::DemoSecrets => {
                "using the DEMO secrets from Rocket.toml [debug]; fine on your own \
                 machine, refused by any other profile."
            }
        })
    }
}

/// Reads and checks every secret for the figment's selected profile.
pub fn resolve(figment: &Figment) -> Result<(Secrets, Vec<Warning>), ConfigError> {
    let raw: RawSecrets = component(figment)?;
    let profile = figment.profile().as_str().to_string();
    let debug = profile == "debug";
    let mut warnings = Vec::new();

    let secret_key = configured_secret_key(raw.secret_key.as_ref());
    check_secret_key(secret_key.as_deref(), debug, &profile)?;
    let raw_jwt = raw.jwt_secret;
    let raw_signing = raw
        .cookie_signing_keys
        .map(OneOrMany::into_vec)
        .unwrap_or_default();
    let (jwt_secret, demo_jwt) =
        resolve_jwt_secret(raw_jwt.as_deref(), debug, &profile, &mut warnings)?;
    let (cookie_signing_keys, demo_signing) =
        resolve_cookie_signing_keys(Some(raw_signing.clone()), debug, &profile, &mut warnings)?;
    let using_demo_secrets =
        demo_jwt || demo_signing || secret_key.as_deref() == Some(DEMO_SECRET_KEY);
    let teacher_token = raw.teacher_token.filter(|token| !token.is_empty());
    check_teacher_token(teacher_token.as_deref(), debug, &profile)?;
    check_exposure(
        figment,
        using_demo_secrets,
        secret_key.as_deref(),
        raw_jwt.as_deref(),
        &raw_signing,
        teacher_token.as_deref(),
    )?;
    if using_demo_secrets {
        warnings.push(Warning::DemoSecrets);
    }
    let secrets = Secrets {
        jwt_secret,
        cookie_signing_keys,
        using_demo_secrets,
        teacher_token: teacher_token.map(|token| Secret(token.into_bytes())),
    };
    Ok((secrets, warnings))
}

/// Demo secrets never serve other machines, and outside `debug` (or on a network) every secret
/// must also pass [`strength::check`]: no demo value in any spelling, no reuse, nothing guessable.
fn check_exposure(
    figment: &Figment,
    using_demo_secrets: bool,
    secret_key: Option<&str>,
    jwt_secret: Option<&str>,
    signing_keys: &[String],
    teacher_token: Option<&str>,
) -> Result<(), ConfigError> {
    let debug = figment.profile() == "debug";
    let loopback = binds_loopback(figment);
    if using_demo_secrets && !loopback {
        return Err(ConfigError(
            "the demo secrets are public, and `address` lets other machines reach this server: \
             set ROCKET_SECRET_KEY, ROCKET_JWT_SECRET and ROCKET_COOKIE_SIGNING_KEYS (each from \
             `openssl rand -base64 32`), or keep ROCKET_ADDRESS=127.0.0.1."
                .into(),
        ));
    }
    if debug && loopback {
        return Ok(());
    }
    let mut named = Vec::new();
    if let Some(key) = secret_key {
        named.push(Named {
            setting: "secret_key",
            text: key,
        });
    }
    if let Some(jwt) = jwt_secret {
        named.push(Named {
            setting: "jwt_secret",
            text: jwt,
        });
    }
    for key in signing_keys {
        named.push(Named {
            setting: "cookie_signing_keys",
            text: key,
        });
    }
    if let Some(token) = teacher_token {
        named.push(Named {
            setting: "teacher_token",
            text: token,
        });
    }
    strength::check(&named, figment.profile().as_str().as_str())
}

/// Outside `debug` the class view's token guards every learner's progress on a shared server:
/// it must be as long as the other secrets (and, in `check_exposure`, as unguessable).
fn check_teacher_token(token: Option<&str>, debug: bool, profile: &str) -> Result<(), ConfigError> {
    match token {
        Some(token) if !debug && token.len() < MIN_SECRET_BYTES => Err(ConfigError(format!(
            "`teacher_token` is {} bytes; the class view's token needs at least {MIN_SECRET_BYTES} in the `{profile}` profile: generate one with `openssl rand -base64 32` and set ROCKET_TEACHER_TOKEN=<that value>.",
            token.len()
        ))),
        _ => Ok(()),
    }
}

/// Whether the server listens on a loopback address only (Rocket's `address`, default
/// 127.0.0.1), so that no other machine can reach it.
fn binds_loopback(figment: &Figment) -> bool {
    figment
        .extract_inner::<std::net::IpAddr>("address")
        .map_or(true, |address| address.is_loopback())
}

fn random_secret() -> Secret {
    let mut bytes = vec![0u8; MIN_SECRET_BYTES];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    Secret(bytes)
}

/// The `secret_key` as configured: a string, the bytes of a non-zero byte array, or `None`
/// for Rocket's all-zero "not set" default.
fn configured_secret_key(value: Option<&Value>) -> Option<String> {
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
    warnings: &mut Vec<Warning>,
) -> Result<(Secret, bool), ConfigError> {
    let how = "generate one with `openssl rand -base64 32` and set ROCKET_JWT_SECRET=<that value>";
    match value {
        None if debug => {
            warnings.push(Warning::RandomJwtSecret);
            Ok((random_secret(), false))
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
    warnings: &mut Vec<Warning>,
) -> Result<(Vec<Secret>, bool), ConfigError> {
    let how = "generate one with `openssl rand -base64 32` and set \
               ROCKET_COOKIE_SIGNING_KEYS=<that value> (or '[\"<new>\", \"<old>\"]': the first signs, all verify)";
    let keys = match value {
        Some(keys) if !keys.is_empty() => keys,
        _ if debug => {
            warnings.push(Warning::RandomCookieSigningKey);
            return Ok((vec![random_secret()], false));
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
