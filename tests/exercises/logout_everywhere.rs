//! Exercise 03 · Log out everywhere (`docs/exercises/03-logout-everywhere.md`).
//!
//! Contract: `POST /labs/sessions/logout-everywhere` destroys every session of the logged-in
//! user, removes the cookie and answers `303` to `/labs/sessions`; without a login it answers
//! `303` to `/labs/sessions/login`. The protected page has a form that posts to it.

use rocket::http::{Cookie, Status};
use rocket::local::blocking::Client;

use crate::support::*;
use crate::{attr, form_tags, SESSIONS};

const ROUTE: &str = "/labs/sessions/logout-everywhere";

/// Logs in as a fresh browser and returns its session cookie.
fn browser_session(client: &Client, username: &str, password: &str) -> Cookie<'static> {
    let response = login(client, SESSIONS, username, password);
    assert_redirect_to(&response, "/labs/sessions/me");
    response_cookie(&response, "sid").expect("the login sets the sid cookie")
}

fn me_status(client: &Client, cookie: &Cookie<'static>) -> Status {
    client
        .get(format!("{SESSIONS}/me"))
        .cookie(cookie.clone())
        .dispatch()
        .status()
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored logout_everywhere"]
fn logout_everywhere_ends_every_session_of_the_user() {
    // One server, four browsers: alice on a laptop, a phone and a library computer; bob.
    let client = untracked_client();
    let alice: Vec<_> = (0..3)
        .map(|_| browser_session(&client, "alice", "wonderland"))
        .collect();
    let bob = browser_session(&client, "bob", "builder");
    for cookie in alice.iter().chain([&bob]) {
        assert_eq!(me_status(&client, cookie), Status::Ok);
    }

    let response = client.post(ROUTE).cookie(alice[0].clone()).dispatch();
    assert_redirect_to(&response, "/labs/sessions");
    let removal = response_cookie(&response, "sid")
        .expect("logout-everywhere also removes this browser's sid cookie");
    assert_eq!(
        removal.max_age().map(|d| d.whole_seconds()),
        Some(0),
        "remove the cookie (Max-Age=0), with the same Path it was set with"
    );
    assert_eq!(removal.path(), Some("/labs/sessions"));

    for (i, cookie) in alice.iter().enumerate() {
        assert_eq!(
            me_status(&client, cookie),
            Status::SeeOther,
            "alice's session #{} must be gone after logout-everywhere",
            i + 1
        );
    }
    assert_eq!(
        me_status(&client, &bob),
        Status::Ok,
        "bob's session belongs to someone else and must survive"
    );
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored logout_everywhere"]
fn logout_everywhere_without_a_login_goes_to_the_login_page() {
    let client = client();
    let response = client.post(ROUTE).dispatch();
    assert_redirect_to(&response, "/labs/sessions/login");
    drop(response);
    // An anonymous session (a counted visit) is not a login either.
    client.get(SESSIONS).dispatch();
    let response = client.post(ROUTE).dispatch();
    assert_redirect_to(&response, "/labs/sessions/login");
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored logout_everywhere"]
fn logout_everywhere_is_never_a_get() {
    let client = client();
    assert_redirect_to(
        &login(&client, SESSIONS, "alice", "wonderland"),
        "/labs/sessions/me",
    );
    let response = client.get(ROUTE).dispatch();
    assert!(
        response.status().class().is_client_error(),
        "GET {ROUTE} must not be a route (a link or an <img> could trigger it), got {}",
        response.status()
    );
    drop(response);
    assert_eq!(
        client.get(format!("{SESSIONS}/me")).dispatch().status(),
        Status::Ok
    );
    // The check above passes on an app without the route, so also prove the POST exists.
    assert_redirect_to(&client.post(ROUTE).dispatch(), "/labs/sessions");
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored logout_everywhere"]
fn logout_everywhere_button_is_on_the_protected_page() {
    let client = client();
    login(&client, SESSIONS, "alice", "wonderland");
    let html = body(client.get(format!("{SESSIONS}/me")).dispatch());
    let forms = form_tags(&html, ROUTE);
    assert!(
        !forms.is_empty(),
        "/labs/sessions/me needs a <form action=\"{ROUTE}\">"
    );
    assert!(
        forms
            .iter()
            .any(|f| attr(f, "method").is_some_and(|m| m.eq_ignore_ascii_case("post"))),
        "the form must use method=\"post\""
    );
}
