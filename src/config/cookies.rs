//! Settings every lab's cookies share. (The cookies lab's signing keys are secrets: see
//! [`super::secrets`].)

use serde::{Deserialize, Serialize};

use super::Settings;

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct CookieSettings {
    /// Mark cookies `Secure` (sent over HTTPS only). Set it when users reach the app over
    /// HTTPS, e.g. behind a TLS-terminating proxy; with Rocket's own TLS it is automatic.
    /// Off by default: over plain `http://` browsers drop a `Secure` cookie (Chrome and Firefox
    /// make an exception for localhost only). It also gives the labs' credential cookies their
    /// `__Host-` names (`src/labs/credential.rs`).
    #[serde(rename = "cookie_secure")]
    pub secure: bool,
}

impl Settings for CookieSettings {}
