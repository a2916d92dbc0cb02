//! One same-origin guard for every state-changing request a browser can send (OWASP CSRF
//! Prevention Cheat Sheet: "Fetch Metadata" and "Verifying Origin with Standard Headers").
//!
//! A login needs no cookie, so `SameSite` cannot stop a forged one: another site's page can
//! post the attacker's username and password to a lab, and the victim's browser is then logged
//! in as the attacker (login CSRF). Browsers say where a request came from: `Sec-Fetch-Site`
//! (`same-origin`, `same-site`, `cross-site`, `none`) and `Origin`. A request that says it came
//! from anywhere but this origin is refused with a 403 page explaining why; one with neither
//! header (curl, scripts, the tutorial's commands) is accepted, as no browser sends that.

use rocket::http::Status;
use rocket::request::{FromRequest, Outcome};
use rocket::Request;

/// Proof that a request came from this app's own pages (or from no browser at all).
#[derive(Debug, Clone, Copy)]
pub struct SameOrigin;

/// Why a request was refused, kept for the error page (`errors.refused.<code>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CrossOrigin {
    /// `Sec-Fetch-Site: cross-site`: a page on another site sent it.
    CrossSite,
    /// `Sec-Fetch-Site: same-site`: another origin of the same site (another port, say).
    SameSite,
    /// `Origin` names another origin than this one.
    OtherOrigin,
}

impl CrossOrigin {
    pub fn code(self) -> &'static str {
        match self {
            CrossOrigin::CrossSite => "cross_site",
            CrossOrigin::SameSite => "same_site",
            CrossOrigin::OtherOrigin => "other_origin",
        }
    }
}

/// The refusal of this request, if the guard refused it (read by the 403 page).
#[derive(Debug, Clone, Copy, Default)]
pub struct Refused(pub Option<CrossOrigin>);

/// What the headers say about where the request came from.
pub fn judge(
    fetch_site: Option<&str>,
    origin: Option<&str>,
    host: Option<&str>,
) -> Option<CrossOrigin> {
    match fetch_site.map(str::to_ascii_lowercase).as_deref() {
        Some("cross-site") => return Some(CrossOrigin::CrossSite),
        Some("same-site") => return Some(CrossOrigin::SameSite),
        _ => {}
    }
    let origin = origin?;
    // `Origin` is `scheme://host[:port]`; ours is whatever Host the browser addressed.
    let authority = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"));
    match (authority, host) {
        (Some(authority), Some(host)) if authority.eq_ignore_ascii_case(host) => None,
        _ => Some(CrossOrigin::OtherOrigin),
    }
}

/// What the headers say about where `request` came from (its `Sec-Fetch-Site`, `Origin` and
/// `Host`, read by [`judge`]).
pub fn check(request: &Request<'_>) -> Option<CrossOrigin> {
    let headers = request.headers();
    judge(
        super::headers::first(headers, "Sec-Fetch-Site"),
        super::headers::first(headers, "Origin"),
        super::headers::first(headers, "Host"),
    )
}

/// Refuses `request`, keeping why for the 403 page.
fn refuse<T>(request: &Request<'_>, why: CrossOrigin) -> Outcome<T, CrossOrigin> {
    request.local_cache(|| Refused(Some(why)));
    Outcome::Error((Status::Forbidden, why))
}

/// A request from elsewhere that a lab let through because this browser turned its
/// `origin_check` switch off (read by the cross-site log and the inspector).
#[derive(Debug, Clone, Copy, Default)]
pub struct LetThrough(pub Option<CrossOrigin>);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for SameOrigin {
    type Error = CrossOrigin;

    /// Refuses a request from elsewhere, unless it is for a lab whose `origin_check` switch
    /// this browser turned off (the experiment: the login CSRF then succeeds).
    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        match check(request) {
            None => Outcome::Success(SameOrigin),
            Some(why) if crate::labs::switches::origin_check_off(request) => {
                request.local_cache(|| LetThrough(Some(why)));
                Outcome::Success(SameOrigin)
            }
            Some(why) => refuse(request, why),
        }
    }
}

/// The same check, which no switch turns off: for the requests that change the switches
/// themselves (else another site could turn a learner's defences off for them).
#[derive(Debug, Clone, Copy)]
pub struct StrictSameOrigin;

#[rocket::async_trait]
impl<'r> FromRequest<'r> for StrictSameOrigin {
    type Error = CrossOrigin;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        match check(request) {
            None => Outcome::Success(StrictSameOrigin),
            Some(why) => refuse(request, why),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fetch_metadata_and_origin_decide_and_no_header_means_no_browser() {
        let host = Some("127.0.0.1:8000");
        assert_eq!(judge(None, None, host), None);
        assert_eq!(
            judge(Some("same-origin"), Some("http://127.0.0.1:8000"), host),
            None
        );
        assert_eq!(judge(Some("none"), None, host), None);
        assert_eq!(
            judge(Some("cross-site"), None, host),
            Some(CrossOrigin::CrossSite)
        );
        assert_eq!(
            judge(Some("same-site"), None, host),
            Some(CrossOrigin::SameSite)
        );
        assert_eq!(
            judge(None, Some("http://localhost:8800"), host),
            Some(CrossOrigin::OtherOrigin)
        );
        assert_eq!(
            judge(None, Some("null"), host),
            Some(CrossOrigin::OtherOrigin)
        );
        assert_eq!(
            judge(None, Some("http://127.0.0.1:8000"), None),
            Some(CrossOrigin::OtherOrigin),
            "no Host to compare with: refused"
        );
    }
}
