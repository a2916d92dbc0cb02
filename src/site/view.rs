//! Pages rendered by the app's own copy of the Tera engine, the context serialized once.
//!
//! `rocket_dyn_templates::Template` serializes a page's context twice (into a figment value
//! when the handler returns, into Tera's JSON when it responds), which was a sixth of a lab
//! page's time. This `Template` keeps the same calls (`Template::render(name, context!{…})`)
//! but serializes the context straight away into the tree a page's program reads
//! (`program::Data`, which becomes JSON and Tera's `Context` only when Tera renders) and
//! renders with a copy of the engine that
//! `rocket_dyn_templates` loads (and, in `debug`, reloads when a template changes): one copy per
//! language, whose `t()` reads that language's messages. Every page's context gets `lang`.
//! A page that depends only on what a key names (a chapter) can be kept in a [`Memo`] and
//! served again without rendering.

use std::borrow::Cow;
use std::collections::HashMap;
use std::convert::Infallible;
use std::io::Cursor;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use rocket::fairing::AdHoc;
use rocket::http::{ContentType, Status};
use rocket::request::{FromRequest, Outcome};
use rocket::response::{self, Responder};
use rocket::{Build, Orbit, Request, Rocket};
use rocket_dyn_templates::tera::{self, Tera};
use serde::Serialize;

use super::durations;
use super::lang::Lang;
use super::messages::Messages;
use super::program::{Data, Directs, Node, Programs};

pub use rocket_dyn_templates::context;

/// A page to render: a template name (`labs/sessions/index`) and its context.
#[derive(Debug)]
pub struct Template {
    name: Cow<'static, str>,
    // Boxed: a response enum holding a `Template` stays small.
    context: Result<Box<Data>, String>,
}

impl Template {
    /// The page `name` (a path under `templates/` without `.html.tera`) with `context`.
    pub fn render(name: impl Into<Cow<'static, str>>, context: impl Serialize) -> Template {
        Template {
            name: name.into(),
            context: Data::of(&context).map(Box::new),
        }
    }

    /// The template rendered to a string, for a fragment that a fairing writes into a page;
    /// `None` (and a log line) when it cannot be rendered.
    pub fn show(request: &Request<'_>, name: &str, context: impl Serialize) -> Option<String> {
        let html = Template::render(name.to_string(), context)
            .finish(request)
            .ok()?;
        String::from_utf8(html).ok()
    }

    /// The page's HTML: Tera writes UTF-8, which goes out as bytes without being checked again.
    fn finish(self, request: &Request<'_>) -> Result<Vec<u8>, Status> {
        self.finish_in(request.rocket(), Lang::of(request))
    }

    /// [`Template::finish`] in `lang`, with the engine and messages `rocket` manages.
    fn finish_in(self, rocket: &Rocket<Orbit>, lang: Lang) -> Result<Vec<u8>, Status> {
        let engine = rocket.state::<Engine>().ok_or_else(|| {
            rocket::error!("no template engine is attached to render `{}`", self.name);
            Status::InternalServerError
        })?;
        let mut context = self.context.map_err(|e| {
            rocket::error!("the context of `{}` is not serializable: {e}", self.name);
            Status::InternalServerError
        })?;
        context.insert("lang", Node::Leaf(lang.code().into()));
        let messages = rocket.state::<Arc<Messages>>().map(Arc::as_ref);
        engine.render(&self.name, *context, Durations { lang, messages })
    }
}

impl<'r> Responder<'r, 'static> for Template {
    fn respond_to(self, request: &'r Request<'_>) -> response::Result<'static> {
        let html = self.finish(request)?;
        page_response(request, Lang::of(request), Page::Rendered(Arc::new(html)))
    }
}

/// A page's bytes, shared by its response's body and the request ([`sent_page`]).
#[derive(Clone)]
pub(super) enum Page {
    Rendered(Arc<Vec<u8>>),
    Kept(Arc<[u8]>),
}

impl AsRef<[u8]> for Page {
    fn as_ref(&self) -> &[u8] {
        match self {
            Page::Rendered(html) => html,
            Page::Kept(html) => html,
        }
    }
}

/// The page this request's responder answered with, kept beside its body.
#[derive(Default)]
struct SentPage(Mutex<Option<Page>>);

/// The page this request's responder answered with, if it answered with one: what a response
/// fairing that rewrites the page ([`super::slots`]) reads instead of reading the body back.
/// No fairing replaces a page's body before that one, so the body holds these bytes (debug
/// builds check it on every page the tests visit).
pub(super) fn sent_page(request: &Request<'_>) -> Option<Page> {
    request.local_cache(SentPage::default).0.lock().ok()?.take()
}

/// A page as it goes out, in `lang`.
fn page_response(request: &Request<'_>, lang: Lang, html: Page) -> response::Result<'static> {
    let size = html.as_ref().len();
    if let Ok(mut sent) = request.local_cache(SentPage::default).0.lock() {
        *sent = Some(html.clone());
    }
    rocket::Response::build()
        .header(ContentType::HTML)
        .sized_body(size, Cursor::new(html))
        .raw_header("Content-Language", lang.code())
        // The same URL answers in the language the browser asks for.
        .raw_header_adjoin("Vary", "Accept-Language")
        // The page in one write: in Rocket's default 4 KiB chunks a lab page took four
        // system calls, a third of the server's time for that page.
        .max_chunk_size(size.max(1))
        .ok()
}

/// A page rendered earlier and served again as it was: the bytes and headers the
/// [`Template`] that rendered it gave.
pub struct KeptPage {
    html: Arc<[u8]>,
    lang: Lang,
}

impl<'r> Responder<'r, 'static> for KeptPage {
    fn respond_to(self, request: &'r Request<'_>) -> response::Result<'static> {
        page_response(request, self.lang, Page::Kept(self.html))
    }
}

/// The running app as a request guard: what a [`Memo`] renders with.
pub struct Site<'r>(&'r Rocket<Orbit>);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for Site<'r> {
    type Error = Infallible;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        Outcome::Success(Site(request.rocket()))
    }
}

/// How many pages a [`Memo`] keeps.
const MEMO_PAGES: usize = 256;

/// Pages whose HTML depends only on their key and the page's language (a chapter: its slug and
/// the reader's origin), each rendered once and served again while the templates that rendered
/// it stay loaded (a `debug` build reloads them when one changes). The request's `Host` picks
/// the origin, so the memo keeps at most `MEMO_PAGES` and starts again empty when it is
/// full: made-up hosts cost a render each, never memory.
#[derive(Default)]
pub struct Memo {
    pages: RwLock<Pages>,
    /// How many pages it has rendered.
    renders: AtomicU64,
}

/// Pages by language and key, with the templates' generation that rendered each.
type Pages = HashMap<(Lang, String), (u64, Arc<[u8]>)>;

/// Keeps `html` under `key` in `pages`, which holds at most `capacity`: a full memo starts again
/// empty (what is asked for again comes back with its next render).
fn keep(pages: &mut Pages, key: (Lang, String), html: (u64, Arc<[u8]>), capacity: usize) {
    if pages.len() >= capacity && !pages.contains_key(&key) {
        pages.clear();
    }
    pages.insert(key, html);
}

impl Memo {
    /// The page kept under `key` in `lang`, else the template `render` gives, rendered now with
    /// what the running app manages, and kept.
    pub fn page<E>(
        &self,
        site: Site<'_>,
        lang: Lang,
        key: String,
        render: impl FnOnce() -> Template,
    ) -> Result<KeptPage, E>
    where
        E: From<Status>,
    {
        let rocket = site.0;
        let engine = rocket.state::<Engine>();
        // Read before rendering: a page rendered while the templates reload counts as old.
        let generation = engine.map_or(0, Engine::generation);
        let key = (lang, key);
        if let Ok(pages) = self.pages.read() {
            if let Some((kept, html)) = pages.get(&key) {
                if *kept == generation {
                    let html = Arc::clone(html);
                    return Ok(KeptPage { html, lang });
                }
            }
        }
        let html: Arc<[u8]> = render().finish_in(rocket, lang)?.into();
        self.renders.fetch_add(1, Ordering::Relaxed);
        if let Ok(mut pages) = self.pages.write() {
            keep(&mut pages, key, (generation, Arc::clone(&html)), MEMO_PAGES);
        }
        Ok(KeptPage { html, lang })
    }

    /// How many pages it keeps now.
    pub fn len(&self) -> usize {
        self.pages.read().map_or(0, |pages| pages.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many pages it has rendered (a page served again is not rendered again).
    pub fn renders(&self) -> u64 {
        self.renders.load(Ordering::Relaxed)
    }
}

/// The bytes a page's buffer starts with (a lab page is 10–20 KB).
const PAGE_CAPACITY: usize = 24 * 1024;

/// One language's copy of the templates, and their programs (`site::program`).
struct Loaded {
    lang: Lang,
    tera: Tera,
    programs: Programs,
}

/// The loaded templates, one copy per language, shared with `rocket_dyn_templates`' loader,
/// and how many times they have been loaded.
#[derive(Clone, Default)]
struct Engine {
    loaded: Arc<RwLock<Vec<Loaded>>>,
    generation: Arc<AtomicU64>,
}

/// A page's language, and the messages its durations are written with (`site::durations`).
#[derive(Clone, Copy)]
struct Durations<'m> {
    lang: Lang,
    messages: Option<&'m Messages>,
}

impl Durations<'_> {
    /// A string a program prints, its durations written out.
    fn write(&self, text: &str, out: &mut Vec<u8>) {
        match self.messages {
            Some(messages) => durations::write(text, self.lang, messages, out),
            None => out.extend_from_slice(text.as_bytes()),
        }
    }

    /// A page Tera rendered, its durations written out.
    fn page(&self, html: Vec<u8>) -> Vec<u8> {
        match self
            .messages
            .map(|messages| durations::localize(&html, self.lang, messages))
        {
            Some(Cow::Owned(localized)) => localized,
            _ => html,
        }
    }
}

impl Engine {
    /// Changes each time the templates load.
    fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    fn render(&self, name: &str, context: Data, durations: Durations) -> Result<Vec<u8>, Status> {
        let engines = self
            .loaded
            .read()
            .map_err(|_| Status::InternalServerError)?;
        let loaded = engines
            .iter()
            .find(|loaded| loaded.lang == durations.lang)
            .ok_or(Status::InternalServerError)?;
        // Room for a lab page at once: growing from Tera's default 2 KB copies it five times.
        let mut html = Vec::with_capacity(PAGE_CAPACITY);
        let strings = |text: &str, out: &mut Vec<u8>| durations.write(text, out);
        if (loaded.programs)
            .render_kept(name, &context, &mut html, &strings)
            .is_some()
        {
            if cfg!(debug_assertions) {
                let expected =
                    tera_render(&loaded.tera, name, &tera_context(&context)?, Vec::new());
                same_as_tera(name, &durations.page(expected?), &html)?;
            }
            return Ok(html);
        }
        let html = tera_render(&loaded.tera, name, &tera_context(&context)?, html)?;
        Ok(durations.page(html))
    }
}

/// The context as Tera takes it.
fn tera_context(context: &Data) -> Result<tera::Context, Status> {
    tera::Context::from_value(context.to_value()).map_err(|e| {
        rocket::error!("a page's context is not Tera's: {e}");
        Status::InternalServerError
    })
}

/// In `debug` builds a page rendered from its program is rendered by Tera too, and a
/// difference is an error (as a failed debug assertion): the test suite, which visits every
/// page, checks the programs this way.
fn same_as_tera(name: &str, expected: &[u8], html: &[u8]) -> Result<(), Status> {
    if expected == html {
        return Ok(());
    }
    let at = expected
        .iter()
        .zip(html)
        .position(|(a, b)| a != b)
        .unwrap_or(expected.len().min(html.len()));
    let around = |bytes: &[u8]| {
        let end = (at + 80).min(bytes.len());
        String::from_utf8_lossy(&bytes[at.saturating_sub(80)..end]).into_owned()
    };
    rocket::error!(
        "`{name}` rendered from its program differs from Tera's at byte {at}: Tera wrote          {:?}, the program {:?}",
        around(expected),
        around(html)
    );
    Err(Status::InternalServerError)
}

/// `name` rendered by Tera onto `html`.
fn tera_render(
    tera: &Tera,
    name: &str,
    context: &tera::Context,
    mut html: Vec<u8>,
) -> Result<Vec<u8>, Status> {
    tera.render_to(name, context, &mut html).map_err(|e| {
        // Tera's message is on the innermost error: walk the chain for the log.
        let mut reason = e.to_string();
        let mut source = std::error::Error::source(&e);
        while let Some(inner) = source {
            reason = format!("{reason}: {inner}");
            source = inner.source();
        }
        rocket::error!("rendering `{name}` failed: {reason}");
        Status::InternalServerError
    })?;
    Ok(html)
}

/// The error a `customize` callback may return.
pub type SetupError = Box<dyn std::error::Error>;

/// Loads the templates with `rocket_dyn_templates` (which reloads them on change in `debug`),
/// lets `customize` register the functions the templates call in each language (returning
/// those that pages' programs call in their direct form), and keeps those copies to render
/// [`Template`]s with. The functions named in `pure` answer the same for the same arguments,
/// so what a page writes with them can be kept and written again (`program::kept`).
pub fn attach<F>(
    rocket: Rocket<Build>,
    pure: &'static [&'static str],
    customize: F,
) -> Rocket<Build>
where
    F: Fn(&mut Tera, Lang) -> Result<Directs, SetupError> + Send + Sync + 'static,
{
    let engine = Engine::default();
    let loaded = engine.clone();
    rocket
        .attach(rocket_dyn_templates::Template::try_custom(move |engines| {
            let mut copies = Vec::new();
            for lang in Lang::ALL {
                let mut tera = engines.tera.clone();
                let directs = customize(&mut tera, lang)?;
                let (programs, skipped) = Programs::compile(&tera, &directs, pure);
                if lang == Lang::ALL[0] {
                    for (name, reason) in skipped {
                        rocket::info!("`{name}` renders with Tera: it has {reason}");
                    }
                }
                copies.push(Loaded {
                    lang,
                    tera,
                    programs,
                });
            }
            *loaded
                .loaded
                .write()
                .map_err(|_| "the template engine lock")? = copies;
            loaded.generation.fetch_add(1, Ordering::Release);
            Ok(())
        }))
        .attach(AdHoc::on_ignite("Template engine", |rocket| async move {
            rocket.manage(engine)
        }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_memo_starts_again_empty_and_never_holds_more_than_its_capacity() {
        let mut pages = Pages::new();
        let page = |n: u8| (0, Arc::from(vec![n]));
        for n in 0..3 {
            keep(&mut pages, (Lang::En, format!("origin {n}")), page(n), 3);
        }
        assert_eq!(pages.len(), 3);
        // A page kept again under its own key makes no room.
        keep(&mut pages, (Lang::En, "origin 2".into()), page(9), 3);
        assert_eq!(pages.len(), 3);
        assert_eq!(pages[&(Lang::En, "origin 2".to_string())].1[..], [9]);
        // A fourth key: only it is kept.
        keep(&mut pages, (Lang::Ko, "origin 0".into()), page(4), 3);
        assert_eq!(pages.len(), 1);
        assert!(pages.contains_key(&(Lang::Ko, "origin 0".to_string())));
    }

    #[test]
    fn a_program_render_that_differs_from_teras_is_an_error_and_the_same_bytes_pass() {
        assert_eq!(
            same_as_tera("page.html", b"<p>alice</p>", b"<p>alice</p>"),
            Ok(())
        );
        assert_eq!(
            same_as_tera("page.html", b"<p>alice</p>", b"<p>alice </p>"),
            Err(Status::InternalServerError)
        );
    }
}
