//! Template work that gives the same result on every render, done once when templates load.
//!
//! A call to a function whose result depends only on its arguments while the templates are
//! loaded (`url(to="home")`, `asset(path="css/style.css")`, `t(key="…")`), with arguments that
//! are all written in the template, is made once and its result put in its place: as text when
//! the call is printed, as a string when another expression uses it. A loop over such a call
//! (`{% for lab in labs() %}`) is written out once per item, with the item's fields in place of
//! `lab.slug` and the like, so the calls in its body fold too. What depends on the request (the
//! page's context) is left as it was, and a page renders the same bytes as before. (This walks
//! Tera 1's parsed templates, whose fields Tera keeps public.)

use std::collections::HashMap;
use std::sync::Arc;

use rocket_dyn_templates::tera::ast::{Expr, ExprVal, Forloop, FunctionCall, Node};
use rocket_dyn_templates::tera::{Function, Tera, Value};

use super::inspector::escape_html;

mod macros;
mod substitute;

pub use macros::inline as macro_calls;

/// Folds the calls to the functions named in `fixed` in every template `tera` has loaded.
pub fn constants(tera: &mut Tera, fixed: &[&str]) {
    let functions: HashMap<String, Arc<dyn Function>> = tera
        .functions
        .iter()
        .filter(|(name, _)| fixed.contains(&name.as_str()))
        .map(|(name, function)| (name.clone(), function.clone()))
        .collect();
    each_body(tera, |nodes, escapes| {
        let folder = Folder {
            functions: &functions,
            escapes,
        };
        folder.nodes(nodes);
    });
}

/// Calls `visit` with every list of nodes a render may walk in `tera`'s templates (the
/// template's own, its macros', its blocks' and the inherited copies of its blocks), and
/// whether the template escapes what it prints.
pub fn each_body(tera: &mut Tera, mut visit: impl FnMut(&mut Vec<Node>, bool)) {
    let suffixes = tera.autoescape_suffixes.clone();
    for template in tera.templates.values_mut() {
        // Tera escapes by the template's path, or its name when it has none.
        let path = template.path.as_deref().unwrap_or(&template.name);
        let escapes = suffixes.iter().any(|ext| path.ends_with(ext));
        visit(&mut template.ast, escapes);
        for definition in template.macros.values_mut() {
            visit(&mut definition.body, escapes);
        }
        for block in template.blocks.values_mut() {
            visit(&mut block.body, escapes);
        }
        for definitions in template.blocks_definitions.values_mut() {
            for (_, block) in definitions.iter_mut() {
                visit(&mut block.body, escapes);
            }
        }
    }
}

/// Appends `node`, joining text to the text before it (one write instead of two).
pub fn push_joined(nodes: &mut Vec<Node>, node: Node) {
    match (nodes.last_mut(), node) {
        (Some(Node::Text(before)), Node::Text(text)) => before.push_str(&text),
        (_, node) => nodes.push(node),
    }
}

struct Folder<'a> {
    functions: &'a HashMap<String, Arc<dyn Function>>,
    escapes: bool,
}

impl Folder<'_> {
    fn nodes(&self, nodes: &mut Vec<Node>) {
        let mut folded = Vec::with_capacity(nodes.len());
        for node in nodes.drain(..) {
            for node in self.node(node) {
                push_joined(&mut folded, node);
            }
        }
        *nodes = folded;
    }

    /// What `node` becomes: itself with its expressions folded, text, or a loop written out.
    fn node(&self, mut node: Node) -> Vec<Node> {
        match &mut node {
            Node::VariableBlock(_, expr) => {
                if let Some(text) = self.printed(expr) {
                    return vec![Node::Text(text)];
                }
                self.operands(expr);
            }
            Node::Forloop(_, forloop, _) => {
                self.expr(&mut forloop.container);
                if let Some(mut written) = self.unrolled(forloop) {
                    self.nodes(&mut written);
                    return written;
                }
                self.nodes(&mut forloop.body);
                if let Some(empty) = forloop.empty_body.as_mut() {
                    self.nodes(empty);
                }
            }
            Node::If(branches, _) => {
                for (_, condition, body) in branches.conditions.iter_mut() {
                    self.expr(condition);
                    self.nodes(body);
                }
                if let Some((_, body)) = branches.otherwise.as_mut() {
                    self.nodes(body);
                }
                // Branches whose condition is written in the template are decided now.
                while let Some((_, condition, _)) = branches.conditions.first() {
                    match truth(condition) {
                        Some(true) => return branches.conditions.remove(0).2,
                        Some(false) => drop(branches.conditions.remove(0)),
                        None => break,
                    }
                }
                if branches.conditions.is_empty() {
                    return branches
                        .otherwise
                        .take()
                        .map(|(_, body)| body)
                        .unwrap_or_default();
                }
            }
            Node::Set(_, set) => self.expr(&mut set.value),
            Node::MacroDefinition(_, definition, _) => self.nodes(&mut definition.body),
            Node::Block(_, block, _) => self.nodes(&mut block.body),
            Node::FilterSection(_, section, _) => {
                section.filter.args.values_mut().for_each(|e| self.expr(e));
                self.nodes(&mut section.body);
            }
            _ => {}
        }
        vec![node]
    }

    /// The text `{{ expr }}` always prints, when it is a fixed call or string: escaped as Tera
    /// would (a string or a call that is not marked safe, in a template that escapes).
    fn printed(&self, expr: &mut Expr) -> Option<String> {
        if expr.negated || !expr.filters.is_empty() {
            return None;
        }
        let (text, safe) = match &mut expr.val {
            ExprVal::String(text) => (text.clone(), false),
            ExprVal::FunctionCall(call) => {
                call.args.values_mut().for_each(|e| self.expr(e));
                let function = self.functions.get(&call.name)?;
                (self.call(call)?, function.is_safe())
            }
            _ => return None,
        };
        Some(match self.escapes && !safe {
            true => escape_html(&text),
            false => text,
        })
    }

    /// Folds the parts of `expr` (not `expr` itself, which is printed).
    fn operands(&self, expr: &mut Expr) {
        expr.filters
            .iter_mut()
            .flat_map(|f| f.args.values_mut())
            .for_each(|e| self.expr(e));
        match &mut expr.val {
            ExprVal::FunctionCall(call) => call.args.values_mut().for_each(|e| self.expr(e)),
            ExprVal::MacroCall(call) => call.args.values_mut().for_each(|e| self.expr(e)),
            ExprVal::Array(items) => items.iter_mut().for_each(|e| self.expr(e)),
            ExprVal::Math(math) => {
                self.expr(&mut math.lhs);
                self.expr(&mut math.rhs);
            }
            ExprVal::Logic(logic) => {
                self.expr(&mut logic.lhs);
                self.expr(&mut logic.rhs);
            }
            ExprVal::In(within) => {
                self.expr(&mut within.lhs);
                self.expr(&mut within.rhs);
            }
            ExprVal::Test(test) => test.args.iter_mut().for_each(|e| self.expr(e)),
            ExprVal::StringConcat(concat) => {
                for value in concat.values.iter_mut() {
                    if let ExprVal::FunctionCall(call) = value {
                        call.args.values_mut().for_each(|e| self.expr(e));
                        if let Some(text) = self.call(call) {
                            *value = ExprVal::String(text);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// Folds `expr`, whose value another expression uses (never printed as it is, so a string
    /// in place of a call cannot change what is escaped).
    fn expr(&self, expr: &mut Expr) {
        self.operands(expr);
        let text = match &expr.val {
            ExprVal::FunctionCall(call) => self.call(call),
            ExprVal::StringConcat(concat) => concat
                .values
                .iter()
                .map(|value| match value {
                    ExprVal::String(s) => Some(s.clone()),
                    ExprVal::Int(n) => Some(n.to_string()),
                    _ => None,
                })
                .collect::<Option<String>>(),
            _ => None,
        };
        if let Some(text) = text {
            expr.val = ExprVal::String(text);
        }
    }

    /// The result of a fixed function called with written arguments, if it is a string.
    fn call(&self, call: &FunctionCall) -> Option<String> {
        match self.value_of(call)? {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    fn value_of(&self, call: &FunctionCall) -> Option<Value> {
        let function = self.functions.get(&call.name)?;
        let args = call
            .args
            .iter()
            .map(|(name, expr)| Some((name.clone(), literal(expr)?)))
            .collect::<Option<HashMap<String, Value>>>()?;
        // A call that fails now (a route not mounted yet) stays a call and fails, or not, later.
        function.call(&args).ok()
    }

    /// The body of `forloop` once per item of its fixed list, the item's fields written in.
    fn unrolled(&self, forloop: &Forloop) -> Option<Vec<Node>> {
        let ExprVal::FunctionCall(call) = &forloop.container.val else {
            return None;
        };
        if forloop.key.is_some() || !forloop.container.filters.is_empty() {
            return None;
        }
        let Value::Array(items) = self.value_of(call)? else {
            return None;
        };
        let mut written = Vec::new();
        for item in &items {
            let mut body = forloop.body.clone();
            let names = |ident: &str| substitute::item_field(ident, &forloop.value, item);
            substitute::nodes(&mut body, &names)?;
            written.extend(body);
        }
        if items.is_empty() {
            written.extend(forloop.empty_body.clone().unwrap_or_default());
        }
        Some(written)
    }
}

/// Whether a condition written in the template holds, as Tera reads it; `None` when it
/// depends on the render.
fn truth(condition: &Expr) -> Option<bool> {
    if condition.negated || !condition.filters.is_empty() {
        return None;
    }
    match &condition.val {
        ExprVal::String(s) => Some(!s.is_empty()),
        ExprVal::Bool(b) => Some(*b),
        ExprVal::Int(n) => Some(*n != 0),
        _ => None,
    }
}

/// A value written in the template.
fn literal(expr: &Expr) -> Option<Value> {
    if expr.negated || !expr.filters.is_empty() {
        return None;
    }
    match &expr.val {
        ExprVal::String(s) => Some(Value::from(s.as_str())),
        ExprVal::Int(n) => Some(Value::from(*n)),
        ExprVal::Bool(b) => Some(Value::from(*b)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rocket_dyn_templates::tera;

    fn engine() -> Tera {
        let mut tera = Tera::default();
        tera.set_escape_fn(escape_html);
        tera.register_function("path", |args: &HashMap<String, Value>| {
            let to = args.get("to").and_then(Value::as_str).unwrap_or("?");
            Ok(Value::from(format!("/{to}?a&b")))
        });
        tera.register_function("items", |_: &HashMap<String, Value>| {
            Ok(serde_json::json!([{"slug": "one", "n": 1}, {"slug": "two", "n": 2}]))
        });
        tera
    }

    /// Renders `template` in `context` as loaded, and with the fixed calls folded and then
    /// made to fail (so a call left in place would show).
    fn both(template: &str, context: &tera::Context) -> (String, tera::Result<String>) {
        let mut tera = engine();
        tera.add_raw_template("page.html", template)
            .expect("template");
        let before = tera.render("page.html", context).expect("renders");
        constants(&mut tera, &["path", "items"]);
        let fail = |_: &HashMap<String, Value>| Err(tera::Error::msg("called at render"));
        tera.register_function("path", fail);
        tera.register_function("items", fail);
        (before, tera.render("page.html", context))
    }

    #[test]
    fn fixed_calls_and_loops_over_fixed_lists_render_the_same_without_being_called() {
        let mut context = tera::Context::new();
        context.insert("current", "two");
        let template = r#"<a href="{{ path(to="home") }}">{% set here = path(to="x" ~ "y") %}{{ here }}</a>{% for item in items() %}<li{% if current == item.slug %} class="on"{% endif %}><a href="{{ path(to=item.slug ~ ".index") }}">{{ item.n }}</a></li>{% endfor %}"#;
        let (before, after) = both(template, &context);
        assert!(before.contains("/home?a&amp;b"), "{before}");
        assert!(before.contains(r#"<li class="on"><a href="/two.index?a&amp;b">2</a>"#));
        assert_eq!(after.expect("renders without calling"), before);
    }

    #[test]
    fn calls_with_values_from_the_context_and_loops_that_need_the_loop_stay_as_they_are() {
        let mut context = tera::Context::new();
        context.insert("to", "page");
        for template in [
            r#"{{ path(to=to) }}"#,
            r#"{% for item in items() %}{{ loop.index }}{% endfor %}"#,
            r#"{% for item in items() %}{{ item }}{% endfor %}"#,
        ] {
            let (before, after) = both(template, &context);
            assert!(!before.is_empty());
            assert!(after.is_err(), "{template} was folded");
        }
    }
}
