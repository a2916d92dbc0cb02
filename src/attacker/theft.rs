//! The cookie theft, as the attacker site receives it. Its steal-cookie page is served under
//! the sessions lab's path (`/labs/sessions/…`) on the labs' own host name, `127.0.0.1`, on
//! another port: cookies ignore ports, so the page's script sees every cookie of the lab that
//! script may see (a real attacker gets the same by injecting script into the lab's pages).
//! It reads `document.cookie` and reports it to a path under the lab's too.
//!
//! The browser sends that report the lab's cookies as well, `HttpOnly` ones included (again:
//! same host, ports ignored). The app uses them only to check the report: the session cookie
//! the script read *is* the one this browser holds, and was believed: solved; the browser
//! holds one but the script could not read it (`http_only` on): defended. A browser holding no
//! session cookie (none yet, or the page opened as `localhost`) says nothing.

use rocket::http::{CookieJar, RawStr, Status};
use rocket::request::{FromRequest, Outcome as GuardOutcome};
use rocket::serde::json::Json;
use rocket::{post, Request, State};

use super::reports::{self, ReportIn, Reports};
use crate::challenges::{ChallengeId, Challenges, Outcome};
use crate::labs::sessions;

/// The attack whose reports are judged here.
pub const ATTACK: &str = "steal-cookie";

/// At most this much of `document.cookie` is looked at.
const READ_CHARS: usize = 4096;

/// The session cookie's names (`__Host-sid` with `cookie_secure`).
fn session_cookie_names() -> [&'static str; 2] {
    [
        sessions::CREDENTIAL.name(false),
        sessions::CREDENTIAL.name(true),
    ]
}

/// What a report says about the theft: `read` is what script read, `held` the session cookie
/// the browser sent with the report.
pub fn outcome(read: &str, held: Option<&str>) -> Option<Outcome> {
    let held = held?;
    let names = session_cookie_names();
    let read: Vec<&str> = read
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .filter(|(name, _)| names.contains(name))
        .map(|(_, value)| value)
        .collect();
    if read.is_empty() {
        return Some(Outcome::Refused);
    }
    // Script sees the value as sent in `Set-Cookie` (percent-encoded); the server, decoded.
    let decoded = |value: &str| RawStr::new(value).percent_decode().ok().map(|v| v == held);
    // Another value under the name was typed, not read: it says nothing.
    read.iter()
        .any(|value| decoded(value) == Some(true))
        .then_some(Outcome::Succeeded)
}

/// The labs' challenge boards, shared at launch (`with_challenges`); a site on its own (no
/// labs beside it) has none, and judges nothing.
pub struct SharedBoards<'r>(Option<&'r Challenges>);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for SharedBoards<'r> {
    type Error = ();

    async fn from_request(request: &'r Request<'_>) -> GuardOutcome<Self, ()> {
        GuardOutcome::Success(SharedBoards(request.rocket().state::<Challenges>()))
    }
}

/// `POST /labs/sessions/reports?trace=…`: the steal-cookie page's report (kept like any other,
/// for the read-back list), judged for the learner whose log id it carries.
#[post("/labs/sessions/reports?<trace>", format = "json", data = "<report>")]
pub fn receive(
    trace: Option<&str>,
    report: Json<ReportIn>,
    reports: &State<Reports>,
    jar: &CookieJar<'_>,
    boards: SharedBoards<'_>,
) -> Status {
    let report = report.into_inner();
    let judged = report.attack == ATTACK;
    let read: String = report
        .read
        .as_deref()
        .unwrap_or_default()
        .chars()
        .take(READ_CHARS)
        .collect();
    let Some(id) = reports::record(trace, report, reports) else {
        return Status::UnprocessableEntity;
    };
    let held = session_cookie_names()
        .into_iter()
        .find_map(|name| jar.get(name).map(|c| c.value().to_string()));
    let challenges = boards.0;
    let learner = challenges.and_then(|c| Some((c, c.learner_of_trace(id.as_str())?)));
    if let (true, Some(outcome), Some((challenges, learner))) =
        (judged, outcome(&read, held.as_deref()), learner)
    {
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        challenges.saw(&learner, ChallengeId::CookieTheft, outcome, now);
    }
    Status::NoContent
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_session_cookie_the_browser_holds_read_by_script_is_a_theft() {
        let held = Some("c2VjcmV0");
        assert_eq!(
            outcome("theme=dark; sid=c2VjcmV0", held),
            Some(Outcome::Succeeded)
        );
        assert_eq!(outcome("theme=dark", held), Some(Outcome::Refused));
        assert_eq!(
            outcome("sid=typed-by-hand", held),
            None,
            "not the browser's cookie"
        );
        assert_eq!(outcome("sid=c2VjcmV0", None), None, "nothing held");
        assert_eq!(
            outcome("sid=a%2Fb%3D", Some("a/b=")),
            Some(Outcome::Succeeded),
            "as script reads it: percent-encoded"
        );
    }
}
