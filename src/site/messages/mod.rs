//! The message table: every sentence a page shows a learner about what happened (flash
//! messages, why a request was refused, builder notes) and the pages' own words live in
//! `templates/locales/<lang>/*.ftl` (Fluent, read with `fluent-templates`), keyed by a code.
//! Rust hands templates codes; templates say `{{ t(key="sessions.flash.logged_in") }}`, and
//! the same page renders in each language with its own table.
//!
//! A message may name values, `Logged in as { $username }.`, filled from the call's other
//! arguments: `t(key="…", username=user)`. A code's dots are dashes in the files (Fluent ids
//! cannot hold dots). An unknown key fails the render, unless the call names a fallback key:
//! `t(key="jwt.claim." ~ name, or="jwt.claim.other")`. Korean particles that depend on the word
//! before them (이/가, 은/는, 을/를, 과/와, (으)로) come from `PARTICLE($word, "이/가")`.
//!
//! A message marks code with backticks, as Markdown does: `` `user` `` (two backticks around a
//! span that contains one). `t()` returns HTML: the message's text escaped, each code span a
//! `<code>` element, and every argument escaped, so a value can neither add markup nor open
//! or close a code span (values go in after the spans are found). An argument that is itself
//! the HTML of another `t()` call is passed as `<name>_html` (`why_html=t(key="…")`) and goes
//! in as it is. `t_text()` gives the same sentence as plain text (for attributes and the
//! plain-text error explanations): no markup, the code spans without their backticks.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

use fluent_templates::fluent_bundle::{FluentArgs, FluentValue};
use fluent_templates::{ArcLoader, LanguageIdentifier};
use rocket_dyn_templates::tera::{self, Value};
use rustc_hash::{FxHashMap, FxHashSet};

use super::durations::UnitWords;
use super::inspector::{escape_html, escape_html_into};
use super::lang::Lang;
use super::program::Direct;

mod inline;
mod numbers;
pub use inline::{inline, register};
use numbers::Selections;

/// A value for a `{ $name }` placeholder.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Text from anywhere (a username, a cookie value): escaped in HTML.
    Text(String),
    /// HTML made by the message table itself (another message's `t()`): inserted as it is.
    Html(String),
    /// A number, which Fluent may use to choose a plural form.
    Number(f64),
}

/// What a message becomes: HTML for a page, or plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Html,
    Text,
}

/// Marks where the `i`th text value goes, in a message Fluent has formatted: `OPEN i SEP
/// sound CLOSE`, where `sound` says how the value ends (for `PARTICLE`), in characters from
/// Unicode's private use area, which no message contains.
const OPEN: char = '\u{E000}';
const SEP: char = '\u{E001}';
const CLOSE: char = '\u{E002}';

/// Fluent's `text` as a page shows it: code spans as `<code>` in HTML, `args` in their markers.
fn written(text: &str, output: Output, args: &[(&str, Arg)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for (code, piece) in code_spans(text) {
        match (code, output) {
            (true, Output::Html) => {
                out.push_str("<code>");
                fill(piece, output, args, &mut out);
                out.push_str("</code>");
            }
            _ => fill(piece, output, args, &mut out),
        }
    }
    out
}

fn marker(i: usize, arg: &Arg) -> String {
    let sound = match arg {
        Arg::Text(text) => text.chars().next_back().map_or(Ending::Vowel, ending_of),
        _ => Ending::Vowel,
    };
    format!("{OPEN}{i}{SEP}{}{CLOSE}", sound.letter())
}

/// Marks where a value goes in a message compiled at load (see [`Compiled`]).
const SLOT: char = '\u{E003}';

/// Every language's messages.
pub struct Messages {
    loader: ArcLoader,
    // Fx hashing: the keys are the tables' own ids, and a page looks up dozens.
    ids: FxHashMap<Lang, FxHashSet<String>>,
    /// The messages that only name values (`{ $name }`, no plurals or functions), split once
    /// around their values: most calls are these, and fill them without Fluent.
    compiled: FxHashMap<Lang, FxHashMap<String, Compiled>>,
    /// Each language's duration units for 0–59, written once (`site::durations`).
    units: Vec<(Lang, UnitWords)>,
    /// Fluent's texts already formatted, by language, message and values (`fluent_text`).
    formatted: Mutex<FxHashMap<String, Option<Arc<str>>>>,
    /// How each message that needs Fluent uses its numbers, where that is worked out: a number
    /// it only selects by is remembered by its class (`numbers`).
    selections: FxHashMap<Lang, FxHashMap<String, Selections>>,
    /// Each language's cardinal plural rules, as Fluent applies them.
    plurals: Vec<(Lang, intl_pluralrules::PluralRules)>,
}

/// How many formatted texts are remembered before they are forgotten all at once (numbers
/// make each text its own, so the set is bounded).
const FORMATTED_KEPT: usize = 4096;

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Messages").field("ids", &self.ids).finish()
    }
}

/// The Fluent id of a message code: `sessions.flash.logged_in` → `sessions-flash-logged_in`.
fn fluent_id(key: &str) -> String {
    key.replace('.', "-")
}

fn language_id(lang: Lang) -> LanguageIdentifier {
    lang.code().parse().unwrap_or_default()
}

impl Messages {
    /// Reads `dir/<lang>/*.ftl` for every language.
    pub fn load(dir: &Path) -> Result<Messages, String> {
        let unreadable = |e: &dyn std::fmt::Display| {
            format!(
                "the message tables in {} are unreadable: {e}",
                dir.display()
            )
        };
        let loader = ArcLoader::builder(dir, language_id(Lang::En))
            .customize(|bundle| {
                // Pages are HTML: Unicode isolation marks around values would only get in the
                // way of copying and searching the text.
                bundle.set_use_isolating(false);
                let _ = bundle.add_function("PARTICLE", particle);
            })
            .build()
            .map_err(|e| unreadable(&e))?;
        let mut tables = HashMap::new();
        for lang in Lang::ALL {
            let table = read_table(&dir.join(lang.code())).map_err(|e| unreadable(&e))?;
            tables.insert(lang, table);
        }
        let mut messages = Messages {
            loader,
            ids: tables
                .iter()
                .map(|(lang, table)| (*lang, table.keys().cloned().collect()))
                .collect(),
            compiled: FxHashMap::default(),
            units: Vec::new(),
            formatted: Mutex::default(),
            selections: FxHashMap::default(),
            plurals: Lang::ALL
                .iter()
                .filter_map(|lang| Some((*lang, numbers::rules(&language_id(*lang))?)))
                .collect(),
        };
        for (lang, table) in tables {
            let mut compiled = FxHashMap::default();
            let mut selections = FxHashMap::default();
            for (id, message) in table {
                match message
                    .names
                    .and_then(|names| messages.compile(lang, &id, &names))
                {
                    Some(message) => {
                        compiled.insert(id, message);
                    }
                    None => {
                        if let Some(selected) = message.selections {
                            selections.insert(id, selected);
                        }
                    }
                }
            }
            messages.compiled.insert(lang, compiled);
            messages.selections.insert(lang, selections);
        }
        messages.units = Lang::ALL
            .map(|lang| (lang, UnitWords::new(lang, &messages)))
            .into();
        Ok(messages)
    }

    /// Fluent's text of the message `id` in `lang` for `args`: text values go to Fluent as
    /// markers, put in after escaping (`written`), and numbers as numbers, for plural rules.
    fn fluent(&self, lang: Lang, id: &str, args: &[(&str, Arg)]) -> Option<String> {
        let values: HashMap<String, FluentValue> = args
            .iter()
            .enumerate()
            .map(|(i, (name, arg))| {
                let value = match arg {
                    Arg::Number(n) => FluentValue::from(*n),
                    _ => FluentValue::from(marker(i, arg)),
                };
                (name.to_string(), value)
            })
            .collect();
        self.loader
            .lookup_single_language(
                &language_id(lang),
                id,
                (!values.is_empty()).then_some(&values),
            )
            .ok()
    }

    /// The message `id` of `lang`, which names the values `names` and nothing else, rendered
    /// once with a slot for each value.
    fn compile(&self, lang: Lang, id: &str, names: &[String]) -> Option<Compiled> {
        let slots: Vec<(&str, Arg)> = names
            .iter()
            .enumerate()
            .map(|(i, name)| (name.as_str(), Arg::Html(format!("{SLOT}{i}{SLOT}"))))
            .collect();
        // Formatted once, not remembered: these values are slots, never a page's.
        let text = self.fluent(lang, id, &slots)?;
        let split = |output| {
            let rendered = written(&text, output, &slots);
            // `text SLOT index SLOT text SLOT index SLOT text`: odd parts are slots.
            let pieces = rendered
                .split(SLOT)
                .enumerate()
                .map(|(i, part)| match i % 2 {
                    0 => Some(Piece::Fixed(part.to_string())),
                    _ => Some(Piece::Value(
                        names.get(part.parse::<usize>().ok()?)?.clone(),
                    )),
                });
            pieces.collect::<Option<Vec<Piece>>>()
        };
        Some(Compiled {
            html: split(Output::Html)?,
            text: split(Output::Text)?,
        })
    }

    /// The compiled form of the message `id` as `lang` shows it: its own, or English's when
    /// `lang` lacks the message. `None` when the message needs Fluent at every call.
    pub(crate) fn compiled(&self, lang: Lang, id: &str) -> Option<&Compiled> {
        match self.compiled.get(&lang)?.get(id) {
            Some(compiled) => Some(compiled),
            None if !self.ids.get(&lang)?.contains(id) => self.compiled.get(&Lang::En)?.get(id),
            None => None,
        }
    }

    /// The message `key` in `lang` (English when `lang` lacks it) as HTML or plain text, with
    /// its values filled from `args`.
    pub fn render(
        &self,
        lang: Lang,
        key: &str,
        output: Output,
        args: &[(&str, Arg)],
    ) -> Option<String> {
        let id = fluent_id(key);
        if let Some(filled) = self
            .compiled(lang, &id)
            .and_then(|compiled| compiled.fill(output, args))
        {
            return Some(filled);
        }
        self.format_message(lang, &id, output, args)
            .or_else(|| self.format_message(Lang::En, &id, output, args))
    }

    /// [`Messages::fluent`], remembered: the text depends on nothing but the language, the
    /// message and the values, a page asks for the same few messages on every render, and
    /// Fluent's formatting was most of their cost.
    fn fluent_text(&self, lang: Lang, id: &str, args: &[(&str, Arg)]) -> Option<Arc<str>> {
        let mut key = String::with_capacity(id.len() + 8 + 16 * args.len());
        key.push_str(lang.code());
        key.push('\0');
        key.push_str(id);
        for (i, (name, arg)) in args.iter().enumerate() {
            key.push('\0');
            key.push_str(name);
            key.push('=');
            match arg {
                Arg::Number(n) => match self.number_class(lang, id, name, *n) {
                    Some(class) => key.push_str(&class),
                    // `f64`'s display is exact: two numbers read the same only if they are equal.
                    None => key.push_str(&format!("#{n}")),
                },
                _ => key.push_str(&marker(i, arg)),
            }
        }
        if let Some(known) = self
            .formatted
            .lock()
            .ok()
            .and_then(|f| f.get(&key).cloned())
        {
            return known;
        }
        let text: Option<Arc<str>> = self.fluent(lang, id, args).map(Arc::from);
        if let Ok(mut formatted) = self.formatted.lock() {
            if formatted.len() >= FORMATTED_KEPT {
                formatted.clear();
            }
            formatted.insert(key, text.clone());
        }
        text
    }

    /// What the number `n`, given as `name` to the message `id` of `lang`, is remembered by
    /// when the message only selects by it ([`Selections::class`]); `None`: by itself.
    fn number_class(&self, lang: Lang, id: &str, name: &str, n: f64) -> Option<String> {
        let selections = self.selections.get(&lang)?.get(id)?;
        let (_, rules) = self.plurals.iter().find(|(ruled, _)| *ruled == lang)?;
        selections.class(name, n, rules)
    }

    /// The message `id` of `lang` formatted by Fluent, as HTML or plain text.
    fn format_message(
        &self,
        lang: Lang,
        id: &str,
        output: Output,
        args: &[(&str, Arg)],
    ) -> Option<String> {
        Some(written(&self.fluent_text(lang, id, args)?, output, args))
    }

    /// `lang`'s duration units as written at load.
    pub(crate) fn unit_words(&self, lang: Lang) -> Option<&UnitWords> {
        self.units
            .iter()
            .find(|(written, _)| *written == lang)
            .map(|(_, words)| words)
    }

    /// Whether English, the reference table, has `key`.
    pub fn contains(&self, key: &str) -> bool {
        self.ids[&Lang::En].contains(&fluent_id(key))
    }

    /// The codes the other language has and `lang` lacks (dashed, as in the files), sorted:
    /// every message must exist in both.
    pub fn missing_in(&self, lang: Lang) -> Vec<String> {
        let other = if lang == Lang::En { Lang::Ko } else { Lang::En };
        let mut missing: Vec<String> = self.ids[&other]
            .difference(&self.ids[&lang])
            .cloned()
            .collect();
        missing.sort();
        missing
    }
}

/// A message that names values only as `{ $name }`, rendered once as HTML and as text with
/// a slot where each value goes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Compiled {
    html: Vec<Piece>,
    text: Vec<Piece>,
}

/// A run of a compiled message: its own words (HTML or text, ready), or a value's slot.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Piece {
    Fixed(String),
    Value(String),
}

impl Compiled {
    pub(crate) fn pieces(&self, output: Output) -> &[Piece] {
        match output {
            Output::Html => &self.html,
            Output::Text => &self.text,
        }
    }

    /// The message with `args` in its slots, as [`Messages::render`] writes it; `None` when
    /// an argument it names is missing.
    fn fill(&self, output: Output, args: &[(&str, Arg)]) -> Option<String> {
        let pieces = self.pieces(output);
        let mut out = String::with_capacity(pieces.iter().map(Piece::len).sum::<usize>() + 32);
        for piece in pieces {
            match piece {
                Piece::Fixed(text) => out.push_str(text),
                Piece::Value(name) => {
                    let (_, arg) = args.iter().find(|(given, _)| given == name)?;
                    push_value(arg, output, &mut out);
                }
            }
        }
        Some(out)
    }
}

impl Piece {
    fn len(&self) -> usize {
        match self {
            Piece::Fixed(text) => text.len(),
            Piece::Value(_) => 0,
        }
    }
}

/// Appends a value as a message shows it: text escaped in HTML, HTML as it is.
pub(crate) fn push_value(arg: &Arg, output: Output, out: &mut String) {
    match (arg, output) {
        (Arg::Html(html), _) => out.push_str(html),
        (Arg::Text(text), Output::Html) => escape_html_into(text, out),
        (Arg::Text(text), Output::Text) => out.push_str(text),
        (Arg::Number(n), _) => push_number(*n, out),
    }
}

/// Appends a number as `f64`'s `Display` writes it (`3`, `0.5`, `-0`). A whole number (a
/// count, most of what messages show) goes through integer formatting, several times cheaper
/// than float formatting, with the same digits.
fn push_number(n: f64, out: &mut String) {
    use std::fmt::Write as _;
    // 2^53: every whole `f64` below it is exactly an `i64`.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    let whole = n.fract() == 0.0 && n.abs() < EXACT && !(n == 0.0 && n.is_sign_negative());
    // Writing to a `String` cannot fail.
    let _ = if whole {
        write!(out, "{}", n as i64)
    } else {
        write!(out, "{n}")
    };
}

/// A message as the table reads it: the names of the values it takes when it names them only
/// as `{ $name }` (`None` when it needs Fluent at every call: plural or other selections,
/// functions, references to other messages), and how it uses numbers ([`Selections`]).
struct TableEntry {
    names: Option<Vec<String>>,
    selections: Option<Selections>,
}

/// Every message of the Fluent files in `dir`, by id.
fn read_table(dir: &Path) -> std::io::Result<HashMap<String, TableEntry>> {
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, PatternElement};
    let mut table = HashMap::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_none_or(|e| e != "ftl") {
            continue;
        }
        let source = std::fs::read_to_string(&path)?;
        // A file with errors still gives its good messages (the loader reports the rest).
        let resource = fluent_syntax::parser::parse(source.as_str()).unwrap_or_else(|(r, _)| r);
        for entry in resource.body {
            let Entry::Message(message) = entry else {
                continue;
            };
            let selections = message.value.as_ref().and_then(Selections::of);
            let names = message.value.and_then(|pattern| {
                let mut names: Vec<String> = Vec::new();
                for element in pattern.elements {
                    match element {
                        PatternElement::TextElement { .. } => {}
                        PatternElement::Placeable {
                            expression:
                                Expression::Inline(InlineExpression::VariableReference { id }),
                        } => {
                            if !names.iter().any(|n| n == id.name) {
                                names.push(id.name.to_string());
                            }
                        }
                        PatternElement::Placeable { .. } => return None,
                    }
                }
                Some(names)
            });
            table.insert(
                message.id.name.to_string(),
                TableEntry { names, selections },
            );
        }
    }
    Ok(table)
}

/// `PARTICLE($word, "이/가")`: the word and the particle that fits its last sound. Korean
/// writes 이, 은, 을, 과 after a final consonant (받침) and 가, 는, 를, 와 after a vowel; 으로
/// after a consonant other than ㄹ, 로 otherwise. Latin letters and digits are read as a
/// Korean reader would say them (`alice` → 앨리스, no 받침; `bob` → 밥).
fn particle<'a>(positional: &[FluentValue<'a>], _: &FluentArgs) -> FluentValue<'a> {
    let word = match positional.first() {
        Some(FluentValue::String(s)) => s.to_string(),
        Some(FluentValue::Number(n)) => n.as_string().to_string(),
        _ => return FluentValue::Error,
    };
    let Some(FluentValue::String(pair)) = positional.get(1) else {
        return FluentValue::Error;
    };
    let Some((after_consonant, after_vowel)) = pair.split_once('/') else {
        return FluentValue::Error;
    };
    // A value the caller passed is a marker (see `marker`) that says how the value ends.
    let ending = match word.strip_suffix(CLOSE) {
        Some(marked) => marked
            .chars()
            .next_back()
            .map_or(Ending::Vowel, Ending::of_letter),
        None => word.chars().next_back().map_or(Ending::Vowel, ending_of),
    };
    let chosen = match (after_consonant, ending) {
        ("으로", Ending::Rieul) => after_vowel,
        (_, Ending::Vowel) => after_vowel,
        _ => after_consonant,
    };
    FluentValue::String(Cow::Owned(format!("{word}{chosen}")))
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Ending {
    Vowel,
    /// ㄹ: a consonant, but 로 rather than 으로.
    Rieul,
    Consonant,
}

impl Ending {
    /// The letter a marker carries for this ending.
    fn letter(self) -> char {
        match self {
            Ending::Vowel => 'v',
            Ending::Rieul => 'r',
            Ending::Consonant => 'c',
        }
    }

    fn of_letter(letter: char) -> Ending {
        match letter {
            'r' => Ending::Rieul,
            'c' => Ending::Consonant,
            _ => Ending::Vowel,
        }
    }
}

fn ending_of(last: char) -> Ending {
    let code = last as u32;
    if (0xAC00..=0xD7A3).contains(&code) {
        return match (code - 0xAC00) % 28 {
            0 => Ending::Vowel,
            8 => Ending::Rieul,
            _ => Ending::Consonant,
        };
    }
    match last.to_ascii_lowercase() {
        'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'w' | '2' | '4' | '5' | '9' => Ending::Vowel,
        'l' | 'r' | '1' | '7' | '8' => Ending::Rieul,
        c if c.is_ascii_alphanumeric() => Ending::Consonant,
        _ => Ending::Vowel,
    }
}

/// Splits a message into runs of prose (`false`) and code (`true`). A run of backticks opens a
/// code span that the next run of the same length closes; one space just inside both ends is
/// dropped, so `` `` ` `` `` holds a lone backtick. A run with no partner is prose.
fn code_spans(template: &str) -> Vec<(bool, &str)> {
    let mut spans = Vec::new();
    let mut prose = 0;
    let mut i = 0;
    while let Some(found) = template[i..].find('`') {
        let open = i + found;
        let ticks = backtick_run(&template[open..]);
        let after = open + ticks;
        match closing_run(&template[after..], ticks) {
            Some(close) => {
                if prose < open {
                    spans.push((false, &template[prose..open]));
                }
                let inner = &template[after..after + close];
                let trimmed = inner
                    .strip_prefix(' ')
                    .and_then(|s| s.strip_suffix(' '))
                    .filter(|s| !s.trim().is_empty())
                    .unwrap_or(inner);
                spans.push((true, trimmed));
                i = after + close + ticks;
                prose = i;
            }
            None => i = after,
        }
    }
    if prose < template.len() {
        spans.push((false, &template[prose..]));
    }
    spans
}

/// How many backticks `text` starts with.
fn backtick_run(text: &str) -> usize {
    text.bytes().take_while(|&b| b == b'`').count()
}

/// Where in `text` the next run of exactly `ticks` backticks starts.
fn closing_run(text: &str, ticks: usize) -> Option<usize> {
    let mut i = 0;
    while let Some(found) = text[i..].find('`') {
        let start = i + found;
        let run = backtick_run(&text[start..]);
        if run == ticks {
            return Some(start);
        }
        i = start + run;
    }
    None
}

/// Appends `text` with its value markers replaced; text and values are escaped for HTML
/// output, except values that are HTML already. Inserted values are not scanned again.
fn fill(text: &str, output: Output, args: &[(&str, Arg)], out: &mut String) {
    let literal = |s: &str, out: &mut String| match output {
        Output::Html => out.push_str(&escape_html(s)),
        Output::Text => out.push_str(s),
    };
    let mut rest = text;
    while let Some(open) = rest.find(OPEN) {
        let after = &rest[open + OPEN.len_utf8()..];
        let Some(close) = after.find(CLOSE) else {
            break;
        };
        literal(&rest[..open], out);
        let index = after[..close].split(SEP).next().unwrap_or("");
        if let Some((_, arg)) = index.parse::<usize>().ok().and_then(|i| args.get(i)) {
            push_value(arg, output, out);
        }
        rest = &after[close + CLOSE.len_utf8()..];
    }
    literal(rest, out);
}

/// Tera's value as a message argument: numbers stay numbers, the rest is text.
pub(crate) fn as_arg(value: &Value) -> Arg {
    match value {
        Value::String(s) => Arg::Text(s.clone()),
        Value::Number(n) => n
            .as_f64()
            .map_or_else(|| Arg::Text(n.to_string()), Arg::Number),
        other => Arg::Text(other.to_string()),
    }
}

/// Tera's value as the HTML of an `_html` argument.
pub(crate) fn html_of(value: &Value) -> String {
    value
        .as_str()
        .map_or_else(|| value.to_string(), str::to_string)
}

/// The Tera functions `t(key="…", …)` (HTML, not escaped again) and `t_text(key="…", …)`,
/// for one language.
#[derive(Clone)]
pub struct Translate {
    messages: Arc<Messages>,
    lang: Lang,
    output: Output,
}

/// `t()`: a message as HTML.
pub fn t_function(messages: Arc<Messages>, lang: Lang) -> Translate {
    Translate {
        messages,
        lang,
        output: Output::Html,
    }
}

/// `t_text()`: a message as plain text, escaped by the template like any value.
pub fn t_text_function(messages: Arc<Messages>, lang: Lang) -> Translate {
    Translate {
        messages,
        lang,
        output: Output::Text,
    }
}

impl Translate {
    /// `t()` with its arguments as (name, value) pairs, in any order: what Tera's call does
    /// with its map, and what a page's program calls without building one.
    pub fn call_with(&self, args: &[(&str, &Value)]) -> tera::Result<Value> {
        let named = |wanted: &str| {
            args.iter()
                .find(|(name, _)| *name == wanted)
                .and_then(|(_, value)| value.as_str())
        };
        let key = named("key").ok_or_else(|| tera::Error::msg("t() needs key=\"message code\""))?;
        let fallback = named("or");
        let values: Vec<(&str, Arg)> = args
            .iter()
            .filter(|(name, _)| *name != "key" && *name != "or")
            .map(|(name, value)| match name.strip_suffix("_html") {
                // In plain text there is no markup to keep: `_html` values are for t() only.
                Some(name) if self.output == Output::Html => (name, Arg::Html(html_of(value))),
                Some(name) => (name, as_arg(value)),
                None => (*name, as_arg(value)),
            })
            .collect();
        let render = |key: &str| self.messages.render(self.lang, key, self.output, &values);
        render(key)
            .or_else(|| fallback.and_then(render))
            .map(Value::String)
            .ok_or_else(|| tera::Error::msg(format!("no message `{key}` in the message table")))
    }
}

impl Direct for Translate {
    fn call(&self, args: &[(&str, &Value)]) -> tera::Result<Value> {
        self.call_with(args)
    }

    fn is_safe(&self) -> bool {
        self.output == Output::Html
    }
}

impl tera::Function for Translate {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let args: Vec<(&str, &Value)> = args.iter().map(|(k, v)| (k.as_str(), v)).collect();
        self.call_with(&args)
    }

    /// `t()` escapes everything itself; Tera must not escape its HTML a second time.
    fn is_safe(&self) -> bool {
        self.output == Output::Html
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tera::Function;

    /// A two-language table in a fresh folder: `en` and `ko` hold these Fluent lines.
    pub(super) fn table(name: &str, en: &str, ko: &str) -> Arc<Messages> {
        // A folder of its own per call: tests run in parallel.
        static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!(
            "auth-labs-messages-{name}-{}-{call}",
            std::process::id()
        ));
        for (lang, text) in [("en", en), ("ko", ko)] {
            std::fs::create_dir_all(dir.join(lang)).expect("folder");
            std::fs::write(dir.join(lang).join("main.ftl"), text).expect("file");
        }
        let messages = Messages::load(&dir).expect("loads");
        std::fs::remove_dir_all(&dir).ok();
        Arc::new(messages)
    }

    /// Renders `template` through Tera as a page would: autoescape on, the app's escaping,
    /// `t()` and `t_text()` registered over `messages` in `lang` and inlined where they can be.
    fn page(
        messages: &Arc<Messages>,
        lang: Lang,
        template: &str,
        context: &[(&str, &str)],
    ) -> String {
        let mut tera = tera::Tera::default();
        tera.set_escape_fn(escape_html);
        tera.add_raw_template("page.html", template)
            .expect("template");
        register(&mut tera, messages, lang);
        inline(&mut tera, messages, lang);
        let mut values = tera::Context::new();
        for (name, value) in context {
            values.insert(*name, value);
        }
        tera.render("page.html", &values).expect("renders")
    }

    fn en(text: &str) -> Arc<Messages> {
        table("en", text, "")
    }

    #[test]
    fn numbers_are_written_as_f64_display_writes_them_whole_ones_included() {
        for n in [
            0.0,
            -0.0,
            1.0,
            -7.0,
            42.0,
            1e15,
            9_007_199_254_740_991.0,
            9_007_199_254_740_992.0,
            1e21,
            0.5,
            -2.25,
            1.0 / 3.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            let mut out = String::from("n=");
            push_number(n, &mut out);
            assert_eq!(out, format!("n={n}"), "{n:?}");
        }
    }

    #[test]
    fn values_are_filled_from_arguments_in_each_language() {
        let table = table(
            "fill",
            "a-b = Hi { $name }!\nonly-en = English only\n",
            "a-b = { PARTICLE($name, \"이/가\") } 왔습니다!\n",
        );
        let alice = [("name", Arg::Text("alice".into()))];
        let say = |lang| table.render(lang, "a.b", Output::Html, &alice);
        assert_eq!(say(Lang::En).as_deref(), Some("Hi alice!"));
        assert_eq!(say(Lang::Ko).as_deref(), Some("alice가 왔습니다!"));
        let bob = [("name", Arg::Text("bob".into()))];
        let ko = table.render(Lang::Ko, "a.b", Output::Html, &bob);
        assert_eq!(ko.as_deref(), Some("bob이 왔습니다!"));
        assert_eq!(table.render(Lang::En, "a.c", Output::Html, &alice), None);
    }

    #[test]
    fn a_message_korean_lacks_falls_back_to_english_and_is_reported_missing() {
        let table = table(
            "fallback",
            "a-b = Hi\nonly-en = English only\n",
            "a-b = 안녕\n",
        );
        let text = table.render(Lang::Ko, "only.en", Output::Html, &[]);
        assert_eq!(text.as_deref(), Some("English only"));
        assert_eq!(table.missing_in(Lang::Ko), vec!["only-en".to_string()]);
        assert!(table.missing_in(Lang::En).is_empty());
    }

    #[test]
    fn an_unknown_key_falls_back_to_the_or_key_or_fails() {
        let t = t_function(en("a-b = Hi { $name }!\n"), Lang::En);
        let call = |pairs: &[(&str, &str)]| {
            let args: HashMap<String, Value> = pairs
                .iter()
                .map(|(k, v)| (k.to_string(), Value::from(*v)))
                .collect();
            Function::call(&t, &args).ok()
        };
        let hi = Some(Value::from("Hi bob!"));
        assert_eq!(call(&[("key", "a.x"), ("or", "a.b"), ("name", "bob")]), hi);
        assert_eq!(call(&[("key", "a.x")]), None);
    }

    #[test]
    fn a_number_chooses_the_plural_form() {
        let messages =
            en("n = { $count ->\n    [one] one visit\n   *[other] { $count } visits\n}\n");
        let say = |count: f64| {
            messages.render(
                Lang::En,
                "n",
                Output::Html,
                &[("count", Arg::Number(count))],
            )
        };
        assert_eq!(say(1.0).as_deref(), Some("one visit"));
        assert_eq!(say(3.0).as_deref(), Some("3 visits"));
    }

    #[test]
    fn a_remembered_text_is_only_reused_for_the_same_numbers_and_fills_in_new_words() {
        let messages = en(
            "n = { $count ->\n    [one] { $who } has one visit\n   *[other] { $who } has { $count } visits\n}\n",
        );
        let say = |count: f64, who: &str| {
            let args = [
                ("count", Arg::Number(count)),
                ("who", Arg::Text(who.into())),
            ];
            messages.render(Lang::En, "n", Output::Html, &args)
        };
        for _ in 0..2 {
            assert_eq!(say(1.0, "bob").as_deref(), Some("bob has one visit"));
            assert_eq!(say(2.0, "bob").as_deref(), Some("bob has 2 visits"));
            assert_eq!(say(2.5, "bob").as_deref(), Some("bob has 2.5 visits"));
            assert_eq!(
                say(1.0, "<al>").as_deref(),
                Some("&lt;al&gt; has one visit")
            );
        }
    }

    #[test]
    fn a_counter_that_only_selects_by_its_number_is_formatted_once_per_variant() {
        let messages = table(
            "counter",
            "c = { $visits ->\n    [0] never\n    [one] once\n   *[other] { $who } came often\n}\n\
             w = { $visits ->\n    [one] one visit\n   *[other] { $visits } visits\n}\n",
            "c = { $visits }번\n",
        );
        let say = |lang: Lang, key: &str, visits: f64| {
            let args = [
                ("visits", Arg::Number(visits)),
                ("who", Arg::Text("<bo>".into())),
            ];
            messages.render(lang, key, Output::Html, &args)
        };
        // Texts remembered since the table loaded (loading remembers the duration units).
        let at_load = messages.formatted.lock().map(|f| f.len()).unwrap_or(0);
        let remembered = || {
            messages
                .formatted
                .lock()
                .map(|f| f.len() - at_load)
                .unwrap_or(0)
        };
        assert_eq!(say(Lang::En, "c", 0.0).as_deref(), Some("never"));
        assert_eq!(say(Lang::En, "c", 1.0).as_deref(), Some("once"));
        for visits in 2..40 {
            let text = say(Lang::En, "c", f64::from(visits));
            assert_eq!(text.as_deref(), Some("&lt;bo&gt; came often"));
        }
        // `[0]`, `[one]` and `*[other]`: three texts for forty numbers.
        assert_eq!(remembered(), 3);
        // A message that writes its number is remembered per number, and writes each.
        assert_eq!(say(Lang::En, "w", 2.0).as_deref(), Some("2 visits"));
        assert_eq!(say(Lang::En, "w", 3.0).as_deref(), Some("3 visits"));
        assert_eq!(say(Lang::En, "w", 1.0).as_deref(), Some("one visit"));
        assert_eq!(remembered(), 6);
        // Korean writes the number: each its own.
        assert_eq!(say(Lang::Ko, "c", 2.0).as_deref(), Some("2번"));
        assert_eq!(say(Lang::Ko, "c", 3.0).as_deref(), Some("3번"));
    }

    #[test]
    fn backtick_spans_become_code_elements_and_the_prose_is_escaped() {
        let messages = en("m = Set `crumb=1` & <then> remove `crumb`.\n");
        assert_eq!(
            page(&messages, Lang::En, r#"{{ t(key="m") }}"#, &[]),
            "Set <code>crumb=1</code> &amp; &lt;then&gt; remove <code>crumb</code>."
        );
    }

    #[test]
    fn a_double_backtick_span_holds_a_backtick_and_a_lone_backtick_stays_text() {
        let messages = en("token = letters and ``!#$%&'*+-.^_`|~`` only\nlone = a ` alone\n");
        assert_eq!(
            page(&messages, Lang::En, r#"{{ t(key="token") }}"#, &[]),
            "letters and <code>!#$%&amp;&#x27;*+-.^_`|~</code> only"
        );
        assert_eq!(
            page(&messages, Lang::En, r#"{{ t(key="lone") }}"#, &[]),
            "a ` alone"
        );
    }

    #[test]
    fn arguments_are_escaped_and_can_neither_open_nor_close_a_code_span() {
        let messages = en("m = The value `{ $input }` and { $other }.\n");
        let hostile = "x`</code><script>alert(1)</script>`";
        let html = page(
            &messages,
            Lang::En,
            r#"{{ t(key="m", input=input, other=other) }}"#,
            &[("input", hostile), ("other", "`<b>bold</b>`")],
        );
        assert_eq!(
            html,
            "The value <code>x`&lt;/code&gt;&lt;script&gt;alert(1)&lt;/script&gt;`</code> \
             and `&lt;b&gt;bold&lt;/b&gt;`."
        );
        assert_eq!(html.matches("<code>").count(), 1);
        assert!(!html.contains("<script>") && !html.contains("<b>"));
    }

    #[test]
    fn a_value_that_looks_like_a_marker_is_only_text() {
        let messages = en("m = { $a } and { $b }\n");
        let fake = format!("{OPEN}1{SEP}x{CLOSE}");
        let html = page(
            &messages,
            Lang::En,
            r#"{{ t(key="m", a=a, b=b) }}"#,
            &[("a", &fake), ("b", "<i>")],
        );
        assert_eq!(html, format!("{fake} and &lt;i&gt;"));
    }

    #[test]
    fn another_messages_html_passes_as_an_html_argument_and_plain_values_cannot() {
        let messages =
            en("outer = { $why } Ignored.\ninner = The value `{ $input }` is not a number.\n");
        let nested = page(
            &messages,
            Lang::En,
            r#"{{ t(key="outer", why_html=t(key="inner", input=input)) }}"#,
            &[("input", "<i>")],
        );
        assert_eq!(
            nested,
            "The value <code>&lt;i&gt;</code> is not a number. Ignored."
        );
        // Passed as a plain argument, the same HTML is shown as text, not run as markup.
        let plain = page(
            &messages,
            Lang::En,
            r#"{{ t(key="outer", why=t(key="inner", input="1")) }}"#,
            &[],
        );
        assert_eq!(
            plain,
            "The value &lt;code&gt;1&lt;/code&gt; is not a number. Ignored."
        );
    }

    #[test]
    fn t_text_is_plain_text_without_backticks_that_the_template_escapes() {
        let messages = en("m = Path `{ $input }` & more\n");
        assert_eq!(
            page(
                &messages,
                Lang::En,
                r#"{{ t_text(key="m", input="<x>") }}"#,
                &[]
            ),
            "Path &lt;x&gt; &amp; more"
        );
        let t = t_text_function(messages, Lang::En);
        let args = HashMap::from([
            ("key".to_string(), Value::from("m")),
            ("input".to_string(), Value::from("/a")),
        ]);
        assert_eq!(
            Function::call(&t, &args).ok(),
            Some(Value::from("Path /a & more"))
        );
    }

    #[test]
    fn korean_particles_follow_the_last_sound_of_the_word() {
        let say = |word: &str, pair: &str| {
            let values = [
                FluentValue::from(word.to_string()),
                FluentValue::from(pair.to_string()),
            ];
            match particle(&values, &FluentArgs::new()) {
                FluentValue::String(s) => s.to_string(),
                _ => String::new(),
            }
        };
        assert_eq!(say("세션", "이/가"), "세션이");
        assert_eq!(say("쿠키", "이/가"), "쿠키가");
        assert_eq!(say("토큰", "은/는"), "토큰은");
        assert_eq!(say("서버", "을/를"), "서버를");
        assert_eq!(say("서울", "으로/로"), "서울로");
        assert_eq!(say("헤더", "으로/로"), "헤더로");
        assert_eq!(say("책", "으로/로"), "책으로");
        assert_eq!(say("alice", "이/가"), "alice가");
        assert_eq!(say("bob", "이/가"), "bob이");
        assert_eq!(say("mallory", "은/는"), "mallory는");
    }

    #[test]
    fn the_shipped_tables_load_and_korean_has_every_english_message() {
        let messages = Messages::load(Path::new("templates/locales")).expect("loads");
        assert!(messages.contains("login.invalid"));
        assert_eq!(messages.missing_in(Lang::Ko), Vec::<String>::new());
        assert_eq!(
            messages.missing_in(Lang::En),
            Vec::<String>::new(),
            "Korean has extra ids"
        );
    }

    #[test]
    fn every_backtick_in_the_shipped_tables_opens_or_closes_a_code_span() {
        let messages = Messages::load(Path::new("templates/locales")).expect("loads");
        for lang in Lang::ALL {
            // The messages that take no value, as Fluent formats them.
            let texts = messages.ids[&lang]
                .iter()
                .filter_map(|id| Some((id, messages.fluent(lang, id, &[])?)));
            for (id, text) in texts {
                let text = text.as_str();
                let prose: String = code_spans(text)
                    .into_iter()
                    .filter(|(code, _)| !code)
                    .map(|(_, text)| text)
                    .collect();
                assert!(
                    !prose.contains('`'),
                    "{lang:?} {id}: a stray backtick in {text:?}"
                );
            }
        }
    }
}
