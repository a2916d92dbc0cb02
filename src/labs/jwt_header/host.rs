//! The host the page was requested on, for the page's `curl` lines.

use rocket::request::{FromRequest, Outcome};
use rocket::Request;

/// The host the page was requested on (`127.0.0.1:8000` by default). Only a plain
/// `host[:port]` is used; anything else falls back to the default.
pub struct RequestHost(pub String);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for RequestHost {
    type Error = std::convert::Infallible;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let host = crate::site::headers::first(request.headers(), "Host")
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
