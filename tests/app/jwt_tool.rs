//! The JWT decoder at /tools/jwt: decode, verify against this app's key, build attacks.

use crate::support;
use crate::support::internals::Audience;
use crate::support::jwt::{expired, issued, signed_elsewhere, tampered, unsigned};
use crate::support::*;
use rocket::http::Status;
use rocket::local::blocking::Client;
use serde_json::Value;

const TOOL: &str = "/tools/jwt";

/// Posts the form; returns the status and the page.
#[track_caller]
fn decode(client: &Client, fields: &[(&str, &str)]) -> (Status, String) {
    let response = post_form(client, TOOL, fields);
    (response.status(), body(response))
}

/// The verdict's code (`valid`, `expired`, …) and message.
#[track_caller]
fn verdict(html: &str) -> (String, String) {
    let code = regex::Regex::new(r#"id="verdict" data-code="([a-z_]+)""#)
        .expect("regex")
        .captures(html)
        .map(|c| c[1].to_string())
        .expect("a verdict");
    (
        code,
        element_text(html, "verdict-message").expect("a message"),
    )
}

#[test]
fn form_is_served_and_says_nothing_leaves_the_machine() {
    let client = client();
    let response = client.get(TOOL).dispatch();
    assert_eq!(response.status(), Status::Ok);
    let html = body(response);
    assert!(html.contains(r#"<textarea class="token-input" id="token-input" name="token""#));
    assert!(html.contains("Nothing leaves this machine"));
    assert!(!html.contains(r#"id="verdict""#));
}

#[test]
fn valid_tokens_are_valid_and_name_their_lab() {
    let client = client();
    for (audience, lab) in [
        (Audience::JwtCookie, "JWT in a cookie"),
        (Audience::JwtHeader, "JWT in a header"),
    ] {
        let token = issued(&client, audience, Some("alice"), 4);
        let (status, html) = decode(&client, &[("token", &token)]);
        assert_eq!(status, Status::Ok);
        let (code, message) = verdict(&html);
        assert_eq!(code, "valid");
        assert!(
            message.contains(lab) && message.contains("alice"),
            "{message}"
        );
    }
}

#[test]
fn page_colour_codes_the_parts_and_shows_claims_with_human_times() {
    let client = client();
    let token = issued(&client, Audience::JwtCookie, None, 2);
    let (_, html) = decode(&client, &[("token", &format!("  Bearer {token}\n"))]);
    let parts: Vec<&str> = token.split('.').collect();
    assert!(html.contains(&format!(r#"<span class="jwt-header">{}</span>"#, parts[0])));
    assert!(html.contains(&format!(r#"<span class="jwt-payload">{}</span>"#, parts[1])));
    assert!(html.contains(&format!(
        r#"<span class="jwt-signature">{}</span>"#,
        parts[2]
    )));
    let decoded = element_text(&html, "decoded-payload").expect("decoded payload");
    let payload: Value = serde_json::from_str(&decoded).expect("pretty JSON");
    assert_eq!(payload["visits"], 2);
    assert!(
        regex::Regex::new(r"<time datetime=\d{4}-|<time datetime=.\d{4}-\d\d-\d\dT")
            .expect("regex")
            .is_match(&html)
    );
    assert!(html.contains("(in 15 min)"), "relative time of exp");
}

#[test]
fn every_refusal_reason_is_given() {
    let client = client();
    let alice = issued(&client, Audience::JwtHeader, Some("alice"), 1);
    let cases = [
        (
            tampered(&alice, |p| {
                p.insert("sub".into(), Value::from("bob"));
            }),
            "bad_signature",
            "Bad signature",
        ),
        (
            unsigned(&alice, "none"),
            "algorithm_not_allowed",
            "Algorithm not allowed",
        ),
        (
            unsigned(&alice, "NoNe"),
            "algorithm_not_allowed",
            "Algorithm not allowed",
        ),
        (
            signed_elsewhere(Audience::JwtCookie, "alice"),
            "bad_signature",
            "Bad signature",
        ),
        (
            expired(&client, Audience::JwtCookie, "alice", 1),
            "expired",
            "Expired",
        ),
    ];
    for (token, code, starts) in cases {
        let (status, html) = decode(&client, &[("token", &token)]);
        assert_eq!(status, Status::Ok, "a readable token is analysed");
        let (got, message) = verdict(&html);
        assert_eq!(got, code, "{message}");
        assert!(message.starts_with(starts), "{message}");
        assert!(html.contains(r#"id="decoded-payload""#), "still decoded");
    }
}

#[test]
fn attack_buttons_build_each_classic_attack_and_it_is_refused() {
    let client = client();
    let token = issued(&client, Audience::JwtCookie, Some("alice"), 1);
    for (attack, code) in [
        ("tamper", "bad_signature"),
        ("alg-none", "algorithm_not_allowed"),
        ("expired", "expired"),
    ] {
        let (status, html) = decode(&client, &[("token", &token), ("attack", attack)]);
        assert_eq!(status, Status::Ok);
        assert!(
            element_text(&html, "attack").is_some(),
            "{attack} is explained"
        );
        assert_eq!(verdict(&html).0, code, "{attack}");
        let built = element_text(&html, "token-input").expect("the built token");
        assert_ne!(built, token);
    }
    // The edited payload really carries the edit, with the old signature.
    let (_, html) = decode(&client, &[("token", &token), ("attack", "tamper")]);
    let built = element_text(&html, "token-input").expect("token");
    assert_eq!(support::jwt::payload(&built)["visits"], 1_000_000);
    assert_eq!(built.rsplit('.').next(), token.rsplit('.').next());
}

#[test]
fn expired_attack_never_signs_claims_the_server_did_not_issue() {
    let client = client();
    let forged = tampered(&issued(&client, Audience::JwtCookie, Some("bob"), 1), |p| {
        p.insert("sub".into(), Value::from("admin"));
    });
    let (_, html) = decode(&client, &[("token", &forged), ("attack", "expired")]);
    assert!(element_text(&html, "attack-error").is_some_and(|e| e.contains("valid token")));
    assert_eq!(
        verdict(&html).0,
        "bad_signature",
        "the pasted token, unchanged"
    );
}

#[test]
fn malformed_input_gets_a_clear_message_never_a_500() {
    let client = client();
    for (input, expected) in [
        ("", "Nothing to decode"),
        ("hello", "Not a JWT"),
        ("a.b", "Not a JWT"),
        ("a.b.c.d", "Not a JWT"),
        ("a.b.c", "Malformed"),
        ("<script>alert(1)</script>", "Not a JWT"),
        ("ü.ö.ä", "Not a JWT"),
    ] {
        let (status, html) = decode(&client, &[("token", input)]);
        assert_eq!(status, Status::UnprocessableEntity, "{input:?}");
        assert_ne!(verdict(&html).0, "valid");
        let message = element_text(&html, "unreadable").expect("says why it is unreadable");
        assert!(message.starts_with(expected), "{input:?}: {message}");
        assert!(!html.contains("<script>alert"), "escaped");
    }
    // Readable but not a token of ours: decoded, and the verdict says what is wrong.
    let (status, html) = decode(&client, &[("token", "e30.e30.")]);
    assert_eq!(status, Status::Ok);
    assert_eq!(verdict(&html).0, "malformed");
    assert!(verdict(&html).1.contains("no alg"));
    // Attacks on garbage explain themselves instead of failing.
    let (status, html) = decode(&client, &[("token", "junk"), ("attack", "alg-none")]);
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(element_text(&html, "attack-error").is_some());
}

#[test]
fn bad_forms_are_4xx() {
    let client = client();
    for fields in [
        vec![],
        vec![("attack", "tamper")],
        vec![("token", "a.b.c"), ("attack", "nope")],
    ] {
        let (status, _) = decode(&client, &fields);
        assert!(status.class().is_client_error(), "{fields:?}: {status}");
    }
    let huge = "a".repeat(100_000);
    let (status, _) = decode(&client, &[("token", &huge)]);
    assert!(status.class().is_client_error(), "{status}");
    let response = client
        .post(TOOL)
        .header(rocket::http::ContentType::Form)
        .body(&b"token=%FF%FE"[..])
        .dispatch();
    assert!(response.status().class().is_client_error());
}

#[test]
fn jwt_pages_load_nothing_from_another_host_and_link_the_decoder() {
    let client = client();
    let token = issued(&client, Audience::JwtCookie, Some("alice"), 1);
    let pages = [
        body(client.get("/labs/jwt-cookie").dispatch()),
        body(client.get("/labs/jwt-cookie/login").dispatch()),
        body(client.get("/labs/jwt-header").dispatch()),
        body(client.get(TOOL).dispatch()),
        decode(&client, &[("token", &token)]).1,
    ];
    for html in &pages {
        for attr in [
            "src=\"http",
            "href=\"http",
            "src=\"//",
            "href=\"//",
            "action=\"http",
        ] {
            assert!(!html.contains(attr), "{attr}");
        }
        assert!(
            html.contains(r#"<a href="/tools/jwt""#),
            "the navigation links the decoder"
        );
    }
}
