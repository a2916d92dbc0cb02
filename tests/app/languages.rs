//! English by default, Korean on request: `?lang=ko` (remembered in the `lang` cookie) or an
//! `Accept-Language` that prefers Korean; `<html lang>`, `Content-Language` and
//! `Vary: Accept-Language` follow, and the markers and routes stay the same.

use rocket::http::{Header, Status};

use crate::support::*;

/// A message as the Korean table writes it (no values in it).
fn korean(id: &str) -> String {
    let table = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/templates/locales/ko/messages.ftl"
    ))
    .expect("the Korean table");
    table
        .lines()
        .find_map(|line| line.strip_prefix(&format!("{id} = ")))
        .unwrap_or_else(|| panic!("no {id} in the Korean table"))
        .to_string()
}

fn html_lang(html: &str) -> Option<&str> {
    let start = html.find("<html lang=\"")? + "<html lang=\"".len();
    html[start..].split('"').next()
}

#[test]
fn english_is_the_default_and_says_so_in_html_lang_and_content_language() {
    let client = untracked_client();
    let page = client.get("/labs/sessions").dispatch();
    assert_eq!(page.headers().get_one("Content-Language"), Some("en"));
    let vary: Vec<&str> = page.headers().get("Vary").collect();
    assert!(
        vary.iter().any(|v| v.contains("Accept-Language")),
        "{vary:?}"
    );
    assert!(cookies_of(&page).iter().all(|c| c.name() != "lang"));
    assert_eq!(html_lang(&body(page)), Some("en"));
}

#[test]
fn lang_ko_in_the_query_switches_the_page_and_is_remembered_by_the_lang_cookie() {
    let client = client();
    let page = client.get("/labs/sessions?lang=ko").dispatch();
    assert_eq!(page.status(), Status::Ok);
    assert_eq!(page.headers().get_one("Content-Language"), Some("ko"));
    let cookie = response_cookie(&page, "lang").expect("the choice is remembered");
    assert_eq!(cookie.value(), "ko");
    assert_eq!(cookie.path(), Some("/"));
    assert_eq!(cookie.http_only(), Some(true));
    assert!(
        cookie.max_age().is_some(),
        "kept beyond this browser session"
    );
    let html = body(page);
    assert_eq!(html_lang(&html), Some("ko"));
    assert_eq!(visits(&html), 1, "the #visits marker is the same in Korean");

    // The next page, with no ?lang, is still Korean; the cookie is not sent again.
    let next = client.get("/labs/cookies").dispatch();
    assert_eq!(next.headers().get_one("Content-Language"), Some("ko"));
    assert_eq!(response_cookie(&next, "lang"), None);
    // And ?lang=en switches back.
    let back = client.get("/?lang=en").dispatch();
    assert_eq!(back.headers().get_one("Content-Language"), Some("en"));
    assert_eq!(
        response_cookie(&back, "lang").map(|c| c.value().to_string()),
        Some("en".into())
    );
}

#[test]
fn a_browser_that_prefers_korean_gets_korean_without_a_cookie() {
    let client = untracked_client();
    let page = client
        .get("/labs/sessions")
        .header(Header::new(
            "Accept-Language",
            "ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7",
        ))
        .dispatch();
    assert_eq!(page.headers().get_one("Content-Language"), Some("ko"));
    assert!(
        cookies_of(&page).iter().all(|c| c.name() != "lang"),
        "nothing to remember"
    );
    let english = client
        .get("/labs/sessions")
        .header(Header::new("Accept-Language", "en-US,en;q=0.9,ko;q=0.8"))
        .dispatch();
    assert_eq!(english.headers().get_one("Content-Language"), Some("en"));
}

#[test]
fn an_unknown_lang_value_is_ignored_and_sets_nothing() {
    let client = untracked_client();
    for value in ["fr", "KO", "ko-KR", "%3Cscript%3E", ""] {
        let page = client
            .get(format!("/labs/sessions?lang={value}"))
            .dispatch();
        assert_eq!(page.status(), Status::Ok, "{value}");
        assert_eq!(
            page.headers().get_one("Content-Language"),
            Some("en"),
            "{value}"
        );
        assert!(
            cookies_of(&page).iter().all(|c| c.name() != "lang"),
            "{value}"
        );
    }
}

#[test]
fn a_flash_message_and_a_refused_login_read_in_korean() {
    let client = client();
    client.get("/labs/sessions?lang=ko").dispatch();
    let refused = login(&client, "/labs/sessions", "alice", "not-her-password");
    assert!(
        unescape_html(&body(refused)).contains(&korean("login-invalid")),
        "the refusal is the Korean message"
    );
}

#[test]
fn the_cookie_builder_refuses_to_overwrite_the_language_choice() {
    let client = client();
    let fields = [("name", "lang"), ("value", "en"), ("path", "/")];
    let refused = post_form(&client, "/labs/cookies/builder", &fields);
    assert_eq!(refused.status(), Status::UnprocessableEntity);
    assert!(set_cookie_headers(&refused).is_empty());
}
