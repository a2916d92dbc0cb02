//! What every lab shares: password hashing, the user directory, and the login form.

pub mod arrival;
pub mod jwt;
pub mod login;
pub mod password;
pub mod shared_accounts;
pub mod users;

pub use login::LoginForm;

/// The one message for every failed login, as the JSON API sends it (pages use the message
/// table's `login.invalid`): it never says which half was wrong.
pub const INVALID_LOGIN: &str = "Invalid username or password";
