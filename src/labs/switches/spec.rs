//! The switch table: every experiment switch of every lab, declared once, with its kind, its
//! safe default and which values weaken a defence. The panel, the form parser, the cookie
//! reader and the banner all read this table; the words for each switch are in the message
//! table (`switches.<name>.*`).

use crate::config::{AppConfig, MAX_JWT_LEEWAY};

/// The value a switch holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
pub enum Value {
    Bool(bool),
    /// Seconds; `None` only for a switch whose empty value means something (`max_age`: a
    /// browser-session cookie).
    Seconds(Option<u32>),
    /// One of the switch's choices (`same_site`: `strict`, `lax`, `none`, `unset`).
    Choice(&'static str),
}

impl Value {
    /// How the value is written in a form field and in the switches cookie.
    pub fn code(&self) -> String {
        match self {
            Value::Bool(on) => on.to_string(),
            Value::Seconds(Some(seconds)) => seconds.to_string(),
            Value::Seconds(None) => String::new(),
            Value::Choice(choice) => choice.to_string(),
        }
    }
}

/// What values a switch takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `true` or `false`.
    Bool,
    /// Whole seconds in `min..=max`; `optional` allows the empty value.
    Seconds { min: u32, max: u32, optional: bool },
    /// One of these words.
    Choice(&'static [&'static str]),
}

/// Which values of a switch weaken a defence (and are refused when `allow_unsafe_switches`
/// is off). A value equal to the lab's default is never unsafe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weakens {
    /// Changing it opens no attack (`rolling`, `max_age`).
    Never,
    /// This boolean value turns the defence off.
    When(bool),
    /// These choices.
    Choices(&'static [&'static str]),
    /// More seconds than the default (a longer leeway or token lifetime).
    Longer,
}

/// Where a switch's default comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Default {
    Fixed(Value),
    /// `cookie_secure`.
    CookieSecure,
    /// `jwt_leeway`.
    JwtLeeway,
    /// `jwt_ttl`.
    JwtTtl,
}

/// One switch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    /// The form field and cookie key (fixed names: docs and outside tests use them).
    pub name: &'static str,
    pub kind: Kind,
    pub default: Default,
    pub weakens: Weakens,
}

impl Spec {
    const fn flag(name: &'static str, default: bool, weakens: Weakens) -> Spec {
        Spec {
            name,
            kind: Kind::Bool,
            default: Default::Fixed(Value::Bool(default)),
            weakens,
        }
    }

    /// A defence that is on by default and weakens when turned off.
    const fn defence(name: &'static str) -> Spec {
        Spec::flag(name, true, Weakens::When(false))
    }

    /// The default under this configuration.
    pub fn default_value(&self, config: &AppConfig) -> Value {
        match self.default {
            Default::Fixed(value) => value,
            Default::CookieSecure => Value::Bool(config.cookies.secure),
            Default::JwtLeeway => Value::Seconds(Some(clamp(config.jwt.leeway.get()))),
            Default::JwtTtl => Value::Seconds(Some(clamp(config.jwt.ttl.get()))),
        }
    }

    /// Parses a form or cookie value; `None` when it is not one this switch takes.
    pub fn parse(&self, text: &str) -> Option<Value> {
        match self.kind {
            Kind::Bool => match text {
                "true" => Some(Value::Bool(true)),
                "false" => Some(Value::Bool(false)),
                _ => None,
            },
            Kind::Seconds { optional, .. } if text.is_empty() => {
                optional.then_some(Value::Seconds(None))
            }
            Kind::Seconds { min, max, .. } => {
                // Digits only: `+5`, ` 5` and `5.0` are not what a learner meant to send.
                if !text.bytes().all(|b| b.is_ascii_digit()) || text.len() > 10 {
                    return None;
                }
                let seconds: u32 = text.parse().ok()?;
                (min..=max)
                    .contains(&seconds)
                    .then_some(Value::Seconds(Some(seconds)))
            }
            Kind::Choice(choices) => choices
                .iter()
                .find(|choice| **choice == text)
                .map(|choice| Value::Choice(choice)),
        }
    }

    /// Whether `value` weakens this switch's defence compared with `default`.
    pub fn is_unsafe(&self, value: Value, default: Value) -> bool {
        if value == default {
            return false;
        }
        match (self.weakens, value, default) {
            (Weakens::Never, _, _) => false,
            (Weakens::When(weak), Value::Bool(on), _) => on == weak,
            (Weakens::Choices(weak), Value::Choice(choice), _) => weak.contains(&choice),
            (Weakens::Longer, Value::Seconds(Some(s)), Value::Seconds(Some(d))) => s > d,
            _ => false,
        }
    }
}

/// A configured number of seconds as a switch holds it.
fn clamp(seconds: u64) -> u32 {
    u32::try_from(seconds).unwrap_or(u32::MAX)
}

/// The `SameSite` choices of the sessions lab's cookie (`unset`: no attribute at all).
pub const SAME_SITE: &[&str] = &["strict", "lax", "none", "unset"];

/// One day: the longest token lifetime a learner may pick.
const MAX_TTL: u32 = 24 * 3600;
/// A year: the longest cookie `Max-Age` a learner may pick.
const MAX_AGE: u32 = 365 * 24 * 3600;

/// The sessions lab: express-session's options, and the defences a session store adds.
pub const SESSIONS: &[Spec] = &[
    Spec::flag("save_uninitialized", true, Weakens::Never),
    Spec::flag("resave", false, Weakens::When(true)),
    Spec::flag("rolling", false, Weakens::Never),
    Spec {
        name: "max_age",
        kind: Kind::Seconds {
            min: 1,
            max: MAX_AGE,
            optional: true,
        },
        default: Default::Fixed(Value::Seconds(None)),
        weakens: Weakens::Never,
    },
    Spec::defence("http_only"),
    Spec {
        name: "secure",
        kind: Kind::Bool,
        default: Default::CookieSecure,
        weakens: Weakens::When(false),
    },
    Spec {
        name: "same_site",
        kind: Kind::Choice(SAME_SITE),
        default: Default::Fixed(Value::Choice("lax")),
        weakens: Weakens::Choices(&["none", "unset"]),
    },
    Spec::defence("regenerate_on_login"),
    Spec::defence("destroy_on_logout"),
    Spec::flag("accept_url_id", false, Weakens::When(true)),
    Spec::defence("origin_check"),
];

/// The cookies lab: what makes a signed cookie trustworthy.
pub const COOKIES: &[Spec] = &[
    Spec::defence("verify_signed"),
    Spec::defence("bind_name"),
    // Turning it off is stricter (rotation cuts off old cookies), never weaker.
    Spec::flag("accept_retired_key", true, Weakens::Never),
    Spec::defence("origin_check"),
];

/// Both JWT labs: the checks RFC 8725 asks of a token's recipient.
pub const JWT: &[Spec] = &[
    Spec::defence("verify_signature"),
    Spec::defence("pin_algorithm"),
    Spec::defence("check_audience"),
    Spec {
        name: "leeway",
        kind: Kind::Seconds {
            min: 0,
            max: MAX_JWT_LEEWAY as u32,
            optional: false,
        },
        default: Default::JwtLeeway,
        weakens: Weakens::Longer,
    },
    Spec {
        name: "ttl",
        kind: Kind::Seconds {
            min: 1,
            max: MAX_TTL,
            optional: false,
        },
        default: Default::JwtTtl,
        weakens: Weakens::Longer,
    },
    Spec::flag("weak_secret", false, Weakens::When(true)),
    Spec::defence("origin_check"),
];

/// A lab's switches, by its slug.
pub fn of_lab(lab: &str) -> Option<&'static [Spec]> {
    match lab {
        "sessions" => Some(SESSIONS),
        "cookies" => Some(COOKIES),
        "jwt-cookie" | "jwt-header" => Some(JWT),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(table: &[Spec], name: &str) -> Spec {
        *table.iter().find(|s| s.name == name).expect("a switch")
    }

    #[test]
    fn values_parse_only_in_their_exact_form() {
        let http_only = spec(SESSIONS, "http_only");
        assert_eq!(http_only.parse("false"), Some(Value::Bool(false)));
        for bad in ["False", "0", "off", "", "true "] {
            assert_eq!(http_only.parse(bad), None, "{bad:?}");
        }
        let max_age = spec(SESSIONS, "max_age");
        assert_eq!(max_age.parse(""), Some(Value::Seconds(None)));
        assert_eq!(max_age.parse("60"), Some(Value::Seconds(Some(60))));
        for bad in ["0", "-1", "+5", "5.0", " 5", "99999999999", "31536001"] {
            assert_eq!(max_age.parse(bad), None, "{bad:?}");
        }
        let leeway = spec(JWT, "leeway");
        assert_eq!(leeway.parse(""), None, "leeway has no empty value");
        assert_eq!(leeway.parse("0"), Some(Value::Seconds(Some(0))));
        assert_eq!(leeway.parse("3601"), None);
        let same_site = spec(SESSIONS, "same_site");
        assert_eq!(same_site.parse("unset"), Some(Value::Choice("unset")));
        assert_eq!(same_site.parse("Lax"), None);
    }

    #[test]
    fn only_a_weaker_value_than_the_default_is_unsafe() {
        let http_only = spec(SESSIONS, "http_only");
        assert!(http_only.is_unsafe(Value::Bool(false), Value::Bool(true)));
        assert!(!http_only.is_unsafe(Value::Bool(true), Value::Bool(true)));
        let secure = spec(SESSIONS, "secure");
        assert!(
            !secure.is_unsafe(Value::Bool(true), Value::Bool(false)),
            "Secure on plain HTTP is stricter, not weaker"
        );
        let same_site = spec(SESSIONS, "same_site");
        assert!(same_site.is_unsafe(Value::Choice("none"), Value::Choice("lax")));
        assert!(!same_site.is_unsafe(Value::Choice("strict"), Value::Choice("lax")));
        let leeway = spec(JWT, "leeway");
        assert!(leeway.is_unsafe(Value::Seconds(Some(60)), Value::Seconds(Some(0))));
        assert!(!leeway.is_unsafe(Value::Seconds(Some(0)), Value::Seconds(Some(30))));
        let rolling = spec(SESSIONS, "rolling");
        assert!(!rolling.is_unsafe(Value::Bool(true), Value::Bool(false)));
    }

    #[test]
    fn every_lab_names_each_switch_once_and_has_origin_check() {
        for table in [SESSIONS, COOKIES, JWT] {
            let mut names: Vec<&str> = table.iter().map(|s| s.name).collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), table.len());
            assert!(names.contains(&"origin_check"));
        }
    }
}
