//! What the interface says in its own words: no Markdown left showing (a backtick is code,
//! rendered as `<code>`), and values put into a message stay text.

use regex::Regex;
use rocket::http::Header;

use crate::support::internals::attacker;
use crate::support::tour::english_tour;
use crate::support::visitor::Browser;
use crate::support::*;

/// The text a reader sees on a page, outside code: no `<pre>`, `<code>`, scripts, templates
/// or form fields (which hold what was typed), no comments, no tags.
fn prose(html: &str) -> String {
    let mut text = html.to_string();
    for element in ["pre", "code", "script", "style", "template", "textarea"] {
        let pattern = format!(r"(?is)<{element}\b.*?</{element}>");
        text = Regex::new(&pattern)
            .expect("pattern")
            .replace_all(&text, " ")
            .into_owned();
    }
    let text = Regex::new(r"(?s)<!--.*?-->|<[^>]*>")
        .expect("pattern")
        .replace_all(&text, " ");
    unescape_html(&text)
        .replace("&#96;", "`")
        .replace("&#x60;", "`")
}

/// The words of the paragraph `<p id="…">`, markup and all, as a reader sees them.
fn paragraph(html: &str, id: &str) -> Option<String> {
    let pattern = format!(r#"(?s)<p[^>]* id="{id}"[^>]*>(.*?)</p>"#);
    let found = Regex::new(&pattern).expect("pattern").captures(html)?;
    let text = Regex::new(r"<[^>]*>")
        .expect("pattern")
        .replace_all(&found[1], "");
    Some(unescape_html(&text))
}

/// Each line of `html`'s prose that shows a backtick.
fn backticks(html: &str) -> Vec<String> {
    prose(html)
        .lines()
        .filter(|line| line.contains('`'))
        .map(|line| {
            let words: Vec<&str> = line.split_whitespace().collect();
            words.join(" ").chars().take(160).collect()
        })
        .collect()
}

#[test]
fn prose_keeps_text_and_drops_code_and_markup() {
    let html =
        "<p>A `tick` and <code>`code`</code></p><pre>`x`</pre><!-- ` --><a title=\"`\">b</a>";
    assert_eq!(backticks(html), ["A `tick` and b"]);
}

#[test]
fn no_page_shows_a_markdown_backtick_outside_code() {
    let pages = english_tour();
    assert!(pages.len() > 60, "the tour saw only {} pages", pages.len());
    let found: Vec<String> = pages
        .iter()
        .flat_map(|v| {
            backticks(&v.page.body)
                .into_iter()
                .map(move |l| format!("{}: {l}", v.how))
        })
        .collect();
    assert!(
        found.is_empty(),
        "backticks in the prose:\n{}",
        found.join("\n")
    );
}

#[test]
fn no_attacker_site_page_shows_a_markdown_backtick_outside_code() {
    let figment = figment().merge(("port", free_port()));
    let client = rocket::local::blocking::Client::tracked(
        attacker::rocket_from(&figment).expect("attacker site on"),
    )
    .expect("valid");
    let home = body(client.get("/").dispatch());
    let link = Regex::new(r##"href="(/attacks/[^"#]*)"##).expect("pattern");
    let mut pages = vec![("/".to_string(), home.clone())];
    for found in link.captures_iter(&home) {
        let path = unescape_html(&found[1]);
        let html = client.get(path.clone()).dispatch().into_string();
        pages.push((path, html.unwrap_or_default()));
    }
    assert!(pages.len() > 5, "{} attacker pages", pages.len());
    for (path, html) in pages {
        assert_eq!(backticks(&html), Vec::<String>::new(), "{path}");
    }
}

#[test]
fn a_message_shows_its_code_as_code_elements() {
    let app = TestApp::spawn();
    let mut learner = Browser::new(&app);
    learner.log_in_at_lab(COOKIES, ALICE.username, ALICE.password);
    let me = learner.get(&format!("{COOKIES}/me"));
    assert!(
        me.body
            .contains("travels, encrypted, in the <code>user</code> cookie"),
        "{}",
        me.body
    );
    let register = learner.get("/register");
    assert!(register
        .body
        .contains("digits, <code>_</code> or <code>-</code>"));
}

#[test]
fn a_value_with_backticks_and_a_script_tag_stays_text_inside_its_code_span() {
    let app = TestApp::spawn();
    let mut learner = Browser::new(&app);
    let builder = format!("{COOKIES}/builder");
    let hostile = "rel`</code><script>alert(1)</script>`";
    let answer = learner.submit(&builder, &builder, &[("name", "ok"), ("path", hostile)]);
    assert_eq!(answer.status.code, 422, "{}", answer.body);
    let expected = "Path <code>rel`&lt;/code&gt;&lt;script&gt;alert(1)&lt;/script&gt;`</code> \
                    does not start with <code>/</code>";
    assert!(answer.body.contains(expected), "{}", answer.body);
    assert!(!answer.body.contains("<script>alert(1)"));
}

/// `GET path` with the learner's cookies also in a raw `Cookie` header, which is what the
/// inspector prints (Rocket's local client hands cookies to the app without one).
fn with_cookie_header(app: &TestApp, learner: &mut Browser<'_>, path: &str) -> Page {
    let cookies = learner.jar.for_path(path);
    let line: Vec<String> = cookies
        .iter()
        .map(|c| format!("{}={}", c.name(), c.value()))
        .collect();
    let mut request = app.client().get(path.to_string()).cookies(cookies);
    if !line.is_empty() {
        request = request.header(Header::new("Cookie", line.join("; ")));
    }
    let response = request.dispatch();
    learner.jar.store(path, &response);
    Page::from(response)
}

#[test]
fn the_inspector_explains_the_flash_cookie_where_it_first_arrives_in_each_lab() {
    let app = TestApp::spawn();
    for base in [SESSIONS, COOKIES, JWT_COOKIE] {
        let mut learner = Browser::new(&app);
        let before = with_cookie_header(&app, &mut learner, base);
        assert_eq!(paragraph(&before.body, "flash-cookie"), None, "{base}");
        let login = learner.log_in_at_lab(base, ALICE.username, ALICE.password);
        assert!(
            login.set_cookie_for("_flash").is_some(),
            "{base}: the login leaves a message"
        );
        let me = with_cookie_header(&app, &mut learner, &format!("{base}/me"));
        let note = paragraph(&me.body, "flash-cookie").unwrap_or_default();
        assert!(
            note.starts_with("The _flash cookie is not part of this lab: it is the framework's one-shot message cookie"),
            "{base}: {note}"
        );
        assert!(me
            .body
            .contains("<code>_flash</code> cookie is not part of this lab"));
        assert!(
            me.set_cookie_for("_flash")
                .is_some_and(|l| l.contains("Max-Age=0")),
            "{base}: read once and deleted, as the note says"
        );
        let after = with_cookie_header(&app, &mut learner, base);
        assert!(
            after.body.contains("Cookie: "),
            "{base}: other cookies arrive"
        );
        assert_eq!(
            paragraph(&after.body, "flash-cookie"),
            None,
            "{base}: gone once read"
        );
    }
}

#[test]
fn the_cookies_labs_table_says_the_flash_cookie_is_not_part_of_the_lab() {
    let app = TestApp::spawn();
    let mut learner = Browser::new(&app);
    learner.log_in_at_lab(COOKIES, ALICE.username, ALICE.password);
    let page = learner.get(COOKIES);
    let row = page
        .body
        .split("<tr")
        .find(|row| row.contains("<code>_flash</code></td>"))
        .expect("a row for _flash");
    assert!(
        row.contains("not part of this lab: the framework&#x27;s one-shot message cookie"),
        "{row}"
    );
}
