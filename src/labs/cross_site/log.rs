//! The cross-site log's memory: for each browser that asked for one, the last few requests
//! the labs received from another site or origin (and, on the attacker site, what its pages
//! could read back). Bounded twice (entries per browser, and browsers), so a flood of forged
//! requests cannot grow it.

use std::collections::{HashMap, VecDeque};
use std::sync::{Mutex, MutexGuard};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use rand::RngCore;
use serde::Serialize;
use time::OffsetDateTime;

/// The newest this many requests per browser are kept.
pub const PER_BROWSER: usize = 12;
/// At most this many browsers; the one seen longest ago is forgotten first.
pub const BROWSERS: usize = 2_000;

/// Names one browser's log: 128 random bits, base64url, carried in the `cross_site_trace`
/// cookie and, by the attacker site's pages, in a `trace` query parameter.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TraceId(String);

impl TraceId {
    pub fn generate() -> TraceId {
        let mut bytes = [0u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        TraceId(URL_SAFE_NO_PAD.encode(bytes))
    }

    /// Only the shape `generate` makes: anything else names no log.
    pub fn parse(text: &str) -> Option<TraceId> {
        let bytes = URL_SAFE_NO_PAD.decode(text).ok()?;
        (bytes.len() == 16).then(|| TraceId(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What the lab made of a request from elsewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// The same-origin guard refused it (a form `POST` another site or origin sent).
    RefusedByOriginCheck,
    /// The same-origin guard would have refused it, but this browser turned the lab's
    /// `origin_check` switch off, so the lab acted on it.
    LetThroughOriginCheckOff,
    /// It reached the lab, but without the lab's credential: the lab saw a stranger.
    NoCredential,
    /// It reached the lab with the credential, and the lab answered.
    Accepted,
    /// It reached the lab with the credential, and the lab refused it (a 4xx).
    Refused,
}

/// One request from another site or origin, as the lab received it.
#[derive(Debug, Clone, Serialize)]
pub struct Seen {
    pub at: i64,
    pub lab: &'static str,
    pub method: String,
    pub path: String,
    pub origin: Option<String>,
    pub fetch_site: Option<String>,
    pub fetch_mode: Option<String>,
    pub fetch_dest: Option<String>,
    /// The names of the cookies that arrived (their values stay out of the log).
    pub cookies: Vec<String>,
    pub status: u16,
    pub decision: Decision,
}

struct Browsers<T> {
    logs: HashMap<TraceId, (u64, VecDeque<T>)>,
    clock: u64,
}

/// Each browser's newest entries of one kind, bounded per browser and in browsers.
pub struct Logs<T> {
    inner: Mutex<Browsers<T>>,
}

/// Every browser's cross-site log (Rocket state of the labs).
pub type CrossSiteLog = Logs<Seen>;

impl<T> Default for Logs<T> {
    fn default() -> Self {
        Logs {
            inner: Mutex::new(Browsers {
                logs: HashMap::new(),
                clock: 0,
            }),
        }
    }
}

impl<T: Clone> Logs<T> {
    fn lock(&self) -> MutexGuard<'_, Browsers<T>> {
        // A poisoned lock still holds a usable log: a panic elsewhere must not lose it.
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Appends `entry` to `id`'s log, dropping its oldest entry (or the longest-unseen
    /// browser) when full.
    pub fn record(&self, id: &TraceId, entry: T) {
        let mut browsers = self.lock();
        browsers.clock += 1;
        let clock = browsers.clock;
        if !browsers.logs.contains_key(id) && browsers.logs.len() >= BROWSERS {
            let oldest = browsers
                .logs
                .iter()
                .min_by_key(|(_, (touched, _))| *touched)
                .map(|(id, _)| id.clone());
            if let Some(oldest) = oldest {
                browsers.logs.remove(&oldest);
            }
        }
        let (touched, entries) = browsers.logs.entry(id.clone()).or_default();
        *touched = clock;
        if entries.len() == PER_BROWSER {
            entries.pop_front();
        }
        entries.push_back(entry);
    }

    /// `id`'s log, newest first.
    pub fn entries(&self, id: &TraceId) -> Vec<T> {
        self.lock()
            .logs
            .get(id)
            .map(|(_, entries)| entries.iter().rev().cloned().collect())
            .unwrap_or_default()
    }

    pub fn browsers(&self) -> usize {
        self.lock().logs.len()
    }
}

/// Now, in Unix seconds, for an entry's time.
pub fn now() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(path: &str) -> Seen {
        Seen {
            at: 0,
            lab: "sessions",
            method: "GET".into(),
            path: path.into(),
            origin: None,
            fetch_site: Some("cross-site".into()),
            fetch_mode: None,
            fetch_dest: None,
            cookies: vec![],
            status: 200,
            decision: Decision::NoCredential,
        }
    }

    #[test]
    fn each_browser_keeps_only_its_newest_entries() {
        let log = CrossSiteLog::default();
        let (mine, theirs) = (TraceId::generate(), TraceId::generate());
        for i in 0..PER_BROWSER + 5 {
            log.record(&mine, seen(&format!("/{i}")));
        }
        log.record(&theirs, seen("/theirs"));
        let entries = log.entries(&mine);
        assert_eq!(entries.len(), PER_BROWSER);
        assert_eq!(
            entries[0].path,
            format!("/{}", PER_BROWSER + 4),
            "newest first"
        );
        assert!(entries.iter().all(|e| e.path != "/theirs"));
        assert_eq!(log.entries(&theirs).len(), 1);
    }

    #[test]
    fn a_flood_of_browsers_forgets_the_longest_unseen_first() {
        let log = CrossSiteLog::default();
        let first = TraceId::generate();
        log.record(&first, seen("/first"));
        let kept = TraceId::generate();
        log.record(&kept, seen("/kept"));
        for _ in 0..BROWSERS - 1 {
            log.record(&TraceId::generate(), seen("/flood"));
        }
        assert_eq!(log.browsers(), BROWSERS);
        assert!(log.entries(&first).is_empty(), "the oldest browser went");
        assert_eq!(log.entries(&kept).len(), 1);
    }

    #[test]
    fn only_well_formed_trace_ids_parse() {
        let id = TraceId::generate();
        assert_eq!(TraceId::parse(id.as_str()), Some(id));
        for bad in [
            "",
            "short",
            "not base64 at all!!",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        ] {
            assert_eq!(TraceId::parse(bad), None, "{bad}");
        }
    }
}
