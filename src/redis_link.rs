//! One connection to Redis, shared by the session store and the user directory when
//! `session_store` is a `redis://` URL. It is the `redis` crate's connection manager, which
//! reconnects by itself, with short timeouts: a Redis that does not answer costs a request
//! about a second and a clear 503, never a hung page, and service resumes when it is back.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use redis::RedisError;

/// Every key Auth Labs writes starts with this, so one Redis can hold other data too and a
/// learner running `redis-cli --scan --pattern 'authlabs:*'` sees exactly the lab's keys.
pub const PREFIX: &str = "authlabs:";

/// How long one attempt to connect, or one command, may take before Redis counts as down.
const TIMEOUT: Duration = Duration::from_secs(1);

/// Redis did not answer (refused, timed out, dropped the connection, or failed a command).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoreDown;

impl std::fmt::Display for StoreDown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the session store is not answering")
    }
}

impl std::error::Error for StoreDown {}

/// A cloneable handle on the shared connection.
#[derive(Clone)]
pub struct RedisLink {
    manager: ConnectionManager,
    /// The URL as logs may show it (no password).
    shown: Arc<str>,
    /// Whether the last command got an answer: a change is logged once, not per request.
    answering: Arc<AtomicBool>,
}

impl RedisLink {
    /// A link that connects on first use (so an absent Redis does not stop the start-up);
    /// `Err` only for a URL the client cannot use. Must run inside the Tokio runtime.
    pub fn open(url: &str, shown: String) -> Result<RedisLink, RedisError> {
        let client = redis::Client::open(url)?;
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(TIMEOUT))
            .set_response_timeout(Some(TIMEOUT))
            // One quick retry, then the request gets its 503; the next request tries again.
            .set_number_of_retries(1)
            .set_min_delay(Duration::from_millis(50))
            .set_max_delay(Duration::from_millis(200));
        let manager = ConnectionManager::new_lazy_with_config(client, config)?;
        Ok(RedisLink {
            manager,
            shown: shown.into(),
            answering: Arc::new(AtomicBool::new(true)),
        })
    }

    /// A connection to run commands on (cheap: it shares the one multiplexed connection).
    pub fn connection(&self) -> ConnectionManager {
        self.manager.clone()
    }

    /// The URL without its password.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// Turns a command's result into the app's answer, logging when Redis stops or resumes
    /// answering (once per change, not once per request).
    pub fn answer<T>(&self, result: Result<T, RedisError>) -> Result<T, StoreDown> {
        match result {
            Ok(value) => {
                if !self.answering.swap(true, Ordering::Relaxed) {
                    eprintln!("auth-labs: the session store {} answers again.", self.shown);
                }
                Ok(value)
            }
            Err(e) => {
                if self.answering.swap(false, Ordering::Relaxed) {
                    eprintln!(
                        "auth-labs: the session store {} is not answering ({e}); the sessions lab \
                         answers 503 until it is back.",
                        self.shown
                    );
                }
                Err(StoreDown)
            }
        }
    }

    /// Says in one line, at start-up, whether Redis answers. An absent Redis does not stop the
    /// start: a class keeps its JWT and cookie labs, and the sessions lab resumes by itself
    /// when Redis comes up.
    pub async fn report_at_start(&self) {
        let mut connection = self.connection();
        let pong: Result<String, RedisError> =
            redis::cmd("PING").query_async(&mut connection).await;
        match pong {
            Ok(_) => eprintln!(
                "auth-labs: sessions and accounts are kept in Redis at {}.",
                self.shown
            ),
            Err(e) => {
                self.answering.store(false, Ordering::Relaxed);
                eprintln!(
                    "auth-labs: the session store {} is not answering ({e}); starting anyway: the \
                     sessions lab answers 503 until it does.",
                    self.shown
                );
            }
        }
    }

    /// `PING`: whether Redis answers now.
    pub async fn ping(&self) -> Result<(), StoreDown> {
        let mut connection = self.connection();
        let pong: Result<String, RedisError> =
            redis::cmd("PING").query_async(&mut connection).await;
        self.answer(pong).map(|_| ())
    }
}
