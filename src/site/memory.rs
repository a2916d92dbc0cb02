//! Returning freed memory to the operating system.

/// Freed memory normally stays with the allocator for reuse, so a process's resident size only
/// grows. After a large release (a sweep that emptied the session store, or argon2's 19 MiB
/// buffers at start-up), ask glibc to hand its free pages back so the resident size falls too.
pub fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only returns free heap pages to the OS; it touches no live memory.
    unsafe {
        libc::malloc_trim(0);
    }
}
