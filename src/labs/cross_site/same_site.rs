//! The learner's own `SameSite` experiment: each cookie-based lab can have its credential
//! cookie sent with `SameSite=Strict`, `Lax`, `None` or no attribute at all, for this browser
//! only, so that an attack from the attacker site can be re-run against each.
//!
//! The choice lives in one cookie, `credential_same_site` (`sessions=none,jwt-cookie=unset`).
//! It is applied where every credential cookie leaves the server: a response fairing rewrites
//! the `SameSite` of the lab's own `Set-Cookie` lines, before the inspector copies those lines
//! into the page, so what the page shows is what was sent. (Rocket's jar cannot send a cookie
//! without `SameSite`: it writes `Strict` for an unset one, hence the header-level rewrite.)

use rocket::fairing::{Fairing, Info, Kind};
use rocket::form::{Form, FromForm};
use rocket::http::{Cookie, CookieJar, Header, SameSite, Status};
use rocket::request::{FromRequest, Outcome};
use rocket::response::Redirect;
use rocket::{post, Request, Response, State};

use crate::config::AppConfig;
use crate::labs::credential::CredentialCookie;
use crate::labs::{LabInfo, LABS};
use crate::site::error::AppError;
use crate::site::origin::StrictSameOrigin;

/// The cookie that holds this browser's choices.
pub const CHOICE_COOKIE: &str = "credential_same_site";

/// One lab's choice for its credential cookie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Choice {
    Strict,
    Lax,
    /// Sent on every cross-site request; browsers require `Secure` with it, so it gets one.
    None,
    /// No attribute: Chromium treats the cookie as `Lax`, except that for two minutes after it
    /// was set it also rides top-level cross-site `POST`s.
    Unset,
}

impl Choice {
    pub const ALL: [Choice; 4] = [Choice::Strict, Choice::Lax, Choice::None, Choice::Unset];

    pub fn code(self) -> &'static str {
        match self {
            Choice::Strict => "strict",
            Choice::Lax => "lax",
            Choice::None => "none",
            Choice::Unset => "unset",
        }
    }

    pub fn parse(code: &str) -> Option<Choice> {
        Choice::ALL.into_iter().find(|choice| choice.code() == code)
    }

    /// Rewrites `cookie`'s attributes to this choice.
    fn apply(self, cookie: &mut Cookie<'_>) {
        match self {
            Choice::Strict => cookie.set_same_site(SameSite::Strict),
            Choice::Lax => cookie.set_same_site(SameSite::Lax),
            Choice::None => {
                cookie.set_same_site(SameSite::None);
                cookie.set_secure(true);
            }
            Choice::Unset => cookie.set_same_site(None),
        }
    }
}

/// The credential cookie of a cookie-based lab, and the `SameSite` the lab itself gives it.
pub fn credential_of(lab: &str) -> Option<(CredentialCookie, Choice)> {
    let credential = LABS.iter().find(|known| known.slug == lab)?.credential?;
    // The JWT cookie is `Strict` (the token is re-issued on every visit); the others `Lax`.
    let own = if lab == "jwt-cookie" {
        Choice::Strict
    } else {
        Choice::Lax
    };
    Some((credential, own))
}

/// This browser's choices, `lab=choice` pairs; anything malformed is ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Choices(Vec<(&'static str, Choice)>);

impl Choices {
    pub fn parse(text: &str) -> Choices {
        let pairs = text
            .split(',')
            .filter_map(|pair| pair.split_once('='))
            .filter_map(|(lab, code)| {
                let lab = LABS.iter().find(|known| known.slug == lab)?.slug;
                credential_of(lab)?;
                Some((lab, Choice::parse(code)?))
            })
            .collect();
        Choices(pairs)
    }

    /// The choices a request carries.
    pub fn of(jar: &CookieJar<'_>) -> Choices {
        jar.get(CHOICE_COOKIE)
            .map(|c| Choices::parse(c.value()))
            .unwrap_or_default()
    }

    /// The choices in force for `response`: the ones it sets, if it sets the cookie (a choice
    /// just made applies at once), else the request's.
    fn in_force(request: &Request<'_>, response: &Response<'_>) -> Choices {
        // Most responses set no choice: a prefix test before any parsing.
        let prefix = format!("{CHOICE_COOKIE}=");
        let set_now = crate::site::headers::all(response.headers(), "Set-Cookie")
            .filter(|line| line.starts_with(&prefix))
            .find_map(|line| Cookie::parse_encoded(line.to_string()).ok());
        match set_now {
            Some(cookie) => Choices::parse(cookie.value()),
            None => Choices::of(request.cookies()),
        }
    }

    pub fn get(&self, lab: &str) -> Option<Choice> {
        self.0
            .iter()
            .find(|(known, _)| *known == lab)
            .map(|(_, choice)| *choice)
    }

    /// With `lab` set to `choice`, or back to the lab's own when `choice` is `None`.
    fn with(mut self, lab: &'static str, choice: Option<Choice>) -> Choices {
        self.0.retain(|(known, _)| *known != lab);
        if let Some(choice) = choice {
            self.0.push((lab, choice));
        }
        self
    }

    fn encode(&self) -> String {
        let pairs: Vec<String> = self
            .0
            .iter()
            .map(|(lab, choice)| format!("{lab}={}", choice.code()))
            .collect();
        pairs.join(",")
    }
}

#[derive(FromForm)]
pub struct ChoiceForm<'r> {
    /// `strict`, `lax`, `none`, `unset`, or `default` (the lab's own).
    same_site: &'r str,
}

/// The lab whose base path this request is under.
pub struct ThisLab(&'static LabInfo);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for ThisLab {
    type Error = ();

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, ()> {
        match super::lab_of(request.uri().path().as_str()) {
            Some(lab) => Outcome::Success(ThisLab(lab)),
            None => Outcome::Forward(Status::NotFound),
        }
    }
}

/// Sets this browser's choice for the lab and re-sends the credential it holds, so the choice
/// applies to the very next request. Mounted under each cookie-based lab's own path: the
/// credential cookie is scoped to that path, so only there does it arrive to be re-sent.
#[post("/same-site", data = "<form>")]
pub fn choose(
    _same_origin: StrictSameOrigin,
    lab: ThisLab,
    form: Form<ChoiceForm<'_>>,
    jar: &CookieJar<'_>,
    config: &State<AppConfig>,
) -> Result<Redirect, AppError> {
    let info = lab.0;
    let (_, own) = credential_of(info.slug).ok_or_else(|| AppError::explained(Status::NotFound))?;
    let choice = match form.same_site {
        "default" => None,
        code => Some(
            Choice::parse(code).ok_or_else(|| AppError::explained(Status::UnprocessableEntity))?,
        ),
    };
    // `None` and no attribute weaken the lab's own choice: an experiment switch like any other.
    let weaker = choice.is_some_and(|c| c != own && matches!(c, Choice::None | Choice::Unset));
    if weaker && !config.switches.allow_unsafe {
        return Err(AppError::explained(Status::Forbidden));
    }
    remember(jar, info, choice, config.cookies.secure);
    Ok(Redirect::to(format!("{}#cross-site-log", info.path)))
}

/// Keeps this browser's `choice` for `lab`'s credential (`None`: the lab's own), and re-sends
/// the credential it holds, so the choice applies to the very next request. The sessions lab's
/// `same_site` switch writes through here too.
pub fn remember(jar: &CookieJar<'_>, lab: &'static LabInfo, choice: Option<Choice>, secure: bool) {
    let Some((credential, own)) = credential_of(lab.slug) else {
        return;
    };
    // Choosing the lab's own setting is going back to it: nothing left to remember.
    let choice = choice.filter(|choice| *choice != own);
    let before = Choices::of(jar);
    if before.get(lab.slug) == choice {
        return;
    }
    let choices = before.with(lab.slug, choice);
    let mut keep = Cookie::build((CHOICE_COOKIE, choices.encode()))
        .path("/labs")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .build();
    if choices.0.is_empty() {
        keep.make_removal();
    }
    jar.add(keep);
    // The credential's raw value goes out again as it came (a browser-session cookie, which
    // the lab's own next `Set-Cookie` replaces); the fairing gives it the choice.
    let name = credential.name(secure);
    if let Some(current) = jar.get(name).map(|c| c.value().to_string()) {
        let mut again = credential.build(secure, current);
        again.set_http_only(true);
        again.set_expires(None::<time::OffsetDateTime>);
        own.apply(&mut again);
        jar.add(again);
    }
}

/// Gives each lab's credential `Set-Cookie` line this browser's chosen `SameSite`.
pub struct ApplyChoice;

#[rocket::async_trait]
impl Fairing for ApplyChoice {
    fn info(&self) -> Info {
        Info {
            name: "The learner's SameSite choice",
            kind: Kind::Response,
        }
    }

    async fn on_response<'r>(&self, request: &'r Request<'_>, response: &mut Response<'r>) {
        let choices = Choices::in_force(request, response);
        if choices.0.is_empty() {
            return;
        }
        let secure = request
            .rocket()
            .state::<AppConfig>()
            .is_some_and(|config| config.cookies.secure);
        let lines: Vec<String> = crate::site::headers::all(response.headers(), "Set-Cookie")
            .map(|line| rewrite(line, &choices, secure))
            .collect();
        response.remove_header("Set-Cookie");
        for line in lines {
            response.adjoin_header(Header::new("Set-Cookie", line));
        }
    }
}

/// `line` with the chosen `SameSite` if it sets a lab credential that has a choice.
fn rewrite(line: &str, choices: &Choices, secure: bool) -> String {
    let Ok(mut cookie) = Cookie::parse(line.to_string()) else {
        return line.to_string();
    };
    let chosen = choices.0.iter().find(|(lab, _)| {
        credential_of(lab).is_some_and(|(credential, _)| credential.name(secure) == cookie.name())
    });
    match chosen {
        Some((_, choice)) => {
            choice.apply(&mut cookie);
            cookie.to_string()
        }
        None => line.to_string(),
    }
}
