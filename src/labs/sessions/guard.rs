//! The session cookie: reading it (absent / rejected / accepted, as every lab's credential
//! reader answers; two `sid` cookies at once are refused as cookie tossing), writing it with
//! its attributes, removing it, and the `SessionUser` guard for protected routes. The words
//! the pages show for each answer live in the message table (`sessions.arrival.*` in
//! `templates/locales/en/messages.ftl`).

use rocket::http::{Cookie, CookieJar, SameSite, Status};
use rocket::outcome::{try_outcome, IntoOutcome};
use rocket::request::{FromRequest, Outcome};
use rocket::{Request, State};
use time::{Duration, OffsetDateTime};

use super::store::{SessionId, SessionStore, SessionView};
use super::url_id::UrlId;
use super::CREDENTIAL;
use crate::auth::arrival::{Arrival, Reason};
use crate::challenges::Learner;
use crate::config::AppConfig;
use crate::labs::credential::{CookieRefusal, LabCookies};
use crate::labs::switches::SessionSwitches;

/// Why a `sid` cookie was refused: it failed authenticated decryption (edited, or encrypted
/// under another `secret_key`). It is ignored, never trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Undecryptable;

impl Reason for Undecryptable {
    fn code(&self) -> &'static str {
        "undecryptable"
    }
}

/// What arrived in the `sid` cookie. Absent: a first visit, or the browser dropped it (a
/// browser-session cookie dies when the browser closes). Rejected: it did not decrypt, or two
/// `sid` cookies arrived (tossed). Accepted: it decrypted, so this server wrote it; the store
/// decides whether the session is still live.
pub type SessionCookie = Arrival<SessionId, CookieRefusal<Undecryptable>>;

impl SessionCookie {
    pub fn read(cookies: &LabCookies<'_>) -> SessionCookie {
        cookies.read(CREDENTIAL, |jar, name| {
            jar.get_private(name)
                .and_then(|cookie| SessionId::parse(cookie.value()))
                .map_or(Arrival::Rejected(Undecryptable), Arrival::Accepted)
        })
    }

    /// The session id it carried, when it decrypted.
    pub fn id(&self) -> Option<SessionId> {
        self.accepted().copied()
    }
}

/// How the session cookie is sent. `max_age: None` is a browser-session cookie (what
/// express-session sends when `cookie.maxAge` is unset); `Some` makes it persistent, e.g. for
/// a "remember me" login.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionCookieOptions {
    /// The `cookie_secure` setting: the `__Host-sid` name with `Path=/`, which the reader uses
    /// too, so leave it as `from_config` sets it.
    pub secure: bool,
    pub max_age: Option<Duration>,
    /// `HttpOnly` (express-session's `cookie.httpOnly`; the `http_only` switch).
    pub http_only: bool,
    /// The `Secure` attribute (express-session's `cookie.secure`; the `secure` switch).
    pub secure_attribute: bool,
}

impl SessionCookieOptions {
    /// The lab's default: a browser-session `HttpOnly` cookie, `Secure` when `cookie_secure`
    /// is set.
    pub fn from_config(config: &AppConfig) -> SessionCookieOptions {
        SessionCookieOptions {
            secure: config.cookies.secure,
            max_age: None,
            http_only: true,
            secure_attribute: config.cookies.secure,
        }
    }

    /// As this browser's experiment switches ask (their defaults give `from_config`).
    ///
    /// The cookie's *name* still follows `cookie_secure` only: the reader and the removal must
    /// agree on one name for every browser, and a name that followed a per-browser switch would
    /// leave the old cookie behind under the other name. So with `cookie_secure` on and the
    /// `secure` switch off the browser receives `__Host-sid` without `Secure`, and refuses it
    /// (a `__Host-` cookie must be `Secure`): the lab then starts over on every visit, which is
    /// what a missing `Secure` costs on an HTTPS site with that prefix.
    pub fn of(config: &AppConfig, switches: &SessionSwitches) -> SessionCookieOptions {
        SessionCookieOptions {
            max_age: switches.max_age,
            http_only: switches.http_only,
            secure_attribute: switches.secure,
            ..SessionCookieOptions::from_config(config)
        }
    }
}

/// The session cookie carrying `value` (the encrypted id, or the id before encryption).
fn session_cookie(value: String, options: SessionCookieOptions) -> Cookie<'static> {
    // Plain `sid` with `Path=/labs/sessions`, so other labs never see the id; with
    // `cookie_secure` (`options.secure`), `__Host-sid` with `Path=/`, which no other host or
    // path can plant a copy of (cookie tossing).
    let mut cookie = CREDENTIAL.build(options.secure, value);
    // `Some(false)`, not `None`, when off: Rocket fills in an unset `HttpOnly` (and, under TLS,
    // `Secure`) by itself, and the switch must be able to turn them off.
    cookie.set_secure(options.secure_attribute);
    // `document.cookie` cannot read it, so an XSS bug cannot steal the session that way (this
    // lab's inspector prints it into the page anyway, for teaching: a real app never does).
    cookie.set_http_only(options.http_only);
    // Lax: a link from another site still arrives logged in, but a cross-site form POST
    // (a forged logout) arrives without the cookie. It cannot stop a forged *login*, which
    // needs no cookie: the same-origin guard (src/site/origin.rs) refuses that.
    cookie.set_same_site(SameSite::Lax);
    cookie.set_expires(None::<OffsetDateTime>);
    // `Max-Age` alone (no `Expires`): RFC 6265 §5.3 lets it win, and a relative lifetime does
    // not depend on the browser's clock.
    if let Some(max_age) = options.max_age {
        cookie.set_max_age(max_age);
    }
    cookie
}

/// Sends the session id to the browser. Rocket's `add_private` encrypts and authenticates
/// the value (AES-256-GCM under `secret_key`) and would default to a one-week `Expires`;
/// `session_cookie` asks for a browser-session cookie instead, unless `options.max_age` says
/// otherwise.
pub fn set_session_cookie(jar: &CookieJar<'_>, id: SessionId, options: SessionCookieOptions) {
    jar.add_private(session_cookie(id.to_string(), options));
}

/// Sends the session cookie the browser holds back to it unchanged (the same ciphertext) with
/// `options`' attributes, so a changed switch applies at once rather than at the next login.
pub fn resend_session_cookie(jar: &CookieJar<'_>, options: SessionCookieOptions) {
    let name = CREDENTIAL.name(options.secure);
    if let Some(value) = jar.get(name).map(|c| c.value().to_string()) {
        jar.add(session_cookie(value, options));
    }
}

/// Removes the cookie; the removal must name the same name and `Path` the cookie was set with
/// (`secure` is `cookie_secure`).
pub fn remove_session_cookie(jar: &CookieJar<'_>, secure: bool) {
    jar.remove_private(CREDENTIAL.removal(secure));
}

/// A logged-in user, authenticated by a live server-side session (named by the cookie, or by
/// the URL when `accept_url_id` planted one). Forwards (so a `rank = 2` route can redirect to
/// the login page) when there is none; fails with 503 when the store does not answer.
pub struct SessionUser {
    pub username: String,
    pub session: SessionView,
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for SessionUser {
    type Error = ();

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let store = try_outcome!(request.guard::<&State<SessionStore>>().await);
        // A session planted from the URL (`accept_url_id`) is this request's session.
        let planted = match request.guard::<UrlId>().await {
            Outcome::Success(url) => url.planted(),
            _ => None,
        };
        let cookies = LabCookies::of(request);
        let Some(id) = planted.or_else(|| SessionCookie::read(&cookies).id()) else {
            return Outcome::Forward(Status::Unauthorized);
        };
        // A store that does not answer is a 503 (the catcher's page), not a redirect to login.
        let Ok(session) = store.get(&id, OffsetDateTime::now_utc()).await else {
            return Outcome::Error((Status::ServiceUnavailable, ()));
        };
        let logged_in = session.as_ref().is_some_and(|s| s.user.is_some());
        if let Outcome::Success(learner) = request.guard::<Learner<'_>>().await {
            learner.saw_session(&id, logged_in);
        }
        session
            .and_then(|session| {
                let username = session.user.clone()?;
                Some(SessionUser { username, session })
            })
            .or_forward(Status::Unauthorized)
    }
}
