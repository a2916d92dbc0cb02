//! Memory cost of the sessions lab's store: resident memory before and after 100 000 new
//! sessions, bytes per session, and after the sweep has removed them.
//! Run with `cargo bench --bench session_memory` (Linux: reads /proc/self/statm).

use auth_labs::labs::sessions::store::{SessionLimits, SessionStore};
use time::{Duration, OffsetDateTime};

const SESSIONS: usize = 100_000;

fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

fn main() {
    // The memory store answers at once; a current-thread runtime drives its async methods.
    let runtime = rocket::tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    let store = SessionStore::new(SessionLimits {
        idle: Duration::minutes(30),
        absolute: Duration::hours(8),
        capacity: SESSIONS * 2,
    });
    let now = OffsetDateTime::now_utc();
    let Some(before) = resident_bytes() else {
        eprintln!("session_memory: /proc/self/statm is not readable here; nothing measured");
        return;
    };
    for i in 0..SESSIONS {
        // Every tenth visitor has logged in, so some entries carry a username.
        let user = (i % 10 == 0).then(|| format!("user{i:05}"));
        runtime
            .block_on(store.create(now, 1, user))
            .expect("memory answers");
    }
    let after = resident_bytes().unwrap_or(before);
    let removed = runtime
        .block_on(store.sweep(now + Duration::hours(9)))
        .expect("memory answers");
    let swept = resident_bytes().unwrap_or(after);
    let per_session = after.saturating_sub(before) as f64 / SESSIONS as f64;
    println!("sessions created          {SESSIONS}");
    println!(
        "RSS before                {:.1} MiB",
        before as f64 / 1048576.0
    );
    println!(
        "RSS with sessions         {:.1} MiB",
        after as f64 / 1048576.0
    );
    println!("bytes per live session    {per_session:.0}");
    println!("sessions swept            {removed}");
    println!(
        "RSS after the sweep       {:.1} MiB",
        swept as f64 / 1048576.0
    );
}
