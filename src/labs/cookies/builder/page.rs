//! The builder's pages: the form (with the removal experiment and the tutorial's cookie), and
//! the result page with the exact `Set-Cookie` line. Page words:
//! `templates/labs/cookies/{builder,set}.html.tera`; problems and notes are codes.

use crate::site::view::{context, Template};
use rocket::form::Form;
use rocket::http::uri::Host;
use rocket::http::{Cookie, CookieJar, Header};
use rocket::response::{self, Redirect, Responder};
use rocket::{get, post, Request};
use time::OffsetDateTime;

use super::code::rocket_code;
use super::notes::{Note, MAX_LIFETIME_DAYS};
use super::removal::{RemovalForm, CRUMB};
use super::rules::Problem;
use super::{build as build_cookie, CookieSpec};
use crate::labs::cookies::notice::LabNotice;
use crate::labs::cookies::received::CookieReader;
use crate::labs::cookies::LAB;
use crate::site::flash::Flashed;
use crate::site::flash::Notice;
use crate::site::inspector::SentHeaders;
use crate::site::origin::SameOrigin;

/// A response plus one `Set-Cookie` line written exactly as given (already validated).
pub struct WithSetCookie<R> {
    pub inner: R,
    pub line: String,
}

impl<'r, 'o: 'r, R: Responder<'r, 'o>> Responder<'r, 'o> for WithSetCookie<R> {
    fn respond_to(self, request: &'r Request<'_>) -> response::Result<'o> {
        let mut response = self.inner.respond_to(request)?;
        response.adjoin_header(Header::new("Set-Cookie", self.line));
        Ok(response)
    }
}

/// What the builder and removal forms answer.
#[derive(Responder)]
pub enum BuilderResponse {
    /// The result page, plus the cookie's `Set-Cookie` line.
    Set(WithSetCookie<Template>),
    /// Back to the builder, plus the removal's `Set-Cookie` line (boxed: a flash and a
    /// redirect are ten times the size of a page to render).
    Removed(Box<WithSetCookie<Flashed<Redirect>>>),
    /// The form again with every broken rule listed, and no `Set-Cookie` at all.
    #[response(status = 422)]
    Refused(Template),
}

/// The builder page: the forms as they were sent, what was wrong with them, and a notice.
#[derive(Default)]
pub struct BuilderPage {
    pub spec: CookieSpec,
    pub problems: Vec<Problem>,
    pub removal: RemovalForm,
    pub removal_problems: Vec<Problem>,
    pub notice: Option<LabNotice>,
}

impl BuilderPage {
    pub fn render(self, reader: &CookieReader<'_>, sent: SentHeaders) -> Template {
        Template::render(
            "labs/cookies/builder",
            context! {
                section: LAB,
                notice: self.notice,
                spec: self.spec,
                problems: self.problems,
                removal: self.removal,
                removal_problems: self.removal_problems,
                received: reader.received(None, OffsetDateTime::now_utc()),
                key_count: reader.signer.key_count(),
                sent,
                crumb: CRUMB,
            },
        )
    }
}

#[get("/builder")]
pub fn builder_form(
    reader: CookieReader<'_>,
    sent: SentHeaders,
    flash: Option<Notice>,
) -> Template {
    let notice = flash.and_then(LabNotice::from_flash);
    BuilderPage {
        notice,
        ..BuilderPage::default()
    }
    .render(&reader, sent)
}

/// Sets the cookie exactly as specified, or explains every rule the input broke (422, and no
/// `Set-Cookie` at all).
#[post("/builder", data = "<spec>")]
pub fn build(
    _same_origin: SameOrigin,
    spec: Form<CookieSpec>,
    host: Option<&Host<'_>>,
    reader: CookieReader<'_>,
    sent: SentHeaders,
) -> BuilderResponse {
    let host = host.map(|h| h.domain().as_str().to_string());
    match build_cookie(&spec, host.as_deref(), OffsetDateTime::now_utc()) {
        Ok(built) => BuilderResponse::Set(WithSetCookie {
            inner: set_page(&built.cookie, built.notes, "builder", sent),
            line: built.line,
        }),
        Err(problems) => BuilderResponse::Refused(
            BuilderPage {
                spec: spec.into_inner(),
                problems,
                ..BuilderPage::default()
            }
            .render(&reader, sent),
        ),
    }
}

/// The page after a cookie was set: the exact line (from the real headers), what the
/// browser's JavaScript can see, and the same cookie in Rocket code.
fn set_page(cookie: &Cookie<'_>, notes: Vec<Note>, origin: &str, sent: SentHeaders) -> Template {
    Template::render(
        "labs/cookies/set",
        context! {
            section: LAB,
            origin,
            name: cookie.name(),
            http_only: cookie.http_only() == Some(true),
            notes,
            lifetime_days: MAX_LIFETIME_DAYS,
            rocket_code: rocket_code(cookie),
            sent,
        },
    )
}

/// The tutorial's `res.cookie('customKey', 'customValue', { maxAge: 3600000, httpOnly: true })`,
/// in Rocket. express counts `maxAge` in milliseconds; Rocket takes a `time::Duration`.
#[post("/tutorial-cookie")]
pub fn tutorial_cookie(
    _same_origin: SameOrigin,
    jar: &CookieJar<'_>,
    sent: SentHeaders,
) -> Template {
    let cookie = Cookie::build(("customKey", "customValue"))
        .max_age(time::Duration::hours(1))
        .http_only(true)
        .build();
    jar.add(cookie.clone());
    let notes = vec![
        Note::new("tutorial_max_age"),
        Note::new("tutorial_defaults"),
    ];
    set_page(&cookie, notes, "tutorial", sent)
}
