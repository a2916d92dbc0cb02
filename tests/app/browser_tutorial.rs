//! The tutorial's command blocks in a real browser (headless Debian Chromium): the copy button
//! copies the commands, with the reader's own origin, and none of their output. Skipped with
//! a message when no browser is installed; with `CI` set, a missing browser fails the test.

use serde_json::{json, Value};

use crate::support::browser::{self, Browser};
use crate::support::serve_app;

/// The commands of the first `console` block of a chapter's Markdown, as a reader at `origin`
/// runs them: the `$ ` lines without their prompt.
fn first_block_commands(markdown: &str, origin: &str) -> String {
    let block: Vec<&str> = markdown
        .lines()
        .skip_while(|line| !line.starts_with("```console"))
        .skip(1)
        .take_while(|line| !line.starts_with("```"))
        .collect();
    block
        .iter()
        .filter_map(|line| line.strip_prefix("$ "))
        .map(|command| command.replace("http://127.0.0.1:8000", origin))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_copy_button_copies_a_blocks_commands_without_their_output() {
    if !browser::available("the_copy_button_copies_a_blocks_commands_without_their_output") {
        return;
    }
    let app = serve_app();
    let browser = Browser::start();
    // Chromium asks before a page writes or reads the clipboard; a test grants it up front.
    browser.cdp(
        "Browser.grantPermissions",
        json!({ "origin": app, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"] }),
    );
    browser.goto(&format!("{app}/docs/sessions"));
    let markdown =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/02-sessions.md"))
            .expect("chapter 2");
    let expected = first_block_commands(&markdown, &app);
    assert!(expected.lines().count() >= 3, "{expected}");

    let buttons = browser.eval("return document.querySelectorAll('.copy-button').length;");
    let blocks = browser.eval(
        "return [...document.querySelectorAll('pre > code.language-console')].filter((c) => c.textContent.includes('$ ')).length;",
    );
    assert_eq!(buttons, blocks, "one button per command block");
    assert_eq!(
        browser.eval("return document.querySelector('.copy-button').dataset.copy;"),
        Value::String(expected.clone())
    );
    browser.click(".copy-button");
    browser.wait_for_text("#copy-status", "Copied");
    assert_eq!(
        browser.text(".copy-button"),
        "Copied",
        "the button says so too"
    );
    let copied = browser.eval("return navigator.clipboard.readText();");
    assert_eq!(
        copied,
        Value::String(expected),
        "the clipboard holds the commands"
    );
}

#[test]
fn a_command_continued_on_the_next_line_is_copied_whole() {
    if !browser::available("a_command_continued_on_the_next_line_is_copied_whole") {
        return;
    }
    let app = serve_app();
    let browser = Browser::start();
    browser.goto(&format!("{app}/docs/sessions"));
    // A block like the ones a chapter may hold, added to the page, and the script run again:
    // it equips the new block and leaves the others as they were.
    let before = browser.eval("return document.querySelectorAll('.copy-button').length;");
    let copied = browser.eval(
        r#"
        const pre = document.createElement('pre');
        const code = document.createElement('code');
        code.className = 'language-console';
        code.textContent = '$ curl -s \\\n  -o page.html \\\n  http://example.test/\nHTTP/1.1 200 OK\n$ cat page.html\n<html>\n';
        pre.appendChild(code);
        document.querySelector('article').appendChild(pre);
        const again = document.createElement('script');
        again.src = document.querySelector('script[src*="copy-commands"]').src;
        document.body.appendChild(again);
        return new Promise((done) => again.addEventListener('load', () =>
          done(pre.previousElementSibling.querySelector('button').dataset.copy)));
        "#,
    );
    assert_eq!(
        copied,
        Value::String(
            "curl -s \\\n  -o page.html \\\n  http://example.test/\ncat page.html".into()
        )
    );
    let after = browser.eval("return document.querySelectorAll('.copy-button').length;");
    assert_eq!(after, json!(before.as_u64().unwrap_or(0) + 1));
}

#[test]
fn the_first_tab_shows_the_skip_link_and_enter_jumps_to_the_main_content() {
    if !browser::available("the_first_tab_shows_the_skip_link_and_enter_jumps_to_the_main_content")
    {
        return;
    }
    let app = serve_app();
    let browser = Browser::start();
    browser.goto(&format!("{app}/docs/cookies"));
    let hidden = browser
        .eval("return document.querySelector('.skip-link').getBoundingClientRect().bottom <= 0;");
    assert_eq!(
        hidden,
        Value::Bool(true),
        "out of sight until a keyboard reaches it"
    );
    browser.press_key("\u{E004}");
    let focused = browser.eval(
        "const a = document.activeElement; return [a.className, a.textContent, a.getBoundingClientRect().top >= 0];",
    );
    assert_eq!(focused, json!(["skip-link", "Skip to content", true]));
    browser.press_key("\u{E007}");
    browser.wait_until(
        "return location.hash === '#main';",
        "jumped to the main content",
    );
}
