//! Helpers for the JWT tests: the app's own keys, reading a token, and forging the classic
//! attacks (an edited payload, `alg: none`, another secret, an expired token).

use std::collections::BTreeMap;

use super::internals::AppConfig;
use super::internals::{b64url, decode_unverified, Audience, JwtKeys};
use hmac::{Hmac, Mac};
use jwt::VerifyWithKey;
use rocket::local::blocking::Client;
use serde_json::{Map, Value};
use sha2::Sha256;
use time::{Duration, OffsetDateTime};

/// The keys the app under test signs with.
pub fn keys(client: &Client) -> &JwtKeys {
    client
        .rocket()
        .state::<JwtKeys>()
        .expect("JwtKeys is managed")
}

pub fn secret(client: &Client) -> Vec<u8> {
    client
        .rocket()
        .state::<AppConfig>()
        .expect("AppConfig is managed")
        .jwt_secret
        .bytes()
        .to_vec()
}

/// The token's payload, read without any key (as anyone can).
pub fn payload(token: &str) -> Map<String, Value> {
    decode_unverified(token).expect("a readable JWT").payload
}

/// The payload changed by `edit`, the original signature kept.
pub fn tampered(token: &str, edit: impl FnOnce(&mut Map<String, Value>)) -> String {
    let t = decode_unverified(token).expect("a readable JWT");
    let mut payload = t.payload;
    edit(&mut payload);
    let payload = b64url(&serde_json::to_vec(&payload).expect("JSON"));
    format!("{}.{payload}.{}", t.parts[0], t.parts[2])
}

/// The same payload under a header claiming `alg`, with no signature.
pub fn unsigned(token: &str, alg: &str) -> String {
    let t = decode_unverified(token).expect("a readable JWT");
    let header = b64url(format!(r#"{{"alg":"{alg}","typ":"JWT"}}"#).as_bytes());
    format!("{header}.{}.", t.parts[1])
}

/// A well-formed token for `audience`, signed with a secret the app does not know.
pub fn signed_elsewhere(audience: Audience, user: &str) -> String {
    JwtKeys::new(
        b"an-attacker-secret-that-is-long-enough!!",
        Duration::minutes(15),
        Duration::ZERO,
    )
    .issue(audience, Some(user), 99)
    .expect("signs")
    .token
}

/// A token genuinely signed by the app, but issued so long ago that it has expired.
pub fn expired(client: &Client, audience: Audience, user: &str, visits: u64) -> String {
    let keys = keys(client);
    let long_ago = OffsetDateTime::now_utc() - keys.ttl - Duration::seconds(5);
    keys.issue_at(long_ago, audience, user, visits)
        .expect("signs")
        .token
}

/// A valid token for `audience`, signed by the app.
pub fn issued(client: &Client, audience: Audience, user: Option<&str>, visits: u64) -> String {
    keys(client)
        .issue(audience, user, visits)
        .expect("signs")
        .token
}

/// Verifies with a *different* JWT implementation (the `jwt` crate over `hmac`/`sha2`), so
/// the app's tokens are shown to be standard HS256 JWTs, not something only it can read.
pub fn verify_independently(token: &str, secret: &[u8]) -> BTreeMap<String, Value> {
    let key: Hmac<Sha256> = Hmac::new_from_slice(secret).expect("any key length works");
    token
        .verify_with_key(&key)
        .expect("the independent implementation accepts the token")
}

/// The second implementation refuses a token signed with another secret.
pub fn independently_refused(token: &str, secret: &[u8]) -> bool {
    let Ok(key) = Hmac::<Sha256>::new_from_slice(secret) else {
        return true;
    };
    let verified: Result<BTreeMap<String, Value>, _> = token.verify_with_key(&key);
    verified.is_err()
}

/// A token with exactly this header and payload, signed HS256 with `secret`: for the attacks
/// that need a genuine signature over claims or headers the app would never write.
pub fn signed_raw(secret: &[u8], header: &Value, payload: &Value) -> String {
    signed_text(secret, &header.to_string(), &payload.to_string())
}

/// As `signed_raw`, from the JSON text itself: its members stay in the order written
/// (`Value` sorts them).
pub fn signed_text(secret: &[u8], header: &str, payload: &str) -> String {
    let input = format!(
        "{}.{}",
        b64url(header.as_bytes()),
        b64url(payload.as_bytes())
    );
    let mut mac: Hmac<Sha256> = Hmac::new_from_slice(secret).expect("any key length works");
    mac.update(input.as_bytes());
    format!("{input}.{}", b64url(&mac.finalize().into_bytes()))
}
