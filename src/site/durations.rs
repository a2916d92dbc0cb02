//! Durations in the reader's language: "in 1 h 2 min", "3 s ago", "now"; "1시간 2분 후".
//!
//! Handlers know how long something lasts but not who reads it, and their contexts go to
//! templates as data. So [`span`] and [`relative`] write a small language-neutral marker
//! (private-use characters around the number of seconds), which passes unchanged through
//! templates and messages, and [`localize`] replaces each marker with the words of the page's
//! language once the page is rendered (`site::view`). Words come from the message table
//! (`time-*`).

use std::borrow::Cow;

use super::lang::Lang;
use super::messages::{Arg, Messages, Output};

const OPEN: char = '\u{E020}';
const CLOSE: char = '\u{E021}';

/// How long `seconds` lasts, as the page will read it: `3725` → `1 h 2 min 5 s`.
pub fn span(seconds: u64) -> String {
    format!("{OPEN}S{seconds}{CLOSE}")
}

/// `seconds` from now, as the page will read it: `in 1 h 2 min 5 s`, `40 s ago`, `now`.
pub fn relative(seconds: i64) -> String {
    format!("{OPEN}R{seconds}{CLOSE}")
}

/// `text` with every duration marker in it written out in `lang`.
pub fn localize<'a>(text: &'a str, lang: Lang, messages: &Messages) -> Cow<'a, str> {
    if !text.contains(OPEN) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(OPEN) {
        out.push_str(&rest[..open]);
        let after = &rest[open + OPEN.len_utf8()..];
        let Some(close) = after.find(CLOSE) else {
            // Not a marker after all: keep the text as it is.
            out.push_str(&rest[open..]);
            return Cow::Owned(out);
        };
        let marker = &after[..close];
        match words(marker, lang, messages) {
            Some(words) => out.push_str(&words),
            None => out.push_str(&rest[open..open + OPEN.len_utf8() + close + CLOSE.len_utf8()]),
        }
        rest = &after[close + CLOSE.len_utf8()..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// `S3725` or `R-40` in words.
fn words(marker: &str, lang: Lang, messages: &Messages) -> Option<String> {
    let (kind, number) = marker.split_at_checked(1)?;
    let say = |key: &str, args: &[(&str, Arg)]| messages.render(lang, key, Output::Text, args);
    match kind {
        "S" => spelled(number.parse().ok()?, &say),
        "R" => {
            let seconds: i64 = number.parse().ok()?;
            let span = spelled(seconds.unsigned_abs(), &say)?;
            match seconds {
                0 => say("time.now", &[]),
                s if s > 0 => say("time.in", &[("span", Arg::Text(span))]),
                _ => say("time.ago", &[("span", Arg::Text(span))]),
            }
        }
        _ => None,
    }
}

/// A message in the page's language, from its key and values.
type Say<'a> = dyn Fn(&str, &[(&str, Arg)]) -> Option<String> + 'a;

/// `3725` → hours, minutes and seconds, the zero parts left out (`0 s` for nothing).
fn spelled(seconds: u64, say: &Say<'_>) -> Option<String> {
    let (h, m, s) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
    let mut parts = Vec::new();
    for (key, n) in [("time.h", h), ("time.min", m)] {
        if n > 0 {
            parts.push(say(key, &[("n", Arg::Number(n as f64))])?);
        }
    }
    if s > 0 || parts.is_empty() {
        parts.push(say("time.s", &[("n", Arg::Number(s as f64))])?);
    }
    Some(parts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn table() -> Messages {
        Messages::load(Path::new("templates/locales")).expect("the tables")
    }

    #[test]
    fn spans_and_relative_times_read_naturally_in_english() {
        let messages = table();
        let en = |marker: String| localize(&marker, Lang::En, &messages).into_owned();
        assert_eq!(en(relative(0)), "now");
        assert_eq!(en(relative(5)), "in 5 s");
        assert_eq!(en(relative(-40)), "40 s ago");
        assert_eq!(en(relative(3725)), "in 1 h 2 min 5 s");
        assert_eq!(en(relative(1800)), "in 30 min");
        assert_eq!(en(span(8 * 3600)), "8 h");
        assert_eq!(en(span(0)), "0 s");
    }

    #[test]
    fn and_in_korean() {
        let messages = table();
        let ko = |marker: String| localize(&marker, Lang::Ko, &messages).into_owned();
        assert_eq!(ko(relative(0)), "지금");
        assert_eq!(ko(relative(3725)), "1시간 2분 5초 후");
        assert_eq!(ko(relative(-40)), "40초 전");
        assert_eq!(ko(span(1800)), "30분");
    }

    #[test]
    fn markers_inside_a_page_are_replaced_and_the_rest_is_kept() {
        let messages = table();
        let page = format!("<p>Expires {} (<b>{}</b>)</p>", relative(60), span(90));
        assert_eq!(
            localize(&page, Lang::En, &messages),
            "<p>Expires in 1 min (<b>1 min 30 s</b>)</p>"
        );
        assert!(matches!(
            localize("<p>no time</p>", Lang::En, &messages),
            Cow::Borrowed(_)
        ));
        let broken = format!("{OPEN}X1{CLOSE} and {OPEN}S12");
        assert_eq!(localize(&broken, Lang::En, &messages), broken);
    }
}
