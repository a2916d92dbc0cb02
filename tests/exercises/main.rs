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

#[path = "../support/mod.rs"]
mod support;

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

pub use support::html::{attr, form_tags, has_attr, input_tag};

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

/// As `support::untracked_client`, with configuration overrides.
pub fn untracked_client_with(figment: rocket::figment::Figment) -> rocket::local::blocking::Client {
    rocket::local::blocking::Client::untracked(support::internals::rocket_from(figment))
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
    serde_json::from_str(&support::body(response)).expect("a JSON body")
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
