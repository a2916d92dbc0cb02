//! The attacker site's own headers: a strict policy that lets its pages reach the labs (the
//! point of the site) and nothing else, and no framing of its pages.

use rocket::fairing::{AdHoc, Fairing, Info, Kind};
use rocket::http::Header;
use rocket::shield::{Frame, NoSniff, Shield};
use rocket::{Request, Response};

use super::LabsOrigin;

/// The attacker's `Content-Security-Policy`, naming the labs' origin where an attack needs it.
pub struct Policy(String);

/// Scripts and styles from this site only; images, fetches, frames and form posts may go to
/// the labs, and to nowhere else.
pub fn policy_for(labs: &LabsOrigin) -> Policy {
    let labs = &labs.0;
    Policy(format!(
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' {labs}; \
         connect-src 'self' {labs}; frame-src {labs}; form-action {labs}; base-uri 'none'; \
         frame-ancestors 'none'"
    ))
}

/// Rocket's default `Shield` with framing denied (it would allow same-origin frames).
pub fn stage() -> AdHoc {
    AdHoc::on_ignite("Attacker headers", |rocket| async {
        rocket
            .attach(Shield::new().enable(NoSniff::Enable).enable(Frame::Deny))
            .attach(PolicyHeader)
    })
}

struct PolicyHeader;

#[rocket::async_trait]
impl Fairing for PolicyHeader {
    fn info(&self) -> Info {
        Info {
            name: "Attacker CSP",
            kind: Kind::Response,
        }
    }

    async fn on_response<'r>(&self, request: &'r Request<'_>, response: &mut Response<'r>) {
        if let Some(Policy(policy)) = request.rocket().state::<Policy>() {
            response.set_header(Header::new("Content-Security-Policy", policy.clone()));
        }
        response.set_header(Header::new("Cache-Control", "no-store"));
    }
}
