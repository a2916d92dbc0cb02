//! The sessions lab's challenges, each reached by the real requests: the attack with the lab's
//! switch turned the weak way solves it, the same attack refused with the defence back on
//! defends it, and another browser's requests change nothing for this learner. (The JWT labs'
//! challenges are proved beside their switches, in `jwt_switches.rs`.)

use std::sync::Arc;

use rocket::http::{ContentType, Cookie, Header, Status};
use rocket::local::asynchronous::Client as AsyncClient;
use rocket::local::blocking::Client;

use crate::challenges::{state_of, state_on};
use crate::support::figment;
use crate::support::internals::{attacker, Challenges};
use crate::support::visitor::{Browser, TestApp, ALICE, SESSIONS};

fn me_path() -> String {
    format!("{SESSIONS}/me")
}

/// The session id the lab page shows this browser.
fn session_id(browser: &mut Browser<'_>) -> String {
    browser
        .get(SESSIONS)
        .text("session-id")
        .expect("the page shows a session")
}

/// The victim's browser opens the attacker's `?sid=` link, then logs in as alice.
fn follow_link_and_log_in(victim: &mut Browser<'_>, id: &str) {
    assert_eq!(
        victim.get(&format!("{SESSIONS}?sid={id}")).status,
        Status::Ok
    );
    victim.log_in_at_lab(SESSIONS, ALICE.username, ALICE.password);
}

#[test]
fn a_login_keeping_a_planted_session_id_solves_session_fixation_and_one_replacing_it_defends_it() {
    let app = TestApp::spawn();
    let mut victim = Browser::new(&app);
    assert_eq!(state_of(&mut victim, "session-fixation"), "open");
    victim.switch(
        SESSIONS,
        &[("accept_url_id", "true"), ("regenerate_on_login", "false")],
    );
    // A login that keeps the browser's own id: nobody else was shown it, so no fixation.
    session_id(&mut victim);
    victim.log_in_at_lab(SESSIONS, ALICE.username, ALICE.password);
    assert_eq!(state_of(&mut victim, "session-fixation"), "open");

    // Another learner's browser, fixated with its own switches: its board only.
    let mut neighbour = Browser::new(&app);
    assert_eq!(state_of(&mut neighbour, "session-fixation"), "open");
    neighbour.switch(
        SESSIONS,
        &[("accept_url_id", "true"), ("regenerate_on_login", "false")],
    );
    let mut attacker = Browser::new(&app);
    let id = session_id(&mut attacker);
    follow_link_and_log_in(&mut neighbour, &id);
    assert_eq!(state_of(&mut neighbour, "session-fixation"), "solved");
    assert_eq!(state_of(&mut victim, "session-fixation"), "open");

    let id = session_id(&mut attacker);
    follow_link_and_log_in(&mut victim, &id);
    assert!(attacker.get(&me_path()).shows_logged_in(ALICE), "fixated");
    assert_eq!(state_of(&mut victim, "session-fixation"), "solved");

    victim.switch(SESSIONS, &[("regenerate_on_login", "true")]);
    let mut second = Browser::new(&app);
    let id = session_id(&mut second);
    follow_link_and_log_in(&mut victim, &id);
    second
        .get(&me_path())
        .assert_redirect_to(&format!("{SESSIONS}/login"));
    assert_eq!(state_of(&mut victim, "session-fixation"), "defended");
}

/// This browser's `sid` cookie, to copy.
fn sid(browser: &Browser<'_>) -> Cookie<'static> {
    browser.jar.get("sid").expect("a session cookie").clone()
}

/// Logs in, copies the session cookie, logs out: the copy.
fn copy_then_log_out(browser: &mut Browser<'_>) -> Cookie<'static> {
    browser.log_in_at_lab(SESSIONS, ALICE.username, ALICE.password);
    let copy = sid(browser);
    let out = browser.submit(&me_path(), &format!("{SESSIONS}/logout"), &[]);
    out.assert_redirect_to(SESSIONS);
    copy
}

#[test]
fn a_session_copy_accepted_after_logout_solves_the_replay_and_the_copy_refused_defends_it() {
    let app = TestApp::spawn();
    let mut learner = Browser::new(&app);
    assert_eq!(
        state_of(&mut learner, "session-replay-after-logout"),
        "open"
    );
    learner.switch(SESSIONS, &[("destroy_on_logout", "false")]);
    let copy = copy_then_log_out(&mut learner);
    assert_eq!(
        state_of(&mut learner, "session-replay-after-logout"),
        "open"
    );

    // Another learner's browser replaying the copy: logged in, but no board moves.
    let mut neighbour = Browser::new(&app);
    state_of(&mut neighbour, "session-replay-after-logout");
    neighbour.jar.put(copy.clone());
    assert!(neighbour.get(&me_path()).shows_logged_in(ALICE));
    assert_eq!(
        state_of(&mut neighbour, "session-replay-after-logout"),
        "open"
    );
    assert_eq!(
        state_of(&mut learner, "session-replay-after-logout"),
        "open"
    );

    learner.jar.put(copy);
    assert!(learner.get(&me_path()).shows_logged_in(ALICE));
    assert_eq!(
        state_of(&mut learner, "session-replay-after-logout"),
        "solved"
    );

    learner.reset_switches(SESSIONS);
    let copy = copy_then_log_out(&mut learner);
    learner.jar.put(copy);
    learner
        .get(&me_path())
        .assert_redirect_to(&format!("{SESSIONS}/login"));
    assert_eq!(
        state_of(&mut learner, "session-replay-after-logout"),
        "defended"
    );
}

/// One browser's cookies for the async client: the learner's board, the lab's switches and
/// session.
#[derive(Clone, Default)]
struct Cookies(Vec<Cookie<'static>>);

impl Cookies {
    /// Keeps what a response set, replacing same-named cookies.
    fn keep(&mut self, response: &rocket::local::asynchronous::LocalResponse<'_>) {
        for cookie in response.cookies().iter() {
            self.0.retain(|c| c.name() != cookie.name());
            self.0.push(cookie.clone().into_owned());
        }
    }
}

/// The learner's board, as the async client sees it.
async fn board(client: &AsyncClient, cookies: &Cookies, id: &str) -> String {
    let response = client
        .get("/challenges")
        .cookies(cookies.0.clone())
        .dispatch()
        .await;
    state_on(&response.into_string().await.expect("a board"), id)
}

/// Fifty visits of this browser's session at once, as the lab's lost-update button fires them.
async fn burst(client: &Arc<AsyncClient>, cookies: &Cookies) {
    let visits: Vec<_> = (0..50)
        .map(|_| {
            let (client, cookies) = (client.clone(), cookies.0.clone());
            rocket::tokio::spawn(async move {
                let response = client.get(SESSIONS).cookies(cookies).dispatch().await;
                assert_eq!(response.status(), Status::Ok);
            })
        })
        .collect();
    for visit in visits {
        visit.await.expect("visit task");
    }
}

/// A browser with a board, its switches saved as `switches` (form body), and a session.
async fn browser_with(client: &AsyncClient, switches: &str) -> Cookies {
    let mut cookies = Cookies::default();
    let first = client.get("/challenges").dispatch().await;
    cookies.keep(&first);
    let saved = client
        .post(format!("{SESSIONS}/switches"))
        .header(ContentType::Form)
        .cookies(cookies.0.clone())
        .body(switches)
        .dispatch()
        .await;
    assert_eq!(saved.status(), Status::SeeOther);
    cookies.keep(&saved);
    let page = client
        .get(SESSIONS)
        .cookies(cookies.0.clone())
        .dispatch()
        .await;
    cookies.keep(&page);
    cookies
}

#[test]
fn visits_lost_with_resave_on_solve_lost_update_and_overlapping_visits_all_counted_defend_it() {
    crate::support::on_runtime(2, async {
        let client = crate::support::async_app(figment()).await;
        let mut learner = browser_with(&client, "resave=false").await;
        // Overlapping visits counted in one step before any solve: nothing to defend yet.
        burst(&client, &learner).await;
        assert_eq!(board(&client, &learner, "lost-update").await, "open");

        let neighbour = browser_with(&client, "resave=true").await;
        burst(&client, &neighbour).await;
        assert_eq!(board(&client, &neighbour, "lost-update").await, "solved");
        assert_eq!(board(&client, &learner, "lost-update").await, "open");

        let saved = client
            .post(format!("{SESSIONS}/switches"))
            .header(ContentType::Form)
            .cookies(learner.0.clone())
            .body("resave=true")
            .dispatch()
            .await;
        learner.keep(&saved);
        burst(&client, &learner).await;
        assert_eq!(board(&client, &learner, "lost-update").await, "solved");

        let reset = client
            .post(format!("{SESSIONS}/switches/reset"))
            .cookies(learner.0.clone())
            .dispatch()
            .await;
        learner.keep(&reset);
        // One visit alone overlaps nothing.
        let one = client
            .get(SESSIONS)
            .cookies(learner.0.clone())
            .dispatch()
            .await;
        assert_eq!(one.status(), Status::Ok);
        assert_eq!(board(&client, &learner, "lost-update").await, "solved");
        burst(&client, &learner).await;
        assert_eq!(board(&client, &learner, "lost-update").await, "defended");
        assert_eq!(board(&client, &neighbour, "lost-update").await, "solved");
    });
}

/// The attacker site beside `app`, sharing its boards, as `cargo run` launches them.
fn attacker_site(app: &TestApp) -> Client {
    let boards = app
        .client()
        .rocket()
        .state::<Challenges>()
        .expect("the labs' boards")
        .clone();
    let site = attacker::rocket_from(&figment()).expect("the attacker site is on");
    Client::tracked(attacker::with_challenges(site, boards)).expect("valid")
}

/// A learner logged in to the sessions lab, with a board and a cross-site log tied to it;
/// returns the log id the attacker site's pages carry.
fn learner_with_log(learner: &mut Browser<'_>) -> String {
    learner.get("/challenges");
    learner.log_in_at_lab(SESSIONS, ALICE.username, ALICE.password);
    let start = learner.post_form("/labs/cross-site/start/sessions", &[]);
    assert_eq!(start.status, Status::SeeOther);
    // A lab page carrying both cookies ties the log to the learner.
    learner.get(SESSIONS);
    learner
        .jar
        .get("cross_site_trace")
        .expect("a log id")
        .value()
        .to_string()
}

/// The steal-cookie page's report, as its script sends it: what `document.cookie` held
/// (`read`), with the cookies the browser sends the attacker's `/labs/sessions/` path.
fn report(site: &Client, trace: &str, read: &str, held: Option<Cookie<'static>>) -> Status {
    let body = serde_json::json!({
        "attack": "steal-cookie",
        "lab": "sessions",
        "lines": ["document.cookie here: …"],
        "read": read,
    });
    site.post(format!("/labs/sessions/reports?trace={trace}"))
        .header(ContentType::JSON)
        .header(Header::new("Origin", "http://127.0.0.1:8800"))
        .cookies(held.into_iter().collect::<Vec<_>>())
        .body(body.to_string())
        .dispatch()
        .status()
}

#[test]
fn a_session_cookie_read_by_script_and_reported_to_the_attacker_site_solves_cookie_theft_and_httponly_defends_it(
) {
    let app = TestApp::spawn();
    let site = attacker_site(&app);
    let mut learner = Browser::new(&app);
    let trace = learner_with_log(&mut learner);
    let cookie = sid(&learner);
    let stolen = format!("theme=dark; sid={}", cookie.value());

    // HttpOnly (the default): script finds no sid; before any solve that changes nothing.
    assert_eq!(
        report(&site, &trace, "theme=dark", Some(cookie.clone())),
        Status::NoContent
    );
    assert_eq!(state_of(&mut learner, "cookie-theft"), "open");
    // A value typed into a report is not the browser's cookie read by script.
    assert_eq!(
        report(&site, &trace, "sid=typed-by-hand", Some(cookie.clone())),
        Status::NoContent
    );
    assert_eq!(state_of(&mut learner, "cookie-theft"), "open");

    // Another learner steals their own cookie: their board only.
    let mut neighbour = Browser::new(&app);
    let theirs = learner_with_log(&mut neighbour);
    neighbour.switch(SESSIONS, &[("http_only", "false")]);
    let their_cookie = sid(&neighbour);
    let their_read = format!("sid={}", their_cookie.value());
    report(&site, &theirs, &their_read, Some(their_cookie));
    assert_eq!(state_of(&mut neighbour, "cookie-theft"), "solved");
    assert_eq!(state_of(&mut learner, "cookie-theft"), "open");

    let resent = learner.switch(SESSIONS, &[("http_only", "false")]);
    assert!(resent
        .set_cookie_for("sid")
        .is_some_and(|line| !line.contains("HttpOnly")));
    assert_eq!(
        report(&site, &trace, &stolen, Some(cookie.clone())),
        Status::NoContent
    );
    assert_eq!(state_of(&mut learner, "cookie-theft"), "solved");

    learner.reset_switches(SESSIONS);
    report(&site, &trace, "theme=dark", Some(cookie));
    assert_eq!(state_of(&mut learner, "cookie-theft"), "defended");
    // A report from a browser holding no session cookie says nothing either way.
    assert_eq!(report(&site, &theirs, "", None), Status::NoContent);
    assert_eq!(state_of(&mut neighbour, "cookie-theft"), "solved");
}
