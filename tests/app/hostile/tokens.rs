//! Hostile tokens: broken and forged JWTs in the JWT cookie, the Bearer header and the
//! decoder form (an edited payload, `alg: none`, another secret, expired, wrong audience…).

use hmac::{Hmac, Mac};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{json, Value};
use sha2::Sha256;
use time::{Duration, OffsetDateTime};

use super::{Expect, Table};
use crate::support::internals::{b64url, Audience, JwtKeys};
use crate::support::{urlencode, JWT_COOKIE, JWT_HEADER};

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

pub fn rows(t: &mut Table, secret: &[u8], keys: &JwtKeys) {
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
