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

/// Clicks `css` and waits until the browser has loaded the next page (a form post and its
/// redirect back to the same URL look alike otherwise).
fn click_and_wait_for_new_page(browser: &Browser, css: &str) {
    browser.eval("window.authLabsOldPage = true; return null;");
    browser.click(css);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while browser
        .eval("return window.authLabsOldPage === true || document.readyState !== 'complete';")
        != serde_json::Value::Bool(false)
    {
        assert!(
            std::time::Instant::now() < deadline,
            "no new page after clicking {css}"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

#[test]
fn cookies_lab_builder_httponly_cookie_is_hidden_from_javascript_and_wrong_path_removal_fails() {
    if !browser::available(
        "cookies_lab_builder_httponly_cookie_is_hidden_from_javascript_and_wrong_path_removal_fails",
    ) {
        return;
    }
    let app = common::serve_app();
    let browser = Browser::start();
    let builder = format!("{app}/labs/cookies/builder");

    // Not HttpOnly: the page script finds it in document.cookie.
    browser.goto(&builder);
    browser.type_into("#cookie-name", "seen");
    browser.type_into("#cookie-value", "yes");
    browser.click("#build-submit");
    browser.wait_for_text("#document-cookie-result", "visible");
    assert!(browser
        .eval("return document.cookie;")
        .as_str()
        .is_some_and(|c| c.contains("seen=yes")));

    // HttpOnly: stored and sent, but invisible to page JavaScript.
    browser.goto(&builder);
    browser.type_into("#cookie-name", "hidden");
    browser.type_into("#cookie-value", "secret");
    browser.click("#cookie-http-only");
    browser.click("#build-submit");
    browser.wait_for_text("#document-cookie-result", "hidden");
    let visible = browser.eval("return document.cookie;");
    assert!(
        visible.as_str().is_some_and(|c| !c.contains("hidden=")),
        "{visible}"
    );
    browser.goto(&builder);
    let sent = browser.text("#sent-cookie");
    assert!(
        sent.contains("hidden=secret"),
        "the browser still sends it: {sent}"
    );

    // Removal with the wrong Path leaves the cookie; the right Path deletes it.
    click_and_wait_for_new_page(&browser, "#set-crumb");
    assert!(browser.text("#sent-cookie").contains("crumb=1"));
    click_and_wait_for_new_page(&browser, "#remove-submit"); // the form's default Path is `/`
    assert!(
        browser.text("#sent-cookie").contains("crumb=1"),
        "Path=/ did not match Path=/labs/cookies"
    );
    browser.eval("document.getElementById('remove-path').value = '/labs/cookies'; return null;");
    click_and_wait_for_new_page(&browser, "#remove-submit");
    assert!(
        !browser.text("#sent-cookie").contains("crumb="),
        "the matching removal deleted it"
    );
}

#[test]
fn cookies_lab_counts_and_shows_what_javascript_sees() {
    if !browser::available("cookies_lab_counts_and_shows_what_javascript_sees") {
        return;
    }
    let app = common::serve_app();
    let browser = Browser::start();
    for _ in 0..3 {
        browser.goto(&format!("{app}/labs/cookies"));
    }
    assert_eq!(browser.text("#visits"), "3");
    assert_eq!(browser.text("#plain-visits"), "3");
    assert_eq!(browser.text("#signed-visits"), "3");
    // Plain and signed are readable by JavaScript; the private counter is HttpOnly.
    let seen = browser.text("#document-cookie");
    assert!(
        seen.contains("plain_visits=3") && seen.contains("signed_visits=3."),
        "{seen}"
    );
    assert!(!seen.contains("private_visits"), "{seen}");

    browser.click("#login-link");
    browser.type_into("#username", "alice");
    browser.type_into("#password", "wonderland");
    browser.click("#login-submit");
    browser.wait_for_text("#user", "alice");
    assert!(browser.current_url().ends_with("/labs/cookies/me"));
}
