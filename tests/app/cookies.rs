//! The cookies lab: plain, signed and private counters, the cookie builder, and a login kept
//! in a private cookie with no server state.

use crate::support;
use crate::support::internals::Secret;
use crate::support::internals::{CookieSigner, Verified};
use crate::support::*;
use rocket::http::{Cookie, SameSite, Status};
use rocket::local::blocking::{Client, LocalResponse};

const BASE: &str = COOKIES;
const BUILDER: &str = "/labs/cookies/builder";

#[track_caller]
fn visit(client: &Client) -> String {
    let response = client.get(BASE).dispatch();
    assert_eq!(response.status(), Status::Ok);
    body(response)
}

#[track_caller]
fn visit_with(client: &Client, cookies: Vec<Cookie<'static>>) -> String {
    let response = client.get(BASE).cookies(cookies).dispatch();
    assert_eq!(response.status(), Status::Ok);
    body(response)
}

#[track_caller]
fn count(html: &str, kind: &str) -> u64 {
    element_text(html, &format!("{kind}-visits"))
        .expect("counter shown")
        .parse()
        .expect("a number")
}

#[track_caller]
fn verdict(html: &str, kind: &str) -> String {
    element_text(html, &format!("{kind}-verdict")).expect("verdict shown")
}

#[track_caller]
fn set_cookie_line(response: &LocalResponse<'_>, name: &str) -> String {
    set_cookie_headers(response)
        .into_iter()
        .find(|l| l.starts_with(&format!("{name}=")))
        .unwrap_or_else(|| panic!("a Set-Cookie for {name}"))
}

fn signer(keys: &[&str]) -> CookieSigner {
    CookieSigner::new(keys.iter().map(|k| Secret::new(k.as_bytes())).collect()).expect("a key")
}

const DEMO_NEW: &str = crate::support::internals::DEMO_COOKIE_SIGNING_KEYS[0];
const DEMO_OLD: &str = crate::support::internals::DEMO_COOKIE_SIGNING_KEYS[1];

// ---- The three counters -------------------------------------------------------------------

#[test]
fn each_counter_increments_on_each_visit() {
    let app = TestApp::spawn();
    let mut visitor = CookiesVisitor::arrive(&app);
    for expected in 1..=3 {
        let page = visitor.visit();
        for kind in ["plain", "signed", "private"] {
            assert_eq!(count(&page.body, kind), expected, "{kind}");
        }
        assert_eq!(page.visits(), expected, "#visits is the private counter");
    }
    let page = visitor.visit();
    assert_eq!(verdict(&page.body, "plain"), "accepted");
    assert_eq!(verdict(&page.body, "signed"), "accepted");
    assert_eq!(verdict(&page.body, "private"), "accepted");
}

#[test]
fn counter_cookies_are_path_scoped_browser_session_cookies_and_only_private_is_httponly() {
    let client = client();
    let response = client.get(BASE).dispatch();
    for name in ["plain_visits", "signed_visits", "private_visits"] {
        let cookie = Cookie::parse(set_cookie_line(&response, name)).expect("valid");
        assert_eq!(cookie.path(), Some(BASE), "{name}");
        assert_eq!(cookie.same_site(), Some(SameSite::Lax), "{name}");
        assert!(
            cookie.expires().is_none() && cookie.max_age().is_none(),
            "{name}"
        );
        assert_eq!(
            cookie.http_only() == Some(true),
            name == "private_visits",
            "{name}"
        );
    }
    let plain = response_cookie(&response, "plain_visits").expect("plain");
    assert_eq!(plain.value(), "1", "the plain counter is the bare number");
    let signed = response_cookie(&response, "signed_visits").expect("signed");
    assert!(
        signed.value().starts_with("1."),
        "readable: {}",
        signed.value()
    );
    let private = response_cookie(&response, "private_visits").expect("private");
    // Encrypted: not the number, and not `1.<tag>` either (base64 has no dot).
    let value = private.value();
    assert!(
        value != "1" && !value.starts_with("1.") && value.len() > 20,
        "{value}"
    );
}

#[test]
fn an_edited_plain_cookie_is_believed() {
    let client = untracked_client();
    let html = visit_with(&client, vec![Cookie::new("plain_visits", "41")]);
    assert_eq!(count(&html, "plain"), 42);
    assert_eq!(verdict(&html, "plain"), "accepted");
}

#[test]
fn an_edited_signed_cookie_is_detected_and_ignored() {
    let client = untracked_client();
    let genuine = response_cookie(&client.get(BASE).dispatch(), "signed_visits").expect("signed");
    let (_, tag) = genuine.value().split_once('.').expect("value.tag");
    let forged = format!("41.{tag}");
    let html = visit_with(&client, vec![Cookie::new("signed_visits", forged)]);
    assert_eq!(count(&html, "signed"), 1, "the count restarts");
    assert_eq!(verdict(&html, "signed"), "signature did not match");
    assert!(
        html.contains("signature mismatch"),
        "the inspector row says so too"
    );
    // A signed value moved to another cookie name does not verify either (the name is bound in).
    let moved = signer(&[DEMO_NEW]).sign("other", "41");
    let html = visit_with(&client, vec![Cookie::new("signed_visits", moved)]);
    assert_eq!(verdict(&html, "signed"), "signature did not match");
    let html = visit_with(&client, vec![Cookie::new("signed_visits", "41")]);
    assert_eq!(count(&html, "signed"), 1);
    assert_eq!(verdict(&html, "signed"), "not signed");
}

#[test]
fn an_edited_private_cookie_is_detected_and_ignored() {
    let client = untracked_client();
    let genuine = response_cookie(&client.get(BASE).dispatch(), "private_visits").expect("c");
    let mut value = genuine.value().to_string();
    let flipped = if value.starts_with('A') { "B" } else { "A" };
    value.replace_range(0..1, flipped);
    for tampered in [value, "41".to_string()] {
        let html = visit_with(&client, vec![Cookie::new("private_visits", tampered)]);
        assert_eq!(visits(&html), 1, "the count restarts");
        assert_eq!(verdict(&html, "private"), "could not decrypt");
    }
    // The genuine one still counts.
    let html = visit_with(&client, vec![genuine]);
    assert_eq!(visits(&html), 2);
}

#[test]
fn a_private_value_moved_to_another_name_does_not_decrypt() {
    let client = untracked_client();
    let counter = response_cookie(&client.get(BASE).dispatch(), "private_visits").expect("c");
    let response = client
        .get(format!("{BASE}/me"))
        .cookie(Cookie::new("user", counter.value().to_string()))
        .dispatch();
    assert_redirect_to(&response, "/labs/cookies/login");
}

#[test]
fn garbage_counter_cookies_never_break_the_page() {
    let client = untracked_client();
    for value in [
        "",
        "%",
        "%ZZ",
        "-1",
        "1.2.3",
        "\u{7f}",
        &"A".repeat(3000),
        "99999999999999999999999",
    ] {
        let html = visit_with(
            &client,
            ["plain_visits", "signed_visits", "private_visits", "user"]
                .iter()
                .map(|n| Cookie::new(*n, value.to_string()))
                .collect(),
        );
        assert_eq!(visits(&html), 1, "{value:?}");
        assert_eq!(count(&html, "plain"), 1, "{value:?}");
        assert_eq!(user(&html), None);
    }
    let html = visit_with(
        &client,
        vec![Cookie::new("plain_visits", u64::MAX.to_string())],
    );
    assert_eq!(
        count(&html, "plain"),
        u64::MAX,
        "saturates, never overflows"
    );
}

// ---- Key rotation ---------------------------------------------------------------------------

fn rotated_client(keys: &[&str]) -> Client {
    let figment = figment().merge(("cookie_signing_keys", keys));
    Client::untracked(crate::support::internals::rocket_from(figment)).expect("app")
}

#[test]
fn key_rotation_old_cookies_verify_new_cookies_use_the_new_key() {
    let new = "a-brand-new-cookie-signing-key-of-40-bytes";
    let old = "the-old-cookie-signing-key-still-in-the-list";
    // A cookie signed before the rotation, when `old` was the only key.
    let before = signer(&[old]).sign("signed_visits", "6");

    let client = rotated_client(&[new, old]);
    let response = client
        .get(BASE)
        .cookie(Cookie::new("signed_visits", before))
        .dispatch();
    let fresh = response_cookie(&response, "signed_visits").expect("re-signed");
    let html = body(response);
    assert_eq!(count(&html, "signed"), 7, "the old-key cookie was accepted");
    assert!(
        html.contains("Signature verified with key 2 of 2"),
        "{html}"
    );
    assert_eq!(
        signer(&[new]).verify("signed_visits", fresh.value()),
        Verified::Valid {
            value: "7".into(),
            key: 0
        },
        "the response re-signs with the new key"
    );
    assert_eq!(
        signer(&[old]).verify("signed_visits", fresh.value()),
        Verified::Mismatch
    );

    // Once the old key is dropped from the list, its cookies stop verifying.
    let before = signer(&[old]).sign("signed_visits", "6");
    let html = visit_with(
        &rotated_client(&[new]),
        vec![Cookie::new("signed_visits", before)],
    );
    assert_eq!(verdict(&html, "signed"), "signature did not match");
}

#[test]
fn the_retired_key_button_shows_rotation_with_the_demo_keys() {
    let client = client();
    visit(&client);
    visit(&client);
    let response = client.post(format!("{BASE}/signed/retired-key")).dispatch();
    assert_redirect_to(&response, BASE);
    let signed = response_cookie(&response, "signed_visits").expect("re-signed");
    assert_eq!(
        signer(&[DEMO_NEW, DEMO_OLD]).verify("signed_visits", signed.value()),
        Verified::Valid {
            value: "2".into(),
            key: 1
        }
    );
    let html = visit(&client);
    assert_eq!(count(&html, "signed"), 3, "nothing lost");
    assert!(html.contains("Signature verified with key 2 of 2 (a retired key"));
    let html = visit(&client);
    assert!(html.contains("Signature verified with key 1 of 2 (the current key)"));
}

#[test]
fn the_retired_key_button_is_a_clear_409_with_a_single_key() {
    let client = rotated_client(&["only-one-cookie-signing-key-of-32-bytes"]);
    assert!(!visit(&client).contains("sign-with-retired-key"));
    let response = client.post(format!("{BASE}/signed/retired-key")).dispatch();
    assert_eq!(response.status(), Status::Conflict);
    assert!(set_cookie_headers(&response).is_empty());
    assert!(body(response).contains("Only one signing key"));
}

// ---- Inspector ------------------------------------------------------------------------------

#[test]
fn inspector_shows_exactly_the_set_cookie_lines_sent() {
    let client = client();
    for _ in 0..2 {
        let response = client.get(BASE).dispatch();
        let sent = set_cookie_headers(&response);
        assert_eq!(sent.len(), 3);
        assert_eq!(inspector_set_cookie_lines(&body(response)), sent);
    }
    let response = post_form(&client, BUILDER, &[("name", "theme"), ("value", "dark")]);
    let sent = set_cookie_headers(&response);
    assert_eq!(sent, ["theme=dark"]);
    assert_eq!(inspector_set_cookie_lines(&body(response)), sent);
}

/// Over real HTTP, because only a real request carries a raw `Cookie` header.
#[test]
fn inspector_shows_the_raw_cookie_header_and_a_verdict_per_cookie() {
    let app = serve_app();
    let first = ureq::get(&format!("{app}{BASE}")).call().expect("first");
    let pairs: Vec<String> = first
        .all("Set-Cookie")
        .iter()
        .map(|l| l.split(';').next().expect("pair").to_string())
        .collect();
    let signed = pairs
        .iter()
        .find(|p| p.starts_with("signed_visits="))
        .expect("signed");
    let forged_signed = format!("signed_visits=5{}", &signed["signed_visits=1".len()..]);
    let header =
        format!("plain_visits=9; {forged_signed}; private_visits=garbage; other=<b>hi</b>");
    let html = ureq::get(&format!("{app}{BASE}"))
        .set("Cookie", &header)
        .call()
        .expect("second")
        .into_string()
        .expect("html");
    assert_eq!(
        element_text(&html, "sent-cookie"),
        Some(format!("Cookie: {header}"))
    );
    let table = element_table(&html);
    assert!(
        table.contains(
            "<code>plain_visits</code></td><td><code class=\"value\">9</code></td><td>accepted"
        ),
        "{table}"
    );
    assert!(table.contains("signature mismatch"), "{table}");
    assert!(table.contains("<code>private_visits</code></td><td><code class=\"value\">garbage</code></td><td>could not decrypt"), "{table}");
    assert!(table.contains("&lt;b&gt;hi&lt;/b&gt;") && !table.contains("<b>hi</b>"));
    assert_eq!(count(&html, "plain"), 10);
}

/// The table of received cookies shows the verdicts the page itself reached, row for row:
/// each counter accepted at the value it arrived with, the login the page greets, and a login
/// cookie that does not decrypt refused in the table as on the page.
#[test]
fn the_received_table_agrees_with_the_counters_and_the_login() {
    let app = TestApp::spawn();
    let mut alice = CookiesVisitor::arrive(&app);
    alice.visit();
    alice.log_in_as(ALICE);
    let page = alice.visit();
    assert_eq!(page.user().as_deref(), Some("alice"));
    let arrived = page.visits() - 1;
    let table = element_table(&page.body);
    for row in [
        format!("<td>accepted: {arrived}, believed without question</td>"),
        format!("<td>accepted: decrypts to {arrived}</td>"),
        format!(", value {arrived}</td>"),
        "<td>accepted: alice (account ".to_string(),
    ] {
        assert!(table.contains(&row), "{row} in {table}");
    }

    let html = visit_with(&untracked_client(), vec![Cookie::new("user", "garbage")]);
    assert_eq!(element_text(&html, "user"), None);
    let table = element_table(&html);
    assert!(
        table.contains("<code>user</code></td><td><code class=\"value\">garbage</code></td><td>could not decrypt"),
        "{table}"
    );
}

#[track_caller]
fn element_table(html: &str) -> String {
    block(html, "received-cookies", "</table>")
}

/// The markup from the element with `id` up to the first `end` tag after it.
#[track_caller]
fn block(html: &str, id: &str, end: &str) -> String {
    let start = html
        .find(&format!(r#"id="{id}""#))
        .unwrap_or_else(|| panic!("no #{id}"));
    let len = html[start..].find(end).expect("the end tag");
    html[start..start + len].to_string()
}

#[test]
fn hostile_cookie_names_and_values_are_shown_as_text() {
    let client = untracked_client();
    let response = client
        .get(BASE)
        .cookie(Cookie::new(
            "<script>x</script>",
            "<script>alert(1)</script>",
        ))
        .cookie(Cookie::new("plain_visits", "<img src=x onerror=alert(1)>"))
        .dispatch();
    assert_eq!(response.status(), Status::Ok);
    let html = body(response);
    assert!(!html.contains("<script>alert(1)"), "raw markup in the page");
    assert!(!html.contains("<script>x"), "raw markup in the page");
    assert!(!html.contains("<img src=x"), "raw markup in the page");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&lt;script&gt;x&lt;/script&gt;"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
}

#[test]
fn a_builder_cookie_with_script_in_its_value_is_shown_as_text() {
    let client = untracked_client();
    let response = post_form(
        &client,
        BUILDER,
        &[("name", "xss"), ("value", "<script>alert(1)</script>")],
    );
    assert_eq!(response.status(), Status::Ok);
    assert_eq!(
        set_cookie_headers(&response),
        ["xss=<script>alert(1)</script>"],
        "a valid cookie value, sent as is"
    );
    let html = body(response);
    assert!(!html.contains("<script>alert(1)"), "raw markup in the page");
    assert!(html.contains("xss=&lt;script&gt;alert(1)&lt;/script&gt;"));
}

// ---- The builder ----------------------------------------------------------------------------

#[track_caller]
fn build<'c>(client: &'c Client, fields: &[(&str, &str)]) -> LocalResponse<'c> {
    // The form as a browser posts it: unticked checkboxes are simply absent.
    post_form(client, BUILDER, fields)
}

#[test]
fn builder_emits_exactly_the_requested_attributes() {
    let client = untracked_client();
    let bare = build(
        &client,
        &[
            ("name", "a"),
            ("value", "b"),
            ("path", ""),
            ("same_site", ""),
        ],
    );
    assert_eq!(bare.status(), Status::Ok);
    assert_eq!(set_cookie_headers(&bare), ["a=b"], "no defaults added");

    let all = build(
        &client,
        &[
            ("name", "full"),
            ("value", "x/y=z"),
            ("max_age", "60"),
            ("expires", "2030-01-31T12:00"),
            ("path", "/labs"),
            ("domain", "localhost"),
            ("same_site", "None"),
            ("secure", "true"),
            ("http_only", "true"),
            ("partitioned", "true"),
        ],
    );
    assert_eq!(all.status(), Status::Ok);
    assert_eq!(
        set_cookie_headers(&all),
        [
            "full=x/y=z; HttpOnly; SameSite=None; Partitioned; Secure; Path=/labs; \
          Domain=localhost; Max-Age=60; Expires=Thu, 31 Jan 2030 12:00:00 GMT"
        ],
        "not percent-encoded, every attribute as asked"
    );

    for (same_site, attr) in [("Strict", "SameSite=Strict"), ("Lax", "SameSite=Lax")] {
        let r = build(
            &client,
            &[
                ("name", "s"),
                ("value", "1"),
                ("path", "/"),
                ("same_site", same_site),
            ],
        );
        assert_eq!(set_cookie_headers(&r), [format!("s=1; {attr}; Path=/")]);
    }
    let r = build(
        &client,
        &[
            ("name", "s"),
            ("value", "1"),
            ("path", ""),
            ("same_site", ""),
            ("secure", "true"),
        ],
    );
    assert_eq!(set_cookie_headers(&r), ["s=1; Secure"]);
}

#[test]
fn builder_result_page_shows_the_rocket_code_and_the_javascript_check() {
    let client = untracked_client();
    let html = body(build(
        &client,
        &[("name", "seen"), ("value", "yes"), ("http_only", "true")],
    ));
    let code = element_text(&html, "rocket-code").expect("code");
    assert!(code.contains(r#"Cookie::build(("seen", "yes"))"#), "{code}");
    assert!(code.contains(".http_only(true)"));
    assert!(html.contains(r#"data-cookie-name="seen""#));
    assert!(html.contains(r#"data-http-only="true""#));
    assert!(html.contains(r#"<script src="/static/js/cookie-visibility.js?v="#));
    let js = client.get("/static/js/cookie-visibility.js").dispatch();
    assert_eq!(js.status(), Status::Ok);
    assert!(body(js).contains("document.cookie"));
}

#[test]
fn builder_rejects_each_invalid_input_with_a_4xx_and_the_rule() {
    let client = untracked_client();
    let long = "v".repeat(4096);
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (vec![("name", "")], "The name is empty"),
        (vec![("name", "a;b")], "a semicolon"),
        (vec![("name", "a b")], "a space"),
        (vec![("name", "a=b")], "an equals sign"),
        (vec![("name", "caf\u{e9}")], "only US-ASCII"),
        (
            vec![("name", "a\u{1}")],
            "control characters are not allowed",
        ),
        (
            vec![("name", "n"), ("value", "x; Domain=evil.example")],
            "a semicolon ends the value",
        ),
        (
            vec![("name", "n"), ("value", "x\r\nSet-Cookie: evil=1")],
            "a CR or LF would start a new header",
        ),
        (vec![("name", "n"), ("value", "a,b")], "a comma"),
        (vec![("name", "n"), ("value", "a\\b")], "a backslash"),
        (vec![("name", "n"), ("value", "a\"b")], "a double quote"),
        (vec![("name", "n"), ("value", "\u{d55c}")], "only US-ASCII"),
        (vec![("name", "n"), ("value", long.as_str())], "4097 bytes"),
        (
            vec![("name", "n"), ("max_age", "soon")],
            "Max-Age <code>soon</code>",
        ),
        (
            vec![("name", "n"), ("max_age", "-5")],
            "Max-Age <code>-5</code>",
        ),
        (
            vec![("name", "n"), ("expires", "tomorrow")],
            "Expires <code>tomorrow</code>",
        ),
        (
            vec![("name", "n"), ("path", "labs")],
            "does not start with <code>/</code>",
        ),
        (
            vec![("name", "n"), ("path", "/a;HttpOnly")],
            "Path contains <code>;</code>",
        ),
        (
            vec![("name", "n"), ("domain", "evil.example;x")],
            "Domain contains <code>;</code>",
        ),
        (
            vec![("name", "n"), ("domain", "not a host")],
            "is not a host name",
        ),
        (
            vec![("name", "n"), ("same_site", "Sometimes")],
            "SameSite <code>Sometimes</code>",
        ),
        (
            vec![("name", "n"), ("same_site", "None")],
            "SameSite=None without Secure: browsers reject",
        ),
        (
            vec![("name", "n"), ("partitioned", "true")],
            "Partitioned without Secure",
        ),
        (vec![("name", "__Secure-n")], "__Secure-"),
        (
            vec![("name", "__Host-n"), ("secure", "true"), ("path", "/labs")],
            "__Host-",
        ),
    ];
    for (fields, says) in cases {
        let response = build(&client, &fields);
        assert_eq!(response.status(), Status::UnprocessableEntity, "{fields:?}");
        assert!(
            set_cookie_headers(&response).is_empty(),
            "{fields:?}: a cookie was set"
        );
        let html = body(response);
        let errors = unescape_html(&block(&html, "build-errors", "</div>"));
        assert!(errors.contains(says), "{fields:?}: {errors}");
        assert!(
            errors.contains("RFC") || errors.contains("browsers") || errors.contains("CHIPS"),
            "{errors}"
        );
    }
}

#[test]
fn builder_keeps_the_input_when_it_refuses_it() {
    let client = untracked_client();
    let html = body(build(&client, &[("name", "bad name"), ("value", "<kept>")]));
    assert!(html.contains(r#"value="bad name""#));
    assert!(html.contains(r#"value="&lt;kept&gt;""#));
}

#[test]
fn builder_form_that_is_not_utf8_is_a_4xx_not_a_500() {
    let client = untracked_client();
    let response = client
        .post(BUILDER)
        .header(rocket::http::ContentType::Form)
        .body(b"name=%FF%FE&value=x".as_slice())
        .dispatch();
    assert!(response.status().code >= 400 && response.status().code < 500);
    assert!(set_cookie_headers(&response).is_empty());
}

#[test]
fn the_tutorial_cookie_matches_express_res_cookie() {
    let client = untracked_client();
    let response = client.post(format!("{BASE}/tutorial-cookie")).dispatch();
    assert_eq!(response.status(), Status::Ok);
    let line = set_cookie_line(&response, "customKey");
    let cookie = Cookie::parse(line.clone()).expect("valid");
    assert_eq!(cookie.value(), "customValue");
    assert_eq!(
        cookie.max_age(),
        Some(time::Duration::seconds(3600)),
        "maxAge 3600000 ms"
    );
    assert_eq!(cookie.http_only(), Some(true));
    assert_eq!(cookie.path(), Some("/"), "Rocket's default, like express's");
    let html = body(response);
    assert_eq!(inspector_set_cookie_lines(&html), [line]);
    let builder = body(client.get(BUILDER).dispatch());
    assert!(builder
        .contains("res.cookie('customKey', 'customValue', { maxAge: 3600000, httpOnly: true });"));
    assert!(builder.contains(".max_age(Duration::hours(1))"));
}

// ---- Removal --------------------------------------------------------------------------------

#[test]
fn removal_with_a_wrong_path_does_not_match_the_cookie() {
    let client = untracked_client();
    let set = client.post(format!("{BASE}/crumb")).dispatch();
    let crumb = Cookie::parse(set_cookie_line(&set, "crumb")).expect("crumb");
    assert_eq!(crumb.path(), Some(BASE));

    // A removal only deletes a stored cookie with the same name, path and domain.
    let matches = |removal: &Cookie<'_>| {
        removal.name() == crumb.name()
            && removal.path() == crumb.path()
            && removal.domain() == crumb.domain()
    };
    let wrong = post_form(
        &client,
        &format!("{BASE}/remove"),
        &[("name", "crumb"), ("path", "/")],
    );
    assert_redirect_to(&wrong, "/labs/cookies/builder#received");
    let removal = Cookie::parse(set_cookie_line(&wrong, "crumb")).expect("removal");
    assert_eq!(removal.max_age(), Some(time::Duration::ZERO));
    assert_eq!(removal.path(), Some("/"));
    assert!(
        !matches(&removal),
        "Path=/ is a different cookie from Path=/labs/cookies"
    );

    // The next page says what was sent, as code (the flash survives the header's `;`).
    let tracked = support::client();
    post_form(
        &tracked,
        &format!("{BASE}/remove"),
        &[("name", "crumb"), ("path", "/")],
    );
    let flash = unescape_html(&body(tracked.get(BUILDER).dispatch()));
    assert!(
        flash.contains(
            "Sent <code>Set-Cookie: crumb=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT</code>"
        ),
        "{flash}"
    );

    let right = post_form(
        &client,
        &format!("{BASE}/remove"),
        &[("name", "crumb"), ("path", BASE)],
    );
    let removal = Cookie::parse(set_cookie_line(&right, "crumb")).expect("removal");
    assert_eq!(removal.value(), "");
    assert!(matches(&removal));

    let bad = post_form(
        &client,
        &format!("{BASE}/remove"),
        &[("name", "a;b"), ("path", "/")],
    );
    assert_eq!(bad.status(), Status::UnprocessableEntity);
    assert!(set_cookie_headers(&bad).is_empty());
    assert!(block(&body(bad), "remove-errors", "</div>").contains("semicolon"));
}

// ---- Login in a private cookie --------------------------------------------------------------

#[test]
fn login_form_lists_the_demo_accounts() {
    let html = body(client().get(format!("{BASE}/login")).dispatch());
    assert!(html.contains("<code>alice</code> / <code>wonderland</code>"));
    assert!(html.contains(r#"action="/labs/cookies/login""#));
}

#[test]
fn login_success_redirects_to_me_which_shows_the_user() {
    let app = TestApp::spawn();
    let mut alice = CookiesVisitor::arrive(&app);
    let page = alice.log_in_as(ALICE);
    page.assert_redirect_to("/labs/cookies/me");
    let line = page.set_cookie_for("user").expect("a Set-Cookie for user");
    let cookie = Cookie::parse(line).expect("login cookie");
    assert_eq!(cookie.path(), Some(BASE));
    assert_eq!(cookie.http_only(), Some(true));
    assert!(cookie.expires().is_none(), "a browser-session cookie");
    assert!(!cookie.value().contains("alice"), "encrypted");
    let me = alice.me();
    assert_eq!(me.status, Status::Ok);
    assert_eq!(me.user().as_deref(), Some("alice"));
    assert_eq!(alice.visit().user().as_deref(), Some("alice"));
}

#[test]
fn the_count_carries_over_the_login() {
    let app = TestApp::spawn();
    let mut bob = CookiesVisitor::arrive(&app);
    bob.visit();
    bob.visit();
    bob.log_in_as(BOB);
    let page = bob.visit();
    assert_eq!(page.visits(), 3);
    assert_eq!(page.user().as_deref(), Some("bob"));
}

#[test]
fn me_redirects_anonymous_and_forged_logins_to_the_login_form() {
    let client = untracked_client();
    assert_redirect_to(
        &client.get(format!("{BASE}/me")).dispatch(),
        "/labs/cookies/login",
    );
    // A plain `user=alice` is not a login: the cookie must decrypt.
    let response = client
        .get(format!("{BASE}/me"))
        .cookie(Cookie::new("user", "alice"))
        .dispatch();
    assert_redirect_to(&response, "/labs/cookies/login");
}

#[test]
fn logout_is_post_only_and_removes_the_cookie_with_its_path() {
    let app = TestApp::spawn();
    let mut alice = CookiesVisitor::arrive(&app);
    alice.log_in_as(ALICE);
    assert_eq!(
        alice.0.get(&format!("{BASE}/logout")).status,
        Status::MethodNotAllowed
    );
    let page = alice.log_out();
    page.assert_redirect_to(BASE);
    let removal = page.set_cookie_for("user").expect("a Set-Cookie for user");
    assert!(removal.contains("Path=/labs/cookies"), "{removal}");
    assert!(removal.contains("Max-Age=0"), "{removal}");
    alice.me().assert_redirect_to("/labs/cookies/login");
    assert_eq!(alice.visit().user(), None);
}

#[test]
fn a_cookie_copied_before_logout_still_authenticates_after_it() {
    let app = TestApp::spawn();
    let mut alice = CookiesVisitor::arrive(&app);
    alice.log_in_as(ALICE);
    assert!(alice.0.jar.get("user").is_some(), "login cookie");
    let copied = alice.credential_copy();
    alice.log_out().assert_redirect_to(BASE);

    // Nothing on the server to revoke: the copy is as good as ever.
    let page = CookiesVisitor::arrive(&app).carrying(copied).me();
    assert_eq!(page.status, Status::Ok);
    assert_eq!(page.user().as_deref(), Some("alice"));
    assert!(page.body.contains("nothing on the server to revoke"));
}

#[test]
fn the_login_cookie_is_not_accepted_by_the_sessions_lab() {
    let app = TestApp::spawn();
    let mut alice = CookiesVisitor::arrive(&app);
    alice.log_in_as(ALICE);
    let login = alice.0.jar.get("user").expect("login cookie");
    // Sent to the sessions lab on purpose (its own `Path` would keep it away).
    let mut sent_anyway = Cookie::new("user", login.value().to_string());
    sent_anyway.set_path("/");
    let mut same_browser = SessionsVisitor::arrive(&app);
    same_browser.0.jar.put(sent_anyway);
    same_browser.me().assert_redirect_to("/labs/sessions/login");
}

#[test]
fn home_lists_the_cookies_lab_as_ready() {
    let html = body(client().get("/").dispatch());
    assert!(html.contains(r#"<a href="/labs/cookies">Cookies</a>"#));
}

#[test]
fn lab_pages_load_nothing_from_another_host_and_have_no_inline_script() {
    let client = client();
    login(&client, BASE, "alice", "wonderland");
    let pages = [
        body(client.get(BASE).dispatch()),
        body(client.get(format!("{BASE}/me")).dispatch()),
        body(client.get(format!("{BASE}/login")).dispatch()),
        body(client.get(BUILDER).dispatch()),
        body(post_form(
            &client,
            BUILDER,
            &[("name", "a"), ("value", "b")],
        )),
    ];
    for html in pages {
        for bad in [
            "src=\"http",
            "href=\"http",
            "src=\"//",
            "href=\"//",
            " onclick=",
            " onload=",
        ] {
            assert!(!html.contains(bad), "{bad}");
        }
        for script in html.match_indices("<script").map(|(i, _)| &html[i..]) {
            assert!(
                script.starts_with("<script src=\"/static/js/"),
                "{script:.60}"
            );
        }
    }
}

#[test]
fn cookie_secure_setting_adds_secure_to_every_lab_cookie() {
    let client = client_with(figment().merge(("cookie_secure", true)));
    let visit = client.get("/labs/cookies").dispatch();
    let lines = set_cookie_headers(&visit);
    assert_eq!(lines.len(), 3, "{lines:?}");
    let login = login(&client, "/labs/cookies", "alice", "wonderland");
    let user_line = set_cookie_headers(&login)
        .into_iter()
        .find(|l| l.starts_with("__Host-user="))
        .expect("the login cookie, named with the __Host- prefix");
    for line in lines.iter().chain([&user_line]) {
        assert!(line.contains("; Secure"), "{line}");
    }
}
