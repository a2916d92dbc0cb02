//! The app instances a run talks to: each is the whole app, built in this process from the
//! server's own configuration (`rocket::local::asynchronous::Client`), so every request goes
//! through the real lab routes, guards and fairings, exactly as a browser's would.
//!
//! What makes the instances differ is what the story asks: a second instance or a restart is
//! another instance with the same keys and memory of its own; a rotation gets new keys; the
//! last one issues tokens that live one second. Every instance keeps its sessions in memory,
//! whatever `session_store` says, so a run never writes demo sessions into a shared Redis.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use rand::RngCore;
use rocket::figment::Figment;
use rocket::http::{ContentType, Cookie, Header, Method};
use rocket::local::asynchronous::Client;
use serde::Serialize;

use super::exchange::{element_text, json_marker, Call, Exchange, Line, Marker};

/// How long the short-lived instance's tokens live (`jwt_ttl`), in seconds.
pub const SHORT_TTL: u64 = 1;

/// Which instance it is in the story; `live.instance.<code>` explains it on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The server the story starts on.
    First,
    /// Another instance beside the first, with the same keys.
    Second,
    /// The first one stopped and started again with the same keys.
    Restarted,
    /// An instance whose `secret_key`, `jwt_secret` and `cookie_signing_keys` are new.
    Rotated,
    /// The same keys, but tokens that live [`SHORT_TTL`] seconds and no leeway.
    ShortTtl,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Role::First => "first",
            Role::Second => "second",
            Role::Restarted => "restarted",
            Role::Rotated => "rotated",
            Role::ShortTtl => "short_ttl",
        }
    }

    /// The server's configuration with what this instance changes.
    fn figment(self, server: &Figment) -> Figment {
        let figment = server.clone().merge(("session_store", "memory"));
        match self {
            Role::First | Role::Second | Role::Restarted => figment,
            Role::Rotated => figment
                .merge(("secret_key", random_key(64)))
                .merge(("jwt_secret", random_key(48)))
                .merge(("cookie_signing_keys", vec![random_key(48)])),
            Role::ShortTtl => figment
                .merge(("jwt_ttl", SHORT_TTL))
                .merge(("jwt_leeway", 0)),
        }
    }
}

/// A fresh random key from the OS, base64 (as `openssl rand -base64 N` writes one).
fn random_key(bytes: usize) -> String {
    let mut key = vec![0u8; bytes];
    rand::rngs::OsRng.fill_bytes(&mut key);
    STANDARD.encode(key)
}

/// The instance could not be started (its configuration was refused, or ignite failed).
#[derive(Debug, Clone, Copy)]
pub struct NotStarted;

/// One running instance of the app, reachable only from this process.
pub struct Instance {
    client: Client,
    role: Role,
}

impl Instance {
    /// Builds and ignites the app, as `cargo run` would but without a socket: this hashes the
    /// demo accounts' passwords, which is most of the time a run takes.
    pub async fn start(server: &Figment, role: Role) -> Result<Instance, NotStarted> {
        match Client::untracked(crate::rocket_from(role.figment(server))).await {
            Ok(client) => Ok(Instance { client, role }),
            Err(error) => {
                // Reading the kind marks the error handled (Rocket panics on an unread one).
                let _ = error.kind();
                Err(NotStarted)
            }
        }
    }

    /// Sends `call` through the app and records the exchange.
    pub async fn send(&self, call: Call) -> Exchange {
        let mut record = Exchange::of_call(self.role.code(), &call);
        let method = if call.post { Method::Post } else { Method::Get };
        let mut request = self.client.req(method, call.path.clone());
        if let Some(header) = call.cookie {
            // The raw header for what the app shows, the parsed cookies for its cookie jar.
            let cookies: Vec<Cookie<'static>> = header
                .split(';')
                .filter_map(|pair| Cookie::parse_encoded(pair.trim().to_string()).ok())
                .collect();
            request = request
                .header(Header::new("Cookie", header))
                .cookies(cookies);
        }
        if let Some(authorization) = call.authorization {
            request = request.header(Header::new("Authorization", authorization));
        }
        if let Some((kind, text)) = call.body {
            let content_type = ContentType::parse_flexible(kind.content_type());
            request = request
                .header(content_type.unwrap_or(ContentType::Any))
                .body(text);
        }
        let response = request.dispatch().await;
        record.status = response.status().code;
        record.reason = response.status().reason().unwrap_or_default();
        for name in ["Location", "Set-Cookie", "WWW-Authenticate"] {
            record
                .received
                .extend(
                    crate::site::headers::all(response.headers(), name).map(|value| Line {
                        name,
                        value: value.to_string(),
                    }),
                );
        }
        let html = response.content_type() == Some(ContentType::HTML);
        let body = response.into_string().await.unwrap_or_default();
        record.marker = if html {
            Marker {
                user: element_text(&body, "user"),
                visits: element_text(&body, "visits"),
                json: false,
                access_token: None,
            }
        } else {
            json_marker(&body)
        };
        record
    }
}

impl Drop for Instance {
    /// Stops the instance's background tasks (the session sweep) with it.
    fn drop(&mut self) {
        self.client.rocket().shutdown().notify();
    }
}
