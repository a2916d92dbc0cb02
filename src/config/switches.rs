//! The experiment switches' one setting: whether learners may turn a lab's defences off.

use serde::{Deserialize, Serialize};

use super::Settings;

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct SwitchSettings {
    /// `false` keeps every defence on for everyone: the switches panel still shows what each
    /// switch does, but refuses (403) a value that would weaken a defence, and a switches
    /// cookie from before the change is read without its unsafe values.
    #[serde(rename = "allow_unsafe_switches")]
    pub allow_unsafe: bool,
}

impl Default for SwitchSettings {
    fn default() -> Self {
        SwitchSettings { allow_unsafe: true }
    }
}

impl Settings for SwitchSettings {}
