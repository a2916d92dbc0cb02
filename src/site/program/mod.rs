//! Pages rendered straight from Tera's parsed templates, without Tera's per-name costs.
//!
//! After folding (`site::fold`) a lab page is mostly text with a few dozen names in it
//! (`session.id`, `arrived.state`), yet Tera spent half the page's time finding them: every
//! dotted name is looked up through each frame's hash map, then cut, copied and re-parsed as a
//! pointer (two string replacements per segment) on every render. Here each template is turned
//! once, when the templates load, into a program: its inheritance resolved (which block body
//! goes where), its includes and macro calls written in, each name split into its segments and
//! each function, filter and test resolved to the one Tera would call. A render walks that
//! program against the page's context and calls the same functions and filters in the same
//! order, so it writes the same bytes.
//!
//! A template that uses what this does not cover (`break`, `super()` in a moving place, a name
//! computed inside brackets, a `{% filter %}` section…) has no program and renders with Tera; so
//! does a render that meets anything unexpected at run time (a name that is not there, a loop
//! over a string): Tera then gives its own result or its own error. In `debug` builds every page
//! rendered here is rendered by Tera too and the two must be the same bytes (`site::view`), so
//! the test suite checks this renderer on every page it visits.
//!
//! Most of a page comes out the same from one render to the next (a learner reloading a lab
//! page changes its counters, not its explanations): [`Programs::render_kept`] keeps what each
//! fragment wrote, with the values it read, and writes it again while those values are the same
//! (`kept`).

mod compile;
mod data;
mod kept;
mod run;

use std::collections::HashMap;
use std::sync::Arc;

use rocket_dyn_templates::tera::ast::{LogicOperator, MathOperator};
use rocket_dyn_templates::tera::{self, Filter, Function, Tera, Test, Value};

pub use data::{Data, Node};

/// Writes a printed string onto a page.
pub type Strings<'s> = dyn Fn(&str, &mut Vec<u8>) + 's;

/// Every template of one Tera instance that has a program, by name.
pub struct Programs {
    pages: HashMap<String, Program>,
    escape: Escape,
    /// What [`Programs::render_kept`] keeps of each fragment ([`Step::Kept`]).
    kept: kept::Store,
}

/// Tera's escape function, and the ASCII characters it leaves as they are: a value made only of
/// those is written without calling it (most values are numbers, codes and names). This holds
/// for a function that escapes character by character, as Tera's and the app's do; debug
/// builds check every page against Tera's render.
#[derive(Clone, Copy)]
pub(super) struct Escape {
    function: fn(&str) -> String,
    kept: [bool; 128],
}

impl Escape {
    fn of(function: fn(&str) -> String) -> Escape {
        let mut kept = [false; 128];
        for (byte, kept) in (0u8..).zip(kept.iter_mut()) {
            let one = char::from(byte).to_string();
            *kept = function(&one) == one;
        }
        Escape { function, kept }
    }

    /// `text` escaped, or `None` when escaping leaves it as it is.
    pub(super) fn escaped(&self, text: &str) -> Option<String> {
        let plain = text
            .bytes()
            .all(|byte| self.kept.get(usize::from(byte)).copied().unwrap_or(false));
        (!plain).then(|| (self.function)(text))
    }
}

impl Programs {
    /// The programs of `tera`'s templates (after every fold), and the names of those without one
    /// with the reason, for a log line. A call to a function named in `directs` calls that form;
    /// the Tera functions named in `pure` answer the same for the same arguments, so a fragment
    /// that calls them can be kept (one that calls any other function never is).
    pub fn compile(
        tera: &Tera,
        directs: &Directs,
        pure: &[&str],
    ) -> (Programs, Vec<(String, String)>) {
        let mut pages = HashMap::new();
        let mut skipped = Vec::new();
        let mut fragments = 0;
        for name in tera.templates.keys() {
            match compile::page(tera, directs, pure, name) {
                Ok(mut program) => {
                    kept::number(&mut program.steps, &mut fragments);
                    program.steps = kept::group(std::mem::take(&mut program.steps), &mut fragments);
                    pages.insert(name.clone(), program);
                }
                Err(reason) => skipped.push((name.clone(), reason)),
            }
        }
        skipped.sort();
        let programs = Programs {
            pages,
            escape: Escape::of(*tera.get_escape_fn()),
            kept: kept::Store::new(fragments),
        };
        (programs, skipped)
    }

    /// Renders `name` with `context` onto `out`: `None` when the template has no program or the
    /// render met something only Tera handles (`out` is then left as it was).
    pub fn render(&self, name: &str, context: &Data, out: &mut Vec<u8>) -> Option<()> {
        let plain = |text: &str, out: &mut Vec<u8>| out.extend_from_slice(text.as_bytes());
        self.run(name, context, out, &plain, None)
    }

    /// As [`Programs::render`], each printed string written by `strings` (which may rewrite
    /// what it holds, as the page's durations are written in its language), and each
    /// fragment's output kept and written again while the values it read are the same. Every
    /// call on one `Programs` must pass a `strings` that writes alike (a language's durations):
    /// what it wrote is kept with the rest.
    pub fn render_kept(
        &self,
        name: &str,
        context: &Data,
        out: &mut Vec<u8>,
        strings: &Strings<'_>,
    ) -> Option<()> {
        self.run(name, context, out, strings, Some(&self.kept))
    }

    /// How many times a kept fragment was written again, and how many times one was rendered
    /// while it was tried.
    #[cfg(test)]
    pub fn kept_counts(&self) -> (u64, u64) {
        self.kept.counts()
    }

    fn run(
        &self,
        name: &str,
        context: &Data,
        out: &mut Vec<u8>,
        strings: &Strings<'_>,
        kept: Option<&kept::Store>,
    ) -> Option<()> {
        let program = self.pages.get(name)?;
        let start = out.len();
        let mut runner = run::Runner::new(context, program, self.escape, strings, kept);
        match runner.steps(&program.steps, program.escapes, out) {
            Ok(()) => Some(()),
            Err(run::Unhandled) => {
                out.truncate(start);
                None
            }
        }
    }
}

/// One page: its steps, and whether it escapes what it prints (by its file name, as Tera).
struct Program {
    steps: Vec<Step>,
    escapes: bool,
    /// How many different names the program reads ([`Name::path_at`]).
    paths: usize,
    /// How many different first parts they have ([`Name::root_at`]).
    roots: usize,
}

/// What a render does, in order.
enum Step {
    /// Writes the text.
    Text(String),
    /// Writes the expression's value.
    Print(Expr),
    /// The first branch whose condition holds, else `otherwise`.
    If {
        branches: Vec<(Expr, Vec<Step>)>,
        otherwise: Option<Vec<Step>>,
    },
    /// `{% for key, value in container %}`.
    For(Box<Loop>),
    /// `{% set key = value %}` (`global`: `set_global`).
    Set {
        key: Root,
        value: Expr,
        global: bool,
    },
    /// An included template's steps, run in a frame of their own.
    Include(Vec<Step>),
    /// A run of a page's steps, in the frame they stand in: kept as one fragment
    /// ([`kept::group`]).
    Run(Vec<Step>),
    /// A step whose output [`Programs::render_kept`] keeps (`kept`), numbered in its
    /// [`Programs`].
    Kept(Box<(usize, Step)>),
}

struct Loop {
    key: Option<Root>,
    value: Root,
    container: Expr,
    body: Vec<Step>,
    empty: Option<Vec<Step>>,
}

/// An expression with what Tera applies after its value: filters, `not`, and whether a
/// `default` filter stands first.
struct Expr {
    val: Val,
    negated: bool,
    /// The filters after the value, `safe` and `default` left out (Tera skips them).
    filters: Vec<FilterCall>,
    /// `| default(value=…)` as the first filter: its value.
    default: Option<Box<Expr>>,
    /// The last filter is `safe`: the value is never escaped.
    safe: bool,
}

enum Val {
    /// A written string (escaped when printed, as Tera does), kept as the value it is.
    Str(Value),
    /// A written number or boolean.
    Literal(Value),
    Name(Arc<Name>),
    Array(Vec<Expr>),
    In {
        lhs: Box<Expr>,
        rhs: Box<Expr>,
        negated: bool,
    },
    Concat(Vec<Part>),
    Call(Call),
    Test(Box<TestCall>),
    Logic {
        lhs: Box<Expr>,
        operator: LogicOperator,
        rhs: Box<Expr>,
    },
    /// `+ - * / %` on numbers, as Tera computes them.
    Math {
        lhs: Box<Expr>,
        operator: MathOperator,
        rhs: Box<Expr>,
    },
    /// A macro call written in: its arguments' values bound to the macro's names, then its
    /// body run in a macro frame.
    Macro(Box<MacroRun>),
}

/// A name's first part, or a name a template sets (`set`, a loop's names, a macro's
/// arguments), numbered in its program: a frame finds a name by comparing numbers, not text.
/// `loop` is [`LOOP`].
type Root = usize;

/// The number of `loop`, whose fields a loop answers (`loop.index`).
const LOOP: Root = 0;

/// A dotted name, split once: `session.created.at` is `session` then `created`, `at`. Shared:
/// a kept fragment holds the names it read.
#[derive(PartialEq)]
struct Name {
    root: String,
    /// The name's number among those its program reads: a render looks each up in the
    /// context once, however often the page (and its kept fragments) read it.
    path_at: usize,
    /// Its first part: a render looks each up in the context once, and frames and loops find
    /// it by this number.
    root_at: Root,
    rest: Vec<String>,
}

enum Part {
    Str(String),
    Int(i64),
    Float(f64),
    Name(Arc<Name>),
    Call(Call),
}

struct Call {
    function: Callee,
    args: Vec<(String, Expr)>,
}

/// The function a call reaches: Tera's (and whether it is one of the pure functions
/// [`Programs::compile`] was given), or the same function's [`Direct`] form.
enum Callee {
    Tera(Arc<dyn Function>, bool),
    Direct(Arc<dyn Direct>),
}

/// A function a program calls with its arguments as (name, value) pairs, where Tera builds a
/// map of them on every call. It must answer exactly as the function Tera has under the same
/// name (debug builds render every page both ways and compare them), and the same for the same
/// arguments (a fragment that calls it is kept).
pub trait Direct: Send + Sync {
    fn call(&self, args: &[(&str, &Value)]) -> tera::Result<Value>;

    /// Whether what it returns is written unescaped (Tera's `Function::is_safe`).
    fn is_safe(&self) -> bool;
}

/// Functions by the name templates call them, in their [`Direct`] form.
pub type Directs = HashMap<String, Arc<dyn Direct>>;

struct FilterCall {
    filter: Arc<dyn Filter>,
    args: Vec<(String, Expr)>,
}

struct TestCall {
    test: Arc<dyn Test>,
    name: Arc<Name>,
    args: Vec<Expr>,
    negated: bool,
}

struct MacroRun {
    /// Each argument's value, under the name the macro's body reads it by.
    args: Vec<(Root, Expr)>,
    body: Vec<Step>,
    /// The body's number as a kept fragment (`kept`), when it does work.
    kept: Option<usize>,
}

#[cfg(test)]
mod tests;
