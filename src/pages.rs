//! The shared pages: home and registration.

use rocket::form::{Form, FromForm};
use rocket::http::Status;
use rocket::request::{FromRequest, Outcome};
use rocket::{get, post, routes, Request, Route, State};
use rocket_dyn_templates::{context, Template};
use serde::Serialize;

use crate::auth::users::{
    RegisterError, UserDirectory, DEMO_ACCOUNTS, PASSWORD_RULE, USERNAME_RULE,
};
use crate::labs::LABS;

/// A one-shot message carried across a redirect (Rocket's `Flash`), ready for a template.
/// As a request guard it reads and consumes the flash cookie; use it as `Option<Notice>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    pub kind: String,
    pub message: String,
}

/// The cookie Rocket's `Flash` sets: `<length of kind>:<kind><message>`, with `Path=/`.
const FLASH_COOKIE: &str = "_flash";

impl Notice {
    /// Parses a flash cookie's value; `None` when it is not one Rocket could have written.
    fn parse(value: &str) -> Option<Notice> {
        let (length, rest) = value.split_once(':')?;
        let length: usize = length.parse().ok()?;
        // `get`, not slicing: an edited cookie can put the length inside a multi-byte
        // character. Rocket 0.5's own `FlashMessage` slices, and panics on such a cookie.
        Some(Notice {
            kind: rest.get(..length)?.to_string(),
            message: rest.get(length..)?.to_string(),
        })
    }
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for Notice {
    type Error = std::convert::Infallible;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let jar = request.cookies();
        let Some(cookie) = jar.get(FLASH_COOKIE) else {
            return Outcome::Forward(Status::NotFound);
        };
        let notice = Notice::parse(cookie.value());
        // Shown once, then gone; an unreadable one is dropped too, so it cannot linger.
        jar.remove(FLASH_COOKIE);
        match notice {
            Some(notice) => Outcome::Success(notice),
            None => Outcome::Forward(Status::BadRequest),
        }
    }
}

/// The demo accounts as the login pages list them.
pub fn demo_accounts() -> Vec<[&'static str; 2]> {
    DEMO_ACCOUNTS.iter().map(|(u, p)| [*u, *p]).collect()
}

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
    fn flash_cookies_parse_and_tampered_ones_are_refused_without_panicking() {
        assert_eq!(
            Notice::parse("7:successLogged in"),
            Some(Notice {
                kind: "success".into(),
                message: "Logged in".into()
            })
        );
        for tampered in ["", "junk", "5:ab", "99999999999999999999:x", "1:é", "-1:x"] {
            assert_eq!(Notice::parse(tampered), None, "{tampered:?}");
        }
    }

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
