//! The cookie login, after Rocket's `examples/cookies/src/session.rs`: the username, the
//! account's id, the issue time and the expiry, encrypted, in the `user` cookie (`ticket.rs`).
//! The server keeps no record of the login, so there is nothing for logout to revoke: a copy
//! works until it expires. Page words: `templates/labs/cookies/{login,me}.html.tera`.

use crate::site::view::{context, Template};
use rocket::form::Form;
use rocket::http::{CookieJar, Status};
use rocket::outcome::{try_outcome, IntoOutcome};
use rocket::request::{FromRequest, Outcome};
use rocket::response::Redirect;
use rocket::{get, post, routes, uri, Request, Route, State};
use serde::Serialize;
use time::OffsetDateTime;

use super::cookie::{self, LoginArrival, LOGIN_CREDENTIAL};
use super::notice::{LabNotice, LOGGED_IN, LOGGED_OUT};
use super::ticket::LoginTicket;
use super::{counters, mounted, LAB};
use crate::auth::arrival::Arrival;
use crate::auth::login::{authenticate, login_page, LoginForm};
use crate::auth::users::UserDirectory;
use crate::challenges::Learner;
use crate::config::AppConfig;
use crate::labs::credential::LabCookies;
use crate::site::flash::Flashed;
use crate::site::flash::Notice;
use crate::site::inspector::{HumanTime, SentHeaders};
use crate::site::origin::SameOrigin;

pub fn routes() -> Vec<Route> {
    routes![login_form, login, me, me_anonymous, logout]
}

/// A user authenticated by this lab's private login cookie. Forwards (so a `rank = 2` route
/// can redirect to the login page) when there is none, or it is refused (see `read_login`).
pub struct CookieUser {
    pub username: String,
    pub ticket: LoginTicket,
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for CookieUser {
    type Error = ();

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let users = try_outcome!(request.guard::<&State<UserDirectory>>().await);
        cookie::read_login(&LabCookies::of(request), users, OffsetDateTime::now_utc())
            .into_accepted()
            .map(|ticket| CookieUser {
                username: ticket.user.clone(),
                ticket,
            })
            .or_forward(Status::Unauthorized)
    }
}

/// A login as the pages show it: whose account, issued and expiring when.
#[derive(Debug, Clone, Serialize)]
pub struct LoginDetails {
    pub account: String,
    pub issued: HumanTime,
    pub expires: HumanTime,
}

impl LoginDetails {
    pub fn new(ticket: &LoginTicket, now: OffsetDateTime) -> LoginDetails {
        LoginDetails {
            account: ticket.account.clone(),
            issued: HumanTime::new(ticket.issued(), now),
            expires: HumanTime::new(ticket.expires(), now),
        }
    }
}

#[get("/login")]
pub fn login_form() -> Template {
    login_page(LAB, "", false, ())
}

/// Checks the password, then puts the login (who, which account, until when), encrypted, in
/// a cookie.
#[post("/login", data = "<form>")]
pub async fn login(
    _same_origin: SameOrigin,
    form: Form<LoginForm>,
    jar: &CookieJar<'_>,
    users: &State<UserDirectory>,
    config: &State<AppConfig>,
    learner: Learner<'_>,
) -> Result<Flashed<Redirect>, Template> {
    let username = authenticate(LAB, &form, users).await?;
    learner.signed_in(&username);
    // Accounts are never deleted while the server runs, so the one just checked is there.
    let Some(account) = users.account_id(&username) else {
        return Err(login_page(LAB, &username, true, ()));
    };
    let lifetime = config.cookies.login_lifetime.duration();
    let ticket = LoginTicket::issue(&username, &account, OffsetDateTime::now_utc(), lifetime);
    cookie::set_login(jar, &ticket, config.cookies.secure);
    Ok(Flashed::success(Redirect::to(mounted(uri!(me))), LOGGED_IN))
}

#[get("/me")]
pub fn me(
    user: CookieUser,
    cookies: LabCookies<'_>,
    flash: Option<Notice>,
    sent: SentHeaders,
) -> Template {
    let now = OffsetDateTime::now_utc();
    let details = LoginDetails::new(&user.ticket, now);
    // The login cookie as the guard judged it (accepted, or this page would not be shown),
    // not decrypted and checked a second time.
    let login: LoginArrival = Arrival::Accepted(user.ticket);
    Template::render(
        "labs/cookies/me",
        context! {
            section: LAB,
            notice: flash.and_then(LabNotice::from_flash),
            user: &user.username,
            login_cookie: LOGIN_CREDENTIAL.name(cookies.secure),
            login: login.view(),
            details,
            sent,
        },
    )
}

/// No login cookie, or one that fails decryption: go and log in.
#[get("/me", rank = 2)]
pub fn me_anonymous() -> Redirect {
    Redirect::to(mounted(uri!(login_form)))
}

/// Asks the browser to drop the login cookie. That is all logout can do here: the server has
/// nothing to delete, so a copy of the cookie taken earlier keeps working.
#[post("/logout")]
pub fn logout(_same_origin: SameOrigin, cookies: LabCookies<'_>) -> Flashed<Redirect> {
    cookie::remove_login(cookies.jar, cookies.secure);
    Flashed::success(Redirect::to(mounted(uri!(counters::index))), LOGGED_OUT)
}
