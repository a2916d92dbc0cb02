//! The sessions lab: a random id in an encrypted cookie, all state on the server (in its
//! memory, or in a Redis server shared by every instance: `session_store`).
//!
//! The browser holds only an unguessable id; visits and identity stay on the server, so
//! the server alone decides when a session ends (logout, idle or absolute timeout).
//! The cookie is in `guard.rs`, the store in `store.rs`, the sweep in `sweep.rs`; the pages'
//! words are in `templates/labs/sessions/` and the message table (`sessions.*`).

pub(crate) mod guard;
pub mod store;
mod sweep;
mod view;

use crate::site::flash::Flashed;
use crate::site::origin::SameOrigin;
use rocket::fairing::AdHoc;
use rocket::form::Form;
use rocket::response::Redirect;
use rocket::{get, post, routes, State};
use rocket_dyn_templates::{context, Template};
use time::OffsetDateTime;

use crate::auth::login::{authenticate, login_page, LoginForm};
use crate::auth::users::UserDirectory;
use crate::challenges::Learner;
use crate::config::AppConfig;
use crate::labs::credential::{CredentialCookie, LabCookies};
use crate::redis_link::RedisLink;
use crate::site::error::{AppError, Failure};
use crate::site::flash::Notice;
use crate::site::inspector::{span, SentHeaders};
use guard::SessionUser;
use guard::{remove_session_cookie, set_session_cookie, SessionCookie, SessionCookieOptions};
use store::{SessionLimits, SessionStore};
use view::{why_new, SessionDetails};

pub const BASE: &str = "/labs/sessions";
/// This lab's slug: its templates folder and its prefix in route names.
pub const LAB: &str = "sessions";
/// The cookie name; express-session calls its cookie `connect.sid`.
pub const COOKIE: &str = "sid";
/// The session cookie: `sid` at this lab's path, or `__Host-sid` with `cookie_secure`.
pub const CREDENTIAL: CredentialCookie = CredentialCookie {
    name: COOKIE,
    host_name: "__Host-sid",
    path: BASE,
};

/// The store, the routes and the background sweep.
pub fn stage() -> AdHoc {
    AdHoc::on_ignite("Sessions lab", |rocket| async {
        // Without a configuration the launch has already failed; mount nothing.
        let Some(config) = rocket.state::<AppConfig>() else {
            return rocket;
        };
        let sweep_every = config.sessions.sweep_interval.duration().unsigned_abs();
        let limits = SessionLimits::from_config(config);
        // The shared Redis link, when `session_store` names one (set up with the accounts).
        let store = match rocket.state::<RedisLink>() {
            Some(link) => SessionStore::redis(link.clone(), limits),
            None => SessionStore::new(limits),
        };
        rocket
            .manage(store.clone())
            .mount(
                BASE,
                routes![index, login_form, login, me, me_anonymous, logout],
            )
            .attach(sweep::sweeper(store, sweep_every))
    })
}

/// Counts a visit. The first visit creates a session (express-session's
/// `saveUninitialized: true`), so anonymous visitors are counted too.
#[get("/")]
async fn index(
    cookies: LabCookies<'_>,
    store: &State<SessionStore>,
    config: &State<AppConfig>,
    sent: SentHeaders,
    flash: Option<Notice>,
) -> Result<Template, AppError> {
    let now = OffsetDateTime::now_utc();
    let cookie = SessionCookie::read(&cookies);
    let visited = match cookie.id() {
        Some(id) => store.visit(&id, now).await?,
        None => None,
    };
    let (session, new_because) = match visited {
        Some(session) => (session, None),
        None => {
            let session = store.create(now, 1, None).await?;
            let options = SessionCookieOptions::from_config(config);
            set_session_cookie(cookies.jar, session.id, options);
            (session, Some(why_new(&cookie)))
        }
    };
    let limits = store.limits();
    Ok(Template::render(
        "labs/sessions/index",
        context! {
            section: LAB,
            flash,
            visits: session.visits,
            user: session.user.clone(),
            sent,
            cookie_name: CREDENTIAL.name(config.cookies.secure),
            arrived: cookie.view(),
            decrypted_id: cookie.id().map(|id| id.to_string()),
            new_because,
            session: SessionDetails::new(&session, now),
            sessions_in_memory: store.len().await?,
            store: store.kind(),
            capacity: limits.capacity,
            counts: store.counts().await?,
            budget: limits.budget(),
            idle_timeout: span(limits.idle.unsigned_abs().as_secs()),
            absolute_timeout: span(limits.absolute.unsigned_abs().as_secs()),
        },
    ))
}

#[get("/login")]
fn login_form() -> Template {
    login_page(LAB, "", false, ())
}

/// Checks the password, then replaces the session id (fixation defence) and stores the
/// username server-side. The cookie still holds nothing but a random id.
#[post("/login", data = "<form>")]
async fn login(
    _same_origin: SameOrigin,
    form: Form<LoginForm>,
    cookies: LabCookies<'_>,
    store: &State<SessionStore>,
    users: &State<UserDirectory>,
    config: &State<AppConfig>,
    learner: Learner<'_>,
) -> Result<Flashed<Redirect>, Failure> {
    let username = authenticate(LAB, &form, users).await?;
    learner.signed_in(&username);
    let old = SessionCookie::read(&cookies).id();
    let session = store
        .login(old.as_ref(), &username, OffsetDateTime::now_utc())
        .await?;
    let options = SessionCookieOptions::from_config(config);
    set_session_cookie(cookies.jar, session.id, options);
    Ok(Flashed::success(
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
            section: LAB,
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
async fn logout(
    _same_origin: SameOrigin,
    cookies: LabCookies<'_>,
    store: &State<SessionStore>,
) -> Result<Flashed<Redirect>, AppError> {
    let destroyed = match SessionCookie::read(&cookies).id() {
        Some(id) => store.destroy(&id).await?,
        None => false,
    };
    remove_session_cookie(cookies.jar, cookies.secure);
    let message = if destroyed {
        "sessions.flash.logged_out"
    } else {
        "sessions.flash.no_session"
    };
    Ok(Flashed::success(Redirect::to(BASE), message))
}
