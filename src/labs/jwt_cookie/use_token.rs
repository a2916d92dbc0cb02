//! The workbench's one-click send: `POST BASE/use-token` (form `token`) puts a token the
//! learner signed into this lab's own credential cookie and redirects to the lab page, which
//! then verifies it like any other (under this browser's switches).
//!
//! It sets a credential, so it is guarded like a login: only this app's own pages may send it,
//! whatever `origin_check` says (else another site could plant its token in a learner's
//! browser: login CSRF). It takes only something shaped like a JWT, small enough for a cookie,
//! and it only ever writes this lab's own cookie name: the form names no cookie.

use rocket::form::{Form, FromForm};
use rocket::http::Status;
use rocket::post;
use rocket::response::Redirect;
use rocket::State;

use super::guard::set_token_cookie;
use super::BASE;
use crate::auth::jwt::{decode_unverified, Policy};
use crate::config::AppConfig;
use crate::labs::credential::LabCookies;
use crate::site::error::AppError;
use crate::site::origin::StrictSameOrigin;

/// Browsers keep cookies up to about 4096 bytes, name and attributes included.
const MAX_TOKEN: usize = 3800;

#[derive(FromForm)]
pub struct UseTokenForm<'r> {
    #[field(validate = len(1..=MAX_TOKEN))]
    token: &'r str,
}

/// Sets the token as this browser's `jwt` cookie, for the lab page to verify.
#[post("/use-token", data = "<form>")]
pub fn use_token(
    _same_origin: StrictSameOrigin,
    form: Form<UseTokenForm<'_>>,
    cookies: LabCookies<'_>,
    policy: Policy,
    config: &State<AppConfig>,
) -> Result<Redirect, AppError> {
    let token = form.token.trim();
    // Three base64url parts whose first two are JSON objects; nothing a cookie cannot hold.
    if decode_unverified(token).is_err() {
        return Err(AppError::explained(Status::UnprocessableEntity));
    }
    set_token_cookie(
        cookies.jar,
        token.to_string(),
        policy.ttl,
        config.cookies.secure,
    );
    Ok(Redirect::to(BASE))
}
