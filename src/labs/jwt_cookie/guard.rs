//! The token cookie: reading it (absent / rejected(why) / accepted, as every lab's credential
//! reader answers; two `jwt` cookies at once are refused as cookie tossing), writing and
//! removing it, and the `JwtCookieUser` guard for protected
//! routes. The words for each answer live in the message table (`jwt_cookie.arrival.*`,
//! `jwt.rejection.*` in `templates/locales/en/messages.ftl`).

use rocket::http::{CookieJar, SameSite, Status};
use rocket::outcome::{try_outcome, IntoOutcome};
use rocket::request::{FromRequest, Outcome};
use rocket::{Request, State};
use time::Duration;

use super::CREDENTIAL;
use crate::auth::arrival::Arrival;
use crate::auth::jwt::{Audience, Claims, JwtKeys, Leniency, Policy, Rejection, Verified};
use crate::challenges::TokenVerdict;
use crate::labs::credential::{CookieRefusal, LabCookies};

/// A token this server signed for this lab, unexpired, and what it says; or, when this
/// browser turned a check off, a token that check would have refused (`lenient` says which).
#[derive(Debug, Clone)]
pub struct VerifiedToken {
    pub token: String,
    pub claims: Claims,
    /// The checks this browser's switches relaxed to accept it (empty by default).
    pub lenient: Vec<Leniency>,
}

/// What arrived in the `jwt` cookie. Absent: a first visit, after logout, or the cookie
/// expired with its token. Rejected: two `jwt` cookies arrived (tossed), or it failed
/// verification, and exactly why; it is ignored, never trusted.
pub type TokenCookie = Arrival<VerifiedToken, CookieRefusal<Rejection>>;

impl TokenCookie {
    /// The cookie, every check on.
    pub fn read(cookies: &LabCookies<'_>, keys: &JwtKeys) -> TokenCookie {
        TokenCookie::read_with(cookies, keys, &Policy::strict(Audience::JwtCookie, keys))
    }

    /// The cookie, checked under this browser's `policy`.
    pub fn read_with(cookies: &LabCookies<'_>, keys: &JwtKeys, policy: &Policy) -> TokenCookie {
        cookies.read(CREDENTIAL, |jar, name| {
            let Some(cookie) = jar.get(name) else {
                return Arrival::Absent;
            };
            let token = cookie.value();
            match keys.verify_with(token, policy) {
                Ok(Verified { claims, lenient }) => Arrival::Accepted(VerifiedToken {
                    token: token.to_string(),
                    claims,
                    lenient,
                }),
                Err(rejection) => Arrival::Rejected(rejection),
            }
        })
    }

    /// Why verification refused the token (`None` when it was tossed, absent or accepted).
    pub fn rejection(&self) -> Option<&Rejection> {
        match self {
            Arrival::Rejected(CookieRefusal::Invalid(rejection)) => Some(rejection),
            _ => None,
        }
    }

    pub fn claims(&self) -> Option<&Claims> {
        self.accepted().map(|verified| &verified.claims)
    }

    /// What the check concluded, for the challenges (`None`: no token was checked).
    pub fn verdict(&self) -> Option<TokenVerdict<'_>> {
        match self {
            Arrival::Accepted(token) => Some(Ok((&token.claims, &token.lenient))),
            _ => self.rejection().map(Err),
        }
    }
}

/// Sends the token to the browser. The JWT is already signed, so a plain (not private)
/// cookie is enough: the lesson is that the browser holds readable, tamper-evident state.
/// `ttl` is the token's lifetime.
pub fn set_token_cookie(jar: &CookieJar<'_>, token: String, ttl: Duration, secure: bool) {
    // `jwt` for this lab's pages only; with `cookie_secure`, `__Host-jwt` with `Secure` (a
    // bearer token must not cross plain HTTP) and `Path=/`, which no other host or path can
    // plant a copy of (cookie tossing).
    let mut cookie = CREDENTIAL.build(secure, token);
    // `document.cookie` cannot read it, so an XSS bug cannot steal the token that way (this
    // lab's pages print it anyway, for teaching: a real app never does).
    cookie.set_http_only(true);
    // Strict: no cross-site request carries it, not even a top-level link, so another
    // site cannot ride it (CSRF). The header lab gets the same protection by never
    // letting the browser send the token on its own.
    cookie.set_same_site(SameSite::Strict);
    // The cookie lives exactly as long as the token inside it: a browser that kept it
    // longer would only send an expired token.
    cookie.set_max_age(ttl);
    jar.add(cookie);
}

/// Asks the browser to drop the cookie; the removal must name the same name and `Path`
/// (`secure` is `cookie_secure`).
pub fn remove_token_cookie(jar: &CookieJar<'_>, secure: bool) {
    jar.remove(CREDENTIAL.removal(secure));
}

/// A logged-in user, proven by a valid token in the cookie whose `sub` is not a guest.
/// Forwards (so a `rank = 2` route can redirect to the login page) otherwise.
pub struct JwtCookieUser {
    pub username: String,
    pub token: String,
    pub claims: Claims,
    /// The checks this browser's switches relaxed to accept the token.
    pub lenient: Vec<Leniency>,
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for JwtCookieUser {
    type Error = ();

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let keys = try_outcome!(request.guard::<&State<JwtKeys>>().await);
        let policy = try_outcome!(request.guard::<Policy>().await);
        let cookies = LabCookies::of(request);
        TokenCookie::read_with(&cookies, keys, &policy)
            .into_accepted()
            .and_then(
                |VerifiedToken {
                     token,
                     claims,
                     lenient,
                 }| {
                    // A guest token proves a visitor, not a user.
                    let username = claims.username()?.to_string();
                    Some(JwtCookieUser {
                        username,
                        token,
                        claims,
                        lenient,
                    })
                },
            )
            .or_forward(Status::Unauthorized)
    }
}
