//! The message table: every sentence a page shows a learner about what happened (flash
//! messages, why a request was refused, builder notes) lives in `templates/messages/en.toml`,
//! keyed by a code. Rust hands templates codes; templates say `{{ t(key="sessions.logged_in") }}`.
//! One table is what lets the pages be translated without touching a handler.
//!
//! A message may name values in braces, `"Logged in as {username}."`, filled from the call's
//! other arguments: `t(key="…", username=user)`. An unknown key fails the render, unless the
//! call names a fallback key: `t(key="jwt.claim." ~ name, or="jwt.claim.other")`.
//!
//! A message marks code with backticks, as Markdown does: `` `user` `` (two backticks around a
//! span that contains one). `t()` returns HTML: the message's text escaped, each code span a
//! `<code>` element, and every argument escaped, so a value can neither add markup nor open
//! or close a code span. An argument that is itself the HTML of another `t()` call is passed
//! as `<name>_html` (`why_html=t(key="…")`) and fills `{name}` as it is. `t_text()` gives the
//! same sentence as plain text (for attributes and the plain-text error explanations): no
//! markup, the code spans without their backticks.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use rocket::figment::providers::{Format, Toml};
use rocket::figment::value::{Dict, Value as FigValue};
use rocket::figment::Figment;
use rocket_dyn_templates::tera::{self, Value};

use super::inspector::escape_html;

/// Message code → text (`sessions.arrival.absent` → "absent").
#[derive(Debug, Default, Clone)]
pub struct Messages {
    texts: HashMap<String, String>,
}

/// A value for a `{name}` placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Text from anywhere (a username, a cookie value): escaped in HTML.
    Text(String),
    /// HTML made by the message table itself (another message's `t()`): inserted as it is.
    Html(String),
}

/// What a message becomes: HTML for a page, or plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Html,
    Text,
}

impl Messages {
    /// Reads the table; nested TOML tables become dotted keys.
    pub fn load(file: &Path) -> Result<Messages, String> {
        let dict: Dict = Figment::from(Toml::file_exact(file))
            .extract()
            .map_err(|e| format!("the message table {} is unreadable: {e}", file.display()))?;
        let mut texts = HashMap::new();
        flatten("", &dict, &mut texts);
        Ok(Messages { texts })
    }

    /// The message `key` as HTML (or plain text), with `{name}` placeholders filled from `arg`.
    pub fn render(
        &self,
        key: &str,
        output: Output,
        arg: &dyn Fn(&str) -> Option<Arg>,
    ) -> Option<String> {
        let template = self.texts.get(key)?;
        let mut out = String::with_capacity(template.len() + 16);
        for (code, text) in code_spans(template) {
            match (code, output) {
                (true, Output::Html) => {
                    out.push_str("<code>");
                    fill(text, output, arg, &mut out);
                    out.push_str("</code>");
                }
                _ => fill(text, output, arg, &mut out),
            }
        }
        Some(out)
    }

    pub fn contains(&self, key: &str) -> bool {
        self.texts.contains_key(key)
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

/// Appends `text` with its `{name}` placeholders filled; text and values are escaped for
/// HTML output, except values that are HTML already. An unknown name stays visible.
fn fill(text: &str, output: Output, arg: &dyn Fn(&str) -> Option<Arg>, out: &mut String) {
    let literal = |s: &str, out: &mut String| match output {
        Output::Html => out.push_str(&escape_html(s)),
        Output::Text => out.push_str(s),
    };
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let name = &rest[open + 1..open + close];
        literal(&rest[..open], out);
        match arg(name) {
            Some(Arg::Text(value)) => literal(&value, out),
            Some(Arg::Html(html)) => out.push_str(&html),
            None => literal(&rest[open..=open + close], out),
        }
        rest = &rest[open + close + 1..];
    }
    literal(rest, out);
}

fn flatten(prefix: &str, dict: &Dict, out: &mut HashMap<String, String>) {
    for (name, value) in dict {
        let key = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}.{name}")
        };
        match value {
            FigValue::Dict(_, inner) => flatten(&key, inner, out),
            FigValue::String(_, text) => {
                out.insert(key, text.clone());
            }
            other => {
                out.insert(key, format!("{other:?}"));
            }
        }
    }
}

/// The Tera functions `t(key="…", …)` (HTML, not escaped again) and `t_text(key="…", …)`.
pub struct Translate {
    messages: Arc<Messages>,
    output: Output,
}

/// `t()`: a message as HTML.
pub fn t_function(messages: Arc<Messages>) -> Translate {
    Translate {
        messages,
        output: Output::Html,
    }
}

/// `t_text()`: a message as plain text, escaped by the template like any value.
pub fn t_text_function(messages: Arc<Messages>) -> Translate {
    Translate {
        messages,
        output: Output::Text,
    }
}

fn as_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

impl tera::Function for Translate {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let key = args
            .get("key")
            .and_then(Value::as_str)
            .ok_or_else(|| tera::Error::msg("t() needs key=\"message code\""))?;
        let output = self.output;
        let arg = |name: &str| match args.get(&format!("{name}_html")) {
            // In plain text there is no markup to keep: `_html` arguments are for t() only.
            Some(html) if output == Output::Html => Some(Arg::Html(as_text(html))),
            _ => args.get(name).map(|v| Arg::Text(as_text(v))),
        };
        let fallback = args.get("or").and_then(Value::as_str);
        let messages = &self.messages;
        messages
            .render(key, output, &arg)
            .or_else(|| fallback.and_then(|key| messages.render(key, output, &arg)))
            .map(Value::String)
            .ok_or_else(|| tera::Error::msg(format!("no message `{key}` in the message table")))
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

    fn table(entries: &[(&str, &str)]) -> Arc<Messages> {
        let texts = entries
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Arc::new(Messages { texts })
    }

    /// Renders `template` through Tera as a page would: autoescape on, the app's escaping,
    /// `t()` and `t_text()` registered over `messages`.
    fn page(messages: &Arc<Messages>, template: &str, context: &[(&str, &str)]) -> String {
        let mut tera = tera::Tera::default();
        tera.set_escape_fn(escape_html);
        tera.register_function("t", t_function(messages.clone()));
        tera.register_function("t_text", t_text_function(messages.clone()));
        tera.add_raw_template("page.html", template)
            .expect("template");
        let mut values = tera::Context::new();
        for (name, value) in context {
            values.insert(*name, value);
        }
        tera.render("page.html", &values).expect("renders")
    }

    #[test]
    fn placeholders_are_filled_from_arguments_and_unknown_ones_stay_visible() {
        let messages = table(&[("a.b", "Hi {name}, {missing}!")]);
        let name = |n: &str| (n == "name").then(|| Arg::Text("alice".to_string()));
        assert_eq!(
            messages.render("a.b", Output::Html, &name).as_deref(),
            Some("Hi alice, {missing}!")
        );
        assert_eq!(messages.render("a.c", Output::Html, &name), None);
    }

    #[test]
    fn an_unknown_key_falls_back_to_the_or_key_or_fails() {
        let t = t_function(table(&[("a.b", "Hi {name}, {missing}!")]));
        let call = |pairs: &[(&str, &str)]| {
            let args: HashMap<String, Value> = pairs
                .iter()
                .map(|(k, v)| (k.to_string(), Value::from(*v)))
                .collect();
            t.call(&args).ok()
        };
        let hi = Some(Value::from("Hi bob, {missing}!"));
        assert_eq!(call(&[("key", "a.x"), ("or", "a.b"), ("name", "bob")]), hi);
        assert_eq!(call(&[("key", "a.x")]), None);
    }

    #[test]
    fn backtick_spans_become_code_elements_and_the_prose_is_escaped() {
        let messages = table(&[("m", "Set `crumb=1` & <then> remove `crumb`.")]);
        assert_eq!(
            page(&messages, r#"{{ t(key="m") }}"#, &[]),
            "Set <code>crumb=1</code> &amp; &lt;then&gt; remove <code>crumb</code>."
        );
    }

    #[test]
    fn a_double_backtick_span_holds_a_backtick_and_a_lone_backtick_stays_text() {
        let messages = table(&[
            ("token", "letters and ``!#$%&'*+-.^_`|~`` only"),
            ("lone", "a ` alone"),
        ]);
        assert_eq!(
            page(&messages, r#"{{ t(key="token") }}"#, &[]),
            "letters and <code>!#$%&amp;&#x27;*+-.^_`|~</code> only"
        );
        assert_eq!(page(&messages, r#"{{ t(key="lone") }}"#, &[]), "a ` alone");
    }

    #[test]
    fn arguments_are_escaped_and_can_neither_open_nor_close_a_code_span() {
        let messages = table(&[("m", "The value `{input}` and {other}.")]);
        let hostile = "x`</code><script>alert(1)</script>`";
        let html = page(
            &messages,
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
    fn another_messages_html_passes_as_an_html_argument_and_plain_values_cannot() {
        let messages = table(&[
            ("outer", "{why} Ignored."),
            ("inner", "The value `{input}` is not a number."),
        ]);
        let nested = page(
            &messages,
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
        let messages = table(&[("m", "Path `{input}` & more")]);
        assert_eq!(
            page(&messages, r#"{{ t_text(key="m", input="<x>") }}"#, &[]),
            "Path &lt;x&gt; &amp; more"
        );
        let t = t_text_function(messages);
        let args = HashMap::from([
            ("key".to_string(), Value::from("m")),
            ("input".to_string(), Value::from("/a")),
        ]);
        assert_eq!(t.call(&args).ok(), Some(Value::from("Path /a & more")));
    }

    #[test]
    fn the_shipped_table_loads_and_nests_into_dotted_keys() {
        let messages = Messages::load(Path::new("templates/messages/en.toml")).expect("loads");
        assert!(messages.contains("login.invalid"));
    }

    #[test]
    fn every_backtick_in_the_shipped_table_opens_or_closes_a_code_span() {
        let messages = Messages::load(Path::new("templates/messages/en.toml")).expect("loads");
        for (key, text) in &messages.texts {
            let prose: String = code_spans(text)
                .into_iter()
                .filter(|(code, _)| !code)
                .map(|(_, text)| text)
                .collect();
            assert!(!prose.contains('`'), "{key}: a stray backtick in {text:?}");
        }
    }
}
