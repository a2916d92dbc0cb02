//! Reading and writing the lab's cookies: the three counters, the login cookie, and the
//! `CookieUser` guard for protected routes.

use rocket::http::{Cookie, CookieJar, SameSite, Status};
use rocket::request::{FromRequest, Outcome};
use rocket::Request;
use serde::Serialize;

use super::signed::{CookieSigner, Verified};
use super::{CounterView, BASE, CRUMB};

/// The plain counter: a bare number anyone can read and change.
pub const PLAIN: &str = "plain_visits";
/// The signed counter: `7.<HMAC tag>`, readable, any edit detected.
pub const SIGNED: &str = "signed_visits";
/// The private counter: AES-256-GCM ciphertext, unreadable and tamper-proof.
pub const PRIVATE: &str = "private_visits";
/// The login: the username, encrypted like the private counter.
pub const LOGIN: &str = "user";

/// The three counters after this visit.
#[derive(Debug, Clone, Serialize)]
pub struct Counters {
    pub plain: CounterView,
    pub signed: CounterView,
    pub private: CounterView,
}

fn view(
    kind: &'static str,
    cookie: &'static str,
    previous: Result<Option<u64>, (&'static str, String)>,
) -> CounterView {
    match previous {
        Ok(Some(n)) => CounterView {
            kind,
            cookie,
            count: n.saturating_add(1),
            verdict: "accepted",
            detail: format!("The cookie said {n}, so this visit makes {}.", n.saturating_add(1)),
            ok: true,
        },
        Ok(None) => CounterView {
            kind,
            cookie,
            count: 1,
            verdict: "absent",
            detail: "No cookie arrived (a first visit, or the browser dropped it), so the count starts at 1.".into(),
            ok: true,
        },
        Err((verdict, why)) => CounterView {
            kind,
            cookie,
            count: 1,
            verdict,
            detail: format!("{why} The server ignored it and the count restarted at 1."),
            ok: false,
        },
    }
}

fn number(text: &str) -> Result<Option<u64>, (&'static str, String)> {
    text.parse().map(Some).map_err(|_| {
        (
            "not a number",
            format!("The value `{text}` is not a whole number."),
        )
    })
}

/// Reads all three counters. An edited signed or private cookie is detected and ignored.
pub fn read_counters(jar: &CookieJar<'_>, signer: &CookieSigner) -> Counters {
    let plain = jar.get(PLAIN).map_or(Ok(None), |c| number(c.value()));
    let signed_check = jar.get(SIGNED).map(|c| signer.verify(SIGNED, c.value()));
    let signed = match &signed_check {
        None => Ok(None),
        Some(Verified::Valid { value, .. }) => number(value),
        Some(Verified::Mismatch) => Err((
            "signature did not match",
            "The value was edited, or signed with a key this server does not have: the signature did not match.".into(),
        )),
        Some(Verified::Malformed) => Err((
            "not signed",
            "The value is not of the form value.signature.".into(),
        )),
    };
    let private = if jar.get(PRIVATE).is_none() {
        Ok(None)
    } else {
        jar.get_private(PRIVATE).map_or(
            Err((
                "could not decrypt",
                "The value failed authenticated decryption: it was edited, or encrypted under another secret_key.".into(),
            )),
            |c| number(c.value()),
        )
    };
    let mut signed = view("signed", SIGNED, signed);
    if let (Some(Verified::Valid { key, .. }), true) = (signed_check, signed.ok) {
        let which = if key == 0 {
            "the current key".to_string()
        } else {
            "a retired key: still accepted, and this response re-signs it with key 1".to_string()
        };
        signed.detail = format!(
            "{} Signature verified with key {} of {} ({which}).",
            signed.detail,
            key + 1,
            signer.key_count()
        );
    }
    Counters {
        plain: view("plain", PLAIN, plain),
        signed,
        private: view("private", PRIVATE, private),
    }
}

/// A browser-session cookie for this lab's pages only; `SameSite=Lax` like the sessions lab,
/// and `Secure` when the app is configured for HTTPS (`cookie_secure`).
fn lab_cookie(name: &'static str, value: String, secure: bool) -> Cookie<'static> {
    let mut cookie = Cookie::build((name, value))
        .path(BASE)
        .same_site(SameSite::Lax)
        .expires(None::<time::OffsetDateTime>)
        .build();
    if secure {
        cookie.set_secure(true);
    }
    cookie
}

pub fn set_signed_counter(jar: &CookieJar<'_>, signed_value: String, secure: bool) {
    jar.add(lab_cookie(SIGNED, signed_value, secure));
}

/// Sends the three counters back. The plain and signed ones are deliberately not `HttpOnly`,
/// so the learner can read (and edit) them from page JavaScript too; the private one is.
pub fn set_counter_cookies(
    jar: &CookieJar<'_>,
    signer: &CookieSigner,
    counters: &Counters,
    secure: bool,
) {
    jar.add(lab_cookie(PLAIN, counters.plain.count.to_string(), secure));
    set_signed_counter(
        jar,
        signer.sign(SIGNED, &counters.signed.count.to_string()),
        secure,
    );
    // `add_private` encrypts with AES-256-GCM under `secret_key`, binding the name in, and
    // adds HttpOnly; `expires(None)` replaces its default one-week `Expires`.
    jar.add_private(lab_cookie(
        PRIVATE,
        counters.private.count.to_string(),
        secure,
    ));
}

/// The login cookie: the username, encrypted and authenticated, `HttpOnly`, for this lab only.
pub fn set_login_cookie(jar: &CookieJar<'_>, username: &str, secure: bool) {
    jar.add_private(lab_cookie(LOGIN, username.to_string(), secure));
}

/// Removal must name the same `Path` as the cookie, or the browser keeps it.
pub fn remove_login_cookie(jar: &CookieJar<'_>) {
    jar.remove_private(Cookie::build(LOGIN).path(BASE));
}

/// The username in a valid login cookie, if any.
pub fn login_user(jar: &CookieJar<'_>) -> Option<String> {
    jar.get_private(LOGIN)
        .map(|c| c.value().to_string())
        .filter(|u| !u.is_empty())
}

/// One cookie the browser sent, and what the server concluded from it.
#[derive(Debug, Clone, Serialize)]
pub struct CookieVerdict {
    pub name: String,
    /// The value as received (after Rocket's percent-decoding).
    pub value: String,
    pub verdict: String,
    pub ok: bool,
}

/// A verdict for every cookie in the request, sorted by name.
pub fn verdicts(jar: &CookieJar<'_>, signer: &CookieSigner) -> Vec<CookieVerdict> {
    let mut all: Vec<CookieVerdict> = jar
        .iter()
        .map(|c| {
            let (verdict, ok) = match c.name() {
                PLAIN => match c.value().parse::<u64>() {
                    Ok(n) => (format!("accepted: {n}, believed without question"), true),
                    Err(_) => ("not a number: ignored".to_string(), false),
                },
                SIGNED => match signer.verify(SIGNED, c.value()) {
                    Verified::Valid { value, key } => (
                        format!(
                            "accepted: signature valid (key {} of {}), value {value}",
                            key + 1,
                            signer.key_count()
                        ),
                        true,
                    ),
                    Verified::Mismatch => ("signature mismatch: ignored".to_string(), false),
                    Verified::Malformed => ("no signature: ignored".to_string(), false),
                },
                PRIVATE | LOGIN => match jar.get_private(c.name()) {
                    Some(plain) => (format!("accepted: decrypts to {}", plain.value()), true),
                    None => ("could not decrypt: ignored".to_string(), false),
                },
                CRUMB => ("the removal experiment's cookie".to_string(), true),
                "_flash" => ("Rocket's one-shot flash message".to_string(), true),
                _ => (
                    "not read by this lab (sent because its Path and Domain cover this page)"
                        .to_string(),
                    true,
                ),
            };
            CookieVerdict {
                name: c.name().to_string(),
                value: c.value().to_string(),
                verdict,
                ok,
            }
        })
        .collect();
    all.sort_by(|a, b| a.name.cmp(&b.name));
    all
}

/// A user authenticated by this lab's private login cookie. Forwards (so a `rank = 2` route
/// can redirect to the login page) when there is none or it does not decrypt.
pub struct CookieUser {
    pub username: String,
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for CookieUser {
    type Error = std::convert::Infallible;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        match login_user(request.cookies()) {
            Some(username) => Outcome::Success(CookieUser { username }),
            None => Outcome::Forward(Status::Unauthorized),
        }
    }
}
