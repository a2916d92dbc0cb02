//! Exercise 04 · CSRF tokens (`docs/exercises/04-csrf.md`).
//!
//! Contract: every form of the sessions lab that posts (login, logout) carries a hidden
//! `<input name="csrf_token">` whose value is a secret tied to the visitor's session; a POST
//! whose `csrf_token` is missing or differs is refused with `403 Forbidden` and changes
//! nothing.

use rocket::http::{Cookie, Status};
use rocket::local::blocking::{Client, LocalResponse};

use crate::support::*;
use crate::{attr, cookies_of, input_tag, SESSIONS};

const LOGIN: &str = "/labs/sessions/login";
const LOGOUT: &str = "/labs/sessions/logout";

/// The `csrf_token` value of the page's form.
#[track_caller]
fn token(html: &str, page: &str) -> String {
    let tag = input_tag(html, "csrf_token")
        .unwrap_or_else(|| panic!("{page} needs a hidden <input name=\"csrf_token\">"));
    let value = attr(&tag, "value").unwrap_or_default();
    assert!(
        value.len() >= 16,
        "the csrf_token on {page} should be a long random secret, got {value:?}"
    );
    value
}

fn post_login<'c>(client: &'c Client, token: Option<&str>) -> LocalResponse<'c> {
    let mut fields = vec![("username", "alice"), ("password", "wonderland")];
    if let Some(token) = token {
        fields.push(("csrf_token", token));
    }
    post_form(client, LOGIN, &fields)
}

/// Logs in through the form, token included, like a browser.
fn log_in(client: &Client) {
    let html = body(client.get(LOGIN).dispatch());
    let token = token(&html, LOGIN);
    assert_redirect_to(&post_login(client, Some(&token)), "/labs/sessions/me");
}

fn me_status(client: &Client) -> Status {
    client.get(format!("{SESSIONS}/me")).dispatch().status()
}

/// `token` with its last character changed.
fn altered(token: &str) -> String {
    let mut forged: String = token[..token.len() - 1].to_string();
    forged.push(if token.ends_with('A') { 'B' } else { 'A' });
    forged
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored csrf"]
fn csrf_login_is_refused_without_the_right_token() {
    let client = client();
    let html = body(client.get(LOGIN).dispatch());
    let good = token(&html, LOGIN);
    for (what, sent) in [
        ("no csrf_token", None),
        ("an empty csrf_token", Some(String::new())),
        ("a forged csrf_token", Some("x".repeat(good.len()))),
        ("an altered csrf_token", Some(altered(&good))),
    ] {
        let response = post_login(&client, sent.as_deref());
        assert_eq!(
            response.status(),
            Status::Forbidden,
            "a login with {what} must be refused with 403"
        );
        drop(response);
        assert_eq!(
            me_status(&client),
            Status::SeeOther,
            "a login with {what} must not log anyone in"
        );
    }
    assert_redirect_to(&post_login(&client, Some(&good)), "/labs/sessions/me");
    assert_eq!(me_status(&client), Status::Ok);
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored csrf"]
fn csrf_logout_is_refused_without_the_right_token() {
    let client = client();
    log_in(&client);
    let html = body(client.get(format!("{SESSIONS}/me")).dispatch());
    let good = token(&html, "/labs/sessions/me (its logout form)");
    for (what, fields) in [
        ("no csrf_token", vec![]),
        (
            "an altered csrf_token",
            vec![("csrf_token", altered(&good))],
        ),
    ] {
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let response = post_form(&client, LOGOUT, &fields);
        assert_eq!(
            response.status(),
            Status::Forbidden,
            "a logout with {what} must be refused with 403 (a forged logout)"
        );
        drop(response);
        assert_eq!(
            me_status(&client),
            Status::Ok,
            "a refused logout changes nothing"
        );
    }
    let response = post_form(&client, LOGOUT, &[("csrf_token", &good)]);
    assert_redirect_to(&response, SESSIONS);
    drop(response);
    assert_eq!(me_status(&client), Status::SeeOther, "logged out");
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored csrf"]
fn csrf_logout_form_on_the_lab_page_carries_the_token() {
    let client = client();
    log_in(&client);
    let html = body(client.get(SESSIONS).dispatch());
    let good = token(&html, "/labs/sessions (its logout form)");
    assert_redirect_to(
        &post_form(&client, LOGOUT, &[("csrf_token", &good)]),
        SESSIONS,
    );
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored csrf"]
fn csrf_token_belongs_to_one_session() {
    // One server, two browsers: the attacker loads the form in their own browser and
    // tries their token with the victim's cookies.
    let client = untracked_client();
    let form = |client: &Client| -> (Vec<Cookie<'static>>, String) {
        let response = client.get(LOGIN).dispatch();
        let cookies = cookies_of(&response);
        (cookies, token(&body(response), LOGIN))
    };
    let (victim_cookies, victim_token) = form(&client);
    let (_, attacker_token) = form(&client);
    assert_ne!(
        victim_token, attacker_token,
        "each session gets its own token"
    );

    let post = |token: &str| {
        let mut request = client
            .post(LOGIN)
            .header(rocket::http::ContentType::Form)
            .body(format!(
                "username=alice&password=wonderland&csrf_token={}",
                urlencode(token)
            ));
        for cookie in &victim_cookies {
            request = request.cookie(cookie.clone());
        }
        request.dispatch()
    };
    assert_eq!(
        post(&attacker_token).status(),
        Status::Forbidden,
        "a token from another session must be refused"
    );
    assert_redirect_to(&post(&victim_token), "/labs/sessions/me");
}
