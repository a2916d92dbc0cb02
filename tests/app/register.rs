//! Registration in the shared user directory.

use crate::support::*;
use rocket::http::Status;

#[test]
fn register_page_states_the_rules() {
    let html = body(client().get("/register").dispatch());
    assert!(html.contains("3–32 characters"));
    assert!(html.contains("8–128 characters"));
}

#[test]
fn invalid_usernames_and_passwords_get_a_422_naming_the_rule() {
    let client = client();
    for (username, password, rule) in [
        ("ab", "long enough", "username must be"),
        ("Alice", "long enough", "username must be"),
        ("<script>", "long enough", "username must be"),
        ("dave", "short", "password must be"),
        ("dave", &"x".repeat(129), "password must be"),
    ] {
        let response = post_form(
            &client,
            "/register",
            &[("username", username), ("password", password)],
        );
        assert_eq!(response.status(), Status::UnprocessableEntity, "{username}");
        let html = body(response);
        assert!(
            element_text(&html, "register-error")
                .expect("message")
                .contains(rule),
            "{username}"
        );
        assert!(!html.contains("<script>"), "the rejected name is escaped");
    }
}

#[test]
fn duplicate_username_is_a_409_with_a_clear_message() {
    let client = client();
    let response = post_form(
        &client,
        "/register",
        &[("username", "alice"), ("password", "something new")],
    );
    assert_eq!(response.status(), Status::Conflict);
    assert!(body(response).contains("already taken"));
}

#[test]
fn full_directory_refuses_new_accounts() {
    let client = client_with(figment().merge(("user_capacity", 3)));
    let ok = post_form(
        &client,
        "/register",
        &[("username", "carol"), ("password", "password1")],
    );
    assert_eq!(ok.status(), Status::Created);
    let full = post_form(
        &client,
        "/register",
        &[("username", "dave"), ("password", "password1")],
    );
    assert_eq!(full.status(), Status::Forbidden);
    assert!(body(full).contains("directory is full"));
}

#[test]
fn result_page_explains_each_part_of_the_phc_string() {
    let client = client();
    let html = body(post_form(
        &client,
        "/register",
        &[("username", "erin"), ("password", "password1")],
    ));
    for part in [
        "argon2id",
        "v=19",
        "m=19456,t=2,p=1",
        "salt",
        "the hash itself",
    ] {
        assert!(html.contains(part), "{part}");
    }
    assert!(
        !html.contains("password1"),
        "the password itself is never shown"
    );
}
