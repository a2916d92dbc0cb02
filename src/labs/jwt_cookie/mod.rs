//! JWT in a cookie: the state is a signed token the browser carries in an `HttpOnly` cookie.
//!
//! The server keeps nothing. Every visit verifies the token, then signs a new one with
//! `visits + 1`. Logout can only ask the browser to forget the token: a copy taken before
//! logout keeps working until its `exp`, because there is no server state to revoke.

pub mod guard;

use rocket::fairing::AdHoc;
use rocket::form::Form;
use rocket::http::CookieJar;
use rocket::response::{Flash, Redirect};
use rocket::{get, post, routes, State};
use rocket_dyn_templates::{context, Template};
use time::OffsetDateTime;

use crate::auth::jwt::{Audience, JwtKeys};
use crate::auth::users::demo_accounts;
use crate::auth::users::UserDirectory;
use crate::auth::{LoginForm, INVALID_LOGIN};
use crate::config::AppConfig;
use crate::labs::jwt_view::TokenView;
use crate::site::error::AppError;
use crate::site::flash::Notice;
use crate::site::inspector::{relative, HumanTime, SentHeaders};
use guard::{remove_token_cookie, set_token_cookie, JwtCookieUser, TokenCookie};

pub const BASE: &str = "/labs/jwt-cookie";
/// The cookie that carries the token.
pub const COOKIE: &str = "jwt";

pub fn stage() -> AdHoc {
    AdHoc::on_ignite("JWT-in-a-cookie lab", |rocket| async {
        rocket.mount(
            BASE,
            routes![index, login_form, login, me, me_anonymous, logout],
        )
    })
}

/// What the inspector says about the token that arrived.
fn arrived_summary(arrived: &TokenCookie) -> (&'static str, String) {
    match arrived {
        TokenCookie::Absent => (
            "absent",
            "No jwt cookie arrived (a first visit, after logout, or it expired with its token), so the server signed a guest token with visits 1.".into(),
        ),
        TokenCookie::Refused(rejection) => (
            "refused",
            format!("{} The server ignored it and signed a new guest token with visits 1.", rejection.reason()),
        ),
        TokenCookie::Valid { claims, .. } => (
            "valid",
            format!(
                "Valid: signed with this server's secret, for this lab, expires {}. The server read visits {} from it and signed a new token with visits {}.",
                relative(claims.exp - OffsetDateTime::now_utc().unix_timestamp()),
                claims.visits,
                claims.visits.saturating_add(1)
            ),
        ),
    }
}

/// Verifies the token that arrived and re-issues it with `visits + 1`; anything else (no
/// cookie, a refused token) starts a guest token at 1.
#[get("/")]
fn index(
    jar: &CookieJar<'_>,
    keys: &State<JwtKeys>,
    config: &State<AppConfig>,
    sent: SentHeaders,
    flash: Option<Notice>,
) -> Result<Template, AppError> {
    let now = OffsetDateTime::now_utc();
    let arrived = TokenCookie::read(jar, keys);
    let issued = match arrived.claims() {
        Some(claims) => keys.reissue(claims, claims.visits.saturating_add(1)),
        None => keys.issue(Audience::JwtCookie, None, 1),
    }
    .map_err(|_| AppError::internal())?;
    let (arrived_state, arrived_reason) = arrived_summary(&arrived);
    let arrived_claims = arrived.claims().cloned();
    let token = TokenView::of_issued(&issued.token, &issued.claims, now);
    set_token_cookie(jar, issued.token.clone(), keys, config.cookies.secure);
    Ok(Template::render(
        "labs/jwt-cookie/index",
        context! {
            section: "jwt-cookie",
            flash,
            visits: issued.claims.visits,
            user: issued.claims.username(),
            sent,
            cookie_name: COOKIE,
            arrived_state,
            arrived_reason,
            arrived_claims,
            claims: &issued.claims,
            raw_token: &issued.token,
            token,
            expires: HumanTime::new(OffsetDateTime::from_unix_timestamp(issued.claims.exp).unwrap_or(now), now),
            ttl: relative(keys.ttl.whole_seconds()).replace("in ", ""),
            leeway: keys.leeway.whole_seconds(),
        },
    ))
}

fn login_page(error: Option<&str>, username: &str) -> Template {
    Template::render(
        "labs/jwt-cookie/login",
        context! {
            section: "jwt-cookie",
            error,
            username,
            demo_accounts: demo_accounts(),
        },
    )
}

#[get("/login")]
fn login_form() -> Template {
    login_page(None, "")
}

/// Checks the password, then signs a token for the user carrying over the count from the
/// guest token (if a valid one arrived).
#[post("/login", data = "<form>")]
async fn login(
    form: Form<LoginForm>,
    jar: &CookieJar<'_>,
    keys: &State<JwtKeys>,
    config: &State<AppConfig>,
    users: &State<UserDirectory>,
) -> Result<Flash<Redirect>, Result<Template, AppError>> {
    let Some(username) = users.authenticate(&form.username, &form.password).await else {
        return Err(Ok(login_page(Some(INVALID_LOGIN), &form.username)));
    };
    let visits = TokenCookie::read(jar, keys)
        .claims()
        .map_or(0, |claims| claims.visits);
    let issued = keys
        .issue(Audience::JwtCookie, Some(&username), visits)
        .map_err(|_| Err(AppError::internal()))?;
    set_token_cookie(jar, issued.token, keys, config.cookies.secure);
    Ok(Flash::success(
        Redirect::to(format!("{BASE}/me")),
        format!("Logged in as {username}. The server signed a new token whose sub is {username}; your visit count came along in its visits claim."),
    ))
}

#[get("/me")]
fn me(user: JwtCookieUser, flash: Option<Notice>, sent: SentHeaders) -> Template {
    let now = OffsetDateTime::now_utc();
    Template::render(
        "labs/jwt-cookie/me",
        context! {
            section: "jwt-cookie",
            flash,
            user: &user.username,
            claims: &user.claims,
            token: TokenView::of_issued(&user.token, &user.claims, now),
            raw_token: &user.token,
            expires: HumanTime::new(OffsetDateTime::from_unix_timestamp(user.claims.exp).unwrap_or(now), now),
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
/// itself stays valid until `exp`, and a copy of it still works.
#[post("/logout")]
fn logout(jar: &CookieJar<'_>, keys: &State<JwtKeys>) -> Flash<Redirect> {
    let message = match TokenCookie::read(jar, keys).claims() {
        Some(claims) => format!(
            "Logged out: your browser deleted the jwt cookie. But the token itself is still valid until its exp ({}): a copy taken before logout still works. Nothing on the server remembers it, so nothing can revoke it.",
            relative(claims.exp - OffsetDateTime::now_utc().unix_timestamp())
        ),
        None => "There was no valid token to log out of; the cookie is gone anyway.".into(),
    };
    remove_token_cookie(jar);
    Flash::success(Redirect::to(BASE), message)
}
