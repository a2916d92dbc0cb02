//! The RFC 6265 rules a cookie must follow, one function each, in the order a student reads
//! them: the name, the value, the size, `Path` and `Domain`, then the combinations browsers
//! refuse. A broken rule is a [`Problem`]: a code plus the data its sentence quotes. The
//! sentences are in `templates/locales/en/messages.ftl` under `[cookies.problem]`.

use rocket::http::SameSite;
use serde::Serialize;

/// Browsers keep at most this many bytes of name + value per cookie (RFC 6265 §6.1 asks for at
/// least 4096 bytes per cookie; Chrome and Firefox refuse more for name + value).
pub const MAX_NAME_AND_VALUE: usize = 4096;
/// RFC 6265bis: a `Path` or `Domain` value longer than this is ignored by browsers.
pub const MAX_ATTRIBUTE: usize = 1024;

/// One rule an input broke, and the field it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub field: &'static str,
    /// The message code, `cookies.problem.<code>`.
    pub code: &'static str,
    /// The character that broke the rule.
    pub ch: Option<Char>,
    /// The input as typed, when the sentence quotes it.
    pub input: Option<String>,
    /// The attribute the rule is about (`Path`, `Domain`).
    pub label: Option<&'static str>,
    /// A size in bytes, and the limit it broke.
    pub size: Option<u32>,
    pub limit: Option<u32>,
}

impl Problem {
    pub fn new(field: &'static str, code: &'static str) -> Problem {
        Problem {
            field,
            code,
            ch: None,
            input: None,
            label: None,
            size: None,
            limit: None,
        }
    }

    fn with_char(mut self, c: char) -> Problem {
        self.ch = Some(Char::of(c));
        self
    }

    pub fn quoting(mut self, input: &str) -> Problem {
        self.input = Some(input.to_string());
        self
    }

    fn sized(mut self, size: usize, limit: usize) -> Problem {
        self.size = Some(u32::try_from(size).unwrap_or(u32::MAX));
        self.limit = u32::try_from(limit).ok();
        self
    }
}

/// A character as a message names it: `;` (kind `semicolon`), U+000A (kind `control`). The
/// words for each kind are `cookies.char.<kind>`; templates get `c`, `u` (`U+000A`) and `kind`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Char {
    pub c: char,
    pub kind: &'static str,
}

impl Serialize for Char {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("Char", 3)?;
        out.serialize_field("c", &self.c)?;
        out.serialize_field("u", &format!("U+{:04X}", self.c as u32))?;
        out.serialize_field("kind", self.kind)?;
        out.end()
    }
}

impl Char {
    fn of(c: char) -> Char {
        let kind = match c {
            ' ' => "space",
            '\t' => "tab",
            '"' => "double_quote",
            ',' => "comma",
            ';' => "semicolon",
            '\\' => "backslash",
            '=' => "equals",
            _ if c.is_control() => "control",
            _ if !c.is_ascii() => "non_ascii",
            _ => "plain",
        };
        Char { c, kind }
    }
}

/// An optional attribute: empty means "not set", which breaks no rule.
pub fn unless_empty(text: &str, check: fn(&str) -> Result<(), Problem>) -> Result<(), Problem> {
    if text.is_empty() {
        Ok(())
    } else {
        check(text)
    }
}

/// Not RFC 6265 but this app's own rule: the builder never sets or removes a cookie a lab owns
/// (`sid`, `jwt`, the counters, the login, `_flash`), with or without a `__Host-`/`__Secure-`
/// prefix; otherwise the builder would itself be a cookie-tossing tool.
pub fn check_not_owned(name: &str) -> Result<(), Problem> {
    let lower = name.to_ascii_lowercase();
    let bare = ["__host-", "__secure-"]
        .iter()
        .find_map(|prefix| lower.strip_prefix(prefix).map(|_| &name[prefix.len()..]))
        .unwrap_or(name);
    if crate::labs::OWNED_COOKIES.contains(&bare) {
        return Err(Problem::new("name", "lab_owned").quoting(name));
    }
    Ok(())
}

/// RFC 6265 §4.1.1: `cookie-name = token` (RFC 2616 §2.2): visible ASCII except separators.
pub fn check_name(name: &str) -> Result<(), Problem> {
    const SEPARATORS: &str = "()<>@,;:\\\"/[]?={} \t";
    if name.is_empty() {
        return Err(Problem::new("name", "name_empty"));
    }
    let Some(c) = name
        .chars()
        .find(|&c| !c.is_ascii() || c.is_ascii_control() || SEPARATORS.contains(c))
    else {
        return Ok(());
    };
    let code = if !c.is_ascii() {
        "name_non_ascii"
    } else if c.is_ascii_control() {
        "name_control"
    } else {
        "name_separator"
    };
    Err(Problem::new("name", code).with_char(c))
}

/// RFC 6265 §4.1.1: `cookie-value = *cookie-octet / ( DQUOTE *cookie-octet DQUOTE )`, where a
/// cookie-octet is visible ASCII except `"` `,` `;` `\`. A `;` would end the value and start
/// an attribute of the attacker's choosing; a CR or LF would start a new header.
pub fn check_value(value: &str) -> Result<(), Problem> {
    let inner = value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or(value);
    let Some(c) = inner
        .chars()
        .find(|&c| !c.is_ascii() || c.is_ascii_control() || " \",;\\".contains(c))
    else {
        return Ok(());
    };
    let code = if !c.is_ascii() {
        "value_non_ascii"
    } else if c.is_ascii_control() {
        "value_control"
    } else if c == ';' {
        "value_semicolon"
    } else {
        "value_not_octet"
    };
    Err(Problem::new("value", code).with_char(c))
}

/// RFC 6265 §6.1: browsers drop a cookie whose name and value exceed their limit.
pub fn check_size(name: &str, value: &str) -> Result<(), Problem> {
    let size = name.len() + value.len();
    if size > MAX_NAME_AND_VALUE {
        return Err(Problem::new("value", "too_big").sized(size, MAX_NAME_AND_VALUE));
    }
    Ok(())
}

/// `Path` and `Domain` values (RFC 6265 §4.1.1 `av-octet`): no `;`, no control characters;
/// RFC 6265bis also bounds their length.
fn check_attribute(field: &'static str, label: &'static str, value: &str) -> Result<(), Problem> {
    let labelled = |code| Problem {
        label: Some(label),
        ..Problem::new(field, code)
    };
    if let Some(c) = value
        .chars()
        .find(|&c| !c.is_ascii() || c.is_ascii_control() || c == ';')
    {
        return Err(labelled("attribute_char").with_char(c));
    }
    if value.len() > MAX_ATTRIBUTE {
        return Err(labelled("attribute_too_long").sized(value.len(), MAX_ATTRIBUTE));
    }
    Ok(())
}

/// `Path`: must start with `/`, otherwise browsers ignore it (RFC 6265 §5.2.4).
pub fn check_path(path: &str) -> Result<(), Problem> {
    check_attribute("path", "Path", path)?;
    if !path.starts_with('/') {
        return Err(Problem::new("path", "path_relative").quoting(path));
    }
    Ok(())
}

/// `Domain`: a host name (letters, digits, `-`, `.`), an optional leading `.` ignored.
pub fn check_domain(domain: &str) -> Result<(), Problem> {
    check_attribute("domain", "Domain", domain)?;
    let host = domain.strip_prefix('.').unwrap_or(domain);
    let labels_ok = !host.is_empty()
        && host.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    if !labels_ok {
        return Err(Problem::new("domain", "domain_not_host").quoting(domain));
    }
    Ok(())
}

/// The attributes that decide whether browsers accept a cookie at all.
pub struct Requirements<'a> {
    pub name: &'a str,
    pub path: &'a str,
    pub domain: &'a str,
    pub same_site: Option<SameSite>,
    pub secure: bool,
    pub partitioned: bool,
}

/// Combinations browsers refuse outright: say so rather than send a cookie that vanishes.
pub fn check_combinations(r: &Requirements<'_>) -> Vec<Problem> {
    let mut problems = Vec::new();
    if r.same_site == Some(SameSite::None) && !r.secure {
        problems.push(Problem::new("same_site", "same_site_none_insecure"));
    }
    if r.partitioned && !r.secure {
        problems.push(Problem::new("partitioned", "partitioned_insecure"));
    }
    // Cookie prefixes (RFC 6265bis §4.1.3), matched case-insensitively by current browsers.
    let lower = r.name.to_ascii_lowercase();
    if lower.starts_with("__secure-") && !r.secure {
        problems.push(Problem::new("name", "secure_prefix"));
    }
    if lower.starts_with("__host-") && (!r.secure || r.path != "/" || !r.domain.is_empty()) {
        problems.push(Problem::new("name", "host_prefix"));
    }
    problems
}
