//! The class view's pages: the token form, the matrix, resets and the CSV export. The words are
//! in `templates/teacher/` and the message table (`teacher.*`).

use std::sync::atomic::Ordering;

use crate::site::view::{context, Template};
use rocket::form::{Form, FromForm};
use rocket::http::{CookieJar, Header, Status};
use rocket::response::{Redirect, Responder};
use rocket::{get, post, uri, State};
use serde::Serialize;
use time::OffsetDateTime;

use super::access::{Teacher, TeacherKey, WRONG_PER_MINUTE};
use super::matrix::Matrix;
use super::results::Results;
use crate::challenges::{Challenges, LearnerId, CHALLENGES};
use crate::site::docs::Docs;
use crate::site::error::AppError;
use crate::site::inspector::HumanTime;
use crate::site::origin::SameOrigin;
use crate::site::rate_limit::PeerAddress;

/// How many recent events the page lists.
const RECENT: usize = 30;

#[derive(Serialize)]
struct EventRow {
    when: HumanTime,
    learner: String,
    challenge: &'static str,
    kind: crate::challenges::store::EventKind,
}

/// The class: the matrix, the recent events, how full the boards are, the class code.
#[get("/")]
pub fn index(
    _teacher: Teacher,
    key: &State<TeacherKey>,
    challenges: &State<Challenges>,
    results: &State<Results>,
    docs: &State<Docs>,
) -> Template {
    let now = OffsetDateTime::now_utc();
    let matrix = Matrix::build(challenges, results, docs);
    let events: Vec<EventRow> = challenges
        .events()
        .into_iter()
        .take(RECENT)
        .map(|e| EventRow {
            when: HumanTime::of_unix(e.at, now),
            learner: e.learner.short(),
            challenge: e.challenge.as_str(),
            kind: e.kind,
        })
        .collect();
    let fullness = challenges.fullness();
    Template::render(
        "teacher/class",
        context! {
            section: "teacher",
            challenges: CHALLENGES.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
            matrix,
            events,
            full: fullness.learners >= fullness.learner_capacity,
            events_full: fullness.events >= fullness.event_capacity,
            fullness,
            class_code: &key.class_code,
            wrong_tokens: key.wrong_tokens.load(Ordering::Relaxed),
            wrong_codes: key.wrong_codes.load(Ordering::Relaxed),
        },
    )
}

/// No teacher cookie: the token form.
#[get("/", rank = 2)]
pub fn login_form() -> Template {
    Template::render("teacher/login", context! { section: "teacher" })
}

#[derive(FromForm)]
pub struct TokenForm {
    token: String,
}

/// The token form's answer: in, or the form again (403 wrong, 429 too many wrong).
#[derive(Responder)]
pub enum LoginAnswer {
    In(Redirect),
    Refused((Status, Template)),
    Throttled(Throttled),
}

/// `429` with `Retry-After`: too many wrong tokens from this address this minute.
#[derive(Responder)]
#[response(status = 429)]
pub struct Throttled {
    page: Template,
    retry_after: Header<'static>,
}

/// The CSV file, offered as a download.
#[derive(Responder)]
#[response(content_type = "text/csv")]
pub struct Csv {
    body: String,
    disposition: Header<'static>,
}

#[post("/", data = "<form>")]
pub fn login(
    _same_origin: SameOrigin,
    form: Form<TokenForm>,
    peer: PeerAddress,
    key: &State<TeacherKey>,
    jar: &CookieJar<'_>,
) -> LoginAnswer {
    let page = |error: &str| {
        Template::render(
            "teacher/login",
            context! { section: "teacher", error, limit: WRONG_PER_MINUTE },
        )
    };
    if let Err(wait) = key.limit.take(peer, OffsetDateTime::now_utc()) {
        return LoginAnswer::Throttled(Throttled {
            page: page("too_many"),
            retry_after: Header::new("Retry-After", wait.0.to_string()),
        });
    }
    if !key.accepts(&form.token) {
        TeacherKey::count(&key.wrong_tokens);
        return LoginAnswer::Refused((Status::Forbidden, page("wrong_token")));
    }
    key.limit.give_back(peer);
    key.admit(jar);
    LoginAnswer::In(Redirect::to(uri!("/teacher", index)))
}

#[post("/logout")]
pub fn logout(_same_origin: SameOrigin, key: &State<TeacherKey>, jar: &CookieJar<'_>) -> Redirect {
    key.dismiss(jar);
    Redirect::to(uri!("/teacher", login_form))
}

/// Puts one learner's board back to open (and forgets their exercise results).
#[post("/reset/<learner>")]
pub fn reset_one(
    _same_origin: SameOrigin,
    _teacher: Teacher,
    learner: &str,
    challenges: &State<Challenges>,
    results: &State<Results>,
) -> Result<Redirect, AppError> {
    let id = LearnerId::parse(learner).ok_or_else(|| AppError::explained(Status::NotFound))?;
    if let Some(account) = challenges.board(&id).account {
        results.forget(&account);
    }
    if !challenges.reset(&id) {
        return Err(AppError::explained(Status::NotFound));
    }
    Ok(Redirect::to(uri!("/teacher", index)))
}

/// Forgets every board, the activity log and every exercise result.
#[post("/reset")]
pub fn reset_all(
    _same_origin: SameOrigin,
    _teacher: Teacher,
    challenges: &State<Challenges>,
    results: &State<Results>,
) -> Redirect {
    challenges.reset_all();
    results.clear();
    Redirect::to(uri!("/teacher", index))
}

/// The matrix as a CSV file.
#[get("/export.csv")]
pub fn export(
    _teacher: Teacher,
    challenges: &State<Challenges>,
    results: &State<Results>,
    docs: &State<Docs>,
) -> Csv {
    Csv {
        body: Matrix::build(challenges, results, docs).csv(),
        disposition: Header::new("Content-Disposition", "attachment; filename=\"class.csv\""),
    }
}
