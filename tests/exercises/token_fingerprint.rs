//! Exercise 08 · A fingerprint against token sidejacking (`docs/exercises/08-token-fingerprint.md`).
//!
//! Contract: `POST /labs/jwt-header/api/token` sets a cookie `fgp` holding a random value
//! (`HttpOnly`, `SameSite=Strict`, `Path=/labs/jwt-header/api`), and the access token carries
//! `fgp_hash`: the SHA-256 of that value, hex or base64url, never the value itself. `api/me`
//! and `api/visit` refuse a user's token with `401` and `Bearer error="invalid_token"` when the
//! cookie is missing or does not hash to the claim. Guest tokens may be fingerprinted or not.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use rocket::http::{Cookie, SameSite, Status};
use rocket::local::blocking::{Client, LocalResponse};
use sha2::{Digest, Sha256};

use crate::support::jwt::payload;
use crate::support::*;
use crate::{bearer, json_body, json_str, post_token, JWT_HEADER};

const COOKIE: &str = "fgp";

/// Logs in; returns the access token and the fingerprint cookie as the response set it.
fn login_bound(client: &Client) -> (String, Cookie<'static>) {
    let response = post_token(client, "alice", "wonderland");
    assert_eq!(response.status(), Status::Ok, "POST /api/token logs in");
    let cookie = response_cookie(&response, COOKIE)
        .expect("POST /api/token must set the fingerprint cookie `fgp`");
    (json_str(&json_body(response), "access_token"), cookie)
}

fn send_back(cookie: &Cookie<'static>) -> Cookie<'static> {
    Cookie::new(COOKIE, cookie.value().to_string())
}

fn me<'c>(client: &'c Client, token: &str, cookie: Option<&Cookie<'static>>) -> LocalResponse<'c> {
    let mut request = client
        .get(format!("{JWT_HEADER}/api/me"))
        .header(bearer(token));
    if let Some(cookie) = cookie {
        request = request.cookie(send_back(cookie));
    }
    request.dispatch()
}

fn visit<'c>(
    client: &'c Client,
    token: &str,
    cookie: Option<&Cookie<'static>>,
) -> LocalResponse<'c> {
    let mut request = client
        .post(format!("{JWT_HEADER}/api/visit"))
        .header(bearer(token));
    if let Some(cookie) = cookie {
        request = request.cookie(send_back(cookie));
    }
    request.dispatch()
}

#[track_caller]
fn assert_invalid_token(response: LocalResponse<'_>, what: &str) {
    assert_eq!(
        response.status(),
        Status::Unauthorized,
        "{what}: must be refused with 401"
    );
    let challenge = response
        .headers()
        .get_one("WWW-Authenticate")
        .map(str::to_string)
        .unwrap_or_default();
    assert!(
        challenge.starts_with(r#"Bearer error="invalid_token""#),
        "{what}: WWW-Authenticate: Bearer error=\"invalid_token\" (RFC 6750), got {challenge:?}"
    );
    assert_eq!(json_body(response)["error"], "invalid_token", "{what}");
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored token_fingerprint"]
fn token_fingerprint_login_sets_a_hardened_cookie_and_hashes_it_into_the_token() {
    let client = untracked_client();
    let (token, cookie) = login_bound(&client);
    assert_eq!(
        cookie.http_only(),
        Some(true),
        "HttpOnly: the script an attacker injects must not read the fingerprint"
    );
    assert_eq!(
        cookie.same_site(),
        Some(SameSite::Strict),
        "SameSite=Strict: no cross-site request carries it"
    );
    assert_eq!(
        cookie.path(),
        Some("/labs/jwt-header/api"),
        "Path=/labs/jwt-header/api: only the API needs it"
    );
    let value = cookie.value().to_string();
    assert!(
        value.len() >= 22,
        "at least 128 random bits (22 base64url characters), got {value:?}"
    );

    let claims = payload(&token);
    let hash = claims["fgp_hash"]
        .as_str()
        .unwrap_or_else(|| panic!("the token needs a string claim fgp_hash, got {claims:?}"));
    let digest = Sha256::digest(value.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    assert!(
        hash.eq_ignore_ascii_case(&hex) || hash == URL_SAFE_NO_PAD.encode(digest),
        "fgp_hash must be the SHA-256 of the cookie's value (hex or base64url), got {hash:?}"
    );
    assert!(
        !serde_json::to_string(&claims)
            .unwrap_or_default()
            .contains(&value),
        "the token is readable by anyone who steals it: it must carry the hash, never the fingerprint"
    );

    let (_, another) = login_bound(&client);
    assert_ne!(
        another.value(),
        value,
        "every login gets a new random fingerprint"
    );
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored token_fingerprint"]
fn token_fingerprint_stolen_token_is_useless_without_the_cookie() {
    let client = untracked_client();
    let (token, cookie) = login_bound(&client);

    let response = me(&client, &token, Some(&cookie));
    assert_eq!(
        response.status(),
        Status::Ok,
        "token + its fingerprint cookie: accepted"
    );
    assert_eq!(json_body(response)["user"], "alice");

    assert_invalid_token(
        me(&client, &token, None),
        "GET api/me with the token but no fgp cookie (a token stolen by XSS)",
    );
    let (_, attackers_own) = login_bound(&client);
    assert_invalid_token(
        me(&client, &token, Some(&attackers_own)),
        "GET api/me with the token and the fingerprint of another login",
    );
    let forged = Cookie::new(COOKIE, format!("{}x", cookie.value()));
    assert_invalid_token(
        me(&client, &token, Some(&forged)),
        "GET api/me with an edited fingerprint",
    );
    assert_invalid_token(
        visit(&client, &token, None),
        "POST api/visit with the token but no fgp cookie",
    );
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored token_fingerprint"]
fn token_fingerprint_survives_a_visit_and_stays_bound() {
    let client = untracked_client();
    let (token, cookie) = login_bound(&client);
    let response = visit(&client, &token, Some(&cookie));
    assert_eq!(
        response.status(),
        Status::Ok,
        "a visit with the token and its cookie counts"
    );
    // A solution may rotate the fingerprint on every re-issue; then the newest cookie counts.
    let cookie = response_cookie(&response, COOKIE).unwrap_or(cookie);
    let body = json_body(response);
    assert_eq!(body["visits"], 1);
    let next = json_str(&body, "access_token");
    assert!(
        payload(&next)["fgp_hash"].is_string(),
        "the re-issued token is bound to the fingerprint as well"
    );
    assert_eq!(me(&client, &next, Some(&cookie)).status(), Status::Ok);
    assert_invalid_token(
        me(&client, &next, None),
        "the re-issued token without the cookie",
    );
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored token_fingerprint"]
fn token_fingerprint_keeps_the_lab_working_for_a_browser() {
    // A browser (the tracked client) sends the cookie back by itself: guests count, the
    // guest count carries over into the login, and the logged-in token works.
    let client = client();
    let first = json_body(client.post(format!("{JWT_HEADER}/api/visit")).dispatch());
    let second = visit(&client, &json_str(&first, "access_token"), None);
    assert_eq!(second.status(), Status::Ok);
    let guest = json_str(&json_body(second), "access_token");
    let response = client
        .post(format!("{JWT_HEADER}/api/token"))
        .header(rocket::http::ContentType::JSON)
        .header(bearer(&guest))
        .body(r#"{"username":"alice","password":"wonderland"}"#)
        .dispatch();
    assert!(
        response_cookie(&response, COOKIE).is_some(),
        "the login sets the fingerprint cookie"
    );
    let body = json_body(response);
    assert_eq!(body["visits"], 2, "the guest count carried over");
    let token = json_str(&body, "access_token");
    let response = me(&client, &token, None);
    assert_eq!(
        response.status(),
        Status::Ok,
        "a browser sends the fgp cookie along by itself"
    );
    assert_eq!(json_body(response)["user"], "alice");
}
