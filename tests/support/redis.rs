//! A real Redis for the tests: Debian's `redis-server` on a free loopback port, with nothing
//! saved to disk, stopped when the handle is dropped. Absent, the test is skipped with a visible
//! line, unless `CI` is set: CI installs it, so a missing one there is a failure.

use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::{free_port, wait_for_port};

const REDIS_SERVER: &str = "/usr/bin/redis-server";

/// Whether `redis-server` is installed; see the module docs for the skip rule.
pub fn available(test: &str) -> bool {
    if Path::new(REDIS_SERVER).exists() {
        return true;
    }
    if std::env::var_os("CI").is_some() {
        panic!("{test}: CI is set but {REDIS_SERVER} is missing (apt-get install redis-server)");
    }
    // Straight to stderr, past the test harness's capture, so the skip is visible.
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED {test}: redis-server is not installed (apt-get install redis-server)"
    );
    false
}

/// One `redis-server` process for one test.
pub struct RedisServer {
    port: u16,
    process: Option<Child>,
}

impl RedisServer {
    /// Starts a fresh, empty Redis, or `None` (after the skip line) when there is none to start.
    pub fn start(test: &str) -> Option<RedisServer> {
        if !available(test) {
            return None;
        }
        let mut server = RedisServer {
            port: free_port(),
            process: None,
        };
        server.restart();
        Some(server)
    }

    /// `redis://127.0.0.1:<port>/0`, for `session_store`.
    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/0", self.port)
    }

    /// Stops the server, as a crash or `systemctl stop redis` would; everything in it is lost.
    pub fn stop(&mut self) {
        if let Some(mut process) = self.process.take() {
            let _ = process.kill();
            let _ = process.wait();
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
            assert!(Instant::now() < deadline, "redis-server did not stop");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Starts it (again) on the same port, empty.
    pub fn restart(&mut self) {
        self.stop();
        let process = Command::new(REDIS_SERVER)
            .args(["--port", &self.port.to_string()])
            .args(["--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
            .args(["--maxmemory", "64mb", "--maxmemory-policy", "noeviction"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("redis-server starts");
        self.process = Some(process);
        wait_for_port(self.port, "redis-server");
    }

    /// Runs one command with `redis-cli`-like arguments and returns the reply as text lines.
    pub fn query(&self, args: &[&str]) -> Vec<String> {
        let output = Command::new("redis-cli")
            .args(["-p", &self.port.to_string()])
            .args(args)
            .output()
            .expect("redis-cli runs");
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .map(str::to_string)
            .filter(|line| !line.is_empty())
            .collect()
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        if let Some(mut process) = self.process.take() {
            let _ = process.kill();
            let _ = process.wait();
        }
    }
}
