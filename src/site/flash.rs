//! One-shot messages carried across a redirect (Rocket's `Flash`), read back safely.

use rocket::http::Status;
use rocket::request::{FromRequest, Outcome};
use rocket::Request;
use serde::Serialize;

/// A one-shot message carried across a redirect (Rocket's `Flash`), ready for a template.
/// As a request guard it reads and consumes the flash cookie; use it as `Option<Notice>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    pub kind: String,
    pub message: String,
}

/// The cookie Rocket's `Flash` sets: `<length of kind>:<kind><message>`, with `Path=/`.
const FLASH_COOKIE: &str = "_flash";

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
        let notice = Notice::parse(cookie.value());
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
