//! Response headers a security lesson should itself follow (OWASP HTTP Headers Cheat Sheet).
//!
//! Rocket's `Shield` already writes some of them and refuses to overwrite a header a fairing
//! set, so the ones it knows (`X-Content-Type-Options`, `X-Frame-Options`, `Referrer-Policy`,
//! `Permissions-Policy`, `Strict-Transport-Security`) are configured on a `Shield` of our own,
//! which replaces the default one; the rest are set by `SecurityHeaders`.

use std::borrow::Cow;

use rocket::fairing::{AdHoc, Fairing, Info, Kind};
use rocket::http::{Header, HeaderMap};
use rocket::shield::{Feature, Frame, Hsts, NoSniff, Permission, Referrer, Shield};
use rocket::{Request, Response};

use crate::config::AppConfig;

/// Only this origin may supply scripts, styles, images, forms and frames: an injected
/// `<script>` or a script from another host will not run, and no page can frame ours.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; \
base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// The headers Rocket's `Shield` writes, as Auth Labs wants them. `hsts` (with
/// `cookie_secure`, i.e. the app is reached over HTTPS) adds `Strict-Transport-Security`.
pub fn shield(hsts: bool) -> Shield {
    let shield = Shield::new()
        .enable(NoSniff::Enable)
        // No page of ours may be framed, not even by ourselves (clickjacking).
        .enable(Frame::Deny)
        // Our URLs carry nothing secret, but other sites need not learn which lab you used.
        .enable(Referrer::SameOrigin)
        // The labs need none of these powerful features; say so, so an injected frame can't.
        .enable(
            Permission::blocked(Feature::Camera)
                .block(Feature::Microphone)
                .block(Feature::Geolocation),
        );
    if hsts {
        // Once a browser has seen the app over HTTPS, it refuses plain http:// for a year.
        shield.enable(Hsts::default())
    } else {
        shield
    }
}

/// Whether `response` is an HTML page (`text/html`, whatever its parameters): what
/// `response.content_type() == Some(ContentType::HTML)` says, without parsing the header into
/// a media type (each page's response fairings ask, and the parse cost more than their work).
pub fn is_html(response: &Response<'_>) -> bool {
    let Some(value) = first(response.headers(), "Content-Type") else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or_default();
    essence.split_once('/').is_some_and(|(top, sub)| {
        top.eq_ignore_ascii_case("text") && sub.eq_ignore_ascii_case("html")
    })
}

/// The first value of the header `name` (any case), as `HeaderMap::get_one` finds it, found
/// by comparing names in turn. `get_one` hashes the name a byte at a time, folding its case,
/// and that costs more than going through the dozen or so headers a request or a response
/// carries; a lab page's guards and fairings look up about thirteen names per request
/// (`bench/RESULTS.md`, seventeenth run).
pub fn first<'m>(headers: &'m HeaderMap<'_>, name: &str) -> Option<&'m str> {
    all(headers, name).next()
}

/// Every value of the header `name` (any case), in the order `HeaderMap::get` gives them,
/// found as [`first`] finds one.
pub fn all<'m, 'n>(headers: &'m HeaderMap<'_>, name: &'n str) -> impl Iterator<Item = &'m str> + 'n
where
    'm: 'n,
{
    headers
        .iter()
        .filter(move |header| header.name.as_str().eq_ignore_ascii_case(name))
        .filter_map(|header| match header.value {
            // `HeaderMap::iter` lends each value from the map (the test below holds it to
            // what `get` finds), so none is passed over here.
            Cow::Borrowed(value) => Some(value),
            Cow::Owned(_) => None,
        })
}

/// Attaches our `Shield` once the configuration (`cookie_secure`) is known.
pub fn stage() -> AdHoc {
    AdHoc::on_ignite("Security headers", |rocket| async {
        let hsts = rocket
            .state::<AppConfig>()
            .is_some_and(|config| config.cookies.secure);
        rocket.attach(shield(hsts)).attach(SecurityHeaders)
    })
}

/// The headers `Shield` does not know.
pub struct SecurityHeaders;

#[rocket::async_trait]
impl Fairing for SecurityHeaders {
    fn info(&self) -> Info {
        Info {
            name: "Security headers",
            kind: Kind::Response,
        }
    }

    async fn on_response<'r>(&self, request: &'r Request<'_>, response: &mut Response<'r>) {
        response.set_header(Header::new(
            "Content-Security-Policy",
            CONTENT_SECURITY_POLICY,
        ));
        // A window we open, or that opens us, gets no handle on the other (cross-origin
        // attacks through `window.opener`), and other sites cannot embed our responses.
        response.set_header(Header::new("Cross-Origin-Opener-Policy", "same-origin"));
        response.set_header(Header::new("Cross-Origin-Resource-Policy", "same-origin"));
        // Every page shows per-visitor state (counters, usernames, tokens): never cache it,
        // or a shared computer's back button shows the last person's session.
        if !request.uri().path().starts_with("/static/") {
            response.set_header(Header::new("Cache-Control", "no-store"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rocket::http::ContentType;

    #[test]
    fn is_html_answers_as_the_parsed_content_type_does() {
        for value in [
            "text/html; charset=utf-8",
            "TEXT/HTML",
            "text/html",
            "text/htmlx",
            "text/plain; charset=utf-8",
            "application/json",
            "texthtml",
        ] {
            let response = Response::build()
                .raw_header("Content-Type", value)
                .finalize();
            assert_eq!(
                is_html(&response),
                response.content_type() == Some(ContentType::HTML),
                "{value}"
            );
        }
        assert!(!is_html(&Response::new()));
    }

    #[test]
    fn first_and_all_find_what_get_one_and_get_find_in_any_case() {
        let mut headers = HeaderMap::new();
        headers.add_raw("Host", "labs.test:8000");
        headers.add_raw("cookie", "a=1");
        headers.add_raw("Accept", "text/html");
        headers.add_raw("COOKIE", "b=2; c=3");
        headers.add_raw("Set-Cookie", "d=4; Path=/");
        for name in [
            "Cookie",
            "cookie",
            "COOKIE",
            "host",
            "Accept",
            "Set-Cookie",
            "Origin",
            "",
        ] {
            assert_eq!(first(&headers, name), headers.get_one(name), "{name}");
            assert_eq!(
                all(&headers, name).collect::<Vec<_>>(),
                headers.get(name).collect::<Vec<_>>(),
                "{name}"
            );
        }
        assert_eq!(first(&headers, "Cookie"), Some("a=1"));
        assert_eq!(
            all(&headers, "cookie").collect::<Vec<_>>(),
            ["a=1", "b=2; c=3"]
        );
        assert_eq!(first(&headers, "Cook"), None);
    }
}
