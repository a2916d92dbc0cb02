//! The shared pages: home and registration. Their words are in `templates/home.html.tera`,
//! `templates/register*.html.tera` and the message table (`register.*`); Rust passes codes.

use rocket::form::{Form, FromForm};
use rocket::http::Status;
use rocket::{get, post, routes, Route, State};
use rocket_dyn_templates::{context, Template};
use serde::Serialize;

use crate::auth::users::{demo_accounts, RegisterError, UserDirectory};
use crate::labs::LABS;
use crate::site::flash::Notice;
use crate::site::origin::SameOrigin;

#[get("/")]
fn home(flash: Option<Notice>) -> Template {
    Template::render(
        "home",
        context! {
            section: "home",
            flash,
            labs: &LABS,
            demo_accounts: demo_accounts(),
        },
    )
}

#[derive(FromForm)]
struct RegisterForm {
    username: String,
    password: String,
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

#[get("/register")]
fn register_form() -> Template {
    register_page("", None)
}

/// Adds an account to the shared directory and shows the stored PHC string.
#[post("/register", data = "<form>")]
async fn register(
    _same_origin: SameOrigin,
    form: Form<RegisterForm>,
    users: &State<UserDirectory>,
) -> (Status, Template) {
    match users.register(&form.username, &form.password).await {
        Ok(phc) => (
            Status::Created,
            Template::render(
                "registered",
                context! {
                    section: "register",
                    username: &form.username,
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
            };
            (status, register_page(&form.username, Some(&e)))
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

/// A trivial route: the framework's own cost per request, the floor the benchmark compares
/// every lab against (and a liveness check for whoever runs a class server).
#[get("/health")]
fn health() -> &'static str {
    "ok"
}

pub fn routes() -> Vec<Route> {
    routes![home, register_form, register, health]
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
