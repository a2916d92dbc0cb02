//! What every lab shares: password hashing, the user directory, and the login form.

pub mod jwt;
pub mod password;
pub mod users;

use rocket::form::FromForm;

/// The login form every HTML lab posts (`username`, `password`).
#[derive(FromForm)]
pub struct LoginForm {
    pub username: String,
    pub password: String,
}

/// The one message for every failed login: it never says which half was wrong.
pub const INVALID_LOGIN: &str = "Invalid username or password";
