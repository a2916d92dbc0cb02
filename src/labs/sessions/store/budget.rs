//! How the store's capacity is shared: anonymous and logged-in sessions have separate budgets,
//! each with its own least-recently-seen order, so a crowd of anonymous visitors can only ever
//! push out other anonymous visitors.
//!
//! The rule: half of `session_capacity` (rounded down, at least one) is kept for logged-in
//! sessions, the rest is for anonymous ones. When a budget is full, the least recently seen
//! session *of that budget* makes room. For a login that means the least recently seen
//! logged-in session is evicted (its owner logs in again) rather than the login refused:
//! refusing would let whoever filled the budget first lock everyone else out, while eviction
//! makes an attacker keep every one of their sessions busier than the idlest real user, each
//! bought with a password check.
//!
//! Nothing here knows about the map of entries, so another store (Redis, say) can apply the
//! same rule to its own indexes.

use std::collections::BTreeMap;

use serde::Serialize;

use super::SessionId;

/// Which budget a session counts against: logged in when it holds a username.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Anonymous,
    LoggedIn,
}

impl Kind {
    pub fn of(user: Option<&str>) -> Kind {
        match user {
            Some(_) => Kind::LoggedIn,
            None => Kind::Anonymous,
        }
    }
}

/// How many sessions of each kind may live at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Budget {
    pub anonymous: usize,
    pub logged_in: usize,
}

impl Budget {
    /// Half of `capacity` for logged-in sessions, the rest for anonymous ones (at least one
    /// each, so a capacity of 1 holds one of each).
    pub fn of(capacity: usize) -> Budget {
        let logged_in = (capacity / 2).max(1);
        Budget {
            anonymous: capacity.saturating_sub(logged_in).max(1),
            logged_in,
        }
    }

    pub fn of_kind(&self, kind: Kind) -> usize {
        match kind {
            Kind::Anonymous => self.anonymous,
            Kind::LoggedIn => self.logged_in,
        }
    }
}

/// Sessions of one kind ordered by last use (a larger tick is more recent), so the least
/// recently seen one is found and evicted in O(log n).
#[derive(Default)]
pub struct Recency {
    order: BTreeMap<u64, SessionId>,
}

impl Recency {
    pub fn insert(&mut self, tick: u64, id: SessionId) {
        self.order.insert(tick, id);
    }

    pub fn remove(&mut self, tick: u64) {
        self.order.remove(&tick);
    }

    /// Takes the least recently seen session out of the order and returns its id.
    pub fn pop_oldest(&mut self) -> Option<SessionId> {
        self.order.pop_first().map(|(_, id)| id)
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_the_capacity_is_kept_for_logged_in_sessions() {
        assert_eq!(
            Budget::of(100_000),
            Budget {
                anonymous: 50_000,
                logged_in: 50_000
            }
        );
        assert_eq!(
            Budget::of(5),
            Budget {
                anonymous: 3,
                logged_in: 2
            }
        );
        assert_eq!(
            Budget::of(1),
            Budget {
                anonymous: 1,
                logged_in: 1
            }
        );
    }
}
