//! A real browser for end-to-end tests: Debian's Chromium, driven through chromedriver's
//! WebDriver API, against the app served on a free loopback port.

use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::{free_port, wait_for_port};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// The W3C WebDriver key under which an element reference arrives.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// `None` (after saying so on stderr) when no browser is installed, unless `CI` is set:
/// CI installs Chromium, so a missing one there is a failure, not a skip.
pub fn available(test: &str) -> bool {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return true;
    }
    if std::env::var_os("CI").is_some() {
        panic!("{test}: CI is set but {CHROMIUM} / {CHROMEDRIVER} are missing (apt-get install chromium chromium-driver)");
    }
    // Straight to stderr, past the test harness's capture, so the skip is visible.
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED {test}: Chromium is not installed (apt-get install chromium chromium-driver)"
    );
    false
}

/// A headless Chromium session; the browser and its driver stop when it is dropped.
pub struct Browser {
    driver: Child,
    endpoint: String,
    profile: std::path::PathBuf,
}

impl Browser {
    pub fn start() -> Browser {
        let port = free_port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        wait_for_port(port, "chromedriver");
        let profile = std::env::temp_dir().join(format!("auth-labs-chromium-{port}"));
        let _ = std::fs::remove_dir_all(&profile);
        let capabilities = json!({
            "capabilities": { "alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": CHROMIUM,
                    "args": [
                        "--headless", "--no-sandbox", "--disable-gpu",
                        "--disable-background-networking", "--disable-component-update",
                        "--no-first-run", "--disable-sync",
                        format!("--user-data-dir={}", profile.display()),
                    ]
                }
            }}
        });
        let base = format!("http://127.0.0.1:{port}");
        let created: Value = ureq::post(&format!("{base}/session"))
            .send_json(capabilities)
            .expect("a browser session")
            .into_json()
            .expect("JSON from chromedriver");
        let id = created["value"]["sessionId"]
            .as_str()
            .expect("a session id")
            .to_string();
        Browser {
            driver,
            endpoint: format!("{base}/session/{id}"),
            profile,
        }
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}{}", self.endpoint, path);
        let request = ureq::request(method, &url);
        let response = match body {
            Some(body) => request.send_json(body),
            None => request.call(),
        };
        match response {
            Ok(r) => r.into_json::<Value>().expect("JSON")["value"].clone(),
            Err(ureq::Error::Status(code, r)) => {
                panic!(
                    "WebDriver {method} {path}: {code} {}",
                    r.into_string().unwrap_or_default()
                )
            }
            Err(e) => panic!("WebDriver {method} {path}: {e}"),
        }
    }

    pub fn goto(&self, url: &str) {
        self.call("POST", "/url", Some(json!({ "url": url })));
    }

    pub fn current_url(&self) -> String {
        self.call("GET", "/url", None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    pub fn find(&self, css: &str) -> String {
        let found = self.call(
            "POST",
            "/element",
            Some(json!({ "using": "css selector", "value": css })),
        );
        match found[ELEMENT_KEY].as_str() {
            Some(id) => id.to_string(),
            None => panic!(
                "no element matches {css} on {}: {found}",
                self.current_url()
            ),
        }
    }

    pub fn text(&self, css: &str) -> String {
        let element = self.find(css);
        self.call("GET", &format!("/element/{element}/text"), None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    pub fn type_into(&self, css: &str, text: &str) {
        let element = self.find(css);
        self.call(
            "POST",
            &format!("/element/{element}/value"),
            Some(json!({ "text": text })),
        );
    }

    pub fn click(&self, css: &str) {
        let element = self.find(css);
        self.call(
            "POST",
            &format!("/element/{element}/click"),
            Some(json!({})),
        );
    }

    /// Runs `script` in the page and returns its result.
    pub fn eval(&self, script: &str) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": [] })),
        )
    }

    /// Waits until `css` matches an element whose text is `expected`.
    pub fn wait_for_text(&self, css: &str, expected: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let found = self.call(
                "POST",
                "/elements",
                Some(json!({ "using": "css selector", "value": css })),
            );
            let matched = found.as_array().is_some_and(|all| {
                all.iter().any(|e| {
                    e[ELEMENT_KEY].as_str().is_some_and(|id| {
                        self.call("GET", &format!("/element/{id}/text"), None) == expected
                    })
                })
            });
            if matched {
                return;
            }
            assert!(Instant::now() < deadline, "{css} never showed {expected:?}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = ureq::delete(&self.endpoint).call();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}
