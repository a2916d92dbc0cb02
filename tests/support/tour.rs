//! One learner's tour of the app, for checks that must hold on every page: each lab before and
//! after a login and a logout (so the flash messages show), every page reachable by a link
//! from the home page, and the forms that answer with messages (the builder's rules, a
//! refused registration, a wrong switch value, the JWT workbench).

use std::collections::{BTreeSet, VecDeque};
use std::sync::OnceLock;

use regex::Regex;
use rocket::http::{ContentType, Cookie};

use super::visitor::{Browser, Page, TestApp, LABS};
use super::{figment, ALICE, COOKIES, JWT_COOKIE, SESSIONS};

/// The class view's token in the app [`tour_app`] starts.
const TEACHER_TOKEN: &str = "a-teacher-token-for-the-tour";

/// An app with every optional page on (the class view), for [`tour`].
pub fn tour_app() -> TestApp {
    TestApp::with(figment().merge(("teacher_token", TEACHER_TOKEN)))
}

/// At most this many pages are followed by links, so a link loop cannot run forever.
const CRAWL_LIMIT: usize = 400;

/// A page the tour saw: how it got there (`GET /register`, `POST /labs/cookies/builder`).
pub struct Visited {
    pub how: String,
    pub page: Page,
}

impl Visited {
    pub fn is_html(&self) -> bool {
        self.page.content_type == Some(ContentType::HTML)
    }
}

/// The whole tour of an app from [`tour_app`], in order; only the HTML answers are kept.
pub fn tour(app: &TestApp) -> Vec<Visited> {
    tour_by(Browser::new(app))
}

/// The English tour of a fresh [`tour_app`], taken once per test binary and shared by the
/// checks that only read its pages: taking it costs seconds, and each took the same one.
pub fn english_tour() -> &'static [Visited] {
    static TOUR: OnceLock<Vec<Visited>> = OnceLock::new();
    TOUR.get_or_init(|| tour(&tour_app()))
}

/// The same tour by a learner who chose Korean first (`?lang=ko`, remembered in a cookie).
pub fn tour_in_korean(app: &TestApp) -> Vec<Visited> {
    let mut learner = Browser::new(app);
    learner.get("/?lang=ko");
    tour_by(learner)
}

fn tour_by(mut learner: Browser<'_>) -> Vec<Visited> {
    let mut seen = Vec::new();
    let mut keep = |how: String, page: Page| seen.push(Visited { how, page });
    for base in LABS {
        keep(format!("GET {base}"), learner.get(base));
    }
    for base in [SESSIONS, COOKIES, JWT_COOKIE] {
        let login = format!("{base}/login");
        learner.log_in_at_lab(base, ALICE.username, ALICE.password);
        keep(
            format!("GET {base}/me after the login"),
            learner.get(&format!("{base}/me")),
        );
        keep(format!("GET {base} after the login"), learner.get(base));
        keep(format!("GET {login}"), learner.get(&login));
    }
    for (how, page) in forms(&mut learner) {
        keep(how, page);
    }
    for (how, page) in crawl(&mut learner, "/") {
        keep(how, page);
    }
    for base in [SESSIONS, COOKIES, JWT_COOKIE] {
        let me = format!("{base}/me");
        learner.submit(&me, &format!("{base}/logout"), &[]);
        keep(format!("GET {base} after the logout"), learner.get(base));
    }
    for (how, page) in edited_cookies(&mut learner) {
        keep(how, page);
    }
    seen.retain(Visited::is_html);
    seen
}

/// A form to fill in: the page that holds it, where it posts, and the fields typed in.
type Form<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);

/// The forms whose answers are pages of messages about the input.
fn forms(learner: &mut Browser<'_>) -> Vec<(String, Page)> {
    let builder = format!("{COOKIES}/builder");
    let posts: [Form<'_>; 7] = [
        (
            "/register",
            "/register",
            &[("username", "A b"), ("password", "x")],
        ),
        (
            &builder,
            &builder,
            &[
                ("name", "a b"),
                ("value", "x;y\u{e9}"),
                ("path", "rel"),
                ("domain", "not a host"),
                ("max_age", "soon"),
                ("expires", "never"),
            ],
        ),
        (&builder, &builder, &[("name", "sid"), ("value", "1")]),
        (
            &builder,
            &builder,
            &[("name", "ok"), ("value", "1"), ("domain", "example.com")],
        ),
        ("/tools/jwt", "/tools/jwt", &[("token", "not.a.token")]),
        (
            "/tools/jwt",
            "/tools/jwt/sign",
            &[("header", "{"), ("payload", "[]"), ("secret", "s")],
        ),
        ("/tools/jwt", "/tools/jwt/crack", &[("token", "x")]),
    ];
    let mut answers = Vec::new();
    for (page, action, changes) in posts {
        let answer = learner.submit(page, action, changes);
        answers.push((format!("POST {action} {changes:?}"), answer));
    }
    let teacher = learner.submit("/teacher", "/teacher", &[("token", TEACHER_TOKEN)]);
    answers.push(("POST /teacher".to_string(), teacher));
    answers.push(("GET /teacher".to_string(), learner.get("/teacher")));
    let story = learner.submit("/side-by-side", "/side-by-side", &[]);
    answers.push(("POST /side-by-side".to_string(), story));
    let panel = format!("{SESSIONS}/switches");
    let wrong = learner.submit(&panel, &panel, &[("max_age", "forever")]);
    answers.push((format!("POST {panel} with a wrong value"), wrong));
    answers
}

/// The labs reading cookies a learner edited: every verdict that quotes the value.
fn edited_cookies(learner: &mut Browser<'_>) -> Vec<(String, Page)> {
    let edits = [
        ("plain_visits", COOKIES, "many"),
        ("signed_visits", COOKIES, "7.forged"),
        ("private_visits", COOKIES, "opaque"),
        ("jwt", JWT_COOKIE, "not.a.jwt"),
    ];
    for (name, path, value) in edits {
        learner
            .jar
            .put(Cookie::build((name, value)).path(path).build());
    }
    [COOKIES, JWT_COOKIE]
        .into_iter()
        .map(|base| (format!("GET {base} with edited cookies"), learner.get(base)))
        .collect()
}

/// Every page reachable from `start` by same-origin links (not the static files or the
/// source viewer, which show files, not interface text), breadth first.
fn crawl(learner: &mut Browser<'_>, start: &str) -> Vec<(String, Page)> {
    let link = Regex::new(r##"href="(/[^"#]*)"##).expect("pattern");
    let mut queue = VecDeque::from([start.to_string()]);
    let mut queued = BTreeSet::from([start.to_string()]);
    let mut pages = Vec::new();
    while let Some(path) = queue.pop_front() {
        if pages.len() >= CRAWL_LIMIT {
            break;
        }
        let page = learner.get(&path);
        for found in link.captures_iter(&page.body) {
            let target = super::unescape_html(&found[1]);
            let skip = target.starts_with("/static/") || target.starts_with("/docs/source/");
            if !skip && queued.insert(target.clone()) {
                queue.push_back(target);
            }
        }
        pages.push((format!("GET {path}"), page));
    }
    pages
}
