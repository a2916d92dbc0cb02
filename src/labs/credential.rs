//! A lab's credential cookie (the sessions lab's `sid`, the cookie lab's login, the JWT-cookie
//! lab's `jwt`): the one name that setting, reading and removing it agree on, and the
//! cookie-tossing check every reader runs first.
//!
//! Cookie tossing: a sibling subdomain, or a page under another path, plants a second cookie
//! with the same name, and the browser sends both (`Cookie: sid=A; sid=B`). The server cannot
//! tell which one it set, so it trusts neither. With `cookie_secure` the credentials are named
//! `__Host-…` (RFC 6265bis §4.1.3.2): the browser accepts such a cookie only from a secure
//! origin, with `Secure`, `Path=/` and no `Domain`, so no other host or path can plant one.

use rocket::http::{Cookie, CookieJar};
use rocket::request::{FromRequest, Outcome};
use rocket::Request;

use crate::auth::arrival::{Arrival, Reason};
use crate::config::AppConfig;

/// The names and scope of one lab's credential cookie.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CredentialCookie {
    /// The name over plain HTTP (the local default), e.g. `sid`.
    pub name: &'static str,
    /// The name with `cookie_secure`: `__Host-` and the name.
    pub host_name: &'static str,
    /// The lab's base path, the cookie's `Path` without the prefix.
    pub path: &'static str,
}

impl CredentialCookie {
    /// The name for this configuration; `secure` is the `cookie_secure` setting.
    pub fn name(&self, secure: bool) -> &'static str {
        if secure {
            self.host_name
        } else {
            self.name
        }
    }

    /// `__Host-` requires `Path=/`. That costs nothing: `Path` was never a security boundary
    /// (a page of another path on the same origin can read the cookie anyway), the name is.
    pub fn path(&self, secure: bool) -> &'static str {
        if secure {
            "/"
        } else {
            self.path
        }
    }

    /// A cookie with this name, `Path` and, when `secure`, the `Secure` flag; the lab adds the
    /// rest (`HttpOnly`, `SameSite`, lifetime). Never a `Domain`: `__Host-` forbids one.
    pub fn build(&self, secure: bool, value: String) -> Cookie<'static> {
        let mut cookie = Cookie::build((self.name(secure), value))
            .path(self.path(secure))
            .build();
        if secure {
            cookie.set_secure(true);
        }
        cookie
    }

    /// What removes it: the same name and `Path` it was set with, or the browser keeps it.
    pub fn removal(&self, secure: bool) -> Cookie<'static> {
        Cookie::build(self.name(secure))
            .path(self.path(secure))
            .build()
    }
}

/// Why a credential cookie was refused: the browser sent its name twice (cookie tossing), or
/// the one cookie failed the lab's own check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CookieRefusal<Why> {
    /// Two cookies with this name arrived; we cannot tell which is ours, so we trust neither.
    Tossed,
    /// The lab's own reason.
    Invalid(Why),
}

impl<Why: Reason> Reason for CookieRefusal<Why> {
    fn code(&self) -> &'static str {
        match self {
            CookieRefusal::Tossed => "tossed",
            CookieRefusal::Invalid(why) => why.code(),
        }
    }
}

/// This request's cookies as the labs read their credentials: Rocket's jar keeps one cookie
/// per name, so the names the raw `Cookie` headers carried more than once are kept beside it.
pub struct LabCookies<'r> {
    pub jar: &'r CookieJar<'r>,
    /// The `cookie_secure` setting, which picks the credential names.
    pub secure: bool,
    twice: &'r [String],
}

/// The names a request's `Cookie` headers repeat, found once per request (several guards ask).
struct SentTwice(Vec<String>);

impl<'r> LabCookies<'r> {
    /// The request's jar, the configured names, and the names its `Cookie` headers repeat.
    pub fn of(request: &'r Request<'_>) -> LabCookies<'r> {
        let secure = request
            .rocket()
            .state::<AppConfig>()
            .is_some_and(|config| config.cookies.secure);
        LabCookies {
            jar: request.cookies(),
            secure,
            twice: &request
                .local_cache(|| SentTwice(names_sent_twice(request.headers().get("Cookie"))))
                .0,
        }
    }

    /// Reads `credential` with `read` (given the jar and the configured name), unless it is
    /// absent or arrived twice.
    pub fn read<T, Why>(
        &self,
        credential: CredentialCookie,
        read: impl FnOnce(&CookieJar<'r>, &'static str) -> Arrival<T, Why>,
    ) -> Arrival<T, CookieRefusal<Why>> {
        let name = credential.name(self.secure);
        if self.sent_twice(name) {
            return Arrival::Rejected(CookieRefusal::Tossed);
        }
        if self.jar.get(name).is_none() {
            return Arrival::Absent;
        }
        match read(self.jar, name) {
            Arrival::Absent => Arrival::Absent,
            Arrival::Rejected(why) => Arrival::Rejected(CookieRefusal::Invalid(why)),
            Arrival::Accepted(value) => Arrival::Accepted(value),
        }
    }

    /// Whether the browser sent more than one cookie called `name`.
    pub fn sent_twice(&self, name: &str) -> bool {
        self.twice.iter().any(|n| n == name)
    }
}

/// The names that occur more than once in `headers`, each `Cookie` header split and decoded
/// exactly as Rocket fills its jar (so `s%69d` counts as `sid`, as Rocket reads it), sorted.
/// Found by sorting the names, not pair by pair: a header may carry thousands of cookies.
pub fn names_sent_twice<'h>(headers: impl Iterator<Item = &'h str>) -> Vec<String> {
    let headers: Vec<&'h str> = headers.collect();
    let pairs = || {
        headers
            .iter()
            .flat_map(|header| header.split(';').map(str::trim))
    };
    if !any_name_written_twice(pairs()) {
        return Vec::new();
    }
    let cookies: Vec<Cookie<'h>> = pairs()
        .filter_map(|pair| Cookie::parse_encoded(pair).ok())
        .collect();
    let mut names: Vec<&str> = cookies.iter().map(Cookie::name).collect();
    names.sort_unstable();
    let mut twice: Vec<String> = Vec::new();
    for pair in names.windows(2) {
        if pair[0] == pair[1] && twice.last().map(String::as_str) != Some(pair[0]) {
            twice.push(pair[0].to_string());
        }
    }
    twice
}

/// Whether two pairs may name the same cookie once Rocket has parsed them, read from the
/// names as written (the text before `=`, trimmed): a name with a `%` in it may decode to
/// another's, so that counts too. `false` means no two of them do, without parsing and
/// decoding every cookie (most requests repeat no name). Trimming every kind of white space
/// can only make more names equal than the parser's trimming does, never fewer.
fn any_name_written_twice<'h>(pairs: impl Iterator<Item = &'h str>) -> bool {
    let mut names: Vec<&str> = pairs
        .map(|pair| pair.split_once('=').map_or(pair, |(name, _)| name).trim())
        .collect();
    if names.iter().any(|name| name.contains('%')) {
        return true;
    }
    names.sort_unstable();
    names.windows(2).any(|pair| pair[0] == pair[1])
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for LabCookies<'r> {
    type Error = std::convert::Infallible;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        Outcome::Success(LabCookies::of(request))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_sent_twice_is_found_across_headers_and_encodings() {
        let one = ["sid=A; theme=dark"];
        assert!(names_sent_twice(one.into_iter()).is_empty());
        let split = ["sid=A", "theme=dark; sid=B"];
        assert_eq!(names_sent_twice(split.into_iter()), ["sid"]);
        // The browser keeps `s%69d` apart from `sid`; Rocket decodes both to `sid`.
        let encoded = ["sid=A; s%69d=B"];
        assert_eq!(names_sent_twice(encoded.into_iter()), ["sid"]);
        // Each repeated name once, however often it came, in order.
        let many = ["zeta=1; sid=A; zeta=2; b=1", "sid=B; zeta=3"];
        assert_eq!(names_sent_twice(many.into_iter()), ["sid", "zeta"]);
        // Spaces around a name are not part of it.
        let spaced = ["sid =A;  sid=B"];
        assert_eq!(names_sent_twice(spaced.into_iter()), ["sid"]);
    }

    #[test]
    fn names_that_differ_as_written_are_not_parsed_unless_one_may_decode_to_another() {
        assert!(!any_name_written_twice(
            ["sid=A", "theme=dark", "b"].into_iter()
        ));
        assert!(any_name_written_twice(["sid=A", " sid =B"].into_iter()));
        assert!(any_name_written_twice(["sid=A", "s%69d=B"].into_iter()));
        // A pair without `=` is no cookie to the parser: counting it can only send the
        // request down the full parse, which then drops it.
        assert!(names_sent_twice(["sid", "sid=A"].into_iter()).is_empty());
        // A repeated name whose other pair fails to parse is no repeat.
        assert!(names_sent_twice(["sid=A", "sid"].into_iter()).is_empty());
    }

    #[test]
    fn every_credential_prefixed_name_is_its_name_with_host() {
        for credential in crate::labs::LABS.iter().filter_map(|lab| lab.credential) {
            assert_eq!(credential.host_name, format!("__Host-{}", credential.name));
            let secure = credential.build(true, "v".into());
            assert_eq!(secure.path(), Some("/"));
            assert_eq!(secure.secure(), Some(true));
            assert_eq!(secure.domain(), None);
            let plain = credential.build(false, "v".into());
            assert_eq!(plain.path(), Some(credential.path));
            assert_eq!(plain.secure(), None);
        }
    }
}
