//! The cross-site log: every lab page shows, in `id="cross-site-log"`, the requests the labs
//! received for this browser from another site or another origin (the attacker site's forms,
//! images, fetches and frames): where the browser said they came from, which cookies came
//! along, and what the lab decided.
//!
//! A request from elsewhere usually carries none of the lab's cookies (that is the lesson), so
//! the labs cannot recognise the browser by them. A learner who opens the attacker site from a
//! lab page gets a `cross_site_trace` cookie with a random id, and the attacker site's pages add
//! that id to every request they forge (`?trace=…`): a real attacker has no reason to, ours does
//! it only so that the lab can show you what arrived. Requests without an id are not logged.

pub mod log;
pub mod same_site;

use crate::site::slots;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::site::view::{context, Template};
use rocket::fairing::{AdHoc, Fairing, Info, Kind};
use rocket::http::{Cookie, CookieJar, SameSite, Status};
use rocket::response::Redirect;
use rocket::{post, routes, Request, Response, State};
use serde::Serialize;

use crate::config::AppConfig;
use crate::labs::{LabInfo, LABS};
use crate::site::error::AppError;
use crate::site::inspector::{self, HumanTime};
use crate::site::lang::Lang;
use crate::site::origin::{self, SameOrigin};
use log::{CrossSiteLog, Decision, Seen, TraceId};

pub const BASE: &str = "/labs/cross-site";
/// The cookie naming this browser's log: `HttpOnly`, `SameSite=Lax`, `Path=/labs`.
pub const TRACE_COOKIE: &str = "cross_site_trace";
/// The query parameter the attacker site's requests carry the id in.
pub const TRACE_PARAM: &str = "trace";
/// Where the log goes; the lab layout writes this into every lab page.
pub const LOG_SLOT: &str = "<!--inspector:cross-site-log-->";

/// The lab a path belongs to.
pub(crate) fn lab_of(path: &str) -> Option<&'static LabInfo> {
    LABS.iter().find(|lab| {
        path.strip_prefix(lab.path)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    })
}

/// The id a request names its browser's log by: the attacker's `?trace=`, else the cookie.
fn trace_of(request: &Request<'_>) -> Option<TraceId> {
    request
        .query_value::<&str>(TRACE_PARAM)
        .and_then(Result::ok)
        .and_then(TraceId::parse)
        .or_else(|| cookie_trace(request))
}

fn cookie_trace(request: &Request<'_>) -> Option<TraceId> {
    request
        .cookies()
        .get(TRACE_COOKIE)
        .and_then(|c| TraceId::parse(c.value()))
}

/// Whether the lab's own credential came along: its cookie, or the header lab's bearer token.
fn credential_arrived(lab: &LabInfo, request: &Request<'_>) -> bool {
    match lab.credential {
        Some(credential) => {
            let secure = request
                .rocket()
                .state::<AppConfig>()
                .is_some_and(|config| config.cookies.secure);
            let name = credential.name(secure);
            request.cookies().get(name).is_some()
        }
        None => crate::site::headers::first(request.headers(), "Authorization").is_some(),
    }
}

fn decide(lab: &LabInfo, request: &Request<'_>, status: u16) -> Decision {
    let refused = request.local_cache(origin::Refused::default).0.is_some();
    if request.local_cache(origin::LetThrough::default).0.is_some() {
        return Decision::LetThroughOriginCheckOff;
    }
    match (refused, credential_arrived(lab, request), status < 400) {
        (true, _, _) => Decision::RefusedByOriginCheck,
        (false, false, _) => Decision::NoCredential,
        (false, true, true) => Decision::Accepted,
        (false, true, false) => Decision::Refused,
    }
}

/// The request as the log keeps it, if it came from another site or origin.
fn seen(lab: &'static LabInfo, request: &Request<'_>, status: u16) -> Option<Seen> {
    let headers = request.headers();
    let header = |name: &str| crate::site::headers::first(headers, name).map(str::to_string);
    origin::check(request)?;
    Some(Seen {
        at: log::now(),
        lab: lab.slug,
        method: request.method().as_str().to_string(),
        path: request.uri().path().to_string(),
        origin: header("Origin"),
        fetch_site: header("Sec-Fetch-Site"),
        fetch_mode: header("Sec-Fetch-Mode"),
        fetch_dest: header("Sec-Fetch-Dest"),
        cookies: request
            .cookies()
            .iter()
            .map(|c| c.name().to_string())
            .collect(),
        status,
        decision: decide(lab, request, status),
    })
}

/// Records what arrived from elsewhere, then fills the log into the lab page it answers with.
pub struct Recorder;

#[rocket::async_trait]
impl Fairing for Recorder {
    fn info(&self) -> Info {
        Info {
            name: "Cross-site log",
            kind: Kind::Response,
        }
    }

    async fn on_response<'r>(&self, request: &'r Request<'_>, response: &mut Response<'r>) {
        let Some(lab) = lab_of(request.uri().path().as_str()) else {
            return;
        };
        let Some(log) = request.rocket().state::<CrossSiteLog>() else {
            return;
        };
        let status = response.status().code;
        if let (Some(id), Some(seen)) = (trace_of(request), seen(lab, request, status)) {
            log.record(&id, seen);
        }
        if inspector::is_inspector_page(request) && crate::site::headers::is_html(response) {
            // The page shows the log of the browser that holds the cookie, whatever a link's
            // `?trace=` says.
            fill(request, lab, cookie_trace(request));
        }
    }
}

/// One log row as the page shows it.
#[derive(Serialize)]
struct Row {
    when: HumanTime,
    #[serde(flatten)]
    seen: Seen,
}

/// Renders this browser's log into the page's slot.
fn fill(request: &Request<'_>, lab: &'static LabInfo, trace: Option<TraceId>) {
    slots::fill(request, LOG_SLOT, move |request| {
        let html = match trace {
            // No log yet: the box is the same for every such browser of this lab and SameSite
            // choice, so it is rendered once (outside `debug`, where templates reload).
            None => fragments(request).map_or_else(
                || render_log(request, lab, None),
                |cache| cache.get_or_render(lab, request, || render_log(request, lab, None)),
            ),
            Some(trace) => render_log(request, lab, Some(trace)),
        };
        Some(html.to_string())
    });
}

fn render_log(request: &Request<'_>, lab: &LabInfo, trace: Option<TraceId>) -> Arc<str> {
    let context = log_context(request, lab, trace);
    Template::show(request, "labs/cross-site-log", context)
        .unwrap_or_default()
        .into()
}

/// The log box of browsers that have no log yet, by lab and `SameSite` choice (at most four
/// labs times five choices).
#[derive(Default)]
pub struct Fragments(Mutex<HashMap<FragmentKey, Arc<str>>>);

/// A lab's slug, this browser's `SameSite` choice for it, and the reader's language.
type FragmentKey = (&'static str, Option<same_site::Choice>, Lang);

impl Fragments {
    fn get_or_render(
        &self,
        lab: &LabInfo,
        request: &Request<'_>,
        render: impl FnOnce() -> Arc<str>,
    ) -> Arc<str> {
        let key = (
            lab.slug,
            same_site::Choices::of(request.cookies()).get(lab.slug),
            Lang::of(request),
        );
        let lock = || {
            self.0
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
        };
        if let Some(html) = lock().get(&key) {
            return html.clone();
        }
        let html = render();
        if !html.is_empty() {
            lock().insert(key, html.clone());
        }
        html
    }
}

/// The cache, unless templates reload (the `debug` profile).
fn fragments<'r>(request: &'r Request<'_>) -> Option<&'r Fragments> {
    let rocket = request.rocket();
    (rocket.config().profile != rocket::Config::DEBUG_PROFILE)
        .then(|| rocket.state::<Fragments>())
        .flatten()
}

/// What `templates/labs/cross-site-log.html.tera` shows: the rows, the attacker site's port,
/// and, in the cookie-based labs, the SameSite experiment on the lab's own credential.
fn log_context(request: &Request<'_>, lab: &LabInfo, trace: Option<TraceId>) -> impl Serialize {
    let now = time::OffsetDateTime::now_utc();
    let entries = match (&trace, request.rocket().state::<CrossSiteLog>()) {
        (Some(id), Some(log)) => log.entries(id),
        _ => Vec::new(),
    };
    let rows: Vec<Row> = entries
        .into_iter()
        .map(|seen| Row {
            when: HumanTime::of_unix(seen.at, now),
            seen,
        })
        .collect();
    let config = request.rocket().state::<AppConfig>();
    let attacker = config.and_then(|config| config.attacker.enabled_port());
    let secure = config.is_some_and(|config| config.cookies.secure);
    let same_site = same_site::credential_of(lab.slug).map(|(credential, own)| {
        context! {
            cookie: credential.name(secure),
            own,
            chosen: same_site::Choices::of(request.cookies()).get(lab.slug),
            choices: same_site::Choice::ALL,
        }
    });
    context! {
        lab: lab.slug,
        trace: trace.map(|id| id.as_str().to_string()),
        rows,
        limit: log::PER_BROWSER,
        attacker,
        same_site,
    }
}

/// "Start a cross-site log": names this browser's log (a new id, or the one it has) and
/// returns to the lab page, which then links to the attacker site with that id. (A redirect
/// straight to the attacker would be blocked: the labs' `form-action 'self'` covers where a
/// form's redirect may go.)
#[post("/start/<lab>")]
fn start(
    _same_origin: SameOrigin,
    lab: &str,
    jar: &CookieJar<'_>,
    config: &State<AppConfig>,
) -> Result<Redirect, AppError> {
    let lab = LABS
        .iter()
        .find(|known| known.slug == lab)
        .ok_or_else(|| AppError::explained(Status::NotFound))?;
    if config.attacker.enabled_port().is_none() {
        return Err(AppError::explained(Status::NotFound));
    }
    let id = jar
        .get(TRACE_COOKIE)
        .and_then(|c| TraceId::parse(c.value()))
        .unwrap_or_else(TraceId::generate);
    jar.add(
        Cookie::build((TRACE_COOKIE, id.as_str().to_string()))
            .path("/labs")
            .http_only(true)
            .same_site(SameSite::Lax)
            .secure(config.cookies.secure),
    );
    Ok(Redirect::to(format!("{}#cross-site-log", lab.path)))
}

pub fn stage() -> AdHoc {
    AdHoc::on_ignite("Cross-site log", |rocket| async {
        rocket
            .manage(CrossSiteLog::default())
            .manage(Fragments::default())
            .attach(Recorder)
            .mount(BASE, routes![start])
            .mount(crate::labs::sessions::BASE, routes![same_site::choose])
            .mount(crate::labs::cookies::BASE, routes![same_site::choose])
            .mount(crate::labs::jwt_cookie::BASE, routes![same_site::choose])
    })
}
