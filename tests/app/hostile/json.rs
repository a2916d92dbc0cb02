//! Hostile JSON bodies on the header lab's API: wrong types, truncated, huge, the wrong
//! content type.

use super::{Expect, Table};
use crate::support::JWT_HEADER;

pub fn rows(t: &mut Table) {
    let api = format!("{JWT_HEADER}/api/token");
    let bodies: Vec<(&str, Vec<u8>, u16)> = vec![
        ("an empty body", b"".to_vec(), 400),
        ("plain text", b"hello".to_vec(), 400),
        ("truncated JSON", b"{\"username\":".to_vec(), 400),
        (
            "a form body",
            b"username=alice&password=wonderland".to_vec(),
            400,
        ),
        (
            "raw bytes that are not UTF-8",
            b"{\"username\":\"\xff\"}".to_vec(),
            400,
        ),
        (
            "JSON nested 100 000 deep",
            "[".repeat(100_000).into_bytes(),
            422,
        ),
        (
            "trailing garbage",
            b"{\"username\":\"a\",\"password\":\"b\"} junk".to_vec(),
            400,
        ),
        ("null", b"null".to_vec(), 422),
        ("an array that is too short", b"[\"alice\"]".to_vec(), 422),
        ("a string", b"\"alice\"".to_vec(), 422),
        (
            "the wrong field names",
            b"{\"user\":\"alice\",\"pass\":\"wonderland\"}".to_vec(),
            422,
        ),
        (
            "a missing password",
            b"{\"username\":\"alice\"}".to_vec(),
            422,
        ),
        (
            "numbers for strings",
            b"{\"username\":1,\"password\":2}".to_vec(),
            422,
        ),
        (
            "a duplicated key",
            b"{\"username\":\"a\",\"username\":\"b\",\"password\":\"c\"}".to_vec(),
            422,
        ),
        (
            "an escaped lone surrogate",
            b"{\"username\":\"\\ud800\",\"password\":\"x\"}".to_vec(),
            400,
        ),
        (
            "2 MB of JSON (over the limit)",
            format!(
                "{{\"username\":\"{}\",\"password\":\"x\"}}",
                "u".repeat(2 << 20)
            )
            .into_bytes(),
            413,
        ),
    ];
    for (what, body, status) in bodies {
        t.add(
            format!("POST {api} with {what}"),
            t.post(&api)
                .header("Content-Type", "application/json")
                .body(body),
            Expect::Json(status),
        );
    }
}
