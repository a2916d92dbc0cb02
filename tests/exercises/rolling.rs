//! Exercise 02 · Rolling sessions (`docs/exercises/02-rolling.md`).
//!
//! Contract: a setting `session_rolling` (default `false`). When it is on, every sessions-lab
//! response for a live session re-sends the `sid` cookie with `Max-Age` equal to
//! `session_idle_timeout`, so the browser's deadline slides exactly like the server's idle
//! timeout. When it is off, nothing changes: a browser-session cookie, sent once.

use rocket::http::Status;
use rocket::local::blocking::{Client, LocalResponse};

use crate::support::*;
use crate::{untracked_client_with, SESSIONS};

const IDLE: i64 = 600;

fn rolling_client() -> Client {
    client_with(
        figment()
            .merge(("session_rolling", true))
            .merge(("session_idle_timeout", IDLE)),
    )
}

/// The `sid` cookie the response re-sent, with its `Max-Age` checked.
#[track_caller]
fn assert_resent(response: &LocalResponse<'_>, what: &str) {
    let cookie = response_cookie(response, "sid").unwrap_or_else(|| {
        panic!("with session_rolling = true, {what} must re-send the sid cookie")
    });
    let max_age = cookie.max_age().map(|d| d.whole_seconds());
    assert_eq!(
        max_age,
        Some(IDLE),
        "{what}: the re-sent cookie's Max-Age must equal session_idle_timeout ({IDLE} s)"
    );
    assert_eq!(
        cookie.path(),
        Some("/labs/sessions"),
        "{what}: keep Path=/labs/sessions"
    );
    assert_eq!(cookie.http_only(), Some(true), "{what}: keep HttpOnly");
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored rolling"]
fn rolling_resends_the_cookie_on_every_visit() {
    let client = rolling_client();
    let first = client.get(SESSIONS).dispatch();
    assert_resent(&first, "the first visit");
    drop(first);
    for n in 2..=3 {
        let response = client.get(SESSIONS).dispatch();
        assert_eq!(response.status(), Status::Ok);
        assert_resent(&response, &format!("visit {n}"));
        // The re-sent cookie still names the same session: the count goes on.
        assert_eq!(
            visits(&body(response)),
            n,
            "the re-sent cookie must keep the session"
        );
    }
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored rolling"]
fn rolling_covers_login_and_the_protected_page() {
    let client = rolling_client();
    let response = login(&client, SESSIONS, "alice", "wonderland");
    assert_redirect_to(&response, "/labs/sessions/me");
    assert_resent(&response, "the login");
    drop(response);
    for _ in 0..2 {
        let me = client.get(format!("{SESSIONS}/me")).dispatch();
        assert_eq!(me.status(), Status::Ok);
        assert_resent(&me, "GET /labs/sessions/me");
        assert_eq!(user(&body(me)).as_deref(), Some("alice"));
    }
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored rolling"]
fn rolling_resent_cookie_works_on_its_own() {
    // Two separate requests carrying only what the previous response sent: the browser
    // replaces its cookie with each re-sent one, and the session must survive that.
    let client = untracked_client_with(
        figment()
            .merge(("session_rolling", true))
            .merge(("session_idle_timeout", IDLE)),
    );
    let mut cookie = response_cookie(&client.get(SESSIONS).dispatch(), "sid").expect("sid");
    for n in 2..=3 {
        let response = client.get(SESSIONS).cookie(cookie.clone()).dispatch();
        cookie = response_cookie(&response, "sid")
            .expect("with session_rolling = true every visit re-sends the sid cookie");
        assert_eq!(visits(&body(response)), n);
    }
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored rolling"]
fn rolling_is_off_by_default() {
    let client = client();
    let first = client.get(SESSIONS).dispatch();
    let cookie = response_cookie(&first, "sid").expect("the first visit sets sid");
    assert_eq!(
        cookie.max_age(),
        None,
        "by default sid is a browser-session cookie"
    );
    drop(first);
    let second = client.get(SESSIONS).dispatch();
    assert!(
        response_cookie(&second, "sid").is_none(),
        "by default a returning visit sends no Set-Cookie"
    );
}
