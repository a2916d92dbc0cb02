//! The sessions lab's experiment switches, each one doing what its panel says: at its safe
//! default the lab behaves as before (an attack fails), changed it behaves as express-session
//! or a careless server would (the attack succeeds), and another browser is never affected.

use std::sync::Arc;

use rocket::http::{ContentType, Cookie, Status};
use rocket::local::asynchronous::Client as AsyncClient;

use crate::support::browser;
use crate::support::visitor::{
    Browser, Page, SessionsVisitor, TestApp, Visitor, ALICE, BOB, SESSIONS,
};
use crate::support::{figment, serve_app};

/// Whether the page's inspector reports a decision made by `switch`, and which.
fn decision(page: &Page, switch: &str) -> Option<String> {
    let marker = format!("data-switch=\"{switch}\" data-decision=\"");
    let rest = page.body.split(&marker).nth(1)?;
    rest.split('"').next().map(str::to_string)
}

/// The session id this page's store entry shows.
#[track_caller]
fn session_id(page: &Page) -> String {
    page.text("session-id").expect("the page shows a session")
}

fn me_path() -> String {
    format!("{SESSIONS}/me")
}

#[test]
fn save_uninitialized_off_stores_nothing_for_an_anonymous_visit_and_a_login_starts_from_nothing() {
    let app = TestApp::spawn();
    let mut learner = Browser::new(&app);
    let mut neighbour = Browser::new(&app);
    learner.switch(SESSIONS, &[("save_uninitialized", "false")]);
    for _ in 0..3 {
        let page = learner.get(SESSIONS);
        assert_eq!(
            page.visits(),
            1,
            "nothing is stored, every visit is the first"
        );
        assert_eq!(page.set_cookie_for("sid"), None, "no cookie");
        assert!(page.text("not-saved").is_some(), "the page says why");
        assert_eq!(
            decision(&page, "save_uninitialized").as_deref(),
            Some("not_saved")
        );
    }
    assert!(learner.jar.get("sid").is_none());
    let mut learner = SessionsVisitor(learner);
    learner
        .log_in_as(ALICE)
        .assert_redirect_to(&format!("{SESSIONS}/me"));
    assert!(learner.me().shows_logged_in(ALICE));
    let page = learner.visit();
    assert_eq!(
        page.visits(),
        1,
        "the login carried nothing over (0), then +1"
    );
    assert_eq!(page.user().as_deref(), Some(ALICE.username));
    assert_eq!(decision(&page, "save_uninitialized"), None);

    // The safe default: a session, and its cookie, from the first visit.
    let first = neighbour.get(SESSIONS);
    assert!(first.set_cookie_for("sid").is_some());
    assert_eq!(neighbour.get(SESSIONS).visits(), 2);
}

/// 50 visits at once on one session, through the app's HTTP handling; returns how many the
/// count went up by.
fn parallel_visits(resave: bool) -> u64 {
    crate::support::on_runtime(2, async {
        let client = crate::support::async_app(figment()).await;
        let mut cookies: Vec<Cookie<'static>> = Vec::new();
        if resave {
            let saved = client
                .post(format!("{SESSIONS}/switches"))
                .header(ContentType::Form)
                .body("resave=true")
                .dispatch()
                .await;
            assert_eq!(saved.status(), Status::SeeOther);
            let switches = saved.cookies().get("lab_switches").expect("switches");
            cookies.push(switches.clone().into_owned());
        }
        let sid = {
            let first = client
                .get(SESSIONS)
                .cookies(cookies.clone())
                .dispatch()
                .await;
            let sid = first.cookies().get("sid").expect("a session").clone();
            sid.into_owned()
        };
        cookies.push(sid);
        let count = |client: Arc<AsyncClient>, cookies: Vec<Cookie<'static>>| async move {
            let response = client
                .get(format!("{SESSIONS}/count"))
                .cookies(cookies)
                .dispatch()
                .await;
            let json: serde_json::Value = response.into_json().await.expect("JSON");
            json["visits"].as_u64().expect("a live session")
        };
        let before = count(client.clone(), cookies.clone()).await;
        let visits: Vec<_> = (0..50)
            .map(|_| {
                let (client, cookies) = (client.clone(), cookies.clone());
                rocket::tokio::spawn(async move {
                    let response = client.get(SESSIONS).cookies(cookies).dispatch().await;
                    assert_eq!(response.status(), Status::Ok);
                })
            })
            .collect();
        for visit in visits {
            visit.await.expect("visit task");
        }
        count(client, cookies).await - before
    })
}

#[test]
fn fifty_parallel_visits_all_count_by_default_and_lose_increments_with_resave_on() {
    assert_eq!(
        parallel_visits(false),
        50,
        "the store counts under its lock"
    );
    let counted = parallel_visits(true);
    assert!(
        counted < 50,
        "a stale copy written back loses increments: {counted} of 50 counted"
    );
}

#[test]
fn resave_on_writes_a_copy_back_and_the_inspector_says_so_in_this_browser_only() {
    let app = TestApp::spawn();
    let mut learner = Browser::new(&app);
    let mut neighbour = Browser::new(&app);
    learner.switch(SESSIONS, &[("resave", "true")]);
    learner.get(SESSIONS);
    let page = learner.get(SESSIONS);
    assert_eq!(page.visits(), 2, "one visit at a time still counts");
    assert_eq!(decision(&page, "resave").as_deref(), Some("write_back"));
    neighbour.get(SESSIONS);
    assert_eq!(decision(&neighbour.get(SESSIONS), "resave"), None);
}

#[test]
fn rolling_on_resends_the_cookie_on_every_page_so_its_max_age_restarts() {
    let app = TestApp::spawn();
    let mut learner = Browser::new(&app);
    let mut neighbour = Browser::new(&app);
    learner.switch(SESSIONS, &[("rolling", "true"), ("max_age", "60")]);
    learner.get(SESSIONS);
    for _ in 0..2 {
        let page = learner.get(SESSIONS);
        let line = page
            .set_cookie_for("sid")
            .expect("re-sent on a returning visit");
        assert!(
            line.contains("Max-Age=60") && !line.contains("Expires"),
            "{line}"
        );
        assert_eq!(decision(&page, "rolling").as_deref(), Some("rolled"));
    }
    let mut learner = SessionsVisitor(learner);
    learner.log_in_as(ALICE);
    let me = learner.me();
    assert!(me.shows_logged_in(ALICE));
    assert!(me.set_cookie_for("sid").is_some(), "the protected page too");
    assert_eq!(decision(&me, "rolling").as_deref(), Some("rolled"));

    // The default: only a new session sends the cookie.
    assert!(neighbour.get(SESSIONS).set_cookie_for("sid").is_some());
    let returning = neighbour.get(SESSIONS);
    assert_eq!(returning.set_cookie_for("sid"), None);
    assert_eq!(decision(&returning, "rolling"), None);
}

#[test]
fn max_age_makes_the_session_cookie_persistent_with_max_age_and_never_expires() {
    let app = TestApp::spawn();
    let mut learner = SessionsVisitor::arrive(&app);
    let mut neighbour = SessionsVisitor::arrive(&app);
    learner.0.switch(SESSIONS, &[("max_age", "120")]);
    let first = learner.visit();
    let line = first.set_cookie_for("sid").expect("a new session's cookie");
    assert!(line.contains("Max-Age=120"), "{line}");
    assert!(!line.contains("Expires"), "{line}");
    let login = learner.log_in_as(BOB);
    let line = login.set_cookie_for("sid").expect("the login's cookie");
    assert!(line.contains("Max-Age=120"), "{line}");

    let line = neighbour.visit().set_cookie.join("\n");
    assert!(
        !line.contains("Max-Age") && !line.contains("Expires"),
        "{line}"
    );
}

#[test]
fn http_only_off_sends_the_session_cookie_without_httponly_at_once_and_to_this_browser_only() {
    let app = TestApp::spawn();
    let mut learner = Browser::new(&app);
    let mut neighbour = Browser::new(&app);
    let first = learner.get(SESSIONS);
    assert!(first
        .set_cookie_for("sid")
        .expect("sid")
        .contains("HttpOnly"));
    // The panel sends the cookie the browser holds again, with the new attributes.
    let saved = learner.switch(SESSIONS, &[("http_only", "false")]);
    let line = saved.set_cookie_for("sid").expect("re-sent by the panel");
    assert!(!line.contains("HttpOnly"), "{line}");
    assert_ne!(
        learner.jar.get("sid").and_then(|c| c.http_only()),
        Some(true)
    );
    assert_eq!(learner.get(SESSIONS).visits(), 2, "the same session");
    let mut learner = SessionsVisitor(learner);
    let login = learner.log_in_as(ALICE);
    assert!(!login
        .set_cookie_for("sid")
        .expect("sid")
        .contains("HttpOnly"));

    let line = neighbour.get(SESSIONS);
    assert!(line
        .set_cookie_for("sid")
        .expect("sid")
        .contains("HttpOnly"));
    learner.0.reset_switches(SESSIONS);
    assert_eq!(
        learner.0.jar.get("sid").and_then(|c| c.http_only()),
        Some(true),
        "reset re-sends it HttpOnly"
    );
}

#[test]
fn the_secure_switch_sets_the_secure_attribute_while_the_name_follows_cookie_secure() {
    let app = TestApp::spawn();
    let mut learner = Browser::new(&app);
    let mut neighbour = Browser::new(&app);
    learner.switch(SESSIONS, &[("secure", "true")]);
    let line = learner.get(SESSIONS);
    let line = line.set_cookie_for("sid").expect("still named sid");
    assert!(line.contains("; Secure"), "{line}");
    let line = neighbour.get(SESSIONS);
    assert!(!line.set_cookie_for("sid").expect("sid").contains("Secure"));

    let https = TestApp::with(figment().merge(("cookie_secure", true)));
    let mut learner = Browser::new(&https);
    let default = learner.get(SESSIONS);
    let line = default.set_cookie_for("__Host-sid").expect("__Host-sid");
    assert!(line.contains("; Secure"), "{line}");
    // The panel sends the cookie again: a browser refuses this line (`__Host-` needs Secure).
    let saved = learner.switch(SESSIONS, &[("secure", "false")]);
    let line = saved.set_cookie_for("__Host-sid").expect("re-sent");
    assert!(
        !line.contains("Secure"),
        "the name stays, Secure goes: {line}"
    );
}

/// The attacker's session id, as their own lab page shows it.
fn attackers_id(attacker: &mut Browser<'_>) -> String {
    session_id(&attacker.get(SESSIONS))
}

/// The victim opens the attacker's link, then logs in as alice; returns the page the link opened.
fn follow_link_and_log_in(victim: &mut SessionsVisitor<'_>, id: &str) -> Page {
    let page = victim.0.get(&format!("{SESSIONS}?sid={id}"));
    assert_eq!(page.status, Status::Ok);
    victim.log_in_as(ALICE);
    page
}

#[test]
fn session_fixation_through_a_sid_link_succeeds_with_accept_url_id_on_and_regenerate_on_login_off()
{
    let app = TestApp::spawn();
    let mut attacker = Browser::new(&app);
    let mut victim = SessionsVisitor::arrive(&app);
    let id = attackers_id(&mut attacker);
    victim.0.switch(
        SESSIONS,
        &[("accept_url_id", "true"), ("regenerate_on_login", "false")],
    );
    let opened = follow_link_and_log_in(&mut victim, &id);
    assert_eq!(opened.text("planted-id").as_deref(), Some(id.as_str()));
    assert_eq!(
        decision(&opened, "accept_url_id").as_deref(),
        Some("url_id_planted")
    );
    let victims_me = victim.0.get(&me_path());
    assert!(victims_me.shows_logged_in(ALICE));
    assert_eq!(
        decision(&victims_me, "regenerate_on_login").as_deref(),
        Some("kept_id")
    );
    // The attacker never touched a form, and is alice now.
    assert!(attacker.get(&me_path()).shows_logged_in(ALICE));
}

#[test]
fn with_regenerate_on_login_on_a_planted_id_dies_at_the_victims_login() {
    let app = TestApp::spawn();
    let mut attacker = Browser::new(&app);
    let mut victim = SessionsVisitor::arrive(&app);
    let id = attackers_id(&mut attacker);
    victim.0.switch(SESSIONS, &[("accept_url_id", "true")]);
    let opened = follow_link_and_log_in(&mut victim, &id);
    assert_eq!(opened.text("planted-id").as_deref(), Some(id.as_str()));
    assert!(victim.0.get(&me_path()).shows_logged_in(ALICE));
    attacker
        .get(&me_path())
        .assert_redirect_to(&format!("{SESSIONS}/login"));
    let page = attacker.get(SESSIONS);
    assert_ne!(session_id(&page), id, "the attacker's id is gone");
}

#[test]
fn with_accept_url_id_off_a_sid_link_is_ignored_and_the_inspector_says_why() {
    let app = TestApp::spawn();
    let mut attacker = Browser::new(&app);
    let mut victim = SessionsVisitor::arrive(&app);
    let id = attackers_id(&mut attacker);
    // Even with the id kept at login, a link cannot plant it: the cookie is the only source.
    victim
        .0
        .switch(SESSIONS, &[("regenerate_on_login", "false")]);
    let opened = follow_link_and_log_in(&mut victim, &id);
    assert_eq!(opened.text("planted-id"), None);
    assert_ne!(session_id(&opened), id);
    assert_eq!(
        decision(&opened, "accept_url_id").as_deref(),
        Some("url_id_ignored")
    );
    assert!(victim.0.get(&me_path()).shows_logged_in(ALICE));
    attacker
        .get(&me_path())
        .assert_redirect_to(&format!("{SESSIONS}/login"));
}

#[test]
fn accept_url_id_plants_only_a_live_session_and_only_in_the_browser_that_turned_it_on() {
    let app = TestApp::spawn();
    let mut attacker = Browser::new(&app);
    let mut learner = Browser::new(&app);
    let mut neighbour = Browser::new(&app);
    learner.switch(SESSIONS, &[("accept_url_id", "true")]);
    for bogus in ["nonsense", "AAAAAAAAAAAAAAAAAAAAAA", "%ZZ"] {
        let page = learner.get(&format!("{SESSIONS}?sid={bogus}"));
        assert_eq!(page.status, Status::Ok, "{bogus}");
        assert_eq!(
            decision(&page, "accept_url_id").as_deref(),
            Some("url_id_not_live"),
            "{bogus}"
        );
        assert_eq!(page.text("planted-id"), None);
    }
    let id = attackers_id(&mut attacker);
    // The login page and the protected page take the link too.
    let login = learner.get(&format!("{SESSIONS}/login?sid={id}"));
    assert_eq!(login.status, Status::Ok);
    assert_eq!(
        session_id(&learner.get(SESSIONS)),
        id,
        "planted by the login page"
    );
    let page = neighbour.get(&format!("{SESSIONS}?sid={id}"));
    assert_eq!(page.text("planted-id"), None);
    assert_ne!(session_id(&page), id);
}

#[test]
fn regenerate_on_login_off_keeps_the_pre_login_id_so_a_copy_taken_before_login_is_logged_in() {
    let app = TestApp::spawn();
    let mut learner = SessionsVisitor::arrive(&app);
    let mut neighbour = SessionsVisitor::arrive(&app);
    learner
        .0
        .switch(SESSIONS, &[("regenerate_on_login", "false")]);
    let before = session_id(&learner.visit());
    let copy = learner.credential_copy();
    learner.log_in_as(BOB);
    let page = learner.visit();
    assert_eq!(session_id(&page), before);
    assert_eq!(page.visits(), 2, "the count stays with the session");
    let mut thief = SessionsVisitor::arrive(&app).carrying(copy);
    assert!(thief.me().shows_logged_in(BOB));

    // The default: a new id, and the copy is worthless.
    let before = session_id(&neighbour.visit());
    let copy = neighbour.credential_copy();
    neighbour.log_in_as(BOB);
    assert_ne!(session_id(&neighbour.visit()), before);
    let mut thief = SessionsVisitor::arrive(&app).carrying(copy);
    thief.me().assert_redirect_to(&format!("{SESSIONS}/login"));
}

#[test]
fn replay_after_logout_works_with_destroy_on_logout_off_and_fails_by_default() {
    fn replay_after_logout(app: &TestApp, switches: &[(&str, &str)]) -> (Page, Page) {
        let mut alice = SessionsVisitor::arrive(app);
        if !switches.is_empty() {
            alice.0.switch(SESSIONS, switches);
        }
        alice.log_in_as(ALICE);
        let copy = alice.credential_copy();
        let logout = alice.log_out();
        logout.assert_redirect_to(SESSIONS);
        assert!(logout
            .set_cookie_for("sid")
            .is_some_and(|l| l.contains("Max-Age=0")));
        let after = alice.visit();
        assert_eq!(after.user(), None, "this browser is logged out either way");
        let mut thief = SessionsVisitor::arrive(app).carrying(copy);
        (after, thief.me())
    }
    let app = TestApp::spawn();
    let (after, replayed) = replay_after_logout(&app, &[("destroy_on_logout", "false")]);
    assert!(
        replayed.shows_logged_in(ALICE),
        "the server kept the session"
    );
    assert_eq!(
        decision(&after, "destroy_on_logout").as_deref(),
        Some("kept")
    );
    // Another browser, at the default, in the same server.
    let (after, replayed) = replay_after_logout(&app, &[]);
    replayed.assert_redirect_to(&format!("{SESSIONS}/login"));
    assert_eq!(decision(&after, "destroy_on_logout"), None);
}

#[test]
fn the_visit_count_route_answers_json_without_counting() {
    let app = TestApp::spawn();
    let mut learner = Browser::new(&app);
    let none = learner.get(&format!("{SESSIONS}/count"));
    assert_eq!(none.json()["visits"], serde_json::Value::Null);
    learner.get(SESSIONS);
    learner.get(SESSIONS);
    for _ in 0..2 {
        assert_eq!(
            learner.get(&format!("{SESSIONS}/count")).json()["visits"],
            2
        );
    }
    let page = learner.get(SESSIONS);
    let button = page
        .body
        .split("id=\"race-button\"")
        .nth(1)
        .expect("the lost-update button");
    assert!(button.contains("data-count-url=\"/labs/sessions/count\""));
    assert!(page.body.contains("/static/js/lost-update.js"));
}

/// Sets one switch on the lab's panel in Chromium, as a learner does.
fn switch_in_chromium(chromium: &browser::Browser, app: &str, name: &str, value: &str) {
    chromium.goto(&format!("{app}{SESSIONS}/switches"));
    chromium.eval(&format!(
        "document.getElementById('field-{name}').value = '{value}'; return null;"
    ));
    chromium.click("#switches-save");
    chromium.wait_until(
        &format!(
            "return document.querySelector('#switch-{name}[data-changed=\"true\"]') !== null;"
        ),
        "saved the switch",
    );
}

#[test]
fn in_chromium_document_cookie_shows_the_session_id_only_with_http_only_off() {
    let name = "in_chromium_document_cookie_shows_the_session_id_only_with_http_only_off";
    if !browser::available(name) {
        return;
    }
    let app = serve_app();
    let chromium = browser::Browser::start();
    let script_sees_sid = || {
        chromium.goto(&format!("{app}{SESSIONS}"));
        let seen = chromium.eval("return document.cookie;");
        let shown = chromium.text("#document-cookie");
        let seen = seen.as_str().unwrap_or_default().contains("sid=");
        assert_eq!(
            seen,
            shown.contains("sid="),
            "the page shows what script sees"
        );
        seen
    };
    chromium.goto(&format!("{app}{SESSIONS}"));
    assert!(!script_sees_sid(), "HttpOnly by default");
    switch_in_chromium(&chromium, &app, "http_only", "false");
    assert!(script_sees_sid(), "page script can read (and steal) the id");
    chromium.goto(&format!("{app}{SESSIONS}/switches"));
    chromium.click("#switches-reset");
    chromium.wait_until(
        "return document.querySelector('#switch-http_only[data-changed=\"false\"]') !== null;",
        "reset the switches",
    );
    assert!(!script_sees_sid(), "HttpOnly again after the reset");
}

#[test]
fn in_chromium_the_lost_update_button_loses_visits_only_with_resave_on() {
    let name = "in_chromium_the_lost_update_button_loses_visits_only_with_resave_on";
    if !browser::available(name) {
        return;
    }
    let app = serve_app();
    let chromium = browser::Browser::start();
    let race = || -> u64 {
        chromium.goto(&format!("{app}{SESSIONS}"));
        chromium.click("#race-button");
        chromium.wait_until(
            "return !document.getElementById('race-result').hidden;",
            "showed the race's result",
        );
        chromium.text("#race-lost").parse().expect("a number")
    };
    assert_eq!(race(), 0, "every visit counts by default");
    switch_in_chromium(&chromium, &app, "resave", "true");
    assert!(race() > 0, "resave loses visits");
}
