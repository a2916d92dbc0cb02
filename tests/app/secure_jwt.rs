//! Issue 10's JWT defences, each test named for the attack it stops: a stolen token renewed
//! forever (`auth_time` and `jwt_absolute_timeout`), a `crit` header, `exp` equal to now, a
//! mistyped claim, and a cross-site `text/plain` form at the token API.

use crate::support::browser::{self, Browser};
use crate::support::internals::Audience;
use crate::support::json_api::{bearer, json_body, post_token};
use crate::support::jwt::{keys, payload, secret, signed_raw};
use crate::support::*;
use rocket::http::{ContentType, Cookie, Header, Status};
use rocket::local::blocking::{Client, LocalResponse};
use serde_json::{json, Value};
use time::OffsetDateTime;

fn now() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

/// `GET api/me` with `token`: the status, the challenge and the JSON body.
#[track_caller]
fn api_me(client: &Client, token: &str) -> (Status, String, Value) {
    let response = client
        .get(format!("{JWT_HEADER}/api/me"))
        .header(bearer(token))
        .dispatch();
    let status = response.status();
    let challenge = response
        .headers()
        .get_one("WWW-Authenticate")
        .unwrap_or_default()
        .to_string();
    (status, challenge, json_body(response))
}

/// The claims of a genuine header-lab token for alice, as JSON, for editing.
fn alice_claims(client: &Client) -> Value {
    let token = keys(client)
        .issue(Audience::JwtHeader, Some("alice"), 1)
        .expect("signs")
        .token;
    Value::Object(payload(&token))
}

const HS256: &str = r#"{"alg":"HS256","typ":"JWT"}"#;

#[test]
fn a_token_with_a_crit_header_is_refused() {
    let client = client();
    let header = json!({"alg": "HS256", "typ": "JWT", "crit": ["exp"]});
    let token = signed_raw(&secret(&client), &header, &alice_claims(&client));
    let (status, challenge, body) = api_me(&client, &token);
    assert_eq!(status, Status::Unauthorized, "{body}");
    assert_eq!(body["reason"], "critical_extension", "{body}");
    assert!(challenge.contains("crit"), "{challenge}");
    // The same claims under a plain header are fine: the refusal is for `crit` alone.
    let plain: Value = serde_json::from_str(HS256).expect("json");
    let token = signed_raw(&secret(&client), &plain, &alice_claims(&client));
    assert_eq!(api_me(&client, &token).0, Status::Ok);
}

#[test]
fn a_token_is_refused_in_the_very_second_of_its_exp() {
    let client = client();
    let mut claims = alice_claims(&client);
    // RFC 7519 §4.1.4: the current time must be *before* exp; exp == now is expired.
    claims["exp"] = json!(now());
    let header: Value = serde_json::from_str(HS256).expect("json");
    let token = signed_raw(&secret(&client), &header, &claims);
    let (status, _, body) = api_me(&client, &token);
    assert_eq!(status, Status::Unauthorized, "{body}");
    assert_eq!(body["reason"], "expired", "{body}");
}

#[test]
fn a_mistyped_claim_is_refused_for_its_type_not_as_missing() {
    let client = client();
    let header: Value = serde_json::from_str(HS256).expect("json");
    for (claim, value) in [("exp", json!("soon")), ("sub", json!(5)), ("aud", json!(7))] {
        let mut claims = alice_claims(&client);
        claims[claim] = value;
        let token = signed_raw(&secret(&client), &header, &claims);
        let (status, _, body) = api_me(&client, &token);
        assert_eq!(status, Status::Unauthorized, "{claim}: {body}");
        assert_eq!(body["reason"], "malformed", "{claim}: {body}");
        let message = body["message"].as_str().unwrap_or_default();
        assert!(
            message.contains(&format!("the {claim} claim is not a")),
            "{message}"
        );
    }
}

/// `POST api/token` with alice's password as a JSON text, under `content_type` (if any).
fn post_login<'c>(client: &'c Client, content_type: Option<&str>) -> LocalResponse<'c> {
    let mut request = client
        .post(format!("{JWT_HEADER}/api/token"))
        .body(r#"{"username":"alice","password":"wonderland","x":"="}"#);
    if let Some(content_type) = content_type {
        request = request.header(Header::new("Content-Type", content_type.to_string()));
    }
    request.dispatch()
}

#[test]
fn a_cross_site_text_plain_form_cannot_reach_the_token_api() {
    let client = client();
    // `<form enctype="text/plain">` with a field named `{"username":"alice",…,"x":"` and
    // the value `"}` sends this very body, cross-site, with no CORS preflight.
    let response = client
        .post(format!("{JWT_HEADER}/api/token"))
        .header(ContentType::Plain)
        .header(Header::new("Sec-Fetch-Site", "cross-site"))
        .header(Header::new("Origin", "http://evil.example"))
        .body(r#"{"username":"alice","password":"wonderland","x":"="}"#)
        .dispatch();
    assert_eq!(response.status(), Status::UnsupportedMediaType);
    assert_eq!(
        response.headers().get_one("Accept"),
        Some("application/json")
    );
    let body = json_body(response);
    // The refusal itself answered, before the body was read: no password was hashed.
    assert_eq!(body["reason"], "not_json", "{body}");
    assert!(body.get("access_token").is_none());
    for other in [
        Some("application/x-www-form-urlencoded"),
        Some("multipart/form-data; boundary=x"),
        Some("application/jsonx"),
        None,
    ] {
        let response = post_login(&client, other);
        assert_eq!(response.status(), Status::UnsupportedMediaType, "{other:?}");
        assert_eq!(json_body(response)["reason"], "not_json", "{other:?}");
    }
}

#[test]
fn json_with_a_charset_parameter_is_still_accepted() {
    let client = client();
    for content_type in [
        "application/json",
        "application/json; charset=utf-8",
        "Application/JSON",
    ] {
        let response = post_login(&client, Some(content_type));
        assert_eq!(response.status(), Status::Ok, "{content_type}");
        assert!(json_body(response)["access_token"].is_string());
    }
    // A visit takes no body, so it needs no content type: curl's bare POST keeps working.
    let response = client.post(format!("{JWT_HEADER}/api/visit")).dispatch();
    assert_eq!(response.status(), Status::Ok);
}

// --- auth_time and the absolute timeout ---------------------------------------------------

/// A genuine token for `user` (or a guest) whose login was `age` seconds ago, just renewed:
/// what a thief holds who has kept renewing a stolen copy. Signed here, not by `reissue`, so
/// the tests of `reissue` do not lean on it.
fn renewed_since(client: &Client, audience: Audience, user: Option<&str>, age: i64) -> String {
    let login = keys(client).issue(audience, user, 5).expect("signs").token;
    let mut claims = Value::Object(payload(&login));
    claims["auth_time"] = json!(claim(&login, "auth_time") - age);
    let header: Value = serde_json::from_str(HS256).expect("json");
    signed_raw(&secret(client), &header, &claims)
}

fn absolute_timeout(client: &Client) -> i64 {
    keys(client).absolute_timeout.whole_seconds()
}

/// `POST api/visit` with `token`.
fn api_visit<'c>(client: &'c Client, token: &str) -> LocalResponse<'c> {
    client
        .post(format!("{JWT_HEADER}/api/visit"))
        .header(bearer(token))
        .dispatch()
}

/// The cookie lab's page for a browser whose `jwt` cookie holds `token`.
fn cookie_visit(client: &Client, token: &str) -> String {
    let response = client
        .get(JWT_COOKIE)
        .cookie(Cookie::new("jwt", token.to_string()))
        .dispatch();
    assert_eq!(response.status(), Status::Ok);
    body(response)
}

fn cookie_token(client: &Client) -> String {
    client
        .cookies()
        .get("jwt")
        .expect("a jwt cookie")
        .value()
        .to_string()
}

fn claim(token: &str, name: &str) -> i64 {
    payload(token)[name]
        .as_i64()
        .unwrap_or_else(|| panic!("{name} is a number"))
}

#[test]
fn a_stolen_jwt_stops_renewing_at_the_absolute_timeout_in_the_header_lab() {
    let client = client();
    let limit = absolute_timeout(&client);
    // A minute before the deadline the copy still renews, and the new token keeps auth_time.
    let almost = renewed_since(&client, Audience::JwtHeader, Some("alice"), limit - 60);
    let renewed = json_body(api_visit(&client, &almost));
    let renewed = renewed["access_token"]
        .as_str()
        .expect("renewed")
        .to_string();
    assert_eq!(claim(&renewed, "auth_time"), claim(&almost, "auth_time"));
    // At the deadline it is refused, with a fresh exp and a genuine signature notwithstanding.
    let stolen = renewed_since(&client, Audience::JwtHeader, Some("alice"), limit);
    assert!(claim(&stolen, "exp") > now());
    let response = api_visit(&client, &stolen);
    assert_eq!(response.status(), Status::Unauthorized);
    let challenge = response
        .headers()
        .get_one("WWW-Authenticate")
        .unwrap_or_default()
        .to_string();
    assert!(
        challenge
            .starts_with(r#"Bearer error="invalid_token", error_description="Absolute timeout"#),
        "{challenge}"
    );
    assert!(challenge.contains("absolute timeout"), "{challenge}");
    let body = json_body(response);
    assert_eq!(body["reason"], "absolute_timeout");
    assert!(body.get("access_token").is_none());
    assert_eq!(api_me(&client, &stolen).0, Status::Unauthorized);
    // Guest tokens too.
    let guest = renewed_since(&client, Audience::JwtHeader, None, limit);
    assert_eq!(api_visit(&client, &guest).status(), Status::Unauthorized);
}

#[test]
fn a_stolen_jwt_stops_renewing_at_the_absolute_timeout_in_the_cookie_lab() {
    let client = client();
    let limit = absolute_timeout(&client);
    let stolen = renewed_since(&client, Audience::JwtCookie, Some("alice"), limit);
    let html = cookie_visit(&client, &stolen);
    // Not renewed: the user is logged out, told why, and carries a fresh guest token.
    assert_eq!(user(&html), None);
    assert_eq!(visits(&html), 1);
    let notice = element_text(&html, "absolute-timeout").expect("the page explains");
    assert!(
        notice.contains("logged out") && notice.contains("absolute timeout"),
        "{notice}"
    );
    assert!(html.contains(r#"data-why="absolute_timeout""#));
    assert!(element_text(&html, "verification").is_some_and(|v| v.starts_with("Absolute timeout")));
    let fresh = cookie_token(&client);
    assert!(payload(&fresh)["sub"]
        .as_str()
        .is_some_and(|s| s.starts_with("guest:")));
    assert!(claim(&fresh, "auth_time") >= now() - 1);
    // The copy opens no protected page either.
    let response = client
        .get(format!("{JWT_COOKIE}/me"))
        .cookie(Cookie::new("jwt", stolen))
        .dispatch();
    assert_redirect_to(&response, &format!("{JWT_COOKIE}/login"));
    // A guest token past its timeout becomes a fresh guest token, with its own notice.
    let guest = renewed_since(&client, Audience::JwtCookie, None, limit);
    let html = cookie_visit(&client, &guest);
    let notice = element_text(&html, "absolute-timeout").expect("the page explains");
    assert!(notice.contains("fresh guest token"), "{notice}");
    assert_ne!(
        payload(&cookie_token(&client))["sub"],
        payload(&guest)["sub"]
    );
}

#[test]
fn the_absolute_timeout_is_the_jwt_absolute_timeout_setting() {
    let short = client_with(figment().merge(("jwt_absolute_timeout", 60)));
    let token = renewed_since(&short, Audience::JwtHeader, Some("alice"), 61);
    assert_eq!(api_visit(&short, &token).status(), Status::Unauthorized);
    let default = client();
    let token = renewed_since(&default, Audience::JwtHeader, Some("alice"), 61);
    assert_eq!(api_visit(&default, &token).status(), Status::Ok);
}

#[test]
fn auth_time_survives_every_reissue() {
    let client = client();
    let login = renewed_since(&client, Audience::JwtHeader, Some("alice"), 3600);
    let mut token = login.clone();
    for _ in 0..3 {
        let body = json_body(api_visit(&client, &token));
        token = body["access_token"]
            .as_str()
            .expect("re-issued")
            .to_string();
        assert_eq!(claim(&token, "auth_time"), claim(&login, "auth_time"));
        assert!(claim(&token, "iat") >= now() - 1);
    }
    let login = renewed_since(&client, Audience::JwtCookie, Some("alice"), 3600);
    cookie_visit(&client, &login);
    for _ in 0..3 {
        let response = client.get(JWT_COOKIE).dispatch();
        assert_eq!(user(&body(response)).as_deref(), Some("alice"));
        assert_eq!(
            claim(&cookie_token(&client), "auth_time"),
            claim(&login, "auth_time")
        );
    }
}

#[test]
fn login_gives_a_fresh_auth_time() {
    // Header lab: a day-old guest token sent along with the login passes its count, not its time.
    let client = client();
    let guest = renewed_since(&client, Audience::JwtHeader, None, 3600);
    let response = client
        .post(format!("{JWT_HEADER}/api/token"))
        .header(ContentType::JSON)
        .header(bearer(&guest))
        .body(r#"{"username":"alice","password":"wonderland"}"#)
        .dispatch();
    let token = json_body(response)["access_token"]
        .as_str()
        .expect("a token")
        .to_string();
    assert_eq!(payload(&token)["visits"], 5);
    assert!(claim(&token, "auth_time") >= now() - 1);
    // Cookie lab: the same through the login form.
    let guest = renewed_since(&client, Audience::JwtCookie, None, 3600);
    cookie_visit(&client, &guest);
    assert_redirect_to(
        &login(&client, JWT_COOKIE, ALICE.username, ALICE.password),
        &format!("{JWT_COOKIE}/me"),
    );
    let token = cookie_token(&client);
    assert_eq!(payload(&token)["sub"], "alice");
    assert!(claim(&token, "auth_time") >= now() - 1);
    let _ = post_token(&client, ALICE.username, ALICE.password);
}

#[test]
fn a_token_without_auth_time_is_refused_as_missing_a_claim() {
    let client = client();
    let mut claims = alice_claims(&client);
    claims.as_object_mut().map(|c| c.remove("auth_time"));
    let header: Value = serde_json::from_str(HS256).expect("json");
    let token = signed_raw(&secret(&client), &header, &claims);
    let (status, _, body) = api_me(&client, &token);
    assert_eq!(status, Status::Unauthorized);
    assert_eq!(body["reason"], "missing_claim");
    assert!(
        body["message"]
            .as_str()
            .is_some_and(|m| m.contains("auth_time")),
        "{body}"
    );
    assert_eq!(api_visit(&client, &token).status(), Status::Unauthorized);
}

#[test]
fn the_token_view_shows_auth_time_and_when_renewal_stops() {
    let client = client();
    let html = body(client.get(JWT_COOKIE).dispatch());
    assert!(
        html.contains("<code>auth_time</code>"),
        "the claims table lists auth_time"
    );
    let start = html
        .find(r#"id="claims-renewal""#)
        .expect("the claims say when renewal stops");
    let paragraph = &html[start..start + html[start..].find("</p>").expect("its end")];
    let renewal = regex::Regex::new(r"<[^>]*>")
        .expect("pattern")
        .replace_all(paragraph, "");
    assert!(renewal.contains(">Renewal stops at 20"), "{renewal}");
    assert!(
        paragraph.contains("Renewal stops at <time datetime="),
        "the moment is a <time>: {paragraph}"
    );
    assert!(renewal.contains("8 h"), "{renewal}");
    assert!(html.contains(r#"id="renewal-ends""#));
    let token = cookie_token(&client);
    let decoder = body(post_form(&client, "/tools/jwt", &[("token", &token)]));
    assert!(element_text(&decoder, "claims-renewal").is_some());
    let page = body(client.get(JWT_HEADER).dispatch());
    assert!(page.contains(r#"data-absolute-timeout="28800""#));
    assert!(page.contains(r#"id="visit-error""#));
}

#[test]
fn the_header_lab_page_says_why_a_token_past_the_absolute_timeout_is_not_renewed() {
    let test = "the_header_lab_page_says_why_a_token_past_the_absolute_timeout_is_not_renewed";
    if !browser::available(test) {
        return;
    }
    // The served app has the same demo secret as this client: sign the thief's copy with it.
    let local = client();
    let stolen = renewed_since(
        &local,
        Audience::JwtHeader,
        Some("alice"),
        absolute_timeout(&local),
    );
    let app = serve_app();
    let browser = Browser::start();
    browser.goto(&format!("{app}/labs/jwt-header"));
    browser.eval(&format!(
        "localStorage.setItem('auth-labs.jwt-header.storage', 'local'); \
         localStorage.setItem('auth-labs.jwt-header.token', '{stolen}');"
    ));
    browser.goto(&format!("{app}/labs/jwt-header"));
    browser.wait_for_text("#user", "alice");
    browser.click("#visit-button");
    // Refused, not renewed: the page shows the server's reason and forgets the token.
    browser.wait_for_text("#visits", "0");
    let error = browser.text("#visit-error");
    assert!(error.starts_with("Absolute timeout:"), "{error}");
    assert!(browser.text("#request-log").contains("HTTP 401"));
    // The next visit starts a fresh guest token.
    browser.click("#visit-button");
    browser.wait_for_text("#visits", "1");
    assert_eq!(browser.text("#visit-error"), "");
}
