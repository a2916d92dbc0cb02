//! The tutorial, rendered from `docs/*.md` at start-up, and a read-only viewer for the
//! source files the chapters point at.
//!
//! The Markdown is written for a code host (relative links between files, full
//! `http://127.0.0.1:8000/...` links to the running app); links are rewritten here so the
//! same files work inside the app, and every other mention of that origin (in commands and
//! their output) becomes the origin the reader used to reach this server.

use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::site::view::{context, KeptPage, Memo, Site, Template};
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use rocket::fairing::AdHoc;
use rocket::http::Status;
use rocket::{get, routes, State};
use serde::Serialize;

use crate::config::AppConfig;
use crate::site::error::AppError;
use crate::site::lang::Lang;
use crate::site::reader_origin::ReaderOrigin;

/// The app's own address as the docs spell it: inside the app, links to it become relative
/// and every other mention of it becomes the reader's own origin.
const APP_ORIGIN: &str = "http://127.0.0.1:8000";
/// What the source viewer may show: the code and templates the chapters discuss.
const VIEWABLE: [&str; 8] = [
    "src",
    "templates",
    "static",
    "tests",
    "benches",
    "docs",
    "Cargo.toml",
    "Rocket.toml",
];

/// One heading in a page's table of contents.
#[derive(Debug, Clone, Serialize)]
pub struct TocEntry {
    pub id: String,
    pub title: String,
}

/// A page's HTML (or its description), cut at every mention of the docs' default origin at
/// start-up, so that a request only joins the pieces with its reader's origin (no search per
/// request).
#[derive(Debug, Clone, Default)]
pub struct SplitAtOrigin(Vec<String>);

impl SplitAtOrigin {
    fn split(html: &str) -> SplitAtOrigin {
        SplitAtOrigin(html.split(APP_ORIGIN).map(str::to_string).collect())
    }

    /// The text with `origin` (`scheme://host[:port]`, nothing to escape) where the
    /// Markdown says `http://127.0.0.1:8000`.
    pub fn with_origin(&self, origin: &str) -> String {
        self.0.join(origin)
    }
}

/// A rendered Markdown file.
#[derive(Debug, Clone, Serialize)]
pub struct Page {
    pub slug: String,
    pub title: String,
    /// The file, relative to the repository root (`docs/01-why-cookies.md`).
    pub file: String,
    /// Rendered per request with the reader's origin: see [`SplitAtOrigin`].
    #[serde(skip)]
    pub html: SplitAtOrigin,
    pub toc: Vec<TocEntry>,
    /// A chapter's one line for the index (front matter `summary:`).
    pub summary: String,
    /// About how long a chapter takes, reading and running its commands (front matter
    /// `minutes:`).
    pub minutes: Option<u32>,
    /// The first paragraph as plain text, for `<meta name="description">`.
    #[serde(skip)]
    pub description: SplitAtOrigin,
}

/// An exercise: a page plus the metadata in its front matter.
#[derive(Debug, Clone, Serialize)]
pub struct Exercise {
    pub page: Page,
    pub difficulty: String,
    pub check: String,
    pub command: String,
}

/// A row of the tutorial's index: a chapter, its one line and its time.
#[derive(Debug, Serialize)]
pub struct ChapterRow<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub summary: &'a str,
    pub minutes: Option<u32>,
}

impl<'a> ChapterRow<'a> {
    fn of(page: &'a Page) -> ChapterRow<'a> {
        ChapterRow {
            slug: &page.slug,
            title: &page.title,
            summary: &page.summary,
            minutes: page.minutes,
        }
    }
}

/// Every chapter and exercise, in file-name order (in English; the Korean tutorial in
/// `docs/ko/` beside it).
#[derive(Debug, Default)]
pub struct Docs {
    pub chapters: Vec<Page>,
    pub exercises: Vec<Exercise>,
    korean: Option<Box<Docs>>,
}

/// Which folder a page lives in; decides how its relative links resolve.
#[derive(Clone, Copy)]
enum Folder {
    Chapters(Lang),
    Exercises(Lang),
}

impl Folder {
    fn dir(self) -> &'static str {
        match self {
            Folder::Chapters(Lang::En) => "docs",
            Folder::Exercises(Lang::En) => "docs/exercises",
            Folder::Chapters(Lang::Ko) => "docs/ko",
            Folder::Exercises(Lang::Ko) => "docs/ko/exercises",
        }
    }
}

/// `01-why-cookies.md` → `why-cookies`.
fn slug_of(file_name: &str) -> Option<String> {
    let stem = file_name.strip_suffix(".md")?;
    let (number, slug) = stem.split_once('-')?;
    (!number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) && !slug.is_empty())
        .then(|| slug.to_string())
}

/// Lower-case words joined by `-`, for heading anchors.
fn anchor(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Resolves `target` (relative to the repository folder `dir`) to a repository path,
/// refusing anything that climbs out of the repository.
fn resolve(dir: &str, target: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for part in target.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

/// Where a link in the Markdown should point inside the app.
fn rewrite_link(folder: Folder, url: &str) -> String {
    if let Some(rest) = url.strip_prefix(APP_ORIGIN) {
        return if rest.is_empty() {
            "/".into()
        } else {
            rest.into()
        };
    }
    if url.contains("://")
        || url.starts_with('#')
        || url.starts_with('/')
        || url.starts_with("mailto:")
    {
        return url.to_string();
    }
    let (path, fragment) = match url.split_once('#') {
        Some((path, fragment)) => (path, format!("#{fragment}")),
        None => (url, String::new()),
    };
    let Some(target) = resolve(folder.dir(), path) else {
        return url.to_string();
    };
    // A Korean page links to Korean pages; in the app they have the English pages' addresses
    // (the reader's language picks the text).
    let target = match target.strip_prefix("docs/ko") {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => format!("docs{rest}"),
        _ => target,
    };
    let in_app = if target == "docs" || target == "docs/README.md" {
        "/docs".to_string()
    } else if target == "docs/exercises" || target == "docs/exercises/README.md" {
        "/docs/exercises".to_string()
    } else if let Some(name) = target
        .strip_prefix("docs/exercises/")
        .filter(|n| !n.contains('/'))
    {
        match slug_of(name) {
            Some(slug) => format!("/docs/exercises/{slug}"),
            None => format!("/docs/source/{target}"),
        }
    } else if let Some(name) = target.strip_prefix("docs/").filter(|n| !n.contains('/')) {
        match slug_of(name) {
            Some(slug) => format!("/docs/{slug}"),
            None => format!("/docs/source/{target}"),
        }
    } else {
        format!("/docs/source/{target}")
    };
    format!("{in_app}{fragment}")
}

/// What [`render`] makes of a Markdown file.
struct Rendered {
    title: String,
    html: String,
    toc: Vec<TocEntry>,
    description: String,
}

/// The text of the first paragraph, for `<meta name="description">`: about a sentence or
/// two, cut at a word.
fn first_paragraph(events: &[Event<'_>]) -> String {
    const LONGEST: usize = 200;
    let mut text = String::new();
    let start = events
        .iter()
        .position(|e| matches!(e, Event::Start(Tag::Paragraph)));
    for event in events.iter().skip(start.map_or(events.len(), |i| i + 1)) {
        match event {
            Event::End(TagEnd::Paragraph) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    if text.chars().count() <= LONGEST {
        return text;
    }
    let cut: String = text.chars().take(LONGEST).collect();
    let words = cut
        .rsplit_once(' ')
        .map_or(cut.as_str(), |(words, _)| words);
    format!("{}…", words.trim_end_matches([',', ';', ':']))
}

/// Code blocks and tables scroll inside their own box on a narrow screen (the stylesheet
/// gives them `overflow-x: auto`), and `tabindex="0"` lets a keyboard scroll them too. The
/// Markdown writer spells both tags exactly so, and escapes any `<` in text.
fn scrolling_boxes(html: &str) -> String {
    html.replace("<pre><code", r#"<pre tabindex="0"><code"#)
        .replace(
            "<table>",
            r#"<div class="table-scroll" tabindex="0"><table>"#,
        )
        .replace("</table>", "</table></div>")
}

/// Renders Markdown to HTML: anchors on headings, a table of contents of the `##`
/// headings, and links rewritten for the app.
fn render(markdown: &str, folder: Folder) -> Rendered {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut events: Vec<Event<'_>> = Parser::new_ext(markdown, options).collect();

    let mut title = String::new();
    let mut toc = Vec::new();
    let mut used: Vec<String> = Vec::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { level, .. }) = &events[i] {
            let level = *level;
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    text.push_str(t);
                }
                j += 1;
            }
            let mut id = anchor(&text);
            let base = id.clone();
            let mut n = 1;
            while used.contains(&id) {
                n += 1;
                id = format!("{base}-{n}");
            }
            used.push(id.clone());
            if level == HeadingLevel::H1 && title.is_empty() {
                title = text.clone();
            }
            if level == HeadingLevel::H2 {
                toc.push(TocEntry {
                    id: id.clone(),
                    title: text,
                });
            }
            if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i] {
                *slot = Some(CowStr::from(id));
            }
            i = j;
        }
        if let Some(Event::Start(Tag::Link { dest_url, .. })) = events.get_mut(i) {
            *dest_url = CowStr::from(rewrite_link(folder, dest_url));
        }
        i += 1;
    }
    let description = first_paragraph(&events);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    Rendered {
        title,
        html: scrolling_boxes(&html),
        toc,
        description,
    }
}

/// Splits `---\nkey: value\n---\n` front matter from the body (chapters: `summary`,
/// `minutes`; exercises: `title`, `difficulty`, `check`).
fn front_matter(text: &str) -> (Vec<(String, String)>, &str) {
    let Some(rest) = text.strip_prefix("---\n") else {
        return (Vec::new(), text);
    };
    let Some(end) = rest.find("\n---\n") else {
        return (Vec::new(), text);
    };
    let fields = rest[..end]
        .lines()
        .filter_map(|line| line.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    (fields, &rest[end + 5..])
}

fn markdown_files(dir: &Path) -> Vec<(String, String)> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| slug_of(name).is_some())
        .collect();
    names.sort();
    names
        .into_iter()
        .filter_map(|name| Some((fs::read_to_string(dir.join(&name)).ok()?, name)))
        .collect()
}

/// The value of front matter field `key`, or empty.
fn field(fields: &[(String, String)], key: &str) -> String {
    fields
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

impl Docs {
    /// Reads and renders every chapter (`docs/NN-slug.md`) and exercise
    /// (`docs/exercises/NN-slug.md`) under `dir`.
    pub fn load(dir: &Path) -> Docs {
        let korean = Docs::load_in(&dir.join("ko"), Lang::Ko);
        Docs {
            korean: (!korean.chapters.is_empty()).then(|| Box::new(korean)),
            ..Docs::load_in(dir, Lang::En)
        }
    }

    /// The tutorial in `lang`, for a reader of that language (English where it has none).
    pub fn read_in(&self, lang: Lang) -> &Docs {
        match (&self.korean, lang) {
            (Some(korean), Lang::Ko) => korean,
            _ => self,
        }
    }

    fn load_in(dir: &Path, lang: Lang) -> Docs {
        let chapters = markdown_files(dir)
            .into_iter()
            .filter_map(|(text, name)| {
                let slug = slug_of(&name)?;
                let (fields, body) = front_matter(&text);
                let page = render(body, Folder::Chapters(lang));
                Some(Page {
                    slug,
                    title: page.title,
                    file: format!("{}/{name}", Folder::Chapters(lang).dir()),
                    html: SplitAtOrigin::split(&page.html),
                    toc: page.toc,
                    summary: field(&fields, "summary"),
                    minutes: field(&fields, "minutes").parse().ok(),
                    description: SplitAtOrigin::split(&page.description),
                })
            })
            .collect();
        let exercises = markdown_files(&dir.join("exercises"))
            .into_iter()
            .filter_map(|(text, name)| {
                let slug = slug_of(&name)?;
                let (fields, body) = front_matter(&text);
                let field = |key: &str| field(&fields, key);
                let page = render(body, Folder::Exercises(lang));
                let check = field("check");
                Some(Exercise {
                    page: Page {
                        slug,
                        title: if page.title.is_empty() {
                            field("title")
                        } else {
                            page.title
                        },
                        file: format!("{}/{name}", Folder::Exercises(lang).dir()),
                        html: SplitAtOrigin::split(&page.html),
                        toc: page.toc,
                        summary: String::new(),
                        minutes: None,
                        description: SplitAtOrigin::split(&page.description),
                    },
                    difficulty: field("difficulty"),
                    command: format!("cargo test --test exercises -- --ignored {check}"),
                    check,
                })
            })
            .collect();
        Docs {
            chapters,
            exercises,
            korean: None,
        }
    }

    /// The first chapter, where a newcomer starts.
    pub fn first_chapter(&self) -> Option<ChapterRow<'_>> {
        self.chapters.first().map(ChapterRow::of)
    }
}

/// The project folder the source viewer reads (setting `source_dir`).
struct SourceDir(PathBuf);

/// The chapters from the `docs_dir` setting, the viewer from `source_dir`, and the routes.
pub fn stage() -> AdHoc {
    AdHoc::on_ignite("Tutorial docs", |rocket| async {
        // Without a configuration the launch has already failed; mount nothing.
        let Some(site) = rocket.state::<AppConfig>().map(|c| c.site.clone()) else {
            return rocket;
        };
        rocket
            .manage(Docs::load(&site.docs_dir()))
            .manage(DocPages::default())
            .manage(SourceDir(site.source_dir()))
            .mount(
                "/docs",
                routes![index, chapter, exercises, exercise, source],
            )
    })
}

/// A link to a chapter or an exercise: what a list or a pager shows, without the page's HTML
/// (a context is serialized twice per render, so a list of whole pages costs every page's
/// HTML, twice, on every request).
#[derive(Serialize)]
struct Neighbour<'a> {
    slug: &'a str,
    title: &'a str,
}

impl<'a> Neighbour<'a> {
    fn of(page: &'a Page) -> Neighbour<'a> {
        Neighbour {
            slug: &page.slug,
            title: &page.title,
        }
    }
}

#[get("/")]
fn index(docs: &State<Docs>, lang: Lang) -> Template {
    let docs = docs.read_in(lang);
    let chapters: Vec<ChapterRow<'_>> = docs.chapters.iter().map(ChapterRow::of).collect();
    Template::render(
        "docs/index",
        context! { section: "docs", chapters, exercise_count: docs.exercises.len() },
    )
}

/// The chapters' and exercises' pages as rendered: each depends only on the page, its
/// language and the reader's origin (written into its examples), so it is rendered once for
/// each and served again (a chapter is 30 KB of HTML, copied into the context, then out).
#[derive(Default)]
pub struct DocPages(pub Memo);

#[get("/<slug>", rank = 2)]
fn chapter(
    slug: &str,
    docs: &State<Docs>,
    pages: &State<DocPages>,
    site: Site<'_>,
    lang: Lang,
    origin: ReaderOrigin,
) -> Result<KeptPage, AppError> {
    let docs = docs.read_in(lang);
    let position = docs
        .chapters
        .iter()
        .position(|c| c.slug == slug)
        .ok_or_else(|| AppError::explained(Status::NotFound))?;
    let key = format!("chapter {slug} {}", origin.0);
    pages.0.page(site, lang, key, || {
        let neighbour = |i: usize| docs.chapters.get(i).map(Neighbour::of);
        let page = &docs.chapters[position];
        Template::render(
            "docs/page",
            context! {
                section: "docs",
                page,
                html: page.html.with_origin(&origin.0),
                description: page.description.with_origin(&origin.0),
                number: position + 1,
                previous: position.checked_sub(1).and_then(neighbour),
                next: neighbour(position + 1),
                chapter_count: docs.chapters.len(),
            },
        )
    })
}

/// A row of the exercises index, its link made here (one `uri!` per row is cheaper than a
/// template's `url()` call).
#[derive(Serialize)]
struct ExerciseRow<'a> {
    title: &'a str,
    href: String,
    difficulty: &'a str,
    command: &'a str,
}

#[get("/exercises")]
fn exercises(docs: &State<Docs>, lang: Lang) -> Template {
    let docs = docs.read_in(lang);
    let exercises: Vec<ExerciseRow<'_>> = docs
        .exercises
        .iter()
        .map(|e| ExerciseRow {
            title: &e.page.title,
            href: rocket::uri!("/docs", exercise(&e.page.slug)).to_string(),
            difficulty: &e.difficulty,
            command: &e.command,
        })
        .collect();
    Template::render("docs/exercises", context! { section: "docs", exercises })
}

#[get("/exercises/<slug>")]
fn exercise(
    slug: &str,
    docs: &State<Docs>,
    pages: &State<DocPages>,
    site: Site<'_>,
    lang: Lang,
    origin: ReaderOrigin,
) -> Result<KeptPage, AppError> {
    let docs = docs.read_in(lang);
    let position = docs
        .exercises
        .iter()
        .position(|e| e.page.slug == slug)
        .ok_or_else(|| AppError::explained(Status::NotFound))?;
    let key = format!("exercise {slug} {}", origin.0);
    pages.0.page(site, lang, key, || {
        let neighbour = |i: usize| docs.exercises.get(i).map(|e| Neighbour::of(&e.page));
        let exercise = &docs.exercises[position];
        Template::render(
            "docs/exercise",
            context! {
                section: "docs",
                exercise,
                html: exercise.page.html.with_origin(&origin.0),
                description: exercise.page.description.with_origin(&origin.0),
                previous: position.checked_sub(1).and_then(neighbour),
                next: neighbour(position + 1),
            },
        )
    })
}

/// Shows one of the project's own source files as text, so the chapters' links to the code
/// work inside the app. Rocket's `PathBuf` segments already refuse `..`; the allow-list keeps
/// the viewer to the code the chapters discuss.
#[get("/source/<path..>")]
fn source(path: PathBuf, root: &State<SourceDir>) -> Result<Template, AppError> {
    let not_found = || AppError::explained(Status::NotFound);
    let mut components = path.components();
    let top = match components.next() {
        Some(Component::Normal(top)) => top.to_str().ok_or_else(not_found)?,
        _ => return Err(not_found()),
    };
    if !VIEWABLE.contains(&top)
        || path
            .components()
            .any(|c| !matches!(c, Component::Normal(_)))
    {
        return Err(not_found());
    }
    let file = root.0.join(&path);
    let mut text = fs::read_to_string(&file).map_err(|_| not_found())?;
    if path.extension().is_some_and(|e| e == "toml") {
        text = super::redact::redact_toml(&text);
    }
    let display = path.to_string_lossy().into_owned();
    Ok(Template::render(
        "docs/source",
        context! { section: "docs", path: display, lines: text.lines().collect::<Vec<_>>() },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_pages_link_to_the_same_app_addresses_as_english_ones() {
        let c = Folder::Chapters(Lang::Ko);
        assert_eq!(
            rewrite_link(c, "02-sessions.md#실험"),
            "/docs/sessions#실험"
        );
        assert_eq!(rewrite_link(c, "exercises/README.md"), "/docs/exercises");
        assert_eq!(
            rewrite_link(c, "../../src/labs/sessions/store.rs"),
            "/docs/source/src/labs/sessions/store.rs"
        );
        let e = Folder::Exercises(Lang::Ko);
        assert_eq!(rewrite_link(e, "../02-sessions.md"), "/docs/sessions");
        assert_eq!(rewrite_link(e, "02-rolling.md"), "/docs/exercises/rolling");
        assert_eq!(
            rewrite_link(e, "../../../src/auth/jwt.rs"),
            "/docs/source/src/auth/jwt.rs"
        );
    }

    #[test]
    fn slugs_come_from_numbered_file_names() {
        assert_eq!(slug_of("01-why-cookies.md").as_deref(), Some("why-cookies"));
        assert_eq!(slug_of("README.md"), None);
        assert_eq!(slug_of("notes.md"), None);
        assert_eq!(slug_of("01-why.txt"), None);
    }

    #[test]
    fn links_are_rewritten_for_the_app() {
        let c = Folder::Chapters(Lang::En);
        assert_eq!(rewrite_link(c, "02-sessions.md"), "/docs/sessions");
        assert_eq!(
            rewrite_link(c, "02-sessions.md#logout"),
            "/docs/sessions#logout"
        );
        assert_eq!(rewrite_link(c, "exercises/README.md"), "/docs/exercises");
        assert_eq!(
            rewrite_link(c, "exercises/03-rolling.md"),
            "/docs/exercises/rolling"
        );
        assert_eq!(
            rewrite_link(c, "../src/labs/sessions/store.rs"),
            "/docs/source/src/labs/sessions/store.rs"
        );
        assert_eq!(
            rewrite_link(c, "http://127.0.0.1:8000/labs/sessions"),
            "/labs/sessions"
        );
        assert_eq!(
            rewrite_link(c, "https://owasp.org/x"),
            "https://owasp.org/x",
            "other hosts are linked, never loaded"
        );
        let e = Folder::Exercises(Lang::En);
        assert_eq!(rewrite_link(e, "../02-sessions.md"), "/docs/sessions");
        assert_eq!(
            rewrite_link(e, "01-remember-me.md"),
            "/docs/exercises/remember-me"
        );
        assert_eq!(
            rewrite_link(e, "../../src/lib.rs"),
            "/docs/source/src/lib.rs"
        );
    }

    #[test]
    fn links_cannot_climb_out_of_the_repository() {
        assert_eq!(resolve("docs", "../../etc/passwd"), None);
    }

    #[test]
    fn headings_get_anchors_and_a_table_of_contents() {
        let page = render(
            "# Title\n\n## First part\n\ntext\n\n## `Set-Cookie` out\n\n## First part\n",
            Folder::Chapters(Lang::En),
        );
        assert_eq!(page.title, "Title");
        assert!(
            page.html.contains(r#"<h2 id="first-part">"#),
            "{}",
            page.html
        );
        let ids: Vec<&str> = page.toc.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["first-part", "set-cookie-out", "first-part-2"]);
    }

    #[test]
    fn a_chapters_front_matter_gives_its_summary_and_minutes_and_stays_off_the_page() {
        let dir = std::env::temp_dir().join(format!("auth-labs-docs-{}", std::process::id()));
        fs::create_dir_all(&dir).expect("a folder");
        let chapter = "---\nsummary: What a cookie is.\nminutes: 15\n---\n# Cookies\n\nText.\n";
        fs::write(dir.join("01-cookies.md"), chapter).expect("written");
        fs::write(dir.join("02-plain.md"), "# Plain\n").expect("written");
        let docs = Docs::load(&dir);
        let _ = fs::remove_dir_all(&dir);
        let [first, plain] = &docs.chapters[..] else {
            panic!("two chapters: {:?}", docs.chapters);
        };
        assert_eq!(first.title, "Cookies");
        assert_eq!(first.summary, "What a cookie is.");
        assert_eq!(first.minutes, Some(15));
        let html = first.html.with_origin("http://127.0.0.1:8000");
        assert!(!html.contains("summary") && !html.contains("<hr"));
        assert_eq!((plain.summary.as_str(), plain.minutes), ("", None));
        assert_eq!(docs.first_chapter().map(|c| c.slug), Some("cookies"));
    }

    #[test]
    fn the_docs_origin_becomes_the_readers_and_links_to_it_stay_relative() {
        let page = render(
            "Run `curl http://127.0.0.1:8000/labs/sessions`, or open \
             [the lab](http://127.0.0.1:8000/labs/cookies).\n\n\
             ```console\n$ curl -i http://127.0.0.1:8000/\n```\n",
            Folder::Chapters(Lang::En),
        );
        let html = SplitAtOrigin::split(&page.html).with_origin("http://class.example:9000");
        assert!(html.contains("<code>curl http://class.example:9000/labs/sessions</code>"));
        assert!(
            html.contains("$ curl -i http://class.example:9000/\n"),
            "{html}"
        );
        assert!(html.contains(r#"href="/labs/cookies""#), "{html}");
        assert!(!html.contains("127.0.0.1:8000"), "{html}");
    }

    #[test]
    fn the_description_is_the_first_paragraph_as_text_cut_at_a_word() {
        let page = render(
            "# Title\n\nA *short* `lead`\nover two lines.\n\nMore.\n",
            Folder::Chapters(Lang::En),
        );
        assert_eq!(page.description, "A short lead over two lines.");
        let long = format!("# T\n\n{}\n", "word ".repeat(100));
        let description = render(&long, Folder::Chapters(Lang::En)).description;
        assert!(description.ends_with("word…"), "{description}");
        assert!(description.chars().count() <= 201, "{description}");
    }

    #[test]
    fn code_blocks_and_tables_scroll_in_their_own_box() {
        let page = render(
            "```console\n$ echo '<table>'\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
            Folder::Chapters(Lang::En),
        );
        assert!(page.html.contains(
            r#"<pre tabindex="0"><code class="language-console">$ echo '&lt;table&gt;'"#
        ));
        assert!(page
            .html
            .contains(r#"<div class="table-scroll" tabindex="0"><table>"#));
        assert!(
            page.html.trim_end().ends_with("</table></div>"),
            "{}",
            page.html
        );
    }

    #[test]
    fn front_matter_is_split_from_the_body() {
        let (fields, body) = front_matter("---\ntitle: A\ncheck: a_b\n---\n# A\n");
        assert_eq!(fields[1], ("check".to_string(), "a_b".to_string()));
        assert_eq!(body, "# A\n");
    }
}
