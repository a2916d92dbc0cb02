//! Fragments of a page kept from one render to the next.
//!
//! A fragment is a condition, a loop, an include or a printed value that does work (calls a
//! function or a macro, filters a value, loops or includes), a macro's whole body that does
//! ([`number`] picks them when the programs compile), or a run of a page's steps ([`group`]). On
//! [`super::Programs::render_kept`] the runner records what the fragment read from outside
//! itself (each name it looked up, with the value it found, or none) while it renders, and
//! keeps its output with that record. The next render that reaches the fragment looks those
//! names up again: when every value is the same, the output is too, and it is written as kept
//! instead of rendered. This holds because a program reads only through those lookups, and
//! everything else a fragment does answers the same for the same values: `t()`, `url()` and the
//! other functions [`super::Programs::compile`] is told are pure, and every filter and test.
//! A fragment that calls any other function (`instance()`) or sets a name outside itself is
//! never kept. A macro's body reads its arguments by the parts it uses (`c.kind`, not all of
//! `c`), so it is kept while those parts stay the same.
//!
//! What changes on every render (a visit counter) is never the same twice: a fragment that
//! keeps being rendered anew rests (is rendered without being recorded) for a while, and the
//! fragments inside it are kept on their own. Each fragment keeps a few versions (a page with
//! and without a learner logged in), and all of them together at most [`BUDGET`] bytes.

#[cfg(test)]
use std::sync::atomic::AtomicU64;
use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use std::sync::{Arc, RwLock};

use rocket_dyn_templates::tera::Value;

use super::{Expr, Name, Node, Part, Root, Step, Val};

/// How many versions of one fragment are kept; a new one takes the oldest one's place.
const VERSIONS: usize = 4;

/// The bytes all kept fragments of one [`super::Programs`] (one language) may take. Once they
/// take it all, a fragment keeps a new version only in the place of one of its own.
const BUDGET: usize = 4 * 1024 * 1024;

/// How many times a fragment is rendered before it may rest: from then on, a fragment rendered
/// more often than written again rests.
const WINDOW: u32 = 16;

/// Renders a fragment rests (rendered as it comes, nothing recorded) before it is tried again;
/// also how many renders its counts cover before they start again.
const REST: u32 = 1024;

/// One value a fragment read from outside itself.
pub(super) struct Read {
    /// Read from the page's context past a macro's frame inside the fragment (a macro sees
    /// only its arguments and the context), rather than looked up where the fragment starts.
    pub context_only: bool,
    pub name: Arc<Name>,
    /// What it found (a map or list of the context as it is, not made into JSON); `None`
    /// when the name was not there.
    pub value: Option<Node>,
}

/// What a fragment read while it rendered, and whether it did something that cannot be
/// written again (called an impure function, set a name outside itself).
pub(super) struct Record {
    /// The runner's frame count when the fragment started: frames from here on are its own.
    pub base: usize,
    /// For a macro's body, the macro's frame (just below `base`): the arguments in it are read
    /// like any value from outside, but what the body sets there is its own, as the frame goes
    /// when the body ends.
    pub own: Option<usize>,
    /// The names the body set in its macro's frame so far.
    pub set: Vec<Root>,
    pub reads: Vec<Read>,
    pub tainted: bool,
}

impl Record {
    pub fn new(base: usize, own: Option<usize>) -> Record {
        Record {
            base,
            own,
            set: Vec::new(),
            reads: Vec::new(),
            tainted: false,
        }
    }

    /// Whether a value found in the frame at `at` is the fragment's own: in one of its frames,
    /// or set by its body in its macro's frame.
    pub fn holds(&self, at: usize, root: Root) -> bool {
        at >= self.base || (self.own == Some(at) && self.set.contains(&root))
    }

    /// A name set in the frame at `at`: the fragment's own business in its own frames and its
    /// macro's, else something it does outside itself, which writing it again would skip.
    pub fn sets(&mut self, at: usize, key: Root) {
        if at >= self.base {
            return;
        }
        if self.own == Some(at) {
            if !self.set.contains(&key) {
                self.set.push(key);
            }
        } else {
            self.tainted = true;
        }
    }

    /// Whether the fragment has noted a read of `name` already: nothing outside a fragment
    /// changes while it renders (it would be tainted), so a second read of the same name finds
    /// the same value, and is noted once.
    pub fn knows(&self, context_only: bool, name: &Arc<Name>) -> bool {
        self.reads.iter().any(|read| {
            read.context_only == context_only
                && (Arc::ptr_eq(&read.name, name) || *read.name == **name)
        })
    }

    /// Notes a read of `name` that found `value` (see [`Record::knows`]).
    pub fn note(&mut self, context_only: bool, name: &Arc<Name>, value: Option<Node>) {
        self.reads.push(Read {
            context_only,
            name: Arc::clone(name),
            value,
        });
    }
}

/// One kept output of a fragment, with what it read.
pub(super) struct Version {
    /// Whether values printed were escaped (a macro called inside a `set` does not escape).
    pub escape: bool,
    pub reads: Vec<Read>,
    /// The read found different when this version was last checked: it is checked first next
    /// time (what changes on one render mostly changes on the next).
    pub changed: AtomicUsize,
    pub bytes: Box<[u8]>,
    /// What it takes against [`BUDGET`].
    size: usize,
}

/// The kept versions of one fragment, and how well keeping it has done lately.
#[derive(Default)]
pub(super) struct Fragment {
    pub versions: RwLock<Vec<Version>>,
    written: AtomicU32,
    rendered: AtomicU32,
    resting: AtomicU32,
    /// Where the next version goes once [`VERSIONS`] are kept.
    next: AtomicUsize,
}

impl Fragment {
    /// Whether the fragment is resting now (each call counts one render of its rest).
    pub fn resting(&self) -> bool {
        let left = self.resting.load(Ordering::Relaxed);
        if left == 0 {
            return false;
        }
        self.resting.store(left - 1, Ordering::Relaxed);
        true
    }
}

/// Every fragment of one [`super::Programs`], by number.
pub(super) struct Store {
    fragments: Vec<Fragment>,
    /// Bytes kept, against [`BUDGET`].
    size: AtomicUsize,
    /// How many times any fragment was written again, and rendered while tried (for tests).
    #[cfg(test)]
    totals: [AtomicU64; 2],
}

impl Store {
    pub fn new(fragments: usize) -> Store {
        Store {
            fragments: (0..fragments).map(|_| Fragment::default()).collect(),
            size: AtomicUsize::new(0),
            #[cfg(test)]
            totals: Default::default(),
        }
    }

    pub fn fragment(&self, id: usize) -> Option<&Fragment> {
        self.fragments.get(id)
    }

    /// How many times a fragment was written again, and rendered while it was tried.
    #[cfg(test)]
    pub fn counts(&self) -> (u64, u64) {
        (
            self.totals[0].load(Ordering::Relaxed),
            self.totals[1].load(Ordering::Relaxed),
        )
    }

    /// The fragment was written again from a kept version.
    pub fn written(&self, fragment: &Fragment) {
        #[cfg(test)]
        self.totals[0].fetch_add(1, Ordering::Relaxed);
        let written = fragment.written.fetch_add(1, Ordering::Relaxed) + 1;
        if written + fragment.rendered.load(Ordering::Relaxed) >= REST {
            fragment.written.store(0, Ordering::Relaxed);
            fragment.rendered.store(0, Ordering::Relaxed);
        }
    }

    /// The fragment was rendered: keeps `bytes` with what it read (unless it was tainted or
    /// the budget is spent), and rests it if it has been rendered more than written lately.
    pub fn rendered(&self, fragment: &Fragment, record: Record, escape: bool, bytes: &[u8]) {
        #[cfg(test)]
        self.totals[1].fetch_add(1, Ordering::Relaxed);
        let rendered = fragment.rendered.fetch_add(1, Ordering::Relaxed) + 1;
        let written = fragment.written.load(Ordering::Relaxed);
        if rendered >= WINDOW && written < rendered {
            fragment.written.store(0, Ordering::Relaxed);
            fragment.rendered.store(0, Ordering::Relaxed);
            fragment.resting.store(REST, Ordering::Relaxed);
        }
        if record.tainted {
            return;
        }
        let size = bytes.len()
            + std::mem::size_of::<Version>()
            + record.reads.iter().map(read_size).sum::<usize>();
        let Ok(mut versions) = fragment.versions.write() else {
            return;
        };
        // The oldest version makes room once there are enough (`next` moves under the lock).
        let at = (versions.len() >= VERSIONS).then(|| fragment.next.load(Ordering::Relaxed));
        let freed = at.and_then(|at| versions.get(at)).map_or(0, |old| old.size);
        if self.size.load(Ordering::Relaxed).saturating_sub(freed) + size > BUDGET {
            return;
        }
        let version = Version {
            escape,
            reads: record.reads,
            changed: AtomicUsize::new(0),
            bytes: bytes.into(),
            size,
        };
        match at {
            Some(at) => {
                if let Some(old) = versions.get_mut(at) {
                    *old = version;
                }
                fragment.next.store((at + 1) % VERSIONS, Ordering::Relaxed);
            }
            None => versions.push(version),
        }
        self.size.fetch_add(size, Ordering::Relaxed);
        self.size.fetch_sub(freed, Ordering::Relaxed);
    }

    /// The bytes kept now.
    #[cfg(test)]
    pub fn size(&self) -> usize {
        self.size.load(Ordering::Relaxed)
    }
}

/// About what a read takes in memory.
fn read_size(read: &Read) -> usize {
    std::mem::size_of::<Read>() + read.value.as_ref().map_or(0, node_size)
}

fn node_size(node: &Node) -> usize {
    std::mem::size_of::<Node>()
        + match node {
            Node::Leaf(value) => value_size(value),
            Node::Array(items) => items.iter().map(node_size).sum(),
            Node::Object(fields) => fields.iter().map(|(k, v)| k.len() + node_size(v)).sum(),
        }
}

fn value_size(value: &Value) -> usize {
    std::mem::size_of::<Value>()
        + match value {
            Value::String(text) => text.len(),
            Value::Array(items) => items.iter().map(value_size).sum(),
            Value::Object(map) => map.iter().map(|(k, v)| k.len() + value_size(v)).sum(),
            _ => 0,
        }
}

/// Wraps each step of `steps` worth keeping, at any depth, in [`Step::Kept`], and numbers each
/// macro body that does work (as [`super::MacroRun::kept`]), from `next` on.
pub(super) fn number(steps: &mut [Step], next: &mut usize) {
    for step in steps.iter_mut() {
        number_inside(step, next);
        let worth = match step {
            Step::If { .. } | Step::For(_) | Step::Include(_) | Step::Print(_) => works(step),
            Step::Text(_) | Step::Set { .. } | Step::Kept(_) | Step::Run(_) => false,
        };
        if worth {
            let inner = std::mem::replace(step, Step::Text(String::new()));
            *step = Step::Kept(Box::new((*next, inner)));
            *next += 1;
        }
    }
}

/// A page's `steps` (numbered already) as runs, each kept as one fragment (numbered from
/// `next`): the whole page, its halves, their halves, down to runs of one step that does more
/// than write text; and so the steps of each condition's branches and each include. A page
/// keeps most of what it writes from one render to the next, and a run of it written again is
/// one check of what it read instead of one per step. A run that holds what changes on every
/// render (a visit count) rests, and its halves are kept on their own; one that sets a name
/// for the steps after it is never kept (a fragment that sets a name outside itself never is),
/// so nothing is skipped that a later step reads.
pub(super) fn group(mut steps: Vec<Step>, next: &mut usize) -> Vec<Step> {
    for step in &mut steps {
        group_inside(step, next);
    }
    runs(steps, next)
}

/// `steps` as one run holding its halves as runs, when two of them or more do more than
/// write text.
fn runs(mut steps: Vec<Step>, next: &mut usize) -> Vec<Step> {
    if doing(&steps) < 2 {
        return steps;
    }
    let second = steps.split_off(steps.len() / 2);
    let mut run = runs(steps, next);
    run.extend(runs(second, next));
    let id = *next;
    *next += 1;
    vec![Step::Kept(Box::new((id, Step::Run(run))))]
}

/// Groups the steps of a condition's branches and of an include (a loop's body changes with
/// each item, and a macro's body is kept whole).
fn group_inside(step: &mut Step, next: &mut usize) {
    match step {
        Step::If {
            branches,
            otherwise,
        } => {
            for (_, body) in branches.iter_mut() {
                *body = group(std::mem::take(body), next);
            }
            if let Some(body) = otherwise {
                *body = group(std::mem::take(body), next);
            }
        }
        Step::Include(steps) => *steps = group(std::mem::take(steps), next),
        Step::Kept(kept) => group_inside(&mut kept.1, next),
        Step::Text(_) | Step::Print(_) | Step::For(_) | Step::Set { .. } | Step::Run(_) => {}
    }
}

/// How many of `steps` do more than write text.
fn doing(steps: &[Step]) -> usize {
    steps
        .iter()
        .filter(|step| !matches!(step, Step::Text(_)))
        .count()
}

/// Numbers the fragments inside `step`'s bodies and expressions.
fn number_inside(step: &mut Step, next: &mut usize) {
    match step {
        Step::Text(_) => {}
        Step::Print(expr) | Step::Set { value: expr, .. } => number_expr(expr, next),
        Step::If {
            branches,
            otherwise,
        } => {
            for (condition, body) in branches.iter_mut() {
                number_expr(condition, next);
                number(body, next);
            }
            if let Some(body) = otherwise {
                number(body, next);
            }
        }
        Step::For(each) => {
            number_expr(&mut each.container, next);
            number(&mut each.body, next);
            if let Some(body) = &mut each.empty {
                number(body, next);
            }
        }
        Step::Include(steps) | Step::Run(steps) => number(steps, next),
        Step::Kept(kept) => number_inside(&mut kept.1, next),
    }
}

fn number_expr(expr: &mut Expr, next: &mut usize) {
    each_expr(expr, &mut |expr| {
        if let Val::Macro(run) = &mut expr.val {
            number(&mut run.body, next);
            if run.body.iter().any(works) {
                run.kept = Some(*next);
                *next += 1;
            }
        }
    });
}

/// Calls `visit` on `expr` and every expression inside it (not inside macro bodies).
fn each_expr(expr: &mut Expr, visit: &mut dyn FnMut(&mut Expr)) {
    visit(expr);
    if let Some(default) = &mut expr.default {
        each_expr(default, visit);
    }
    for filter in &mut expr.filters {
        for (_, arg) in &mut filter.args {
            each_expr(arg, visit);
        }
    }
    match &mut expr.val {
        Val::Str(_) | Val::Literal(_) | Val::Name(_) => {}
        Val::Array(items) => items.iter_mut().for_each(|item| each_expr(item, visit)),
        Val::In { lhs, rhs, .. } | Val::Logic { lhs, rhs, .. } | Val::Math { lhs, rhs, .. } => {
            each_expr(lhs, visit);
            each_expr(rhs, visit);
        }
        Val::Concat(parts) => {
            for part in parts {
                if let Part::Call(call) = part {
                    call.args
                        .iter_mut()
                        .for_each(|(_, arg)| each_expr(arg, visit));
                }
            }
        }
        Val::Call(call) => call
            .args
            .iter_mut()
            .for_each(|(_, arg)| each_expr(arg, visit)),
        Val::Test(test) => test.args.iter_mut().for_each(|arg| each_expr(arg, visit)),
        Val::Macro(run) => run
            .args
            .iter_mut()
            .for_each(|(_, arg)| each_expr(arg, visit)),
    }
}

/// Whether `step` calls a function or a macro, filters a value, loops or includes, anywhere.
fn works(step: &Step) -> bool {
    match step {
        Step::Text(_) => false,
        Step::Print(expr) | Step::Set { value: expr, .. } => expr_works(expr),
        Step::If {
            branches,
            otherwise,
        } => {
            branches
                .iter()
                .any(|(condition, body)| expr_works(condition) || body.iter().any(works))
                || otherwise.iter().flatten().any(works)
        }
        Step::For(_) | Step::Include(_) => true,
        Step::Run(steps) => steps.iter().any(works),
        Step::Kept(kept) => works(&kept.1),
    }
}

fn expr_works(expr: &Expr) -> bool {
    !expr.filters.is_empty()
        || expr.default.as_deref().is_some_and(expr_works)
        || match &expr.val {
            Val::Str(_) | Val::Literal(_) | Val::Name(_) => false,
            Val::Call(_) | Val::Macro(_) => true,
            Val::Concat(parts) => parts.iter().any(|part| matches!(part, Part::Call(_))),
            Val::Array(items) => items.iter().any(expr_works),
            Val::In { lhs, rhs, .. } | Val::Logic { lhs, rhs, .. } | Val::Math { lhs, rhs, .. } => {
                expr_works(lhs) || expr_works(rhs)
            }
            Val::Test(test) => test.args.iter().any(expr_works),
        }
}
