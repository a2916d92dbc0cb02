//! Checks for the classroom exercises in `docs/exercises/`.
//!
//! Every test is `#[ignore]`d: on the unmodified app they fail (that is the point), so a
//! plain `cargo test` only compiles them. A student runs the one for their exercise:
//!
//! ```sh
//! cargo test --test exercises -- --ignored remember_me
//! ```
//!
//! Each module is one exercise, named after the exercise's `check:` value, and every test
//! in it starts with that name, so the filter selects exactly that exercise's tests. The
//! checks look only at HTTP behaviour (status codes, headers, cookies, the page markers the
//! exercise names), never at how the code is written, so any correct solution passes.
//!
//! Adding an exercise: `docs/exercises/NN-slug.md`, a module here, and a reference solution
//! in `docs/exercises/solutions/NN-slug.patch`; `.ci/exercises` proves the check fails
//! before and passes after the patch.

#[path = "../common/mod.rs"]
mod common;

mod csrf;
mod jti_denylist;
mod login_throttle;
mod logout_everywhere;
mod refresh_token;
mod remember_me;
mod rolling;
mod token_fingerprint;

/// The lab exercises 01–05 extend.
pub const SESSIONS: &str = "/labs/sessions";
/// The JWT labs, which exercises 06–08 extend.
pub const JWT_COOKIE: &str = "/labs/jwt-cookie";
pub const JWT_HEADER: &str = "/labs/jwt-header";

/// The `<input …>` tag whose `name` is `name`, if the page has one.
pub fn input_tag(html: &str, name: &str) -> Option<String> {
    tags(html, "input")
        .into_iter()
        .find(|tag| attr(tag, "name").as_deref() == Some(name))
}

/// Every `<form …>` opening tag whose `action` is `action`.
pub fn form_tags(html: &str, action: &str) -> Vec<String> {
    tags(html, "form")
        .into_iter()
        .filter(|tag| attr(tag, "action").as_deref() == Some(action))
        .collect()
}

/// The opening tags `<element …>` in `html`.
fn tags(html: &str, element: &str) -> Vec<String> {
    let pattern = format!(r"(?is)<{element}\b[^>]*>");
    regex::Regex::new(&pattern)
        .expect("valid pattern")
        .find_iter(html)
        .map(|m| m.as_str().to_string())
        .collect()
}

/// The value of attribute `name` in an opening tag (double- or single-quoted), unescaped.
pub fn attr(tag: &str, name: &str) -> Option<String> {
    let pattern = format!(
        r#"(?is)\s{}\s*=\s*(?:"([^"]*)"|'([^']*)')"#,
        regex::escape(name)
    );
    regex::Regex::new(&pattern)
        .expect("valid pattern")
        .captures(tag)
        .and_then(|c| c.get(1).or_else(|| c.get(2)))
        .map(|m| common::unescape_html(m.as_str()))
}

/// Whether an opening tag has `name="value"` (case-insensitive value).
pub fn has_attr(tag: &str, name: &str, value: &str) -> bool {
    attr(tag, name).is_some_and(|v| v.eq_ignore_ascii_case(value))
}

/// Every cookie a response set, as `Cookie` values a request can send back (an untracked
/// client plays several browsers by carrying these by hand).
pub fn cookies_of(
    response: &rocket::local::blocking::LocalResponse<'_>,
) -> Vec<rocket::http::Cookie<'static>> {
    response
        .cookies()
        .iter()
        .map(|c| rocket::http::Cookie::new(c.name().to_string(), c.value().to_string()))
        .collect()
}

/// As `common::untracked_client`, with configuration overrides.
pub fn untracked_client_with(figment: rocket::figment::Figment) -> rocket::local::blocking::Client {
    rocket::local::blocking::Client::untracked(auth_labs::rocket_from(figment))
        .expect("the app launches")
}

/// A response's JSON body; a JSON API answers JSON, errors included.
#[track_caller]
pub fn json_body(response: rocket::local::blocking::LocalResponse<'_>) -> serde_json::Value {
    let status = response.status();
    assert_eq!(
        response.content_type(),
        Some(rocket::http::ContentType::JSON),
        "a /api/ answer ({status}) must be JSON"
    );
    serde_json::from_str(&common::body(response)).expect("a JSON body")
}

/// `Authorization: Bearer <token>`.
pub fn bearer(token: &str) -> rocket::http::Header<'static> {
    rocket::http::Header::new("Authorization", format!("Bearer {token}"))
}

/// `POST /labs/jwt-header/api/token` with a JSON login.
pub fn post_token<'c>(
    client: &'c rocket::local::blocking::Client,
    username: &str,
    password: &str,
) -> rocket::local::blocking::LocalResponse<'c> {
    client
        .post(format!("{JWT_HEADER}/api/token"))
        .header(rocket::http::ContentType::JSON)
        .body(serde_json::json!({ "username": username, "password": password }).to_string())
        .dispatch()
}

/// A string field of a JSON body, or a failure naming it.
#[track_caller]
pub fn json_str(body: &serde_json::Value, field: &str) -> String {
    body[field]
        .as_str()
        .unwrap_or_else(|| panic!("the JSON answer needs a string \"{field}\", got {body}"))
        .to_string()
}
