//! Experiment switches: each lab's defences, which a learner may turn off for their own browser
//! (never for anyone else on a shared server), to perform the attack a defence stops, then turn
//! back on and watch the same attack fail.
//!
//! The switches live in the browser, in one encrypted cookie per lab (`lab_switches`, `Path` =
//! the lab's base path), holding only the values that differ from the lab's defaults. Nothing
//! is stored on the server, so a switch can reach no other learner. The cookie is private: an
//! attacker who can plant cookies on this site (a page on another port of the same host can)
//! cannot write switches for a learner. The table of switches is `spec.rs`; the panel at
//! `BASE/switches` is `panel.rs`; the banner every lab page shows while a switch is off is
//! `banner.rs`; the typed views the labs read are `labs.rs`.
//!
//! One exception: the sessions lab's `same_site` is the learner's `SameSite` choice that the
//! cross-site log already offers (`src/labs/cross_site/same_site.rs`); the switch reads and
//! writes that choice, so the two controls can never disagree.

mod banner;
mod labs;
pub mod panel;
pub mod spec;

use rocket::fairing::AdHoc;
use rocket::http::{Cookie, CookieJar, SameSite, Status};
use rocket::request::{FromRequest, Outcome};
use rocket::Request;

use crate::config::AppConfig;
use crate::labs::cross_site::same_site::{self, Choices};
use crate::labs::LabInfo;
use crate::tools::jwt::wordlist;
pub use labs::{token_policy, CookieSwitches, SessionSwitches};
use spec::{Spec, Value};

/// The cookie that holds a lab's switches for this browser.
pub const COOKIE: &str = "lab_switches";
/// The hidden key (not a form field) holding which word of the wordlist `weak_secret` signs
/// with: picked at random when the switch is turned on, so every learner cracks their own.
const WEAK_WORD: &str = "weak_word";

/// A lab's switches as this browser has them.
#[derive(Debug, Clone)]
pub struct Switches {
    pub lab: &'static LabInfo,
    specs: &'static [Spec],
    /// In the order of `specs`.
    values: Vec<Value>,
    defaults: Vec<Value>,
    /// `weak_secret`'s word (an index into the wordlist), when that switch is on.
    weak_word: Option<u32>,
    allow_unsafe: bool,
}

/// One switch as the panel and the banner show it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SwitchView {
    pub name: &'static str,
    pub value: String,
    pub default: String,
    pub changed: bool,
    /// This value weakens the defence (refused when `allow_unsafe_switches` is off).
    pub is_unsafe: bool,
    /// `bool`, `seconds` or `choice`, and the choices.
    pub kind: &'static str,
    pub choices: Vec<&'static str>,
    pub optional: bool,
    pub min: u32,
    pub max: u32,
}

impl Switches {
    /// The lab's safe defaults under this configuration.
    pub fn defaults(lab: &'static LabInfo, config: &AppConfig) -> Option<Switches> {
        let specs = spec::of_lab(lab.slug)?;
        let defaults: Vec<Value> = specs.iter().map(|s| s.default_value(config)).collect();
        Some(Switches {
            lab,
            specs,
            values: defaults.clone(),
            defaults,
            weak_word: None,
            allow_unsafe: config.switches.allow_unsafe,
        })
    }

    /// This browser's switches for `lab`: the defaults, with what its cookie changed. A value
    /// the table does not allow (or an unsafe one, when unsafe switches are not allowed) is
    /// ignored, never trusted.
    pub fn read(
        lab: &'static LabInfo,
        jar: &CookieJar<'_>,
        config: &AppConfig,
    ) -> Option<Switches> {
        let mut switches = Switches::defaults(lab, config)?;
        if let Some(cookie) = jar.get_private(COOKIE) {
            for (name, text) in cookie.value().split('&').filter_map(|p| p.split_once('=')) {
                if name == WEAK_WORD {
                    switches.weak_word = text.parse().ok();
                } else if let Some(value) = switches.spec(name).and_then(|s| s.parse(text)) {
                    let _ = switches.set(name, value);
                }
            }
        }
        if lab.slug == crate::labs::sessions::LAB {
            if let Some(choice) = Choices::of(jar).get(lab.slug) {
                let _ = switches.set("same_site", Value::Choice(choice.code()));
            }
        }
        Some(switches)
    }

    fn spec(&self, name: &str) -> Option<&'static Spec> {
        self.specs.iter().find(|s| s.name == name)
    }

    fn index(&self, name: &str) -> Option<usize> {
        self.specs.iter().position(|s| s.name == name)
    }

    /// Sets one switch; refused when unsafe switches are not allowed and `value` is unsafe.
    pub fn set(&mut self, name: &str, value: Value) -> Result<(), Refusal> {
        let i = self.index(name).ok_or(Refusal::Unknown)?;
        if !self.allow_unsafe && self.specs[i].is_unsafe(value, self.defaults[i]) {
            return Err(Refusal::UnsafeNotAllowed);
        }
        self.values[i] = value;
        if name == "weak_secret" {
            self.weak_word = match value {
                Value::Bool(true) => self.weak_word.or_else(|| Some(random_word())),
                _ => None,
            };
        }
        Ok(())
    }

    /// A switch's value (its default if this browser did not change it).
    pub fn get(&self, name: &str) -> Option<Value> {
        self.index(name).map(|i| self.values[i])
    }

    /// A boolean switch; `false` for a name the lab does not have (a unit test per lab checks
    /// that each typed view reads its defaults back, so a misspelt name cannot hide).
    pub fn flag(&self, name: &str) -> bool {
        self.get(name) == Some(Value::Bool(true))
    }

    /// A seconds switch; `None` when empty.
    pub fn seconds(&self, name: &str) -> Option<u32> {
        match self.get(name) {
            Some(Value::Seconds(seconds)) => seconds,
            _ => None,
        }
    }

    /// The word of the wordlist `weak_secret` signs with, when that switch is on.
    pub fn weak_word(&self) -> Option<&'static str> {
        let count = wordlist::words().count().max(1);
        wordlist::words().nth(self.weak_word? as usize % count)
    }

    /// The switches whose value differs from the default.
    pub fn changed(&self) -> impl Iterator<Item = (&'static Spec, Value)> + '_ {
        self.specs
            .iter()
            .zip(self.values.iter().zip(&self.defaults))
            .filter(|(_, (value, default))| value != default)
            .map(|(spec, (value, _))| (spec, *value))
    }

    /// Whether every switch is at its safe default.
    pub fn all_default(&self) -> bool {
        self.changed().next().is_none()
    }

    /// Every switch, for the panel and the banner.
    pub fn views(&self) -> Vec<SwitchView> {
        self.specs
            .iter()
            .enumerate()
            .map(|(i, spec)| {
                let (kind, choices, optional, min, max) = match spec.kind {
                    spec::Kind::Bool => ("bool", vec!["true", "false"], false, 0, 0),
                    spec::Kind::Seconds { min, max, optional } => {
                        ("seconds", Vec::new(), optional, min, max)
                    }
                    spec::Kind::Choice(choices) => ("choice", choices.to_vec(), false, 0, 0),
                };
                SwitchView {
                    name: spec.name,
                    value: self.values[i].code(),
                    default: self.defaults[i].code(),
                    changed: self.values[i] != self.defaults[i],
                    is_unsafe: spec.is_unsafe(self.values[i], self.defaults[i]),
                    kind,
                    choices,
                    optional,
                    min,
                    max,
                }
            })
            .collect()
    }

    /// Sends these switches to the browser: the changed values in the encrypted cookie (empty
    /// when nothing differs from the defaults). The sessions lab's
    /// `same_site` goes to the `SameSite` choice instead (see the module comment).
    pub fn save(&self, jar: &CookieJar<'_>, config: &AppConfig, loopback: bool) {
        let mut pairs: Vec<String> = self
            .changed()
            .filter(|(spec, _)| !self.is_same_site_choice(spec))
            .map(|(spec, value)| format!("{}={}", spec.name, value.code()))
            .collect();
        if let Some(word) = self.weak_word {
            pairs.push(format!("{WEAK_WORD}={word}"));
        }
        if self.lab.slug == crate::labs::sessions::LAB {
            let choice = match self.get("same_site") {
                Some(Value::Choice(code)) => same_site::Choice::parse(code),
                _ => None,
            };
            same_site::remember(jar, self.lab, choice, config.cookies.secure);
        }
        // Back at the defaults, a browser that holds the cookie gets it again with nothing in
        // it rather than a removal: curl (7.88) keeps a `Secure` cookie whose removal arrives
        // over plain HTTP before another `Set-Cookie` line, and the tutorial's commands use curl.
        if pairs.is_empty() && jar.get(COOKIE).is_none() {
            return;
        }
        jar.add_private(cookie(self.lab, pairs.join("&"), config, loopback));
    }

    fn is_same_site_choice(&self, spec: &Spec) -> bool {
        self.lab.slug == crate::labs::sessions::LAB && spec.name == "same_site"
    }
}

/// The switches cookie's attributes. It must ride the attacker site's forged requests (a
/// login CSRF only succeeds against a learner whose `origin_check` is off, and only this
/// cookie says so), so it is `SameSite=None`, which browsers accept only with `Secure`: fine
/// on loopback (browsers treat `http://127.0.0.1` and `localhost` as secure) and over HTTPS.
/// A class server on plain HTTP elsewhere gets `Lax` (its attacker site is off anyway).
fn cookie(lab: &LabInfo, value: String, config: &AppConfig, loopback: bool) -> Cookie<'static> {
    let ride_cross_site = loopback || config.cookies.secure;
    Cookie::build((COOKIE, value))
        .path(lab.path)
        .http_only(true)
        .same_site(if ride_cross_site {
            SameSite::None
        } else {
            SameSite::Lax
        })
        .secure(ride_cross_site)
        // A browser-session cookie: closing the browser turns every defence back on.
        .expires(None)
        .build()
}

/// A random word index for `weak_secret`.
fn random_word() -> u32 {
    use rand::Rng;
    let count = wordlist::words().count().max(1);
    rand::rngs::OsRng.gen_range(0..count as u32)
}

/// Why a switch could not be set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The lab has no switch by that name.
    Unknown,
    /// The value is not one the switch takes.
    BadValue,
    /// `allow_unsafe_switches` is off and the value weakens a defence.
    UnsafeNotAllowed,
}

/// Whether the app listens on a loopback address only.
pub fn bound_to_loopback(config: &rocket::Config) -> bool {
    config.address.is_loopback()
}

/// This request's switches, read once per request (the same-origin guard, the lab's typed
/// guard and the banner all ask): `None` outside a lab.
struct ReadOnce(Option<Switches>);

pub fn of_request<'r>(request: &'r Request<'_>) -> Option<&'r Switches> {
    request
        .local_cache(|| {
            let lab = crate::labs::cross_site::lab_of(request.uri().path().as_str());
            let config = request.rocket().state::<AppConfig>();
            ReadOnce(
                lab.zip(config)
                    .and_then(|(lab, config)| Switches::read(lab, request.cookies(), config)),
            )
        })
        .0
        .as_ref()
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for Switches {
    type Error = ();

    /// The switches of the lab whose base path this request is under.
    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, ()> {
        match of_request(request) {
            Some(switches) => Outcome::Success(switches.clone()),
            None => Outcome::Forward(Status::NotFound),
        }
    }
}

/// Whether this request's lab has `origin_check` turned off for this browser: the same-origin
/// guard then lets a cross-site request through (`src/site/origin.rs`).
pub fn origin_check_off(request: &Request<'_>) -> bool {
    of_request(request).is_some_and(|s| s.get("origin_check") == Some(Value::Bool(false)))
}

/// The panels and the banner.
pub fn stage() -> AdHoc {
    AdHoc::on_ignite("Experiment switches", |rocket| async {
        let rocket = rocket.attach(banner::Banner);
        crate::labs::LABS.iter().fold(rocket, |rocket, lab| {
            rocket.mount(lab.path, panel::routes())
        })
    })
}
