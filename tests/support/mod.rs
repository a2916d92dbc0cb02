//! Helpers shared by the test binaries (`app`, `load`, `exercises`): build a client, log in,
//! read the markers the route contract fixes (`#visits`, `#user`), compare the inspector with
//! real headers, and the personas in `visitor`.
//!
//! Every `auth_labs::` path the tests use is re-exported from `internals.rs`, so a move inside
//! `src/` is fixed in one place.
// Each binary uses a different part of this module.
#![allow(dead_code, unused_imports)]

pub mod browser;
pub mod html;
pub mod internals;
pub mod jar;
pub mod json_api;
pub mod jwt;
pub mod nginx;
pub mod pages;
pub mod raw;
pub mod redis;
pub mod tour;
pub mod visitor;

pub use visitor::{
    Account, CookiesVisitor, Credential, JwtCookieVisitor, JwtHeaderVisitor, Page, SessionsVisitor,
    TestApp, Visitor, ALICE, BOB, COOKIES, JWT_COOKIE, JWT_HEADER, LABS, SESSIONS,
};

use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
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
    Client::tracked(internals::rocket_from(figment)).expect("the app launches")
}

/// As `untracked_client`, with configuration overrides.
pub fn untracked_client_with(figment: Figment) -> Client {
    Client::untracked(internals::rocket_from(figment)).expect("the app launches")
}

/// Every cookie a response set, as `Cookie` values a request can send back (an untracked
/// client plays several browsers by carrying these by hand).
pub fn cookies_of(response: &LocalResponse<'_>) -> Vec<Cookie<'static>> {
    response
        .cookies()
        .iter()
        .map(|c| Cookie::new(c.name().to_string(), c.value().to_string()))
        .collect()
}

/// A client that does *not* keep cookies: each request sends exactly what the test adds.
pub fn untracked_client() -> Client {
    Client::untracked(internals::rocket_from(figment())).expect("the app launches")
}

#[track_caller]
pub fn body(response: LocalResponse<'_>) -> String {
    response.into_string().expect("a text body")
}

/// The text inside the element with `id="…"`, up to the first closing tag: for elements
/// whose content is text (nested markup ends the match early).
#[track_caller]
pub fn element_text(html: &str, id: &str) -> Option<String> {
    let pattern = format!(r#"(?s)id="{}"[^>]*>(.*?)</"#, regex::escape(id));
    Regex::new(&pattern)
        .expect("valid pattern")
        .captures(html)
        .map(|c| unescape_html(c[1].trim()))
}

/// The visit counter, which the route contract puts in `#visits` as a bare number.
#[track_caller]
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

/// Fills in the login form of the lab at `base` as a browser does: loads the form, then posts
/// every field it holds (hidden ones included, with the cookies the form page set) plus
/// `username` and `password`, so a form that gains a field keeps working.
pub fn login<'c>(
    client: &'c Client,
    base: &str,
    username: &str,
    password: &str,
) -> LocalResponse<'c> {
    let action = format!("{base}/login");
    submit(
        client,
        &action,
        &action,
        &[("username", username), ("password", password)],
    )
}

/// Logs out with the logout form on the lab's `me` page, hidden fields included.
pub fn log_out<'c>(client: &'c Client, base: &str) -> LocalResponse<'c> {
    submit(
        client,
        &format!("{base}/me"),
        &format!("{base}/logout"),
        &[],
    )
}

/// Loads `page` and posts its form for `action` with its own fields, `changes` applied. An
/// untracked client forgets cookies, so the page's cookies are carried by hand.
fn submit<'c>(
    client: &'c Client,
    page: &str,
    action: &str,
    changes: &[(&str, &str)],
) -> LocalResponse<'c> {
    let form = client.get(page.to_string()).dispatch();
    let cookies = cookies_of(&form);
    let html = form.into_string().unwrap_or_default();
    let mut fields = html::form_fields(&html, action).unwrap_or_default();
    for (name, value) in changes {
        fields.retain(|(n, _)| n != name);
        fields.push((name.to_string(), value.to_string()));
    }
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
        .collect();
    client
        .post(action.to_string())
        .header(ContentType::Form)
        .cookies(cookies)
        .body(body.join("&"))
        .dispatch()
}

/// The response's real `Set-Cookie` header lines.
pub fn set_cookie_headers(response: &LocalResponse<'_>) -> Vec<String> {
    response
        .headers()
        .get("Set-Cookie")
        .map(str::to_string)
        .collect()
}

/// The `Set-Cookie` lines the page's inspector displays (empty when it says there are none),
/// as text: an `Expires` date sits in a `<time>` element there.
#[track_caller]
pub fn inspector_set_cookie_lines(html: &str) -> Vec<String> {
    let block = Regex::new(r#"(?s)id="set-cookie-lines"[^>]*>(.*?)</pre>"#)
        .expect("valid pattern")
        .captures(html)
        .map(|c| c[1].to_string())
        .expect("the page has the inspector");
    let text = Regex::new(r"<[^>]*>")
        .expect("valid pattern")
        .replace_all(&block, "");
    let shown = unescape_html(text.trim());
    if shown.contains("(none") {
        return Vec::new();
    }
    shown.lines().map(str::to_string).collect()
}

/// The cookie `name` as the response set it (raw, still encrypted if private).
pub fn response_cookie(response: &LocalResponse<'_>, name: &str) -> Option<Cookie<'static>> {
    response.cookies().get(name).map(|c| c.clone().into_owned())
}

/// The lowest port a test server is given: below it are the well-known services' ports.
const FIRST_TEST_PORT: u16 = 10_000;

/// A loopback port that is free now, for a server a test starts (the app, nginx, Redis,
/// chromedriver), which binds it a moment later. It comes from below the kernel's range of
/// ephemeral ports (`net.ipv4.ip_local_port_range`), where no `bind` to port 0 and no outgoing
/// connection can take it in that moment: a browser's or a client's connection, made while
/// another test runs, used to land on a port just handed out, and the server then failed to
/// bind or a test's first request reached something else. Each call in a process gives a
/// different port; processes start at different places (their id), and a port something
/// holds is skipped.
pub fn free_port() -> u16 {
    static NEXT: AtomicUsize = AtomicUsize::new(usize::MAX);
    let ephemeral = first_ephemeral_port();
    let size = usize::from(ephemeral.saturating_sub(FIRST_TEST_PORT));
    if size < 1_000 {
        // A kernel whose ephemeral range starts this low leaves no room below it.
        return TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free loopback port");
    }
    let start = std::process::id() as usize * 211 % size;
    let _ = NEXT.compare_exchange(usize::MAX, start, Ordering::Relaxed, Ordering::Relaxed);
    for _ in 0..size {
        let offset = NEXT.fetch_add(1, Ordering::Relaxed) % size;
        let port = FIRST_TEST_PORT + offset as u16;
        if TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
    panic!("no free loopback port between {FIRST_TEST_PORT} and {ephemeral}");
}

/// The first port of the kernel's ephemeral range (Linux's default when it cannot be read).
pub fn first_ephemeral_port() -> u16 {
    std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range")
        .ok()
        .and_then(|range| range.split_whitespace().next()?.parse().ok())
        .unwrap_or(32_768)
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
        let _ = rocket::execute(internals::rocket_from(figment).launch());
    });
    wait_for_port(port, "the app");
    format!("http://127.0.0.1:{port}")
}

/// `figment` with strong secrets of its own instead of the demo ones, as a class server runs
/// (the demo secrets are refused on any address but loopback).
pub fn with_real_secrets(figment: Figment) -> Figment {
    figment
        .merge(("secret_key", "q3Yb7h0cJ1n2S3m4e5L6a7B8s9R0u1S2t3Y4w5Z6x7A="))
        .merge((
            "jwt_secret",
            "a-real-deployment-secret-with-more-than-32-bytes",
        ))
        .merge((
            "cookie_signing_keys",
            ["another-real-deployment-secret-of-32-bytes"],
        ))
}

/// Runs `work` on a multi-thread runtime of `workers` threads, so that concurrent requests
/// through the async client race as a server's would.
pub fn on_runtime<T>(workers: usize, work: impl std::future::Future<Output = T>) -> T {
    rocket::tokio::runtime::Builder::new_multi_thread()
        .worker_threads(workers)
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(work)
}

/// A fresh app behind Rocket's async client, to be shared by concurrent tasks.
pub async fn async_app(figment: Figment) -> std::sync::Arc<rocket::local::asynchronous::Client> {
    let client = rocket::local::asynchronous::Client::untracked(internals::rocket_from(figment));
    std::sync::Arc::new(client.await.expect("the app launches"))
}
