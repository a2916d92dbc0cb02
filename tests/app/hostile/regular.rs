//! The well-behaved visitor that keeps using the server between hostile rows: its own cookies
//! per lab and its own token, like a browser, so a lost or reset count is noticed.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::support::raw::{exchange, RawRequest};
use crate::support::{element_text, JWT_HEADER, LABS};

/// A client that uses each lab as intended, keeping its own cookies and token like a browser.
pub struct Regular {
    port: u16,
    /// Per lab: the cookies it holds for that lab.
    jars: BTreeMap<&'static str, BTreeMap<String, String>>,
    token: Option<String>,
    counts: BTreeMap<&'static str, u64>,
    next: usize,
}

impl Regular {
    pub fn new(port: u16) -> Regular {
        Regular {
            port,
            jars: BTreeMap::new(),
            token: None,
            counts: BTreeMap::new(),
            next: 0,
        }
    }

    /// Visits the next lab in turn; `Err` says how the count was wrong.
    pub fn visit_next(&mut self) -> Result<(), String> {
        let lab = LABS[self.next % LABS.len()];
        self.next += 1;
        let expected = self.counts.get(lab).copied().unwrap_or(0) + 1;
        let got = if lab == JWT_HEADER {
            let mut request = RawRequest::new("POST", format!("{JWT_HEADER}/api/visit"), self.port);
            if let Some(token) = &self.token {
                request = request.header("Authorization", format!("Bearer {token}"));
            }
            let reply = exchange(self.port, request.into_bytes())?;
            let body: Value = serde_json::from_slice(&reply.body)
                .map_err(|_| format!("{lab}: status {}, not JSON", reply.status))?;
            self.token = body["access_token"].as_str().map(str::to_string);
            body["visits"].as_u64()
        } else {
            let jar = self.jars.entry(lab).or_default();
            let mut request = RawRequest::new("GET", lab, self.port);
            if !jar.is_empty() {
                let header: Vec<String> = jar.iter().map(|(n, v)| format!("{n}={v}")).collect();
                request = request.header("Cookie", header.join("; "));
            }
            let reply = exchange(self.port, request.into_bytes())?;
            for line in reply.all("Set-Cookie") {
                let pair = line.split(';').next().unwrap_or_default();
                if let Some((name, value)) = pair.split_once('=') {
                    if line.contains("Max-Age=0") {
                        jar.remove(name);
                    } else {
                        jar.insert(name.to_string(), value.to_string());
                    }
                }
            }
            element_text(&reply.text(), "visits").and_then(|v| v.parse().ok())
        };
        self.counts.insert(lab, expected);
        match got {
            Some(n) if n == expected => Ok(()),
            other => Err(format!(
                "{lab}: expected visit {expected}, the page said {other:?}"
            )),
        }
    }
}
