//! JWT in a header: the same signed token, kept by page JavaScript and sent as
//! `Authorization: Bearer …` (RFC 6750).
//!
//! The browser never sends this header on its own: only the page's script does. So another
//! site cannot make the browser use the token (no CSRF), but any script running on the page
//! can read it (XSS). An `HttpOnly` cookie is the reverse. The HTML page is a small client
//! (`static/js/jwt-header.js`); the server side is a JSON API under `BASE/api/`.
//! The header is read in `bearer.rs`, the 401s are in `challenge.rs`; the page's words are in
//! `templates/labs/jwt-header/`.

pub mod bearer;
pub mod challenge;
pub(crate) mod host;

use crate::site::view::{context, Template};
use rocket::fairing::AdHoc;
use rocket::serde::json::Json;
use rocket::{get, post, routes, State};
use serde::{Deserialize, Serialize};

use crate::auth::jwt::{Claims, Issued, JwtKeys, Leniency, Policy};
use crate::auth::users::demo_accounts;
use crate::auth::users::UserDirectory;
use crate::auth::INVALID_LOGIN;
use crate::challenges::Learner;
use crate::site::inspector::{span, SentHeaders};
use crate::site::origin::SameOrigin;
use bearer::{Bearer, BearerUser, MaybeBearer, SwitchDecisions};
use challenge::ApiError;
use host::RequestHost;

pub const BASE: &str = "/labs/jwt-header";
/// This lab's slug: its templates folder and its prefix in route names.
pub const LAB: &str = "jwt-header";

pub fn stage() -> AdHoc {
    AdHoc::on_ignite("JWT-in-a-header lab", |rocket| async {
        rocket.mount(
            BASE,
            routes![
                index,
                needs_script,
                token,
                token_not_json,
                me,
                visit,
                logout
            ],
        )
    })
}

/// The page: the client, the explanations, and the curl equivalents. The lifetime and leeway
/// it states are this browser's (its switches).
#[get("/")]
fn index(sent: SentHeaders, host: RequestHost, keys: &State<JwtKeys>, policy: Policy) -> Template {
    Template::render(
        "labs/jwt-header/index",
        context! {
            section: LAB,
            sent,
            origin: format!("http://{}", host.0),
            demo_accounts: demo_accounts(),
            ttl: span(policy.ttl.unsigned_abs().as_secs()),
            leeway: policy.leeway.whole_seconds(),
            weak_secret: policy.weak_secret.is_some(),
            decision_keys: Leniency::KEYS,
            absolute_timeout: keys.absolute_timeout.whole_seconds(),
            absolute_timeout_span: span(keys.absolute_timeout.unsigned_abs().as_secs()),
        },
    )
}

/// Where the login form lands if it is submitted without the page script (which sends the
/// login as JSON to `api/token` instead). It posts, so the password never appears in a URL or
/// a log line; this handler never reads the body, and answers with a page saying why.
#[post("/needs-script")]
fn needs_script() -> Template {
    Template::render("labs/jwt-header/needs-script", context! { section: LAB })
}

/// `POST BASE/api/token`'s body.
#[derive(Deserialize)]
struct TokenRequest {
    username: String,
    password: String,
}

/// A freshly issued token, in the shape OAuth 2.0 token responses use (RFC 6749 §5.1),
/// plus the count so the client need not decode the token to show it.
#[derive(Serialize)]
struct TokenResponse {
    access_token: String,
    token_type: &'static str,
    /// Seconds until `exp`.
    expires_in: i64,
    visits: u64,
}

impl TokenResponse {
    fn new(issued: Issued) -> TokenResponse {
        TokenResponse {
            expires_in: issued.claims.exp - issued.claims.iat,
            visits: issued.claims.visits,
            access_token: issued.token,
            token_type: "Bearer",
        }
    }
}

/// Logs in: checks the password and signs a token for the user, with a fresh `auth_time`. A
/// valid guest token sent along as `Authorization: Bearer` carries its count over, as in the
/// other labs. `format = "json"`: only `application/json` (any parameters) reaches it.
/// The same-origin check (`_same_origin`) cannot matter to a browser here: another site's page
/// can send `application/json` only after a CORS preflight, which this server never approves.
/// It refuses a JSON login that says it came from elsewhere (a script that forges the headers),
/// and the `origin_check` switch turns it off, which changes nothing for a real browser: the
/// lesson that this lab is immune to CSRF by construction.
#[post("/api/token", format = "json", data = "<body>")]
async fn token(
    _same_origin: SameOrigin,
    body: Json<TokenRequest>,
    bearer: Bearer,
    keys: &State<JwtKeys>,
    policy: Policy,
    users: &State<UserDirectory>,
    learner: Learner<'_>,
) -> Result<Json<TokenResponse>, ApiError> {
    let Some(username) = users.authenticate(&body.username, &body.password).await else {
        return Err(ApiError::bad_login(INVALID_LOGIN));
    };
    learner.signed_in(&username);
    // A refused token is simply not carried over: logging in is how one gets a good one.
    let visits = bearer.accepted().map_or(0, |claims| claims.visits);
    let issued = keys
        .issue_with(&policy, Some(&username), visits)
        .map_err(|_| ApiError::signing_failed())?;
    learner.issued_jwt(&issued.claims);
    Ok(Json(TokenResponse::new(issued)))
}

/// Any other content type, or none: 415, before the body is read or a password hashed.
/// `text/plain`, form and multipart bodies are what another site's `<form>` can send without
/// a CORS preflight, so refusing them keeps cross-site pages (and their argon2 bill) out.
/// Rocket would answer a format mismatch with a 404; this route at rank 2 says what is wrong.
#[post("/api/token", rank = 2)]
fn token_not_json() -> ApiError {
    ApiError::not_json()
}

/// The verified claims, plus the username they prove (`null` for a guest token), and which
/// switch let the token in where a check was off.
#[derive(Serialize)]
struct MeResponse {
    user: Option<String>,
    #[serde(flatten)]
    claims: Claims,
    #[serde(skip_serializing_if = "SwitchDecisions::is_empty")]
    switch_decisions: SwitchDecisions,
}

/// Who am I: a valid Bearer token answers with its verified claims.
#[get("/api/me")]
fn me(
    bearer: Result<BearerUser, ApiError>,
    decisions: SwitchDecisions,
) -> Result<Json<MeResponse>, ApiError> {
    let BearerUser { claims } = bearer?;
    Ok(Json(MeResponse {
        user: claims.username().map(str::to_string),
        claims,
        switch_decisions: decisions,
    }))
}

#[derive(Serialize)]
struct VisitResponse {
    visits: u64,
    access_token: String,
    token_type: &'static str,
    expires_in: i64,
    #[serde(skip_serializing_if = "SwitchDecisions::is_empty")]
    switch_decisions: SwitchDecisions,
}

/// Counts a visit: verifies the token, signs a new one with `visits + 1` and the same
/// `auth_time`. Without a token, starts a guest token at 1. A token past its absolute timeout
/// is refused like any invalid one (401 `invalid_token`), so a stolen copy stops renewing.
///
/// It reads no body, so it asks for no content type: `curl -X POST` with no body keeps
/// working. A cross-site form can reach it, but without the header it only starts a guest
/// token, in a response that page cannot read.
#[post("/api/visit")]
fn visit(
    bearer: Result<MaybeBearer, ApiError>,
    decisions: SwitchDecisions,
    keys: &State<JwtKeys>,
    policy: Policy,
) -> Result<Json<VisitResponse>, ApiError> {
    let issued = match bearer?.0 {
        Some(claims) => keys.reissue_with(&policy, &claims, claims.visits.saturating_add(1)),
        None => keys.issue_with(&policy, None, 1),
    }
    .map_err(|_| ApiError::signing_failed())?;
    let response = TokenResponse::new(issued);
    Ok(Json(VisitResponse {
        visits: response.visits,
        access_token: response.access_token,
        token_type: response.token_type,
        expires_in: response.expires_in,
        switch_decisions: decisions,
    }))
}

/// What a logout answers: whose login it ended, and how long the token stays valid anyway.
#[derive(Serialize)]
struct LogoutResponse {
    user: Option<String>,
    /// Seconds until the token's `exp`: a copy keeps working that long (no server state).
    still_valid_for: i64,
}

/// Logs out: the page forgets its token; the server, which keeps no list of tokens, can only
/// take note (the challenges remember the login, so a copy replayed later is recognised). It
/// reads no body, like `api/visit`; without a valid token it is the RFC 6750 401.
#[post("/api/logout")]
fn logout(
    bearer: Result<BearerUser, ApiError>,
    learner: Learner<'_>,
) -> Result<Json<LogoutResponse>, ApiError> {
    let BearerUser { claims } = bearer?;
    learner.logged_out_jwt(Some(&claims));
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    Ok(Json(LogoutResponse {
        user: claims.username().map(str::to_string),
        still_valid_for: (claims.exp - now).max(0),
    }))
}
