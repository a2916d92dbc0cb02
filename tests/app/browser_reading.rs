//! Reading the pages in a real browser (headless Debian Chromium): the header lab's request
//! log stays short and is announced to screen readers. Skipped with a message when no browser
//! is installed; with `CI` set, a missing browser fails the test.

use serde_json::{json, Value};

use crate::support;
use crate::support::browser::{self, Browser};

#[test]
fn header_lab_request_log_keeps_the_last_entries_says_so_and_announces_each_request() {
    if !browser::available(
        "header_lab_request_log_keeps_the_last_entries_says_so_and_announces_each_request",
    ) {
        return;
    }
    let app = support::serve_app();
    let browser = Browser::start();
    browser.goto(&format!("{app}/labs/jwt-header"));
    let limit: usize = browser
        .eval("return document.getElementById('request-log').getAttribute('data-limit');")
        .as_str()
        .and_then(|n| n.parse().ok())
        .expect("the log names its limit");
    assert_eq!(limit, 20);
    assert!(browser
        .text("#request-log-limit")
        .contains("keeps the last 20 requests"));
    let status = "#request-log-status";
    assert_eq!(
        browser.eval(
            "return document.getElementById('request-log-status').getAttribute('aria-live');"
        ),
        json!("polite")
    );
    assert_eq!(
        browser.text(status),
        "",
        "nothing announced before a request"
    );

    let sent = limit + 3;
    let mut announced = Vec::new();
    for n in 1..=sent {
        browser.click("#visit-button");
        browser.wait_for_text("#visits", &n.to_string());
        announced.push(browser.text(status));
    }
    let entries = browser.eval(
        "return Array.from(document.querySelectorAll('#request-log > li'), li => Number(li.getAttribute('data-request')));",
    );
    let expected: Vec<usize> = (sent - limit + 1..=sent).rev().collect();
    assert_eq!(entries, json!(expected), "the newest {limit}, newest first");
    assert_eq!(
        announced.last().map(String::as_str),
        Some("Request 23: POST /labs/jwt-header/api/visit answered 200.")
    );
    announced.dedup();
    assert_eq!(
        announced.len(),
        sent,
        "every request changed the live region"
    );

    // The log folds away; the live region stays outside it, so it is still heard.
    browser.click("#request-log-box > summary");
    assert_eq!(
        browser.eval("return document.getElementById('request-log-box').open;"),
        Value::Bool(false)
    );
    browser.click("#visit-button");
    browser.wait_for_text("#visits", &(sent + 1).to_string());
    assert_eq!(
        browser.text(status),
        "Request 24: POST /labs/jwt-header/api/visit answered 200."
    );
}
