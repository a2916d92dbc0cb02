//! Load: 64 concurrent clients for 30 seconds against a real server on loopback, spread over
//! the four labs. Each client keeps its own cookies or token, as a browser or the header lab's
//! script would, and visits its lab over and over; a few log in first. Four clients of the
//! sessions lab share one session, like four tabs of one browser. The test counts, it does not
//! time: zero 5xx, zero failed requests, and zero lost increments — every client's last count
//! is exactly its number of successful visits, and the shared session's count is the sum of
//! its tabs' visits.
//!
//! A binary of its own, not a module of `tests/app/`: for 30 s it keeps both cores busy, and
//! tests in the same process (the sessions lab's one-second idle timeouts) would then race it.

#[path = "support/mod.rs"]
mod support;

use std::collections::BTreeMap;
use std::sync::{Arc, Barrier, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use support::internals::decode_unverified;
use support::{element_text, serve_app, urlencode, JWT_HEADER, LABS, SESSIONS};

const CLIENTS: usize = 64;
const RUN_FOR: Duration = Duration::from_secs(30);
/// Generous: the machine may be running other builds and tests beside this one.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(120);

/// What one response said.
struct Answer {
    status: u16,
    /// The visit count it showed, if it was a counted visit.
    visits: Option<u64>,
    /// The username it showed (`None` for a guest).
    user: Option<String>,
}

/// A client with its own connection, cookies and token.
struct Browser {
    agent: ureq::Agent,
    base: String,
    /// Shared with other tabs of the same browser, or its own.
    cookies: Arc<Mutex<BTreeMap<String, String>>>,
    token: Option<String>,
}

impl Browser {
    fn new(base: &str, cookies: Arc<Mutex<BTreeMap<String, String>>>) -> Browser {
        Browser {
            agent: ureq::AgentBuilder::new()
                .timeout(REQUEST_TIMEOUT)
                .redirects(0)
                .build(),
            base: base.to_string(),
            cookies,
            token: None,
        }
    }

    fn cookie_header(&self) -> Option<String> {
        let jar = self.cookies.lock().unwrap_or_else(|p| p.into_inner());
        (!jar.is_empty()).then(|| {
            jar.iter()
                .map(|(n, v)| format!("{n}={v}"))
                .collect::<Vec<_>>()
                .join("; ")
        })
    }

    fn keep_cookies(&self, response: &ureq::Response) {
        let mut jar = self.cookies.lock().unwrap_or_else(|p| p.into_inner());
        for line in response.all("Set-Cookie") {
            let pair = line.split(';').next().unwrap_or_default();
            if let Some((name, value)) = pair.split_once('=') {
                if line.contains("Max-Age=0") {
                    jar.remove(name);
                } else {
                    jar.insert(name.to_string(), value.to_string());
                }
            }
        }
    }

    /// Sends a request; any status is an answer, only a transport failure is an `Err`.
    fn send(
        &self,
        request: ureq::Request,
        body: Option<(&str, String)>,
    ) -> Result<ureq::Response, String> {
        let mut request = request;
        if let Some(cookie) = self.cookie_header() {
            request = request.set("Cookie", &cookie);
        }
        if let Some(token) = &self.token {
            request = request.set("Authorization", &format!("Bearer {token}"));
        }
        let result = match body {
            Some((content_type, body)) => {
                request.set("Content-Type", content_type).send_string(&body)
            }
            None => request.call(),
        };
        match result {
            Ok(response) | Err(ureq::Error::Status(_, response)) => {
                self.keep_cookies(&response);
                Ok(response)
            }
            Err(e) => Err(e.to_string()),
        }
    }

    /// One counted visit to `lab`.
    fn visit(&mut self, lab: &str) -> Result<Answer, String> {
        if lab == JWT_HEADER {
            let request = self
                .agent
                .post(&format!("{}{JWT_HEADER}/api/visit", self.base));
            let response = self.send(request, None)?;
            let status = response.status();
            let body: Value = response.into_json().unwrap_or(Value::Null);
            if let Some(token) = body["access_token"].as_str() {
                self.token = Some(token.to_string());
            }
            let user = self.token.as_deref().and_then(|t| {
                let sub = decode_unverified(t)
                    .ok()?
                    .payload
                    .get("sub")?
                    .as_str()?
                    .to_string();
                (!sub.starts_with("guest:")).then_some(sub)
            });
            return Ok(Answer {
                status,
                visits: body["visits"].as_u64(),
                user,
            });
        }
        let response = self.send(self.agent.get(&format!("{}{lab}", self.base)), None)?;
        let status = response.status();
        let html = response.into_string().map_err(|e| e.to_string())?;
        Ok(Answer {
            status,
            visits: element_text(&html, "visits").and_then(|v| v.parse().ok()),
            user: element_text(&html, "user"),
        })
    }

    /// Logs in at `lab`; the count so far carries over.
    fn log_in(&mut self, lab: &str, user: &str, password: &str) -> Result<u16, String> {
        if lab == JWT_HEADER {
            let request = self
                .agent
                .post(&format!("{}{JWT_HEADER}/api/token", self.base));
            let body = json!({ "username": user, "password": password }).to_string();
            let response = self.send(request, Some(("application/json", body)))?;
            let status = response.status();
            let body: Value = response.into_json().unwrap_or(Value::Null);
            self.token = body["access_token"].as_str().map(str::to_string);
            return Ok(status);
        }
        let request = self.agent.post(&format!("{}{lab}/login", self.base));
        let form = format!(
            "username={}&password={}",
            urlencode(user),
            urlencode(password)
        );
        let response = self.send(request, Some(("application/x-www-form-urlencoded", form)))?;
        Ok(response.status())
    }
}

/// What one client saw.
#[derive(Debug, Default)]
struct Tally {
    lab: &'static str,
    shared: bool,
    visits: u64,
    /// The count the lab showed on this client's last successful visit.
    last_count: u64,
    server_errors: Vec<String>,
    failures: Vec<String>,
    /// Visits whose count was not the previous count plus one (for a shared session: not
    /// larger than this tab's previous count).
    lost: Vec<String>,
}

fn run_client(
    mut browser: Browser,
    lab: &'static str,
    login: Option<(&'static str, &'static str)>,
    shared: bool,
    start: Arc<Barrier>,
) -> Tally {
    let mut tally = Tally {
        lab,
        shared,
        ..Tally::default()
    };
    // Every client is released at once, so they all stop at about the same time too.
    start.wait();
    let deadline = Instant::now() + RUN_FOR;
    let mut logged_in = None;
    while Instant::now() < deadline {
        // Clients that log in do so after their first visit, so the count must carry over.
        if let (Some((user, password)), None, 1) = (login, logged_in, tally.visits) {
            match browser.log_in(lab, user, password) {
                Ok(200 | 303) => logged_in = Some(user),
                Ok(status) if status >= 500 => tally.server_errors.push(format!("login: {status}")),
                Ok(status) => tally.failures.push(format!("login answered {status}")),
                Err(e) => tally.failures.push(format!("login: {e}")),
            }
            continue;
        }
        match browser.visit(lab) {
            Err(e) => tally.failures.push(e),
            Ok(answer) if answer.status >= 500 => tally
                .server_errors
                .push(format!("visit: {}", answer.status)),
            Ok(Answer {
                status: 200,
                visits: Some(count),
                user,
            }) => {
                tally.visits += 1;
                let in_order = if shared {
                    count > tally.last_count
                } else {
                    count == tally.last_count + 1
                };
                if !in_order {
                    tally
                        .lost
                        .push(format!("{} then {count}", tally.last_count));
                }
                if user.as_deref() != logged_in {
                    tally.failures.push(format!(
                        "expected user {logged_in:?}, the page showed {user:?}"
                    ));
                }
                tally.last_count = count;
            }
            Ok(answer) => tally.failures.push(format!(
                "visit answered {} with count {:?}",
                answer.status, answer.visits
            )),
        }
    }
    tally
}

#[test]
fn sixty_four_clients_for_thirty_seconds_get_no_5xx_and_lose_no_increment() {
    let base = serve_app();
    let start = Arc::new(Barrier::new(CLIENTS + 1));
    // The four tabs of one browser share this jar; it gets its session on the first visit.
    let shared_jar = Arc::new(Mutex::new(BTreeMap::new()));
    let mut shared_seed = Browser::new(&base, shared_jar.clone());
    let seeded = shared_seed
        .visit(SESSIONS)
        .expect("the shared session starts");
    assert_eq!((seeded.status, seeded.visits), (200, Some(1)));

    let clients: Vec<_> = (0..CLIENTS)
        .map(|i| {
            let lab = LABS[i % LABS.len()];
            // Two clients per lab log in (as alice or bob); four sessions-lab clients are tabs.
            let login = match i / LABS.len() {
                0 => Some(("alice", "wonderland")),
                1 => Some(("bob", "builder")),
                _ => None,
            };
            let shared = lab == SESSIONS && (12..16).contains(&(i / LABS.len()));
            let jar = if shared {
                shared_jar.clone()
            } else {
                Arc::new(Mutex::new(BTreeMap::new()))
            };
            let browser = Browser::new(&base, jar);
            let start = start.clone();
            thread::spawn(move || run_client(browser, lab, login, shared, start))
        })
        .collect();
    let began = Instant::now();
    start.wait();
    let tallies: Vec<Tally> = clients
        .into_iter()
        .map(|c| c.join().expect("a client thread finished"))
        .collect();
    let took = began.elapsed();

    // The shared session's count is its seed visit, every tab's visits, and this last one.
    let tab_visits: u64 = tallies.iter().filter(|t| t.shared).map(|t| t.visits).sum();
    let last = shared_seed
        .visit(SESSIONS)
        .expect("the shared session is still served");
    assert_eq!(
        last.visits,
        Some(1 + tab_visits + 1),
        "the shared session lost increments: {tab_visits} visits by its four tabs"
    );

    let mut problems = Vec::new();
    let mut per_lab: BTreeMap<&str, u64> = BTreeMap::new();
    for (i, t) in tallies.iter().enumerate() {
        *per_lab.entry(t.lab).or_default() += t.visits;
        let name = format!(
            "client {i} ({}{})",
            t.lab,
            if t.shared { ", shared tab" } else { "" }
        );
        if !t.shared && t.last_count != t.visits {
            problems.push(format!(
                "{name}: {} successful visits but the lab counted {}",
                t.visits, t.last_count
            ));
        }
        if t.visits < 2 {
            problems.push(format!("{name}: only {} visits in {RUN_FOR:?}", t.visits));
        }
        for (what, list) in [
            ("5xx", &t.server_errors),
            ("failed", &t.failures),
            ("lost", &t.lost),
        ] {
            if !list.is_empty() {
                problems.push(format!("{name}: {} {what}, first: {}", list.len(), list[0]));
            }
        }
    }
    let total: u64 = per_lab.values().sum();
    let server_errors: usize = tallies.iter().map(|t| t.server_errors.len()).sum();
    let lost: usize = tallies.iter().map(|t| t.lost.len()).sum();
    println!(
        "{total} counted visits in {took:.1?} by {CLIENTS} clients ({per_lab:?}); 5xx: {server_errors}; lost: {lost}"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
