//! Typed configuration, read from Rocket's figment (`Rocket.toml` + `ROCKET_*` variables)
//! and validated once, at ignite, before anything is served.
//!
//! Each component declares its settings once, in its own file: a struct whose serde names
//! are the `Rocket.toml` keys (so `session_idle_timeout` is also `ROCKET_SESSION_IDLE_TIMEOUT`)
//! and whose `Default` is the documented default (a unit test checks it against
//! `Rocket.toml`'s `[default]`). Bounds live in the value types of [`bounds`]: a [`Seconds`]
//! refuses 0 and more than a year, a [`Leeway`] allows 0 up to an hour, a [`Capacity`]
//! refuses 0, each with a one-line error naming the setting and its variable.
//!
//! - [`sessions`] (with [`store`], where sessions live), [`jwt`], [`passwords`], [`cookies`],
//!   [`users`], [`site`]: the components; [`attacker`]: the second site the cross-site lessons
//!   attack from; [`switches`]: whether learners may turn defences off.
//! - [`secrets`]: `secret_key`, `jwt_secret`, `cookie_signing_keys`, which depend on the
//!   profile; it returns [`Warning`]s for the caller to log instead of printing.
//!
//! Each component is extracted from the figment on its own ([`component`]); figment ignores
//! the keys a struct does not name. That is simpler than `#[serde(flatten)]` into one big
//! struct, which buffers values and so loses figment's key names in errors and its relative
//! paths, and it lets a new feature add a setting without editing this folder.
//!
//! # Adding a setting (what an exercise does)
//!
//! Declare it in a new file next to the code that uses it, implement [`Settings`], and read it
//! with [`component`] (or let [`managed`] read it at ignite and put it in Rocket's state):
//!
//! ```
//! use auth_labs::config::{self, Seconds, Settings};
//! use rocket::figment::Figment;
//!
//! /// How long a "remember me" login lasts.
//! #[derive(serde::Deserialize)]
//! #[serde(default)]
//! struct RememberMe {
//!     #[serde(rename = "remember_me_lifetime")]
//!     lifetime: Seconds,
//! }
//!
//! impl Default for RememberMe {
//!     fn default() -> Self {
//!         RememberMe { lifetime: Seconds::new(30 * 24 * 3600) }
//!     }
//! }
//!
//! impl Settings for RememberMe {}
//!
//! // `rocket.attach(config::managed::<RememberMe>())`, then `&State<RememberMe>` in handlers.
//! let figment = Figment::new().merge(("remember_me_lifetime", 3600));
//! let settings: RememberMe = config::component(&figment).unwrap();
//! assert_eq!(settings.lifetime.get(), 3600);
//! let zero = Figment::new().merge(("remember_me_lifetime", 0));
//! let refused = config::component::<RememberMe>(&zero).err().unwrap();
//! assert!(refused.0.contains("ROCKET_REMEMBER_ME_LIFETIME"));
//! ```

pub mod attacker;
pub mod bounds;
pub mod cookies;
pub mod jwt;
pub mod passwords;
pub mod secrets;
pub mod sessions;
pub mod site;
pub mod store;
pub mod strength;
pub mod switches;
pub mod users;

use std::fmt;

use rocket::fairing::AdHoc;
use rocket::figment::error::Kind;
use rocket::figment::Figment;
use serde::de::DeserializeOwned;

pub use attacker::AttackerSettings;
pub use bounds::{Capacity, Leeway, Seconds, MAX_DURATION_SECONDS, MAX_JWT_LEEWAY};
pub use cookies::CookieSettings;
pub use jwt::JwtSettings;
pub use passwords::PasswordSettings;
pub use secrets::{
    Secret, Warning, DEMO_COOKIE_SIGNING_KEYS, DEMO_JWT_SECRET, DEMO_SECRET_KEY, MIN_SECRET_BYTES,
};
pub use sessions::SessionSettings;
pub use site::SiteSettings;
pub use store::StoreLocation;
pub use switches::SwitchSettings;
pub use users::UserSettings;

/// A group of settings read from the figment. Bounds on single values belong in their types;
/// `check` is for rules that tie several values together.
pub trait Settings: DeserializeOwned {
    fn check(&self) -> Result<(), ConfigError> {
        Ok(())
    }
}

/// Reads one component's settings from the figment's selected profile and checks them.
pub fn component<T: Settings>(figment: &Figment) -> Result<T, ConfigError> {
    let settings: T = figment.extract()?;
    settings.check()?;
    Ok(settings)
}

/// A fairing that reads `T` at ignite and manages it (handlers take `&State<T>`); a refusal
/// prints its one line and stops the launch.
pub fn managed<T: Settings + Send + Sync + 'static>() -> AdHoc {
    AdHoc::try_on_ignite(std::any::type_name::<T>(), |rocket| async {
        match component::<T>(rocket.figment()) {
            Ok(settings) => Ok(rocket.manage(settings)),
            Err(e) => {
                eprintln!("auth-labs: {e}");
                Err(rocket)
            }
        }
    })
}

/// Why the configuration was refused: one line naming the setting and how to fix it.
#[derive(Debug, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<rocket::figment::Error> for ConfigError {
    /// A refusal from [`bounds`] gets the setting's name and variable; anything else (say, a
    /// word where a number belongs) keeps figment's own description.
    fn from(error: rocket::figment::Error) -> Self {
        if let (Kind::Message(message), Some(key)) = (&error.kind, error.path.last()) {
            if let Some(why) = message.strip_prefix(bounds::REFUSAL) {
                return ConfigError(format!(
                    "`{key}` {why} (set it in Rocket.toml or ROCKET_{}).",
                    key.to_uppercase()
                ));
            }
        }
        ConfigError(format!("Auth Labs configuration is invalid: {error}"))
    }
}

/// Every Auth Labs setting, checked; managed by Rocket for every lab to read.
#[derive(Clone, Debug)]
pub struct AppConfig {
    pub sessions: SessionSettings,
    pub jwt: JwtSettings,
    pub passwords: PasswordSettings,
    pub cookies: CookieSettings,
    pub users: UserSettings,
    pub site: SiteSettings,
    pub attacker: AttackerSettings,
    pub switches: SwitchSettings,
    /// The HS256 key shared by the JWT labs.
    pub jwt_secret: Secret,
    /// HMAC-SHA256 keys for the cookies lab's signed cookie: the first signs, every one
    /// verifies (express's `secret: [new, old]`), so a key can be rotated without
    /// invalidating the cookies already out there.
    pub cookie_signing_keys: Vec<Secret>,
    /// True when the demo secrets from `Rocket.toml` are in use (debug profile only).
    pub using_demo_secrets: bool,
    /// The class view's token: without one, `/teacher` does not exist.
    pub teacher_token: Option<Secret>,
}

impl AppConfig {
    /// Reads and validates the settings for the figment's selected profile.
    pub fn from_figment(figment: &Figment) -> Result<AppConfig, ConfigError> {
        AppConfig::load(figment).map(|(config, _)| config)
    }

    /// As [`AppConfig::from_figment`], with the warnings the caller should log.
    pub fn load(figment: &Figment) -> Result<(AppConfig, Vec<Warning>), ConfigError> {
        // Secrets first: a server without them must say so before anything else.
        let (secrets, warnings) = secrets::resolve(figment)?;
        let config = AppConfig {
            sessions: component(figment)?,
            jwt: component(figment)?,
            passwords: component(figment)?,
            cookies: component(figment)?,
            users: component(figment)?,
            site: component(figment)?,
            attacker: component(figment)?,
            switches: component(figment)?,
            jwt_secret: secrets.jwt_secret,
            cookie_signing_keys: secrets.cookie_signing_keys,
            using_demo_secrets: secrets.using_demo_secrets,
            teacher_token: secrets.teacher_token,
        };
        Ok((config, warnings))
    }
}

#[cfg(test)]
mod tests;
