//! Secure by default, bounded memory that an anonymous crowd cannot turn against logged-in
//! users: anonymous sessions never evict logged-in ones, and one address cannot fill the user
//! directory. Per-address limits key on the socket's peer address, which a client cannot forge.

use std::net::SocketAddr;

use crate::support::*;

use rocket::http::{ContentType, Status};

#[test]
fn an_anonymous_flood_never_evicts_a_logged_in_session() {
    let app = TestApp::with(figment().merge(("session_capacity", 4)));
    let mut alice = SessionsVisitor::arrive(&app);
    alice.visit();
    alice.log_in_as(ALICE);
    // Fifty cookieless visitors: each one gets a new anonymous session.
    for _ in 0..50 {
        assert_eq!(app.client().get(SESSIONS).dispatch().status(), Status::Ok);
    }
    assert!(
        alice.me().shows_logged_in(ALICE),
        "alice is still logged in"
    );
}

/// `POST /register` as a browser at `from` sends it.
fn register_from<'c>(
    app: &'c TestApp,
    from: &str,
    username: &str,
) -> rocket::local::blocking::LocalResponse<'c> {
    let peer: SocketAddr = from.parse().expect("an address");
    app.client()
        .post("/register")
        .remote(peer)
        .header(ContentType::Form)
        .body(format!("username={username}&password=password1"))
        .dispatch()
}

#[test]
fn one_address_cannot_fill_the_directory() {
    let app = TestApp::with(figment().merge(("user_registrations_per_minute", 2)));
    // A client-supplied X-Real-IP must not buy a fresh allowance: the peer address counts.
    for name in ["user-1", "user-2"] {
        assert_eq!(
            register_from(&app, "203.0.113.7:50000", name).status(),
            Status::Created
        );
    }
    let refused = app
        .client()
        .post("/register")
        .remote("203.0.113.7:50001".parse().expect("an address"))
        .header(ContentType::Form)
        .header(rocket::http::Header::new("X-Real-IP", "198.51.100.1"))
        .body("username=user-3&password=password1")
        .dispatch();
    assert_eq!(refused.status(), Status::TooManyRequests);
    let retry_after: u64 = refused
        .headers()
        .get_one("Retry-After")
        .expect("a Retry-After header")
        .parse()
        .expect("whole seconds");
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    assert_eq!(refused.content_type(), Some(ContentType::HTML));
    let html = body(refused);
    let message = element_text(&html, "register-error").expect("the page explains");
    assert!(message.contains("2 accounts per minute"), "{message}");
    // Another address (another student's network) still registers.
    assert_eq!(
        register_from(&app, "198.51.100.1:40000", "user-3").status(),
        Status::Created
    );
}
