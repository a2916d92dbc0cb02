//! The experiment switches as a whole: every lab has a panel with its fixed switches; a change
//! applies to the browser that made it and to no other; every page of the lab shows the banner
//! while a switch is off; bad forms are refused whole; a teacher can forbid unsafe values; the
//! switches cannot be changed from another site. (What each switch does is tested with its lab.)

use rocket::http::Status;

use crate::support::figment;
use crate::support::visitor::{
    Browser, CookiesVisitor, JwtCookieVisitor, SessionsVisitor, TestApp, Visitor, BOB, COOKIES,
    JWT_COOKIE, JWT_HEADER, SESSIONS,
};

/// The fixed switch names of each lab (DESIGN.md, "Experiment switches").
const FIXED: [(&str, &[&str]); 4] = [
    (
        SESSIONS,
        &[
            "save_uninitialized",
            "resave",
            "rolling",
            "max_age",
            "http_only",
            "secure",
            "same_site",
            "regenerate_on_login",
            "destroy_on_logout",
            "accept_url_id",
            "origin_check",
        ],
    ),
    (
        COOKIES,
        &[
            "verify_signed",
            "bind_name",
            "accept_retired_key",
            "origin_check",
        ],
    ),
    (
        JWT_COOKIE,
        &[
            "verify_signature",
            "pin_algorithm",
            "check_audience",
            "leeway",
            "ttl",
            "weak_secret",
            "origin_check",
        ],
    ),
    (
        JWT_HEADER,
        &[
            "verify_signature",
            "pin_algorithm",
            "check_audience",
            "leeway",
            "ttl",
            "weak_secret",
            "origin_check",
        ],
    ),
];

fn banner(page: &str) -> Option<String> {
    page.split("id=\"unsafe-banner\"")
        .nth(1)
        .and_then(|rest| rest.split("</div>").next())
        .map(str::to_string)
}

#[test]
fn every_lab_has_a_switches_panel_with_its_fixed_switches_at_their_safe_defaults() {
    let app = TestApp::spawn();
    let mut browser = Browser::new(&app);
    for (base, names) in FIXED {
        let page = browser.get(&format!("{base}/switches"));
        assert_eq!(page.status, Status::Ok, "{base}/switches");
        for name in names {
            assert!(
                page.body
                    .contains(&format!("id=\"switch-{name}\" data-changed=\"false\"")),
                "{base} lists `{name}` at its default"
            );
        }
        assert!(
            banner(&page.body).is_none(),
            "{base}: no banner at defaults"
        );
    }
}

#[test]
fn a_switch_applies_to_this_browser_only_and_every_page_of_the_lab_names_it() {
    let app = TestApp::spawn();
    let mut learner = Browser::new(&app);
    let mut neighbour = Browser::new(&app);
    learner.switch(SESSIONS, &[("destroy_on_logout", "false")]);
    for path in [
        SESSIONS.to_string(),
        format!("{SESSIONS}/login"),
        format!("{SESSIONS}/switches"),
    ] {
        let page = learner.get(&path);
        let shown = banner(&page.body).unwrap_or_else(|| panic!("{path} shows the banner"));
        assert!(shown.contains("destroy_on_logout = false"), "{shown}");
        assert!(shown.contains("defence off"), "{shown}");
        assert!(
            banner(&neighbour.get(&path).body).is_none(),
            "another browser's {path} has no banner"
        );
    }
    // The learner's other labs keep their defaults.
    for base in [COOKIES, JWT_COOKIE, JWT_HEADER] {
        assert!(banner(&learner.get(base).body).is_none(), "{base}");
    }
    let panel = neighbour.get(&format!("{SESSIONS}/switches")).body;
    assert!(panel.contains("id=\"switch-destroy_on_logout\" data-changed=\"false\""));
}

#[test]
fn reset_puts_every_switch_back_and_the_banner_goes() {
    let app = TestApp::spawn();
    let mut learner = Browser::new(&app);
    learner.switch(
        JWT_COOKIE,
        &[("leeway", "30"), ("weak_secret", "true"), ("ttl", "60")],
    );
    let panel = learner.get(&format!("{JWT_COOKIE}/switches")).body;
    assert!(panel.contains("id=\"switch-leeway\" data-changed=\"true\""));
    assert!(banner(&panel).is_some());
    let reset = learner.reset_switches(JWT_COOKIE);
    reset.assert_redirect_to(&format!("{JWT_COOKIE}/switches"));
    let emptied = reset
        .set_cookie_for("lab_switches")
        .expect("the cookie is rewritten");
    assert!(
        !emptied.contains("Max-Age"),
        "still a browser-session cookie: {emptied}"
    );
    let panel = learner.get(&format!("{JWT_COOKIE}/switches")).body;
    assert!(banner(&panel).is_none());
    assert!(panel.contains("id=\"switch-leeway\" data-changed=\"false\""));
}

#[test]
fn a_form_with_an_unknown_field_or_a_bad_value_is_a_422_that_changes_nothing() {
    let app = TestApp::spawn();
    let rows: [(&str, &[(&str, &str)]); 8] = [
        (SESSIONS, &[("nonsense", "true")]),
        (SESSIONS, &[("http_only", "maybe")]),
        (SESSIONS, &[("http_only", "False")]),
        (SESSIONS, &[("max_age", "-5")]),
        (SESSIONS, &[("same_site", "Lax")]),
        (JWT_HEADER, &[("leeway", "99999")]),
        (COOKIES, &[("resave", "true")]),
        // One good field does not carry a bad one through.
        (JWT_COOKIE, &[("leeway", "5"), ("ttl", "0")]),
    ];
    let mut failures = Vec::new();
    for (base, fields) in rows {
        let mut learner = Browser::new(&app);
        let fields: Vec<(String, String)> = fields
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let page = learner.post_form(&format!("{base}/switches"), &fields);
        let unchanged = page.set_cookie_for("lab_switches").is_none()
            && banner(&learner.get(base).body).is_none();
        if page.status != Status::UnprocessableEntity
            || !unchanged
            || !page.body.contains("id=\"switches-problems\"")
        {
            failures.push(format!("{base} {fields:?}: {}", page.status));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn a_teacher_can_forbid_the_switches_that_turn_a_defence_off() {
    let app = TestApp::with(figment().merge(("allow_unsafe_switches", false)));
    let mut learner = Browser::new(&app);
    let panel = learner.get(&format!("{SESSIONS}/switches"));
    assert!(panel.body.contains("id=\"switches-locked\""));
    let unsafe_value = learner.post_form(
        &format!("{SESSIONS}/switches"),
        &[("http_only".into(), "false".into())],
    );
    assert_eq!(unsafe_value.status, Status::Forbidden);
    assert!(unsafe_value.set_cookie_for("lab_switches").is_none());
    // A harmless option stays available.
    learner.switch(SESSIONS, &[("rolling", "true")]);
    let panel = learner.get(&format!("{SESSIONS}/switches")).body;
    assert!(panel.contains("id=\"switch-rolling\" data-changed=\"true\""));
    assert!(panel.contains("id=\"switch-http_only\" data-changed=\"false\""));
    // And the cross-site log's SameSite choice, the same switch, is refused as well.
    let none = learner.post_form(
        &format!("{SESSIONS}/same-site"),
        &[("same_site".into(), "none".into())],
    );
    assert_eq!(none.status, Status::Forbidden);
}

#[test]
fn the_switches_cookie_is_encrypted_scoped_to_the_lab_and_an_edited_one_is_ignored() {
    let app = TestApp::spawn();
    let mut learner = Browser::new(&app);
    let saved = learner.switch(SESSIONS, &[("origin_check", "false")]);
    let line = saved
        .set_cookie_for("lab_switches")
        .expect("the switches cookie");
    assert!(!line.contains("origin_check"), "encrypted: {line}");
    for attribute in ["HttpOnly", "Path=/labs/sessions", "SameSite=None", "Secure"] {
        assert!(line.contains(attribute), "{attribute} in {line}");
    }
    assert!(
        !line.contains("Expires") && !line.contains("Max-Age"),
        "{line}"
    );
    // An edited value does not decrypt: the lab reads its defaults.
    let mut cookie = learner.jar.get("lab_switches").expect("held").clone();
    let mut value = cookie.value().to_string();
    value.replace_range(..4, "AAAA");
    cookie.set_value(value);
    learner.jar.put(cookie);
    assert!(banner(&learner.get(SESSIONS).body).is_none());
}

#[test]
fn another_site_cannot_change_a_learners_switches_even_with_origin_check_off() {
    let app = TestApp::spawn();
    let mut learner = Browser::new(&app);
    learner.switch(SESSIONS, &[("origin_check", "false")]);
    let forged = learner.post_form_cross_site(
        &format!("{SESSIONS}/switches"),
        &[("regenerate_on_login", "false")],
    );
    assert_eq!(forged.status, Status::Forbidden);
    let reset = learner.post_form_cross_site(&format!("{SESSIONS}/switches/reset"), &[]);
    assert_eq!(reset.status, Status::Forbidden);
    let choice =
        learner.post_form_cross_site(&format!("{SESSIONS}/same-site"), &[("same_site", "none")]);
    assert_eq!(choice.status, Status::Forbidden);
    let panel = learner.get(&format!("{SESSIONS}/switches")).body;
    assert!(panel.contains("id=\"switch-regenerate_on_login\" data-changed=\"false\""));
    assert!(panel.contains("id=\"switch-origin_check\" data-changed=\"true\""));
}

/// A forged login from the attacker site, in each HTML lab: refused with `origin_check` on;
/// with it off, the victim's browser ends up logged in as the attacker (login CSRF); another
/// browser's `origin_check` is still on.
#[test]
fn origin_check_off_lets_the_attackers_forged_login_through_in_each_html_lab() {
    fn attack<'a, V: Visitor<'a>>(victim: &mut Browser<'a>) -> (Status, Option<String>) {
        let login = format!("{}/login", V::BASE);
        let forged = victim.post_form_cross_site(
            &login,
            &[("username", BOB.username), ("password", BOB.password)],
        );
        let me = victim.get(&format!("{}/me", V::BASE));
        (forged.status, me.user())
    }
    fn lab<'a, V: Visitor<'a>>(app: &'a TestApp) {
        let mut victim = Browser::new(app);
        let (status, user) = attack::<V>(&mut victim);
        assert_eq!(status, Status::Forbidden, "{}: refused by default", V::BASE);
        assert_eq!(user, None);
        victim.switch(V::BASE, &[("origin_check", "false")]);
        let (status, user) = attack::<V>(&mut victim);
        assert_eq!(status, Status::SeeOther, "{}: let through", V::BASE);
        assert_eq!(
            user.as_deref(),
            Some(BOB.username),
            "{}: logged in as the attacker",
            V::BASE
        );
        let mut neighbour = Browser::new(app);
        assert_eq!(
            attack::<V>(&mut neighbour).0,
            Status::Forbidden,
            "{}",
            V::BASE
        );
    }
    let app = TestApp::spawn();
    lab::<SessionsVisitor>(&app);
    lab::<CookiesVisitor>(&app);
    lab::<JwtCookieVisitor>(&app);
}

#[test]
fn the_sessions_same_site_switch_and_the_cross_site_logs_choice_are_one_setting() {
    let app = TestApp::spawn();
    let mut learner = Browser::new(&app);
    learner.get(SESSIONS);
    let saved = learner.switch(SESSIONS, &[("same_site", "strict")]);
    let resent = saved
        .set_cookie_for("sid")
        .expect("the session cookie goes out again");
    assert!(resent.contains("SameSite=Strict"), "{resent}");
    let visit = learner.get(SESSIONS);
    let line = visit.set_cookie_for("sid");
    assert!(
        line.is_none_or(|l| l.contains("SameSite=Strict")),
        "{line:?}"
    );
    // Picking the lab's own in the cross-site log's form is the switch back at its default.
    learner.post_form(
        &format!("{SESSIONS}/same-site"),
        &[("same_site".into(), "lax".into())],
    );
    let panel = learner.get(&format!("{SESSIONS}/switches")).body;
    assert!(panel.contains("id=\"switch-same_site\" data-changed=\"false\""));
    learner.post_form(
        &format!("{SESSIONS}/same-site"),
        &[("same_site".into(), "none".into())],
    );
    let panel = learner.get(&format!("{SESSIONS}/switches")).body;
    assert!(panel.contains("id=\"switch-same_site\" data-changed=\"true\""));
    assert!(banner(&panel).is_some_and(|b| b.contains("same_site = none")));
}

/// The header lab's token API takes JSON only, which no other site's page can send without a
/// CORS preflight; its origin check refuses a login whose headers say it came from elsewhere,
/// and the switch turns that off for this browser only.
#[test]
fn the_header_labs_json_login_from_elsewhere_is_refused_unless_origin_check_is_off() {
    use rocket::http::{ContentType, Header};
    let app = TestApp::spawn();
    let token = format!("{JWT_HEADER}/api/token");
    let forged = |browser: &Browser<'_>| {
        app.client()
            .post(token.clone())
            .header(ContentType::JSON)
            .header(Header::new("Sec-Fetch-Site", "cross-site"))
            .header(Header::new("Origin", "http://localhost:8800"))
            .cookies(browser.jar.for_path(&token))
            .body(r#"{"username":"bob","password":"builder"}"#)
            .dispatch()
            .status()
    };
    let mut learner = Browser::new(&app);
    let neighbour = Browser::new(&app);
    assert_eq!(forged(&learner), Status::Forbidden);
    learner.switch(JWT_HEADER, &[("origin_check", "false")]);
    assert_eq!(forged(&learner), Status::Ok);
    assert_eq!(forged(&neighbour), Status::Forbidden);
    let panel = learner.get(&format!("{JWT_HEADER}/switches")).body;
    assert!(
        panel.contains("immune to CSRF by construction"),
        "the panel says why it is moot"
    );
}
