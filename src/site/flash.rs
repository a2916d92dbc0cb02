//! One-shot messages carried across a redirect, read back safely.
//!
//! Like Rocket's `Flash`, the message travels in a `_flash` cookie, in Rocket's format, but the
//! cookie is `HttpOnly` (page script has no business reading it), `SameSite=Lax`, and lives a
//! minute. It carries a message *code* from the message table, never a username or other data.

use std::sync::Arc;

use rocket::http::{Cookie, SameSite, Status};
use rocket::request::{FromRequest, Outcome};
use rocket::response::{self, Responder};
use rocket::Request;
use serde::Serialize;
use time::Duration;

use super::messages::Messages;

/// A one-shot message carried across a redirect (Rocket's `Flash`), ready for a template.
/// As a request guard it reads and consumes the flash cookie; use it as `Option<Notice>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    pub kind: String,
    pub message: String,
}

/// The cookie Rocket's `Flash` sets: `<length of kind>:<kind><message>`, with `Path=/`.
pub const FLASH_COOKIE: &str = "_flash";

/// A response (usually a redirect) that leaves a one-shot message code for the next page.
#[derive(Debug)]
pub struct Flashed<R> {
    inner: R,
    kind: &'static str,
    code: String,
}

impl<R> Flashed<R> {
    /// `code` names a message in the message table (`sessions.flash.logged_in`).
    pub fn success(inner: R, code: impl Into<String>) -> Flashed<R> {
        Flashed {
            inner,
            kind: "success",
            code: code.into(),
        }
    }

    pub fn error(inner: R, code: impl Into<String>) -> Flashed<R> {
        Flashed {
            inner,
            kind: "error",
            code: code.into(),
        }
    }

    fn cookie(&self) -> Cookie<'static> {
        let value = format!("{}:{}{}", self.kind.len(), self.kind, self.code);
        Cookie::build((FLASH_COOKIE, value))
            .path("/")
            .http_only(true)
            .same_site(SameSite::Lax)
            .max_age(Duration::minutes(1))
            .build()
    }
}

impl<'r, 'o: 'r, R: Responder<'r, 'o>> Responder<'r, 'o> for Flashed<R> {
    fn respond_to(self, request: &'r Request<'_>) -> response::Result<'o> {
        request.cookies().add(self.cookie());
        self.inner.respond_to(request)
    }
}

impl Notice {
    /// Parses a flash cookie's value; `None` when it is not one Rocket could have written.
    fn parse(value: &str) -> Option<Notice> {
        let (length, rest) = value.split_once(':')?;
        let length: usize = length.parse().ok()?;
        // `get`, not slicing: an edited cookie can put the length inside a multi-byte
        // character. Rocket 0.5's own `FlashMessage` slices, and panics on such a cookie.
        Some(Notice {
            kind: rest.get(..length)?.to_string(),
            message: rest.get(length..)?.to_string(),
        })
    }
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for Notice {
    type Error = std::convert::Infallible;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let jar = request.cookies();
        let Some(cookie) = jar.get(FLASH_COOKIE) else {
            return Outcome::Forward(Status::NotFound);
        };
        // Only a message this app could have written: a known code (an edited cookie could
        // otherwise put any text on the page, or a code the pages cannot render).
        let known = |notice: &Notice| {
            let code = notice.message.split('\t').next().unwrap_or_default();
            request
                .rocket()
                .state::<Arc<Messages>>()
                .is_some_and(|table| table.contains(code))
        };
        let notice = Notice::parse(cookie.value()).filter(known);
        // Shown once, then gone; an unreadable one is dropped too, so it cannot linger.
        jar.remove(FLASH_COOKIE);
        match notice {
            Some(notice) => Outcome::Success(notice),
            None => Outcome::Forward(Status::BadRequest),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flash_cookie_is_http_only_and_parses_back() {
        let flashed = Flashed::success((), "sessions.flash.logged_in");
        let cookie = flashed.cookie();
        assert_eq!(cookie.http_only(), Some(true));
        assert_eq!(cookie.path(), Some("/"));
        assert_eq!(
            Notice::parse(cookie.value()),
            Some(Notice {
                kind: "success".into(),
                message: "sessions.flash.logged_in".into()
            })
        );
    }

    #[test]
    fn flash_cookies_parse_and_tampered_ones_are_refused_without_panicking() {
        assert_eq!(
            Notice::parse("7:successLogged in"),
            Some(Notice {
                kind: "success".into(),
                message: "Logged in".into()
            })
        );
        for tampered in ["", "junk", "5:ab", "99999999999999999999:x", "1:é", "-1:x"] {
            assert_eq!(Notice::parse(tampered), None, "{tampered:?}");
        }
    }
}
