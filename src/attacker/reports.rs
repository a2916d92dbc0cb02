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
    attack: String,
    lab: String,
    lines: Vec<String>,
}

/// `POST /reports?trace=…` from the attack pages' script (same origin). An unknown attack or
/// a missing or malformed id is a 422; long reports are cut, not refused.
#[post("/reports?<trace>", format = "json", data = "<report>")]
pub fn receive(trace: Option<&str>, report: Json<ReportIn>, reports: &State<Reports>) -> Status {
    let (Some(id), Some(attack)) = (
        trace.and_then(TraceId::parse),
        attacks::find(&report.attack),
    ) else {
        return Status::UnprocessableEntity;
    };
    let ReportIn { lab, lines, .. } = report.into_inner();
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
    Status::NoContent
}

/// Anything but JSON: 415, as every JSON route of the app answers.
#[post("/reports", rank = 2)]
pub fn not_json() -> Status {
    Status::UnsupportedMediaType
}
