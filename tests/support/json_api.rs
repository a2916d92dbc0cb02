//! Speaking to the header lab's JSON API by hand: a JSON body, a Bearer header, a login.

use rocket::http::{ContentType, Header};
use rocket::local::blocking::{Client, LocalResponse};
use serde_json::{json, Value};

use super::{body, JWT_HEADER};

/// A response's JSON body; a JSON API answers JSON, errors included.
#[track_caller]
pub fn json_body(response: LocalResponse<'_>) -> Value {
    let status = response.status();
    assert_eq!(
        response.content_type(),
        Some(ContentType::JSON),
        "a /api/ answer ({status}) must be JSON"
    );
    serde_json::from_str(&body(response)).expect("a JSON body")
}

/// `Authorization: Bearer <token>`.
pub fn bearer(token: &str) -> Header<'static> {
    Header::new("Authorization", format!("Bearer {token}"))
}

/// `POST /labs/jwt-header/api/token` with a JSON login.
pub fn post_token<'c>(client: &'c Client, username: &str, password: &str) -> LocalResponse<'c> {
    client
        .post(format!("{JWT_HEADER}/api/token"))
        .header(ContentType::JSON)
        .body(json!({ "username": username, "password": password }).to_string())
        .dispatch()
}

/// A string field of a JSON body, or a failure naming it.
#[track_caller]
pub fn json_str(body: &Value, field: &str) -> String {
    body[field]
        .as_str()
        .unwrap_or_else(|| panic!("the JSON answer needs a string \"{field}\", got {body}"))
        .to_string()
}
