//! Messages written into the loaded templates, once per language.
//!
//! A `{{ t(key="…") }}` whose key is fixed says the same words on every render, so each
//! language's copy of the templates gets those words in its place: the page's prose costs
//! nothing when it renders. A call with values, `{{ t(key="flash.hi", name=user) }}`, becomes
//! the message's words around each value's own expression, `{{ user | t_value }}`, where the
//! `t_value` filter writes the value as `t()` would (escaped; `_html` values as they are). Tera
//! then evaluates one expression per value instead of calling a function with a map of
//! arguments that Fluent formats. Calls whose message needs Fluent at every call (plurals,
//! `PARTICLE`), with a computed key, a filter or an argument the message names but the call
//! lacks stay calls. (This walks Tera 1's parsed templates, whose fields Tera keeps public.)

use std::collections::HashMap;
use std::sync::Arc;

use rocket_dyn_templates::tera::ast::{Expr, ExprVal, FunctionCall, Node, WS};
use rocket_dyn_templates::tera::{self, Value};

use super::{as_arg, html_of, push_value, Messages, Output, Piece};
use crate::site::fold::{each_body, push_joined};
use crate::site::inspector::{escape_html, escape_html_into};
use crate::site::lang::Lang;
use crate::site::program::Directs;

/// Registers `t()`, `t_text()` and the filters their inlined values use over `messages` in
/// `lang`; returns `t()` and `t_text()` as pages' programs call them.
pub fn register(tera: &mut tera::Tera, messages: &Arc<Messages>, lang: Lang) -> Directs {
    let mut directs = Directs::new();
    for (name, function) in [
        ("t", super::t_function(messages.clone(), lang)),
        ("t_text", super::t_text_function(messages.clone(), lang)),
    ] {
        tera.register_function(name, function.clone());
        directs.insert(name.to_string(), Arc::new(function));
    }
    for value in [Insert::Escaped, Insert::Html, Insert::Text] {
        tera.register_filter(value.filter_name(), value);
    }
    directs
}

/// How an inlined call's value goes into the page (the `t_*value` filters).
#[derive(Debug, Clone, Copy)]
enum Insert {
    /// A value of `t()`: escaped by the filter, as `t()` escapes it.
    Escaped,
    /// An `_html` value of `t()`: HTML another message made, as it is.
    Html,
    /// A value of `t_text()`: plain text, which the template escapes like any value.
    Text,
}

impl Insert {
    fn filter_name(self) -> &'static str {
        match self {
            Insert::Escaped => "t_value",
            Insert::Html => "t_html_value",
            Insert::Text => "t_text_value",
        }
    }
}

impl tera::Filter for Insert {
    fn filter(&self, value: &Value, _: &HashMap<String, Value>) -> tera::Result<Value> {
        let mut out = String::new();
        match self {
            // A string is escaped as it is, without the copy `as_arg` makes.
            Insert::Escaped => match value {
                Value::String(text) => escape_html_into(text, &mut out),
                other => push_value(&as_arg(other), Output::Html, &mut out),
            },
            Insert::Html => out = html_of(value),
            Insert::Text => push_value(&as_arg(value), Output::Text, &mut out),
        }
        Ok(Value::String(out))
    }

    fn is_safe(&self) -> bool {
        !matches!(self, Insert::Text)
    }
}

/// Writes the messages into the templates `tera` has loaded, in `lang` (see the module's
/// documentation); call it after [`register`].
pub fn inline(tera: &mut tera::Tera, messages: &Messages, lang: Lang) {
    each_body(tera, |nodes, escapes| {
        inline_nodes(nodes, messages, lang, escapes)
    });
}

fn inline_nodes(nodes: &mut Vec<Node>, messages: &Messages, lang: Lang, escapes: bool) {
    let mut written = Vec::with_capacity(nodes.len());
    for mut node in nodes.drain(..) {
        let inline = |nodes: &mut Vec<Node>| inline_nodes(nodes, messages, lang, escapes);
        match &mut node {
            Node::VariableBlock(ws, expr) => {
                if let Some(replacement) = inlined(*ws, expr, messages, lang, escapes) {
                    replacement
                        .into_iter()
                        .for_each(|n| push_joined(&mut written, n));
                    continue;
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
        push_joined(&mut written, node);
    }
    *nodes = written;
}

/// What `{{ t(key="literal", …) }}` or `{{ t_text(key="literal", …) }}` becomes: the message's
/// words as text nodes and each value as its own expression; `None` for anything else.
fn inlined(
    ws: WS,
    expr: &Expr,
    messages: &Messages,
    lang: Lang,
    escapes: bool,
) -> Option<Vec<Node>> {
    let ExprVal::FunctionCall(call) = &expr.val else {
        return None;
    };
    let output = match call.name.as_str() {
        "t" => Output::Html,
        "t_text" => Output::Text,
        _ => return None,
    };
    if expr.negated || !expr.filters.is_empty() {
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
    // The key exists (compiled), so the call's `or=` fallback would never be used.
    let compiled = messages.compiled(lang, &super::fluent_id(key))?;
    let mut nodes = Vec::new();
    for piece in compiled.pieces(output) {
        match piece {
            // `t_text()`'s words are plain text, which an escaping template escapes.
            Piece::Fixed(text) if output == Output::Text && escapes => {
                nodes.push(Node::Text(escape_html(text)))
            }
            Piece::Fixed(text) => nodes.push(Node::Text(text.clone())),
            Piece::Value(name) => {
                let (value, how) = argument(call, name, output)?;
                // Negation would apply after the filter: keep such a call a call.
                if value.negated {
                    return None;
                }
                let mut value = value.clone();
                value.filters.push(FunctionCall {
                    name: how.filter_name().to_string(),
                    args: HashMap::new(),
                });
                nodes.push(Node::VariableBlock(ws, value));
            }
        }
    }
    Some(nodes)
}

/// The call's expression for the value `name`, and how it goes in: `name_html=` is HTML for
/// `t()` (and text for `t_text()`, which has no markup to keep), `name=` is text.
fn argument<'a>(call: &'a FunctionCall, name: &str, output: Output) -> Option<(&'a Expr, Insert)> {
    if let Some(html) = call.args.get(&format!("{name}_html")) {
        return Some(match output {
            Output::Html => (html, Insert::Html),
            Output::Text => (html, Insert::Text),
        });
    }
    let value = call.args.get(name)?;
    Some(match output {
        Output::Html => (value, Insert::Escaped),
        Output::Text => (value, Insert::Text),
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::table;
    use super::*;

    /// The same templates rendered with `t()` called at every render, and inlined by
    /// `register`, in each language; and inlined with `t()` and `t_text()` then made to fail,
    /// which proves no call is left where the message could be inlined.
    #[test]
    fn messages_written_into_the_templates_render_as_the_calls_did() {
        let messages = table(
            "inline",
            "a = A & `b`\ntitle = Title <x>\nv = Hi { $n }, `{ $code }` { $why }\n\
             count = { $n ->\n [one] one visit\n *[other] { $n } visits\n}\n",
            "a = 가 & `b`\ntitle = 제목 <x>\nv = 안녕 { $n }, `{ $code }` { $why }\n\
             count = 방문 { $n }회\n",
        );
        let fixed = r#"{% macro m(x) %}<i>{{ t(key="a") }} {{ t(key="v", n=x, code="c", why="") }}</i>{% endmacro m %}<p title="{{ t_text(key="title") }} {{ t_text(key="v", n=name, code=name, why_html=name) }}">{{ t(key="a") }}</p>{% for i in [1, 2] %}{{ t(key="v", n=i, code=name ~ i, why_html="<b>" ~ name ~ "</b>") }}{% endfor %}{% if true %}{{ self::m(x=name) }}{% else %}{{ t(key="a") }}{% endif %}"#;
        let plural = r#"{{ t(key="count", n=2) }} {{ t(key="count", n=1) }}"#;
        let mut context = tera::Context::new();
        context.insert("name", "<z>`x`");
        for lang in Lang::ALL {
            let tera = |inlined: bool, fail_calls: bool| {
                let mut tera = tera::Tera::default();
                tera.set_escape_fn(escape_html);
                tera.add_raw_templates(vec![("fixed.html", fixed), ("plural.html", plural)])
                    .expect("templates");
                tera.register_function("t", super::super::t_function(messages.clone(), lang));
                tera.register_function(
                    "t_text",
                    super::super::t_text_function(messages.clone(), lang),
                );
                if inlined {
                    register(&mut tera, &messages, lang);
                    inline(&mut tera, &messages, lang);
                }
                if fail_calls {
                    let fail = |_: &HashMap<String, Value>| Err(tera::Error::msg("called"));
                    tera.register_function("t", fail);
                    tera.register_function("t_text", fail);
                }
                tera
            };
            let called = tera(false, false)
                .render("fixed.html", &context)
                .expect("renders");
            assert!(called.contains("&lt;z&gt;`x`"), "{called}");
            // An `_html` value goes in as it is: the template made it HTML.
            assert!(called.contains("<b><z>`x`</b>"), "{called}");
            let inlined = tera(true, true).render("fixed.html", &context);
            assert_eq!(inlined.expect("renders without t()"), called, "{lang:?}");
            // A plural says the same either way.
            let plural_called = tera(false, false).render("plural.html", &context);
            let plural_inlined = tera(true, false).render("plural.html", &context);
            assert_eq!(
                plural_inlined.expect("renders"),
                plural_called.expect("renders")
            );
            // English chooses a plural form, so its calls stay calls; Korean has one form.
            let without_calls = tera(true, true).render("plural.html", &context);
            assert_eq!(without_calls.is_err(), lang == Lang::En, "{lang:?}");
        }
    }

    /// A call that lacks a value its message names stays a call, and fails as it did.
    #[test]
    fn a_call_missing_a_value_is_not_inlined() {
        let messages = table("missing", "v = Hi { $n }\n", "v = 안녕 { $n }\n");
        let mut tera = tera::Tera::default();
        tera.add_raw_template("page.html", r#"{{ t(key="v") }}"#)
            .expect("template");
        register(&mut tera, &messages, Lang::En);
        inline(&mut tera, &messages, Lang::En);
        assert!(tera.render("page.html", &tera::Context::new()).is_err());
    }
}
