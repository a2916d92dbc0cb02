//! The JWT workbench at /tools/jwt: verifying with a key the learner gives (secret, PEM, JWK)
//! for every algorithm, the HS256 encoder, the wordlist cracker and the claims table.
//! The RSA, EC and Ed25519 keys are throwaway fixtures (tests/fixtures/jwt/README.md).

use std::time::{Duration, Instant};

use crate::support::internals::{b64url, Audience};
use crate::support::jwt::{issued, signed_raw, tampered, unsigned};
use crate::support::*;
use jsonwebtoken::{encode, Algorithm, EncodingKey, Header};
use rocket::http::{Header as HttpHeader, Status};
use rocket::local::blocking::Client;
use serde_json::{json, Value};

const TOOL: &str = "/tools/jwt";

const RSA_PRIVATE: &[u8] = include_bytes!("../fixtures/jwt/rs256-private.pkcs1.der");
const RSA_PEM: &str = include_str!("../fixtures/jwt/rs256-public.pem");
const RSA_PKCS1_PEM: &str = include_str!("../fixtures/jwt/rs256-public.pkcs1.pem");
const RSA_JWK: &str = include_str!("../fixtures/jwt/rs256-public.jwk.json");
const OTHER_RSA_PEM: &str = include_str!("../fixtures/jwt/other-rsa-public.pem");
const EC_PRIVATE: &[u8] = include_bytes!("../fixtures/jwt/es256-private.pkcs8.der");
const EC_PEM: &str = include_str!("../fixtures/jwt/es256-public.pem");
const EC_JWK: &str = include_str!("../fixtures/jwt/es256-public.jwk.json");
const OTHER_EC_PEM: &str = include_str!("../fixtures/jwt/other-ec-public.pem");
const ED_PRIVATE: &[u8] = include_bytes!("../fixtures/jwt/eddsa-private.pkcs8.der");
const ED_PEM: &str = include_str!("../fixtures/jwt/eddsa-public.pem");

/// RFC 7515 appendix A.1: an HS256 JWS and its key as a JWK.
const RFC7515_A1: &str = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const RFC7515_A1_JWK: &str = r#"{"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"}"#;

/// What the decoder said: status, `data-signature`, `data-code`, the message.
struct Said {
    status: Status,
    signature: String,
    code: String,
    message: String,
    html: String,
}

#[track_caller]
fn decode(client: &Client, fields: &[(&str, &str)]) -> Said {
    let response = post_form(client, TOOL, fields);
    let status = response.status();
    let html = body(response);
    let attr = |name: &str| {
        regex::Regex::new(&format!(r#"id="verdict"[^>]*\b{name}="([a-z_]*)""#))
            .expect("regex")
            .captures(&html)
            .map(|c| c[1].to_string())
            .unwrap_or_else(|| panic!("the verdict has {name}"))
    };
    Said {
        status,
        signature: attr("data-signature"),
        code: attr("data-code"),
        message: element_text(&html, "verdict-message").expect("a verdict message"),
        html,
    }
}

fn claims() -> Value {
    json!({"sub": "alice", "admin": true, "iat": 1_700_000_000, "exp": 4_000_000_000u64})
}

fn sign_with(alg: Algorithm, key: &EncodingKey, kid: Option<&str>) -> String {
    let mut header = Header::new(alg);
    header.kid = kid.map(str::to_string);
    encode(&header, &claims(), key).expect("signs")
}

#[test]
fn the_rfc_7515_a1_example_verifies_with_its_jwk_key() {
    let client = client();
    let said = decode(
        &client,
        &[("token", RFC7515_A1), ("public_key", RFC7515_A1_JWK)],
    );
    assert_eq!(said.status, Status::Ok);
    assert_eq!(
        (said.signature.as_str(), said.code.as_str()),
        ("valid", "valid")
    );
    assert!(
        said.message.contains("HS256") && said.message.contains("JWK"),
        "{}",
        said.message
    );
    // Its exp is in 2011: the claims table says so, and so does the verdict.
    assert!(element_text(&said.html, "claim-expired").is_some());
    assert!(element_text(&said.html, "expired-note").is_some());
    // The issuer changed from joe to eve, the signature kept: the same key says invalid.
    let parts: Vec<&str> = RFC7515_A1.split('.').collect();
    let payload =
        "{\"iss\":\"eve\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}";
    let edited = format!("{}.{}.{}", parts[0], b64url(payload.as_bytes()), parts[2]);
    let said = decode(
        &client,
        &[("token", &edited), ("public_key", RFC7515_A1_JWK)],
    );
    assert_eq!(said.signature, "invalid");
}

#[test]
fn an_rs256_token_verifies_with_its_public_key_as_pem_or_jwk_and_fails_with_another() {
    let client = client();
    let key = EncodingKey::from_rsa_der(RSA_PRIVATE);
    for alg in [Algorithm::RS256, Algorithm::RS512, Algorithm::PS256] {
        let token = sign_with(alg, &key, Some("workbench-rsa"));
        for public in [RSA_PEM, RSA_PKCS1_PEM] {
            let said = decode(&client, &[("token", &token), ("public_key", public)]);
            assert_eq!(said.signature, "valid", "{alg:?}: {}", said.message);
            assert!(said.message.contains("RSA"), "{}", said.message);
        }
        let said = decode(&client, &[("token", &token), ("public_key", OTHER_RSA_PEM)]);
        assert_eq!(
            (said.signature.as_str(), said.code.as_str()),
            ("invalid", "bad_signature")
        );
    }
    // As a JWK (alg RS256, kid workbench-rsa), alone or in a JWK Set picked by the token's kid.
    let rs256 = sign_with(Algorithm::RS256, &key, Some("workbench-rsa"));
    let set = format!(r#"{{"keys":[{{"kty":"oct","kid":"other","k":"AA"}},{RSA_JWK}]}}"#);
    for public in [RSA_JWK, &set] {
        let said = decode(&client, &[("token", &rs256), ("public_key", public)]);
        assert_eq!(said.signature, "valid", "{}", said.message);
        assert!(
            said.message.contains("kid workbench-rsa"),
            "{}",
            said.message
        );
    }
    // The JWK pins RS256: a PS256 token is refused with it, though the key would fit.
    let ps = sign_with(Algorithm::PS256, &key, None);
    let said = decode(&client, &[("token", &ps), ("public_key", RSA_JWK)]);
    assert_eq!(
        (said.signature.as_str(), said.code.as_str()),
        ("invalid", "alg_not_the_keys")
    );
}

#[test]
fn an_es256_token_verifies_with_its_public_key_as_pem_or_jwk_and_fails_with_another() {
    let client = client();
    let token = sign_with(
        Algorithm::ES256,
        &EncodingKey::from_ec_der(EC_PRIVATE),
        None,
    );
    for public in [EC_PEM, EC_JWK] {
        let said = decode(&client, &[("token", &token), ("public_key", public)]);
        assert_eq!(said.signature, "valid", "{}", said.message);
        assert!(said.message.contains("ES256") && said.message.contains("P-256"));
    }
    let said = decode(&client, &[("token", &token), ("public_key", OTHER_EC_PEM)]);
    assert_eq!(said.signature, "invalid");
    // An EC key cannot check an RSA signature: refused, and said why.
    let said = decode(&client, &[("token", &token), ("public_key", RSA_PEM)]);
    assert_eq!(
        (said.signature.as_str(), said.code.as_str()),
        ("invalid", "key_mismatch")
    );
}

#[test]
fn an_eddsa_token_verifies_with_its_public_key() {
    let client = client();
    let token = sign_with(
        Algorithm::EdDSA,
        &EncodingKey::from_ed_der(ED_PRIVATE),
        None,
    );
    let said = decode(&client, &[("token", &token), ("public_key", ED_PEM)]);
    assert_eq!(said.signature, "valid", "{}", said.message);
    assert!(said.message.contains("Ed25519"));
}

#[test]
fn a_wrong_secret_is_invalid_and_the_right_one_valid_as_text_or_base64url() {
    let client = client();
    for alg in [Algorithm::HS256, Algorithm::HS384, Algorithm::HS512] {
        let token = sign_with(alg, &EncodingKey::from_secret(b"hunter2"), None);
        let said = decode(&client, &[("token", &token), ("secret", "hunter2")]);
        assert_eq!(said.signature, "valid", "{alg:?}");
        assert!(said.message.contains("UTF-8, 7 bytes"), "{}", said.message);
        let said = decode(&client, &[("token", &token), ("secret", "hunter3")]);
        assert_eq!(
            (said.signature.as_str(), said.code.as_str()),
            ("invalid", "bad_signature")
        );
        let as_bytes = b64url(b"hunter2");
        let said = decode(
            &client,
            &[
                ("token", &token),
                ("secret", &as_bytes),
                ("secret_encoding", "base64url"),
            ],
        );
        assert_eq!(said.signature, "valid", "the same bytes as base64url");
    }
}

#[test]
fn alg_none_is_refused_with_an_explanation_with_or_without_a_key() {
    let client = client();
    let own = issued(&client, Audience::JwtCookie, Some("alice"), 1);
    let foreign = signed_raw(b"k", &json!({"alg": "HS256"}), &json!({"sub": "x"}));
    for token in [unsigned(&own, "none"), unsigned(&foreign, "nOnE")] {
        let said = decode(&client, &[("token", &token), ("secret", "k")]);
        assert_eq!(
            (said.signature.as_str(), said.code.as_str()),
            ("invalid", "alg_none")
        );
        assert!(said.message.contains("unsigned token"), "{}", said.message);
        let said = decode(&client, &[("token", &token)]);
        assert_eq!(said.signature, "invalid");
        assert_eq!(said.code, "algorithm_not_allowed");
    }
}

#[test]
fn an_hmac_token_checked_with_a_public_key_is_refused_as_key_confusion() {
    let client = client();
    // The classic: sign HS256 with the RSA public key's bytes as the secret.
    let token = sign_with(
        Algorithm::HS256,
        &EncodingKey::from_secret(RSA_PEM.as_bytes()),
        None,
    );
    let said = decode(&client, &[("token", &token), ("public_key", RSA_PEM)]);
    assert_eq!(
        (said.signature.as_str(), said.code.as_str()),
        ("invalid", "key_confusion")
    );
    assert!(said.message.contains("key-confusion"), "{}", said.message);
}

#[test]
fn without_a_key_the_apps_own_tokens_are_checked_and_others_are_unchecked() {
    let client = client();
    let own = issued(&client, Audience::JwtHeader, Some("alice"), 3);
    let said = decode(&client, &[("token", &own)]);
    assert_eq!(
        (said.signature.as_str(), said.code.as_str()),
        ("valid", "valid")
    );
    let edited = tampered(&own, |p| {
        p.insert("sub".into(), Value::from("admin"));
    });
    assert_eq!(decode(&client, &[("token", &edited)]).signature, "invalid");
    let said = decode(&client, &[("token", RFC7515_A1)]);
    assert_eq!(said.signature, "unchecked");
    assert!(element_text(&said.html, "unchecked-note").is_some_and(|n| n.contains("secret")));
}

#[test]
fn claims_keep_the_tokens_order_with_times_in_words_and_rfc_meanings() {
    let client = client();
    let payload = r#"{"zeta":1,"exp":1000,"sub":"s","nbf":4000000000,"aud":"x","iat":1000}"#;
    let token = format!(
        "{}.{}.c2ln",
        b64url(br#"{"alg":"HS256"}"#),
        b64url(payload.as_bytes())
    );
    let said = decode(&client, &[("token", &token)]);
    let table = &said.html[said.html.find(r#"id="claims""#).expect("a claims table")..];
    let order: Vec<String> = regex::Regex::new(r#"data-claim="([a-z]+)""#)
        .expect("regex")
        .captures_iter(table)
        .map(|c| c[1].to_string())
        .collect();
    assert_eq!(order, ["zeta", "exp", "sub", "nbf", "aud", "iat"]);
    let decoded = element_text(&said.html, "decoded-payload").expect("the decoded payload");
    assert!(decoded.find("zeta") < decoded.find("aud"), "{decoded}");
    assert!(table.contains("1970-01-01T00:16:40Z"), "exp in words");
    assert!(element_text(&said.html, "claim-expired").is_some_and(|e| e == "expired"));
    assert!(table.contains("not yet valid"));
    assert!(unescape_html(table).contains("expiration time (§4.1.4)"));
    assert!(unescape_html(table).contains("a private claim"));
}

/// Posts the encoder form.
fn sign(client: &Client, header: &str, payload: &str, secret: &str) -> (Status, String) {
    let response = post_form(
        client,
        "/tools/jwt/sign",
        &[("header", header), ("payload", payload), ("secret", secret)],
    );
    (response.status(), body(response))
}

#[test]
fn a_signed_token_round_trips_through_the_decoder() {
    let client = client();
    let payload = "{\n  \"sub\": \"alice\",\n  \"role\": \"admin\",\n  \"aud\": \"x\"\n}";
    let (status, html) = sign(
        &client,
        r#"{"alg":"HS384","typ":"JWT"}"#,
        payload,
        "wonderland",
    );
    assert_eq!(status, Status::Ok);
    let token = element_text(&html, "signed-token").expect("the token");
    assert_eq!(
        crate::support::jwt::payload(&token).keys().count(),
        3,
        "the payload as written"
    );
    assert!(
        token.split('.').nth(1)
            == Some(b64url(br#"{"sub":"alice","role":"admin","aud":"x"}"#).as_str())
    );
    assert!(
        element_text(&html, "short-secret").is_some(),
        "10 bytes is short for HS384"
    );
    // The "open in the decoder" form carries the token and the secret: it verifies there.
    let fields = html::form_fields(&html, "/tools/jwt").expect("an open-in-decoder form");
    assert!(fields.iter().any(|(n, v)| n == "token" && *v == token));
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let said = decode(&client, &fields);
    assert_eq!(said.signature, "valid", "{}", said.message);
    assert!(said.message.contains("HS384"));
}

#[test]
fn the_encoder_refuses_other_algorithms_and_bad_json_with_a_422_naming_the_field() {
    let client = client();
    let cases = [
        (r#"{"alg":"RS256"}"#, "{}", "k", "hmac_only", "header"),
        (r#"{"alg":"none"}"#, "{}", "k", "hmac_only", "header"),
        (r#"{"typ":"JWT"}"#, "{}", "k", "no_alg", "header"),
        (r#"{"alg":"HS256""#, "{}", "k", "bad_json", "header"),
        (
            r#"{"alg":"HS256"}"#,
            "{\"sub\": }",
            "k",
            "bad_json",
            "payload",
        ),
        (r#"{"alg":"HS256"}"#, "[1, 2]", "k", "not_object", "payload"),
        (r#"{"alg":"HS256"}"#, "{}", "", "empty_secret", "secret"),
    ];
    let sign_error =
        regex::Regex::new(r#"id="sign-error" data-code="([a-z_]+)" data-field="([a-z]+)""#)
            .expect("regex");
    for (header, payload, secret, code, field) in cases {
        let (status, html) = sign(&client, header, payload, secret);
        assert_eq!(status, Status::UnprocessableEntity, "{header} {payload}");
        let error = sign_error
            .captures(&html)
            .map(|c| (c[1].to_string(), c[2].to_string()))
            .expect("a sign error");
        assert_eq!((error.0.as_str(), error.1.as_str()), (code, field));
        let text = element_text(&html, "sign-error").expect("said");
        assert!(
            code != "hmac_only" || text.contains("Only HMAC signing"),
            "{text}"
        );
        assert!(code != "bad_json" || text.contains(field), "{text}");
        assert!(element_text(&html, "signed-token").is_none());
    }
}

/// Posts the cracker form; returns the status, the page and how long it took.
fn crack(client: &Client, token: &str) -> (Status, String, Duration) {
    let started = Instant::now();
    let response = post_form(client, "/tools/jwt/crack", &[("token", token)]);
    let status = response.status();
    (status, body(response), started.elapsed())
}

#[test]
fn the_cracker_finds_a_secret_that_is_in_the_wordlist() {
    let client = client();
    for secret in ["wonderland", "Summer2024!"] {
        let token = sign_with(
            Algorithm::HS256,
            &EncodingKey::from_secret(secret.as_bytes()),
            None,
        );
        let (status, html, took) = crack(&client, &token);
        assert_eq!(status, Status::Ok);
        assert_eq!(
            element_text(&html, "cracked-secret").as_deref(),
            Some(secret)
        );
        assert!(element_text(&html, "crack-rate").is_some_and(|r| r.contains("per second")));
        assert!(element_text(&html, "crack-attempts").is_some());
        assert!(took < Duration::from_secs(30), "{took:?}");
    }
}

#[test]
fn the_cracker_reports_not_found_for_a_random_32_byte_secret_after_the_whole_list() {
    let client = client();
    let secret: [u8; 32] = rand::random();
    let token = sign_with(Algorithm::HS256, &EncodingKey::from_secret(&secret), None);
    let (status, html, took) = crack(&client, &token);
    assert_eq!(status, Status::Ok);
    assert!(element_text(&html, "cracked-secret").is_none());
    assert!(element_text(&html, "not-found").is_some_and(|n| n.starts_with("Not found")));
    let attempts: usize = element_text(&html, "crack-attempts")
        .and_then(|a| a.parse().ok())
        .expect("attempts");
    assert!(attempts > 2_000, "the whole list: {attempts}");
    assert!(element_text(&html, "why-random-holds").is_some_and(|w| w.contains("2^256")));
    assert!(took < Duration::from_secs(30), "{took:?}");
}

#[test]
fn the_cracker_refuses_tokens_that_are_not_hs256() {
    let client = client();
    let rs = sign_with(
        Algorithm::RS256,
        &EncodingKey::from_rsa_der(RSA_PRIVATE),
        None,
    );
    let hs512 = sign_with(Algorithm::HS512, &EncodingKey::from_secret(b"secret"), None);
    let own = issued(&client, Audience::JwtCookie, None, 1);
    for (token, code) in [
        (rs.as_str(), "not_hs256"),
        (hs512.as_str(), "not_hs256"),
        (&unsigned(&own, "none"), "not_hs256"),
        (
            &format!("{}.e30.", own.split('.').next().unwrap_or_default()),
            "no_signature",
        ),
        ("junk", "unreadable"),
        ("", "unreadable"),
    ] {
        let (status, html, _) = crack(&client, token);
        assert_eq!(status, Status::UnprocessableEntity, "{token}");
        assert!(
            html.contains(&format!(r#"id="crack-error" data-code="{code}""#)),
            "{token}"
        );
    }
    let cross_site = client
        .post("/tools/jwt/crack")
        .header(rocket::http::ContentType::Form)
        .header(HttpHeader::new("Sec-Fetch-Site", "cross-site"))
        .body(format!("token={own}"))
        .dispatch();
    assert_eq!(
        cross_site.status(),
        Status::Forbidden,
        "another site cannot spend our CPU"
    );
}

#[test]
fn every_bad_workbench_input_is_a_4xx_never_a_500() {
    let client = client();
    let token = sign_with(Algorithm::HS256, &EncodingKey::from_secret(b"k"), Some("a"));
    let private =
        "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----";
    let decoder_cases: Vec<Vec<(&str, &str)>> = vec![
        vec![("token", &token), ("secret", "k"), ("public_key", RSA_PEM)],
        vec![
            ("token", &token),
            ("secret", "@@@"),
            ("secret_encoding", "base64url"),
        ],
        vec![
            ("token", &token),
            (
                "public_key",
                "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----",
            ),
        ],
        vec![("token", &token), ("public_key", private)],
        vec![
            ("token", &token),
            (
                "public_key",
                "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"AA\"}",
            ),
        ],
        vec![("token", &token), ("public_key", "{\"keys\":[]}")],
        vec![("token", &token), ("public_key", "not a key")],
        vec![("token", &token), ("secret_encoding", "rot13")],
        vec![("token", "junk"), ("public_key", EC_PEM)],
    ];
    let said = decode(&client, &[("token", "junk"), ("public_key", EC_PEM)]);
    assert_eq!(
        (said.signature.as_str(), said.code.as_str()),
        ("unchecked", "not_a_jwt")
    );
    for fields in &decoder_cases {
        let response = post_form(&client, TOOL, fields);
        assert!(
            response.status().class().is_client_error(),
            "{fields:?}: {}",
            response.status()
        );
    }
    // A key that parses but is no real RSA key: refused in the verdict, not a crash.
    let rs = sign_with(
        Algorithm::RS256,
        &EncodingKey::from_rsa_der(RSA_PRIVATE),
        None,
    );
    let tiny = r#"{"kty":"RSA","n":"AA","e":"AA"}"#;
    let said = decode(&client, &[("token", &rs), ("public_key", tiny)]);
    assert_eq!(
        (said.status, said.signature.as_str()),
        (Status::Ok, "invalid")
    );
    for (path, body) in [
        ("/tools/jwt/sign", ""),
        ("/tools/jwt/sign", "header=%7B%7D"),
        (
            "/tools/jwt/sign",
            "header=%7B%7D&payload=%7B%7D&secret=k&secret_encoding=hex",
        ),
        ("/tools/jwt/sign", "header=%FF&payload=%7B%7D&secret=k"),
        ("/tools/jwt/crack", ""),
        ("/tools/jwt/crack", "token=%FF%FE"),
    ] {
        let response = client
            .post(path)
            .header(rocket::http::ContentType::Form)
            .body(body)
            .dispatch();
        assert!(
            response.status().class().is_client_error(),
            "{path} {body}: {}",
            response.status()
        );
    }
    let huge = format!("token={}", "a".repeat(100_000));
    let response = client
        .post("/tools/jwt/crack")
        .header(rocket::http::ContentType::Form)
        .body(huge)
        .dispatch();
    assert!(response.status().class().is_client_error());
}

#[test]
fn the_workbench_page_offers_the_encoder_and_the_cracker_and_serves_its_wordlist() {
    let client = client();
    let html = body(client.get(TOOL).dispatch());
    assert!(html::form_fields(&html, "/tools/jwt/sign").is_some());
    assert!(html::form_fields(&html, "/tools/jwt/crack").is_some());
    let list = client.get("/static/wordlists/jwt-secrets.txt").dispatch();
    assert_eq!(list.status(), Status::Ok);
    let list = list.into_string().unwrap_or_default();
    assert!(list.lines().count() > 2_000 && list.lines().any(|w| w == "wonderland"));
}
