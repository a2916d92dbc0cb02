//! One learner's board: for each challenge, how far they got (open → solved → defended), how
//! many hints they opened, and which changes the pages have yet to announce.

use serde::Serialize;

use super::catalogue::{ChallengeId, COUNT};

/// How far a learner got with one challenge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    #[default]
    Open,
    /// The server saw the attack succeed.
    Solved,
    /// After solving, the server saw the same attack refused with the defence back on.
    Defended,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Open => "open",
            State::Solved => "solved",
            State::Defended => "defended",
        }
    }
}

/// What the server saw of an attack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// It worked: the defence was off (or there is none).
    Succeeded,
    /// It was refused by the defence. Counts only after the challenge was solved.
    Refused,
}

/// One challenge on one learner's board.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub state: State,
    /// Hints opened so far (they open one at a time).
    pub hints: u8,
    /// When the state last changed (Unix seconds).
    pub changed_at: Option<i64>,
    /// The state change no page has shown yet ("Solved: …" on the next page).
    #[serde(skip)]
    pub unannounced: bool,
}

impl Progress {
    /// Moves along open → solved → defended; anything else changes nothing. Returns the new
    /// state when it moved.
    pub fn apply(&mut self, outcome: Outcome, now: i64) -> Option<State> {
        let next = match (self.state, outcome) {
            (State::Open, Outcome::Succeeded) => State::Solved,
            (State::Solved, Outcome::Refused) => State::Defended,
            _ => return None,
        };
        self.state = next;
        self.changed_at = Some(now);
        self.unannounced = true;
        Some(next)
    }

    /// The better of two boards' entries, when a browser's board joins an account's.
    fn merged(self, other: Progress) -> Progress {
        let newer = if other.state > self.state {
            other
        } else {
            self
        };
        Progress {
            hints: self.hints.max(other.hints),
            unannounced: self.unannounced || other.unannounced,
            ..newer
        }
    }
}

/// A learner's board, and whose account it follows (none: it lives in one browser only).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Record {
    pub account: Option<String>,
    pub progress: [Progress; COUNT],
    /// The last time this learner did anything the server noticed (Unix seconds).
    pub last_seen: i64,
}

impl Record {
    pub fn new(now: i64) -> Record {
        Record {
            last_seen: now,
            ..Record::default()
        }
    }

    pub fn of(&self, id: ChallengeId) -> &Progress {
        &self.progress[id.index()]
    }

    pub fn of_mut(&mut self, id: ChallengeId) -> &mut Progress {
        &mut self.progress[id.index()]
    }

    /// Takes in another board's progress (the browser's, joining the account's).
    pub fn absorb(&mut self, other: &Record) {
        for (mine, theirs) in self.progress.iter_mut().zip(other.progress.iter()) {
            *mine = mine.merged(*theirs);
        }
        self.last_seen = self.last_seen.max(other.last_seen);
    }

    /// The changes not announced yet, which are now announced.
    pub fn take_announcements(&mut self) -> Vec<(ChallengeId, State)> {
        let mut out = Vec::new();
        for (i, progress) in self.progress.iter_mut().enumerate() {
            if std::mem::take(&mut progress.unannounced) {
                out.push((super::catalogue::CHALLENGES[i].id, progress.state));
            }
        }
        out
    }

    pub fn has_announcements(&self) -> bool {
        self.progress.iter().any(|p| p.unannounced)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_challenge_is_solved_by_success_and_defended_only_by_a_refusal_after_it() {
        let mut p = Progress::default();
        assert_eq!(p.apply(Outcome::Refused, 1), None, "refused before solving");
        assert_eq!(p.state, State::Open);
        assert_eq!(p.apply(Outcome::Succeeded, 2), Some(State::Solved));
        assert_eq!(p.apply(Outcome::Succeeded, 3), None);
        assert_eq!(p.apply(Outcome::Refused, 4), Some(State::Defended));
        assert_eq!(p.apply(Outcome::Succeeded, 5), None, "defended stays");
        assert_eq!(p.changed_at, Some(4));
    }

    #[test]
    fn joining_boards_keeps_the_furthest_state_and_the_most_hints() {
        let mut account = Record::new(10);
        account
            .of_mut(ChallengeId::LoginCsrf)
            .apply(Outcome::Succeeded, 10);
        let mut browser = Record::new(20);
        browser.of_mut(ChallengeId::AlgNone).hints = 2;
        browser
            .of_mut(ChallengeId::PlainCounterForgery)
            .apply(Outcome::Succeeded, 20);
        account.absorb(&browser);
        assert_eq!(account.of(ChallengeId::LoginCsrf).state, State::Solved);
        assert_eq!(
            account.of(ChallengeId::PlainCounterForgery).state,
            State::Solved
        );
        assert_eq!(account.of(ChallengeId::AlgNone).hints, 2);
        assert_eq!(account.last_seen, 20);
    }
}
