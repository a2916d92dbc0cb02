//! Times as a reader in any time zone can read them: every moment a page shows is the UTC text
//! inside `<time datetime="…">` with a valid RFC 3339 value, for the browser to add the
//! reader's own time beside it (static/js/local-time.js; its browser test is in
//! browser_reading.rs).

use regex::Regex;
use time::format_description::well_known::{Rfc2822, Rfc3339};
use time::OffsetDateTime;

use crate::support::tour::english_tour;
use crate::support::visitor::Browser;
use crate::support::*;

/// A moment written as text: RFC 3339 (`2026-12-06T02:36:41Z`) or an HTTP date
/// (`Sat, 06 Dec 2025 02:21:41 GMT`, as `Expires` carries it).
fn moment_pattern() -> Regex {
    Regex::new(
        r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})|[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT",
    )
    .expect("pattern")
}

/// The instant a moment's text names.
fn instant(text: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(text, &Rfc3339)
        .or_else(|_| OffsetDateTime::parse(&text.replace(" GMT", " +0000"), &Rfc2822))
        .ok()
}

/// What is wrong with the times on `html`: a `<time>` whose `datetime` is not RFC 3339 or
/// names another instant than its text, and any moment written outside a `<time>` (quoted
/// code aside: a tutorial's example output or a header quoted in a message is not a time the
/// page tells the reader).
fn time_problems(html: &str) -> Vec<String> {
    let element =
        Regex::new(r#"(?s)<time\b[^>]*\bdatetime="([^"]*)"[^>]*>(.*?)</time>"#).expect("pattern");
    let mut problems = Vec::new();
    for found in element.captures_iter(html) {
        let (datetime, text) = (&found[1], &found[2]);
        match OffsetDateTime::parse(datetime, &Rfc3339) {
            Err(_) => problems.push(format!("datetime={datetime:?} is not RFC 3339")),
            Ok(at) if moment_pattern().is_match(text) && instant(text) != Some(at) => {
                problems.push(format!("<time datetime={datetime:?}> says {text:?}"))
            }
            Ok(_) => {}
        }
    }
    let rest = element.replace_all(html, " ");
    let rest = Regex::new(r"(?is)<script\b.*?</script>|<code\b.*?</code>|<[^>]*>")
        .expect("pattern")
        .replace_all(&rest, " ");
    for bare in moment_pattern().find_iter(&rest) {
        problems.push(format!("{:?} is not inside a <time>", bare.as_str()));
    }
    problems
}

#[test]
fn time_problems_finds_bare_moments_and_wrong_datetimes() {
    let good = r#"<p><time datetime="2026-12-06T02:36:41Z">2026-12-06T02:36:41Z</time> (in 15 min)</p>
        <pre>a=; Expires=<time datetime="2025-12-06T02:21:41Z">Sat, 06 Dec 2025 02:21:41 GMT</time></pre>"#;
    assert_eq!(time_problems(good), Vec::<String>::new());
    let bad = r#"<p>Renewal stops at 2026-12-06T10:21:41Z.</p><time datetime="soon">x</time>
        <time datetime="2026-12-06T02:36:41Z">2026-12-06T02:36:42Z</time><pre>Expires=Sat, 06 Dec 2025 02:21:41 GMT</pre>"#;
    assert_eq!(time_problems(bad).len(), 4, "{:?}", time_problems(bad));
}

#[test]
fn every_time_on_the_jwt_cookie_lab_after_a_login_is_a_time_element_with_an_rfc_3339_value() {
    let app = TestApp::spawn();
    let mut learner = Browser::new(&app);
    learner.log_in_at_lab(JWT_COOKIE, ALICE.username, ALICE.password);
    let me = learner.get(&format!("{JWT_COOKIE}/me"));
    assert!(me.shows_logged_in(ALICE));
    assert!(
        me.body.contains("Expires=<time datetime="),
        "the line deleting the flash cookie carries an Expires date, marked"
    );
    let lab = learner.get(JWT_COOKIE);
    for (path, page) in [("me", &me), ("lab", &lab)] {
        let times = page.body.matches("<time ").count();
        assert!(times >= 4, "{path}: only {times} times");
        assert_eq!(time_problems(&page.body), Vec::<String>::new(), "{path}");
    }
}

#[test]
fn every_time_on_every_page_of_the_tour_is_a_time_element_with_an_rfc_3339_value() {
    let mut checked = 0;
    for visited in english_tour() {
        checked += visited.page.body.matches("<time ").count();
        assert_eq!(
            time_problems(&visited.page.body),
            Vec::<String>::new(),
            "{}",
            visited.how
        );
    }
    assert!(checked > 50, "only {checked} times seen");
}
