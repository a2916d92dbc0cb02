//! The sessions lab's counter with its two stores side by side: one `SessionStore::visit` in
//! memory and in Redis (a Lua script over a loopback connection), and what a session costs in
//! Redis's memory. Starts its own `redis-server` on a free port (nothing is saved to disk);
//! without one installed it measures memory only and says so.
//! Run with `cargo bench --bench session_redis`.

use std::hint::black_box;
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration as StdDuration, Instant};

use auth_labs::labs::sessions::store::{SessionLimits, SessionStore};
use auth_labs::redis_link::RedisLink;
use rocket::tokio::runtime::Runtime;
use time::{Duration, OffsetDateTime};

/// Sessions created to measure Redis's memory per session.
const SESSIONS: usize = 20_000;

fn limits() -> SessionLimits {
    SessionLimits {
        idle: Duration::minutes(30),
        absolute: Duration::hours(8),
        capacity: SESSIONS * 2,
    }
}

/// The mean time of one visit on `store`, over about a second of visits.
fn per_visit(runtime: &Runtime, store: &SessionStore) -> StdDuration {
    let now = OffsetDateTime::now_utc();
    let session = runtime
        .block_on(store.create(now, 1, Some("alice".into())))
        .expect("the store answers");
    let mut calls = 0u32;
    let start = Instant::now();
    while start.elapsed() < StdDuration::from_secs(1) {
        for _ in 0..50 {
            black_box(runtime.block_on(store.visit(black_box(&session.id), now))).ok();
        }
        calls += 50;
    }
    start.elapsed() / calls
}

/// A `redis-server` on a free loopback port, or `None` when it is not installed.
fn start_redis() -> Option<(Child, u16)> {
    let port = TcpListener::bind("127.0.0.1:0")
        .ok()?
        .local_addr()
        .ok()?
        .port();
    let child = Command::new("redis-server")
        .args([
            "--port",
            &port.to_string(),
            "--save",
            "",
            "--appendonly",
            "no",
        ])
        .stdout(Stdio::null())
        .spawn()
        .ok()?;
    let deadline = Instant::now() + StdDuration::from_secs(10);
    while TcpStream::connect(("127.0.0.1", port)).is_err() && Instant::now() < deadline {
        std::thread::sleep(StdDuration::from_millis(20));
    }
    Some((child, port))
}

/// Redis's `used_memory`, in bytes.
fn used_memory(port: u16) -> Option<u64> {
    let out = Command::new("redis-cli")
        .args(["-p", &port.to_string(), "info", "memory"])
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines()
        .find_map(|line| line.strip_prefix("used_memory:"))
        .and_then(|n| n.trim().parse().ok())
}

fn main() {
    let runtime = rocket::tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let memory = per_visit(&runtime, &SessionStore::new(limits()));
    println!("| Store | One visit | Visits per second (one connection, one at a time) |");
    println!("|---|---:|---:|");
    println!(
        "| memory | {:.2} µs | {:.0} |",
        micros(memory),
        1.0 / memory.as_secs_f64()
    );
    let Some((mut redis, port)) = start_redis() else {
        println!("redis-server is not installed: no Redis figures (apt-get install redis-server)");
        return;
    };
    let url = format!("redis://127.0.0.1:{port}/0");
    let link = runtime.block_on(async { RedisLink::open(&url, url.clone()) });
    let store = SessionStore::redis(link.expect("a URL"), limits());
    let in_redis = per_visit(&runtime, &store);
    println!(
        "| redis | {:.2} µs | {:.0} |",
        micros(in_redis),
        1.0 / in_redis.as_secs_f64()
    );
    let before = used_memory(port).unwrap_or_default();
    let now = OffsetDateTime::now_utc();
    for i in 0..SESSIONS {
        let user = (i % 10 == 0).then(|| format!("user{i:05}"));
        runtime
            .block_on(store.create(now, 1, user))
            .expect("answers");
    }
    let after = used_memory(port).unwrap_or(before);
    println!();
    println!(
        "Redis per visit costs {:.0}x the memory store's visit.",
        in_redis.as_secs_f64() / memory.as_secs_f64()
    );
    println!(
        "Redis memory per session (1 in 10 logged in, indexes included): {:.0} bytes",
        after.saturating_sub(before) as f64 / SESSIONS as f64
    );
    let _ = redis.kill();
    let _ = redis.wait();
}

fn micros(d: StdDuration) -> f64 {
    d.as_nanos() as f64 / 1e3
}
