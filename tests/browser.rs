//! End to end in a real browser (headless Debian Chromium). Skipped with a message when no
//! browser is installed; with `CI` set, a missing browser fails the test.

mod common;

use common::browser::{self, Browser};

#[test]
fn sessions_lab_counts_three_visits_and_logs_in_through_the_form() {
    if !browser::available("sessions_lab_counts_three_visits_and_logs_in_through_the_form") {
        return;
    }
    let app = common::serve_app();
    let browser = Browser::start();
    for _ in 0..3 {
        browser.goto(&format!("{app}/labs/sessions"));
    }
    assert_eq!(browser.text("#visits"), "3");

    browser.click("#login-link");
    browser.type_into("#username", "alice");
    browser.type_into("#password", "wonderland");
    browser.click("#login-submit");
    browser.wait_for_text("#user", "alice");
    assert!(browser.current_url().ends_with("/labs/sessions/me"));

    browser.goto(&format!("{app}/labs/sessions"));
    assert_eq!(browser.text("#user"), "alice");
    assert_eq!(
        browser.text("#visits"),
        "4",
        "the count carried over the login"
    );
    // HttpOnly: page JavaScript cannot see the session cookie.
    assert_eq!(browser.eval("return document.cookie;"), "");
}

#[test]
fn jwt_header_lab_logs_in_and_counts_three_visits_with_a_bearer_token() {
    if !browser::available("jwt_header_lab_logs_in_and_counts_three_visits_with_a_bearer_token") {
        return;
    }
    let app = common::serve_app();
    let browser = Browser::start();
    browser.goto(&format!("{app}/labs/jwt-header"));
    assert_eq!(browser.text("#visits"), "0");
    browser.type_into("#username", "alice");
    browser.type_into("#password", "wonderland");
    browser.click("#login-submit");
    browser.wait_for_text("#user", "alice");
    // Each click waits for its answer: the next request must carry the re-issued token.
    for expected in ["1", "2", "3"] {
        browser.click("#visit-button");
        browser.wait_for_text("#visits", expected);
    }
    // The log shows the header travelling, and the token lives in page memory only.
    let log = browser.text("#request-log");
    assert!(log.contains("Authorization: Bearer eyJ"), "{log}");
    assert!(
        !log.contains("wonderland"),
        "the log never shows the password"
    );
    assert_eq!(
        browser.eval("return window.localStorage.length;"),
        serde_json::json!(0)
    );
    assert_eq!(browser.eval("return document.cookie;"), "");

    // Reload: a memory-only token is gone.
    browser.goto(&format!("{app}/labs/jwt-header"));
    assert_eq!(browser.text("#visits"), "0");
}

#[test]
fn jwt_header_lab_local_storage_switch_keeps_the_token_across_a_reload() {
    if !browser::available("jwt_header_lab_local_storage_switch_keeps_the_token_across_a_reload") {
        return;
    }
    let app = common::serve_app();
    let browser = Browser::start();
    browser.goto(&format!("{app}/labs/jwt-header"));
    browser.click("#storage-switch");
    browser.click("#visit-button");
    browser.wait_for_text("#visits", "1");
    browser.goto(&format!("{app}/labs/jwt-header"));
    assert_eq!(
        browser.text("#visits"),
        "1",
        "the token survived the reload"
    );
    browser.click("#logout-button");
    browser.wait_for_text("#visits", "0");
    assert_eq!(
        browser.eval("return window.localStorage.getItem('auth-labs.jwt-header.token');"),
        serde_json::Value::Null
    );
}

#[test]
fn jwt_cookie_lab_token_is_invisible_to_page_javascript() {
    if !browser::available("jwt_cookie_lab_token_is_invisible_to_page_javascript") {
        return;
    }
    let app = common::serve_app();
    let browser = Browser::start();
    for _ in 0..2 {
        browser.goto(&format!("{app}/labs/jwt-cookie"));
    }
    assert_eq!(browser.text("#visits"), "2");
    // HttpOnly: the token is sent with every request, yet document.cookie cannot see it.
    let cookies = browser.eval("return document.cookie;");
    assert!(
        !cookies.as_str().unwrap_or_default().contains("eyJ"),
        "{cookies}"
    );
    browser.click("#login-link");
    browser.type_into("#username", "bob");
    browser.type_into("#password", "builder");
    browser.click("#login-submit");
    browser.wait_for_text("#user", "bob");
    browser.goto(&format!("{app}/labs/jwt-cookie"));
    assert_eq!(
        browser.text("#visits"),
        "3",
        "the count carried over the login"
    );
    assert!(!browser
        .eval("return document.cookie;")
        .as_str()
        .unwrap_or_default()
        .contains("eyJ"));
}
