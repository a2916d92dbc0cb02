//! The one place tokens are checked: [`JwtKeys::verify_with`] runs every check a [`Policy`]
//! asks for, in order (the header, the signature, the registered claims, our claims, the
//! times), and stops at the first refusal. Under [`Policy::strict`] it accepts only HS256 under
//! our secret, with no critical extension, from this app, for this lab, unexpired (strictly),
//! before the absolute timeout (RFC 8725, JWT Best Current Practices). A weaker policy skips
//! or relaxes a check only where a learner's switch says so, and records the relaxation.
//!
//! `jsonwebtoken` computes the HMAC; the claims are checked here, not by its `Validation`,
//! because a learner's switches must be able to turn each check off on its own, and because
//! its `exp` rule (`exp < now - leeway`) lets a token through in the very second it expires.

use jsonwebtoken::{Algorithm, DecodingKey};
use serde_json::{Map, Value};
use time::OffsetDateTime;

use super::policy::{Leniency, Policy, Verified};
use super::{claims_from, decode_unverified, Claims, JwtKeys, Unverified, ISSUER};
use super::{Malformation, Rejection};

impl JwtKeys {
    /// Verifies a token under `policy`, as of now.
    pub fn verify_with(&self, token: &str, policy: &Policy) -> Result<Verified, Rejection> {
        self.check_with(token, policy, OffsetDateTime::now_utc())
    }

    /// Verifies a token under `policy`, as of `now`.
    pub(super) fn check_with(
        &self,
        token: &str,
        policy: &Policy,
        now: OffsetDateTime,
    ) -> Result<Verified, Rejection> {
        let unverified = decode_unverified(token)?;
        let mut lenient = Vec::new();
        let alg = algorithm(&unverified.header, policy, &mut lenient)?;
        self.check_signature(&unverified, alg, policy, &mut lenient)?;
        check_registered(
            &unverified.payload,
            policy,
            now.unix_timestamp(),
            &mut lenient,
        )?;
        let claims = claims_from(&unverified.payload)?;
        self.check_times(&claims, policy, now.unix_timestamp(), &mut lenient)?;
        Ok(Verified { claims, lenient })
    }

    /// The signature over `header.payload`, with the algorithm the header check settled on
    /// (`None`: an unsecured `alg: none` token, whose signature must be empty, RFC 7518 §3.6).
    fn check_signature(
        &self,
        token: &Unverified,
        alg: Option<Algorithm>,
        policy: &Policy,
        lenient: &mut Vec<Leniency>,
    ) -> Result<(), Rejection> {
        let [header, payload, signature] = &token.parts;
        let weak_key = policy
            .weak_secret
            .map(|w| DecodingKey::from_secret(w.as_bytes()));
        let key = weak_key.as_ref().unwrap_or(&self.decoding);
        let input = format!("{header}.{payload}");
        let matches = match alg {
            None => Ok(signature.is_empty()),
            Some(alg) => jsonwebtoken::crypto::verify(signature, input.as_bytes(), key, alg)
                .map_err(|_| Rejection::Malformed(Malformation::Undecodable)),
        };
        if !policy.verify_signature {
            // Decoded, not verified: whatever the signature says, the payload is believed.
            lenient.push(Leniency::SignatureUnchecked {
                matches: matches.unwrap_or(false),
            });
            return Ok(());
        }
        if !matches? {
            return Err(Rejection::BadSignature);
        }
        if alg.is_some() && policy.weak_secret.is_some() {
            lenient.push(Leniency::WeakSecret);
        }
        Ok(())
    }

    /// `exp` and `auth_time` against `now` (Unix seconds).
    fn check_times(
        &self,
        claims: &Claims,
        policy: &Policy,
        now: i64,
        lenient: &mut Vec<Leniency>,
    ) -> Result<(), Rejection> {
        // RFC 7519 §4.1.4: the current time MUST be before `exp`, so `exp == now` is expired.
        if now >= claims.exp.saturating_add(policy.leeway.whole_seconds()) {
            return Err(Rejection::Expired);
        }
        if now >= claims.exp {
            lenient.push(Leniency::WithinLeeway(now - claims.exp));
        }
        // However recently it was re-issued, a login ends at its absolute timeout.
        if now >= self.renewal_ends(claims) {
            return Err(Rejection::AbsoluteTimeout(
                claims.username().map(str::to_string),
            ));
        }
        Ok(())
    }
}

/// The header, before any key is used: the algorithm to verify with (`None` for `alg: none`,
/// which only an unpinned policy lets through), and no `crit`.
fn algorithm(
    header: &Map<String, Value>,
    policy: &Policy,
    lenient: &mut Vec<Leniency>,
) -> Result<Option<Algorithm>, Rejection> {
    let alg = match header.get("alg") {
        Some(Value::String(alg)) => alg.as_str(),
        Some(_) => return Err(Rejection::Malformed(Malformation::AlgNotString)),
        None => return Err(Rejection::Malformed(Malformation::NoAlg)),
    };
    // Pinned to HS256: the algorithm comes from us, never from the token (RFC 8725 §3.1).
    // Unpinned, the header is believed, as libraries that read `alg` from the token once did.
    let chosen = match alg {
        "HS256" => Some(Algorithm::HS256),
        "HS384" if !policy.pin_algorithm => Some(Algorithm::HS384),
        "HS512" if !policy.pin_algorithm => Some(Algorithm::HS512),
        "none" if !policy.pin_algorithm => None,
        // Shown back to the learner: keep an attacker's 10 kB `alg` out of headers and pages.
        other => {
            return Err(Rejection::AlgorithmNotAllowed(
                other.chars().take(32).collect(),
            ))
        }
    };
    // RFC 7515 §4.1.11: `crit` names extensions the recipient MUST understand or else refuse
    // the token. This server understands none, so any `crit` is a refusal.
    if let Some(crit) = header.get("crit") {
        return Err(Rejection::CriticalExtension(
            crit.to_string().chars().take(64).collect(),
        ));
    }
    if alg != "HS256" {
        lenient.push(Leniency::AlgorithmTrusted(alg.to_string()));
    }
    Ok(chosen)
}

/// `nbf`, `iss` and `aud`, where present in a form they can be compared; a missing or
/// mistyped `iss` or `aud` is named afterwards, by `claims_from`.
fn check_registered(
    payload: &Map<String, Value>,
    policy: &Policy,
    now: i64,
    lenient: &mut Vec<Leniency>,
) -> Result<(), Rejection> {
    if let Some(nbf) = payload.get("nbf") {
        let nbf = nbf
            .as_f64()
            .filter(|n| n.is_finite() && *n >= 0.0 && *n < u64::MAX as f64)
            .ok_or_else(|| Rejection::Malformed(Malformation::ClaimWrongType("nbf".into())))?;
        if nbf > now.saturating_add(policy.leeway.whole_seconds()) as f64 {
            return Err(Rejection::NotYetValid);
        }
    }
    if payload.get("iss").is_some_and(|iss| !names(iss, ISSUER)) {
        return Err(Rejection::WrongIssuer);
    }
    let own = policy.audience.as_str();
    match payload.get("aud") {
        Some(aud) if !names(aud, own) && policy.check_audience => Err(Rejection::WrongAudience(
            Some(aud.as_str().map_or_else(|| aud.to_string(), str::to_string)),
        )),
        Some(Value::String(aud)) if aud != own => {
            lenient.push(Leniency::AudienceUnchecked(aud.chars().take(64).collect()));
            Ok(())
        }
        _ => Ok(()),
    }
}

/// Whether a string-or-array claim names `expected`. Any other type passes here, to be
/// named as mistyped by `claims_from`.
fn names(value: &Value, expected: &str) -> bool {
    match value {
        Value::String(text) => text == expected,
        Value::Array(items) => items.iter().any(|item| item.as_str() == Some(expected)),
        _ => true,
    }
}
