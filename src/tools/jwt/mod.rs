//! The JWT workbench: paste a token, read its header and claims in the token's own order, and
//! get a verdict: against this app's key (valid, for which lab, or exactly why not), or
//! against a key the learner gives (a secret, a PEM public key or a JWK), for every algorithm
//! `jsonwebtoken` offers. It also signs HS256/384/512 tokens from JSON the learner writes
//! ([`signer`]), and tries a bundled wordlist against an HS256 token ([`cracker`]). Unlike pasting
//! a token into a website, nothing leaves this machine.
//!
//! Rust hands the page codes and data; the verdict texts, the attack explanations and the
//! errors live in the message table (`tools.jwt.*`, `jwt.rejection.*`).

mod attack;
mod claims;
mod cracker;
mod key;
mod pem;
mod signer;
mod verdict;
mod verify;
pub mod wordlist;

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::site::view::{context, Template};
use rocket::form::{Form, FromForm};
use rocket::http::Status;
use rocket::tokio::task::spawn_blocking;
use rocket::{get, post, routes, Route, State};
use time::OffsetDateTime;

use crate::auth::jwt::{decode_unverified, JwtKeys};
use crate::config::AppConfig;
use crate::labs::jwt_view::TokenView;
use crate::site::origin::SameOrigin;
use attack::Attack;
use key::SecretEncoding;

pub const BASE: &str = "/tools/jwt";

pub fn routes() -> Vec<Route> {
    routes![form, decode, sign, crack]
}

/// How many cracking runs may use the CPU at once; more get a 503 (each run is bounded, but
/// a page could ask for many at a time).
pub struct CrackSlots(AtomicUsize);

impl Default for CrackSlots {
    fn default() -> CrackSlots {
        CrackSlots(AtomicUsize::new(2))
    }
}

/// A sample for the encoder, so a first click signs something.
const SAMPLE_HEADER: &str = "{\n  \"alg\": \"HS256\",\n  \"typ\": \"JWT\"\n}";
const SAMPLE_PAYLOAD: &str = "{\n  \"sub\": \"alice\",\n  \"name\": \"Alice\",\n  \"admin\": true,\n  \"iat\": 1700000000\n}";

#[derive(FromForm)]
struct DecodeForm {
    token: String,
    attack: Option<Attack>,
    secret: Option<String>,
    // Not an `Option`: Rocket would read a misspelt value as absent instead of refusing it.
    #[field(default = SecretEncoding::Utf8)]
    secret_encoding: SecretEncoding,
    public_key: Option<String>,
}

#[derive(FromForm)]
struct SignForm {
    header: String,
    payload: String,
    secret: String,
    #[field(default = SecretEncoding::Utf8)]
    secret_encoding: SecretEncoding,
}

#[derive(FromForm)]
struct CrackForm {
    token: String,
}

#[get("/")]
fn form() -> Template {
    Template::render(
        "tools/jwt",
        context! {
            section: "tools",
            token: "",
            result: false,
            header: SAMPLE_HEADER,
            payload: SAMPLE_PAYLOAD,
        },
    )
}

/// Accepts what people paste: surrounding whitespace, a `Bearer ` prefix, `jwt=` from a
/// cookie line.
fn clean(input: &str) -> &str {
    let t = input.trim();
    let t = match t.get(..7) {
        Some(p) if p.eq_ignore_ascii_case("bearer ") => t[7..].trim_start(),
        _ => t,
    };
    t.strip_prefix("jwt=").unwrap_or(t)
}

/// `None` for a field left empty.
fn given(field: &Option<String>) -> Option<&str> {
    field.as_deref().filter(|v| !v.trim().is_empty())
}

/// Decodes the pasted token and verifies it (with the key given, else this app's), or first
/// builds the requested attack from it.
#[post("/", data = "<form>")]
fn decode(
    form: Form<DecodeForm>,
    keys: &State<JwtKeys>,
    config: &State<AppConfig>,
) -> (Status, Template) {
    let now = OffsetDateTime::now_utc();
    let pasted = clean(&form.token);
    let (token, attack, attack_error) = match form.attack {
        Some(attack) => match attack::build(attack, pasted, keys) {
            Ok(built) => (built, Some(attack.code()), None),
            Err(why) => (pasted.to_string(), None, Some(why)),
        },
        None => (pasted.to_string(), None, None),
    };
    // Not three base64url parts, or parts that are not JSON objects: why it cannot be read.
    let (view, unreadable) = match TokenView::new(&token, now) {
        Ok(view) => (Some(view.with_renewal(keys.absolute_timeout, now)), None),
        Err(rejection) => (None, Some(rejection.view())),
    };
    let claims = view
        .as_ref()
        .and_then(|v| claims::rows(&v.payload_b64, now));
    let secret = given(&form.secret);
    let public_key = given(&form.public_key);
    let encoding = form.secret_encoding;
    let verdict = verdict::of(
        &token,
        keys,
        config.jwt_secret.bytes(),
        secret.map(|s| (s, encoding)),
        public_key,
    );
    let status = if view.is_none() || verdict.key_error.is_some() {
        Status::UnprocessableEntity
    } else {
        Status::Ok
    };
    let context = context! {
        section: "tools",
        result: true,
        token: &token,
        original: attack.map(|_| pasted),
        attack,
        attack_error,
        empty: token.is_empty(),
        view,
        claims,
        unreadable,
        verdict,
        secret: secret.unwrap_or_default(),
        secret_encoding: if encoding == SecretEncoding::Base64url { "base64url" } else { "utf8" },
        public_key: public_key.unwrap_or_default(),
        header: SAMPLE_HEADER,
        payload: SAMPLE_PAYLOAD,
    };
    (status, Template::render("tools/jwt", context))
}

/// Signs the header and payload JSON with the secret (HMAC only).
#[post("/sign", data = "<form>")]
fn sign(form: Form<SignForm>) -> (Status, Template) {
    let encoding = form.secret_encoding;
    let outcome = signer::sign(&form.header, &form.payload, &form.secret, encoding);
    let status = match outcome {
        Ok(_) => Status::Ok,
        Err(_) => Status::UnprocessableEntity,
    };
    let (signed, error) = match outcome {
        Ok(signed) => (Some(signed), None),
        Err(error) => (None, Some(error)),
    };
    let context = context! {
        section: "tools",
        signed,
        error,
        header: &form.header,
        payload: &form.payload,
        secret: &form.secret,
        secret_encoding: if encoding == SecretEncoding::Base64url { "base64url" } else { "utf8" },
    };
    (status, Template::render("tools/jwt-sign", context))
}

/// Tries the bundled wordlist against an HS256 token, on a blocking thread.
#[post("/crack", data = "<form>")]
async fn crack(
    form: Form<CrackForm>,
    slots: &State<CrackSlots>,
    _same_origin: SameOrigin,
) -> (Status, Template) {
    let token = clean(&form.token).to_string();
    let render = |status, cracked: Option<cracker::Cracked>, error: Option<cracker::CrackError>| {
        let context = context! { section: "tools", token: &token, cracked, error };
        (status, Template::render("tools/jwt-crack", context))
    };
    let target = match decode_unverified(&token) {
        Ok(t) => cracker::target(&t),
        Err(_) => Err(cracker::CrackError("unreadable")),
    };
    let (input, signature) = match target {
        Ok(target) => target,
        Err(e) => return render(Status::UnprocessableEntity, None, Some(e)),
    };
    // Take a slot, or say the cracker is busy.
    let taken = slots
        .0
        .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| n.checked_sub(1));
    if taken.is_err() {
        return render(
            Status::ServiceUnavailable,
            None,
            Some(cracker::CrackError("busy")),
        );
    }
    let run = spawn_blocking(move || cracker::run(&input, &signature)).await;
    slots.0.fetch_add(1, Ordering::AcqRel);
    match run {
        Ok(cracked) => render(Status::Ok, Some(cracked), None),
        Err(_) => render(
            Status::InternalServerError,
            None,
            Some(cracker::CrackError("failed")),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::messages::Messages;

    /// A code without a sentence would fail the page's render: a 500 for a rare input.
    #[test]
    fn every_workbench_code_has_a_sentence_in_the_message_table() {
        let messages = Messages::load(std::path::Path::new("templates/locales"))
            .expect("the message table loads");
        let groups: [(&str, &[&str]); 6] = [
            (
                "checked",
                &[
                    "valid",
                    "bad_signature",
                    "alg_none",
                    "no_alg",
                    "unknown_algorithm",
                    "key_confusion",
                    "key_mismatch",
                    "alg_not_the_keys",
                ],
            ),
            (
                "key",
                &[
                    "app",
                    "secret_utf8",
                    "secret_base64url",
                    "pem_rsa",
                    "pem_ec",
                    "pem_ed",
                    "jwk_rsa",
                    "jwk_p256",
                    "jwk_p384",
                    "jwk_ed25519",
                    "jwk_oct",
                    "kid",
                ],
            ),
            (
                "key_error",
                &[
                    "both_keys",
                    "secret_not_base64url",
                    "pem_unreadable",
                    "pem_private",
                    "pem_certificate",
                    "pem_unsupported",
                    "jwk_unreadable",
                    "jwk_unsupported",
                    "jwk_set_no_match",
                ],
            ),
            (
                "sign_error",
                &[
                    "bad_json",
                    "not_object",
                    "no_alg",
                    "hmac_only",
                    "secret_not_base64url",
                    "empty_secret",
                    "signing_failed",
                ],
            ),
            (
                "crack_error",
                &["unreadable", "not_hs256", "no_signature", "busy", "failed"],
            ),
            (
                "claim",
                &[
                    "iss",
                    "sub",
                    "aud",
                    "exp",
                    "nbf",
                    "iat",
                    "jti",
                    "auth_time",
                    "private",
                    "expired",
                    "not_yet",
                    "duplicate",
                ],
            ),
        ];
        for (group, codes) in groups {
            for code in codes {
                let key = format!("tools.jwt.{group}.{code}");
                assert!(messages.contains(&key), "no message {key}");
            }
        }
    }

    #[test]
    fn pasted_prefixes_and_whitespace_are_ignored() {
        assert_eq!(clean("  Bearer a.b.c \n"), "a.b.c");
        assert_eq!(clean("bearer a.b.c"), "a.b.c");
        assert_eq!(clean("jwt=a.b.c"), "a.b.c");
        assert_eq!(clean("ünïcode"), "ünïcode");
        assert_eq!(clean(""), "");
    }
}
