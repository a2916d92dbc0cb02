//! Lighthouse's accessibility score is at least 95 on every page anyone reaches with a `GET`
//! (the labs, the tutorial, the tools, an error page) and on the attacker site's pages.
//!
//! Lighthouse comes from the npm registry (`npm install lighthouse`) and drives Debian's
//! Chromium; tests/support/lighthouse.mjs audits all the pages with one browser. The test
//! looks for its `node_modules` at `$LIGHTHOUSE_MODULES`, else in `target/tools/node_modules`
//! (where `.ci/run` installs it). Without Node, Lighthouse or Chromium it is skipped with a
//! message; with `CI` set it fails instead.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::attacker::serve_both;
use crate::support::pages::{attacker_pages, in_korean, public_pages};
use crate::support::{free_port, wait_for_port};

const CHROMIUM: &str = "/usr/bin/chromium";
/// Lighthouse scores from 0 to 1; 0.95 is the 95 its report shows.
const LEAST_SCORE: f64 = 0.95;

/// The `node_modules` folder holding Lighthouse, when Node, Lighthouse and Chromium are all
/// here; else says why on stderr (a failure with `CI`).
fn lighthouse_available(test: &str) -> Option<PathBuf> {
    let modules = std::env::var_os("LIGHTHOUSE_MODULES")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/tools/node_modules")
        });
    let node = Command::new("node").arg("--version").output().is_ok();
    let lighthouse = modules.join("lighthouse/core/index.js").is_file();
    if node && lighthouse && Path::new(CHROMIUM).exists() {
        return Some(modules);
    }
    let why = "Lighthouse needs Node, Chromium and the npm package (apt-get install nodejs npm \
               chromium; npm install --prefix target/tools lighthouse, or set LIGHTHOUSE_MODULES)";
    assert!(
        std::env::var_os("CI").is_none(),
        "{test}: CI is set but {why}"
    );
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {why}");
    None
}

/// Every page's URL on the labs at `labs` and the attacker site at `attacker`, by name.
fn every_page(labs: &str, attacker: &str) -> Vec<(String, String)> {
    let labs_pages = public_pages()
        .into_iter()
        .map(|p| (p.name, format!("{labs}{}", p.path)));
    let attacker_pages = attacker_pages()
        .into_iter()
        .map(|p| (p.name, format!("{attacker}{}", p.path)));
    // In Korean: the home page, each lab and a chapter (a few, each audit takes two seconds).
    let korean = public_pages()
        .into_iter()
        .filter(|p| p.path == "/" || p.name.ends_with(" lab") || p.path == "/docs/sessions")
        .map(|p| {
            (
                format!("{} (Korean)", p.name),
                format!("{labs}{}", in_korean(&p.path)),
            )
        });
    labs_pages.chain(korean).chain(attacker_pages).collect()
}

#[test]
fn every_page_scores_at_least_95_for_accessibility_in_lighthouse() {
    let Some(modules) =
        lighthouse_available("every_page_scores_at_least_95_for_accessibility_in_lighthouse")
    else {
        return;
    };
    let (labs, attacker) = (free_port(), free_port());
    serve_both(labs, attacker);
    wait_for_port(labs, "the labs");
    wait_for_port(attacker, "the attacker site");
    let pages = every_page(
        &format!("http://127.0.0.1:{labs}"),
        &format!("http://localhost:{attacker}"),
    );
    let output = Command::new("node")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/support/lighthouse.mjs"
        ))
        .arg(&modules)
        .args(pages.iter().map(|(_, url)| url))
        .env("CHROME_PATH", CHROMIUM)
        .output()
        .expect("node runs");
    let reports: Vec<Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str(line).ok())
        .collect();
    assert_eq!(
        reports.len(),
        pages.len(),
        "Lighthouse audited every page: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut failures = Vec::new();
    for ((name, _), report) in pages.iter().zip(&reports) {
        let score = report["score"].as_f64().unwrap_or(0.0);
        if score < LEAST_SCORE {
            failures.push(format!(
                "{name}: {:.0} ({}{})",
                score * 100.0,
                report["failed"],
                report["error"].as_str().unwrap_or_default()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "pages below {:.0}:\n{}",
        LEAST_SCORE * 100.0,
        failures.join("\n")
    );
}
