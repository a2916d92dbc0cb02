//! Settings every lab's cookies share, and the cookies lab's login lifetime. (The cookies
//! lab's signing keys are secrets: see [`super::secrets`].)

use serde::{Deserialize, Serialize};

use super::bounds::Seconds;
use super::Settings;

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct CookieSettings {
    /// Mark cookies `Secure` (sent over HTTPS only). Set it when users reach the app over
    /// HTTPS, e.g. behind a TLS-terminating proxy; with Rocket's own TLS it is automatic.
    /// Off by default: over plain `http://` browsers drop a `Secure` cookie (Chrome and Firefox
    /// make an exception for localhost only). It also gives the labs' credential cookies their
    /// `__Host-` names (`src/labs/credential.rs`).
    #[serde(rename = "cookie_secure")]
    pub secure: bool,
    /// How long a cookies-lab login is accepted after it was issued. The expiry travels inside
    /// the encrypted `user` cookie and the server checks it, since nothing else can end a
    /// login the server keeps no record of; 8 h like the sessions' absolute timeout.
    #[serde(rename = "cookie_login_lifetime")]
    pub login_lifetime: Seconds,
}

impl Default for CookieSettings {
    fn default() -> Self {
        CookieSettings {
            secure: false,
            login_lifetime: Seconds::new(8 * 60 * 60),
        }
    }
}

impl Settings for CookieSettings {}
