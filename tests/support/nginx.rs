//! Debian's nginx as a test load balancer: a generated configuration on free ports, a prefix in
//! a temporary folder (so it runs without root), stopped when the handle is dropped. Absent, the
//! test is skipped with a visible line, unless `CI` is set (CI installs it).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use super::{free_port, wait_for_port};

const NGINX: &str = "/usr/sbin/nginx";

/// Whether nginx is installed; see the module docs for the skip rule.
pub fn available(test: &str) -> bool {
    if Path::new(NGINX).exists() {
        return true;
    }
    if std::env::var_os("CI").is_some() {
        panic!("{test}: CI is set but {NGINX} is missing (apt-get install nginx)");
    }
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED {test}: nginx is not installed (apt-get install nginx)"
    );
    false
}

/// One nginx serving `site` (what would go in `/etc/nginx/conf.d/`) on a free port.
pub struct Nginx {
    pub port: u16,
    process: Child,
    prefix: PathBuf,
}

impl Nginx {
    /// Starts nginx with `site` inside its `http` block; `site` must listen on `port`.
    pub fn start(site: &str, port: u16) -> Nginx {
        let prefix = std::env::temp_dir().join(format!("auth-labs-nginx-{port}"));
        let _ = std::fs::remove_dir_all(&prefix);
        std::fs::create_dir_all(prefix.join("logs")).expect("nginx prefix");
        // What the Debian package's nginx.conf provides around conf.d/, written where a test
        // may write: pid, logs and temporary files under the prefix.
        let main = format!(
            "daemon off;\nworker_processes 1;\npid {p}/nginx.pid;\nerror_log {p}/logs/error.log;\n\
             events {{ worker_connections 256; }}\n\
             http {{\n  access_log off;\n  client_body_temp_path {p}/body;\n  \
             proxy_temp_path {p}/proxy;\n  fastcgi_temp_path {p}/fastcgi;\n  \
             uwsgi_temp_path {p}/uwsgi;\n  scgi_temp_path {p}/scgi;\n{site}\n}}\n",
            p = prefix.display()
        );
        let conf = prefix.join("nginx.conf");
        std::fs::write(&conf, main).expect("nginx.conf");
        let process = Command::new(NGINX)
            .arg("-p")
            .arg(&prefix)
            .arg("-e")
            .arg(prefix.join("logs/error.log"))
            .arg("-c")
            .arg(&conf)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("nginx starts");
        wait_for_port(port, "nginx");
        Nginx {
            port,
            process,
            prefix,
        }
    }

    /// A free port for `start`.
    pub fn free_port() -> u16 {
        free_port()
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
        let _ = std::fs::remove_dir_all(&self.prefix);
    }
}
