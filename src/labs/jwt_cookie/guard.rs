//! Reading the token cookie, and the `JwtCookieUser` guard for protected routes.

use rocket::http::{Cookie, CookieJar, SameSite, Status};
use rocket::request::{FromRequest, Outcome};
use rocket::{Request, State};

use super::{BASE, COOKIE};
use crate::auth::jwt::{Audience, Claims, JwtKeys, Rejection};

/// What arrived in the `jwt` cookie.
#[derive(Debug, Clone)]
pub enum TokenCookie {
    /// No cookie: a first visit, after logout, or the cookie expired with its token.
    Absent,
    /// A token that failed verification, and exactly why. It is ignored, never trusted.
    Refused(Rejection),
    /// A token this server signed for this lab, unexpired.
    Valid { token: String, claims: Claims },
}

impl TokenCookie {
    pub fn read(jar: &CookieJar<'_>, keys: &JwtKeys) -> TokenCookie {
        let Some(cookie) = jar.get(COOKIE) else {
            return TokenCookie::Absent;
        };
        let token = cookie.value();
        match keys.verify(token, Audience::JwtCookie) {
            Ok(claims) => TokenCookie::Valid {
                token: token.to_string(),
                claims,
            },
            Err(rejection) => TokenCookie::Refused(rejection),
        }
    }

    pub fn claims(&self) -> Option<&Claims> {
        match self {
            TokenCookie::Valid { claims, .. } => Some(claims),
            _ => None,
        }
    }
}

/// Sends the token to the browser. The JWT is already signed, so a plain (not private)
/// cookie is enough: the lesson is that the browser holds readable, tamper-evident state.
pub fn set_token_cookie(jar: &CookieJar<'_>, token: String, keys: &JwtKeys, secure: bool) {
    let mut cookie = Cookie::build((COOKIE, token))
        // Only this lab's pages receive it.
        .path(BASE)
        // Page JavaScript cannot read it: an XSS bug cannot steal the token.
        .http_only(true)
        // Strict: no cross-site request carries it, not even a top-level link, so another
        // site cannot ride it (CSRF). The header lab gets the same protection by never
        // letting the browser send the token on its own.
        .same_site(SameSite::Strict)
        // The cookie lives exactly as long as the token inside it: a browser that kept it
        // longer would only send an expired token.
        .max_age(keys.ttl);
    // HTTPS only when configured (`cookie_secure`): a bearer token must not cross plain HTTP.
    if secure {
        cookie = cookie.secure(true);
    }
    jar.add(cookie);
}

/// Asks the browser to drop the cookie; the removal must name the same `Path`.
pub fn remove_token_cookie(jar: &CookieJar<'_>) {
    jar.remove(Cookie::build(COOKIE).path(BASE));
}

/// A logged-in user, proven by a valid token in the cookie whose `sub` is not a guest.
/// Forwards (so a `rank = 2` route can redirect to the login page) otherwise.
pub struct JwtCookieUser {
    pub username: String,
    pub token: String,
    pub claims: Claims,
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for JwtCookieUser {
    type Error = std::convert::Infallible;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let Outcome::Success(keys) = request.guard::<&State<JwtKeys>>().await else {
            return Outcome::Forward(Status::InternalServerError);
        };
        match TokenCookie::read(request.cookies(), keys) {
            TokenCookie::Valid { token, claims } => match claims.username() {
                Some(name) => Outcome::Success(JwtCookieUser {
                    username: name.to_string(),
                    token,
                    claims,
                }),
                None => Outcome::Forward(Status::Unauthorized),
            },
            _ => Outcome::Forward(Status::Unauthorized),
        }
    }
}
