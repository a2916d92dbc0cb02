//! Reading `Authorization: Bearer …`, and API errors that follow RFC 6750 §3.

use rocket::http::Header;
use rocket::request::{FromRequest, Outcome};
use rocket::serde::json::Json;
use rocket::{Request, Responder};
use serde::Serialize;

use crate::auth::jwt::{Audience, Claims, JwtKeys};
use crate::site::error::AppError;

/// What arrived in the `Authorization` header.
#[derive(Debug, Clone)]
pub enum BearerToken {
    /// No `Authorization` header at all.
    Absent,
    /// An `Authorization` header of another scheme (e.g. `Basic`), or `Bearer` with nothing.
    NotBearer,
    /// `Bearer <token>`; not yet verified.
    Present(String),
}

impl BearerToken {
    pub fn parse(header: Option<&str>) -> BearerToken {
        let Some(value) = header else {
            return BearerToken::Absent;
        };
        // The scheme is case-insensitive (RFC 9110 §11.1); the token follows one space.
        match value.trim().split_once(' ') {
            Some((scheme, token))
                if scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty() =>
            {
                BearerToken::Present(token.trim().to_string())
            }
            _ => BearerToken::NotBearer,
        }
    }

    /// `Ok(None)` when no token was sent; `Ok(Some(claims))` for a valid header-lab token;
    /// otherwise the 401 to send.
    pub fn verify(&self, keys: &JwtKeys) -> Result<Option<Claims>, ApiError> {
        match self {
            BearerToken::Absent => Ok(None),
            BearerToken::NotBearer => Err(ApiError::Unauthorized(Challenge::new(
                "bad_scheme",
                "The Authorization header must be `Bearer <token>`.",
                "Bearer".into(),
            ))),
            BearerToken::Present(token) => match keys.verify(token, Audience::JwtHeader) {
                Ok(claims) => Ok(Some(claims)),
                Err(rejection) => {
                    let reason = rejection.reason();
                    Err(ApiError::Unauthorized(Challenge::new(
                        rejection.code(),
                        &reason,
                        format!(r#"Bearer error="invalid_token", error_description="{reason}""#),
                    )))
                }
            },
        }
    }
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for BearerToken {
    type Error = std::convert::Infallible;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        Outcome::Success(BearerToken::parse(
            request.headers().get_one("Authorization"),
        ))
    }
}

/// The JSON body of a 401: the same `{"error","message"}` shape as every API error, plus
/// the precise reason code (`expired`, `bad_signature`, …).
#[derive(Debug, Serialize)]
pub struct ChallengeBody {
    pub error: &'static str,
    pub reason: &'static str,
    pub message: String,
}

/// A 401 with its `WWW-Authenticate` challenge (RFC 6750 §3: a resource server answers a
/// missing token with `Bearer`, an invalid one with `Bearer error="invalid_token"`).
#[derive(Debug, Responder)]
#[response(status = 401, content_type = "json")]
pub struct Challenge {
    body: Json<ChallengeBody>,
    www_authenticate: Header<'static>,
}

impl Challenge {
    fn new(reason: &'static str, message: &str, challenge: String) -> Challenge {
        let error = if challenge.contains("invalid_token") {
            "invalid_token"
        } else {
            "unauthorized"
        };
        Challenge {
            body: Json(ChallengeBody {
                error,
                reason,
                message: message.to_string(),
            }),
            www_authenticate: Header::new("WWW-Authenticate", challenge),
        }
    }
}

/// Every way an API call of this lab can fail.
#[derive(Debug, Responder)]
pub enum ApiError {
    Unauthorized(Challenge),
    Server(AppError),
}

impl ApiError {
    /// No token at all: a bare `Bearer` challenge, no error code (RFC 6750 §3.1).
    pub fn missing() -> ApiError {
        ApiError::Unauthorized(Challenge::new(
            "missing_token",
            "No token: send Authorization: Bearer <token>. Get one from POST /labs/jwt-header/api/token or /api/visit.",
            "Bearer".into(),
        ))
    }

    /// Wrong username or password at the token endpoint.
    pub fn bad_login(message: &str) -> ApiError {
        ApiError::Unauthorized(Challenge::new(
            "invalid_credentials",
            message,
            "Bearer".into(),
        ))
    }
}

/// The host the page was requested on, for the `curl` lines (`127.0.0.1:8000` by default).
/// Only a plain `host[:port]` is used; anything else falls back to the default.
pub struct RequestHost(pub String);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for RequestHost {
    type Error = std::convert::Infallible;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let host = request
            .headers()
            .get_one("Host")
            .filter(|h| {
                !h.is_empty()
                    && h.len() <= 255
                    && h.bytes().all(|b| {
                        b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']')
                    })
            })
            .unwrap_or("127.0.0.1:8000");
        Outcome::Success(RequestHost(host.to_string()))
    }
}
