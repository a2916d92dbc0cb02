//! How many runs may happen: at most `side_by_side_runs_at_once` for everyone (a run starts
//! five app instances, each hashing passwords with 19 MiB of memory), at most
//! `side_by_side_runs_per_minute` from one address, and none longer than [`RUN_TIMEOUT`].
//! A refusal is a page saying which bound was hit, with `Retry-After`.

use std::time::Duration;

use crate::site::view::{context, Template};
use rocket::figment::Figment;
use rocket::http::{Header, Status};
use rocket::response::{self, Responder};
use rocket::tokio::sync::{Semaphore, SemaphorePermit};
use rocket::Request;
use time::OffsetDateTime;

use super::settings::LiveSettings;
use crate::site::rate_limit::{PeerAddress, RateLimit};

/// A run that takes longer is abandoned (its instances stop with it) and answered with a 503.
pub const RUN_TIMEOUT: Duration = Duration::from_secs(30);

/// How long to wait before trying again when every slot is taken: about one run.
const BUSY_RETRY_SECONDS: u64 = 5;

/// The bounds, and the configuration every run's instances are built from.
pub struct RunSlots {
    at_once: Semaphore,
    per_peer: RateLimit,
    /// The server's own configuration (profile, keys, timeouts), as it was at ignite.
    pub figment: Figment,
    pub settings: LiveSettings,
}

/// Why a run did not happen, or did not finish.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Every slot is in use (503).
    Busy,
    /// This address started its runs for this minute (429), retry after this many seconds.
    TooMany(u64),
    /// The run took longer than [`RUN_TIMEOUT`] (503).
    TimedOut,
    /// An instance could not start (503).
    NotStarted,
}

impl RunSlots {
    pub fn new(settings: &LiveSettings, figment: Figment) -> RunSlots {
        RunSlots {
            at_once: Semaphore::new(settings.runs_at_once.get()),
            per_peer: RateLimit::per_minute(settings.runs_per_minute.get()),
            figment,
            settings: settings.clone(),
        }
    }

    /// A slot for one run from `peer`, held until the permit is dropped.
    pub fn take(&self, peer: PeerAddress) -> Result<SemaphorePermit<'_>, Refusal> {
        if let Err(wait) = self.per_peer.take(peer, OffsetDateTime::now_utc()) {
            return Err(Refusal::TooMany(wait.0));
        }
        self.at_once.try_acquire().map_err(|_| {
            // Refused for everyone's sake: it does not count against this address.
            self.per_peer.give_back(peer);
            Refusal::Busy
        })
    }
}

impl Refusal {
    fn code(self) -> &'static str {
        match self {
            Refusal::Busy => "busy",
            Refusal::TooMany(_) => "too_many",
            Refusal::TimedOut => "timed_out",
            Refusal::NotStarted => "not_started",
        }
    }

    fn status(self) -> Status {
        match self {
            Refusal::TooMany(_) => Status::TooManyRequests,
            _ => Status::ServiceUnavailable,
        }
    }

    fn retry_after(self) -> Option<u64> {
        match self {
            Refusal::TooMany(seconds) => Some(seconds),
            Refusal::Busy => Some(BUSY_RETRY_SECONDS),
            _ => None,
        }
    }
}

impl<'r> Responder<'r, 'static> for Refusal {
    fn respond_to(self, request: &'r Request<'_>) -> response::Result<'static> {
        let page = Template::render(
            "live/refused",
            context! {
                section: "side-by-side",
                refusal: self.code(),
                retry_after: self.retry_after(),
                timeout: RUN_TIMEOUT.as_secs(),
            },
        );
        let mut response = page.respond_to(request)?;
        response.set_status(self.status());
        if let Some(seconds) = self.retry_after() {
            response.set_header(Header::new("Retry-After", seconds.to_string()));
        }
        Ok(response)
    }
}
