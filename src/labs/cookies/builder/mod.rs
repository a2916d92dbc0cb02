//! The cookie builder: any name, any value, every attribute, checked against RFC 6265 before
//! a single byte reaches the `Set-Cookie` header.
//!
//! - `rules`: the RFC 6265 rules, one function each (`check_name`, `check_value`, …);
//! - `spec`: the form as posted, parsed into a typed cookie or every broken rule;
//! - `notes`: what a browser will make of a valid cookie;
//! - `code`: the same cookie as Rocket code;
//! - [`removal`]: the removal experiment and its `crumb` cookie;
//! - `page`: the routes and pages.
//!
//! Rust keeps codes and data: every problem and note is a code whose sentence is in
//! `templates/locales/en/messages.ftl` (`[cookies.problem]`, `[cookies.note]`, `[cookies.char]`).
//!
//! The builder writes its `Set-Cookie` line itself instead of going through `CookieJar::add`:
//! Rocket's jar fills in defaults (`Path=/`, `SameSite=Strict`) and percent-encodes the value,
//! and this page promises to send exactly the attributes the learner asked for.

pub(crate) mod code;
pub(crate) mod notes;
pub(crate) mod page;
pub(crate) mod removal;
pub(crate) mod rules;
pub(crate) mod spec;

use rocket::http::Cookie;
use rocket::{routes, Route};
use time::OffsetDateTime;

pub use notes::Note;
pub use removal::removal;
pub use rules::{check_domain, check_name, check_path, check_value, Char, Problem};
pub use spec::CookieSpec;
use spec::Parsed;

/// The builder form, its result page, the tutorial's cookie and the removal experiment.
pub fn routes() -> Vec<Route> {
    routes![
        page::builder_form,
        page::build,
        page::tutorial_cookie,
        removal::remove,
        removal::set_crumb
    ]
}

/// A cookie that passed every rule: the exact line to send, and what the learner should know.
#[derive(Debug, Clone)]
pub struct Built {
    pub cookie: Cookie<'static>,
    pub line: String,
    pub notes: Vec<Note>,
}

/// Checks every input and, if all pass, builds the cookie and its exact `Set-Cookie` line.
/// `host` is the host the page was served from, for the `Domain` note.
pub fn build(
    spec: &CookieSpec,
    host: Option<&str>,
    now: OffsetDateTime,
) -> Result<Built, Vec<Problem>> {
    let parsed = spec::parse(spec)?;
    let cookie = cookie(&parsed);
    Ok(Built {
        line: cookie.to_string(),
        notes: notes::notes(&parsed, host, now),
        cookie,
    })
}

/// Exactly the attributes asked for, and no others.
fn cookie(parsed: &Parsed<'_>) -> Cookie<'static> {
    let mut cookie = Cookie::new(parsed.name.to_string(), parsed.value.to_string());
    if let Some(max_age) = parsed.max_age {
        cookie.set_max_age(max_age);
    }
    if let Some(expires) = parsed.expires {
        cookie.set_expires(expires);
    }
    if !parsed.path.is_empty() {
        cookie.set_path(parsed.path.to_string());
    }
    if !parsed.domain.is_empty() {
        cookie.set_domain(parsed.domain.to_string());
    }
    if let Some(same_site) = parsed.same_site {
        cookie.set_same_site(same_site);
    }
    if parsed.secure {
        cookie.set_secure(true);
    }
    if parsed.http_only {
        cookie.set_http_only(true);
    }
    if parsed.partitioned {
        cookie.set_partitioned(true);
    }
    cookie
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const NOW: OffsetDateTime = datetime!(2026-01-01 00:00 UTC);

    fn spec(name: &str, value: &str) -> CookieSpec {
        CookieSpec {
            name: name.into(),
            value: value.into(),
            path: String::new(),
            same_site: String::new(),
            ..CookieSpec::default()
        }
    }

    fn line(spec: &CookieSpec) -> String {
        build(spec, Some("127.0.0.1"), NOW).expect("valid").line
    }

    /// The first problem's field, code and character kind.
    fn first(spec: &CookieSpec) -> (&'static str, &'static str, Option<&'static str>) {
        let p = build(spec, Some("127.0.0.1"), NOW).expect_err("invalid");
        (p[0].field, p[0].code, p[0].ch.as_ref().map(|c| c.kind))
    }

    #[test]
    fn bare_cookie_has_no_attributes_at_all() {
        assert_eq!(line(&spec("theme", "dark")), "theme=dark");
        assert_eq!(line(&spec("q", "\"quoted\"")), "q=\"quoted\"");
        assert_eq!(line(&spec("empty", "")), "empty=");
    }

    #[test]
    fn every_attribute_is_emitted_as_asked() {
        let s = CookieSpec {
            max_age: "60".into(),
            expires: "2030-01-31T12:00".into(),
            path: "/labs".into(),
            domain: "localhost".into(),
            same_site: "None".into(),
            secure: true,
            http_only: true,
            partitioned: true,
            ..spec("a", "b")
        };
        assert_eq!(
            line(&s),
            "a=b; HttpOnly; SameSite=None; Partitioned; Secure; Path=/labs; Domain=localhost; \
             Max-Age=60; Expires=Thu, 31 Jan 2030 12:00:00 GMT"
        );
    }

    #[test]
    fn names_must_be_tokens() {
        for (bad, code, kind) in [
            ("", "name_empty", None),
            ("a b", "name_separator", Some("space")),
            ("a;b", "name_separator", Some("semicolon")),
            ("a=b", "name_separator", Some("equals")),
            ("a,b", "name_separator", Some("comma")),
            ("x\u{7f}", "name_control", Some("control")),
            ("é", "name_non_ascii", Some("non_ascii")),
            ("a\"b", "name_separator", Some("double_quote")),
            ("(a)", "name_separator", Some("plain")),
            ("a\r\nX-Evil: 1", "name_control", Some("control")),
        ] {
            assert_eq!(first(&spec(bad, "v")), ("name", code, kind), "{bad:?}");
        }
    }

    #[test]
    fn values_must_be_cookie_octets() {
        for (bad, code, kind) in [
            ("a;Path=/", "value_semicolon", "semicolon"),
            ("a b", "value_not_octet", "space"),
            ("a,b", "value_not_octet", "comma"),
            ("a\\b", "value_not_octet", "backslash"),
            ("a\"b", "value_not_octet", "double_quote"),
            ("a\r\nSet-Cookie: evil=1", "value_control", "control"),
            ("한글", "value_non_ascii", "non_ascii"),
        ] {
            assert_eq!(
                first(&spec("n", bad)),
                ("value", code, Some(kind)),
                "{bad:?}"
            );
        }
        assert!(
            check_value("<script>alert(1)</script>").is_ok(),
            "angle brackets are cookie-octets"
        );
    }

    #[test]
    fn name_and_value_over_4096_bytes_are_refused() {
        assert!(build(&spec("n", &"a".repeat(4095)), None, NOW).is_ok());
        let p = build(&spec("n", &"a".repeat(4096)), None, NOW).expect_err("too big");
        assert_eq!((p[0].code, p[0].size), ("too_big", Some(4097)));
    }

    #[test]
    fn attribute_rules() {
        let with = |f: fn(&mut CookieSpec)| {
            let mut s = spec("n", "v");
            f(&mut s);
            first(&s)
        };
        assert_eq!(with(|s| s.path = "labs".into()).1, "path_relative");
        assert_eq!(
            with(|s| s.path = "/a;Domain=evil.com".into()),
            ("path", "attribute_char", Some("semicolon"))
        );
        assert_eq!(with(|s| s.domain = "evil.com;x".into()).0, "domain");
        assert_eq!(with(|s| s.max_age = "-1".into()).1, "max_age");
        assert_eq!(with(|s| s.expires = "tomorrow".into()).1, "expires");
        assert_eq!(
            with(|s| s.same_site = "Sometimes".into()).1,
            "same_site_unknown"
        );
    }

    #[test]
    fn combinations_browsers_reject_are_explained() {
        let with = |f: fn(&mut CookieSpec), name: &str| {
            let mut s = spec(name, "v");
            f(&mut s);
            first(&s).1
        };
        assert_eq!(
            with(|s| s.same_site = "None".into(), "n"),
            "same_site_none_insecure"
        );
        assert_eq!(with(|s| s.partitioned = true, "n"), "partitioned_insecure");
        assert_eq!(with(|_| {}, "__Secure-id"), "secure_prefix");
        let host = |s: &mut CookieSpec| {
            s.secure = true;
            s.path = "/labs".into();
        };
        assert_eq!(with(host, "__Host-id"), "host_prefix");
        let ok = CookieSpec {
            secure: true,
            path: "/".into(),
            ..spec("__Host-id", "v")
        };
        assert!(build(&ok, None, NOW).is_ok());
    }

    #[test]
    fn notes_say_how_a_browser_will_treat_the_cookie() {
        let codes = |s: &CookieSpec| -> Vec<&'static str> {
            let built = build(s, Some("127.0.0.1"), NOW).expect("valid");
            built.notes.iter().map(|n| n.code).collect()
        };
        assert_eq!(
            codes(&spec("n", "v")),
            [
                "session_cookie",
                "default_path",
                "host_only",
                "no_same_site"
            ]
        );
        let foreign = CookieSpec {
            domain: "example.com".into(),
            ..spec("n", "v")
        };
        let built = build(&foreign, Some("127.0.0.1"), NOW).expect("syntactically valid");
        let note = built.notes.iter().find(|n| n.code == "foreign_domain");
        assert_eq!(
            note.map(|n| (n.host.as_deref(), n.domain.as_deref())),
            Some((Some("127.0.0.1"), Some("example.com")))
        );
        let old = CookieSpec {
            max_age: "0".into(),
            expires: "2000-01-01T00:00".into(),
            ..spec("n", "v")
        };
        assert_eq!(
            codes(&old)[..3],
            ["max_age_zero", "expires_past", "both_lifetimes"]
        );
    }

    #[test]
    fn removal_names_the_chosen_path() {
        let c = removal("crumb", "/", "").expect("valid");
        assert_eq!(
            c.to_string(),
            "crumb=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT"
        );
        assert!(removal("a;b", "/", "").is_err());
    }

    #[test]
    fn rocket_code_mirrors_the_cookie() {
        let built = build(
            &CookieSpec {
                max_age: "3600".into(),
                http_only: true,
                ..spec("customKey", "customValue")
            },
            None,
            NOW,
        )
        .expect("valid");
        let code = code::rocket_code(&built.cookie);
        assert!(
            code.contains(r#"Cookie::build(("customKey", "customValue"))"#),
            "{code}"
        );
        assert!(code.contains(".max_age(Duration::seconds(3600))"));
        assert!(code.contains(".http_only(true)"));
    }
}
