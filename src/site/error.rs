//! One error type that renders itself: an HTML page for browsers, JSON under `/api/`.

use rocket::http::{ContentType, Status};
use rocket::response::{self, Responder};
use rocket::serde::json::Json;
use rocket::{catch, catchers, Catcher, Request};
use rocket_dyn_templates::{context, Template};
use serde::Serialize;

/// An error a handler returns; its status and message reach the user as they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppError {
    pub status: Status,
    pub message: String,
}

impl AppError {
    pub fn new(status: Status, message: impl Into<String>) -> AppError {
        AppError {
            status,
            message: message.into(),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> AppError {
        AppError::new(Status::BadRequest, message)
    }

    /// The server's fault, not the user's: say so without details.
    pub fn internal() -> AppError {
        AppError::new(
            Status::InternalServerError,
            "Something went wrong on the server. The request was not processed.",
        )
    }
}

/// The JSON shape of every API error: `{"error": "not_found", "message": "…"}`.
#[derive(Serialize)]
struct ErrorBody<'a> {
    error: String,
    message: &'a str,
}

/// API routes (any path with an `/api/` segment) and clients that ask for JSON get JSON.
fn wants_json(request: &Request<'_>) -> bool {
    request.uri().path().as_str().contains("/api/")
        || request.format().is_some_and(|f| f.is_json())
        || request
            .accept()
            .is_some_and(|a| a.preferred().media_type().is_json())
}

impl<'r> Responder<'r, 'static> for AppError {
    fn respond_to(self, request: &'r Request<'_>) -> response::Result<'static> {
        let status = self.status;
        let mut response = if wants_json(request) {
            let code = status
                .reason()
                .unwrap_or("error")
                .to_ascii_lowercase()
                .replace([' ', '-'], "_");
            let body = ErrorBody {
                error: code,
                message: &self.message,
            };
            Json(body).respond_to(request)?
        } else {
            let page = Template::render(
                "error",
                context! {
                    title: status.reason().unwrap_or("Error"),
                    code: status.code,
                    message: &self.message,
                    path: request.uri().path().as_str(),
                },
            );
            (ContentType::HTML, page).respond_to(request)?
        };
        response.set_status(status);
        Ok(response)
    }
}

/// What each status means to someone who just saw it.
fn explain(status: Status, request: &Request<'_>) -> String {
    match status.code {
        400 => "The request could not be understood: a malformed header, cookie, form or body.".into(),
        401 => "You need to authenticate first.".into(),
        403 => "You are not allowed to do that.".into(),
        404 => format!("There is no page at {}.", request.uri().path()),
        405 => "That method is not allowed here.".into(),
        413 => "The request body is larger than this server accepts.".into(),
        415 => "The request has a content type this route does not accept.".into(),
        422 => "The form or body is missing a field, or a value has the wrong type or is not valid UTF-8."
            .into(),
        500 => "Something went wrong on the server. The request was not processed.".into(),
        _ => status.reason().unwrap_or("Unexpected error.").to_string(),
    }
}

/// Every error status Rocket raises (a failed guard, an unparsable form, no route, a panic)
/// ends here. Cookie changes made before the error are dropped by Rocket, so none leak out.
#[catch(default)]
fn default_catcher(status: Status, request: &Request<'_>) -> AppError {
    AppError::new(status, explain(status, request))
}

pub fn catchers() -> Vec<Catcher> {
    catchers![default_catcher]
}
