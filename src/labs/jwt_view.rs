//! What the JWT labs and the decoder show about a token: its three parts (for colour-coding,
//! each rendered as escaped text, never as markup), the decoded header and payload, and a
//! claims table with human-readable times. What each claim means is text for the learner, so
//! it lives in the message table (`jwt.claim.<name>` in `templates/locales/en/messages.ftl`, with
//! `jwt.claim.other` for claims it does not list): a new claim needs only a line there.
//! Given the absolute timeout, it also says when renewal stops (`auth_time` + the timeout).
//! Header, payload and claims are shown in the token's own order (`ordered`), not sorted.

pub mod ordered;

use std::sync::LazyLock;

use serde::Serialize;
use serde_json::Value;
use time::{Duration, OffsetDateTime};

use crate::auth::jwt::{
    decode_unverified, hs256_header, split, written_from, Claims, Malformation, Rejection,
};
use crate::site::inspector::{span, HumanTime};

/// One row of the claims table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimRow {
    pub name: String,
    /// The value as JSON text (`"alice"`, `3`).
    pub value: String,
    /// For NumericDate claims (`iat`, `exp`, `nbf`, `auth_time`): the time it names.
    pub time: Option<HumanTime>,
}

/// A token split for display.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TokenView {
    pub header_b64: String,
    pub payload_b64: String,
    pub signature_b64: String,
    /// Pretty-printed JSON of the decoded header and payload, members in the token's order.
    pub header_json: String,
    pub payload_json: String,
    pub claims: Vec<ClaimRow>,
    /// The token's size in bytes (a cookie is limited to about 4 KB).
    pub length: usize,
    /// `exp` as Unix seconds, for the live countdown.
    pub exp: Option<i64>,
    /// `auth_time` + the absolute timeout: from then on the token is refused, not renewed.
    pub renewal_ends: Option<HumanTime>,
    /// The absolute timeout, in words (`8 h`), when `renewal_ends` is known.
    pub absolute_timeout: Option<String>,
}

impl TokenView {
    /// Decodes without verifying; `Err` when it is not even readable.
    pub fn new(token: &str, now: OffsetDateTime) -> Result<TokenView, Rejection> {
        let [header_b64, payload_b64, signature_b64] = split(token)?;
        // Read in the token's own order. A part that is not a JSON object (or not base64url)
        // fails here as it fails `decode_unverified`, which names the part and what is wrong.
        let (Some(header), Some(payload)) =
            (ordered::members(header_b64), ordered::members(payload_b64))
        else {
            return Err(decode_unverified(token)
                .err()
                .unwrap_or(Rejection::Malformed(Malformation::Undecodable)));
        };
        let pretty =
            |members: &[(String, Value)]| ordered::pretty_members(members).unwrap_or_default();
        Ok(TokenView {
            header_b64: header_b64.to_string(),
            payload_b64: payload_b64.to_string(),
            signature_b64: signature_b64.to_string(),
            header_json: pretty(&header),
            payload_json: pretty(&payload),
            claims: claim_rows(&payload, now),
            length: token.len(),
            // A repeated member counts as its last, as a JSON object read into a map keeps it.
            exp: payload
                .iter()
                .rev()
                .find(|(name, _)| name == "exp")
                .and_then(|(_, exp)| exp.as_i64()),
            renewal_ends: None,
            absolute_timeout: None,
        })
    }

    /// Adds when renewal stops, for a token whose `auth_time` is a number.
    pub fn with_renewal(self, absolute_timeout: Duration, now: OffsetDateTime) -> TokenView {
        let auth_time = self
            .claims
            .iter()
            .find(|c| c.name == "auth_time")
            .and_then(|c| c.time.as_ref())
            .and_then(|t| OffsetDateTime::from_unix_timestamp(t.unix).ok());
        let ends = auth_time.and_then(|at| at.checked_add(absolute_timeout));
        TokenView {
            renewal_ends: ends.map(|at| HumanTime::new(at, now)),
            absolute_timeout: ends.map(|_| span(absolute_timeout.unsigned_abs().as_secs())),
            ..self
        }
    }

    /// The view of a token this app signed, with `claims` (always readable).
    pub fn of_issued(token: &str, claims: &Claims, now: OffsetDateTime) -> TokenView {
        if let Some(view) = TokenView::of_claims(token, claims, now) {
            return view;
        }
        TokenView::new(token, now).unwrap_or_else(|_| TokenView {
            header_b64: String::new(),
            payload_b64: String::new(),
            signature_b64: String::new(),
            header_json: String::new(),
            payload_json: serde_json::to_string_pretty(claims).unwrap_or_default(),
            claims: Vec::new(),
            length: token.len(),
            exp: Some(claims.exp),
            renewal_ends: None,
            absolute_timeout: None,
        })
    }

    /// What [`TokenView::new`] shows of a token whose header and payload are exactly what the
    /// app writes for `claims` ([`written_from`]), built from the claims in hand instead of
    /// decoding, parsing and printing the token again (about 6 % of the JWT-cookie page's work);
    /// `None` for any other token, such as one a learner forged with a check switched off.
    fn of_claims(token: &str, claims: &Claims, now: OffsetDateTime) -> Option<TokenView> {
        let [header_b64, payload_b64, signature_b64] = written_from(token, claims)?;
        let header_json = HS256_HEADER_JSON.as_ref()?.clone();
        let text = |value: &str| serde_json::to_string(value).ok();
        let number = |value: i64| (value.to_string(), Some(value));
        // In the order `Claims` serializes its fields, which is the payload's order.
        let members = [
            ("sub", (text(&claims.sub)?, None)),
            ("visits", (claims.visits.to_string(), None)),
            ("iat", number(claims.iat)),
            ("exp", number(claims.exp)),
            ("auth_time", number(claims.auth_time)),
            ("jti", (text(&claims.jti)?, None)),
            ("iss", (text(&claims.iss)?, None)),
            ("aud", (text(&claims.aud)?, None)),
        ];
        let claims_rows = members
            .into_iter()
            .map(|(name, (value, unix))| claim_row(name.to_string(), value, unix, now))
            .collect();
        let view = TokenView {
            header_b64: header_b64.to_string(),
            payload_b64: payload_b64.to_string(),
            signature_b64: signature_b64.to_string(),
            header_json,
            payload_json: serde_json::to_string_pretty(claims).ok()?,
            claims: claims_rows,
            length: token.len(),
            exp: Some(claims.exp),
            renewal_ends: None,
            absolute_timeout: None,
        };
        // Debug builds (the test suite) check every such view against the decoded one.
        debug_assert_eq!(Some(&view), TokenView::new(token, now).ok().as_ref());
        Some(view)
    }
}

/// The header of every token the app signs, pretty-printed as [`TokenView::new`] shows it.
static HS256_HEADER_JSON: LazyLock<Option<String>> = LazyLock::new(|| {
    let members = ordered::members(hs256_header()?)?;
    ordered::pretty_members(&members)
});

fn claim_rows(payload: &[(String, Value)], now: OffsetDateTime) -> Vec<ClaimRow> {
    payload
        .iter()
        .map(|(name, value)| claim_row(name.clone(), value.to_string(), value.as_i64(), now))
        .collect()
}

/// A claim's row: `value` is its JSON text, and `unix` its value when that is a whole number,
/// shown as a time for the NumericDate claims.
fn claim_row(name: String, value: String, unix: Option<i64>, now: OffsetDateTime) -> ClaimRow {
    let time = matches!(name.as_str(), "iat" | "exp" | "nbf" | "auth_time")
        .then_some(unix)
        .flatten()
        .and_then(|unix| OffsetDateTime::from_unix_timestamp(unix).ok())
        .map(|at| HumanTime::new(at, now));
    ClaimRow { name, value, time }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::jwt::{Audience, JwtKeys};
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;

    fn keys() -> JwtKeys {
        JwtKeys::new(
            b"a test secret of some length",
            Duration::minutes(30),
            Duration::ZERO,
        )
    }

    #[test]
    fn an_issued_token_is_shown_from_its_claims_exactly_as_decoding_it_shows_it() {
        let now = OffsetDateTime::now_utc();
        // A name that JSON must escape, and one it writes as it is.
        for user in ["alice", "\"<b>\u{e9}l\u{e8}ve\"\\ \u{1F36A}\n"] {
            let issued = keys()
                .issue(Audience::JwtCookie, Some(user), 41)
                .expect("signs");
            let fast = TokenView::of_claims(&issued.token, &issued.claims, now)
                .expect("a token the app wrote is shown from its claims");
            let decoded = TokenView::new(&issued.token, now).expect("readable");
            assert_eq!(fast, decoded, "{user}");
            assert_eq!(
                TokenView::of_issued(&issued.token, &issued.claims, now),
                decoded
            );
        }
    }

    #[test]
    fn a_token_not_written_from_its_claims_is_decoded_and_shown_as_it_is() {
        let now = OffsetDateTime::now_utc();
        let issued = keys()
            .issue(Audience::JwtCookie, Some("alice"), 1)
            .expect("signs");
        let [header, _, signature] = split(&issued.token).expect("three parts");
        // The same claims with one more member, as a learner could forge with a check off:
        // the page must show the extra member, not the claims the server read.
        let mut payload = serde_json::to_value(&issued.claims).expect("claims");
        payload["admin"] = Value::Bool(true);
        let extra = URL_SAFE_NO_PAD.encode(payload.to_string());
        let forged = format!("{header}.{extra}.{signature}");
        assert!(TokenView::of_claims(&forged, &issued.claims, now).is_none());
        let shown = TokenView::of_issued(&forged, &issued.claims, now);
        assert!(shown.claims.iter().any(|c| c.name == "admin"));
        assert_eq!(Some(shown), TokenView::new(&forged, now).ok());
        // A signature part `new` would refuse is not shown from the claims either.
        let dotted = format!("{}.x", issued.token);
        assert!(TokenView::of_claims(&dotted, &issued.claims, now).is_none());
        // Nor a different header, even one naming the same algorithm.
        let other = URL_SAFE_NO_PAD.encode(r#"{"alg":"HS256","typ":"JWT"}"#);
        let [_, payload, _] = split(&issued.token).expect("three parts");
        let reordered = format!("{other}.{payload}.{signature}");
        assert!(TokenView::of_claims(&reordered, &issued.claims, now).is_none());
    }

    #[test]
    fn times_get_human_readings_and_other_claims_do_not() {
        // {"alg":"HS256"} . {"exp":0,"sub":"x","nbf":1e40}
        let token = "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjAsInN1YiI6IngiLCJuYmYiOjFlNDB9.c2ln";
        let view = TokenView::new(token, OffsetDateTime::now_utc()).expect("readable");
        let exp = view.claims.iter().find(|c| c.name == "exp").expect("exp");
        assert_eq!(
            exp.time.as_ref().map(|t| t.at.as_str()),
            Some("1970-01-01T00:00:00Z")
        );
        let nbf = view.claims.iter().find(|c| c.name == "nbf").expect("nbf");
        assert!(nbf.time.is_none(), "an absurd time is shown as its number");
        assert_eq!(view.signature_b64, "c2ln");
    }

    #[test]
    fn renewal_ends_an_absolute_timeout_after_auth_time() {
        // {"alg":"HS256"} . {"auth_time":1000}
        let token = "eyJhbGciOiJIUzI1NiJ9.eyJhdXRoX3RpbWUiOjEwMDB9.c2ln";
        let now = OffsetDateTime::now_utc();
        let view = TokenView::new(token, now).expect("readable");
        let row = view.claims.iter().find(|c| c.name == "auth_time");
        assert_eq!(
            row.and_then(|c| c.time.as_ref()).map(|t| t.unix),
            Some(1000)
        );
        let view = view.with_renewal(Duration::hours(8), now);
        assert_eq!(view.renewal_ends.map(|t| t.unix), Some(1000 + 8 * 3600));
        assert_eq!(view.absolute_timeout, Some(span(8 * 3600)));
    }
}
