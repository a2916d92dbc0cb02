//! The tutorial: every chapter renders with its navigation, every link inside the app works,
//! every relative link in the Markdown points at a real file, and every `console check`
//! block runs verbatim against a fresh server with the output it shows.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex, OnceLock};

use crate::support::*;
use auth_labs::site::docs::DocPages;
use regex::Regex;
use rocket::http::{Header, Status};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Every `docs/NN-slug.md` (and exercise), in order.
fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    let numbered = Regex::new(r"^\d+-.+\.md$").expect("pattern");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| numbered.is_match(n))
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn slug(path: &Path) -> String {
    let name = path
        .file_stem()
        .and_then(|s| s.to_str())
        .expect("file name");
    name.split_once('-').expect("NN-slug").1.to_string()
}

fn chapters() -> Vec<PathBuf> {
    markdown_files(&Path::new(ROOT).join("docs"))
}

#[test]
fn the_eleven_chapters_exist_in_order() {
    let slugs: Vec<String> = chapters().iter().map(|p| slug(p)).collect();
    assert_eq!(slugs.len(), 11, "{slugs:?}");
    assert_eq!(slugs[10], "two-servers");
    assert_eq!(slugs[0], "why-cookies");
    assert_eq!(slugs[1], "sessions");
    assert_eq!(slugs[5], "cross-site");
}

#[test]
fn docs_index_lists_every_chapter() {
    let client = client();
    let html = body(client.get("/docs").dispatch());
    for chapter in chapters() {
        assert!(
            html.contains(&format!("href=\"/docs/{}\"", slug(&chapter))),
            "{chapter:?}"
        );
    }
}

/// A chapter's front matter: `summary:` and `minutes:` between `---` lines at the top.
fn front_matter(chapter: &Path) -> (String, u32) {
    let text = std::fs::read_to_string(chapter).expect("markdown");
    let block = text
        .strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .map(|(block, _)| block)
        .unwrap_or_else(|| panic!("{chapter:?} opens with front matter"));
    let field = |name: &str| {
        block
            .lines()
            .find_map(|line| line.strip_prefix(&format!("{name}: ")))
            .unwrap_or_else(|| panic!("{chapter:?} has {name}:"))
            .to_string()
    };
    let minutes = field("minutes").parse().expect("minutes is a number");
    (field("summary"), minutes)
}

#[test]
fn the_index_shows_every_chapters_summary_and_time_from_its_front_matter() {
    let html = body(client().get("/docs").dispatch());
    let mut total = 0;
    for chapter in chapters() {
        let (summary, minutes) = front_matter(&chapter);
        assert!(
            summary.len() > 20 && (5..=90).contains(&minutes),
            "{chapter:?}"
        );
        total += minutes;
        let start = html
            .find(&format!(r#"<li data-chapter="{}">"#, slug(&chapter)))
            .unwrap_or_else(|| panic!("the index lists {chapter:?}"));
        let item = &html[start..start + html[start..].find("</li>").expect("its end")];
        let item = unescape_html(item);
        assert!(item.contains(&format!("about {minutes} min")), "{item}");
        assert!(item.contains(&summary), "{item}");
    }
    assert!(
        (180..=600).contains(&total),
        "the whole tutorial: {total} min"
    );
}

#[test]
fn a_chapters_front_matter_stays_off_its_page_and_its_title_is_its_heading() {
    let client = client();
    let page_title = Regex::new(r"<title>(.*?)</title>").expect("pattern");
    for chapter in chapters() {
        let html = body(client.get(format!("/docs/{}", slug(&chapter))).dispatch());
        let article = &html[html.find("<article").expect("the chapter")..];
        assert!(
            !article.contains("summary:") && !article.contains("minutes:"),
            "{chapter:?}"
        );
        let markdown = std::fs::read_to_string(&chapter).expect("markdown");
        let heading = markdown
            .lines()
            .find_map(|l| l.strip_prefix("# "))
            .expect("a title")
            .replace('`', "");
        let title = page_title
            .captures(&html)
            .map(|c| unescape_html(&c[1]))
            .expect("a <title>");
        assert_eq!(title, format!("{heading} · Auth Labs"), "{chapter:?}");
    }
}

#[test]
fn each_chapter_renders_with_a_table_of_contents_and_previous_next_links() {
    let client = client();
    let all = chapters();
    for (i, chapter) in all.iter().enumerate() {
        let response = client.get(format!("/docs/{}", slug(chapter))).dispatch();
        assert_eq!(response.status(), Status::Ok, "{chapter:?}");
        let html = body(response);
        assert!(
            html.contains(r#"id="toc""#),
            "{chapter:?} has a table of contents"
        );
        if i > 0 {
            assert!(html.contains(&format!(r#"href="/docs/{}""#, slug(&all[i - 1]))));
            assert!(html.contains(r#"id="prev""#));
        }
        if i + 1 < all.len() {
            assert!(html.contains(r#"id="next""#));
        }
    }
}

#[test]
fn unknown_chapter_is_a_404_page() {
    let client = client();
    let response = client.get("/docs/no-such-chapter").dispatch();
    assert_eq!(response.status(), Status::NotFound);
    assert!(body(response).contains("There is no page at /docs/"));
}

#[test]
fn source_viewer_shows_project_files_and_nothing_else() {
    let client = client();
    let response = client
        .get("/docs/source/src/labs/sessions/store.rs")
        .dispatch();
    assert_eq!(response.status(), Status::Ok);
    assert!(body(response).contains("pub struct SessionStore"));
    for path in [
        "/docs/source/target/debug/auth-labs",
        "/docs/source/.git/config",
        "/docs/source/src/../../etc/passwd",
        "/docs/source/src/no-such-file.rs",
        "/docs/source/%2e%2e/etc/passwd",
    ] {
        let status = client.get(path).dispatch().status();
        assert!(status.class().is_client_error(), "{path}: {status}");
    }
}

/// Every link from a rendered doc page to a path of this app answers 200 or a 303 to a
/// login page (fragments aside).
#[test]
fn every_in_app_link_in_the_docs_works() {
    let client = client();
    let href = Regex::new(r##"href="(/[^"#]*)"##).expect("pattern");
    let mut pages: Vec<String> = chapters()
        .iter()
        .map(|p| format!("/docs/{}", slug(p)))
        .collect();
    pages.push("/docs".into());
    pages.push("/docs/exercises".into());
    for exercise in markdown_files(&Path::new(ROOT).join("docs/exercises")) {
        pages.push(format!("/docs/exercises/{}", slug(&exercise)));
    }
    let mut checked = 0;
    for page in &pages {
        let html = body(client.get(page.clone()).dispatch());
        for link in href.captures_iter(&html) {
            let target = unescape_html(&link[1]);
            // A protected page may answer with a redirect to its login page; that works too.
            let status = client.get(target.clone()).dispatch().status();
            assert!(
                status == Status::Ok || status == Status::SeeOther,
                "{page} links to {target}: {status}"
            );
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} links found");
}

/// On a code host the Markdown is read as files: relative links must name real files.
#[test]
fn every_relative_link_in_the_markdown_names_a_real_file() {
    let link = Regex::new(r"\]\(([^)\s]+)\)").expect("pattern");
    let mut files = chapters();
    files.extend(markdown_files(&Path::new(ROOT).join("docs/exercises")));
    for file in files {
        let text = std::fs::read_to_string(&file).expect("markdown");
        let dir = file.parent().expect("folder");
        for capture in link.captures_iter(&text) {
            let target = capture[1].split('#').next().unwrap_or_default();
            if target.is_empty() || target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            assert!(
                dir.join(target).exists(),
                "{file:?} links to missing {target}"
            );
        }
    }
}

/// One `$ command` of a `console check` block and the lines it should print.
struct Step {
    command: String,
    expected: Vec<String>,
}

fn check_blocks(markdown: &str) -> Vec<Vec<Step>> {
    let mut blocks = Vec::new();
    let mut current: Option<Vec<Step>> = None;
    for line in markdown.lines() {
        match current.as_mut() {
            None if line.trim_end() == "```console check" => current = Some(Vec::new()),
            None => {}
            Some(_) if line.trim_end() == "```" => blocks.extend(current.take()),
            Some(steps) => {
                if let Some(command) = line.strip_prefix("$ ") {
                    steps.push(Step {
                        command: command.to_string(),
                        expected: Vec::new(),
                    });
                } else if let Some(step) = steps.last_mut() {
                    step.expected.push(line.to_string());
                }
            }
        }
    }
    blocks
}

/// `...` in an expected line matches any text.
fn line_matches(expected: &str, actual: &str) -> bool {
    let pattern = expected
        .split("...")
        .map(regex::escape)
        .collect::<Vec<_>>()
        .join(".*");
    Regex::new(&format!("^{pattern}$")).is_ok_and(|re| re.is_match(actual))
}

#[test]
fn console_check_blocks_run_verbatim_with_the_output_shown() {
    let ran = run_check_blocks(chapters());
    assert!(ran >= 10, "only {ran} commands checked");
}

#[test]
fn the_korean_chapters_check_blocks_run_verbatim_too() {
    let korean: Vec<PathBuf> = chapters().iter().map(|c| korean_twin(c)).collect();
    let ran = run_check_blocks(korean);
    assert!(ran >= 10, "only {ran} commands checked");
}

/// `docs/02-sessions.md` → `docs/ko/02-sessions.md` (and the same for an exercise).
fn korean_twin(english: &Path) -> PathBuf {
    let relative = english
        .strip_prefix(Path::new(ROOT).join("docs"))
        .expect("under docs/");
    Path::new(ROOT).join("docs/ko").join(relative)
}

/// Every fenced block of a Markdown file, fences included, in order.
fn fenced_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<Vec<&str>> = None;
    for line in markdown.lines() {
        let fence = line.trim_start().starts_with("```");
        match (&mut current, fence) {
            (None, true) => current = Some(vec![line]),
            (Some(lines), true) => {
                lines.push(line);
                blocks.push(lines.join("\n"));
                current = None;
            }
            (Some(lines), false) => lines.push(line),
            (None, false) => {}
        }
    }
    blocks
}

#[test]
fn every_chapter_and_exercise_has_a_korean_twin_with_the_same_code_blocks() {
    let exercises = markdown_files(&Path::new(ROOT).join("docs/exercises"));
    let readme = Path::new(ROOT).join("docs/exercises/README.md");
    for english in chapters().into_iter().chain(exercises).chain([readme]) {
        let korean = korean_twin(&english);
        let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_else(|_| panic!("{p:?}"));
        let (en, ko) = (read(&english), read(&korean));
        assert_eq!(fenced_blocks(&ko), fenced_blocks(&en), "{korean:?}");
        assert!(
            ko.chars().any(|c| ('가'..='힣').contains(&c)),
            "{korean:?} is written in Korean"
        );
    }
}

#[test]
fn a_korean_reader_gets_the_korean_chapter_at_the_same_address() {
    let client = client();
    let english = body(client.get("/docs/sessions").dispatch());
    let korean = body(client.get("/docs/sessions?lang=ko").dispatch());
    assert!(
        english.contains("Sessions: an id in a cookie"),
        "English first"
    );
    assert!(korean.contains("세션: 쿠키에는 ID를"), "then Korean");
    assert!(!korean.contains("Sessions: an id in a cookie"));
    // Its links go to the same addresses, and its index is Korean too.
    assert!(korean.contains("href=\"/docs/source/src/labs/sessions/store.rs\""));
    let index = body(client.get("/docs").dispatch());
    assert!(
        index.contains("암호화된 쿠키에 담긴 무작위 ID"),
        "the Korean summaries"
    );
    let exercise = body(client.get("/docs/exercises/rolling").dispatch());
    assert!(
        exercise
            .chars()
            .filter(|c| ('가'..='힣').contains(c))
            .count()
            > 100
    );
}

/// Runs every `console check` block of `files`, each file against a fresh server and in a
/// fresh folder, and returns how many commands ran.
///
/// A Korean chapter carries its English twin's blocks byte for byte (commands and output
/// alike), so the same blocks would run twice against two identical fresh servers: a
/// chapter's blocks run once per test binary, by whichever test reaches them first, and every
/// test that holds the same text counts that run as its own. A test finding them running in
/// the other goes on to its next chapter and comes back for the result; a failed run is tried
/// again by each test that needs it, so it fails both.
fn run_check_blocks(files: Vec<PathBuf>) -> usize {
    assert!(
        Command::new("curl").arg("--version").output().is_ok(),
        "the docs' commands need curl (apt-get install curl)"
    );
    let mut ran = 0;
    let mut running_elsewhere = Vec::new();
    for chapter in files {
        let markdown = std::fs::read_to_string(&chapter).expect("markdown");
        let blocks = check_blocks(&markdown);
        if blocks.is_empty() {
            continue;
        }
        let run = shared_run(&blocks);
        let outcome = match run.try_lock() {
            Ok(mut outcome) => Some(*outcome.get_or_insert_with(|| run_chapter(&chapter, &blocks))),
            Err(std::sync::TryLockError::Poisoned(failed)) => Some(
                *failed
                    .into_inner()
                    .get_or_insert_with(|| run_chapter(&chapter, &blocks)),
            ),
            Err(std::sync::TryLockError::WouldBlock) => None,
        };
        match outcome {
            Some(commands) => ran += commands,
            None => running_elsewhere.push((chapter, blocks, run)),
        }
    }
    for (chapter, blocks, run) in running_elsewhere {
        let mut outcome = run.lock().unwrap_or_else(|failed| failed.into_inner());
        ran += *outcome.get_or_insert_with(|| run_chapter(&chapter, &blocks));
    }
    ran
}

/// How many commands a run of some blocks ran; `None` until a run has passed.
type SharedRun = Arc<Mutex<Option<usize>>>;

/// The outcome of the blocks `blocks`, shared by every test that runs the same text.
fn shared_run(blocks: &[Vec<Step>]) -> SharedRun {
    static RUNS: OnceLock<Mutex<HashMap<String, SharedRun>>> = OnceLock::new();
    let text: String = blocks
        .iter()
        .flatten()
        .map(|step| format!("$ {}\n{}\n", step.command, step.expected.join("\n")))
        .collect();
    RUNS.get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .entry(text)
        .or_default()
        .clone()
}

/// Runs a chapter's blocks in order against a fresh server and in a fresh working folder, as
/// for a new reader, comparing each command's output with the lines the chapter shows;
/// returns how many commands ran.
fn run_chapter(chapter: &Path, blocks: &[Vec<Step>]) -> usize {
    let app = serve_app();
    let port = app.rsplit(':').next().expect("port").to_string();
    let here = std::env::temp_dir().join(format!("auth-labs-docs-{port}"));
    std::fs::create_dir_all(&here).expect("work dir");
    let local = |text: &str| text.replace("127.0.0.1:8000", &format!("127.0.0.1:{port}"));
    let mut ran = 0;
    for step in blocks.iter().flatten() {
        let output = Command::new("bash")
            .arg("-c")
            .arg(local(&step.command))
            .current_dir(&here)
            .output()
            .expect("bash runs");
        let stdout = String::from_utf8_lossy(&output.stdout);
        let actual: Vec<&str> = stdout.lines().map(|l| l.trim_end()).collect();
        let expected: Vec<String> = step.expected.iter().map(|l| local(l.trim_end())).collect();
        let same = actual.len() == expected.len()
            && expected
                .iter()
                .zip(&actual)
                .all(|(e, a)| line_matches(e, a));
        assert!(
            same,
            "{chapter:?}\n$ {}\nexpected:\n{}\nactual:\n{}\nstderr: {}",
            step.command,
            expected.join("\n"),
            actual.join("\n"),
            String::from_utf8_lossy(&output.stderr)
        );
        ran += 1;
    }
    let _ = std::fs::remove_dir_all(&here);
    ran
}

#[test]
fn exercises_page_lists_each_exercise_with_difficulty_and_check_command() {
    let client = client();
    let html = unescape_html(&body(client.get("/docs/exercises").dispatch()));
    let exercises = markdown_files(&Path::new(ROOT).join("docs/exercises"));
    assert!(exercises.len() >= 5, "{exercises:?}");
    for exercise in exercises {
        let text = std::fs::read_to_string(&exercise).expect("markdown");
        let check = text
            .lines()
            .find_map(|l| l.strip_prefix("check: "))
            .expect("front matter names the check");
        assert!(
            html.contains(&format!("cargo test --test exercises -- --ignored {check}")),
            "{check}"
        );
        let page = body(
            client
                .get(format!("/docs/exercises/{}", slug(&exercise)))
                .dispatch(),
        );
        assert!(
            page.contains("<details>"),
            "{exercise:?}: hints reveal one at a time"
        );
        assert!(page.contains(r#"id="check-command""#));
    }
    assert!(html.contains("warm-up") && html.contains("hard"));
}

/// A class server reached as `class.example:9000` shows that origin in every command; the
/// Markdown's `127.0.0.1:8000` is only the default.
#[test]
fn a_chapter_shows_the_origin_its_reader_used_in_its_commands() {
    let client = client();
    let html = body(
        client
            .get("/docs/sessions")
            .header(Header::new("Host", "class.example:9000"))
            .dispatch(),
    );
    assert!(
        html.contains("curl -s -c jar.txt -o /dev/null http://class.example:9000/labs/sessions"),
        "the commands name the reader's server"
    );
    assert!(!html.contains("127.0.0.1:8000"), "no default origin left");
    let exercise = body(
        client
            .get("/docs/exercises/csrf")
            .header(Header::new("Host", "[::1]:9000"))
            .dispatch(),
    );
    assert!(exercise.contains("http://[::1]:9000/"), "{exercise}");
    assert!(!exercise.contains("127.0.0.1:8000"));
}

/// A chapter or exercise page is rendered once for each language and origin and then served
/// again byte for byte; another origin or language gets a page of its own, never one kept for
/// another reader.
#[test]
fn a_doc_page_is_rendered_once_per_language_and_origin_and_never_served_to_another() {
    let client = client();
    let memo = || {
        &client
            .rocket()
            .state::<DocPages>()
            .expect("the docs' pages")
            .0
    };
    let get = |path: &str, host: &str, lang: &str| {
        body(
            client
                .get(path.to_string())
                .header(Header::new("Host", host.to_string()))
                .header(Header::new("Accept-Language", lang.to_string()))
                .dispatch(),
        )
    };
    let first = get("/docs/sessions", "class.example:9000", "en");
    assert_eq!((memo().len(), memo().renders()), (1, 1));
    assert_eq!(get("/docs/sessions", "class.example:9000", "en"), first);
    assert_eq!(memo().renders(), 1, "served again without rendering");

    let other = get("/docs/sessions", "lab.example:8000", "en");
    assert!(other.contains("http://lab.example:8000/labs/sessions"));
    assert!(!other.contains("class.example"), "another origin's page");
    let korean = get("/docs/sessions", "class.example:9000", "ko");
    assert!(korean.contains("<html lang=\"ko\""), "the Korean chapter");
    assert!(korean.contains("http://class.example:9000/labs/sessions"));
    let exercise = get("/docs/exercises/csrf", "class.example:9000", "en");
    assert!(exercise.contains("http://class.example:9000/"));
    assert_ne!(exercise, first);
    assert_eq!((memo().len(), memo().renders()), (4, 4));
}

/// A copy of the folder `from` at `to`, files and folders.
fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("a folder for the copy");
    for entry in std::fs::read_dir(from).expect("the folder") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("its type").is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("the file copied");
        }
    }
}

/// A debug build reloads the templates when one changes; a doc page the memo kept is then
/// rendered again from the changed template, not served as it was.
#[test]
fn a_kept_doc_page_is_rendered_again_once_its_template_changes() {
    let templates = std::env::temp_dir().join(format!("auth-labs-templates-{}", free_port()));
    let _ = std::fs::remove_dir_all(&templates);
    copy_folder(&Path::new(ROOT).join("templates"), &templates);
    let folder = templates.to_str().expect("a UTF-8 path").to_string();
    let client = client_with(figment().merge(("template_dir", folder)));
    let memo = || {
        &client
            .rocket()
            .state::<DocPages>()
            .expect("the docs' pages")
            .0
    };
    let first = body(client.get("/docs/sessions").dispatch());
    assert_eq!(body(client.get("/docs/sessions").dispatch()), first);
    assert_eq!(memo().renders(), 1);

    let page = templates.join("docs/page.html.tera");
    let text = std::fs::read_to_string(&page).expect("the chapter template");
    let edited = text.replacen(
        "<div class=\"doc-layout\">",
        "<p id=\"edited\">edited</p><div class=\"doc-layout\">",
        1,
    );
    assert_ne!(edited, text, "the template has the marked place");
    std::fs::write(&page, edited).expect("the template edited");
    // The watcher tells the app in a moment; until then the kept page is still right.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let changed = loop {
        let html = body(client.get("/docs/sessions").dispatch());
        if html.contains("id=\"edited\"") || std::time::Instant::now() > deadline {
            break html;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let _ = std::fs::remove_dir_all(&templates);
    assert!(
        changed.contains("<p id=\"edited\">edited</p>"),
        "the page kept from before the edit was served after it"
    );
    assert!(memo().renders() >= 2);
}

/// Anything but a plain `host[:port]` in `Host` is never written into the page: the
/// configured address is shown instead.
#[test]
fn an_invalid_host_header_falls_back_to_the_configured_address() {
    let client = client_with(figment().merge(("port", 8123)));
    for host in [
        "evil.example\"><script>alert(1)</script>",
        "user@evil.example",
        "evil.example/path",
        "evil.example:99999",
        "evil.example:80 ",
    ] {
        let html = body(
            client
                .get("/docs/sessions")
                .header(Header::new("Host", host))
                .dispatch(),
        );
        assert!(!html.contains("evil.example"), "{host:?} was reflected");
        assert!(
            html.contains("http://127.0.0.1:8123/labs/sessions"),
            "{host:?}: the configured address is shown"
        );
    }
    let html = body(client.get("/docs/sessions").dispatch());
    assert!(
        html.contains("http://127.0.0.1:8123/labs/sessions"),
        "no Host at all"
    );
}
