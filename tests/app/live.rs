//! Side by side, live (`/side-by-side`): the server runs one story against the four labs on
//! instances it starts itself, and the table it fills must say what chapter 7 says (and what
//! `side_by_side.rs` observes with the personas), each cell linked to a timeline entry that
//! shows the real headers.

use std::collections::HashMap;

use regex::Regex;
use rocket::http::{Header, Status};
use rocket::local::asynchronous::Client;

use crate::support::*;

const PAGE: &str = "/side-by-side";

/// Every cell of the filled table: (step, lab slug) → (outcome, the link's target).
fn cells(html: &str) -> HashMap<(String, String), (String, String)> {
    let cell = Regex::new(
        r#"<td id="cell-([a-z_]+)-([a-z-]+)" data-outcome="([a-z_]+)"><a href="\#([^"]+)">"#,
    )
    .expect("pattern");
    cell.captures_iter(html)
        .map(|c| {
            (
                (c[1].to_string(), c[2].to_string()),
                (c[3].to_string(), c[4].to_string()),
            )
        })
        .collect()
}

/// The outcomes of one step, in the labs' order: sessions, cookies, JWT cookie, JWT header.
#[track_caller]
fn row(cells: &HashMap<(String, String), (String, String)>, step: &str) -> Vec<String> {
    ["sessions", "cookies", "jwt-cookie", "jwt-header"]
        .iter()
        .map(|lab| {
            cells
                .get(&(step.to_string(), lab.to_string()))
                .unwrap_or_else(|| panic!("the table has a cell for {step}, {lab}"))
                .0
                .clone()
        })
        .collect()
}

/// The timeline entry with `id`, up to the next one.
fn entry<'h>(html: &'h str, id: &str) -> Option<&'h str> {
    let start = html.find(&format!(r#"id="{id}""#))?;
    let rest = &html[start..];
    let end = rest[1..].find("<article").map_or(rest.len(), |e| e + 1);
    Some(&rest[..end])
}

/// One run, posted as a same-origin form would be.
fn run(app: &TestApp) -> (Status, String) {
    let response = app
        .client()
        .post(PAGE)
        .header(Header::new("Sec-Fetch-Site", "same-origin"))
        .dispatch();
    let status = response.status();
    (status, response.into_string().unwrap_or_default())
}

#[test]
fn the_live_table_fills_every_behaviour_row_of_chapter_seven_from_real_requests() {
    let app = TestApp::spawn();
    let (status, html) = run(&app);
    assert_eq!(status, Status::Ok, "{html}");
    let cells = cells(&html);
    assert_eq!(cells.len(), 40, "ten steps by four labs");
    let all = |outcome: &str| vec![outcome.to_string(); 4];
    let expect = |s: &[&str]| s.iter().map(|o| o.to_string()).collect::<Vec<_>>();
    assert_eq!(row(&cells, "log_in"), all("logged_in"));
    assert_eq!(row(&cells, "visit"), all("counted"));
    assert_eq!(row(&cells, "copy"), all("copied"));
    assert_eq!(
        row(&cells, "log_out"),
        expect(&["logged_out", "logged_out", "logged_out", "forgot"])
    );
    // Revocation: only the sessions lab refuses a copy taken before logout.
    let copies_work = expect(&["refused", "accepted", "accepted", "accepted"]);
    assert_eq!(row(&cells, "replay"), copies_work);
    assert_eq!(row(&cells, "log_in_again"), all("logged_in"));
    // Several servers and a restart: the session lives in one process's memory.
    assert_eq!(row(&cells, "second_instance"), copies_work);
    assert_eq!(row(&cells, "restart"), copies_work);
    // New keys: nothing made with the old ones decrypts or verifies.
    assert_eq!(row(&cells, "rotate_keys"), all("refused"));
    // Past `exp`: the tokens die, the session and the login cookie live on.
    assert_eq!(
        row(&cells, "past_exp"),
        expect(&["accepted", "accepted", "refused", "refused"])
    );
}

#[test]
fn every_cell_links_to_a_timeline_entry_showing_the_real_headers() {
    let app = TestApp::spawn();
    let (_, html) = run(&app);
    let cells = cells(&html);
    assert_eq!(cells.len(), 40);
    for ((step, lab), (outcome, anchor)) in &cells {
        let entry = entry(&html, anchor)
            .unwrap_or_else(|| panic!("{step}, {lab} links to #{anchor}, which exists"));
        assert!(
            entry.contains(&format!(r#"data-outcome="{outcome}""#)),
            "#{anchor} tells the same outcome"
        );
    }
    // The login's answer, as the lab sent it: a session cookie, HttpOnly, at the lab's path.
    let login = entry(&html, "step-1-sessions").expect("the sessions login");
    let set_cookie =
        Regex::new(r"Set-Cookie: sid=[^;\s]+; HttpOnly; SameSite=Lax; Path=/labs/sessions")
            .expect("pattern");
    assert!(set_cookie.is_match(login), "{login}");
    // The replay sends the copy, and the lab's refusal is a redirect to its login.
    let replay = entry(&html, "step-5-sessions").expect("the sessions replay");
    assert!(replay.contains("GET /labs/sessions/me"), "{replay}");
    assert!(replay.contains("Cookie: sid="), "{replay}");
    assert!(
        replay.contains("Location: /labs/sessions/login"),
        "{replay}"
    );
    // The header lab's copy travels in Authorization, and its refusal says why (RFC 6750).
    let expired = entry(&html, "step-10-jwt-header").expect("the header lab past exp");
    assert!(expired.contains("Authorization: Bearer ey"), "{expired}");
    assert!(expired.contains("401"), "{expired}");
    assert!(expired.contains(r#"WWW-Authenticate: Bearer error=&quot;invalid_token&quot;"#));
}

#[test]
fn a_run_posted_from_another_site_is_refused_before_anything_runs() {
    let app = TestApp::spawn();
    let response = app
        .client()
        .post(PAGE)
        .header(Header::new("Sec-Fetch-Site", "cross-site"))
        .dispatch();
    assert_eq!(response.status(), Status::Forbidden);
    let html = response.into_string().unwrap_or_default();
    assert!(!html.contains("id=\"live-table\""), "no run happened");
}

#[test]
fn the_page_explains_the_story_and_its_cost_and_every_page_links_to_it() {
    let app = TestApp::spawn();
    let html = body(app.client().get(PAGE).dispatch());
    assert_eq!(element_text(&html, "run").as_deref(), Some("Run the story"));
    assert!(html.contains(r#"id="cost""#) && html.contains("argon2id"));
    assert!(html.contains(r#"id="memory-store""#));
    assert!(!html.contains(r#"id="live-table""#), "nothing ran on a GET");
    let home = body(app.client().get("/").dispatch());
    assert!(
        home.contains(r#"href="/side-by-side""#),
        "the home page links to it"
    );
}

#[test]
fn one_address_gets_a_429_with_retry_after_past_its_runs_per_minute() {
    let app = TestApp::with(figment().merge(("side_by_side_runs_per_minute", 1)));
    assert_eq!(run(&app).0, Status::Ok);
    let response = app.client().post(PAGE).dispatch();
    assert_eq!(response.status(), Status::TooManyRequests);
    let wait: u64 = response
        .headers()
        .get_one("Retry-After")
        .and_then(|s| s.parse().ok())
        .expect("a Retry-After in seconds");
    assert!((1..=60).contains(&wait), "{wait}");
    let html = response.into_string().unwrap_or_default();
    assert!(html.contains(r#"data-refusal="too_many""#), "{html}");
}

#[test]
fn a_run_beyond_the_slots_gets_a_clear_503_while_the_first_completes() {
    let figment = figment().merge(("side_by_side_runs_at_once", 1));
    rocket::tokio::runtime::Runtime::new()
        .expect("a runtime")
        .block_on(async {
            let client = Client::untracked(internals::rocket_from(figment))
                .await
                .expect("the app launches");
            let (a, b) =
                rocket::tokio::join!(client.post(PAGE).dispatch(), client.post(PAGE).dispatch());
            let mut statuses = [a.status(), b.status()];
            statuses.sort_by_key(|s| s.code);
            assert_eq!(statuses, [Status::Ok, Status::ServiceUnavailable]);
            let busy = if a.status() == Status::Ok { b } else { a };
            assert_eq!(busy.headers().get_one("Retry-After"), Some("5"));
            let html = busy.into_string().await.unwrap_or_default();
            assert!(html.contains(r#"data-refusal="busy""#), "{html}");
        });
}
