//! The shared pages: home and registration.

use rocket::form::{Form, FromForm};
use rocket::http::Status;
use rocket::{get, post, routes, Route, State};
use rocket_dyn_templates::{context, Template};
use serde::Serialize;

use crate::auth::users::{
    demo_accounts, RegisterError, UserDirectory, PASSWORD_RULE, USERNAME_RULE,
};
use crate::labs::LABS;
use crate::site::flash::Notice;

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

fn register_page(username: &str, error: Option<String>) -> Template {
    Template::render(
        "register",
        context! {
            section: "register",
            username,
            error,
            username_rule: USERNAME_RULE,
            password_rule: PASSWORD_RULE,
        },
    )
}

#[get("/register")]
fn register_form() -> Template {
    register_page("", None)
}

/// Adds an account to the shared directory and shows the stored PHC string.
#[post("/register", data = "<form>")]
async fn register(form: Form<RegisterForm>, users: &State<UserDirectory>) -> (Status, Template) {
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
            (status, register_page(&form.username, Some(e.message())))
        }
    }
}

/// One labelled part of a PHC string, for the explanation on the result page.
#[derive(Serialize)]
struct PhcPart {
    value: String,
    meaning: &'static str,
}

/// Splits `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>` into explained parts.
fn phc_parts(phc: &str) -> Vec<PhcPart> {
    const MEANINGS: [&str; 5] = [
        "the algorithm: argon2id, the variant OWASP recommends",
        "the algorithm version (0x13 = 19)",
        "the cost: memory in KiB, iterations, parallelism",
        "the random salt (base64): same password, different hash for every account",
        "the hash itself (base64): all the server keeps; the password is never stored",
    ];
    phc.trim_start_matches('$')
        .split('$')
        .zip(MEANINGS)
        .map(|(value, meaning)| PhcPart {
            value: value.to_string(),
            meaning,
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
