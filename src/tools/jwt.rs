//! The JWT decoder: paste a token, read its header and claims, and get a verdict against
//! this app's key — valid (for which lab) or exactly why not. Unlike pasting a token into
//! a website, nothing leaves this machine.
//!
//! Three buttons build the classic attacks from the pasted token so the learner can watch
//! each one fail: an edited payload (old signature), `alg: none`, and an expired token.
//!
//! Rust hands the page codes and data; the verdict texts, the attack explanations and the
//! errors live in the message table (`tools.jwt.*`, `jwt.rejection.*`).

use rocket::form::{Form, FromForm, FromFormField};
use rocket::http::Status;
use rocket::{get, post, routes, Route, State};
use rocket_dyn_templates::{context, Template};
use serde::Serialize;
use serde_json::Value;
use time::{Duration, OffsetDateTime};

use crate::auth::jwt::{b64url, decode_unverified, Audience, JwtKeys, RejectionView};
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
    /// Its message code: `tools.jwt.attack.<code>` explains what was built.
    fn code(self) -> &'static str {
        match self {
            Attack::Tamper => "tamper",
            Attack::AlgNone => "alg_none",
            Attack::Expired => "expired",
        }
    }
}

/// Why an attack could not be built from the pasted token (`tools.jwt.attack_error.<code>`).
#[derive(Debug, Serialize)]
struct AttackError {
    code: &'static str,
    /// For `needs_valid`: why the token was refused.
    rejection: Option<RejectionView>,
}

impl AttackError {
    fn new(code: &'static str) -> AttackError {
        AttackError {
            code,
            rejection: None,
        }
    }
}

#[derive(FromForm)]
struct DecodeForm {
    token: String,
    attack: Option<Attack>,
}

/// The verdict against this app's key: for a valid token, who issued it, for which lab and
/// whom; for a refused one, why.
#[derive(Serialize)]
struct Verdict {
    valid: bool,
    code: &'static str,
    iss: Option<String>,
    aud: Option<String>,
    /// The route-name prefix of the lab the token is for (`jwt-cookie`), if known.
    lab: Option<&'static str>,
    user: Option<String>,
    rejection: Option<RejectionView>,
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
fn build_attack(attack: Attack, token: &str, keys: &JwtKeys) -> Result<String, AttackError> {
    let t = decode_unverified(token).map_err(|_| AttackError::new("unreadable"))?;
    let unencodable = |_| AttackError::new("unencodable");
    match attack {
        Attack::Tamper => {
            let mut payload = t.payload;
            payload.insert("visits".into(), Value::from(1_000_000));
            let payload = serde_json::to_vec(&payload).map_err(unencodable)?;
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
            let header = serde_json::to_vec(&header).map_err(unencodable)?;
            Ok(format!("{}.{}.", b64url(&header), t.parts[1]))
        }
        Attack::Expired => {
            // Only a token this server already signed is re-signed (with its own claims),
            // so the decoder never signs claims a learner made up.
            let claims = keys.verify_any_lab(token).map_err(|r| AttackError {
                code: "needs_valid",
                rejection: Some(r.view()),
            })?;
            let audience = claims
                .audience()
                .ok_or_else(|| AttackError::new("no_lab"))?;
            let long_ago =
                OffsetDateTime::now_utc() - keys.ttl - keys.leeway - Duration::minutes(1);
            keys.issue_at(long_ago, audience, &claims.sub, claims.visits)
                .map(|issued| issued.token)
                .map_err(|_| AttackError::new("signing_failed"))
        }
    }
}

fn verdict(token: &str, keys: &JwtKeys) -> Verdict {
    match keys.verify_any_lab(token) {
        Ok(claims) => Verdict {
            valid: true,
            code: "valid",
            lab: claims.audience().map(Audience::lab),
            user: claims.username().map(str::to_string),
            iss: Some(claims.iss),
            aud: Some(claims.aud),
            rejection: None,
        },
        Err(rejection) => Verdict {
            valid: false,
            code: rejection.code(),
            iss: None,
            aud: None,
            lab: None,
            user: None,
            rejection: Some(rejection.view()),
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
    let status = if view.is_some() {
        Status::Ok
    } else {
        Status::UnprocessableEntity
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
                empty: token.is_empty(),
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
