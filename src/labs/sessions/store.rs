//! The server-side session store, one interface with two places to keep sessions: this
//! process's memory (`store/memory.rs`, express-session's `MemoryStore` with the limits it
//! lacks) or a Redis server every instance shares (`store/redis.rs`, like `connect-redis`).
//! The lab's handlers call the methods below and never ask which one is behind them; every
//! method answers `Err(StoreDown)` when the store does not answer (only Redis ever does).
//! Both enforce expiry on every read, the capacity budget of `store/budget.rs`, and never
//! lose an update.

mod budget;
mod memory;
mod redis;

use std::collections::BTreeMap;
use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use rand::RngCore;
use time::{Duration, OffsetDateTime};

use crate::config::AppConfig;
pub use crate::redis_link::StoreDown;
pub use budget::{Budget, Kind};
use memory::MemoryStore;
pub use redis::RedisStore;
use redis::Touch;

/// 128 random bits from the OS CSPRNG: OWASP asks for at least 64 bits of entropy, so
/// guessing a live id is hopeless even with millions of sessions.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct SessionId([u8; 16]);

impl SessionId {
    pub fn generate() -> SessionId {
        let mut bytes = [0u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        SessionId(bytes)
    }

    /// Parses the base64url form carried in the cookie; anything else is `None`.
    pub fn parse(text: &str) -> Option<SessionId> {
        let bytes = URL_SAFE_NO_PAD.decode(text).ok()?;
        Some(SessionId(bytes.try_into().ok()?))
    }
}

impl fmt::Display for SessionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&URL_SAFE_NO_PAD.encode(self.0))
    }
}

impl fmt::Debug for SessionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SessionId({self})")
    }
}

/// How long sessions live and how many may exist at once.
#[derive(Clone, Copy, Debug)]
pub struct SessionLimits {
    pub idle: Duration,
    pub absolute: Duration,
    pub capacity: usize,
}

impl SessionLimits {
    pub fn from_config(config: &AppConfig) -> SessionLimits {
        SessionLimits {
            idle: config.sessions.idle_timeout.duration(),
            absolute: config.sessions.absolute_timeout.duration(),
            capacity: config.sessions.capacity.get(),
        }
    }

    /// How `capacity` is split between anonymous and logged-in sessions.
    pub fn budget(&self) -> Budget {
        Budget::of(self.capacity)
    }
}

/// A copy of one session, handed to handlers and templates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionView {
    pub id: SessionId,
    pub visits: u64,
    pub user: Option<String>,
    pub created: OffsetDateTime,
    pub last_seen: OffsetDateTime,
    /// When it dies if unused from now on.
    pub idle_expires: OffsetDateTime,
    /// When it dies however active it is.
    pub absolute_expires: OffsetDateTime,
    /// What features stored with [`SessionStore::set_value`] (a CSRF token, say).
    pub values: BTreeMap<String, String>,
}

/// A stale copy saved back: the session now, and the count the write replaced. A replaced
/// count above the copy's is a lost update: a visit counted in between was overwritten.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WrittenBack {
    pub session: SessionView,
    pub overwrote: u64,
}

/// How many sessions of each kind the store holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct SessionCounts {
    pub anonymous: usize,
    pub logged_in: usize,
}

/// Where the sessions are kept.
#[derive(Clone)]
enum Backend {
    Memory(MemoryStore),
    Redis(RedisStore),
}

/// The sessions, wherever they are kept; cheap to clone (clones share the sessions).
#[derive(Clone)]
pub struct SessionStore {
    backend: Backend,
    limits: SessionLimits,
}

impl SessionStore {
    /// A store in this process's memory.
    pub fn new(limits: SessionLimits) -> SessionStore {
        SessionStore {
            backend: Backend::Memory(MemoryStore::new(limits)),
            limits,
        }
    }

    /// A store in the Redis server behind `link`, shared with every instance using it.
    pub fn redis(link: crate::redis_link::RedisLink, limits: SessionLimits) -> SessionStore {
        SessionStore {
            backend: Backend::Redis(RedisStore::new(link, limits)),
            limits,
        }
    }

    /// `memory` or `redis`, as the inspector's `#store` says.
    pub fn kind(&self) -> &'static str {
        match self.backend {
            Backend::Memory(_) => "memory",
            Backend::Redis(_) => "redis",
        }
    }

    pub fn limits(&self) -> SessionLimits {
        self.limits
    }

    /// Starts a new session with a fresh id (express-session's `saveUninitialized: true`).
    pub async fn create(
        &self,
        now: OffsetDateTime,
        visits: u64,
        user: Option<String>,
    ) -> Result<SessionView, StoreDown> {
        match &self.backend {
            Backend::Memory(store) => Ok(store.create(now, visits, user)),
            Backend::Redis(store) => store.create(now, visits, user.as_deref()).await,
        }
    }

    /// Counts one visit on a live session; `None` when it does not exist or has expired.
    pub async fn visit(
        &self,
        id: &SessionId,
        now: OffsetDateTime,
    ) -> Result<Option<SessionView>, StoreDown> {
        match &self.backend {
            Backend::Memory(store) => Ok(store.visit(id, now)),
            Backend::Redis(store) => store.touch(id, now, Touch::Visit).await,
        }
    }

    /// Reads a live session and marks it as used (this resets its idle timer).
    pub async fn get(
        &self,
        id: &SessionId,
        now: OffsetDateTime,
    ) -> Result<Option<SessionView>, StoreDown> {
        match &self.backend {
            Backend::Memory(store) => Ok(store.get(id, now)),
            Backend::Redis(store) => store.touch(id, now, Touch::Get).await,
        }
    }

    /// Logs `user` in under a brand-new id, carrying the visit count over from the old
    /// session, which is destroyed: an id an attacker planted before login is worthless
    /// after it (session fixation, OWASP Session Management Cheat Sheet).
    pub async fn login(
        &self,
        old: Option<&SessionId>,
        user: &str,
        now: OffsetDateTime,
    ) -> Result<SessionView, StoreDown> {
        match &self.backend {
            Backend::Memory(store) => Ok(store.login(old, user, now)),
            Backend::Redis(store) => {
                let session = store.login(old, user, now, false).await?;
                // A regenerating login always makes a session; `None` is only for a kept id.
                session.ok_or(StoreDown)
            }
        }
    }

    /// Logs `user` in on the session `id` already has, keeping the id: what a server without
    /// the fixation defence does (the `regenerate_on_login` switch turned off). Whoever knew the
    /// id before login (an attacker who planted it) is now logged in too. `None` when the session
    /// does not exist or has expired.
    pub async fn login_keeping_id(
        &self,
        id: &SessionId,
        user: &str,
        now: OffsetDateTime,
    ) -> Result<Option<SessionView>, StoreDown> {
        match &self.backend {
            Backend::Memory(store) => Ok(store.login_keeping_id(id, user, now)),
            Backend::Redis(store) => store.login(Some(id), user, now, true).await,
        }
    }

    /// Writes a copy of the session back with `visits`, whatever the store holds now: what a
    /// store that saves the whole session object at the end of every request does (express's
    /// `resave: true`). Two requests that read the same copy both write `n + 1`, and one
    /// increment is lost: the `resave` switch's lesson, in Redis as in memory (a plain
    /// overwrite, on purpose). It says which count it replaced, so the server can tell a lost
    /// update when it makes one. `None` when the session does not exist or has expired.
    pub async fn write_back(
        &self,
        id: &SessionId,
        visits: u64,
        now: OffsetDateTime,
    ) -> Result<Option<WrittenBack>, StoreDown> {
        match &self.backend {
            Backend::Memory(store) => Ok(store.write_back(id, visits, now)),
            Backend::Redis(store) => store.write_back(id, visits, now).await,
        }
    }

    /// Stores `value` under `key` in a live session (and marks it as used); `None` when the
    /// session does not exist or has expired. A new session (after login, say) starts empty.
    pub async fn set_value(
        &self,
        id: &SessionId,
        key: &str,
        value: &str,
        now: OffsetDateTime,
    ) -> Result<Option<SessionView>, StoreDown> {
        match &self.backend {
            Backend::Memory(store) => Ok(store.set_value(id, key, value, now)),
            Backend::Redis(store) => store.touch(id, now, Touch::SetValue(key, value)).await,
        }
    }

    /// Deletes a session; any copy of its cookie is worthless from now on.
    pub async fn destroy(&self, id: &SessionId) -> Result<bool, StoreDown> {
        match &self.backend {
            Backend::Memory(store) => Ok(store.destroy(id)),
            Backend::Redis(store) => store.destroy(id).await,
        }
    }

    /// Deletes every session `doomed` picks (say, every session of one user: "log out
    /// everywhere"); returns how many went. It scans every session, which is fine for a lab.
    pub async fn destroy_where(
        &self,
        doomed: impl Fn(&SessionView) -> bool,
    ) -> Result<usize, StoreDown> {
        match &self.backend {
            Backend::Memory(store) => Ok(store.destroy_where(doomed)),
            Backend::Redis(store) => {
                let mut gone = 0;
                for session in store.all().await?.iter().filter(|s| doomed(s)) {
                    gone += usize::from(store.destroy(&session.id).await?);
                }
                Ok(gone)
            }
        }
    }

    /// Deletes every session logged in as `user`; returns how many went. Redis keeps an index
    /// from user to session ids for this, so it reads no other session.
    pub async fn destroy_user(&self, user: &str) -> Result<usize, StoreDown> {
        match &self.backend {
            Backend::Memory(store) => {
                Ok(store.destroy_where(|session| session.user.as_deref() == Some(user)))
            }
            Backend::Redis(store) => store.destroy_user(user).await,
        }
    }

    /// Removes every expired session; returns how many went (Redis expires its keys itself:
    /// there the sweep only tidies the budgets' indexes).
    pub async fn sweep(&self, now: OffsetDateTime) -> Result<usize, StoreDown> {
        match &self.backend {
            Backend::Memory(store) => Ok(store.sweep(now)),
            Backend::Redis(store) => store.sweep(now).await,
        }
    }

    /// Sessions held, including expired ones the sweep has not reached yet.
    pub async fn len(&self) -> Result<usize, StoreDown> {
        match &self.backend {
            Backend::Memory(store) => Ok(store.len()),
            Backend::Redis(store) => {
                let counts = store.counts().await?;
                Ok(counts.anonymous + counts.logged_in)
            }
        }
    }

    pub async fn is_empty(&self) -> Result<bool, StoreDown> {
        Ok(self.len().await? == 0)
    }

    /// Sessions held by kind (expired ones the sweep has not reached included).
    pub async fn counts(&self) -> Result<SessionCounts, StoreDown> {
        match &self.backend {
            Backend::Memory(store) => Ok(store.counts()),
            Backend::Redis(store) => store.counts().await,
        }
    }

    /// Whether the store answers now (memory always does).
    pub async fn ping(&self) -> Result<(), StoreDown> {
        match &self.backend {
            Backend::Memory(_) => Ok(()),
            Backend::Redis(store) => store.ping().await,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_128_bit_base64url_and_parse_back() {
        let id = SessionId::generate();
        let text = id.to_string();
        assert_eq!(text.len(), 22);
        assert_eq!(SessionId::parse(&text), Some(id));
        assert_ne!(SessionId::generate(), id);
    }

    #[test]
    fn malformed_ids_do_not_parse() {
        for bad in [
            "",
            "abc",
            "!!!!!!!!!!!!!!!!!!!!!!",
            &"A".repeat(23),
            &"A".repeat(400),
        ] {
            assert_eq!(SessionId::parse(bad), None, "{bad}");
        }
    }
}
