//! Exercise 07 · Refresh tokens with rotation (`docs/exercises/07-refresh-token.md`).
//!
//! Contract: `POST /labs/jwt-header/api/token` also answers a `refresh_token`: opaque (not a
//! JWT), random, different at every login. `POST /labs/jwt-header/api/refresh` with JSON
//! `{"refresh_token": "…"}` answers `200` with a new `access_token` (still short-lived) and a
//! new `refresh_token`. A refresh token works once: presenting it again is `401` and revokes
//! its whole family (every refresh token descended from the same login). Setting
//! `jwt_refresh_ttl` (seconds, default one day) bounds how long a refresh token lives.

use std::time::Duration;

use rocket::http::{ContentType, Status};
use rocket::local::blocking::Client;
use serde_json::{json, Value};

use crate::support::jwt::payload;
use crate::support::*;
use crate::{bearer, json_body, json_str, post_token, untracked_client_with, JWT_HEADER};

/// Logs in at the token endpoint; returns (access token, refresh token).
fn login_pair(client: &Client, username: &str, password: &str) -> (String, String) {
    let response = post_token(client, username, password);
    assert_eq!(response.status(), Status::Ok, "POST /api/token logs in");
    let body = json_body(response);
    (
        json_str(&body, "access_token"),
        json_str(&body, "refresh_token"),
    )
}

/// `POST /api/refresh` with `{"refresh_token": …}`; returns status and JSON body.
fn refresh(client: &Client, refresh_token: &str) -> (Status, Value) {
    let response = client
        .post(format!("{JWT_HEADER}/api/refresh"))
        .header(ContentType::JSON)
        .body(json!({ "refresh_token": refresh_token }).to_string())
        .dispatch();
    let status = response.status();
    (status, json_body(response))
}

/// Refreshes and expects a new pair; returns it.
#[track_caller]
fn refreshed(client: &Client, refresh_token: &str) -> (String, String) {
    let (status, body) = refresh(client, refresh_token);
    assert_eq!(
        status,
        Status::Ok,
        "POST {JWT_HEADER}/api/refresh with a live refresh token answers 200, got {body}"
    );
    assert_eq!(body["token_type"], "Bearer", "{body}");
    (
        json_str(&body, "access_token"),
        json_str(&body, "refresh_token"),
    )
}

fn me(client: &Client, access_token: &str) -> (Status, Value) {
    let response = client
        .get(format!("{JWT_HEADER}/api/me"))
        .header(bearer(access_token))
        .dispatch();
    let status = response.status();
    (status, json_body(response))
}

#[track_caller]
fn assert_refused(client: &Client, refresh_token: &str, why: &str) {
    let (status, body) = refresh(client, refresh_token);
    assert_eq!(status, Status::Unauthorized, "{why}; got {body}");
    assert!(body["error"].is_string(), "a JSON error body: {body}");
    assert!(
        body.get("access_token").is_none(),
        "a refused refresh issues nothing"
    );
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored refresh_token"]
fn refresh_token_comes_with_the_login_and_is_opaque_and_random() {
    let client = untracked_client();
    let response = post_token(&client, "alice", "wonderland");
    assert_eq!(response.status(), Status::Ok);
    let body = json_body(response);
    let access = json_str(&body, "access_token");
    let refresh_token = json_str(&body, "refresh_token");
    assert_eq!(
        body["expires_in"], 900,
        "the access token keeps its short lifetime (jwt_ttl, 15 min)"
    );
    let claims = payload(&access);
    assert_eq!(
        claims["exp"].as_i64(),
        claims["iat"].as_i64().map(|t| t + 900)
    );

    assert_ne!(refresh_token, access);
    assert_ne!(
        refresh_token.split('.').count(),
        3,
        "the refresh token is opaque: a random handle to server-side state, not a JWT"
    );
    assert!(
        refresh_token.len() >= 22,
        "at least 128 random bits (22 base64url characters), got {refresh_token:?}"
    );
    let (_, another) = login_pair(&client, "alice", "wonderland");
    assert_ne!(
        another, refresh_token,
        "every login gets its own refresh token"
    );
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored refresh_token"]
fn refresh_token_gives_a_new_access_token_and_rotates() {
    let client = untracked_client();
    let (access, r1) = login_pair(&client, "alice", "wonderland");
    let (access2, r2) = refreshed(&client, &r1);
    assert_ne!(access2, access, "a new access token");
    assert_ne!(
        r2, r1,
        "rotation: every refresh answers a new refresh token"
    );
    let (status, me_body) = me(&client, &access2);
    assert_eq!(status, Status::Ok, "the new access token works: {me_body}");
    assert_eq!(me_body["user"], "alice", "it is for the same user");
    assert_eq!(
        me_body["exp"].as_i64(),
        me_body["iat"].as_i64().map(|t| t + 900),
        "a refreshed access token is just as short-lived"
    );
    // The chain goes on: the newest refresh token works once more.
    let (_, r3) = refreshed(&client, &r2);
    assert_ne!(r3, r2);
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored refresh_token"]
fn refresh_token_reuse_is_refused_and_revokes_the_family() {
    let client = untracked_client();
    let (_, stolen) = login_pair(&client, "alice", "wonderland");
    let (_, bob_refresh) = login_pair(&client, "bob", "builder");
    let (_, alice_other_login) = login_pair(&client, "alice", "wonderland");

    // The legitimate client rotates; later the thief replays the old token (or the other
    // way round: the server cannot tell who is who, so it ends the whole family).
    let (_, current) = refreshed(&client, &stolen);
    assert_refused(
        &client,
        &stolen,
        "a refresh token already used must be refused (401)",
    );
    assert_refused(
        &client,
        &current,
        "after a reuse, the whole family is revoked: the newest refresh token of that login must be refused too",
    );

    // Other families are untouched: bob's, and alice's other login.
    refreshed(&client, &bob_refresh);
    refreshed(&client, &alice_other_login);
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored refresh_token"]
fn refresh_token_bad_requests_are_clear_json_errors() {
    let client = untracked_client();
    assert_refused(
        &client,
        "not-a-refresh-token",
        "an unknown refresh token is refused",
    );
    assert_refused(&client, "", "an empty refresh token is refused");
    let (access, _) = login_pair(&client, "alice", "wonderland");
    assert_refused(&client, &access, "an access token is not a refresh token");
    for (content_type, body) in [
        (ContentType::JSON, "not json"),
        (ContentType::JSON, "{}"),
        (ContentType::JSON, r#"{"refresh_token":42}"#),
    ] {
        let response = client
            .post(format!("{JWT_HEADER}/api/refresh"))
            .header(content_type)
            .body(body)
            .dispatch();
        let status = response.status();
        assert!(
            status.class().is_client_error(),
            "{body}: a 4xx, never a 500, got {status}"
        );
        assert!(json_body(response)["error"].is_string(), "{body}");
    }
    let response = client.get(format!("{JWT_HEADER}/api/refresh")).dispatch();
    assert!(
        response.status().class().is_client_error(),
        "GET api/refresh must not be a route"
    );
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored refresh_token"]
fn refresh_token_outlives_the_access_token_but_not_jwt_refresh_ttl() {
    // Access tokens live 1 s here; refresh tokens keep their default (a day).
    let client = untracked_client_with(figment().merge(("jwt_ttl", 1)));
    let (access, refresh_token) = login_pair(&client, "alice", "wonderland");
    std::thread::sleep(Duration::from_millis(2100));
    let (status, _) = me(&client, &access);
    assert_eq!(status, Status::Unauthorized, "the access token has expired");
    let (fresh, _) = refreshed(&client, &refresh_token);
    let (status, body) = me(&client, &fresh);
    assert_eq!(
        status,
        Status::Ok,
        "a refresh after the access token expired gets a working one: {body}"
    );

    // With jwt_refresh_ttl = 1 the refresh token itself dies after a second.
    let client = untracked_client_with(
        figment()
            .merge(("jwt_ttl", 1))
            .merge(("jwt_refresh_ttl", 1)),
    );
    let (_, refresh_token) = login_pair(&client, "alice", "wonderland");
    std::thread::sleep(Duration::from_millis(2100));
    assert_refused(
        &client,
        &refresh_token,
        "a refresh token older than jwt_refresh_ttl is refused",
    );
}
