//! Hostile HTTP: wrong methods, odd targets, repeated and oversized headers.

use super::{Expect, Table};
use crate::support::raw::RawRequest;
use crate::support::{COOKIES, JWT_COOKIE, JWT_HEADER, SESSIONS};

pub fn rows(t: &mut Table) {
    let port = t.port;
    t.add(
        "a request line that is not HTTP",
        RawRequest::new("GARBAGE", "", port),
        Expect::Protocol(400),
    );
    t.add(
        "an unknown method",
        RawRequest::new("BREW", "/labs/sessions", port),
        Expect::Protocol(400),
    );
    t.add(
        "a request target with raw non-UTF-8 bytes",
        RawRequest::new("GET", b"/labs/\xff\xfe", port),
        Expect::Protocol(400),
    );
    t.add(
        "a Content-Length that is not a number",
        t.post("/register").header("Content-Length", "abc"),
        Expect::Protocol(400),
    );
    t.add(
        "two different Content-Lengths",
        t.post("/register")
            .header("Content-Length", "1")
            .header("Content-Length", "2"),
        Expect::Protocol(400),
    );
    t.add(
        "a Cookie header over the server's header limit",
        t.get(SESSIONS)
            .header("Cookie", format!("sid={}", "A".repeat(1 << 20))),
        Expect::Protocol(431),
    );
    for path in [
        "/docs/%FF%FE",
        "/docs/exercises/%FF",
        // Rocket resolves `..` inside the path: this is `/docs/source/etc/passwd`.
        "/docs/source/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/docs/source/src/%00",
        "/docs/source/src",
        "/static/..%2F..%2FCargo.toml",
        "/static/%00",
        "/labs/nowhere",
    ] {
        t.add(format!("GET {path}"), t.get(path), Expect::Page(404));
    }
    // A path that exists under another method: 405, not 404 (RFC 9110 §15.5.6).
    t.add(
        "GET /labs/sessions/logout (POST only)",
        t.get("/labs/sessions/logout"),
        Expect::Page(405),
    );
    // Rocket refuses an encoded `/` inside one segment, and dotfiles, as path parameters.
    for path in ["/docs/source/..%2FCargo.toml", "/docs/source/.git/config"] {
        t.add(format!("GET {path}"), t.get(path), Expect::Page(422));
    }
    t.add(
        "GET /labs/jwt-header/api/visit (POST only)",
        t.get("/labs/jwt-header/api/visit"),
        Expect::Json(405),
    );
    t.add(
        "GET a 16 kB path",
        t.get(&format!("/docs/{}", "a".repeat(16_384))),
        Expect::Page(404),
    );
    t.add(
        "GET an unknown API path asking for JSON",
        t.get("/labs/jwt-header/api/nowhere"),
        Expect::Json(404),
    );
    t.add(
        "GET an unknown page with Accept: application/json",
        t.get("/nowhere").header("Accept", "application/json"),
        Expect::Json(404),
    );
    for path in ["/", SESSIONS, COOKIES, JWT_COOKIE, JWT_HEADER, "/tools/jwt"] {
        t.add(
            format!("HEAD {path}"),
            RawRequest::new("HEAD", path, port),
            Expect::Protocol(200),
        );
        t.add(
            format!("OPTIONS {path}"),
            RawRequest::new("OPTIONS", path, port),
            Expect::Page(405),
        );
    }
    let accepts: [&[u8]; 6] = [
        b"",
        b",,,",
        b"application/json;q=junk",
        b"*/*;q=2",
        b"text/html;;;;q=",
        b"\xff/\xfe",
    ];
    for accept in accepts {
        let shown = String::from_utf8_lossy(accept);
        t.add(
            format!("GET an unknown page with `Accept: {shown}`"),
            t.get("/nowhere").header("Accept", accept),
            Expect::Page(404),
        );
        t.add(
            format!("GET {SESSIONS} with `Accept: {shown}`"),
            t.get(SESSIONS).header("Accept", accept),
            Expect::FreshVisitor,
        );
    }
    t.add(
        "GET an unknown page with an 8 kB Accept header",
        t.get("/nowhere").header("Accept", "a/b,".repeat(2048)),
        Expect::Page(404),
    );
    let content_types: [&[u8]; 3] = [
        b";;;",
        b"application/x-www-form-urlencoded; charset=\xff",
        b"multipart/form-data; boundary=",
    ];
    for content_type in content_types {
        t.add(
            format!(
                "POST /labs/sessions/login with `Content-Type: {}`",
                String::from_utf8_lossy(content_type)
            ),
            t.post("/labs/sessions/login")
                .header("Content-Type", content_type)
                .body("username=a&password=b"),
            Expect::Page(415),
        );
    }
    t.add(
        "GET /labs/jwt-header with a Host that is markup",
        t.get(JWT_HEADER)
            .header("Host", "<script>alert(1)</script>"),
        Expect::Page(200),
    );
    t.add(
        "GET /labs/jwt-header with a Host that is not UTF-8",
        t.get(JWT_HEADER).header("Host", b"\xff\xfe"),
        Expect::Page(200),
    );
    t.add(
        "POST /labs/cookies/builder with a Host that is markup",
        t.form("/labs/cookies/builder", "name=a&value=b&domain=example.com")
            .header("Host", "<b>evil</b>"),
        Expect::Page(200),
    );
}
