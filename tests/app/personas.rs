//! The personas themselves: what a browser submits from a form and what its jar sends back,
//! so a test that logs in through a persona keeps working when a form gains a field.

use crate::support::html::form_fields;
use crate::support::*;
use rocket::http::Status;

const FORM: &str = r#"
<form method="post" action="/elsewhere"><input name="other" value="x"></form>
<form class="card form" method="post" action="/labs/sessions/login">
  <input type="hidden" name="csrf_token" value="a&amp;b">
  <input id="username" name="username" required value="">
  <input name="password" type="password">
  <input type="checkbox" name="remember" value="yes">
  <input type="checkbox" name="ticked" checked>
  <button type="submit" id="login-submit">Log in</button>
</form>"#;

#[test]
fn a_form_submits_its_hidden_fields_and_ticked_boxes_but_not_unticked_ones() {
    let fields = form_fields(FORM, "/labs/sessions/login").expect("the login form");
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            ("csrf_token", "a&b"),
            ("username", ""),
            ("password", ""),
            ("ticked", "on"),
        ]
    );
    assert_eq!(form_fields(FORM, "/nowhere"), None);
}

#[test]
fn each_lab_persona_logs_in_and_out_through_the_lab_s_own_forms() {
    let app = TestApp::spawn();
    let mut sessions = SessionsVisitor::arrive(&app);
    let mut cookies = CookiesVisitor::arrive(&app);
    let mut jwt_cookie = JwtCookieVisitor::arrive(&app);
    let mut jwt_header = JwtHeaderVisitor::arrive(&app);
    assert!(sessions.log_in_as(ALICE).location.is_some());
    assert!(cookies.log_in_as(ALICE).location.is_some());
    assert!(jwt_cookie.log_in_as(ALICE).location.is_some());
    assert!(jwt_header.log_in_as(ALICE).json()["access_token"].is_string());
    assert!(sessions.me().shows_logged_in(ALICE));
    assert!(cookies.me().shows_logged_in(ALICE));
    assert!(jwt_cookie.me().shows_logged_in(ALICE));
    assert!(jwt_header.me().shows_logged_in(ALICE));
    sessions.log_out();
    cookies.log_out();
    jwt_cookie.log_out();
    jwt_header.log_out();
    assert!(!sessions.me().shows_logged_in(ALICE));
    assert!(!cookies.me().shows_logged_in(ALICE));
    assert!(!jwt_cookie.me().shows_logged_in(ALICE));
    assert!(!jwt_header.me().shows_logged_in(ALICE));
}

/// The shared login flow, as each HTML lab's browser meets it: a wrong password and an unknown
/// user get the same one message, no credential, and `/me` still sends them to the login form.
#[track_caller]
fn a_failed_login_is_generic<'a, V: Visitor<'a>>(app: &'a TestApp) {
    let mut visitor = V::arrive(app);
    for (username, password) in [("alice", "wrong"), ("nobody", "wonderland")] {
        let page = visitor.log_in(username, password);
        assert_eq!(page.status, Status::Ok, "{}", V::BASE);
        assert!(page.set_cookie.is_empty(), "{}: no credential set", V::BASE);
        assert_eq!(
            page.text("login-error").as_deref(),
            Some("Invalid username or password"),
            "{}",
            V::BASE
        );
    }
    visitor
        .me()
        .assert_redirect_to(&format!("{}/login", V::BASE));
}

#[test]
fn a_failed_login_shows_one_generic_message_and_sets_no_credential_in_every_html_lab() {
    let app = TestApp::spawn();
    a_failed_login_is_generic::<SessionsVisitor>(&app);
    a_failed_login_is_generic::<CookiesVisitor>(&app);
    a_failed_login_is_generic::<JwtCookieVisitor>(&app);
}
