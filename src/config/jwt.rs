//! The JWT labs' settings: how long a token lives, how long a login may be renewed, and how
//! much clock skew `exp` tolerates. (The HS256 secret is in [`super::secrets`].)

use serde::{Deserialize, Serialize};

use super::bounds::{Leeway, Seconds};
use super::Settings;

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct JwtSettings {
    /// How long an issued JWT stays valid (`exp - iat`).
    #[serde(rename = "jwt_ttl")]
    pub ttl: Seconds,
    /// How long after `auth_time` (the login, or a guest token's first issue) a token is still
    /// accepted and re-issued; the sessions' absolute timeout for a stateless token, so a
    /// stolen copy that is renewed on every visit still dies (OWASP: 4–8 h).
    #[serde(rename = "jwt_absolute_timeout")]
    pub absolute_timeout: Seconds,
    /// Clock skew tolerated when checking `exp`; the `jsonwebtoken` crate defaults to 60 s,
    /// we use 0 so an expired token is refused the second it expires.
    #[serde(rename = "jwt_leeway")]
    pub leeway: Leeway,
}

impl Default for JwtSettings {
    fn default() -> Self {
        JwtSettings {
            ttl: Seconds::new(15 * 60),
            absolute_timeout: Seconds::new(8 * 60 * 60),
            leeway: Leeway::new(0),
        }
    }
}

impl Settings for JwtSettings {}
