//! How a page writes a moment: the UTC text inside `<time datetime="…">`, so the reader's
//! browser can add the same moment in the reader's own time zone (`static/js/local-time.js`)
//! while the text the server wrote stays as it is.
//!
//! `time_tag(t=…)` in a template takes a [`HumanTime`](super::inspector::HumanTime) and gives
//! the element as HTML, for a message's `<name>_html` argument:
//! `t(key="jwt.renewal.ends", at_html=time_tag(t=view.renewal_ends))`. The `Expires` date of
//! a `Set-Cookie` line gets the same element from [`mark_expires`].

use std::collections::HashMap;

use rocket::http::Cookie;
use rocket_dyn_templates::tera::{self, Value};
use time::format_description::well_known::Rfc3339;

use super::inspector::escape_html;

/// `<time datetime="2026-11-26T17:21:52Z" data-unix="…">2026-11-26T17:21:52Z</time>`.
fn element(at: &str, unix: Option<i64>, text: &str) -> String {
    let unix = unix.map_or_else(String::new, |u| format!(" data-unix=\"{u}\""));
    format!(
        "<time datetime=\"{}\"{unix}>{}</time>",
        escape_html(at),
        escape_html(text)
    )
}

/// The Tera function `time_tag(t=…)`; its HTML is not escaped again.
pub struct TimeTag;

impl tera::Function for TimeTag {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let t = args
            .get("t")
            .ok_or_else(|| tera::Error::msg("time_tag() needs t=<a HumanTime>"))?;
        let at = t
            .get("at")
            .and_then(Value::as_str)
            .ok_or_else(|| tera::Error::msg("time_tag(t=…): t has no `at`"))?;
        let unix = t.get("unix").and_then(Value::as_i64);
        Ok(Value::String(element(at, unix, at)))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// The Tera filter `{{ value | set_cookie_line }}`: a `Set-Cookie` header's value escaped
/// for HTML, its `Expires` date in a `<time>` element (for pages that print headers
/// themselves; the inspector's lines get the same from its response fairing).
pub struct SetCookieLine;

impl tera::Filter for SetCookieLine {
    fn filter(&self, value: &Value, _: &HashMap<String, Value>) -> tera::Result<Value> {
        let line = value
            .as_str()
            .ok_or_else(|| tera::Error::msg("set_cookie_line needs a string"))?;
        Ok(Value::String(mark_expires(line, &escape_html(line))))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// An HTML-escaped `Set-Cookie` line (`raw` is the header as sent) with its `Expires` date
/// inside a `<time>` element; the text itself is unchanged, so the line stays exact.
pub fn mark_expires(raw: &str, escaped: &str) -> String {
    // Looked for before the line is parsed: most lines have no `Expires` (the labs' counters
    // and tokens end with the browser or by `Max-Age`), and parsing each of them, date parser
    // and all, only to find none was most of what echoing a line cost.
    let lower = escaped.to_ascii_lowercase();
    let Some(start) = lower.find("; expires=").map(|i| i + "; expires=".len()) else {
        return escaped.to_string();
    };
    let Some(at) = Cookie::parse(raw).ok().and_then(|c| c.expires_datetime()) else {
        return escaped.to_string();
    };
    let end = escaped[start..]
        .find(';')
        .map_or(escaped.len(), |e| start + e);
    let date = escaped[start..end].trim_end();
    let Ok(datetime) = at.format(&Rfc3339) else {
        return escaped.to_string();
    };
    let unix = at.unix_timestamp();
    format!(
        "{}{}{}",
        &escaped[..start],
        element(&datetime, Some(unix), date),
        &escaped[start + date.len()..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use tera::Function;

    #[test]
    fn a_set_cookie_lines_expires_date_is_wrapped_in_a_time_element_and_nothing_else_changes() {
        let raw = "_flash=; SameSite=Lax; Path=/; Max-Age=0; Expires=Sat, 06 Dec 2025 02:21:41 GMT";
        let marked = mark_expires(raw, &escape_html(raw));
        assert_eq!(
            marked,
            "_flash=; SameSite=Lax; Path=/; Max-Age=0; Expires=<time datetime=\"2025-12-06T02:21:41Z\" \
             data-unix=\"1764987701\">Sat, 06 Dec 2025 02:21:41 GMT</time>"
        );
        let with_more = "a=b; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly";
        assert!(mark_expires(with_more, with_more)
            .ends_with(">Thu, 01 Jan 1970 00:00:00 GMT</time>; HttpOnly"));
        // No date, a date the cookie parser refuses, or a line that is no cookie (here one
        // whose date is good but whose name is empty): left as it is.
        for plain in [
            "a=b; Max-Age=5",
            "a=b; Expires=whenever",
            "not a cookie",
            "=b; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
        ] {
            assert_eq!(mark_expires(plain, plain), plain);
        }
    }

    #[test]
    fn time_tag_writes_the_utc_text_inside_a_time_element() {
        let t = serde_json::json!({"at": "2026-11-26T17:21:52Z", "unix": 1795713712, "relative": "now"});
        let args = HashMap::from([("t".to_string(), t)]);
        assert_eq!(
            TimeTag.call(&args).ok(),
            Some(Value::from(
                "<time datetime=\"2026-11-26T17:21:52Z\" data-unix=\"1795713712\">2026-11-26T17:21:52Z</time>"
            ))
        );
        assert!(TimeTag.call(&HashMap::new()).is_err());
    }

    #[test]
    fn the_set_cookie_line_filter_escapes_the_line_and_marks_its_date() {
        use tera::Filter;
        let line = Value::from("a=<b>; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
        let shown = SetCookieLine.filter(&line, &HashMap::new()).ok();
        assert_eq!(
            shown,
            Some(Value::from(
                "a=&lt;b&gt;; Expires=<time datetime=\"1970-01-01T00:00:00Z\" data-unix=\"0\">Thu, 01 Jan 1970 00:00:00 GMT</time>"
            ))
        );
    }
}
