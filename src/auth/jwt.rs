//! HS256 tokens for the two JWT labs and the decoder: issue, verify, and explain refusals.
//!
//! A JWT is three base64url parts, `header.payload.signature`. Anyone can read the first two;
//! only the holder of the secret can make a signature that matches them. So the token is
//! *readable, tamper-evident* state that the client carries (RFC 7519), and every check below
//! follows RFC 8725 (JWT Best Current Practices).
//!
//! Refusals carry codes; the sentences pages show for them live in the message table
//! (`jwt.rejection.*` in `templates/messages/en.toml`). [`Rejection::reason`] keeps a short
//! English sentence for the API (RFC 6750 `error_description`, the JSON `message`).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use time::{Duration, OffsetDateTime};

use crate::config::AppConfig;

mod rejection;
pub use rejection::{Malformation, Rejection, RejectionView};

/// The `iss` claim of every token this app signs.
pub const ISSUER: &str = "auth-labs";

/// Guests get a `sub` with this prefix; usernames cannot contain `:`, so no user can collide.
pub const GUEST_PREFIX: &str = "guest:";

/// Which lab a token is for (its `aud` claim). Each lab accepts only its own audience, so a
/// token lifted from one lab cannot be replayed at the other (RFC 8725 §3.12).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Audience {
    JwtCookie,
    JwtHeader,
}

impl Audience {
    pub const ALL: [Audience; 2] = [Audience::JwtCookie, Audience::JwtHeader];

    pub fn as_str(self) -> &'static str {
        match self {
            Audience::JwtCookie => "auth-labs/jwt-cookie",
            Audience::JwtHeader => "auth-labs/jwt-header",
        }
    }

    /// The lab's slug (`labs::LABS`, the route-name prefix), for pages that name or link it.
    pub fn lab(self) -> &'static str {
        match self {
            Audience::JwtCookie => "jwt-cookie",
            Audience::JwtHeader => "jwt-header",
        }
    }

    pub fn parse(aud: &str) -> Option<Audience> {
        Audience::ALL.into_iter().find(|a| a.as_str() == aud)
    }
}

/// The claims every lab token carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// The username, or `guest:<random>` for an anonymous visitor.
    pub sub: String,
    /// The visit counter: the state lives in the token, not on the server.
    pub visits: u64,
    /// Issued at / expires at, in Unix seconds (RFC 7519 NumericDate).
    pub iat: i64,
    pub exp: i64,
    /// A random id per token: two tokens with the same claims still differ.
    pub jti: String,
    pub iss: String,
    pub aud: String,
}

impl Claims {
    /// The logged-in username, or `None` for a guest token.
    pub fn username(&self) -> Option<&str> {
        (!self.sub.starts_with(GUEST_PREFIX)).then_some(self.sub.as_str())
    }

    pub fn audience(&self) -> Option<Audience> {
        Audience::parse(&self.aud)
    }
}

/// A freshly signed token and what it says.
#[derive(Debug, Clone)]
pub struct Issued {
    pub token: String,
    pub claims: Claims,
}

/// Signing failed: our fault, never the request's.
#[derive(Debug)]
pub struct SigningError;

/// The token's three parts, and the first two decoded. Readable by anyone: no key involved.
#[derive(Debug, Clone)]
pub struct Unverified {
    pub parts: [String; 3],
    pub header: Map<String, Value>,
    pub payload: Map<String, Value>,
}

/// Splits a token and decodes its header and payload, checking nothing else.
pub fn decode_unverified(token: &str) -> Result<Unverified, Rejection> {
    let parts: Vec<&str> = token.split('.').collect();
    let is_b64url = |p: &str| {
        p.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    // The signature may be empty (that is what an `alg: none` token looks like); the header
    // and payload may not.
    let [header, payload, signature] = parts.as_slice() else {
        return Err(Rejection::NotAJwt);
    };
    if header.is_empty() || payload.is_empty() || !parts.iter().all(|p| is_b64url(p)) {
        return Err(Rejection::NotAJwt);
    }
    let json_object = |part: &str, name: &'static str| -> Result<Map<String, Value>, Rejection> {
        let bytes = URL_SAFE_NO_PAD
            .decode(part)
            .map_err(|_| Rejection::Malformed(Malformation::NotBase64(name)))?;
        match serde_json::from_slice::<Value>(&bytes) {
            Ok(Value::Object(map)) => Ok(map),
            _ => Err(Rejection::Malformed(Malformation::NotJsonObject(name))),
        }
    };
    Ok(Unverified {
        header: json_object(header, "header")?,
        payload: json_object(payload, "payload")?,
        parts: [header, payload, signature].map(|p| p.to_string()),
    })
}

/// The key and the rules for every lab token. Built once from the configuration and kept in
/// managed state.
pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    /// `exp - iat` of every token issued.
    pub ttl: Duration,
    /// Clock skew allowed on `exp`/`nbf`. Ours defaults to 0; the `jsonwebtoken` crate's
    /// `Validation` defaults to 60 s, which would accept a token a minute after it expired.
    pub leeway: Duration,
}

impl JwtKeys {
    pub fn new(secret: &[u8], ttl: Duration, leeway: Duration) -> JwtKeys {
        JwtKeys {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            ttl,
            leeway,
        }
    }

    pub fn from_config(config: &AppConfig) -> JwtKeys {
        JwtKeys::new(
            config.jwt_secret.bytes(),
            config.jwt.ttl.duration(),
            config.jwt.leeway.duration(),
        )
    }

    /// Signs a token for `audience`: for `user`, or a new guest when `None`.
    pub fn issue(
        &self,
        audience: Audience,
        user: Option<&str>,
        visits: u64,
    ) -> Result<Issued, SigningError> {
        let sub = match user {
            Some(name) => name.to_string(),
            None => format!("{GUEST_PREFIX}{}", random_id(8)),
        };
        self.sign(OffsetDateTime::now_utc(), audience, sub, visits)
    }

    /// Re-issues `claims` (same subject and audience) with a new count, `iat`, `exp`, `jti`.
    pub fn reissue(&self, claims: &Claims, visits: u64) -> Result<Issued, SigningError> {
        let audience = claims.audience().ok_or(SigningError)?;
        self.sign(
            OffsetDateTime::now_utc(),
            audience,
            claims.sub.clone(),
            visits,
        )
    }

    /// As `issue`, as if it were `now`: tests and the decoder's "expired" experiment use a
    /// past `now` to get a genuinely signed token whose `exp` has passed, without sleeping.
    pub fn issue_at(
        &self,
        now: OffsetDateTime,
        audience: Audience,
        sub: &str,
        visits: u64,
    ) -> Result<Issued, SigningError> {
        self.sign(now, audience, sub.to_string(), visits)
    }

    fn sign(
        &self,
        now: OffsetDateTime,
        audience: Audience,
        sub: String,
        visits: u64,
    ) -> Result<Issued, SigningError> {
        let iat = now.unix_timestamp();
        let claims = Claims {
            sub,
            visits,
            iat,
            exp: iat.saturating_add(self.ttl.whole_seconds()),
            jti: random_id(16),
            iss: ISSUER.to_string(),
            aud: audience.as_str().to_string(),
        };
        // `Header::default()` is `{"typ":"JWT","alg":"HS256"}`.
        let token = jsonwebtoken::encode(&Header::default(), &claims, &self.encoding)
            .map_err(|_| SigningError)?;
        Ok(Issued { token, claims })
    }

    /// The one place tokens are checked (vaultwarden's pattern: one decode function with an
    /// explicit `Validation`). Accepts only HS256 under our secret, unexpired, from this app,
    /// for one of `audiences`.
    fn check(&self, token: &str, audiences: &[Audience]) -> Result<Claims, Rejection> {
        // Look at the header ourselves first: the library refuses `alg: none` by failing to
        // parse the header at all, which would read as "malformed" rather than the real reason.
        let unverified = decode_unverified(token)?;
        match unverified.header.get("alg") {
            Some(Value::String(alg)) if alg == "HS256" => {}
            // Shown back to the learner: keep an attacker's 10 kB `alg` out of headers and pages.
            Some(Value::String(alg)) => {
                return Err(Rejection::AlgorithmNotAllowed(
                    alg.chars().take(32).collect(),
                ))
            }
            Some(_) => return Err(Rejection::Malformed(Malformation::AlgNotString)),
            None => return Err(Rejection::Malformed(Malformation::NoAlg)),
        }

        // Pinned to HS256: the algorithm comes from us, never from the token (RFC 8725 §3.1).
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = self.leeway.whole_seconds().max(0).unsigned_abs();
        validation.validate_exp = true;
        validation.validate_nbf = true;
        validation.set_issuer(&[ISSUER]);
        let audiences: Vec<&str> = audiences.iter().map(|a| a.as_str()).collect();
        validation.set_audience(&audiences);
        validation.set_required_spec_claims(&["exp", "sub", "iss", "aud"]);

        let data = jsonwebtoken::decode::<Map<String, Value>>(token, &self.decoding, &validation)
            .map_err(|e| match e.into_kind() {
            ErrorKind::InvalidSignature => Rejection::BadSignature,
            ErrorKind::ExpiredSignature => Rejection::Expired,
            ErrorKind::ImmatureSignature => Rejection::NotYetValid,
            ErrorKind::InvalidAudience => Rejection::WrongAudience(
                unverified
                    .payload
                    .get("aud")
                    .map(|a| a.as_str().map_or_else(|| a.to_string(), str::to_string)),
            ),
            ErrorKind::InvalidIssuer => Rejection::WrongIssuer,
            ErrorKind::MissingRequiredClaim(claim) => Rejection::MissingClaim(claim),
            ErrorKind::InvalidAlgorithm | ErrorKind::InvalidAlgorithmName => {
                Rejection::AlgorithmNotAllowed("HS256?".into())
            }
            ErrorKind::InvalidClaimFormat(claim) => {
                Rejection::Malformed(Malformation::ClaimWrongType(claim))
            }
            _ => Rejection::Malformed(Malformation::Undecodable),
        })?;
        claims_from(&data.claims)
    }

    /// Verifies a token for one lab.
    pub fn verify(&self, token: &str, audience: Audience) -> Result<Claims, Rejection> {
        self.check(token, &[audience])
    }

    /// Verifies a token for whichever lab it names (the decoder's verdict).
    pub fn verify_any_lab(&self, token: &str) -> Result<Claims, Rejection> {
        self.check(token, &Audience::ALL)
    }
}

/// Reads our claims out of a verified payload, naming the first one missing or mistyped.
fn claims_from(map: &Map<String, Value>) -> Result<Claims, Rejection> {
    fn get<'m>(map: &'m Map<String, Value>, name: &str) -> Result<&'m Value, Rejection> {
        map.get(name)
            .ok_or_else(|| Rejection::MissingClaim(name.to_string()))
    }
    let text = |name: &str| -> Result<String, Rejection> {
        get(map, name)?
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| Rejection::Malformed(Malformation::ClaimNotString(name.to_string())))
    };
    let int = |name: &str| -> Result<i64, Rejection> {
        get(map, name)?.as_i64().ok_or_else(|| {
            Rejection::Malformed(Malformation::ClaimNotWholeNumber(name.to_string()))
        })
    };
    Ok(Claims {
        sub: text("sub")?,
        visits: get(map, "visits")?.as_u64().ok_or_else(|| {
            Rejection::Malformed(Malformation::ClaimNotWholeNumber("visits".into()))
        })?,
        iat: int("iat")?,
        exp: int("exp")?,
        jti: text("jti")?,
        iss: text("iss")?,
        aud: text("aud")?,
    })
}

/// `bytes` random bytes from the OS CSPRNG, base64url.
fn random_id(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::rngs::OsRng.fill_bytes(&mut buf);
    URL_SAFE_NO_PAD.encode(buf)
}

/// Base64url without padding, as JWTs use it (RFC 7515 §2).
pub fn b64url(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"unit-test-secret-with-at-least-32-bytes!";

    fn keys() -> JwtKeys {
        JwtKeys::new(SECRET, Duration::minutes(15), Duration::ZERO)
    }

    fn user_token(visits: u64) -> Issued {
        keys()
            .issue(Audience::JwtCookie, Some("alice"), visits)
            .expect("signs")
    }

    /// Replaces the payload with `edit(payload)`, keeping the original signature.
    fn with_payload(token: &str, edit: impl FnOnce(&mut Map<String, Value>)) -> String {
        let mut t = decode_unverified(token).expect("decodes");
        edit(&mut t.payload);
        let payload = b64url(&serde_json::to_vec(&t.payload).expect("json"));
        format!("{}.{}.{}", t.parts[0], payload, t.parts[2])
    }

    fn with_header_alg(token: &str, alg: &str, signature: &str) -> String {
        let t = decode_unverified(token).expect("decodes");
        let header = b64url(format!(r#"{{"alg":"{alg}","typ":"JWT"}}"#).as_bytes());
        format!("{header}.{}.{signature}", t.parts[1])
    }

    #[test]
    fn issued_token_carries_every_claim_and_verifies() {
        let issued = user_token(7);
        let claims = keys()
            .verify(&issued.token, Audience::JwtCookie)
            .expect("valid");
        assert_eq!(claims, issued.claims);
        assert_eq!(claims.visits, 7);
        assert_eq!(claims.username(), Some("alice"));
        assert_eq!(claims.exp - claims.iat, 15 * 60);
        assert_eq!(claims.iss, ISSUER);
        assert_eq!(claims.aud, "auth-labs/jwt-cookie");
        assert!(claims.jti.len() >= 20);
        let header = decode_unverified(&issued.token).expect("decodes").header;
        assert_eq!(header.get("alg"), Some(&Value::from("HS256")));
    }

    #[test]
    fn guests_get_a_guest_subject_that_reissue_keeps() {
        let keys = keys();
        let guest = keys
            .issue(Audience::JwtHeader, None, 1)
            .expect("signs")
            .claims;
        assert!(guest.sub.starts_with(GUEST_PREFIX));
        assert_eq!(guest.username(), None);
        let next = keys.reissue(&guest, 2).expect("signs").claims;
        assert_eq!((next.sub.as_str(), next.visits), (guest.sub.as_str(), 2));
        assert_ne!(next.jti, guest.jti);
    }

    #[test]
    fn tampered_payload_is_a_bad_signature() {
        let forged = with_payload(&user_token(1).token, |p| {
            p.insert("visits".into(), Value::from(1000));
        });
        assert_eq!(
            keys().verify(&forged, Audience::JwtCookie),
            Err(Rejection::BadSignature)
        );
    }

    #[test]
    fn alg_none_is_refused_in_any_letter_case() {
        let token = user_token(1).token;
        for alg in ["none", "NoNe", "NONE"] {
            let forged = with_header_alg(&token, alg, "");
            let refusal = keys().verify(&forged, Audience::JwtCookie);
            assert_eq!(refusal, Err(Rejection::AlgorithmNotAllowed(alg.into())));
            assert!(refusal.unwrap_err().reason().contains("unsigned"));
        }
    }

    #[test]
    fn other_algorithms_are_refused_even_when_correctly_signed() {
        let claims = user_token(1).claims;
        let key = EncodingKey::from_secret(SECRET);
        let hs512 =
            jsonwebtoken::encode(&Header::new(Algorithm::HS512), &claims, &key).expect("signs");
        assert_eq!(
            keys().verify(&hs512, Audience::JwtCookie),
            Err(Rejection::AlgorithmNotAllowed("HS512".into()))
        );
    }

    #[test]
    fn a_token_signed_with_another_secret_is_a_bad_signature() {
        let other = JwtKeys::new(
            b"another-secret-that-is-also-32-bytes-long",
            Duration::minutes(15),
            Duration::ZERO,
        );
        let token = other
            .issue(Audience::JwtCookie, Some("alice"), 1)
            .expect("signs")
            .token;
        assert_eq!(
            keys().verify(&token, Audience::JwtCookie),
            Err(Rejection::BadSignature)
        );
    }

    #[test]
    fn expired_token_is_refused_and_leeway_is_zero_by_default() {
        let keys = keys();
        // Issued 15 min + 1 s ago: expired one second ago.
        let then = OffsetDateTime::now_utc() - Duration::minutes(15) - Duration::seconds(1);
        let token = keys
            .issue_at(then, Audience::JwtCookie, "alice", 1)
            .expect("signs")
            .token;
        assert_eq!(
            keys.verify(&token, Audience::JwtCookie),
            Err(Rejection::Expired)
        );
        // The library's own default (60 s) would have accepted it.
        let lenient = JwtKeys::new(SECRET, Duration::minutes(15), Duration::seconds(60));
        assert!(lenient.verify(&token, Audience::JwtCookie).is_ok());
    }

    #[test]
    fn each_lab_refuses_the_other_labs_token() {
        let keys = keys();
        let cookie = keys
            .issue(Audience::JwtCookie, Some("alice"), 1)
            .expect("signs");
        let header = keys
            .issue(Audience::JwtHeader, Some("alice"), 1)
            .expect("signs");
        assert_eq!(
            keys.verify(&cookie.token, Audience::JwtHeader),
            Err(Rejection::WrongAudience(Some(
                "auth-labs/jwt-cookie".into()
            )))
        );
        assert!(matches!(
            keys.verify(&header.token, Audience::JwtCookie),
            Err(Rejection::WrongAudience(_))
        ));
        assert_eq!(
            keys.verify_any_lab(&header.token)
                .expect("valid")
                .audience(),
            Some(Audience::JwtHeader)
        );
    }

    #[test]
    fn a_signed_token_without_a_required_claim_is_refused_by_name() {
        let key = EncodingKey::from_secret(SECRET);
        let now = OffsetDateTime::now_utc().unix_timestamp();
        let mut payload = serde_json::json!({
            "sub": "alice", "iat": now, "exp": now + 60, "jti": "x",
            "iss": ISSUER, "aud": Audience::JwtCookie.as_str(),
        });
        let token = jsonwebtoken::encode(&Header::default(), &payload, &key).expect("signs");
        assert_eq!(
            keys().verify(&token, Audience::JwtCookie),
            Err(Rejection::MissingClaim("visits".into()))
        );
        payload["visits"] = Value::from(1);
        if let Some(map) = payload.as_object_mut() {
            map.remove("exp");
        }
        let token = jsonwebtoken::encode(&Header::default(), &payload, &key).expect("signs");
        assert_eq!(
            keys().verify(&token, Audience::JwtCookie),
            Err(Rejection::MissingClaim("exp".into()))
        );
    }

    #[test]
    fn garbage_is_not_a_jwt_and_never_panics() {
        let keys = keys();
        for garbage in [
            "",
            "abc",
            "a.b",
            "a.b.c.d",
            "..",
            "a b.c.d",
            "héllo.wörld.x",
            "%%%.%%%.%%%",
            "\u{0}.\u{0}.\u{0}",
        ] {
            assert_eq!(
                keys.verify(garbage, Audience::JwtCookie),
                Err(Rejection::NotAJwt),
                "{garbage:?}"
            );
        }
        for malformed in [
            "a.b.c",
            "eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln",
            "e30.e30.x",
        ] {
            assert!(
                matches!(
                    keys.verify(malformed, Audience::JwtCookie),
                    Err(Rejection::Malformed(_))
                ),
                "{malformed:?}"
            );
        }
    }
}
