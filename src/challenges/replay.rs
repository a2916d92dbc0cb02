//! The JWT replay after logout: logout can only ask the browser to forget the token, so a copy
//! taken before keeps working until it expires (the revocation lesson). A logout remembers the
//! login it ended (lab, user, `auth_time`); a token of that login accepted afterwards solves
//! the challenge for whoever logged out, and the same copy refused as expired (a short `ttl`,
//! the absolute timeout, or a denylist that revokes it) defends it.
//!
//! Every token a JWT lab judges comes through [`Learner::saw_jwt`], which also hands the
//! verdict to the switch challenges (`tokens.rs`).

use super::board::Outcome;
use super::catalogue::ChallengeId;
use super::learner::{now, Learner};
use super::store::{Clue, LoginKey};
use super::tokens::{self, TokenVerdict};
use crate::auth::jwt::{decode_unverified, Claims, Rejection};

pub(super) fn key_of(claims: &Claims) -> Option<LoginKey> {
    claims.username()?;
    Some(LoginKey {
        aud: claims.aud.clone(),
        sub: claims.sub.clone(),
        auth_time: claims.auth_time,
    })
}

/// The login a token claims to belong to, read without checking its signature (a refused token
/// is only compared with what the challenges remember, never believed).
pub(super) fn key_of_raw(token: &str) -> Option<LoginKey> {
    let payload = decode_unverified(token).ok()?.payload;
    let text = |name: &str| payload.get(name)?.as_str().map(str::to_string);
    Some(LoginKey {
        aud: text("aud")?,
        sub: text("sub")?,
        auth_time: payload.get("auth_time")?.as_i64()?,
    })
}

/// Whether a refusal is the defence against replay: the copy stopped working on its own
/// (expired, past the absolute timeout). An edited copy refused for its signature is another
/// attack, not this one refused.
fn stops_replay(why: &Rejection) -> bool {
    matches!(why, Rejection::Expired | Rejection::AbsoluteTimeout(_))
}

impl Learner<'_> {
    /// The browser logged out of the token `claims` (a guest token is no login).
    pub fn logged_out_jwt(&self, claims: Option<&Claims>) {
        if let Some(key) = claims.and_then(key_of) {
            let me = self.ensure();
            self.challenges
                .remember(Clue::JwtLogout(key), Some(me), now());
        }
    }

    /// A JWT lab judged `token` (`verdict`: accepted, with what the switches relaxed, or
    /// refused and why): the replay and the switch challenges see it. `None`: no token came.
    pub fn saw_jwt(&self, token: Option<&str>, verdict: Option<TokenVerdict<'_>>) {
        let Some(verdict) = verdict else {
            return;
        };
        self.saw_replay(token, verdict);
        for (challenge, outcome) in tokens::switch_outcomes(verdict) {
            self.saw(challenge, outcome);
        }
        let weak = tokens::weak_secret(self.challenges, token, verdict);
        self.saw(ChallengeId::WeakSecret, weak);
    }

    /// If the token belongs to a login that was logged out, that learner's replay succeeded
    /// (accepted) or was refused (expired).
    fn saw_replay(&self, token: Option<&str>, verdict: TokenVerdict<'_>) {
        let (key, outcome) = match verdict {
            Ok((claims, _)) => (key_of(claims), Outcome::Succeeded),
            Err(why) if stops_replay(why) => (token.and_then(key_of_raw), Outcome::Refused),
            Err(_) => return,
        };
        let Some(key) = key else {
            return;
        };
        let Some(Some(learner)) = self.challenges.recall(&Clue::JwtLogout(key)) else {
            return;
        };
        // Another learner's browser replaying it changes nothing for either board; a request
        // with no board of its own (curl, a private window) counts for whoever logged out.
        if self.id().is_none_or(|me| me == learner) {
            self.challenges
                .saw(&learner, ChallengeId::JwtReplayAfterLogout, outcome, now());
        }
    }
}
