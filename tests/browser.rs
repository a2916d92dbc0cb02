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
