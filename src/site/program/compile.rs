//! A template turned into a program, resolving what Tera resolves anew on every render: which
//! definition of each block runs (and what `super()` reaches), which file a macro namespace
//! names, which function, filter or test a name calls.

use std::collections::HashMap;
use std::sync::Arc;

use rocket_dyn_templates::tera::ast::{self, Block, ExprVal, Node};
use rocket_dyn_templates::tera::{Number, Template, Tera, Value};

use super::{
    Call, Callee, Directs, Expr, FilterCall, Loop, MacroRun, Name, Part, Program, Step, TestCall,
    Val,
};

type Result<T> = std::result::Result<T, String>;

/// A block a render entered: (block, template, level).
type Entered = (String, String, usize);

/// How deep macro calls may be written into each other (Tera itself has no limit; a macro
/// that calls itself has no program).
const MACRO_DEPTH: usize = 8;

/// The program of the page `name`.
pub(super) fn page(tera: &Tera, directs: &Directs, pure: &[&str], name: &str) -> Result<Program> {
    let page = loaded(tera, name)?;
    // Tera renders the root of the inheritance chain, looking each block up from the page.
    let root = match page.parents.last() {
        Some(parent) => loaded(tera, parent)?,
        None => page,
    };
    let mut compiler = Compiler {
        tera,
        directs,
        pure,
        page,
        root,
        blocks: vec![Vec::new()],
        active: vec![page],
        namespaces: HashMap::new(),
        branches: 0,
        macro_depth: 0,
        paths: Vec::new(),
        roots: vec!["loop".to_string()],
    };
    compiler.add_namespaces(page)?;
    let steps = compiler.nodes(&root.ast)?;
    // Tera escapes by the page's path, or its name when it has none.
    let path = page.path.as_deref().unwrap_or(&page.name);
    let escapes = tera
        .autoescape_suffixes
        .iter()
        .any(|ext| path.ends_with(ext));
    Ok(Program {
        steps,
        escapes,
        paths: compiler.paths.len(),
        roots: compiler.roots.len(),
    })
}

/// The number of `item` in `items`, which gets it if it is not there yet.
fn number(items: &mut Vec<String>, item: String) -> usize {
    match items.iter().position(|known| *known == item) {
        Some(at) => at,
        None => {
            items.push(item);
            items.len() - 1
        }
    }
}

fn loaded<'t>(tera: &'t Tera, name: &str) -> Result<&'t Template> {
    tera.templates
        .get(name)
        .ok_or_else(|| format!("no template `{name}`"))
}

struct Compiler<'t> {
    tera: &'t Tera,
    directs: &'t Directs,
    /// The Tera functions that answer the same for the same arguments.
    pure: &'t [&'t str],
    page: &'t Template,
    root: &'t Template,
    /// Tera's record of the blocks a render has entered, (block, template, level), kept the
    /// way Tera keeps it (a block is never taken off; `super()` takes its own level off, and
    /// the block's when it reaches the top): every record a render may have at this point
    /// (a `super()` in a branch leaves two).
    blocks: Vec<Vec<Entered>>,
    /// The template each frame renders: the page, then included templates and macros' files.
    active: Vec<&'t Template>,
    /// Each template's macro namespaces and the file each names (Tera's macro collection).
    namespaces: HashMap<String, HashMap<String, String>>,
    /// How many `if` and `for` bodies enclose what is being compiled.
    branches: usize,
    macro_depth: usize,
    /// The names read so far, each once, dotted.
    paths: Vec<String>,
    /// The first parts of those names and the names templates set, each once, `loop` first
    /// ([`super::Root`]).
    roots: Vec<String>,
}

impl<'t> Compiler<'t> {
    /// The name `ident`, numbered in this program's paths.
    fn name(&mut self, ident: &str) -> Result<Arc<Name>> {
        let mut name = name(ident)?;
        let mut dotted = name.root.clone();
        for segment in &name.rest {
            dotted.push('.');
            dotted.push_str(segment);
        }
        name.path_at = number(&mut self.paths, dotted);
        name.root_at = number(&mut self.roots, name.root.clone());
        Ok(Arc::new(name))
    }

    fn nodes(&mut self, nodes: &'t [Node]) -> Result<Vec<Step>> {
        let mut steps = Vec::with_capacity(nodes.len());
        for node in nodes {
            for step in self.node(node)? {
                match (steps.last_mut(), step) {
                    (Some(Step::Text(before)), Step::Text(text)) => before.push_str(&text),
                    (_, step) => steps.push(step),
                }
            }
        }
        Ok(steps)
    }

    fn node(&mut self, node: &'t Node) -> Result<Vec<Step>> {
        Ok(match node {
            Node::Comment(..) | Node::ImportMacro(..) | Node::MacroDefinition(..) => Vec::new(),
            Node::Text(text) | Node::Raw(_, text, _) => vec![Step::Text(text.clone())],
            Node::VariableBlock(_, expr) => vec![Step::Print(self.expr(expr)?)],
            Node::Set(_, set) => vec![Step::Set {
                key: number(&mut self.roots, set.key.clone()),
                value: self.expr(&set.value)?,
                global: set.global,
            }],
            Node::If(branches, _) => {
                self.branches += 1;
                let mut compiled = Vec::with_capacity(branches.conditions.len());
                for (_, condition, body) in &branches.conditions {
                    compiled.push((self.expr(condition)?, self.nodes(body)?));
                }
                let otherwise = match &branches.otherwise {
                    Some((_, body)) => Some(self.nodes(body)?),
                    None => None,
                };
                self.branches -= 1;
                vec![Step::If {
                    branches: compiled,
                    otherwise,
                }]
            }
            Node::Forloop(_, forloop, _) => {
                self.branches += 1;
                let container = self.expr(&forloop.container)?;
                let body = self.nodes(&forloop.body)?;
                let empty = match &forloop.empty_body {
                    Some(body) => Some(self.nodes(body)?),
                    None => None,
                };
                self.branches -= 1;
                vec![Step::For(Box::new(Loop {
                    key: forloop.key.clone().map(|key| number(&mut self.roots, key)),
                    value: number(&mut self.roots, forloop.value.clone()),
                    container,
                    body,
                    empty,
                }))]
            }
            Node::Block(_, block, _) => {
                // Which blocks a render has entered decides what `super()` and macro
                // namespaces resolve to: only a block entered on every render is known here.
                if self.branches > 0 || self.macro_depth > 0 {
                    return Err(format!("block `{}` inside a branch or macro", block.name));
                }
                self.block(block, 0)?
            }
            Node::Super => self.super_block()?,
            Node::Include(_, names, ignore_missing) => {
                match names.iter().find_map(|name| self.tera.templates.get(name)) {
                    Some(included) => {
                        self.add_namespaces(included)?;
                        self.active.push(included);
                        let steps = self.nodes(&included.ast);
                        self.active.pop();
                        vec![Step::Include(steps?)]
                    }
                    None if *ignore_missing => Vec::new(),
                    None => return Err(format!("no template among {names:?}")),
                }
            }
            Node::Extends(..) => return Err("`extends` in an included template".into()),
            Node::FilterSection(..) => return Err("a filter section".into()),
            Node::Break(_) | Node::Continue(_) => return Err("`break` or `continue`".into()),
        })
    }

    /// A block at `level` of the inheritance chain, as Tera's `render_block`.
    fn block(&mut self, block: &'t Block, level: usize) -> Result<Vec<Step>> {
        let active = self.active_template();
        let at_level = match level {
            0 => active,
            _ => loaded(self.tera, &active.parents[level - 1])?,
        };
        if let Some(definitions) = at_level.blocks_definitions.get(&block.name) {
            let (_, definition) = &definitions[0];
            for entered in &mut self.blocks {
                entered.push((block.name.clone(), at_level.name.clone(), level));
            }
            self.blocks.dedup();
            return self.nodes(&definition.body);
        }
        if level < active.parents.len() {
            return self.block(block, level + 1);
        }
        self.nodes(&block.body)
    }

    /// `{{ super() }}`: the next definition up the chain of the block last entered, as Tera's
    /// `do_super`.
    fn super_block(&mut self) -> Result<Vec<Step>> {
        let (name, _, level) = self.last_entered()?.ok_or("super() outside a block")?;
        let parents = &self.page.parents;
        for next in level + 1..=parents.len() {
            let definitions = &loaded(self.tera, &parents[next - 1])?.blocks_definitions;
            if let Some(definitions) = definitions.get(&name) {
                let (owner, definition) = &definitions[0];
                for entered in &mut self.blocks {
                    entered.push((name.clone(), owner.clone(), next));
                }
                let steps = self.nodes(&definition.body)?;
                let at_top = next >= parents.len();
                let mut after = Vec::new();
                for mut entered in std::mem::take(&mut self.blocks) {
                    entered.pop();
                    if at_top {
                        // Tera takes the block off too, when this runs: in a branch, maybe.
                        if self.branches > 0 {
                            after.push(entered.clone());
                        }
                        entered.pop();
                    }
                    after.push(entered);
                }
                after.dedup();
                self.blocks = after;
                return Ok(steps);
            }
        }
        Err("super() in the top block".into())
    }

    /// The block last entered, the same on every path a render may have taken here.
    fn last_entered(&self) -> Result<Option<Entered>> {
        let mut lasts = self.blocks.iter().map(|entered| entered.last());
        let first = lasts.next().flatten();
        if lasts.any(|last| last != first) {
            return Err("a block record that depends on a branch".into());
        }
        Ok(first.cloned())
    }

    fn active_template(&self) -> &'t Template {
        self.active.last().copied().unwrap_or(self.page)
    }

    /// Records `template`'s macro namespaces as Tera's macro collection does: its own macros as
    /// `self`, each imported file under its name (and what that file imports), then what its
    /// parents import, the nearest first.
    fn add_namespaces(&mut self, template: &'t Template) -> Result<()> {
        if self.namespaces.contains_key(&template.name) {
            return Ok(());
        }
        let mut names = HashMap::new();
        if !template.macros.is_empty() {
            names.insert("self".to_string(), template.name.clone());
        }
        for (file, namespace) in &template.imported_macro_files {
            names.insert(namespace.clone(), file.clone());
            let imported = loaded(self.tera, file)?;
            self.add_namespaces(imported)?;
            for (inner, owner) in &self.namespaces[&imported.name] {
                names.entry(inner.clone()).or_insert_with(|| owner.clone());
            }
        }
        self.namespaces.insert(template.name.clone(), names);
        for parent in &template.parents {
            let parent = loaded(self.tera, parent)?;
            self.add_namespaces(parent)?;
            let inherited = self.namespaces[&parent.name].clone();
            let names = self
                .namespaces
                .get_mut(&template.name)
                .ok_or("a namespace table")?;
            for (namespace, owner) in inherited {
                names.entry(namespace).or_insert(owner);
            }
        }
        Ok(())
    }

    /// The file and definition a macro call reaches, looked up from the template Tera would
    /// look it up from.
    fn macro_definition(
        &self,
        call: &ast::MacroCall,
    ) -> Result<(&'t Template, &'t ast::MacroDefinition)> {
        let last = self.last_entered()?;
        let from = match &last {
            Some((_, owner, _)) => owner.as_str(),
            None if self.page.name != self.root.name => self.root.name.as_str(),
            None => self.active_template().name.as_str(),
        };
        let file = self
            .namespaces
            .get(from)
            .and_then(|names| names.get(&call.namespace))
            .ok_or_else(|| format!("macro namespace `{}` from `{from}`", call.namespace))?;
        let owner = loaded(self.tera, file)?;
        let definition = owner
            .macros
            .get(&call.name)
            .ok_or_else(|| format!("macro `{}::{}`", call.namespace, call.name))?;
        Ok((owner, definition))
    }

    fn expr(&mut self, expr: &'t ast::Expr) -> Result<Expr> {
        let mut filters = Vec::with_capacity(expr.filters.len());
        let mut default = None;
        for (i, filter) in expr.filters.iter().enumerate() {
            match filter.name.as_str() {
                // Tera skips both when it applies filters; `default` counts only first.
                "safe" => {}
                "default" => {
                    if i == 0 {
                        let value = filter
                            .args
                            .get("value")
                            .ok_or("`default` without a value")?;
                        default = Some(Box::new(self.expr(value)?));
                    }
                }
                name => filters.push(FilterCall {
                    filter: self
                        .tera
                        .filters
                        .get(name)
                        .cloned()
                        .ok_or_else(|| format!("filter `{name}`"))?,
                    args: self.args(&filter.args)?,
                }),
            }
        }
        Ok(Expr {
            val: self.val(&expr.val)?,
            negated: expr.negated,
            filters,
            default,
            safe: expr.is_marked_safe(),
        })
    }

    fn exprs(&mut self, exprs: &'t [ast::Expr]) -> Result<Vec<Expr>> {
        exprs.iter().map(|expr| self.expr(expr)).collect()
    }

    fn args(&mut self, args: &'t HashMap<String, ast::Expr>) -> Result<Vec<(String, Expr)>> {
        args.iter()
            .map(|(name, value)| Ok((name.clone(), self.expr(value)?)))
            .collect()
    }

    fn val(&mut self, val: &'t ExprVal) -> Result<Val> {
        Ok(match val {
            ExprVal::String(text) => Val::Str(Value::String(text.clone())),
            ExprVal::Int(n) => Val::Literal(Value::Number((*n).into())),
            ExprVal::Float(f) => Val::Literal(Value::Number(
                Number::from_f64(*f).ok_or("a float that is not a number")?,
            )),
            ExprVal::Bool(b) => Val::Literal(Value::Bool(*b)),
            ExprVal::Ident(ident) => Val::Name(self.name(ident)?),
            ExprVal::Array(items) => Val::Array(self.exprs(items)?),
            ExprVal::In(condition) => Val::In {
                lhs: Box::new(self.expr(&condition.lhs)?),
                rhs: Box::new(self.expr(&condition.rhs)?),
                negated: condition.negated,
            },
            ExprVal::StringConcat(concat) => Val::Concat(
                concat
                    .values
                    .iter()
                    .map(|part| {
                        Ok(match part {
                            ExprVal::String(text) => Part::Str(text.clone()),
                            ExprVal::Int(n) => Part::Int(*n),
                            ExprVal::Float(f) => Part::Float(*f),
                            ExprVal::Ident(ident) => Part::Name(self.name(ident)?),
                            ExprVal::FunctionCall(call) => Part::Call(self.call(call)?),
                            _ => return Err("a concatenated value".to_string()),
                        })
                    })
                    .collect::<Result<_>>()?,
            ),
            ExprVal::FunctionCall(call) => Val::Call(self.call(call)?),
            ExprVal::Test(test) => Val::Test(Box::new(TestCall {
                test: self
                    .tera
                    .testers
                    .get(&test.name)
                    .cloned()
                    .ok_or_else(|| format!("test `{}`", test.name))?,
                name: self.name(&test.ident)?,
                args: self.exprs(&test.args)?,
                negated: test.negated,
            })),
            ExprVal::Logic(logic) => Val::Logic {
                lhs: Box::new(self.expr(&logic.lhs)?),
                operator: logic.operator,
                rhs: Box::new(self.expr(&logic.rhs)?),
            },
            ExprVal::Math(math) => Val::Math {
                lhs: Box::new(self.expr(&math.lhs)?),
                operator: math.operator,
                rhs: Box::new(self.expr(&math.rhs)?),
            },
            ExprVal::MacroCall(call) => Val::Macro(Box::new(self.macro_call(call)?)),
        })
    }

    fn call(&mut self, call: &'t ast::FunctionCall) -> Result<Call> {
        let function = match self.directs.get(&call.name) {
            Some(direct) => Callee::Direct(direct.clone()),
            None => Callee::Tera(
                self.tera
                    .functions
                    .get(&call.name)
                    .cloned()
                    .ok_or_else(|| format!("function `{}`", call.name))?,
                self.pure.contains(&call.name.as_str()),
            ),
        };
        Ok(Call {
            function,
            args: self.args(&call.args)?,
        })
    }

    fn macro_call(&mut self, call: &'t ast::MacroCall) -> Result<MacroRun> {
        if self.macro_depth >= MACRO_DEPTH {
            return Err(format!("macro `{}` calls too deep", call.name));
        }
        let (owner, definition) = self.macro_definition(call)?;
        let mut args = Vec::with_capacity(definition.args.len());
        for (arg, default) in &definition.args {
            let value = match (call.args.get(arg), default) {
                (Some(value), _) | (None, Some(value)) => self.expr(value)?,
                (None, None) => return Err(format!("macro `{}` without `{arg}`", call.name)),
            };
            args.push((number(&mut self.roots, arg.clone()), value));
        }
        self.macro_depth += 1;
        self.active.push(owner);
        let body = self.nodes(&definition.body);
        self.active.pop();
        self.macro_depth -= 1;
        Ok(MacroRun {
            args,
            body: body?,
            kept: None,
        })
    }
}

/// A name split at its dots (`account[0]` is `account.0`, as Tera reads it); names Tera reads
/// with quotes or with a name inside brackets have no program.
fn name(ident: &str) -> Result<Name> {
    let refused = || format!("the name `{ident}`");
    if ident == "__tera_context" || ident.chars().any(|c| matches!(c, '"' | '\'' | '~' | '/')) {
        return Err(refused());
    }
    // Only written indexes: `[0]` becomes `.0`.
    let mut dotted = String::with_capacity(ident.len());
    let mut rest = ident;
    while let Some(open) = rest.find('[') {
        let close = rest[open..].find(']').ok_or_else(refused)? + open;
        let index = &rest[open + 1..close];
        if index.parse::<usize>().is_err() {
            return Err(refused());
        }
        dotted.push_str(&rest[..open]);
        dotted.push('.');
        dotted.push_str(index);
        rest = &rest[close + 1..];
    }
    dotted.push_str(rest);
    if dotted.contains(']') {
        return Err(refused());
    }
    let mut segments = dotted.split('.').map(str::to_string);
    let root = segments.next().unwrap_or_default();
    let rest: Vec<String> = segments.collect();
    if root.is_empty() || rest.iter().any(String::is_empty) {
        return Err(refused());
    }
    Ok(Name {
        root,
        path_at: 0,
        root_at: 0,
        rest,
    })
}
