//! JWT in a header: the page's script sends `Authorization: Bearer`; the API answers JSON
//! and refuses bad tokens with RFC 6750 challenges.

use crate::support::internals::Audience;
use crate::support::json_api::{bearer, json_body, post_token};
use crate::support::jwt::{
    expired, independently_refused, issued, payload, secret, signed_elsewhere, tampered, unsigned,
    verify_independently,
};
use crate::support::*;
use rocket::http::{ContentType, Header, Status};
use rocket::local::blocking::Client;
use serde_json::Value;

const BASE: &str = JWT_HEADER;

/// Alice's token from the token endpoint.
#[track_caller]
fn login_token(client: &Client) -> String {
    let response = post_token(client, ALICE.username, ALICE.password);
    assert_eq!(response.status(), Status::Ok);
    json_body(response)["access_token"]
        .as_str()
        .expect("access_token")
        .to_string()
}

/// `GET /api/me` with `authorization` (a raw header value); returns status, challenge, body.
#[track_caller]
fn me(client: &Client, authorization: Option<&str>) -> (Status, Option<String>, Value) {
    let mut request = client.get(format!("{BASE}/api/me"));
    if let Some(value) = authorization {
        request = request.header(Header::new("Authorization", value.to_string()));
    }
    let response = request.dispatch();
    let status = response.status();
    let challenge = response
        .headers()
        .get_one("WWW-Authenticate")
        .map(str::to_string);
    (status, challenge, json_body(response))
}

/// Asserts the RFC 6750 refusal of an invalid token, with the learner-facing reason.
#[track_caller]
fn assert_invalid_token(client: &Client, token: &str, reason: &str, starts: &str) {
    let (status, challenge, body) = me(client, Some(&format!("Bearer {token}")));
    assert_eq!(status, Status::Unauthorized);
    let challenge = challenge.expect("a WWW-Authenticate header");
    assert!(
        challenge.starts_with(r#"Bearer error="invalid_token", error_description=""#),
        "{challenge}"
    );
    assert!(challenge.contains(starts), "{challenge}");
    assert_eq!(body["error"], "invalid_token");
    assert_eq!(body["reason"], reason);
    assert!(body["message"]
        .as_str()
        .is_some_and(|m| m.starts_with(starts)));
}

#[test]
fn page_is_a_client_with_markers_and_no_inline_script() {
    let client = client();
    let response = client.get(BASE).dispatch();
    assert_eq!(response.status(), Status::Ok);
    let html = body(response);
    assert_eq!(visits(&html), 0, "no token yet");
    assert_eq!(user(&html), None);
    assert!(html.contains(r#"<script src="/static/js/jwt-header.js"></script>"#));
    let inline = regex::Regex::new(r"<script(?:\s[^>]*)?>\s*[^<\s]").expect("regex");
    assert!(
        !inline.is_match(&html),
        "no inline scripts (the CSP forbids them)"
    );
    assert!(!html.contains(" onclick="), "no inline handlers");
    for id in [
        "login-form",
        "visit-button",
        "me-button",
        "logout-button",
        "storage-switch",
        "request-log",
        "token-view",
    ] {
        assert!(html.contains(&format!(r#"id="{id}""#)), "#{id}");
    }
    assert!(html.contains("localStorage") && html.contains("CSRF") && html.contains("XSS"));
    let js = client.get("/static/js/jwt-header.js").dispatch();
    assert_eq!(js.status(), Status::Ok);
    let js = body(js);
    assert!(js.contains("Authorization") && !js.contains(".innerHTML"));
}

#[test]
fn token_endpoint_issues_a_bearer_token() {
    let app = TestApp::spawn();
    let mut script = JwtHeaderVisitor::arrive(&app);
    let page = script.log_in_as(ALICE);
    assert_eq!(page.status, Status::Ok);
    let body = page.json();
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 900);
    let claims = payload(script.token.as_deref().expect("the script keeps the token"));
    assert_eq!(claims["sub"], "alice");
    assert_eq!(claims["aud"], "auth-labs/jwt-header");
    assert_eq!(claims["visits"], 0);
}

#[test]
fn bad_credentials_get_a_401_json_error() {
    let app = TestApp::spawn();
    let mut script = JwtHeaderVisitor::arrive(&app);
    for (name, password) in [("alice", "nope"), ("nobody", "wonderland")] {
        let page = script.log_in(name, password);
        assert_eq!(page.status, Status::Unauthorized);
        assert_eq!(page.www_authenticate.as_deref(), Some("Bearer"));
        let body = page.json();
        assert_eq!(body["message"], "Invalid username or password");
        assert!(body.get("access_token").is_none());
        assert_eq!(script.token, None);
    }
}

#[test]
fn malformed_token_requests_get_json_errors_not_500s() {
    let client = client();
    for (content_type, payload) in [
        (ContentType::JSON, "not json"),
        (ContentType::JSON, r#"{"username":"alice"}"#),
        (ContentType::JSON, r#"{"username":1,"password":2}"#),
        (ContentType::Plain, "username=alice"),
    ] {
        let response = client
            .post(format!("{BASE}/api/token"))
            .header(content_type)
            .body(payload)
            .dispatch();
        assert!(response.status().class().is_client_error(), "{payload}");
        assert!(json_body(response)["error"].is_string());
    }
}

#[test]
fn visit_without_a_token_starts_a_guest_token_at_one() {
    let app = TestApp::spawn();
    let mut script = JwtHeaderVisitor::arrive(&app);
    assert_eq!(script.visit().visits(), 1);
    let claims = payload(script.token.as_deref().expect("a guest token"));
    assert!(claims["sub"]
        .as_str()
        .is_some_and(|s| s.starts_with("guest:")));
}

#[test]
fn counter_is_a_claim_and_each_visit_re_issues_the_token() {
    let app = TestApp::spawn();
    let mut alice = JwtHeaderVisitor::arrive(&app);
    alice.log_in_as(ALICE);
    for expected in 1..=3 {
        let before = alice.token.clone().expect("a token");
        assert_eq!(alice.visit().visits(), expected);
        let next = alice.token.clone().expect("a re-issued token");
        assert_ne!(next, before);
        assert_eq!(payload(&next)["visits"], expected);
    }
}

#[test]
fn guest_count_carries_over_into_the_login_token() {
    let app = TestApp::spawn();
    let mut alice = JwtHeaderVisitor::arrive(&app);
    alice.visit();
    alice.visit();
    // The script sends its guest token along with the login, so the count carries over.
    let body = alice.log_in_as(ALICE).json();
    assert_eq!(body["visits"], 2);
    assert_eq!(
        payload(body["access_token"].as_str().expect("token"))["sub"],
        "alice"
    );
}

#[test]
fn me_answers_with_the_verified_claims() {
    let client = client();
    let token = login_token(&client);
    let (status, challenge, body) = me(&client, Some(&format!("Bearer {token}")));
    assert_eq!(status, Status::Ok);
    assert_eq!(challenge, None);
    assert_eq!(body["user"], "alice");
    assert_eq!(body["sub"], "alice");
    assert_eq!(body["aud"], "auth-labs/jwt-header");
    for claim in ["visits", "iat", "exp", "jti", "iss"] {
        assert!(body.get(claim).is_some(), "{claim}");
    }
}

#[test]
fn missing_authorization_is_a_401_with_a_bare_bearer_challenge() {
    let client = client();
    let (status, challenge, body) = me(&client, None);
    assert_eq!(status, Status::Unauthorized);
    assert_eq!(challenge.as_deref(), Some("Bearer"));
    assert!(body["message"]
        .as_str()
        .is_some_and(|m| m.contains("Bearer")));
}

#[test]
fn garbage_authorization_is_a_401_with_an_rfc_6750_header() {
    let client = client();
    for value in [
        "Basic YWxpY2U6d29uZGVybGFuZA==",
        "Bearer",
        "Bearer ",
        "token",
        "",
    ] {
        let (status, challenge, _) = me(&client, Some(value));
        assert_eq!(status, Status::Unauthorized, "{value:?}");
        assert!(
            challenge.is_some_and(|c| c.starts_with("Bearer")),
            "{value:?}"
        );
    }
    assert_invalid_token(&client, "garbage", "not_a_jwt", "Not a JWT");
    assert_invalid_token(&client, "a.b.c", "malformed", "Malformed");
    assert_invalid_token(&client, "ü.ö.ä", "not_a_jwt", "Not a JWT");
    let visit = client
        .post(format!("{BASE}/api/visit"))
        .header(bearer("garbage"))
        .dispatch();
    assert_eq!(
        visit.status(),
        Status::Unauthorized,
        "a bad token is not a guest"
    );
}

#[test]
fn tampered_payload_is_refused_as_a_bad_signature() {
    let client = client();
    let forged = tampered(&login_token(&client), |p| {
        p.insert("sub".into(), Value::from("bob"));
    });
    assert_invalid_token(&client, &forged, "bad_signature", "Bad signature");
}

#[test]
fn alg_none_is_refused_in_any_letter_case() {
    let client = client();
    let token = login_token(&client);
    for alg in ["none", "NoNe"] {
        assert_invalid_token(
            &client,
            &unsigned(&token, alg),
            "algorithm_not_allowed",
            "Algorithm not allowed",
        );
    }
}

#[test]
fn token_signed_with_another_secret_is_refused() {
    let client = client();
    let token = signed_elsewhere(Audience::JwtHeader, "alice");
    assert_invalid_token(&client, &token, "bad_signature", "Bad signature");
}

#[test]
fn expired_token_is_refused() {
    let client = client();
    let token = expired(&client, Audience::JwtHeader, "alice", 3);
    assert_invalid_token(&client, &token, "expired", "Expired");
}

#[test]
fn cookie_lab_token_is_refused_for_its_audience() {
    let client = client();
    let token = issued(&client, Audience::JwtCookie, Some("alice"), 3);
    assert_invalid_token(&client, &token, "wrong_audience", "Wrong audience");
}

#[test]
fn token_copied_before_logout_still_works_until_exp() {
    let app = TestApp::spawn();
    let mut alice = JwtHeaderVisitor::arrive(&app);
    alice.log_in_as(ALICE);
    let copy = alice.credential_copy();
    alice.log_out(); // The page forgets its token; the server is not told.
    assert_eq!(alice.me().status, Status::Unauthorized);
    let page = JwtHeaderVisitor::arrive(&app).carrying(copy).me();
    assert_eq!(page.status, Status::Ok);
    assert_eq!(page.json()["user"], "alice");
}

#[test]
fn issued_token_verifies_with_an_independent_jwt_implementation() {
    let client = client();
    let token = login_token(&client);
    let claims = verify_independently(&token, &secret(&client));
    assert_eq!(claims["sub"], "alice");
    assert_eq!(claims["visits"], 0);
    assert!(independently_refused(
        &token,
        b"some-other-secret-of-32-bytes-or-more"
    ));
}

#[test]
fn curl_commands_on_the_page_work_verbatim() {
    if std::process::Command::new("curl")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("SKIPPED curl_commands_on_the_page_work_verbatim: curl is not installed");
        return;
    }
    let app = serve_app();
    let html = ureq::get(&format!("{app}{BASE}"))
        .call()
        .expect("the page")
        .into_string()
        .expect("text");
    let command = |id: &str| element_text(&html, id).unwrap_or_else(|| panic!("#{id}"));
    // The page names the host it was served from, so the lines run as shown.
    assert!(command("curl-login").contains(&format!("{app}{BASE}/api/token")));
    let script = format!(
        "set -e\n{}\n{}\n{}\n{}",
        command("curl-login"),
        command("curl-me"),
        command("curl-visit"),
        command("curl-401")
    );
    let output = std::process::Command::new("bash")
        .arg("-c")
        .arg(&script)
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{script}\n{stdout}");
    assert!(stdout.contains(r#""user":"alice""#), "{stdout}");
    assert!(stdout.contains(r#""visits":1"#), "{stdout}");
    assert!(
        stdout.contains("www-authenticate: Bearer\r\n")
            || stdout.contains("WWW-Authenticate: Bearer\r\n"),
        "{stdout}"
    );
    assert!(stdout.contains(r#"error="invalid_token""#), "{stdout}");
}

#[test]
fn logout_takes_note_of_a_valid_token_which_keeps_working_and_refuses_a_missing_one() {
    let client = client();
    let token = login_token(&client);
    let logout = |authorization: Option<Header<'static>>| {
        let mut request = client.post(format!("{BASE}/api/logout"));
        if let Some(header) = authorization {
            request = request.header(header);
        }
        request.dispatch()
    };
    let answer = logout(Some(bearer(&token)));
    assert_eq!(answer.status(), Status::Ok);
    let body = json_body(answer);
    assert_eq!(body["user"], "alice");
    let left = body["still_valid_for"].as_i64().expect("seconds");
    assert!(left > 0 && left <= 15 * 60, "{body}");
    // Nothing was revoked: the same token still proves alice.
    let (status, _, claims) = me(&client, Some(&format!("Bearer {token}")));
    assert_eq!(
        (status, claims["user"].as_str()),
        (Status::Ok, Some("alice"))
    );
    let missing = logout(None);
    assert_eq!(missing.status(), Status::Unauthorized);
    assert!(missing.headers().get_one("WWW-Authenticate").is_some());
    let forged = tampered(&token, |p| {
        p.insert("sub".into(), Value::from("bob"));
    });
    assert_eq!(logout(Some(bearer(&forged))).status(), Status::Unauthorized);
}
