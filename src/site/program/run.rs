//! A program run against a page's context, giving what Tera's renderer gives: the same frames
//! (a loop's, an include's, a macro's), the same order of lookups, the same escaping.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Write;
use std::sync::atomic::Ordering;
use std::sync::Arc;

use rocket_dyn_templates::tera::ast::{LogicOperator, MathOperator};
use rocket_dyn_templates::tera::{Number, Value};

use super::data::{Data, Node};
use super::kept::{Fragment, Read, Record, Store, Version};
use super::{
    Call, Callee, Escape, Expr, FilterCall, Loop, MacroRun, Name, Part, Program, Root, Step,
    Strings, TestCall, Val, LOOP,
};

/// The render met something only Tera handles (or an error Tera reports): Tera renders it.
#[derive(Debug)]
pub struct Unhandled;

type Result<T> = std::result::Result<T, Unhandled>;

/// The bytes a macro's output starts with (the inspector's fragments are a few hundred).
const MACRO_CAPACITY: usize = 512;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Origin,
    Loop,
    Include,
    Macro,
}

/// A value a render works with: a map or list of the page's context as it is (made into JSON
/// only where a filter, a function or a comparison takes it), or a JSON value.
#[derive(Clone)]
enum Got<'a> {
    /// Never a [`Node::Leaf`]: [`Got::of`] reads a leaf as its JSON value.
    Node(&'a Node),
    Value(Cow<'a, Value>),
}

impl<'a> Got<'a> {
    fn of(node: &'a Node) -> Got<'a> {
        match node {
            Node::Leaf(value) => Got::Value(Cow::Borrowed(value)),
            node => Got::Node(node),
        }
    }

    /// The JSON value (a map or list of the context made into JSON).
    fn value(self) -> Cow<'a, Value> {
        match self {
            Got::Node(node) => Cow::Owned(node.to_value()),
            Got::Value(value) => value,
        }
    }

    /// What a kept fragment's record holds of it: a map or list of the context as it is.
    fn to_node(&self) -> Node {
        match self {
            Got::Node(node) => (*node).clone(),
            Got::Value(value) => Node::Leaf(value.clone().into_owned()),
        }
    }

    fn is_null(&self) -> bool {
        matches!(self, Got::Value(value) if value.is_null())
    }

    /// Whether it is what `node` holds (a map as it was read, or its JSON).
    fn is(&self, node: &Node) -> bool {
        match (self, node) {
            (Got::Node(mine), node) => *mine == node,
            (Got::Value(mine), Node::Leaf(value)) => **mine == *value,
            (Got::Value(mine), node) => node.same_as(mine),
        }
    }

    /// Follows `rest` down from it as Tera's `dotted_pointer`.
    fn pointer(&self, rest: &[String]) -> Option<Got<'a>> {
        match self {
            Got::Node(node) => node_pointer(node, rest),
            Got::Value(Cow::Borrowed(value)) => {
                pointer(value, rest).map(|found| Got::Value(Cow::Borrowed(found)))
            }
            Got::Value(Cow::Owned(value)) => {
                pointer(value, rest).map(|found| Got::Value(Cow::Owned(found.clone())))
            }
        }
    }
}

/// Tera's truthiness: zero, `false`, null and empty strings, arrays and maps are false.
fn got_truthy(got: &Got<'_>) -> bool {
    match got {
        Got::Node(Node::Object(fields)) => !fields.is_empty(),
        Got::Node(Node::Array(items)) => !items.is_empty(),
        Got::Node(Node::Leaf(value)) => truthy(value),
        Got::Value(value) => truthy(value),
    }
}

/// A frame's values: what `set` put there (and a macro's arguments), and its loop.
struct Frame<'a> {
    kind: Kind,
    values: Vec<(Root, Got<'a>)>,
    looping: Option<Looping<'a>>,
}

impl<'a> Frame<'a> {
    fn new(kind: Kind) -> Frame<'a> {
        Frame {
            kind,
            values: Vec::new(),
            looping: None,
        }
    }

    fn set(&mut self, key: Root, value: Got<'a>) {
        match self.values.iter_mut().find(|(k, _)| *k == key) {
            Some((_, slot)) => *slot = value,
            None => self.values.push((key, value)),
        }
    }

    /// Tera's `StackFrame::find_value`: the frame's values, then its loop.
    fn find(&self, name: &Name) -> Option<Got<'a>> {
        if let Some((_, value)) = self.values.iter().find(|(k, _)| *k == name.root_at) {
            if name.rest.is_empty() {
                return Some(value.clone());
            }
            if let Some(found) = value.pointer(&name.rest) {
                return Some(found);
            }
        }
        self.looping.as_ref()?.find(name)
    }
}

/// A loop's items and where it is.
struct Looping<'a> {
    key: Option<Root>,
    value: Root,
    items: Items<'a>,
    current: usize,
}

enum Items<'a> {
    Nodes(&'a [Node]),
    Borrowed(&'a [Value]),
    Owned(Vec<Value>),
    Pairs(Vec<(String, Got<'a>)>),
}

impl<'a> Looping<'a> {
    fn len(&self) -> usize {
        match &self.items {
            Items::Nodes(items) => items.len(),
            Items::Borrowed(items) => items.len(),
            Items::Owned(items) => items.len(),
            Items::Pairs(pairs) => pairs.len(),
        }
    }

    fn value(&self) -> Got<'a> {
        match &self.items {
            Items::Nodes(items) => Got::of(&items[self.current]),
            Items::Borrowed(items) => Got::Value(Cow::Borrowed(&items[self.current])),
            Items::Owned(items) => Got::Value(Cow::Owned(items[self.current].clone())),
            Items::Pairs(pairs) => pairs[self.current].1.clone(),
        }
    }

    /// Tera's `find_value_in_for_loop`: the key, `loop.*`, the value or a field of it.
    fn find(&self, name: &Name) -> Option<Got<'a>> {
        let owned = |value: Value| Some(Got::Value(Cow::Owned(value)));
        if let (Some(key), Items::Pairs(pairs)) = (self.key, &self.items) {
            if name.rest.is_empty() && name.root_at == key {
                return owned(Value::String(pairs[self.current].0.clone()));
            }
        }
        if name.root_at == LOOP {
            let n = self.current;
            return match name.rest.as_slice() {
                [field] if field == "index" => owned(Value::Number((n + 1).into())),
                [field] if field == "index0" => owned(Value::Number(n.into())),
                [field] if field == "first" => owned(Value::Bool(n == 0)),
                [field] if field == "last" => owned(Value::Bool(n + 1 == self.len())),
                _ => None,
            };
        }
        if name.root_at != self.value {
            return None;
        }
        let value = self.value();
        if name.rest.is_empty() {
            return Some(value);
        }
        value.pointer(&name.rest)
    }
}

/// Follows `rest` down from `node` as Tera's `dotted_pointer` does down its JSON value.
fn node_pointer<'a>(node: &'a Node, rest: &[String]) -> Option<Got<'a>> {
    let mut node = node;
    for (at, segment) in rest.iter().enumerate() {
        node = match node {
            Node::Object(_) => node.get(segment)?,
            Node::Array(items) => items.get(index(segment)?)?,
            Node::Leaf(value) => {
                let found = pointer(value, rest.get(at..)?)?;
                return Some(Got::Value(Cow::Borrowed(found)));
            }
        };
    }
    Some(Got::of(node))
}

/// Follows `rest` down from `value` as Tera's `dotted_pointer` (a segment indexes an array).
fn pointer<'v>(value: &'v Value, rest: &[String]) -> Option<&'v Value> {
    rest.iter().try_fold(value, |value, segment| match value {
        Value::Object(map) => map.get(segment),
        Value::Array(items) => index(segment).and_then(|i| items.get(i)),
        _ => None,
    })
}

fn index(segment: &str) -> Option<usize> {
    if segment.starts_with('+') || (segment.starts_with('0') && segment.len() != 1) {
        return None;
    }
    segment.parse().ok()
}

pub struct Runner<'a> {
    context: &'a Data,
    /// The context's value for each name the program reads, once looked up.
    paths: Vec<Option<Option<Got<'a>>>>,
    /// The context's value for each first part of a name, once looked up.
    roots: Vec<Option<Option<&'a Node>>>,
    escape: Escape,
    frames: Vec<Frame<'a>>,
    /// How a printed string is written.
    strings: &'a Strings<'a>,
    /// Where fragments are kept, when this render keeps them.
    kept: Option<&'a Store>,
    /// What each fragment being rendered (and kept) has read so far, the outermost first.
    records: Vec<Record>,
}

impl<'a> Runner<'a> {
    pub fn new(
        context: &'a Data,
        program: &Program,
        escape: Escape,
        strings: &'a Strings<'a>,
        kept: Option<&'a Store>,
    ) -> Runner<'a> {
        Runner {
            context,
            paths: vec![None; program.paths],
            roots: vec![None; program.roots],
            escape,
            frames: vec![Frame::new(Kind::Origin)],
            strings,
            kept,
            records: Vec::new(),
        }
    }

    /// Runs `steps`; `escape` is whether values printed now are escaped (Tera turns it off
    /// while it works out arguments and `set` values, and a macro called there inherits that).
    pub fn steps(&mut self, steps: &'a [Step], escape: bool, out: &mut Vec<u8>) -> Result<()> {
        for step in steps {
            self.step(step, escape, out)?;
        }
        Ok(())
    }

    fn step(&mut self, step: &'a Step, escape: bool, out: &mut Vec<u8>) -> Result<()> {
        match step {
            Step::Text(text) => out.extend_from_slice(text.as_bytes()),
            Step::Print(expr) => match self.eval(expr, escape)? {
                // A map prints as Tera prints one, a list as its JSON.
                Got::Node(Node::Object(_)) => out.extend_from_slice(b"[object]"),
                got => write_value(&got.value(), self.strings, out),
            },
            Step::If {
                branches,
                otherwise,
            } => {
                let mut taken = None;
                for (condition, body) in branches {
                    if self.truth(condition, escape)? {
                        taken = Some(body);
                        break;
                    }
                }
                if let Some(body) = taken.or(otherwise.as_ref()) {
                    self.steps(body, escape, out)?;
                }
            }
            Step::For(each) => self.for_loop(each, escape, out)?,
            Step::Set { key, value, global } => {
                let value = self.eval(value, false)?;
                self.frame_for_set(*global, *key).set(*key, value);
            }
            Step::Run(steps) => self.steps(steps, escape, out)?,
            Step::Include(steps) => {
                self.frames.push(Frame::new(Kind::Include));
                let done = self.steps(steps, escape, out);
                self.frames.pop();
                done?;
            }
            Step::Kept(kept) => {
                let (id, step) = &**kept;
                match self.kept_fragment(Some(*id)) {
                    Some((store, fragment)) => self.fragment(
                        store,
                        fragment,
                        std::slice::from_ref(step),
                        false,
                        escape,
                        out,
                    )?,
                    None => self.step(step, escape, out)?,
                }
            }
        }
        Ok(())
    }

    /// The fragment numbered `id`, when this render keeps fragments and it is not resting.
    fn kept_fragment(&self, id: Option<usize>) -> Option<(&'a Store, &'a Fragment)> {
        let store = self.kept?;
        let fragment = store.fragment(id?)?;
        (!fragment.resting()).then_some((store, fragment))
    }

    /// A kept fragment: written as kept when what a version of it read is the same now, else
    /// rendered with its reads recorded, and kept. A macro's whole `body` starts just after the
    /// macro's frame, and what it sets there is its own (the frame goes when the body ends).
    fn fragment(
        &mut self,
        store: &'a Store,
        fragment: &'a Fragment,
        steps: &'a [Step],
        body: bool,
        escape: bool,
        out: &mut Vec<u8>,
    ) -> Result<()> {
        if let Ok(versions) = fragment.versions.read() {
            for version in versions.iter().filter(|version| version.escape == escape) {
                if self.reads_the_same(version) {
                    out.extend_from_slice(&version.bytes);
                    store.written(fragment);
                    return Ok(());
                }
            }
        }
        let base = self.frames.len();
        let own = match self.frames.last() {
            Some(frame) if body && frame.kind == Kind::Macro => base.checked_sub(1),
            _ => None,
        };
        self.records.push(Record::new(base, own));
        let start = out.len();
        let done = self.steps(steps, escape, out);
        let record = self.records.pop();
        done?;
        if let (Some(record), Some(bytes)) = (record, out.get(start..)) {
            store.rendered(fragment, record, escape, bytes);
        }
        Ok(())
    }

    /// Whether each name a kept version read has the same value now (read again as the
    /// fragment would, so the fragments around it record it too), the one found different
    /// last time first.
    fn reads_the_same(&mut self, version: &Version) -> bool {
        let reads = &version.reads;
        let first = version.changed.load(Ordering::Relaxed);
        if reads
            .get(first)
            .is_some_and(|read| !self.read_the_same(read))
        {
            return false;
        }
        for (at, read) in reads.iter().enumerate() {
            if at != first && !self.read_the_same(read) {
                version.changed.store(at, Ordering::Relaxed);
                return false;
            }
        }
        true
    }

    /// Whether `read` finds the same value now.
    fn read_the_same(&mut self, read: &Read) -> bool {
        let now = if read.context_only {
            let found = self.in_context(&read.name);
            // Past every frame: for each fragment around, a read from the context.
            self.record(&read.name, found.as_ref(), self.frames.len(), true);
            found
        } else {
            self.lookup(&read.name)
        };
        match (now, &read.value) {
            (Some(now), Some(then)) => now.is(then),
            (None, None) => true,
            _ => false,
        }
    }

    /// Notes, for each fragment being recorded, a read of `name` that found `value` in the
    /// frame at `at` (or, `from_context`, in the context after the frames' search stopped at
    /// `at`): a frame of the fragment's own holds one of its own values, not an input, and past
    /// a macro frame of its own the search reads the context whatever the frames around hold.
    fn record(&mut self, name: &Arc<Name>, value: Option<&Got<'a>>, at: usize, from_context: bool) {
        for record in &mut self.records {
            let context_only = if from_context {
                at >= record.base
            } else if !record.holds(at, name.root_at) {
                false
            } else {
                continue;
            };
            if !record.knows(context_only, name) {
                record.note(context_only, name, value.map(Got::to_node));
            }
        }
    }

    /// Marks every fragment being recorded as not to be kept: it called a function that may
    /// answer differently.
    fn taint(&mut self) {
        for record in &mut self.records {
            record.tainted = true;
        }
    }

    /// The frame a `set` of `key` writes in (noted for the fragments being recorded).
    fn frame_for_set(&mut self, global: bool, key: Root) -> &mut Frame<'a> {
        let at = if global {
            // `set_global` in a loop sets in the frame around the loops.
            self.frames
                .iter()
                .rposition(|frame| frame.kind != Kind::Loop)
                .unwrap_or(0)
        } else {
            self.frames.len() - 1
        };
        for record in &mut self.records {
            record.sets(at, key);
        }
        &mut self.frames[at]
    }

    fn for_loop(&mut self, each: &'a Loop, escape: bool, out: &mut Vec<u8>) -> Result<()> {
        let container = match (self.eval(&each.container, false)?, &each.key) {
            // A map's pairs come in the order of its JSON (by key), as Tera loops over them.
            (Got::Node(node @ Node::Object(_)), Some(_)) => Got::Value(Cow::Owned(node.to_value())),
            (got, _) => got,
        };
        let items = match (container, &each.key) {
            (Got::Node(Node::Array(items)), None) => Items::Nodes(items),
            (Got::Value(Cow::Borrowed(Value::Array(items))), None) => Items::Borrowed(items),
            (Got::Value(Cow::Owned(Value::Array(items))), None) => Items::Owned(items),
            (Got::Value(Cow::Borrowed(Value::Object(map))), Some(_)) => Items::Pairs(
                map.iter()
                    .map(|(k, v)| (k.clone(), Got::Value(Cow::Borrowed(v))))
                    .collect(),
            ),
            (Got::Value(Cow::Owned(Value::Object(map))), Some(_)) => Items::Pairs(
                map.into_iter()
                    .map(|(k, v)| (k, Got::Value(Cow::Owned(v))))
                    .collect(),
            ),
            // Loops over a string's characters, and Tera's errors, are Tera's.
            _ => return Err(Unhandled),
        };
        let looping = Looping {
            key: each.key,
            value: each.value,
            items,
            current: 0,
        };
        let len = looping.len();
        if len == 0 {
            if let Some(empty) = &each.empty {
                self.steps(empty, escape, out)?;
            }
            return Ok(());
        }
        let mut frame = Frame::new(Kind::Loop);
        frame.looping = Some(looping);
        self.frames.push(frame);
        let mut done = Ok(());
        for _ in 0..len {
            done = self.steps(&each.body, escape, out);
            if done.is_err() {
                break;
            }
            let frame = self.frames.last_mut().ok_or(Unhandled)?;
            frame.values.clear();
            if let Some(looping) = frame.looping.as_mut() {
                looping.current += 1;
            }
        }
        self.frames.pop();
        done
    }

    /// Tera's `CallStack::lookup`: the frames from the innermost (a macro's frame or the
    /// page's own ends the search), then the page's context.
    fn lookup(&mut self, name: &Arc<Name>) -> Option<Got<'a>> {
        let mut stop = 0;
        let mut found = None;
        for (at, frame) in self.frames.iter().enumerate().rev() {
            if let Some(value) = frame.find(name) {
                found = Some((at, value));
                break;
            }
            if matches!(frame.kind, Kind::Macro | Kind::Origin) {
                stop = at;
                break;
            }
        }
        if let Some((at, value)) = found {
            if !self.records.is_empty() {
                self.record(name, Some(&value), at, false);
            }
            return Some(value);
        }
        let value = self.in_context(name);
        if !self.records.is_empty() {
            self.record(name, value.as_ref(), stop, true);
        }
        value
    }

    /// `name` in the page's context.
    fn in_context(&mut self, name: &Name) -> Option<Got<'a>> {
        if let Some(Some(found)) = self.paths.get(name.path_at) {
            return found.clone();
        }
        let context = self.context;
        let root = match self.roots.get_mut(name.root_at) {
            Some(root) => *root.get_or_insert_with(|| context.get(&name.root)),
            None => context.get(&name.root),
        };
        let found = root.and_then(|root| node_pointer(root, &name.rest));
        if let Some(path) = self.paths.get_mut(name.path_at) {
            *path = Some(found.clone());
        }
        found
    }

    /// Tera's `eval_expression`.
    fn eval(&mut self, expr: &'a Expr, escape: bool) -> Result<Got<'a>> {
        let mut needs_escape = false;
        let owned = |value: Value| Got::Value(Cow::Owned(value));
        let mut value = match &expr.val {
            Val::Array(items) => {
                let mut values = Vec::with_capacity(items.len());
                for item in items {
                    values.push(self.eval(item, escape)?.value().into_owned());
                }
                owned(Value::Array(values))
            }
            Val::In { lhs, rhs, negated } => owned(Value::Bool(self.is_in(lhs, rhs, *negated)?)),
            Val::Str(text) => {
                needs_escape = true;
                Got::Value(Cow::Borrowed(text))
            }
            Val::Concat(parts) => owned(Value::String(self.concat(parts, &mut needs_escape)?)),
            Val::Literal(value) => Got::Value(Cow::Borrowed(value)),
            Val::Name(name) => {
                needs_escape = true;
                match self.lookup(name) {
                    Some(found) => match &expr.default {
                        Some(default) if found.is_null() => self.eval(default, escape)?,
                        _ => found,
                    },
                    None => match &expr.default {
                        Some(default) => self.eval(default, escape)?,
                        // `not undefined` is true; `undefined` is Tera's error.
                        None if expr.negated => return Ok(owned(Value::Bool(true))),
                        None => return Err(Unhandled),
                    },
                }
            }
            Val::Call(call) => Got::Value(self.call(call, &mut needs_escape)?),
            Val::Macro(run) => {
                let mut body = Vec::with_capacity(MACRO_CAPACITY);
                self.macro_run(run, escape, &mut body)?;
                owned(Value::String(
                    String::from_utf8(body).map_err(|_| Unhandled)?,
                ))
            }
            Val::Test(test) => owned(Value::Bool(self.test(test)?)),
            Val::Logic { .. } => owned(Value::Bool(self.truth(expr, escape)?)),
            Val::Math { .. } => owned(match self.number_of(&expr.val, escape)? {
                Some(n) => Value::Number(n),
                None => Value::String("NaN".to_string()),
            }),
        };
        for filter in &expr.filters {
            let input = value.value();
            value = Got::Value(self.filter(&input, filter, &mut needs_escape)?);
        }
        if expr.negated {
            return Ok(owned(Value::Bool(!got_truthy(&value))));
        }
        if escape && needs_escape && !expr.safe {
            if let Got::Value(text) = &value {
                if let Some(escaped) = text.as_str().and_then(|text| self.escape.escaped(text)) {
                    value = owned(Value::String(escaped));
                }
            }
        }
        Ok(value)
    }

    /// Tera's `eval_as_bool`.
    fn truth(&mut self, expr: &'a Expr, escape: bool) -> Result<bool> {
        let holds = match &expr.val {
            Val::Logic { lhs, operator, rhs } => match operator {
                LogicOperator::Or => self.truth(lhs, escape)? || self.truth(rhs, escape)?,
                LogicOperator::And => self.truth(lhs, escape)? && self.truth(rhs, escape)?,
                LogicOperator::Eq | LogicOperator::NotEq => {
                    let l = self.eval(lhs, escape)?.value();
                    let r = self.eval(rhs, escape)?.value();
                    let same = if l.is_number() || r.is_number() {
                        // Tera compares numbers as floats, and a number with no other type.
                        match (l.as_f64(), r.as_f64()) {
                            (Some(a), Some(b)) => {
                                Number::from_f64(a).ok_or(Unhandled)?
                                    == Number::from_f64(b).ok_or(Unhandled)?
                            }
                            _ => return Ok(false),
                        }
                    } else {
                        *l == *r
                    };
                    if matches!(operator, LogicOperator::Eq) {
                        same
                    } else {
                        !same
                    }
                }
                LogicOperator::Gt | LogicOperator::Gte | LogicOperator::Lt | LogicOperator::Lte => {
                    let (Some(a), Some(b)) = (self.number(lhs, escape)?, self.number(rhs, escape)?)
                    else {
                        // Tera's "Comparison to NaN".
                        return Err(Unhandled);
                    };
                    let (a, b) = (float(&a)?, float(&b)?);
                    match operator {
                        LogicOperator::Gt => a > b,
                        LogicOperator::Gte => a >= b,
                        LogicOperator::Lt => a < b,
                        _ => a <= b,
                    }
                }
            },
            Val::Name(_) => {
                // As Tera: an error (an undefined name) is false, and `not` counts twice here
                // and once more below, which comes to once.
                let mut holds = self
                    .eval(expr, escape)
                    .map(|value| got_truthy(&value))
                    .unwrap_or(false);
                if expr.negated {
                    holds = !holds;
                }
                holds
            }
            Val::Literal(Value::Bool(b)) => *b,
            Val::Literal(Value::Number(_)) | Val::Math { .. } => {
                match self.number_of(&expr.val, escape)? {
                    Some(n) => float(&n)? != 0.0,
                    None => false,
                }
            }
            Val::In { lhs, rhs, negated } => self.is_in(lhs, rhs, *negated)?,
            Val::Test(test) => self.test(test)?,
            Val::Str(text) => text.as_str().is_some_and(|text| !text.is_empty()),
            Val::Call(call) => self.call(call, &mut false)?.as_bool().ok_or(Unhandled)?,
            Val::Concat(_) => !self
                .eval(expr, escape)?
                .value()
                .as_str()
                .ok_or(Unhandled)?
                .is_empty(),
            Val::Macro(run) => {
                let mut body = Vec::with_capacity(MACRO_CAPACITY);
                self.macro_run(run, escape, &mut body)?;
                !body.is_empty()
            }
            Val::Literal(_) | Val::Array(_) => return Err(Unhandled),
        };
        Ok(if expr.negated { !holds } else { holds })
    }

    /// Tera's `eval_expr_as_number`: a side of `+` or `<`, its filters applied first.
    fn number(&mut self, expr: &'a Expr, escape: bool) -> Result<Option<Number>> {
        if expr.filters.is_empty() {
            return self.number_of(&expr.val, escape);
        }
        match &*self.eval(expr, escape)?.value() {
            Value::Number(n) => Ok(Some(n.clone())),
            _ => Err(Unhandled),
        }
    }

    /// Tera's `eval_as_number`: `None` where Tera's result is not a number (NaN).
    fn number_of(&mut self, val: &'a Val, escape: bool) -> Result<Option<Number>> {
        let value = match val {
            Val::Name(name) => self.lookup(name).ok_or(Unhandled)?.value(),
            Val::Literal(value @ Value::Number(_)) => Cow::Borrowed(value),
            Val::Call(call) => self.call(call, &mut false)?,
            Val::Math { lhs, operator, rhs } => {
                let (Some(l), Some(r)) = (self.number(lhs, escape)?, self.number(rhs, escape)?)
                else {
                    return Ok(None);
                };
                return math(&l, *operator, &r);
            }
            _ => return Err(Unhandled),
        };
        match &*value {
            Value::Number(n) => Ok(Some(n.clone())),
            _ => Err(Unhandled),
        }
    }

    fn is_in(&mut self, lhs: &'a Expr, rhs: &'a Expr, negated: bool) -> Result<bool> {
        let needle = self.eval(lhs, false)?.value();
        let haystack = self.eval(rhs, false)?.value();
        let present = match (&*haystack, &*needle) {
            (Value::Array(items), needle) => items.contains(needle),
            (Value::String(text), Value::String(part)) => text.contains(part.as_str()),
            (Value::Object(map), Value::String(key)) => map.contains_key(key),
            _ => return Err(Unhandled),
        };
        Ok(present != negated)
    }

    fn concat(&mut self, parts: &'a [Part], needs_escape: &mut bool) -> Result<String> {
        // Room for the written parts and a short value in each other one (most are message
        // codes, `"jwt.rejection." ~ code`): growing as each part arrives moved them twice.
        let room = parts
            .iter()
            .map(|part| match part {
                Part::Str(text) => text.len(),
                _ => 24,
            })
            .sum();
        let mut joined = String::with_capacity(room);
        for part in parts {
            match part {
                Part::Str(text) => joined.push_str(text),
                Part::Int(n) => joined.push_str(&n.to_string()),
                Part::Float(f) => joined.push_str(&f.to_string()),
                Part::Name(name) => {
                    push_concat(&mut joined, &self.lookup(name).ok_or(Unhandled)?.value())?
                }
                Part::Call(call) => push_concat(&mut joined, &*self.call(call, needs_escape)?)?,
            }
        }
        Ok(joined)
    }

    fn arguments(&mut self, args: &'a [(String, Expr)]) -> Result<HashMap<String, Value>> {
        let mut values = HashMap::with_capacity(args.len());
        for (name, expr) in args {
            values.insert(name.clone(), self.eval(expr, false)?.value().into_owned());
        }
        Ok(values)
    }

    fn call(&mut self, call: &'a Call, needs_escape: &mut bool) -> Result<Cow<'a, Value>> {
        let answer = match &call.function {
            Callee::Tera(function, pure) => {
                if !pure {
                    self.taint();
                }
                *needs_escape = !function.is_safe();
                function.call(&self.arguments(&call.args)?)
            }
            Callee::Direct(function) => {
                *needs_escape = !function.is_safe();
                let mut values = Vec::with_capacity(call.args.len());
                for (name, expr) in &call.args {
                    values.push((name.as_str(), self.eval(expr, false)?.value()));
                }
                let args: Vec<(&str, &Value)> = values
                    .iter()
                    .map(|(name, value)| (*name, &**value))
                    .collect();
                function.call(&args)
            }
        };
        answer.map(Cow::Owned).map_err(|_| Unhandled)
    }

    fn filter(
        &mut self,
        value: &Value,
        filter: &'a FilterCall,
        needs_escape: &mut bool,
    ) -> Result<Cow<'a, Value>> {
        *needs_escape = !filter.filter.is_safe();
        let args = self.arguments(&filter.args)?;
        filter
            .filter
            .filter(value, &args)
            .map(Cow::Owned)
            .map_err(|_| Unhandled)
    }

    fn test(&mut self, test: &'a TestCall) -> Result<bool> {
        let mut args = Vec::with_capacity(test.args.len());
        for arg in &test.args {
            args.push(self.eval(arg, false)?.value().into_owned());
        }
        // Looked at where it is: a test (`is defined`) never needs its own copy.
        let found = self.lookup(&test.name).map(Got::value);
        let holds = test
            .test
            .test(found.as_deref(), &args)
            .map_err(|_| Unhandled)?;
        Ok(holds != test.negated)
    }

    /// A macro's body in a frame of its own, its arguments worked out first (where it is called).
    fn macro_run(&mut self, run: &'a MacroRun, escape: bool, out: &mut Vec<u8>) -> Result<()> {
        let mut frame = Frame::new(Kind::Macro);
        for (name, value) in &run.args {
            let value = self.eval(value, false)?;
            frame.set(*name, value);
        }
        self.frames.push(frame);
        let done = match self.kept_fragment(run.kept) {
            Some((store, fragment)) => self.fragment(store, fragment, &run.body, true, escape, out),
            None => self.steps(&run.body, escape, out),
        };
        self.frames.pop();
        done
    }
}

fn float(n: &Number) -> Result<f64> {
    n.as_f64().ok_or(Unhandled)
}

/// `l operator r` as Tera computes it: whole numbers stay whole unless they overflow (Tera's
/// error), anything else is done in floats; a division that comes out whole is a whole number.
fn math(l: &Number, operator: MathOperator, r: &Number) -> Result<Option<Number>> {
    let whole = |i: Option<i64>, u: Option<u64>| -> Result<Option<Number>> {
        match (i, u) {
            (Some(i), _) => Ok(Some(i.into())),
            (None, Some(u)) => Ok(Some(u.into())),
            (None, None) => Err(Unhandled),
        }
    };
    let (li, ri, lu, ru) = (l.as_i64(), r.as_i64(), l.as_u64(), r.as_u64());
    let (lf, rf) = (float(l)?, float(r)?);
    match operator {
        MathOperator::Add | MathOperator::Sub | MathOperator::Mul => {
            let (i, u) = match operator {
                MathOperator::Add => (
                    li.zip(ri).map(|(a, b)| a.checked_add(b)),
                    lu.zip(ru).map(|(a, b)| a.checked_add(b)),
                ),
                MathOperator::Sub => (
                    li.zip(ri).map(|(a, b)| a.checked_sub(b)),
                    lu.zip(ru).map(|(a, b)| a.checked_sub(b)),
                ),
                _ => (
                    li.zip(ri).map(|(a, b)| a.checked_mul(b)),
                    lu.zip(ru).map(|(a, b)| a.checked_mul(b)),
                ),
            };
            match (i, u) {
                (Some(i), _) => whole(i, None),
                (None, Some(u)) => whole(None, u),
                (None, None) => {
                    let f = match operator {
                        MathOperator::Add => lf + rf,
                        MathOperator::Sub => lf - rf,
                        _ => lf * rf,
                    };
                    match Number::from_f64(f) {
                        Some(n) => Ok(Some(n)),
                        // Tera panics on a sum that is not a number; a product is NaN.
                        None if matches!(operator, MathOperator::Mul) => Ok(None),
                        None => Err(Unhandled),
                    }
                }
            }
        }
        MathOperator::Div => {
            let f = lf / rf;
            Ok(if f.is_nan() {
                None
            } else if f.round() == f && f.is_finite() {
                Some((f as i64).into())
            } else {
                Number::from_f64(f)
            })
        }
        MathOperator::Modulo => match (li.zip(ri), lu.zip(ru)) {
            (Some((_, 0)), _) | (None, Some((_, 0))) => Err(Unhandled),
            (Some((a, b)), _) => Ok(Some((a % b).into())),
            (None, Some((a, b))) => Ok(Some((a % b).into())),
            (None, None) => Ok(Number::from_f64(lf % rf)),
        },
    }
}

fn push_concat(joined: &mut String, value: &Value) -> Result<()> {
    match value {
        Value::String(text) => joined.push_str(text),
        Value::Number(n) => joined.push_str(&n.to_string()),
        _ => return Err(Unhandled),
    }
    Ok(())
}

/// Tera's truthiness: zero, `false`, null and empty strings, arrays and maps are false.
fn truthy(value: &Value) -> bool {
    match value {
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => i != 0,
            (_, Some(u), _) => u != 0,
            (_, _, Some(f)) => f != 0.0 && !f.is_nan(),
            _ => false,
        },
        Value::Bool(b) => *b,
        Value::Null => false,
        Value::String(text) => !text.is_empty(),
        Value::Array(items) => !items.is_empty(),
        Value::Object(map) => !map.is_empty(),
    }
}

/// A value as Tera prints it.
fn write_value(value: &Value, strings: &Strings<'_>, out: &mut Vec<u8>) {
    match value {
        Value::String(text) => strings(text, out),
        Value::Number(n) => {
            // Writing into a Vec cannot fail.
            let _ = match (n.as_i64(), n.as_u64(), n.as_f64()) {
                (Some(i), _, _) => write!(out, "{i}"),
                (_, Some(u), _) => write!(out, "{u}"),
                (_, _, Some(f)) => write!(out, "{f}"),
                _ => Ok(()),
            };
        }
        Value::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Value::Null => {}
        Value::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.extend_from_slice(b", ");
                }
                write_value(item, strings, out);
            }
            out.push(b']');
        }
        Value::Object(_) => out.extend_from_slice(b"[object]"),
    }
}
