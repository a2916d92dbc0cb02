//! The sessions lab's settings: where sessions are kept, how long one lives, how many fit,
//! how often expired ones are swept.

use serde::{Deserialize, Serialize};

use super::bounds::{Capacity, Seconds};
use super::store::StoreLocation;
use super::Settings;

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct SessionSettings {
    /// A session unused for this long is gone (OWASP: 15–30 min for low-risk apps).
    #[serde(rename = "session_idle_timeout")]
    pub idle_timeout: Seconds,
    /// A session older than this is gone however active it is (OWASP: 4–8 h).
    #[serde(rename = "session_absolute_timeout")]
    pub absolute_timeout: Seconds,
    /// At most this many sessions live in memory: half is kept for logged-in sessions, the
    /// rest is for anonymous ones, and a full half evicts its own least recently seen session.
    #[serde(rename = "session_capacity")]
    pub capacity: Capacity,
    /// How often the background sweep removes expired sessions.
    #[serde(rename = "session_sweep_interval")]
    pub sweep_interval: Seconds,
    /// `memory`, or a `redis://host:port/db` URL shared by every instance of a class server
    /// (sessions and registered accounts then survive a restart and reach every instance).
    #[serde(rename = "session_store")]
    pub store: StoreLocation,
}

impl Default for SessionSettings {
    fn default() -> Self {
        SessionSettings {
            idle_timeout: Seconds::new(30 * 60),
            absolute_timeout: Seconds::new(8 * 60 * 60),
            capacity: Capacity::new(100_000),
            sweep_interval: Seconds::new(60),
            store: StoreLocation::Memory,
        }
    }
}

impl Settings for SessionSettings {}
