//! A lab's token policy: which checks it makes on the tokens it receives, and how it signs the
//! ones it issues. [`Policy::strict`] is every defence on, with the configured leeway and
//! lifetime; the labs build a weaker one only from a learner's own experiment switches
//! (`src/labs/switches/`), for that learner's browser.
//!
//! When a weaker policy lets a token through, the check says which relaxation it needed
//! ([`Leniency`]), so a page can name the switch that made the decision. The sentences live in
//! the message table (`jwt.switch.*` in `templates/locales/en/messages.ftl`).

use serde::Serialize;
use time::Duration;

use super::{Audience, Claims, JwtKeys};

/// What a lab checks on a token and how it signs one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    /// The lab: the `aud` it accepts, and writes into the tokens it issues.
    pub audience: Audience,
    /// Check the signature (else the token is only decoded: the classic library misuse).
    pub verify_signature: bool,
    /// Accept HS256 only (else the header's `alg` is trusted: `none`, HS384, HS512).
    pub pin_algorithm: bool,
    /// Accept only this lab's `aud` (else any lab's token, or any `aud` at all).
    pub check_audience: bool,
    /// Clock skew allowed on `exp` and `nbf`.
    pub leeway: Duration,
    /// `exp - iat` of the tokens issued.
    pub ttl: Duration,
    /// Sign and check with this word instead of the configured secret.
    pub weak_secret: Option<&'static str>,
}

impl Policy {
    /// Every check on: HS256 under the configured secret, this lab's audience only, the
    /// configured leeway and lifetime. What `JwtKeys::verify` and `issue` apply.
    pub fn strict(audience: Audience, keys: &JwtKeys) -> Policy {
        Policy {
            audience,
            verify_signature: true,
            pin_algorithm: true,
            check_audience: true,
            leeway: keys.leeway,
            ttl: keys.ttl,
            weak_secret: None,
        }
    }
}

/// A token the policy accepted: its claims, and each check a switch relaxed to let it in
/// (empty under a strict policy, and whenever the token would have passed anyway).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub claims: Claims,
    pub lenient: Vec<Leniency>,
}

/// A decision a weakened check made, naming what it let through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Leniency {
    /// `verify_signature` is off: the signature was not checked. `matches` says whether it
    /// would have passed (false: the token was edited, or signed with another key).
    SignatureUnchecked { matches: bool },
    /// `pin_algorithm` is off: the header's `alg` (not HS256) was believed.
    AlgorithmTrusted(String),
    /// `check_audience` is off: the token's `aud` names another lab (or none we know).
    AudienceUnchecked(String),
    /// `exp` has passed, by these seconds, but not the leeway.
    WithinLeeway(i64),
    /// `weak_secret` is on: the signature was checked with the dictionary word.
    WeakSecret,
}

impl Leniency {
    /// Every message key [`Leniency::view`] uses (`jwt.switch.<key>`).
    pub const KEYS: [&'static str; 7] = [
        "signature_unchecked",
        "signature_mismatch",
        "alg_none",
        "alg_trusted",
        "audience_unchecked",
        "within_leeway",
        "weak_secret",
    ];

    /// The switch that made this decision (its name on the lab's switches panel).
    pub fn switch(&self) -> &'static str {
        match self {
            Leniency::SignatureUnchecked { .. } => "verify_signature",
            Leniency::AlgorithmTrusted(_) => "pin_algorithm",
            Leniency::AudienceUnchecked(_) => "check_audience",
            Leniency::WithinLeeway(_) => "leeway",
            Leniency::WeakSecret => "weak_secret",
        }
    }

    /// How pages (and the header lab's API) say it: `t(key="jwt.switch." ~ d.key, detail=…)`.
    pub fn view(&self) -> LeniencyView {
        let (key, detail) = match self {
            Leniency::SignatureUnchecked { matches: true } => ("signature_unchecked", None),
            Leniency::SignatureUnchecked { matches: false } => ("signature_mismatch", None),
            Leniency::AlgorithmTrusted(alg) if alg == "none" => ("alg_none", None),
            Leniency::AlgorithmTrusted(alg) => ("alg_trusted", Some(alg.clone())),
            Leniency::AudienceUnchecked(aud) => ("audience_unchecked", Some(aud.clone())),
            Leniency::WithinLeeway(late) => ("within_leeway", Some(late.to_string())),
            Leniency::WeakSecret => ("weak_secret", None),
        };
        LeniencyView {
            switch: self.switch(),
            key,
            detail,
        }
    }
}

/// A decision as templates render it and the header lab's API sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LeniencyView {
    pub switch: &'static str,
    pub key: &'static str,
    pub detail: Option<String>,
}

/// The views of several decisions, in the order they were made.
pub fn views(lenient: &[Leniency]) -> Vec<LeniencyView> {
    lenient.iter().map(Leniency::view).collect()
}
