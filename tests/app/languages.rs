//! English by default, Korean on request: `?lang=ko` (remembered in the `lang` cookie) or an
//! `Accept-Language` that prefers Korean; `<html lang>`, `Content-Language` and
//! `Vary: Accept-Language` follow, and the markers and routes stay the same.

use rocket::http::{Header, Status};

use crate::support::*;

/// A message as the Korean table writes it (no values in it).
fn korean(id: &str) -> String {
    let table = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/templates/locales/ko/messages.ftl"
    ))
    .expect("the Korean table");
    table
        .lines()
        .find_map(|line| line.strip_prefix(&format!("{id} = ")))
        .unwrap_or_else(|| panic!("no {id} in the Korean table"))
        .to_string()
}

fn html_lang(html: &str) -> Option<&str> {
    let start = html.find("<html lang=\"")? + "<html lang=\"".len();
    html[start..].split('"').next()
}

#[test]
fn english_is_the_default_and_says_so_in_html_lang_and_content_language() {
    let client = untracked_client();
    let page = client.get("/labs/sessions").dispatch();
    assert_eq!(page.headers().get_one("Content-Language"), Some("en"));
    let vary: Vec<&str> = page.headers().get("Vary").collect();
    assert!(
        vary.iter().any(|v| v.contains("Accept-Language")),
        "{vary:?}"
    );
    assert!(cookies_of(&page).iter().all(|c| c.name() != "lang"));
    assert_eq!(html_lang(&body(page)), Some("en"));
}

#[test]
fn lang_ko_in_the_query_switches_the_page_and_is_remembered_by_the_lang_cookie() {
    let client = client();
    let page = client.get("/labs/sessions?lang=ko").dispatch();
    assert_eq!(page.status(), Status::Ok);
    assert_eq!(page.headers().get_one("Content-Language"), Some("ko"));
    let cookie = response_cookie(&page, "lang").expect("the choice is remembered");
    assert_eq!(cookie.value(), "ko");
    assert_eq!(cookie.path(), Some("/"));
    assert_eq!(cookie.http_only(), Some(true));
    assert!(
        cookie.max_age().is_some(),
        "kept beyond this browser session"
    );
    let html = body(page);
    assert_eq!(html_lang(&html), Some("ko"));
    assert_eq!(visits(&html), 1, "the #visits marker is the same in Korean");

    // The next page, with no ?lang, is still Korean; the cookie is not sent again.
    let next = client.get("/labs/cookies").dispatch();
    assert_eq!(next.headers().get_one("Content-Language"), Some("ko"));
    assert_eq!(response_cookie(&next, "lang"), None);
    // And ?lang=en switches back.
    let back = client.get("/?lang=en").dispatch();
    assert_eq!(back.headers().get_one("Content-Language"), Some("en"));
    assert_eq!(
        response_cookie(&back, "lang").map(|c| c.value().to_string()),
        Some("en".into())
    );
}

#[test]
fn a_browser_that_prefers_korean_gets_korean_without_a_cookie() {
    let client = untracked_client();
    let page = client
        .get("/labs/sessions")
        .header(Header::new(
            "Accept-Language",
            "ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7",
        ))
        .dispatch();
    assert_eq!(page.headers().get_one("Content-Language"), Some("ko"));
    assert!(
        cookies_of(&page).iter().all(|c| c.name() != "lang"),
        "nothing to remember"
    );
    let english = client
        .get("/labs/sessions")
        .header(Header::new("Accept-Language", "en-US,en;q=0.9,ko;q=0.8"))
        .dispatch();
    assert_eq!(english.headers().get_one("Content-Language"), Some("en"));
}

#[test]
fn an_unknown_lang_value_is_ignored_and_sets_nothing() {
    let client = untracked_client();
    for value in ["fr", "KO", "ko-KR", "%3Cscript%3E", ""] {
        let page = client
            .get(format!("/labs/sessions?lang={value}"))
            .dispatch();
        assert_eq!(page.status(), Status::Ok, "{value}");
        assert_eq!(
            page.headers().get_one("Content-Language"),
            Some("en"),
            "{value}"
        );
        assert!(
            cookies_of(&page).iter().all(|c| c.name() != "lang"),
            "{value}"
        );
    }
}

#[test]
fn a_flash_message_and_a_refused_login_read_in_korean() {
    let client = client();
    client.get("/labs/sessions?lang=ko").dispatch();
    let refused = login(&client, "/labs/sessions", "alice", "not-her-password");
    assert!(
        unescape_html(&body(refused)).contains(&korean("login-invalid")),
        "the refusal is the Korean message"
    );
}

#[test]
fn the_cookie_builder_refuses_to_overwrite_the_language_choice() {
    let client = client();
    let fields = [("name", "lang"), ("value", "en"), ("path", "/")];
    let refused = post_form(&client, "/labs/cookies/builder", &fields);
    assert_eq!(refused.status(), Status::UnprocessableEntity);
    assert!(set_cookie_headers(&refused).is_empty());
}

/// The ids of a page's elements, the markers tests and exercises look for; a heading's id is
/// made from its words (a chapter's anchors), so headings are left out.
fn ids(html: &str) -> std::collections::BTreeSet<String> {
    let id = regex::Regex::new(r#"<([a-z0-9]+)[^>]*\sid="([^"]+)""#).expect("pattern");
    let heading = regex::Regex::new(r"^h[1-6]$").expect("pattern");
    id.captures_iter(html)
        .filter(|c| !heading.is_match(&c[1]))
        .map(|c| c[2].to_string())
        .collect()
}

/// The page's visible text: tags, scripts and code left out.
fn prose(html: &str) -> String {
    let hidden = regex::Regex::new(
        r"(?s)<script[^>]*>.*?</script>|<style[^>]*>.*?</style>|<pre[^>]*>.*?</pre>|<code[^>]*>.*?</code>|<title[^>]*>.*?</title>",
    )
    .expect("pattern");
    let tags = regex::Regex::new(r"(?s)<[^>]*>").expect("pattern");
    tags.replace_all(&hidden.replace_all(html, " "), " ")
        .to_string()
}

#[test]
fn every_page_of_the_tour_renders_in_korean_with_the_same_markers_and_no_message_missing() {
    use crate::support::tour::{english_tour, tour_app, tour_in_korean};
    let english = english_tour();
    let korean = tour_in_korean(&tour_app());
    assert!(
        korean.len() > 60,
        "the Korean tour saw only {} pages",
        korean.len()
    );
    assert_eq!(
        korean.iter().map(|v| &v.how).collect::<Vec<_>>(),
        english.iter().map(|v| &v.how).collect::<Vec<_>>(),
        "the same pages in both languages"
    );
    let mut problems = Vec::new();
    for (ko, en) in korean.iter().zip(english) {
        let (how, html) = (&ko.how, &ko.page.body);
        if ko.page.status != en.page.status {
            problems.push(format!(
                "{how}: {} in Korean, {} in English",
                ko.page.status, en.page.status
            ));
        }
        if html_lang(html) != Some("ko") {
            problems.push(format!("{how}: <html lang> is not ko"));
        }
        let text = prose(html);
        if !text.chars().any(|c| ('가'..='힣').contains(&c)) {
            problems.push(format!("{how}: no Korean words"));
        }
        if text.contains("Unknown localization") || text.contains("{ $") {
            problems.push(format!("{how}: a placeholder shows"));
        }
        let (missing, extra): (Vec<_>, Vec<_>) = (
            ids(&en.page.body).difference(&ids(html)).cloned().collect(),
            ids(html).difference(&ids(&en.page.body)).cloned().collect(),
        );
        if !missing.is_empty() || !extra.is_empty() {
            problems.push(format!(
                "{how}: ids only in English {missing:?}, only in Korean {extra:?}"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_inspector_says_the_lang_cookie_is_not_part_of_the_lab() {
    let client = untracked_client();
    for lab in ["/labs/sessions", "/labs/cookies", "/labs/jwt-cookie"] {
        // The local client reads cookies from its own jar, the inspector from the header: both.
        let with = |line: &str| {
            let mut request = client.get(lab);
            for pair in line.split("; ").filter(|p| !p.is_empty()) {
                let (name, value) = pair.split_once('=').expect("name=value");
                request = request.cookie(rocket::http::Cookie::new(
                    name.to_string(),
                    value.to_string(),
                ));
            }
            if !line.is_empty() {
                request = request.header(Header::new("Cookie", line.to_string()));
            }
            body(request.dispatch())
        };
        let chosen = with("lang=ko");
        assert!(chosen.contains(r#"id="lang-cookie""#), "{lab}");
        assert_eq!(html_lang(&chosen), Some("ko"), "{lab}");
        assert!(
            with("theme=dark; lang=en").contains(r#"id="lang-cookie""#),
            "{lab}"
        );
        assert!(!with("").contains(r#"id="lang-cookie""#), "{lab}");
        assert!(!with("slang=ko").contains(r#"id="lang-cookie""#), "{lab}");
    }
    let cookies = body(
        client
            .get("/labs/cookies")
            .cookie(rocket::http::Cookie::new("lang", "en"))
            .header(Header::new("Cookie", "lang=en"))
            .dispatch(),
    );
    assert!(
        cookies.contains("the site&#x27;s note of the language"),
        "the lab's table names it"
    );
}
