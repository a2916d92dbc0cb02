//! Shared pages, error pages and the headers every response carries.

use crate::support;
use crate::support::*;
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
fn the_home_page_starts_a_newcomer_at_chapter_one_near_the_top() {
    let client = client();
    let html = body(client.get("/").dispatch());
    let link = regex::Regex::new(r#"<a class="button" id="start-here" href="([^"]+)">([^<]+)</a>"#)
        .expect("pattern");
    let found = link.captures(&html).expect("a start-here link");
    assert_eq!(&found[1], "/docs/why-cookies");
    assert_eq!(&found[2], "Start here: chapter 1, Why HTTP needs cookies");
    let at = found.get(0).map_or(0, |m| m.start());
    assert!(
        at < html.find(r#"id="comparison""#).expect("the comparison"),
        "near the top: before the labs and the table"
    );
    let chapter = client.get(found[1].to_string()).dispatch();
    assert_eq!(chapter.status(), Status::Ok);
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

/// Starts the real binary in the `release` profile with `env` and returns (exit ok?, stderr).
fn launch_release(env: &[(&str, &str)]) -> (bool, String) {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_auth-labs"));
    command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("ROCKET_SECRET_KEY")
        .env_remove("ROCKET_JWT_SECRET")
        .env("ROCKET_PROFILE", "release")
        // A port of its own; the process exits before binding when the secrets are refused.
        .env("ROCKET_PORT", support::free_port().to_string())
        .envs(env.iter().copied());
    let output = command.output().expect("the binary runs");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn release_binary_without_secrets_stops_with_one_clear_line() {
    let (ok, stderr) = launch_release(&[]);
    assert!(!ok, "exit code is non-zero");
    let ours: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("auth-labs:"))
        .collect();
    assert_eq!(ours.len(), 1, "{stderr}");
    assert!(
        ours[0].contains("`secret_key` is not set") && ours[0].contains("ROCKET_SECRET_KEY="),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn release_binary_with_the_demo_secrets_stops() {
    let (ok, stderr) = launch_release(&[
        (
            "ROCKET_SECRET_KEY",
            crate::support::internals::DEMO_SECRET_KEY,
        ),
        (
            "ROCKET_JWT_SECRET",
            crate::support::internals::DEMO_JWT_SECRET,
        ),
    ]);
    assert!(!ok);
    assert!(stderr.contains("public demo key"), "{stderr}");
}

#[test]
fn release_profile_with_real_secrets_launches() {
    let figment = crate::support::with_real_secrets(crate::support::figment().select("release"));
    let client =
        rocket::local::blocking::Client::tracked(crate::support::internals::rocket_from(figment))
            .expect("real secrets are accepted");
    assert_eq!(client.get("/").dispatch().status(), Status::Ok);
}
