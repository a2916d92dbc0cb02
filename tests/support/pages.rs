//! Every page of the app by name, for the checks that visit them all: the layout in a browser
//! at a phone's width, the Nu HTML Checker, the accessibility audit.

use std::path::Path;

use super::LABS;

/// A page to visit: a name a failure message uses, and its path on the app.
#[derive(Debug, Clone)]
pub struct AppPage {
    pub name: String,
    pub path: String,
}

fn page(name: impl Into<String>, path: impl Into<String>) -> AppPage {
    AppPage {
        name: name.into(),
        path: path.into(),
    }
}

/// The slugs of the numbered Markdown files in `dir` (`01-why-cookies.md` → `why-cookies`).
pub fn doc_slugs(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|n| n.ends_with(".md") && n.starts_with(|c: char| c.is_ascii_digit()))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
        .iter()
        .filter_map(|n| n.trim_end_matches(".md").split_once('-'))
        .map(|(_, slug)| slug.to_string())
        .collect()
}

/// Every page anyone reaches with a plain `GET`, logged in or not: the labs' own pages (the
/// `me` pages then redirect to the login form), the tutorial with every chapter and exercise,
/// the tools, and two error pages.
pub fn public_pages() -> Vec<AppPage> {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
    let mut pages = vec![page("home", "/"), page("register", "/register")];
    for lab in LABS {
        let name = lab.trim_start_matches("/labs/");
        pages.push(page(format!("{name} lab"), lab));
        if lab != super::JWT_HEADER {
            pages.push(page(format!("{name} login"), format!("{lab}/login")));
        }
        pages.push(page(format!("{name} switches"), format!("{lab}/switches")));
    }
    pages.push(page("cookie builder", "/labs/cookies/builder"));
    pages.push(page("tutorial index", "/docs"));
    for slug in doc_slugs(&docs) {
        pages.push(page(format!("chapter {slug}"), format!("/docs/{slug}")));
    }
    pages.push(page("exercises index", "/docs/exercises"));
    for slug in doc_slugs(&docs.join("exercises")) {
        pages.push(page(
            format!("exercise {slug}"),
            format!("/docs/exercises/{slug}"),
        ));
    }
    pages.extend([
        page(
            "source viewer (Rust)",
            "/docs/source/src/labs/sessions/store.rs",
        ),
        page(
            "source viewer (Markdown)",
            "/docs/source/docs/exercises/README.md",
        ),
        page("JWT workbench", "/tools/jwt"),
        page("challenges", "/challenges"),
        page("side by side", "/side-by-side"),
        page("404 page", "/docs/no-such-chapter"),
        page("404 page (no route)", "/no/such/page"),
    ]);
    pages
}

/// `path` asking for the Korean page (`?lang=ko`, or `&lang=ko` after a query).
pub fn in_korean(path: &str) -> String {
    let joiner = if path.contains('?') { '&' } else { '?' };
    format!("{path}{joiner}lang=ko")
}

/// The attacker site's pages (served at `http://localhost:<attacker_port>`): its home and
/// one page per attack, by path.
pub fn attacker_pages() -> Vec<AppPage> {
    let mut pages = vec![page("attacker home", "/")];
    for attack in super::internals::ATTACKS {
        pages.push(page(
            format!("attack {}", attack.id),
            format!("/attacks/{}", attack.id),
        ));
    }
    pages.push(page("attacker 404 page", "/attacks/no-such-attack"));
    pages
}
