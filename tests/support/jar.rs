//! A browser's cookie jar, kept by hand so several visitors can share one app: it stores what
//! `Set-Cookie` says, forgets what it removes, and sends back only the cookies whose `Path`
//! matches the request (RFC 6265 §5.1.4, §5.3).

use rocket::http::Cookie;
use rocket::local::blocking::LocalResponse;
use time::OffsetDateTime;

/// The cookies one browser holds.
#[derive(Debug, Clone, Default)]
pub struct Jar {
    cookies: Vec<Cookie<'static>>,
}

impl Jar {
    /// Stores every cookie `response` to a request for `path` set, and drops the ones it removed.
    pub fn store(&mut self, path: &str, response: &LocalResponse<'_>) {
        for cookie in response.cookies().iter() {
            let mut cookie = cookie.clone().into_owned();
            if cookie.path().is_none() {
                cookie.set_path(default_path(path));
            }
            self.cookies
                .retain(|c| (c.name(), c.path()) != (cookie.name(), cookie.path()));
            if !is_removal(&cookie) {
                self.cookies.push(cookie);
            }
        }
    }

    /// The cookies a request for `path` carries, as name and value only (what `Cookie:` sends).
    pub fn for_path(&self, path: &str) -> Vec<Cookie<'static>> {
        self.cookies
            .iter()
            .filter(|c| path_matches(c.path().unwrap_or("/"), path))
            .map(|c| Cookie::new(c.name().to_string(), c.value().to_string()))
            .collect()
    }

    /// The cookie called `name` (any path), with the attributes it was set with.
    pub fn get(&self, name: &str) -> Option<&Cookie<'static>> {
        self.cookies.iter().find(|c| c.name() == name)
    }

    /// Every cookie held.
    pub fn all(&self) -> &[Cookie<'static>] {
        &self.cookies
    }

    /// Adds a cookie as if a server had set it (a copy carried over from another browser).
    pub fn put(&mut self, cookie: Cookie<'static>) {
        self.cookies
            .retain(|c| (c.name(), c.path()) != (cookie.name(), cookie.path()));
        self.cookies.push(cookie);
    }
}

/// `Max-Age=0` or an `Expires` in the past removes a cookie (RFC 6265 §5.3 step 11).
fn is_removal(cookie: &Cookie<'_>) -> bool {
    let expired = cookie
        .expires_datetime()
        .is_some_and(|at| at <= OffsetDateTime::now_utc());
    let zero_age = cookie.max_age().is_some_and(|age| age.whole_seconds() <= 0);
    expired || zero_age
}

/// The default `Path`: the request path up to, not including, its last `/`.
fn default_path(request_path: &str) -> String {
    match request_path.rfind('/') {
        Some(0) | None => "/".to_string(),
        Some(i) => request_path[..i].to_string(),
    }
}

/// Whether a cookie with `Path=cookie_path` goes with a request for `request_path`.
fn path_matches(cookie_path: &str, request_path: &str) -> bool {
    let request_path = request_path.split('?').next().unwrap_or(request_path);
    request_path == cookie_path
        || (request_path.starts_with(cookie_path)
            && (cookie_path.ends_with('/') || request_path[cookie_path.len()..].starts_with('/')))
}
