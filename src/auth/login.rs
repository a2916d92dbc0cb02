//! The login flow every HTML lab shares: the form, the page, and the password check. A lab's
//! own login handler keeps only the lines that are its mechanism (create the session, encrypt
//! the cookie, sign the token).
//!
//! Each lab's page is `templates/labs/<lab>/login.html.tera`, extending `auth/login`, which has a
//! block `extra_fields` inside the form (a "remember me" box, a hidden token) and a block `lead`.

use rocket::form::FromForm;
use rocket_dyn_templates::{context, Template};
use serde::Serialize;

use super::users::{demo_accounts, UserDirectory};

/// The login form every HTML lab posts (`username`, `password`). Other fields are ignored, so
/// a lab's form can carry more (read them with a second form guard).
#[derive(FromForm)]
pub struct LoginForm {
    pub username: String,
    pub password: String,
}

/// The message code for every failed login: it never says which half was wrong.
pub const INVALID_LOGIN_CODE: &str = "login.invalid";

/// The login page of `lab` (its slug), with `username` filled in and, after a failure, the one
/// generic message. `extra` reaches the template as `extra` (for a lab's additional fields).
pub fn login_page(
    lab: &'static str,
    username: &str,
    failed: bool,
    extra: impl Serialize,
) -> Template {
    Template::render(
        format!("labs/{lab}/login"),
        context! {
            section: lab,
            lab,
            username,
            error: failed.then_some(INVALID_LOGIN_CODE),
            demo_accounts: demo_accounts(),
            extra,
        },
    )
}

/// Checks the password: the username on success, else the form again (no credential set).
/// Unknown users cost the same time as wrong passwords.
pub async fn authenticate(
    lab: &'static str,
    form: &LoginForm,
    users: &UserDirectory,
) -> Result<String, Template> {
    users
        .authenticate(&form.username, &form.password)
        .await
        .ok_or_else(|| login_page(lab, &form.username, true, ()))
}
