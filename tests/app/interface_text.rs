//! What the interface says in its own words: no Markdown left showing (a backtick is code,
//! rendered as `<code>`), and values put into a message stay text.

use regex::Regex;

use crate::support::internals::attacker;
use crate::support::tour::{tour, tour_app};
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
    let app = tour_app();
    let pages = tour(&app);
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
