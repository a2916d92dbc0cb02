//! Hostile input, over a real socket to a real server: malformed, oversized, duplicated and
//! non-UTF-8 cookies for every lab's cookie names; broken and forged tokens in the JWT cookie,
//! the Bearer header and the decoder form; broken forms on every POST form route; broken JSON
//! bodies on the API. Each row names its request and the answer it must get (a specific 4xx,
//! a redirect to the login page, or the page a fresh visitor gets), never a 5xx. Between rows
//! a well-behaved visitor keeps using the same server, and each of its counters must go up by
//! exactly one per visit through the whole run.

mod cookies;
mod forms;
mod json;
mod protocol;
mod regular;
mod tokens;

use crate::support;
use crate::support::internals::{AppConfig, JwtKeys};
use crate::support::raw::{exchange, port_of, RawRequest, Reply};
use crate::support::{element_text, serve_app};
use serde_json::Value;

use regular::Regular;

/// What a row must get back.
#[derive(Debug, Clone)]
enum Expect {
    /// Exactly this status, with an HTML page.
    Page(u16),
    /// Exactly this status, with a JSON body (the API never answers with an HTML page); a 401
    /// also carries a `WWW-Authenticate: Bearer…` challenge (RFC 6750 §3).
    Json(u16),
    /// Exactly this status, from the HTTP layer itself (no body format promised).
    Protocol(u16),
    /// A 303 to this location.
    Redirect(&'static str),
    /// The lab page a first-time visitor gets: 200, and `#visits` is 1.
    FreshVisitor,
    /// The JSON API's fresh guest: 200, and `"visits": 1` with a new token.
    FreshGuest,
    /// A login form's refusal: 200, the one generic message, and no cookie set.
    LoginRefused,
}

struct Row {
    name: String,
    request: Vec<u8>,
    expect: Expect,
}

/// The table, built against the server on `port`.
struct Table {
    port: u16,
    rows: Vec<Row>,
}

impl Table {
    fn add(&mut self, name: impl Into<String>, request: RawRequest, expect: Expect) {
        self.rows.push(Row {
            name: name.into(),
            request: request.into_bytes(),
            expect,
        });
    }

    fn get(&self, path: &str) -> RawRequest {
        RawRequest::new("GET", path, self.port)
    }

    fn post(&self, path: &str) -> RawRequest {
        RawRequest::new("POST", path, self.port)
    }

    /// A urlencoded form with these (already encoded) pairs.
    fn form(&self, path: &str, body: impl Into<Vec<u8>>) -> RawRequest {
        self.post(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(body)
    }
}

/// Checks a reply against its row's expectation; the error says what differed.
fn check(expect: &Expect, reply: &Reply) -> Result<(), String> {
    let is_json = reply
        .header("Content-Type")
        .is_some_and(|c| c.starts_with("application/json"));
    let is_html = reply
        .header("Content-Type")
        .is_some_and(|c| c.starts_with("text/html"));
    let want = |status: u16| {
        if reply.status == status {
            Ok(())
        } else {
            Err(format!(
                "expected {status}, got {}: {}",
                reply.status,
                reply.text().chars().take(300).collect::<String>()
            ))
        }
    };
    match expect {
        Expect::Page(status) => {
            want(*status)?;
            is_html.then_some(()).ok_or_else(|| {
                format!(
                    "expected an HTML page, got {:?}",
                    reply.header("Content-Type")
                )
            })
        }
        Expect::Json(status) => {
            want(*status)?;
            serde_json::from_slice::<Value>(&reply.body)
                .ok()
                .filter(|_| is_json)
                .ok_or_else(|| format!("expected a JSON body, got {:?}", reply.text()))?;
            if *status == 401
                && !reply
                    .header("WWW-Authenticate")
                    .is_some_and(|c| c.starts_with("Bearer"))
            {
                return Err("a 401 without a Bearer challenge".into());
            }
            Ok(())
        }
        Expect::Protocol(status) => want(*status),
        Expect::Redirect(location) => {
            want(303)?;
            (reply.header("Location") == Some(location))
                .then_some(())
                .ok_or_else(|| {
                    format!(
                        "expected Location {location}, got {:?}",
                        reply.header("Location")
                    )
                })
        }
        Expect::FreshVisitor => {
            want(200)?;
            let visits = element_text(&reply.text(), "visits");
            (visits.as_deref() == Some("1"))
                .then_some(())
                .ok_or_else(|| format!("expected a fresh visitor (#visits 1), got {visits:?}"))
        }
        Expect::LoginRefused => {
            want(200)?;
            if !reply.text().contains("Invalid username or password") {
                return Err("expected the generic login refusal".into());
            }
            match reply.all("Set-Cookie").as_slice() {
                [] => Ok(()),
                set => Err(format!("a refused login set cookies: {set:?}")),
            }
        }
        Expect::FreshGuest => {
            want(200)?;
            let body: Value = serde_json::from_slice(&reply.body)
                .map_err(|_| format!("expected JSON, got {:?}", reply.text()))?;
            (body["visits"] == 1 && body["access_token"].is_string())
                .then_some(())
                .ok_or_else(|| format!("expected a fresh guest token, got {body}"))
        }
    }
}

#[test]
fn every_hostile_request_gets_its_4xx_or_a_fresh_visit_and_other_visitors_keep_counting() {
    let app = serve_app();
    let port = port_of(&app);
    let config =
        AppConfig::from_figment(&support::figment()).expect("the test configuration is valid");
    let keys = JwtKeys::from_config(&config);
    let mut table = Table {
        port,
        rows: Vec::new(),
    };
    cookies::rows(&mut table);
    tokens::rows(&mut table, config.jwt_secret.bytes(), &keys);
    forms::rows(&mut table);
    json::rows(&mut table);
    protocol::rows(&mut table);
    assert!(table.rows.len() >= 150, "only {} rows", table.rows.len());

    let mut regular = Regular::new(port);
    let mut failures = Vec::new();
    for (i, row) in table.rows.iter().enumerate() {
        let outcome = exchange(port, row.request.clone()).and_then(|reply| {
            if reply.status >= 500 {
                return Err(format!(
                    "a {} from the server: {}",
                    reply.status,
                    reply.text().chars().take(300).collect::<String>()
                ));
            }
            check(&row.expect, &reply)
        });
        if let Err(why) = outcome {
            failures.push(format!("row {i} `{}`: {why}", row.name));
        }
        if let Err(why) = regular.visit_next() {
            failures.push(format!(
                "the regular visitor, right after row {i} `{}`: {why}",
                row.name
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} hostile rows went wrong:\n{}",
        failures.len(),
        table.rows.len(),
        failures.join("\n")
    );
}
