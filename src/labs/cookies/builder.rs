//! The cookie builder: any name, any value, every attribute, checked against RFC 6265 before
//! a single byte reaches the `Set-Cookie` header.
//!
//! The builder writes its `Set-Cookie` line itself instead of going through `CookieJar::add`:
//! Rocket's jar fills in defaults (`Path=/`, `SameSite=Strict`) and percent-encodes the value,
//! and this page promises to send exactly the attributes the learner asked for.

use rocket::http::{Cookie, Header, SameSite};
use rocket::response::{self, Responder};
use rocket::{FromForm, Request};
use serde::Serialize;
use time::macros::format_description;
use time::{Duration, OffsetDateTime, PrimitiveDateTime};

/// Browsers keep at most this many bytes of name + value per cookie (RFC 6265 §6.1 asks for at
/// least 4096 bytes per cookie; Chrome and Firefox refuse more for name + value).
pub const MAX_NAME_AND_VALUE: usize = 4096;
/// RFC 6265bis: a `Path` or `Domain` value longer than this is ignored by browsers.
pub const MAX_ATTRIBUTE: usize = 1024;
/// RFC 6265bis: browsers cap `Max-Age` and `Expires` at 400 days from now.
pub const MAX_LIFETIME_DAYS: i64 = 400;

/// The builder form as the browser posts it; every attribute is optional.
#[derive(Debug, Clone, FromForm, Serialize)]
pub struct CookieSpec {
    #[field(default = String::new())]
    pub name: String,
    #[field(default = String::new())]
    pub value: String,
    /// Seconds, or empty for none.
    #[field(default = String::new())]
    pub max_age: String,
    /// `YYYY-MM-DDTHH:MM[:SS]`, read as UTC (what `<input type="datetime-local">` sends).
    #[field(default = String::new())]
    pub expires: String,
    #[field(default = String::new())]
    pub path: String,
    #[field(default = String::new())]
    pub domain: String,
    /// Empty (no attribute), `Strict`, `Lax` or `None`.
    #[field(default = String::new())]
    pub same_site: String,
    pub secure: bool,
    pub http_only: bool,
    pub partitioned: bool,
}

impl Default for CookieSpec {
    /// What the empty form suggests: a cookie for this lab's pages, `SameSite=Lax`.
    fn default() -> Self {
        CookieSpec {
            name: String::new(),
            value: String::new(),
            max_age: String::new(),
            expires: String::new(),
            path: super::BASE.into(),
            domain: String::new(),
            same_site: "Lax".into(),
            secure: false,
            http_only: false,
            partitioned: false,
        }
    }
}

/// One rule an input broke, and the field it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub field: &'static str,
    pub message: String,
}

fn problem(field: &'static str, message: impl Into<String>) -> Problem {
    Problem {
        field,
        message: message.into(),
    }
}

/// A cookie that passed every rule: the exact line to send, and what the learner should know.
#[derive(Debug, Clone)]
pub struct Built {
    pub cookie: Cookie<'static>,
    pub line: String,
    pub notes: Vec<String>,
}

/// How a character is named in a message: `;` (semicolon), U+000A (a control character).
fn describe(c: char) -> String {
    let name = match c {
        ' ' => "a space",
        '\t' => "a tab",
        '"' => "a double quote",
        ',' => "a comma",
        ';' => "a semicolon",
        '\\' => "a backslash",
        '=' => "an equals sign",
        _ if c.is_control() => return format!("U+{:04X} (a control character)", c as u32),
        _ if !c.is_ascii() => return format!("`{c}` (U+{:04X}, not ASCII)", c as u32),
        _ => return format!("`{c}`"),
    };
    format!("`{c}` ({name})")
}

/// RFC 6265 §4.1.1: `cookie-name = token` (RFC 2616 §2.2): visible ASCII except separators.
pub fn check_name(name: &str) -> Result<(), String> {
    const SEPARATORS: &str = "()<>@,;:\\\"/[]?={} \t";
    if name.is_empty() {
        return Err("The name is empty: RFC 6265 §4.1.1 says a cookie name is a token of at least one character.".into());
    }
    if let Some(c) = name
        .chars()
        .find(|&c| !c.is_ascii() || c.is_ascii_control() || SEPARATORS.contains(c))
    {
        let why = if !c.is_ascii() {
            "only US-ASCII is allowed"
        } else if c.is_ascii_control() {
            "control characters are not allowed"
        } else {
            "it is a separator, and a name must be a token (RFC 2616 §2.2)"
        };
        return Err(format!(
            "The name contains {}: {why}. RFC 6265 §4.1.1: cookie-name = token, i.e. letters, digits and !#$%&'*+-.^_`|~ only.",
            describe(c)
        ));
    }
    Ok(())
}

/// RFC 6265 §4.1.1: `cookie-value = *cookie-octet / ( DQUOTE *cookie-octet DQUOTE )`, where a
/// cookie-octet is visible ASCII except `"` `,` `;` `\`. A `;` would end the value and start
/// an attribute of the attacker's choosing; a CR or LF would start a new header.
pub fn check_value(value: &str) -> Result<(), String> {
    let inner = value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or(value);
    if let Some(c) = inner
        .chars()
        .find(|&c| !c.is_ascii() || c.is_ascii_control() || " \",;\\".contains(c))
    {
        let why = if !c.is_ascii() {
            "only US-ASCII is allowed (encode other text first, e.g. percent- or base64url-encode it)"
        } else if c.is_ascii_control() {
            "control characters are not allowed (a CR or LF would start a new header)"
        } else if c == ';' {
            "a semicolon ends the value and starts an attribute"
        } else {
            "it is not a cookie-octet"
        };
        return Err(format!(
            "The value contains {}: {why}. RFC 6265 §4.1.1: cookie-octet excludes whitespace, double quotes (except one pair around the whole value), commas, semicolons, backslashes, control characters and non-ASCII.",
            describe(c)
        ));
    }
    Ok(())
}

/// `Path` and `Domain` values (RFC 6265 §4.1.1 `av-octet`): no `;`, no control characters;
/// RFC 6265bis also bounds their length.
fn check_attribute(label: &str, value: &str) -> Result<(), String> {
    if let Some(c) = value
        .chars()
        .find(|&c| !c.is_ascii() || c.is_ascii_control() || c == ';')
    {
        return Err(format!(
            "{label} contains {}: an attribute value may not contain a semicolon, control characters or non-ASCII (RFC 6265 §4.1.1).",
            describe(c)
        ));
    }
    if value.len() > MAX_ATTRIBUTE {
        return Err(format!(
            "{label} is {} bytes; browsers ignore attribute values over {MAX_ATTRIBUTE} bytes (RFC 6265bis).",
            value.len()
        ));
    }
    Ok(())
}

/// `Path`: must start with `/`, otherwise browsers ignore it (RFC 6265 §5.2.4).
pub fn check_path(path: &str) -> Result<(), String> {
    check_attribute("Path", path)?;
    if !path.starts_with('/') {
        return Err(format!(
            "Path `{path}` does not start with `/`: browsers would ignore it and use the default path (RFC 6265 §5.2.4)."
        ));
    }
    Ok(())
}

/// `Domain`: a host name (letters, digits, `-`, `.`), an optional leading `.` ignored.
fn check_domain(domain: &str) -> Result<(), String> {
    check_attribute("Domain", domain)?;
    let host = domain.strip_prefix('.').unwrap_or(domain);
    let labels_ok = !host.is_empty()
        && host.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    if !labels_ok {
        return Err(format!(
            "Domain `{domain}` is not a host name: use letters, digits, `-` and `.`, like `example.com` (RFC 6265 §4.1.2.3)."
        ));
    }
    Ok(())
}

fn parse_expires(text: &str) -> Option<OffsetDateTime> {
    let with_seconds = format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]");
    let without = format_description!("[year]-[month]-[day]T[hour]:[minute]");
    PrimitiveDateTime::parse(text, with_seconds)
        .or_else(|_| PrimitiveDateTime::parse(text, without))
        .ok()
        .map(PrimitiveDateTime::assume_utc)
        // The cookie date format has a four-digit year (RFC 6265 §5.1.1).
        .filter(|t| (1601..=9999).contains(&t.year()))
}

/// Checks every input and, if all pass, builds the cookie and its exact `Set-Cookie` line.
/// `host` is the host the page was served from, for the `Domain` note.
pub fn build(
    spec: &CookieSpec,
    host: Option<&str>,
    now: OffsetDateTime,
) -> Result<Built, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut notes = Vec::new();

    let name = spec.name.as_str();
    let value = spec.value.as_str();
    if let Err(e) = check_name(name) {
        problems.push(problem("name", e));
    }
    if let Err(e) = check_value(value) {
        problems.push(problem("value", e));
    }
    let size = name.len() + value.len();
    if size > MAX_NAME_AND_VALUE {
        problems.push(problem(
            "value",
            format!("Name and value together are {size} bytes; browsers keep at most {MAX_NAME_AND_VALUE} bytes per cookie (RFC 6265 §6.1) and drop the rest of this cookie silently."),
        ));
    }

    let max_age = match spec.max_age.trim() {
        "" => None,
        text => match text.parse::<u32>() {
            Ok(seconds) => Some(Duration::seconds(i64::from(seconds))),
            Err(_) => {
                problems.push(problem(
                    "max_age",
                    format!("Max-Age `{text}` is not a whole number of seconds from 0 to {} (RFC 6265 §4.1.2.2).", u32::MAX),
                ));
                None
            }
        },
    };
    let expires = match spec.expires.trim() {
        "" => None,
        text => {
            let parsed = parse_expires(text);
            if parsed.is_none() {
                problems.push(problem(
                    "expires",
                    format!("Expires `{text}` is not a date and time like 2030-01-31T12:00 (read as UTC, year 1601–9999), which the header then carries as an HTTP date (RFC 6265 §4.1.2.1)."),
                ));
            }
            parsed
        }
    };
    let path = spec.path.trim();
    if !path.is_empty() {
        if let Err(e) = check_path(path) {
            problems.push(problem("path", e));
        }
    }
    let domain = spec.domain.trim();
    if !domain.is_empty() {
        if let Err(e) = check_domain(domain) {
            problems.push(problem("domain", e));
        }
    }
    let same_site = match spec.same_site.as_str() {
        "" => None,
        "Strict" => Some(SameSite::Strict),
        "Lax" => Some(SameSite::Lax),
        "None" => Some(SameSite::None),
        other => {
            problems.push(problem(
                "same_site",
                format!("SameSite `{other}` is not one of Strict, Lax or None (RFC 6265bis)."),
            ));
            None
        }
    };

    // Combinations browsers refuse outright: say so rather than send a cookie that vanishes.
    if same_site == Some(SameSite::None) && !spec.secure {
        problems.push(problem(
            "same_site",
            "SameSite=None without Secure: browsers reject such a cookie entirely (RFC 6265bis; Chrome and Firefox since 2020). A cookie sent on cross-site requests must at least be limited to HTTPS. Tick Secure, or choose Lax or Strict.",
        ));
    }
    if spec.partitioned && !spec.secure {
        problems.push(problem(
            "partitioned",
            "Partitioned without Secure: browsers reject a partitioned cookie (CHIPS) unless it is also Secure. Tick Secure too.",
        ));
    }
    // Cookie prefixes (RFC 6265bis §4.1.3), matched case-insensitively by current browsers.
    let lower = name.to_ascii_lowercase();
    if lower.starts_with("__secure-") && !spec.secure {
        problems.push(problem(
            "name",
            "A name starting with __Secure- promises the cookie was set with Secure: browsers reject it without Secure (RFC 6265bis §4.1.3.1).",
        ));
    }
    if lower.starts_with("__host-") && (!spec.secure || path != "/" || !domain.is_empty()) {
        problems.push(problem(
            "name",
            "A name starting with __Host- promises Secure, Path=/ and no Domain (a cookie locked to this exact host): browsers reject it otherwise (RFC 6265bis §4.1.3.2).",
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    let mut cookie = Cookie::new(name.to_string(), value.to_string());
    if let Some(max_age) = max_age {
        cookie.set_max_age(max_age);
        if max_age.is_zero() {
            notes.push("Max-Age=0 tells the browser to delete the cookie at once (this is how removal works).".into());
        } else if max_age > Duration::days(MAX_LIFETIME_DAYS) {
            notes.push(format!("Browsers shorten any lifetime beyond {MAX_LIFETIME_DAYS} days to {MAX_LIFETIME_DAYS} days (RFC 6265bis)."));
        }
    }
    if let Some(expires) = expires {
        cookie.set_expires(expires);
        if expires <= now {
            notes.push("Expires is in the past: the browser deletes a cookie of this name, path and domain, or does not store this one.".into());
        }
        if max_age.is_some() {
            notes.push(
                "Both Max-Age and Expires are set: Max-Age wins (RFC 6265 §5.3 step 3).".into(),
            );
        }
    }
    if max_age.is_none() && expires.is_none() {
        notes.push("No Max-Age or Expires: a browser-session cookie, gone when the browser closes (though browsers that restore sessions may keep it).".into());
    }
    if path.is_empty() {
        notes.push(format!("No Path: the browser uses the default path, the directory of this request's URL ({}), RFC 6265 §5.1.4.", super::BASE));
    } else {
        cookie.set_path(path.to_string());
    }
    if !domain.is_empty() {
        cookie.set_domain(domain.to_string());
        let wanted = domain.trim_start_matches('.').to_ascii_lowercase();
        if let Some(host) = host.map(str::to_ascii_lowercase) {
            if host != wanted && !host.ends_with(&format!(".{wanted}")) {
                notes.push(format!("This page came from `{host}`, which is not `{wanted}` or a subdomain of it: the browser rejects the cookie (RFC 6265 §5.3 step 6). A site can only set cookies for itself or a parent domain."));
            }
        }
    } else {
        notes.push("No Domain: a host-only cookie, sent back only to exactly this host, not its subdomains.".into());
    }
    if let Some(same_site) = same_site {
        cookie.set_same_site(same_site);
    } else {
        notes.push("No SameSite: Chrome and Edge treat the cookie as SameSite=Lax (their default since 2020); Firefox and Safari send it on cross-site requests too.".into());
    }
    if spec.secure {
        cookie.set_secure(true);
        notes.push("Secure: the browser sends it only over HTTPS. Over plain http://, browsers store it only for localhost (which they treat as secure); on any other http:// host it is dropped.".into());
    }
    if spec.http_only {
        cookie.set_http_only(true);
    }
    if spec.partitioned {
        cookie.set_partitioned(true);
        notes.push("Partitioned (CHIPS): when this site is embedded in another, the cookie is kept in a jar for that top-level site only. On this page, a top-level visit, it behaves like an ordinary cookie.".into());
    }
    let line = cookie.to_string();
    Ok(Built {
        cookie,
        line,
        notes,
    })
}

/// The same cookie as Rocket code (`jar.add`) and as express's `res.cookie`, for the lesson.
pub fn rocket_code(cookie: &Cookie<'_>) -> String {
    let mut code = format!(
        "jar.add(\n    Cookie::build(({:?}, {:?}))",
        cookie.name(),
        cookie.value()
    );
    if let Some(max_age) = cookie.max_age() {
        code += &format!(
            "\n        .max_age(Duration::seconds({}))",
            max_age.whole_seconds()
        );
    }
    if let Some(at) = cookie.expires_datetime() {
        code += &format!(
            "\n        .expires(datetime!({}))",
            at.format(format_description!(
                "[year]-[month]-[day] [hour]:[minute]:[second] UTC"
            ))
            .unwrap_or_default()
        );
    }
    if let Some(path) = cookie.path() {
        code += &format!("\n        .path({path:?})");
    }
    if let Some(domain) = cookie.domain() {
        code += &format!("\n        .domain({domain:?})");
    }
    if let Some(same_site) = cookie.same_site() {
        code += &format!("\n        .same_site(SameSite::{same_site:?})");
    }
    for (set, method) in [
        (cookie.secure(), "secure"),
        (cookie.http_only(), "http_only"),
        (cookie.partitioned(), "partitioned"),
    ] {
        if set == Some(true) {
            code += &format!("\n        .{method}(true)");
        }
    }
    code + ",\n);"
}

/// A removal: an empty value, `Max-Age=0` and an `Expires` in the past, with the `Path` (and
/// `Domain`) the learner chose. The browser deletes only a stored cookie whose name, path and
/// domain all match (RFC 6265 §5.3 step 11).
pub fn removal(name: &str, path: &str, domain: &str) -> Result<Cookie<'static>, Vec<Problem>> {
    let mut problems = Vec::new();
    if let Err(e) = check_name(name) {
        problems.push(problem("name", e));
    }
    if !path.is_empty() {
        if let Err(e) = check_path(path) {
            problems.push(problem("path", e));
        }
    }
    if !domain.is_empty() {
        if let Err(e) = check_domain(domain) {
            problems.push(problem("domain", e));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut cookie = Cookie::new(name.to_string(), "");
    cookie.set_max_age(Duration::ZERO);
    cookie.set_expires(OffsetDateTime::UNIX_EPOCH);
    if !path.is_empty() {
        cookie.set_path(path.to_string());
    }
    if !domain.is_empty() {
        cookie.set_domain(domain.to_string());
    }
    Ok(cookie)
}

/// A response plus one `Set-Cookie` line written exactly as given (already validated).
pub struct WithSetCookie<R> {
    pub inner: R,
    pub line: String,
}

impl<'r, 'o: 'r, R: Responder<'r, 'o>> Responder<'r, 'o> for WithSetCookie<R> {
    fn respond_to(self, request: &'r Request<'_>) -> response::Result<'o> {
        let mut response = self.inner.respond_to(request)?;
        response.adjoin_header(Header::new("Set-Cookie", self.line));
        Ok(response)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const NOW: OffsetDateTime = datetime!(2026-01-01 00:00 UTC);

    fn spec(name: &str, value: &str) -> CookieSpec {
        CookieSpec {
            name: name.into(),
            value: value.into(),
            path: String::new(),
            same_site: String::new(),
            ..CookieSpec::default()
        }
    }

    fn line(spec: &CookieSpec) -> String {
        build(spec, Some("127.0.0.1"), NOW).expect("valid").line
    }

    fn problems(spec: &CookieSpec) -> Vec<Problem> {
        build(spec, Some("127.0.0.1"), NOW).expect_err("invalid")
    }

    #[test]
    fn bare_cookie_has_no_attributes_at_all() {
        assert_eq!(line(&spec("theme", "dark")), "theme=dark");
        assert_eq!(line(&spec("q", "\"quoted\"")), "q=\"quoted\"");
        assert_eq!(line(&spec("empty", "")), "empty=");
    }

    #[test]
    fn every_attribute_is_emitted_as_asked() {
        let s = CookieSpec {
            max_age: "60".into(),
            expires: "2030-01-31T12:00".into(),
            path: "/labs".into(),
            domain: "localhost".into(),
            same_site: "None".into(),
            secure: true,
            http_only: true,
            partitioned: true,
            ..spec("a", "b")
        };
        assert_eq!(
            line(&s),
            "a=b; HttpOnly; SameSite=None; Partitioned; Secure; Path=/labs; Domain=localhost; \
             Max-Age=60; Expires=Thu, 31 Jan 2030 12:00:00 GMT"
        );
    }

    #[test]
    fn names_must_be_tokens() {
        for bad in [
            "",
            "a b",
            "a;b",
            "a=b",
            "a,b",
            "x\u{7f}",
            "é",
            "a\"b",
            "(a)",
            "a\r\nX-Evil: 1",
        ] {
            let p = problems(&spec(bad, "v"));
            assert_eq!(p[0].field, "name", "{bad:?}");
            assert!(
                p[0].message.contains("RFC 6265 §4.1.1"),
                "{bad:?}: {}",
                p[0].message
            );
        }
        assert!(problems(&spec("a;b", "v"))[0].message.contains("semicolon"));
        assert!(problems(&spec("é", "v"))[0].message.contains("US-ASCII"));
    }

    #[test]
    fn values_must_be_cookie_octets() {
        for (bad, says) in [
            ("a;Path=/", "semicolon"),
            ("a b", "space"),
            ("a,b", "comma"),
            ("a\\b", "backslash"),
            ("a\"b", "double quote"),
            ("a\r\nSet-Cookie: evil=1", "control character"),
            ("한글", "US-ASCII"),
        ] {
            let p = problems(&spec("n", bad));
            assert_eq!(p[0].field, "value");
            assert!(p[0].message.contains(says), "{bad:?}: {}", p[0].message);
        }
        assert!(
            check_value("<script>alert(1)</script>").is_ok(),
            "angle brackets are cookie-octets"
        );
    }

    #[test]
    fn name_and_value_over_4096_bytes_are_refused() {
        assert!(build(&spec("n", &"a".repeat(4095)), None, NOW).is_ok());
        let p = problems(&spec("n", &"a".repeat(4096)));
        assert!(p[0].message.contains("4097 bytes"), "{}", p[0].message);
    }

    #[test]
    fn attribute_rules() {
        let p = problems(&CookieSpec {
            path: "labs".into(),
            ..spec("n", "v")
        });
        assert!(p[0].message.contains("does not start with `/`"));
        let p = problems(&CookieSpec {
            path: "/a;Domain=evil.com".into(),
            ..spec("n", "v")
        });
        assert!(p[0].message.contains("semicolon"));
        let p = problems(&CookieSpec {
            domain: "evil.com;x".into(),
            ..spec("n", "v")
        });
        assert_eq!(p[0].field, "domain");
        let p = problems(&CookieSpec {
            max_age: "-1".into(),
            ..spec("n", "v")
        });
        assert!(p[0].message.contains("Max-Age"));
        let p = problems(&CookieSpec {
            expires: "tomorrow".into(),
            ..spec("n", "v")
        });
        assert!(p[0].message.contains("Expires"));
        let p = problems(&CookieSpec {
            same_site: "Sometimes".into(),
            ..spec("n", "v")
        });
        assert!(p[0].message.contains("SameSite"));
    }

    #[test]
    fn combinations_browsers_reject_are_explained() {
        let p = problems(&CookieSpec {
            same_site: "None".into(),
            ..spec("n", "v")
        });
        assert!(p[0].message.contains("SameSite=None without Secure"));
        let p = problems(&CookieSpec {
            partitioned: true,
            ..spec("n", "v")
        });
        assert!(p[0].message.contains("Partitioned without Secure"));
        let p = problems(&spec("__Secure-id", "v"));
        assert!(p[0].message.contains("__Secure-"));
        let p = problems(&CookieSpec {
            secure: true,
            path: "/labs".into(),
            ..spec("__Host-id", "v")
        });
        assert!(p[0].message.contains("__Host-"));
        assert!(build(
            &CookieSpec {
                secure: true,
                path: "/".into(),
                ..spec("__Host-id", "v")
            },
            None,
            NOW
        )
        .is_ok());
    }

    #[test]
    fn foreign_domain_gets_a_note() {
        let built = build(
            &CookieSpec {
                domain: "example.com".into(),
                ..spec("n", "v")
            },
            Some("127.0.0.1"),
            NOW,
        )
        .expect("syntactically valid");
        assert!(built.notes.iter().any(|n| n.contains("rejects the cookie")));
    }

    #[test]
    fn removal_names_the_chosen_path() {
        let c = removal("crumb", "/", "").expect("valid");
        assert_eq!(
            c.to_string(),
            "crumb=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT"
        );
        assert!(removal("a;b", "/", "").is_err());
    }

    #[test]
    fn rocket_code_mirrors_the_cookie() {
        let built = build(
            &CookieSpec {
                max_age: "3600".into(),
                http_only: true,
                ..spec("customKey", "customValue")
            },
            None,
            NOW,
        )
        .expect("valid");
        let code = rocket_code(&built.cookie);
        assert!(
            code.contains(r#"Cookie::build(("customKey", "customValue"))"#),
            "{code}"
        );
        assert!(code.contains(".max_age(Duration::seconds(3600))"));
        assert!(code.contains(".http_only(true)"));
    }
}
