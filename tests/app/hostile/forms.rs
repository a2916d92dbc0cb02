//! Hostile forms: missing, duplicated, oversized and non-UTF-8 fields on every POST form route.

use super::{Expect, Table};

pub fn rows(t: &mut Table) {
    // Every POST route that reads a form, the field it cannot do without, and what it says to
    // that field percent-decoded from bytes that are not UTF-8 (Rocket decodes them lossily,
    // to U+FFFD): a login simply fails, the other forms refuse the replacement character.
    let login = || Expect::LoginRefused;
    let refused = || Expect::Page(422);
    let routes = [
        ("/register", "username", refused()),
        ("/tools/jwt", "token", refused()),
        ("/labs/sessions/login", "username", login()),
        ("/labs/cookies/login", "username", login()),
        ("/labs/jwt-cookie/login", "username", login()),
        ("/labs/cookies/builder", "name", refused()),
        ("/labs/cookies/remove", "name", refused()),
        ("/tools/jwt/sign", "payload", refused()),
        ("/tools/jwt/crack", "token", refused()),
        ("/labs/sessions/same-site", "same_site", refused()),
        ("/labs/cookies/same-site", "same_site", refused()),
        ("/labs/jwt-cookie/same-site", "same_site", refused()),
    ];
    let megabyte = "v".repeat(1 << 20);
    for (path, field, lossy) in routes {
        // Every field of the builder and the removal form has a default, so nothing is missing
        // there: Rocket then reports a truncated multipart stream as a length error (413).
        let defaults = matches!(path, "/labs/cookies/builder" | "/labs/cookies/remove");
        t.add(
            format!("POST {path} with an empty form"),
            t.form(path, ""),
            Expect::Page(422),
        );
        t.add(
            format!("POST {path} with only an unknown field"),
            t.form(path, "zzz=1"),
            Expect::Page(422),
        );
        t.add(
            format!("POST {path} with a 1 MB `{field}`"),
            t.form(path, format!("{field}={megabyte}")),
            Expect::Page(413),
        );
        t.add(
            format!("POST {path} with 1 MB of `&`"),
            t.form(path, "&".repeat(1 << 20)),
            Expect::Page(413),
        );
        t.add(
            format!("POST {path} with a percent-encoded non-UTF-8 `{field}`"),
            t.form(path, format!("{field}=%FF%FE&password=x&value=x")),
            lossy,
        );
        t.add(
            format!("POST {path} with raw non-UTF-8 bytes in the body"),
            t.form(path, [format!("{field}=").as_bytes(), b"\xff\xfe"].concat()),
            Expect::Page(400),
        );
        for content_type in [
            None,
            Some("text/plain"),
            Some("application/json"),
            Some("image/png"),
        ] {
            let mut request = t.post(path);
            if let Some(content_type) = content_type {
                request = request.header("Content-Type", content_type);
            }
            // A client that says it sends JSON gets its error as JSON.
            let expect = if content_type == Some("application/json") {
                Expect::Json(415)
            } else {
                Expect::Page(415)
            };
            t.add(
                format!("POST {path} with content type {content_type:?}"),
                request.body(format!("{field}=a&password=b")),
                expect,
            );
        }
        t.add(
            format!("POST {path} as multipart without a boundary"),
            t.post(path)
                .header("Content-Type", "multipart/form-data")
                .body(format!("{field}=a")),
            Expect::Page(400),
        );
        t.add(
            format!("POST {path} as multipart with a broken body"),
            t.post(path)
                .header("Content-Type", "multipart/form-data; boundary=XX")
                .body("--XX\r\nContent-Disposition: form-data\r\n\r\nnope"),
            Expect::Page(if defaults { 413 } else { 422 }),
        );
    }
    // Fields of the wrong type.
    for (path, body) in [
        ("/labs/cookies/builder", "name=a&value=b&secure=maybe"),
        ("/labs/cookies/builder", "name=a&value=b&http_only=2"),
        ("/labs/cookies/builder", "name=a&value=b&partitioned=%FF"),
        ("/tools/jwt", "token=a.b.c&attack=explode"),
        ("/tools/jwt", "token=a.b.c&attack="),
    ] {
        t.add(
            format!("POST {path} with `{body}`"),
            t.form(path, body),
            Expect::Page(422),
        );
    }
    // Values the validation refuses before any password hashing.
    for (body, status) in [
        ("username=A&password=longenough", 422),
        ("username=bad%20name&password=longenough", 422),
        ("username=newuser&password=short", 422),
        (
            &*format!("username=newuser&password={}", "p".repeat(129)),
            422,
        ),
        ("username=alice&password=longenough", 409),
    ] {
        t.add(
            format!("POST /register with `{}`", &body[..body.len().min(60)]),
            t.form("/register", body),
            Expect::Page(status),
        );
    }
    // The builder's own refusals.
    for body in [
        "name=a%0D%0ASet-Cookie:%20evil=1&value=b",
        "name=a&value=b;%20Domain=evil.example",
        "name=a&value=b&path=/x;%20Secure",
        "name=a&value=b&max_age=-1",
        "name=a&value=b&max_age=99999999999999999999",
        "name=a&value=b&expires=99999-01-01T00:00",
        "name=a&value=b&same_site=None",
    ] {
        t.add(
            format!("POST /labs/cookies/builder with `{body}`"),
            t.form("/labs/cookies/builder", body),
            Expect::Page(422),
        );
    }
    t.add(
        "POST /labs/cookies/builder with a 5 kB value",
        t.form(
            "/labs/cookies/builder",
            format!("name=a&value={}", "v".repeat(5000)),
        ),
        Expect::Page(422),
    );
}
