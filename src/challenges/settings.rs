//! How much the boards may hold: like the session store, a bound on learners and on the class
//! activity log, so a flood of fresh browsers costs bounded memory.

use serde::{Deserialize, Serialize};

use crate::config::{Capacity, Settings};

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct ChallengeSettings {
    /// At most this many boards (one per browser, or per account once logged in).
    #[serde(rename = "challenge_learner_capacity")]
    pub learner_capacity: Capacity,
    /// At most this many events (solved, defended, hint) in the class activity log.
    #[serde(rename = "challenge_event_capacity")]
    pub event_capacity: Capacity,
}

impl Default for ChallengeSettings {
    fn default() -> Self {
        ChallengeSettings {
            learner_capacity: Capacity::new(2_000),
            event_capacity: Capacity::new(5_000),
        }
    }
}

impl Settings for ChallengeSettings {}
