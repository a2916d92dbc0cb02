//! Reading `Authorization: Bearer …` (RFC 6750 §2.1), as every lab's credential reader
//! answers: absent / rejected(why) / accepted(verified claims). Two guards build on it:
//! [`BearerUser`] for routes that need a valid token, [`MaybeBearer`] for routes where no
//! token is fine but a bad one is not. Both fail with the RFC 6750 401, which a handler
//! returns by taking `Result<guard, ApiError>` and writing `?`. Reading the header is where
//! this lab decides about a token, so the challenges see each token here, once per request.

use crate::auth::jwt::{views, Leniency, LeniencyView, Policy, Verified};

use rocket::outcome::try_outcome;
use rocket::request::{FromRequest, Outcome};
use rocket::{Request, State};

use super::challenge::ApiError;
use crate::auth::arrival::{Arrival, Reason};
use crate::auth::jwt::{Audience, Claims, JwtKeys, Rejection};
use crate::challenges::{Learner, TokenVerdict};
use rocket::http::Status;

/// Why a bearer credential was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BearerRejection {
    /// An `Authorization` header of another scheme (e.g. `Basic`), or `Bearer` with nothing.
    NotBearer,
    /// `Bearer <token>`, but the token failed verification.
    Invalid(Rejection),
}

impl Reason for BearerRejection {
    fn code(&self) -> &'static str {
        match self {
            BearerRejection::NotBearer => "bad_scheme",
            BearerRejection::Invalid(rejection) => rejection.code(),
        }
    }
}

impl BearerRejection {
    /// The 401 this refusal earns.
    pub fn challenge(&self) -> ApiError {
        match self {
            BearerRejection::NotBearer => ApiError::bad_scheme(),
            BearerRejection::Invalid(rejection) => ApiError::invalid(rejection),
        }
    }
}

/// What arrived in the `Authorization` header, verified for this lab.
pub type Bearer = Arrival<Claims, BearerRejection>;

impl Bearer {
    /// The header, every check on.
    pub fn read(header: Option<&str>, keys: &JwtKeys) -> Bearer {
        Bearer::read_with(header, keys, &Policy::strict(Audience::JwtHeader, keys)).0
    }

    /// The header, checked under this browser's `policy`; with the checks the policy relaxed
    /// to accept the token (empty by default).
    pub fn read_with(
        header: Option<&str>,
        keys: &JwtKeys,
        policy: &Policy,
    ) -> (Bearer, Vec<Leniency>) {
        let Some(value) = header else {
            return (Arrival::Absent, Vec::new());
        };
        let Some(token) = bearer_token(value) else {
            return (Arrival::Rejected(BearerRejection::NotBearer), Vec::new());
        };
        match keys.verify_with(token, policy) {
            Ok(Verified { claims, lenient }) => (Arrival::Accepted(claims), lenient),
            Err(rejection) => (
                Arrival::Rejected(BearerRejection::Invalid(rejection)),
                Vec::new(),
            ),
        }
    }
}

/// The token in an `Authorization: Bearer <token>` value. The scheme is case-insensitive
/// (RFC 9110 §11.1); the token follows one space.
fn bearer_token(value: &str) -> Option<&str> {
    match value.trim().split_once(' ') {
        Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") => {
            Some(token.trim()).filter(|token| !token.is_empty())
        }
        _ => None,
    }
}

impl Bearer {
    /// What the check concluded, for the challenges (`None`: no token was checked).
    fn verdict<'a>(&'a self, lenient: &'a [Leniency]) -> Option<TokenVerdict<'a>> {
        match self {
            Arrival::Accepted(claims) => Some(Ok((claims, lenient))),
            Arrival::Rejected(BearerRejection::Invalid(rejection)) => Some(Err(rejection)),
            _ => None,
        }
    }
}

/// This request's token, judged under this browser's policy, with the checks the policy relaxed
/// to accept it. Several guards ask for the token (`MaybeBearer`, `SwitchDecisions`); it is
/// verified, and reported to the challenges, once per request, and each asker gets this answer.
struct Judged(Outcome<(Bearer, Vec<Leniency>), ()>);

/// The token as judged for this request (judging it the first time it is asked for).
async fn judged<'r>(request: &'r Request<'_>) -> &'r Outcome<(Bearer, Vec<Leniency>), ()> {
    let Judged(judged) = request
        .local_cache_async(async { Judged(judge(request).await) })
        .await;
    judged
}

async fn judge(request: &Request<'_>) -> Outcome<(Bearer, Vec<Leniency>), ()> {
    let keys = try_outcome!(request.guard::<&State<JwtKeys>>().await);
    let policy = try_outcome!(request.guard::<Policy>().await);
    let header = crate::site::headers::first(request.headers(), "Authorization");
    let (bearer, lenient) = Bearer::read_with(header, keys, &policy);
    if let Outcome::Success(learner) = request.guard::<Learner<'_>>().await {
        learner.saw_jwt(header.and_then(bearer_token), bearer.verdict(&lenient));
    }
    Outcome::Success((bearer, lenient))
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for Bearer {
    type Error = ();

    /// Under this browser's policy (the lab's switches).
    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        judged(request).await.clone().map(|(bearer, _)| bearer)
    }
}

/// Which switch made each decision that let this request's token in (none with every switch at
/// its default): the API's answers carry it as `switch_decisions` when there is one, and the
/// page says it in words from the message table.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(transparent)]
pub struct SwitchDecisions(pub Vec<LeniencyView>);

impl SwitchDecisions {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for SwitchDecisions {
    type Error = ();

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        // Outside a JWT lab no token is judged, and no switch decided anything.
        let lenient = match judged(request).await {
            Outcome::Success((_, lenient)) => views(lenient),
            _ => Vec::new(),
        };
        Outcome::Success(SwitchDecisions(lenient))
    }
}

/// A valid header-lab token (a guest's too: `claims.username()` tells them apart).
/// Missing or invalid: the RFC 6750 401.
pub struct BearerUser {
    pub claims: Claims,
}

/// A valid token, or none at all (`None`); an invalid one is still the RFC 6750 401.
pub struct MaybeBearer(pub Option<Claims>);

/// The guards' failure: the 401 to send (taken by handlers as `Result<_, ApiError>`).
fn refuse<T>(error: ApiError) -> Outcome<T, ApiError> {
    Outcome::Error((Status::Unauthorized, error))
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for BearerUser {
    type Error = ApiError;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        match try_outcome!(MaybeBearer::from_request(request).await) {
            MaybeBearer(Some(claims)) => Outcome::Success(BearerUser { claims }),
            MaybeBearer(None) => refuse(ApiError::missing()),
        }
    }
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for MaybeBearer {
    type Error = ApiError;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let Outcome::Success(bearer) = request.guard::<Bearer>().await else {
            return Outcome::Error((Status::InternalServerError, ApiError::signing_failed()));
        };
        match bearer {
            Arrival::Absent => Outcome::Success(MaybeBearer(None)),
            Arrival::Rejected(why) => refuse(why.challenge()),
            Arrival::Accepted(claims) => Outcome::Success(MaybeBearer(Some(claims))),
        }
    }
}
