//! The sessions lab: an encrypted id cookie, all state on the server.

use std::time::Duration;

use crate::support::*;
use rocket::http::{Cookie, Status};

const BASE: &str = SESSIONS;

#[track_caller]
fn visit(client: &rocket::local::blocking::Client) -> String {
    let response = client.get(BASE).dispatch();
    assert_eq!(response.status(), Status::Ok);
    body(response)
}

#[test]
fn counter_increments_on_each_visit() {
    let app = TestApp::spawn();
    let mut alice = SessionsVisitor::arrive(&app);
    assert_eq!(alice.visit().visits(), 1);
    assert_eq!(alice.visit().visits(), 2);
    assert_eq!(alice.visit().visits(), 3);
}

#[test]
fn each_browser_has_its_own_counter() {
    let app = TestApp::spawn();
    let (mut alice, mut bob) = (SessionsVisitor::arrive(&app), SessionsVisitor::arrive(&app));
    alice.visit();
    alice.visit();
    assert_eq!(bob.visit().visits(), 1);
    assert_eq!(alice.visit().visits(), 3);
}

#[test]
fn session_cookie_is_private_httponly_lax_path_scoped_and_has_no_expiry() {
    let client = client();
    let response = client.get(BASE).dispatch();
    let lines = set_cookie_headers(&response);
    assert_eq!(lines.len(), 1, "{lines:?}");
    let cookie = Cookie::parse(lines[0].clone()).expect("a valid Set-Cookie");
    assert_eq!(cookie.name(), "sid");
    assert_eq!(cookie.http_only(), Some(true));
    assert_eq!(cookie.same_site(), Some(rocket::http::SameSite::Lax));
    assert_eq!(cookie.path(), Some(BASE));
    assert!(
        cookie.expires().is_none() && cookie.max_age().is_none(),
        "{cookie}"
    );
    // The value is ciphertext, not the 22-character id the page shows.
    let html = body(response);
    let id = element_text(&html, "session-entry").expect("entry");
    assert!(!lines[0].contains(id.as_str()));
    assert!(cookie.value().len() > 40);
}

#[test]
fn returning_visit_sends_no_set_cookie() {
    let app = TestApp::spawn();
    let mut visitor = SessionsVisitor::arrive(&app);
    visitor.visit();
    assert!(visitor.visit().set_cookie.is_empty());
}

#[test]
fn inspector_shows_exactly_the_set_cookie_lines_sent() {
    let app = TestApp::spawn();
    let mut alice = SessionsVisitor::arrive(&app);
    // First visit (a new cookie), a returning visit (none), then a login (a new cookie and
    // a flash cookie) followed by the page that consumes the flash.
    for _ in 0..2 {
        let page = alice.visit();
        assert_eq!(page.inspector_lines(), page.set_cookie);
    }
    alice.log_in_as(ALICE);
    let page = alice.me();
    assert!(
        !page.set_cookie.is_empty(),
        "reading the flash removes its cookie"
    );
    assert_eq!(page.inspector_lines(), page.set_cookie);
}

/// Over real HTTP, because only a real request carries a raw `Cookie` header.
#[test]
fn inspector_shows_the_raw_cookie_header_and_the_decrypted_id() {
    let app = serve_app();
    let first = ureq::get(&format!("{app}{BASE}"))
        .call()
        .expect("first visit");
    let set_cookie = first
        .header("Set-Cookie")
        .expect("a session cookie")
        .to_string();
    let html = first.into_string().expect("html");
    assert_eq!(
        element_text(&html, "decrypted-id"),
        None,
        "nothing to decrypt yet"
    );
    let pair = set_cookie
        .split(';')
        .next()
        .expect("name=value")
        .to_string();

    let html = ureq::get(&format!("{app}{BASE}"))
        .set("Cookie", &pair)
        .call()
        .expect("second visit")
        .into_string()
        .expect("html");
    assert_eq!(
        element_text(&html, "sent-cookie"),
        Some(format!("Cookie: {pair}"))
    );
    assert_eq!(
        element_text(&html, "cookie-state").as_deref(),
        Some("decrypted")
    );
    let decrypted = element_text(&html, "decrypted-id").expect("decrypted id shown");
    assert_eq!(decrypted.len(), 22);
    assert!(
        element_text(&html, "session-id").as_deref() == Some(decrypted.as_str()),
        "the store entry has the same id"
    );
    assert!(
        !pair.contains(&decrypted),
        "the cookie carries ciphertext, not the id"
    );
    assert_eq!(visits(&html), 2);
}

#[test]
fn login_form_lists_the_demo_accounts() {
    let html = body(client().get(format!("{BASE}/login")).dispatch());
    assert!(html.contains("<code>alice</code> / <code>wonderland</code>"));
    assert!(unescape_html(&html).contains(r#"action="/labs/sessions/login""#));
}

#[test]
fn login_success_redirects_to_me_which_shows_the_user() {
    let app = TestApp::spawn();
    let mut alice = SessionsVisitor::arrive(&app);
    alice
        .log_in_as(ALICE)
        .assert_redirect_to("/labs/sessions/me");
    let me = alice.me();
    assert_eq!(me.status, Status::Ok);
    assert_eq!(me.user().as_deref(), Some("alice"));
    assert_eq!(alice.visit().user().as_deref(), Some("alice"));
}

#[test]
fn login_form_missing_a_field_is_a_422_page() {
    let client = client();
    let response = post_form(&client, &format!("{BASE}/login"), &[("username", "alice")]);
    assert_eq!(response.status(), Status::UnprocessableEntity);
    assert!(set_cookie_headers(&response).is_empty());
    assert!(body(response).contains("missing a field"));
}

#[test]
fn me_redirects_anonymous_visitors_to_login() {
    let app = TestApp::spawn();
    let mut visitor = SessionsVisitor::arrive(&app);
    visitor.me().assert_redirect_to("/labs/sessions/login");
    visitor.visit(); // an anonymous session is not a login
    visitor.me().assert_redirect_to("/labs/sessions/login");
}

#[test]
fn session_id_changes_on_login_and_the_count_carries_over() {
    let app = TestApp::spawn();
    let mut bob = SessionsVisitor::arrive(&app);
    bob.visit();
    let before = bob.visit().text("decrypted-id").expect("id");
    let planted = bob.credential_copy();
    bob.log_in_as(BOB);
    let page = bob.visit();
    let after = page.text("decrypted-id").expect("id");
    assert_ne!(before, after);
    assert_eq!(page.visits(), 3);
    assert_eq!(page.user().as_deref(), Some("bob"));
    // The pre-login id (say, one an attacker planted) no longer exists.
    let mut attacker = SessionsVisitor::arrive(&app).carrying(planted);
    attacker.me().assert_redirect_to("/labs/sessions/login");
}

#[test]
fn logout_destroys_the_session_so_a_copied_cookie_no_longer_authenticates() {
    let app = TestApp::spawn();
    let mut alice = SessionsVisitor::arrive(&app);
    alice.log_in_as(ALICE);
    assert!(alice.0.jar.get("sid").is_some(), "session cookie");
    let copied = alice.credential_copy();
    let page = alice.log_out();
    page.assert_redirect_to(BASE);
    let removal = page.set_cookie_for("sid").expect("the cookie is removed");
    assert!(removal.contains("Path=/labs/sessions"), "{removal}");
    assert!(removal.contains("Max-Age=0"), "{removal}");

    // Replayed against the same server: the session it named is gone.
    let mut thief = SessionsVisitor::arrive(&app).carrying(copied);
    thief.me().assert_redirect_to("/labs/sessions/login");
}

#[test]
fn logout_is_post_only() {
    let client = client();
    let response = client.get(format!("{BASE}/logout")).dispatch();
    assert_eq!(response.status(), Status::MethodNotAllowed);
    assert_eq!(response.headers().get_one("Allow"), Some("POST"));
}

#[test]
fn tampered_cookie_is_treated_as_a_new_visitor() {
    let client = untracked_client();
    let response = client.get(BASE).dispatch();
    let cookie = response_cookie(&response, "sid").expect("cookie");
    let mut value = cookie.value().to_string();
    let flipped = if value.starts_with('A') { "B" } else { "A" };
    value.replace_range(0..1, flipped);
    let html = body(
        client
            .get(BASE)
            .cookie(Cookie::new("sid", value))
            .dispatch(),
    );
    assert_eq!(visits(&html), 1);
    assert_eq!(
        element_text(&html, "cookie-state").as_deref(),
        Some("undecryptable")
    );
    assert!(element_text(&html, "new-session-reason")
        .expect("reason")
        .contains("failed decryption"));
}

#[test]
fn garbage_cookie_values_never_break_the_page() {
    let client = untracked_client();
    for value in ["", "%", "%ZZ", "not-base64!!", "\u{7f}", &"A".repeat(3000)] {
        let response = client
            .get(BASE)
            .cookie(Cookie::new("sid", value.to_string()))
            .dispatch();
        assert_eq!(response.status(), Status::Ok, "{value:?}");
        assert_eq!(visits(&body(response)), 1);
    }
}

#[test]
fn idle_session_expires_on_the_server() {
    let client = client_with(figment().merge(("session_idle_timeout", 1)));
    visit(&client);
    assert_eq!(visits(&visit(&client)), 2);
    std::thread::sleep(Duration::from_millis(1000));
    let html = visit(&client);
    assert_eq!(visits(&html), 1, "the idle session is gone");
    assert!(element_text(&html, "new-session-reason")
        .expect("reason")
        .contains("does not have"));
}

#[test]
fn activity_keeps_a_session_alive_until_the_absolute_timeout() {
    let client = client_with(
        figment()
            .merge(("session_idle_timeout", 1))
            .merge(("session_absolute_timeout", 2)),
    );
    visit(&client);
    for expected in 2..=4 {
        std::thread::sleep(Duration::from_millis(600));
        // Each visit is within the idle timeout of the last one, so the session lives...
        assert_eq!(visits(&visit(&client)), expected);
    }
    std::thread::sleep(Duration::from_millis(600));
    // ...until 2 s after it was created, however active it is.
    assert_eq!(visits(&visit(&client)), 1);
}

#[test]
fn logged_in_session_expires_and_me_then_redirects() {
    let client = client_with(figment().merge(("session_idle_timeout", 1)));
    login(&client, BASE, "alice", "wonderland");
    assert_eq!(
        client.get(format!("{BASE}/me")).dispatch().status(),
        Status::Ok
    );
    std::thread::sleep(Duration::from_millis(1000));
    assert_redirect_to(
        &client.get(format!("{BASE}/me")).dispatch(),
        "/labs/sessions/login",
    );
}

#[test]
fn background_sweep_removes_expired_sessions() {
    let figment = figment()
        .merge(("session_idle_timeout", 1))
        .merge(("session_sweep_interval", 1));
    // Untracked: every request is a new visitor with a new session.
    let client =
        rocket::local::blocking::Client::untracked(crate::support::internals::rocket_from(figment))
            .expect("app");
    for _ in 0..5 {
        client.get(BASE).dispatch();
    }
    let store = client
        .rocket()
        .state::<crate::support::internals::SessionStore>()
        .expect("store");
    let held = || rocket::execute(store.len()).expect("memory answers");
    assert_eq!(held(), 5);
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while held() > 0 {
        assert!(std::time::Instant::now() < deadline, "the sweep never ran");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn full_store_evicts_the_least_recently_seen_session() {
    // Capacity 6: three anonymous sessions, three kept for logged-in ones.
    let figment = figment().merge(("session_capacity", 6));
    let client =
        rocket::local::blocking::Client::untracked(crate::support::internals::rocket_from(figment))
            .expect("app");
    let cookies: Vec<Cookie<'static>> = (0..3)
        .map(|_| response_cookie(&client.get(BASE).dispatch(), "sid").expect("cookie"))
        .collect();
    // Touch the first; the second is now the least recently seen.
    client.get(BASE).cookie(cookies[0].clone()).dispatch();
    client.get(BASE).dispatch(); // a fourth visitor needs room
    let count = |c: &Cookie<'static>| visits(&body(client.get(BASE).cookie(c.clone()).dispatch()));
    assert_eq!(count(&cookies[0]), 3, "recently seen: kept");
    assert_eq!(count(&cookies[2]), 2, "kept");
    assert_eq!(
        count(&cookies[1]),
        1,
        "least recently seen: evicted, starts over"
    );
}

#[test]
fn two_hundred_parallel_visits_on_one_session_all_count() {
    crate::support::on_runtime(4, async {
        let client = crate::support::async_app(figment()).await;
        let first = client.get(BASE).dispatch().await;
        let cookie = first
            .cookies()
            .get("sid")
            .expect("cookie")
            .clone()
            .into_owned();
        let tasks: Vec<_> = (0..200)
            .map(|_| {
                let (client, cookie) = (client.clone(), cookie.clone());
                rocket::tokio::spawn(async move {
                    let response = client.get(BASE).cookie(cookie).dispatch().await;
                    assert_eq!(response.status(), Status::Ok);
                })
            })
            .collect();
        for task in tasks {
            task.await.expect("visit task");
        }
        let last = client.get(BASE).cookie(cookie).dispatch().await;
        let html = last.into_string().await.expect("body");
        assert_eq!(visits(&html), 202, "1 + 200 parallel + this one");
    });
}

#[test]
fn registered_account_can_log_in_to_the_sessions_lab() {
    let app = TestApp::spawn();
    let mut carol = SessionsVisitor::arrive(&app);
    let fields = [("username", "carol"), ("password", "correct horse")]
        .map(|(k, v)| (k.to_string(), v.to_string()));
    let page = carol.0.post_form("/register", &fields);
    assert_eq!(page.status, Status::Created);
    assert!(page
        .text("phc")
        .expect("PHC shown")
        .starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
    carol
        .log_in("carol", "correct horse")
        .assert_redirect_to("/labs/sessions/me");
    assert_eq!(carol.me().user().as_deref(), Some("carol"));
}

#[test]
fn cookie_secure_setting_adds_secure_to_the_session_cookie() {
    let plain = client();
    let line = &set_cookie_headers(&plain.get(BASE).dispatch())[0];
    assert!(!line.contains("Secure"), "{line}");
    let https = client_with(figment().merge(("cookie_secure", true)));
    let line = &set_cookie_headers(&https.get(BASE).dispatch())[0];
    assert!(line.contains("; Secure"), "{line}");
}
