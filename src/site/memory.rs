//! The allocator, and returning freed memory to the operating system.
//!
//! The app allocates with jemalloc: its background thread hands pages that have been free for
//! a second back to the operating system (`dirty_decay_ms`), so after a flood of visitors has
//! been swept the process's resident size falls again instead of keeping its peak, as glibc's
//! per-thread arenas did. `/health/memory` reports what is allocated and what is resident.

use rocket::serde::json::Json;
use rocket::{get, http::Status};
use serde::Serialize;

#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's options, read when it starts: a background thread purges freed pages after a
/// second (dirty) and then at once (muzzy), instead of waiting for the next allocation.
#[allow(non_upper_case_globals)]
#[export_name = "_rjem_malloc_conf"]
pub static malloc_conf: &[u8] = b"background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0\0";

/// After a large release (a sweep that emptied the session store, or argon2's 19 MiB buffers
/// at start-up), hand every free page back now rather than after the decay.
pub fn release_freed_memory() {
    // "arena.<MALLCTL_ARENAS_ALL>.purge": every arena; it reads and writes nothing. A failure
    // only means no purge.
    // SAFETY: a NUL-terminated name and null pointers, as this control requires.
    unsafe {
        tikv_jemalloc_sys::mallctl(
            c"arena.4096.purge".as_ptr(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            0,
        );
    }
}

/// Bytes the app has allocated and bytes the process keeps resident for them.
#[derive(Debug, Serialize)]
pub struct Usage {
    pub allocated: usize,
    pub resident: usize,
}

/// The allocator's current figures (it refreshes its statistics on request).
pub fn usage() -> Option<Usage> {
    tikv_jemalloc_ctl::epoch::advance().ok()?;
    Some(Usage {
        allocated: tikv_jemalloc_ctl::stats::allocated::read().ok()?,
        resident: tikv_jemalloc_ctl::stats::resident::read().ok()?,
    })
}

/// `GET /health/memory`: allocated and resident bytes, for the benchmark and a curious class.
#[get("/health/memory")]
pub fn report() -> Result<Json<Usage>, Status> {
    usage().map(Json).ok_or(Status::ServiceUnavailable)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_allocator_reports_what_it_holds_and_counts_a_large_allocation() {
        // Other tests allocate and free at the same time, so only lower bounds are certain.
        let block = vec![7u8; 64 << 20];
        let during = usage().expect("jemalloc statistics");
        assert!(during.allocated >= 64 << 20, "{during:?}");
        assert!(during.resident >= 32 << 20, "{during:?}");
        drop(block);
    }
}
