//! Property tests: the cookie builder's validation and the token decoder, fed generated input.
//! No input panics; every cookie the builder accepts is written as a `Set-Cookie` line that
//! parses back to exactly what was asked for; no string, and no edit of a genuine token,
//! verifies unless it is the genuine token unchanged.

use crate::support;
use crate::support::internals::TokenView;
use crate::support::internals::{b64url, decode_unverified, Audience, JwtKeys};
use crate::support::internals::{builder, CookieSpec};
use proptest::prelude::*;
use rocket::http::{ContentType, Cookie, SameSite, Status};
use serde_json::Value;
use time::{Duration, OffsetDateTime};

/// Pure functions: enough cases to find edge cases, still well under a second each.
const CASES: u32 = 512;
/// Cases that go through the whole app (a request each).
const ROUTE_CASES: u32 = 64;

// ---------------------------------------------------------------------------------------------
// Generators

/// A token (RFC 2616 §2.2): what a valid cookie name is made of.
const TOKEN: &str = "[!#$%&'*+.^_`|~0-9A-Za-z-]{1,24}";
/// cookie-octets (RFC 6265 §4.1.1).
const OCTETS: &str = "[!#-+\\--:<-\\[\\]-~]{0,40}";
/// The same, in the one pair of double quotes RFC 6265 allows around a value.
const QUOTED_OCTETS: &str = "\"[!#-+\\--:<-\\[\\]-~]{0,40}\"";

/// Mostly well-formed field values (so many cookies are accepted), sometimes anything at all.
fn field(well_formed: impl Strategy<Value = String> + 'static) -> BoxedStrategy<String> {
    prop_oneof![
        16 => well_formed,
        1 => any::<String>(),
        1 => "[ -~]{0,12}",
    ]
    .boxed()
}

/// An attribute that is usually absent (an empty field), else mostly well-formed.
fn attribute(well_formed: impl Strategy<Value = String> + 'static) -> BoxedStrategy<String> {
    prop_oneof![1 => Just(String::new()), 1 => field(well_formed)].boxed()
}

/// `YYYY-MM-DDTHH:MM[:SS]`, any real date in the years a cookie date can carry.
fn date_time() -> impl Strategy<Value = String> {
    (
        1601..=9999u32,
        1..=12u32,
        1..=28u32,
        0..24u32,
        0..60u32,
        proptest::option::of(0..60u32),
    )
        .prop_map(|(y, mo, d, h, mi, s)| {
            let seconds = s.map(|s| format!(":{s:02}")).unwrap_or_default();
            format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}{seconds}")
        })
}

fn spec() -> impl Strategy<Value = CookieSpec> {
    (
        field(TOKEN),
        field(prop_oneof![OCTETS, QUOTED_OCTETS]),
        attribute("[0-9]{1,9}"),
        attribute(date_time()),
        attribute(" ?/[!-:<-~]{0,20} ?"),
        attribute("\\.?([a-z0-9]{1,10}\\.){0,3}[a-z]{1,10}"),
        prop_oneof![
            4 => prop::sample::select(vec!["", "Strict", "Lax", "None"]).prop_map(str::to_string),
            1 => any::<String>(),
        ],
        // Secure more often than not: SameSite=None and Partitioned require it.
        (prop::bool::weighted(0.7), any::<bool>(), any::<bool>()),
    )
        .prop_map(
            |(
                name,
                value,
                max_age,
                expires,
                path,
                domain,
                same_site,
                (secure, http_only, partitioned),
            )| {
                CookieSpec {
                    name,
                    value,
                    max_age,
                    expires,
                    path,
                    domain,
                    same_site,
                    secure,
                    http_only,
                    partitioned,
                }
            },
        )
}

/// The app's JWT keys under the test configuration (the debug profile's demo secret).
fn keys() -> JwtKeys {
    let config = crate::support::internals::AppConfig::from_figment(&support::figment())
        .expect("the test configuration is valid");
    JwtKeys::from_config(&config)
}

/// A small JSON object, sometimes with the claims and header fields the checks look at.
fn json_object() -> impl Strategy<Value = String> {
    let scalar = prop_oneof![
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        "[ -~]{0,12}".prop_map(Value::from),
        prop::sample::select(vec![
            "HS256",
            "none",
            "HS512",
            "auth-labs",
            "auth-labs/jwt-cookie"
        ])
        .prop_map(Value::from),
        Just(Value::Null),
    ];
    let key = prop::sample::select(vec![
        "alg", "typ", "sub", "visits", "iat", "exp", "nbf", "jti", "iss", "aud", "x",
    ]);
    proptest::collection::btree_map(key, scalar, 0..8).prop_map(|map| {
        Value::Object(map.into_iter().map(|(k, v)| (k.to_string(), v)).collect()).to_string()
    })
}

/// Text shaped like a token often enough to get past each check in turn: readable tokens
/// (base64url JSON objects) with junk signatures, dotted base64url runs, any string at all.
fn token_like() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => (json_object(), json_object(), "[A-Za-z0-9_-]{0,43}")
            .prop_map(|(h, p, s)| format!("{}.{}.{s}", b64url(h.as_bytes()), b64url(p.as_bytes()))),
        3 => "[A-Za-z0-9_-]{0,40}(\\.[A-Za-z0-9_-]{0,40}){0,4}",
        1 => "eyJ[A-Za-z0-9_-]{0,60}\\.eyJ[A-Za-z0-9_-]{0,80}\\.[A-Za-z0-9_-]{0,43}",
        2 => any::<String>(),
        1 => "[ -~]{0,80}",
    ]
}

/// One edit of a token's text.
#[derive(Debug, Clone)]
enum Edit {
    /// Replace the character at (position mod length) with this one.
    Replace(usize, char),
    Insert(usize, char),
    Delete(usize),
    /// Keep only the first (position mod length) characters.
    Truncate(usize),
    /// Swap two of the three parts.
    SwapParts(usize, usize),
    /// Append this text.
    Append(String),
}

fn edit() -> impl Strategy<Value = Edit> {
    let b64 = prop::sample::select(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.="
            .chars()
            .collect::<Vec<_>>(),
    );
    prop_oneof![
        4 => (any::<usize>(), b64.clone()).prop_map(|(i, c)| Edit::Replace(i, c)),
        1 => (any::<usize>(), any::<char>()).prop_map(|(i, c)| Edit::Replace(i, c)),
        2 => (any::<usize>(), b64).prop_map(|(i, c)| Edit::Insert(i, c)),
        2 => any::<usize>().prop_map(Edit::Delete),
        1 => any::<usize>().prop_map(Edit::Truncate),
        1 => (0..3usize, 0..3usize).prop_map(|(a, b)| Edit::SwapParts(a, b)),
        1 => "[A-Za-z0-9_.-]{0,8}".prop_map(Edit::Append),
    ]
}

fn apply(token: &str, edit: &Edit) -> String {
    let mut chars: Vec<char> = token.chars().collect();
    let len = chars.len().max(1);
    match edit {
        Edit::Replace(i, c) => {
            if let Some(slot) = chars.get_mut(i % len) {
                *slot = *c;
            }
        }
        Edit::Insert(i, c) => chars.insert(i % (chars.len() + 1), *c),
        Edit::Delete(i) => {
            if !chars.is_empty() {
                chars.remove(i % len);
            }
        }
        Edit::Truncate(i) => chars.truncate(i % len),
        Edit::SwapParts(a, b) => {
            let mut parts: Vec<&str> = token.split('.').collect();
            if *a < parts.len() && *b < parts.len() {
                parts.swap(*a, *b);
            }
            return parts.join(".");
        }
        Edit::Append(text) => chars.extend(text.chars()),
    }
    chars.into_iter().collect()
}

// ---------------------------------------------------------------------------------------------
// The cookie builder

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn builder_and_removal_never_panic_on_any_input(spec in spec(), host in proptest::option::of(any::<String>())) {
        let now = OffsetDateTime::now_utc();
        let _ = builder::build(&spec, host.as_deref(), now);
        let _ = builder::removal(&spec.name, &spec.path, &spec.domain);
        let _ = builder::check_name(&spec.value);
        let _ = builder::check_value(&spec.name);
    }

    #[test]
    fn every_accepted_cookie_parses_back_to_the_same_name_value_and_attributes(spec in spec()) {
        let now = OffsetDateTime::now_utc();
        let Ok(built) = builder::build(&spec, Some("127.0.0.1"), now) else {
            return Ok(());
        };
        let line = &built.line;
        // One header line: nothing that could end it or start another.
        prop_assert!(!line.contains(['\r', '\n', '\0']), "{line:?}");
        prop_assert!(line.is_ascii(), "{line:?}");
        prop_assert_eq!(line, &built.cookie.to_string());

        let parsed = Cookie::parse(line.as_str()).map_err(|e| TestCaseError::fail(format!("{line:?} does not parse: {e}")))?;
        prop_assert_eq!(parsed.name(), spec.name.as_str());
        prop_assert_eq!(parsed.value(), spec.value.as_str());

        let max_age = match spec.max_age.trim() {
            "" => None,
            seconds => Some(Duration::seconds(seconds.parse::<i64>().map_err(|_| TestCaseError::fail("accepted a Max-Age that is not a number"))?)),
        };
        prop_assert_eq!(parsed.max_age(), max_age, "{}", line);

        let expires = parsed.expires_datetime().map(|t| t.unix_timestamp());
        let asked = match spec.expires.trim() {
            "" => None,
            text => {
                let text = if text.len() == 16 { format!("{text}:00") } else { text.to_string() };
                let format = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]");
                Some(time::PrimitiveDateTime::parse(&text, format).map_err(|e| TestCaseError::fail(format!("accepted Expires {text:?}: {e}")))?.assume_utc().unix_timestamp())
            }
        };
        prop_assert_eq!(expires, asked, "{}", line);

        let path = Some(spec.path.trim()).filter(|p| !p.is_empty());
        prop_assert_eq!(parsed.path(), path, "{}", line);
        // `Cookie::domain` drops a leading dot, as browsers do (RFC 6265 §5.2.3).
        let domain = Some(spec.domain.trim().trim_start_matches('.')).filter(|d| !d.is_empty());
        prop_assert_eq!(parsed.domain(), domain, "{}", line);

        let same_site = match spec.same_site.as_str() {
            "Strict" => Some(SameSite::Strict),
            "Lax" => Some(SameSite::Lax),
            "None" => Some(SameSite::None),
            _ => None,
        };
        prop_assert_eq!(parsed.same_site(), same_site, "{}", line);
        prop_assert_eq!(parsed.secure().unwrap_or(false), spec.secure, "{}", line);
        prop_assert_eq!(parsed.http_only().unwrap_or(false), spec.http_only, "{}", line);
        prop_assert_eq!(parsed.partitioned().unwrap_or(false), spec.partitioned, "{}", line);
    }

    #[test]
    fn every_accepted_removal_parses_back_to_a_deletion_of_that_cookie(spec in spec()) {
        let Ok(cookie) = builder::removal(&spec.name, spec.path.trim(), spec.domain.trim()) else {
            return Ok(());
        };
        let line = cookie.to_string();
        prop_assert!(!line.contains(['\r', '\n', '\0']), "{line:?}");
        let parsed = Cookie::parse(line.as_str()).map_err(|e| TestCaseError::fail(format!("{line:?} does not parse: {e}")))?;
        prop_assert_eq!(parsed.name(), spec.name.as_str());
        prop_assert_eq!(parsed.value(), "");
        prop_assert_eq!(parsed.max_age(), Some(Duration::ZERO));
        prop_assert_eq!(parsed.path(), Some(spec.path.trim()).filter(|p| !p.is_empty()));
    }
}

/// The round-trip property above means something only if the generator produces accepted
/// cookies, with every attribute, often enough: sample it and count.
#[test]
fn the_generated_specs_give_many_accepted_cookies_with_every_attribute() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = spec();
    let now = OffsetDateTime::now_utc();
    let mut accepted = Vec::new();
    for _ in 0..CASES {
        let spec = strategy
            .new_tree(&mut runner)
            .expect("the strategy generates")
            .current();
        if let Ok(built) = builder::build(&spec, None, now) {
            accepted.push(built.cookie);
        }
    }
    assert!(
        accepted.len() * 5 >= CASES as usize,
        "only {} of {CASES} generated specs were accepted",
        accepted.len()
    );
    let with = |has: fn(&Cookie<'static>) -> bool| accepted.iter().filter(|c| has(c)).count();
    for (attribute, count) in [
        ("Max-Age", with(|c| c.max_age().is_some())),
        ("Expires", with(|c| c.expires_datetime().is_some())),
        ("Path", with(|c| c.path().is_some())),
        ("Domain", with(|c| c.domain().is_some())),
        ("SameSite", with(|c| c.same_site().is_some())),
        ("Secure", with(|c| c.secure() == Some(true))),
        ("HttpOnly", with(|c| c.http_only() == Some(true))),
        ("Partitioned", with(|c| c.partitioned() == Some(true))),
        ("a quoted value", with(|c| c.value().starts_with('"'))),
    ] {
        assert!(count >= 5, "only {count} accepted cookies with {attribute}");
    }
}

// ---------------------------------------------------------------------------------------------
// The token decoder

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn no_string_panics_the_decoder_or_verifies(text in token_like()) {
        let keys = keys();
        let now = OffsetDateTime::now_utc();
        let readable = decode_unverified(&text);
        let view = TokenView::new(&text, now);
        // The display split shows exactly the token's three parts, in order.
        if let Ok(view) = &view {
            prop_assert_eq!(
                format!("{}.{}.{}", view.header_b64, view.payload_b64, view.signature_b64),
                text.clone()
            );
            prop_assert_eq!(view.length, text.len());
        }
        prop_assert_eq!(readable.is_ok(), view.is_ok());
        for audience in Audience::ALL {
            prop_assert!(keys.verify(&text, audience).is_err(), "{text:?} verified");
        }
        let refusal = keys.verify_any_lab(&text);
        prop_assert!(refusal.is_err(), "{text:?} verified");
        if let Err(rejection) = refusal {
            // The reason goes into a WWW-Authenticate header as it is.
            let reason = rejection.reason();
            prop_assert!(reason.chars().all(|c| (' '..='~').contains(&c) && c != '"' && c != '\\'), "{reason:?}");
        }
    }

    #[test]
    fn an_edited_genuine_token_never_verifies_unless_unchanged(
        user in proptest::option::of("[a-z]{3,12}"),
        visits in any::<u64>(),
        edits in proptest::collection::vec(edit(), 1..4),
    ) {
        let keys = keys();
        let issued = keys.issue(Audience::JwtCookie, user.as_deref(), visits).map_err(|_| TestCaseError::fail("signing failed"))?;
        let mut token = issued.token.clone();
        for e in &edits {
            token = apply(&token, e);
        }
        let verdict = keys.verify(&token, Audience::JwtCookie);
        if token == issued.token {
            prop_assert_eq!(verdict, Ok(issued.claims));
        } else {
            prop_assert!(verdict.is_err(), "{:?} turned {} into {} and it verified", edits, issued.token, token);
            prop_assert!(keys.verify_any_lab(&token).is_err());
        }
        // Whatever the edit, the decoder can show or refuse it without panicking.
        let _ = TokenView::new(&token, OffsetDateTime::now_utc());
    }
}

/// The decoder page, end to end: whatever is pasted (with the prefixes it tolerates) and
/// whichever experiment is asked for, the answer is the page (200) or its refusal (422).
/// One app serves every case (building one hashes the demo passwords), hence a hand-run
/// `TestRunner` rather than the `proptest!` macro.
#[test]
fn the_decoder_page_answers_any_paste_with_200_or_422() {
    let client = support::untracked_client();
    let mut runner =
        proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(ROUTE_CASES));
    let cases = (
        token_like(),
        prop::sample::select(vec!["", "Bearer ", "jwt=", "  ", "bearer\t"]),
        prop::sample::select(vec![
            "",
            "&attack=tamper",
            "&attack=alg-none",
            "&attack=expired",
        ]),
    );
    let outcome = runner.run(&cases, |(text, prefix, attack)| {
        let response = client
            .post("/tools/jwt")
            .header(ContentType::Form)
            .body(format!(
                "token={}{attack}",
                support::urlencode(&format!("{prefix}{text}"))
            ))
            .dispatch();
        let status = response.status();
        prop_assert!(
            status == Status::Ok || status == Status::UnprocessableEntity,
            "{status} for {text:?}"
        );
        Ok(())
    });
    if let Err(e) = outcome {
        panic!("{e}");
    }
}
