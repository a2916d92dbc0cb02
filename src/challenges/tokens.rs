//! The JWT labs' switch challenges, read from what the token check concluded: which switch let
//! a token in (`Leniency`), or which check refused it (`Rejection`).
//!
//! - alg-none: a token believed with `alg: none` (`pin_algorithm` off) solves it; the same
//!   header refused as a disallowed algorithm defends it.
//! - signature-not-verified: an edited token believed because its signature was not checked
//!   (`verify_signature` off, and the signature would not have matched) solves it; a token
//!   refused for its signature defends it.
//! - audience-confusion: the other lab's token believed here (`check_audience` off) solves it;
//!   the other lab's token refused for its `aud` defends it.
//! - weak-secret: a user token that verified under the browser's weak word (`weak_secret` on)
//!   but names a login this server never signed (no lab issued a token for that user at that
//!   `auth_time`: it was forged with the cracked word) solves it, and the forgery is
//!   remembered; the same forged login refused for its signature (the real secret again)
//!   defends it. The server remembers every login it signs for this, bounded like the
//!   boards: a login forgotten to make room could pass for a forgery, never the reverse.

use super::board::Outcome;
use super::catalogue::ChallengeId;
use super::learner::{now, Learner};
use super::replay::{key_of, key_of_raw};
use super::store::{Challenges, Clue, LoginKey};
use crate::auth::jwt::{Audience, Claims, Leniency, Rejection};

/// What a JWT lab concluded about a token: accepted (its claims, and each check a switch
/// relaxed to let it in), or refused and why.
pub type TokenVerdict<'a> = Result<(&'a Claims, &'a [Leniency]), &'a Rejection>;

/// The alg-none, signature-not-verified and audience-confusion outcomes of one verdict.
pub fn switch_outcomes(verdict: TokenVerdict<'_>) -> Vec<(ChallengeId, Outcome)> {
    let mut seen = Vec::new();
    match verdict {
        Ok((_, lenient)) => {
            for relaxed in lenient {
                let challenge = match relaxed {
                    Leniency::AlgorithmTrusted(alg) if alg.eq_ignore_ascii_case("none") => {
                        ChallengeId::AlgNone
                    }
                    Leniency::SignatureUnchecked { matches: false } => {
                        ChallengeId::SignatureNotVerified
                    }
                    Leniency::AudienceUnchecked(aud) if Audience::parse(aud).is_some() => {
                        ChallengeId::AudienceConfusion
                    }
                    _ => continue,
                };
                seen.push((challenge, Outcome::Succeeded));
            }
        }
        Err(Rejection::AlgorithmNotAllowed(alg)) if alg.eq_ignore_ascii_case("none") => {
            seen.push((ChallengeId::AlgNone, Outcome::Refused));
        }
        Err(Rejection::BadSignature) => {
            seen.push((ChallengeId::SignatureNotVerified, Outcome::Refused));
        }
        Err(Rejection::WrongAudience(Some(aud))) if Audience::parse(aud).is_some() => {
            seen.push((ChallengeId::AudienceConfusion, Outcome::Refused));
        }
        Err(_) => {}
    }
    seen
}

/// A login as the index of signed logins keys it: any lab's.
fn login(key: &LoginKey) -> Clue {
    Clue::JwtLogin(LoginKey {
        aud: String::new(),
        ..key.clone()
    })
}

/// The weak-secret outcome of one verdict (see the module's note).
pub fn weak_secret(
    challenges: &Challenges,
    token: Option<&str>,
    verdict: TokenVerdict<'_>,
) -> Option<Outcome> {
    match verdict {
        Ok((claims, lenient)) if lenient.contains(&Leniency::WeakSecret) => {
            let key = key_of(claims)?;
            if challenges.recall(&login(&key)).is_some() {
                return None;
            }
            challenges.remember(Clue::JwtForgery(key), None, now());
            Some(Outcome::Succeeded)
        }
        Err(Rejection::BadSignature) => {
            let key = key_of_raw(token?)?;
            challenges
                .recall(&Clue::JwtForgery(key))
                .map(|_| Outcome::Refused)
        }
        _ => None,
    }
}

impl Learner<'_> {
    /// A JWT lab signed a login token (`claims`): tokens of that login are not forgeries.
    pub fn issued_jwt(&self, claims: &Claims) {
        if let Some(key) = key_of(claims) {
            self.challenges.remember(login(&key), None, now());
        }
    }
}
