//! The sessions lab: a random id in an encrypted cookie, all state on the server (in its
//! memory, or in a Redis server shared by every instance: `session_store`).
//!
//! The browser holds only an unguessable id; visits and identity stay on the server, so
//! the server alone decides when a session ends (logout, idle or absolute timeout).
//! The cookie is in `guard.rs`, the store in `store.rs`, the sweep in `sweep.rs`; the pages'
//! words are in `templates/labs/sessions/` and the message table (`sessions.*`).

pub(crate) mod guard;
mod race;
pub mod store;
mod sweep;
mod url_id;
mod view;
mod visit;

use crate::site::flash::Flashed;
use crate::site::origin::SameOrigin;
use crate::site::view::{context, Template};
use rocket::fairing::AdHoc;
use rocket::form::Form;
use rocket::http::CookieJar;
use rocket::response::Redirect;
use rocket::{get, post, routes, State};
use time::OffsetDateTime;

use crate::auth::login::{authenticate, login_page, LoginForm};
use crate::auth::users::UserDirectory;
use crate::challenges::Learner;
use crate::config::AppConfig;
use crate::labs::credential::{CredentialCookie, LabCookies};
use crate::labs::switches::{SessionSwitches, Switches};
use crate::redis_link::RedisLink;
use crate::site::error::{AppError, Failure};
use crate::site::flash::Notice;
use crate::site::inspector::{span, SentHeaders};
use guard::SessionUser;
use guard::{remove_session_cookie, resend_session_cookie, set_session_cookie};
use guard::{SessionCookie, SessionCookieOptions};
use store::{SessionLimits, SessionStore};
use url_id::UrlId;
use view::{Decision, SessionDetails};

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
                routes![
                    index,
                    login_form,
                    login,
                    me,
                    me_anonymous,
                    logout,
                    race::visit_count
                ],
            )
            .attach(sweep::sweeper(store, sweep_every))
    })
}

/// Counts a visit. The first visit creates a session (express-session's
/// `saveUninitialized: true`), so anonymous visitors are counted too; the experiment switches
/// can change that and more (`visit.rs`).
#[get("/")]
// One argument per request guard: each is a thing the page needs from the request or the app.
#[allow(clippy::too_many_arguments)]
async fn index(
    cookies: LabCookies<'_>,
    store: &State<SessionStore>,
    config: &State<AppConfig>,
    switches: SessionSwitches,
    url: UrlId,
    sent: SentHeaders,
    flash: Option<Notice>,
    learner: Learner<'_>,
) -> Result<Template, AppError> {
    let visit = visit::visit(&cookies, store, config, &switches, url).await?;
    learner.saw_visit(visit.counting, visit::STORE_ROUND_TRIP);
    let now = OffsetDateTime::now_utc();
    let cookie = SessionCookie::read(&cookies);
    let mut decisions = visit.decisions;
    decisions.extend(flash_decision(&flash));
    let limits = store.limits();
    Ok(Template::render(
        "labs/sessions/index",
        context! {
            section: LAB,
            flash,
            // Nothing stored: every anonymous visit is the first.
            visits: visit.session.as_ref().map_or(1, |s| s.visits),
            user: visit.session.as_ref().and_then(|s| s.user.clone()),
            sent,
            cookie_name: CREDENTIAL.name(config.cookies.secure),
            arrived: cookie.view(),
            decrypted_id: cookie.id().map(|id| id.to_string()),
            planted_id: url.planted().map(|id| id.to_string()),
            new_because: visit.new_because,
            decisions,
            session: visit.session.as_ref().map(|s| SessionDetails::new(s, now)),
            sessions_in_memory: store.len().await?,
            store: store.kind(),
            capacity: limits.capacity,
            counts: store.counts().await?,
            budget: limits.budget(),
            idle_timeout: span(limits.idle.unsigned_abs().as_secs()),
            absolute_timeout: span(limits.absolute.unsigned_abs().as_secs()),
            race_visits: RACE_VISITS,
        },
    ))
}

/// How many visits the lost-update button fires at once (`static/js/lost-update.js`).
const RACE_VISITS: u32 = 50;

/// The switch decision a flash message reports, for the inspector.
fn flash_decision(flash: &Option<Notice>) -> Option<Decision> {
    flash.as_ref().and_then(|n| Decision::of_flash(&n.message))
}

/// The login form. `?sid=` on its link plants a session when `accept_url_id` is on (the guard
/// does it), so a victim can be sent straight here.
#[get("/login")]
fn login_form(_url: UrlId) -> Template {
    login_page(LAB, "", false, ())
}

/// Checks the password, then replaces the session id (fixation defence) and stores the
/// username server-side. The cookie still holds nothing but a random id. With
/// `regenerate_on_login` off, a live session keeps its id instead: whoever knew it before the
/// login (an attacker who planted it) is logged in too.
#[post("/login", data = "<form>")]
// One argument per request guard: each is a thing the login needs from the request or the app.
#[allow(clippy::too_many_arguments)]
async fn login(
    _same_origin: SameOrigin,
    form: Form<LoginForm>,
    cookies: LabCookies<'_>,
    store: &State<SessionStore>,
    users: &State<UserDirectory>,
    config: &State<AppConfig>,
    switches: SessionSwitches,
    learner: Learner<'_>,
) -> Result<Flashed<Redirect>, Failure> {
    let username = authenticate(LAB, &form, users).await?;
    learner.signed_in(&username);
    let old = SessionCookie::read(&cookies).id();
    let now = OffsetDateTime::now_utc();
    let kept = match old.filter(|_| !switches.regenerate_on_login) {
        Some(id) => store.login_keeping_id(&id, &username, now).await?,
        None => None,
    };
    learner.saw_session_login(old.as_ref(), kept.is_some(), switches.regenerate_on_login);
    let message = match kept {
        Some(_) => "sessions.flash.logged_in_kept_id",
        None => "sessions.flash.logged_in",
    };
    let session = match kept {
        Some(session) => session,
        None => store.login(old.as_ref(), &username, now).await?,
    };
    let options = SessionCookieOptions::of(config, &switches);
    set_session_cookie(cookies.jar, session.id, options);
    Ok(Flashed::success(
        Redirect::to(format!("{BASE}/me")),
        message,
    ))
}

#[get("/me")]
fn me(
    user: SessionUser,
    flash: Option<Notice>,
    sent: SentHeaders,
    cookies: LabCookies<'_>,
    config: &State<AppConfig>,
    switches: SessionSwitches,
    url: UrlId,
) -> Template {
    let now = OffsetDateTime::now_utc();
    let mut decisions: Vec<Decision> = url
        .decision()
        .map(|code| Decision::new("accept_url_id", code))
        .into_iter()
        .collect();
    // `rolling`: the cookie goes out again, so a `max_age` restarts now.
    if switches.rolling && url.planted().is_none() {
        let options = SessionCookieOptions::of(config, &switches);
        set_session_cookie(cookies.jar, user.session.id, options);
        decisions.push(Decision::new("rolling", "rolled"));
    }
    decisions.extend(flash_decision(&flash));
    Template::render(
        "labs/sessions/me",
        context! {
            section: LAB,
            flash,
            user: &user.username,
            session_age: span((now - user.session.created).unsigned_abs().as_secs()),
            session: SessionDetails::new(&user.session, now),
            decisions,
            sent,
        },
    )
}

/// Not logged in (no cookie, a dead session, or an anonymous one): go and log in.
#[get("/me", rank = 2)]
fn me_anonymous(_url: UrlId) -> Redirect {
    Redirect::to(format!("{BASE}/login"))
}

/// Destroys the server-side session, then asks the browser to drop the cookie. The first
/// step is what matters: a copy of the cookie taken before logout is now worthless. With
/// `destroy_on_logout` off, only the second step happens, and the copy still works.
#[post("/logout")]
async fn logout(
    _same_origin: SameOrigin,
    cookies: LabCookies<'_>,
    store: &State<SessionStore>,
    switches: SessionSwitches,
    learner: Learner<'_>,
) -> Result<Flashed<Redirect>, AppError> {
    let id = SessionCookie::read(&cookies).id();
    let live = match id {
        Some(id) if switches.destroy_on_logout => store.destroy(&id).await?,
        Some(id) => store.get(&id, OffsetDateTime::now_utc()).await?.is_some(),
        None => false,
    };
    if let Some(id) = id.filter(|_| live) {
        learner.logged_out_session(&id);
    }
    let message = match (live, switches.destroy_on_logout) {
        (true, true) => "sessions.flash.logged_out",
        (true, false) => "sessions.flash.logged_out_kept",
        (false, _) => "sessions.flash.no_session",
    };
    remove_session_cookie(cookies.jar, cookies.secure);
    Ok(Flashed::success(Redirect::to(BASE), message))
}

/// The switches panel changed this browser's switches: the session cookie it holds goes out
/// again with the attributes they now ask for (`HttpOnly`, `Secure`, `Max-Age`), so the change
/// shows on the next page rather than at the next login.
pub fn switches_saved(jar: &CookieJar<'_>, config: &AppConfig, switches: &Switches) {
    let switches = SessionSwitches::of(switches.clone());
    resend_session_cookie(jar, SessionCookieOptions::of(config, &switches));
}
