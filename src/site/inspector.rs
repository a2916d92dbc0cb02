//! The inspector every lab page shows: what the browser sent, and the exact `Set-Cookie`
//! lines of the response that carries the page.
//!
//! The `Set-Cookie` lines cannot be known while the handler renders the page (Rocket encrypts
//! private cookies and adds them to the response afterwards), so the page holds a placeholder
//! that a response fairing fills in from the real headers. What the learner reads is therefore
//! exactly what was sent.
//!
//! The inspector is a learning device a real app would never have: printing the `Cookie`
//! header copies `HttpOnly` values into the HTML, where any script on the page can read them,
//! so here `HttpOnly` does not stop same-origin script. Every lab page says so
//! (`inspector::caveat` in `templates/macros/inspector.html.tera`).

use rocket::fairing::{Fairing, Info, Kind};
use rocket::request::{FromRequest, Outcome};
use rocket::{Request, Response};
use serde::Serialize;
use time::{format_description::well_known::Rfc3339, OffsetDateTime};

/// Where the `Set-Cookie` lines go; the inspector macro writes this into the page.
pub const SET_COOKIE_SLOT: &str = "<!--inspector:set-cookie-lines-->";

/// The message the page shows when the response sets no cookie.
const NO_SET_COOKIE: &str = "inspector.no_set_cookie";

/// Marks a request whose page has a `Set-Cookie` slot to fill.
struct FillSetCookieSlot(bool);

/// The raw request headers the inspector shows, exactly as the browser sent them (two
/// cookies with one name, as cookie tossing sends them, show up here both).
#[derive(Debug, Clone, Serialize)]
pub struct SentHeaders {
    /// All `Cookie` headers, joined with `; ` (HTTP/2 may split them), or `None`.
    pub cookie: Option<String>,
    pub authorization: Option<String>,
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for SentHeaders {
    type Error = std::convert::Infallible;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        request.local_cache(|| FillSetCookieSlot(true));
        let cookies: Vec<&str> = super::headers::all(request.headers(), "Cookie").collect();
        Outcome::Success(SentHeaders {
            cookie: (!cookies.is_empty()).then(|| cookies.join("; ")),
            authorization: super::headers::first(request.headers(), "Authorization")
                .map(str::to_string),
        })
    }
}

/// Whether this request renders a lab page with an inspector (it asked for [`SentHeaders`]).
pub fn is_inspector_page(request: &Request<'_>) -> bool {
    request.local_cache(|| FillSetCookieSlot(false)).0
}

/// Fills each page's `Set-Cookie` slot from the response's real headers.
pub struct SetCookieEcho;

#[rocket::async_trait]
impl Fairing for SetCookieEcho {
    fn info(&self) -> Info {
        Info {
            name: "Inspector: echo Set-Cookie lines",
            kind: Kind::Response,
        }
    }

    async fn on_response<'r>(&self, request: &'r Request<'_>, response: &mut Response<'r>) {
        if !is_inspector_page(request) || !super::headers::is_html(response) {
            return;
        }
        let lines: Vec<String> = super::headers::all(response.headers(), "Set-Cookie")
            .map(|line| super::time_tag::mark_expires(line, &escape_html(line)))
            .collect();
        let filled = if lines.is_empty() {
            let lang = super::lang::Lang::of(request);
            let none = request
                .rocket()
                .state::<std::sync::Arc<super::messages::Messages>>()
                .and_then(|m| m.render(lang, NO_SET_COOKIE, super::messages::Output::Html, &[]))
                .unwrap_or_default();
            format!("<span class=\"muted\">{none}</span>")
        } else {
            lines.join("\n")
        };
        super::slots::fill(request, SET_COOKIE_SLOT, |_| Some(filled));
    }
}

pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    escape_html_into(text, &mut out);
    out
}

/// [`escape_html`] onto the end of `out`.
pub fn escape_html_into(text: &str, out: &mut String) {
    let mut plain = 0;
    // Every character escaped is ASCII, so byte positions are character boundaries; runs of
    // text with nothing to escape are copied whole (templates print many such values).
    for (i, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#x27;",
            _ => continue,
        };
        out.push_str(&text[plain..i]);
        out.push_str(entity);
        plain = i + 1;
    }
    out.push_str(&text[plain..]);
}

/// A moment as a learner reads it: absolute time plus how far from now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HumanTime {
    /// RFC 3339, UTC, to the second: `2026-11-26T16:51:52Z`.
    pub at: String,
    /// `in 29 min 58 s` / `3 s ago` / `now`, in the reader's language (see `site::durations`).
    pub relative: String,
    /// Unix seconds, for the page's live countdowns.
    pub unix: i64,
}

impl HumanTime {
    /// A Unix time (seconds) as a learner reads it; an impossible one reads as now.
    pub fn of_unix(unix: i64, now: OffsetDateTime) -> HumanTime {
        HumanTime::new(
            OffsetDateTime::from_unix_timestamp(unix).unwrap_or(now),
            now,
        )
    }

    pub fn new(at: OffsetDateTime, now: OffsetDateTime) -> HumanTime {
        let at = at.replace_nanosecond(0).unwrap_or(at);
        HumanTime {
            at: rfc3339_utc(at)
                .or_else(|| at.format(&Rfc3339).ok())
                .unwrap_or_else(|| at.to_string()),
            relative: relative(at.unix_timestamp() - now.unix_timestamp()),
            unix: at.unix_timestamp(),
        }
    }
}

/// `at` as RFC 3339 to the second, written digit by digit rather than through `time`'s general
/// formatter (a lab page writes several such times on every reload). `None` for a time
/// `Rfc3339` writes otherwise: not in UTC, or a year outside 0–9999.
fn rfc3339_utc(at: OffsetDateTime) -> Option<String> {
    let year = u16::try_from(at.year()).ok().filter(|y| *y <= 9999)?;
    if !at.offset().is_utc() {
        return None;
    }
    let (hour, minute, second) = at.to_hms();
    let [y1, y2] = [(year / 100) as u8, (year % 100) as u8];
    let mut text = String::with_capacity(20);
    for (number, after) in [
        (y1, ""),
        (y2, "-"),
        (u8::from(at.month()), "-"),
        (at.day(), "T"),
        (hour, ":"),
        (minute, ":"),
        (second, "Z"),
    ] {
        text.push(char::from(b'0' + number / 10));
        text.push(char::from(b'0' + number % 10));
        text.push_str(after);
    }
    Some(text)
}

pub use super::durations::{relative, span};

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn human_time_is_rfc3339_utc() {
        let now = datetime!(2026-11-26 16:51:52.5 UTC);
        let t = HumanTime::new(now + time::Duration::minutes(30), now);
        assert_eq!(t.at, "2026-11-26T17:21:52Z");
        assert_eq!(t.relative, relative(1800));
    }

    #[test]
    fn times_are_written_as_the_rfc3339_formatter_writes_them() {
        let now = OffsetDateTime::now_utc();
        // Every month and day boundary of a leap year, years with leading zeros, the last
        // second of a day, and times RFC 3339 needs another form for.
        let mut times: Vec<OffsetDateTime> = (0..366 * 24)
            .map(|hour| datetime!(2024-01-01 00:59:59 UTC) + time::Duration::hours(hour))
            .collect();
        times.extend([
            datetime!(0000-01-01 00:00:00 UTC),
            datetime!(0999-12-31 23:59:59 UTC),
            datetime!(9999-12-31 23:59:59 UTC),
            datetime!(1970-01-01 00:00:00 UTC),
            datetime!(2026-11-26 16:51:52 +09:00),
            datetime!(2026-11-26 16:51:52 -00:30),
        ]);
        for at in times {
            let expected = at.format(&Rfc3339).expect("formats");
            assert_eq!(HumanTime::new(at, now).at, expected, "{at}");
        }
        assert_eq!(rfc3339_utc(datetime!(2026-11-26 16:51:52 +09:00)), None);
    }

    #[test]
    fn escaping_keeps_every_other_character_including_multibyte_ones() {
        assert_eq!(escape_html(""), "");
        assert_eq!(escape_html("plain text"), "plain text");
        assert_eq!(escape_html("ü<é>€&\"'🍪"), "ü&lt;é&gt;€&amp;&quot;&#x27;🍪");
        assert_eq!(escape_html("<<"), "&lt;&lt;");
        assert_eq!(escape_html("a&"), "a&amp;");
    }

    #[test]
    fn escaping_neutralises_markup() {
        assert_eq!(
            escape_html(r#"<script>"x"&'y'</script>"#),
            "&lt;script&gt;&quot;x&quot;&amp;&#x27;y&#x27;&lt;/script&gt;"
        );
    }
}
