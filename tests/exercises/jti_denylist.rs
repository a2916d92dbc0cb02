//! Exercise 06 · A `jti` denylist (`docs/exercises/06-jti-denylist.md`).
//!
//! Contract: `POST /labs/jwt-cookie/logout` puts the token in the `jwt` cookie on a server-side
//! denylist, so a copy of it no longer opens `/labs/jwt-cookie/me` (`303` to the login page).
//! `POST /labs/jwt-header/api/logout` with `Authorization: Bearer <token>` does the same for
//! the header lab (`200` or `204`); a revoked token then gets `401` with
//! `WWW-Authenticate: Bearer error="invalid_token", error_description="…revoked…"` from
//! `api/me` and `api/visit`. Only that token is revoked; other tokens keep working.

use rocket::http::{Cookie, Status};
use rocket::local::blocking::Client;

use crate::support::*;
use crate::{bearer, json_body, json_str, post_token, JWT_COOKIE, JWT_HEADER};

/// Logs in to the cookie lab as a fresh browser and returns its token cookie.
fn cookie_lab_token(client: &Client, username: &str, password: &str) -> Cookie<'static> {
    let response = login(client, JWT_COOKIE, username, password);
    assert_redirect_to(&response, "/labs/jwt-cookie/me");
    let cookie = response_cookie(&response, "jwt").expect("the login sets the jwt cookie");
    Cookie::new("jwt", cookie.value().to_string())
}

fn cookie_lab_me(client: &Client, token: &Cookie<'static>) -> Status {
    client
        .get(format!("{JWT_COOKIE}/me"))
        .cookie(token.clone())
        .dispatch()
        .status()
}

fn header_lab_token(client: &Client, username: &str, password: &str) -> String {
    let response = post_token(client, username, password);
    assert_eq!(response.status(), Status::Ok, "POST /api/token logs in");
    json_str(&json_body(response), "access_token")
}

fn header_lab_logout(client: &Client, token: &str) -> Status {
    client
        .post(format!("{JWT_HEADER}/api/logout"))
        .header(bearer(token))
        .dispatch()
        .status()
}

/// Asserts the RFC 6750 refusal of a revoked token.
#[track_caller]
fn assert_revoked(response: rocket::local::blocking::LocalResponse<'_>, what: &str) {
    assert_eq!(
        response.status(),
        Status::Unauthorized,
        "{what}: a revoked token must get 401"
    );
    let challenge = response
        .headers()
        .get_one("WWW-Authenticate")
        .map(str::to_string)
        .unwrap_or_default();
    assert!(
        challenge.starts_with(r#"Bearer error="invalid_token""#),
        "{what}: RFC 6750 says an invalid token gets WWW-Authenticate: Bearer error=\"invalid_token\", got {challenge:?}"
    );
    let description = challenge
        .split_once("error_description=")
        .map(|(_, d)| d.to_ascii_lowercase())
        .unwrap_or_default();
    assert!(
        description.contains("revoked"),
        "{what}: the error_description should say the token was revoked, got {challenge:?}"
    );
    assert_eq!(json_body(response)["error"], "invalid_token", "{what}");
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored jti_denylist"]
fn jti_denylist_cookie_lab_logout_revokes_a_copied_token() {
    let client = untracked_client();
    let copy = cookie_lab_token(&client, "alice", "wonderland");
    assert_eq!(cookie_lab_me(&client, &copy), Status::Ok);

    let response = client
        .post(format!("{JWT_COOKIE}/logout"))
        .cookie(copy.clone())
        .dispatch();
    assert_redirect_to(&response, JWT_COOKIE);
    let removal = response_cookie(&response, "jwt").expect("logout still removes the jwt cookie");
    assert_eq!(removal.max_age().map(|d| d.whole_seconds()), Some(0));
    drop(response);

    assert_eq!(
        cookie_lab_me(&client, &copy),
        Status::SeeOther,
        "a copy of the token taken before logout must no longer open /labs/jwt-cookie/me: its jti is on the denylist"
    );
    // A revoked token is no guest token to count visits with either: the page starts over.
    let html = body(client.get(JWT_COOKIE).cookie(copy.clone()).dispatch());
    assert_eq!(
        visits(&html),
        1,
        "a revoked token is refused, so the count starts again"
    );
    assert_eq!(user(&html), None, "a revoked token logs nobody in");
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored jti_denylist"]
fn jti_denylist_cookie_lab_revokes_only_that_token() {
    let client = untracked_client();
    let alice = cookie_lab_token(&client, "alice", "wonderland");
    let bob = cookie_lab_token(&client, "bob", "builder");
    client
        .post(format!("{JWT_COOKIE}/logout"))
        .cookie(alice.clone())
        .dispatch();
    assert_eq!(cookie_lab_me(&client, &alice), Status::SeeOther);
    assert_eq!(
        cookie_lab_me(&client, &bob),
        Status::Ok,
        "bob's token has its own jti and must keep working"
    );
    let again = cookie_lab_token(&client, "alice", "wonderland");
    assert_eq!(
        cookie_lab_me(&client, &again),
        Status::Ok,
        "a new login gets a new token (a new jti), which is not revoked"
    );
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored jti_denylist"]
fn jti_denylist_header_lab_logout_revokes_the_bearer_token() {
    let client = client();
    let token = header_lab_token(&client, "alice", "wonderland");
    let me = client
        .get(format!("{JWT_HEADER}/api/me"))
        .header(bearer(&token))
        .dispatch();
    assert_eq!(me.status(), Status::Ok);
    drop(me);

    let status = header_lab_logout(&client, &token);
    assert!(
        status == Status::NoContent || status == Status::Ok,
        "POST {JWT_HEADER}/api/logout with a valid Bearer token answers 204 (or 200 JSON), got {status}"
    );

    assert_revoked(
        client
            .get(format!("{JWT_HEADER}/api/me"))
            .header(bearer(&token))
            .dispatch(),
        "GET /api/me",
    );
    assert_revoked(
        client
            .post(format!("{JWT_HEADER}/api/visit"))
            .header(bearer(&token))
            .dispatch(),
        "POST /api/visit (a revoked token must not be re-issued either)",
    );
    let other = header_lab_token(&client, "bob", "builder");
    let me = client
        .get(format!("{JWT_HEADER}/api/me"))
        .header(bearer(&other))
        .dispatch();
    assert_eq!(
        me.status(),
        Status::Ok,
        "another token (another jti) keeps working"
    );
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored jti_denylist"]
fn jti_denylist_header_lab_logout_needs_a_valid_token_and_a_post() {
    let client = client();
    let response = client.post(format!("{JWT_HEADER}/api/logout")).dispatch();
    assert_eq!(
        response.status(),
        Status::Unauthorized,
        "api/logout without a token is a 401 (there is nothing to revoke), not a 404"
    );
    assert_eq!(
        response.headers().get_one("WWW-Authenticate"),
        Some("Bearer"),
        "no token at all: a bare Bearer challenge (RFC 6750 §3.1)"
    );
    assert!(json_body(response)["error"].is_string());

    let response = client
        .post(format!("{JWT_HEADER}/api/logout"))
        .header(bearer("garbage"))
        .dispatch();
    assert_eq!(response.status(), Status::Unauthorized);
    assert!(response
        .headers()
        .get_one("WWW-Authenticate")
        .is_some_and(|c| c.starts_with(r#"Bearer error="invalid_token""#)));
    drop(response);

    let token = header_lab_token(&client, "alice", "wonderland");
    let response = client
        .get(format!("{JWT_HEADER}/api/logout"))
        .header(bearer(&token))
        .dispatch();
    assert!(
        response.status().class().is_client_error(),
        "GET api/logout must not be a route, got {}",
        response.status()
    );
    drop(response);
    assert_eq!(
        header_lab_logout(&client, &token).class(),
        rocket::http::StatusClass::Success,
        "POST api/logout is the way to log out"
    );
    assert_eq!(
        header_lab_logout(&client, &token),
        Status::Unauthorized,
        "a token already revoked cannot log out twice"
    );
}
