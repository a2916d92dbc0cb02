//! The learner's board (`GET /challenges`) and its hint buttons. Every challenge is an element
//! with `data-challenge="<id>"` and `data-state` (`open`, `solved`, `defended`); the words are in
//! `templates/challenges/board.html.tera` and the message table (`challenges.*`).

use crate::site::view::{context, Template};
use rocket::http::Status;
use rocket::response::Redirect;
use rocket::{get, post, routes, Route};
use serde::Serialize;

use super::board::{Progress, State};
use super::catalogue::{Challenge, ChallengeId, Switch, CHALLENGES};
use super::learner::{now, Learner};
use crate::site::error::AppError;
use crate::site::origin::SameOrigin;

pub fn routes() -> Vec<Route> {
    routes![index, hint]
}

/// One challenge on the board: the catalogue entry and this learner's progress.
#[derive(Serialize)]
struct Row {
    id: ChallengeId,
    lab: &'static str,
    switch: Option<Switch>,
    state: State,
    /// Hints opened, and how many there are.
    hints: u8,
    challenge_hints: u8,
    /// The hints opened, numbered from 1 (`challenges.<id>.hint_<n>`).
    open_hints: Vec<u8>,
}

impl Row {
    fn new(challenge: &Challenge, progress: &Progress) -> Row {
        Row {
            id: challenge.id,
            lab: challenge.lab,
            switch: challenge.switch,
            state: progress.state,
            hints: progress.hints,
            challenge_hints: challenge.hints,
            open_hints: (1..=progress.hints).collect(),
        }
    }
}

/// This browser's board. Visiting it gives the browser its learner id, so the attacks it
/// launches from now on are recorded under it.
#[get("/")]
fn index(learner: Learner<'_>) -> Template {
    let id = learner.ensure();
    let board = learner.challenges.board(&id);
    let rows: Vec<Row> = CHALLENGES
        .iter()
        .map(|challenge| Row::new(challenge, board.of(challenge.id)))
        .collect();
    Template::render(
        "challenges/board",
        context! {
            section: "challenges",
            rows,
            account: board.account,
            learner: id.short(),
        },
    )
}

/// Opens the next hint of one challenge, then back to it on the board.
#[post("/<id>/hint")]
fn hint(_same_origin: SameOrigin, id: &str, learner: Learner<'_>) -> Result<Redirect, AppError> {
    let challenge = ChallengeId::parse(id).ok_or_else(|| AppError::explained(Status::NotFound))?;
    learner
        .challenges
        .open_hint(&learner.ensure(), challenge, now());
    Ok(Redirect::to(format!("/challenges#{}", challenge.as_str())))
}
