//! The labs: the same visit counter and login flow, four mechanisms.

pub mod cookies;
pub mod jwt_cookie;
pub mod jwt_header;
pub mod jwt_view;
pub mod sessions;

use rocket::{Build, Rocket};
use serde::Serialize;

/// One lab as the home page and navigation list it.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct LabInfo {
    pub slug: &'static str,
    pub title: &'static str,
    pub path: &'static str,
    pub summary: &'static str,
    /// The route (for `url(to=…)`) of the page where this lab's login form is.
    pub login_route: &'static str,
}

pub const LABS: [LabInfo; 4] = [
    LabInfo {
        slug: "sessions",
        title: "Sessions",
        path: sessions::BASE,
        summary: "A random id in an encrypted cookie; everything else lives in server memory.",
        login_route: "sessions.login_form",
    },
    LabInfo {
        slug: "cookies",
        title: "Cookies",
        path: cookies::BASE,
        summary: "The state is the cookie: plain (editable), signed (tamper-evident) and private (encrypted).",
        login_route: "cookies.login_form",
    },
    LabInfo {
        slug: "jwt-cookie",
        title: "JWT in a cookie",
        path: jwt_cookie::BASE,
        summary: "A signed token carrying its own claims, sent back automatically in an HttpOnly cookie.",
        login_route: "jwt-cookie.login_form",
    },
    LabInfo {
        slug: "jwt-header",
        title: "JWT in a header",
        path: jwt_header::BASE,
        summary: "The same token, kept by page JavaScript and sent as Authorization: Bearer.",
        login_route: "jwt-header.index",
    },
];

/// Mounts every lab.
pub fn stage(rocket: Rocket<Build>) -> Rocket<Build> {
    rocket
        .attach(sessions::stage())
        .attach(cookies::stage())
        .attach(jwt_cookie::stage())
        .attach(jwt_header::stage())
}
