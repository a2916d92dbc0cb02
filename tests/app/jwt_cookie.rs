//! JWT in a cookie: a signed token in an HttpOnly cookie, re-issued on every visit.

use crate::support::internals::Audience;
use crate::support::jwt::{
    expired, issued, payload, secret, signed_elsewhere, signed_text, tampered, unsigned,
    verify_independently,
};
use crate::support::*;
use rocket::http::{Cookie, SameSite, Status};
use rocket::local::blocking::Client;
use serde_json::Value;

const BASE: &str = JWT_COOKIE;

#[track_caller]
fn visit(client: &Client) -> String {
    let response = client.get(BASE).dispatch();
    assert_eq!(response.status(), Status::Ok);
    body(response)
}

/// The token the last response set (the tracked client keeps it like a browser).
#[track_caller]
fn token_cookie(client: &Client) -> String {
    client
        .cookies()
        .get("jwt")
        .expect("a jwt cookie")
        .value()
        .to_string()
}

/// Visits with exactly this cookie value (an untracked request, as if edited in devtools).
#[track_caller]
fn visit_with(client: &Client, token: &str) -> String {
    let response = client
        .get(BASE)
        .cookie(Cookie::new("jwt", token.to_string()))
        .dispatch();
    assert_eq!(response.status(), Status::Ok);
    body(response)
}

/// The markup from the element with `id` to the end of its table or paragraph.
#[track_caller]
fn region<'h>(html: &'h str, id: &str) -> &'h str {
    let start = html
        .find(&format!(r#"id="{id}""#))
        .unwrap_or_else(|| panic!("the page has #{id}"));
    let rest = &html[start..];
    let end = ["</table>", "</p>"]
        .iter()
        .filter_map(|close| rest.find(close))
        .min()
        .unwrap_or(rest.len());
    &rest[..end]
}

#[track_caller]
fn verification(html: &str) -> String {
    element_text(html, "verification").expect("the inspector states the verification result")
}

#[test]
fn counter_lives_in_the_visits_claim_and_increments_each_visit() {
    let client = client();
    for expected in 1..=3 {
        let html = visit(&client);
        assert_eq!(visits(&html), expected);
        assert_eq!(
            payload(&token_cookie(&client))["visits"],
            Value::from(expected)
        );
    }
}

#[test]
fn every_visit_re_issues_a_new_token() {
    let client = client();
    visit(&client);
    let first = token_cookie(&client);
    let response = client.get(BASE).dispatch();
    let lines = set_cookie_headers(&response);
    assert_eq!(lines.len(), 1, "{lines:?}");
    let second = token_cookie(&client);
    assert_ne!(first, second);
    assert_ne!(payload(&first)["jti"], payload(&second)["jti"]);
    assert_eq!(
        payload(&first)["sub"],
        payload(&second)["sub"],
        "same guest"
    );
}

#[test]
fn token_cookie_is_httponly_strict_path_scoped_and_lives_as_long_as_the_token() {
    let client = client();
    let response = client.get(BASE).dispatch();
    let lines = set_cookie_headers(&response);
    let cookie = Cookie::parse(lines[0].clone()).expect("a valid Set-Cookie");
    assert_eq!(cookie.name(), "jwt");
    assert_eq!(cookie.http_only(), Some(true));
    assert_eq!(cookie.same_site(), Some(SameSite::Strict));
    assert_eq!(cookie.path(), Some(BASE));
    assert_eq!(cookie.max_age(), Some(time::Duration::minutes(15)));
    let claims = payload(cookie.value());
    assert_eq!(claims["aud"], "auth-labs/jwt-cookie");
    assert_eq!(claims["iss"], "auth-labs");
    assert_eq!(
        claims["exp"].as_i64().expect("exp") - claims["iat"].as_i64().expect("iat"),
        900
    );
    assert!(claims["sub"]
        .as_str()
        .is_some_and(|s| s.starts_with("guest:")));
    assert!(claims["jti"].as_str().is_some_and(|j| j.len() >= 20));
}

#[test]
fn cookie_secure_setting_adds_secure_to_the_token_cookie() {
    let plain = client();
    let line = &set_cookie_headers(&plain.get(BASE).dispatch())[0];
    assert!(!line.contains("Secure"), "{line}");
    let https = client_with(figment().merge(("cookie_secure", true)));
    let line = &set_cookie_headers(&https.get(BASE).dispatch())[0];
    assert!(line.contains("; Secure"), "{line}");
    let login = login(&https, BASE, "alice", "wonderland");
    let line = set_cookie_headers(&login)
        .into_iter()
        .find(|l| l.starts_with("__Host-jwt="))
        .expect("the login sets the token cookie, named with the __Host- prefix");
    assert!(line.contains("; Secure"), "{line}");
}

#[test]
fn inspector_shows_exactly_the_set_cookie_lines_sent() {
    let client = client();
    for _ in 0..2 {
        let response = client.get(BASE).dispatch();
        let sent = set_cookie_headers(&response);
        assert_eq!(inspector_set_cookie_lines(&body(response)), sent);
    }
}

#[test]
fn page_shows_the_token_split_and_its_claims_with_human_times() {
    let client = client();
    let html = visit(&client);
    let token = token_cookie(&client);
    let parts: Vec<&str> = token.split('.').collect();
    for (class, part) in ["jwt-header", "jwt-payload", "jwt-signature"]
        .iter()
        .zip(&parts)
    {
        assert!(
            html.contains(&format!(r#"<span class="{class}">{part}</span>"#)),
            "{class} part is shown in its own span"
        );
    }
    let claims = region(&html, "claims");
    assert!(claims.contains("visits") && claims.contains("exp"));
    assert!(
        regex::Regex::new(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
            .expect("regex")
            .is_match(claims),
        "times are shown in RFC 3339"
    );
    assert!(html.contains("data-countdown=\""), "a live countdown");
    assert!(html.contains(r#"<script src="/static/js/countdown.js"></script>"#));
    assert_eq!(
        client.get("/static/js/countdown.js").dispatch().status(),
        Status::Ok
    );
}

#[test]
fn guest_count_carries_over_into_the_login_token() {
    let app = TestApp::spawn();
    let mut alice = JwtCookieVisitor::arrive(&app);
    alice.visit();
    alice.visit();
    alice
        .log_in_as(ALICE)
        .assert_redirect_to("/labs/jwt-cookie/me");
    let claims = payload(alice.0.jar.get("jwt").expect("a jwt cookie").value());
    assert_eq!(claims["sub"], "alice");
    assert_eq!(claims["visits"], 2);

    let me = alice.me();
    assert_eq!(me.status, Status::Ok);
    assert_eq!(me.user().as_deref(), Some("alice"));

    let page = alice.visit();
    assert_eq!(page.visits(), 3);
    assert_eq!(page.user().as_deref(), Some("alice"));
}

#[test]
fn me_redirects_to_login_without_a_user_token() {
    let app = TestApp::spawn();
    let mut visitor = JwtCookieVisitor::arrive(&app);
    visitor.me().assert_redirect_to("/labs/jwt-cookie/login");
    visitor.visit(); // a guest token is not a login
    visitor.me().assert_redirect_to("/labs/jwt-cookie/login");
}

#[test]
fn logout_removes_the_cookie_with_the_same_path() {
    let app = TestApp::spawn();
    let mut alice = JwtCookieVisitor::arrive(&app);
    alice.log_in_as(ALICE);
    let page = alice.log_out();
    page.assert_redirect_to(BASE);
    let removal = page
        .set_cookie_for("jwt")
        .expect("a removal for the jwt cookie");
    assert!(removal.contains("Path=/labs/jwt-cookie"), "{removal}");
    assert!(removal.contains("Max-Age=0"), "{removal}");
    alice.me().assert_redirect_to("/labs/jwt-cookie/login");
    assert_eq!(
        alice.0.get(&format!("{BASE}/logout")).status,
        Status::MethodNotAllowed,
        "logout is never a GET"
    );
}

#[test]
fn token_copied_before_logout_still_works_until_exp() {
    let app = TestApp::spawn();
    let mut alice = JwtCookieVisitor::arrive(&app);
    alice.log_in_as(ALICE);
    let copied = alice.credential_copy();
    alice.log_out();

    let replay = JwtCookieVisitor::arrive(&app).carrying(copied).me();
    assert_eq!(
        replay.status,
        Status::Ok,
        "nothing on the server revoked it"
    );
    assert_eq!(replay.user().as_deref(), Some("alice"));
    assert!(region(&replay.body, "replay-lesson").contains("cannot be revoked"));
}

#[test]
fn tampered_payload_is_refused_as_a_bad_signature() {
    let client = client();
    login(&client, BASE, "alice", "wonderland");
    let forged = tampered(&token_cookie(&client), |p| {
        p.insert("visits".into(), Value::from(1000));
    });
    let html = visit_with(&client, &forged);
    assert_eq!(visits(&html), 1, "refused: a new guest token starts at 1");
    assert_eq!(user(&html), None);
    assert!(verification(&html).starts_with("Bad signature"));
    let me = client
        .get(format!("{BASE}/me"))
        .cookie(Cookie::new("jwt", forged))
        .dispatch();
    assert_redirect_to(&me, "/labs/jwt-cookie/login");
}

#[test]
fn alg_none_is_refused_in_any_letter_case() {
    let client = client();
    let token = issued(&client, Audience::JwtCookie, Some("alice"), 5);
    for alg in ["none", "NoNe"] {
        let html = visit_with(&client, &unsigned(&token, alg));
        assert_eq!(visits(&html), 1);
        assert!(
            verification(&html).starts_with("Algorithm not allowed"),
            "{alg}"
        );
    }
}

#[test]
fn token_signed_with_another_secret_is_refused() {
    let client = client();
    let html = visit_with(&client, &signed_elsewhere(Audience::JwtCookie, "alice"));
    assert_eq!(visits(&html), 1);
    assert!(verification(&html).starts_with("Bad signature"));
}

#[test]
fn expired_token_is_refused() {
    let client = client();
    let html = visit_with(&client, &expired(&client, Audience::JwtCookie, "alice", 7));
    assert_eq!(visits(&html), 1);
    assert!(verification(&html).starts_with("Expired"));
}

#[test]
fn header_lab_token_is_refused_for_its_audience() {
    let client = client();
    let html = visit_with(
        &client,
        &issued(&client, Audience::JwtHeader, Some("alice"), 5),
    );
    assert_eq!(visits(&html), 1);
    assert!(verification(&html).starts_with("Wrong audience"));
}

#[test]
fn garbage_cookies_start_a_guest_token_and_never_break_the_page() {
    let client = client();
    for garbage in [
        "",
        "x",
        "a.b.c",
        "a.b.c.d",
        "%%%",
        "eyJ.eyJ.",
        "<script>alert(1)</script>",
    ] {
        let html = visit_with(&client, garbage);
        assert_eq!(visits(&html), 1, "{garbage:?}");
        assert!(!html.contains("<script>alert"), "escaped");
    }
}

#[test]
fn issued_token_verifies_with_an_independent_jwt_implementation() {
    let client = client();
    login(&client, BASE, "alice", "wonderland");
    let claims = verify_independently(&token_cookie(&client), &secret(&client));
    assert_eq!(claims["sub"], "alice");
    assert_eq!(claims["aud"], "auth-labs/jwt-cookie");
}

/// The claim names of the table `#id`, top to bottom.
fn claim_names(html: &str, id: &str) -> Vec<String> {
    let row = regex::Regex::new(r"<tr><th><code>([^<]+)</code></th>").expect("pattern");
    row.captures_iter(region(html, id))
        .map(|c| c[1].to_string())
        .collect()
}

/// The member names of the decoded JSON in `<pre id="…">`, top to bottom.
fn decoded_names(html: &str, id: &str) -> Vec<String> {
    let start = html
        .find(&format!(r#"id="{id}""#))
        .expect("the decoded part");
    let pre = &html[start..start + html[start..].find("</pre>").expect("its end")];
    let member = regex::Regex::new(r"(?m)^  &quot;([^&]+)&quot;:").expect("pattern");
    member
        .captures_iter(pre)
        .map(|c| c[1].to_string())
        .collect()
}

/// The member names of a token part (header or payload) in the order its JSON text has them.
fn names_in_token_order(token: &str, part: usize) -> Vec<String> {
    use base64::Engine;
    let b64 = token.split('.').nth(part).expect("the part");
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(b64)
        .expect("base64url");
    let text = String::from_utf8(bytes).expect("UTF-8");
    let member = regex::Regex::new(r#"[{,]"([^"]+)":"#).expect("pattern");
    member
        .captures_iter(&text)
        .map(|c| c[1].to_string())
        .collect()
}

#[test]
fn the_inspector_shows_header_payload_and_claims_in_the_tokens_own_order() {
    let client = client();
    let html = visit(&client);
    let token = token_cookie(&client);
    let header = names_in_token_order(&token, 0);
    let claims = names_in_token_order(&token, 1);
    let mut sorted = claims.clone();
    sorted.sort();
    assert_ne!(
        claims, sorted,
        "the app writes its claims unsorted: {claims:?}"
    );
    assert_eq!(decoded_names(&html, "decoded-header"), header);
    assert_eq!(decoded_names(&html, "decoded-payload"), claims);
    assert_eq!(claim_names(&html, "claims"), claims);
}

#[test]
fn the_me_page_lists_the_claims_of_the_token_sent_in_the_order_it_holds_them() {
    let client = client();
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    // Valid and signed by the app, its members in an order the app never writes.
    let payload = format!(
        r#"{{"visits":4,"sub":"alice","aud":"auth-labs/jwt-cookie","iss":"auth-labs","jti":"x1","exp":{},"iat":{now},"auth_time":{now}}}"#,
        now + 60
    );
    let token = signed_text(&secret(&client), r#"{"typ":"JWT","alg":"HS256"}"#, &payload);
    let response = client
        .get(format!("{BASE}/me"))
        .cookie(Cookie::new("jwt", token))
        .dispatch();
    assert_eq!(response.status(), Status::Ok);
    let html = body(response);
    assert_eq!(user(&html).as_deref(), Some("alice"));
    assert_eq!(
        claim_names(&html, "claims"),
        [
            "visits",
            "sub",
            "aud",
            "iss",
            "jti",
            "exp",
            "iat",
            "auth_time"
        ]
    );
}
