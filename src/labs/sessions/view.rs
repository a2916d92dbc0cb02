//! What the sessions lab's pages show about a session: its entry in the store with human
//! times, and why a request got a new one (a code; the sentence for each code lives in the
//! message table, `sessions.new_session.*`).

use serde::Serialize;
use time::OffsetDateTime;

use super::guard::SessionCookie;
use super::store::SessionView;
use crate::labs::credential::CookieRefusal;
use crate::site::inspector::HumanTime;

/// A session as the inspector shows it.
#[derive(Serialize)]
pub(crate) struct SessionDetails {
    id: String,
    visits: u64,
    user: Option<String>,
    created: HumanTime,
    last_seen: HumanTime,
    idle_expires: HumanTime,
    absolute_expires: HumanTime,
    /// Whichever expiry comes first.
    expires: HumanTime,
}

impl SessionDetails {
    pub(crate) fn new(s: &SessionView, now: OffsetDateTime) -> SessionDetails {
        SessionDetails {
            id: s.id.to_string(),
            visits: s.visits,
            user: s.user.clone(),
            created: HumanTime::new(s.created, now),
            last_seen: HumanTime::new(s.last_seen, now),
            idle_expires: HumanTime::new(s.idle_expires, now),
            absolute_expires: HumanTime::new(s.absolute_expires, now),
            expires: HumanTime::new(s.idle_expires.min(s.absolute_expires), now),
        }
    }
}

/// Why this request got a brand-new session: no cookie, two of them (cookie tossing), a
/// cookie that failed decryption, or an id the server no longer has (expired, logged out,
/// evicted, or the server restarted).
pub(crate) fn why_new(cookie: &SessionCookie) -> &'static str {
    match cookie {
        SessionCookie::Absent => "absent",
        SessionCookie::Rejected(CookieRefusal::Tossed) => "tossed",
        SessionCookie::Rejected(CookieRefusal::Invalid(_)) => "undecryptable",
        SessionCookie::Accepted(_) => "unknown_id",
    }
}
