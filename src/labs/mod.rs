//! The labs: the same visit counter and login flow, four mechanisms. Each lab's one-line
//! summary for the home page is in the message table (`labs.<slug>.summary`).

pub mod cookies;
pub mod credential;
pub mod cross_site;
pub(crate) mod jwt_cookie;
pub(crate) mod jwt_header;
pub mod jwt_view;
pub mod sessions;
pub mod switches;

use rocket::{Build, Rocket};
use serde::Serialize;

use credential::CredentialCookie;

/// One lab as the home page and navigation list it.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct LabInfo {
    pub slug: &'static str,
    pub title: &'static str,
    pub path: &'static str,
    /// The route (for `url(to=…)`) of the page where this lab's login form is.
    pub login_route: &'static str,
    /// The cookie that carries this lab's credential, read through [`credential::LabCookies`],
    /// which refuses a name the browser sent twice (none: the header lab's token travels in
    /// `Authorization`).
    #[serde(skip)]
    pub credential: Option<CredentialCookie>,
}

pub const LABS: [LabInfo; 4] = [
    LabInfo {
        slug: "sessions",
        title: "Sessions",
        path: sessions::BASE,
        login_route: "sessions.login_form",
        credential: Some(sessions::CREDENTIAL),
    },
    LabInfo {
        slug: "cookies",
        title: "Cookies",
        path: cookies::BASE,
        login_route: "cookies.login_form",
        credential: Some(cookies::cookie::LOGIN_CREDENTIAL),
    },
    LabInfo {
        slug: "jwt-cookie",
        title: "JWT in a cookie",
        path: jwt_cookie::BASE,
        login_route: "jwt-cookie.login_form",
        credential: Some(jwt_cookie::CREDENTIAL),
    },
    LabInfo {
        slug: "jwt-header",
        title: "JWT in a header",
        path: jwt_header::BASE,
        login_route: "jwt-header.index",
        credential: None,
    },
];

/// Every cookie name a lab (or the site) relies on. The cookie builder refuses to set or remove
/// them, with or without a `__Host-`/`__Secure-` prefix (so the `cookie_secure` names of the
/// credentials too): on a shared origin, a page that plants a cookie under a lab's name can
/// swap the learner into someone else's session or log them out (cookie tossing).
pub const OWNED_COOKIES: [&str; 13] = [
    sessions::CREDENTIAL.name,
    cookies::cookie::PLAIN,
    cookies::cookie::SIGNED,
    cookies::cookie::PRIVATE,
    cookies::cookie::NOTE,
    cookies::cookie::LOGIN_CREDENTIAL.name,
    jwt_cookie::CREDENTIAL.name,
    crate::site::flash::FLASH_COOKIE,
    cross_site::TRACE_COOKIE,
    cross_site::same_site::CHOICE_COOKIE,
    switches::COOKIE,
    crate::challenges::LEARNER_COOKIE,
    crate::site::lang::COOKIE,
];

/// Mounts every lab.
pub fn stage(rocket: Rocket<Build>) -> Rocket<Build> {
    rocket
        .attach(sessions::stage())
        .attach(cookies::stage())
        .attach(jwt_cookie::stage())
        .attach(jwt_header::stage())
        .attach(cross_site::stage())
        .attach(switches::stage())
}
