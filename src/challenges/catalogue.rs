//! The challenges: what a learner can break into, in which lab, and which switch must be off
//! for the attack to work. Rust keeps ids and codes; the words (title, goal, hints, what
//! "defended" means) are in the message table under `challenges.<id>.*`.

use serde::Serialize;

/// One challenge's id, as `data-challenge` and the URLs write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "&'static str")]
pub enum ChallengeId {
    PlainCounterForgery,
    SignedCookieForgery,
    SessionReplayAfterLogout,
    SessionFixation,
    LoginCsrf,
    LostUpdate,
    CookieTheft,
    AlgNone,
    SignatureNotVerified,
    WeakSecret,
    AudienceConfusion,
    JwtReplayAfterLogout,
}

impl From<ChallengeId> for &'static str {
    fn from(id: ChallengeId) -> &'static str {
        id.as_str()
    }
}

/// A switch a challenge needs: this field of the lab's switches panel, set to this value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Switch {
    pub field: &'static str,
    pub value: &'static str,
}

/// One challenge as the board and the class view list it.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Challenge {
    pub id: ChallengeId,
    /// The lab it happens in (its slug; the board links to `<lab>.index`).
    pub lab: &'static str,
    /// The defence to switch off first; `None` when the app is vulnerable by design (the plain
    /// counter, a JWT after logout), which is the lesson.
    pub switch: Option<Switch>,
    /// How many hints the message table has (`challenges.<id>.hint_1` …).
    pub hints: u8,
}

const fn off(field: &'static str) -> Option<Switch> {
    Some(Switch {
        field,
        value: "false",
    })
}

const fn on(field: &'static str) -> Option<Switch> {
    Some(Switch {
        field,
        value: "true",
    })
}

const fn challenge(id: ChallengeId, lab: &'static str, switch: Option<Switch>) -> Challenge {
    Challenge {
        id,
        lab,
        switch,
        hints: 3,
    }
}

/// Every challenge, in the order the board shows them (the labs' order, easiest first).
pub const CHALLENGES: [Challenge; 12] = {
    use ChallengeId::*;
    [
        challenge(PlainCounterForgery, "cookies", None),
        challenge(SignedCookieForgery, "cookies", off("verify_signed")),
        challenge(
            SessionReplayAfterLogout,
            "sessions",
            off("destroy_on_logout"),
        ),
        challenge(SessionFixation, "sessions", off("regenerate_on_login")),
        challenge(LoginCsrf, "sessions", off("origin_check")),
        challenge(LostUpdate, "sessions", on("resave")),
        challenge(CookieTheft, "sessions", off("http_only")),
        challenge(JwtReplayAfterLogout, "jwt-cookie", None),
        challenge(AlgNone, "jwt-cookie", off("pin_algorithm")),
        challenge(SignatureNotVerified, "jwt-cookie", off("verify_signature")),
        challenge(WeakSecret, "jwt-cookie", on("weak_secret")),
        challenge(AudienceConfusion, "jwt-header", off("check_audience")),
    ]
};

/// How many challenges there are; per-learner progress is an array this long.
pub const COUNT: usize = CHALLENGES.len();

impl ChallengeId {
    pub fn as_str(self) -> &'static str {
        use ChallengeId::*;
        match self {
            PlainCounterForgery => "plain-counter-forgery",
            SignedCookieForgery => "signed-cookie-forgery",
            SessionReplayAfterLogout => "session-replay-after-logout",
            SessionFixation => "session-fixation",
            LoginCsrf => "login-csrf",
            LostUpdate => "lost-update",
            CookieTheft => "cookie-theft",
            AlgNone => "alg-none",
            SignatureNotVerified => "signature-not-verified",
            WeakSecret => "weak-secret",
            AudienceConfusion => "audience-confusion",
            JwtReplayAfterLogout => "jwt-replay-after-logout",
        }
    }

    pub fn parse(text: &str) -> Option<ChallengeId> {
        CHALLENGES
            .iter()
            .map(|c| c.id)
            .find(|id| id.as_str() == text)
    }

    /// Its place in [`CHALLENGES`] (and in a learner's progress).
    pub fn index(self) -> usize {
        CHALLENGES
            .iter()
            .position(|c| c.id == self)
            .unwrap_or_default()
    }

    pub fn challenge(self) -> &'static Challenge {
        &CHALLENGES[self.index()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_fixed_by_the_design_is_in_the_catalogue_once_and_parses_back() {
        let fixed = [
            "plain-counter-forgery",
            "signed-cookie-forgery",
            "session-replay-after-logout",
            "session-fixation",
            "login-csrf",
            "lost-update",
            "cookie-theft",
            "alg-none",
            "signature-not-verified",
            "weak-secret",
            "audience-confusion",
            "jwt-replay-after-logout",
        ];
        for id in fixed {
            let parsed = ChallengeId::parse(id).expect(id);
            assert_eq!(parsed.as_str(), id);
            assert_eq!(CHALLENGES[parsed.index()].id, parsed);
        }
        assert_eq!(CHALLENGES.len(), fixed.len());
        assert_eq!(ChallengeId::parse("nonsense"), None);
    }
}
