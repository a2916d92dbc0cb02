//! Durations in the reader's language: "in 1 h 2 min", "3 s ago", "now"; "1시간 2분 후".
//!
//! Handlers know how long something lasts but not who reads it, and their contexts go to
//! templates as data. So [`span`] and [`relative`] write a small language-neutral marker
//! (private-use characters around the number of seconds), which passes unchanged through
//! templates and messages, and is replaced with the words of the page's language where the
//! page is written (`site::view`): by [`write()`] as a page's program prints each string, or by
//! [`localize`] over a page Tera rendered. Words come from the message table
//! (`time-*`).

use std::borrow::Cow;
use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::lang::Lang;
use super::messages::{Arg, Messages, Output};

const OPEN: char = '\u{E020}';
const CLOSE: char = '\u{E021}';

/// How long `seconds` lasts, as the page will read it: `3725` → `1 h 2 min 5 s`.
pub fn span(seconds: u64) -> String {
    marker('S', itoa::Buffer::new().format(seconds))
}

/// `seconds` from now, as the page will read it: `in 1 h 2 min 5 s`, `40 s ago`, `now`.
pub fn relative(seconds: i64) -> String {
    marker('R', itoa::Buffer::new().format(seconds))
}

/// A marker of `kind` around `number` (pushed, not formatted: pages write several per reload).
fn marker(kind: char, number: &str) -> String {
    let mut text = String::with_capacity(2 * OPEN.len_utf8() + 1 + number.len());
    text.push(OPEN);
    text.push(kind);
    text.push_str(number);
    text.push(CLOSE);
    text
}

/// The markers' ends, as searchers built once (building one costs about as much as a search).
static ENDS: LazyLock<(Finder<'static>, Finder<'static>)> = LazyLock::new(|| {
    let (mut open, mut close) = ([0; 4], [0; 4]);
    (
        Finder::new(OPEN.encode_utf8(&mut open).as_bytes()).into_owned(),
        Finder::new(CLOSE.encode_utf8(&mut close).as_bytes()).into_owned(),
    )
});

/// Appends `text` with every duration marker in it written out in `lang`: how a page's program
/// prints each string, so that the page itself need not be searched and copied again.
pub fn write(text: &str, lang: Lang, messages: &Messages, out: &mut Vec<u8>) {
    // A marker starts with the first byte of `OPEN` (no Hangul or Latin text has it).
    let mut lead = [0; 4];
    OPEN.encode_utf8(&mut lead);
    match memchr::memchr(lead[0], text.as_bytes()) {
        None => out.extend_from_slice(text.as_bytes()),
        Some(_) => localize_into(text.as_bytes(), lang, messages, out),
    }
}

/// `page` with every duration marker in it written out in `lang`.
pub fn localize<'a>(page: &'a [u8], lang: Lang, messages: &Messages) -> Cow<'a, [u8]> {
    let (open, _) = &*ENDS;
    let Some(first) = open.find(page) else {
        return Cow::Borrowed(page);
    };
    let mut out = Vec::with_capacity(page.len());
    out.extend_from_slice(&page[..first]);
    localize_into(&page[first..], lang, messages, &mut out);
    Cow::Owned(out)
}

/// Appends `text` with every duration marker in it written out in `lang`.
fn localize_into(text: &[u8], lang: Lang, messages: &Messages, out: &mut Vec<u8>) {
    let (open, close) = &*ENDS;
    let mut rest = text;
    while let Some(at) = open.find(rest) {
        out.extend_from_slice(&rest[..at]);
        let after = &rest[at + open.needle().len()..];
        let Some(end) = close.find(after) else {
            // Not a marker after all: keep the text as it is.
            out.extend_from_slice(&rest[at..]);
            return;
        };
        let marker = std::str::from_utf8(&after[..end]).ok();
        match marker.and_then(|marker| words(marker, lang, messages)) {
            Some(words) => out.extend_from_slice(words.as_bytes()),
            None => out.extend_from_slice(
                &rest[at..at + open.needle().len() + end + close.needle().len()],
            ),
        }
        rest = &after[end + close.needle().len()..];
    }
    out.extend_from_slice(rest);
}

/// `S3725` or `R-40` in words.
fn words(marker: &str, lang: Lang, messages: &Messages) -> Option<String> {
    let (kind, number) = marker.split_at_checked(1)?;
    let say = |key: &str, args: &[(&str, Arg)]| messages.render(lang, key, Output::Text, args);
    let written = messages.unit_words(lang);
    let unit = |unit: Unit, n: u64| match written.and_then(|words| words.get(unit, n)) {
        Some(word) => Some(Cow::Borrowed(word)),
        None => say(unit.key(), &[("n", Arg::Number(n as f64))]).map(Cow::Owned),
    };
    match kind {
        "S" => spelled(number.parse().ok()?, &unit),
        "R" => {
            let seconds: i64 = number.parse().ok()?;
            let span = spelled(seconds.unsigned_abs(), &unit)?;
            match seconds {
                0 => say("time.now", &[]),
                s if s > 0 => say("time.in", &[("span", Arg::Text(span))]),
                _ => say("time.ago", &[("span", Arg::Text(span))]),
            }
        }
        _ => None,
    }
}

/// A unit a duration is spelled in.
#[derive(Clone, Copy)]
enum Unit {
    Hours,
    Minutes,
    Seconds,
}

impl Unit {
    const ALL: [Unit; 3] = [Unit::Hours, Unit::Minutes, Unit::Seconds];

    /// The message that writes `n` of this unit (`n` is its value).
    fn key(self) -> &'static str {
        match self {
            Unit::Hours => "time.h",
            Unit::Minutes => "time.min",
            Unit::Seconds => "time.s",
        }
    }
}

/// `n` of a unit in words (`2 min`), from the table written at load or, past it, the messages.
type UnitWord<'a> = dyn Fn(Unit, u64) -> Option<Cow<'a, str>> + 'a;

/// `3725` → hours, minutes and seconds, the zero parts left out (`0 s` for nothing).
fn spelled<'a>(seconds: u64, unit: &UnitWord<'a>) -> Option<String> {
    let (h, m, s) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
    let mut out = String::new();
    for (which, n) in [(Unit::Hours, h), (Unit::Minutes, m), (Unit::Seconds, s)] {
        let last = matches!(which, Unit::Seconds) && out.is_empty();
        if n > 0 || last {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&unit(which, n)?);
        }
    }
    Some(out)
}

/// How many of each unit the table written at load holds: 0–59, as minutes and seconds go.
const WRITTEN: u64 = 60;

/// One language's words for 0–59 of each unit (`5 s`, `2 min`, `1 h`), written once when the
/// messages load: a lab page spells a dozen durations, and each unit through the message table
/// (a number formatted by Fluent) was most of the cost of writing them out.
#[derive(Debug)]
pub(crate) struct UnitWords([Vec<Option<String>>; 3]);

impl UnitWords {
    pub(crate) fn new(lang: Lang, messages: &Messages) -> UnitWords {
        UnitWords(Unit::ALL.map(|unit| {
            (0..WRITTEN)
                .map(|n| {
                    let args = [("n", Arg::Number(n as f64))];
                    messages.render(lang, unit.key(), Output::Text, &args)
                })
                .collect()
        }))
    }

    fn get(&self, unit: Unit, n: u64) -> Option<&str> {
        self.0[unit as usize]
            .get(usize::try_from(n).ok()?)?
            .as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// `page` localized, as text.
    fn text(page: &str, lang: Lang, messages: &Messages) -> String {
        String::from_utf8(localize(page.as_bytes(), lang, messages).into_owned()).expect("UTF-8")
    }

    fn table() -> Messages {
        Messages::load(Path::new("templates/locales")).expect("the tables")
    }

    #[test]
    fn markers_hold_the_number_between_the_private_use_ends() {
        assert_eq!(relative(-40), "\u{E020}R-40\u{E021}");
        assert_eq!(relative(i64::MIN), format!("\u{E020}R{}\u{E021}", i64::MIN));
        assert_eq!(span(u64::MAX), format!("\u{E020}S{}\u{E021}", u64::MAX));
    }

    #[test]
    fn spans_and_relative_times_read_naturally_in_english() {
        let messages = table();
        let en = |marker: String| text(&marker, Lang::En, &messages);
        assert_eq!(en(relative(0)), "now");
        assert_eq!(en(relative(5)), "in 5 s");
        assert_eq!(en(relative(-40)), "40 s ago");
        assert_eq!(en(relative(3725)), "in 1 h 2 min 5 s");
        assert_eq!(en(relative(1800)), "in 30 min");
        assert_eq!(en(span(8 * 3600)), "8 h");
        assert_eq!(en(span(0)), "0 s");
        // Past the units written at load (0–59), from the message table.
        assert_eq!(en(span(100 * 3600 + 59)), "100 h 59 s");
    }

    #[test]
    fn and_in_korean() {
        let messages = table();
        let ko = |marker: String| text(&marker, Lang::Ko, &messages);
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
            text(&page, Lang::En, &messages),
            "<p>Expires in 1 min (<b>1 min 30 s</b>)</p>"
        );
        assert!(matches!(
            localize(b"<p>no time</p>", Lang::En, &messages),
            Cow::Borrowed(_)
        ));
        let broken = format!("{OPEN}X1{CLOSE} and {OPEN}S12");
        assert_eq!(text(&broken, Lang::En, &messages), broken);
    }

    #[test]
    fn a_printed_string_is_written_with_its_durations_in_words_and_plain_text_as_it_is() {
        let messages = table();
        let written = |value: &str, lang: Lang| {
            let mut out = b"<td>".to_vec();
            write(value, lang, &messages, &mut out);
            String::from_utf8(out).expect("UTF-8")
        };
        assert_eq!(written(&span(3725), Lang::En), "<td>1 h 2 min 5 s");
        assert_eq!(
            written(&format!("expires {}", relative(-40)), Lang::En),
            "<td>expires 40 s ago"
        );
        assert_eq!(written("세션 & <b>", Lang::Ko), "<td>세션 & <b>");
    }
}
