//! The banner every page of a lab shows while this browser has one of the lab's switches away
//! from its safe default (`id="unsafe-banner"`), naming each switch and its value, with a button
//! that puts them all back. A response fairing writes it into the page's slot, so no page of a
//! lab can forget it, error pages included; a browser without switches costs one cookie lookup.

use crate::site::slots;

use crate::site::view::{context, Template};
use rocket::fairing::{Fairing, Info, Kind};
use rocket::{Request, Response};

use super::COOKIE;
use crate::labs::cross_site::same_site::CHOICE_COOKIE;

/// Where the banner goes; `templates/base.html.tera` writes it at the top of every page.
pub const SLOT: &str = "<!--lab:switches-banner-->";

pub struct Banner;

#[rocket::async_trait]
impl Fairing for Banner {
    fn info(&self) -> Info {
        Info {
            name: "Experiment switches banner",
            kind: Kind::Response,
        }
    }

    async fn on_response<'r>(&self, request: &'r Request<'_>, response: &mut Response<'r>) {
        let jar = request.cookies();
        // Most browsers have changed nothing: no cookie, no work.
        if jar.get(COOKIE).is_none() && jar.get(CHOICE_COOKIE).is_none() {
            return;
        }
        if !crate::site::headers::is_html(response) {
            return;
        }
        slots::fill(request, SLOT, |request| {
            let switches = super::of_request(request)?;
            if switches.all_default() {
                return None;
            }
            let changed: Vec<_> = switches.views().into_iter().filter(|v| v.changed).collect();
            let context = context! { lab: switches.lab, changed };
            Template::show(request, "labs/switches-banner", context)
        });
    }
}
