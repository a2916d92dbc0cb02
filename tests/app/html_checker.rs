//! Every page is valid HTML by the Nu HTML Checker (`vnu.jar`, the W3C validator), run once
//! with Java over the pages a learner can reach: logged out and in, after a form, the error
//! pages, the class view and the attacker site.
//!
//! The jar comes from the npm registry (`npm install vnu-jar`); the test looks for it at
//! `$VNU_JAR`, else in `target/tools/node_modules/vnu-jar/build/dist/vnu.jar` (where
//! `.ci/run` installs it). Without Java or the jar the test is skipped with a message; with
//! `CI` set it fails instead.

use std::io::Write;
use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

use crate::attacker::serve_both;
use crate::support::pages::{attacker_pages, in_korean, public_pages};
use crate::support::visitor::Browser;
use crate::support::*;

const TEACHER_TOKEN: &str = "a-teacher-token-for-the-html-checker";

/// The checker's jar, if it is installed.
fn vnu_jar() -> Option<PathBuf> {
    let jar = std::env::var_os("VNU_JAR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("target/tools/node_modules/vnu-jar/build/dist/vnu.jar")
        });
    jar.is_file().then_some(jar)
}

/// `true` when Java and the jar are here; else says why on stderr (a failure with `CI`).
fn checker_available(test: &str) -> Option<PathBuf> {
    let java = Command::new("java").arg("-version").output().is_ok();
    match (java, vnu_jar()) {
        (true, Some(jar)) => Some(jar),
        _ => {
            let why = "the Nu HTML Checker needs Java and vnu.jar (apt-get install \
                       default-jre-headless; npm install --prefix target/tools vnu-jar, or set VNU_JAR)";
            assert!(
                std::env::var_os("CI").is_none(),
                "{test}: CI is set but {why}"
            );
            let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {why}");
            None
        }
    }
}

/// A page's HTML under a name, after checking it was served as HTML with a 2xx or 4xx.
#[track_caller]
fn html(name: &str, page: Page) -> (String, String) {
    let html_type = page.content_type.as_ref().is_some_and(|t| t.is_html());
    assert!(
        html_type && !page.status.class().is_server_error(),
        "{name}: {} {:?}",
        page.status,
        page.content_type
    );
    (name.to_string(), page.body)
}

/// The pages anyone gets with a `GET`, then what logging in and the forms add.
fn app_pages() -> Vec<(String, String)> {
    let app = TestApp::with(figment().merge(("teacher_token", TEACHER_TOKEN)));
    let mut pages = Vec::new();
    let mut learner = Browser::new(&app);
    for page in public_pages() {
        pages.push(html(&page.name, learner.get(&page.path)));
    }
    let mut korean = Browser::new(&app);
    for page in public_pages() {
        let name = format!("{} (Korean)", page.name);
        pages.push(html(&name, korean.get(&in_korean(&page.path))));
    }
    for lab in [SESSIONS, COOKIES, JWT_COOKIE] {
        let failed = learner.log_in_at_lab(lab, "alice", "not her password");
        pages.push(html(&format!("{lab} login refused"), failed));
        learner.log_in_at_lab(lab, "alice", "wonderland");
        pages.push(html(
            &format!("{lab}/me"),
            learner.get(&format!("{lab}/me")),
        ));
        pages.push(html(&format!("{lab} logged in"), learner.get(lab)));
    }
    learner.switch(SESSIONS, &[("http_only", "false")]);
    pages.push(html("sessions lab, a switch off", learner.get(SESSIONS)));
    pages.extend(form_pages(&mut learner));

    let mut teacher = Browser::new(&app);
    pages.push(html("class view login", teacher.get("/teacher")));
    teacher.submit("/teacher", "/teacher", &[("token", TEACHER_TOKEN)]);
    pages.push(html("class view", teacher.get("/teacher")));
    pages
}

/// A form's fields, by name.
type Fields = Vec<(String, String)>;

/// The pages a form answers with: each tool, the builder, registration, refusals.
fn form_pages(learner: &mut Browser<'_>) -> Vec<(String, String)> {
    let token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGljZSJ9.\
                 4Adcj3UFYzPUVaVF43FmMab6RlaQD8A9V8wFzzht-KQ";
    let field = |k: &str, v: &str| (k.to_string(), v.to_string());
    let forms: Vec<(&str, &str, Fields)> = vec![
        ("JWT decoded", "/tools/jwt", vec![field("token", token)]),
        (
            "JWT signed",
            "/tools/jwt/sign",
            vec![
                field("header", r#"{"alg":"HS256","typ":"JWT"}"#),
                field("payload", r#"{"sub":"alice"}"#),
                field("secret", "secret"),
            ],
        ),
        (
            "JWT cracked",
            "/tools/jwt/crack",
            vec![field("token", token)],
        ),
        (
            "JWT garbage",
            "/tools/jwt",
            vec![field("token", "not.a.token")],
        ),
        (
            "cookie built",
            "/labs/cookies/builder",
            vec![field("name", "theme"), field("value", "dark")],
        ),
        (
            "cookie refused",
            "/labs/cookies/builder",
            vec![field("name", "bad name"), field("value", "x")],
        ),
        (
            "registered",
            "/register",
            vec![
                field("username", "carol"),
                field("password", "a long passphrase"),
            ],
        ),
        (
            "registration refused",
            "/register",
            vec![field("username", "alice"), field("password", "x")],
        ),
        (
            "header lab without script",
            "/labs/jwt-header/needs-script",
            vec![],
        ),
        (
            "switch refused (422)",
            "/labs/sessions/switches",
            vec![field("nope", "1")],
        ),
        ("side by side, run", "/side-by-side", vec![]),
    ];
    let mut pages: Vec<(String, String)> = forms
        .into_iter()
        .map(|(name, path, fields)| html(name, learner.post_form(path, &fields)))
        .collect();
    let refused = learner.post_form_cross_site("/labs/sessions/login", &[("username", "bob")]);
    pages.push(html("cross-site login refused (403)", refused));
    pages
}

/// The attacker site's pages, over real HTTP (it is its own server).
fn attacker_site_pages() -> Vec<(String, String)> {
    let (labs, site) = (free_port(), free_port());
    serve_both(labs, site);
    wait_for_port(site, "the attacker site");
    attacker_pages()
        .into_iter()
        .map(|page| {
            let url = format!("http://localhost:{site}{}", page.path);
            let body = match ureq::get(&url).call() {
                Ok(response) | Err(ureq::Error::Status(_, response)) => {
                    response.into_string().unwrap_or_default()
                }
                Err(e) => panic!("{}: {e}", page.name),
            };
            (page.name, body)
        })
        .collect()
}

/// Runs the checker once over every page; returns "page: line N: message" for each error.
fn check(jar: &PathBuf, pages: &[(String, String)]) -> Vec<String> {
    let dir = std::env::temp_dir().join(format!("auth-labs-vnu-{}", free_port()));
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let files: Vec<PathBuf> = pages
        .iter()
        .enumerate()
        .map(|(i, (_, body))| {
            let file = dir.join(format!("page-{i}.html"));
            std::fs::write(&file, body).expect("page written");
            file
        })
        .collect();
    let output = Command::new("java")
        .arg("-jar")
        .arg(jar)
        .args(["--errors-only", "--format", "json"])
        .args(&files)
        .output()
        .expect("java runs");
    let _ = std::fs::remove_dir_all(&dir);
    let report: Value = serde_json::from_slice(&output.stderr).unwrap_or_else(|e| {
        panic!(
            "the checker's report is JSON ({e}): {}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let messages = report["messages"].as_array().cloned().unwrap_or_default();
    messages
        .iter()
        .map(|m| {
            let url = m["url"].as_str().unwrap_or_default();
            let page = files
                .iter()
                .position(|f| url.ends_with(&*f.to_string_lossy()))
                .map_or(url, |i| pages[i].0.as_str());
            format!(
                "{page}: line {}: {} ({})",
                m["lastLine"],
                m["message"].as_str().unwrap_or_default(),
                m["extract"].as_str().unwrap_or_default().trim()
            )
        })
        .collect()
}

#[test]
fn every_page_is_valid_html_by_the_nu_html_checker() {
    let Some(jar) = checker_available("every_page_is_valid_html_by_the_nu_html_checker") else {
        return;
    };
    let mut pages = app_pages();
    pages.extend(attacker_site_pages());
    assert!(pages.len() > 60, "only {} pages", pages.len());
    let errors = check(&jar, &pages);
    assert!(
        errors.is_empty(),
        "{} errors in {} pages:\n{}",
        errors.len(),
        pages.len(),
        errors.join("\n")
    );
}

/// The checker is no check if it passes anything: a page with a skipped heading level and a
/// stray end tag must fail.
#[test]
fn the_html_checker_reports_a_skipped_heading_level() {
    let Some(jar) = checker_available("the_html_checker_reports_a_skipped_heading_level") else {
        return;
    };
    let bad = "<!doctype html><html lang=en><title>t</title><h1>a</h1><h4>b</h4></div>";
    let errors = check(&jar, &[("bad page".to_string(), bad.to_string())]);
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("bad page: ") && e.contains("h4")),
        "{errors:?}"
    );
}
