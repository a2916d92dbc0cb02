//! The attacker site's attacks, launched in headless Chromium from its own pages, and what the
//! labs' cross-site log says arrived. Skipped with a message when no browser is installed; with
//! `CI` set, a missing browser fails the test.

use std::time::{Duration, Instant};

use serde_json::Value;

use crate::attacker::serve_both;
use crate::support::browser::{self, Browser};
use crate::support::{free_port, wait_for_port};

/// Both sites over real HTTP: the labs at `http://127.0.0.1:<L>`, the attacker at
/// `http://localhost:<A>` (another site) and `http://127.0.0.1:<A>` (same site).
struct Sites {
    labs: String,
    attacker_port: u16,
}

impl Sites {
    fn start() -> Sites {
        let (labs, attacker_port) = (free_port(), free_port());
        serve_both(labs, attacker_port);
        wait_for_port(labs, "the labs");
        wait_for_port(attacker_port, "the attacker site");
        Sites {
            labs: format!("http://127.0.0.1:{labs}"),
            attacker_port,
        }
    }

    /// An attack page on the attacker site, under `host` (`localhost` or `127.0.0.1`).
    fn attack(&self, host: &str, id: &str, lab: &str, trace: &str) -> String {
        let port = self.attacker_port;
        format!("http://{host}:{port}/attacks/{id}?lab={lab}&trace={trace}")
    }
}

fn log_in(browser: &Browser, sites: &Sites, lab: &str) {
    browser.goto(&format!("{}/labs/{lab}/login", sites.labs));
    browser.type_into("#username", "alice");
    browser.type_into("#password", "wonderland");
    browser.click("#login-submit");
    browser.wait_for_text("#user", "alice");
}

/// Presses the lab page's "Attack this lab from another site"; returns the log id the
/// attacker site was opened with.
fn start_log(browser: &Browser, sites: &Sites, lab: &str) -> String {
    browser.goto(&format!("{}/labs/{lab}", sites.labs));
    browser.click("#start-cross-site-log");
    wait_until(browser, "the log starts", |b| {
        b.eval("return document.getElementById('attack-from-elsewhere') !== null;")
            == Value::Bool(true)
    });
    browser.click("#attack-from-elsewhere");
    wait_until(browser, "the attacker site opens", |b| {
        b.current_url().contains(
            ":{}/?trace="
                .replace("{}", &sites.attacker_port.to_string())
                .as_str(),
        )
    });
    let url = browser.current_url();
    assert!(url.starts_with("http://localhost:"), "another site: {url}");
    url.split("trace=")
        .nth(1)
        .and_then(|rest| rest.split('&').next())
        .expect("trace id")
        .to_string()
}

fn wait_until(browser: &Browser, what: &str, done: impl Fn(&Browser) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done(browser) {
        assert!(Instant::now() < deadline, "timed out waiting until {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Launches the attack on its page and waits for the page's own report.
fn launch_and_wait_for_outcome(browser: &Browser, url: &str) -> String {
    browser.goto(url);
    browser.click("#launch");
    wait_until(browser, "the attack reports", |b| {
        let text = b.text("#outcome");
        text != "Not launched yet." && text != "Launched…"
    });
    browser.text("#outcome")
}

/// The lab page's cross-site log, newest first: (request, cookies that came along, decision).
fn log_rows(browser: &Browser, sites: &Sites, lab: &str) -> Vec<(String, String, String)> {
    browser.goto(&format!("{}/labs/{lab}", sites.labs));
    let rows = browser.eval(
        "return [...document.querySelectorAll('#cross-site-log tbody tr')].map(tr => \
         [tr.cells[1].textContent.trim(), tr.cells[3].textContent.trim(), tr.dataset.decision]);",
    );
    rows.as_array()
        .expect("rows")
        .iter()
        .map(|row| {
            let cell = |i: usize| row[i].as_str().unwrap_or_default().to_string();
            (cell(0), cell(1), cell(2))
        })
        .collect()
}

#[test]
fn chromium_sends_a_lax_cookie_on_a_cross_site_link_only_and_refuses_the_forged_login() {
    if !browser::available(
        "chromium_sends_a_lax_cookie_on_a_cross_site_link_only_and_refuses_the_forged_login",
    ) {
        return;
    }
    let sites = Sites::start();
    let browser = Browser::start();
    log_in(&browser, &sites, "sessions");
    let trace = start_log(&browser, &sites, "sessions");

    let img = launch_and_wait_for_outcome(
        &browser,
        &sites.attack("localhost", "img-get", "sessions", &trace),
    );
    assert!(
        img.contains("error"),
        "the page learns only that it failed: {img}"
    );

    browser.goto(&sites.attack("localhost", "top-level-get", "sessions", &trace));
    browser.click("#launch");
    browser.wait_for_text("#user", "alice");

    browser.goto(&sites.attack("localhost", "login-csrf", "sessions", &trace));
    browser.click("#launch");
    wait_until(&browser, "the lab answers the forged login", |b| {
        b.current_url().starts_with(&sites.labs)
    });
    let refusal = browser.eval("return document.body.textContent;");
    assert!(
        refusal
            .as_str()
            .unwrap_or_default()
            .contains("Sec-Fetch-Site: cross-site"),
        "the 403 page explains the refusal: {refusal}"
    );

    let rows = log_rows(&browser, &sites, "sessions");
    assert_eq!(
        browser.text("#user"),
        "alice",
        "the forged login changed nothing"
    );
    let decisions: Vec<&str> = rows.iter().map(|r| r.2.as_str()).collect();
    assert_eq!(
        decisions,
        ["refused_by_origin_check", "accepted", "no_credential"],
        "{rows:?}"
    );
    let (post, post_cookies, _) = &rows[0];
    assert!(post.starts_with("POST /labs/sessions/login"), "{post}");
    assert_eq!(
        post_cookies, "none",
        "a cross-site POST carries no Lax cookie"
    );
    assert!(
        rows[1].1.contains("sid"),
        "the top-level GET carries the Lax sid: {rows:?}"
    );
    assert_eq!(
        rows[2].1, "none",
        "the <img> GET carries no Lax cookie: {rows:?}"
    );
}

#[test]
fn the_same_site_variant_gets_the_lax_cookie_a_cross_site_image_does_not() {
    if !browser::available("the_same_site_variant_gets_the_lax_cookie_a_cross_site_image_does_not")
    {
        return;
    }
    let sites = Sites::start();
    let browser = Browser::start();
    log_in(&browser, &sites, "sessions");
    let trace = start_log(&browser, &sites, "sessions");
    launch_and_wait_for_outcome(
        &browser,
        &sites.attack("localhost", "img-get", "sessions", &trace),
    );
    launch_and_wait_for_outcome(
        &browser,
        &sites.attack("127.0.0.1", "img-get", "sessions", &trace),
    );
    let rows = log_rows(&browser, &sites, "sessions");
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(
        rows[0].2, "accepted",
        "same-site: the Lax cookie came along: {rows:?}"
    );
    assert!(rows[0].1.contains("sid"));
    assert_eq!(
        rows[1].2, "no_credential",
        "cross-site: it did not: {rows:?}"
    );
    // The attacker's half: both pages reported what they could read back (only "error").
    let port = sites.attacker_port;
    browser.goto(&format!("http://localhost:{port}/?trace={trace}"));
    let reports = browser.eval(
        "return [...document.querySelectorAll('#read-back li')].map(li => li.dataset.attack);",
    );
    assert_eq!(reports, serde_json::json!(["img-get", "img-get"]));
    assert!(browser
        .text("#read-back")
        .contains("This page learned only: error"));
}

#[test]
fn chromium_sends_a_strict_cookie_on_no_cross_site_request() {
    if !browser::available("chromium_sends_a_strict_cookie_on_no_cross_site_request") {
        return;
    }
    let sites = Sites::start();
    let browser = Browser::start();
    log_in(&browser, &sites, "jwt-cookie");
    let trace = start_log(&browser, &sites, "jwt-cookie");
    launch_and_wait_for_outcome(
        &browser,
        &sites.attack("localhost", "img-get", "jwt-cookie", &trace),
    );
    browser.goto(&sites.attack("localhost", "top-level-get", "jwt-cookie", &trace));
    browser.click("#launch");
    wait_until(&browser, "the link lands on the lab", |b| {
        b.current_url().starts_with(&sites.labs)
    });
    let rows = log_rows(&browser, &sites, "jwt-cookie");
    assert_eq!(rows.len(), 2, "{rows:?}");
    for (request, cookies, decision) in &rows {
        assert!(
            !cookies.contains("jwt"),
            "{request}: a Strict cookie stays behind: {rows:?}"
        );
        assert_eq!(decision, "no_credential");
    }
}

#[test]
fn the_attacker_origin_cannot_read_the_header_labs_token() {
    if !browser::available("the_attacker_origin_cannot_read_the_header_labs_token") {
        return;
    }
    let sites = Sites::start();
    let browser = Browser::start();
    browser.goto(&format!("{}/labs/jwt-header", sites.labs));
    browser.click("#storage-switch");
    browser.type_into("#username", "alice");
    browser.type_into("#password", "wonderland");
    browser.click("#login-submit");
    wait_until(&browser, "the header lab logs in", |b| {
        b.eval("return localStorage.getItem('auth-labs.jwt-header.token');") != Value::Null
    });
    let token = browser.eval("return localStorage.getItem('auth-labs.jwt-header.token');");
    let token = token.as_str().expect("a stored token").to_string();
    let port = sites.attacker_port;
    let outcome = launch_and_wait_for_outcome(
        &browser,
        &format!("http://localhost:{port}/attacks/read-token"),
    );
    assert!(outcome.contains("empty"), "{outcome}");
    assert!(!outcome.contains(&token), "the token leaked: {outcome}");
    let api = launch_and_wait_for_outcome(
        &browser,
        &format!("http://localhost:{port}/attacks/fetch-api"),
    );
    assert!(
        api.contains("never sent"),
        "the preflight stops the header: {api}"
    );
    assert!(!api.contains(&token));
}

/// Picks `value` in the lab page's SameSite form and waits until the page shows it in force.
fn choose_same_site(browser: &Browser, sites: &Sites, lab: &str, value: &str) {
    browser.goto(&format!("{}/labs/{lab}", sites.labs));
    browser.click(&format!("#same-site-form input[value='{value}']"));
    browser.click("#same-site-apply");
    let script = "return document.getElementById('same-site-state').dataset.sameSite;";
    wait_until(browser, "the choice is in force", |b| {
        b.eval(script) == Value::String(value.to_string())
    });
}

#[test]
fn chromium_sends_none_and_fresh_unattributed_cookies_on_a_cross_site_post_but_not_on_an_image() {
    if !browser::available(
        "chromium_sends_none_and_fresh_unattributed_cookies_on_a_cross_site_post_but_not_on_an_image",
    ) {
        return;
    }
    let sites = Sites::start();
    let browser = Browser::start();
    log_in(&browser, &sites, "sessions");
    let trace = start_log(&browser, &sites, "sessions");
    let forged_logout = |browser: &Browser| {
        browser.goto(&sites.attack("localhost", "logout-csrf", "sessions", &trace));
        browser.click("#launch");
        wait_until(browser, "the lab answers", |b| {
            b.current_url().starts_with(&sites.labs)
        });
    };
    choose_same_site(&browser, &sites, "sessions", "none");
    forged_logout(&browser);
    launch_and_wait_for_outcome(
        &browser,
        &sites.attack("localhost", "img-get", "sessions", &trace),
    );
    choose_same_site(&browser, &sites, "sessions", "unset");
    forged_logout(&browser);
    launch_and_wait_for_outcome(
        &browser,
        &sites.attack("localhost", "img-get", "sessions", &trace),
    );
    let rows = log_rows(&browser, &sites, "sessions");
    let seen: Vec<(&str, bool, &str)> = rows
        .iter()
        .map(|(request, cookies, decision)| {
            let method = request.split(' ').next().unwrap_or_default();
            (method, cookies.contains("sid"), decision.as_str())
        })
        .collect();
    assert_eq!(
        seen,
        [
            // No attribute: no cookie on the image, like Lax...
            ("GET", false, "no_credential"),
            // ...but, set under two minutes ago, it rides the cross-site form post.
            ("POST", true, "refused_by_origin_check"),
            // None: this Chromium blocks it on another site's image (a third-party cookie)...
            ("GET", false, "no_credential"),
            // ...and sends it on the cross-site form post, where Lax never goes.
            ("POST", true, "refused_by_origin_check"),
        ],
        "{rows:?}"
    );
    assert_eq!(
        browser.text("#user"),
        "alice",
        "the origin check refused both logouts"
    );
}

#[test]
fn chromium_hides_a_fetched_or_framed_lab_page_and_refuses_the_forged_builder_post() {
    if !browser::available(
        "chromium_hides_a_fetched_or_framed_lab_page_and_refuses_the_forged_builder_post",
    ) {
        return;
    }
    let sites = Sites::start();
    let browser = Browser::start();
    log_in(&browser, &sites, "cookies");
    let trace = start_log(&browser, &sites, "cookies");
    let fetched = launch_and_wait_for_outcome(
        &browser,
        &sites.attack("localhost", "fetch-lab", "cookies", &trace),
    );
    assert!(
        fetched.contains("Reading the answer failed: TypeError"),
        "{fetched}"
    );
    let framed = launch_and_wait_for_outcome(
        &browser,
        &sites.attack("localhost", "iframe", "cookies", &trace),
    );
    assert!(
        framed.contains("Could this page read inside it? no"),
        "{framed}"
    );
    browser.goto(&sites.attack("localhost", "cookie-builder", "cookies", &trace));
    browser.click("#launch");
    wait_until(&browser, "the lab answers", |b| {
        b.current_url().starts_with(&sites.labs)
    });
    let refusal = browser.eval("return document.body.textContent;");
    assert!(refusal
        .as_str()
        .unwrap_or_default()
        .contains("Sec-Fetch-Site: cross-site"));
    let rows = log_rows(&browser, &sites, "cookies");
    assert_eq!(browser.text("#user"), "alice");
    let names: Vec<String> = browser
        .cookies()
        .as_array()
        .expect("cookies")
        .iter()
        .filter_map(|c| c["name"].as_str().map(str::to_string))
        .collect();
    assert!(
        !names.contains(&"theme".to_string()),
        "nothing planted: {names:?}"
    );
    let seen: Vec<(&str, &str)> = rows
        .iter()
        .map(|(request, _, decision)| {
            (
                request.split(" →").next().unwrap_or_default(),
                decision.as_str(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("POST /labs/cookies/builder", "refused_by_origin_check"),
            ("GET /labs/cookies", "no_credential"),
            ("GET /labs/cookies", "no_credential"),
        ],
        "the frame and the fetch arrived without the Lax login: {rows:?}"
    );
}

/// The state of challenge `id` on this browser's board.
fn board_state(browser: &Browser, sites: &Sites, id: &str) -> String {
    browser.goto(&format!("{}/challenges", sites.labs));
    let state = browser.eval(&format!(
        "const row = document.querySelector('[data-challenge=\"{id}\"]'); \
         return row ? row.dataset.state : null;"
    ));
    state
        .as_str()
        .unwrap_or_else(|| panic!("the board lists {id}"))
        .to_string()
}

/// Turns one switch of `lab` to `value` through its panel, as a learner does.
fn set_switch(browser: &Browser, sites: &Sites, lab: &str, name: &str, value: &str) {
    browser.goto(&format!("{}/labs/{lab}/switches", sites.labs));
    browser.eval(&format!(
        "document.getElementById('field-{name}').value = '{value}'; return true;"
    ));
    browser.click("#switches-save");
    wait_until(browser, "the switches are saved", |b| {
        b.eval("return document.getElementById('unsafe-banner') !== null;") == Value::Bool(true)
    });
}

#[test]
fn with_origin_check_off_the_attacker_sites_forged_login_logs_chromium_in_as_the_attacker() {
    if !browser::available(
        "with_origin_check_off_the_attacker_sites_forged_login_logs_chromium_in_as_the_attacker",
    ) {
        return;
    }
    let sites = Sites::start();
    let browser = Browser::start();
    // The board gives this browser its learner id, which the forged login carries.
    assert_eq!(board_state(&browser, &sites, "login-csrf"), "open");
    log_in(&browser, &sites, "sessions");
    let trace = start_log(&browser, &sites, "sessions");
    set_switch(&browser, &sites, "sessions", "origin_check", "false");

    // The switches cookie (SameSite=None; Secure) rides the cross-site form post, so the lab
    // knows this browser turned its check off, and the forged login goes through.
    browser.goto(&sites.attack("localhost", "login-csrf", "sessions", &trace));
    browser.click("#launch");
    wait_until(&browser, "the lab answers the forged login", |b| {
        b.current_url().starts_with(&sites.labs)
    });
    browser.goto(&format!("{}/labs/sessions/me", sites.labs));
    browser.wait_for_text("#user", "bob");
    let rows = log_rows(&browser, &sites, "sessions");
    let login = |rows: &[(String, String, String)]| {
        rows.iter()
            .find(|row| row.0.starts_with("POST /labs/sessions/login"))
            .cloned()
            .unwrap_or_else(|| panic!("the forged login is in the log: {rows:?}"))
    };
    let forged = login(&rows);
    assert_eq!(forged.2, "let_through_origin_check_off", "{rows:?}");
    // The switches and the learner's board id (both `SameSite=None` on loopback, so the
    // board hears of the attack); no Lax session cookie.
    let mut rode: Vec<&str> = forged.1.split(", ").collect();
    rode.sort_unstable();
    assert_eq!(
        rode,
        ["lab_switches", "learner"],
        "only the switches and the board id came along: {rows:?}"
    );
    assert_eq!(board_state(&browser, &sites, "login-csrf"), "solved");

    // Switched back on, the same attack is refused and the learner stays who they are.
    browser.goto(&format!("{}/labs/sessions/switches", sites.labs));
    browser.click("#switches-reset");
    wait_until(&browser, "the switches are reset", |b| {
        b.eval("return document.getElementById('unsafe-banner') === null;") == Value::Bool(true)
    });
    log_in(&browser, &sites, "sessions");
    browser.goto(&sites.attack("localhost", "login-csrf", "sessions", &trace));
    browser.click("#launch");
    wait_until(&browser, "the lab answers the forged login", |b| {
        b.current_url().starts_with(&sites.labs)
    });
    browser.goto(&format!("{}/labs/sessions/me", sites.labs));
    browser.wait_for_text("#user", "alice");
    let rows = log_rows(&browser, &sites, "sessions");
    assert_eq!(login(&rows).2, "refused_by_origin_check", "{rows:?}");
    assert_eq!(board_state(&browser, &sites, "login-csrf"), "defended");
}

#[test]
fn in_chromium_the_attacker_pages_script_steals_the_session_cookie_only_with_http_only_off_and_the_board_says_so(
) {
    if !browser::available(
        "in_chromium_the_attacker_pages_script_steals_the_session_cookie_only_with_http_only_off_and_the_board_says_so",
    ) {
        return;
    }
    let sites = Sites::start();
    let browser = Browser::start();
    assert_eq!(board_state(&browser, &sites, "cookie-theft"), "open");
    log_in(&browser, &sites, "sessions");
    let trace = start_log(&browser, &sites, "sessions");
    // The list's link sends the learner to the page under the lab's path, on 127.0.0.1.
    let page = sites.attack("localhost", "steal-cookie", "sessions", &trace);
    browser.goto(&page);
    wait_until(&browser, "the page moves under the lab's path", |b| {
        b.current_url().contains("127.0.0.1") && b.current_url().contains("/labs/sessions/")
    });
    let steal = browser.current_url();

    // A launch waits for the report to reach the attacker site before reading the board.
    let launch = |browser: &Browser| {
        let seen = launch_and_wait_for_outcome(browser, &steal);
        std::thread::sleep(Duration::from_millis(300));
        seen
    };
    let seen = launch(&browser);
    assert!(seen.contains("No session cookie"), "HttpOnly: {seen}");
    assert_eq!(board_state(&browser, &sites, "cookie-theft"), "open");

    set_switch(&browser, &sites, "sessions", "http_only", "false");
    let seen = launch(&browser);
    assert!(seen.contains("Found the session cookie"), "{seen}");
    assert_eq!(board_state(&browser, &sites, "cookie-theft"), "solved");

    browser.goto(&format!("{}/labs/sessions/switches", sites.labs));
    browser.click("#switches-reset");
    wait_until(&browser, "the switches are reset", |b| {
        b.eval("return document.getElementById('unsafe-banner') === null;") == Value::Bool(true)
    });
    let seen = launch(&browser);
    assert!(seen.contains("No session cookie"), "HttpOnly again: {seen}");
    assert_eq!(board_state(&browser, &sites, "cookie-theft"), "defended");
}
