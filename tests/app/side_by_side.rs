//! Chapter 7, side by side: the comparison rows that name a behaviour (what a credential copied
//! before logout does, what survives a restart with the same keys, what the user can read) are
//! observed in all four labs with real requests, then checked against the cells of the table in
//! `docs/07-side-by-side.md` and on the home page.

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;

use crate::support::*;

/// The four cells of the row whose first cell contains `label`, in a Markdown table.
#[track_caller]
fn chapter_row(label: &str) -> Vec<String> {
    let markdown = std::fs::read_to_string("docs/07-side-by-side.md").expect("chapter 7");
    let line = markdown
        .lines()
        .find(|l| l.starts_with('|') && l.split('|').nth(1).is_some_and(|c| c.contains(label)))
        .unwrap_or_else(|| panic!("chapter 7 has a row {label:?}"));
    line.split('|').skip(2).take(4).map(plain_text).collect()
}

/// The four cells of the home page comparison row whose header contains `label`.
#[track_caller]
fn home_row(app: &TestApp, label: &str) -> Vec<String> {
    let html = app
        .client()
        .get("/")
        .dispatch()
        .into_string()
        .expect("home");
    let table = &html[html
        .find(r#"id="comparison""#)
        .expect("the comparison table")..];
    let row = table
        .split("<tr>")
        .find(|r| r.contains(&format!("<th>{label}")))
        .unwrap_or_else(|| panic!("the home table has a row {label:?}"));
    row.split("<td>").skip(1).map(plain_text).collect()
}

/// A cell as a reader sees it: no markup, no Markdown code marks, lower case.
fn plain_text(cell: &str) -> String {
    let text = regex::Regex::new("<[^>]*>")
        .expect("valid")
        .replace_all(cell, "");
    unescape_html(&text).replace('`', "").trim().to_lowercase()
}

/// The lab's column in the tables, in the order of `LABS`.
fn column(base: &str) -> usize {
    LABS.iter()
        .position(|l| *l == base)
        .expect("one of the four labs")
}

/// Alice logs in, a copy of her credential is taken, she logs out; whether the copy, sent by
/// another browser to the same server, still logs in as her.
fn a_copy_survives_logout<'a, V: Visitor<'a>>(app: &'a TestApp) -> bool {
    let mut alice = V::arrive(app);
    alice.visit();
    alice.log_in_as(ALICE);
    assert!(alice.me().shows_logged_in(ALICE), "{}: logged in", V::BASE);
    let copy = alice.credential_copy();
    alice.log_out();
    assert!(
        !alice.me().shows_logged_in(ALICE),
        "{}: logging out logs this browser out",
        V::BASE
    );
    V::arrive(app).carrying(copy).me().shows_logged_in(ALICE)
}

/// Alice logs in; whether her browser is still logged in on a new app built from the same
/// configuration and keys (a restart: memory is new).
fn a_login_survives_a_restart<'a, V: Visitor<'a>>(
    app: &'a TestApp,
    restarted: &'a TestApp,
) -> bool {
    let mut alice = V::arrive(app);
    alice.log_in_as(ALICE);
    assert!(alice.me().shows_logged_in(ALICE), "{}: logged in", V::BASE);
    V::arrive(restarted)
        .carrying(alice.credential_copy())
        .me()
        .shows_logged_in(ALICE)
}

/// Whether someone holding `raw` (a cookie value or a token) can read `secret` out of it:
/// as it is, or in a `.`-separated part, or in such a part decoded from base64 or base64url.
fn readable(raw: &str, secret: &str) -> bool {
    let quoted = format!("\"{secret}\"");
    raw.split('.').chain([raw]).any(|part| {
        let decoded = [
            URL_SAFE_NO_PAD.decode(part.trim_end_matches('=')),
            STANDARD.decode(part),
        ]
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|bytes| String::from_utf8(bytes).ok());
        part == secret
            || decoded
                .into_iter()
                .any(|text| text == secret || text.contains(&quoted))
    })
}

/// A cookie's value in a persona's jar.
#[track_caller]
fn cookie_value(jar: &support::jar::Jar, name: &str) -> String {
    jar.get(name)
        .unwrap_or_else(|| panic!("the browser holds {name}"))
        .value()
        .to_string()
}

use crate::support;

/// What the user can read in each part of the sessions lab's credential, from real cookies.
fn what_the_sessions_user_reads(app: &TestApp) -> Vec<(&'static str, bool)> {
    let mut alice = SessionsVisitor::arrive(app);
    alice.log_in_as(ALICE);
    let page = alice.visit();
    let id = page.text("decrypted-id").expect("the page shows the id");
    let sid = cookie_value(&alice.0.jar, "sid");
    vec![("id", readable(&sid, &id) || readable(&sid, ALICE.username))]
}

/// The cookies lab: each counter's value against the count the page shows, and the login cookie.
fn what_the_cookies_user_reads(app: &TestApp) -> Vec<(&'static str, bool)> {
    let mut alice = CookiesVisitor::arrive(app);
    alice.log_in_as(ALICE);
    let count = alice.visit().visits().to_string();
    let jar = &alice.0.jar;
    let counter = |kind: &str| readable(&cookie_value(jar, &format!("{kind}_visits")), &count);
    let user = readable(&cookie_value(jar, "user"), ALICE.username);
    assert!(!user, "the login lives in a private cookie too");
    vec![
        ("plain", counter("plain")),
        ("signed", counter("signed")),
        ("private", counter("private")),
    ]
}

/// The JWT-cookie lab's `jwt` cookie and the header lab's token: does the payload show who?
fn what_the_jwt_users_read(app: &TestApp) -> [bool; 2] {
    let mut in_cookie = JwtCookieVisitor::arrive(app);
    in_cookie.log_in_as(ALICE);
    let mut in_header = JwtHeaderVisitor::arrive(app);
    in_header.log_in_as(ALICE);
    let token = in_header.token.clone().expect("the script holds a token");
    [
        readable(&cookie_value(&in_cookie.0.jar, "jwt"), ALICE.username),
        readable(&token, ALICE.username),
    ]
}

#[test]
fn only_the_sessions_lab_kills_a_copy_of_the_credential_at_logout() {
    let app = TestApp::spawn();
    let observed = [
        (SESSIONS, a_copy_survives_logout::<SessionsVisitor>(&app)),
        (COOKIES, a_copy_survives_logout::<CookiesVisitor>(&app)),
        (JWT_COOKIE, a_copy_survives_logout::<JwtCookieVisitor>(&app)),
        (JWT_HEADER, a_copy_survives_logout::<JwtHeaderVisitor>(&app)),
    ];
    assert_eq!(
        observed.map(|(_, survives)| survives),
        [false, true, true, true],
        "{observed:?}"
    );
    let (chapter, home) = (
        chapter_row("Revocation"),
        home_row(&app, "What logout does"),
    );
    for (lab, survives) in observed {
        let (chapter, home) = (&chapter[column(lab)], &home[column(lab)]);
        let says = if survives { "work" } else { "copies die" };
        assert!(
            chapter.contains(says),
            "chapter 7, {lab}: {chapter:?} should say {says:?}"
        );
        assert!(
            home.contains(says),
            "home page, {lab}: {home:?} should say {says:?}"
        );
    }
}

#[test]
fn every_login_but_the_sessions_one_survives_a_restart_with_the_same_keys() {
    let app = TestApp::spawn();
    let restarted = app.restarted();
    let observed = [
        (
            SESSIONS,
            a_login_survives_a_restart::<SessionsVisitor>(&app, &restarted),
        ),
        (
            COOKIES,
            a_login_survives_a_restart::<CookiesVisitor>(&app, &restarted),
        ),
        (
            JWT_COOKIE,
            a_login_survives_a_restart::<JwtCookieVisitor>(&app, &restarted),
        ),
        (
            JWT_HEADER,
            a_login_survives_a_restart::<JwtHeaderVisitor>(&app, &restarted),
        ),
    ];
    assert_eq!(
        observed.map(|(_, survives)| survives),
        [false, true, true, true],
        "{observed:?}"
    );
    let (chapter, home) = (
        chapter_row("Server restart"),
        home_row(&app, "Survives a server restart"),
    );
    for (lab, survives) in observed {
        let (chapter, home) = (&chapter[column(lab)], &home[column(lab)]);
        let (says, starts) = if survives {
            ("survives", "yes")
        } else {
            ("lost", "no")
        };
        assert!(
            chapter.contains(says),
            "chapter 7, {lab}: {chapter:?} should say {says:?}"
        );
        assert!(
            home.starts_with(starts),
            "home page, {lab}: {home:?} should start {starts:?}"
        );
    }
}

#[test]
fn the_user_can_read_cookies_plain_and_signed_and_jwt_payloads_but_not_sessions_or_private_cookies()
{
    let app = TestApp::spawn();
    let sessions = what_the_sessions_user_reads(&app);
    let cookies = what_the_cookies_user_reads(&app);
    let [jwt_cookie, jwt_header] = what_the_jwt_users_read(&app);
    assert_eq!(sessions, [("id", false)]);
    assert_eq!(
        cookies,
        [("plain", true), ("signed", true), ("private", false)]
    );
    assert!(jwt_cookie && jwt_header, "a JWT payload names its user");

    // What the tables say, built from what was observed.
    let (chapter, home) = (
        chapter_row("Can the user read it?"),
        home_row(&app, "Can the user read it?"),
    );
    let said = |row: &[String], lab: &str| row[column(lab)].replace('.', ";");
    for row in [&chapter, &home] {
        assert!(said(row, SESSIONS).contains("opaque"), "{row:?}");
        let readable: Vec<&str> = cookies
            .iter()
            .filter(|(_, r)| *r)
            .map(|(k, _)| *k)
            .collect();
        let hidden: Vec<&str> = cookies
            .iter()
            .filter(|(_, r)| !*r)
            .map(|(k, _)| *k)
            .collect();
        let cookies_cell = said(row, COOKIES);
        assert!(
            cookies_cell.contains(&format!("{}: yes", readable.join(" and "))),
            "{cookies_cell:?}"
        );
        assert!(
            cookies_cell.contains(&format!("{}: no", hidden.join(" and "))),
            "{cookies_cell:?}"
        );
        for lab in [JWT_COOKIE, JWT_HEADER] {
            let cell = said(row, lab);
            assert!(
                cell.starts_with("yes") && cell.contains("base64url"),
                "{lab}: {cell:?}"
            );
        }
    }
}
