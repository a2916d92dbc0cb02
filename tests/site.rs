//! Shared pages, error pages and the headers every response carries.

mod common;

use common::*;
use rocket::http::{Accept, ContentType, Status};

#[test]
fn home_explains_cookies_lists_labs_compares_them_and_shows_demo_accounts() {
    let html = body(client().get("/").dispatch());
    assert!(html.contains("HTTP is stateless"));
    for path in [
        "/labs/sessions",
        "/labs/cookies",
        "/labs/jwt-cookie",
        "/labs/jwt-header",
    ] {
        assert!(html.contains(path), "{path}");
    }
    let table = &html[html.find(r#"id="comparison""#).expect("comparison table")..];
    for row in [
        "Where the state lives",
        "Can the user read it?",
        "Can the user change it?",
        "What logout does",
        "Survives a server restart?",
    ] {
        assert!(table.contains(row), "{row}");
    }
    assert!(html.contains("<code>alice</code>") && html.contains("<code>wonderland</code>"));
}

#[test]
fn every_page_carries_the_security_headers() {
    let client = client();
    for path in ["/", "/labs/sessions", "/register", "/no-such-page"] {
        let response = client.get(path).dispatch();
        let h = response.headers();
        let csp = h.get_one("Content-Security-Policy").expect("CSP");
        assert!(
            csp.contains("default-src 'self'") && csp.contains("script-src 'self'"),
            "{path}"
        );
        assert_eq!(h.get_one("X-Content-Type-Options"), Some("nosniff"));
        assert!(h.get_one("Referrer-Policy").is_some());
        assert_eq!(h.get_one("Cache-Control"), Some("no-store"), "{path}");
    }
}

#[test]
fn pages_load_nothing_from_another_host() {
    let client = client();
    for path in ["/", "/labs/sessions", "/labs/sessions/login", "/register"] {
        let html = body(client.get(path).dispatch());
        for attr in [
            "src=\"http",
            "href=\"http",
            "src=\"//",
            "href=\"//",
            "url(http",
        ] {
            assert!(!html.contains(attr), "{path} loads {attr}");
        }
    }
    let css = body(client.get("/static/css/style.css").dispatch());
    assert!(!css.contains("http") && !css.contains("@import"));
}

#[test]
fn static_files_are_served() {
    let client = client();
    let response = client.get("/static/css/style.css").dispatch();
    assert_eq!(response.status(), Status::Ok);
    assert_eq!(response.content_type(), Some(ContentType::CSS));
}

#[test]
fn unknown_page_is_an_html_404() {
    let client = client();
    let response = client.get("/nope").dispatch();
    assert_eq!(response.status(), Status::NotFound);
    assert_eq!(response.content_type(), Some(ContentType::HTML));
    assert!(body(response).contains("There is no page at /nope"));
}

#[test]
fn unknown_api_path_is_a_json_404() {
    let client = client();
    let response = client.get("/labs/sessions/api/nothing").dispatch();
    assert_eq!(response.status(), Status::NotFound);
    assert_eq!(response.content_type(), Some(ContentType::JSON));
    let json: serde_json::Value = serde_json::from_str(&body(response)).expect("JSON");
    assert_eq!(json["error"], "not_found");
}

#[test]
fn clients_asking_for_json_get_json_errors() {
    let client = client();
    let response = client.get("/nope").header(Accept::JSON).dispatch();
    assert_eq!(response.content_type(), Some(ContentType::JSON));
}

#[test]
fn wrong_content_type_and_non_utf8_forms_are_4xx_pages() {
    let client = client();
    let response = client
        .post("/register")
        .header(ContentType::JSON)
        .body(r#"{"username":"x"}"#)
        .dispatch();
    assert!(
        response.status().class().is_client_error(),
        "{}",
        response.status()
    );
    let response = client
        .post("/labs/sessions/login")
        .header(ContentType::Form)
        .body(b"username=%FF%FE&password=\xff")
        .dispatch();
    assert!(
        response.status().class().is_client_error(),
        "{}",
        response.status()
    );
}

#[test]
fn oversized_form_is_a_4xx_not_a_500() {
    let client = client();
    let huge = format!("username=alice&password={}", "a".repeat(1 << 20));
    let response = client
        .post("/labs/sessions/login")
        .header(ContentType::Form)
        .body(huge)
        .dispatch();
    assert!(
        response.status().class().is_client_error(),
        "{}",
        response.status()
    );
}
