//! The attacker site's pages: the list of attacks and one page per attack.

use crate::site::view::{context, Template};
use rocket::http::Status;
use rocket::request::{FromRequest, Outcome};
use rocket::{catch, catchers, get, routes, Catcher, Request, Route, State};
use serde::Serialize;

use rocket::response::Redirect;
use rocket::Config;

use super::attacks::{self, Attack, ATTACKS};
use super::reports::{Report, Reports};
use super::{theft, LabsOrigin};
use crate::labs::cross_site::log::TraceId;
use crate::labs::cross_site::TRACE_PARAM;
use crate::site::inspector::HumanTime;

/// Which of its two names the browser used: `localhost` is another site than the labs'
/// `127.0.0.1`; `127.0.0.1` is the same site on another port (another origin only).
#[derive(Debug, Clone, Serialize)]
struct Here {
    origin: String,
    same_site: bool,
    /// The other name of this site, for the "try the other variant" link.
    other: String,
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for Here {
    type Error = ();

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, ()> {
        let port = request.rocket().config().port;
        let same_site = request
            .host()
            .is_some_and(|host| host.domain().as_str() == "127.0.0.1");
        let (this, other) = if same_site {
            ("127.0.0.1", "localhost")
        } else {
            ("localhost", "127.0.0.1")
        };
        Outcome::Success(Here {
            origin: format!("http://{this}:{port}"),
            same_site,
            other: format!("http://{other}:{port}"),
        })
    }
}

/// The labs' log id this learner came with (`?trace=`, from a lab's "Attack this lab from
/// another site"), passed along in every link and forged request; malformed ones are dropped.
fn trace_id(trace: Option<&str>) -> Option<String> {
    trace
        .and_then(TraceId::parse)
        .map(|id| id.as_str().to_string())
}

/// What this learner's attacks could read back, newest first, with readable times.
fn read_back(reports: &Reports, trace: Option<&str>) -> Vec<ReportRow> {
    let now = time::OffsetDateTime::now_utc();
    trace
        .and_then(TraceId::parse)
        .map(|id| reports.entries(&id))
        .unwrap_or_default()
        .into_iter()
        .map(|report| ReportRow {
            when: HumanTime::of_unix(report.at, now),
            report,
        })
        .collect()
}

#[derive(Serialize)]
struct ReportRow {
    when: HumanTime,
    #[serde(flatten)]
    report: Report,
}

#[get("/?<trace>")]
fn home(
    here: Here,
    labs: &State<LabsOrigin>,
    reports: &State<Reports>,
    trace: Option<&str>,
) -> Template {
    Template::render(
        "attacker/home",
        context! {
            here,
            labs: &labs.0,
            attacks: &ATTACKS,
            read_back: read_back(reports, trace),
            trace: trace_id(trace),
        },
    )
}

/// One attack, aimed at `lab` (default: the first it can aim at). An unknown attack or a lab
/// it cannot aim at is a 404 page listing the real ones.
#[get("/attacks/<id>?<lab>&<trace>")]
fn attack(
    id: &str,
    lab: Option<&str>,
    trace: Option<&str>,
    here: Here,
    labs: &State<LabsOrigin>,
    reports: &State<Reports>,
) -> Result<Template, Status> {
    let attack = attacks::find(id).ok_or(Status::NotFound)?;
    let lab = match lab {
        None => attack.labs[0],
        Some(lab) => *attack
            .labs
            .iter()
            .find(|known| **known == lab)
            .ok_or(Status::NotFound)?,
    };
    Ok(page(attack, lab, trace, here, labs, reports))
}

/// One attack's page, aimed at `lab`.
fn page(
    attack: &Attack,
    lab: &str,
    trace: Option<&str>,
    here: Here,
    labs: &LabsOrigin,
    reports: &Reports,
) -> Template {
    let (path, fields) = attacks::request_for(attack, lab);
    let read_back: Vec<ReportRow> = read_back(reports, trace)
        .into_iter()
        .filter(|row| row.report.attack == attack.id)
        .collect();
    let trace = trace_id(trace);
    let tag = match &trace {
        Some(id) => format!("?{TRACE_PARAM}={id}"),
        None => String::new(),
    };
    Template::render(
        format!("attacker/attacks/{}", attack.id),
        context! {
            here,
            labs: &labs.0,
            attack,
            lab,
            target: format!("{}{path}{tag}", labs.0),
            fields,
            read_back,
            trace,
        },
    )
}

/// The cookie theft's page lives under the sessions lab's path on the labs' own host name
/// (see `theft.rs`): the list's link lands here and is sent there.
#[get("/attacks/steal-cookie?<trace>")]
fn steal_cookie_elsewhere(trace: Option<&str>, rocket: &Config) -> Redirect {
    let tag = trace_id(trace)
        .map(|id| format!("?{TRACE_PARAM}={id}"))
        .unwrap_or_default();
    Redirect::to(format!(
        "http://127.0.0.1:{}{STEAL_COOKIE}{tag}",
        rocket.port
    ))
}

/// Where the steal-cookie page is: under the sessions lab's cookie path.
const STEAL_COOKIE: &str = "/labs/sessions/steal-cookie";

#[get("/labs/sessions/steal-cookie?<trace>")]
fn steal_cookie(
    trace: Option<&str>,
    here: Here,
    labs: &State<LabsOrigin>,
    reports: &State<Reports>,
) -> Result<Template, Status> {
    let attack = attacks::find(theft::ATTACK).ok_or(Status::NotFound)?;
    Ok(page(attack, "sessions", trace, here, labs, reports))
}

pub fn routes() -> Vec<Route> {
    routes![
        home,
        attack,
        steal_cookie_elsewhere,
        steal_cookie,
        super::reports::receive,
        super::reports::not_json,
        theft::receive
    ]
}

#[catch(default)]
fn any_error(status: Status, request: &Request<'_>) -> Template {
    let labs = request.rocket().state::<LabsOrigin>().map(|l| l.0.clone());
    Template::render(
        "attacker/error",
        context! { code: status.code, labs, attacks: &ATTACKS },
    )
}

pub fn catchers() -> Vec<Catcher> {
    catchers![any_error]
}
