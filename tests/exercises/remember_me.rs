//! Exercise 01 · Remember me (`docs/exercises/01-remember-me.md`).
//!
//! Contract: the sessions login form has a checkbox named `remember`. Ticked, the login
//! sets the `sid` cookie with a `Max-Age` (a persistent cookie) that is positive and never
//! longer than `session_absolute_timeout`; unticked, it stays a browser-session cookie.

use rocket::http::{SameSite, Status};
use rocket::local::blocking::{Client, LocalResponse};

use crate::support::*;
use crate::{attr, has_attr, input_tag, SESSIONS};

/// Posts the login form as a browser would: a ticked checkbox sends its `value` (or `on`).
fn log_in<'c>(client: &'c Client, remember: bool) -> LocalResponse<'c> {
    let html = body(client.get(format!("{SESSIONS}/login")).dispatch());
    let mut fields = vec![
        ("username", "alice".to_string()),
        ("password", "wonderland".to_string()),
    ];
    if remember {
        let tag =
            input_tag(&html, "remember").expect("the login form has an <input name=\"remember\">");
        fields.push((
            "remember",
            attr(&tag, "value").unwrap_or_else(|| "on".into()),
        ));
    }
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let response = post_form(client, &format!("{SESSIONS}/login"), &fields);
    assert_redirect_to(&response, "/labs/sessions/me");
    response
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored remember_me"]
fn remember_me_checkbox_is_on_the_login_form() {
    let client = client();
    let html = body(client.get(format!("{SESSIONS}/login")).dispatch());
    let tag = input_tag(&html, "remember")
        .expect("the login form needs an <input name=\"remember\"> (the checkbox)");
    assert!(
        has_attr(&tag, "type", "checkbox"),
        "`remember` should be a checkbox: {tag}"
    );
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored remember_me"]
fn remember_me_ticked_makes_the_session_cookie_persistent() {
    let client = client();
    let response = log_in(&client, true);
    let cookie = response_cookie(&response, "sid").expect("the login sets the sid cookie");
    let max_age = cookie
        .max_age()
        .expect("a remembered login sets the sid cookie with Max-Age")
        .whole_seconds();
    assert!(max_age > 0, "Max-Age must be positive, got {max_age}");
    assert!(
        max_age <= 8 * 60 * 60,
        "Max-Age {max_age} s outlives the server's session (session_absolute_timeout = 8 h)"
    );
    // Still the same careful cookie: only the lifetime changed.
    assert_eq!(cookie.http_only(), Some(true), "keep HttpOnly");
    assert_eq!(
        cookie.path(),
        Some("/labs/sessions"),
        "keep Path=/labs/sessions"
    );
    assert!(
        matches!(cookie.same_site(), Some(SameSite::Lax | SameSite::Strict)),
        "keep SameSite=Lax"
    );
    // And it still logs you in.
    let me = client.get(format!("{SESSIONS}/me")).dispatch();
    assert_eq!(me.status(), Status::Ok);
    assert_eq!(user(&body(me)).as_deref(), Some("alice"));
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored remember_me"]
fn remember_me_unticked_keeps_a_browser_session_cookie() {
    let client = client();
    let response = log_in(&client, false);
    let cookie = response_cookie(&response, "sid").expect("the login sets the sid cookie");
    assert_eq!(cookie.max_age(), None, "no Max-Age without the checkbox");
    assert!(
        cookie.expires_datetime().is_none(),
        "no Expires without the checkbox: the browser forgets it when it closes"
    );
}

#[test]
#[ignore = "exercise check: cargo test --test exercises -- --ignored remember_me"]
fn remember_me_cookie_never_outlives_the_server_session() {
    let client = client_with(figment().merge(("session_absolute_timeout", 600)));
    let response = log_in(&client, true);
    let cookie = response_cookie(&response, "sid").expect("the login sets the sid cookie");
    let max_age = cookie
        .max_age()
        .expect("a remembered login sets Max-Age")
        .whole_seconds();
    assert!(
        (1..=600).contains(&max_age),
        "with session_absolute_timeout = 600 the cookie may live at most 600 s, got {max_age}"
    );
}
