//! The cookies lab: the state *is* the cookie. Three counters show who can read and who can
//! change a cookie (plain, signed, private); a builder sets any cookie with any attribute; the
//! login keeps who logged in, and until when, in a private cookie (`ticket.rs`): a client-side
//! session with no server state.
//!
//! Rust keeps codes and data; the words are in `templates/labs/cookies/` and in the message
//! table `templates/locales/en/messages.ftl` under `[cookies…]`.

pub mod builder;
pub(crate) mod cookie;
pub(crate) mod counters;
mod forgery;
pub(crate) mod login;
pub(crate) mod notice;
pub(crate) mod received;
pub mod signed;
pub(crate) mod ticket;

use rocket::fairing::AdHoc;
use rocket::http::uri::Origin;

use crate::config::AppConfig;
use signed::CookieSigner;

pub const BASE: &str = "/labs/cookies";
/// This lab's slug: its templates folder and its prefix in route names.
pub const LAB: &str = "cookies";

/// A route of this lab where it is mounted: `mounted(uri!(login::me))` is `/labs/cookies/me`.
pub(crate) fn mounted(route: Origin<'_>) -> String {
    match route.path().as_str() {
        "/" => BASE.to_string(),
        path => format!("{BASE}{path}"),
    }
}

/// The signer (keys from the configuration) and the routes.
pub fn stage() -> AdHoc {
    AdHoc::on_ignite("Cookies lab", |rocket| async {
        // Without a configuration the launch has already failed; mount nothing.
        let config = rocket.state::<AppConfig>();
        let Some(signer) = config.and_then(|c| CookieSigner::new(c.cookie_signing_keys.clone()))
        else {
            return rocket;
        };
        let routes = [counters::routes(), login::routes(), builder::routes()].concat();
        rocket.manage(signer).mount(BASE, routes)
    })
}
