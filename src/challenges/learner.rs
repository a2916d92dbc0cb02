//! Who a learner is: a random 128-bit id in a private (encrypted, authenticated) cookie, one per
//! browser, made the first time the server has something to remember for that browser (a
//! solve, a hint, a logout, a visit to the board). The [`Learner`] guard is the labs' one way
//! to tell the boards what they saw.
//!
//! Some attacks arrive from another site: the attacker site's forged login is a cross-site form
//! POST, which a `SameSite=Lax` cookie does not ride. So when the app listens on loopback the
//! cookie is `SameSite=None; Secure` (browsers accept a `Secure` cookie over `http://` on
//! loopback), and the attacker site's `?trace=<id>` tag attributes a request too. On a class
//! server (another address) it is `SameSite=Lax`: cross-site attacks are for one's own copy.

use std::sync::Mutex;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use rand::RngCore;
use rocket::http::{Cookie, CookieJar, SameSite};
use rocket::outcome::try_outcome;
use rocket::request::{FromRequest, Outcome as GuardOutcome};
use rocket::{Request, State};
use serde::{Serialize, Serializer};
use time::{Duration, OffsetDateTime};

use super::board::Outcome;
use super::catalogue::ChallengeId;
use super::store::Challenges;
use crate::auth::users::demo_accounts;
use crate::config::AppConfig;
use crate::labs::cross_site::TRACE_PARAM;

/// The cookie that names this browser's board.
pub const LEARNER_COOKIE: &str = "learner";

/// How long a browser keeps its board's id (the board itself lives in server memory).
const LIFETIME: Duration = Duration::days(30);

/// One learner's id: 128 random bits from the OS CSPRNG, base64url in the cookie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LearnerId([u8; 16]);

impl LearnerId {
    pub fn generate() -> LearnerId {
        let mut bytes = [0u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        LearnerId(bytes)
    }

    /// Only the shape `generate` makes.
    pub fn parse(text: &str) -> Option<LearnerId> {
        let bytes = URL_SAFE_NO_PAD.decode(text).ok()?;
        bytes.try_into().ok().map(LearnerId)
    }

    pub fn encode(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.0)
    }

    /// The first characters, enough to tell learners apart on the teacher's page.
    pub fn short(&self) -> String {
        self.encode().chars().take(6).collect()
    }
}

impl Serialize for LearnerId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.encode())
    }
}

/// The learner a request resolved to (or was given), kept for the response fairings, which
/// cannot see a cookie the handler has only just set.
#[derive(Default)]
pub struct Resolved(Mutex<Option<LearnerId>>);

impl Resolved {
    pub fn get(&self) -> Option<LearnerId> {
        *self.0.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn set(&self, id: LearnerId) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = Some(id);
    }
}

/// The learner's cookie as this request sent it, if it decrypts to an id.
pub fn from_cookie(jar: &CookieJar<'_>) -> Option<LearnerId> {
    jar.get_private(LEARNER_COOKIE)
        .and_then(|c| LearnerId::parse(c.value()))
}

/// Whom a request belongs to: the id a handler resolved, the cookie, else the attacker site's
/// `?trace=` tag of a browser whose log the learner started.
pub fn of_request(request: &Request<'_>) -> Option<LearnerId> {
    if let Some(id) = request.local_cache(Resolved::default).get() {
        return Some(id);
    }
    from_cookie(request.cookies()).or_else(|| {
        let trace = request.query_value::<&str>(TRACE_PARAM)?.ok()?;
        request
            .rocket()
            .state::<Challenges>()?
            .learner_of_trace(trace)
    })
}

/// What a lab tells the boards through: `learner.saw(ChallengeId::AlgNone, Outcome::Succeeded)`.
pub struct Learner<'r> {
    jar: &'r CookieJar<'r>,
    pub(super) challenges: &'r Challenges,
    resolved: &'r Resolved,
    /// The app listens on loopback: the cookie can be `SameSite=None; Secure`.
    loopback: bool,
    /// `cookie_secure`.
    secure: bool,
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for Learner<'r> {
    type Error = ();

    async fn from_request(request: &'r Request<'_>) -> GuardOutcome<Self, ()> {
        let challenges = try_outcome!(request.guard::<&State<Challenges>>().await);
        let resolved = request.local_cache(Resolved::default);
        if resolved.get().is_none() {
            if let Some(id) = from_cookie(request.cookies()) {
                resolved.set(id);
            }
        }
        GuardOutcome::Success(Learner {
            jar: request.cookies(),
            challenges: challenges.inner(),
            resolved,
            loopback: request.rocket().config().address.is_loopback(),
            secure: request
                .rocket()
                .state::<AppConfig>()
                .is_some_and(|c| c.cookies.secure),
        })
    }
}

pub(super) fn now() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

impl Learner<'_> {
    /// This browser's id, if it has one.
    pub fn id(&self) -> Option<LearnerId> {
        self.resolved.get()
    }

    /// This browser's id, given one now if it had none.
    pub fn ensure(&self) -> LearnerId {
        match self.id() {
            Some(id) => id,
            None => {
                let id = LearnerId::generate();
                self.carry(id);
                id
            }
        }
    }

    /// The server saw `challenge`'s attack succeed or be refused, for this browser.
    pub fn saw(&self, challenge: ChallengeId, outcome: impl Into<Option<Outcome>>) {
        let Some(outcome) = outcome.into() else {
            return;
        };
        let id = match outcome {
            Outcome::Succeeded => self.ensure(),
            // A refusal matters only to a board that solved the challenge, so it has an id.
            Outcome::Refused => match self.id() {
                Some(id) => id,
                None => return,
            },
        };
        self.challenges.saw(&id, challenge, outcome, now());
    }

    /// This browser logged in (or registered) as `account`: its board follows the account from
    /// now on. The demo accounts are shared by a whole class, so boards never follow them.
    pub fn signed_in(&self, account: &str) {
        if demo_accounts().iter().any(|[name, _]| *name == account) {
            return;
        }
        let id = self.ensure();
        let carried = self.challenges.signed_in(&id, account, now());
        if carried != id {
            self.carry(carried);
        }
    }

    /// Gives this browser `id` (the cookie, and the response fairings' copy).
    fn carry(&self, id: LearnerId) {
        let mut cookie = Cookie::build((LEARNER_COOKIE, id.encode()))
            .path("/")
            .http_only(true)
            .max_age(LIFETIME)
            .build();
        cookie.set_expires(None::<OffsetDateTime>);
        if self.loopback {
            // Rides the attacker site's forged POST (cross-site), so its outcome is recorded.
            cookie.set_same_site(SameSite::None);
            cookie.set_secure(true);
        } else {
            cookie.set_same_site(SameSite::Lax);
            cookie.set_secure(self.secure);
        }
        self.jar.add_private(cookie);
        self.resolved.set(id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_well_formed_learner_ids_parse() {
        let id = LearnerId::generate();
        assert_eq!(LearnerId::parse(&id.encode()), Some(id));
        assert_ne!(LearnerId::generate(), id);
        for bad in ["", "short", "AAAAAAAAAAAAAAAAAAAAAAAAAAAA", "not base64!!"] {
            assert_eq!(LearnerId::parse(bad), None, "{bad}");
        }
    }
}
