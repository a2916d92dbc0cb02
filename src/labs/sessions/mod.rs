//! The sessions lab: a random id in an encrypted cookie, all state in server memory.
//!
//! The browser holds only an unguessable id; visits and identity stay on the server, so
//! the server alone decides when a session ends (logout, idle or absolute timeout).

pub mod guard;
pub mod store;

use rocket::fairing::AdHoc;
use rocket::form::Form;
use rocket::http::CookieJar;
use rocket::response::{Flash, Redirect};
use rocket::tokio::time::{interval, MissedTickBehavior};
use rocket::{get, post, routes, State};
use rocket_dyn_templates::{context, Template};
use serde::Serialize;
use time::OffsetDateTime;

use crate::auth::login::{authenticate, login_page, LoginForm};
use crate::auth::users::UserDirectory;
use crate::config::AppConfig;
use crate::site::flash::Notice;
use crate::site::inspector::{span, HumanTime, SentHeaders};
use guard::{remove_session_cookie, set_session_cookie, SessionCookie, SessionUser};
use store::{SessionLimits, SessionStore, SessionView};

pub const BASE: &str = "/labs/sessions";
/// This lab's slug: its templates folder and its prefix in route names.
pub const LAB: &str = "sessions";
/// The cookie name; express-session calls its cookie `connect.sid`.
pub const COOKIE: &str = "sid";

/// The store, the routes and the background sweep.
pub fn stage() -> AdHoc {
    AdHoc::on_ignite("Sessions lab", |rocket| async {
        // Without a configuration the launch has already failed; mount nothing.
        let Some(limits) = rocket.state::<AppConfig>().map(SessionLimits::from_config) else {
            return rocket;
        };
        let sweep_every = rocket
            .state::<AppConfig>()
            .map(|c| c.sessions.sweep_interval.duration().unsigned_abs())
            .unwrap_or(std::time::Duration::from_secs(60));
        let store = SessionStore::new(limits);
        let swept = store.clone();
        rocket
            .manage(store)
            .mount(
                BASE,
                routes![index, login_form, login, me, me_anonymous, logout],
            )
            .attach(AdHoc::on_liftoff("Session sweeper", move |rocket| {
                let shutdown = rocket.shutdown();
                Box::pin(async move {
                    rocket::tokio::spawn(async move {
                        let mut ticks = interval(sweep_every);
                        ticks.set_missed_tick_behavior(MissedTickBehavior::Delay);
                        rocket::tokio::select! {
                            _ = async {
                                loop {
                                    ticks.tick().await;
                                    swept.sweep(OffsetDateTime::now_utc());
                                }
                            } => {}
                            _ = shutdown => {}
                        }
                    });
                })
            }))
    })
}

/// A session as the inspector shows it.
#[derive(Serialize)]
struct SessionDetails {
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
    fn new(s: &SessionView, now: OffsetDateTime) -> SessionDetails {
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

/// Why this request got a brand-new session, in the learner's terms.
fn why_new(cookie: SessionCookie) -> &'static str {
    match cookie {
        SessionCookie::Absent => {
            "No sid cookie arrived (a first visit, or the browser dropped its browser-session cookie), so the server created a session and sent its id."
        }
        SessionCookie::Undecryptable => {
            "A sid cookie arrived but failed decryption: it was edited, or encrypted under another secret_key. The server ignored it and started a new session."
        }
        SessionCookie::Present(_) => {
            "The cookie decrypted to a session id the server no longer has: it expired, was logged out, was evicted, or the server restarted. A new session was started."
        }
    }
}

/// Counts a visit. The first visit creates a session (express-session's
/// `saveUninitialized: true`), so anonymous visitors are counted too.
#[get("/")]
fn index(
    jar: &CookieJar<'_>,
    store: &State<SessionStore>,
    config: &State<AppConfig>,
    sent: SentHeaders,
    flash: Option<Notice>,
) -> Template {
    let now = OffsetDateTime::now_utc();
    let cookie = SessionCookie::read(jar);
    let visited = cookie.id().and_then(|id| store.visit(&id, now));
    let (session, new_because) = match visited {
        Some(session) => (session, None),
        None => {
            let session = store.create(now, 1, None);
            set_session_cookie(jar, session.id, config.cookies.secure);
            (session, Some(why_new(cookie)))
        }
    };
    let limits = store.limits();
    Template::render(
        "labs/sessions/index",
        context! {
            section: "sessions",
            flash,
            visits: session.visits,
            user: session.user.clone(),
            sent,
            cookie_name: COOKIE,
            cookie_state: match cookie {
                SessionCookie::Absent => "absent",
                SessionCookie::Undecryptable => "undecryptable",
                SessionCookie::Present(_) => "decrypted",
            },
            decrypted_id: cookie.id().map(|id| id.to_string()),
            new_because,
            session: SessionDetails::new(&session, now),
            sessions_in_memory: store.len(),
            capacity: limits.capacity,
            idle_timeout: span(limits.idle.unsigned_abs().as_secs()),
            absolute_timeout: span(limits.absolute.unsigned_abs().as_secs()),
        },
    )
}

#[get("/login")]
fn login_form() -> Template {
    login_page(LAB, "", false, ())
}

/// Checks the password, then replaces the session id (fixation defence) and stores the
/// username server-side. The cookie still holds nothing but a random id.
#[post("/login", data = "<form>")]
async fn login(
    form: Form<LoginForm>,
    jar: &CookieJar<'_>,
    store: &State<SessionStore>,
    users: &State<UserDirectory>,
    config: &State<AppConfig>,
) -> Result<Flash<Redirect>, Template> {
    let username = authenticate(LAB, &form, users).await?;
    let old = SessionCookie::read(jar).id();
    let session = store.login(old.as_ref(), &username, OffsetDateTime::now_utc());
    set_session_cookie(jar, session.id, config.cookies.secure);
    Ok(Flash::success(
        Redirect::to(format!("{BASE}/me")),
        "sessions.flash.logged_in",
    ))
}

#[get("/me")]
fn me(user: SessionUser, flash: Option<Notice>, sent: SentHeaders) -> Template {
    let now = OffsetDateTime::now_utc();
    Template::render(
        "labs/sessions/me",
        context! {
            section: "sessions",
            flash,
            user: &user.username,
            session_age: span((now - user.session.created).unsigned_abs().as_secs()),
            session: SessionDetails::new(&user.session, now),
            sent,
        },
    )
}

/// Not logged in (no cookie, a dead session, or an anonymous one): go and log in.
#[get("/me", rank = 2)]
fn me_anonymous() -> Redirect {
    Redirect::to(format!("{BASE}/login"))
}

/// Destroys the server-side session, then asks the browser to drop the cookie. The first
/// step is what matters: a copy of the cookie taken before logout is now worthless.
#[post("/logout")]
fn logout(jar: &CookieJar<'_>, store: &State<SessionStore>) -> Flash<Redirect> {
    let destroyed = SessionCookie::read(jar)
        .id()
        .is_some_and(|id| store.destroy(&id));
    remove_session_cookie(jar);
    let message = if destroyed {
        "sessions.flash.logged_out"
    } else {
        "sessions.flash.no_session"
    };
    Flash::success(Redirect::to(BASE), message)
}
