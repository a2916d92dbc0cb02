//! The cookie login, after Rocket's `examples/cookies/src/session.rs`: the username itself,
//! encrypted, in the `user` cookie. The server keeps no record of the login, so there is
//! nothing for logout to revoke. Page words: `templates/labs/cookies/{login,me}.html.tera`.

use rocket::form::Form;
use rocket::http::{CookieJar, Status};
use rocket::outcome::IntoOutcome;
use rocket::request::{FromRequest, Outcome};
use rocket::response::Redirect;
use rocket::{get, post, routes, uri, Request, Route, State};
use rocket_dyn_templates::{context, Template};

use super::cookie::{self, LOGIN_CREDENTIAL};
use super::notice::{LabNotice, LOGGED_IN, LOGGED_OUT};
use super::{counters, mounted, LAB};
use crate::auth::login::{authenticate, login_page, LoginForm};
use crate::auth::users::UserDirectory;
use crate::config::AppConfig;
use crate::labs::credential::LabCookies;
use crate::site::flash::Flashed;
use crate::site::flash::Notice;
use crate::site::inspector::SentHeaders;
use crate::site::origin::SameOrigin;

pub fn routes() -> Vec<Route> {
    routes![login_form, login, me, me_anonymous, logout]
}

/// A user authenticated by this lab's private login cookie. Forwards (so a `rank = 2` route
/// can redirect to the login page) when there is none or it does not decrypt.
pub struct CookieUser {
    pub username: String,
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for CookieUser {
    type Error = std::convert::Infallible;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        cookie::read_login(&LabCookies::of(request))
            .into_accepted()
            .map(|username| CookieUser { username })
            .or_forward(Status::Unauthorized)
    }
}

#[get("/login")]
pub fn login_form() -> Template {
    login_page(LAB, "", false, ())
}

/// Checks the password, then puts the username itself, encrypted, in a cookie.
#[post("/login", data = "<form>")]
pub async fn login(
    _same_origin: SameOrigin,
    form: Form<LoginForm>,
    jar: &CookieJar<'_>,
    users: &State<UserDirectory>,
    config: &State<AppConfig>,
) -> Result<Flashed<Redirect>, Template> {
    let username = authenticate(LAB, &form, users).await?;
    cookie::set_login(jar, &username, config.cookies.secure);
    Ok(Flashed::success(Redirect::to(mounted(uri!(me))), LOGGED_IN))
}

#[get("/me")]
pub fn me(
    user: CookieUser,
    cookies: LabCookies<'_>,
    flash: Option<Notice>,
    sent: SentHeaders,
) -> Template {
    Template::render(
        "labs/cookies/me",
        context! {
            section: LAB,
            notice: flash.and_then(LabNotice::from_flash),
            user: &user.username,
            login_cookie: LOGIN_CREDENTIAL.name(cookies.secure),
            login: cookie::read_login(&cookies).view(),
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
