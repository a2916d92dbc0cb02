//! End to end in a real browser (headless Debian Chromium). Skipped with a message when no
//! browser is installed; with `CI` set, a missing browser fails the test.

use crate::support;
use crate::support::browser::{self, Browser};

#[test]
fn sessions_lab_counts_three_visits_and_logs_in_through_the_form() {
    if !browser::available("sessions_lab_counts_three_visits_and_logs_in_through_the_form") {
        return;
    }
    let app = support::serve_app();
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
    let app = support::serve_app();
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
    let app = support::serve_app();
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

#[test]
fn jwt_header_lab_logs_in_and_counts_three_visits_with_a_bearer_token() {
    if !browser::available("jwt_header_lab_logs_in_and_counts_three_visits_with_a_bearer_token") {
        return;
    }
    let app = support::serve_app();
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
    let app = support::serve_app();
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
    let app = support::serve_app();
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

/// The HTTP status of the page the browser is showing (Navigation Timing's `responseStatus`).
fn page_status(browser: &Browser) -> serde_json::Value {
    browser.eval("return performance.getEntriesByType('navigation')[0].responseStatus;")
}

/// Opens an attacker's page and waits until its forged form has landed on the app.
fn fall_for(browser: &Browser, page: &str, app: &str) {
    browser.goto(page);
    let landed =
        format!("return location.href.startsWith({app:?}) && document.readyState === 'complete';");
    browser.wait_until(&landed, "left the attacker's page for the app");
}

#[test]
fn chromium_refuses_a_cross_site_forged_login_and_builder_post() {
    if !browser::available("chromium_refuses_a_cross_site_forged_login_and_builder_post") {
        return;
    }
    let app = support::serve_app();
    // `localhost` and `127.0.0.1` are different sites: Chromium sends `Sec-Fetch-Site: cross-site`.
    let attacker = browser::serve_hostile_site(vec![
        (
            "/login",
            browser::auto_submitting_form(
                &format!("{app}/labs/sessions/login"),
                &[("username", "bob"), ("password", "builder")],
            ),
        ),
        (
            "/builder",
            browser::auto_submitting_form(
                &format!("{app}/labs/cookies/builder"),
                &[("name", "planted"), ("value", "evil"), ("path", "/")],
            ),
        ),
    ]);
    let browser = Browser::start();
    browser.goto(&format!("{app}/labs/sessions/login"));
    browser.type_into("#username", "alice");
    browser.type_into("#password", "wonderland");
    browser.click("#login-submit");
    browser.wait_for_text("#user", "alice");

    for attack in ["/login", "/builder"] {
        fall_for(&browser, &format!("{attacker}{attack}"), &app);
        assert_eq!(page_status(&browser), serde_json::json!(403), "{attack}");
        let page = browser.text("body");
        assert!(
            page.contains("cross-site") && page.contains("CSRF"),
            "{attack}: the 403 page explains the attack: {page}"
        );
    }

    browser.goto(&format!("{app}/labs/sessions"));
    assert_eq!(browser.text("#user"), "alice", "still alice, not bob");
    browser.goto(&format!("{app}/labs/cookies/builder"));
    assert!(
        !browser.text("#sent-cookie").contains("planted="),
        "the browser holds no planted cookie"
    );
    let visible = browser.eval("return document.cookie;");
    assert!(
        !visible.as_str().unwrap_or_default().contains("planted="),
        "{visible}"
    );
}

#[test]
fn chromium_header_lab_login_button_is_disabled_until_its_script_runs() {
    if !browser::available("chromium_header_lab_login_button_is_disabled_until_its_script_runs") {
        return;
    }
    let app = support::serve_app();
    let served = ureq::get(&format!("{app}/labs/jwt-header"))
        .call()
        .expect("the page")
        .into_string()
        .expect("HTML");
    assert!(
        served.contains(r#"id="login-submit" disabled"#),
        "the HTML disables the button before any script runs"
    );
    let browser = Browser::start();
    browser.goto(&format!("{app}/labs/jwt-header"));
    browser.wait_until(
        "return document.getElementById('login-submit').disabled === false;",
        "enabled the login button",
    );
    browser.type_into("#username", "alice");
    browser.type_into("#password", "wonderland");
    browser.click("#login-submit");
    browser.wait_for_text("#user", "alice");
    assert!(
        browser.current_url().ends_with("/labs/jwt-header"),
        "the script logged in; the form did not navigate: {}",
        browser.current_url()
    );
}
