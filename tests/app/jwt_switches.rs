//! The JWT labs' experiment switches, each against the attack its defence stops, in both labs:
//! at its safe default the attack fails; switched off (for this browser) it succeeds and the
//! lab names the switch that let the token in; another browser on the same server is not
//! affected. Also the workbench's one-click send to a lab.

use regex::Regex;
use rocket::http::Status;
use serde_json::{json, Value};

use crate::challenges::state_of;
use crate::support::html::form_fields;
use crate::support::internals::Audience;
use crate::support::jwt::{expired, issued, payload, tampered, unsigned};
use crate::support::visitor::{
    Browser, JwtCookieVisitor, JwtHeaderVisitor, Page, TestApp, Visitor, ALICE, JWT_COOKIE,
    JWT_HEADER,
};

/// One browser on one JWT lab.
enum Learner<'a> {
    Cookie(JwtCookieVisitor<'a>),
    Header(JwtHeaderVisitor<'a>),
}

/// What a lab made of a token it was given.
#[derive(Debug, PartialEq, Eq)]
enum Verdict {
    /// Accepted as this user; the switches the lab named for the decisions that let it in.
    Accepted(String, Vec<String>),
    /// Refused, for this reason (`bad_signature`, `expired`, …).
    Refused(String),
}

impl Verdict {
    fn accepted_as(user: &str, switch: &str) -> Verdict {
        Verdict::Accepted(user.into(), vec![switch.into()])
    }

    fn refused(reason: &str) -> Verdict {
        Verdict::Refused(reason.into())
    }
}

/// The switch names in a page's `id="switch-decisions"` list.
fn named_switches(html: &str) -> Vec<String> {
    let Some(region) = html.split(r#"id="switch-decisions""#).nth(1) else {
        return Vec::new();
    };
    let region = region.split("</div>").next().unwrap_or_default();
    let switch = Regex::new(r#"data-switch="([a-z_]+)""#).expect("pattern");
    switch
        .captures_iter(region)
        .map(|c| c[1].to_string())
        .collect()
}

impl<'a> Learner<'a> {
    fn both(app: &'a TestApp) -> [Learner<'a>; 2] {
        [
            Learner::Cookie(JwtCookieVisitor::arrive(app)),
            Learner::Header(JwtHeaderVisitor::arrive(app)),
        ]
    }

    /// A new browser on the same lab.
    fn neighbour(&self, app: &'a TestApp) -> Learner<'a> {
        match self {
            Learner::Cookie(_) => Learner::Cookie(JwtCookieVisitor::arrive(app)),
            Learner::Header(_) => Learner::Header(JwtHeaderVisitor::arrive(app)),
        }
    }

    fn base(&self) -> &'static str {
        match self {
            Learner::Cookie(_) => JWT_COOKIE,
            Learner::Header(_) => JWT_HEADER,
        }
    }

    fn audience(&self) -> Audience {
        match self {
            Learner::Cookie(_) => Audience::JwtCookie,
            Learner::Header(_) => Audience::JwtHeader,
        }
    }

    /// The other lab's audience.
    fn other_audience(&self) -> Audience {
        match self {
            Learner::Cookie(_) => Audience::JwtHeader,
            Learner::Header(_) => Audience::JwtCookie,
        }
    }

    #[track_caller]
    fn switch(&mut self, changes: &[(&str, &str)]) {
        match self {
            Learner::Cookie(v) => {
                v.0.switch(JWT_COOKIE, changes);
            }
            Learner::Header(v) => {
                v.switch(changes);
            }
        }
    }

    fn reset(&mut self) {
        match self {
            Learner::Cookie(v) => v.0.reset_switches(JWT_COOKIE),
            Learner::Header(v) => v.reset_switches(),
        };
    }

    /// The state of challenge `id` on this browser's board (visiting the board gives the browser
    /// its learner cookie, which the header lab's calls carry from then on).
    #[track_caller]
    fn board(&mut self, app: &TestApp, id: &str) -> String {
        match self {
            Learner::Cookie(v) => state_of(&mut v.0, id),
            Learner::Header(v) => {
                let mut browser = Browser::new(app);
                browser.jar = v.jar.take().unwrap_or_default();
                let state = state_of(&mut browser, id);
                v.jar = Some(browser.jar);
                state
            }
        }
    }

    /// Logs in as alice and returns the token the lab issued to this browser.
    #[track_caller]
    fn alices_token(&mut self) -> String {
        match self {
            Learner::Cookie(v) => {
                v.log_in_as(ALICE);
                let cookie = v.0.jar.get("jwt").expect("a jwt cookie");
                cookie.value().to_string()
            }
            Learner::Header(v) => {
                let page = v.log_in_as(ALICE);
                assert_eq!(page.status, Status::Ok, "{}", page.body);
                v.token.clone().expect("a token")
            }
        }
    }

    /// Counts a visit; the answer (the lab page, or the API's JSON).
    #[track_caller]
    fn visit(&mut self) -> Page {
        match self {
            Learner::Cookie(v) => v.visit(),
            Learner::Header(v) => v.visit(),
        }
    }

    /// Gives the lab `token` as this browser's credential (the cookie lab: with the
    /// workbench's send button) and asks who it proves.
    #[track_caller]
    fn present(&mut self, token: &str) -> Verdict {
        match self {
            Learner::Cookie(v) => {
                let sent = v.0.post_form(
                    "/labs/jwt-cookie/use-token",
                    &[("token".into(), token.into())],
                );
                sent.assert_redirect_to(JWT_COOKIE);
                let me = v.me();
                if me.status == Status::Ok {
                    let user = me.user().expect("the page names the user");
                    return Verdict::Accepted(user, named_switches(&me.body));
                }
                // Refused: the lab page says why (and starts a guest token).
                let page = v.visit();
                let why = Regex::new(r#"data-why="([a-z_]+)" id="token-state""#)
                    .expect("pattern")
                    .captures(&page.body)
                    .map(|c| c[1].to_string())
                    .unwrap_or_else(|| panic!("the inspector says why: {}", page.body));
                Verdict::Refused(why)
            }
            Learner::Header(v) => {
                v.token = Some(token.to_string());
                let me = v.me();
                let json = me.json();
                if me.status == Status::Ok {
                    // Absent when no switch made a decision.
                    let switches = json["switch_decisions"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|d| d["switch"].as_str().expect("a name").to_string())
                        .collect();
                    let user = json["user"].as_str().expect("a user").to_string();
                    return Verdict::Accepted(user, switches);
                }
                assert_eq!(me.status, Status::Unauthorized, "{}", me.body);
                Verdict::Refused(json["reason"].as_str().expect("a reason").to_string())
            }
        }
    }
}

/// The attack, then the switch off (it succeeds, the lab names the switch), another browser
/// (still refused), and the switch back on (refused again).
#[track_caller]
fn defence_holds_unless_switched_off(
    app: &'_ TestApp,
    learner: &mut Learner<'_>,
    forged: &str,
    switch: (&str, &str),
    refusal: &str,
    accepted: Verdict,
) {
    defence_and_challenge(app, learner, forged, switch, refusal, accepted, None);
}

/// As [`defence_holds_unless_switched_off`], and the board follows: the refusal before any
/// solve leaves `challenge` open, the accepted attack solves it, another browser's attempt
/// changes nothing for this learner, and the same attack refused after the reset defends it.
#[track_caller]
fn defence_and_challenge(
    app: &'_ TestApp,
    learner: &mut Learner<'_>,
    forged: &str,
    switch: (&str, &str),
    refusal: &str,
    accepted: Verdict,
    challenge: Option<&str>,
) {
    let base = learner.base();
    let board = |learner: &mut Learner<'_>, expected: &str| {
        if let Some(id) = challenge {
            assert_eq!(learner.board(app, id), expected, "{base}: {id}");
        }
    };
    board(learner, "open");
    assert_eq!(
        learner.present(forged),
        Verdict::refused(refusal),
        "{base}: refused at the safe default"
    );
    board(learner, "open");
    learner.switch(&[switch]);
    assert_eq!(
        learner.present(forged),
        accepted,
        "{base}: accepted with {switch:?}"
    );
    board(learner, "solved");
    let mut neighbour = learner.neighbour(app);
    board(&mut neighbour, "open");
    assert_eq!(
        neighbour.present(forged),
        Verdict::refused(refusal),
        "{base}: another browser is not affected"
    );
    board(&mut neighbour, "open");
    board(learner, "solved");
    learner.reset();
    assert_eq!(
        learner.present(forged),
        Verdict::refused(refusal),
        "{base}: refused again after the reset"
    );
    board(learner, "defended");
}

#[test]
fn an_alg_none_token_is_accepted_only_with_pin_algorithm_off_in_both_labs_which_solves_then_defends_alg_none(
) {
    let app = TestApp::spawn();
    for mut learner in Learner::both(&app) {
        let token = learner.alices_token();
        let forged = unsigned(
            &tampered(&token, |p| {
                p.insert("sub".into(), Value::from("bob"));
            }),
            "none",
        );
        defence_and_challenge(
            &app,
            &mut learner,
            &forged,
            ("pin_algorithm", "false"),
            "algorithm_not_allowed",
            Verdict::accepted_as("bob", "pin_algorithm"),
            Some("alg-none"),
        );
    }
}

#[test]
fn an_edited_payload_is_believed_only_with_verify_signature_off_in_both_labs_which_solves_then_defends_the_challenge(
) {
    let app = TestApp::spawn();
    for mut learner in Learner::both(&app) {
        let token = learner.alices_token();
        let forged = tampered(&token, |p| {
            p.insert("sub".into(), Value::from("bob"));
        });
        defence_and_challenge(
            &app,
            &mut learner,
            &forged,
            ("verify_signature", "false"),
            "bad_signature",
            Verdict::accepted_as("bob", "verify_signature"),
            Some("signature-not-verified"),
        );
    }
}

#[test]
fn the_other_labs_token_is_accepted_only_with_check_audience_off_in_both_labs_which_solves_then_defends_audience_confusion(
) {
    let app = TestApp::spawn();
    for mut learner in Learner::both(&app) {
        let other_labs = issued(app.client(), learner.other_audience(), Some("alice"), 1);
        defence_and_challenge(
            &app,
            &mut learner,
            &other_labs,
            ("check_audience", "false"),
            "wrong_audience",
            Verdict::accepted_as("alice", "check_audience"),
            Some("audience-confusion"),
        );
    }
}

#[test]
fn a_token_past_its_exp_is_accepted_only_within_a_leeway_in_both_labs() {
    let app = TestApp::spawn();
    for mut learner in Learner::both(&app) {
        // Genuinely signed, expired five seconds ago.
        let late = expired(app.client(), learner.audience(), "alice", 1);
        defence_holds_unless_switched_off(
            &app,
            &mut learner,
            &late,
            ("leeway", "60"),
            "expired",
            Verdict::accepted_as("alice", "leeway"),
        );
        // A leeway shorter than the delay does not help.
        learner.switch(&[("leeway", "2")]);
        assert_eq!(learner.present(&late), Verdict::refused("expired"));
    }
}

#[test]
fn ttl_sets_the_lifetime_of_the_tokens_a_lab_issues_to_this_browser_and_the_cookies_max_age() {
    fn lifetime(page: &Page, learner: &Learner<'_>) -> i64 {
        let token = match learner {
            Learner::Cookie(v) => {
                v.0.jar
                    .get("jwt")
                    .expect("a jwt cookie")
                    .value()
                    .to_string()
            }
            Learner::Header(_) => page.json()["access_token"]
                .as_str()
                .expect("a token")
                .into(),
        };
        let claims = payload(&token);
        claims["exp"].as_i64().expect("exp") - claims["iat"].as_i64().expect("iat")
    }
    let app = TestApp::spawn();
    for mut learner in Learner::both(&app) {
        let page = learner.visit();
        assert_eq!(
            lifetime(&page, &learner),
            900,
            "{}: the default",
            learner.base()
        );
        learner.switch(&[("ttl", "60")]);
        let page = learner.visit();
        assert_eq!(lifetime(&page, &learner), 60, "{}", learner.base());
        match &learner {
            Learner::Cookie(_) => {
                let line = page.set_cookie_for("jwt").expect("a new token cookie");
                assert!(line.contains("Max-Age=60"), "{line}");
                assert_eq!(page.text("ttl").as_deref(), Some("1 min"));
            }
            Learner::Header(_) => assert_eq!(page.json()["expires_in"], 60),
        }
        let mut neighbour = learner.neighbour(&app);
        let page = neighbour.visit();
        assert_eq!(
            lifetime(&page, &neighbour),
            900,
            "{}: another browser",
            learner.base()
        );
    }
}

/// The weak-secret attack from start to end: the lab issues a token signed with a word; the
/// workbench's cracker finds the word; the learner signs a token for bob with it in the
/// workbench's encoder; the lab accepts it while `weak_secret` is on, and only for this browser.
#[test]
fn the_cracker_finds_the_weak_word_and_a_token_forged_with_it_works_only_while_weak_secret_is_on_which_solves_then_defends_weak_secret(
) {
    let app = TestApp::spawn();
    for mut learner in Learner::both(&app) {
        let base = learner.base();
        let mut workbench = Browser::new(&app);
        // At the safe default the lab's token is signed with 32 random bytes: not in the list.
        let strong = learner.alices_token();
        let crack = workbench.post_form("/tools/jwt/crack", &[("token".into(), strong)]);
        assert!(crack.text("not-found").is_some(), "{base}: {}", crack.body);
        assert!(crack.text("why-random-holds").is_some());

        assert_eq!(learner.board(&app, "weak-secret"), "open");
        learner.switch(&[("weak_secret", "true")]);
        let weak = learner.alices_token();
        // The lab's own login token, signed with the word, is no forgery.
        assert_eq!(
            learner.present(&weak),
            Verdict::accepted_as("alice", "weak_secret")
        );
        assert_eq!(learner.board(&app, "weak-secret"), "open", "{base}");
        let crack = workbench.post_form("/tools/jwt/crack", &[("token".into(), weak.clone())]);
        let word = crack
            .text("cracked-secret")
            .unwrap_or_else(|| panic!("{base}: the cracker finds the word: {}", crack.body));

        // Bob never logged in anywhere: his token is made from alice's claims and the word.
        let mut claims = Value::Object(payload(&weak));
        claims["sub"] = json!("bob");
        let signed = workbench.post_form(
            "/tools/jwt/sign",
            &[
                ("header".into(), r#"{"alg":"HS256","typ":"JWT"}"#.into()),
                ("payload".into(), claims.to_string()),
                ("secret".into(), word),
            ],
        );
        let forged = signed.text("signed-token").expect("the encoder signs it");

        assert_eq!(
            learner.present(&forged),
            Verdict::accepted_as("bob", "weak_secret"),
            "{base}: accepted while weak_secret is on"
        );
        assert_eq!(learner.board(&app, "weak-secret"), "solved", "{base}");
        let mut neighbour = learner.neighbour(&app);
        assert_eq!(neighbour.board(&app, "weak-secret"), "open");
        assert_eq!(
            neighbour.present(&forged),
            Verdict::refused("bad_signature"),
            "{base}: another browser checks with the real secret"
        );
        assert_eq!(neighbour.board(&app, "weak-secret"), "open", "{base}");
        assert_eq!(learner.board(&app, "weak-secret"), "solved", "{base}");
        learner.reset();
        assert_eq!(
            learner.present(&forged),
            Verdict::refused("bad_signature"),
            "{base}: refused once weak_secret is off"
        );
        assert_eq!(learner.board(&app, "weak-secret"), "defended", "{base}");
    }
}

/// The replay after logout in both labs: the header lab's logout (`api/logout`) is noticed as
/// the cookie lab's is; a copy accepted afterwards solves it, another browser's replay changes
/// nothing for this learner, and the same copy refused once expired defends it.
#[test]
fn a_jwt_copy_replayed_after_logout_solves_the_challenge_in_both_labs_and_refused_once_expired_defends_it(
) {
    let app = TestApp::with(crate::support::figment().merge(("jwt_ttl", 2)));
    for mut learner in Learner::both(&app) {
        let base = learner.base();
        assert_eq!(learner.board(&app, "jwt-replay-after-logout"), "open");
        let copy = learner.alices_token();
        match &mut learner {
            Learner::Cookie(v) => v.log_out(),
            Learner::Header(v) => v.log_out(),
        };
        let mut neighbour = learner.neighbour(&app);
        neighbour.board(&app, "jwt-replay-after-logout");
        assert_eq!(
            neighbour.present(&copy),
            Verdict::Accepted("alice".into(), vec![])
        );
        assert_eq!(
            learner.board(&app, "jwt-replay-after-logout"),
            "open",
            "{base}"
        );
        assert_eq!(
            learner.present(&copy),
            Verdict::Accepted("alice".into(), vec![])
        );
        assert_eq!(
            learner.board(&app, "jwt-replay-after-logout"),
            "solved",
            "{base}"
        );
        std::thread::sleep(std::time::Duration::from_millis(2100));
        assert_eq!(
            learner.present(&copy),
            Verdict::refused("expired"),
            "{base}"
        );
        assert_eq!(
            learner.board(&app, "jwt-replay-after-logout"),
            "defended",
            "{base}"
        );
    }
}

#[test]
fn the_lab_page_says_when_its_tokens_are_signed_with_a_weak_word_and_why_random_holds() {
    let app = TestApp::spawn();
    for mut learner in Learner::both(&app) {
        let page = |learner: &mut Learner<'_>| match learner {
            Learner::Cookie(v) => v.visit().body,
            Learner::Header(v) => {
                let mut browser = Browser::new(&app);
                browser.jar = v.jar.clone().unwrap_or_default();
                browser.get(JWT_HEADER).body
            }
        };
        assert!(!page(&mut learner).contains(r#"id="weak-secret-note""#));
        learner.switch(&[("weak_secret", "true")]);
        let html = page(&mut learner);
        assert!(
            html.contains(r#"id="weak-secret-note""#),
            "{}",
            learner.base()
        );
        assert!(html.contains("2^256"), "{}", learner.base());
    }
}

#[test]
fn the_encoders_result_goes_to_the_cookie_lab_in_one_click_and_to_the_header_labs_token_box() {
    let app = TestApp::spawn();
    let mut learner = Browser::new(&app);
    learner.switch(JWT_COOKIE, &[("verify_signature", "false")]);
    let claims = payload(&issued(app.client(), Audience::JwtCookie, Some("bob"), 7));
    let signed = learner.post_form(
        "/tools/jwt/sign",
        &[
            ("header".into(), r#"{"alg":"HS256","typ":"JWT"}"#.into()),
            ("payload".into(), Value::Object(claims).to_string()),
            ("secret".into(), "not-the-labs-secret".into()),
        ],
    );
    let token = signed.text("signed-token").expect("signed");
    let fields = form_fields(&signed.body, "/labs/jwt-cookie/use-token").expect("a send button");
    assert_eq!(fields, vec![("token".to_string(), token.clone())]);
    learner
        .post_form("/labs/jwt-cookie/use-token", &fields)
        .assert_redirect_to(JWT_COOKIE);
    let me = learner.get("/labs/jwt-cookie/me");
    assert_eq!(me.user().as_deref(), Some("bob"));
    assert_eq!(named_switches(&me.body), vec!["verify_signature"]);
    // The header lab gets it in the fragment, which no request carries.
    assert!(signed
        .body
        .contains(&format!(r#"href="/labs/jwt-header#token={token}""#)));
    let header_page = learner.get(JWT_HEADER).body;
    assert!(header_page.contains(r#"id="paste-token""#));
}

#[test]
fn the_send_to_lab_route_takes_only_a_token_from_this_apps_pages_and_sets_only_the_labs_cookie() {
    let app = TestApp::spawn();
    let mut learner = Browser::new(&app);
    // Even with origin_check off, another site cannot plant a token (that would be login CSRF).
    learner.switch(JWT_COOKIE, &[("origin_check", "false")]);
    let token = issued(app.client(), Audience::JwtCookie, Some("bob"), 1);
    let forged = learner.post_form_cross_site("/labs/jwt-cookie/use-token", &[("token", &token)]);
    assert_eq!(forged.status, Status::Forbidden);
    assert!(forged.set_cookie_for("jwt").is_none());
    for bad in [
        "",
        "not a token",
        "a.b",
        "x\"; Path=/; y.a.b",
        &"a".repeat(5000),
    ] {
        let page = learner.post_form(
            "/labs/jwt-cookie/use-token",
            &[("token".into(), bad.into())],
        );
        assert_eq!(page.status, Status::UnprocessableEntity, "{bad:?}");
        assert!(
            page.set_cookie.iter().all(|l| !l.starts_with("jwt=")),
            "{bad:?}"
        );
    }
    let sent = learner.post_form(
        "/labs/jwt-cookie/use-token",
        &[("token".into(), token), ("name".into(), "sid".into())],
    );
    sent.assert_redirect_to(JWT_COOKIE);
    let names: Vec<&str> = sent
        .set_cookie
        .iter()
        .filter_map(|l| l.split('=').next())
        .collect();
    assert_eq!(names, vec!["jwt"], "{:?}", sent.set_cookie);
    let line = sent.set_cookie_for("jwt").expect("set");
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/labs/jwt-cookie"] {
        assert!(line.contains(attribute), "{line}");
    }
}

/// End to end in Chromium: the switches panel turns `pin_algorithm` off for this browser; the
/// header lab's script (which sends same-origin cookies) then has an `alg: none` token for bob
/// accepted, taken from the workbench's `#token=` link, and the page names the switch. Another
/// browser's page gets the 401.
#[test]
fn in_a_real_browser_the_header_labs_script_carries_the_switches_and_names_the_one_that_decided() {
    use crate::support::browser::{self as chrome};
    use crate::support::internals::b64url;
    if !chrome::available(
        "in_a_real_browser_the_header_labs_script_carries_the_switches_and_names_the_one_that_decided",
    ) {
        return;
    }
    let app = crate::support::serve_app();
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let claims = json!({
        "sub": "bob", "visits": 1, "iat": now, "exp": now + 600, "auth_time": now,
        "jti": "by-hand", "iss": "auth-labs", "aud": "auth-labs/jwt-header",
    });
    let forged = format!(
        "{}.{}.",
        b64url(br#"{"alg":"none","typ":"JWT"}"#),
        b64url(claims.to_string().as_bytes())
    );
    let ask_who = |browser: &chrome::Browser| {
        browser.goto(&format!("{app}/labs/jwt-header#token={forged}"));
        // Waited for, not read once: on a loaded machine the page's script may not have run
        // when the navigation returns.
        browser.wait_until(
            &format!(
                "return document.getElementById('paste-token').value === {};",
                Value::from(forged.clone())
            ),
            "the link filled the token box",
        );
        assert!(
            !browser.current_url().contains("#token="),
            "and leaves the address bar"
        );
        browser.click("#paste-token-submit");
        browser.click("#me-button");
        browser.wait_until(
            "return document.querySelectorAll('#request-log li').length === 1;",
            "answered",
        );
    };

    let learner = chrome::Browser::start();
    learner.goto(&format!("{app}/labs/jwt-header/switches"));
    learner.eval("document.getElementById('field-pin_algorithm').value = 'false'; return null;");
    learner.click("#switches-save");
    learner.wait_until(
        "return document.getElementById('unsafe-banner') !== null;",
        "saved the switch",
    );
    ask_who(&learner);
    learner.wait_until(
        "return !document.getElementById('switch-decisions').hidden;",
        "shown the decision",
    );
    let decision = learner.eval(
        "const li = document.querySelector('#switch-decision-list li'); \
         return [li.getAttribute('data-switch'), li.textContent];",
    );
    assert_eq!(decision[0], "pin_algorithm", "{decision}");
    assert!(
        decision[1]
            .as_str()
            .is_some_and(|t| t.starts_with("alg none accepted")),
        "{decision}"
    );
    assert!(learner.text("#request-log").contains("\"user\": \"bob\""));

    let neighbour = chrome::Browser::start();
    ask_who(&neighbour);
    let log = neighbour.text("#request-log");
    assert!(
        log.contains("HTTP 401") && log.contains("algorithm_not_allowed"),
        "{log}"
    );
    assert_eq!(
        neighbour.eval("return document.getElementById('switch-decisions').hidden;"),
        Value::Bool(true)
    );
}
