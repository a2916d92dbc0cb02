//! Where the sessions (and, with Redis, the registered accounts) are kept: the `session_store`
//! setting, `memory` (one process, nothing to install) or a `redis://host:port/db` URL that
//! every instance of a class server points at.

use std::fmt;

use serde::de::{Deserialize, Deserializer, Error as _};
use serde::{Serialize, Serializer};

use super::bounds::REFUSAL;

/// The value of `session_store`.
#[derive(Clone, PartialEq, Eq)]
pub enum StoreLocation {
    /// A map in this process's memory: a restart or a second instance starts empty.
    Memory,
    /// A Redis server shared by every instance pointing at it (the URL as written).
    Redis(String),
}

impl StoreLocation {
    /// `memory` or `redis`, as the inspector's `#store` shows it.
    pub fn kind(&self) -> &'static str {
        match self {
            StoreLocation::Memory => "memory",
            StoreLocation::Redis(_) => "redis",
        }
    }

    /// Reads `memory` or a `redis://` URL, or says why not (without the setting's name).
    pub fn parse(text: &str) -> Result<StoreLocation, String> {
        if text == "memory" {
            return Ok(StoreLocation::Memory);
        }
        if !text.starts_with("redis://") {
            return Err(format!(
                "is {text:?}; use `memory` or a URL like `redis://127.0.0.1:6379/0`"
            ));
        }
        // The redis crate parses it now, so a typo stops the start instead of every request.
        redis::Client::open(text)
            .map_err(|e| format!("is not a Redis URL the client accepts ({e})"))?;
        Ok(StoreLocation::Redis(text.to_string()))
    }
}

/// Shows the URL without a password (`redis://:secret@host` becomes `redis://:***@host`), so
/// logs and `/health` never print one.
impl fmt::Display for StoreLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreLocation::Memory => f.write_str("memory"),
            StoreLocation::Redis(url) => f.write_str(&redact(url)),
        }
    }
}

impl fmt::Debug for StoreLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "StoreLocation({self})")
    }
}

/// The URL with whatever sits between `://` and `@` (user and password) masked.
fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    match rest.split_once('@') {
        Some((_, host)) => format!("{scheme}://***@{host}"),
        None => url.to_string(),
    }
}

impl<'de> Deserialize<'de> for StoreLocation {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        StoreLocation::parse(&text).map_err(|why| D::Error::custom(format!("{REFUSAL}{why}")))
    }
}

impl Serialize for StoreLocation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            StoreLocation::Memory => serializer.serialize_str("memory"),
            StoreLocation::Redis(url) => serializer.serialize_str(url),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_and_redis_urls_are_accepted_and_anything_else_is_refused() {
        assert_eq!(StoreLocation::parse("memory"), Ok(StoreLocation::Memory));
        let url = "redis://127.0.0.1:6379/2";
        assert_eq!(
            StoreLocation::parse(url),
            Ok(StoreLocation::Redis(url.into()))
        );
        for bad in [
            "",
            "Memory",
            "redis",
            "http://127.0.0.1:6379",
            "redis://host:notaport/0",
        ] {
            assert!(StoreLocation::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_password_in_the_url_is_never_shown() {
        let with_password = StoreLocation::Redis("redis://:hunter2@10.0.0.5:6379/0".into());
        assert_eq!(with_password.to_string(), "redis://***@10.0.0.5:6379/0");
        assert!(!format!("{with_password:?}").contains("hunter2"));
    }
}
