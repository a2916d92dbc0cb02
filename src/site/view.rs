//! Pages rendered by the app's own copy of the Tera engine, the context serialized once.
//!
//! `rocket_dyn_templates::Template` serializes a page's context twice (into a figment value
//! when the handler returns, into Tera's JSON when it responds), which was a sixth of a lab
//! page's time. This `Template` keeps the same calls (`Template::render(name, context!{…})`)
//! but turns the context into Tera's straight away and renders with a copy of the engine that
//! `rocket_dyn_templates` loads (and, in `debug`, reloads when a template changes): one copy per
//! language, whose `t()` reads that language's messages. Every page's context gets `lang`.

use std::borrow::Cow;
use std::sync::{Arc, RwLock};

use rocket::fairing::AdHoc;
use rocket::http::{ContentType, Status};
use rocket::response::{self, Responder};
use rocket::{Build, Request, Rocket};
use rocket_dyn_templates::tera::{self, Tera};
use serde::Serialize;

use super::durations;
use super::lang::Lang;
use super::messages::Messages;

pub use rocket_dyn_templates::context;

/// A page to render: a template name (`labs/sessions/index`) and its context.
#[derive(Debug)]
pub struct Template {
    name: Cow<'static, str>,
    // Boxed: a response enum holding a `Template` stays small.
    context: Result<Box<tera::Context>, String>,
}

impl Template {
    /// The page `name` (a path under `templates/` without `.html.tera`) with `context`.
    pub fn render(name: impl Into<Cow<'static, str>>, context: impl Serialize) -> Template {
        Template {
            name: name.into(),
            context: tera::Context::from_serialize(context)
                .map(Box::new)
                .map_err(|e| e.to_string()),
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
        let engine = request.rocket().state::<Engine>().ok_or_else(|| {
            rocket::error!("no template engine is attached to render `{}`", self.name);
            Status::InternalServerError
        })?;
        let mut context = self.context.map_err(|e| {
            rocket::error!("the context of `{}` is not serializable: {e}", self.name);
            Status::InternalServerError
        })?;
        let lang = Lang::of(request);
        context.insert("lang", lang.code());
        let html = engine.render(lang, &self.name, &context)?;
        // Durations are written in the page's language last (see `site::durations`).
        Ok(match request.rocket().state::<Arc<Messages>>() {
            Some(messages) => match durations::localize(&html, lang, messages) {
                Cow::Borrowed(_) => html,
                Cow::Owned(localized) => localized,
            },
            None => html,
        })
    }
}

impl<'r> Responder<'r, 'static> for Template {
    fn respond_to(self, request: &'r Request<'_>) -> response::Result<'static> {
        let html = self.finish(request)?;
        let lang = Lang::of(request);
        let size = html.len();
        rocket::Response::build_from((ContentType::HTML, html).respond_to(request)?)
            .raw_header("Content-Language", lang.code())
            // The same URL answers in the language the browser asks for.
            .raw_header_adjoin("Vary", "Accept-Language")
            // The page in one write: in Rocket's default 4 KiB chunks a lab page took four
            // system calls, a third of the server's time for that page.
            .max_chunk_size(size.max(1))
            .ok()
    }
}

/// The bytes a page's buffer starts with (a lab page is 10–20 KB).
const PAGE_CAPACITY: usize = 24 * 1024;

/// The loaded templates, one copy per language, shared with `rocket_dyn_templates`' loader.
#[derive(Clone, Default)]
struct Engine(Arc<RwLock<Vec<(Lang, Tera)>>>);

impl Engine {
    fn render(&self, lang: Lang, name: &str, context: &tera::Context) -> Result<Vec<u8>, Status> {
        let engines = self.0.read().map_err(|_| Status::InternalServerError)?;
        let (_, tera) = engines
            .iter()
            .find(|(l, _)| *l == lang)
            .ok_or(Status::InternalServerError)?;
        // Room for a lab page at once: growing from Tera's default 2 KB copies it five times.
        let mut html = Vec::with_capacity(PAGE_CAPACITY);
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
}

/// The error a `customize` callback may return.
pub type SetupError = Box<dyn std::error::Error>;

/// Loads the templates with `rocket_dyn_templates` (which reloads them on change in `debug`),
/// lets `customize` register the functions the templates call in each language, and keeps
/// those copies to render [`Template`]s with.
pub fn attach<F>(rocket: Rocket<Build>, customize: F) -> Rocket<Build>
where
    F: Fn(&mut Tera, Lang) -> Result<(), SetupError> + Send + Sync + 'static,
{
    let engine = Engine::default();
    let loaded = engine.clone();
    rocket
        .attach(rocket_dyn_templates::Template::try_custom(move |engines| {
            let mut copies = Vec::new();
            for lang in Lang::ALL {
                let mut copy = engines.tera.clone();
                customize(&mut copy, lang)?;
                copies.push((lang, copy));
            }
            *loaded.0.write().map_err(|_| "the template engine lock")? = copies;
            Ok(())
        }))
        .attach(AdHoc::on_ignite("Template engine", |rocket| async move {
            rocket.manage(engine)
        }))
}
