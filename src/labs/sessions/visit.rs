//! One counted visit to the lab page, as this browser's experiment switches shape it:
//! `save_uninitialized` (start a session for an anonymous visitor, or store nothing), `resave`
//! (count atomically in the store, or write a stale copy back), `rolling` (send the cookie
//! again), and a session planted from the URL (`accept_url_id`, in `url_id.rs`). Each decision
//! a switch made is kept for the inspector.

use std::time::Duration;

use time::OffsetDateTime;

use super::guard::{set_session_cookie, SessionCookie, SessionCookieOptions};
use super::store::{SessionId, SessionStore, SessionView, StoreDown};
use super::url_id::UrlId;
use super::view::{why_new, Decision};
use crate::challenges::sessions::Counting;
use crate::config::AppConfig;
use crate::labs::credential::LabCookies;
use crate::labs::switches::SessionSwitches;

/// With `resave` on, the time between reading the session and writing it back: the round trip
/// to a store on another machine (Redis, a database) that express-session's asynchronous
/// `get` and `set` wait for, even with its `MemoryStore`, which defers both. Any visit that
/// finishes inside this window is overwritten. 20 ms is a slow network store; it makes the
/// lost updates show on any machine, however few cores it has.
pub const STORE_ROUND_TRIP: Duration = Duration::from_millis(20);

/// What a visit did.
pub(crate) struct Visit {
    /// The session counted, or `None` when nothing was stored (`save_uninitialized` off).
    pub(crate) session: Option<SessionView>,
    /// Why a new session was started (`sessions.new_session.*`), when one was.
    pub(crate) new_because: Option<&'static str>,
    pub(crate) decisions: Vec<Decision>,
    /// How the visit was counted (for the lost-update challenge); `None`: not counted.
    pub(crate) counting: Option<Counting>,
}

/// Counts a visit on the session this request names (from the URL, else the cookie), or
/// starts one; sets the cookie when the session is new or `rolling` says so.
pub(crate) async fn visit(
    cookies: &LabCookies<'_>,
    store: &SessionStore,
    config: &AppConfig,
    switches: &SessionSwitches,
    url: UrlId,
) -> Result<Visit, StoreDown> {
    let cookie = SessionCookie::read(cookies);
    let mut decisions: Vec<Decision> = url
        .decision()
        .map(|code| Decision::new("accept_url_id", code))
        .into_iter()
        .collect();
    let options = SessionCookieOptions::of(config, switches);
    let (counted, counting) = match url.planted().or_else(|| cookie.id()) {
        Some(id) => count(store, &id, switches, &mut decisions).await?,
        None => (None, None),
    };
    let (session, new_because) = match counted {
        Some(session) => {
            // A planted session's cookie is already on its way.
            if switches.rolling && url.planted().is_none() {
                set_session_cookie(cookies.jar, session.id, options);
                decisions.push(Decision::new("rolling", "rolled"));
            }
            (Some(session), None)
        }
        None if switches.save_uninitialized => {
            let session = store.create(OffsetDateTime::now_utc(), 1, None).await?;
            set_session_cookie(cookies.jar, session.id, options);
            (Some(session), Some(why_new(&cookie)))
        }
        None => {
            decisions.push(Decision::new("save_uninitialized", "not_saved"));
            (None, None)
        }
    };
    Ok(Visit {
        session,
        new_because,
        decisions,
        counting,
    })
}

/// One visit on a live session, and how it was counted; `None` when it does not exist or has
/// expired.
async fn count(
    store: &SessionStore,
    id: &SessionId,
    switches: &SessionSwitches,
    decisions: &mut Vec<Decision>,
) -> Result<(Option<SessionView>, Option<Counting>), StoreDown> {
    if !switches.resave {
        // The increment happens in one step inside the store (under its lock, or in one Lua
        // script in Redis): no visit is ever lost.
        let session = store.visit(id, OffsetDateTime::now_utc()).await?;
        let counting = session.as_ref().map(|_| Counting::Atomic(*id));
        return Ok((session, counting));
    }
    // express-session's `resave: true`: read a copy, change it, save the whole copy back.
    let Some(copy) = store.get(id, OffsetDateTime::now_utc()).await? else {
        return Ok((None, None));
    };
    rocket::tokio::time::sleep(STORE_ROUND_TRIP).await;
    decisions.push(Decision::new("resave", "write_back"));
    let written = store
        .write_back(id, copy.visits.saturating_add(1), OffsetDateTime::now_utc())
        .await?;
    Ok(match written {
        Some(written) => (
            Some(written.session),
            // A count above the copy's was a visit counted in between, now overwritten.
            Some(Counting::WrittenBack {
                copy: copy.visits,
                overwrote: written.overwrote,
            }),
        ),
        None => (None, None),
    })
}
