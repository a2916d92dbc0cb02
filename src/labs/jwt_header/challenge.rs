//! The header lab's API errors: a 401 with its `WWW-Authenticate` challenge (RFC 6750 §3),
//! or the server's own failure. The API speaks English in `message` and `error_description`
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

    /// Signing failed: the server's fault, never the request's.
    pub fn signing_failed() -> ApiError {
        ApiError::Server(AppError::internal())
    }
}
