//! The cost of hashing a password with argon2id (OWASP Password Storage Cheat Sheet:
//! m = 19 MiB, t = 2, p = 1).

use serde::{Deserialize, Serialize};

use super::{ConfigError, Settings};

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct PasswordSettings {
    /// Memory per hash, in KiB: what makes guessing on a graphics card expensive.
    #[serde(rename = "argon2_m_cost")]
    pub m_cost: u32,
    /// Passes over that memory.
    #[serde(rename = "argon2_t_cost")]
    pub t_cost: u32,
    /// Lanes hashed in parallel.
    #[serde(rename = "argon2_p_cost")]
    pub p_cost: u32,
}

impl Default for PasswordSettings {
    fn default() -> Self {
        PasswordSettings {
            m_cost: 19_456,
            t_cost: 2,
            p_cost: 1,
        }
    }
}

impl Settings for PasswordSettings {
    /// The three costs constrain each other (memory ≥ 8 × lanes), so argon2 itself judges them.
    fn check(&self) -> Result<(), ConfigError> {
        argon2::Params::new(self.m_cost, self.t_cost, self.p_cost, None)
            .map(|_| ())
            .map_err(|e| ConfigError(format!("argon2 parameters are invalid: {e}")))
    }
}
