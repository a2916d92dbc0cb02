//! Names in a piece of a template replaced by what they stand for: a loop's item when the
//! loop is written out, a macro's arguments when its body is written at the call.

use rocket_dyn_templates::tera::ast::{Expr, ExprVal, Node};
use rocket_dyn_templates::tera::Value;

/// What a name in the piece stands for.
pub enum Resolved {
    /// Not one of the names being replaced: it stays.
    Other,
    /// This, in its place.
    Is(ExprVal),
    /// One of the names, but it cannot be written in: the piece stays as it was.
    Cannot,
}

/// Resolves a dotted name (`lab.slug`).
pub type Names<'a> = dyn Fn(&str) -> Resolved + 'a;

/// Replaces the names `names` resolves in `nodes`; `None` (and `nodes` half done, to be
/// dropped) when the piece holds something that cannot move: a `set`, an include, a block, a
/// macro call, a name that cannot be written in.
pub fn nodes(nodes: &mut [Node], names: &Names<'_>) -> Option<()> {
    for node in nodes {
        match node {
            Node::Text(_) | Node::Comment(..) | Node::Raw(..) => {}
            Node::VariableBlock(_, expr) => substitute(expr, names)?,
            Node::If(branches, _) => {
                for (_, condition, body) in branches.conditions.iter_mut() {
                    substitute(condition, names)?;
                    self::nodes(body, names)?;
                }
                if let Some((_, body)) = branches.otherwise.as_mut() {
                    self::nodes(body, names)?;
                }
            }
            Node::Forloop(_, inner, _) => {
                substitute(&mut inner.container, names)?;
                // Inside, the loop's own names (and `loop`) are its own.
                let bound = [Some(inner.value.clone()), inner.key.clone()];
                let shadowed = |ident: &str| {
                    let root = ident.split('.').next().unwrap_or(ident);
                    match root == "loop" || bound.iter().flatten().any(|b| b == root) {
                        true => Resolved::Other,
                        false => names(ident),
                    }
                };
                self::nodes(&mut inner.body, &shadowed)?;
                if let Some(empty) = inner.empty_body.as_mut() {
                    self::nodes(empty, names)?;
                }
            }
            _ => return None,
        }
    }
    Some(())
}

fn substitute(expr: &mut Expr, names: &Names<'_>) -> Option<()> {
    for filter in expr.filters.iter_mut() {
        for arg in filter.args.values_mut() {
            substitute(arg, names)?;
        }
    }
    let each = |exprs: &mut dyn Iterator<Item = &mut Expr>| {
        exprs.map(|e| substitute(e, names)).collect::<Option<()>>()
    };
    match &mut expr.val {
        ExprVal::Ident(ident) => match names(ident) {
            Resolved::Other => {}
            Resolved::Is(value) => expr.val = value,
            Resolved::Cannot => return None,
        },
        ExprVal::StringConcat(concat) => {
            for value in concat.values.iter_mut() {
                match value {
                    ExprVal::Ident(ident) => match names(ident) {
                        Resolved::Other => {}
                        // Tera joins strings, numbers and names only.
                        Resolved::Is(
                            v @ (ExprVal::String(_) | ExprVal::Int(_) | ExprVal::Ident(_)),
                        ) => *value = v,
                        Resolved::Is(_) | Resolved::Cannot => return None,
                    },
                    ExprVal::FunctionCall(call) => each(&mut call.args.values_mut())?,
                    _ => {}
                }
            }
        }
        ExprVal::FunctionCall(call) => each(&mut call.args.values_mut())?,
        ExprVal::MacroCall(call) => each(&mut call.args.values_mut())?,
        ExprVal::Array(items) => each(&mut items.iter_mut())?,
        ExprVal::Math(math) => each(&mut [&mut *math.lhs, &mut *math.rhs].into_iter())?,
        ExprVal::Logic(logic) => each(&mut [&mut *logic.lhs, &mut *logic.rhs].into_iter())?,
        ExprVal::In(within) => each(&mut [&mut *within.lhs, &mut *within.rhs].into_iter())?,
        ExprVal::Test(test) => {
            // A test names what it tests: only another name can take its place.
            match names(&test.ident) {
                Resolved::Other => {}
                Resolved::Is(ExprVal::Ident(ident)) => test.ident = ident,
                Resolved::Is(_) | Resolved::Cannot => return None,
            }
            each(&mut test.args.iter_mut())?;
        }
        _ => {}
    }
    Some(())
}

/// For a loop written out: `name.field` is the item's field when that is a string, number or
/// boolean; the item as a whole, or `loop.…`, cannot be written in.
pub fn item_field(ident: &str, name: &str, item: &Value) -> Resolved {
    let (root, path) = ident.split_once('.').unwrap_or((ident, ""));
    if root == "loop" || (root == name && path.is_empty()) {
        return Resolved::Cannot;
    }
    if root != name {
        return Resolved::Other;
    }
    let value = path.split('.').try_fold(item, |value, key| value.get(key));
    match value {
        Some(Value::String(s)) => Resolved::Is(ExprVal::String(s.clone())),
        Some(Value::Bool(b)) => Resolved::Is(ExprVal::Bool(*b)),
        Some(Value::Number(n)) => n
            .as_i64()
            .map_or(Resolved::Cannot, |n| Resolved::Is(ExprVal::Int(n))),
        _ => Resolved::Cannot,
    }
}
