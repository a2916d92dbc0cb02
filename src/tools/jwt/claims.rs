//! The workbench's claims table: every claim in the token's own order (read by
//! `labs::jwt_view::ordered`, duplicates kept), times in words with "expired" marked, and what
//! each registered claim of RFC 7519 §4.1 means (`tools.jwt.claim.<name>` in the message table).

use serde::Serialize;
use time::OffsetDateTime;

use crate::labs::jwt_view::ordered;
use crate::site::inspector::HumanTime;

/// One row of the table.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimRow {
    pub name: String,
    /// The value as JSON text.
    pub value: String,
    /// Registered by RFC 7519 §4.1 (or `auth_time`, OpenID Connect Core §2).
    pub registered: bool,
    /// For the time claims: the time it names.
    pub time: Option<HumanTime>,
    /// `exp` at or before now (RFC 7519 §4.1.4: "on or after" is expired).
    pub expired: bool,
    /// `nbf` still in the future.
    pub not_yet: bool,
    /// A second member with the same name.
    pub duplicate: bool,
}

const REGISTERED: [&str; 8] = ["iss", "sub", "aud", "exp", "nbf", "iat", "jti", "auth_time"];

/// The rows of a base64url payload, or `None` if it is not a JSON object.
pub fn rows(payload_b64: &str, now: OffsetDateTime) -> Option<Vec<ClaimRow>> {
    let members = ordered::members(payload_b64)?;
    let mut seen = Vec::new();
    let rows = members
        .into_iter()
        .map(|(name, value)| {
            let time = matches!(name.as_str(), "iat" | "exp" | "nbf" | "auth_time")
                .then(|| value.as_i64())
                .flatten()
                .and_then(|unix| OffsetDateTime::from_unix_timestamp(unix).ok());
            let past = time.is_some_and(|at| at <= now);
            let duplicate = seen.contains(&name);
            seen.push(name.clone());
            ClaimRow {
                registered: REGISTERED.contains(&name.as_str()),
                expired: name == "exp" && past,
                not_yet: name == "nbf" && time.is_some() && !past,
                time: time.map(|at| HumanTime::new(at, now)),
                value: value.to_string(),
                duplicate,
                name,
            }
        })
        .collect();
    Some(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;

    #[test]
    fn claims_keep_the_tokens_order_and_expired_is_marked() {
        // {"sub":"x","exp":0,"aud":"a","nbf":99999999999,"sub":"y"}
        let payload =
            URL_SAFE_NO_PAD.encode(r#"{"sub":"x","exp":0,"aud":"a","nbf":99999999999,"sub":"y"}"#);
        let rows = rows(&payload, OffsetDateTime::now_utc()).expect("an object");
        let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["sub", "exp", "aud", "nbf", "sub"]);
        assert!(rows[1].expired && !rows[0].expired);
        assert!(rows[3].not_yet);
        assert!(rows[4].duplicate && !rows[0].duplicate);
        assert!(rows.iter().all(|r| r.registered));
        assert!(super::rows(&URL_SAFE_NO_PAD.encode("[1]"), OffsetDateTime::now_utc()).is_none());
    }
}
