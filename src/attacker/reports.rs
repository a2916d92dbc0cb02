//! What the attacker site's own pages could and could not read back, as their script reported
//! it: the other half of the labs' cross-site log (WebWolf's "incoming requests", but the
//! attacker's view). Kept per learner (the same log id), bounded like the labs' log.

use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::{post, State};
use serde::{Deserialize, Serialize};

use super::attacks;
use crate::labs::cross_site::log::{self, Logs, TraceId};

/// At most this many lines of at most this many characters per report.
const LINES: usize = 8;
const LINE_CHARS: usize = 300;

/// One attack's result as its page saw it.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub at: i64,
    pub attack: &'static str,
    pub lab: String,
    pub lines: Vec<String>,
}

pub type Reports = Logs<Report>;

#[derive(Deserialize)]
pub struct ReportIn {
    pub attack: String,
    lab: String,
    lines: Vec<String>,
    /// What the page's script read from `document.cookie`, when that was the attack.
    #[serde(default)]
    pub read: Option<String>,
}

/// `POST /reports?trace=…` from the attack pages' script (same origin). An unknown attack or
/// a missing or malformed id is a 422; long reports are cut, not refused.
#[post("/reports?<trace>", format = "json", data = "<report>")]
pub fn receive(trace: Option<&str>, report: Json<ReportIn>, reports: &State<Reports>) -> Status {
    match record(trace, report.into_inner(), reports) {
        Some(_) => Status::NoContent,
        None => Status::UnprocessableEntity,
    }
}

/// Keeps one report for the learner whose log id it carries; `None` for an unknown attack or
/// a missing or malformed id.
pub fn record(trace: Option<&str>, report: ReportIn, reports: &Reports) -> Option<TraceId> {
    let (Some(id), Some(attack)) = (
        trace.and_then(TraceId::parse),
        attacks::find(&report.attack),
    ) else {
        return None;
    };
    let ReportIn { lab, lines, .. } = report;
    let lines = lines
        .into_iter()
        .take(LINES)
        .map(|line| line.chars().take(LINE_CHARS).collect())
        .collect();
    let lab = lab.chars().take(20).collect();
    reports.record(
        &id,
        Report {
            at: log::now(),
            attack: attack.id,
            lab,
            lines,
        },
    );
    Some(id)
}

/// Anything but JSON: 415, as every JSON route of the app answers.
#[post("/reports", rank = 2)]
pub fn not_json() -> Status {
    Status::UnsupportedMediaType
}
