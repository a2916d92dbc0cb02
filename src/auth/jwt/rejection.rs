//! Why a token was refused. Each refusal has a code (the JSON `reason`, a CSS hook) and two
//! ways to be said: [`Rejection::view`] for pages, whose sentences live in the message table
//! (`jwt.rejection.*` in `templates/locales/en/messages.ftl`), and [`Rejection::reason`], the short
//! English sentence the API puts in RFC 6750's `error_description` and its JSON `message`.

use serde::Serialize;

use crate::auth::arrival::Reason;

/// Why a token was refused, in the learner's terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    /// Not three dot-separated base64url parts.
    NotAJwt,
    /// The parts decode, but not to what a JWT holds (JSON objects, claims of the right type).
    Malformed(Malformation),
    /// The header names an algorithm other than HS256, `none` in any letter case included.
    AlgorithmNotAllowed(String),
    /// The header has `crit` (the extensions it lists, as JSON): RFC 7515 §4.1.11 says a
    /// recipient that does not understand them must refuse the token, and we understand none.
    CriticalExtension(String),
    /// The signature does not match header + payload under our secret: edited, or signed
    /// with another secret.
    BadSignature,
    /// `exp` has been reached (beyond the configured leeway): now is not before it.
    Expired,
    /// `auth_time + jwt_absolute_timeout` has been reached: the login (or guest token) is too
    /// old to be accepted or renewed. Names the user whose login it was (`None`: a guest).
    AbsoluteTimeout(Option<String>),
    /// Signed by us, but for another lab (or no lab).
    WrongAudience(Option<String>),
    /// Signed by us, but `iss` is not this app.
    WrongIssuer,
    /// A claim every lab token must carry is absent.
    MissingClaim(String),
    /// `nbf` is still in the future.
    NotYetValid,
}

impl Rejection {
    /// A short machine-readable code (used in JSON errors and as a CSS hook).
    pub fn code(&self) -> &'static str {
        match self {
            Rejection::NotAJwt => "not_a_jwt",
            Rejection::Malformed(_) => "malformed",
            Rejection::AlgorithmNotAllowed(_) => "algorithm_not_allowed",
            Rejection::CriticalExtension(_) => "critical_extension",
            Rejection::BadSignature => "bad_signature",
            Rejection::Expired => "expired",
            Rejection::AbsoluteTimeout(_) => "absolute_timeout",
            Rejection::WrongAudience(_) => "wrong_audience",
            Rejection::WrongIssuer => "wrong_issuer",
            Rejection::MissingClaim(_) => "missing_claim",
            Rejection::NotYetValid => "not_yet_valid",
        }
    }

    /// How pages say it: a message key (`jwt.rejection.<key>` in the message table) and the
    /// value the sentence names (the algorithm, the audience, the claim), if any.
    pub fn view(&self) -> RejectionView {
        let (key, detail) = match self {
            Rejection::Malformed(what) => what.view(),
            Rejection::AlgorithmNotAllowed(alg) if alg.eq_ignore_ascii_case("none") => {
                ("alg_none", Some(alg.clone()))
            }
            Rejection::AlgorithmNotAllowed(alg) => ("algorithm_not_allowed", Some(alg.clone())),
            Rejection::CriticalExtension(crit) => ("critical_extension", Some(crit.clone())),
            Rejection::WrongAudience(None) => ("no_audience", None),
            Rejection::WrongAudience(Some(aud)) => ("wrong_audience", Some(aud.clone())),
            Rejection::MissingClaim(claim) => ("missing_claim", Some(claim.clone())),
            other => (other.code(), None),
        };
        RejectionView {
            code: self.code(),
            key,
            detail,
        }
    }

    /// One sentence for API clients: the JSON `message` and the RFC 6750 `error_description`
    /// (pages use [`Rejection::view`] and the message table instead). Printable ASCII without
    /// `"` or `\`, so it can go into a header as it is.
    pub fn reason(&self) -> String {
        let text = match self {
            Rejection::NotAJwt => {
                "Not a JWT: a JWT is three base64url parts separated by dots (header.payload.signature).".to_string()
            }
            Rejection::Malformed(what) => format!("Malformed token: {}.", what.describe()),
            Rejection::AlgorithmNotAllowed(alg) if alg.eq_ignore_ascii_case("none") => format!(
                "Algorithm not allowed: the header says alg {alg}, an unsigned token. Only HS256 is accepted, so nobody can drop the signature."
            ),
            Rejection::AlgorithmNotAllowed(alg) => format!(
                "Algorithm not allowed: the header says alg {alg}; this server accepts HS256 only."
            ),
            Rejection::BadSignature => {
                "Bad signature: the header or payload was changed after signing, or the token was signed with another secret.".to_string()
            }
            Rejection::CriticalExtension(crit) => format!(
                "Critical extension: the header's crit names {crit}, extensions this server does not understand, so it must refuse the token (RFC 7515 section 4.1.11)."
            ),
            Rejection::Expired => {
                "Expired: the time in the exp claim has been reached, so the token is no longer accepted.".to_string()
            }
            Rejection::AbsoluteTimeout(_) => {
                "Absolute timeout: the login in auth_time is older than the absolute timeout, so this token is no longer accepted or renewed, however recently it was issued. Log in again (or visit without a token for a new guest token).".to_string()
            }
            Rejection::WrongAudience(Some(aud)) => format!(
                "Wrong audience: the token is for {aud}, not for this lab. A token from one lab cannot be replayed at another."
            ),
            Rejection::WrongAudience(None) => {
                "Wrong audience: the token names no lab this server knows.".to_string()
            }
            Rejection::WrongIssuer => {
                "Wrong issuer: the iss claim does not name this app.".to_string()
            }
            Rejection::MissingClaim(claim) => {
                format!("Missing claim: every lab token must carry {claim}.")
            }
            Rejection::NotYetValid => {
                "Not yet valid: the nbf claim is in the future.".to_string()
            }
        };
        header_safe(&text)
    }
}

/// What exactly is wrong with a malformed token. `name` fields say which part (`header`,
/// `payload`) or which claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Malformation {
    NotBase64(&'static str),
    NotJsonObject(&'static str),
    AlgNotString,
    NoAlg,
    ClaimWrongType(String),
    ClaimNotString(String),
    ClaimNotWholeNumber(String),
    Undecodable,
}

impl Malformation {
    /// Its message key (`jwt.rejection.<key>`) and the part or claim it names.
    fn view(&self) -> (&'static str, Option<String>) {
        match self {
            Malformation::NotBase64(part) => ("malformed_base64", Some(part.to_string())),
            Malformation::NotJsonObject(part) => ("malformed_json", Some(part.to_string())),
            Malformation::AlgNotString => ("malformed_alg", None),
            Malformation::NoAlg => ("malformed_no_alg", None),
            Malformation::ClaimWrongType(c) => ("malformed_claim_type", Some(c.clone())),
            Malformation::ClaimNotString(c) => ("malformed_claim_string", Some(c.clone())),
            Malformation::ClaimNotWholeNumber(c) => ("malformed_claim_number", Some(c.clone())),
            Malformation::Undecodable => ("malformed", None),
        }
    }

    /// The API's English words for it (see [`Rejection::reason`]).
    fn describe(&self) -> String {
        match self {
            Malformation::NotBase64(part) => format!("the {part} is not valid base64url"),
            Malformation::NotJsonObject(part) => {
                format!("the {part} does not decode to a JSON object")
            }
            Malformation::AlgNotString => "alg is not a string".into(),
            Malformation::NoAlg => "the header has no alg".into(),
            Malformation::ClaimWrongType(c) => format!("the {c} claim has the wrong type"),
            Malformation::ClaimNotString(c) => format!("the {c} claim is not a string"),
            Malformation::ClaimNotWholeNumber(c) => format!("the {c} claim is not a whole number"),
            Malformation::Undecodable => "the token could not be decoded".into(),
        }
    }
}

impl Reason for Rejection {
    fn code(&self) -> &'static str {
        Rejection::code(self)
    }
}

/// A refusal as a template renders it: `t(key="jwt.rejection." ~ r.key, detail=r.detail)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RejectionView {
    pub code: &'static str,
    pub key: &'static str,
    pub detail: Option<String>,
}

/// Keeps only characters RFC 6750 §3 allows in `error_description` (and strips `"`, `\`).
fn header_safe(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '"' | '\\' => '\'',
            ' '..='~' => c,
            _ => '?',
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of each refusal (and of each malformation), for the checks below.
    fn every_rejection() -> Vec<Rejection> {
        let malformed = [
            Malformation::NotBase64("header"),
            Malformation::NotJsonObject("payload"),
            Malformation::AlgNotString,
            Malformation::NoAlg,
            Malformation::ClaimWrongType("exp".into()),
            Malformation::ClaimNotString("sub".into()),
            Malformation::ClaimNotWholeNumber("iat".into()),
            Malformation::Undecodable,
        ];
        let mut all = vec![
            Rejection::NotAJwt,
            Rejection::AlgorithmNotAllowed("none".into()),
            Rejection::AlgorithmNotAllowed("RS256".into()),
            Rejection::CriticalExtension(r#"["exp"]"#.into()),
            Rejection::BadSignature,
            Rejection::Expired,
            Rejection::AbsoluteTimeout(Some("alice".into())),
            Rejection::AbsoluteTimeout(None),
            Rejection::WrongAudience(None),
            Rejection::WrongAudience(Some("x".into())),
            Rejection::WrongIssuer,
            Rejection::MissingClaim("exp".into()),
            Rejection::NotYetValid,
        ];
        all.extend(malformed.into_iter().map(Rejection::Malformed));
        all
    }

    #[test]
    fn every_refusal_has_its_words_in_the_message_table() {
        let path = std::path::Path::new("templates/locales");
        let messages = crate::site::messages::Messages::load(path).expect("loads");
        for rejection in every_rejection() {
            let key = format!("jwt.rejection.{}", rejection.view().key);
            assert!(messages.contains(&key), "{key}");
            let state = format!("jwt_cookie.arrival.{}", rejection.code());
            assert!(messages.contains(&state), "{state}");
        }
    }

    #[test]
    fn reasons_are_safe_inside_a_www_authenticate_header() {
        for r in [
            Rejection::NotAJwt,
            Rejection::Malformed(Malformation::ClaimNotString("x".into())),
            Rejection::AlgorithmNotAllowed("n\"o\\ne".into()),
            Rejection::BadSignature,
            Rejection::Expired,
            Rejection::CriticalExtension(r#"["ü","\\"]"#.into()),
            Rejection::AbsoluteTimeout(None),
            Rejection::WrongAudience(Some("ü".into())),
            Rejection::MissingClaim("visits".into()),
        ] {
            let reason = r.reason();
            assert!(
                reason
                    .chars()
                    .all(|c| (' '..='~').contains(&c) && c != '"' && c != '\\'),
                "{reason}"
            );
        }
    }
}
