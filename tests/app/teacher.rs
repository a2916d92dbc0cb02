//! The class view: it exists only with `teacher_token`, asks for it, limits wrong guesses, shows
//! every learner's board beside their exercise results, and exports the same matrix as CSV.

use regex::Regex;
use rocket::http::{ContentType, Header, Status};

use crate::challenges::state_of;
use crate::support::visitor::Browser;
use crate::support::*;

const TOKEN: &str = "a-teacher-token-for-the-class-view-tests";

fn class_app() -> TestApp {
    TestApp::with(figment().merge(("teacher_token", TOKEN)))
}

/// A browser that typed the right token.
fn teacher(app: &TestApp) -> Browser<'_> {
    let mut teacher = Browser::new(app);
    let answer = teacher.submit("/teacher", "/teacher", &[("token", TOKEN)]);
    answer.assert_redirect_to("/teacher");
    teacher
}

/// The matrix's rows as the page shows them: each row's cells, `data-cell` name and text.
fn page_rows(html: &str) -> Vec<Vec<(String, String)>> {
    let row = Regex::new(r#"(?s)<tr data-learner="[^"]*" data-name="[^"]*">(.*?)</tr>"#)
        .expect("pattern");
    let cell = Regex::new(r#"(?s)<td data-cell="([^"]*)"[^>]*>(.*?)</td>"#).expect("pattern");
    row.captures_iter(html)
        .map(|r| {
            cell.captures_iter(&r[1])
                .map(|c| (c[1].to_string(), unescape_html(&c[2])))
                .collect()
        })
        .collect()
}

/// The cell `column` of the row named `name`.
#[track_caller]
fn cell(html: &str, name: &str, column: &str) -> String {
    page_rows(html)
        .into_iter()
        .find(|row| row.first().is_some_and(|(_, text)| text == name))
        .unwrap_or_else(|| panic!("a row for {name}"))
        .into_iter()
        .find(|(c, _)| c == column)
        .map(|(_, text)| text)
        .unwrap_or_else(|| panic!("a {column} cell"))
}

fn register(browser: &mut Browser<'_>, name: &str) {
    let page = browser.submit(
        "/register",
        "/register",
        &[("username", name), ("password", "a-long-password")],
    );
    assert_eq!(page.status, Status::Created);
}

#[test]
fn the_class_view_does_not_exist_without_a_teacher_token() {
    let app = TestApp::spawn();
    for path in ["/teacher", "/teacher/export.csv"] {
        assert_eq!(
            app.client().get(path).dispatch().status(),
            Status::NotFound,
            "{path}"
        );
    }
    let api = app
        .client()
        .post("/teacher/api/results")
        .header(ContentType::JSON)
        .body("{}")
        .dispatch();
    assert_eq!(api.status(), Status::NotFound);
}

#[test]
fn the_class_view_asks_for_the_token_and_counts_and_limits_wrong_ones() {
    let app = class_app();
    let mut visitor = Browser::new(&app);
    let form = visitor.get("/teacher");
    assert_eq!(form.status, Status::Ok);
    assert!(form.body.contains(r#"type="password" name="token""#));
    assert!(
        !form.body.contains("id=\"matrix\""),
        "no class without the token"
    );
    assert_eq!(visitor.get("/teacher/export.csv").status, Status::Forbidden);
    assert_eq!(
        visitor.post_form("/teacher/reset", &[]).status,
        Status::Forbidden
    );
    let cross = app
        .client()
        .post("/teacher")
        .header(ContentType::Form)
        .header(Header::new("Sec-Fetch-Site", "cross-site"))
        .body(format!("token={TOKEN}"))
        .dispatch();
    assert_eq!(cross.status(), Status::Forbidden, "the same-origin guard");
    for _ in 0..10 {
        let wrong = visitor.submit("/teacher", "/teacher", &[("token", "a-wrong-guess")]);
        assert_eq!(wrong.status, Status::Forbidden);
        assert!(wrong.body.contains("Wrong token"));
        assert!(wrong.set_cookie_for("teacher").is_none());
    }
    let limited = visitor.submit("/teacher", "/teacher", &[("token", TOKEN)]);
    assert_eq!(
        limited.status,
        Status::TooManyRequests,
        "even the right one, this minute"
    );
    // A fresh server: the right token lets the browser in, for /teacher only.
    let app = class_app();
    let mut visitor = Browser::new(&app);
    let admitted = visitor.submit("/teacher", "/teacher", &[("token", TOKEN)]);
    admitted.assert_redirect_to("/teacher");
    let line = admitted
        .set_cookie_for("teacher")
        .expect("a teacher cookie")
        .to_string();
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/teacher"] {
        assert!(line.contains(attribute), "{line}");
    }
    assert!(!line.contains(TOKEN));
    let class = visitor.get("/teacher");
    assert!(class.body.contains("id=\"matrix\""));
    assert!(class.body.contains("Wrong teacher tokens: 0."));
}

#[test]
fn the_matrix_shows_two_learners_solving_different_challenges_and_the_csv_matches_the_page() {
    let app = class_app();
    let mut anna = Browser::new(&app);
    register(&mut anna, "anna");
    anna.jar.put(
        rocket::http::Cookie::build(("plain_visits", "1000"))
            .path(COOKIES)
            .build(),
    );
    anna.get(COOKIES);
    assert_eq!(state_of(&mut anna, "plain-counter-forgery"), "solved");
    let mut ben = Browser::new(&app);
    register(&mut ben, "ben");
    ben.submit("/challenges", "/challenges/alg-none/hint", &[]);
    ben.submit("/challenges", "/challenges/alg-none/hint", &[]);
    let forged = |name: &str, value: &str| {
        rocket::http::Cookie::build((name.to_string(), value.to_string()))
            .path(COOKIES)
            .build()
    };
    ben.jar.put(forged("plain_visits", "4000"));
    ben.get(COOKIES);
    ben.jar.put(forged("signed_visits", "1000.x"));
    ben.get(COOKIES);
    assert_eq!(state_of(&mut ben, "plain-counter-forgery"), "defended");
    let mut teacher = teacher(&app);
    let class = teacher.get("/teacher").body;
    assert_eq!(cell(&class, "anna", "plain-counter-forgery"), "solved");
    assert_eq!(cell(&class, "anna", "alg-none"), "open");
    assert_eq!(cell(&class, "ben", "plain-counter-forgery"), "defended");
    assert_eq!(cell(&class, "ben", "alg-none"), "open (hints: 2)");
    assert!(!cell(&class, "ben", "last_activity").is_empty());
    // The CSV: a header, then the page's rows, cell for cell.
    let csv = teacher.get("/teacher/export.csv");
    assert_eq!(csv.status, Status::Ok);
    assert_eq!(csv.content_type, Some(ContentType::CSV));
    let lines: Vec<&str> = csv.body.split("\r\n").filter(|l| !l.is_empty()).collect();
    let header: Vec<&str> = lines[0].split(',').collect();
    let rows = page_rows(&class);
    assert_eq!(lines.len(), rows.len() + 1);
    for (line, row) in lines[1..].iter().zip(&rows) {
        let columns: Vec<&str> = row.iter().map(|(c, _)| c.as_str()).collect();
        assert_eq!(header, columns);
        let texts: Vec<&str> = row.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(line.split(',').collect::<Vec<_>>(), texts);
    }
    // Reset one learner: anna's board is open again, ben's untouched.
    let learner = Regex::new(r#"data-learner="([^"]+)" data-name="anna""#).expect("pattern");
    let id = learner.captures(&class).expect("anna's row")[1].to_string();
    teacher
        .submit("/teacher", &format!("/teacher/reset/{id}"), &[])
        .assert_redirect_to("/teacher");
    let class = teacher.get("/teacher").body;
    assert_eq!(cell(&class, "anna", "plain-counter-forgery"), "open");
    assert_eq!(cell(&class, "ben", "plain-counter-forgery"), "defended");
    assert_eq!(state_of(&mut anna, "plain-counter-forgery"), "open");
}

/// Posts exercise results as the submit script does.
fn submit(app: &TestApp, content_type: ContentType, body: &str) -> (Status, String) {
    let response = app
        .client()
        .post("/teacher/api/results")
        .header(content_type)
        .body(body)
        .dispatch();
    (
        response.status(),
        response.into_string().unwrap_or_default(),
    )
}

#[test]
fn exercise_results_need_the_class_code_and_show_beside_the_challenges() {
    let app = class_app();
    let mut anna = Browser::new(&app);
    register(&mut anna, "anna");
    let mut teacher = teacher(&app);
    let code = teacher
        .get("/teacher")
        .text("class-code")
        .expect("the class code");
    let results = |code: &str, student: &str| {
        format!(
            r#"{{"class_code": "{code}", "student": "{student}", "checks": {{
              "remember_me::remember_me_checkbox_is_on_the_login_form": true,
              "remember_me::remember_me_ticked_makes_the_session_cookie_persistent": false,
              "csrf::csrf_login_is_refused_without_the_right_token": true}}}}"#
        )
    };
    let (status, answer) = submit(&app, ContentType::JSON, &results(&code, "anna"));
    assert_eq!(status, Status::Ok, "{answer}");
    assert!(answer.contains("Recorded 3 checks for anna"), "{answer}");
    let (status, _) = submit(
        &app,
        ContentType::JSON,
        &results(&code.to_lowercase(), "dora"),
    );
    assert_eq!(status, Status::Ok, "codes are case-insensitive");
    let (status, answer) = submit(&app, ContentType::JSON, &results("WRONG-CODE1", "anna"));
    assert_eq!(status, Status::Forbidden);
    assert!(answer.contains("wrong_class_code"), "{answer}");
    let class = teacher.get("/teacher").body;
    assert!(class.contains("Wrong class codes: 1."));
    assert_eq!(cell(&class, "anna", "remember_me"), "1/2");
    assert_eq!(cell(&class, "anna", "csrf"), "1/1");
    assert_eq!(cell(&class, "anna", "rolling"), "");
    assert_eq!(
        cell(&class, "dora", "remember_me"),
        "1/2",
        "results only: a row of its own"
    );
    // Bad submissions: each a clear 4xx with a JSON reason.
    let big = format!(
        r#"{{"class_code": "{code}", "student": "anna", "checks": {{"x": "{}"}}}}"#,
        "a".repeat(20_000)
    );
    for (content_type, body, status, error) in [
        (
            ContentType::Form,
            "class_code=x".to_string(),
            Status::UnsupportedMediaType,
            "not_json",
        ),
        (ContentType::JSON, big, Status::PayloadTooLarge, "too_large"),
        (
            ContentType::JSON,
            "{not json".to_string(),
            Status::BadRequest,
            "malformed",
        ),
        (
            ContentType::JSON,
            r#"{"class_code": 1}"#.to_string(),
            Status::UnprocessableEntity,
            "invalid",
        ),
        (
            ContentType::JSON,
            results(&code, "an na"),
            Status::UnprocessableEntity,
            "invalid_student",
        ),
        (
            ContentType::JSON,
            format!(
                r#"{{"class_code": "{code}", "student": "anna", "checks": {{"not_a_check": true}}}}"#
            ),
            Status::UnprocessableEntity,
            "unknown_check",
        ),
    ] {
        let (got, answer) = submit(&app, content_type, &body);
        assert_eq!(got, status, "{answer}");
        assert!(answer.contains(error), "{error}: {answer}");
    }
}

#[test]
fn the_submit_script_sends_a_clones_check_results_to_the_class_server() {
    let port = free_port();
    let figment = figment()
        .merge(("port", port))
        .merge(("attacker_port", 0))
        .merge(("teacher_token", TOKEN));
    std::thread::spawn(move || {
        let _ = rocket::execute(crate::support::internals::rocket_from(figment).launch());
    });
    wait_for_port(port, "the class server");
    let server = format!("http://127.0.0.1:{port}");
    let code = auth_labs::teacher::access::TeacherKey::new(&auth_labs::config::Secret::new(TOKEN))
        .class_code;
    let output = "running 2 tests\n\
        test rolling::rolling_is_off_by_default ... ok\n\
        test rolling::rolling_resends_the_cookie_on_every_visit ... FAILED\n\
        \ntest result: FAILED. 1 passed; 1 failed\n";
    let run = |code: &str| {
        let mut child = std::process::Command::new("bash")
            .args(["scripts/submit-exercises", &server, code, "anna"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("bash runs");
        use std::io::Write as _;
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(output.as_bytes())
            .expect("written");
        child.wait_with_output().expect("the script ends")
    };
    let sent = run(&code);
    let said = String::from_utf8_lossy(&sent.stdout);
    assert!(
        sent.status.success(),
        "{said} {}",
        String::from_utf8_lossy(&sent.stderr)
    );
    assert!(said.contains("Recorded 2 checks for anna"), "{said}");
    let refused = run("WRONG-CODE1");
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stdout).contains("wrong_class_code"));
}
