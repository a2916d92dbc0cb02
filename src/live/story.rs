//! The story a run tells, one step at a time, in all four labs at once: log in, visit, copy
//! the credential, log out, replay the copy, log in again, then take that live copy to a
//! second instance, a restarted one, one with rotated keys, and finally log in where tokens
//! live one second and replay after `exp`. Each cell of the result is judged from the
//! exchange that decided it, never from what the chapter expects.

use std::time::{Duration, Instant};

use rocket::figment::Figment;
use serde::Serialize;
use time::OffsetDateTime;

use super::exchange::Exchange;
use super::instance::{Instance, NotStarted, Role, SHORT_TTL};
use super::visitor::{replay, Copied, Visitor, ACCOUNT};
use crate::labs::{LabInfo, LABS};

/// The steps, in the order a run takes them (`live.step.<code>` explains each).
pub const STEPS: [&str; 10] = [
    "log_in",
    "visit",
    "copy",
    "log_out",
    "replay",
    "log_in_again",
    "second_instance",
    "restart",
    "rotate_keys",
    "past_exp",
];

/// What happened in one lab at one step (`live.outcome.<code>` explains it).
#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    pub lab: &'static str,
    pub title: &'static str,
    /// `step-N-lab`: the timeline entry with the exchanges that decided this cell.
    pub anchor: String,
    pub outcome: &'static str,
    /// A number or name the outcome reports (the count, the copy's size, the status).
    pub detail: Option<String>,
    /// The requests of this step in this lab; the last one decided the outcome.
    pub exchanges: Vec<Exchange>,
    pub copied: Option<Copied>,
}

impl Cell {
    fn new(lab: &LabInfo, (outcome, detail): Judged, exchanges: Vec<Exchange>) -> Cell {
        Cell {
            lab: lab.slug,
            title: lab.title,
            anchor: String::new(),
            outcome,
            detail,
            exchanges,
            copied: None,
        }
    }

    fn with_copy(mut self, copied: Option<Copied>) -> Cell {
        self.copied = copied;
        self
    }
}

/// One row of the table: a step (`live.step.<code>`), on which instance, and its four cells.
#[derive(Debug, Clone, Serialize)]
pub struct Step {
    pub number: usize,
    pub code: &'static str,
    pub instance: &'static str,
    pub cells: Vec<Cell>,
}

/// A finished run.
#[derive(Debug, Clone, Serialize)]
pub struct Run {
    pub steps: Vec<Step>,
    /// How long the run took, in milliseconds.
    pub took_ms: u128,
}

/// An outcome code and its detail.
type Judged = (&'static str, Option<String>);

fn location(exchange: &Exchange) -> Option<&str> {
    exchange
        .received
        .iter()
        .find(|line| line.name == "Location")
        .map(|line| line.value.as_str())
}

/// A form login answers `303` to the lab's `/me`; the header lab answers a token.
fn judge_login(exchange: &Exchange) -> Judged {
    let to_me = exchange.status == 303 && location(exchange).is_some_and(|l| l.ends_with("/me"));
    let token = exchange.status == 200 && exchange.marker.access_token.is_some();
    if to_me || token {
        ("logged_in", None)
    } else {
        failed(exchange)
    }
}

fn judge_visit(exchange: &Exchange) -> Judged {
    match exchange.status {
        200 => ("counted", exchange.marker.visits.clone()),
        _ => failed(exchange),
    }
}

/// A cookie lab's logout redirects (303); the header lab's `api/logout` answers 200 after
/// taking note, and the script forgets the token.
fn judge_logout(exchange: Option<&Exchange>) -> Judged {
    match exchange {
        None => ("forgot", None),
        Some(e) if e.status == 303 => ("logged_out", None),
        Some(e) if e.status == 200 => ("forgot", None),
        Some(e) => failed(e),
    }
}

/// A protected page (or `api/me`) that names the account accepted the credential; a redirect
/// to the login or a `401` refused it.
fn judge_replay(exchange: &Exchange) -> Judged {
    match exchange.status {
        _ if exchange.shows_user(ACCOUNT.0) => ("accepted", exchange.marker.user.clone()),
        303 | 401 => ("refused", None),
        _ => failed(exchange),
    }
}

fn judge_copy(copied: &Option<Copied>) -> Judged {
    match copied {
        Some(Copied(line)) => ("copied", Some(line.value.len().to_string())),
        None => ("nothing_to_copy", None),
    }
}

/// Anything else: the status says what went wrong.
fn failed(exchange: &Exchange) -> Judged {
    ("unexpected", Some(exchange.status.to_string()))
}

/// The steps so far.
struct Story {
    steps: Vec<Step>,
}

impl Story {
    fn push(&mut self, code: &'static str, role: Role, mut cells: Vec<Cell>) {
        let number = self.steps.len() + 1;
        for cell in &mut cells {
            cell.anchor = format!("step-{number}-{}", cell.lab);
        }
        self.steps.push(Step {
            number,
            code,
            instance: role.code(),
            cells,
        });
    }
}

/// Runs the whole story against instances built from `server`; `secure` is whether the
/// credential cookies carry the `__Host-` prefix (`cookie_secure`).
pub async fn run(server: &Figment, secure: bool) -> Result<Run, NotStarted> {
    let started = Instant::now();
    let mut story = Story { steps: Vec::new() };
    let first = Instance::start(server, Role::First).await?;
    let mut alice: Vec<Visitor> = LABS.iter().map(Visitor::new).collect();
    let copies = on_the_first_instance(&mut story, &first, &mut alice, secure).await;
    on_other_instances(&mut story, server, first, &copies).await?;
    past_exp(&mut story, server, secure).await?;
    Ok(Run {
        steps: story.steps,
        took_ms: started.elapsed().as_millis(),
    })
}

/// Steps 1–6 on the first instance; returns the copies of the second login, still live.
async fn on_the_first_instance(
    story: &mut Story,
    first: &Instance,
    alice: &mut [Visitor],
    secure: bool,
) -> Vec<Option<Copied>> {
    let mut cells = [vec![], vec![], vec![], vec![], vec![], vec![]];
    let mut live_copies = Vec::new();
    for visitor in alice.iter_mut() {
        let lab = visitor.lab;
        let login = visitor.log_in(first).await;
        cells[0].push(Cell::new(lab, judge_login(&login), vec![login]));
        let visit = visitor.visit(first).await;
        cells[1].push(Cell::new(lab, judge_visit(&visit), vec![visit]));
        let copy = visitor.copy(secure);
        cells[2].push(Cell::new(lab, judge_copy(&copy), vec![]).with_copy(copy.clone()));
        let logout = visitor.log_out(first).await;
        let judged = judge_logout(logout.as_ref());
        cells[3].push(Cell::new(lab, judged, logout.into_iter().collect()));
        cells[4].push(replay_cell(first, lab, &copy, vec![]).await);
        let again = visitor.log_in(first).await;
        let live = visitor.copy(secure);
        cells[5].push(Cell::new(lab, judge_login(&again), vec![again]).with_copy(live.clone()));
        live_copies.push(live);
    }
    for (code, row) in STEPS.into_iter().zip(cells) {
        story.push(code, Role::First, row);
    }
    live_copies
}

/// The copy sent by another browser to `at`, after the `before` exchanges of the same step.
async fn replay_cell(
    at: &Instance,
    lab: &'static LabInfo,
    copy: &Option<Copied>,
    mut before: Vec<Exchange>,
) -> Cell {
    let Some(copy) = copy else {
        return Cell::new(lab, ("nothing_to_copy", None), before);
    };
    let answer = replay(at, lab, copy).await;
    let judged = judge_replay(&answer);
    before.push(answer);
    Cell::new(lab, judged, before)
}

/// Steps 7–9: the live copies on a second instance (the first still running and asked
/// first), after a restart with the same keys, and on an instance with new keys.
async fn on_other_instances(
    story: &mut Story,
    server: &Figment,
    first: Instance,
    copies: &[Option<Copied>],
) -> Result<(), NotStarted> {
    let second = Instance::start(server, Role::Second).await?;
    let mut cells = Vec::new();
    for (lab, copy) in LABS.iter().zip(copies) {
        let still = match copy {
            Some(copy) => vec![replay(&first, lab, copy).await],
            None => vec![],
        };
        cells.push(replay_cell(&second, lab, copy, still).await);
    }
    story.push("second_instance", Role::Second, cells);
    // The restart: both instances stop (their memory goes with them), a new one starts.
    drop((first, second));
    for role in [Role::Restarted, Role::Rotated] {
        let instance = Instance::start(server, role).await?;
        let mut cells = Vec::new();
        for (lab, copy) in LABS.iter().zip(copies) {
            cells.push(replay_cell(&instance, lab, copy, vec![]).await);
        }
        let code = match role {
            Role::Restarted => "restart",
            _ => "rotate_keys",
        };
        story.push(code, role, cells);
    }
    Ok(())
}

/// Step 10: log in where tokens live [`SHORT_TTL`] s, wait until every token's `exp` has
/// passed, then replay each copy.
async fn past_exp(story: &mut Story, server: &Figment, secure: bool) -> Result<(), NotStarted> {
    let instance = Instance::start(server, Role::ShortTtl).await?;
    let mut logins = Vec::new();
    for lab in LABS.iter() {
        let mut visitor = Visitor::new(lab);
        let login = visitor.log_in(&instance).await;
        logins.push((lab, login, visitor.copy(secure)));
    }
    // Every token was issued at or before this second, so `exp` is at most TTL later; the
    // labs refuse a token from the second `exp` names on (no leeway on this instance).
    let issued = OffsetDateTime::now_utc().unix_timestamp();
    let expired_at = issued.saturating_add_unsigned(SHORT_TTL);
    let wait = expired_at as f64 - unix_now_precise() + 0.05;
    rocket::tokio::time::sleep(Duration::from_secs_f64(wait.clamp(0.0, 2.0))).await;
    let mut cells = Vec::new();
    for (lab, login, copy) in logins {
        let cell = replay_cell(&instance, lab, &copy, vec![login]).await;
        cells.push(cell.with_copy(copy));
    }
    story.push("past_exp", Role::ShortTtl, cells);
    Ok(())
}

fn unix_now_precise() -> f64 {
    let now = OffsetDateTime::now_utc();
    now.unix_timestamp() as f64 + f64::from(now.nanosecond()) / 1e9
}
