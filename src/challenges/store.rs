//! Every learner's board, in memory and bounded like the session store: at most
//! `challenge_learner_capacity` learners (when full, the longest-unseen browser-only board
//! goes first, so a flood of fresh browsers cannot push out a board that follows an account),
//! and a class activity log of at most `challenge_event_capacity` events (oldest dropped). The
//! teacher page says when either is full.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};

use serde::Serialize;

use super::board::{Outcome, Record, State};
use super::catalogue::ChallengeId;
use super::learner::LearnerId;
use super::settings::ChallengeSettings;

/// Something a learner did that the class view lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Solved,
    Defended,
    Hint,
}

#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub at: i64,
    pub learner: LearnerId,
    pub challenge: ChallengeId,
    pub kind: EventKind,
}

/// A JWT login, as a logout remembers it: which lab, whose, and when it logged in. A token
/// renewed after that login keeps the same `auth_time`, so a copy taken earlier matches too.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LoginKey {
    pub aud: String,
    pub sub: String,
    pub auth_time: i64,
}

/// What a challenge remembers between the request that sets an attack up and the one that
/// springs it. Bounded like the boards: when full, the oldest clue goes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Clue {
    /// A JWT login that was logged out (a copy replayed afterwards is the replay).
    JwtLogout(LoginKey),
    /// A JWT login this server signed, whoever for (`aud` left empty: any lab's).
    JwtLogin(LoginKey),
    /// A weak-secret forgery the server accepted (the same token refused defends it).
    JwtForgery(LoginKey),
    /// A session a browser logged out of, by its id.
    SessionLogout(String),
    /// A session id a link planted in a browser (`?sid=` with `accept_url_id` on).
    PlantedSession(String),
    /// A session's last visit counted in one step, in milliseconds (for overlapping visits).
    SessionVisit(String),
}

/// How full the store is, for the teacher page.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Fullness {
    pub learners: usize,
    pub learner_capacity: usize,
    /// Boards forgotten to make room since the server started.
    pub evicted: u64,
    pub events: usize,
    pub event_capacity: usize,
    /// Events dropped from the log to make room.
    pub dropped_events: u64,
}

/// One remembered clue: whose it is, the caller's time stamp, and when it was remembered.
#[derive(Debug, Clone, Copy)]
struct Kept {
    learner: Option<LearnerId>,
    stamp: i64,
    order: u64,
}

#[derive(Default)]
struct Inner {
    learners: HashMap<LearnerId, Record>,
    /// Account name → the board that follows it.
    accounts: HashMap<String, LearnerId>,
    /// Cross-site log id → the learner whose browser holds it (`?trace=` attributes requests).
    traces: HashMap<String, LearnerId>,
    /// What the challenges remember between requests, by whom (if anyone) and when.
    clues: HashMap<Clue, Kept>,
    /// How many clues were ever remembered: the order the eviction follows.
    clue_count: u64,
    events: VecDeque<Event>,
    evicted: u64,
    dropped_events: u64,
}

/// The boards (Rocket state). Clones share them: the attacker site holds one, so a report
/// its pages receive can reach the learner's board.
#[derive(Clone)]
pub struct Challenges {
    inner: Arc<Mutex<Inner>>,
    learner_capacity: usize,
    event_capacity: usize,
}

impl Challenges {
    pub fn new(settings: &ChallengeSettings) -> Challenges {
        Challenges {
            inner: Arc::new(Mutex::new(Inner::default())),
            learner_capacity: settings.learner_capacity.get(),
            event_capacity: settings.event_capacity.get(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // Every change is a few assignments under the lock: a poisoned lock is still usable.
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Records what the server saw of `challenge` for `learner`; the new state if it moved.
    pub fn saw(
        &self,
        learner: &LearnerId,
        challenge: ChallengeId,
        outcome: Outcome,
        now: i64,
    ) -> Option<State> {
        let mut inner = self.lock();
        // A refusal matters only on a board that solved the challenge: never create one for it.
        if outcome == Outcome::Refused && !inner.learners.contains_key(learner) {
            return None;
        }
        let record = self.record(&mut inner, learner, now);
        let moved = record.of_mut(challenge).apply(outcome, now)?;
        let kind = match moved {
            State::Defended => EventKind::Defended,
            _ => EventKind::Solved,
        };
        self.log(&mut inner, learner, challenge, kind, now);
        Some(moved)
    }

    /// Opens the next hint of `challenge` (up to its last); returns how many are open.
    pub fn open_hint(&self, learner: &LearnerId, challenge: ChallengeId, now: i64) -> u8 {
        let mut inner = self.lock();
        let record = self.record(&mut inner, learner, now);
        let progress = record.of_mut(challenge);
        if progress.hints >= challenge.challenge().hints {
            return progress.hints;
        }
        progress.hints += 1;
        let opened = progress.hints;
        self.log(&mut inner, learner, challenge, EventKind::Hint, now);
        opened
    }

    /// `learner`'s board (a fresh one if the server has none).
    pub fn board(&self, learner: &LearnerId) -> Record {
        self.lock()
            .learners
            .get(learner)
            .cloned()
            .unwrap_or_default()
    }

    pub fn has_announcements(&self, learner: &LearnerId) -> bool {
        self.lock()
            .learners
            .get(learner)
            .is_some_and(Record::has_announcements)
    }

    /// The state changes no page has shown `learner` yet; from now on they are shown.
    pub fn take_announcements(&self, learner: &LearnerId) -> Vec<(ChallengeId, State)> {
        self.lock()
            .learners
            .get_mut(learner)
            .map(Record::take_announcements)
            .unwrap_or_default()
    }

    /// `learner` logged in (or registered) as `account`: their board joins the account's, and
    /// the returned id is the board this browser carries from now on.
    pub fn signed_in(&self, learner: &LearnerId, account: &str, now: i64) -> LearnerId {
        let mut inner = self.lock();
        let mine = inner.learners.get(learner).cloned();
        let owner = mine.as_ref().and_then(|r| r.account.clone());
        match inner.accounts.get(account).copied() {
            Some(home) if home == *learner => home,
            Some(home) => {
                // A browser-only board joins the account's; another account's board stays its own.
                if owner.is_none() {
                    if let Some(mine) = inner.learners.remove(learner) {
                        if let Some(theirs) = inner.learners.get_mut(&home) {
                            theirs.absorb(&mine);
                        }
                    }
                }
                if let Some(home_record) = inner.learners.get_mut(&home) {
                    home_record.last_seen = now;
                }
                home
            }
            None if owner.is_none() => {
                let record = self.record(&mut inner, learner, now);
                record.account = Some(account.to_string());
                inner.accounts.insert(account.to_string(), *learner);
                *learner
            }
            None => {
                let fresh = LearnerId::generate();
                self.record(&mut inner, &fresh, now).account = Some(account.to_string());
                inner.accounts.insert(account.to_string(), fresh);
                fresh
            }
        }
    }

    /// Remembers that the browser holding cross-site log `trace` is `learner`.
    pub fn bind_trace(&self, trace: &str, learner: &LearnerId) {
        let mut inner = self.lock();
        if inner.traces.get(trace) == Some(learner) {
            return;
        }
        if inner.traces.len() >= self.learner_capacity {
            inner.traces.clear();
        }
        inner.traces.insert(trace.to_string(), *learner);
    }

    pub fn learner_of_trace(&self, trace: &str) -> Option<LearnerId> {
        self.lock().traces.get(trace).copied()
    }

    /// Remembers `clue`, for `learner` if it is theirs, with a time `stamp` (whatever unit
    /// that kind of clue uses).
    pub fn remember(&self, clue: Clue, learner: Option<LearnerId>, stamp: i64) {
        let mut inner = self.lock();
        if let Some(id) = &learner {
            self.record(&mut inner, id, super::learner::now());
        }
        if !inner.clues.contains_key(&clue) && inner.clues.len() >= self.clue_capacity() {
            let oldest = inner
                .clues
                .iter()
                .min_by_key(|(_, kept)| kept.order)
                .map(|(k, _)| k.clone());
            if let Some(oldest) = oldest {
                inner.clues.remove(&oldest);
            }
        }
        inner.clue_count += 1;
        let order = inner.clue_count;
        inner.clues.insert(
            clue,
            Kept {
                learner,
                stamp,
                order,
            },
        );
    }

    /// Whether `clue` is remembered, and for whom (`Some(None)`: for nobody in particular).
    pub fn recall(&self, clue: &Clue) -> Option<Option<LearnerId>> {
        self.lock().clues.get(clue).map(|kept| kept.learner)
    }

    /// The stamp `clue` was last remembered with; it is remembered again with `stamp`, for
    /// nobody in particular.
    pub fn renew(&self, clue: Clue, stamp: i64) -> Option<i64> {
        let before = self.lock().clues.get(&clue).map(|kept| kept.stamp);
        self.remember(clue, None, stamp);
        before
    }

    /// The clues kept at most: a few per learner.
    fn clue_capacity(&self) -> usize {
        self.learner_capacity.saturating_mul(4)
    }

    /// Every board, the longest-unseen last.
    pub fn all(&self) -> Vec<(LearnerId, Record)> {
        let mut all: Vec<(LearnerId, Record)> = self
            .lock()
            .learners
            .iter()
            .map(|(id, r)| (*id, r.clone()))
            .collect();
        all.sort_by(|a, b| b.1.last_seen.cmp(&a.1.last_seen).then(a.0.cmp(&b.0)));
        all
    }

    /// The class log, newest first.
    pub fn events(&self) -> Vec<Event> {
        self.lock().events.iter().rev().cloned().collect()
    }

    /// Puts `learner`'s board back to open (the account link stays). False if unknown.
    pub fn reset(&self, learner: &LearnerId) -> bool {
        let mut inner = self.lock();
        let Some(record) = inner.learners.get_mut(learner) else {
            return false;
        };
        *record = Record {
            account: record.account.take(),
            ..Record::new(record.last_seen)
        };
        inner.events.retain(|e| e.learner != *learner);
        true
    }

    /// Forgets every board and the log.
    pub fn reset_all(&self) {
        *self.lock() = Inner::default();
    }

    pub fn fullness(&self) -> Fullness {
        let inner = self.lock();
        Fullness {
            learners: inner.learners.len(),
            learner_capacity: self.learner_capacity,
            evicted: inner.evicted,
            events: inner.events.len(),
            event_capacity: self.event_capacity,
            dropped_events: inner.dropped_events,
        }
    }

    /// `learner`'s record, made (and room made for it) if new; it counts as seen now.
    fn record<'a>(&self, inner: &'a mut Inner, learner: &LearnerId, now: i64) -> &'a mut Record {
        if !inner.learners.contains_key(learner) && inner.learners.len() >= self.learner_capacity {
            evict_one(inner);
        }
        let record = inner
            .learners
            .entry(*learner)
            .or_insert_with(|| Record::new(now));
        record.last_seen = now;
        record
    }

    fn log(
        &self,
        inner: &mut Inner,
        learner: &LearnerId,
        challenge: ChallengeId,
        kind: EventKind,
        now: i64,
    ) {
        if inner.events.len() >= self.event_capacity {
            inner.events.pop_front();
            inner.dropped_events += 1;
        }
        inner.events.push_back(Event {
            at: now,
            learner: *learner,
            challenge,
            kind,
        });
    }
}

/// Forgets the longest-unseen board that follows no account (else the longest-unseen one).
fn evict_one(inner: &mut Inner) {
    let oldest = |accounts: bool| {
        inner
            .learners
            .iter()
            .filter(|(_, r)| accounts || r.account.is_none())
            .min_by_key(|(_, r)| r.last_seen)
            .map(|(id, _)| *id)
    };
    let Some(victim) = oldest(false).or_else(|| oldest(true)) else {
        return;
    };
    if let Some(record) = inner.learners.remove(&victim) {
        if let Some(account) = record.account {
            inner.accounts.remove(&account);
        }
    }
    inner.traces.retain(|_, id| *id != victim);
    inner.evicted += 1;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Capacity;

    fn store(learners: usize, events: usize) -> Challenges {
        Challenges::new(&ChallengeSettings {
            learner_capacity: Capacity::new(learners),
            event_capacity: Capacity::new(events),
        })
    }

    #[test]
    fn a_flood_of_fresh_browsers_never_evicts_a_board_that_follows_an_account() {
        let store = store(3, 100);
        let kept = LearnerId::generate();
        store.signed_in(&kept, "carol", 1);
        for now in 2..50 {
            let id = LearnerId::generate();
            store.saw(
                &id,
                ChallengeId::PlainCounterForgery,
                Outcome::Succeeded,
                now,
            );
        }
        let full = store.fullness();
        assert_eq!(full.learners, 3);
        assert_eq!(full.evicted, 46);
        assert_eq!(store.board(&kept).account.as_deref(), Some("carol"));
    }

    #[test]
    fn the_event_log_keeps_only_its_newest_events() {
        let store = store(10, 2);
        let id = LearnerId::generate();
        for (now, challenge) in [
            ChallengeId::AlgNone,
            ChallengeId::LoginCsrf,
            ChallengeId::LostUpdate,
        ]
        .into_iter()
        .enumerate()
        {
            store.saw(&id, challenge, Outcome::Succeeded, now as i64);
        }
        let events = store.events();
        assert_eq!(events.len(), 2);
        assert_eq!(events[0].challenge, ChallengeId::LostUpdate, "newest first");
        assert_eq!(store.fullness().dropped_events, 1);
    }

    #[test]
    fn clues_are_bounded_and_the_oldest_goes_first() {
        let store = store(1, 10);
        let clue = |n: u32| Clue::PlantedSession(n.to_string());
        for n in 0..10 {
            store.remember(clue(n), None, i64::from(n));
        }
        assert_eq!(store.recall(&clue(0)), None, "the oldest went");
        assert_eq!(store.recall(&clue(6)), Some(None));
        assert_eq!(store.lock().clues.len(), 4, "four clues per learner");
        let who = LearnerId::generate();
        store.remember(clue(42), Some(who), 0);
        assert_eq!(store.recall(&clue(42)), Some(Some(who)));
        assert_eq!(store.renew(clue(42), 7), Some(0));
        assert_eq!(store.renew(clue(42), 9), Some(7));
    }

    #[test]
    fn a_refusal_alone_creates_no_board() {
        let store = store(10, 10);
        let id = LearnerId::generate();
        assert_eq!(
            store.saw(&id, ChallengeId::LoginCsrf, Outcome::Refused, 1),
            None
        );
        assert_eq!(store.fullness().learners, 0);
    }

    #[test]
    fn a_second_browser_logging_in_joins_the_accounts_board_and_carries_it() {
        let store = store(10, 10);
        let first = LearnerId::generate();
        store.saw(&first, ChallengeId::AlgNone, Outcome::Succeeded, 1);
        assert_eq!(store.signed_in(&first, "carol", 2), first);
        let second = LearnerId::generate();
        store.saw(&second, ChallengeId::LoginCsrf, Outcome::Succeeded, 3);
        let carried = store.signed_in(&second, "carol", 4);
        assert_eq!(carried, first);
        let board = store.board(&first);
        assert_eq!(board.of(ChallengeId::AlgNone).state, State::Solved);
        assert_eq!(board.of(ChallengeId::LoginCsrf).state, State::Solved);
        assert_eq!(
            store.fullness().learners,
            1,
            "the browser's own board joined"
        );
    }
}
