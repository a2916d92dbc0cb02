//! What the sessions lab tells the challenges, each at the point where the lab decides:
//!
//! - session-replay-after-logout: a logout remembers the session id it ended (whatever
//!   `destroy_on_logout` did with it). That id later proving a logged-in user (`BASE/me`)
//!   solves it for whoever logged out; the same id naming no session any more (destroyed at
//!   logout, or timed out) defends it.
//! - session-fixation: an id a link planted (`?sid=` with `accept_url_id` on) is remembered.
//!   A login that keeps a planted id (`regenerate_on_login` off) solves it for the browser that
//!   logged in, whose switches let it happen; a login that replaces a planted id with a new
//!   one (`regenerate_on_login` on) defends it. An id the browser got any other way is no
//!   fixation: nobody else was shown it.
//! - lost-update: a stale copy written back over a higher count (`resave` on) lost the visits
//!   in between: solved. Once solved, a visit counted in one step while another visit of the
//!   same session came less than the store's round trip before it (the overlap that loses an
//!   update with `resave` on) lost nothing: defended. The last such visit is remembered per
//!   session only for learners who solved it.

use std::time::Duration;

use time::OffsetDateTime;

use super::board::{Outcome, State};
use super::catalogue::ChallengeId;
use super::learner::{now, Learner};
use super::store::{Challenges, Clue};
use crate::labs::sessions::store::SessionId;

/// How a visit was counted, as far as lost updates go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counting {
    /// In one step inside the store (`resave` off): nothing can be lost.
    Atomic(SessionId),
    /// A copy read earlier was written back over `overwrote` (`resave` on).
    WrittenBack { copy: u64, overwrote: u64 },
}

/// A link planted session `id` in a browser (`?sid=` with `accept_url_id` on).
pub fn planted(challenges: &Challenges, id: &SessionId) {
    challenges.remember(Clue::PlantedSession(id.to_string()), None, now());
}

impl Learner<'_> {
    /// The browser logged out of session `id`.
    pub fn logged_out_session(&self, id: &SessionId) {
        let me = self.ensure();
        self.challenges
            .remember(Clue::SessionLogout(id.to_string()), Some(me), now());
    }

    /// Session `id` arrived at a page that needs a logged-in user: it proved one (`live`), or
    /// named no session any more.
    pub fn saw_session(&self, id: &SessionId, live: bool) {
        let clue = Clue::SessionLogout(id.to_string());
        let Some(Some(learner)) = self.challenges.recall(&clue) else {
            return;
        };
        let outcome = if live {
            Outcome::Succeeded
        } else {
            Outcome::Refused
        };
        // As for a JWT copy: another learner's browser changes nothing; a request with no
        // board of its own (curl with the copied cookie) counts for whoever logged out.
        if self.id().is_none_or(|me| me == learner) {
            self.challenges.saw(
                &learner,
                ChallengeId::SessionReplayAfterLogout,
                outcome,
                now(),
            );
        }
    }

    /// A login arrived with session `old`, and kept it (`kept`) or replaced it; `regenerate`
    /// is the browser's `regenerate_on_login`.
    pub fn saw_session_login(&self, old: Option<&SessionId>, kept: bool, regenerate: bool) {
        let Some(old) = old else {
            return;
        };
        let planted = Clue::PlantedSession(old.to_string());
        if self.challenges.recall(&planted).is_none() {
            return;
        }
        let outcome = match (kept, regenerate) {
            (true, _) => Outcome::Succeeded,
            (false, true) => Outcome::Refused,
            // Not kept with the switch off: the planted session had died; nothing was tried.
            (false, false) => return,
        };
        self.saw(ChallengeId::SessionFixation, outcome);
    }

    /// A visit was counted as `counting` says; `round_trip` is the window in which two visits
    /// overlap when a copy is written back.
    pub fn saw_visit(&self, counting: Option<Counting>, round_trip: Duration) {
        match counting {
            Some(Counting::WrittenBack { copy, overwrote }) if overwrote > copy => {
                self.saw(ChallengeId::LostUpdate, Outcome::Succeeded);
            }
            Some(Counting::Atomic(id)) => {
                let Some(me) = self.id() else {
                    return;
                };
                let board = self.challenges.board(&me);
                if board.of(ChallengeId::LostUpdate).state != State::Solved {
                    return;
                }
                let at = OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000;
                let at = i64::try_from(at).unwrap_or(i64::MAX);
                let before = self
                    .challenges
                    .renew(Clue::SessionVisit(id.to_string()), at);
                let window = i64::try_from(round_trip.as_millis()).unwrap_or(i64::MAX);
                if before.is_some_and(|then| at.saturating_sub(then) < window) {
                    self.saw(ChallengeId::LostUpdate, Outcome::Refused);
                }
            }
            _ => {}
        }
    }
}
