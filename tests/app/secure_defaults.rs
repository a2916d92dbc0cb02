//! Secure by default: what the app itself does right, each a defence a learner should copy.

use crate::support::internals::{DEMO_COOKIE_SIGNING_KEYS, DEMO_JWT_SECRET, DEMO_SECRET_KEY};
use crate::support::*;

use rocket::http::Status;
use rocket::local::blocking::Client;

/// Each path, a page, a static file, an error page and a JSON API error.
const PATHS: [&str; 5] = [
    "/",
    "/labs/sessions",
    "/static/css/style.css",
    "/no-such-page",
    "/labs/jwt-header/api/me",
];

fn client_with_secure(cookie_secure: bool) -> Client {
    untracked_client_with(figment().merge(("cookie_secure", cookie_secure)))
}

#[test]
fn every_response_carries_the_owasp_headers_once_and_no_server_banner() {
    let client = client_with_secure(false);
    for path in PATHS {
        let response = client.get(path).dispatch();
        assert_ne!(response.status(), Status::InternalServerError, "{path}");
        let h = response.headers();
        let one = |name: &str| {
            let values: Vec<&str> = h.get(name).collect();
            assert_eq!(
                values.len(),
                1,
                "{path}: exactly one {name}, got {values:?}"
            );
            values[0].to_string()
        };
        assert!(
            one("Content-Security-Policy").contains("frame-ancestors 'none'"),
            "{path}"
        );
        assert_eq!(one("X-Content-Type-Options"), "nosniff", "{path}");
        assert_eq!(one("X-Frame-Options"), "DENY", "{path}");
        assert_eq!(one("Referrer-Policy"), "same-origin", "{path}");
        assert_eq!(one("Cross-Origin-Opener-Policy"), "same-origin", "{path}");
        assert_eq!(one("Cross-Origin-Resource-Policy"), "same-origin", "{path}");
        assert!(
            !one("Permissions-Policy").contains("interest-cohort"),
            "{path}: the obsolete FLoC opt-out is gone"
        );
        assert_eq!(h.get_one("Server"), None, "{path}: no Server banner");
        assert_eq!(
            h.get_one("Strict-Transport-Security"),
            None,
            "{path}: no HSTS over plain http"
        );
    }
}

#[test]
fn hsts_is_sent_when_the_app_is_reached_over_https() {
    let client = client_with_secure(true);
    let response = client.get("/").dispatch();
    assert_eq!(
        response.headers().get_one("Strict-Transport-Security"),
        Some("max-age=31536000")
    );
}

#[test]
fn the_source_viewer_never_shows_a_secret_from_rocket_toml() {
    let client = untracked_client();
    let response = client.get("/docs/source/Rocket.toml").dispatch();
    assert_eq!(response.status(), Status::Ok);
    let html = response.into_string().expect("a page");
    assert!(
        html.contains("redacted"),
        "the page says the values were removed"
    );
    for demo in [
        DEMO_SECRET_KEY,
        DEMO_JWT_SECRET,
        DEMO_COOKIE_SIGNING_KEYS[0],
        DEMO_COOKIE_SIGNING_KEYS[1],
    ] {
        assert!(!html.contains(demo), "{demo} is shown");
    }
}

#[test]
fn a_forged_flash_cookie_is_neither_shown_nor_a_server_error() {
    let client = untracked_client();
    for path in [
        "/",
        "/labs/sessions",
        "/labs/cookies",
        "/labs/jwt-cookie",
        "/labs/sessions/me",
    ] {
        for forged in [
            "7:successforgedcode",
            "5:errorforged words",
            "7:successsessions.flash",
        ] {
            let response = client
                .get(path)
                .cookie(rocket::http::Cookie::new("_flash", forged))
                .dispatch();
            assert!(
                response.status() == Status::Ok || response.status() == Status::SeeOther,
                "{path} with _flash={forged}: {}",
                response.status()
            );
            if response.status() == Status::SeeOther {
                continue;
            }
            let html = body(response);
            // The inspector echoes the Cookie header; the flash box itself must not appear.
            assert!(
                !html.contains(r#"<div class="flash"#),
                "{path} shows the forged flash {forged}"
            );
        }
    }
}

#[test]
fn the_flash_cookie_after_a_login_is_http_only_and_does_not_carry_the_username() {
    for base in ["/labs/sessions", "/labs/cookies", "/labs/jwt-cookie"] {
        let client = client();
        let response = login(&client, base, "alice", "wonderland");
        assert_eq!(response.status(), Status::SeeOther, "{base}");
        let flash = set_cookie_headers(&response)
            .into_iter()
            .find(|line| line.starts_with("_flash="))
            .unwrap_or_else(|| panic!("{base}: a login leaves a flash message"));
        assert!(flash.contains("HttpOnly"), "{base}: {flash}");
        assert!(!flash.contains("alice"), "{base}: {flash}");
    }
}

#[test]
fn the_cookie_builder_refuses_to_set_or_remove_a_cookie_a_lab_owns() {
    let client = client();
    for name in ["sid", "jwt", "user", "_flash", "plain_visits", "__Host-sid"] {
        let set = post_form(
            &client,
            "/labs/cookies/builder",
            &[
                ("name", name),
                ("value", "planted"),
                ("path", "/"),
                ("secure", "true"),
            ],
        );
        assert_eq!(set.status(), Status::UnprocessableEntity, "set {name}");
        assert!(
            set_cookie_headers(&set)
                .iter()
                .all(|line| !line.contains("planted")),
            "set {name}: nothing planted"
        );
        assert!(
            body(set).contains("cookie tossing"),
            "set {name}: the page explains why"
        );
        let removed = post_form(
            &client,
            "/labs/cookies/remove",
            &[("name", name), ("path", "/")],
        );
        assert_eq!(
            removed.status(),
            Status::UnprocessableEntity,
            "remove {name}"
        );
        assert!(set_cookie_headers(&removed).is_empty(), "remove {name}");
    }
    let own = post_form(
        &client,
        "/labs/cookies/builder",
        &[
            ("name", "theme"),
            ("value", "dark"),
            ("path", "/labs/cookies"),
        ],
    );
    assert_eq!(
        own.status(),
        Status::Ok,
        "a learner's own cookie is still built"
    );
}

#[test]
fn a_wrong_method_is_a_405_with_allow_and_a_missing_page_stays_a_404() {
    let client = untracked_client();
    let cases = [
        (client.get("/labs/sessions/logout"), "POST"),
        (client.post("/labs/sessions"), "GET, HEAD"),
        (client.delete("/register"), "GET, HEAD, POST"),
        (client.put("/labs/jwt-header/api/token"), "POST"),
    ];
    for (request, allow) in cases {
        let response = request.dispatch();
        assert_eq!(response.status(), Status::MethodNotAllowed, "{allow}");
        assert_eq!(response.headers().get_one("Allow"), Some(allow));
    }
    for missing in [
        "/no-such-page",
        "/static/no-such-file.css",
        "/labs/sessions/nope",
    ] {
        let response = client.get(missing).dispatch();
        assert_eq!(response.status(), Status::NotFound, "{missing}");
        assert_eq!(response.headers().get_one("Allow"), None, "{missing}");
    }
}

/// A form post as a browser on `origin` sends it to the app at 127.0.0.1:8000.
fn browser_post<'c>(
    client: &'c Client,
    path: &str,
    fields: &str,
    fetch_site: &str,
    origin: &str,
) -> rocket::local::blocking::LocalResponse<'c> {
    client
        .post(path.to_string())
        .header(rocket::http::ContentType::Form)
        .header(rocket::http::Header::new("Host", "127.0.0.1:8000"))
        .header(rocket::http::Header::new(
            "Sec-Fetch-Site",
            fetch_site.to_string(),
        ))
        .header(rocket::http::Header::new("Origin", origin.to_string()))
        .body(fields)
        .dispatch()
}

/// Every state-changing browser POST: logins, logouts, registration, the builder and its friends.
const GUARDED: [(&str, &str); 12] = [
    ("/register", "username=mallory&password=mallory-password"),
    ("/labs/sessions/login", "username=bob&password=builder"),
    ("/labs/sessions/logout", ""),
    ("/labs/jwt-cookie/login", "username=bob&password=builder"),
    ("/labs/jwt-cookie/logout", ""),
    ("/labs/cookies/login", "username=bob&password=builder"),
    ("/labs/cookies/logout", ""),
    (
        "/labs/cookies/builder",
        "name=theme&value=dark&path=/labs/cookies",
    ),
    ("/labs/cookies/remove", "name=theme&path=/labs/cookies"),
    ("/labs/cookies/crumb", ""),
    ("/labs/cookies/tutorial-cookie", ""),
    ("/labs/cookies/signed/retired-key", ""),
];

#[test]
fn cross_site_and_cross_origin_posts_are_refused_with_a_page_that_explains_csrf() {
    let client = untracked_client();
    for (path, fields) in GUARDED {
        for (fetch_site, origin, words) in [
            ("cross-site", "http://localhost:8800", "another site"),
            (
                "same-site",
                "http://127.0.0.1:8800",
                "another origin of this site",
            ),
            (
                "",
                "http://evil.example",
                "Origin header names another origin",
            ),
        ] {
            let response = browser_post(&client, path, fields, fetch_site, origin);
            assert_eq!(response.status(), Status::Forbidden, "{path} from {origin}");
            assert!(
                set_cookie_headers(&response).is_empty(),
                "{path}: nothing set"
            );
            let html = body(response);
            assert!(html.contains(words), "{path} from {origin}: explains why");
        }
    }
}

#[test]
fn cross_site_login_is_refused_in_every_lab() {
    for lab in ["/labs/sessions", "/labs/cookies", "/labs/jwt-cookie"] {
        let client = client();
        let forged = browser_post(
            &client,
            &format!("{lab}/login"),
            "username=bob&password=builder",
            "cross-site",
            "http://localhost:8800",
        );
        assert_eq!(forged.status(), Status::Forbidden, "{lab}");
        assert!(
            set_cookie_headers(&forged).is_empty(),
            "{lab}: no credential set"
        );
        assert_redirect_to(
            &client.get(format!("{lab}/me")).dispatch(),
            &format!("{lab}/login"),
        );
    }
}

#[test]
fn same_origin_pages_and_headerless_clients_still_post() {
    let client = client();
    let own = browser_post(
        &client,
        "/labs/cookies/login",
        "username=alice&password=wonderland",
        "same-origin",
        "http://127.0.0.1:8000",
    );
    assert_eq!(own.status(), Status::SeeOther, "the app's own login form");
    let curl = post_form(&client, "/labs/cookies/logout", &[]);
    assert_eq!(
        curl.status(),
        Status::SeeOther,
        "no Origin, no Sec-Fetch-Site: curl"
    );
}

/// Every page that can hold a login or registration form.
const FORM_PAGES: [&str; 9] = [
    "/",
    "/register",
    "/labs/sessions/login",
    "/labs/cookies/login",
    "/labs/jwt-cookie/login",
    "/labs/jwt-header",
    "/labs/cookies/builder",
    "/tools/jwt",
    "/challenges",
];

#[test]
fn every_form_with_a_password_posts_so_the_password_never_lands_in_a_url() {
    let client = untracked_client();
    let form = regex::Regex::new(r"(?is)<form\b[^>]*>.*?</form>").expect("valid pattern");
    let mut with_password = 0;
    for path in FORM_PAGES {
        let response = client.get(path).dispatch();
        if response.status() == Status::NotFound {
            continue;
        }
        let html = body(response);
        for found in form.find_iter(&html).map(|m| m.as_str()) {
            if !found.contains(r#"type="password""#) {
                continue;
            }
            with_password += 1;
            let tag = &html::tags(found, "form")[0];
            assert!(
                html::has_attr(tag, "method", "post"),
                "{path}: a form with a password must post: {tag}"
            );
        }
    }
    assert!(with_password >= 5, "found {with_password} password forms");
}

#[test]
fn the_header_labs_login_waits_for_its_script_and_never_puts_the_password_in_a_url() {
    let client = untracked_client();
    let html = body(client.get("/labs/jwt-header").dispatch());
    let button = html::tags(&html, "button")
        .into_iter()
        .find(|tag| html::has_attr(tag, "id", "login-submit"))
        .expect("the login button");
    assert!(
        button.contains(" disabled"),
        "disabled until the script runs: {button}"
    );
    let form = html::tags(&html, "form")
        .into_iter()
        .find(|tag| html::has_attr(tag, "id", "login-form"))
        .expect("the login form");
    let action = html::attr(&form, "action").expect("the form has an action");
    // What a browser without the script would send: the fields in the body, not the URL.
    let landed = post_form(
        &client,
        &action,
        &[("username", "alice"), ("password", "wonderland")],
    );
    assert_eq!(landed.status(), Status::Ok, "{action}");
    assert!(set_cookie_headers(&landed).is_empty(), "no credential");
    let page = body(landed);
    let said = element_text(&page, "needs-script").expect("the page says why");
    assert!(
        said.contains("JavaScript") || said.contains("script"),
        "{said}"
    );
    assert!(!page.contains("wonderland"), "the password is not echoed");
}

/// The `sh` block under the teacher guide's "One server for the whole class".
fn class_server_command() -> Vec<String> {
    let guide = std::fs::read_to_string("docs/10-for-teachers.md").expect("the teacher guide");
    let section = guide
        .split("## One server for the whole class")
        .nth(1)
        .expect("the class-server section");
    let block = section
        .split("```sh\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("its command block");
    block.lines().map(str::to_string).collect()
}

#[test]
fn the_teacher_guides_class_server_command_sets_every_secret_a_release_build_needs() {
    use base64::Engine as _;
    use rand::RngCore;
    let mut figment = rocket::Config::figment()
        .select("release")
        .merge(("template_dir", "templates"));
    for line in class_server_command() {
        // `export ROCKET_X=$(openssl rand -base64 32)`: a fresh random value, as openssl gives.
        if let Some(name) = line
            .strip_prefix("export ROCKET_")
            .and_then(|rest| rest.split_once("=$(openssl rand -base64 32)"))
            .map(|(name, _)| name.to_lowercase())
        {
            let mut bytes = [0u8; 32];
            rand::rngs::OsRng.fill_bytes(&mut bytes);
            let value = base64::engine::general_purpose::STANDARD.encode(bytes);
            figment = figment.merge((name, value));
            continue;
        }
        // `ROCKET_ADDRESS=0.0.0.0 ROCKET_USER_CAPACITY=200 cargo run --release`
        for setting in line
            .split_whitespace()
            .filter_map(|w| w.strip_prefix("ROCKET_"))
        {
            let (name, value) = setting.split_once('=').expect("NAME=value");
            // Parsed as Rocket parses a `ROCKET_*` variable (`200` is a number).
            let value: rocket::figment::value::Value = value.parse().expect("a value");
            figment = figment.merge((name.to_lowercase(), value));
        }
    }
    assert_eq!(
        figment.extract_inner::<String>("address").ok().as_deref(),
        Some("0.0.0.0"),
        "the guide serves the class on every interface"
    );
    let loaded = crate::support::internals::AppConfig::from_figment(&figment);
    assert!(
        loaded.is_ok(),
        "the guide's command is refused: {:?}",
        loaded.err()
    );
}
