//! Reading the session cookie, and the `SessionUser` guard for protected routes.

use rocket::http::{Cookie, CookieJar, SameSite, Status};
use rocket::request::{FromRequest, Outcome};
use rocket::{Request, State};
use time::OffsetDateTime;

use super::store::{SessionId, SessionStore, SessionView};
use super::{BASE, COOKIE};

/// What arrived in the `sid` cookie.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionCookie {
    /// No cookie: a first visit, or the browser dropped it (a browser-session cookie dies
    /// when the browser closes).
    Absent,
    /// A cookie that fails authenticated decryption: edited, or encrypted under another
    /// `secret_key`. It is ignored, never trusted.
    Undecryptable,
    /// It decrypted, so this server wrote it; the store decides whether it is still live.
    Present(SessionId),
}

impl SessionCookie {
    pub fn read(jar: &CookieJar<'_>) -> SessionCookie {
        if jar.get(COOKIE).is_none() {
            return SessionCookie::Absent;
        }
        jar.get_private(COOKIE)
            .and_then(|cookie| SessionId::parse(cookie.value()))
            .map_or(SessionCookie::Undecryptable, SessionCookie::Present)
    }

    pub fn id(self) -> Option<SessionId> {
        match self {
            SessionCookie::Present(id) => Some(id),
            _ => None,
        }
    }
}

/// Sends the session id to the browser. Rocket's `add_private` encrypts and authenticates
/// the value (AES-256-GCM under `secret_key`) and would default to a one-week `Expires`;
/// `expires(None)` asks for a browser-session cookie instead, which is what express-session sends when
/// `cookie.maxAge` is unset.
pub fn set_session_cookie(jar: &CookieJar<'_>, id: SessionId, secure: bool) {
    let mut cookie = Cookie::build((COOKIE, id.to_string()))
        // Only this lab's pages receive it: other labs never see the id.
        .path(BASE)
        // Page JavaScript cannot read it, so an XSS bug cannot steal the session.
        .http_only(true)
        // Lax: a link from another site still arrives logged in, but a cross-site form POST
        // (forged login or logout) arrives without the cookie.
        .same_site(SameSite::Lax)
        .expires(None::<time::OffsetDateTime>);
    // HTTPS only when configured (`cookie_secure`); Rocket adds it by itself under its own TLS.
    if secure {
        cookie = cookie.secure(true);
    }
    jar.add_private(cookie);
}

/// Removes the cookie; the removal must name the same `Path` the cookie was set with.
pub fn remove_session_cookie(jar: &CookieJar<'_>) {
    jar.remove_private(Cookie::build(COOKIE).path(BASE));
}

/// A logged-in user, authenticated by a live server-side session. Forwards (so a
/// `rank = 2` route can redirect to the login page) when there is none.
pub struct SessionUser {
    pub username: String,
    pub session: SessionView,
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for SessionUser {
    type Error = std::convert::Infallible;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let Some(id) = SessionCookie::read(request.cookies()).id() else {
            return Outcome::Forward(Status::Unauthorized);
        };
        let Outcome::Success(store) = request.guard::<&State<SessionStore>>().await else {
            return Outcome::Forward(Status::InternalServerError);
        };
        match store.get(&id, OffsetDateTime::now_utc()) {
            Some(session) => match session.user.clone() {
                Some(username) => Outcome::Success(SessionUser { username, session }),
                None => Outcome::Forward(Status::Unauthorized),
            },
            None => Outcome::Forward(Status::Unauthorized),
        }
    }
}
