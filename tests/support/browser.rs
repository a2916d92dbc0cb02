//! A real browser for end-to-end tests: Debian's Chromium, driven through chromedriver's
//! WebDriver API, against the app served on a free loopback port.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
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
        Browser::launch(None)
    }

    /// As `start`, with the browser's clock in time zone `zone` (an IANA name such as
    /// `Asia/Seoul`): chromedriver, and the Chromium it starts, run with `TZ` set.
    pub fn start_in_time_zone(zone: &str) -> Browser {
        Browser::launch(Some(zone))
    }

    fn launch(zone: Option<&str>) -> Browser {
        let port = free_port();
        let mut command = Command::new(CHROMEDRIVER);
        if let Some(zone) = zone {
            command.env("TZ", zone);
        }
        let driver = command
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

    /// The cookies the browser holds for the current page's host, with their attributes
    /// (WebDriver "Get All Cookies": `HttpOnly` ones included).
    pub fn cookies(&self) -> Value {
        self.call("GET", "/cookie", None)
    }

    /// Runs `script` in the page and returns its result.
    pub fn eval(&self, script: &str) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": [] })),
        )
    }

    /// Presses and releases `key` (a WebDriver key code, e.g. `"\u{E004}"` for Tab) on
    /// whatever has the focus, as a keyboard does.
    pub fn press_key(&self, key: &str) {
        let actions = json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": [
            { "type": "keyDown", "value": key }, { "type": "keyUp", "value": key }
        ]}]});
        self.call("POST", "/actions", Some(actions));
    }

    /// Sends a Chrome DevTools Protocol command through chromedriver (`goog/cdp/execute`)
    /// and returns its result: what WebDriver itself cannot do (a viewport, print media).
    pub fn cdp(&self, command: &str, params: Value) -> Value {
        self.call(
            "POST",
            "/goog/cdp/execute",
            Some(json!({ "cmd": command, "params": params })),
        )
    }

    /// Lays pages out in a viewport `width` CSS pixels wide (a phone at 390), as a desktop
    /// window of that size would: no mobile zoom hides an overflow.
    pub fn set_viewport_width(&self, width: u32) {
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": 800, "deviceScaleFactor": 1, "mobile": false }),
        );
    }

    /// Applies the CSS of `media` (`"print"`, or `""` for the screen again).
    pub fn emulate_media(&self, media: &str) {
        self.cdp("Emulation.setEmulatedMedia", json!({ "media": media }));
    }

    /// Waits until `script` (a function body) returns `true`.
    pub fn wait_until(&self, script: &str, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.eval(script) != Value::Bool(true) {
            assert!(
                Instant::now() < deadline,
                "never {what} (at {})",
                self.current_url()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
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

/// Serves `pages` (path → HTML) from `http://localhost:<free port>`, another site than the
/// app's `http://127.0.0.1:<port>`, for the rest of the test process: an attacker's pages.
/// Returns its base URL. Any other path is a 404.
pub fn serve_hostile_site(pages: Vec<(&'static str, String)>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free loopback port");
    let port = listener.local_addr().expect("its address").port();
    let pages = std::sync::Arc::new(pages);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            // One thread per connection: a browser may open one it never uses.
            let pages = pages.clone();
            std::thread::spawn(move || answer(stream, &pages));
        }
    });
    format!("http://localhost:{port}")
}

/// Reads one request's head and answers it from `pages`, then closes.
fn answer(mut stream: std::net::TcpStream, pages: &[(&'static str, String)]) {
    let mut reader = BufReader::new(&stream);
    let mut request_line = String::new();
    let _ = reader.read_line(&mut request_line);
    // The rest of the head; these pages are only ever fetched with GET.
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let path = request_line.split(' ').nth(1).unwrap_or("/");
    let (status, body) = match pages.iter().find(|(p, _)| *p == path) {
        Some((_, html)) => ("200 OK", html.as_str()),
        None => ("404 Not Found", "no such page"),
    };
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
}

/// An attacker's page that submits a form POST to `action` as soon as it loads.
pub fn auto_submitting_form(action: &str, fields: &[(&str, &str)]) -> String {
    let inputs: String = fields
        .iter()
        .map(|(name, value)| format!(r#"<input type="hidden" name="{name}" value="{value}">"#))
        .collect();
    format!(
        r#"<!doctype html><title>Win a prize</title><form id="forged" method="post" action="{action}">{inputs}</form><script>document.getElementById("forged").submit();</script>"#
    )
}
