//! The challenges: each attack is noticed by the server when it works (solved),
//! then when the defence refuses it (defended), only for the browser that did it; the board
//! follows a registered account to another browser.

use rocket::http::{ContentType, Cookie, Header, Status};

use crate::support::internals::{LearnerId, LEARNER_COOKIE};
use crate::support::visitor::Browser;
use crate::support::*;

/// The `data-state` of challenge `id` on the board `html`.
#[track_caller]
pub fn state_on(html: &str, id: &str) -> String {
    let marker = format!("data-challenge=\"{id}\"");
    let tag = html
        .split(&marker)
        .nth(1)
        .and_then(|rest| rest.split('>').next())
        .unwrap_or_else(|| panic!("the board lists {id}"));
    crate::support::html::attr(tag, "data-state").expect("a data-state")
}

/// This browser's board, and the state of one challenge on it.
#[track_caller]
pub fn state_of(browser: &mut Browser<'_>, id: &str) -> String {
    let board = browser.get("/challenges");
    assert_eq!(board.status, Status::Ok);
    state_on(&board.body, id)
}

/// Puts a cookie into the browser's jar, as the developer tools' cookie editor does.
fn edit_cookie(browser: &mut Browser<'_>, name: &str, value: &str, path: &str) {
    let mut cookie = Cookie::new(name.to_string(), value.to_string());
    cookie.set_path(path.to_string());
    browser.jar.put(cookie);
}

#[test]
fn forging_the_plain_counter_to_1000_solves_it_and_the_same_edit_refused_by_the_signed_counter_defends_it(
) {
    let app = TestApp::spawn();
    let mut learner = Browser::new(&app);
    learner.get(COOKIES);
    // An edit refused before any solve changes nothing: "defended" needs a solve first.
    edit_cookie(&mut learner, "signed_visits", "1000.forged", COOKIES);
    learner.get(COOKIES);
    assert_eq!(state_of(&mut learner, "plain-counter-forgery"), "open");
    // 999 is not the goal, nor is the honest count.
    edit_cookie(&mut learner, "plain_visits", "999", COOKIES);
    learner.get(COOKIES);
    assert_eq!(state_of(&mut learner, "plain-counter-forgery"), "open");
    edit_cookie(&mut learner, "plain_visits", "1000", COOKIES);
    let page = learner.get(COOKIES);
    assert_eq!(
        page.text("plain-visits").as_deref(),
        Some("1001"),
        "believed"
    );
    assert!(
        page.body
            .contains(r#"data-announced="plain-counter-forgery" data-state="solved""#),
        "the lab page says it was solved"
    );
    let again = learner.get(COOKIES);
    assert!(!again.body.contains("data-announced"), "announced once");
    assert_eq!(state_of(&mut learner, "plain-counter-forgery"), "solved");
    // The same edit on the signed counter: its signature no longer matches, and it is refused.
    let signed = learner
        .jar
        .get("signed_visits")
        .expect("signed")
        .value()
        .to_string();
    let (_, tag) = signed.split_once('.').expect("value.tag");
    edit_cookie(
        &mut learner,
        "signed_visits",
        &format!("1000.{tag}"),
        COOKIES,
    );
    let page = learner.get(COOKIES);
    assert!(page
        .body
        .contains(r#"data-announced="plain-counter-forgery" data-state="defended""#));
    assert_eq!(state_of(&mut learner, "plain-counter-forgery"), "defended");
}

#[test]
fn forging_the_plain_counter_in_another_browser_changes_nothing_for_this_learner() {
    let app = TestApp::spawn();
    let mut learner = Browser::new(&app);
    assert_eq!(state_of(&mut learner, "plain-counter-forgery"), "open");
    let mut other = Browser::new(&app);
    edit_cookie(&mut other, "plain_visits", "5000", COOKIES);
    other.get(COOKIES);
    assert_eq!(state_of(&mut other, "plain-counter-forgery"), "solved");
    assert_eq!(state_of(&mut learner, "plain-counter-forgery"), "open");
}

#[test]
fn the_learner_cookie_is_private_http_only_and_rides_cross_site_posts_on_loopback() {
    let app = TestApp::spawn();
    let mut learner = Browser::new(&app);
    let board = learner.get("/challenges");
    let line = board
        .set_cookie_for(LEARNER_COOKIE)
        .expect("a learner cookie");
    for attribute in ["HttpOnly", "SameSite=None", "Secure", "Path=/", "Max-Age="] {
        assert!(line.contains(attribute), "{attribute}: {line}");
    }
    assert!(!line.contains("Expires"), "{line}");
    let value = learner
        .jar
        .get(LEARNER_COOKIE)
        .expect("kept")
        .value()
        .to_string();
    assert!(
        LearnerId::parse(&value).is_none(),
        "encrypted, not the bare id"
    );
    // Off loopback (a class server), Lax: the cross-site attacks are for one's own copy.
    let class = TestApp::with(
        with_real_secrets(figment())
            .merge(("address", "0.0.0.0"))
            .merge(("attacker_port", 0)),
    );
    let mut student = Browser::new(&class);
    let line = student
        .get("/challenges")
        .set_cookie_for(LEARNER_COOKIE)
        .map(str::to_string);
    let line = line.expect("a learner cookie");
    assert!(
        line.contains("SameSite=Lax") && !line.contains("Secure"),
        "{line}"
    );
    // Lab pages leave a browser without a learner cookie alone until something happens.
    let mut fresh = Browser::new(&app);
    for lab in LABS {
        assert!(
            fresh.get(lab).set_cookie_for(LEARNER_COOKIE).is_none(),
            "{lab}"
        );
    }
}

#[test]
fn hints_open_one_at_a_time_only_from_the_apps_own_pages() {
    let app = TestApp::spawn();
    let mut learner = Browser::new(&app);
    let board = learner.get("/challenges");
    assert!(!board.body.contains("hint_1"), "no hint text is a key");
    let action = "/challenges/alg-none/hint";
    let opened = learner.submit("/challenges", action, &[]);
    opened.assert_redirect_to("/challenges#alg-none");
    let board = learner.get("/challenges");
    assert!(board
        .body
        .contains(r#"data-challenge="alg-none" data-state="open" data-hints="1""#));
    assert!(board.body.contains("Show hint 2 of 3"));
    for _ in 0..5 {
        learner.post_form(action, &[]);
    }
    let board = learner.get("/challenges");
    assert!(board
        .body
        .contains(r#"data-challenge="alg-none" data-state="open" data-hints="3""#));
    let cross = app
        .client()
        .post(action)
        .header(Header::new("Sec-Fetch-Site", "cross-site"))
        .dispatch();
    assert_eq!(cross.status(), Status::Forbidden);
    let unknown = learner.post_form("/challenges/nonsense/hint", &[]);
    assert_eq!(unknown.status, Status::NotFound);
}

/// A browser with a board (a hint opened makes it).
fn learner_with_board(app: &TestApp) -> Browser<'_> {
    let mut learner = Browser::new(app);
    learner.submit("/challenges", "/challenges/login-csrf/hint", &[]);
    learner
}

/// The attacker site's forged login as Chromium sends it from `http://localhost:8800`, with the
/// cookies the browser lets ride along, tagged with the learner's log id (if any).
fn forged_login(app: &TestApp, cookies: Vec<Cookie<'static>>, trace: Option<&str>) -> Status {
    let path = match trace {
        Some(id) => format!("/labs/sessions/login?trace={id}"),
        None => "/labs/sessions/login".to_string(),
    };
    app.client()
        .post(path)
        .header(ContentType::Form)
        .header(Header::new("Sec-Fetch-Site", "cross-site"))
        .header(Header::new("Origin", "http://localhost:8800"))
        .cookies(cookies)
        .body("username=bob&password=builder")
        .dispatch()
        .status()
}

/// What rides a cross-site form POST from this browser to the sessions lab's login.
fn riding(browser: &Browser<'_>) -> Vec<Cookie<'static>> {
    browser.jar.for_path("/labs/sessions/login")
}

#[test]
fn a_forged_login_accepted_with_origin_check_off_solves_login_csrf_and_refused_with_it_on_defends_it(
) {
    let app = TestApp::spawn();
    let mut learner = learner_with_board(&app);
    // Refused before any solve: nothing to defend yet.
    assert_eq!(
        forged_login(&app, riding(&learner), None),
        Status::Forbidden
    );
    assert_eq!(state_of(&mut learner, "login-csrf"), "open");
    // From another browser (its own cookies and switches, or none): nothing changes here.
    let mut other = learner_with_board(&app);
    other.switch(SESSIONS, &[("origin_check", "false")]);
    assert_eq!(forged_login(&app, riding(&other), None), Status::SeeOther);
    assert_eq!(state_of(&mut other, "login-csrf"), "solved");
    assert_eq!(forged_login(&app, vec![], None), Status::Forbidden);
    assert_eq!(state_of(&mut learner, "login-csrf"), "open");
    // The learner's own `origin_check` off: the forged login goes through (303 to /me).
    learner.switch(SESSIONS, &[("origin_check", "false")]);
    assert_eq!(forged_login(&app, riding(&learner), None), Status::SeeOther);
    assert_eq!(state_of(&mut learner, "login-csrf"), "solved");
    // Other browsers refused now do not defend it for this learner.
    other.reset_switches(SESSIONS);
    assert_eq!(forged_login(&app, riding(&other), None), Status::Forbidden);
    assert_eq!(state_of(&mut learner, "login-csrf"), "solved");
    assert_eq!(state_of(&mut other, "login-csrf"), "defended");
    learner.reset_switches(SESSIONS);
    assert_eq!(
        forged_login(&app, riding(&learner), None),
        Status::Forbidden
    );
    assert_eq!(state_of(&mut learner, "login-csrf"), "defended");
}

#[test]
fn a_forged_login_without_the_learner_cookie_is_attributed_by_the_attacker_sites_trace_tag() {
    let app = TestApp::spawn();
    let mut learner = learner_with_board(&app);
    let start = learner.post_form("/labs/cross-site/start/sessions", &[]);
    assert_eq!(start.status, Status::SeeOther);
    let trace = learner
        .jar
        .get("cross_site_trace")
        .expect("a log id")
        .value()
        .to_string();
    // The lab page carries both cookies: from now on the log's id names this learner.
    learner.get(SESSIONS);
    learner.switch(SESSIONS, &[("origin_check", "false")]);
    // Only the switches ride along (as from a browser keeping the learner cookie `Lax`).
    let switches_only = || -> Vec<Cookie<'static>> {
        riding(&learner)
            .into_iter()
            .filter(|c| c.name() == "lab_switches")
            .collect()
    };
    let switches = switches_only();
    assert_eq!(switches.len(), 1, "the switches ride along");
    assert_eq!(
        forged_login(&app, switches.clone(), Some("AAAAAAAAAAAAAAAAAAAAAA")),
        Status::SeeOther
    );
    assert_eq!(
        state_of(&mut learner, "login-csrf"),
        "open",
        "another log's tag"
    );
    assert_eq!(forged_login(&app, switches, Some(&trace)), Status::SeeOther);
    assert_eq!(state_of(&mut learner, "login-csrf"), "solved");
    learner.reset_switches(SESSIONS);
    assert_eq!(forged_login(&app, vec![], Some(&trace)), Status::Forbidden);
    assert_eq!(state_of(&mut learner, "login-csrf"), "defended");
}

/// Logs in to the JWT-cookie lab, copies the token, logs out: the copy.
fn copy_then_log_out(browser: &mut Browser<'_>) -> String {
    browser.get("/challenges");
    let login = browser.submit(
        "/labs/jwt-cookie/login",
        "/labs/jwt-cookie/login",
        &[("username", "alice"), ("password", "wonderland")],
    );
    login.assert_redirect_to("/labs/jwt-cookie/me");
    let copy = browser.jar.get("jwt").expect("a token").value().to_string();
    browser.submit("/labs/jwt-cookie/me", "/labs/jwt-cookie/logout", &[]);
    assert!(browser.jar.get("jwt").is_none(), "logout removed it");
    copy
}

#[test]
fn a_jwt_replayed_after_logout_solves_the_challenge_and_the_same_copy_refused_once_expired_defends_it(
) {
    let app = TestApp::with(figment().merge(("jwt_ttl", 2)));
    let mut learner = Browser::new(&app);
    let copy = copy_then_log_out(&mut learner);
    assert_eq!(state_of(&mut learner, "jwt-replay-after-logout"), "open");
    // Another browser replaying the copy changes nothing for this learner (nor its own board).
    let mut other = Browser::new(&app);
    other.get("/challenges");
    edit_cookie(&mut other, "jwt", &copy, JWT_COOKIE);
    assert!(other.get("/labs/jwt-cookie/me").shows_logged_in(ALICE));
    assert_eq!(state_of(&mut other, "jwt-replay-after-logout"), "open");
    assert_eq!(state_of(&mut learner, "jwt-replay-after-logout"), "open");
    // The same browser puts its copy back: accepted, by design.
    edit_cookie(&mut learner, "jwt", &copy, JWT_COOKIE);
    let me = learner.get("/labs/jwt-cookie/me");
    assert!(me.shows_logged_in(ALICE));
    assert!(me
        .body
        .contains(r#"data-announced="jwt-replay-after-logout" data-state="solved""#));
    // The copy's `exp` passes (a short ttl is the defence): the same replay is refused.
    std::thread::sleep(std::time::Duration::from_millis(2100));
    edit_cookie(&mut learner, "jwt", &copy, JWT_COOKIE);
    let page = learner.get(JWT_COOKIE);
    assert_eq!(page.user(), None, "refused: a guest token instead");
    assert_eq!(
        state_of(&mut learner, "jwt-replay-after-logout"),
        "defended"
    );
}

#[test]
fn a_board_follows_a_registered_account_to_another_browser_but_never_a_demo_account() {
    let app = TestApp::spawn();
    let mut laptop = Browser::new(&app);
    edit_cookie(&mut laptop, "plain_visits", "1000", COOKIES);
    laptop.get(COOKIES);
    let registered = laptop.submit(
        "/register",
        "/register",
        &[("username", "carol"), ("password", "carol-password")],
    );
    assert_eq!(registered.status, Status::Created);
    let board = laptop.get("/challenges");
    assert!(board.body.contains("follows your account carol"));
    // Another browser with a board of its own logs in as carol: the boards join.
    let mut phone = Browser::new(&app);
    phone.submit("/challenges", "/challenges/alg-none/hint", &[]);
    phone.log_in_at_lab(SESSIONS, "carol", "carol-password");
    let board = phone.get("/challenges");
    assert_eq!(state_on(&board.body, "plain-counter-forgery"), "solved");
    assert!(board
        .body
        .contains(r#"data-challenge="alg-none" data-state="open" data-hints="1""#));
    assert!(board.body.contains("follows your account carol"));
    // A demo account is shared by a class: logging in with it carries no board anywhere.
    let mut desk = Browser::new(&app);
    desk.log_in_at_lab(SESSIONS, "alice", "wonderland");
    assert_eq!(state_of(&mut desk, "plain-counter-forgery"), "open");
    assert!(!desk
        .get("/challenges")
        .body
        .contains("follows your account"));
}
