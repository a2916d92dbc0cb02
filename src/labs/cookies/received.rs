//! The inspector's table: every cookie the browser sent, and what the server concluded from
//! it, using the same readers as the counters and the login. The words are in the message
//! table under `[cookies.received]`, rendered by `templates/labs/cookies/received.html.tera`.

use rocket::outcome::try_outcome;
use rocket::request::{FromRequest, Outcome};
use rocket::{Request, State};
use serde::Serialize;
use time::OffsetDateTime;

use super::builder::removal::CRUMB;
use super::cookie::{
    self, CountArrival, LoginArrival, LOGIN_CREDENTIAL, NOTE, PLAIN, PRIVATE, SIGNED,
};
use super::login::LoginDetails;
use super::signed::{Checks, CookieSigner};
use crate::auth::arrival::ArrivalView;
use crate::auth::users::UserDirectory;
use crate::labs::credential::LabCookies;
use crate::labs::switches::CookieSwitches;

/// The cookie Rocket's `Flash` uses for one-shot messages.
const FLASH: &str = "_flash";

/// One cookie the browser sent, and what the server concluded from it.
#[derive(Debug, Clone, Serialize)]
pub struct Received {
    pub name: String,
    /// The value as received (after Rocket's percent-decoding).
    pub value: String,
    /// Which reader looked at it: `plain`, `signed`, `private`, `login`, or `crumb`, `flash`,
    /// `other` for cookies this lab does not check.
    pub role: &'static str,
    /// What the reader concluded; `None` for a cookie the lab does not check.
    pub arrival: Option<ArrivalView>,
    /// What it proved, when accepted: the count or the username.
    pub shown: Option<String>,
    /// The signing key (1-based) that verified a signed counter.
    pub key: Option<usize>,
    /// An accepted login's account, issue time and expiry.
    pub login: Option<LoginDetails>,
    /// The experiment switch that let it through where the safe check would have refused it.
    pub switch: Option<&'static str>,
}

/// A counter's verdict, what it proved, the key (1-based) and the switch that let it through.
type Row = (
    Option<ArrivalView>,
    Option<String>,
    Option<usize>,
    Option<&'static str>,
);

fn count_row(arrival: &CountArrival) -> Row {
    let accepted = arrival.accepted();
    (
        Some(arrival.view()),
        accepted.map(|c| c.previous.to_string()),
        accepted.and_then(|c| c.key).map(|k| k + 1),
        accepted.and_then(|c| c.switch),
    )
}

/// What a page has already judged of this request's cookies (with the same readers, the same
/// checks and at the same `now`), for the table to show rather than judge again: the login
/// cookie and the private counter each cost a decryption, the signed counter an HMAC.
pub struct Judged<'a> {
    pub login: &'a LoginArrival,
    pub plain: &'a CountArrival,
    pub signed: &'a CountArrival,
    pub private: &'a CountArrival,
}

/// A counter's row: from the page's verdict when it judged the counter, else read now.
fn counter_row(judged: Option<&CountArrival>, read: impl FnOnce() -> CountArrival) -> Row {
    match judged {
        Some(arrival) => count_row(arrival),
        None => count_row(&read()),
    }
}

/// A row for every cookie in the request, sorted by name (one per name: Rocket's jar keeps
/// one; a login name sent twice says so in its verdict). With `judged`, the login and the
/// counters are shown as the page judged them; every other cookie is read here.
pub fn received(
    cookies: &LabCookies<'_>,
    signer: &CookieSigner,
    checks: Checks,
    users: &UserDirectory,
    now: OffsetDateTime,
    judged: Option<&Judged<'_>>,
) -> Vec<Received> {
    let jar = cookies.jar;
    let login_name = LOGIN_CREDENTIAL.name(cookies.secure);
    let mut all: Vec<Received> = jar
        .iter()
        .map(|c| {
            let mut login = None;
            let (role, (arrival, shown, key, switch)) = match c.name() {
                PLAIN => (
                    "plain",
                    counter_row(judged.map(|j| j.plain), || cookie::read_plain(jar)),
                ),
                SIGNED => (
                    "signed",
                    counter_row(judged.map(|j| j.signed), || {
                        cookie::read_signed(jar, signer, checks)
                    }),
                ),
                PRIVATE => (
                    "private",
                    counter_row(judged.map(|j| j.private), || cookie::read_private(jar)),
                ),
                name if name == login_name => {
                    let read;
                    let arrival = match judged {
                        Some(judged) => judged.login,
                        None => {
                            read = cookie::read_login(cookies, users, now);
                            &read
                        }
                    };
                    login = arrival.accepted().map(|t| LoginDetails::new(t, now));
                    let user = arrival.accepted().map(|t| t.user.clone());
                    ("login", (Some(arrival.view()), user, None, None))
                }
                NOTE => ("note", (None, None, None, None)),
                CRUMB => ("crumb", (None, None, None, None)),
                FLASH => ("flash", (None, None, None, None)),
                crate::site::lang::COOKIE => ("lang", (None, None, None, None)),
                _ => ("other", (None, None, None, None)),
            };
            Received {
                name: c.name().to_string(),
                value: c.value().to_string(),
                role,
                arrival,
                shown,
                key,
                login,
                switch,
            }
        })
        .collect();
    all.sort_by(|a, b| a.name.cmp(&b.name));
    all
}

/// What the inspector's cookie table reads with: this request's cookies, the signer, this
/// browser's signed-cookie checks (its switches) and the user directory.
pub struct CookieReader<'r> {
    pub cookies: LabCookies<'r>,
    pub signer: &'r CookieSigner,
    pub checks: Checks,
    pub users: &'r UserDirectory,
}

impl CookieReader<'_> {
    /// The table's rows as of `now`: the login and the counters as `judged` holds them when a
    /// page judged them (with this reader's checks, at `now`), else read here.
    pub fn received(&self, judged: Option<&Judged<'_>>, now: OffsetDateTime) -> Vec<Received> {
        received(
            &self.cookies,
            self.signer,
            self.checks,
            self.users,
            now,
            judged,
        )
    }
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for CookieReader<'r> {
    type Error = ();

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, ()> {
        let signer = try_outcome!(request.guard::<&State<CookieSigner>>().await);
        let users = try_outcome!(request.guard::<&State<UserDirectory>>().await);
        let switches = try_outcome!(request.guard::<CookieSwitches>().await);
        Outcome::Success(CookieReader {
            cookies: LabCookies::of(request),
            signer: signer.inner(),
            checks: Checks::of(&switches),
            users: users.inner(),
        })
    }
}
