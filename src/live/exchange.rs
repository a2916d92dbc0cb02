//! One request the runner sends to a lab, and the record of it the timeline shows: the
//! headers that carry state (sent and received) and the marker that says what the lab
//! concluded (`#visits`, `#user`, or the JSON API's `user` and `visits`).

use serde::Serialize;

/// A request to send: what a browser (or the header lab's page script) would send.
#[derive(Debug, Clone)]
pub struct Call {
    pub post: bool,
    pub path: String,
    /// The `Cookie` header, exactly as sent (`name=value; name=value`).
    pub cookie: Option<String>,
    /// The `Authorization` header, exactly as sent.
    pub authorization: Option<String>,
    /// A body and its content type.
    pub body: Option<(Body, String)>,
}

#[derive(Debug, Clone, Copy)]
pub enum Body {
    Form,
    Json,
}

impl Call {
    pub fn get(path: String) -> Call {
        Call {
            post: false,
            path,
            cookie: None,
            authorization: None,
            body: None,
        }
    }

    pub fn post(path: String) -> Call {
        Call {
            post: true,
            ..Call::get(path)
        }
    }

    pub fn cookie(mut self, header: Option<String>) -> Call {
        self.cookie = header;
        self
    }

    pub fn bearer(mut self, token: Option<&str>) -> Call {
        self.authorization = token.map(|token| format!("Bearer {token}"));
        self
    }

    pub fn body(mut self, kind: Body, text: String) -> Call {
        self.body = Some((kind, text));
        self
    }
}

/// One header line, as sent or received.
#[derive(Debug, Clone, Serialize)]
pub struct Line {
    pub name: &'static str,
    pub value: String,
}

/// What the lab's answer says about the visitor, read from the response body.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Marker {
    pub user: Option<String>,
    pub visits: Option<String>,
    /// Read from a JSON answer (fields `user`, `visits`) rather than a page (`#user`, `#visits`).
    pub json: bool,
    /// A token the header lab's API answered with (`access_token`), which its script keeps.
    pub access_token: Option<String>,
}

/// A request and its response, as the timeline shows them.
#[derive(Debug, Clone, Serialize)]
pub struct Exchange {
    /// Which instance answered (`live.instance.<code>` in the message table).
    pub instance: &'static str,
    pub method: &'static str,
    pub path: String,
    pub sent: Vec<Line>,
    pub body: Option<String>,
    pub status: u16,
    /// The status line's reason phrase (`See Other`).
    pub reason: &'static str,
    pub received: Vec<Line>,
    pub marker: Marker,
}

impl Exchange {
    /// The request as sent: its method and path, and the headers that carry state.
    pub fn of_call(instance: &'static str, call: &Call) -> Exchange {
        let mut sent = Vec::new();
        if let Some(cookie) = &call.cookie {
            sent.push(Line {
                name: "Cookie",
                value: cookie.clone(),
            });
        }
        if let Some(authorization) = &call.authorization {
            sent.push(Line {
                name: "Authorization",
                value: authorization.clone(),
            });
        }
        if let Some((kind, _)) = &call.body {
            sent.push(Line {
                name: "Content-Type",
                value: kind.content_type().to_string(),
            });
        }
        Exchange {
            instance,
            method: if call.post { "POST" } else { "GET" },
            path: call.path.clone(),
            sent,
            body: call.body.as_ref().map(|(_, text)| text.clone()),
            status: 0,
            reason: "",
            received: Vec::new(),
            marker: Marker::default(),
        }
    }

    /// The `Set-Cookie` lines of the response, in order.
    pub fn set_cookie_lines(&self) -> impl Iterator<Item = &str> {
        self.received
            .iter()
            .filter(|line| line.name == "Set-Cookie")
            .map(|line| line.value.as_str())
    }

    /// Whether the answer shows `username` logged in: a 200 whose marker names them.
    pub fn shows_user(&self, username: &str) -> bool {
        self.status == 200 && self.marker.user.as_deref() == Some(username)
    }
}

impl Body {
    pub fn content_type(self) -> &'static str {
        match self {
            Body::Form => "application/x-www-form-urlencoded",
            Body::Json => "application/json",
        }
    }
}

/// The text of the element with `id="…"` in an HTML page, up to the next tag, unescaped as far
/// as the page escapes (the lab pages escape `& < > " '`).
pub fn element_text(html: &str, id: &str) -> Option<String> {
    let start = html.find(&format!("id=\"{id}\""))?;
    let rest = &html[start..];
    let text = &rest[rest.find('>')? + 1..];
    let text = &text[..text.find('<')?];
    Some(
        text.trim()
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#x27;", "'")
            .replace("&amp;", "&"),
    )
}

/// The marker of a JSON answer from the header lab's API (`user`, `visits`).
pub fn json_marker(body: &str) -> Marker {
    let Ok(json) = serde_json::from_str::<serde_json::Value>(body) else {
        return Marker::default();
    };
    Marker {
        json: true,
        user: json
            .get("user")
            .and_then(|u| u.as_str())
            .map(str::to_string),
        visits: json.get("visits").map(|v| v.to_string()),
        access_token: json
            .get("access_token")
            .and_then(|t| t.as_str())
            .map(str::to_string),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn element_text_reads_the_marked_element_only() {
        let html = r#"<p>Logged in as <strong id="user">al&amp;ice</strong>, <span id="visits">3</span></p>"#;
        assert_eq!(element_text(html, "user").as_deref(), Some("al&ice"));
        assert_eq!(element_text(html, "visits").as_deref(), Some("3"));
        assert_eq!(element_text(html, "missing"), None);
        assert_eq!(element_text(r#"<b id="user""#, "user"), None);
    }

    #[test]
    fn json_marker_reads_user_and_visits_and_ignores_garbage() {
        let marker = json_marker(r#"{"user":"alice","visits":4}"#);
        assert_eq!(marker.user.as_deref(), Some("alice"));
        assert_eq!(marker.visits.as_deref(), Some("4"));
        assert!(json_marker("not json").user.is_none());
    }
}
