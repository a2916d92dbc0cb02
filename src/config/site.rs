//! Where the app finds the files it serves: static assets, the tutorial's Markdown and the
//! source the tutorial links to. Like Rocket's own `template_dir`, each folder is read at run
//! time, relative to `Rocket.toml` when set there (else to the folder the app starts in), so
//! a built binary can be copied to another machine together with those folders.

use std::path::PathBuf;

use rocket::figment::value::magic::RelativePathBuf;
use serde::{Deserialize, Serialize};

use super::{ConfigError, Settings};

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(default)]
pub struct SiteSettings {
    /// CSS, JavaScript and images, served under `/static`.
    pub static_dir: RelativePathBuf,
    /// The tutorial: `NN-slug.md` chapters and `exercises/`.
    pub docs_dir: RelativePathBuf,
    /// The project folder the tutorial's source viewer (`/docs/source/...`) reads from.
    pub source_dir: RelativePathBuf,
}

impl Default for SiteSettings {
    fn default() -> Self {
        SiteSettings {
            static_dir: "static".into(),
            docs_dir: "docs".into(),
            source_dir: ".".into(),
        }
    }
}

/// Equal when the same folders are written, wherever they are resolved from.
impl PartialEq for SiteSettings {
    fn eq(&self, other: &Self) -> bool {
        let written = |s: &Self| {
            [&s.static_dir, &s.docs_dir, &s.source_dir].map(|dir| dir.original().to_owned())
        };
        written(self) == written(other)
    }
}

impl SiteSettings {
    pub fn static_dir(&self) -> PathBuf {
        self.static_dir.relative()
    }

    pub fn docs_dir(&self) -> PathBuf {
        self.docs_dir.relative()
    }

    pub fn source_dir(&self) -> PathBuf {
        self.source_dir.relative()
    }
}

impl Settings for SiteSettings {
    /// A copied binary started in the wrong folder would serve unstyled pages and no
    /// tutorial; refuse to start instead, saying which folder is missing.
    fn check(&self) -> Result<(), ConfigError> {
        for (key, dir) in [
            ("static_dir", self.static_dir()),
            ("docs_dir", self.docs_dir()),
            ("source_dir", self.source_dir()),
        ] {
            if !dir.is_dir() {
                return Err(ConfigError(format!(
                    "`{key}` is {dir:?}, which is not a folder: start auth-labs in the folder that \
                     holds static/, templates/ and docs/, or set ROCKET_{}.",
                    key.to_uppercase()
                )));
            }
        }
        Ok(())
    }
}
