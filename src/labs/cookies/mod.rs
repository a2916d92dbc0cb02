//! The cookies lab: the state *is* the cookie. Three counters show who can read and who can
//! change a cookie (plain, signed, private); a builder sets any cookie with any attribute; the
//! login keeps the username in a private cookie, a client-side session with no server state.

pub mod builder;
pub mod guard;
pub mod signed;

use rocket::fairing::AdHoc;
use rocket::form::Form;
use rocket::http::uri::Host;
use rocket::http::{Cookie, CookieJar, SameSite, Status};
use rocket::response::{Flash, Redirect};
use rocket::{get, post, routes, FromForm, Responder, State};
use rocket_dyn_templates::{context, Template};
use serde::Serialize;
use time::OffsetDateTime;

use crate::auth::users::demo_accounts;
use crate::auth::users::UserDirectory;
use crate::auth::{LoginForm, INVALID_LOGIN};
use crate::config::AppConfig;
use crate::site::error::AppError;
use crate::site::flash::Notice;
use crate::site::inspector::SentHeaders;
use builder::{CookieSpec, Problem, WithSetCookie};
use guard::{
    read_counters, remove_login_cookie, set_counter_cookies, set_login_cookie, verdicts,
    CookieUser, LOGIN,
};
use signed::CookieSigner;

pub const BASE: &str = "/labs/cookies";
/// The demo cookie the removal experiment sets and then tries to delete.
pub const CRUMB: &str = "crumb";

/// The signer (keys from the configuration) and the routes.
pub fn stage() -> AdHoc {
    AdHoc::on_ignite("Cookies lab", |rocket| async {
        // Without a configuration the launch has already failed; mount nothing.
        let Some(signer) = rocket
            .state::<AppConfig>()
            .and_then(|c| CookieSigner::new(c.cookie_signing_keys.clone()))
        else {
            return rocket;
        };
        rocket.manage(signer).mount(
            BASE,
            routes![
                index,
                sign_with_retired_key,
                login_form,
                login,
                me,
                me_anonymous,
                logout,
                builder_form,
                build,
                remove,
                set_crumb,
                tutorial_cookie,
            ],
        )
    })
}

/// Counts a visit three times over: each counter reads its own cookie, adds one, and sends
/// the cookie back. Nothing is stored on the server.
#[get("/")]
fn index(
    jar: &CookieJar<'_>,
    signer: &State<CookieSigner>,
    config: &State<AppConfig>,
    sent: SentHeaders,
    flash: Option<Notice>,
) -> Template {
    let counters = read_counters(jar, signer);
    set_counter_cookies(jar, signer, &counters, config.cookies.secure);
    let user = guard::login_user(jar);
    Template::render(
        "labs/cookies/index",
        context! {
            section: "cookies",
            flash,
            counters: [&counters.plain, &counters.signed, &counters.private],
            visits: counters.private.count,
            user,
            sent,
            received: verdicts(jar, signer),
            key_count: signer.key_count(),
        },
    )
}

/// Re-signs the signed counter with the last (retired) key, so the next page load shows an
/// old-key cookie being accepted and re-signed with the current key: rotation at work.
#[post("/signed/retired-key")]
fn sign_with_retired_key(
    jar: &CookieJar<'_>,
    signer: &State<CookieSigner>,
    config: &State<AppConfig>,
) -> Result<Flash<Redirect>, AppError> {
    let retired = signer.key_count() - 1;
    if retired == 0 {
        return Err(AppError::new(
            Status::Conflict,
            "Only one signing key is configured, so there is no retired key to sign with. List two in `cookie_signing_keys` (new first).",
        ));
    }
    // The count as it was before this request (reading counts a visit; this is not one).
    let count = read_counters(jar, signer).signed.count.saturating_sub(1);
    guard::set_signed_counter(
        jar,
        signer.sign_with(retired, guard::SIGNED, &count.to_string()),
        config.cookies.secure,
    );
    Ok(Flash::success(
        Redirect::to(BASE),
        format!(
            "Your signed counter cookie was re-signed with retired key {} of {}. This page verified it anyway (every key verifies) and sent it back signed with key 1: rotation without logging anyone out.",
            retired + 1,
            signer.key_count()
        ),
    ))
}

fn login_page(error: Option<&str>, username: &str) -> Template {
    Template::render(
        "labs/cookies/login",
        context! {
            section: "cookies",
            error,
            username,
            demo_accounts: demo_accounts(),
        },
    )
}

#[get("/login")]
fn login_form() -> Template {
    login_page(None, "")
}

/// Checks the password, then puts the username itself, encrypted, in a cookie. The server
/// keeps no record of the login: the cookie is the whole session.
#[post("/login", data = "<form>")]
async fn login(
    form: Form<LoginForm>,
    jar: &CookieJar<'_>,
    users: &State<UserDirectory>,
    config: &State<AppConfig>,
) -> Result<Flash<Redirect>, Template> {
    let Some(username) = users.authenticate(&form.username, &form.password).await else {
        return Err(login_page(Some(INVALID_LOGIN), &form.username));
    };
    set_login_cookie(jar, &username, config.cookies.secure);
    Ok(Flash::success(
        Redirect::to(format!("{BASE}/me")),
        format!("Logged in as {username}. Your username now travels, encrypted, in the `{LOGIN}` cookie; the server wrote nothing down."),
    ))
}

#[get("/me")]
fn me(user: CookieUser, flash: Option<Notice>, sent: SentHeaders) -> Template {
    Template::render(
        "labs/cookies/me",
        context! {
            section: "cookies",
            flash,
            user: &user.username,
            login_cookie: LOGIN,
            sent,
        },
    )
}

/// No login cookie, or one that fails decryption: go and log in.
#[get("/me", rank = 2)]
fn me_anonymous() -> Redirect {
    Redirect::to(format!("{BASE}/login"))
}

/// Asks the browser to drop the login cookie. That is all logout can do here: the server has
/// nothing to delete, so a copy of the cookie taken earlier keeps working.
#[post("/logout")]
fn logout(jar: &CookieJar<'_>) -> Flash<Redirect> {
    remove_login_cookie(jar);
    Flash::success(
        Redirect::to(BASE),
        format!("Logged out: the server asked your browser to delete the `{LOGIN}` cookie. It could do nothing else, so a copy of that cookie taken before would still log you in."),
    )
}

fn builder_page(
    spec: &CookieSpec,
    problems: &[Problem],
    removal: &RemovalForm,
    removal_problems: &[Problem],
    received: Vec<guard::CookieVerdict>,
    sent: SentHeaders,
    flash: Option<Notice>,
) -> Template {
    Template::render(
        "labs/cookies/builder",
        context! {
            section: "cookies",
            flash,
            spec,
            problems,
            removal,
            removal_problems,
            received,
            sent,
            crumb: CRUMB,
        },
    )
}

#[get("/builder")]
fn builder_form(
    jar: &CookieJar<'_>,
    signer: &State<CookieSigner>,
    sent: SentHeaders,
    flash: Option<Notice>,
) -> Template {
    builder_page(
        &CookieSpec::default(),
        &[],
        &RemovalForm::default(),
        &[],
        verdicts(jar, signer),
        sent,
        flash,
    )
}

/// What the builder and removal forms answer.
#[derive(Responder)]
enum BuilderResponse {
    /// The result page, plus the cookie's `Set-Cookie` line.
    Set(WithSetCookie<Template>),
    /// Back to the builder, plus the removal's `Set-Cookie` line.
    Removed(WithSetCookie<Flash<Redirect>>),
    /// The form again with every broken rule listed, and no `Set-Cookie` at all.
    #[response(status = 422)]
    Refused(Template),
}

/// Sets the cookie exactly as specified, or explains every rule the input broke (422, and no
/// `Set-Cookie` at all).
#[post("/builder", data = "<spec>")]
fn build(
    spec: Form<CookieSpec>,
    host: Option<&Host<'_>>,
    jar: &CookieJar<'_>,
    signer: &State<CookieSigner>,
    sent: SentHeaders,
) -> BuilderResponse {
    let host = host.map(|h| h.domain().as_str().to_string());
    match builder::build(&spec, host.as_deref(), OffsetDateTime::now_utc()) {
        Ok(built) => BuilderResponse::Set(WithSetCookie {
            inner: set_page(&built.cookie, built.notes, "builder", sent),
            line: built.line,
        }),
        Err(problems) => BuilderResponse::Refused(builder_page(
            &spec,
            &problems,
            &RemovalForm::default(),
            &[],
            verdicts(jar, signer),
            sent,
            None,
        )),
    }
}

/// The page after a cookie was set: the exact line (from the real headers), what the
/// browser's JavaScript can see, and the same cookie in Rocket code.
fn set_page(cookie: &Cookie<'_>, notes: Vec<String>, origin: &str, sent: SentHeaders) -> Template {
    Template::render(
        "labs/cookies/set",
        context! {
            section: "cookies",
            origin,
            name: cookie.name(),
            http_only: cookie.http_only() == Some(true),
            notes,
            rocket_code: builder::rocket_code(cookie),
            sent,
        },
    )
}

#[derive(Debug, Clone, Default, FromForm, Serialize)]
struct RemovalForm {
    #[field(default = String::new())]
    name: String,
    #[field(default = String::new())]
    path: String,
    #[field(default = String::new())]
    domain: String,
}

/// Sends a removal for the named cookie with the chosen `Path`. Whether the browser deletes
/// anything shows on the next page: the cookie either still arrives or it does not.
#[post("/remove", data = "<form>")]
fn remove(
    form: Form<RemovalForm>,
    jar: &CookieJar<'_>,
    signer: &State<CookieSigner>,
    sent: SentHeaders,
) -> BuilderResponse {
    let (name, path, domain) = (form.name.trim(), form.path.trim(), form.domain.trim());
    match builder::removal(name, path, domain) {
        Ok(cookie) => {
            let line = cookie.to_string();
            BuilderResponse::Removed(WithSetCookie {
                inner: Flash::success(
                    Redirect::to(format!("{BASE}/builder#received")),
                    format!("Sent `Set-Cookie: {line}`. The browser deletes a stored `{name}` only if its Path (and Domain) match exactly; check whether it still arrives below."),
                ),
                line,
            })
        }
        Err(problems) => BuilderResponse::Refused(builder_page(
            &CookieSpec::default(),
            &[],
            &form,
            &problems,
            verdicts(jar, signer),
            sent,
            None,
        )),
    }
}

/// Sets `crumb=1; Path=/labs/cookies`, the cookie the removal experiment then tries to delete.
#[post("/crumb")]
fn set_crumb(jar: &CookieJar<'_>) -> Flash<Redirect> {
    jar.add(
        Cookie::build((CRUMB, "1"))
            .path(BASE)
            .same_site(SameSite::Lax),
    );
    Flash::success(
        Redirect::to(format!("{BASE}/builder#remove")),
        format!("Set `{CRUMB}=1` with Path={BASE}. Now try to remove it with Path=/ and then with Path={BASE}."),
    )
}

/// The tutorial's `res.cookie('customKey', 'customValue', { maxAge: 3600000, httpOnly: true })`,
/// in Rocket. express counts `maxAge` in milliseconds; Rocket takes a `time::Duration`.
#[post("/tutorial-cookie")]
fn tutorial_cookie(jar: &CookieJar<'_>, sent: SentHeaders) -> Template {
    let cookie = Cookie::build(("customKey", "customValue"))
        .max_age(time::Duration::hours(1))
        .http_only(true)
        .build();
    jar.add(cookie.clone());
    set_page(
        &cookie,
        vec![
            "express writes Max-Age=3600 and also an Expires date an hour ahead; Rocket writes Max-Age only, which every current browser honours.".into(),
            "Rocket's jar.add filled in Path=/ and SameSite=Strict, because the code left them unset (express also defaults the path to /).".into(),
        ],
        "tutorial",
        sent,
    )
}

/// What the three counters concluded, for the template.
#[derive(Debug, Clone, Serialize)]
pub struct CounterView {
    /// `plain`, `signed` or `private`: the page's element ids start with it.
    pub kind: &'static str,
    pub cookie: &'static str,
    /// The count after this visit.
    pub count: u64,
    /// `accepted`, `absent`, `signature mismatch`, `could not decrypt`, `not a number`…
    pub verdict: &'static str,
    pub detail: String,
    pub ok: bool,
}
