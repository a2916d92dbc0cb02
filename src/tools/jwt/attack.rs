//! The three classic attacks the decoder builds from a pasted token, so the learner can watch
//! each one fail: an edited payload (old signature), `alg: none`, and an expired token.

use rocket::form::FromFormField;
use serde::Serialize;
use serde_json::Value;
use time::{Duration, OffsetDateTime};

use crate::auth::jwt::{b64url, decode_unverified, JwtKeys, RejectionView};

/// The experiments the decoder can build from a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, FromFormField)]
pub enum Attack {
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
    pub fn code(self) -> &'static str {
        match self {
            Attack::Tamper => "tamper",
            Attack::AlgNone => "alg_none",
            Attack::Expired => "expired",
        }
    }
}

/// Why an attack could not be built from the pasted token (`tools.jwt.attack_error.<code>`).
#[derive(Debug, Serialize)]
pub struct AttackError {
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

/// Builds `attack` from `token`; `Err` says why it cannot be built from this token.
pub fn build(attack: Attack, token: &str, keys: &JwtKeys) -> Result<String, AttackError> {
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
