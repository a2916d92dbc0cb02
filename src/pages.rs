//! The shared pages: home and registration. Their words are in `templates/home.html.tera`,
//! `templates/register*.html.tera` and the message table (`register.*`); Rust passes codes.

use crate::site::view::{context, Template};
use rocket::form::{Form, FromForm};
use rocket::http::{Header, Status};
use rocket::response::{self, Responder};
use rocket::serde::json::Json;
use rocket::{get, post, routes, Request, Route, State};
use serde::Serialize;
use time::OffsetDateTime;

use crate::auth::users::{demo_accounts, RegisterError, UserDirectory};
use crate::challenges::Learner;
use crate::config::AppConfig;
use crate::labs::sessions::store::SessionStore;
use crate::labs::LABS;
use crate::site::docs::Docs;
use crate::site::flash::Notice;
use crate::site::lang::Lang;
use crate::site::origin::SameOrigin;
use crate::site::rate_limit::{PeerAddress, RateLimit, RetryAfter};

#[get("/")]
fn home(flash: Option<Notice>, docs: &State<Docs>, lang: Lang) -> Template {
    Template::render(
        "home",
        context! {
            section: "home",
            flash,
            demo_accounts: demo_accounts(),
            start: docs.read_in(lang).first_chapter(),
        },
    )
}

#[derive(FromForm)]
struct RegisterForm {
    username: String,
    password: String,
}

/// How many accounts one address may register per minute (`user_registrations_per_minute`).
pub struct RegistrationLimit(RateLimit);

impl RegistrationLimit {
    pub fn from_config(config: &AppConfig) -> RegistrationLimit {
        RegistrationLimit(RateLimit::per_minute(
            config.users.registrations_per_minute.get(),
        ))
    }
}

/// The form; after a refusal, `error` is its code and `capacity` the directory's size.
fn register_page(username: &str, error: Option<&RegisterError>) -> Template {
    let capacity = match error {
        Some(RegisterError::Full(n)) => Some(*n),
        _ => None,
    };
    Template::render(
        "register",
        context! {
            section: "register",
            username,
            error: error.map(RegisterError::code),
            capacity,
        },
    )
}

/// `429 Too Many Requests`: the form again, saying why and when to try again, with the same
/// wait in `Retry-After` (RFC 6585 §4) for scripts.
pub struct Throttled {
    page: Template,
    retry_after: RetryAfter,
}

impl Throttled {
    fn new(username: &str, limit: usize, retry_after: RetryAfter) -> Throttled {
        let page = Template::render(
            "register",
            context! {
                section: "register",
                username,
                error: "too_many",
                limit,
                retry_after: retry_after.0,
            },
        );
        Throttled { page, retry_after }
    }
}

impl<'r> Responder<'r, 'static> for Throttled {
    fn respond_to(self, request: &'r Request<'_>) -> response::Result<'static> {
        let mut response = self.page.respond_to(request)?;
        response.set_status(Status::TooManyRequests);
        response.set_header(Header::new("Retry-After", self.retry_after.0.to_string()));
        Ok(response)
    }
}

#[get("/register")]
fn register_form() -> Template {
    register_page("", None)
}

/// Adds an account to the shared directory and shows the stored PHC string. Each address may
/// add `user_registrations_per_minute` accounts a minute; a refused attempt gives its turn back.
#[post("/register", data = "<form>")]
async fn register(
    _same_origin: SameOrigin,
    peer: PeerAddress,
    form: Form<RegisterForm>,
    users: &State<UserDirectory>,
    limit: &State<RegistrationLimit>,
    learner: Learner<'_>,
) -> Result<(Status, Template), Throttled> {
    let RegistrationLimit(limit) = limit.inner();
    if let Err(wait) = limit.take(peer, OffsetDateTime::now_utc()) {
        return Err(Throttled::new(&form.username, limit.limit(), wait));
    }
    let registered = users.register(&form.username, &form.password).await;
    if registered.is_ok() {
        learner.signed_in(&form.username);
    }
    if !matches!(registered, Ok(_) | Err(RegisterError::Hashing)) {
        limit.give_back(peer);
    }
    Ok(register_answer(&form.username, registered))
}

/// The result page for a new account, or the form again with the refusal and its status.
fn register_answer(
    username: &str,
    registered: Result<String, RegisterError>,
) -> (Status, Template) {
    match registered {
        Ok(phc) => (
            Status::Created,
            Template::render(
                "registered",
                context! {
                    section: "register",
                    username,
                    phc_parts: phc_parts(&phc),
                    phc,
                    labs: &LABS,
                },
            ),
        ),
        Err(e) => {
            let status = match e {
                RegisterError::InvalidUsername | RegisterError::InvalidPassword => {
                    Status::UnprocessableEntity
                }
                RegisterError::Taken => Status::Conflict,
                RegisterError::Full(_) => Status::Forbidden,
                RegisterError::Hashing => Status::InternalServerError,
                RegisterError::Unavailable => Status::ServiceUnavailable,
            };
            (status, register_page(username, Some(&e)))
        }
    }
}

/// One labelled part of a PHC string, for the explanation on the result page.
#[derive(Serialize)]
struct PhcPart {
    value: String,
    /// Which part it is; its meaning is `register.phc.<part>` in the message table.
    part: &'static str,
}

/// Splits `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>` into labelled parts.
fn phc_parts(phc: &str) -> Vec<PhcPart> {
    const PARTS: [&str; 5] = ["algorithm", "version", "cost", "salt", "hash"];
    phc.trim_start_matches('$')
        .split('$')
        .zip(PARTS)
        .map(|(value, part)| PhcPart {
            value: value.to_string(),
            part,
        })
        .collect()
}

/// What `/health` reports: which store keeps the sessions and whether it answers.
#[derive(Serialize)]
struct Health {
    status: &'static str,
    store: &'static str,
    store_answers: bool,
}

/// A near-trivial route: the framework's own cost per request, the floor the benchmark
/// compares every lab against, and a check for whoever runs a class server (or a load
/// balancer): `503` when the session store does not answer.
#[get("/health")]
async fn health(store: &State<SessionStore>) -> (Status, Json<Health>) {
    let answers = store.ping().await.is_ok();
    let health = Health {
        status: if answers { "ok" } else { "degraded" },
        store: store.kind(),
        store_answers: answers,
    };
    let status = if answers {
        Status::Ok
    } else {
        Status::ServiceUnavailable
    };
    (status, Json(health))
}

pub fn routes() -> Vec<Route> {
    routes![
        home,
        register_form,
        register,
        health,
        crate::site::memory::report
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phc_string_splits_into_five_explained_parts() {
        let parts = phc_parts("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");
        let values: Vec<&str> = parts.iter().map(|p| p.value.as_str()).collect();
        assert_eq!(
            values,
            ["argon2id", "v=19", "m=19456,t=2,p=1", "c2FsdA", "aGFzaA"]
        );
    }
}
