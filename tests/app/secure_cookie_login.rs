//! Secure by default, the cookie lab's login: the encrypted `user` cookie carries who logged in
//! (name and account id), when, and until when, and every request checks all three. A copy taken
//! before logout still works until it expires: that lesson stays.

use std::thread::sleep;
use std::time::Duration;

use crate::support::*;

use rocket::http::Status;

const CAROL: Account = Account {
    username: "carol",
    password: "carols-password",
};
const ME: &str = "/labs/cookies/me";
const LOGIN_FORM: &str = "/labs/cookies/login";

/// Registers `account` in `app`'s directory, as the registration form does.
#[track_caller]
fn register(app: &TestApp, account: Account) {
    let response = app
        .client()
        .post("/register")
        .header(rocket::http::ContentType::Form)
        .body(format!(
            "username={}&password={}",
            account.username, account.password
        ))
        .dispatch();
    assert_eq!(response.status(), Status::Created, "{}", account.username);
}

/// Why the lab page says the `user` cookie was refused (`data-why` of `#login-state`).
#[track_caller]
fn refusal(page: &Page) -> Option<String> {
    let pattern =
        regex::Regex::new(r#"data-state="rejected" data-why="([a-z_]+)" id="login-state""#)
            .expect("valid pattern");
    pattern.captures(&page.body).map(|c| c[1].to_string())
}

/// Carol registers on `app` and logs in to the cookie lab; her browser.
fn carol_logged_in(app: &TestApp) -> CookiesVisitor<'_> {
    register(app, CAROL);
    let mut carol = CookiesVisitor::arrive(app);
    carol.visit();
    carol.log_in_as(CAROL);
    assert!(carol.me().shows_logged_in(CAROL), "carol is logged in");
    carol
}

#[test]
fn a_cookie_login_for_a_vanished_account_is_refused_after_restart() {
    let app = TestApp::spawn();
    let carol = carol_logged_in(&app);
    // A restart empties the directory: carol's account is gone, her cookie still decrypts.
    let restarted = app.restarted();
    let mut old_browser = CookiesVisitor::arrive(&restarted).carrying(carol.credential_copy());
    old_browser.me().assert_redirect_to(LOGIN_FORM);
    let page = old_browser.visit();
    assert_eq!(page.user(), None, "nobody is logged in");
    assert_eq!(
        refusal(&page).as_deref(),
        Some("no_account"),
        "the page says why"
    );
}

#[test]
fn a_cookie_login_does_not_pass_to_whoever_registers_the_name_next() {
    let app = TestApp::spawn();
    let carol = carol_logged_in(&app);
    let restarted = app.restarted();
    let someone_else = Account {
        username: "carol",
        password: "another-carol-entirely",
    };
    register(&restarted, someone_else);
    let mut old_browser = CookiesVisitor::arrive(&restarted).carrying(carol.credential_copy());
    old_browser.me().assert_redirect_to(LOGIN_FORM);
    let page = old_browser.visit();
    assert_eq!(
        page.user(),
        None,
        "the new carol's account is not the old cookie's"
    );
    assert_eq!(refusal(&page).as_deref(), Some("other_account"));
}

#[test]
fn a_cookie_login_expires() {
    let app = TestApp::with(figment().merge(("cookie_login_lifetime", 2)));
    let mut alice = CookiesVisitor::arrive(&app);
    alice.log_in_as(ALICE);
    let me = alice.me();
    assert!(me.shows_logged_in(ALICE));
    assert!(
        me.text("login-expires").is_some(),
        "the page says when the login cookie expires"
    );
    let copy = alice.credential_copy();
    sleep(Duration::from_secs(3));
    alice.me().assert_redirect_to(LOGIN_FORM);
    assert_eq!(refusal(&alice.visit()).as_deref(), Some("expired"));
    let mut thief = CookiesVisitor::arrive(&app).carrying(copy);
    thief.me().assert_redirect_to(LOGIN_FORM);
}

#[test]
fn a_demo_login_survives_a_restart_with_the_same_secret_key() {
    let app = TestApp::spawn();
    let mut alice = CookiesVisitor::arrive(&app);
    alice.log_in_as(ALICE);
    let restarted = app.restarted();
    let mut same_browser = CookiesVisitor::arrive(&restarted).carrying(alice.credential_copy());
    assert!(same_browser.me().shows_logged_in(ALICE));
}

#[test]
fn a_login_cookie_copied_before_logout_still_works_until_it_expires_and_the_page_says_so() {
    let app = TestApp::spawn();
    let mut alice = CookiesVisitor::arrive(&app);
    alice.log_in_as(ALICE);
    let me = alice.me();
    assert!(me.body.contains("until it expires"), "{}", me.body);
    let copy = alice.credential_copy();
    alice.log_out();
    assert!(!alice.me().shows_logged_in(ALICE));
    assert!(CookiesVisitor::arrive(&app)
        .carrying(copy)
        .me()
        .shows_logged_in(ALICE));
}

#[test]
fn an_old_format_login_cookie_is_refused_with_a_reason() {
    // The format before issue time, expiry and account were added: the bare username, encrypted.
    let client = rocket::local::blocking::Client::untracked(
        crate::support::internals::rocket_from(figment()),
    )
    .expect("app");
    let page: Page = client
        .get("/labs/cookies")
        .private_cookie(rocket::http::Cookie::new("user", "alice"))
        .dispatch()
        .into();
    assert_eq!(page.user(), None);
    assert_eq!(refusal(&page).as_deref(), Some("old_format"));
    let me = client
        .get(ME)
        .private_cookie(rocket::http::Cookie::new("user", "alice"))
        .dispatch();
    assert_eq!(me.status(), Status::SeeOther);
}
