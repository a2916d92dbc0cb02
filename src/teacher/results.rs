//! Exercise results sent from students' clones: `POST /teacher/api/results` with the class code,
//! a student name and pass/fail per check (the `#[ignore]`d tests of `tests/exercises/`), so
//! the class view shows exercises beside challenges. JSON only (415 otherwise); at most 16 KiB
//! (413); a malformed body is a 400 and an unknown check or bad name a 422, each with a JSON
//! reason; a wrong class code is a 403, counted, and limited per address (then 429).

use std::collections::{BTreeMap, HashMap};
use std::sync::{Mutex, MutexGuard};

use rocket::data::{Data, ToByteUnit};
use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::{post, State};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::access::TeacherKey;
use crate::site::docs::Docs;
use crate::site::rate_limit::PeerAddress;

/// The largest body accepted: 32 exercise checks fit in a few kilobytes.
pub const MAX_BODY: usize = 16 * 1024;
/// At most this many checks per submission.
pub const MAX_CHECKS: usize = 200;

/// One student's latest result per check, and when they last sent any.
#[derive(Debug, Clone, Default)]
pub struct Submission {
    pub checks: BTreeMap<String, bool>,
    pub at: i64,
}

/// Every student's results (bounded like the boards: the longest-silent student goes first).
pub struct Results {
    inner: Mutex<HashMap<String, Submission>>,
    capacity: usize,
}

impl Results {
    pub fn new(capacity: usize) -> Results {
        Results {
            inner: Mutex::new(HashMap::new()),
            capacity,
        }
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<String, Submission>> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn record(&self, student: &str, checks: BTreeMap<String, bool>, now: i64) {
        let mut all = self.lock();
        if !all.contains_key(student) && all.len() >= self.capacity {
            let oldest = all.iter().min_by_key(|(_, s)| s.at).map(|(n, _)| n.clone());
            if let Some(oldest) = oldest {
                all.remove(&oldest);
            }
        }
        let submission = all.entry(student.to_string()).or_default();
        submission.checks.extend(checks);
        submission.at = now;
    }

    pub fn all(&self) -> HashMap<String, Submission> {
        self.lock().clone()
    }

    pub fn forget(&self, student: &str) {
        self.lock().remove(student);
    }

    pub fn clear(&self) {
        self.lock().clear();
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Submitted {
    class_code: String,
    student: String,
    checks: BTreeMap<String, bool>,
}

/// The API's answer, success or refusal.
#[derive(Serialize)]
pub struct Answer {
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'static str>,
    message: String,
}

type Reply = (Status, Json<Answer>);

fn refuse(status: Status, error: &'static str, message: impl Into<String>) -> Reply {
    let answer = Answer {
        error: Some(error),
        message: message.into(),
    };
    (status, Json(answer))
}

/// A student name as the matrix shows it: a registered username's characters, 1 to 32 of them.
fn valid_student(name: &str) -> bool {
    (1..=32).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
}

/// The test's own name (`remember_me::remember_me_ticked_…` → `remember_me_ticked_…`), if it
/// belongs to one of the exercises' checks.
pub fn check_name<'a>(docs: &Docs, name: &'a str) -> Option<&'a str> {
    let name = name.rsplit("::").next()?;
    let valid = name.len() <= 120
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    let known = docs.exercises.iter().any(|e| {
        !e.check.is_empty()
            && name
                .strip_prefix(e.check.as_str())
                .is_some_and(|rest| rest.starts_with('_'))
    });
    (valid && known).then_some(name)
}

#[post("/api/results", format = "json", data = "<data>")]
pub async fn submit(
    data: Data<'_>,
    peer: PeerAddress,
    key: &State<TeacherKey>,
    results: &State<Results>,
    docs: &State<Docs>,
) -> Reply {
    let now = OffsetDateTime::now_utc();
    if key.limit.take(peer, now).is_err() {
        return refuse(
            Status::TooManyRequests,
            "too_many",
            "Too many wrong class codes from this address; wait a minute.",
        );
    }
    // Only a wrong code counts against the address: give the turn back whatever else happens.
    let reply = accept(data, key, results, docs, now.unix_timestamp()).await;
    if reply.0 != Status::Forbidden {
        key.limit.give_back(peer);
    }
    reply
}

async fn accept(
    data: Data<'_>,
    key: &TeacherKey,
    results: &Results,
    docs: &Docs,
    now: i64,
) -> Reply {
    let body = match data.open((MAX_BODY + 1).bytes()).into_bytes().await {
        Ok(body) if body.is_complete() && body.len() <= MAX_BODY => body.into_inner(),
        Ok(_) => {
            return refuse(
                Status::PayloadTooLarge,
                "too_large",
                format!("The body is larger than {MAX_BODY} bytes."),
            )
        }
        Err(_) => {
            return refuse(
                Status::BadRequest,
                "unreadable",
                "The body could not be read.",
            )
        }
    };
    let submitted: Submitted = match serde_json::from_slice(&body) {
        Ok(submitted) => submitted,
        Err(e) if e.is_data() => {
            return refuse(
                Status::UnprocessableEntity,
                "invalid",
                format!("The JSON does not have the expected fields: {e}."),
            )
        }
        Err(e) => {
            return refuse(
                Status::BadRequest,
                "malformed",
                format!("The body is not JSON: {e}."),
            )
        }
    };
    if !key.accepts_code(&submitted.class_code) {
        TeacherKey::count(&key.wrong_codes);
        return refuse(
            Status::Forbidden,
            "wrong_class_code",
            "Wrong class code: ask your teacher for the code on the class view.",
        );
    }
    if !valid_student(&submitted.student) {
        return refuse(Status::UnprocessableEntity, "invalid_student", "The student name must be 1 to 32 letters, digits, '.', '_' or '-' (use your registered username).");
    }
    if submitted.checks.is_empty() || submitted.checks.len() > MAX_CHECKS {
        return refuse(
            Status::UnprocessableEntity,
            "invalid_checks",
            format!("Send between 1 and {MAX_CHECKS} checks."),
        );
    }
    let mut checks = BTreeMap::new();
    for (name, passed) in &submitted.checks {
        let Some(check) = check_name(docs, name) else {
            return refuse(
                Status::UnprocessableEntity,
                "unknown_check",
                format!(
                    "`{}` is not an exercise check.",
                    name.chars().take(80).collect::<String>()
                ),
            );
        };
        checks.insert(check.to_string(), *passed);
    }
    let count = checks.len();
    results.record(&submitted.student, checks, now);
    let answer = Answer {
        error: None,
        message: format!("Recorded {count} checks for {}.", submitted.student),
    };
    (Status::Ok, Json(answer))
}

/// Anything but JSON: 415, as every JSON route of the app answers.
#[post("/api/results", rank = 2)]
pub fn not_json() -> Reply {
    refuse(
        Status::UnsupportedMediaType,
        "not_json",
        "Send the results as application/json.",
    )
}
