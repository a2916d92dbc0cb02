//! The builder form as the browser posts it ([`CookieSpec`], all text), parsed into a typed
//! [`Parsed`] cookie description, or every rule the input broke.

use rocket::http::SameSite;
use rocket::FromForm;
use serde::Serialize;
use time::macros::format_description;
use time::{Duration, OffsetDateTime, PrimitiveDateTime};

use super::rules::{self, Problem, Requirements};

/// The builder form as the browser posts it; every attribute is optional.
#[derive(Debug, Clone, FromForm, Serialize)]
pub struct CookieSpec {
    #[field(default = String::new())]
    pub name: String,
    #[field(default = String::new())]
    pub value: String,
    /// Seconds, or empty for none.
    #[field(default = String::new())]
    pub max_age: String,
    /// `YYYY-MM-DDTHH:MM[:SS]`, read as UTC (what `<input type="datetime-local">` sends).
    #[field(default = String::new())]
    pub expires: String,
    #[field(default = String::new())]
    pub path: String,
    #[field(default = String::new())]
    pub domain: String,
    /// Empty (no attribute), `Strict`, `Lax` or `None`.
    #[field(default = String::new())]
    pub same_site: String,
    pub secure: bool,
    pub http_only: bool,
    pub partitioned: bool,
}

impl Default for CookieSpec {
    /// What the empty form suggests: a cookie for this lab's pages, `SameSite=Lax`.
    fn default() -> Self {
        CookieSpec {
            name: String::new(),
            value: String::new(),
            max_age: String::new(),
            expires: String::new(),
            path: super::super::BASE.into(),
            domain: String::new(),
            same_site: "Lax".into(),
            secure: false,
            http_only: false,
            partitioned: false,
        }
    }
}

/// A spec whose every field passed its rule; empty `path` / `domain` mean "not set".
#[derive(Debug, Clone)]
pub struct Parsed<'a> {
    pub name: &'a str,
    pub value: &'a str,
    pub max_age: Option<Duration>,
    pub expires: Option<OffsetDateTime>,
    pub path: &'a str,
    pub domain: &'a str,
    pub same_site: Option<SameSite>,
    pub secure: bool,
    pub http_only: bool,
    pub partitioned: bool,
}

/// Checks every field (collecting every problem, not just the first) and types the input.
pub fn parse(spec: &CookieSpec) -> Result<Parsed<'_>, Vec<Problem>> {
    let (path, domain) = (spec.path.trim(), spec.domain.trim());
    let max_age = max_age(spec.max_age.trim());
    let expires = expires(spec.expires.trim());
    let same_site = same_site(&spec.same_site);
    // In the order the form lists the fields.
    let checks = [
        rules::check_name(&spec.name),
        rules::check_not_owned(&spec.name),
        rules::check_value(&spec.value),
        rules::check_size(&spec.name, &spec.value),
        max_age.clone().map(drop),
        expires.clone().map(drop),
        rules::unless_empty(path, rules::check_path),
        rules::unless_empty(domain, rules::check_domain),
        same_site.clone().map(drop),
    ];
    let mut problems: Vec<Problem> = checks.into_iter().filter_map(Result::err).collect();
    let parsed = Parsed {
        name: &spec.name,
        value: &spec.value,
        max_age: max_age.unwrap_or_default(),
        expires: expires.unwrap_or_default(),
        path,
        domain,
        same_site: same_site.unwrap_or_default(),
        secure: spec.secure,
        http_only: spec.http_only,
        partitioned: spec.partitioned,
    };
    problems.extend(rules::check_combinations(&Requirements {
        name: parsed.name,
        path,
        domain,
        same_site: parsed.same_site,
        secure: parsed.secure,
        partitioned: parsed.partitioned,
    }));
    if problems.is_empty() {
        Ok(parsed)
    } else {
        Err(problems)
    }
}

/// `Max-Age`: whole seconds (RFC 6265 §4.1.2.2); empty for none.
fn max_age(text: &str) -> Result<Option<Duration>, Problem> {
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<u32>()
        .map(|seconds| Some(Duration::seconds(i64::from(seconds))))
        .map_err(|_| Problem {
            limit: Some(u32::MAX),
            ..Problem::new("max_age", "max_age").quoting(text)
        })
}

/// `Expires`: what `<input type="datetime-local">` sends, read as UTC; empty for none.
fn expires(text: &str) -> Result<Option<OffsetDateTime>, Problem> {
    if text.is_empty() {
        return Ok(None);
    }
    let with_seconds = format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]");
    let without = format_description!("[year]-[month]-[day]T[hour]:[minute]");
    PrimitiveDateTime::parse(text, with_seconds)
        .or_else(|_| PrimitiveDateTime::parse(text, without))
        .ok()
        .map(PrimitiveDateTime::assume_utc)
        // The cookie date format has a four-digit year (RFC 6265 §5.1.1).
        .filter(|t| (1601..=9999).contains(&t.year()))
        .map(Some)
        .ok_or_else(|| Problem::new("expires", "expires").quoting(text))
}

/// `SameSite` as the select sends it; empty for none.
fn same_site(text: &str) -> Result<Option<SameSite>, Problem> {
    match text {
        "" => Ok(None),
        "Strict" => Ok(Some(SameSite::Strict)),
        "Lax" => Ok(Some(SameSite::Lax)),
        "None" => Ok(Some(SameSite::None)),
        other => Err(Problem::new("same_site", "same_site_unknown").quoting(other)),
    }
}
