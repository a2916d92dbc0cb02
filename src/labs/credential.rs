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
                .local_cache(|| {
                    SentTwice(names_sent_twice(crate::site::headers::all(
                        request.headers(),
                        "Cookie",
                    )))
                })
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
    // Most requests repeat no name even as written: then none is repeated once parsed, and no
    // cookie needs parsing and decoding (see `written_name`).
    let written: Vec<&str> = pairs().map(written_name).collect();
    if !written.iter().any(|name| name.contains('%')) && repeated(written).is_empty() {
        return Vec::new();
    }
    let cookies: Vec<Cookie<'h>> = pairs()
        .filter_map(|pair| Cookie::parse_encoded(pair).ok())
        .collect();
    repeated(cookies.iter().map(Cookie::name).collect())
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// A pair's name as written: the text before `=`, trimmed. Two pairs Rocket parses to the same
/// name have the same written name unless one holds a `%` (which may decode to another's):
/// trimming every kind of white space makes at least the names equal that the parser's
/// trimming does, and a pair the parser refuses only drops out.
fn written_name(pair: &str) -> &str {
    pair.split_once('=').map_or(pair, |(name, _)| name).trim()
}

/// Each name that occurs more than once, once, sorted.
fn repeated(mut names: Vec<&str>) -> Vec<&str> {
    names.sort_unstable();
    let mut twice: Vec<&str> = Vec::new();
    for pair in names.windows(2) {
        if pair[0] == pair[1] && twice.last() != Some(&pair[0]) {
            twice.push(pair[0]);
        }
    }
    twice
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
    fn written_names_repeat_where_parsed_ones_may_and_a_pair_the_parser_refuses_drops_out() {
        assert_eq!(written_name(" sid =B"), "sid");
        assert_eq!(written_name("b"), "b");
        assert_eq!(repeated(vec!["sid", "theme", "sid", "a", "sid"]), ["sid"]);
        assert!(repeated(vec!["sid", "theme", "b"]).is_empty());
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
