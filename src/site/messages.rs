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
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use fluent_templates::fluent_bundle::{FluentArgs, FluentValue};
use fluent_templates::{ArcLoader, LanguageIdentifier};
use rocket_dyn_templates::tera::ast::{Expr, ExprVal, Node};
use rocket_dyn_templates::tera::{self, Value};

use super::inspector::escape_html;
use super::lang::Lang;

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

fn marker(i: usize, arg: &Arg) -> String {
    let sound = match arg {
        Arg::Text(text) => text.chars().next_back().map_or(Ending::Vowel, ending_of),
        _ => Ending::Vowel,
    };
    format!("{OPEN}{i}{SEP}{}{CLOSE}", sound.letter())
}

/// Every language's messages.
pub struct Messages {
    loader: ArcLoader,
    ids: HashMap<Lang, HashSet<String>>,
    /// The messages that take no value, formatted once (most calls are these).
    plain: HashMap<Lang, HashMap<String, String>>,
}

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
        let mut ids = HashMap::new();
        for lang in Lang::ALL {
            ids.insert(
                lang,
                message_ids(&dir.join(lang.code())).map_err(|e| unreadable(&e))?,
            );
        }
        let mut messages = Messages {
            loader,
            ids,
            plain: HashMap::new(),
        };
        for lang in Lang::ALL {
            let plain = messages.ids[&lang]
                .iter()
                .filter_map(|id| Some((id.clone(), messages.format(lang, id, None)?)))
                .collect();
            messages.plain.insert(lang, plain);
        }
        Ok(messages)
    }

    fn format(
        &self,
        lang: Lang,
        id: &str,
        args: Option<&HashMap<String, FluentValue>>,
    ) -> Option<String> {
        self.loader
            .lookup_single_language(&language_id(lang), id, args)
            .ok()
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
        // Text values go to Fluent as markers and are put in after escaping (below); numbers
        // go as numbers, for plural rules.
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
        let formatted = |lang: Lang| {
            if values.is_empty() {
                let plain = self.plain.get(&lang).and_then(|p| p.get(&id)).cloned();
                plain.or_else(|| self.format(lang, &id, None))
            } else {
                self.format(lang, &id, Some(&values))
            }
        };
        let text = formatted(lang).or_else(|| formatted(Lang::En))?;
        let mut out = String::with_capacity(text.len() + 16);
        for (code, piece) in code_spans(&text) {
            match (code, output) {
                (true, Output::Html) => {
                    out.push_str("<code>");
                    fill(piece, output, args, &mut out);
                    out.push_str("</code>");
                }
                _ => fill(piece, output, args, &mut out),
            }
        }
        Some(out)
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

/// The ids of the messages defined in `dir/*.ftl` (a message starts at the line's start).
fn message_ids(dir: &Path) -> std::io::Result<HashSet<String>> {
    let mut ids = HashSet::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_none_or(|e| e != "ftl") {
            continue;
        }
        for line in std::fs::read_to_string(&path)?.lines() {
            let Some((id, _)) = line.split_once('=') else {
                continue;
            };
            let id = id.trim_end();
            let is_id = id.starts_with(|c: char| c.is_ascii_alphabetic())
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if is_id {
                ids.insert(id.to_string());
            }
        }
    }
    Ok(ids)
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
        let arg = index.parse::<usize>().ok().and_then(|i| args.get(i));
        match arg.map(|(_, arg)| arg) {
            Some(Arg::Html(html)) => out.push_str(html),
            Some(Arg::Text(text)) => literal(text, out),
            Some(Arg::Number(n)) => literal(&n.to_string(), out),
            None => {}
        }
        rest = &after[close + CLOSE.len_utf8()..];
    }
    literal(rest, out);
}

/// Tera's value as a message argument: numbers stay numbers, the rest is text.
fn as_arg(value: &Value) -> Arg {
    match value {
        Value::String(s) => Arg::Text(s.clone()),
        Value::Number(n) => n
            .as_f64()
            .map_or_else(|| Arg::Text(n.to_string()), Arg::Number),
        other => Arg::Text(other.to_string()),
    }
}

/// The Tera functions `t(key="…", …)` (HTML, not escaped again) and `t_text(key="…", …)`,
/// for one language.
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

impl tera::Function for Translate {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let key = args
            .get("key")
            .and_then(Value::as_str)
            .ok_or_else(|| tera::Error::msg("t() needs key=\"message code\""))?;
        let fallback = args.get("or").and_then(Value::as_str);
        let values: Vec<(&str, Arg)> = args
            .iter()
            .filter(|(name, _)| *name != "key" && *name != "or")
            .map(|(name, value)| match name.strip_suffix("_html") {
                // In plain text there is no markup to keep: `_html` values are for t() only.
                Some(name) if self.output == Output::Html => (
                    name,
                    Arg::Html(
                        value
                            .as_str()
                            .map_or_else(|| value.to_string(), str::to_string),
                    ),
                ),
                Some(name) => (name, as_arg(value)),
                None => (name.as_str(), as_arg(value)),
            })
            .collect();
        let render = |key: &str| self.messages.render(self.lang, key, self.output, &values);
        render(key)
            .or_else(|| fallback.and_then(render))
            .map(Value::String)
            .ok_or_else(|| tera::Error::msg(format!("no message `{key}` in the message table")))
    }

    /// `t()` escapes everything itself; Tera must not escape its HTML a second time.
    fn is_safe(&self) -> bool {
        self.output == Output::Html
    }
}

/// Writes the text of every `t(key="…")` and `t_text(key="…")` call that names a fixed key and
/// nothing else into the loaded templates themselves, in `lang`, so a page's fixed prose costs
/// nothing when it renders: the language's copy of the templates already says it. Calls with
/// values, a computed key or a filter stay calls. (This walks Tera 1's parsed templates, whose
/// fields Tera keeps public.)
pub fn inline_fixed(tera: &mut tera::Tera, messages: &Messages, lang: Lang) {
    let suffixes = tera.autoescape_suffixes.clone();
    for template in tera.templates.values_mut() {
        // Tera escapes by the template's path, or its name when it has none.
        let path = template.path.as_deref().unwrap_or(&template.name);
        let escapes = suffixes.iter().any(|ext| path.ends_with(ext));
        let inline = |nodes: &mut Vec<Node>| inline_nodes(nodes, messages, lang, escapes);
        inline(&mut template.ast);
        template
            .macros
            .values_mut()
            .for_each(|m| inline(&mut m.body));
        template
            .blocks
            .values_mut()
            .for_each(|b| inline(&mut b.body));
        for definitions in template.blocks_definitions.values_mut() {
            definitions
                .iter_mut()
                .for_each(|(_, b)| inline(&mut b.body));
        }
    }
}

fn inline_nodes(nodes: &mut [Node], messages: &Messages, lang: Lang, escapes: bool) {
    for node in nodes {
        let inline = |nodes: &mut Vec<Node>| inline_nodes(nodes, messages, lang, escapes);
        match node {
            Node::VariableBlock(_, expr) => {
                if let Some(text) = fixed_text(expr, messages, lang, escapes) {
                    *node = Node::Text(text);
                }
            }
            Node::MacroDefinition(_, definition, _) => inline(&mut definition.body),
            Node::Block(_, block, _) => inline(&mut block.body),
            Node::FilterSection(_, section, _) => inline(&mut section.body),
            Node::Forloop(_, forloop, _) => {
                inline(&mut forloop.body);
                if let Some(empty) = forloop.empty_body.as_mut() {
                    inline(empty);
                }
            }
            Node::If(branches, _) => {
                branches
                    .conditions
                    .iter_mut()
                    .for_each(|(_, _, body)| inline(body));
                if let Some((_, body)) = branches.otherwise.as_mut() {
                    inline(body);
                }
            }
            _ => {}
        }
    }
}

/// The output of `{{ t(key="literal") }}` or `{{ t_text(key="literal") }}`, as the page would
/// show it; `None` for anything else.
fn fixed_text(expr: &Expr, messages: &Messages, lang: Lang, escapes: bool) -> Option<String> {
    let ExprVal::FunctionCall(call) = &expr.val else {
        return None;
    };
    if expr.negated || !expr.filters.is_empty() || call.args.len() != 1 {
        return None;
    }
    let key = match call.args.get("key") {
        Some(Expr {
            val: ExprVal::String(key),
            negated: false,
            filters,
        }) if filters.is_empty() => key,
        _ => return None,
    };
    match call.name.as_str() {
        // HTML already, never escaped again (`Translate::is_safe`).
        "t" => messages.render(lang, key, Output::Html, &[]),
        // Plain text, which the template escapes like any value.
        "t_text" => messages.render(lang, key, Output::Text, &[]).map(|text| {
            if escapes {
                escape_html(&text)
            } else {
                text
            }
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tera::Function;

    /// A two-language table in a fresh folder: `en` and `ko` hold these Fluent lines.
    fn table(name: &str, en: &str, ko: &str) -> Arc<Messages> {
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
    /// `t()` and `t_text()` registered over `messages` in `lang`.
    fn page(
        messages: &Arc<Messages>,
        lang: Lang,
        template: &str,
        context: &[(&str, &str)],
    ) -> String {
        let mut tera = tera::Tera::default();
        tera.set_escape_fn(escape_html);
        tera.register_function("t", t_function(messages.clone(), lang));
        tera.register_function("t_text", t_text_function(messages.clone(), lang));
        tera.add_raw_template("page.html", template)
            .expect("template");
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
            t.call(&args).ok()
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
        assert_eq!(t.call(&args).ok(), Some(Value::from("Path /a & more")));
    }

    #[test]
    fn fixed_calls_are_written_into_the_templates_and_render_as_the_calls_did() {
        let messages = table(
            "inline",
            "a = A & `b`\ntitle = Title <x>\nv = Hi { $n }\n",
            "a = 가 & `b`\ntitle = 제목 <x>\nv = 안녕 { $n }\n",
        );
        let fixed = r#"{% macro m() %}<i>{{ t(key="a") }}</i>{% endmacro m %}<p title="{{ t_text(key="title") }}">{{ t(key="a") }}</p>{% for i in [1] %}{{ t(key="a") }}{% endfor %}{% if true %}{{ self::m() }}{% else %}{{ t(key="a") }}{% endif %}"#;
        let with_values = r#"{{ t(key="v", n="<z>") }} {{ t(key="a") }}"#;
        for lang in Lang::ALL {
            let tera = |functions: bool, inline: bool| {
                let mut tera = tera::Tera::default();
                tera.set_escape_fn(escape_html);
                if functions {
                    tera.register_function("t", t_function(messages.clone(), lang));
                    tera.register_function("t_text", t_text_function(messages.clone(), lang));
                }
                tera.add_raw_templates(vec![("fixed.html", fixed), ("values.html", with_values)])
                    .expect("templates");
                if inline {
                    inline_fixed(&mut tera, &messages, lang);
                }
                tera
            };
            let context = tera::Context::new();
            let called = tera(true, false);
            // Inlined, the fixed page needs no function at all, and reads the same.
            let inlined = tera(false, true);
            assert_eq!(
                inlined
                    .render("fixed.html", &context)
                    .expect("renders without t()"),
                called.render("fixed.html", &context).expect("renders"),
                "{lang:?}"
            );
            // A call with values stays a call, beside the inlined one.
            let mixed = tera(true, true);
            assert_eq!(
                mixed.render("values.html", &context).expect("renders"),
                called.render("values.html", &context).expect("renders"),
            );
            assert!(tera(false, true).render("values.html", &context).is_err());
        }
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
            for (id, text) in &messages.plain[&lang] {
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
