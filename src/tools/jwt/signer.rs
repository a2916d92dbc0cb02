//! The encoder: the learner's header and payload JSON, signed HS256/384/512 with the
//! learner's secret. The JSON is kept exactly as typed, minus the whitespace between tokens
//! (so the order of its members and the spelling of its numbers survive), because a JWT signs
//! bytes, not a data structure. Only HMAC is offered: signing with RSA or EC keys would mean
//! pasting a private key into a web page, which is the habit to unlearn.

use std::str::FromStr;

use jsonwebtoken::{Algorithm, AlgorithmFamily, EncodingKey};
use serde::Serialize;
use serde_json::Value;

use super::key::{self, SecretEncoding};
use crate::auth::jwt::b64url;

/// Why nothing was signed (`tools.jwt.sign_error.<code>`, naming `field`).
#[derive(Debug, Clone, Serialize)]
pub struct SignError {
    pub code: &'static str,
    /// The form field at fault: `header`, `payload` or `secret`.
    pub field: &'static str,
    /// What the JSON parser or the header said (`line 1 column 9`, `RS256`).
    pub detail: Option<String>,
}

fn error(code: &'static str, field: &'static str, detail: Option<String>) -> SignError {
    SignError {
        code,
        field,
        detail,
    }
}

/// A signed token and what it was signed with.
#[derive(Debug, Clone, Serialize)]
pub struct Signed {
    pub token: String,
    pub alg: String,
    pub secret_bytes: usize,
    /// The hash's size: RFC 7518 §3.2 asks for a secret at least this long (32 for HS256).
    pub min_bytes: usize,
    pub short_secret: bool,
}

/// Signs `payload` under `header` with `secret`.
pub fn sign(
    header: &str,
    payload: &str,
    secret: &str,
    encoding: SecretEncoding,
) -> Result<Signed, SignError> {
    let header_json = object(header, "header")?;
    object(payload, "payload")?;
    let alg_text = match header_json.get("alg") {
        Some(Value::String(alg)) => alg.clone(),
        _ => return Err(error("no_alg", "header", None)),
    };
    let alg = Algorithm::from_str(&alg_text)
        .ok()
        .filter(|a| a.family() == AlgorithmFamily::Hmac)
        .ok_or_else(|| {
            error(
                "hmac_only",
                "header",
                Some(alg_text.chars().take(32).collect()),
            )
        })?;
    let secret = match encoding {
        SecretEncoding::Utf8 => secret.as_bytes().to_vec(),
        SecretEncoding::Base64url => {
            key::base64url(secret).map_err(|e| error(e.0, "secret", None))?
        }
    };
    if secret.is_empty() {
        return Err(error("empty_secret", "secret", None));
    }
    let input = format!(
        "{}.{}",
        b64url(minified(header).as_bytes()),
        b64url(minified(payload).as_bytes())
    );
    let signature =
        jsonwebtoken::crypto::sign(input.as_bytes(), &EncodingKey::from_secret(&secret), alg)
            .map_err(|_| error("signing_failed", "secret", None))?;
    let hash_bytes = match alg {
        Algorithm::HS384 => 48,
        Algorithm::HS512 => 64,
        _ => 32,
    };
    Ok(Signed {
        token: format!("{input}.{signature}"),
        alg: alg_text,
        secret_bytes: secret.len(),
        min_bytes: hash_bytes,
        short_secret: secret.len() < hash_bytes,
    })
}

/// Parses `text` as a JSON object, or says where it is not one.
fn object(text: &str, field: &'static str) -> Result<serde_json::Map<String, Value>, SignError> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(error("not_object", field, None)),
        Err(e) => Err(error(
            "bad_json",
            field,
            Some(format!("line {} column {}", e.line(), e.column())),
        )),
    }
}

/// `text` (valid JSON) without the whitespace outside its strings.
fn minified(text: &str) -> String {
    let (mut out, mut in_string, mut escaped) = (String::with_capacity(text.len()), false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_ascii_whitespace() {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_is_minified_but_keeps_its_order_and_strings() {
        assert_eq!(
            minified("{ \"z\" : 1,\n  \"a\": \"x \\\" y\" }"),
            r#"{"z":1,"a":"x \" y"}"#
        );
    }

    #[test]
    fn only_hmac_is_signed_and_bad_json_names_its_field() {
        let ok = sign(r#"{"alg":"HS512"}"#, "{}", "k", SecretEncoding::Utf8).expect("HS512");
        assert!(ok.short_secret);
        let rs = sign(r#"{"alg":"RS256"}"#, "{}", "k", SecretEncoding::Utf8).unwrap_err();
        assert_eq!((rs.code, rs.field), ("hmac_only", "header"));
        let bad = sign(r#"{"alg":"HS256"}"#, "{nope", "k", SecretEncoding::Utf8).unwrap_err();
        assert_eq!((bad.code, bad.field), ("bad_json", "payload"));
        let empty = sign(r#"{"alg":"HS256"}"#, "{}", "", SecretEncoding::Utf8).unwrap_err();
        assert_eq!(empty.field, "secret");
    }
}
