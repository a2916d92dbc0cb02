//! The Redis store: the same sessions, kept in a Redis server that every instance of the app
//! shares, so a second server (or a restarted one) knows them. Every change is one Lua script
//! (`store/lua/`), which Redis runs atomically: two instances counting the same session at
//! once never lose a visit. Expiry is Redis's own key expiry; the budgets are sorted sets the
//! scripts keep (see `lua/common.lua` for the keys).

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use ::redis::{RedisError, Script};
use time::{Duration, OffsetDateTime};

use super::{SessionCounts, SessionId, SessionLimits, SessionView, WrittenBack};
use crate::redis_link::{RedisLink, StoreDown, PREFIX};

/// Each script with the shared definitions in front.
macro_rules! script {
    ($file:literal) => {
        Script::new(concat!(
            include_str!("lua/common.lua"),
            "\n",
            include_str!(concat!("lua/", $file))
        ))
    };
}

/// The scripts, loaded once (`Script` sends `EVALSHA`, and the source only when Redis does not
/// know it yet, as after a restart).
struct Scripts {
    create: Script,
    touch: Script,
    login: Script,
    destroy: Script,
    destroy_user: Script,
    sweep: Script,
}

/// What the `touch` script does to a live session besides marking it used.
pub(super) enum Touch<'a> {
    Get,
    Visit,
    SetValue(&'a str, &'a str),
}

/// How many expired ids one `sweep` script call removes, so it never blocks Redis for long.
const SWEEP_BATCH: usize = 1000;

#[derive(Clone)]
pub struct RedisStore {
    link: RedisLink,
    scripts: Arc<Scripts>,
    limits: SessionLimits,
}

/// A session's fields as `HGETALL` returns them.
type Fields = HashMap<String, String>;

impl RedisStore {
    pub fn new(link: RedisLink, limits: SessionLimits) -> RedisStore {
        let scripts = Scripts {
            create: script!("create.lua"),
            touch: script!("touch.lua"),
            login: script!("login.lua"),
            destroy: script!("destroy.lua"),
            destroy_user: script!("destroy_user.lua"),
            sweep: script!("sweep.lua"),
        };
        RedisStore {
            link,
            scripts: Arc::new(scripts),
            limits,
        }
    }

    /// Runs `script` with the shared arguments (prefix, now, limits) and then `args`.
    async fn run<T: ::redis::FromRedisValue>(
        &self,
        script: &Script,
        now: OffsetDateTime,
        args: &[&str],
    ) -> Result<T, StoreDown> {
        let budget = self.limits.budget();
        let mut invocation = script.prepare_invoke();
        invocation
            .arg(PREFIX)
            .arg(millis(now))
            .arg(self.limits.idle.whole_milliseconds() as i64)
            .arg(self.limits.absolute.whole_milliseconds() as i64)
            .arg(budget.anonymous)
            .arg(budget.logged_in);
        for arg in args {
            invocation.arg(*arg);
        }
        let mut connection = self.link.connection();
        let result: Result<T, RedisError> = invocation.invoke_async(&mut connection).await;
        self.link.answer(result)
    }

    pub async fn create(
        &self,
        now: OffsetDateTime,
        visits: u64,
        user: Option<&str>,
    ) -> Result<SessionView, StoreDown> {
        let visits = visits.to_string();
        loop {
            // A taken id (2^-128 odds) answers nil: draw another.
            let id = SessionId::generate();
            let (flag, name) = user.map_or(("0", ""), |name| ("1", name));
            let args = [id.to_string(), visits.clone(), flag.into(), name.into()];
            let fields: Option<Fields> = self.run(&self.scripts.create, now, &refs(&args)).await?;
            if let Some(fields) = fields {
                return Ok(self.view(id, &fields));
            }
        }
    }

    /// Reads the live session `id` and applies `what`; `None` when it is gone.
    pub(super) async fn touch(
        &self,
        id: &SessionId,
        now: OffsetDateTime,
        what: Touch<'_>,
    ) -> Result<Option<SessionView>, StoreDown> {
        let args: Vec<String> = match what {
            Touch::Get => vec!["get".into()],
            Touch::Visit => vec!["visit".into()],
            Touch::SetValue(key, value) => vec!["set_value".into(), key.into(), value.into()],
        };
        let mut all = vec![id.to_string()];
        all.extend(args);
        let fields: Option<Fields> = self.run(&self.scripts.touch, now, &refs(&all)).await?;
        Ok(fields.map(|fields| self.view(*id, &fields)))
    }

    /// Saves a stale copy's count back (the `touch` script's `write_back`), and says which
    /// count it replaced.
    pub(super) async fn write_back(
        &self,
        id: &SessionId,
        visits: u64,
        now: OffsetDateTime,
    ) -> Result<Option<WrittenBack>, StoreDown> {
        let args = [id.to_string(), "write_back".into(), visits.to_string()];
        let fields: Option<Fields> = self.run(&self.scripts.touch, now, &refs(&args)).await?;
        Ok(fields.map(|fields| {
            let overwrote = fields.get("overwrote").and_then(|v| v.parse().ok());
            WrittenBack {
                session: self.view(*id, &fields),
                overwrote: overwrote.unwrap_or_default(),
            }
        }))
    }

    /// Logs in under a new id (count carried over, old session destroyed), or, with
    /// `keep_id`, on the old session itself.
    pub async fn login(
        &self,
        old: Option<&SessionId>,
        user: &str,
        now: OffsetDateTime,
        keep_id: bool,
    ) -> Result<Option<SessionView>, StoreDown> {
        let old_text = old.map(SessionId::to_string).unwrap_or_default();
        loop {
            let new = match (keep_id, old) {
                (true, Some(old)) => *old,
                (true, None) => return Ok(None),
                (false, _) => SessionId::generate(),
            };
            let mode = if keep_id { "keep" } else { "regenerate" };
            let args = [old_text.clone(), new.to_string(), user.into(), mode.into()];
            let fields: Option<Fields> = self.run(&self.scripts.login, now, &refs(&args)).await?;
            match fields {
                Some(fields) => return Ok(Some(self.view(new, &fields))),
                // Kept id gone: nothing to log in. New id taken: draw another.
                None if keep_id => return Ok(None),
                None => continue,
            }
        }
    }

    pub async fn destroy(&self, id: &SessionId) -> Result<bool, StoreDown> {
        let args = [id.to_string()];
        let gone: i64 = self
            .run(
                &self.scripts.destroy,
                OffsetDateTime::now_utc(),
                &refs(&args),
            )
            .await?;
        Ok(gone > 0)
    }

    /// Every session of `user`, through the user's index (no scan).
    pub async fn destroy_user(&self, user: &str) -> Result<usize, StoreDown> {
        let gone: i64 = self
            .run(
                &self.scripts.destroy_user,
                OffsetDateTime::now_utc(),
                &[user],
            )
            .await?;
        Ok(gone.max(0) as usize)
    }

    /// Every live session, read from the budgets' orders (a scan, as the memory store's).
    pub async fn all(&self) -> Result<Vec<SessionView>, StoreDown> {
        let mut connection = self.link.connection();
        let mut ids: Vec<String> = Vec::new();
        for kind in ["anonymous", "logged_in"] {
            let key = format!("{PREFIX}order:{kind}");
            let some: Result<Vec<String>, RedisError> = ::redis::cmd("ZRANGE")
                .arg(&key)
                .arg(0)
                .arg(-1)
                .query_async(&mut connection)
                .await;
            ids.extend(self.link.answer(some)?);
        }
        let mut pipe = ::redis::pipe();
        for id in &ids {
            pipe.cmd("HGETALL").arg(format!("{PREFIX}session:{id}"));
        }
        let all: Result<Vec<Fields>, RedisError> = pipe.query_async(&mut connection).await;
        let all = self.link.answer(all)?;
        Ok(ids
            .iter()
            .zip(all)
            .filter(|(_, fields)| !fields.is_empty())
            .filter_map(|(id, fields)| Some(self.view(SessionId::parse(id)?, &fields)))
            .collect())
    }

    /// Removes the expired sessions' ids from the budgets (Redis deleted the sessions).
    pub async fn sweep(&self, now: OffsetDateTime) -> Result<usize, StoreDown> {
        let mut removed = 0;
        loop {
            let batch = SWEEP_BATCH.to_string();
            let gone: i64 = self.run(&self.scripts.sweep, now, &[&batch]).await?;
            removed += gone.max(0) as usize;
            if (gone as usize) < SWEEP_BATCH {
                return Ok(removed);
            }
        }
    }

    pub async fn counts(&self) -> Result<SessionCounts, StoreDown> {
        let mut connection = self.link.connection();
        let counts: Result<(usize, usize), RedisError> = ::redis::pipe()
            .cmd("ZCARD")
            .arg(format!("{PREFIX}order:anonymous"))
            .cmd("ZCARD")
            .arg(format!("{PREFIX}order:logged_in"))
            .query_async(&mut connection)
            .await;
        let (anonymous, logged_in) = self.link.answer(counts)?;
        Ok(SessionCounts {
            anonymous,
            logged_in,
        })
    }

    pub async fn ping(&self) -> Result<(), StoreDown> {
        self.link.ping().await
    }

    /// The view of a session from its fields (a field that does not parse reads as 0 or empty:
    /// only these scripts write them).
    fn view(&self, id: SessionId, fields: &Fields) -> SessionView {
        let number = |name: &str| fields.get(name).and_then(|v| v.parse::<i64>().ok());
        let created = from_millis(number("created").unwrap_or_default());
        let last_seen = from_millis(number("last_seen").unwrap_or_default());
        let values: BTreeMap<String, String> = fields
            .iter()
            .filter_map(|(k, v)| Some((k.strip_prefix("value:")?.to_string(), v.clone())))
            .collect();
        SessionView {
            id,
            visits: number("visits").unwrap_or_default().max(0) as u64,
            user: fields.get("user").cloned(),
            created,
            last_seen,
            idle_expires: last_seen + self.limits.idle,
            absolute_expires: created + self.limits.absolute,
            values,
        }
    }
}

fn refs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

/// Milliseconds since the Unix epoch: the unit of the scripts' times.
fn millis(t: OffsetDateTime) -> i64 {
    (t.unix_timestamp_nanos() / 1_000_000) as i64
}

fn from_millis(ms: i64) -> OffsetDateTime {
    OffsetDateTime::UNIX_EPOCH + Duration::milliseconds(ms)
}
