//! The lab's own cookies: their names, how each is written (scope and flags), and how each is
//! read back. Every reader answers the same way: absent, rejected (and why), or accepted.

use rocket::http::{Cookie, CookieJar, SameSite};
use time::OffsetDateTime;

use super::signed::{Checks, CookieSigner, Verified};
use super::ticket::LoginTicket;
use super::BASE;
use crate::auth::arrival::{Arrival, Reason};
use crate::auth::users::UserDirectory;
use crate::labs::credential::{CookieRefusal, CredentialCookie, LabCookies};

/// The plain counter: a bare number anyone can read and change.
pub const PLAIN: &str = "plain_visits";
/// The signed counter: `7.<HMAC tag>`, readable, any edit detected.
pub const SIGNED: &str = "signed_visits";
/// A second signed cookie holding a note the learner picks (`note.<HMAC tag>`): the value a
/// signed counter could be swapped for when the tag does not cover the name (`bind_name`).
pub const NOTE: &str = "signed_note";
/// The longest note the lab signs.
pub const NOTE_MAX: usize = 32;
/// The private counter: AES-256-GCM ciphertext, unreadable and tamper-proof.
pub const PRIVATE: &str = "private_visits";
/// The login: who logged in, when and until when, encrypted like the private counter.
pub const LOGIN: &str = "user";
/// The login cookie: `user` at this lab's path, or `__Host-user` with `cookie_secure`.
pub const LOGIN_CREDENTIAL: CredentialCookie = CredentialCookie {
    name: LOGIN,
    host_name: "__Host-user",
    path: BASE,
};

/// Why a cookie this lab reads was refused. The words are in the message table, under
/// `cookies.counter.<code>` (the verdict) and `cookies.received.<code>` (the inspector row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// It checked out (or is plain) but is not a whole number: the text as it arrived.
    NotANumber(String),
    /// A `value.tag` whose tag no key produced: edited, or signed with another key.
    Mismatch,
    /// Not of the form `value.tag` at all.
    Unsigned,
    /// It fails authenticated decryption: edited, or encrypted under another `secret_key`.
    Undecryptable,
    /// A login that decrypted but is not today's format (the bare username older versions
    /// wrote): it says nothing about when it expires or for which account it was issued.
    OldFormat,
    /// A login past its expiry (`cookie_login_lifetime` after it was issued).
    Expired,
    /// A signed counter whose tag only a retired key made, refused because this browser turned
    /// `accept_retired_key` off.
    RetiredKey,
    /// A login for an account that no longer exists (the server restarted, say).
    NoAccount,
    /// A login for an account that is gone, whose name someone has registered again.
    OtherAccount,
}

impl Reason for Refusal {
    fn code(&self) -> &'static str {
        match self {
            Refusal::NotANumber(_) => "not_a_number",
            Refusal::Mismatch => "mismatch",
            Refusal::Unsigned => "unsigned",
            Refusal::Undecryptable => "undecryptable",
            Refusal::OldFormat => "old_format",
            Refusal::Expired => "expired",
            Refusal::RetiredKey => "retired_key",
            Refusal::NoAccount => "no_account",
            Refusal::OtherAccount => "other_account",
        }
    }
}

/// A counter cookie that was believed: the count it carried, and for the signed one the
/// number of the key that verified it (0 = the current signing key), and the switch that let
/// it through when a safe check would not have (`verify_signed`, `bind_name`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    pub previous: u64,
    pub key: Option<usize>,
    pub switch: Option<&'static str>,
}

pub type CountArrival = Arrival<Count, Refusal>;

fn number(text: &str, key: Option<usize>) -> CountArrival {
    match text.parse() {
        Ok(previous) => Arrival::Accepted(Count {
            previous,
            key,
            switch: None,
        }),
        Err(_) => Arrival::Rejected(Refusal::NotANumber(text.to_string())),
    }
}

/// The plain counter is believed whatever it says, as long as it is a number: the lesson.
pub fn read_plain(jar: &CookieJar<'_>) -> CountArrival {
    jar.get(PLAIN)
        .map_or(Arrival::Absent, |c| number(c.value(), None))
}

/// The signed counter counts only if some key's HMAC tag matches (as this browser's switches
/// check it: `checks`).
pub fn read_signed(jar: &CookieJar<'_>, signer: &CookieSigner, checks: Checks) -> CountArrival {
    let Some(cookie) = jar.get(SIGNED) else {
        return Arrival::Absent;
    };
    let let_through = |arrival: CountArrival, switch| match arrival {
        Arrival::Accepted(count) => Arrival::Accepted(Count {
            switch: Some(switch),
            ..count
        }),
        other => other,
    };
    match signer.verify_with(SIGNED, cookie.value(), checks) {
        Verified::Valid { value, key } => number(&value, Some(key)),
        Verified::Unchecked { value } => let_through(number(&value, None), "verify_signed"),
        Verified::Unbound { value, key } => let_through(number(&value, Some(key)), "bind_name"),
        Verified::Mismatch => Arrival::Rejected(Refusal::Mismatch),
        Verified::Malformed => Arrival::Rejected(Refusal::Unsigned),
        Verified::Retired => Arrival::Rejected(Refusal::RetiredKey),
    }
}

/// The note, as the signed-cookie rules of this browser read it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct NoteView {
    pub raw: String,
    /// `valid`, `unbound`, `unchecked`, `mismatch`, `malformed` or `retired`.
    pub verdict: &'static str,
    pub value: Option<String>,
}

pub fn read_note(jar: &CookieJar<'_>, signer: &CookieSigner, checks: Checks) -> Option<NoteView> {
    let raw = jar.get(NOTE)?.value().to_string();
    let (verdict, value) = match signer.verify_with(NOTE, &raw, checks) {
        Verified::Valid { value, .. } => ("valid", Some(value)),
        Verified::Unbound { value, .. } => ("unbound", Some(value)),
        Verified::Unchecked { value } => ("unchecked", Some(value)),
        Verified::Mismatch => ("mismatch", None),
        Verified::Malformed => ("malformed", None),
        Verified::Retired => ("retired", None),
    };
    Some(NoteView {
        raw,
        verdict,
        value,
    })
}

/// The private counter counts only if it decrypts (`get_private` checks the GCM tag).
pub fn read_private(jar: &CookieJar<'_>) -> CountArrival {
    if jar.get(PRIVATE).is_none() {
        return Arrival::Absent;
    }
    jar.get_private(PRIVATE)
        .map_or(Arrival::Rejected(Refusal::Undecryptable), |c| {
            number(c.value(), None)
        })
}

/// What arrived in the login cookie; two of them at once are refused as cookie tossing.
pub type LoginArrival = Arrival<LoginTicket, CookieRefusal<Refusal>>;

/// The login cookie: the login it decrypts to, if it has not expired and its account is still
/// the one called by its name in `users`. That check is the whole login.
pub fn read_login(
    cookies: &LabCookies<'_>,
    users: &UserDirectory,
    now: OffsetDateTime,
) -> LoginArrival {
    cookies.read(LOGIN_CREDENTIAL, |jar, name| {
        let Some(cookie) = jar.get_private(name) else {
            return Arrival::Rejected(Refusal::Undecryptable);
        };
        let checked = LoginTicket::decode(cookie.value()).and_then(|ticket| {
            let current = users.account_id(&ticket.user);
            ticket.check(now, current.as_ref())
        });
        match checked {
            Ok(ticket) => Arrival::Accepted(ticket),
            Err(why) => Arrival::Rejected(why),
        }
    })
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

/// The plain and signed counters are deliberately not `HttpOnly`, so the learner can read
/// (and edit) them from page JavaScript too.
pub fn set_plain(jar: &CookieJar<'_>, count: u64, secure: bool) {
    jar.add(lab_cookie(PLAIN, count.to_string(), secure));
}

/// `signed_value` is `value.<tag>`, from `CookieSigner::sign` or `sign_with`.
pub fn set_signed(jar: &CookieJar<'_>, signed_value: String, secure: bool) {
    jar.add(lab_cookie(SIGNED, signed_value, secure));
}

/// The note, readable like the signed counter (not `HttpOnly`), so it can be copied.
pub fn set_signed_note(jar: &CookieJar<'_>, signed_value: String, secure: bool) {
    jar.add(lab_cookie(NOTE, signed_value, secure));
}

/// `add_private` encrypts with AES-256-GCM under `secret_key`, binding the name in, and adds
/// `HttpOnly`; `expires(None)` replaces its default one-week `Expires`.
pub fn set_private(jar: &CookieJar<'_>, count: u64, secure: bool) {
    jar.add_private(lab_cookie(PRIVATE, count.to_string(), secure));
}

/// The login cookie: the ticket, encrypted and authenticated, `HttpOnly`, for this lab only;
/// with `cookie_secure` it is `__Host-user` with `Path=/`, which no other host or path can
/// plant a copy of (cookie tossing). Still a browser-session cookie: the expiry that counts is
/// the one inside, which the server checks; a `Max-Age` would only ask the browser, and a copy
/// ignores it.
pub fn set_login(jar: &CookieJar<'_>, ticket: &LoginTicket, secure: bool) {
    let mut cookie = LOGIN_CREDENTIAL.build(secure, ticket.encode());
    cookie.set_same_site(SameSite::Lax);
    cookie.set_expires(None::<time::OffsetDateTime>);
    jar.add_private(cookie);
}

/// Removal must name the same name and `Path` as the cookie, or the browser keeps it.
pub fn remove_login(jar: &CookieJar<'_>, secure: bool) {
    jar.remove_private(LOGIN_CREDENTIAL.removal(secure));
}
