//! Hostile input, over a real socket to a real server: malformed, oversized, duplicated and
//! non-UTF-8 cookies for every lab's cookie names; broken and forged tokens in the JWT cookie,
//! the Bearer header and the decoder form; broken forms on every POST form route; broken JSON
//! bodies on the API. Each row names its request and the answer it must get (a specific 4xx,
//! a redirect to the login page, or the page a fresh visitor gets), never a 5xx. Between rows
//! a well-behaved visitor keeps using the same server, and each of its counters must go up by
//! exactly one per visit through the whole run.

mod common;

use std::collections::BTreeMap;

use auth_labs::auth::jwt::{b64url, Audience, JwtKeys};
use auth_labs::config::AppConfig;
use common::raw::{exchange, port_of, RawRequest, Reply};
use common::{element_text, serve_app, urlencode};
use hmac::{Hmac, Mac};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{json, Value};
use sha2::Sha256;
use time::{Duration, OffsetDateTime};

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

// ---------------------------------------------------------------------------------------------
// Tokens

/// Signs `header` + `payload` with HS256 under `secret`, whatever they say.
fn sign(secret: &[u8], header: &Value, payload: &Value) -> String {
    let signing_input = format!(
        "{}.{}",
        b64url(header.to_string().as_bytes()),
        b64url(payload.to_string().as_bytes())
    );
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("any key length works");
    mac.update(signing_input.as_bytes());
    format!("{signing_input}.{}", b64url(&mac.finalize().into_bytes()))
}

/// Claims a lab would accept for `audience`, as JSON to edit.
fn claims(audience: Audience) -> Value {
    let now = OffsetDateTime::now_utc().unix_timestamp();
    json!({
        "sub": "guest:hostile", "visits": 41, "iat": now, "exp": now + 600,
        "jti": "hostile-row", "iss": "auth-labs", "aud": audience.as_str(),
    })
}

fn hs256() -> Value {
    json!({"alg": "HS256", "typ": "JWT"})
}

/// One hostile token, and whether it is readable (three base64url parts holding JSON
/// objects), which decides the decoder's answer: a readable token is shown (200) with its
/// refusal; an unreadable one is a 422.
struct TokenCase {
    name: &'static str,
    token: String,
    readable: bool,
}

fn token_cases(secret: &[u8], keys: &JwtKeys, audience: Audience) -> Vec<TokenCase> {
    let other = match audience {
        Audience::JwtCookie => Audience::JwtHeader,
        Audience::JwtHeader => Audience::JwtCookie,
    };
    let good = claims(audience);
    let edit = |change: &dyn Fn(&mut Value)| {
        let mut c = good.clone();
        change(&mut c);
        c
    };
    let genuine = sign(secret, &hs256(), &good);
    let mut parts = genuine.split('.').map(str::to_string);
    let (h, p, s) = (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
    );
    let tampered_payload = b64url(
        edit(&|c| c["visits"] = json!(1_000_000))
            .to_string()
            .as_bytes(),
    );
    let unsigned = |alg: &str| {
        format!(
            "{}.{p}.",
            b64url(json!({"alg": alg, "typ": "JWT"}).to_string().as_bytes())
        )
    };
    let attacker = b"an-attacker-secret-that-is-long-enough!!";
    let long_ago = OffsetDateTime::now_utc() - keys.ttl - Duration::minutes(5);
    let expired = keys
        .issue_at(long_ago, audience, "alice", 5)
        .expect("signs")
        .token;
    let case = |name, token: String, readable| TokenCase {
        name,
        token,
        readable,
    };
    vec![
        case("empty", String::new(), false),
        case("one part", h.clone(), false),
        case("two parts", format!("{h}.{p}"), false),
        case("four parts", format!("{genuine}.{s}"), false),
        case("an empty header part", format!(".{p}.{s}"), false),
        case("bad base64 characters", "!!!.###.$$$".into(), false),
        case("base64 with padding", format!("{h}=.{p}=.{s}"), false),
        case("non-ASCII", "héllo.wörld.sïg".into(), false),
        case("whitespace inside", format!("{h}.{p} .{s}"), false),
        case(
            "header is not JSON",
            format!("{}.{p}.{s}", b64url(b"not json")),
            false,
        ),
        case(
            "payload is not JSON",
            format!("{h}.{}.{s}", b64url(b"{\"visits\":")),
            false,
        ),
        case(
            "payload is a JSON array",
            format!("{h}.{}.{s}", b64url(b"[1,2,3]")),
            false,
        ),
        case(
            "header is a JSON string",
            format!("{}.{p}.{s}", b64url(b"\"HS256\"")),
            false,
        ),
        case(
            "header is invalid UTF-8",
            format!("{}.{p}.{s}", b64url(b"{\"alg\":\"\xff\"}")),
            false,
        ),
        case("10 kB of junk", "x".repeat(10_000), false),
        case("alg none", unsigned("none"), true),
        case("alg NoNe", unsigned("NoNe"), true),
        case(
            "alg none with the old signature",
            format!("{}{s}", unsigned("none")),
            true,
        ),
        case(
            "alg HS512, correctly signed",
            jsonwebtoken::encode(
                &Header::new(Algorithm::HS512),
                &good,
                &EncodingKey::from_secret(secret),
            )
            .expect("signs"),
            true,
        ),
        case(
            "alg RS256 with an HMAC signature",
            sign(secret, &json!({"alg": "RS256"}), &good),
            true,
        ),
        case(
            "alg is a number",
            sign(secret, &json!({"alg": 256}), &good),
            true,
        ),
        case("no alg", sign(secret, &json!({"typ": "JWT"}), &good), true),
        case(
            "alg of 10 kB",
            sign(secret, &json!({"alg": "A".repeat(10_000)}), &good),
            true,
        ),
        case(
            "tampered visits, old signature",
            format!("{h}.{tampered_payload}.{s}"),
            true,
        ),
        case("signature stripped", format!("{h}.{p}."), true),
        case(
            "signature of 10 kB",
            format!("{h}.{p}.{}", "A".repeat(10_000)),
            true,
        ),
        case(
            "signed with another secret",
            sign(attacker, &hs256(), &good),
            true,
        ),
        case("expired, genuinely signed", expired, true),
        case(
            "not yet valid, genuinely signed",
            sign(secret, &hs256(), &edit(&|c| c["nbf"] = json!(c["exp"]))),
            true,
        ),
        case(
            "for the other lab, genuinely signed",
            sign(secret, &hs256(), &claims(other)),
            true,
        ),
        case(
            "for no lab, genuinely signed",
            sign(secret, &hs256(), &edit(&|c| c["aud"] = json!(["a", "b"]))),
            true,
        ),
        case(
            "another issuer, genuinely signed",
            sign(secret, &hs256(), &edit(&|c| c["iss"] = json!("evil"))),
            true,
        ),
        case(
            "exp is null, genuinely signed",
            sign(secret, &hs256(), &edit(&|c| c["exp"] = Value::Null)),
            true,
        ),
        case(
            "visits is a string, genuinely signed",
            sign(secret, &hs256(), &edit(&|c| c["visits"] = json!("many"))),
            true,
        ),
        case(
            "visits is negative, genuinely signed",
            sign(secret, &hs256(), &edit(&|c| c["visits"] = json!(-1))),
            true,
        ),
        case(
            "visits is 1e30, genuinely signed",
            sign(secret, &hs256(), &edit(&|c| c["visits"] = json!(1e30))),
            true,
        ),
        case(
            "exp is a string, genuinely signed",
            sign(secret, &hs256(), &edit(&|c| c["exp"] = json!("tomorrow"))),
            true,
        ),
        case(
            "sub is an object, genuinely signed",
            sign(secret, &hs256(), &edit(&|c| c["sub"] = json!({"a": 1}))),
            true,
        ),
        case(
            "no jti, genuinely signed",
            sign(
                secret,
                &hs256(),
                &edit(&|c| {
                    if let Some(map) = c.as_object_mut() {
                        map.remove("jti");
                    }
                }),
            ),
            true,
        ),
        case(
            "20 kB claim, signed with another secret",
            sign(
                attacker,
                &hs256(),
                &edit(&|c| c["pad"] = json!("p".repeat(15_000))),
            ),
            true,
        ),
    ]
}

// ---------------------------------------------------------------------------------------------
// The table

const SESSIONS: &str = "/labs/sessions";
const COOKIES: &str = "/labs/cookies";
const JWT_COOKIE: &str = "/labs/jwt-cookie";
const JWT_HEADER: &str = "/labs/jwt-header";

fn cookie_rows(t: &mut Table) {
    // Every cookie a lab reads, on the page that reads it.
    let cookies = [
        (SESSIONS, "sid"),
        (COOKIES, "plain_visits"),
        (COOKIES, "signed_visits"),
        (COOKIES, "private_visits"),
        (COOKIES, "user"),
        (JWT_COOKIE, "jwt"),
    ];
    for (base, name) in cookies {
        let values: Vec<(&str, Vec<Vec<u8>>)> = vec![
            ("an empty value", vec![format!("{name}=").into()]),
            ("a garbage value", vec![format!("{name}=garbage").into()]),
            ("no `=`", vec![name.into()]),
            (
                "an empty name beside it",
                vec![format!("=x; {name}=garbage; =").into()],
            ),
            ("only separators", vec![format!(";;; ;{name}=1;;").into()]),
            ("a quoted value", vec![format!("{name}=\"quoted\"").into()]),
            (
                "a value with spaces and commas",
                vec![format!("{name}=a b, c").into()],
            ),
            (
                "percent-encoded invalid UTF-8",
                vec![format!("{name}=%FF%FE%80").into()],
            ),
            (
                "percent-encoded NUL and CRLF",
                vec![format!("{name}=%00%0D%0Aevil").into()],
            ),
            (
                "raw bytes that are not UTF-8",
                vec![[format!("{name}=").as_bytes(), b"\xff\xfe\x80"].concat()],
            ),
            (
                "a non-UTF-8 header beside a junk one",
                vec![b"other=\xff".to_vec(), format!("{name}=junk").into()],
            ),
            (
                "the name twice in one header",
                vec![format!("{name}=one; {name}=two").into()],
            ),
            (
                "the name in two Cookie headers",
                vec![format!("{name}=one").into(), format!("{name}=two").into()],
            ),
            (
                "random base64 of a plausible size",
                vec![format!("{name}=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").into()],
            ),
            (
                "a 4 kB value",
                vec![format!("{name}={}", "A".repeat(4096)).into()],
            ),
            (
                "a 64 kB value",
                vec![format!("{name}={}", "A".repeat(65_536)).into()],
            ),
            (
                "1000 other cookies beside it",
                vec![(0..1000)
                    .map(|i| format!("c{i}={i}"))
                    .chain([format!("{name}=junk")])
                    .collect::<Vec<_>>()
                    .join("; ")
                    .into()],
            ),
        ];
        for (what, headers) in values {
            let mut request = t.get(base);
            for header in headers {
                request = request.header("Cookie", header);
            }
            t.add(
                format!("GET {base} with `{name}`: {what}"),
                request,
                Expect::FreshVisitor,
            );
        }
    }

    // Counter values a learner might type into devtools.
    for name in ["plain_visits", "signed_visits"] {
        for value in [
            "-1",
            "1e3",
            "99999999999999999999999",
            "0x10",
            "18446744073709551615",
        ] {
            t.add(
                format!("GET {COOKIES} with `{name}={value}`"),
                t.get(COOKIES).header("Cookie", format!("{name}={value}")),
                // `#visits` is the private counter: a fresh visitor's 1 whatever the others say.
                Expect::FreshVisitor,
            );
        }
    }
    for value in ["7.", ".", "7.AAAA", "7.%FF", "..."] {
        t.add(
            format!("GET {COOKIES} with a forged signed counter `{value}`"),
            t.get(COOKIES)
                .header("Cookie", format!("signed_visits={value}")),
            Expect::FreshVisitor,
        );
    }

    // Rocket's flash cookie, read by every page that shows a one-shot message.
    for path in ["/", SESSIONS, COOKIES, JWT_COOKIE, "/labs/cookies/builder"] {
        let flashes: [(&str, &[u8]); 6] = [
            ("no delimiter", b"junk"),
            ("a length past the end", b"5:ab"),
            ("an absurd length", b"99999999999999999999999:x"),
            ("a length inside a multi-byte character", b"1:%C3%A9"),
            (
                "a length inside a raw multi-byte character",
                "1:éé".as_bytes(),
            ),
            ("raw bytes that are not UTF-8", b"1:\xff\xfe"),
        ];
        for (what, value) in flashes {
            let expect = if path.starts_with("/labs/") && !path.ends_with("builder") {
                Expect::FreshVisitor
            } else {
                Expect::Page(200)
            };
            t.add(
                format!("GET {path} with a `_flash` cookie: {what}"),
                t.get(path)
                    .header("Cookie", [b"_flash=".as_slice(), value].concat()),
                expect,
            );
        }
    }

    // Protected pages and logouts refuse junk credentials the normal way.
    for (base, cookie) in [
        (SESSIONS, "sid=garbage"),
        (SESSIONS, "sid=AAAAAAAAAAAAAAAAAAAAAA"),
        (COOKIES, "user=garbage"),
        (COOKIES, "user=alice"),
        (JWT_COOKIE, "jwt=a.b.c"),
        (JWT_COOKIE, "jwt=%FF"),
    ] {
        let login = match base {
            SESSIONS => "/labs/sessions/login",
            COOKIES => "/labs/cookies/login",
            _ => "/labs/jwt-cookie/login",
        };
        t.add(
            format!("GET {base}/me with `{cookie}`"),
            t.get(&format!("{base}/me")).header("Cookie", cookie),
            Expect::Redirect(login),
        );
        let home = match base {
            SESSIONS => SESSIONS,
            COOKIES => COOKIES,
            _ => JWT_COOKIE,
        };
        t.add(
            format!("POST {base}/logout with `{cookie}`"),
            t.post(&format!("{base}/logout")).header("Cookie", cookie),
            Expect::Redirect(home),
        );
    }
    t.add(
        "POST /labs/cookies/signed/retired-key with a forged signed counter",
        t.post("/labs/cookies/signed/retired-key")
            .header("Cookie", "signed_visits=99.forged"),
        Expect::Redirect(COOKIES),
    );
}

fn token_rows(t: &mut Table, secret: &[u8], keys: &JwtKeys) {
    for case in token_cases(secret, keys, Audience::JwtCookie) {
        t.add(
            format!("GET {JWT_COOKIE} with a token that is {}", case.name),
            t.get(JWT_COOKIE)
                .header("Cookie", format!("jwt={}", case.token)),
            Expect::FreshVisitor,
        );
    }
    for case in token_cases(secret, keys, Audience::JwtHeader) {
        for route in ["api/visit", "api/me"] {
            let request = if route == "api/visit" {
                t.post(&format!("{JWT_HEADER}/{route}"))
            } else {
                t.get(&format!("{JWT_HEADER}/{route}"))
            };
            t.add(
                format!(
                    "{JWT_HEADER}/{route} with a Bearer token that is {}",
                    case.name
                ),
                request.header("Authorization", format!("Bearer {}", case.token)),
                Expect::Json(401),
            );
        }
    }
    for audience in Audience::ALL {
        for case in token_cases(secret, keys, audience) {
            let expect = if case.readable {
                Expect::Page(200)
            } else {
                Expect::Page(422)
            };
            t.add(
                format!(
                    "POST /tools/jwt with a {:?} token that is {}",
                    audience, case.name
                ),
                t.form("/tools/jwt", format!("token={}", urlencode(&case.token))),
                expect,
            );
        }
    }
    // The decoder's experiments, asked of tokens they cannot be built from.
    for attack in ["tamper", "alg-none", "expired"] {
        for token in ["", "a.b", "x.y.z"] {
            t.add(
                format!("POST /tools/jwt attack={attack} on `{token}`"),
                t.form("/tools/jwt", format!("token={token}&attack={attack}")),
                Expect::Page(422),
            );
        }
    }
    let alg_none = sign(
        secret,
        &json!({"alg": "none"}),
        &claims(Audience::JwtCookie),
    );
    t.add(
        "POST /tools/jwt attack=expired on a refused token",
        t.form("/tools/jwt", format!("token={alg_none}&attack=expired")),
        Expect::Page(200),
    );
    t.add(
        "POST /tools/jwt with a 100 kB token (over the form limit)",
        t.form("/tools/jwt", format!("token={}", "x".repeat(100_000))),
        Expect::Page(413),
    );
    t.add(
        "POST /tools/jwt with a NUL byte in the token",
        t.form("/tools/jwt", "token=a%00.b.c"),
        Expect::Page(422),
    );

    // The Authorization header itself.
    let authorizations: Vec<(&str, Vec<u8>)> = vec![
        ("an empty Authorization header", b"".to_vec()),
        (
            "the Basic scheme",
            b"Basic YWxpY2U6d29uZGVybGFuZA==".to_vec(),
        ),
        ("`Bearer` and nothing else", b"Bearer".to_vec()),
        ("`Bearer` and spaces", b"Bearer      ".to_vec()),
        ("a lower-case scheme and junk", b"bearer x.y.z".to_vec()),
        ("two words after Bearer", b"Bearer a.b.c d.e.f".to_vec()),
        ("a tab instead of a space", b"Bearer\ta.b.c".to_vec()),
        (
            "a 100 kB token",
            format!("Bearer {}", "A".repeat(100_000)).into_bytes(),
        ),
        ("a scheme of 8 kB", "B".repeat(8192).into_bytes()),
    ];
    for (what, value) in authorizations {
        t.add(
            format!("POST {JWT_HEADER}/api/visit with {what}"),
            t.post(&format!("{JWT_HEADER}/api/visit"))
                .header("Authorization", value),
            Expect::Json(401),
        );
    }
    t.add(
        "POST api/visit with two junk Authorization headers",
        t.post(&format!("{JWT_HEADER}/api/visit"))
            .header("Authorization", "Bearer a.b.c")
            .header("Authorization", "Bearer d.e.f"),
        Expect::Json(401),
    );
    // Rocket drops a header whose value is not UTF-8, so this is a request without a token.
    t.add(
        "POST api/visit with an Authorization header that is not UTF-8",
        t.post(&format!("{JWT_HEADER}/api/visit"))
            .header("Authorization", b"Bearer \xff\xfe"),
        Expect::FreshGuest,
    );
    t.add(
        "GET api/me with an Authorization header that is not UTF-8",
        t.get(&format!("{JWT_HEADER}/api/me"))
            .header("Authorization", b"Bearer \xff\xfe"),
        Expect::Json(401),
    );
    t.add(
        "POST api/visit with a junk body and no token",
        t.post(&format!("{JWT_HEADER}/api/visit"))
            .header("Content-Type", "application/json")
            .body("{not json"),
        Expect::FreshGuest,
    );
}

fn form_rows(t: &mut Table) {
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

fn json_rows(t: &mut Table) {
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

fn protocol_rows(t: &mut Table) {
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
        "/labs/sessions/logout",
        "/labs/nowhere",
    ] {
        t.add(format!("GET {path}"), t.get(path), Expect::Page(404));
    }
    // Rocket refuses an encoded `/` inside one segment, and dotfiles, as path parameters.
    for path in ["/docs/source/..%2FCargo.toml", "/docs/source/.git/config"] {
        t.add(format!("GET {path}"), t.get(path), Expect::Page(422));
    }
    t.add(
        "GET /labs/jwt-header/api/visit (POST only)",
        t.get("/labs/jwt-header/api/visit"),
        Expect::Json(404),
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
            Expect::Page(404),
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

// ---------------------------------------------------------------------------------------------
// The well-behaved visitor

/// A client that uses each lab as intended, keeping its own cookies and token like a browser.
struct Regular {
    port: u16,
    /// Per lab: the cookies it holds for that lab.
    jars: BTreeMap<&'static str, BTreeMap<String, String>>,
    token: Option<String>,
    counts: BTreeMap<&'static str, u64>,
    next: usize,
}

const LABS: [&str; 4] = [SESSIONS, COOKIES, JWT_COOKIE, JWT_HEADER];

impl Regular {
    fn new(port: u16) -> Regular {
        Regular {
            port,
            jars: BTreeMap::new(),
            token: None,
            counts: BTreeMap::new(),
            next: 0,
        }
    }

    /// Visits the next lab in turn; `Err` says how the count was wrong.
    fn visit_next(&mut self) -> Result<(), String> {
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

#[test]
fn every_hostile_request_gets_its_4xx_or_a_fresh_visit_and_other_visitors_keep_counting() {
    let app = serve_app();
    let port = port_of(&app);
    let config =
        AppConfig::from_figment(&common::figment()).expect("the test configuration is valid");
    let keys = JwtKeys::from_config(&config);
    let mut table = Table {
        port,
        rows: Vec::new(),
    };
    cookie_rows(&mut table);
    token_rows(&mut table, config.jwt_secret.bytes(), &keys);
    form_rows(&mut table);
    json_rows(&mut table);
    protocol_rows(&mut table);
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
