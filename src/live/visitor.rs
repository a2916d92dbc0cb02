//! Alice on one lab, as the runner plays her: a browser's cookie jar on the three cookie labs,
//! the page script's token on the header lab. It sends what a browser would send, keeps what
//! a browser would keep, and can hand over a copy of its credential.

use rocket::http::Cookie;
use serde::Serialize;
use time::OffsetDateTime;

use super::exchange::{Body, Call, Exchange, Line};
use super::instance::Instance;
use crate::labs::LabInfo;

/// The account the story logs in with (a demo account, listed on every login page).
pub const ACCOUNT: (&str, &str) = crate::auth::users::DEMO_ACCOUNTS[0];

/// A copy of a credential: the header line that carries it.
#[derive(Debug, Clone, Serialize)]
pub struct Copied(pub Line);

/// One lab's visitor.
pub struct Visitor {
    pub lab: &'static LabInfo,
    /// `name=value` pairs as `Set-Cookie` wrote them, in the order they arrived.
    jar: Vec<(String, String)>,
    /// The header lab's token, held in page memory.
    token: Option<String>,
}

impl Visitor {
    pub fn new(lab: &'static LabInfo) -> Visitor {
        Visitor {
            lab,
            jar: Vec::new(),
            token: None,
        }
    }

    /// The header lab carries its credential in `Authorization`, the others in a cookie.
    fn in_header(&self) -> bool {
        self.lab.credential.is_none()
    }

    fn cookie_header(&self) -> Option<String> {
        let pairs: Vec<&str> = self.jar.iter().map(|(_, pair)| pair.as_str()).collect();
        (!pairs.is_empty()).then(|| pairs.join("; "))
    }

    fn path(&self, rest: &str) -> String {
        format!("{}{rest}", self.lab.path)
    }

    /// Sends `call` with this visitor's credential and keeps what the answer gives back.
    async fn send(&mut self, at: &Instance, call: Call) -> Exchange {
        let call = if self.in_header() {
            call.bearer(self.token.as_deref())
        } else {
            call.cookie(self.cookie_header())
        };
        let exchange = at.send(call).await;
        self.keep(&exchange);
        exchange
    }

    /// What a browser does with `Set-Cookie` (a past expiry or `Max-Age=0` removes the
    /// cookie), and what the header lab's script does with a new token.
    fn keep(&mut self, exchange: &Exchange) {
        let now = OffsetDateTime::now_utc();
        for line in exchange.set_cookie_lines() {
            let Ok(cookie) = Cookie::parse_encoded(line) else {
                continue;
            };
            let gone = cookie.max_age().is_some_and(|age| age.is_zero())
                || cookie.expires_datetime().is_some_and(|at| at <= now);
            let pair = line.split(';').next().unwrap_or_default().trim();
            self.jar.retain(|(name, _)| name != cookie.name());
            if !gone {
                self.jar.push((cookie.name().to_string(), pair.to_string()));
            }
        }
        if let Some(token) = &exchange.marker.access_token {
            self.token = Some(token.clone());
        }
    }

    /// Logs in with the lab's own login: its form, or the header lab's token endpoint.
    pub async fn log_in(&mut self, at: &Instance) -> Exchange {
        let (username, password) = ACCOUNT;
        let call = if self.in_header() {
            // What the page script sends; both are plain demo values, with nothing to escape.
            let body = format!(r#"{{"username":"{username}","password":"{password}"}}"#);
            Call::post(self.path("/api/token")).body(Body::Json, body)
        } else {
            let body = format!("username={username}&password={password}");
            Call::post(self.path("/login")).body(Body::Form, body)
        };
        self.send(at, call).await
    }

    /// One visit to the counter: the lab's page, or the header lab's visit endpoint.
    pub async fn visit(&mut self, at: &Instance) -> Exchange {
        let call = if self.in_header() {
            Call::post(self.path("/api/visit"))
        } else {
            Call::get(self.lab.path.to_string())
        };
        self.send(at, call).await
    }

    /// Logs out as each lab's page does: the lab's logout form; in the header lab the script
    /// tells the server (`api/logout`, which can only take note) and forgets the token.
    pub async fn log_out(&mut self, at: &Instance) -> Option<Exchange> {
        if self.in_header() {
            let told = self.send(at, Call::post(self.path("/api/logout"))).await;
            self.token = None;
            return Some(told);
        }
        Some(self.send(at, Call::post(self.path("/logout"))).await)
    }

    /// A copy of the credential this visitor holds now, as another browser would send it.
    pub fn copy(&self, secure: bool) -> Option<Copied> {
        let line = match self.lab.credential {
            None => Line {
                name: "Authorization",
                value: format!("Bearer {}", self.token.as_ref()?),
            },
            Some(credential) => {
                let name = credential.name(secure);
                let (_, pair) = self.jar.iter().find(|(n, _)| n == name)?;
                Line {
                    name: "Cookie",
                    value: pair.clone(),
                }
            }
        };
        Some(Copied(line))
    }
}

/// Another browser, holding nothing but `copy`, asks the lab's protected page (the header
/// lab: its `api/me`) who it is.
pub async fn replay(at: &Instance, lab: &LabInfo, copy: &Copied) -> Exchange {
    let Copied(line) = copy;
    let call = if lab.credential.is_none() {
        let mut call = Call::get(format!("{}/api/me", lab.path));
        call.authorization = Some(line.value.clone());
        call
    } else {
        Call::get(format!("{}/me", lab.path)).cookie(Some(line.value.clone()))
    };
    at.send(call).await
}
