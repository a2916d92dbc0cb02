//! The token cookie: reading it (absent / rejected(why) / accepted, as every lab's credential
//! reader answers), writing and removing it, and the `JwtCookieUser` guard for protected
//! routes. The words for each answer live in the message table (`jwt_cookie.arrival.*`,
//! `jwt.rejection.*` in `templates/messages/en.toml`).

use rocket::http::{Cookie, CookieJar, SameSite, Status};
use rocket::outcome::{try_outcome, IntoOutcome};
use rocket::request::{FromRequest, Outcome};
use rocket::{Request, State};

use super::{BASE, COOKIE};
use crate::auth::arrival::Arrival;
use crate::auth::jwt::{Audience, Claims, JwtKeys, Rejection};

/// A token this server signed for this lab, unexpired, and what it says.
#[derive(Debug, Clone)]
pub struct VerifiedToken {
    pub token: String,
    pub claims: Claims,
}

/// What arrived in the `jwt` cookie. Absent: a first visit, after logout, or the cookie
/// expired with its token. Rejected: it failed verification, and exactly why; it is ignored,
/// never trusted.
pub type TokenCookie = Arrival<VerifiedToken, Rejection>;

impl TokenCookie {
    pub fn read(jar: &CookieJar<'_>, keys: &JwtKeys) -> TokenCookie {
        let Some(cookie) = jar.get(COOKIE) else {
            return Arrival::Absent;
        };
        let token = cookie.value();
        match keys.verify(token, Audience::JwtCookie) {
            Ok(claims) => Arrival::Accepted(VerifiedToken {
                token: token.to_string(),
                claims,
            }),
            Err(rejection) => Arrival::Rejected(rejection),
        }
    }

    pub fn claims(&self) -> Option<&Claims> {
        self.accepted().map(|verified| &verified.claims)
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
    type Error = ();

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let keys = try_outcome!(request.guard::<&State<JwtKeys>>().await);
        TokenCookie::read(request.cookies(), keys)
            .into_accepted()
            .and_then(|VerifiedToken { token, claims }| {
                // A guest token proves a visitor, not a user.
                let username = claims.username()?.to_string();
                Some(JwtCookieUser {
                    username,
                    token,
                    claims,
                })
            })
            .or_forward(Status::Unauthorized)
    }
}
