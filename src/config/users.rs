//! The in-memory user directory's settings.

use serde::{Deserialize, Serialize};

use super::bounds::Capacity;
use super::Settings;

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct UserSettings {
    /// At most this many accounts (demo accounts included), so registration cannot exhaust
    /// memory.
    #[serde(rename = "user_capacity")]
    pub capacity: Capacity,
    /// At most this many new accounts per minute from one network address, so one script
    /// cannot fill the directory in seconds. Generous on purpose: a whole class behind one NAT
    /// address (or one reverse proxy) shares that address, and 60 students can still all
    /// register in the same minute. Refused attempts (a taken name, say) do not count.
    #[serde(rename = "user_registrations_per_minute")]
    pub registrations_per_minute: Capacity,
}

impl Default for UserSettings {
    fn default() -> Self {
        UserSettings {
            capacity: Capacity::new(1_000),
            registrations_per_minute: Capacity::new(60),
        }
    }
}

impl Settings for UserSettings {}
