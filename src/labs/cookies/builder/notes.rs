//! What the learner should know about a cookie that passed every rule: how a browser will
//! treat it. Each note is a code (plus the host and domain it may name); the sentences are in
//! `templates/locales/en/messages.ftl` under `[cookies.note]`.

use serde::Serialize;
use time::{Duration, OffsetDateTime};

use super::spec::Parsed;

/// RFC 6265bis: browsers cap `Max-Age` and `Expires` at 400 days from now.
pub const MAX_LIFETIME_DAYS: i64 = 400;

/// One note: `cookies.note.<code>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    pub code: &'static str,
    /// For `foreign_domain`: the host the page came from, and the domain asked for.
    pub host: Option<String>,
    pub domain: Option<String>,
}

impl Note {
    pub fn new(code: &'static str) -> Note {
        Note {
            code,
            host: None,
            domain: None,
        }
    }
}

/// Every note for `cookie`; `host` is the host the page was served from.
pub fn notes(cookie: &Parsed<'_>, host: Option<&str>, now: OffsetDateTime) -> Vec<Note> {
    let mut notes = lifetime(cookie, now);
    notes.extend(scope(cookie, host));
    notes.extend(flags(cookie));
    notes
}

fn lifetime(cookie: &Parsed<'_>, now: OffsetDateTime) -> Vec<Note> {
    let mut notes = Vec::new();
    match cookie.max_age {
        Some(max_age) if max_age.is_zero() => notes.push(Note::new("max_age_zero")),
        Some(max_age) if max_age > Duration::days(MAX_LIFETIME_DAYS) => {
            notes.push(Note::new("lifetime_capped"));
        }
        _ => {}
    }
    if let Some(expires) = cookie.expires {
        if expires <= now {
            notes.push(Note::new("expires_past"));
        }
        if cookie.max_age.is_some() {
            notes.push(Note::new("both_lifetimes"));
        }
    }
    if cookie.max_age.is_none() && cookie.expires.is_none() {
        notes.push(Note::new("session_cookie"));
    }
    notes
}

fn scope(cookie: &Parsed<'_>, host: Option<&str>) -> Vec<Note> {
    let mut notes = Vec::new();
    if cookie.path.is_empty() {
        notes.push(Note::new("default_path"));
    }
    if cookie.domain.is_empty() {
        notes.push(Note::new("host_only"));
        return notes;
    }
    // A site can only set cookies for itself or a parent domain (RFC 6265 §5.3 step 6).
    let wanted = cookie.domain.trim_start_matches('.').to_ascii_lowercase();
    if let Some(host) = host.map(str::to_ascii_lowercase) {
        if host != wanted && !host.ends_with(&format!(".{wanted}")) {
            notes.push(Note {
                host: Some(host),
                domain: Some(wanted),
                ..Note::new("foreign_domain")
            });
        }
    }
    notes
}

fn flags(cookie: &Parsed<'_>) -> Vec<Note> {
    let mut notes = Vec::new();
    if cookie.same_site.is_none() {
        notes.push(Note::new("no_same_site"));
    }
    if cookie.secure {
        notes.push(Note::new("secure"));
    }
    if cookie.partitioned {
        notes.push(Note::new("partitioned"));
    }
    notes
}
