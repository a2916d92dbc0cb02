//! What the challenges learn by watching responses rather than from a handler: which learner a
//! cross-site log belongs to, the forged login from another site (the same-origin guard
//! refuses it before any handler runs), and the "Solved: …" banner on the next page a learner
//! sees after the server noticed a solve.

use crate::site::slots;

use crate::site::view::{context, Template};
use rocket::fairing::{Fairing, Info, Kind};
use rocket::http::{Method, Status};
use rocket::{Request, Response};

use super::board::Outcome;
use super::catalogue::ChallengeId;
use super::learner::{self, now};
use super::store::Challenges;
use crate::labs::cross_site::log::TraceId;
use crate::labs::cross_site::{lab_of, TRACE_COOKIE};
use crate::site::origin;

/// Where a page shows the banner (`templates/base.html.tera` writes it into every page).
pub const BANNER_SLOT: &str = "<!--challenges:announce-->";

/// The fairing.
pub struct Watch;

#[rocket::async_trait]
impl Fairing for Watch {
    fn info(&self) -> Info {
        Info {
            name: "Challenges",
            kind: Kind::Response,
        }
    }

    async fn on_response<'r>(&self, request: &'r Request<'_>, response: &mut Response<'r>) {
        let Some(challenges) = request.rocket().state::<Challenges>() else {
            return;
        };
        bind_trace(request, challenges);
        if let Some(outcome) = forged_login(request, response) {
            if let Some(id) = learner::of_request(request) {
                challenges.saw(&id, ChallengeId::LoginCsrf, outcome, now());
            }
        }
        if crate::site::headers::is_html(response) {
            announce(request, challenges);
        }
    }
}

/// A lab page that carries both the learner's cookie and their cross-site log's cookie ties the
/// log's id to the learner, so the attacker site's `?trace=` requests can be attributed.
fn bind_trace(request: &Request<'_>, challenges: &Challenges) {
    let jar = request.cookies();
    let Some(trace) = jar
        .get(TRACE_COOKIE)
        .and_then(|c| TraceId::parse(c.value()))
    else {
        return;
    };
    if let Some(id) = learner::from_cookie(jar) {
        challenges.bind_trace(trace.as_str(), &id);
    }
}

/// A login another site or origin posted to a lab: refused (403, the same-origin guard) or
/// accepted (the route contract's `303` to `BASE/me`).
fn forged_login(request: &Request<'_>, response: &Response<'_>) -> Option<Outcome> {
    if request.method() != Method::Post {
        return None;
    }
    let path = request.uri().path();
    let lab = lab_of(path.as_str())?;
    lab.credential?;
    if path.as_str() != format!("{}/login", lab.path) {
        return None;
    }
    origin::check(request)?;
    let me = format!("{}/me", lab.path);
    match response.status() {
        Status::Forbidden => Some(Outcome::Refused),
        Status::SeeOther
            if crate::site::headers::first(response.headers(), "Location") == Some(me.as_str()) =>
        {
            Some(Outcome::Succeeded)
        }
        _ => None,
    }
}

/// Fills the page's banner slot with the solves and defences not shown yet, which are then
/// shown: the first page after the server noticed them says so, once.
fn announce(request: &Request<'_>, challenges: &Challenges) {
    let Some(id) = learner::of_request(request) else {
        return;
    };
    if !challenges.has_announcements(&id) {
        return;
    }
    // Taken only when the page has the slot: a page without one leaves them for the next.
    slots::fill(request, BANNER_SLOT, move |request| {
        let announced: Vec<_> = request
            .rocket()
            .state::<Challenges>()?
            .take_announcements(&id)
            .into_iter()
            .map(|(challenge, state)| context! { id: challenge, state })
            .collect();
        Some(
            Template::show(request, "challenges/banner", context! { announced })
                .unwrap_or_default(),
        )
    });
}
