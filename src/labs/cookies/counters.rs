//! The three counters side by side: each reads its own cookie, adds one, and sends the cookie
//! back. Nothing is stored on the server. Key rotation for the signed one lives here too.
//!
//! Verdicts and details are codes; their words are in `templates/locales/en/messages.ftl` under
//! `[cookies.counter]`, rendered by `templates/labs/cookies/index.html.tera`.

use crate::site::view::{context, Template};
use rocket::form::{Form, FromForm};
use rocket::http::{CookieJar, Status};
use rocket::response::Redirect;
use rocket::{get, post, routes, uri, Responder, Route, State};
use serde::Serialize;
use time::OffsetDateTime;

use super::cookie::{self, CountArrival, Refusal, LOGIN_CREDENTIAL, NOTE, PLAIN, PRIVATE, SIGNED};
use super::forgery;
use super::login::LoginDetails;
use super::notice::{LabNotice, RETIRED_KEY};
use super::received::{CookieReader, Judged};
use super::signed::{Checks, CookieSigner};
use super::{mounted, LAB};
use crate::auth::arrival::{Arrival, ArrivalView};
use crate::challenges::ChallengeId::{PlainCounterForgery, SignedCookieForgery};
use crate::challenges::Learner;
use crate::config::AppConfig;
use crate::labs::switches::CookieSwitches;
use crate::site::error::AppError;
use crate::site::flash::Flashed;
use crate::site::flash::Notice;
use crate::site::inspector::SentHeaders;
use crate::site::origin::SameOrigin;

pub fn routes() -> Vec<Route> {
    routes![index, sign_with_retired_key, sign_note]
}

/// One counter as the page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct CounterView {
    /// `plain`, `signed` or `private`: the page's element ids start with it.
    pub kind: &'static str,
    pub cookie: &'static str,
    /// The count after this visit.
    pub count: u64,
    pub arrival: ArrivalView,
    /// What the cookie said, when it was believed.
    pub previous: Option<u64>,
    /// The text that was not a number, when that was the refusal.
    pub input: Option<String>,
    /// The key (1-based) that verified the signed counter.
    pub key: Option<usize>,
    /// The experiment switch that let it through where a safe check would have refused it.
    pub switch: Option<&'static str>,
}

impl CounterView {
    fn new(kind: &'static str, cookie: &'static str, arrival: &CountArrival) -> CounterView {
        let accepted = arrival.accepted();
        let previous = accepted.map(|c| c.previous);
        CounterView {
            kind,
            cookie,
            count: previous.map_or(1, |n| n.saturating_add(1)),
            arrival: arrival.view(),
            previous,
            input: match arrival {
                Arrival::Rejected(Refusal::NotANumber(text)) => Some(text.clone()),
                _ => None,
            },
            key: accepted.and_then(|c| c.key).map(|k| k + 1),
            switch: accepted.and_then(|c| c.switch),
        }
    }
}

/// Counts a visit three times over and sends the three cookies back.
#[get("/")]
pub fn index(
    reader: CookieReader<'_>,
    config: &State<AppConfig>,
    sent: SentHeaders,
    flash: Option<Notice>,
    learner: Learner<'_>,
) -> Template {
    let now = OffsetDateTime::now_utc();
    let CookieReader {
        cookies,
        signer,
        checks,
        users,
    } = &reader;
    let login = cookie::read_login(cookies, users, now);
    let jar = cookies.jar;
    let plain_arrival = cookie::read_plain(jar);
    let plain = CounterView::new("plain", PLAIN, &plain_arrival);
    let signed_arrival = cookie::read_signed(jar, signer, *checks);
    let signed = CounterView::new("signed", SIGNED, &signed_arrival);
    let private_arrival = cookie::read_private(jar);
    let private = CounterView::new("private", PRIVATE, &private_arrival);
    // The inspector's table shows these verdicts rather than reaching them again.
    let received = reader.received(
        Some(&Judged {
            login: &login,
            plain: &plain_arrival,
            signed: &signed_arrival,
            private: &private_arrival,
        }),
        now,
    );
    learner.saw(
        PlainCounterForgery,
        forgery::outcome(&plain, &signed, &private),
    );
    let strict = cookie::read_signed(jar, signer, Checks::SAFE);
    learner.saw(
        SignedCookieForgery,
        forgery::signed_outcome(&signed_arrival, &strict),
    );
    let secure = config.cookies.secure;
    cookie::set_plain(jar, plain.count, secure);
    let resigned = signer.sign_for(0, SIGNED, &signed.count.to_string(), *checks);
    cookie::set_signed(jar, resigned, secure);
    cookie::set_private(jar, private.count, secure);
    Template::render(
        "labs/cookies/index",
        context! {
            section: LAB,
            notice: flash.and_then(LabNotice::from_flash),
            visits: private.count,
            user: login.accepted().map(|ticket| &ticket.user),
            login_cookie: LOGIN_CREDENTIAL.name(secure),
            login: login.view(),
            login_details: login.accepted().map(|ticket| LoginDetails::new(ticket, now)),
            received,
            counters: [plain, signed, private],
            note: cookie::read_note(jar, signer, *checks),
            checks,
            sent,
            key_count: signer.key_count(),
        },
    )
}

/// What the retired-key button answers.
#[derive(Responder)]
pub enum RetiredKey {
    /// Back to the lab, with the counter re-signed (boxed: a flash and a redirect are ten
    /// times the size of a page to render).
    Resigned(Box<Flashed<Redirect>>),
    /// Only one key is configured: there is nothing retired to sign with.
    #[response(status = 409)]
    NoneConfigured(Template),
}

/// Re-signs the signed counter with the last (retired) key, so the next page load shows an
/// old-key cookie being accepted and re-signed with the current key: rotation at work.
#[post("/signed/retired-key")]
pub fn sign_with_retired_key(
    _same_origin: SameOrigin,
    switches: CookieSwitches,
    jar: &CookieJar<'_>,
    signer: &State<CookieSigner>,
    config: &State<AppConfig>,
) -> RetiredKey {
    let retired = signer.key_count() - 1;
    if retired == 0 {
        let page = Template::render("labs/cookies/no-retired-key", context! { section: LAB });
        return RetiredKey::NoneConfigured(page);
    }
    // The count as it was before this request: reading does not count a visit here.
    let count = cookie::read_signed(jar, signer, Checks::of(&switches))
        .accepted()
        .map_or(0, |c| c.previous);
    let value = signer.sign_with(retired, SIGNED, &count.to_string());
    cookie::set_signed(jar, value, config.cookies.secure);
    RetiredKey::Resigned(Box::new(Flashed::success(
        Redirect::to(mounted(uri!(index))),
        RETIRED_KEY,
    )))
}

/// The note form: one short word or number.
#[derive(FromForm)]
pub struct NoteForm<'r> {
    note: &'r str,
}

/// Signs whatever short note the learner asks for into `signed_note`: a second signed cookie,
/// like an app's signed preferences. Its tag covers `signed_note=<note>`, so it is worthless
/// as a `signed_visits` value, unless this browser turned `bind_name` off: then the tag covers
/// the value alone, and a note of `1000` is a valid signed counter of 1000 (the lesson).
#[post("/signed/note", data = "<form>")]
pub fn sign_note(
    _same_origin: SameOrigin,
    form: Form<NoteForm<'_>>,
    switches: CookieSwitches,
    jar: &CookieJar<'_>,
    signer: &State<CookieSigner>,
    config: &State<AppConfig>,
) -> Result<Redirect, AppError> {
    let note = form.note;
    let fits = (1..=cookie::NOTE_MAX).contains(&note.len())
        && note
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !fits {
        return Err(AppError::explained(Status::UnprocessableEntity));
    }
    let value = signer.sign_for(0, NOTE, note, Checks::of(&switches));
    cookie::set_signed_note(jar, value, config.cookies.secure);
    Ok(Redirect::to(format!(
        "{}#signed-note",
        mounted(uri!(index))
    )))
}
