//! Who may see the class view: whoever typed `teacher_token` into its form. A right token
//! leaves a private cookie (for `/teacher` only) that names the token by its digest, so a new
//! token logs every old cookie out. Wrong tokens, and wrong class codes on the results API,
//! are counted per peer address and limited: ten a minute, then `429` until the minute ends.

use hmac::{Hmac, Mac};
use rocket::http::{Cookie, CookieJar, SameSite, Status};
use rocket::request::{FromRequest, Outcome};
use rocket::{Request, State};
use sha2::{Digest, Sha256};
use std::sync::atomic::{AtomicU64, Ordering};

use super::BASE;
use crate::config::Secret;
use crate::site::rate_limit::RateLimit;

/// The cookie that says this browser typed the right token.
pub const TEACHER_COOKIE: &str = "teacher";

/// Wrong tokens (or codes) one address may try per minute.
pub const WRONG_PER_MINUTE: usize = 10;

/// The token, as the class view checks it, and the class code derived from it.
pub struct TeacherKey {
    digest: [u8; 32],
    pub class_code: String,
    /// Wrong attempts per address (the token form and the results API share the limit).
    pub limit: RateLimit,
    /// Wrong tokens and wrong class codes since the server started.
    pub wrong_tokens: AtomicU64,
    pub wrong_codes: AtomicU64,
}

impl TeacherKey {
    pub fn new(token: &Secret) -> TeacherKey {
        TeacherKey {
            digest: Sha256::digest(token.bytes()).into(),
            class_code: class_code(token),
            limit: RateLimit::per_minute(WRONG_PER_MINUTE),
            wrong_tokens: AtomicU64::new(0),
            wrong_codes: AtomicU64::new(0),
        }
    }

    /// Compares digests, every byte, so the time taken says nothing about how much matched.
    pub fn accepts(&self, typed: &str) -> bool {
        let typed: [u8; 32] = Sha256::digest(typed.as_bytes()).into();
        same(&typed, &self.digest)
    }

    pub fn accepts_code(&self, typed: &str) -> bool {
        let normal: String = typed.trim().to_ascii_uppercase();
        same(normal.as_bytes(), self.class_code.as_bytes())
    }

    /// What the cookie holds: the digest's first half, hex.
    fn cookie_value(&self) -> String {
        self.digest[..16]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    pub fn admit(&self, jar: &CookieJar<'_>) {
        let mut cookie = Cookie::build((TEACHER_COOKIE, self.cookie_value()))
            .path(BASE)
            .http_only(true)
            .same_site(SameSite::Strict)
            .build();
        cookie.set_expires(None::<time::OffsetDateTime>);
        jar.add_private(cookie);
    }

    pub fn dismiss(&self, jar: &CookieJar<'_>) {
        jar.remove_private(Cookie::build(TEACHER_COOKIE).path(BASE));
    }

    pub fn count(counter: &AtomicU64) {
        counter.fetch_add(1, Ordering::Relaxed);
    }
}

fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The code students type to submit exercise results: HMAC-SHA256 of a fixed label under the
/// token, its first 50 bits in base32 (`ABCDE-FGHJK`). It reveals nothing about the token, and
/// a new token makes a new code. Wrong codes are limited like wrong tokens.
fn class_code(token: &Secret) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(token.bytes())
        .unwrap_or_else(|_| unreachable!("HMAC takes a key of any length"));
    mac.update(b"auth-labs class code");
    let tag = mac.finalize().into_bytes();
    let mut bits = u64::from_be_bytes([
        tag[0], tag[1], tag[2], tag[3], tag[4], tag[5], tag[6], tag[7],
    ]);
    let mut out = String::new();
    for i in 0..10 {
        if i == 5 {
            out.push('-');
        }
        out.push(ALPHABET[(bits >> 59) as usize] as char);
        bits <<= 5;
    }
    out
}

/// A browser that typed the right token. Without one, protected routes answer 403.
pub struct Teacher;

#[rocket::async_trait]
impl<'r> FromRequest<'r> for Teacher {
    type Error = ();

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, ()> {
        let Some(key) = request.guard::<&State<TeacherKey>>().await.succeeded() else {
            return Outcome::Forward(Status::NotFound);
        };
        let admitted = request
            .cookies()
            .get_private(TEACHER_COOKIE)
            .is_some_and(|c| same(c.value().as_bytes(), key.cookie_value().as_bytes()));
        if admitted {
            Outcome::Success(Teacher)
        } else {
            Outcome::Forward(Status::Forbidden)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_class_code_follows_the_token_and_the_token_check_is_exact() {
        let key = TeacherKey::new(&Secret::new("a-class-token-long-enough-for-release-use"));
        let other = TeacherKey::new(&Secret::new("another-class-token-long-enough-for-release"));
        assert_eq!(key.class_code.len(), 11);
        assert_ne!(key.class_code, other.class_code);
        assert!(key.accepts_code(&key.class_code.to_lowercase()));
        assert!(!key.accepts_code(&other.class_code));
        assert!(key.accepts("a-class-token-long-enough-for-release-use"));
        assert!(!key.accepts("a-class-token-long-enough-for-release-us"));
    }
}
