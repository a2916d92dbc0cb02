//! The configuration's rules, checked on small figments: secrets per profile, bounds, and
//! that `Rocket.toml` documents exactly the code's defaults.

use std::fmt::Debug;

use rocket::figment::providers::{Format, Serialized, Toml};
use rocket::figment::{Figment, Provider};
use serde::Serialize;
use time::Duration;

use super::*;
const REAL_KEY: &str = "q3Yb7h0cJ1n2S3m4e5L6a7B8s9R0u1S2t3Y4w5Z6x7A=";
const REAL_JWT: &str = "a-real-deployment-secret-with-more-than-32-bytes";
const REAL_SIGNING: &str = "a-real-cookie-signing-key-with-more-than-32-bytes";
const REAL_SIGNING_OLD: &str = "the-previous-cookie-signing-key-kept-for-rotation";

fn figment(profile: &str, pairs: &[(&str, &str)]) -> Figment {
    pairs
        .iter()
        .fold(Figment::new(), |f, (k, v)| f.merge((*k, *v)))
        .select(profile)
}

fn refusal(profile: &str, pairs: &[(&str, &str)]) -> String {
    match AppConfig::from_figment(&figment(profile, pairs)) {
        Ok(_) => panic!("configuration was accepted"),
        Err(e) => e.0,
    }
}

#[test]
fn release_without_secret_key_is_refused_with_the_variable_to_set() {
    let msg = refusal("release", &[("jwt_secret", REAL_JWT)]);
    assert!(msg.contains("`secret_key` is not set"), "{msg}");
    assert!(msg.contains("ROCKET_SECRET_KEY="), "{msg}");
    assert!(!msg.contains('\n'));
}

#[test]
fn release_with_demo_secrets_is_refused() {
    let msg = refusal(
        "release",
        &[("secret_key", DEMO_SECRET_KEY), ("jwt_secret", REAL_JWT)],
    );
    assert!(msg.contains("public demo key"), "{msg}");
    let msg = refusal(
        "release",
        &[("secret_key", REAL_KEY), ("jwt_secret", DEMO_JWT_SECRET)],
    );
    assert!(msg.contains("public demo secret"), "{msg}");
}

#[test]
fn short_secrets_are_refused() {
    let msg = refusal(
        "release",
        &[("secret_key", "c2hvcnQ="), ("jwt_secret", REAL_JWT)],
    );
    assert!(msg.contains("at least 32 bytes"), "{msg}");
    let msg = refusal(
        "release",
        &[("secret_key", REAL_KEY), ("jwt_secret", "too-short")],
    );
    assert!(msg.contains("HS256 needs at least 32"), "{msg}");
    assert!(msg.contains("ROCKET_JWT_SECRET="), "{msg}");
}

#[test]
fn release_with_real_secrets_starts() {
    let config = AppConfig::from_figment(&figment(
        "release",
        &[
            ("secret_key", REAL_KEY),
            ("jwt_secret", REAL_JWT),
            ("cookie_signing_keys", REAL_SIGNING),
        ],
    ))
    .expect("real secrets are accepted");
    assert!(!config.using_demo_secrets);
    assert_eq!(config.jwt_secret.bytes(), REAL_JWT.as_bytes());
}

#[test]
fn debug_accepts_the_demo_secrets_and_says_so() {
    let config = AppConfig::from_figment(&figment(
        "debug",
        &[
            ("secret_key", DEMO_SECRET_KEY),
            ("jwt_secret", DEMO_JWT_SECRET),
        ],
    ))
    .expect("debug accepts demo secrets");
    assert!(config.using_demo_secrets);
}

#[test]
fn absurd_leeway_and_durations_are_refused() {
    for (key, expected) in [("jwt_leeway", "`jwt_leeway`"), ("jwt_ttl", "one year")] {
        let figment = Figment::new()
            .merge((key, 99_999_999_999u64))
            .select("debug");
        let msg = AppConfig::from_figment(&figment).expect_err("refused").0;
        assert!(msg.contains(expected), "{msg}");
    }
}

#[test]
fn defaults_follow_owasp() {
    let config = AppConfig::from_figment(&figment("debug", &[])).expect("defaults are valid");
    let sessions = &config.sessions;
    assert_eq!(sessions.idle_timeout.duration(), Duration::minutes(30));
    assert_eq!(sessions.absolute_timeout.duration(), Duration::hours(8));
    assert_eq!(sessions.capacity.get(), 100_000);
    // A cookies-lab login lasts as long as a session may: the absolute timeout.
    assert_eq!(config.cookies.login_lifetime, sessions.absolute_timeout);
    assert_eq!(config.users.registrations_per_minute.get(), 60);
    assert_eq!(config.jwt.ttl.duration(), Duration::minutes(15));
    assert_eq!(config.jwt.leeway.duration(), Duration::ZERO);
    assert_eq!(config.jwt.absolute_timeout.duration(), Duration::hours(8));
    let passwords = &config.passwords;
    assert_eq!(
        (passwords.m_cost, passwords.t_cost, passwords.p_cost),
        (19_456, 2, 1)
    );
}

#[test]
fn secrets_never_appear_in_debug_output() {
    let config = AppConfig::from_figment(&figment(
        "release",
        &[
            ("secret_key", REAL_KEY),
            ("jwt_secret", REAL_JWT),
            ("cookie_signing_keys", REAL_SIGNING),
        ],
    ))
    .expect("valid");
    let debug = format!("{config:?}");
    assert!(!debug.contains(REAL_JWT));
    assert!(!debug.contains(REAL_SIGNING), "{debug}");
}

#[test]
fn rocket_toml_debug_profile_uses_exactly_the_known_demo_secrets() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/Rocket.toml");
    let figment = Figment::from(Toml::file(path).nested()).select("debug");
    let key: String = figment
        .extract_inner("secret_key")
        .expect("debug secret_key");
    let jwt: String = figment
        .extract_inner("jwt_secret")
        .expect("debug jwt_secret");
    let signing: Vec<String> = figment
        .extract_inner("cookie_signing_keys")
        .expect("debug cookie_signing_keys");
    assert_eq!(key, DEMO_SECRET_KEY);
    assert_eq!(jwt, DEMO_JWT_SECRET);
    assert_eq!(signing, DEMO_COOKIE_SIGNING_KEYS);
    let release = Figment::from(Toml::file(path).nested()).select("release");
    assert!(release.extract_inner::<String>("secret_key").is_err());
    assert!(release
        .extract_inner::<Vec<String>>("cookie_signing_keys")
        .is_err());
}

fn with_signing_keys(keys: &[&str]) -> Figment {
    figment(
        "release",
        &[("secret_key", REAL_KEY), ("jwt_secret", REAL_JWT)],
    )
    .merge(("cookie_signing_keys", keys))
}

fn signing_refusal(figment: Figment) -> String {
    match AppConfig::from_figment(&figment) {
        Ok(_) => panic!("configuration was accepted"),
        Err(e) => e.0,
    }
}

#[test]
fn release_refuses_missing_short_or_demo_cookie_signing_keys() {
    let msg = signing_refusal(figment(
        "release",
        &[("secret_key", REAL_KEY), ("jwt_secret", REAL_JWT)],
    ));
    assert!(msg.contains("`cookie_signing_keys` is not set"), "{msg}");
    assert!(msg.contains("ROCKET_COOKIE_SIGNING_KEYS="), "{msg}");
    let msg = signing_refusal(with_signing_keys(&[]));
    assert!(msg.contains("is not set"), "{msg}");
    let msg = signing_refusal(with_signing_keys(&[REAL_SIGNING, "short"]));
    assert!(msg.contains("key 2 is 5 bytes"), "{msg}");
    let msg = signing_refusal(with_signing_keys(&[
        REAL_SIGNING,
        DEMO_COOKIE_SIGNING_KEYS[1],
    ]));
    assert!(msg.contains("key 2 is a public demo key"), "{msg}");
    assert!(!msg.contains('\n'));
}

#[test]
fn cookie_signing_keys_keep_their_order_new_first() {
    let config = AppConfig::from_figment(&with_signing_keys(&[REAL_SIGNING, REAL_SIGNING_OLD]))
        .expect("two real keys");
    let keys: Vec<&[u8]> = config
        .cookie_signing_keys
        .iter()
        .map(Secret::bytes)
        .collect();
    assert_eq!(keys, [REAL_SIGNING.as_bytes(), REAL_SIGNING_OLD.as_bytes()]);
    assert!(!config.using_demo_secrets);
}

#[test]
fn debug_without_cookie_signing_keys_uses_one_random_key() {
    let config = AppConfig::from_figment(&figment("debug", &[])).expect("debug");
    assert_eq!(config.cookie_signing_keys.len(), 1);
    assert_eq!(
        config.cookie_signing_keys[0].bytes().len(),
        MIN_SECRET_BYTES
    );
}

/// `Rocket.toml`'s `[default]` section, alone.
fn rocket_toml_defaults() -> Figment {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/Rocket.toml");
    Figment::from(Toml::file(path).nested()).select("default")
}

/// Every key of `T` is written in `Rocket.toml`'s `[default]`, with the code's default value.
#[track_caller]
fn assert_documented<T: Settings + Default + PartialEq + Debug + Serialize>() {
    let documented = rocket_toml_defaults();
    let keys = Figment::from(Serialized::defaults(T::default()));
    for key in keys
        .data()
        .expect("defaults serialize")
        .values()
        .flat_map(|d| d.keys())
    {
        assert!(
            documented.find_value(key).is_ok(),
            "`{key}` is missing from Rocket.toml's [default]"
        );
    }
    let from_file: T = component(&documented).expect("Rocket.toml's defaults are valid");
    assert_eq!(
        from_file,
        T::default(),
        "Rocket.toml's [default] differs from the code"
    );
}

#[test]
fn rocket_toml_defaults_equal_the_code_defaults() {
    assert_documented::<SessionSettings>();
    assert_documented::<JwtSettings>();
    assert_documented::<PasswordSettings>();
    assert_documented::<CookieSettings>();
    assert_documented::<UserSettings>();
    assert_documented::<SiteSettings>();
    assert_documented::<AttackerSettings>();
    assert_documented::<SwitchSettings>();
    assert_documented::<crate::challenges::ChallengeSettings>();
}

#[test]
fn bounds_refusals_name_the_setting_and_its_variable() {
    for (key, value, expected) in [
        ("session_idle_timeout", 0, "`session_idle_timeout` must be at least 1 second (set it in Rocket.toml or ROCKET_SESSION_IDLE_TIMEOUT)."),
        ("jwt_leeway", 3601, "`jwt_leeway` is 3601 s; at most 3600 s is accepted (set it in Rocket.toml or ROCKET_JWT_LEEWAY)."),
        ("jwt_absolute_timeout", 0, "`jwt_absolute_timeout` must be at least 1 second (set it in Rocket.toml or ROCKET_JWT_ABSOLUTE_TIMEOUT)."),
        ("session_capacity", 0, "`session_capacity` must be at least 1 (set it in Rocket.toml or ROCKET_SESSION_CAPACITY)."),
        ("user_capacity", 0, "`user_capacity` must be at least 1 (set it in Rocket.toml or ROCKET_USER_CAPACITY)."),
        ("user_registrations_per_minute", 0, "`user_registrations_per_minute` must be at least 1 (set it in Rocket.toml or ROCKET_USER_REGISTRATIONS_PER_MINUTE)."),
        ("cookie_login_lifetime", 0, "`cookie_login_lifetime` must be at least 1 second (set it in Rocket.toml or ROCKET_COOKIE_LOGIN_LIFETIME)."),
    ] {
        let figment = Figment::new().merge((key, value)).select("debug");
        let msg = AppConfig::from_figment(&figment).expect_err("refused").0;
        assert_eq!(msg, expected);
    }
}

#[test]
fn a_zero_leeway_is_accepted_and_bad_argon2_costs_are_refused() {
    let figment = Figment::new().merge(("jwt_leeway", 0)).select("debug");
    assert!(AppConfig::from_figment(&figment).is_ok());
    let figment = Figment::new().merge(("argon2_m_cost", 1)).select("debug");
    let msg = AppConfig::from_figment(&figment).expect_err("refused").0;
    assert!(msg.starts_with("argon2 parameters are invalid"), "{msg}");
}

#[test]
fn debug_without_secrets_warns_and_release_with_real_ones_does_not() {
    let (_, warnings) = AppConfig::load(&figment("debug", &[])).expect("debug");
    assert_eq!(
        warnings,
        [Warning::RandomJwtSecret, Warning::RandomCookieSigningKey]
    );
    let demo = figment("debug", &[("jwt_secret", DEMO_JWT_SECRET)]);
    let (_, warnings) = AppConfig::load(&demo).expect("debug");
    assert!(warnings.contains(&Warning::DemoSecrets));
}

#[test]
fn release_refuses_the_demo_secret_key_written_as_hex() {
    let bytes = base64::Engine::decode(&base64::engine::general_purpose::STANDARD, DEMO_SECRET_KEY)
        .expect("base64");
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let msg = refusal(
        "release",
        &[
            ("secret_key", &hex),
            ("jwt_secret", REAL_JWT),
            ("cookie_signing_keys", REAL_SIGNING),
        ],
    );
    assert!(msg.contains("public demo value"), "{msg}");
}

#[test]
fn release_refuses_one_secret_reused_across_settings() {
    let msg = refusal(
        "release",
        &[
            ("secret_key", REAL_KEY),
            ("jwt_secret", REAL_KEY),
            ("cookie_signing_keys", REAL_SIGNING),
        ],
    );
    assert!(msg.contains("hold the same secret"), "{msg}");
    assert!(msg.contains("`secret_key` and `jwt_secret`"), "{msg}");
}

#[test]
fn release_refuses_obviously_low_entropy_secrets() {
    let forty_a = "a".repeat(40);
    let msg = refusal(
        "release",
        &[
            ("secret_key", REAL_KEY),
            ("jwt_secret", &forty_a),
            ("cookie_signing_keys", REAL_SIGNING),
        ],
    );
    assert!(msg.contains("`jwt_secret` uses fewer than 8"), "{msg}");
}

#[test]
fn demo_secrets_are_refused_when_the_app_binds_a_non_loopback_address() {
    let demo = [
        ("secret_key", DEMO_SECRET_KEY),
        ("jwt_secret", DEMO_JWT_SECRET),
        ("cookie_signing_keys", DEMO_COOKIE_SIGNING_KEYS[0]),
    ];
    let on_loopback = figment("debug", &demo).merge(("address", "127.0.0.1"));
    assert!(AppConfig::from_figment(&on_loopback).is_ok());
    let everywhere = figment("debug", &demo).merge(("address", "0.0.0.0"));
    let msg = AppConfig::from_figment(&everywhere).expect_err("refused").0;
    assert!(msg.contains("ROCKET_ADDRESS=127.0.0.1"), "{msg}");
    assert!(!msg.contains('\n'));
    let real = [
        ("secret_key", REAL_KEY),
        ("jwt_secret", REAL_JWT),
        ("cookie_signing_keys", REAL_SIGNING),
    ];
    let class_server = figment("release", &real).merge(("address", "0.0.0.0"));
    assert!(AppConfig::from_figment(&class_server).is_ok());
}

#[test]
fn a_teacher_token_outside_debug_must_be_as_strong_as_the_other_secrets() {
    let real = [
        ("secret_key", REAL_KEY),
        ("jwt_secret", REAL_JWT),
        ("cookie_signing_keys", REAL_SIGNING),
    ];
    let with_token = |token: &'static str| {
        let mut pairs = real.to_vec();
        pairs.push(("teacher_token", token));
        pairs
    };
    let msg = refusal("release", &with_token("class-2026"));
    assert!(msg.contains("`teacher_token` is 10 bytes"), "{msg}");
    assert!(msg.contains("ROCKET_TEACHER_TOKEN="), "{msg}");
    let msg = refusal(
        "release",
        &with_token("abcabcabcabcabcabcabcabcabcabcabcabc"),
    );
    assert!(
        msg.contains("`teacher_token`") && msg.contains("guessable"),
        "{msg}"
    );
    let msg = refusal("release", &with_token(REAL_JWT));
    assert!(
        msg.contains("`jwt_secret` and `teacher_token` hold the same secret"),
        "{msg}"
    );
    let config = AppConfig::from_figment(&figment(
        "release",
        &with_token("a-teacher-token-with-32-bytes-or-more-of-noise"),
    ))
    .expect("a strong token is accepted");
    assert!(config.teacher_token.is_some());
    // On one's own machine a short token is fine; unset (or empty), there is no class view.
    let debug = AppConfig::from_figment(&figment("debug", &[("teacher_token", "class")]));
    assert!(debug.expect("debug accepts it").teacher_token.is_some());
    let empty = AppConfig::from_figment(&figment("debug", &[("teacher_token", "")]));
    assert!(empty.expect("valid").teacher_token.is_none());
}
