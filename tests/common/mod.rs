//! Helpers shared by the integration tests: build a client, log in, read the markers the
//! route contract fixes (`#visits`, `#user`), and compare the inspector with real headers.
#![allow(dead_code)]

pub mod browser;
pub mod jwt;
pub mod raw;

use std::net::{TcpListener, TcpStream};
use std::time::{Duration, Instant};

use regex::Regex;
use rocket::figment::Figment;
use rocket::http::{ContentType, Cookie, Status};
use rocket::local::blocking::{Client, LocalResponse};

/// The figment `cargo run` uses (Rocket.toml, debug profile), quiet.
pub fn figment() -> Figment {
    rocket::Config::figment().merge(("log_level", "off"))
}

/// A fresh app with fresh in-memory state, and a client that keeps cookies like a browser.
pub fn client() -> Client {
    client_with(figment())
}

/// As `client`, with overrides, e.g. `figment().merge(("session_idle_timeout", 1))`.
pub fn client_with(figment: Figment) -> Client {
    Client::tracked(auth_labs::rocket_from(figment)).expect("the app launches")
}

/// A client that does *not* keep cookies: each request sends exactly what the test adds.
pub fn untracked_client() -> Client {
    Client::untracked(auth_labs::rocket_from(figment())).expect("the app launches")
}

pub fn body(response: LocalResponse<'_>) -> String {
    response.into_string().expect("a text body")
}

/// The text inside the element with `id="…"`, up to the first closing tag: for elements
/// whose content is text (nested markup ends the match early).
pub fn element_text(html: &str, id: &str) -> Option<String> {
    let pattern = format!(r#"(?s)id="{}"[^>]*>(.*?)</"#, regex::escape(id));
    Regex::new(&pattern)
        .expect("valid pattern")
        .captures(html)
        .map(|c| unescape_html(c[1].trim()))
}

/// The visit counter, which the route contract puts in `#visits` as a bare number.
pub fn visits(html: &str) -> u64 {
    element_text(html, "visits")
        .expect("the page has #visits")
        .parse()
        .expect("#visits holds a bare number")
}

/// The logged-in username from `#user`, if the page shows one.
pub fn user(html: &str) -> Option<String> {
    element_text(html, "user")
}

pub fn unescape_html(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&")
}

#[track_caller]
pub fn assert_redirect_to(response: &LocalResponse<'_>, location: &str) {
    assert_eq!(
        response.status(),
        Status::SeeOther,
        "expected a 303 redirect"
    );
    assert_eq!(response.headers().get_one("Location"), Some(location));
}

/// Posts a urlencoded form.
pub fn post_form<'c>(client: &'c Client, path: &str, fields: &[(&str, &str)]) -> LocalResponse<'c> {
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
        .collect();
    client
        .post(path.to_string())
        .header(ContentType::Form)
        .body(body.join("&"))
        .dispatch()
}

pub fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Posts the login form of the lab at `base`.
pub fn login<'c>(
    client: &'c Client,
    base: &str,
    username: &str,
    password: &str,
) -> LocalResponse<'c> {
    post_form(
        client,
        &format!("{base}/login"),
        &[("username", username), ("password", password)],
    )
}

/// The response's real `Set-Cookie` header lines.
pub fn set_cookie_headers(response: &LocalResponse<'_>) -> Vec<String> {
    response
        .headers()
        .get("Set-Cookie")
        .map(str::to_string)
        .collect()
}

/// The `Set-Cookie` lines the page's inspector displays (empty when it says there are none).
pub fn inspector_set_cookie_lines(html: &str) -> Vec<String> {
    let shown = element_text(html, "set-cookie-lines").expect("the page has the inspector");
    if shown.contains("(none") {
        return Vec::new();
    }
    shown.lines().map(str::to_string).collect()
}

/// The cookie `name` as the response set it (raw, still encrypted if private).
pub fn response_cookie(response: &LocalResponse<'_>, name: &str) -> Option<Cookie<'static>> {
    response.cookies().get(name).map(|c| c.clone().into_owned())
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

pub fn wait_for_port(port: u16, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "{what} did not start on port {port}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Serves the app over real HTTP on a free loopback port for the rest of the test process; returns its
/// base URL.
pub fn serve_app() -> String {
    let port = free_port();
    let figment = figment()
        .merge(("port", port))
        .merge(("address", "127.0.0.1"));
    std::thread::spawn(move || {
        let _ = rocket::execute(auth_labs::rocket_from(figment).launch());
    });
    wait_for_port(port, "the app");
    format!("http://127.0.0.1:{port}")
}
