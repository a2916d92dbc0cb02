//! The login flow every HTML lab shares: the form, the page, and the password check. A lab's
//! own login handler keeps only the lines that are its mechanism (create the session, encrypt
//! the cookie, sign the token).
//!
//! Each lab's page is `templates/labs/<lab>/login.html.tera`, extending `auth/login`, which has a
//! block `extra_fields` inside the form (a "remember me" box, a hidden token) and a block `lead`.

use crate::site::view::{context, Template};
use rocket::form::FromForm;
use serde::Serialize;

use super::users::{demo_accounts, UserDirectory};

/// The login form every HTML lab posts (`username`, `password`). Other fields are ignored.
/// A lab whose form carries more (a "remember me" box, a CSRF token) declares its own form
/// struct with these two fields plus its own, and implements [`Credentials`] for it.
#[derive(FromForm)]
pub struct LoginForm {
    pub username: String,
    pub password: String,
}

/// What the password check needs from a login form.
pub trait Credentials {
    fn username(&self) -> &str;
    fn password(&self) -> &str;
}

impl Credentials for LoginForm {
    fn username(&self) -> &str {
        &self.username
    }
    fn password(&self) -> &str {
        &self.password
    }
}

/// So a handler can pass its `Form<…>` guard as it is: `authenticate(LAB, &form, users)`.
impl<T: Credentials> Credentials for rocket::form::Form<T> {
    fn username(&self) -> &str {
        (**self).username()
    }
    fn password(&self) -> &str {
        (**self).password()
    }
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
    form: &impl Credentials,
    users: &UserDirectory,
) -> Result<String, Template> {
    authenticate_showing(lab, form, users, ()).await
}

/// [`authenticate`] for a lab whose form has extra fields: a failure shows the form again
/// with `extra` (say, a fresh CSRF token for its hidden field).
pub async fn authenticate_showing(
    lab: &'static str,
    form: &impl Credentials,
    users: &UserDirectory,
    extra: impl Serialize,
) -> Result<String, Template> {
    match users.authenticate(form.username(), form.password()).await {
        Some(username) => Ok(username),
        None => Err(login_page(lab, form.username(), true, extra)),
    }
}
