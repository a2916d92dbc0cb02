//! The key a learner gives the workbench: a shared secret (typed as UTF-8 text or as base64url
//! bytes) or a public key (PEM, or a JWK, a JWK Set picked by the token's `kid`). A JWK may
//! also be a `kty: oct` secret, as in RFC 7515 appendix A.1. Each becomes a `jsonwebtoken`
//! `DecodingKey` and a label that says, on the page, which key verified the token.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jsonwebtoken::jwk::{AlgorithmParameters, EllipticCurve, Jwk};
use jsonwebtoken::{AlgorithmFamily, DecodingKey};
use rocket::FromFormField;
use serde::Serialize;
use serde_json::Value;

use super::pem::{self, PublicKey};

/// How the `secret` field is to be read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, FromFormField)]
pub enum SecretEncoding {
    /// The text's UTF-8 bytes: what most libraries do with a string secret.
    #[default]
    #[field(value = "utf8")]
    Utf8,
    /// base64url (padding optional): random key bytes, as a JWK's `k` holds them.
    #[field(value = "base64url")]
    Base64url,
}

/// Which key it was, as the page names it: `tools.jwt.key.<code>` with `detail` (its size,
/// curve or `kid`).
#[derive(Debug, Clone, Serialize)]
pub struct KeyLabel {
    pub code: &'static str,
    pub detail: String,
}

/// A key ready to verify with.
pub struct GivenKey {
    pub key: DecodingKey,
    pub label: KeyLabel,
    /// The JWK's own `alg`, if it names one: the token must then use exactly that.
    pub alg: Option<String>,
}

impl GivenKey {
    pub fn family(&self) -> AlgorithmFamily {
        self.key.family()
    }

    /// This app's own HS256 secret, for tokens pasted with no key.
    pub fn app(secret: &[u8]) -> GivenKey {
        GivenKey {
            key: DecodingKey::from_secret(secret),
            label: label("app", String::new()),
            alg: Some("HS256".into()),
        }
    }
}

fn label(code: &'static str, detail: String) -> KeyLabel {
    KeyLabel { code, detail }
}

/// Why a key could not be used (`tools.jwt.key_error.<code>`); always the learner's input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct KeyError(pub &'static str);

/// A typed secret.
pub fn secret(text: &str, encoding: SecretEncoding) -> Result<GivenKey, KeyError> {
    let (bytes, code) = match encoding {
        SecretEncoding::Utf8 => (text.as_bytes().to_vec(), "secret_utf8"),
        SecretEncoding::Base64url => (base64url(text)?, "secret_base64url"),
    };
    Ok(GivenKey {
        label: label(code, bytes.len().to_string()),
        key: DecodingKey::from_secret(&bytes),
        alg: None,
    })
}

/// base64url with or without `=` padding, surrounding whitespace ignored.
pub fn base64url(text: &str) -> Result<Vec<u8>, KeyError> {
    URL_SAFE_NO_PAD
        .decode(text.trim().trim_end_matches('='))
        .map_err(|_| KeyError("secret_not_base64url"))
}

/// A public key in PEM, or a JWK / JWK Set (JSON); `kid` is the token header's.
pub fn public(text: &str, kid: Option<&str>) -> Result<GivenKey, KeyError> {
    let text = text.trim();
    if text.starts_with('{') {
        return jwk(text, kid);
    }
    let key = pem::parse(text).map_err(|e| KeyError(e.code()))?;
    let (key, code, detail) = match key {
        PublicKey::Rsa { pkcs1, bits } => (
            DecodingKey::from_rsa_der(&pkcs1),
            "pem_rsa",
            bits.to_string(),
        ),
        PublicKey::Ec { point, curve } => {
            (DecodingKey::from_ec_der(&point), "pem_ec", curve.into())
        }
        PublicKey::Ed25519(bytes) => (DecodingKey::from_ed_der(&bytes), "pem_ed", String::new()),
    };
    Ok(GivenKey {
        key,
        label: label(code, detail),
        alg: None,
    })
}

fn jwk(text: &str, kid: Option<&str>) -> Result<GivenKey, KeyError> {
    let unreadable = KeyError("jwk_unreadable");
    let mut value: Value = serde_json::from_str(text).map_err(|_| unreadable)?;
    // A JWK Set (RFC 7517 §5): the token's `kid` picks the key, or the set holds only one.
    if let Some(Value::Array(keys)) = value.get_mut("keys") {
        let pick = match kid {
            Some(kid) => keys
                .iter()
                .position(|k| k.get("kid") == Some(&Value::from(kid))),
            None if keys.len() == 1 => Some(0),
            None => None,
        };
        value = pick
            .map(|i| keys.swap_remove(i))
            .ok_or(KeyError("jwk_set_no_match"))?;
    }
    let alg = value.get("alg").and_then(Value::as_str).map(str::to_string);
    let kid = value.get("kid").and_then(Value::as_str).unwrap_or_default();
    let kid = kid.chars().take(64).collect::<String>();
    let jwk: Jwk = serde_json::from_value(value).map_err(|_| unreadable)?;
    let code = match &jwk.algorithm {
        AlgorithmParameters::RSA(_) => "jwk_rsa",
        AlgorithmParameters::EllipticCurve(p) => match p.curve {
            EllipticCurve::P256 => "jwk_p256",
            EllipticCurve::P384 => "jwk_p384",
            _ => return Err(KeyError("jwk_unsupported")),
        },
        AlgorithmParameters::OctetKeyPair(p) => {
            // The library slices the first 32 bytes without checking there are 32.
            let x = URL_SAFE_NO_PAD.decode(&p.x).map_err(|_| unreadable)?;
            if p.curve != EllipticCurve::Ed25519 || x.len() != 32 {
                return Err(KeyError("jwk_unsupported"));
            }
            "jwk_ed25519"
        }
        AlgorithmParameters::OctetKey(_) => "jwk_oct",
        _ => return Err(KeyError("jwk_unsupported")),
    };
    let key = DecodingKey::from_jwk(&jwk).map_err(|_| unreadable)?;
    Ok(GivenKey {
        key,
        label: label(code, kid),
        alg,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_read_as_text_or_as_base64url_bytes() {
        let utf8 = secret("wonderland", SecretEncoding::Utf8).expect("any text");
        assert_eq!(utf8.label.detail, "10");
        let b64 = secret("AQID", SecretEncoding::Base64url).expect("base64url");
        assert_eq!(b64.key.try_get_as_bytes().ok(), Some(&[1u8, 2, 3][..]));
        assert!(secret("AQ==", SecretEncoding::Base64url).is_ok(), "padding");
        assert_eq!(
            secret("not base64!", SecretEncoding::Base64url).err(),
            Some(KeyError("secret_not_base64url"))
        );
    }

    #[test]
    fn a_jwk_set_gives_the_key_the_token_names() {
        let set = r#"{"keys":[{"kty":"oct","kid":"a","k":"AQ"},{"kty":"oct","kid":"b","k":"Ag"}]}"#;
        let b = public(set, Some("b")).expect("kid b");
        assert_eq!(b.key.try_get_as_bytes().ok(), Some(&[2u8][..]));
        assert_eq!(b.label.detail, "b");
        assert_eq!(public(set, None).err(), Some(KeyError("jwk_set_no_match")));
        assert_eq!(
            public(set, Some("c")).err(),
            Some(KeyError("jwk_set_no_match"))
        );
    }

    #[test]
    fn odd_jwks_are_refused_not_panicked_on() {
        for (jwk, code) in [
            ("{", "jwk_unreadable"),
            (
                r#"{"kty":"OKP","crv":"Ed25519","x":"AQ"}"#,
                "jwk_unsupported",
            ),
            (
                r#"{"kty":"EC","crv":"P-521","x":"AQ","y":"AQ"}"#,
                "jwk_unsupported",
            ),
            (r#"{"kty":"RSA","n":"!","e":"AQAB"}"#, "jwk_unreadable"),
            (r#"{"kty":"nope"}"#, "jwk_unsupported"),
        ] {
            assert_eq!(public(jwk, None).err(), Some(KeyError(code)), "{jwk}");
        }
    }
}
