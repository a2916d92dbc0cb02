//! The removal experiment: there is no "delete" header, only the same cookie again, empty and
//! already expired. The browser applies it only to a stored cookie with the same name, `Path`
//! and `Domain` (RFC 6265 §5.3 step 11), which the `crumb` cookie lets a learner see.

use rocket::form::Form;
use rocket::http::{Cookie, CookieJar, SameSite};
use rocket::response::Redirect;
use rocket::{post, uri, FromForm};
use serde::Serialize;
use time::{Duration, OffsetDateTime};

use super::page::{self, BuilderPage, BuilderResponse, WithSetCookie};
use super::rules::{check_domain, check_name, check_not_owned, check_path, unless_empty, Problem};
use crate::labs::cookies::notice::{removal_sent, CRUMB_SET};
use crate::labs::cookies::received::CookieReader;
use crate::labs::cookies::{mounted, BASE};
use crate::site::flash::Flashed;
use crate::site::inspector::SentHeaders;
use crate::site::origin::SameOrigin;

/// The demo cookie the removal experiment sets and then tries to delete.
pub const CRUMB: &str = "crumb";

#[derive(Debug, Clone, Default, FromForm, Serialize)]
pub struct RemovalForm {
    #[field(default = String::new())]
    pub name: String,
    #[field(default = String::new())]
    pub path: String,
    #[field(default = String::new())]
    pub domain: String,
}

/// A removal: an empty value, `Max-Age=0` and an `Expires` in the past, with the `Path` (and
/// `Domain`) the learner chose; empty ones are left out.
pub fn removal(name: &str, path: &str, domain: &str) -> Result<Cookie<'static>, Vec<Problem>> {
    let problems: Vec<Problem> = [
        check_name(name),
        check_not_owned(name),
        unless_empty(path, check_path),
        unless_empty(domain, check_domain),
    ]
    .into_iter()
    .filter_map(Result::err)
    .collect();
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut cookie = Cookie::new(name.to_string(), "");
    cookie.set_max_age(Duration::ZERO);
    cookie.set_expires(OffsetDateTime::UNIX_EPOCH);
    if !path.is_empty() {
        cookie.set_path(path.to_string());
    }
    if !domain.is_empty() {
        cookie.set_domain(domain.to_string());
    }
    Ok(cookie)
}

/// Sends a removal for the named cookie with the chosen `Path`. Whether the browser deletes
/// anything shows on the next page: the cookie either still arrives or it does not.
#[post("/remove", data = "<form>")]
pub fn remove(
    _same_origin: SameOrigin,
    form: Form<RemovalForm>,
    reader: CookieReader<'_>,
    sent: SentHeaders,
) -> BuilderResponse {
    let (name, path, domain) = (form.name.trim(), form.path.trim(), form.domain.trim());
    match removal(name, path, domain) {
        Ok(cookie) => {
            let line = cookie.to_string();
            let back = format!("{}#received", mounted(uri!(page::builder_form)));
            BuilderResponse::Removed(Box::new(WithSetCookie {
                inner: Flashed::success(Redirect::to(back), removal_sent(&line)),
                line,
            }))
        }
        Err(problems) => BuilderResponse::Refused(
            BuilderPage {
                removal: form.into_inner(),
                removal_problems: problems,
                ..BuilderPage::default()
            }
            .render(&reader, sent),
        ),
    }
}

/// Sets `crumb=1; Path=/labs/cookies`, the cookie the removal experiment then tries to delete.
#[post("/crumb")]
pub fn set_crumb(_same_origin: SameOrigin, jar: &CookieJar<'_>) -> Flashed<Redirect> {
    jar.add(
        Cookie::build((CRUMB, "1"))
            .path(BASE)
            .same_site(SameSite::Lax),
    );
    let back = format!("{}#remove", mounted(uri!(page::builder_form)));
    Flashed::success(Redirect::to(back), CRUMB_SET)
}
