//! Every page laid out by a real browser (headless Debian Chromium) at a phone's width and at a
//! desktop's: nothing is wider than the window, and a chapter printed on A4 is a handout.
//! Skipped with a message when no browser is installed; with `CI` set, a missing browser fails.

use serde_json::Value;

use crate::attacker::serve_both;
use crate::support::browser::{self, Browser};
use crate::support::pages::{attacker_pages, in_korean, public_pages};
use crate::support::{free_port, wait_for_port};

/// A small phone, a common phone, a laptop.
const WIDTHS: [u32; 3] = [390, 360, 1280];

/// `null` when the page is no wider than its window, else the widths and the outermost
/// elements that stick out (those inside a box that scrolls on its own are fine).
const MEASURE_OVERFLOW: &str = r#"
const root = document.documentElement;
if (root.scrollWidth <= root.clientWidth) { return null; }
const scrollsItself = (e) => {
  for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
    if (getComputedStyle(a).overflowX !== 'visible') { return true; }
  }
  return false;
};
const tag = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
  + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '');
const culprits = [...document.body.querySelectorAll('*')]
  .filter((e) => e.getBoundingClientRect().right > root.clientWidth + 1 && !scrollsItself(e))
  .filter((e) => !e.parentElement || e.parentElement.getBoundingClientRect().right <= root.clientWidth + 1)
  .slice(0, 4)
  .map((e) => tag(e.parentElement) + ' > ' + tag(e) + ' ' + Math.round(e.getBoundingClientRect().width) + ' px');
return 'scrollWidth ' + root.scrollWidth + ' > ' + root.clientWidth + ' (' + culprits.join(', ') + ')';
"#;

/// Sizes the window to each width in turn and notes, under `name`, every width at which the
/// current page is wider than the window.
fn measure(browser: &Browser, name: &str, failures: &mut Vec<String>) {
    for width in WIDTHS {
        browser.set_viewport_width(width);
        if let Value::String(why) = browser.eval(MEASURE_OVERFLOW) {
            failures.push(format!("{name} at {width} px: {why}"));
        }
    }
}

/// The labs at `http://127.0.0.1:<port>` and their attacker site at `http://localhost:<port>`.
fn serve_sites() -> (String, String) {
    let (labs, attacker) = (free_port(), free_port());
    serve_both(labs, attacker);
    wait_for_port(labs, "the labs");
    wait_for_port(attacker, "the attacker site");
    (
        format!("http://127.0.0.1:{labs}"),
        format!("http://localhost:{attacker}"),
    )
}

/// Logs `alice` in with the lab's form; the browser lands on the lab's `me` page.
fn log_in(browser: &Browser, lab: &str) {
    browser.goto(&format!("{lab}/login"));
    browser.type_into("#username", "alice");
    browser.type_into("#password", "wonderland");
    browser.click("#login-submit");
    browser.wait_for_text("#user", "alice");
}

#[test]
fn no_page_is_wider_than_the_window_from_360_to_1280_pixels() {
    if !browser::available("no_page_is_wider_than_the_window_from_360_to_1280_pixels") {
        return;
    }
    let (labs, attacker) = serve_sites();
    let browser = Browser::start();
    let mut failures = Vec::new();
    let mut measured = 0;
    for page in public_pages() {
        browser.goto(&format!("{labs}{}", page.path));
        measure(&browser, &page.name, &mut failures);
        measured += 1;
    }
    // The same pages in Korean: other words, other lengths, other line breaks.
    for page in public_pages() {
        browser.goto(&format!("{labs}{}", in_korean(&page.path)));
        measure(&browser, &format!("{} (Korean)", page.name), &mut failures);
        measured += 1;
    }
    browser.goto(&format!("{labs}/?lang=en"));
    // Logged in, a lab shows more: the `me` page, then the lab page with the user's claims.
    for lab in ["sessions", "cookies", "jwt-cookie"] {
        let base = format!("{labs}/labs/{lab}");
        log_in(&browser, &base);
        measure(&browser, &format!("{lab} me (logged in)"), &mut failures);
        browser.goto(&base);
        measure(&browser, &format!("{lab} lab (logged in)"), &mut failures);
        measured += 2;
    }
    browser.goto(&format!("{labs}/labs/jwt-header"));
    browser.type_into("#username", "alice");
    browser.type_into("#password", "wonderland");
    browser.click("#login-submit");
    browser.wait_for_text("#user", "alice");
    browser.click("#visit-button");
    browser.wait_for_text("#visits", "1");
    measure(&browser, "jwt-header lab (logged in)", &mut failures);
    // The workbench with a token decoded: the longest unbroken strings the app shows.
    browser.goto(&format!("{labs}/labs/jwt-cookie"));
    let token = browser.eval(
        "const t = document.querySelector('#token, .jwt-token'); return t ? t.textContent.trim() : '';",
    );
    browser.goto(&format!("{labs}/tools/jwt"));
    browser.type_into("#token-input", token.as_str().unwrap_or("eyJ.e30.x"));
    browser.click("#decode-submit");
    browser.wait_until(
        "return document.getElementById('verdict') !== null;",
        "decoded",
    );
    measure(&browser, "JWT workbench (a token decoded)", &mut failures);
    for page in attacker_pages() {
        browser.goto(&format!("{attacker}{}", page.path));
        measure(&browser, &page.name, &mut failures);
        measured += 1;
    }
    assert!(measured > 40, "only {measured} pages measured");
    assert!(
        failures.is_empty(),
        "{} page widths overflow the window:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_source_viewer_is_single_spaced() {
    if !browser::available("the_source_viewer_is_single_spaced") {
        return;
    }
    let (labs, _) = serve_sites();
    let browser = Browser::start();
    browser.goto(&format!("{labs}/docs/source/src/lib.rs"));
    let spacing = browser.eval(
        "const [a, b] = ['L1', 'L2'].map((id) => document.getElementById(id).getBoundingClientRect());
         return [b.top - a.top, a.height, parseFloat(getComputedStyle(document.getElementById('L1')).lineHeight)];",
    );
    let [step, height, line_height] = [0, 1, 2].map(|i| spacing[i].as_f64().unwrap_or(f64::NAN));
    assert!(
        (step - height).abs() < 1.0 && step < 1.8 * line_height,
        "line 2 starts {step} px below line 1, whose box is {height} px (line height {line_height} px)"
    );
}

/// An A4 page is 210 mm wide; between 15 mm margins that is 180 mm, 680 CSS pixels.
const A4_PRINTABLE_WIDTH: u32 = 680;

/// What is wrong with the current page as printed: screen-only parts that would print, and
/// anything wider than the paper (paper cannot scroll, so a scrolling box would be cut).
const PRINT_PROBLEMS: &str = r#"
const problems = [];
const printed = (e) => e.getClientRects().length > 0;
for (const selector of ['nav', '.doc-toc', '#toc', '.skip-link', 'button']) {
  if ([...document.querySelectorAll(selector)].some(printed)) { problems.push(selector + ' is printed'); }
}
const root = document.documentElement;
if (root.scrollWidth > root.clientWidth) { problems.push('the page is ' + root.scrollWidth + ' px wide'); }
for (const box of document.querySelectorAll('pre, table, .table-scroll')) {
  if (box.scrollWidth > box.clientWidth + 1) {
    problems.push(box.tagName.toLowerCase() + ' is cut: ' + box.textContent.trim().slice(0, 40));
  }
}
for (const pre of document.querySelectorAll('pre')) {
  const style = getComputedStyle(pre);
  if (style.whiteSpace !== 'pre-wrap') { problems.push('a code block does not wrap'); break; }
  if (style.color !== 'rgb(0, 0, 0)' || !['rgb(255, 255, 255)', 'rgba(0, 0, 0, 0)'].includes(style.backgroundColor)) {
    problems.push('code is ' + style.color + ' on ' + style.backgroundColor); break;
  }
}
return problems;
"#;

#[test]
fn a_printed_chapter_is_an_a4_handout_without_navigation_and_nothing_cut() {
    if !browser::available("a_printed_chapter_is_an_a4_handout_without_navigation_and_nothing_cut")
    {
        return;
    }
    let (labs, _) = serve_sites();
    let browser = Browser::start();
    browser.emulate_media("print");
    browser.set_viewport_width(A4_PRINTABLE_WIDTH);
    let mut pages: Vec<(String, String)> = public_pages()
        .into_iter()
        .filter(|p| p.name.starts_with("chapter "))
        .map(|p| (p.name, p.path))
        .collect();
    assert!(pages.len() >= 11, "{pages:?}");
    pages.push(("an exercise".into(), "/docs/exercises/csrf".into()));
    pages.push(("the source viewer".into(), "/docs/source/src/lib.rs".into()));
    let mut failures = Vec::new();
    for (name, path) in &pages {
        browser.goto(&format!("{labs}{path}"));
        if let Some(problems) = browser.eval(PRINT_PROBLEMS).as_array() {
            failures.extend(problems.iter().map(|p| format!("{name}: {p}")));
        }
    }
    assert!(
        failures.is_empty(),
        "printed on A4:\n{}",
        failures.join("\n")
    );
    // On paper a link cannot be followed: an external one shows where it goes, an in-app
    // one (whose text names the page) does not.
    browser.goto(&format!("{labs}/docs/why-cookies"));
    let after = browser.eval(
        "const after = (a) => getComputedStyle(a, '::after').content;
         const outside = document.querySelector('.doc a[href^=\"https://\"]');
         return [outside.href, after(outside), after(document.querySelector('.doc a[href^=\"/\"]'))];",
    );
    let href = after[0].as_str().unwrap_or_default();
    assert_eq!(after[1], Value::String(format!("\" ({href})\"")), "{after}");
    assert_eq!(after[2], "none", "{after}");
    // The same pages on a screen still have their navigation: the rules are for print only.
    browser.emulate_media("");
    browser.goto(&format!("{labs}/docs/sessions"));
    let problems = browser.eval(PRINT_PROBLEMS);
    assert!(
        problems.to_string().contains("nav is printed"),
        "on a screen the navigation shows: {problems}"
    );
}
