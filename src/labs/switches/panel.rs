//! The switches panel of each lab: `GET BASE/switches` shows every switch with its default and
//! what turning it off lets an attacker do; `POST BASE/switches` changes the fields it names
//! (the others stay as they are), for this browser only; `POST BASE/switches/reset` puts every
//! switch back to its safe default. These posts pass the same-origin check whatever the
//! `origin_check` switch says: otherwise another site could turn a learner's defences off.

use std::collections::HashMap;

use crate::site::view::{context, Template};
use rocket::form::Form;
use rocket::http::{CookieJar, Status};
use rocket::response::Redirect;
use rocket::{get, post, routes, Route, State};
use serde::Serialize;

use super::{bound_to_loopback, Refusal, Switches};
use crate::config::AppConfig;
use crate::labs::jwt_header::host::RequestHost;
use crate::site::flash::{Flashed, Notice};
use crate::site::origin::StrictSameOrigin;

pub fn routes() -> Vec<Route> {
    routes![switch_panel, switch_change, switch_reset]
}

/// One field the panel could not take, for the page to explain (`switches.problem.<code>`).
#[derive(Debug, Clone, Serialize)]
struct Problem {
    field: String,
    code: &'static str,
}

fn page(
    switches: &Switches,
    host: &RequestHost,
    flash: Option<Notice>,
    problems: &[Problem],
) -> Template {
    Template::render(
        "labs/switches",
        context! {
            section: switches.lab.slug,
            lab: switches.lab,
            switches: switches.views(),
            all_default: switches.all_default(),
            allow_unsafe: switches.allow_unsafe,
            origin: format!("http://{}", host.0),
            flash,
            problems,
        },
    )
}

#[get("/switches")]
fn switch_panel(switches: Switches, host: RequestHost, flash: Option<Notice>) -> Template {
    page(&switches, &host, flash, &[])
}

/// Applies every field of the form, or none: a form with an unknown field or a bad value is
/// refused whole (422), one asking for an unsafe value a teacher forbade is refused (403).
#[post("/switches", data = "<form>")]
fn switch_change(
    _same_origin: StrictSameOrigin,
    mut switches: Switches,
    host: RequestHost,
    form: Form<HashMap<String, String>>,
    jar: &CookieJar<'_>,
    config: &State<AppConfig>,
    rocket: &rocket::Config,
) -> Result<Flashed<Redirect>, Box<(Status, Template)>> {
    let before = switches.clone();
    let mut problems = Vec::new();
    let mut fields: Vec<(&String, &String)> = form.iter().collect();
    // In a fixed order, so the page lists problems as the form does.
    fields.sort();
    for (name, text) in fields {
        let outcome = match switches.spec(name) {
            None => Err(Refusal::Unknown),
            Some(spec) => match spec.parse(text) {
                None => Err(Refusal::BadValue),
                Some(value) => switches.set(name, value),
            },
        };
        if let Err(refusal) = outcome {
            problems.push(Problem {
                field: name.chars().take(64).collect(),
                code: refusal.code(),
            });
        }
    }
    if !problems.is_empty() {
        let status = if problems.iter().all(|p| p.code == "unsafe_not_allowed") {
            Status::Forbidden
        } else {
            Status::UnprocessableEntity
        };
        return Err(Box::new((status, page(&before, &host, None, &problems))));
    }
    switches.save(jar, config, bound_to_loopback(rocket));
    resend_credential(jar, config, &switches);
    Ok(Flashed::success(
        Redirect::to(format!("{}/switches", switches.lab.path)),
        "switches.flash.saved",
    ))
}

/// Every switch back to its safe default.
#[post("/switches/reset")]
fn switch_reset(
    _same_origin: StrictSameOrigin,
    switches: Switches,
    jar: &CookieJar<'_>,
    config: &State<AppConfig>,
    rocket: &rocket::Config,
) -> Flashed<Redirect> {
    let lab = switches.lab;
    if let Some(defaults) = Switches::defaults(lab, config) {
        defaults.save(jar, config, bound_to_loopback(rocket));
        resend_credential(jar, config, &defaults);
    }
    Flashed::success(
        Redirect::to(format!("{}/switches", lab.path)),
        "switches.flash.reset",
    )
}

/// The sessions lab's cookie attributes follow its switches: the cookie goes out again with them.
fn resend_credential(jar: &CookieJar<'_>, config: &AppConfig, switches: &Switches) {
    if switches.lab.slug == crate::labs::sessions::LAB {
        crate::labs::sessions::switches_saved(jar, config, switches);
    }
}

impl Refusal {
    pub fn code(self) -> &'static str {
        match self {
            Refusal::Unknown => "unknown",
            Refusal::BadValue => "bad_value",
            Refusal::UnsafeNotAllowed => "unsafe_not_allowed",
        }
    }
}
