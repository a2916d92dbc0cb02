//! The attacker site's setting: the port of the second site the cross-site lessons attack from.

use serde::{Deserialize, Serialize};

use super::Settings;

/// `0` turns the attacker site off.
pub const OFF: u16 = 0;

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct AttackerSettings {
    /// The attacker site listens on `http://localhost:<attacker_port>` (loopback only).
    #[serde(rename = "attacker_port")]
    pub port: u16,
}

impl Default for AttackerSettings {
    fn default() -> Self {
        AttackerSettings { port: 8800 }
    }
}

impl AttackerSettings {
    /// The port to serve on, or `None` when the site is turned off.
    pub fn enabled_port(&self) -> Option<u16> {
        (self.port != OFF).then_some(self.port)
    }
}

impl Settings for AttackerSettings {}
