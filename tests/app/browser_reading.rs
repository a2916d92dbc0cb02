//! Reading the pages in a real browser (headless Debian Chromium): the header lab's request
//! log stays short and is announced to screen readers, and every time is shown in the
//! reader's own time zone beside the UTC the server wrote. Skipped with a message when no
//! browser is installed; with `CI` set, a missing browser fails the test.

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

/// Every `<time datetime>` on the page as the reader sees it: its text, whether it is inside
/// a `<pre>`, its tooltip, the note after it, and the moment formatted (as local-time.js
/// does) in Seoul and in UTC.
const TIMES: &str = r#"
    const as = (zone) => new Intl.DateTimeFormat(undefined, {
      year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit",
      second: "2-digit", timeZoneName: "short", timeZone: zone });
    return Array.from(document.querySelectorAll("time[datetime]"), (time) => {
      const at = new Date(time.getAttribute("datetime"));
      const next = time.nextElementSibling;
      return {
        text: time.textContent,
        in_pre: time.closest("pre") !== null,
        title: time.title,
        note: next && next.classList.contains("local-time") ? next.textContent : null,
        seoul: as("Asia/Seoul").format(at),
        utc: as("UTC").format(at),
      };
    });"#;

#[test]
fn chromium_in_seoul_sees_the_local_time_beside_each_utc_time() {
    if !browser::available("chromium_in_seoul_sees_the_local_time_beside_each_utc_time") {
        return;
    }
    let app = support::serve_app();
    let browser = Browser::start_in_time_zone("Asia/Seoul");
    assert_eq!(
        browser.eval("return Intl.DateTimeFormat().resolvedOptions().timeZone;"),
        json!("Asia/Seoul")
    );
    browser.goto(&format!("{app}/labs/jwt-cookie/login"));
    browser.type_into("#username", "alice");
    browser.type_into("#password", "wonderland");
    browser.click("#login-submit");
    browser.wait_for_text("#user", "alice");
    let times = browser.eval(TIMES);
    let times = times.as_array().expect("a list");
    assert!(times.len() >= 4, "{times:?}");
    assert!(
        times.iter().any(|t| t["in_pre"] == json!(true)),
        "the Set-Cookie line's Expires"
    );
    for time in times {
        let seoul = time["seoul"].as_str().expect("formatted");
        assert_ne!(time["seoul"], time["utc"], "Seoul is not UTC");
        let text = time["text"].as_str().unwrap_or_default();
        assert!(
            text.ends_with('Z') || text.ends_with("GMT"),
            "the UTC text stays: {time}"
        );
        if time["in_pre"] == json!(true) {
            // A header exactly as sent keeps its text; the local time is a tooltip.
            assert_eq!(
                time["title"],
                json!(format!("Your time: {seoul}")),
                "{time}"
            );
            assert_eq!(time["note"], Value::Null, "{time}");
        } else {
            assert_eq!(
                time["note"],
                json!(format!(" (your time: {seoul})")),
                "{time}"
            );
        }
    }

    // Times the header lab's script writes later get their local time too.
    browser.goto(&format!("{app}/labs/jwt-header"));
    browser.click("#visit-button");
    browser.wait_for_text("#visits", "1");
    browser.wait_until(
        "return document.querySelectorAll('#token-view time + .local-time').length >= 3;",
        "added the local time to the token's times",
    );
}

#[test]
fn chromium_on_utc_sees_the_times_as_the_server_wrote_them() {
    if !browser::available("chromium_on_utc_sees_the_times_as_the_server_wrote_them") {
        return;
    }
    let app = support::serve_app();
    let browser = Browser::start_in_time_zone("UTC");
    browser.goto(&format!("{app}/labs/jwt-cookie"));
    browser.wait_until(
        "return document.readyState === 'complete';",
        "loaded the page",
    );
    let times = browser.eval(TIMES);
    let times = times.as_array().expect("a list");
    assert!(times.len() >= 3, "{times:?}");
    for time in times {
        assert_eq!(time["note"], Value::Null, "nothing to add on UTC: {time}");
        assert_eq!(time["title"], json!(""), "{time}");
    }
}
