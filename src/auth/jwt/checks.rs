//! The one place tokens are checked: [`JwtKeys::verify_with`] runs every check a [`Policy`]
//! asks for, in order (the header, the signature, the registered claims, our claims, the
//! times), and stops at the first refusal. Under [`Policy::strict`] it accepts only HS256 under
//! our secret, with no critical extension, from this app, for this lab, unexpired (strictly),
//! before the absolute timeout (RFC 8725, JWT Best Current Practices). A weaker policy skips
//! or relaxes a check only where a learner's switch says so, and records the relaxation.
//!
//! `jsonwebtoken` computes the signature (for HS256 under our own secret, `JwtKeys`' HMAC keyed
//! once gives the same answer, tested against it); the claims are checked here, not by its
//! `Validation`, because a learner's switches must be able to turn each check off on its own,
//! and because its `exp` rule (`exp < now - leeway`) lets a token through in the very second
//! it expires.
//!
//! Most tokens a lab sees are its own, as this app signed them. Such a token is read straight
//! into [`Claims`] (`read_ours`), since every check before the times would pass it; any other is
//! decoded into JSON maps and checked step by step (`read_checked`). Both end in the same time
//! checks, and a test gives both ways the same tokens to show they decide alike.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use jsonwebtoken::{Algorithm, DecodingKey};
use serde_json::{Map, Value};
use time::OffsetDateTime;

use super::policy::{Leniency, Policy, Verified};
use super::{claims_from, decode_unverified, Claims, JwtKeys, Unverified};
use super::{Malformation, Rejection};
use super::{HS256_HEADER, ISSUER};

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
        let (claims, mut lenient) = match self.read_ours(token, policy) {
            Some(claims) => (claims, Vec::new()),
            None => self.read_checked(token, policy, now)?,
        };
        self.check_times(&claims, policy, now.unix_timestamp(), &mut lenient)?;
        Ok(Verified { claims, lenient })
    }

    /// The header, the signature, the registered claims and ours, on the token decoded into
    /// JSON maps: any token at all under any policy, refused with the first check it fails.
    /// Its claims, and each check the policy relaxed to accept them.
    fn read_checked(
        &self,
        token: &str,
        policy: &Policy,
        now: OffsetDateTime,
    ) -> Result<(Claims, Vec<Leniency>), Rejection> {
        let unverified = decode_unverified(token)?;
        let mut lenient = Vec::new();
        let alg = algorithm(&unverified.header, policy, &mut lenient)?;
        // The signing input, `header.payload`, is the token up to its second dot.
        let input = token
            .get(..unverified.parts[0].len() + 1 + unverified.parts[1].len())
            .ok_or(Rejection::NotAJwt)?;
        self.check_signature(&unverified, input, alg, policy, &mut lenient)?;
        check_registered(
            &unverified.payload,
            policy,
            now.unix_timestamp(),
            &mut lenient,
        )?;
        let claims = claims_from(&unverified.payload)?;
        Ok((claims, lenient))
    }

    /// The claims of a token as this app signs it, read without decoding it into maps (which
    /// is most of what checking costs): our HS256 header, byte for byte; a signature that
    /// matches under our own secret, which the policy checks; and a payload that is, byte for
    /// byte, the JSON that `Claims` writes for what it reads as, with this app's `iss` and the
    /// policy's `aud`. So it holds our claims, each once and of its type, and nothing else:
    /// [`JwtKeys::read_checked`] would accept it, relaxing nothing, with the same claims.
    /// `None` for any other token, which it is left to.
    fn read_ours(&self, token: &str, policy: &Policy) -> Option<Claims> {
        if !policy.verify_signature || policy.weak_secret.is_some() {
            return None;
        }
        // Not `split`: decoding the payload and the signature refuses what it would (a dot
        // or a character base64url lacks), and the header must be ours exactly.
        let (input, signature) = token.rsplit_once('.')?;
        let (header, payload) = input.split_once('.')?;
        if Some(header) != HS256_HEADER.as_deref() {
            return None;
        }
        if !self.verify_hs256(signature, input.as_bytes())?.ok()? {
            return None;
        }
        let json = URL_SAFE_NO_PAD.decode(payload).ok()?;
        let claims: Claims = serde_json::from_slice(&json).ok()?;
        let ours = claims.iss == ISSUER && claims.aud == policy.audience.as_str();
        (ours && serde_json::to_vec(&claims).ok()? == json).then_some(claims)
    }

    /// The signature over `header.payload`, with the algorithm the header check settled on
    /// (`None`: an unsecured `alg: none` token, whose signature must be empty, RFC 7518 §3.6).
    fn check_signature(
        &self,
        token: &Unverified,
        input: &str,
        alg: Option<Algorithm>,
        policy: &Policy,
        lenient: &mut Vec<Leniency>,
    ) -> Result<(), Rejection> {
        let signature = &token.parts[2];
        let weak_key = policy
            .weak_secret
            .map(|w| DecodingKey::from_secret(w.as_bytes()));
        let key = weak_key.as_ref().unwrap_or(&self.decoding);
        let undecodable = || Rejection::Malformed(Malformation::Undecodable);
        // Our own secret's HMAC is keyed once; any other key goes through `jsonwebtoken`.
        let keyed = (alg == Some(Algorithm::HS256) && weak_key.is_none())
            .then(|| self.verify_hs256(signature, input.as_bytes()))
            .flatten();
        let matches = match (alg, keyed) {
            (None, _) => Ok(signature.is_empty()),
            (Some(_), Some(keyed)) => keyed.map_err(|_| undecodable()),
            (Some(alg), None) => {
                jsonwebtoken::crypto::verify(signature, input.as_bytes(), key, alg)
                    .map_err(|_| undecodable())
            }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::jwt::{b64url, Audience, Leniency};
    use jsonwebtoken::{EncodingKey, Header};
    use time::Duration;

    const SECRET: &[u8] = b"unit-test-secret-with-at-least-32-bytes!";

    fn keys() -> JwtKeys {
        JwtKeys::new(SECRET, Duration::minutes(15), Duration::ZERO)
    }

    fn strict() -> Policy {
        Policy::strict(Audience::JwtCookie, &keys())
    }

    fn token_for(audience: Audience) -> String {
        let issued = keys().issue(audience, Some("alice"), 1).expect("signs");
        issued.token
    }

    /// The same payload with `sub` changed, the original signature kept.
    fn as_bob(token: &str) -> String {
        let t = decode_unverified(token).expect("decodes");
        let mut payload = t.payload;
        payload.insert("sub".into(), Value::from("bob"));
        let payload = b64url(&serde_json::to_vec(&payload).expect("json"));
        format!("{}.{payload}.{}", t.parts[0], t.parts[2])
    }

    fn with_alg(token: &str, alg: Algorithm, secret: &[u8]) -> String {
        let claims = decode_unverified(token).expect("decodes").payload;
        jsonwebtoken::encode(
            &Header::new(alg),
            &claims,
            &EncodingKey::from_secret(secret),
        )
        .expect("signs")
    }

    fn unsigned(token: &str) -> String {
        let t = decode_unverified(token).expect("decodes");
        format!("{}.{}.", b64url(br#"{"alg":"none"}"#), t.parts[1])
    }

    /// `payload` (JSON text, as written) under `header`, signed with our secret.
    fn signed_as_is(header: &str, payload: &str) -> String {
        let input = format!(
            "{}.{}",
            b64url(header.as_bytes()),
            b64url(payload.as_bytes())
        );
        let key = EncodingKey::from_secret(SECRET);
        let signature =
            jsonwebtoken::crypto::sign(input.as_bytes(), &key, Algorithm::HS256).expect("signs");
        format!("{input}.{signature}")
    }

    #[test]
    fn tokens_checked_without_maps_get_the_decision_the_maps_give() {
        let keys = keys();
        let ours = token_for(Audience::JwtCookie);
        let claims = decode_unverified(&ours).expect("decodes").payload;
        let exp = claims["exp"].as_i64().expect("exp");
        let json = serde_json::to_string(&claims).expect("json");
        let header = r#"{"typ":"JWT","alg":"HS256"}"#;
        // Other claims, written as `Claims` writes them.
        let mut other: Claims =
            serde_json::from_value(Value::Object(claims.clone())).expect("ours");
        other.visits = 99;
        let written_as_claims = serde_json::to_string(&other).expect("json");
        // The payload with `,<extra>` written before its closing brace: one more claim.
        let plus =
            |extra: &str| signed_as_is(header, &format!("{},{extra}}}", &json[..json.len() - 1]));
        let with = |name: &str, value: &str| {
            let mut edited = claims.clone();
            edited.insert(
                name.into(),
                serde_json::from_str(value).expect("a JSON value"),
            );
            signed_as_is(header, &serde_json::to_string(&edited).expect("json"))
        };
        let as_array = format!(
            "[{}]",
            [
                "sub",
                "visits",
                "iat",
                "exp",
                "auth_time",
                "jti",
                "iss",
                "aud"
            ]
            .map(|name| claims[name].to_string())
            .join(",")
        );
        let mut tokens = vec![
            ours.clone(),
            token_for(Audience::JwtHeader),
            as_bob(&ours),
            unsigned(&ours),
            with_alg(&ours, Algorithm::HS512, SECRET),
            signed_as_is(header, &written_as_claims),
            signed_as_is(header, &format!(" \n{json}")),
            signed_as_is(r#"{"alg":"HS256","typ":"JWT"}"#, &json),
            signed_as_is(r#"{"typ":"JWT","alg":"HS256","crit":["b64"]}"#, &json),
            signed_as_is(header, &as_array),
            signed_as_is(header, "{}"),
            signed_as_is(header, "not json"),
            plus(r#""extra":1"#),
            plus(r#""sub":"mallory""#),
            plus(r#""nbf":null"#),
            plus(r#""nbf":0"#),
            plus(&format!(r#""nbf":{}"#, exp + 3600)),
            plus(r#""iss":"auth-labs""#),
            signed_as_is(
                header,
                &json.replace(r#""sub":"alice""#, r#""sub":"\u0061lice""#),
            ),
            format!("{ours}.x"),
            format!("{ours}="),
            ours.replacen('.', "..", 1),
            format!("{ours} "),
        ];
        for (name, value) in [
            ("visits", "-0"),
            ("visits", "1.0"),
            ("visits", "1e3"),
            ("visits", "-1"),
            ("visits", "18446744073709551616"),
            ("exp", "\"soon\""),
            ("exp", "9223372036854775808"),
            ("iat", "null"),
            ("iss", r#""someone-else""#),
            ("iss", r#"["auth-labs"]"#),
            ("aud", r#"["auth-labs/jwt-cookie"]"#),
            ("aud", r#""auth-labs/jwt-header""#),
            ("aud", r#""elsewhere""#),
        ] {
            tokens.push(with(name, value));
        }
        let mut without_jti = claims.clone();
        without_jti.remove("jti");
        tokens.push(signed_as_is(
            header,
            &serde_json::to_string(&without_jti).expect("json"),
        ));

        let policies = [
            strict(),
            Policy {
                verify_signature: false,
                ..strict()
            },
            Policy {
                pin_algorithm: false,
                ..strict()
            },
            Policy {
                check_audience: false,
                ..strict()
            },
            Policy {
                leeway: Duration::seconds(30),
                ..strict()
            },
            Policy {
                weak_secret: Some("sunshine"),
                ..strict()
            },
        ];
        let at = |unix: i64| OffsetDateTime::from_unix_timestamp(unix).expect("a time");
        let times = [exp - 600, exp - 1, exp, exp + 29, exp + 30, exp + 10 * 3600];
        let mut without_maps = 0;
        for token in &tokens {
            for policy in &policies {
                for now in times.map(at) {
                    let by_maps = keys.read_checked(token, policy, now).and_then(|read| {
                        let (claims, mut lenient) = read;
                        keys.check_times(&claims, policy, now.unix_timestamp(), &mut lenient)?;
                        Ok(Verified { claims, lenient })
                    });
                    assert_eq!(keys.check_with(token, policy, now), by_maps, "{token}");
                }
                without_maps += usize::from(keys.read_ours(token, policy).is_some());
            }
        }
        // Ours as issued, and other claims written as `Claims` writes them, under the four
        // policies that check the signature with our secret. The same claims written
        // otherwise (white space before them, an extra claim, a name with an escape) go the
        // maps' way, as every other token does.
        let fast = [&tokens[0], &tokens[5]];
        assert!(fast.iter().all(|t| keys.read_ours(t, &strict()).is_some()));
        assert_eq!(without_maps, fast.len() * 4);
    }

    #[test]
    fn the_strict_policy_relaxes_nothing_for_a_good_token() {
        let verified = keys()
            .verify_with(&token_for(Audience::JwtCookie), &strict())
            .expect("valid");
        assert_eq!(verified.lenient, Vec::new());
    }

    #[test]
    fn verify_signature_off_believes_an_edited_payload_and_says_so() {
        let forged = as_bob(&token_for(Audience::JwtCookie));
        assert_eq!(
            keys().verify_with(&forged, &strict()),
            Err(Rejection::BadSignature)
        );
        let off = Policy {
            verify_signature: false,
            ..strict()
        };
        let verified = keys().verify_with(&forged, &off).expect("believed");
        assert_eq!(verified.claims.sub, "bob");
        assert_eq!(
            verified.lenient,
            vec![Leniency::SignatureUnchecked { matches: false }]
        );
    }

    #[test]
    fn pin_algorithm_off_trusts_alg_none_and_other_hmac_algorithms() {
        let token = token_for(Audience::JwtCookie);
        let none = unsigned(&token);
        let hs512 = with_alg(&token, Algorithm::HS512, SECRET);
        let off = Policy {
            pin_algorithm: false,
            ..strict()
        };
        for (forged, alg) in [(&none, "none"), (&hs512, "HS512")] {
            assert_eq!(
                keys().verify_with(forged, &strict()),
                Err(Rejection::AlgorithmNotAllowed(alg.into()))
            );
            let verified = keys().verify_with(forged, &off).expect("trusted");
            assert_eq!(
                verified.lenient,
                vec![Leniency::AlgorithmTrusted(alg.into())]
            );
        }
        // Trusting the header is not skipping the check: a wrong HS384 key, or a signature
        // left on an alg-none token, still fails.
        let wrong = with_alg(
            &token,
            Algorithm::HS384,
            b"another-secret-entirely-32-bytes!",
        );
        assert_eq!(
            keys().verify_with(&wrong, &off),
            Err(Rejection::BadSignature)
        );
        assert_eq!(
            keys().verify_with(&format!("{none}c2ln"), &off),
            Err(Rejection::BadSignature)
        );
    }

    #[test]
    fn check_audience_off_takes_the_other_labs_token() {
        let header_lab = token_for(Audience::JwtHeader);
        assert!(matches!(
            keys().verify_with(&header_lab, &strict()),
            Err(Rejection::WrongAudience(_))
        ));
        let off = Policy {
            check_audience: false,
            ..strict()
        };
        let verified = keys().verify_with(&header_lab, &off).expect("taken");
        assert_eq!(
            verified.lenient,
            vec![Leniency::AudienceUnchecked(
                Audience::JwtHeader.as_str().into()
            )]
        );
    }

    #[test]
    fn leeway_accepts_a_token_until_exp_plus_leeway_and_no_later() {
        let token = token_for(Audience::JwtCookie);
        let exp = decode_unverified(&token).expect("decodes").payload["exp"]
            .as_i64()
            .expect("exp");
        let at = |unix: i64| OffsetDateTime::from_unix_timestamp(unix).expect("a time");
        let lenient = Policy {
            leeway: Duration::seconds(30),
            ..strict()
        };
        assert_eq!(
            keys().check_with(&token, &strict(), at(exp)),
            Err(Rejection::Expired)
        );
        let verified = keys()
            .check_with(&token, &lenient, at(exp + 29))
            .expect("within leeway");
        assert_eq!(verified.lenient, vec![Leniency::WithinLeeway(29)]);
        assert_eq!(
            keys().check_with(&token, &lenient, at(exp + 30)),
            Err(Rejection::Expired)
        );
    }

    #[test]
    fn a_weak_secret_policy_signs_and_checks_with_its_word_only() {
        let weak = Policy {
            weak_secret: Some("sunshine"),
            ttl: Duration::seconds(60),
            ..strict()
        };
        let issued = keys().issue_with(&weak, Some("alice"), 1).expect("signs");
        assert_eq!(issued.claims.exp - issued.claims.iat, 60);
        let verified = keys().verify_with(&issued.token, &weak).expect("valid");
        assert_eq!(verified.lenient, vec![Leniency::WeakSecret]);
        assert_eq!(
            keys().verify_with(&issued.token, &strict()),
            Err(Rejection::BadSignature)
        );
        let real = token_for(Audience::JwtCookie);
        assert_eq!(
            keys().verify_with(&real, &weak),
            Err(Rejection::BadSignature)
        );
    }

    #[test]
    fn reissue_with_a_policy_writes_its_own_lab_into_aud() {
        let claims = keys()
            .verify(&token_for(Audience::JwtHeader), Audience::JwtHeader)
            .expect("valid");
        let reissued = keys().reissue_with(&strict(), &claims, 2).expect("signs");
        assert_eq!(reissued.claims.aud, Audience::JwtCookie.as_str());
        assert_eq!(reissued.claims.auth_time, claims.auth_time);
    }

    #[test]
    fn every_decision_has_words_in_the_message_table() {
        let path = std::path::Path::new("templates/locales");
        let messages = crate::site::messages::Messages::load(path).expect("loads");
        let all = [
            Leniency::SignatureUnchecked { matches: true },
            Leniency::SignatureUnchecked { matches: false },
            Leniency::AlgorithmTrusted("none".into()),
            Leniency::AlgorithmTrusted("HS384".into()),
            Leniency::AudienceUnchecked("x".into()),
            Leniency::WithinLeeway(3),
            Leniency::WeakSecret,
        ];
        let keys: Vec<&str> = all.iter().map(|l| l.view().key).collect();
        assert_eq!(keys, Leniency::KEYS);
        for key in Leniency::KEYS {
            assert!(messages.contains(&format!("jwt.switch.{key}")), "{key}");
        }
    }
}
