//! Exercise 05 · Login throttling (`docs/exercises/05-login-throttle.md`).
//!
//! Contract: settings `login_max_failures` (default 5) and `login_lockout` (seconds, default
//! 60). After `login_max_failures` failed logins in a row for one username, every login for
//! that username, even with the right password, is answered `429 Too Many Requests` with a
//! `Retry-After` header (whole seconds, at most `login_lockout`) until the lockout ends. Other
//! usernames are not affected; unknown usernames are treated like known ones; a successful
//! login resets the count.

use std::time::Duration;

use rocket::http::Status;
use rocket::local::blocking::Client;

use crate::support::*;
use crate::SESSIONS;

const MAX_FAILURES: usize = 5;

/// Fails `n` logins for `username`; each must be an ordinary failure (the form again).
#[track_caller]
fn fail(client: &Client, username: &str, n: usize) {
    for attempt in 1..=n {
        let response = login(client, SESSIONS, username, "not-the-password");
        assert_eq!(
            response.status(),
            Status::Ok,
            "failed attempt {attempt} of {n} for {username} should still be an ordinary failure (200 with the form)"
        );
    }
}

/// Asserts the response is a lockout and returns its `Retry-After` seconds.
#[track_caller]
fn assert_locked(response: &rocket::local::blocking::LocalResponse<'_>, lockout: u64) -> u64 {
    assert_eq!(
        response.status(),
        Status::TooManyRequests,
        "after login_max_failures failed logins in a row the next one must be refused with 429"
    );
    let retry_after = response
        .headers()
        .get_one("Retry-After")
        .expect("a 429 must say when to come back: a Retry-After header");
    let seconds: u64 = retry_after
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("Retry-After should be whole seconds, got {retry_after:?}"));
    assert!(
        (1..=lockout).contains(&seconds),
        "Retry-After {seconds} should be between 1 and the lockout ({lockout} s)"
    );
    assert!(
        response_cookie(response, "sid").is_none(),
        "a refused login sets no session cookie"
    );
    seconds
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored login_throttle"]
fn login_throttle_locks_a_username_even_against_the_right_password() {
    let client = client();
    fail(&client, "alice", MAX_FAILURES);
    let response = login(&client, SESSIONS, "alice", "wonderland");
    assert_locked(&response, 60);
    drop(response);
    assert_redirect_to(
        &client.get(format!("{SESSIONS}/me")).dispatch(),
        "/labs/sessions/login",
    );
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored login_throttle"]
fn login_throttle_is_per_username() {
    let client = client();
    fail(&client, "alice", MAX_FAILURES);
    assert_locked(&login(&client, SESSIONS, "alice", "wonderland"), 60);
    assert_redirect_to(
        &login(&client, SESSIONS, "bob", "builder"),
        "/labs/sessions/me",
    );
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored login_throttle"]
fn login_throttle_treats_unknown_usernames_like_known_ones() {
    // Otherwise the lockout itself tells an attacker which usernames exist.
    let client = client();
    fail(&client, "nobody", MAX_FAILURES);
    assert_locked(&login(&client, SESSIONS, "nobody", "anything"), 60);
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored login_throttle"]
fn login_throttle_resets_after_a_success() {
    let client = client();
    for _ in 0..2 {
        fail(&client, "alice", MAX_FAILURES - 1);
        assert_redirect_to(
            &login(&client, SESSIONS, "alice", "wonderland"),
            "/labs/sessions/me",
        );
    }
    // The count restarted after each success, so it takes the full number again to lock.
    fail(&client, "alice", MAX_FAILURES);
    assert_locked(&login(&client, SESSIONS, "alice", "wonderland"), 60);
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored login_throttle"]
fn login_throttle_lockout_ends_and_is_configurable() {
    let client = client_with(
        figment()
            .merge(("login_max_failures", 3))
            .merge(("login_lockout", 1)),
    );
    fail(&client, "alice", 3);
    let response = login(&client, SESSIONS, "alice", "wonderland");
    let wait = assert_locked(&response, 1);
    drop(response);
    std::thread::sleep(Duration::from_millis(wait * 1000 + 200));
    assert_redirect_to(
        &login(&client, SESSIONS, "alice", "wonderland"),
        "/labs/sessions/me",
    );
}
