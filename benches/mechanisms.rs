//! What each lab's own mechanism costs per request, without HTTP or HTML around it:
//! the sessions store's visit, the signed counter's HMAC, and a JWT verify + re-issue.
//! Run with `cargo bench --bench mechanisms`; compare with `python3 bench/run.py`, whose
//! per-request figures include Rocket, the fairings and the Tera page.

use std::hint::black_box;
use std::time::{Duration as StdDuration, Instant};

use auth_labs::auth::jwt::{Audience, JwtKeys};
use auth_labs::config::Secret;
use auth_labs::labs::cookies::signed::CookieSigner;
use auth_labs::labs::sessions::store::{SessionLimits, SessionStore};
use time::{Duration, OffsetDateTime};

/// Runs `f` repeatedly for about a second and returns the mean time per call.
fn per_call(mut f: impl FnMut()) -> StdDuration {
    for _ in 0..1_000 {
        f();
    }
    let mut calls = 0u32;
    let start = Instant::now();
    while start.elapsed() < StdDuration::from_secs(1) {
        for _ in 0..100 {
            f();
        }
        calls += 100;
    }
    start.elapsed() / calls
}

fn main() {
    let store = SessionStore::new(SessionLimits {
        idle: Duration::minutes(30),
        absolute: Duration::hours(8),
        capacity: 100_000,
    });
    let now = OffsetDateTime::now_utc();
    // The store's methods are async (Redis answers over the network); memory answers at once.
    let runtime = rocket::tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let session = runtime
        .block_on(store.create(now, 1, Some("alice".into())))
        .expect("memory answers");
    let visit = per_call(|| {
        black_box(runtime.block_on(store.visit(black_box(&session.id), now))).ok();
    });

    let signer = CookieSigner::new(vec![Secret::new(vec![7u8; 32])]).expect("one key");
    let signed = signer.sign("signed_visits", "41");
    let hmac = per_call(|| {
        black_box(signer.verify("signed_visits", black_box(&signed)));
        black_box(signer.sign("signed_visits", "42"));
    });

    let keys = JwtKeys::new(&[9u8; 32], Duration::minutes(15), Duration::ZERO);
    let token = keys
        .issue(Audience::JwtCookie, Some("alice"), 1)
        .expect("signs")
        .token;
    let jwt = per_call(|| {
        let claims = keys
            .verify(black_box(&token), Audience::JwtCookie)
            .expect("verifies");
        black_box(keys.reissue(&claims, claims.visits + 1).expect("signs"));
    });

    println!("| Mechanism (one request's worth) | Time |");
    println!("|---|---:|");
    println!(
        "| sessions: SessionStore::visit | {:.2} µs |",
        visit.as_nanos() as f64 / 1e3
    );
    println!(
        "| cookies: verify + sign the HMAC counter | {:.2} µs |",
        hmac.as_nanos() as f64 / 1e3
    );
    println!(
        "| JWT: verify + re-issue (HS256) | {:.2} µs |",
        jwt.as_nanos() as f64 / 1e3
    );
}
