//! What every page has for a reader who cannot see it all at once: a description for search
//! results and link previews, and a skip link, the first thing a keyboard reaches, that jumps
//! past the navigation to the page's main content.

use regex::Regex;

use crate::support::pages::public_pages;
use crate::support::*;

/// The `content` of the page's `<meta name="description">`.
fn description(html: &str) -> Option<String> {
    Regex::new(r#"<meta name="description" content="([^"]*)">"#)
        .expect("pattern")
        .captures(html)
        .map(|c| unescape_html(&c[1]))
}

/// The first element a keyboard's Tab reaches, as written in the page.
fn first_focusable(html: &str) -> Option<String> {
    let body = html.split_once("<body").map(|(_, rest)| rest)?;
    Regex::new(r#"<(a|button|input|select|textarea|summary|details)\b[^>]*>|<[a-z]+ [^>]*tabindex="0"[^>]*>"#)
        .expect("pattern")
        .find(body)
        .map(|m| m.as_str().to_string())
}

#[test]
fn every_page_has_a_description_and_a_skip_link_to_its_main_content_first() {
    let client = client();
    let mut failures = Vec::new();
    for page in public_pages() {
        let html = body(client.get(page.path.clone()).dispatch());
        if description(&html).is_none_or(|d| d.trim().len() < 20) {
            failures.push(format!("{}: no description", page.name));
        }
        let first = first_focusable(&html).unwrap_or_default();
        if first != r##"<a class="skip-link" href="#main">"## {
            failures.push(format!(
                "{}: the first focusable element is {first}",
                page.name
            ));
        }
        if !html.contains(r#"<main id="main">"#) {
            failures.push(format!("{}: no <main id=\"main\">", page.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_chapter_is_described_by_its_first_paragraph_and_a_lab_by_its_summary() {
    let client = client();
    let chapter = body(client.get("/docs/sessions").dispatch());
    let said = description(&chapter).expect("a description");
    assert!(
        said.starts_with("A server-side session keeps everything on the server"),
        "{said}"
    );
    let lab = body(client.get("/labs/cookies").dispatch());
    assert_eq!(
        description(&lab).as_deref(),
        Some("The state is the cookie: plain (editable), signed (tamper-evident) and private (encrypted).")
    );
    let home = body(client.get("/").dispatch());
    assert_ne!(description(&home), description(&chapter));
}
