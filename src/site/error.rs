//! One error type that renders itself: an HTML page for browsers, JSON under `/api/`.
//!
//! What a status means to someone who just saw it lives in the message table (`errors.<code>`
//! in `templates/locales/en/messages.ftl`), rendered through `templates/errors/explain.txt.tera`.

use crate::site::view::{context, Template};
use rocket::http::{ContentType, Header, Method, Status};
use rocket::response::{self, Responder};
use rocket::serde::json::Json;
use rocket::{catch, catchers, Catcher, Request};
use serde::Serialize;

use super::origin::{CrossOrigin, Refused};
use crate::redis_link::StoreDown;

/// An error a handler returns; its status and message reach the user as they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppError {
    pub status: Status,
    pub message: String,
    /// Say what the status means (from the message table) instead of `message`.
    explained: bool,
    /// A refusal with its own explanation (`errors.refused.<code>`).
    refused: Option<&'static str>,
}

impl AppError {
    pub fn new(status: Status, message: impl Into<String>) -> AppError {
        AppError {
            status,
            message: message.into(),
            explained: false,
            refused: None,
        }
    }

    /// An error that says what its status means (`errors.<code>`); statuses the table does
    /// not explain show their reason phrase.
    pub fn explained(status: Status) -> AppError {
        AppError {
            status,
            message: status.reason().unwrap_or("Unexpected error.").to_string(),
            explained: EXPLAINED.contains(&status.code),
            refused: None,
        }
    }

    /// A 403 from the same-origin guard, explaining the attack it stopped.
    pub fn refused(why: CrossOrigin) -> AppError {
        AppError {
            refused: Some(why.code()),
            ..AppError::explained(Status::Forbidden)
        }
    }

    /// The server's fault, not the user's: say so without details.
    pub fn internal() -> AppError {
        AppError::explained(Status::InternalServerError)
    }

    /// The message as the user reads it.
    fn text(&self, request: &Request<'_>) -> String {
        if !self.explained {
            return self.message.clone();
        }
        let explanation = Template::show(
            request,
            "errors/explain",
            context! {
                code: self.status.code,
                refused: self.refused,
                path: request.uri().path().as_str(),
            },
        );
        explanation.map_or_else(|| self.message.clone(), |text| text.trim().to_string())
    }
}

/// A status a page's rendering failed with: an error that says what the status means.
impl From<Status> for AppError {
    fn from(status: Status) -> AppError {
        AppError::explained(status)
    }
}

/// The session store (Redis) did not answer: a 503 that says so, never a 500. Nothing was
/// changed, and the next request tries again.
impl From<StoreDown> for AppError {
    fn from(_: StoreDown) -> AppError {
        AppError::explained(Status::ServiceUnavailable)
    }
}

/// What a handler answers instead of its success: a page to show again (the login form after
/// a wrong password, say) or an error page.
#[derive(Debug, Responder)]
pub enum Failure {
    Page(Template),
    Error(AppError),
}

impl From<Template> for Failure {
    fn from(page: Template) -> Failure {
        Failure::Page(page)
    }
}

impl From<AppError> for Failure {
    fn from(error: AppError) -> Failure {
        Failure::Error(error)
    }
}

impl From<StoreDown> for Failure {
    fn from(down: StoreDown) -> Failure {
        Failure::Error(down.into())
    }
}

/// The statuses the message table explains.
const EXPLAINED: [u16; 10] = [400, 401, 403, 404, 405, 413, 415, 422, 500, 503];

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
        let message = self.text(request);
        let mut response = if wants_json(request) {
            let code = status
                .reason()
                .unwrap_or("error")
                .to_ascii_lowercase()
                .replace([' ', '-'], "_");
            let body = ErrorBody {
                error: code,
                message: &message,
            };
            Json(body).respond_to(request)?
        } else {
            let page = Template::render(
                "error",
                context! {
                    title: status.reason().unwrap_or("Error"),
                    code: status.code,
                    message: &message,
                    path: request.uri().path().as_str(),
                },
            );
            (ContentType::HTML, page).respond_to(request)?
        };
        response.set_status(status);
        Ok(response)
    }
}

/// Every error status Rocket raises (a failed guard, an unparsable form, no route, a panic)
/// ends here. Cookie changes made before the error are dropped by Rocket, so none leak out.
/// Rocket answers a path that exists under another method with 404; HTTP says that is a 405
/// with an `Allow` header listing the methods the path takes (RFC 9110 §15.5.6).
#[catch(default)]
fn default_catcher(status: Status, request: &Request<'_>) -> Caught {
    let allowed = if status == Status::NotFound {
        allowed_methods(request)
    } else {
        Vec::new()
    };
    if let (Status::Forbidden, Refused(Some(why))) =
        (status, *request.local_cache(Refused::default))
    {
        return Caught {
            error: AppError::refused(why),
            allow: None,
        };
    }
    if allowed.is_empty() {
        return Caught {
            error: AppError::explained(status),
            allow: None,
        };
    }
    Caught {
        error: AppError::explained(Status::MethodNotAllowed),
        allow: Some(allowed.join(", ")),
    }
}

/// An error page, plus `Allow` on a 405.
struct Caught {
    error: AppError,
    allow: Option<String>,
}

impl<'r> Responder<'r, 'static> for Caught {
    fn respond_to(self, request: &'r Request<'_>) -> response::Result<'static> {
        let mut response = self.error.respond_to(request)?;
        if let Some(allow) = self.allow {
            response.set_header(Header::new("Allow", allow));
        }
        Ok(response)
    }
}

/// The methods of every route whose path matches this request's path (HEAD wherever GET is,
/// as Rocket answers it), sorted; empty when the path exists under no method at all.
fn allowed_methods(request: &Request<'_>) -> Vec<&'static str> {
    let path: Vec<&str> = request.uri().path().segments().collect();
    let matching: Vec<&rocket::Route> = request
        .rocket()
        .routes()
        .filter(|route| path_matches(route.uri.path(), &path))
        .collect();
    // A route for this very method exists (it forwarded, say a missing static file): a real 404.
    let asked = match request.method() {
        Method::Head => Method::Get,
        other => other,
    };
    if matching.iter().any(|route| route.method == asked) {
        return Vec::new();
    }
    let mut methods: Vec<&'static str> = matching
        .into_iter()
        .flat_map(|route| match route.method {
            Method::Get => vec!["GET", "HEAD"],
            other => vec![other.as_str()],
        })
        .collect();
    methods.sort_unstable();
    methods.dedup();
    methods
}

/// Whether a route's path pattern (`/docs/<slug>`, `/docs/source/<path..>`) matches `path`.
fn path_matches(pattern: &str, path: &[&str]) -> bool {
    let pattern: Vec<&str> = pattern.split('/').filter(|s| !s.is_empty()).collect();
    for (i, part) in pattern.iter().enumerate() {
        if part.starts_with('<') && part.ends_with("..>") {
            return true;
        }
        match path.get(i) {
            Some(segment) if part.starts_with('<') || part == segment => {}
            _ => return false,
        }
    }
    pattern.len() == path.len()
}

pub fn catchers() -> Vec<Catcher> {
    catchers![default_catcher]
}
