//! Each program renders the bytes Tera renders, on templates that use what the pages use.

use std::collections::HashMap;
use std::fmt::Display;
use std::sync::Arc;

use rocket_dyn_templates::tera::{self, Context, Tera, Value};
use serde_json::json;

use super::{Directs, Programs};

/// `templates` loaded into Tera (names ending `.html` escape), with the page's context.
fn loaded(templates: &[(&str, &str)]) -> Tera {
    let mut tera = Tera::default();
    tera.add_raw_templates(templates.iter().copied())
        .expect("templates parse");
    tera
}

fn context() -> Context {
    Context::from_value(json!({
        "user": "<alice & bob>",
        "visits": 3,
        "ratio": 0.5,
        "empty": "",
        "nothing": null,
        "flag": true,
        "section": "sessions",
        "session": {"id": "abc", "created": {"at": "2026-12-06", "unix": 1}, "user": null},
        "demo_accounts": [["alice", "wonderland"], ["bob", "builder"]],
        "decisions": [{"switch": "s1", "code": "kept"}, {"switch": "s2", "code": "off"}],
        "budget": {"anonymous": 10, "logged_in": 5},
        "words": ["a", "b"]
    }))
    .expect("an object")
}

/// The context as a program reads it.
fn data(context: &Context) -> super::Data {
    match context.clone().into_json() {
        serde_json::Value::Object(data) => super::Data::from(data),
        _ => unreachable!("a context is a map"),
    }
}

/// Renders `page` with Tera and with its program and returns the program's bytes after
/// checking they are Tera's.
fn same(tera: &Tera, page: &str, context: &Context) -> String {
    let (programs, skipped) = Programs::compile(tera, &Directs::new(), &[]);
    assert!(
        !skipped.iter().any(|(name, _)| name == page),
        "`{page}` has no program: {skipped:?}"
    );
    let expected = tera.render(page, context).expect("Tera renders the page");
    let mut out = Vec::new();
    programs
        .render(page, &data(context), &mut out)
        .expect("the program renders the page");
    let html = String::from_utf8(out).expect("UTF-8");
    assert_eq!(html, expected, "`{page}`");
    // Kept: the first render keeps its fragments, the second writes them again.
    for _ in 0..2 {
        assert_eq!(kept(&programs, page, context), expected, "`{page}`, kept");
    }
    html
}

/// `page` rendered keeping its fragments, each string written as it is.
fn kept(programs: &Programs, page: &str, context: &Context) -> String {
    let mut out = Vec::new();
    let plain = |text: &str, out: &mut Vec<u8>| out.extend_from_slice(text.as_bytes());
    programs
        .render_kept(page, &data(context), &mut out, &plain)
        .expect("the program renders the page");
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn inheritance_with_super_in_a_branch_and_nested_blocks_renders_as_tera() {
    let tera = loaded(&[
        (
            "base.html",
            "<title>{% block title %}Base{% endblock title %}</title>\
             <meta content=\"{% block description %}Default words{% endblock description %}\">\
             {% block content %}<p>base content</p>{% endblock content %}",
        ),
        (
            "layout.html",
            "{% extends \"base.html\" %}\
             {% block description %}{% if section is defined and section in [\"sessions\", \"cookies\"] %}About {{ section }}{% else %}{{ super() }}{% endif %}{% endblock description %}\
             {% block content %}<main>{% block lab %}{% endblock lab %}</main>{% endblock content %}",
        ),
        (
            "page.html",
            "{% extends \"layout.html\" %}{% block title %}Lab · {{ super() }}{% endblock title %}\
             {% block lab %}<p>{{ user }}</p>{% endblock lab %}",
        ),
    ]);
    let html = same(&tera, "page.html", &context());
    assert!(html.contains("About sessions"), "{html}");
    let mut elsewhere = context();
    elsewhere.insert("section", "docs");
    assert!(same(&tera, "page.html", &elsewhere).contains("Default words"));
}

#[test]
fn names_escaping_defaults_and_filters_render_as_tera() {
    // A `{% filter %}` section has no program: the page renders with Tera.
    let tera = loaded(&[("page.html", "{% filter upper %}{{ user }}{% endfilter %}")]);
    let (programs, skipped) = Programs::compile(&tera, &Directs::new(), &[]);
    assert!(
        skipped.iter().any(|(_, why)| why == "a filter section"),
        "{skipped:?}"
    );
    assert!(programs
        .render("page.html", &data(&context()), &mut Vec::new())
        .is_none());

    let tera = loaded(&[(
        "page.html",
        "{{ user }}|{{ user | safe }}|{{ user | upper }}|{{ missing | default(value=\"none\") }}|\
         {{ nothing | default(value=user) }}|{{ session.created.at }}|{{ session.user }}|\
         {{ demo_accounts[1][0] }}|{{ visits }}|{{ ratio }}|{{ flag }}|{{ words }}|{{ session }}|\
         {{ \"<written>\" }}|{{ \"v\" ~ visits ~ \"-\" ~ user }}|{{ not missing }}|{{ not flag }}|\
         {{ words | length }}|{{ user | lower | safe }}",
    )]);
    let html = same(&tera, "page.html", &context());
    assert!(
        html.starts_with("&lt;alice &amp; bob&gt;|<alice & bob>|"),
        "{html}"
    );
    // A plain-text template escapes nothing.
    let text = loaded(&[("page.txt", "{{ user }} {{ session.id }}")]);
    assert_eq!(same(&text, "page.txt", &context()), "<alice & bob> abc");
}

#[test]
fn conditions_render_as_tera() {
    let tera = loaded(&[(
        "page.html",
        "{% if user == \"<alice & bob>\" %}escaped-compare-equal{% else %}escaped-compare-differs{% endif %}\
         {% if visits == 3 %}three{% endif %}{% if visits != 3.0 %}not-three{% endif %}\
         {% if visits > 2 and visits <= 3 %}range{% endif %}{% if missing %}x{% elif not missing %}not-missing{% endif %}\
         {% if empty or nothing %}x{% else %}falsy{% endif %}{% if \"a\" in words %}in{% endif %}\
         {% if \"z\" not in words %}not-in{% endif %}{% if \"ali\" in user %}substring{% endif %}\
         {% if user is starting_with(\"<ali\") %}starts{% endif %}{% if missing is not defined %}undefined{% endif %}\
         {% if session.user %}x{% else %}no-user{% endif %}{% if not session.user %}!user{% endif %}",
    )]);
    let html = same(&tera, "page.html", &context());
    // Both sides of `==` are escaped alike when the page escapes.
    assert!(html.starts_with("escaped-compare-equal"), "{html}");
    assert!(html.contains("range") && html.contains("not-missing") && html.contains("undefined"));
}

#[test]
fn math_renders_as_tera() {
    let tera = loaded(&[(
        "page.html",
        "{{ visits + 1 }}|{{ visits - 5 }}|{{ visits * 2 }}|{{ visits / 2 }}|{{ 6 / 3 }}|\
         {{ visits % 2 }}|{{ ratio * 3 }}|{{ ratio + visits }}|{{ budget.anonymous - budget.logged_in }}|\
         {{ words | length + 1 }}|{% if visits - 3 %}x{% else %}zero{% endif %}|\
         {% if visits * 2 > budget.logged_in %}more{% endif %}|{{ t(n=visits + 1) }}",
    )]);
    let mut tera = tera;
    tera.register_function(
        "t",
        |args: &std::collections::HashMap<String, rocket_dyn_templates::tera::Value>| {
            Ok(args["n"].clone())
        },
    );
    let html = same(&tera, "page.html", &context());
    assert!(
        html.starts_with("4|-2|6|1.5|2|1|1.5|3.5|5|3|zero|more|4"),
        "{html}"
    );
}

#[test]
fn loops_sets_and_includes_render_as_tera() {
    let tera = loaded(&[
        (
            "page.html",
            "{% set current = section | default(value=\"\") %}\
             {% for account in demo_accounts %}{% set shown = account[0] | upper %}<code>{{ shown }}</code>\
             {{ loop.index }}/{{ loop.index0 }}{% if loop.first %}F{% endif %}{% if not loop.last %}, {% endif %}{% endfor %}\
             {% for d in decisions %}<li data-switch=\"{{ d.switch }}\">{{ d.code }}{{ current }}</li>{% endfor %}\
             {% for k, v in budget %}{{ k }}={{ v }};{% endfor %}\
             {% for w in nowhere | default(value=[]) %}x{% else %}none{% endfor %}\
             {% for w in words %}{% set_global last = w %}{% endfor %}last={{ last }}\
             {% include \"part.html\" %}after={{ current }}",
        ),
        (
            "part.html",
            "{% set current = \"in the include\" %}<nav>{{ current }} {{ user }}</nav>",
        ),
    ]);
    let html = same(&tera, "page.html", &context());
    assert!(html.contains("<code>ALICE</code>") && html.contains("anonymous=10;"));
    assert!(
        html.contains("last=b") && html.contains("after=sessions"),
        "{html}"
    );
}

#[test]
fn macros_with_defaults_and_nested_calls_render_as_tera() {
    let tera = loaded(&[
        (
            "macros.html",
            "{% macro time(t, label=\"at\") %}<time data-unix=\"{{ t.unix }}\">{{ label }} {{ t.at }}</time>{% endmacro time %}\
             {% macro decisions(list) %}<ul>{% for d in list %}<li>{{ self::code(c=d.code) }}</li>{% endfor %}</ul>{% endmacro decisions %}\
             {% macro code(c) %}<code>{{ c }} {{ user }}</code>{% endmacro code %}",
        ),
        (
            "page.html",
            "{% import \"macros.html\" as m %}{{ m::time(t=session.created) }}|\
             {{ m::time(t=session.created, label=user) }}|{{ m::decisions(list=decisions) }}|\
             {% set fragment = m::code(c=user) %}{{ fragment }}",
        ),
    ]);
    let html = same(&tera, "page.html", &context());
    assert!(html.contains("<code>kept"), "{html}");
}

#[test]
fn a_render_that_meets_what_only_tera_handles_leaves_the_buffer_as_it_was() {
    let tera = loaded(&[(
        "page.html",
        "<p>{{ user }}</p>{% for c in user %}{{ c }}{% endfor %}",
    )]);
    let (programs, _) = Programs::compile(&tera, &Directs::new(), &[]);
    let mut out = b"before".to_vec();
    // A loop over a string's characters is Tera's.
    assert!(programs
        .render("page.html", &data(&context()), &mut out)
        .is_none());
    assert_eq!(out, b"before");
    // So is an undefined name printed (Tera's error).
    let tera = loaded(&[("page.html", "<p>{{ nowhere }}</p>")]);
    let (programs, _) = Programs::compile(&tera, &Directs::new(), &[]);
    assert!(programs
        .render("page.html", &data(&context()), &mut out)
        .is_none());
    assert!(tera.render("page.html", &context()).is_err());
}

#[test]
fn every_printed_string_and_only_those_go_through_the_pages_string_writer() {
    let tera = loaded(&[(
        "page.html",
        "<p>{{ user }}</p>{% macro m(x) %}[{{ x }}]{% endmacro m %}{{ self::m(x=\"in\") }}{{ 7 }}",
    )]);
    let (programs, _) = Programs::compile(&tera, &Directs::new(), &[]);
    let mut out = Vec::new();
    let upper =
        |text: &str, out: &mut Vec<u8>| out.extend_from_slice(text.to_uppercase().as_bytes());
    programs
        .render_kept("page.html", &data(&context()), &mut out, &upper)
        .expect("renders");
    // The template's own text and the number are written as they are; the name's value and the
    // macro's argument went through the writer (and the macro's output, once more, unchanged).
    assert_eq!(
        String::from_utf8(out).expect("UTF-8"),
        "<p>&LT;ALICE &AMP; BOB&GT;</p>[IN]7"
    );
}

#[test]
fn the_escape_function_is_the_one_tera_was_given() {
    let mut tera = loaded(&[("page.html", "{{ user }} {{ \"a/b\" }}")]);
    tera.set_escape_fn(|text| text.replace('&', "+"));
    assert_eq!(same(&tera, "page.html", &context()), "<alice + bob> a/b");
    // Whatever characters it changes, letters or `/`, are changed in a value of plain words.
    tera.set_escape_fn(|text| text.replace(['b', '/'], "_"));
    let mut words = context();
    words.insert("user", "bob");
    assert_eq!(same(&tera, "page.html", &words), "_o_ a__");
}

/// The arguments a call was given, sorted, as `name=value` (values as JSON); counts its calls.
#[derive(Default)]
struct Echo(std::sync::atomic::AtomicUsize);

impl Echo {
    fn answer(args: &[(&str, &Value)]) -> Value {
        let mut given: Vec<String> = args
            .iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect();
        given.sort();
        Value::String(given.join(" "))
    }
}

impl super::Direct for Echo {
    fn call(&self, args: &[(&str, &Value)]) -> tera::Result<Value> {
        self.0.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(Echo::answer(args))
    }

    fn is_safe(&self) -> bool {
        false
    }
}

#[test]
fn a_function_with_a_direct_form_is_called_in_it_with_its_arguments_worked_out() {
    let mut tera = loaded(&[(
        "page.html",
        "<p>{{ echo(who=user, n=visits + 1, key=\"k\") }}</p>",
    )]);
    tera.register_function("echo", |args: &HashMap<String, Value>| {
        let args: Vec<(&str, &Value)> = args.iter().map(|(k, v)| (k.as_str(), v)).collect();
        Ok(Echo::answer(&args))
    });
    let echo = Arc::new(Echo::default());
    let directs: Directs = [("echo".to_string(), echo.clone() as Arc<dyn super::Direct>)].into();
    let (programs, _) = Programs::compile(&tera, &directs, &[]);
    let mut out = Vec::new();
    programs
        .render("page.html", &data(&context()), &mut out)
        .expect("the program renders the page");
    let html = String::from_utf8(out).expect("UTF-8");
    // Escaped, as the function is not safe; the same bytes as Tera's function of that name.
    assert_eq!(
        html,
        "<p>key=&quot;k&quot; n=4 who=&quot;&lt;alice &amp; bob&gt;&quot;</p>"
    );
    assert_eq!(html, tera.render("page.html", &context()).expect("renders"));
    assert_eq!(echo.0.load(std::sync::atomic::Ordering::Relaxed), 1);
}

/// `page.html` rendered keeping its fragments, checked against Tera's render for `context`
/// (`render` names it in a failure).
fn kept_as_tera(tera: &Tera, programs: &Programs, context: &Context, render: impl Display) {
    let expected = tera.render("page.html", context).expect("Tera renders it");
    assert_eq!(
        kept(programs, "page.html", context),
        expected,
        "render {render}"
    );
}

/// A context from `base` with each (name, value) of `changes` put in.
fn changed(base: &Context, changes: &[(&str, Value)]) -> Context {
    let mut context = base.clone();
    for (name, value) in changes {
        context.insert(*name, value);
    }
    context
}

#[test]
fn a_kept_fragment_is_written_again_only_while_the_values_it_read_are_the_same() {
    let mut tera = loaded(&[
        (
            "macros.html",
            "{% macro card(d, label) %}<li data-switch=\"{{ d.switch }}\">{{ label | upper }} {{ d.code | upper }}</li>{% endmacro card %}",
        ),
        (
            "part.html",
            "<nav>{{ user | lower }} {{ hello(who=session.id) }}</nav>",
        ),
        (
            "page.html",
            "{% import \"macros.html\" as m %}\
             {% if flag %}<p>{{ hello(who=user) }} {{ visits + 1 }}</p>{% else %}<p>{{ hello(who=\"nobody\") }}</p>{% endif %}\
             <ul>{% for d in decisions %}{{ m::card(d=d, label=section) }}{% if loop.last %}{{ hello(who=loop.index) }}{% endif %}{% endfor %}</ul>\
             {% include \"part.html\" %}<p>{{ hello(who=session.created.at) | title }}</p>",
        ),
    ]);
    tera.register_function("hello", |args: &HashMap<String, Value>| {
        Ok(Value::String(format!("hello {}", args["who"])))
    });
    let (programs, _) = Programs::compile(&tera, &Directs::new(), &["hello"]);
    let base = context();
    let decisions = json!([{"switch": "s1", "code": "kept"}, {"switch": "s3", "code": "off"}]);
    let contexts = [
        base.clone(),
        base.clone(),
        changed(&base, &[("visits", json!(4))]),
        changed(&base, &[("flag", json!(false))]),
        changed(&base, &[("user", json!("carol"))]),
        changed(&base, &[("decisions", decisions.clone())]),
        changed(&base, &[("decisions", json!([]))]),
        changed(
            &base,
            &[("section", json!("cookies")), ("decisions", decisions)],
        ),
        changed(
            &base,
            &[("session", json!({"id": "xyz", "created": {"at": "later"}}))],
        ),
        base.clone(),
        changed(&base, &[("flag", json!(false))]),
    ];
    // Each page as Tera renders it for its own context, however the ones before it went.
    for (i, context) in contexts.iter().enumerate() {
        kept_as_tera(&tera, &programs, context, i);
    }
    let (written, rendered) = programs.kept_counts();
    assert!(written > 10 && rendered > 10, "{written} {rendered}");
}

#[test]
fn a_fragment_that_sets_a_name_around_it_or_calls_an_impure_function_is_rendered_each_time() {
    let mut tera = loaded(&[(
        "page.html",
        "{% set shown = \"none\" %}{% if flag %}{% set shown = user | upper %}{% endif %}[{{ shown }}]\
         {% for w in words %}{% set_global last = w | upper %}{% endfor %}[{{ last }}]\
         {% if flag %}<p>{{ tick() }}</p>{% endif %}",
    )]);
    let ticks = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = ticks.clone();
    tera.register_function("tick", move |_: &HashMap<String, Value>| {
        let n = counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(Value::from(n))
    });
    let (programs, _) = Programs::compile(&tera, &Directs::new(), &[]);
    let base = context();
    assert_eq!(
        kept(&programs, "page.html", &base),
        "[&lt;ALICE &amp; BOB&gt;][B]<p>0</p>"
    );
    assert_eq!(
        kept(&programs, "page.html", &base),
        "[&lt;ALICE &amp; BOB&gt;][B]<p>1</p>"
    );
    let carol = changed(
        &base,
        &[("user", json!("carol")), ("words", json!(["x", "y", "z"]))],
    );
    assert_eq!(kept(&programs, "page.html", &carol), "[CAROL][Z]<p>2</p>");
    // None of the three was kept: each sets a name or calls `tick()`.
    assert_eq!(programs.kept_counts().0, 0);
    assert_eq!(programs.kept.size(), 0);
}

#[test]
fn a_macro_reads_the_pages_context_past_the_values_around_its_call() {
    // Inside the macro `user` is the page's, not the loop's: a version kept when both were
    // "a" is not written again when only the loop's still is.
    let tera = loaded(&[
        (
            "macros.html",
            "{% macro show() %}<b>{{ user | upper }}</b>{% endmacro show %}",
        ),
        (
            "page.html",
            "{% import \"macros.html\" as m %}{% for user in words %}{{ user }}{{ m::show() }};{% endfor %}",
        ),
    ]);
    let (programs, _) = Programs::compile(&tera, &Directs::new(), &[]);
    let first = changed(&context(), &[("user", json!("a"))]);
    let second = changed(&context(), &[("user", json!("z"))]);
    for context in [&first, &first, &second, &first] {
        kept_as_tera(&tera, &programs, context, "");
    }
    assert_eq!(
        kept(&programs, "page.html", &second),
        "a<b>Z</b>;b<b>Z</b>;"
    );
}

#[test]
fn a_fragment_that_changes_on_every_render_rests_and_the_fragments_inside_it_are_kept() {
    let tera = loaded(&[(
        "page.html",
        "{% if flag %}<p>{{ visits }}</p>{% for w in words %}<i>{{ w | upper }}</i>{% endfor %}{% endif %}",
    )]);
    let (programs, _) = Programs::compile(&tera, &Directs::new(), &[]);
    for visits in 0..200 {
        let context = changed(&context(), &[("visits", json!(visits))]);
        assert_eq!(
            kept(&programs, "page.html", &context),
            format!("<p>{visits}</p><i>A</i><i>B</i>")
        );
    }
    // The loop inside was written again on nearly every render; the condition around it,
    // which prints the count, and the run of its branch's steps were each tried only until
    // they were seen to change every time (16 renders each, the loop's first two besides).
    let (written, rendered) = programs.kept_counts();
    assert!(written >= 180, "written again {written} times");
    assert!(
        rendered <= 3 * 16 + 2,
        "rendered and recorded {rendered} times"
    );
}

#[test]
fn a_macros_body_is_kept_by_the_parts_of_its_arguments_it_reads() {
    // Each call's argument changes (its count), the parts the body reads do not; what the body
    // sets in its own frame is its own.
    let tera = loaded(&[
        (
            "macros.html",
            "{% macro card(c) %}{% set label = c.kind | upper %}<b>{{ label }}</b>\
             {% if c.kind == \"plain\" %}{{ c.kind }}{% endif %}{% set c = \"gone\" %}{{ c }}{% endmacro card %}\
             {% macro late(c) %}{% set n = c.count %}{% if c.kind %}{% set n = c.kind | upper %}{% endif %}[{{ n }}]{% endmacro late %}",
        ),
        (
            "page.html",
            "{% import \"macros.html\" as m %}{% for c in counters %}{{ c.count }}{{ m::card(c=c) }};{% endfor %}\
             {{ m::late(c=counters.0) }}",
        ),
    ]);
    let (programs, _) = Programs::compile(&tera, &Directs::new(), &[]);
    for n in 0..40 {
        let counters = json!([{"kind": "plain", "count": n}, {"kind": "signed", "count": 2 * n}]);
        let context = changed(&context(), &[("counters", counters)]);
        kept_as_tera(&tera, &programs, &context, n);
    }
    // The body of `card` (the only fragment here that reads no count) was written again for
    // both calls of every render after the first. In `late`, a condition that sets a name in
    // the macro's frame for the rest of the body to read is not the body: never written again.
    let (written, _) = programs.kept_counts();
    assert_eq!(written, 2 * 39);
}

/// `page` (as `page.html`) rendered 60 times keeping its fragments, each render checked against
/// Tera's, with `visits` counting from 0 and the other changes `more` gives for each count;
/// how many times a fragment was written again.
fn written_again_over_60_visits(
    page: &str,
    more: impl Fn(u64) -> Vec<(&'static str, Value)>,
) -> u64 {
    let tera = loaded(&[("page.html", page)]);
    let (programs, _) = Programs::compile(&tera, &Directs::new(), &[]);
    for visits in 0..60 {
        let mut changes = vec![("visits", json!(visits))];
        changes.extend(more(visits));
        let context = changed(&context(), &changes);
        kept_as_tera(&tera, &programs, &context, visits);
    }
    programs.kept_counts().0
}

#[test]
fn a_pages_steps_are_kept_in_runs_and_a_run_that_sets_a_name_for_the_steps_after_it_never_is() {
    // Plain prints are no fragments of their own: only a run of them is kept. The visit count
    // changes on every render; the user changes once, and with it what the `set` holds.
    let written = written_again_over_60_visits(
        "<h1>{{ user }}</h1><p>{{ section }}</p><b>{{ session.id }}</b>\
         {% set shown = user | upper %}<i>{{ visits }}</i><p>{{ shown }}</p><u>{{ flag }}</u>",
        |visits| vec![("user", json!(if visits < 30 { "alice" } else { "carol" }))],
    );
    // The first run (the heading, the section and the session) was written again whole on
    // the renders where the user stayed the same.
    assert!(written >= 50, "written again {written} times");
}

#[test]
fn the_steps_of_a_conditions_branch_are_kept_as_a_run_of_their_own() {
    // The condition is no fragment (it does no work); the page as a whole changes with the
    // count and rests, and the branch's run is written again.
    let written = written_again_over_60_visits(
        "{% if flag %}<h1>{{ user }}</h1><p>{{ section }}</p>{% endif %}<i>{{ visits }}</i>",
        |_| Vec::new(),
    );
    assert!(written >= 50, "written again {written} times");
}
