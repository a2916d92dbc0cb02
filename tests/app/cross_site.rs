//! The cross-site log: each lab page shows what reached the labs for this browser from another
//! site or origin, and nothing from other browsers.

use rocket::http::{ContentType, Cookie, Header, Status};
use rocket::local::blocking::{Client, LocalRequest};

use crate::support::visitor::{Browser, TestApp};
use crate::support::{body, figment, response_cookie, untracked_client_with, with_real_secrets};

const TRACE: &str = "cross_site_trace";

/// Names a fresh log the way the lab page's button does; returns the id.
fn start_log(client: &Client) -> String {
    let response = client.post("/labs/cross-site/start/sessions").dispatch();
    assert_eq!(response.status(), Status::SeeOther);
    let id = response_cookie(&response, TRACE).expect("trace cookie");
    let location = response.headers().get_one("Location").expect("redirect");
    assert_eq!(location, "/labs/sessions#cross-site-log");
    assert_eq!(id.path(), Some("/labs"));
    assert_eq!(id.http_only(), Some(true));
    id.value().to_string()
}

/// A request as a page on the attacker site makes the browser send it: tagged with the log
/// id, the Fetch Metadata Chromium adds, and no cookie unless one is given.
fn from_attacker<'c>(request: LocalRequest<'c>, dest: &str) -> LocalRequest<'c> {
    request
        .header(Header::new("Sec-Fetch-Site", "cross-site"))
        .header(Header::new(
            "Sec-Fetch-Mode",
            if dest == "document" {
                "navigate"
            } else {
                "no-cors"
            },
        ))
        .header(Header::new("Sec-Fetch-Dest", dest.to_string()))
}

/// The lab page's log rows' decisions, newest first.
fn decisions(page: &str) -> Vec<String> {
    let log = page
        .split("id=\"cross-site-log\"")
        .nth(1)
        .expect("the page has a cross-site log");
    log.split("data-decision=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap_or_default().to_string())
        .collect()
}

fn page_with_log(client: &Client, path: &str, id: &str) -> String {
    body(
        client
            .get(path)
            .cookie(Cookie::new(TRACE, id.to_string()))
            .dispatch(),
    )
}

#[test]
fn the_cross_site_log_shows_what_arrived_from_elsewhere_and_what_the_lab_decided() {
    let client = untracked_client_with(figment());
    let id = start_log(&client);
    // A forged login: the form post carries no cookie and is refused by the origin check.
    let forged = client
        .post(format!("/labs/sessions/login?trace={id}"))
        .header(ContentType::Form)
        .header(Header::new("Origin", "http://localhost:8800"))
        .body("username=bob&password=builder");
    let response = from_attacker(forged, "document").dispatch();
    assert_eq!(response.status(), Status::Forbidden);
    // An <img> of the lab: no Lax cookie on a subrequest, so the lab sees a stranger.
    let img = client.get(format!("/labs/cookies?trace={id}"));
    assert_eq!(from_attacker(img, "image").dispatch().status(), Status::Ok);
    // A top-level link: the Lax login cookie rides along, and the lab answers as for you.
    let login = client
        .post("/labs/sessions/login")
        .header(ContentType::Form)
        .body("username=alice&password=wonderland")
        .dispatch();
    let sid = response_cookie(&login, "sid").expect("logged in");
    let link = client
        .get("/labs/sessions")
        .cookie(Cookie::new("sid", sid.value().to_string()))
        .cookie(Cookie::new(TRACE, id.clone()));
    let page = body(from_attacker(link, "document").dispatch());
    assert_eq!(
        decisions(&page),
        ["accepted", "no_credential", "refused_by_origin_check"],
        "the page that the link brought already shows that link"
    );
    assert!(page.contains("<code>Sec-Fetch-Site: cross-site</code>"));
    assert!(page.contains("<code>Origin: http://localhost:8800</code>"));
    assert!(page.contains("<code>POST /labs/sessions/login</code> → 403"));
    // The accepted row names the cookies that came along, never their values.
    let log = page.split("id=\"cross-site-log\"").nth(1).expect("log");
    let accepted = log.split("data-decision=\"accepted\"").nth(1).expect("row");
    let accepted = accepted.split("</tr>").next().expect("row end");
    assert!(
        accepted.contains("<code>sid</code>") && accepted.contains("<code>cross_site_trace</code>")
    );
    assert!(!log.contains(sid.value()), "no cookie value in the log");
    // The log belongs to the browser, so every lab shows it.
    let other_lab = page_with_log(&client, "/labs/jwt-cookie", &id);
    assert_eq!(decisions(&other_lab).len(), 3);
}

#[test]
fn the_cross_site_log_shows_nothing_from_other_browsers() {
    let client = untracked_client_with(figment());
    let (mine, theirs) = (start_log(&client), start_log(&client));
    assert_ne!(mine, theirs);
    let forged = client.post(format!("/labs/sessions/logout?trace={theirs}"));
    assert_eq!(
        from_attacker(forged, "document").dispatch().status(),
        Status::Forbidden
    );
    // Untagged, same-origin and curl-like requests are not logged for anyone.
    let untagged = client.post("/labs/sessions/logout");
    from_attacker(untagged, "document").dispatch();
    client
        .get(format!("/labs/sessions?trace={mine}"))
        .header(Header::new("Sec-Fetch-Site", "same-origin"))
        .dispatch();
    client
        .get(format!("/labs/sessions?trace={mine}"))
        .dispatch();
    let page = page_with_log(&client, "/labs/sessions", &mine);
    assert!(
        decisions(&page).is_empty(),
        "nothing of theirs, nothing same-origin"
    );
    assert!(page.contains("Your log is empty"));
    assert_eq!(
        decisions(&page_with_log(&client, "/labs/sessions", &theirs)).len(),
        1
    );
    // No log at all until the learner asks for one; then the page links to the attacker
    // site with the log's id.
    let fresh = body(client.get("/labs/sessions").dispatch());
    assert!(fresh.contains("id=\"start-cross-site-log\""));
    assert!(!fresh.contains("id=\"attack-from-elsewhere\""));
    let link = format!("href=\"http://localhost:8800/?trace={mine}&amp;lab=sessions\"");
    assert!(page.contains(&link), "{page}");
}

#[test]
fn a_flood_of_forged_requests_keeps_only_the_newest_twelve() {
    let client = untracked_client_with(figment());
    let id = start_log(&client);
    for _ in 0..30 {
        let img = client.get(format!("/labs/jwt-cookie?trace={id}"));
        from_attacker(img, "image").dispatch();
    }
    let page = page_with_log(&client, "/labs/jwt-cookie", &id);
    assert_eq!(decisions(&page).len(), 12);
}

#[test]
fn starting_a_log_is_a_same_origin_post_and_needs_the_attacker_site() {
    let client = untracked_client_with(figment());
    let forged = client.post("/labs/cross-site/start/sessions");
    let response = from_attacker(forged, "document").dispatch();
    assert_eq!(response.status(), Status::Forbidden);
    assert!(response_cookie(&response, TRACE).is_none());
    assert_eq!(
        client
            .post("/labs/cross-site/start/nonsense")
            .dispatch()
            .status(),
        Status::NotFound
    );
    let off = untracked_client_with(figment().merge(("attacker_port", 0)));
    assert_eq!(
        off.post("/labs/cross-site/start/sessions")
            .dispatch()
            .status(),
        Status::NotFound
    );
    let page = body(off.get("/labs/sessions").dispatch());
    assert!(page.contains("The attacker site is off"));
}

/// The `Set-Cookie` line for `name` in a response, as sent.
fn set_cookie_line(
    response: &rocket::local::blocking::LocalResponse<'_>,
    name: &str,
) -> Option<String> {
    response
        .headers()
        .get("Set-Cookie")
        .find(|line| line.starts_with(&format!("{name}=")))
        .map(str::to_string)
}

#[test]
fn a_learner_can_send_their_own_credential_with_each_same_site_and_back() {
    let client = crate::support::client();
    client.get("/labs/sessions").dispatch();
    let choose = |lab: &str, same_site: &str| {
        client
            .post(format!("/labs/{lab}/same-site"))
            .header(ContentType::Form)
            .body(format!("same_site={same_site}"))
            .dispatch()
    };
    let none = choose("sessions", "none");
    assert_eq!(none.status(), Status::SeeOther);
    let sid = set_cookie_line(&none, "sid").expect("the sid cookie is re-sent at once");
    assert!(
        sid.contains("; HttpOnly; SameSite=None; Secure; Path=/labs/sessions"),
        "{sid}"
    );
    // The lab's own later Set-Cookie (a login regenerates the id) keeps the choice.
    let login = client
        .post("/labs/sessions/login")
        .header(ContentType::Form)
        .body("username=alice&password=wonderland")
        .dispatch();
    let sid = set_cookie_line(&login, "sid").expect("a new sid");
    assert!(sid.contains("SameSite=None; Secure"), "{sid}");
    let unset = choose("sessions", "unset");
    let sid = set_cookie_line(&unset, "sid").expect("re-sent");
    assert!(!sid.contains("SameSite"), "no attribute at all: {sid}");
    let back = choose("sessions", "default");
    let sid = set_cookie_line(&back, "sid").expect("re-sent");
    assert!(sid.contains("SameSite=Lax"), "the lab's own: {sid}");
    let choice = set_cookie_line(&back, "credential_same_site").expect("choice removed");
    assert!(choice.contains("Max-Age=0"), "{choice}");
    // Picking the lab's own value in the form is going back too: nothing is remembered.
    choose("sessions", "strict");
    let own = choose("sessions", "lax");
    let choice = set_cookie_line(&own, "credential_same_site").expect("choice removed");
    assert!(choice.contains("Max-Age=0"), "{choice}");
}

#[test]
fn the_jwt_cookie_labs_every_reissue_follows_the_choice_and_the_inspector_shows_it() {
    let client = crate::support::client();
    client.get("/labs/jwt-cookie").dispatch();
    let response = client
        .post("/labs/jwt-cookie/same-site")
        .header(ContentType::Form)
        .body("same_site=lax")
        .dispatch();
    assert_eq!(response.status(), Status::SeeOther);
    let visit = client.get("/labs/jwt-cookie").dispatch();
    let jwt = set_cookie_line(&visit, "jwt").expect("re-issued on the visit");
    assert!(
        jwt.contains("SameSite=Lax") && !jwt.contains("Strict"),
        "{jwt}"
    );
    let page = body(visit);
    let echoed = crate::support::inspector_set_cookie_lines(&page);
    assert!(
        echoed
            .iter()
            .any(|line| line.starts_with("jwt=") && line.contains("SameSite=Lax")),
        "the inspector shows the line as sent: {echoed:?}"
    );
    assert!(page.contains("data-same-site=\"lax\""));
    // Another browser keeps the lab's own Strict.
    let other = crate::support::client();
    let theirs = other.get("/labs/jwt-cookie").dispatch();
    assert!(set_cookie_line(&theirs, "jwt")
        .expect("jwt")
        .contains("SameSite=Strict"));
}

#[test]
fn the_same_site_choice_is_a_same_origin_post_with_a_known_value() {
    let client = crate::support::client();
    let forged = client
        .post("/labs/cookies/same-site")
        .header(ContentType::Form)
        .body("same_site=none");
    let response = from_attacker(forged, "document").dispatch();
    assert_eq!(response.status(), Status::Forbidden);
    assert!(response_cookie(&response, "credential_same_site").is_none());
    let bogus = client
        .post("/labs/cookies/same-site")
        .header(ContentType::Form)
        .body("same_site=sometimes")
        .dispatch();
    assert_eq!(bogus.status(), Status::UnprocessableEntity);
    let header_lab = client
        .post("/labs/jwt-header/same-site")
        .header(ContentType::Form)
        .body("same_site=lax")
        .dispatch();
    assert_eq!(
        header_lab.status(),
        Status::NotFound,
        "a header token has no SameSite"
    );
}

/// Outside `debug` the log box of a browser without a log is rendered once per lab and
/// `SameSite` choice: each browser must still see its own choice, and a browser with a log
/// its own rows.
#[test]
fn the_log_box_rendered_once_still_shows_each_browser_its_own_choice_and_log() {
    let app = TestApp::with(with_real_secrets(figment().select("release")));
    let state = |page: &str| {
        page.split("id=\"same-site-state\" data-same-site=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .map(str::to_string)
    };
    let mut plain = Browser::new(&app);
    let mut strict = Browser::new(&app);
    for _ in 0..2 {
        assert_eq!(
            state(&plain.get("/labs/sessions").body).as_deref(),
            Some("lax")
        );
    }
    strict.get("/labs/sessions");
    strict.post_form(
        "/labs/sessions/same-site",
        &[("same_site".into(), "strict".into())],
    );
    assert_eq!(
        state(&strict.get("/labs/sessions").body).as_deref(),
        Some("strict")
    );
    assert_eq!(
        state(&plain.get("/labs/sessions").body).as_deref(),
        Some("lax")
    );
    let cookies = plain.get("/labs/cookies").body;
    assert!(
        cookies.contains("/labs/cross-site/start/cookies"),
        "each lab its own box"
    );
    plain.post_form("/labs/cross-site/start/sessions", &[]);
    let logged = plain.get("/labs/sessions").body;
    assert!(
        logged.contains("id=\"attack-from-elsewhere\""),
        "a log of its own"
    );
    assert!(!strict
        .get("/labs/sessions")
        .body
        .contains("id=\"attack-from-elsewhere\""));
}
