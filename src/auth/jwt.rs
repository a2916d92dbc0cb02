//! HS256 tokens for the two JWT labs and the decoder: issue, verify, and explain refusals.
//!
//! A JWT is three base64url parts, `header.payload.signature`. Anyone can read the first two;
//! only the holder of the secret can make a signature that matches them. So the token is
//! *readable, tamper-evident* state that the client carries (RFC 7519), and every check below
//! follows RFC 8725 (JWT Best Current Practices).
//!
//! Tokens are checked in one place, `checks.rs`, under a [`Policy`] (`policy.rs`): the strict
//! one unless a learner turned one of the lab's switches off for their own browser.
//!
//! Refusals carry codes; the sentences pages show for them live in the message table
//! (`jwt.rejection.*` in `templates/locales/en/messages.ftl`). [`Rejection::reason`] keeps a short
//! English sentence for the API (RFC 6750 `error_description`, the JSON `message`).

use std::sync::LazyLock;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use jsonwebtoken::{DecodingKey, EncodingKey, Header};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::Sha256;
use time::{Duration, OffsetDateTime};

use crate::config::{AppConfig, JwtSettings};

mod rejection;
pub use rejection::{Malformation, Rejection, RejectionView};

mod checks;
mod policy;
pub use policy::{views, Leniency, LeniencyView, Policy, Verified};

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
    /// When the user logged in (for a guest, when the guest token was first issued), as
    /// OpenID Connect's `auth_time`. Every re-issue copies it unchanged, so a token renewed on
    /// every visit still dies `jwt_absolute_timeout` after it.
    pub auth_time: i64,
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

/// A token's three base64url parts, or why it is not a JWT at all. The signature may be empty
/// (that is what an `alg: none` token looks like); the header and payload may not.
pub fn split(token: &str) -> Result<[&str; 3], Rejection> {
    let mut parts = token.split('.');
    let (Some(header), Some(payload), Some(signature), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Rejection::NotAJwt);
    };
    let parts = [header, payload, signature];
    if header.is_empty() || payload.is_empty() || !parts.iter().all(|p| is_b64url(p)) {
        return Err(Rejection::NotAJwt);
    }
    Ok(parts)
}

/// Whether `part` uses only the base64url alphabet, without padding.
fn is_b64url(part: &str) -> bool {
    part.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// `Header::default()` (`{"typ":"JWT","alg":"HS256"}`) as the first part of every token we
/// sign, encoded once.
static HS256_HEADER: LazyLock<Option<String>> = LazyLock::new(|| {
    serde_json::to_vec(&Header::default())
        .ok()
        .map(|json| URL_SAFE_NO_PAD.encode(json))
});

/// The three parts of `token` (as [`split`] gives them) when its header and payload are exactly
/// what this app writes for `claims` (`Header::default()`, then the claims serialized in their
/// order), whatever its signature: a reader may then take the claims as the token's content
/// without decoding it again. `None` for any other token, even one that decodes to the same
/// claims.
pub fn written_from<'t>(token: &'t str, claims: &Claims) -> Option<[&'t str; 3]> {
    let (header, rest) = token.split_once('.')?;
    let (payload, signature) = rest.split_once('.')?;
    if Some(header) != HS256_HEADER.as_deref() || !is_b64url(signature) {
        return None;
    }
    let json = serde_json::to_vec(claims).ok()?;
    (URL_SAFE_NO_PAD.encode(json) == payload).then_some([header, payload, signature])
}

/// The first part of every token this app signs (`Header::default()`, base64url).
pub fn hs256_header() -> Option<&'static str> {
    HS256_HEADER.as_deref()
}

/// Splits a token and decodes its header and payload, checking nothing else.
pub fn decode_unverified(token: &str) -> Result<Unverified, Rejection> {
    let [header, payload, signature] = split(token)?;
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
    /// HMAC-SHA256 keyed with the secret once: each HS256 signature under it starts from a
    /// copy (`jsonwebtoken` keys a new one, two SHA-256 blocks, on every call).
    hs256: Option<Hmac<Sha256>>,
    /// `exp - iat` of every token issued.
    pub ttl: Duration,
    /// Clock skew allowed on `exp`/`nbf`. Ours defaults to 0; the `jsonwebtoken` crate's
    /// `Validation` defaults to 60 s, which would accept a token a minute after it expired.
    pub leeway: Duration,
    /// How long after `auth_time` a token is still accepted, and so re-issued.
    pub absolute_timeout: Duration,
}

impl JwtKeys {
    /// Keys with the default absolute timeout (`jwt_absolute_timeout`, 8 h).
    pub fn new(secret: &[u8], ttl: Duration, leeway: Duration) -> JwtKeys {
        JwtKeys {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            hs256: Hmac::new_from_slice(secret).ok(),
            ttl,
            leeway,
            absolute_timeout: JwtSettings::default().absolute_timeout.duration(),
        }
    }

    pub fn with_absolute_timeout(self, absolute_timeout: Duration) -> JwtKeys {
        JwtKeys {
            absolute_timeout,
            ..self
        }
    }

    pub fn from_config(config: &AppConfig) -> JwtKeys {
        JwtKeys::new(
            config.jwt_secret.bytes(),
            config.jwt.ttl.duration(),
            config.jwt.leeway.duration(),
        )
        .with_absolute_timeout(config.jwt.absolute_timeout.duration())
    }

    /// The Unix second from which the token is refused however fresh its `exp`:
    /// `auth_time + jwt_absolute_timeout`.
    pub fn renewal_ends(&self, claims: &Claims) -> i64 {
        claims
            .auth_time
            .saturating_add(self.absolute_timeout.whole_seconds())
    }

    /// Signs a token for `audience`: for `user`, or a new guest when `None`. Its `auth_time`
    /// is now: call it at login and when a guest starts, never to renew.
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
        let now = OffsetDateTime::now_utc();
        self.sign(now, audience, sub, visits, now.unix_timestamp())
    }

    /// Re-issues `claims` (same subject, audience and `auth_time`) with a new count, `iat`,
    /// `exp`, `jti`. It signs what it is given: pass claims that [`JwtKeys::verify`] accepted,
    /// which it does only before the absolute timeout.
    pub fn reissue(&self, claims: &Claims, visits: u64) -> Result<Issued, SigningError> {
        let audience = claims.audience().ok_or(SigningError)?;
        self.sign(
            OffsetDateTime::now_utc(),
            audience,
            claims.sub.clone(),
            visits,
            claims.auth_time,
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
        self.sign(now, audience, sub.to_string(), visits, now.unix_timestamp())
    }

    fn sign(
        &self,
        now: OffsetDateTime,
        audience: Audience,
        sub: String,
        visits: u64,
        auth_time: i64,
    ) -> Result<Issued, SigningError> {
        let iat = now.unix_timestamp();
        let claims = Claims {
            sub,
            visits,
            iat,
            exp: iat.saturating_add(self.ttl.whole_seconds()),
            auth_time,
            jti: random_id(16),
            iss: ISSUER.to_string(),
            aud: audience.as_str().to_string(),
        };
        let token = match self.encode_hs256(&claims) {
            Some(token) => token,
            None => jsonwebtoken::encode(&Header::default(), &claims, &self.encoding)
                .map_err(|_| SigningError)?,
        };
        Ok(Issued { token, claims })
    }

    /// `claims` signed as `jsonwebtoken::encode` signs them under `Header::default()`, the same
    /// bytes (a test compares them), with the HMAC keyed once and the header encoded once.
    fn encode_hs256(&self, claims: &Claims) -> Option<String> {
        let header = HS256_HEADER.as_deref()?;
        let payload = serde_json::to_vec(claims).ok()?;
        let mut token = String::with_capacity(header.len() + payload.len() * 4 / 3 + 48);
        token.push_str(header);
        token.push('.');
        URL_SAFE_NO_PAD.encode_string(&payload, &mut token);
        let mut mac = self.hs256.clone()?;
        mac.update(token.as_bytes());
        token.push('.');
        URL_SAFE_NO_PAD.encode_string(mac.finalize().into_bytes(), &mut token);
        Some(token)
    }

    /// Whether `signature` (base64url) is the HS256 signature of `input` under the secret, as
    /// `jsonwebtoken::crypto::verify` answers (an error when it is not base64url; the tags
    /// compared in constant time); `None` when the secret has no keyed HMAC.
    pub(super) fn verify_hs256(
        &self,
        signature: &str,
        input: &[u8],
    ) -> Option<Result<bool, base64::DecodeError>> {
        let mut mac = self.hs256.clone()?;
        Some(URL_SAFE_NO_PAD.decode(signature).map(|tag| {
            mac.update(input);
            mac.verify_slice(&tag).is_ok()
        }))
    }

    /// Checks a token for one of `audiences` under the strict policy, as of `now` (the lab the
    /// token names, if it is one of them: no other lab's policy could accept it).
    fn check(
        &self,
        token: &str,
        audiences: &[Audience],
        now: OffsetDateTime,
    ) -> Result<Claims, Rejection> {
        let named = decode_unverified(token)
            .ok()
            .and_then(|t| t.payload.get("aud")?.as_str().and_then(Audience::parse))
            .filter(|aud| audiences.contains(aud));
        let audience = named
            .or(audiences.first().copied())
            .unwrap_or(Audience::JwtCookie);
        self.check_with(token, &Policy::strict(audience, self), now)
            .map(|verified| verified.claims)
    }

    /// Verifies a token for one lab, every check on (see `checks.rs`).
    pub fn verify(&self, token: &str, audience: Audience) -> Result<Claims, Rejection> {
        self.check(token, &[audience], OffsetDateTime::now_utc())
    }

    /// Verifies a token for whichever lab it names (the decoder's verdict).
    pub fn verify_any_lab(&self, token: &str) -> Result<Claims, Rejection> {
        self.check(token, &Audience::ALL, OffsetDateTime::now_utc())
    }

    /// As `issue`, under `policy`: for its lab, with its lifetime and its secret.
    pub fn issue_with(
        &self,
        policy: &Policy,
        user: Option<&str>,
        visits: u64,
    ) -> Result<Issued, SigningError> {
        match self.signing_keys(policy)? {
            Some(keys) => keys.issue(policy.audience, user, visits),
            None => self.issue(policy.audience, user, visits),
        }
    }

    /// As `reissue`, under `policy`. The new token is for the policy's lab, whichever lab the
    /// old one named (`check_audience` off lets another lab's token in).
    pub fn reissue_with(
        &self,
        policy: &Policy,
        claims: &Claims,
        visits: u64,
    ) -> Result<Issued, SigningError> {
        let claims = Claims {
            aud: policy.audience.as_str().to_string(),
            ..claims.clone()
        };
        match self.signing_keys(policy)? {
            Some(keys) => keys.reissue(&claims, visits),
            None => self.reissue(&claims, visits),
        }
    }

    /// Keys that sign with the policy's lifetime and secret, when they differ from these.
    fn signing_keys(&self, policy: &Policy) -> Result<Option<JwtKeys>, SigningError> {
        if policy.ttl == self.ttl && policy.weak_secret.is_none() {
            return Ok(None);
        }
        let secret = match policy.weak_secret {
            Some(word) => word.as_bytes(),
            None => self.decoding.try_get_as_bytes().map_err(|_| SigningError)?,
        };
        let keys = JwtKeys::new(secret, policy.ttl, self.leeway);
        Ok(Some(keys.with_absolute_timeout(self.absolute_timeout)))
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
        auth_time: int("auth_time")?,
        jti: text("jti")?,
        iss: text("iss")?,
        aud: text("aud")?,
    })
}

/// `bytes` random bytes, base64url. `thread_rng` is a CSPRNG (ChaCha) seeded, and reseeded,
/// from the OS: as unpredictable as asking the OS each time, without a system call per token.
fn random_id(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::thread_rng().fill_bytes(&mut buf);
    URL_SAFE_NO_PAD.encode(buf)
}

/// Base64url without padding, as JWTs use it (RFC 7515 §2).
pub fn b64url(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jsonwebtoken::Algorithm;

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
    fn a_token_signed_with_the_keyed_hmac_is_the_one_jsonwebtoken_signs() {
        let keys = keys();
        let issued = user_token(3);
        let reference = jsonwebtoken::encode(
            &Header::default(),
            &issued.claims,
            &EncodingKey::from_secret(SECRET),
        )
        .expect("signs");
        assert_eq!(keys.encode_hs256(&issued.claims), Some(reference.clone()));
        assert_eq!(issued.token, reference);
    }

    #[test]
    fn the_keyed_hmac_verifies_as_jsonwebtoken_does() {
        let keys = keys();
        let token = user_token(3).token;
        let (input, signature) = token.rsplit_once('.').expect("three parts");
        let other = jsonwebtoken::encode(
            &Header::default(),
            &user_token(4).claims,
            &EncodingKey::from_secret(SECRET),
        )
        .expect("signs");
        let other_signature = other.rsplit_once('.').expect("three parts").1;
        let reference = |signature: &str| {
            jsonwebtoken::crypto::verify(
                signature,
                input.as_bytes(),
                &DecodingKey::from_secret(SECRET),
                Algorithm::HS256,
            )
            .ok()
        };
        // The right tag, another token's tag, a truncated one, and one that is not base64url.
        for signature in [signature, other_signature, &signature[..20], "not*base64"] {
            let keyed = keys
                .verify_hs256(signature, input.as_bytes())
                .expect("keyed")
                .ok();
            assert_eq!(keyed, reference(signature), "signature {signature:?}");
        }
        assert_eq!(reference(signature), Some(true));
        assert_eq!(reference(other_signature), Some(false));
        assert_eq!(reference("not*base64"), None);
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
        // A token from before `auth_time` existed is refused too: it would renew forever.
        payload["exp"] = Value::from(now + 60);
        let token = jsonwebtoken::encode(&Header::default(), &payload, &key).expect("signs");
        assert_eq!(
            keys().verify(&token, Audience::JwtCookie),
            Err(Rejection::MissingClaim("auth_time".into()))
        );
    }

    /// A token with exactly this header and payload, signed with [`SECRET`].
    fn signed(header: &Value, payload: &Value) -> String {
        let header = serde_json::from_value::<Header>(header.clone()).expect("a header");
        jsonwebtoken::encode(&header, payload, &EncodingKey::from_secret(SECRET)).expect("signs")
    }

    #[test]
    fn auth_time_survives_every_reissue_and_issue_sets_it_to_now() {
        let keys = keys();
        let first = user_token(1).claims;
        let now = OffsetDateTime::now_utc().unix_timestamp();
        assert!((now - 1..=now).contains(&first.auth_time), "a login is now");
        // An hour-old login, renewed three times: auth_time never moves, iat and exp do.
        let mut claims = Claims {
            auth_time: first.auth_time - 3600,
            ..first
        };
        for visits in 2..5 {
            let next = keys.reissue(&claims, visits).expect("signs").claims;
            assert_eq!(next.auth_time, claims.auth_time);
            assert!(next.iat > next.auth_time);
            claims = keys
                .verify(
                    &keys.reissue(&next, visits).expect("signs").token,
                    Audience::JwtCookie,
                )
                .expect("still before the absolute timeout");
        }
        let guest = keys
            .issue(Audience::JwtHeader, None, 1)
            .expect("signs")
            .claims;
        assert!(
            (now - 1..=now + 1).contains(&guest.auth_time),
            "a guest starts now"
        );
    }

    #[test]
    fn a_token_is_refused_from_the_second_its_absolute_timeout_is_reached() {
        let keys = keys().with_absolute_timeout(Duration::hours(8));
        let login = user_token(1).claims;
        // A login 8 h minus 10 s ago, just renewed: exp is 15 min ahead, renewal ends in 10 s.
        let old = Claims {
            auth_time: login.iat - 8 * 3600 + 10,
            ..login.clone()
        };
        let renewed = keys.reissue(&old, 9).expect("signs");
        let at = |unix: i64| OffsetDateTime::from_unix_timestamp(unix).expect("a time");
        let check = |unix: i64| keys.check(&renewed.token, &[Audience::JwtCookie], at(unix));
        let ends = keys.renewal_ends(&renewed.claims);
        assert_eq!(ends, login.iat + 10);
        assert!(ends < renewed.claims.exp);
        assert!(check(ends - 1).is_ok());
        assert_eq!(
            check(ends),
            Err(Rejection::AbsoluteTimeout(Some("alice".into())))
        );
    }

    #[test]
    fn exp_is_strict_now_equal_to_exp_is_expired() {
        let keys = keys();
        let token = user_token(1);
        let at = |unix: i64| OffsetDateTime::from_unix_timestamp(unix).expect("a time");
        let exp = token.claims.exp;
        assert!(keys
            .check(&token.token, &[Audience::JwtCookie], at(exp - 1))
            .is_ok());
        assert_eq!(
            keys.check(&token.token, &[Audience::JwtCookie], at(exp)),
            Err(Rejection::Expired)
        );
        // With a leeway the same rule holds at exp + leeway.
        let lenient = JwtKeys::new(SECRET, Duration::minutes(15), Duration::seconds(5));
        assert!(lenient
            .check(&token.token, &[Audience::JwtCookie], at(exp + 4))
            .is_ok());
        assert_eq!(
            lenient.check(&token.token, &[Audience::JwtCookie], at(exp + 5)),
            Err(Rejection::Expired)
        );
    }

    #[test]
    fn a_crit_header_is_refused_and_named() {
        let payload = serde_json::to_value(user_token(1).claims).expect("json");
        let token = signed(
            &serde_json::json!({"alg": "HS256", "typ": "JWT", "crit": ["b64"]}),
            &payload,
        );
        assert_eq!(
            keys().verify(&token, Audience::JwtCookie),
            Err(Rejection::CriticalExtension(r#"["b64"]"#.into()))
        );
    }

    #[test]
    fn a_mistyped_claim_is_named_for_its_type_not_as_missing() {
        let claims = serde_json::to_value(user_token(1).claims).expect("json");
        for (name, value, expected) in [
            (
                "exp",
                Value::from("soon"),
                Malformation::ClaimNotWholeNumber("exp".into()),
            ),
            (
                "auth_time",
                Value::from("today"),
                Malformation::ClaimNotWholeNumber("auth_time".into()),
            ),
            (
                "sub",
                Value::from(5),
                Malformation::ClaimNotString("sub".into()),
            ),
            (
                "iss",
                Value::from(5),
                Malformation::ClaimNotString("iss".into()),
            ),
            (
                "aud",
                Value::from(5),
                Malformation::ClaimNotString("aud".into()),
            ),
            (
                "nbf",
                Value::from("later"),
                Malformation::ClaimWrongType("nbf".into()),
            ),
        ] {
            let mut payload = claims.clone();
            payload[name] = value;
            let token = signed(&serde_json::json!({"alg": "HS256"}), &payload);
            assert_eq!(
                keys().verify(&token, Audience::JwtCookie),
                Err(Rejection::Malformed(expected)),
                "{name}"
            );
        }
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
