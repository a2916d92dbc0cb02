//! Checking a token's signature with a given key, for every algorithm `jsonwebtoken` offers
//! (HS256/384/512, RS256/384/512, PS256/384/512, ES256/384, EdDSA). Only the signature: the
//! claims are the page's to show (expired or not), since a key from elsewhere comes with no
//! rules about issuer or audience.
//!
//! The algorithm family comes from the key, never from the token: a token whose header says
//! HS256 checked against an RSA public key is refused, because a verifier that used the public
//! key's bytes as an HMAC secret would accept tokens anyone can sign (RFC 8725 §2.1).

use std::str::FromStr;

use jsonwebtoken::{Algorithm, AlgorithmFamily};
use serde::Serialize;
use serde_json::Value;

use super::key::{GivenKey, KeyLabel};
use crate::auth::jwt::Unverified;

/// The signature's verdict: `valid`, `invalid` or `unchecked` (the page's `data-signature`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Signature {
    Valid,
    Invalid,
    Unchecked,
}

/// What checking with a key found: `tools.jwt.checked.<code>` says it, naming `alg`, `key`.
#[derive(Debug, Clone, Serialize)]
pub struct Checked {
    pub signature: Signature,
    pub code: &'static str,
    /// The header's `alg`, cut short for display.
    pub alg: String,
    pub key: KeyLabel,
}

/// Verifies `token`'s signature with `key`.
pub fn check(token: &Unverified, key: &GivenKey) -> Checked {
    let alg_text = match token.header.get("alg") {
        Some(Value::String(alg)) => alg.chars().take(32).collect(),
        Some(other) => other.to_string().chars().take(32).collect(),
        None => String::new(),
    };
    let code = outcome(token, key, &alg_text);
    Checked {
        signature: if code == "valid" {
            Signature::Valid
        } else {
            Signature::Invalid
        },
        code,
        alg: alg_text,
        key: key.label.clone(),
    }
}

fn outcome(token: &Unverified, key: &GivenKey, alg_text: &str) -> &'static str {
    if !matches!(token.header.get("alg"), Some(Value::String(_))) {
        return "no_alg";
    }
    // `none` in any letter case: no signature, so nothing to verify and nothing proven.
    if alg_text.eq_ignore_ascii_case("none") {
        return "alg_none";
    }
    let Ok(alg) = Algorithm::from_str(alg_text) else {
        return "unknown_algorithm";
    };
    if alg.family() != key.family() {
        return if alg.family() == AlgorithmFamily::Hmac {
            "key_confusion"
        } else {
            "key_mismatch"
        };
    }
    if key.alg.as_deref().is_some_and(|pinned| pinned != alg_text) {
        return "alg_not_the_keys";
    }
    let message = format!("{}.{}", token.parts[0], token.parts[1]);
    match jsonwebtoken::crypto::verify(&token.parts[2], message.as_bytes(), &key.key, alg) {
        Ok(true) => "valid",
        Ok(false) => "bad_signature",
        // The signature is not base64url, or the key does not fit the algorithm (a P-384 key
        // for ES256, a malformed RSA key).
        Err(e) => match e.kind() {
            jsonwebtoken::errors::ErrorKind::Base64(_) => "bad_signature",
            _ => "key_mismatch",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::jwt::decode_unverified;
    use crate::tools::jwt::key::public;

    /// RFC 7515 appendix A.1: the HS256 example, and its key as a JWK.
    pub const RFC7515_A1: &str = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    pub const RFC7515_A1_KEY: &str = r#"{"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"}"#;

    fn checked(token: &str, key: &GivenKey) -> &'static str {
        check(&decode_unverified(token).expect("readable"), key).code
    }

    #[test]
    fn the_rfc_7515_example_verifies_with_its_jwk() {
        let key = public(RFC7515_A1_KEY, None).expect("an oct JWK");
        assert_eq!(checked(RFC7515_A1, &key), "valid");
        let edited = RFC7515_A1.replace(".dBj", ".dBk");
        assert_eq!(checked(&edited, &key), "bad_signature");
    }

    #[test]
    fn an_hmac_token_is_never_checked_with_a_public_key() {
        let rsa = include_str!("../../../tests/fixtures/jwt/rs256-public.pem");
        let key = public(rsa, None).expect("RSA");
        assert_eq!(checked(RFC7515_A1, &key), "key_confusion");
    }
}
