//! JWT in a cookie: the state is a signed token the browser carries in an `HttpOnly` cookie.
//!
//! The server keeps nothing. Every visit verifies the token, then signs a new one with
//! `visits + 1`, keeping its `auth_time`, until the absolute timeout after that login ends
//! renewal. Logout can only ask the browser to forget the token: a copy taken before logout
//! keeps working until its `exp` (or the absolute timeout), because there is no server state
//! to revoke.
//! The cookie is in `guard.rs`; the pages' words are in `templates/labs/jwt-cookie/` and the
//! message table (`jwt_cookie.*`, `jwt.rejection.*`).

pub mod guard;
mod use_token;

use crate::site::flash::Flashed;
use crate::site::origin::SameOrigin;
use crate::site::view::{context, Template};
use rocket::fairing::AdHoc;
use rocket::form::Form;
use rocket::response::Redirect;
use rocket::{get, post, routes, State};
use time::OffsetDateTime;

use crate::auth::jwt::{views, Claims, JwtKeys, Policy, Rejection};
use crate::auth::login::{authenticate, login_page, LoginForm};
use crate::auth::users::UserDirectory;
use crate::challenges::Learner;
use crate::config::AppConfig;
use crate::labs::credential::{CookieRefusal, CredentialCookie, LabCookies};
use crate::labs::jwt_view::TokenView;
use crate::site::error::AppError;
use crate::site::flash::Notice;
use crate::site::inspector::{span, HumanTime, SentHeaders};
use guard::{remove_token_cookie, set_token_cookie, JwtCookieUser, TokenCookie};

pub const BASE: &str = "/labs/jwt-cookie";
/// This lab's slug: its templates folder and its prefix in route names.
pub const LAB: &str = "jwt-cookie";
/// The cookie that carries the token.
pub const COOKIE: &str = "jwt";
/// The token cookie: `jwt` at this lab's path, or `__Host-jwt` with `cookie_secure`.
pub const CREDENTIAL: CredentialCookie = CredentialCookie {
    name: COOKIE,
    host_name: "__Host-jwt",
    path: BASE,
};

pub fn stage() -> AdHoc {
    AdHoc::on_ignite("JWT-in-a-cookie lab", |rocket| async {
        rocket.mount(
            BASE,
            routes![
                index,
                login_form,
                login,
                me,
                me_anonymous,
                logout,
                use_token::use_token
            ],
        )
    })
}

/// The token cookie as it arrived, for the challenges (which compare a refused copy with logouts).
fn raw_token<'a>(cookies: &'a LabCookies<'_>) -> Option<&'a str> {
    cookies
        .jar
        .get(CREDENTIAL.name(cookies.secure))
        .map(|c| c.value())
}

/// A claim's Unix time, for the page (its `relative` reads "in 14 minutes").
fn human(unix: i64, now: OffsetDateTime) -> HumanTime {
    HumanTime::new(
        OffsetDateTime::from_unix_timestamp(unix).unwrap_or(now),
        now,
    )
}

/// When a token expires.
fn expires(claims: &Claims, now: OffsetDateTime) -> HumanTime {
    human(claims.exp, now)
}

/// Whose token reached the absolute timeout, if the one that arrived did: `user` (who is
/// now logged out) or `guest`; the page says so (`jwt_cookie.flash.absolute_timeout_*`).
fn timed_out(arrived: &TokenCookie) -> Option<&'static str> {
    match arrived {
        TokenCookie::Rejected(CookieRefusal::Invalid(Rejection::AbsoluteTimeout(Some(_)))) => {
            Some("user")
        }
        TokenCookie::Rejected(CookieRefusal::Invalid(Rejection::AbsoluteTimeout(None))) => {
            Some("guest")
        }
        _ => None,
    }
}

/// Verifies the token that arrived and re-issues it with `visits + 1`; anything else (no
/// cookie, a refused token, one past its absolute timeout) starts a guest token at 1. Both
/// under this browser's policy (its switches; the strict one by default).
#[get("/")]
fn index(
    cookies: LabCookies<'_>,
    keys: &State<JwtKeys>,
    policy: Policy,
    config: &State<AppConfig>,
    sent: SentHeaders,
    flash: Option<Notice>,
    learner: Learner<'_>,
) -> Result<Template, AppError> {
    let now = OffsetDateTime::now_utc();
    let arrived = TokenCookie::read_with(&cookies, keys, &policy);
    learner.saw_jwt(raw_token(&cookies), arrived.verdict());
    let issued = match arrived.claims() {
        Some(claims) => keys.reissue_with(&policy, claims, claims.visits.saturating_add(1)),
        None => keys.issue_with(&policy, None, 1),
    }
    .map_err(|_| AppError::internal())?;
    let token = TokenView::of_issued(&issued.token, &issued.claims, now)
        .with_renewal(keys.absolute_timeout, now);
    set_token_cookie(
        cookies.jar,
        issued.token.clone(),
        policy.ttl,
        config.cookies.secure,
    );
    Ok(Template::render(
        "labs/jwt-cookie/index",
        context! {
            section: LAB,
            flash,
            visits: issued.claims.visits,
            user: issued.claims.username(),
            timed_out: timed_out(&arrived),
            absolute_timeout: span(keys.absolute_timeout.unsigned_abs().as_secs()),
            sent,
            cookie_name: CREDENTIAL.name(config.cookies.secure),
            arrived: arrived.view(),
            rejection: arrived.rejection().map(|rejection| rejection.view()),
            arrived_claims: arrived.claims(),
            arrived_expires: arrived.claims().map(|claims| expires(claims, now)),
            decisions: arrived.accepted().map(|token| views(&token.lenient)),
            weak_secret: policy.weak_secret.is_some(),
            claims: &issued.claims,
            raw_token: &issued.token,
            token,
            expires: expires(&issued.claims, now),
            auth_time: human(issued.claims.auth_time, now),
            renewal_ends: human(keys.renewal_ends(&issued.claims), now),
            ttl: span(policy.ttl.unsigned_abs().as_secs()),
            leeway: policy.leeway.whole_seconds(),
        },
    ))
}

#[get("/login")]
fn login_form() -> Template {
    login_page(LAB, "", false, ())
}

/// Checks the password, then signs a token for the user carrying over the count from the
/// guest token (if a valid one arrived).
#[post("/login", data = "<form>")]
// One argument per request guard: each is a thing the login needs from the request or the app.
#[allow(clippy::too_many_arguments)]
async fn login(
    _same_origin: SameOrigin,
    form: Form<LoginForm>,
    cookies: LabCookies<'_>,
    keys: &State<JwtKeys>,
    policy: Policy,
    config: &State<AppConfig>,
    users: &State<UserDirectory>,
    learner: Learner<'_>,
) -> Result<Flashed<Redirect>, Result<Template, AppError>> {
    let username = authenticate(LAB, &form, users).await.map_err(Ok)?;
    learner.signed_in(&username);
    let visits = TokenCookie::read_with(&cookies, keys, &policy)
        .claims()
        .map_or(0, |claims| claims.visits);
    let issued = keys
        .issue_with(&policy, Some(&username), visits)
        .map_err(|_| Err(AppError::internal()))?;
    learner.issued_jwt(&issued.claims);
    set_token_cookie(cookies.jar, issued.token, policy.ttl, config.cookies.secure);
    Ok(Flashed::success(
        Redirect::to(format!("{BASE}/me")),
        "jwt_cookie.flash.logged_in",
    ))
}

#[get("/me")]
fn me(
    user: JwtCookieUser,
    flash: Option<Notice>,
    sent: SentHeaders,
    keys: &State<JwtKeys>,
    learner: Learner<'_>,
) -> Template {
    learner.saw_jwt(Some(&user.token), Some(Ok((&user.claims, &user.lenient))));
    let now = OffsetDateTime::now_utc();
    Template::render(
        "labs/jwt-cookie/me",
        context! {
            section: LAB,
            flash,
            user: &user.username,
            claims: &user.claims,
            token: TokenView::of_issued(&user.token, &user.claims, now)
                .with_renewal(keys.absolute_timeout, now),
            decisions: views(&user.lenient),
            raw_token: &user.token,
            expires: expires(&user.claims, now),
            sent,
        },
    )
}

/// No valid user token (none, a guest token, or a refused one): go and log in.
#[get("/me", rank = 2)]
fn me_anonymous() -> Redirect {
    Redirect::to(format!("{BASE}/login"))
}

/// Asks the browser to delete the cookie. That is all a stateless server can do: the token
/// itself stays valid until `exp` (at most until the absolute timeout), and a copy still works.
#[post("/logout")]
fn logout(
    _same_origin: SameOrigin,
    cookies: LabCookies<'_>,
    keys: &State<JwtKeys>,
    learner: Learner<'_>,
    policy: Policy,
) -> Flashed<Redirect> {
    let arrived = TokenCookie::read_with(&cookies, keys, &policy);
    learner.logged_out_jwt(arrived.claims());
    let message = match arrived.claims() {
        Some(_) => "jwt_cookie.flash.logged_out",
        None => "jwt_cookie.flash.no_token",
    };
    remove_token_cookie(cookies.jar, cookies.secure);
    Flashed::success(Redirect::to(BASE), message)
}
