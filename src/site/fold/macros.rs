//! Macro calls written out where they are made, once when templates load.
//!
//! Tera 1 gathers every imported macro at the start of each render and calls a macro through a
//! frame of its own, rendered into a string of its own. `{{ inspector::time(t=session.created) }}`
//! becomes the body of `time` with `t` read as `session.created`: the same output, without the
//! call. A call is left as it is when its macro's body could mean something else at the call
//! (it sets a variable, includes or calls another macro, names anything but its arguments and
//! its own loops, or a loop in it would capture a name the caller passed), or when an argument
//! is more than a name or a value written in the template. A template whose bodies call no
//! imported macro any more stops importing them.

use std::collections::{HashMap, HashSet};

use rocket_dyn_templates::tera::ast::{Expr, ExprVal, MacroCall, MacroDefinition, Node};
use rocket_dyn_templates::tera::Tera;

use super::push_joined;
use super::substitute::{self, Resolved};

/// Every macro by its template and name, and whether its template escapes what it prints.
struct Definitions {
    macros: HashMap<String, HashMap<String, MacroDefinition>>,
    imports: HashMap<String, Vec<(String, String)>>,
    escapes: HashMap<String, bool>,
}

/// Writes the macro calls of every template's page and blocks out where they are made.
pub fn inline(tera: &mut Tera) {
    let suffixes = tera.autoescape_suffixes.clone();
    let definitions = Definitions {
        macros: tera
            .templates
            .iter()
            .map(|(name, t)| (name.clone(), t.macros.clone()))
            .collect(),
        imports: tera
            .templates
            .iter()
            .map(|(name, t)| (name.clone(), t.imported_macro_files.clone()))
            .collect(),
        escapes: tera
            .templates
            .iter()
            .map(|(name, t)| {
                let path = t.path.as_deref().unwrap_or(&t.name);
                (name.clone(), suffixes.iter().any(|ext| path.ends_with(ext)))
            })
            .collect(),
    };
    let mut still_calling = HashSet::new();
    for template in tera.templates.values_mut() {
        let name = template.name.clone();
        let mut write = |nodes: &mut Vec<Node>, owner: &str| {
            definitions.write_calls(nodes, owner);
            if calls_imported(nodes) {
                still_calling.insert(owner.to_string());
            }
        };
        write(&mut template.ast, &name);
        for block in template.blocks.values_mut() {
            write(&mut block.body, &name);
        }
        for chain in template.blocks_definitions.values_mut() {
            for (owner, block) in chain.iter_mut() {
                write(&mut block.body, owner);
            }
        }
        // Macros call one another through their own template's imports: left as they are.
        if template.macros.values().any(|m| calls_imported(&m.body)) {
            still_calling.insert(name);
        }
    }
    for template in tera.templates.values_mut() {
        if !still_calling.contains(&template.name) {
            template.imported_macro_files.clear();
        }
    }
}

impl Definitions {
    /// Writes out the calls in `nodes`, a body of the template `owner` (whose imports name
    /// the macros).
    fn write_calls(&self, nodes: &mut Vec<Node>, owner: &str) {
        let mut written = Vec::with_capacity(nodes.len());
        for mut node in nodes.drain(..) {
            match &mut node {
                Node::VariableBlock(_, expr) => {
                    if let Some(body) = self.written(expr, owner) {
                        body.into_iter().for_each(|n| push_joined(&mut written, n));
                        continue;
                    }
                }
                Node::Forloop(_, forloop, _) => {
                    self.write_calls(&mut forloop.body, owner);
                    if let Some(empty) = forloop.empty_body.as_mut() {
                        self.write_calls(empty, owner);
                    }
                }
                Node::If(branches, _) => {
                    for (_, _, body) in branches.conditions.iter_mut() {
                        self.write_calls(body, owner);
                    }
                    if let Some((_, body)) = branches.otherwise.as_mut() {
                        self.write_calls(body, owner);
                    }
                }
                Node::Block(_, block, _) => self.write_calls(&mut block.body, owner),
                _ => {}
            }
            push_joined(&mut written, node);
        }
        *nodes = written;
    }

    /// The body `{{ namespace::name(…) }}` renders, with its arguments written in.
    fn written(&self, expr: &Expr, owner: &str) -> Option<Vec<Node>> {
        let ExprVal::MacroCall(call) = &expr.val else {
            return None;
        };
        if expr.negated || !expr.filters.is_empty() {
            return None;
        }
        let file = match call.namespace.as_str() {
            "self" => owner,
            namespace => self
                .imports
                .get(owner)?
                .iter()
                .find(|(_, ns)| ns == namespace)
                .map(|(file, _)| file.as_str())?,
        };
        let definition = self.macros.get(file)?.get(&call.name)?;
        if self.escapes.get(file) != self.escapes.get(owner) {
            return None;
        }
        written_body(call, definition)
    }
}

fn written_body(call: &MacroCall, definition: &MacroDefinition) -> Option<Vec<Node>> {
    if call
        .args
        .keys()
        .any(|name| !definition.args.contains_key(name))
    {
        return None;
    }
    let mut args: HashMap<&str, &Expr> = HashMap::new();
    for (name, default) in &definition.args {
        let value = call.args.get(name).or(default.as_ref())?;
        args.insert(name, value);
    }
    // A loop in the body must not capture a name the caller passed.
    let bound = loop_names(&definition.body);
    let captured = args.values().any(|value| match &value.val {
        ExprVal::Ident(ident) => bound.contains(ident.split('.').next().unwrap_or(ident)),
        _ => false,
    });
    if captured {
        return None;
    }
    let names = |ident: &str| {
        let (root, rest) = ident.split_once('.').unwrap_or((ident, ""));
        let Some(value) = args.get(root) else {
            // `loop` outside the body's loops, or a name from the page's context.
            return Resolved::Cannot;
        };
        if value.negated || !value.filters.is_empty() {
            return Resolved::Cannot;
        }
        match &value.val {
            ExprVal::Ident(path) if rest.is_empty() => Resolved::Is(ExprVal::Ident(path.clone())),
            ExprVal::Ident(path) => Resolved::Is(ExprVal::Ident(format!("{path}.{rest}"))),
            literal @ (ExprVal::String(_)
            | ExprVal::Int(_)
            | ExprVal::Float(_)
            | ExprVal::Bool(_))
                if rest.is_empty() =>
            {
                Resolved::Is(literal.clone())
            }
            _ => Resolved::Cannot,
        }
    };
    let mut body = definition.body.clone();
    substitute::nodes(&mut body, &names)?;
    Some(body)
}

/// The names the loops in `nodes` bind.
fn loop_names(nodes: &[Node]) -> HashSet<&str> {
    let mut names = HashSet::new();
    for node in nodes {
        match node {
            Node::Forloop(_, forloop, _) => {
                names.insert(forloop.value.as_str());
                names.extend(forloop.key.as_deref());
                names.insert("loop");
                names.extend(loop_names(&forloop.body));
            }
            Node::If(branches, _) => {
                for (_, _, body) in &branches.conditions {
                    names.extend(loop_names(body));
                }
                if let Some((_, body)) = &branches.otherwise {
                    names.extend(loop_names(body));
                }
            }
            _ => {}
        }
    }
    names
}

/// Whether `nodes` still call a macro.
fn calls_imported(nodes: &[Node]) -> bool {
    nodes.iter().any(|node| match node {
        Node::VariableBlock(_, expr) => calls(expr),
        Node::Set(_, set) => calls(&set.value),
        Node::Forloop(_, forloop, _) => {
            calls(&forloop.container)
                || calls_imported(&forloop.body)
                || forloop.empty_body.as_deref().is_some_and(calls_imported)
        }
        Node::If(branches, _) => {
            let called = |(_, condition, body): &(_, Expr, Vec<Node>)| {
                calls(condition) || calls_imported(body)
            };
            branches.conditions.iter().any(called)
                || (branches.otherwise.as_ref()).is_some_and(|(_, body)| calls_imported(body))
        }
        Node::Block(_, block, _) => calls_imported(&block.body),
        Node::FilterSection(_, section, _) => calls_imported(&section.body),
        Node::MacroDefinition(_, definition, _) => calls_imported(&definition.body),
        _ => false,
    })
}

/// Whether `expr` calls a macro anywhere in it.
fn calls(expr: &Expr) -> bool {
    let filters = expr.filters.iter().any(|f| f.args.values().any(calls));
    filters
        || match &expr.val {
            ExprVal::MacroCall(_) => true,
            ExprVal::FunctionCall(call) => call.args.values().any(calls),
            ExprVal::Array(items) => items.iter().any(calls),
            ExprVal::Math(math) => calls(&math.lhs) || calls(&math.rhs),
            ExprVal::Logic(logic) => calls(&logic.lhs) || calls(&logic.rhs),
            ExprVal::In(within) => calls(&within.lhs) || calls(&within.rhs),
            ExprVal::Test(test) => test.args.iter().any(calls),
            _ => false,
        }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rocket_dyn_templates::tera::Context;

    const MACROS: &str = r#"{% macro time(t) %}<time datetime="{{ t.at }}">{{ t.at }}</time>{% endmacro time %}{% macro header(name, value="") %}<h4 id="{{ name | lower }}">{{ name }}</h4>{% if value %}<pre>{{ value }}</pre>{% if value is starting_with("_flash=") %}flash{% endif %}{% else %}none{% endif %}{% endmacro header %}{% macro list(items) %}<ul>{% for d in items %}<li>{{ d.code }}{% if loop.last %}.{% endif %}</li>{% endfor %}</ul>{% endmacro list %}"#;

    fn loaded(page: &str) -> Tera {
        let mut tera = Tera::default();
        tera.add_raw_templates(vec![("macros.html", MACROS), ("page.html", page)])
            .expect("templates");
        tera
    }

    fn context() -> Context {
        let mut context = Context::new();
        context.insert("session", &serde_json::json!({"created": {"at": "<noon>"}}));
        context.insert("sent", &serde_json::json!({"cookie": "_flash=1; a=<b>"}));
        context.insert("d", &serde_json::json!([{"code": "outer"}]));
        context.insert(
            "decisions",
            &serde_json::json!([{"code": "x"}, {"code": "y"}]),
        );
        context
    }

    /// `page` with its macro calls written out, after checking it renders the same as before;
    /// and what it rendered.
    fn written_out(page: &str) -> (Tera, String) {
        let mut tera = loaded(page);
        let before = tera.render("page.html", &context()).expect("renders");
        inline(&mut tera);
        let after = tera.render("page.html", &context()).expect("renders");
        assert_eq!(after, before, "{page}");
        (tera, before)
    }

    #[test]
    fn calls_written_out_render_the_same_and_the_page_stops_importing_the_macros() {
        let page = r#"{% import "macros.html" as m %}{{ m::time(t=session.created) }}{{ m::header(name="Cookie", value=sent.cookie) }}{% for s in [1, 2] %}{{ m::list(items=decisions) }}{% endfor %}"#;
        let (tera, before) = written_out(page);
        assert!(before.contains("&lt;noon&gt;") && before.contains("flash"));
        assert!(tera.templates["page.html"].imported_macro_files.is_empty());
    }

    #[test]
    fn a_call_whose_value_a_loop_in_the_macro_would_capture_stays_a_call() {
        // `list` loops with `d`: the caller's own `d` must not be read as the loop's.
        let page = r#"{% import "macros.html" as m %}{{ m::list(items=d) }}{{ m::time(t=session.created) }}"#;
        let (tera, before) = written_out(page);
        assert!(before.contains("outer"));
        assert!(!tera.templates["page.html"].imported_macro_files.is_empty());
    }

    #[test]
    fn a_call_with_a_computed_argument_or_a_test_on_a_written_value_stays_a_call() {
        for page in [
            r#"{% import "macros.html" as m %}{{ m::header(name="X-" ~ sent.cookie) }}"#,
            // `value is starting_with(…)` needs a name to test, and the default is a string.
            r#"{% import "macros.html" as m %}{{ m::header(name="Authorization") }}"#,
        ] {
            let (tera, _) = written_out(page);
            assert!(!tera.templates["page.html"].imported_macro_files.is_empty());
        }
    }
}
