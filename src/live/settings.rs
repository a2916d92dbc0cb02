//! The live comparison's bounds: how many runs the server performs at once, and how many one
//! address may start per minute. Each run starts five app instances and hashes passwords with
//! argon2, so both stay small.

use serde::Deserialize;

use crate::config::{Capacity, Settings};

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(default)]
pub struct LiveSettings {
    /// At most this many runs at once, for everyone together; one more is refused with a 503.
    #[serde(rename = "side_by_side_runs_at_once")]
    pub runs_at_once: Capacity,
    /// At most this many runs per minute from one network address; one more is a 429.
    #[serde(rename = "side_by_side_runs_per_minute")]
    pub runs_per_minute: Capacity,
}

impl Default for LiveSettings {
    fn default() -> Self {
        LiveSettings {
            runs_at_once: Capacity::new(2),
            runs_per_minute: Capacity::new(6),
        }
    }
}

impl Settings for LiveSettings {}

#[cfg(test)]
mod tests {
    use super::*;
    use rocket::figment::providers::{Format, Toml};
    use rocket::figment::Figment;

    #[test]
    fn rocket_toml_documents_the_code_defaults() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/Rocket.toml");
        let documented = Figment::from(Toml::file(path).nested()).select("default");
        for key in ["side_by_side_runs_at_once", "side_by_side_runs_per_minute"] {
            assert!(
                documented.find_value(key).is_ok(),
                "{key} is in Rocket.toml"
            );
        }
        let settings: LiveSettings = crate::config::component(&documented).expect("valid");
        assert_eq!(settings, LiveSettings::default());
    }
}
