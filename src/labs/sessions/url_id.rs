//! A session id in the URL (`?sid=<id>`), as PHP's `session.use_trans_sid` once accepted: with
//! the `accept_url_id` switch on, a sessions-lab page opened with a live session's id puts that
//! session into this browser's cookie. It is the classic way to *fix* a victim's session: the
//! attacker sends a link carrying an id they know, and waits for the victim to log in on it.
//! With the switch off (the safe default) the parameter is ignored, and the inspector says so.

use rocket::outcome::try_outcome;
use rocket::request::{FromRequest, Outcome};
use rocket::{Request, State};
use time::OffsetDateTime;

use super::guard::{set_session_cookie, SessionCookieOptions};
use super::store::{SessionId, SessionStore};
use crate::challenges::{self, Challenges};
use crate::config::AppConfig;
use crate::labs::switches::SessionSwitches;

/// The query parameter (PHP's default name was `PHPSESSID`; this lab's cookie is `sid`).
pub const PARAM: &str = "sid";

/// What became of `?sid=` on this request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlId {
    /// No `?sid=` in the URL.
    Absent,
    /// `?sid=` was there and ignored: `accept_url_id` is off.
    IgnoredSwitchOff,
    /// `accept_url_id` is on, but the value names no live session (malformed, unknown or
    /// expired): a link cannot create a session, only hand over one that exists.
    IgnoredNotLive,
    /// `accept_url_id` is on and the session was put into this browser's cookie.
    Planted(SessionId),
}

impl UrlId {
    /// The planted session's id, which this request uses instead of the cookie's.
    pub fn planted(&self) -> Option<SessionId> {
        match self {
            UrlId::Planted(id) => Some(*id),
            _ => None,
        }
    }

    /// The code of the inspector's sentence for it (`sessions.decision.url_id_*`).
    pub fn decision(&self) -> Option<&'static str> {
        match self {
            UrlId::Absent => None,
            UrlId::IgnoredSwitchOff => Some("url_id_ignored"),
            UrlId::IgnoredNotLive => Some("url_id_not_live"),
            UrlId::Planted(_) => Some("url_id_planted"),
        }
    }

    /// Reads `?sid=` and, when the switch is on and the session is live, sets the cookie.
    async fn of(request: &Request<'_>, switches: &SessionSwitches, store: &SessionStore) -> UrlId {
        let Some(text) = request.query_value::<&str>(PARAM) else {
            return UrlId::Absent;
        };
        if !switches.accept_url_id {
            return UrlId::IgnoredSwitchOff;
        }
        let now = OffsetDateTime::now_utc();
        let live = match text.ok().and_then(SessionId::parse) {
            // A store that does not answer plants nothing; the page's own store call says 503.
            Some(id) => matches!(store.get(&id, now).await, Ok(Some(_))).then_some(id),
            None => None,
        };
        let (Some(id), Some(config)) = (live, request.rocket().state::<AppConfig>()) else {
            return UrlId::IgnoredNotLive;
        };
        let options = SessionCookieOptions::of(config, switches);
        set_session_cookie(request.cookies(), id, options);
        if let Some(challenges) = request.rocket().state::<Challenges>() {
            challenges::sessions::planted(challenges, &id);
        }
        UrlId::Planted(id)
    }
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for UrlId {
    type Error = ();

    /// Worked out once per request (the `SessionUser` guard asks too), so the cookie is set once.
    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, ()> {
        let switches = try_outcome!(request.guard::<SessionSwitches>().await);
        let store = try_outcome!(request.guard::<&State<SessionStore>>().await);
        let url = request
            .local_cache_async(UrlId::of(request, &switches, store))
            .await;
        Outcome::Success(*url)
    }
}
