//! Each lab's switches as typed values, the way its handlers read them (`SessionSwitches` as a
//! request guard, say). Built from [`Switches`], so the table in `spec.rs` stays the one place a
//! switch is declared.

use rocket::http::Status;
use rocket::outcome::try_outcome;
use rocket::request::{FromRequest, Outcome};
use rocket::{Request, State};
use time::Duration;

use super::spec::Value;
use super::Switches;
use crate::auth::jwt::{Audience, JwtKeys, Policy};
use crate::labs::cross_site::same_site::Choice;

/// The sessions lab: express-session's options and the store's defences.
#[derive(Debug, Clone)]
pub struct SessionSwitches {
    /// Create a session (and send a cookie) on an anonymous visit.
    pub save_uninitialized: bool,
    /// Save the whole session back at the end of each request, from the copy read at its
    /// start, as express's `MemoryStore` does: concurrent visits overwrite each other.
    pub resave: bool,
    /// Send the cookie again on every response, so a `max_age` restarts at each visit.
    pub rolling: bool,
    /// `Max-Age` of the cookie; `None` is a browser-session cookie.
    pub max_age: Option<Duration>,
    pub http_only: bool,
    pub secure: bool,
    pub same_site: Choice,
    /// A new session id at login (the session-fixation defence).
    pub regenerate_on_login: bool,
    /// Delete the server-side session at logout (else a copied cookie still works).
    pub destroy_on_logout: bool,
    /// Take a session id from `?sid=` in the URL (PHP's `use_trans_sid`).
    pub accept_url_id: bool,
    pub origin_check: bool,
    /// The switches these were read from, for the banner and the inspector.
    pub all: Switches,
}

impl SessionSwitches {
    pub fn of(all: Switches) -> SessionSwitches {
        let same_site = match all.get("same_site") {
            Some(Value::Choice(code)) => Choice::parse(code).unwrap_or(Choice::Lax),
            _ => Choice::Lax,
        };
        SessionSwitches {
            save_uninitialized: all.flag("save_uninitialized"),
            resave: all.flag("resave"),
            rolling: all.flag("rolling"),
            max_age: all.seconds("max_age").map(|s| Duration::seconds(s.into())),
            http_only: all.flag("http_only"),
            secure: all.flag("secure"),
            same_site,
            regenerate_on_login: all.flag("regenerate_on_login"),
            destroy_on_logout: all.flag("destroy_on_logout"),
            accept_url_id: all.flag("accept_url_id"),
            origin_check: all.flag("origin_check"),
            all,
        }
    }
}

/// The cookies lab: what makes a signed cookie trustworthy.
#[derive(Debug, Clone)]
pub struct CookieSwitches {
    /// Check the signed counter's HMAC tag (else its value is believed as it is).
    pub verify_signed: bool,
    /// The tag covers the cookie's name too (else a signed value moved to another cookie name
    /// still verifies).
    pub bind_name: bool,
    /// Keys after the first still verify (else rotating the key cuts off old cookies).
    pub accept_retired_key: bool,
    pub origin_check: bool,
    pub all: Switches,
}

impl CookieSwitches {
    pub fn of(all: Switches) -> CookieSwitches {
        CookieSwitches {
            verify_signed: all.flag("verify_signed"),
            bind_name: all.flag("bind_name"),
            accept_retired_key: all.flag("accept_retired_key"),
            origin_check: all.flag("origin_check"),
            all,
        }
    }
}

/// Either JWT lab's switches made into the token [`Policy`] for this browser (RFC 8725's checks:
/// `verify_signature`, `pin_algorithm`, `check_audience`, `leeway`, `ttl`, `weak_secret`); `None`
/// outside the JWT labs. At the defaults it is exactly the strict policy, so a browser that
/// changed nothing is checked as before.
pub fn token_policy(all: &Switches, keys: &JwtKeys) -> Option<Policy> {
    let audience = Audience::ALL
        .into_iter()
        .find(|aud| aud.lab() == all.lab.slug)?;
    if all.all_default() {
        return Some(Policy::strict(audience, keys));
    }
    let seconds = |name| Duration::seconds(all.seconds(name).unwrap_or(0).into());
    Some(Policy {
        audience,
        verify_signature: all.flag("verify_signature"),
        pin_algorithm: all.flag("pin_algorithm"),
        check_audience: all.flag("check_audience"),
        leeway: seconds("leeway"),
        ttl: seconds("ttl"),
        // The word stays in the switches cookie; off, the configured secret signs.
        weak_secret: all.flag("weak_secret").then(|| all.weak_word()).flatten(),
    })
}

/// A JWT lab's token policy for this browser, as a request guard: its switches made into a
/// [`Policy`] for the lab the request is under (forwards outside the JWT labs).
#[rocket::async_trait]
impl<'r> FromRequest<'r> for Policy {
    type Error = ();

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, ()> {
        let keys = try_outcome!(request.guard::<&State<JwtKeys>>().await);
        let switches = try_outcome!(request.guard::<Switches>().await);
        match token_policy(&switches, keys) {
            Some(policy) => Outcome::Success(policy),
            None => Outcome::Forward(Status::NotFound),
        }
    }
}

macro_rules! guard {
    ($typed:ident) => {
        #[rocket::async_trait]
        impl<'r> FromRequest<'r> for $typed {
            type Error = ();

            async fn from_request(request: &'r Request<'_>) -> Outcome<Self, ()> {
                let all = try_outcome!(request.guard::<Switches>().await);
                Outcome::Success($typed::of(all))
            }
        }
    };
}

guard!(SessionSwitches);
guard!(CookieSwitches);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::AppConfig;
    use crate::labs::LABS;
    use rocket::figment::Figment;

    fn defaults(slug: &str) -> Switches {
        let config = AppConfig::from_figment(&Figment::new().select("debug")).expect("config");
        let lab = LABS.iter().find(|lab| lab.slug == slug).expect("a lab");
        Switches::defaults(lab, &config).expect("the lab has switches")
    }

    #[test]
    fn each_typed_view_reads_the_safe_defaults_back() {
        let sessions = SessionSwitches::of(defaults("sessions"));
        assert!(sessions.save_uninitialized && !sessions.resave && !sessions.rolling);
        assert_eq!(sessions.max_age, None);
        assert!(sessions.http_only && !sessions.secure);
        assert_eq!(sessions.same_site, Choice::Lax);
        assert!(sessions.regenerate_on_login && sessions.destroy_on_logout);
        assert!(!sessions.accept_url_id && sessions.origin_check);

        let cookies = CookieSwitches::of(defaults("cookies"));
        assert!(cookies.verify_signed && cookies.bind_name);
        assert!(cookies.accept_retired_key && cookies.origin_check);

        let config = AppConfig::from_figment(&Figment::new().select("debug")).expect("config");
        let keys = JwtKeys::from_config(&config);
        for lab in ["jwt-cookie", "jwt-header"] {
            let jwt = token_policy(&defaults(lab), &keys).expect("a JWT lab");
            assert!(jwt.verify_signature && jwt.pin_algorithm && jwt.check_audience);
            assert_eq!(jwt.leeway, Duration::ZERO);
            assert_eq!(jwt.ttl, Duration::minutes(15));
            assert_eq!(jwt.weak_secret, None);
            assert!(defaults(lab).flag("origin_check"));
        }
        assert!(token_policy(&defaults("sessions"), &keys).is_none());
    }

    #[test]
    fn the_token_policy_is_the_strict_one_at_the_defaults_and_follows_each_switch() {
        let config = AppConfig::from_figment(&Figment::new().select("debug")).expect("config");
        let keys = JwtKeys::from_config(&config);
        for (lab, audience) in [
            ("jwt-cookie", Audience::JwtCookie),
            ("jwt-header", Audience::JwtHeader),
        ] {
            let strict = Policy::strict(audience, &keys);
            assert_eq!(token_policy(&defaults(lab), &keys), Some(strict));
            let mut changed = defaults(lab);
            for (name, value) in [
                ("verify_signature", Value::Bool(false)),
                ("pin_algorithm", Value::Bool(false)),
                ("check_audience", Value::Bool(false)),
                ("leeway", Value::Seconds(Some(30))),
                ("ttl", Value::Seconds(Some(60))),
                ("weak_secret", Value::Bool(true)),
            ] {
                changed.set(name, value).expect("allowed");
            }
            let policy = token_policy(&changed, &keys).expect("a JWT lab");
            assert_eq!(policy.audience, audience);
            assert!(!policy.verify_signature && !policy.pin_algorithm && !policy.check_audience);
            assert_eq!(
                (policy.leeway, policy.ttl),
                (Duration::seconds(30), Duration::seconds(60))
            );
            assert!(policy.weak_secret.is_some());
        }
    }

    #[test]
    fn weak_secret_picks_a_word_from_the_wordlist_and_keeps_it() {
        let config = AppConfig::from_figment(&Figment::new().select("debug")).expect("config");
        let keys = JwtKeys::from_config(&config);
        let word_of = |switches: &Switches| {
            token_policy(switches, &keys)
                .expect("a JWT lab")
                .weak_secret
        };
        let mut switches = defaults("jwt-cookie");
        switches
            .set("weak_secret", Value::Bool(true))
            .expect("allowed");
        let word = word_of(&switches).expect("a word");
        assert!(crate::tools::jwt::wordlist::words().any(|w| w == word));
        switches
            .set("weak_secret", Value::Bool(true))
            .expect("allowed");
        assert_eq!(word_of(&switches), Some(word));
        switches
            .set("weak_secret", Value::Bool(false))
            .expect("allowed");
        assert_eq!(word_of(&switches), None);
    }
}
