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
}

impl Default for UserSettings {
    fn default() -> Self {
        UserSettings {
            capacity: Capacity::new(1_000),
        }
    }
}

impl Settings for UserSettings {}
