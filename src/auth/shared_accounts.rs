//! Registered accounts kept in Redis, so every instance pointing at it knows them: an account
//! registered on one server logs in on the other. One hash, `authlabs:accounts`, maps a
//! username to `<account id> <PHC string>`; registration is one Lua script, so two instances
//! registering the same name at once cannot both win.

use std::collections::HashMap;
use std::time::Duration;

use redis::{RedisError, Script};
use rocket::fairing::AdHoc;
use rocket::tokio::time::{interval, MissedTickBehavior};

use super::users::UserDirectory;
use crate::redis_link::{RedisLink, StoreDown, PREFIX};

/// How often each instance refreshes its copy of the accounts: an account registered on
/// another instance reaches the cookies lab here within this long (logins ask Redis at once).
const COPY_EVERY: Duration = Duration::from_secs(2);

/// Adds an account unless its name is taken or the directory is full, atomically.
const REGISTER: &str = r"
local accounts = KEYS[1]
if redis.call('HEXISTS', accounts, ARGV[1]) == 1 then return 'taken' end
if redis.call('HLEN', accounts) >= tonumber(ARGV[3]) then return 'full' end
redis.call('HSET', accounts, ARGV[1], ARGV[2])
return 'added'
";

/// What Redis answered to a registration.
#[derive(Debug, PartialEq, Eq)]
pub enum Registered {
    Added,
    Taken,
    Full,
}

/// One stored account: its id and PHC string.
pub type Stored = (String, String);

#[derive(Clone)]
pub struct SharedAccounts {
    link: RedisLink,
}

fn key() -> String {
    format!("{PREFIX}accounts")
}

/// `<id> <phc>` (neither contains a space) back into its two parts.
fn split(record: &str) -> Option<Stored> {
    let (id, phc) = record.split_once(' ')?;
    Some((id.to_string(), phc.to_string()))
}

impl SharedAccounts {
    pub fn new(link: RedisLink) -> SharedAccounts {
        SharedAccounts { link }
    }

    /// The account called `username`, as Redis has it now.
    pub async fn fetch(&self, username: &str) -> Result<Option<Stored>, StoreDown> {
        let mut connection = self.link.connection();
        let record: Result<Option<String>, RedisError> = redis::cmd("HGET")
            .arg(key())
            .arg(username)
            .query_async(&mut connection)
            .await;
        Ok(self.link.answer(record)?.as_deref().and_then(split))
    }

    /// Every account, by username.
    pub async fn all(&self) -> Result<HashMap<String, Stored>, StoreDown> {
        let mut connection = self.link.connection();
        let records: Result<HashMap<String, String>, RedisError> = redis::cmd("HGETALL")
            .arg(key())
            .query_async(&mut connection)
            .await;
        Ok(self
            .link
            .answer(records)?
            .into_iter()
            .filter_map(|(name, record)| Some((name, split(&record)?)))
            .collect())
    }

    /// Adds a demo account unless Redis has one of that name already (`HSETNX`), so every
    /// instance may seed at start-up and the first one's hash stays.
    pub async fn seed(&self, username: &str, id: &str, phc: &str) -> Result<(), StoreDown> {
        let mut connection = self.link.connection();
        let set: Result<i64, RedisError> = redis::cmd("HSETNX")
            .arg(key())
            .arg(username)
            .arg(format!("{id} {phc}"))
            .query_async(&mut connection)
            .await;
        self.link.answer(set).map(|_| ())
    }

    pub async fn register(
        &self,
        username: &str,
        id: &str,
        phc: &str,
        capacity: usize,
    ) -> Result<Registered, StoreDown> {
        let mut connection = self.link.connection();
        let answer: Result<String, RedisError> = Script::new(REGISTER)
            .key(key())
            .arg(username)
            .arg(format!("{id} {phc}"))
            .arg(capacity)
            .invoke_async(&mut connection)
            .await;
        Ok(match self.link.answer(answer)?.as_str() {
            "added" => Registered::Added,
            "taken" => Registered::Taken,
            _ => Registered::Full,
        })
    }
}

/// Refreshes this instance's copy of the accounts every `COPY_EVERY` until shutdown (and
/// seeds the demo accounts again if Redis lost them). Only attached with Redis.
pub fn copier() -> AdHoc {
    AdHoc::on_liftoff("Account copier", |rocket| {
        let users = rocket.state::<UserDirectory>().cloned();
        let shutdown = rocket.shutdown();
        Box::pin(async move {
            let Some(users) = users else { return };
            rocket::tokio::spawn(async move {
                let mut ticks = interval(COPY_EVERY);
                ticks.set_missed_tick_behavior(MissedTickBehavior::Delay);
                rocket::tokio::select! {
                    _ = async {
                        loop {
                            ticks.tick().await;
                            // Redis down: the copy stays as it is until the next tick.
                            let _ = users.sync().await;
                        }
                    } => {}
                    _ = shutdown => {}
                }
            });
        })
    })
}
