//! The reader's language: English unless they chose Korean (`?lang=ko`, remembered in the
//! `lang` cookie) or their browser's `Accept-Language` prefers Korean to English.
//!
//! The choice is the site's, not a lab's: the cookie has `Path=/`, the labs' inspectors say
//! so, and the cookie builder refuses to overwrite it (`labs::OWNED_COOKIES`).

use std::convert::Infallible;

use rocket::fairing::{Fairing, Info, Kind};
use rocket::http::{Cookie, SameSite};
use rocket::request::{FromRequest, Outcome};
use rocket::{Data, Request};
use serde::Serialize;

/// The cookie that remembers a choice made with `?lang=`.
pub const COOKIE: &str = "lang";

/// How long a choice is remembered: a year, like any site preference.
const REMEMBERED_FOR: rocket::time::Duration = rocket::time::Duration::days(365);

/// A language the pages are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Ko,
}

impl Lang {
    /// Every language, the default first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ko];

    /// The BCP 47 tag (`<html lang>`, `Content-Language`, `?lang=`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The language of this request, decided once and kept for the rest of it.
    pub fn of(request: &Request<'_>) -> Lang {
        *request.local_cache(|| negotiate(request))
    }
}

/// `?lang=` first (the link in the navigation), then the remembered choice, then the browser.
fn negotiate(request: &Request<'_>) -> Lang {
    asked(request)
        .or_else(|| {
            request
                .cookies()
                .get(COOKIE)
                .and_then(|c| Lang::from_code(c.value()))
        })
        .or_else(|| super::headers::first(request.headers(), "Accept-Language").and_then(preferred))
        .unwrap_or(Lang::En)
}

/// A valid `?lang=` on this request.
fn asked(request: &Request<'_>) -> Option<Lang> {
    request
        .query_value::<&str>("lang")
        .and_then(Result::ok)
        .and_then(Lang::from_code)
}

/// The language an `Accept-Language` header ranks highest (RFC 9110 §12.5.4), among ours:
/// `ko-KR,ko;q=0.9,en;q=0.8` is Korean, `en-US,en;q=0.9,ko;q=0.8` English. A tie goes to the
/// one listed first; `q=0` means "not this one".
pub fn preferred(header: &str) -> Option<Lang> {
    let mut best: Option<(Lang, f32)> = None;
    for item in header.split(',') {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let primary = tag.split('-').next().unwrap_or("");
        let Some(lang) = Lang::from_code(primary) else {
            continue;
        };
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if q > 0.0 && best.is_none_or(|(_, top)| q > top) {
            best = Some((lang, q));
        }
    }
    best.map(|(lang, _)| lang)
}

/// Remembers a `?lang=` choice in the `lang` cookie (once, when it changes).
pub struct Remember;

#[rocket::async_trait]
impl Fairing for Remember {
    fn info(&self) -> Info {
        Info {
            name: "Remember the reader's language",
            kind: Kind::Request,
        }
    }

    async fn on_request(&self, request: &mut Request<'_>, _: &mut Data<'_>) {
        let Some(lang) = asked(request) else {
            return;
        };
        let jar = request.cookies();
        if jar.get(COOKIE).map(|c| c.value()) == Some(lang.code()) {
            return;
        }
        // Not a credential: readable by nothing but the server anyway, sent to every path.
        let cookie = Cookie::build((COOKIE, lang.code()))
            .path("/")
            .http_only(true)
            .same_site(SameSite::Lax)
            .max_age(REMEMBERED_FOR);
        jar.add(cookie);
    }
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for Lang {
    type Error = Infallible;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Lang, Infallible> {
        Outcome::Success(Lang::of(request))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_highest_ranked_of_our_languages() {
        assert_eq!(preferred("ko-KR,ko;q=0.9,en;q=0.8"), Some(Lang::Ko));
        assert_eq!(preferred("en-US,en;q=0.9,ko;q=0.8"), Some(Lang::En));
        assert_eq!(preferred("fr-FR, ko;q=0.5, en;q=0.4"), Some(Lang::Ko));
        assert_eq!(preferred("en;q=0.2, KO"), Some(Lang::Ko));
        assert_eq!(preferred("ko;q=0, en;q=0.1"), Some(Lang::En));
        assert_eq!(preferred("fr, de"), None);
        assert_eq!(preferred("ko;q=abc"), Some(Lang::Ko));
        assert_eq!(preferred(""), None);
    }

    #[test]
    fn a_tie_goes_to_the_language_listed_first() {
        assert_eq!(preferred("ko, en"), Some(Lang::Ko));
        assert_eq!(preferred("en, ko"), Some(Lang::En));
    }
}
