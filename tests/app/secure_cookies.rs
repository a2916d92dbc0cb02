//! The labs' credential cookies defend themselves: a name sent twice (cookie tossing) is
//! refused, `cookie_secure` names them `__Host-…`, and every inspector says it prints
//! `HttpOnly` values into the page.
//!
//! The tossing tests speak real HTTP: Rocket's local client puts cookies straight into the
//! jar and never parses a `Cookie` header, so only a real server sees `sid=A; sid=B`.

use rocket::http::Status;

use crate::support::raw::{exchange, port_of, RawRequest, Reply};
use crate::support::*;

/// Each cookie-carried lab and the name of its credential cookie over plain HTTP.
const CREDENTIALS: [(&str, &str); 3] = [(SESSIONS, "sid"), (COOKIES, "user"), (JWT_COOKIE, "jwt")];

#[track_caller]
fn send(port: u16, request: RawRequest) -> Reply {
    exchange(port, request.into_bytes()).expect("the app answers")
}

/// `GET path` carrying exactly these `Cookie` headers.
#[track_caller]
fn get(port: u16, path: &str, cookie_headers: &[&str]) -> Reply {
    let request = cookie_headers
        .iter()
        .fold(RawRequest::new("GET", path, port), |r, cookie| {
            r.header("Cookie", cookie)
        });
    send(port, request)
}

/// Logs `account` in at `base` as curl would, and returns the credential cookie it was given,
/// as `name=value`, the way a browser sends it back.
#[track_caller]
fn credential_of(port: u16, base: &str, name: &str, account: Account) -> String {
    let body = format!(
        "username={}&password={}",
        account.username, account.password
    );
    let reply = send(
        port,
        RawRequest::new("POST", format!("{base}/login"), port)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(body),
    );
    assert_eq!(reply.status, 303, "{base}: {} logs in", account.username);
    let prefix = format!("{name}=");
    reply
        .all("Set-Cookie")
        .into_iter()
        .find(|line| line.starts_with(&prefix))
        .and_then(|line| line.split(';').next())
        .unwrap_or_else(|| panic!("{base}: the login sets {name}"))
        .to_string()
}

#[test]
fn two_session_cookies_are_refused_as_cookie_tossing() {
    let port = port_of(&serve_app());
    let alice = credential_of(port, SESSIONS, "sid", ALICE);
    let bob = credential_of(port, SESSIONS, "sid", BOB);
    let me = format!("{SESSIONS}/me");
    assert_eq!(get(port, &me, &[&alice]).status, 200, "one cookie works");

    // One header or two (HTTP/2 splits them), and a name only Rocket decodes to `sid`: the
    // browser keeps `s%69d` apart, so a tossed one never overwrites the real one.
    let bob_encoded = bob.replacen("sid=", "s%69d=", 1);
    let tossed = [
        vec![format!("{alice}; {bob}")],
        vec![alice.clone(), bob.clone()],
        vec![format!("{alice}; {bob_encoded}")],
    ];
    for headers in &tossed {
        let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
        let reply = get(port, &me, &headers);
        assert_eq!(reply.status, 303, "{headers:?}: neither session is trusted");
        assert_eq!(reply.header("Location"), Some("/labs/sessions/login"));

        let page = get(port, SESSIONS, &headers);
        assert_eq!(page.status, 200, "{headers:?}: a page, not a 500");
        let html = page.text();
        assert_eq!(user(&html), None, "{headers:?}: nobody is logged in");
        assert_eq!(visits(&html), 1, "a new session, counting from 1");
        assert!(html.contains(r#"data-why="tossed""#), "{html}");
        let reason = element_text(&html, "new-session-reason").expect("why a new session");
        assert!(reason.contains("trusted neither"), "{reason}");
        let note = element_text(&html, "cookie-tossing").expect("the tossing note");
        assert!(
            note.contains("Cookie tossing") && note.contains("trust neither"),
            "{note}"
        );
        assert!(
            page.all("Set-Cookie").iter().any(|l| l.starts_with("sid=")),
            "the new session's cookie is sent"
        );
    }
}

#[test]
fn two_credential_cookies_are_refused_as_cookie_tossing_in_every_lab() {
    let port = port_of(&serve_app());
    for (base, name) in CREDENTIALS {
        let alice = credential_of(port, base, name, ALICE);
        let bob = credential_of(port, base, name, BOB);
        let me = format!("{base}/me");
        for single in [&alice, &bob] {
            assert_eq!(get(port, &me, &[single]).status, 200, "{base}: one works");
        }
        let both = format!("{alice}; {bob}");
        let reply = get(port, &me, &[&both]);
        assert_eq!(reply.status, 303, "{base}: two {name} cookies prove nobody");
        assert_eq!(
            reply.header("Location"),
            Some(format!("{base}/login").as_str())
        );

        let page = get(port, base, &[&both]);
        assert_eq!(page.status, 200, "{base}: a page, not a 500");
        let html = page.text();
        assert_eq!(user(&html), None, "{base}: nobody is logged in");
        let note = element_text(&html, "cookie-tossing")
            .unwrap_or_else(|| panic!("{base}: the inspector explains cookie tossing"));
        assert!(note.contains(name), "{base}: {note}");
    }
}

#[test]
fn secure_mode_credentials_use_the_host_prefix() {
    let app = TestApp::with(figment().merge(("cookie_secure", true)));
    host_prefixed::<SessionsVisitor>(&app, "sid");
    host_prefixed::<CookiesVisitor>(&app, "user");
    host_prefixed::<JwtCookieVisitor>(&app, "jwt");
    // The builder refuses the prefixed names as it refuses the bare ones.
    for name in ["__Host-sid", "__Host-user", "__Host-jwt", "__host-sid"] {
        let fields = [("name", name), ("value", "planted"), ("path", "/")];
        let refused = post_form(app.client(), "/labs/cookies/builder", &fields);
        assert_eq!(refused.status(), Status::UnprocessableEntity, "{name}");
        assert!(set_cookie_headers(&refused).is_empty(), "{name}");
    }
}

/// With `cookie_secure`, the lab's credential is `__Host-<name>`: `Secure`, `Path=/`, no
/// `Domain`; it is read back, removed under the same name and path, and the page says why.
#[track_caller]
fn host_prefixed<'a, V: Visitor<'a>>(app: &'a TestApp, name: &str) {
    let base = V::BASE;
    let prefixed = format!("__Host-{name}");
    let mut visitor = V::arrive(app);
    let login = visitor.log_in_as(ALICE);
    assert_eq!(login.set_cookie_for(name), None, "{base}: no bare {name}");
    let line = login
        .set_cookie_for(&prefixed)
        .unwrap_or_else(|| panic!("{base}: the login sets {prefixed}: {:?}", login.set_cookie));
    let attributes: Vec<&str> = line.split("; ").skip(1).collect();
    assert!(attributes.contains(&"Secure"), "{line}");
    assert!(attributes.contains(&"Path=/"), "{line}");
    assert!(
        !attributes.iter().any(|a| a.starts_with("Domain")),
        "{line}"
    );
    assert!(visitor.me().shows_logged_in(ALICE), "{base}: read back");
    let page = visitor.visit();
    assert!(
        page.text("host-prefix").is_some_and(|t| t.contains("Path")),
        "{base}: the inspector says why the name and Path changed"
    );
    let logout = visitor.log_out();
    let removal = logout
        .set_cookie_for(&prefixed)
        .unwrap_or_else(|| panic!("{base}: logout removes {prefixed}"));
    assert!(
        removal.contains("Path=/;") || removal.ends_with("Path=/"),
        "{removal}"
    );
    assert!(!visitor.me().shows_logged_in(ALICE), "{base}: logged out");
}

#[test]
fn every_lab_page_says_the_inspector_copies_httponly_values_into_the_page() {
    let app = TestApp::spawn();
    let mut pages = [
        caveat_pages::<SessionsVisitor>(&app),
        caveat_pages::<CookiesVisitor>(&app),
        caveat_pages::<JwtCookieVisitor>(&app),
    ]
    .concat();
    for path in [JWT_HEADER, "/labs/cookies/builder"] {
        pages.push((path.to_string(), app.client().get(path).dispatch().into()));
    }
    for (path, page) in pages {
        assert_eq!(page.status, Status::Ok, "{path}");
        let note = page
            .text("inspector-caveat")
            .unwrap_or_else(|| panic!("{path}: the inspector caveat"));
        assert!(
            note.contains("HttpOnly") && note.contains("real app would never"),
            "{path}: {note}"
        );
    }
    let sessions = app.client().get(SESSIONS).dispatch().into_string();
    assert!(
        !sessions
            .unwrap_or_default()
            .contains("hides it from JavaScript"),
        "the sessions page no longer claims HttpOnly hides the cookie here"
    );
}

/// A lab's page and its protected page, logged in.
fn caveat_pages<'a, V: Visitor<'a>>(app: &'a TestApp) -> Vec<(String, Page)> {
    let mut visitor = V::arrive(app);
    let index = visitor.visit();
    visitor.log_in_as(ALICE);
    vec![
        (V::BASE.to_string(), index),
        (format!("{}/me", V::BASE), visitor.me()),
    ]
}
