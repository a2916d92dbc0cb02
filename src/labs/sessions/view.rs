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

/// One decision this request's experiment switches made, for the inspector: the switch that
/// made it (`data-switch`) and the code of its sentence (`sessions.decision.<code>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub(crate) struct Decision {
    pub(crate) switch: &'static str,
    pub(crate) code: &'static str,
}

impl Decision {
    pub(crate) fn new(switch: &'static str, code: &'static str) -> Decision {
        Decision { switch, code }
    }

    /// The decision a flash message reports from the request before the redirect (a login
    /// that kept the id, a logout that kept the session).
    pub(crate) fn of_flash(code: &str) -> Option<Decision> {
        match code {
            "sessions.flash.logged_in_kept_id" => {
                Some(Decision::new("regenerate_on_login", "kept_id"))
            }
            "sessions.flash.logged_out_kept" => Some(Decision::new("destroy_on_logout", "kept")),
            _ => None,
        }
    }
}
