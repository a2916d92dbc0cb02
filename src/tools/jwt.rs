//! The JWT decoder: paste a token, read its header and claims, and get a verdict against
//! this app's key — valid (for which lab) or exactly why not. Unlike pasting a token into
//! a website, nothing leaves this machine.
//!
//! Three buttons build the classic attacks from the pasted token so the learner can watch
//! each one fail: an edited payload (old signature), `alg: none`, and an expired token.

use rocket::form::{Form, FromForm, FromFormField};
use rocket::http::Status;
use rocket::{get, post, routes, Route, State};
use rocket_dyn_templates::{context, Template};
use serde::Serialize;
use serde_json::Value;
use time::{Duration, OffsetDateTime};

use crate::auth::jwt::{b64url, decode_unverified, JwtKeys};
use crate::labs::jwt_view::TokenView;

pub const BASE: &str = "/tools/jwt";

pub fn routes() -> Vec<Route> {
    routes![form, decode]
}

/// The experiments the decoder can build from a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, FromFormField)]
enum Attack {
    /// Change the payload, keep the old signature.
    #[field(value = "tamper")]
    Tamper,
    /// Claim the token needs no signature.
    #[field(value = "alg-none")]
    AlgNone,
    /// The same claims, genuinely signed, but with `exp` in the past.
    #[field(value = "expired")]
    Expired,
}

impl Attack {
    fn explain(self) -> &'static str {
        match self {
            Attack::Tamper => "Edited payload: the visits claim was changed to 1000000 and the token re-encoded, but it still carries the ORIGINAL signature, which was computed over the old payload. Without the secret nobody can compute the new one.",
            Attack::AlgNone => "alg: none: the header now says the token is unsigned and the signature is gone. Libraries that trusted the header's alg once accepted this (RFC 8725 §2.1); this server pins HS256.",
            Attack::Expired => "Expired: the same claims, genuinely signed with this server's key, but issued long enough ago that exp has passed. A valid signature is not enough.",
        }
    }
}

#[derive(FromForm)]
struct DecodeForm {
    token: String,
    attack: Option<Attack>,
}

/// The verdict against this app's key.
#[derive(Serialize)]
struct Verdict {
    valid: bool,
    code: &'static str,
    message: String,
}

#[get("/")]
fn form() -> Template {
    Template::render(
        "tools/jwt",
        context! { section: "tools", token: "", result: false },
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

/// Builds `attack` from `token`; `Err` says why it cannot be built from this token.
fn build_attack(attack: Attack, token: &str, keys: &JwtKeys) -> Result<String, String> {
    let t = decode_unverified(token)
        .map_err(|_| "Paste a readable token first: the attacks are built from it.".to_string())?;
    match attack {
        Attack::Tamper => {
            let mut payload = t.payload;
            payload.insert("visits".into(), Value::from(1_000_000));
            let payload = serde_json::to_vec(&payload).map_err(|e| e.to_string())?;
            Ok(format!(
                "{}.{}.{}",
                t.parts[0],
                b64url(&payload),
                t.parts[2]
            ))
        }
        Attack::AlgNone => {
            let mut header = t.header;
            header.insert("alg".into(), Value::from("none"));
            let header = serde_json::to_vec(&header).map_err(|e| e.to_string())?;
            Ok(format!("{}.{}.", b64url(&header), t.parts[1]))
        }
        Attack::Expired => {
            // Only a token this server already signed is re-signed (with its own claims),
            // so the decoder never signs claims a learner made up.
            let claims = keys.verify_any_lab(token).map_err(|r| {
                format!("The expired experiment needs a currently valid token from one of the labs (this one is refused: {})", r.reason())
            })?;
            let audience = claims.audience().ok_or("The token names no lab.")?;
            let long_ago =
                OffsetDateTime::now_utc() - keys.ttl - keys.leeway - Duration::minutes(1);
            keys.issue_at(long_ago, audience, &claims.sub, claims.visits)
                .map(|issued| issued.token)
                .map_err(|_| "Signing failed.".to_string())
        }
    }
}

fn verdict(token: &str, keys: &JwtKeys) -> Verdict {
    match keys.verify_any_lab(token) {
        Ok(claims) => {
            let lab = claims.audience().map_or("an unknown lab", |a| a.lab());
            Verdict {
                valid: true,
                code: "valid",
                message: format!(
                    "Valid: signed with this server's key (HS256), issued by {}, not expired, for the {} lab (aud {}){}.",
                    claims.iss,
                    lab,
                    claims.aud,
                    claims.username().map_or(" — a guest token".to_string(), |u| format!(", logged in as {u}"))
                ),
            }
        }
        Err(rejection) => Verdict {
            valid: false,
            code: rejection.code(),
            message: rejection.reason(),
        },
    }
}

/// Decodes and verifies the pasted token, or first builds the requested attack from it.
#[post("/", data = "<form>")]
fn decode(form: Form<DecodeForm>, keys: &State<JwtKeys>) -> (Status, Template) {
    let now = OffsetDateTime::now_utc();
    let pasted = clean(&form.token);
    let (token, attack, attack_error) = match form.attack {
        Some(attack) => match build_attack(attack, pasted, keys) {
            Ok(built) => (built, Some(attack.explain()), None),
            Err(why) => (pasted.to_string(), None, Some(why)),
        },
        None => (pasted.to_string(), None, None),
    };
    let (status, view, unreadable) = if token.is_empty() {
        (
            Status::UnprocessableEntity,
            None,
            Some(
                "Nothing to decode: paste a token (three base64url parts separated by dots)."
                    .to_string(),
            ),
        )
    } else {
        match TokenView::new(&token, now) {
            Ok(view) => (Status::Ok, Some(view), None),
            // Not three base64url parts, or parts that are not JSON objects.
            Err(rejection) => (Status::UnprocessableEntity, None, Some(rejection.reason())),
        }
    };
    let verdict = verdict(&token, keys);
    (
        status,
        Template::render(
            "tools/jwt",
            context! {
                section: "tools",
                result: true,
                token: &token,
                original: attack.map(|_| pasted),
                attack,
                attack_error,
                view,
                unreadable,
                verdict,
            },
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_prefixes_and_whitespace_are_ignored() {
        assert_eq!(clean("  Bearer a.b.c \n"), "a.b.c");
        assert_eq!(clean("bearer a.b.c"), "a.b.c");
        assert_eq!(clean("jwt=a.b.c"), "a.b.c");
        assert_eq!(clean("ünïcode"), "ünïcode");
        assert_eq!(clean(""), "");
    }
}
