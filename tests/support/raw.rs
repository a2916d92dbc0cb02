//! Raw HTTP/1.1 over a real socket, for what Rocket's local client cannot express: bytes that
//! are not UTF-8, repeated `Cookie` headers, headers past the server's size limit. Each
//! exchange is one connection (`Connection: close`), read to the end.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::thread;
use std::time::Duration;

/// A generous bound: the machine may be busy with other builds and tests.
const IO_TIMEOUT: Duration = Duration::from_secs(60);

/// A response as it came off the wire.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    /// The first header called `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every header called `name`, in order.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// A request under construction; header values and the body are raw bytes.
pub struct RawRequest {
    head: Vec<u8>,
    body: Vec<u8>,
}

impl RawRequest {
    /// `METHOD target HTTP/1.1`, plus `Host` and `Connection: close`.
    pub fn new(method: &str, target: impl AsRef<[u8]>, port: u16) -> RawRequest {
        let mut head = Vec::new();
        head.extend_from_slice(method.as_bytes());
        head.push(b' ');
        head.extend_from_slice(target.as_ref());
        head.extend_from_slice(b" HTTP/1.1\r\n");
        head.extend_from_slice(
            format!("Host: 127.0.0.1:{port}\r\nConnection: close\r\n").as_bytes(),
        );
        RawRequest {
            head,
            body: Vec::new(),
        }
    }

    pub fn header(mut self, name: &str, value: impl AsRef<[u8]>) -> RawRequest {
        self.head.extend_from_slice(name.as_bytes());
        self.head.extend_from_slice(b": ");
        self.head.extend_from_slice(value.as_ref());
        self.head.extend_from_slice(b"\r\n");
        self
    }

    /// The body; `Content-Length` is added when the request is written.
    pub fn body(mut self, body: impl Into<Vec<u8>>) -> RawRequest {
        self.body = body.into();
        self
    }

    /// The exact bytes sent.
    pub fn into_bytes(self) -> Vec<u8> {
        let mut bytes = self.head;
        if !self.body.is_empty() {
            bytes.extend_from_slice(format!("Content-Length: {}\r\n", self.body.len()).as_bytes());
        }
        bytes.extend_from_slice(b"\r\n");
        bytes.extend_from_slice(&self.body);
        bytes
    }
}

/// Sends `request` to `127.0.0.1:port` and reads the whole response. The bytes are written
/// from a second thread, so a server that answers before reading everything (a body over its
/// limit) cannot deadlock the test; a write cut short by the server closing is expected then.
pub fn exchange(port: u16, request: Vec<u8>) -> Result<Reply, String> {
    let mut stream =
        TcpStream::connect(("127.0.0.1", port)).map_err(|e| format!("connect: {e}"))?;
    stream
        .set_read_timeout(Some(IO_TIMEOUT))
        .and_then(|()| stream.set_write_timeout(Some(IO_TIMEOUT)))
        .map_err(|e| format!("socket options: {e}"))?;
    // A response to HEAD announces a body it does not send (RFC 9110 §9.3.2).
    let answers_head = request.starts_with(b"HEAD ");
    let mut writer = stream.try_clone().map_err(|e| format!("clone: {e}"))?;
    let sending = thread::spawn(move || {
        let _ = writer.write_all(&request).and_then(|()| writer.flush());
    });
    let mut raw = Vec::new();
    // A reset after the response (the server closed with our body unread) still leaves the
    // response in `raw`: `read_to_end` keeps what it read before the error.
    let read = stream.read_to_end(&mut raw);
    let _ = sending.join();
    match (parse(&raw, answers_head), read) {
        (Some(reply), _) => Ok(reply),
        (None, Err(e)) => Err(format!(
            "no complete response ({e}) after {} bytes",
            raw.len()
        )),
        (None, Ok(_)) => Err(format!(
            "no complete response in {} bytes: {:?}",
            raw.len(),
            String::from_utf8_lossy(&raw[..raw.len().min(200)])
        )),
    }
}

fn parse(raw: &[u8], answers_head: bool) -> Option<Reply> {
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&raw[..end]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split(' ').nth(1)?.parse().ok()?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    let rest = &raw[end + 4..];
    let chunked = headers.iter().any(|(n, v)| {
        n.eq_ignore_ascii_case("transfer-encoding") && v.eq_ignore_ascii_case("chunked")
    });
    let body = if answers_head {
        Vec::new()
    } else if chunked {
        dechunk(rest)?
    } else {
        let length = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
            .and_then(|(_, v)| v.parse::<usize>().ok());
        match length {
            Some(n) => rest.get(..n)?.to_vec(),
            None => rest.to_vec(),
        }
    };
    Some(Reply {
        status,
        headers,
        body,
    })
}

fn dechunk(mut rest: &[u8]) -> Option<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let line_end = rest.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&rest[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        rest = &rest[line_end + 2..];
        if size == 0 {
            return Some(body);
        }
        body.extend_from_slice(rest.get(..size)?);
        rest = rest.get(size + 2..)?;
    }
}

/// The port of a base URL such as `http://127.0.0.1:8123`.
pub fn port_of(base_url: &str) -> u16 {
    base_url
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .expect("a base URL ending in :port")
}
