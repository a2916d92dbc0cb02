//! The header lab's API errors: a 401 with its `WWW-Authenticate` challenge (RFC 6750 §3),
//! a 415 for a body that is not JSON, or the server's own failure. The API speaks English in `message` and `error_description`
//! (RFC 6750's audience is a developer); the page's words live in templates.

use rocket::http::Header;
use rocket::serde::json::Json;
use rocket::Responder;
use serde::Serialize;

use crate::auth::jwt::Rejection;
use crate::site::error::AppError;

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

/// A 415 for a body sent as anything but `application/json`. `Accept` in a response names
/// the media types a request to this resource may use (RFC 9110 §12.5.1).
#[derive(Debug, Responder)]
#[response(status = 415, content_type = "json")]
pub struct NotJson {
    body: Json<ChallengeBody>,
    accept: Header<'static>,
}

/// Every way an API call of this lab can fail.
#[derive(Debug, Responder)]
pub enum ApiError {
    Unauthorized(Challenge),
    UnsupportedMediaType(NotJson),
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

    /// An `Authorization` header of another scheme, or `Bearer` with nothing after it.
    pub fn bad_scheme() -> ApiError {
        ApiError::Unauthorized(Challenge::new(
            "bad_scheme",
            "The Authorization header must be `Bearer <token>`.",
            "Bearer".into(),
        ))
    }

    /// A token that failed verification: `invalid_token`, with the reason in
    /// `error_description` (already safe for a header, see `Rejection::reason`).
    pub fn invalid(rejection: &Rejection) -> ApiError {
        let reason = rejection.reason();
        ApiError::Unauthorized(Challenge::new(
            rejection.code(),
            &reason,
            format!(r#"Bearer error="invalid_token", error_description="{reason}""#),
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

    /// The body is not declared `application/json`: refused before it is read.
    pub fn not_json() -> ApiError {
        ApiError::UnsupportedMediaType(NotJson {
            body: Json(ChallengeBody {
                error: "unsupported_media_type",
                reason: "not_json",
                message: "This endpoint takes only Content-Type: application/json. (A form on another site can post text/plain without asking; application/json it cannot.)".into(),
            }),
            accept: Header::new("Accept", "application/json"),
        })
    }

    /// Signing failed: the server's fault, never the request's.
    pub fn signing_failed() -> ApiError {
        ApiError::Server(AppError::internal())
    }
}
