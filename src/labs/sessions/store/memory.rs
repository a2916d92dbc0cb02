//! The memory store: every session in a map in this process, what express-session's
//! `MemoryStore` does, with the limits it lacks (expiry enforced on every read, a capacity
//! bound that anonymous visitors cannot turn against logged-in users, and no lost updates).
//! A restart, or a second server, starts with none of them.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, MutexGuard};

use time::OffsetDateTime;

use super::budget::{Kind, Recency};
use super::{SessionCounts, SessionId, SessionLimits, SessionView, WrittenBack};

/// One session as the server holds it (kept small: a few dozen bytes plus the username).
struct Entry {
    visits: u64,
    user: Option<Box<str>>,
    created: OffsetDateTime,
    last_seen: OffsetDateTime,
    /// Whatever else a feature keeps in the session (express-session's `req.session.x = …`);
    /// empty, and then allocation-free, unless one does.
    values: BTreeMap<Box<str>, Box<str>>,
    /// Position in its kind's recency order; larger is more recent.
    tick: u64,
}

impl Entry {
    fn kind(&self) -> Kind {
        Kind::of(self.user.as_deref())
    }
}

#[derive(Default)]
struct Inner {
    entries: HashMap<SessionId, Entry>,
    /// Each kind's sessions by last use: a kind evicts only its own least recently seen.
    anonymous: Recency,
    logged_in: Recency,
    next_tick: u64,
}

/// Every session, behind one lock: a read-modify-write (`visits += 1`) happens entirely
/// inside it, so concurrent requests on one session never lose an increment.
#[derive(Clone)]
pub struct MemoryStore {
    inner: Arc<Mutex<Inner>>,
    limits: SessionLimits,
}

impl Inner {
    fn view(&self, id: SessionId, limits: &SessionLimits) -> Option<SessionView> {
        self.entries.get(&id).map(|e| view_of(id, e, limits))
    }

    fn order(&mut self, kind: Kind) -> &mut Recency {
        match kind {
            Kind::Anonymous => &mut self.anonymous,
            Kind::LoggedIn => &mut self.logged_in,
        }
    }

    fn remove(&mut self, id: &SessionId) -> Option<Entry> {
        let entry = self.entries.remove(id)?;
        self.order(entry.kind()).remove(entry.tick);
        Some(entry)
    }

    /// The live entry for `id`, marked as seen at `now`; an expired one is removed instead.
    fn live(
        &mut self,
        id: &SessionId,
        now: OffsetDateTime,
        limits: &SessionLimits,
    ) -> Option<&mut Entry> {
        let expired = is_expired(self.entries.get(id)?, now, limits);
        if expired {
            self.remove(id);
            return None;
        }
        let tick = self.next_tick;
        self.next_tick += 1;
        let (kind, old_tick) = self.entries.get(id).map(|e| (e.kind(), e.tick))?;
        let order = self.order(kind);
        order.remove(old_tick);
        order.insert(tick, *id);
        let entry = self.entries.get_mut(id)?;
        entry.tick = tick;
        entry.last_seen = now;
        Some(entry)
    }

    fn insert(&mut self, entry: Entry, limits: &SessionLimits) -> SessionView {
        let id = loop {
            let candidate = SessionId::generate();
            if !self.entries.contains_key(&candidate) {
                break candidate;
            }
        };
        self.insert_as(id, entry, limits)
    }

    /// Inserts `entry` under `id` (which must be free), evicting within its kind's budget.
    fn insert_as(&mut self, id: SessionId, entry: Entry, limits: &SessionLimits) -> SessionView {
        let kind = entry.kind();
        let budget = limits.budget().of_kind(kind);
        while self.order(kind).len() >= budget {
            // This kind's budget is full: its least recently seen session makes room, so a
            // flood of new visitors costs bounded memory and evicts only anonymous sessions.
            let Some(oldest) = self.order(kind).pop_oldest() else {
                break;
            };
            self.entries.remove(&oldest);
        }
        let tick = self.next_tick;
        self.next_tick += 1;
        self.order(kind).insert(tick, id);
        let view = view_of(id, &entry, limits);
        self.entries.insert(id, Entry { tick, ..entry });
        view
    }
}

fn view_of(id: SessionId, e: &Entry, limits: &SessionLimits) -> SessionView {
    SessionView {
        id,
        visits: e.visits,
        user: e.user.as_deref().map(str::to_string),
        created: e.created,
        last_seen: e.last_seen,
        idle_expires: e.last_seen + limits.idle,
        absolute_expires: e.created + limits.absolute,
        values: e
            .values
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    }
}

fn is_expired(entry: &Entry, now: OffsetDateTime, limits: &SessionLimits) -> bool {
    now - entry.last_seen >= limits.idle || now - entry.created >= limits.absolute
}

impl MemoryStore {
    pub fn new(limits: SessionLimits) -> MemoryStore {
        MemoryStore {
            inner: Arc::new(Mutex::new(Inner::default())),
            limits,
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock cannot leave an entry half-written (every update
        // is a single assignment), so a poisoned lock is still safe to use.
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Starts a new session with a fresh id (express-session's `saveUninitialized: true`).
    pub fn create(&self, now: OffsetDateTime, visits: u64, user: Option<String>) -> SessionView {
        let mut inner = self.lock();
        let entry = Entry {
            visits,
            user: user.map(String::into_boxed_str),
            created: now,
            last_seen: now,
            values: BTreeMap::new(),
            tick: 0,
        };
        inner.insert(entry, &self.limits)
    }

    /// Counts one visit on a live session; `None` when it does not exist or has expired.
    pub fn visit(&self, id: &SessionId, now: OffsetDateTime) -> Option<SessionView> {
        let mut inner = self.lock();
        let entry = inner.live(id, now, &self.limits)?;
        entry.visits = entry.visits.saturating_add(1);
        inner.view(*id, &self.limits)
    }

    /// Reads a live session and marks it as used (this resets its idle timer).
    pub fn get(&self, id: &SessionId, now: OffsetDateTime) -> Option<SessionView> {
        let mut inner = self.lock();
        inner.live(id, now, &self.limits)?;
        inner.view(*id, &self.limits)
    }

    /// Logs `user` in under a brand-new id, carrying the visit count over from the old
    /// session, which is destroyed: an id an attacker planted before login is worthless
    /// after it (session fixation, OWASP Session Management Cheat Sheet).
    pub fn login(&self, old: Option<&SessionId>, user: &str, now: OffsetDateTime) -> SessionView {
        let mut inner = self.lock();
        let visits = old
            .and_then(|id| inner.live(id, now, &self.limits).map(|e| e.visits))
            .unwrap_or(0);
        if let Some(id) = old {
            inner.remove(id);
        }
        let entry = Entry {
            visits,
            user: Some(user.into()),
            created: now,
            last_seen: now,
            values: BTreeMap::new(),
            tick: 0,
        };
        inner.insert(entry, &self.limits)
    }

    /// Logs `user` in on the session `id` already has, keeping the id: what a server without
    /// the fixation defence does (the `regenerate_on_login` switch turned off). Whoever knew the
    /// id before login (an attacker who planted it) is now logged in too. `None` when the session
    /// does not exist or has expired.
    pub fn login_keeping_id(
        &self,
        id: &SessionId,
        user: &str,
        now: OffsetDateTime,
    ) -> Option<SessionView> {
        let mut inner = self.lock();
        let entry = inner.remove(id)?;
        if is_expired(&entry, now, &self.limits) {
            return None;
        }
        let entry = Entry {
            user: Some(user.into()),
            last_seen: now,
            ..entry
        };
        Some(inner.insert_as(*id, entry, &self.limits))
    }

    /// Writes a copy of the session back with `visits`, whatever the store holds now: what a
    /// store that saves the whole session object at the end of every request does (express's
    /// `resave: true` with `MemoryStore`). Two requests that read the same copy both write
    /// `n + 1`, and one increment is lost: the `resave` switch's lesson. Returns the count it
    /// replaced too; `None` when the session does not exist or has expired.
    pub fn write_back(
        &self,
        id: &SessionId,
        visits: u64,
        now: OffsetDateTime,
    ) -> Option<WrittenBack> {
        let mut inner = self.lock();
        let entry = inner.live(id, now, &self.limits)?;
        let overwrote = std::mem::replace(&mut entry.visits, visits);
        let session = inner.view(*id, &self.limits)?;
        Some(WrittenBack { session, overwrote })
    }

    /// Stores `value` under `key` in a live session (and marks it as used); `None` when the
    /// session does not exist or has expired. A new session (after login, say) starts empty.
    pub fn set_value(
        &self,
        id: &SessionId,
        key: &str,
        value: &str,
        now: OffsetDateTime,
    ) -> Option<SessionView> {
        let mut inner = self.lock();
        let entry = inner.live(id, now, &self.limits)?;
        entry.values.insert(key.into(), value.into());
        inner.view(*id, &self.limits)
    }

    /// Deletes a session; any copy of its cookie is worthless from now on.
    pub fn destroy(&self, id: &SessionId) -> bool {
        self.lock().remove(id).is_some()
    }

    /// Deletes every session `doomed` picks (say, every session of one user: "log out
    /// everywhere"); returns how many went. It scans the whole map, which is fine for a lab.
    pub fn destroy_where(&self, doomed: impl Fn(&SessionView) -> bool) -> usize {
        let mut inner = self.lock();
        let ids: Vec<SessionId> = inner
            .entries
            .iter()
            .filter(|(id, entry)| doomed(&view_of(**id, entry, &self.limits)))
            .map(|(id, _)| *id)
            .collect();
        for id in &ids {
            inner.remove(id);
        }
        ids.len()
    }

    /// Removes every expired session; returns how many went.
    pub fn sweep(&self, now: OffsetDateTime) -> usize {
        let (removed, shrank) = self.remove_expired(now);
        if shrank {
            crate::site::memory::release_freed_memory();
        }
        removed
    }

    /// Removes expired sessions under the lock; says whether the map shrank.
    fn remove_expired(&self, now: OffsetDateTime) -> (usize, bool) {
        let mut inner = self.lock();
        let expired: Vec<SessionId> = inner
            .entries
            .iter()
            .filter(|(_, entry)| is_expired(entry, now, &self.limits))
            .map(|(id, _)| *id)
            .collect();
        for id in &expired {
            inner.remove(id);
        }
        // A HashMap never shrinks by itself: after a flood of visitors has expired, give
        // the memory back instead of keeping the peak for the life of the process.
        let shrink = inner.entries.len() * 4 < inner.entries.capacity();
        if shrink {
            inner.entries.shrink_to_fit();
        }
        (expired.len(), shrink)
    }

    /// Sessions held in memory, including expired ones the sweep has not reached yet.
    pub fn len(&self) -> usize {
        self.lock().entries.len()
    }

    /// Sessions in memory by kind (expired ones the sweep has not reached included).
    pub fn counts(&self) -> SessionCounts {
        let inner = self.lock();
        SessionCounts {
            anonymous: inner.anonymous.len(),
            logged_in: inner.logged_in.len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;
    use time::Duration;

    const T0: OffsetDateTime = datetime!(2026-01-01 12:00 UTC);

    fn store(capacity: usize) -> MemoryStore {
        MemoryStore::new(SessionLimits {
            idle: Duration::minutes(30),
            absolute: Duration::hours(8),
            capacity,
        })
    }

    #[test]
    fn visit_counts_and_touches() {
        let store = store(10);
        let s = store.create(T0, 1, None);
        let later = T0 + Duration::minutes(5);
        let v = store.visit(&s.id, later).expect("live");
        assert_eq!(v.visits, 2);
        assert_eq!(v.last_seen, later);
        assert_eq!(v.idle_expires, later + Duration::minutes(30));
        assert_eq!(v.absolute_expires, T0 + Duration::hours(8));
    }

    #[test]
    fn idle_session_expires_and_is_removed_on_read() {
        let store = store(10);
        let s = store.create(T0, 1, None);
        assert!(store.get(&s.id, T0 + Duration::minutes(29)).is_some());
        // 30 idle minutes after the last use (at minute 29), it is gone.
        assert!(store.visit(&s.id, T0 + Duration::minutes(59)).is_none());
        assert_eq!(store.len(), 0);
    }

    #[test]
    fn active_session_still_dies_at_the_absolute_timeout() {
        let store = store(10);
        let s = store.create(T0, 1, None);
        let mut now = T0;
        while now < T0 + Duration::hours(8) - Duration::minutes(20) {
            now += Duration::minutes(20);
            assert!(store.visit(&s.id, now).is_some(), "alive at {now}");
        }
        assert!(store.visit(&s.id, T0 + Duration::hours(8)).is_none());
    }

    #[test]
    fn full_store_evicts_the_least_recently_seen_session() {
        // Capacity 6: three anonymous sessions, three logged-in ones.
        let store = store(6);
        let a = store.create(T0, 1, None);
        let b = store.create(T0, 1, None);
        let c = store.create(T0, 1, None);
        store.visit(&a.id, T0 + Duration::seconds(1));
        let d = store.create(T0 + Duration::seconds(2), 1, None);
        assert_eq!(store.len(), 3);
        assert!(
            store.get(&b.id, T0 + Duration::seconds(3)).is_none(),
            "b was least recent"
        );
        for live in [a.id, c.id, d.id] {
            assert!(store.get(&live, T0 + Duration::seconds(3)).is_some());
        }
    }

    #[test]
    fn an_anonymous_flood_never_evicts_a_logged_in_session() {
        let store = store(4);
        let alice = store.login(None, "alice", T0);
        for second in 1..=1000 {
            store.create(T0 + Duration::seconds(second), 1, None);
        }
        let later = T0 + Duration::seconds(1001);
        assert!(store.get(&alice.id, later).is_some(), "alice is still in");
        assert_eq!(
            store.counts(),
            SessionCounts {
                anonymous: 2,
                logged_in: 1
            }
        );
    }

    #[test]
    fn a_login_into_a_full_budget_evicts_the_least_recently_seen_login_only() {
        let store = store(4);
        let guest = store.create(T0, 1, None);
        let alice = store.login(None, "alice", T0);
        let bob = store.login(None, "bob", T0 + Duration::seconds(1));
        store.get(&alice.id, T0 + Duration::seconds(2));
        let carol = store.login(None, "carol", T0 + Duration::seconds(3));
        let now = T0 + Duration::seconds(4);
        assert!(
            store.get(&bob.id, now).is_none(),
            "bob was seen least recently"
        );
        for kept in [guest.id, alice.id, carol.id] {
            assert!(store.get(&kept, now).is_some());
        }
    }

    #[test]
    fn login_regenerates_the_id_and_carries_the_count() {
        let store = store(10);
        let guest = store.create(T0, 1, None);
        store.visit(&guest.id, T0);
        let user = store.login(Some(&guest.id), "alice", T0);
        assert_ne!(user.id, guest.id);
        assert_eq!(user.visits, 2);
        assert_eq!(user.user.as_deref(), Some("alice"));
        assert!(
            store.get(&guest.id, T0).is_none(),
            "the pre-login id is dead"
        );
        assert_eq!(store.len(), 1);
    }

    #[test]
    fn login_without_a_session_starts_at_zero() {
        let store = store(10);
        let stale = SessionId::generate();
        assert_eq!(store.login(Some(&stale), "bob", T0).visits, 0);
        assert_eq!(store.login(None, "bob", T0).visits, 0);
    }

    #[test]
    fn destroy_kills_the_session() {
        let store = store(10);
        let s = store.create(T0, 1, Some("alice".into()));
        assert!(store.destroy(&s.id));
        assert!(store.get(&s.id, T0).is_none());
        assert!(!store.destroy(&s.id));
    }

    #[test]
    fn values_stay_with_their_session_and_a_login_starts_without_them() {
        let store = store(10);
        let s = store.create(T0, 1, None);
        let set = store.set_value(&s.id, "csrf", "abc", T0).expect("live");
        assert_eq!(set.values.get("csrf").map(String::as_str), Some("abc"));
        assert_eq!(store.get(&s.id, T0).expect("live").values, set.values);
        let logged_in = store.login(Some(&s.id), "alice", T0);
        assert!(logged_in.values.is_empty());
        assert!(
            store.set_value(&s.id, "csrf", "x", T0).is_none(),
            "the old id is gone"
        );
    }

    #[test]
    fn destroy_where_removes_only_the_sessions_it_picks() {
        let store = store(10);
        let laptop = store.login(None, "alice", T0);
        let phone = store.login(None, "alice", T0);
        let bob = store.login(None, "bob", T0);
        let alice = |s: &SessionView| s.user.as_deref() == Some("alice");
        assert_eq!(store.destroy_where(alice), 2);
        assert!(store.get(&laptop.id, T0).is_none());
        assert!(store.get(&phone.id, T0).is_none());
        assert!(store.get(&bob.id, T0).is_some());
        assert_eq!(store.destroy_where(alice), 0);
    }

    #[test]
    fn sweep_removes_only_expired_sessions() {
        let store = store(10);
        let old = store.create(T0, 1, None);
        let fresh = store.create(T0 + Duration::minutes(20), 1, None);
        assert_eq!(store.sweep(T0 + Duration::minutes(31)), 1);
        assert!(store.get(&old.id, T0 + Duration::minutes(31)).is_none());
        assert!(store.get(&fresh.id, T0 + Duration::minutes(31)).is_some());
    }

    #[test]
    fn login_keeping_id_logs_in_the_planted_id_itself() {
        let store = store(10);
        let planted = store.create(T0, 3, None);
        let logged_in = store
            .login_keeping_id(&planted.id, "alice", T0 + Duration::minutes(1))
            .expect("a live session");
        assert_eq!(
            logged_in.id, planted.id,
            "the id an attacker knew now names alice"
        );
        assert_eq!(logged_in.user.as_deref(), Some("alice"));
        assert_eq!(logged_in.visits, 3);
        assert_eq!(store.counts().logged_in, 1);
        assert_eq!(store.counts().anonymous, 0);
        let expired = store.create(T0, 1, None);
        assert!(store
            .login_keeping_id(&expired.id, "bob", T0 + Duration::hours(9))
            .is_none());
    }

    #[test]
    fn write_back_of_a_stale_copy_loses_the_increments_in_between() {
        let store = store(10);
        let session = store.create(T0, 1, None);
        let copy = store.get(&session.id, T0).expect("live");
        store.visit(&session.id, T0);
        store.visit(&session.id, T0);
        let written = store
            .write_back(&session.id, copy.visits + 1, T0)
            .expect("live");
        assert_eq!(
            written.session.visits, 2,
            "the two visits in between are lost"
        );
        assert_eq!(written.overwrote, 3, "it says what it overwrote");
    }
}
