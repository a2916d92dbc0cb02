//! The origin a reader used to reach this server (`http://class.example:9000`), so the
//! tutorial's commands and links name the server the reader is actually using.
//!
//! It comes from the request's `Host` header only when that is a plain `host[:port]` (an IPv4
//! address, a bracketed IPv6 address or a DNS name); anything else, or no `Host` at all, gives
//! the configured address. The page never reflects any other part of the request.

use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use rocket::request::{FromRequest, Outcome};
use rocket::{Config, Request};

use crate::config::AppConfig;

/// `scheme://host[:port]`, safe to write into HTML as it is (no character needs escaping).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderOrigin(pub String);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for ReaderOrigin {
    type Error = Infallible;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let rocket = request.rocket();
        let https = rocket.config().tls_enabled()
            || rocket
                .state::<AppConfig>()
                .is_some_and(|config| config.cookies.secure);
        let scheme = if https { "https" } else { "http" };
        let authority = match super::headers::first(request.headers(), "Host") {
            Some(host) if is_authority(host) => host.to_string(),
            _ => configured_authority(rocket.config()),
        };
        Outcome::Success(ReaderOrigin(format!("{scheme}://{authority}")))
    }
}

/// The address the server listens on, as a reader would type it: an unspecified address
/// (`0.0.0.0`, listening everywhere) becomes the loopback one.
fn configured_authority(config: &Config) -> String {
    let ip = match config.address {
        IpAddr::V4(v4) if v4.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(v6) if v6.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    SocketAddr::new(ip, config.port).to_string()
}

/// Whether `text` is `host` or `host:port`, where host is an IPv4 address, a bracketed IPv6
/// address or a DNS name (RFC 1123 labels), and port a number from 1 to 65535.
fn is_authority(text: &str) -> bool {
    let (host_ok, port) = match text.strip_prefix('[') {
        Some(rest) => match rest.split_once(']') {
            Some((v6, port)) => (v6.parse::<Ipv6Addr>().is_ok(), port),
            None => return false,
        },
        None => match text.find(':') {
            Some(colon) => (is_host_name(&text[..colon]), &text[colon..]),
            None => (is_host_name(text), ""),
        },
    };
    host_ok && (port.is_empty() || port.strip_prefix(':').is_some_and(is_port))
}

/// A TCP port number, 1 to 65535, in digits only.
fn is_port(text: &str) -> bool {
    (1..=5).contains(&text.len())
        && text.bytes().all(|b| b.is_ascii_digit())
        && text.parse::<u16>().is_ok_and(|port| port != 0)
}

/// An IPv4 address or a DNS name: dot-separated labels of letters, digits and inner hyphens.
fn is_host_name(host: &str) -> bool {
    if host.parse::<Ipv4Addr>().is_ok() {
        return true;
    }
    let name = host.strip_suffix('.').unwrap_or(host);
    !name.is_empty()
        && name.len() <= 253
        && name.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
        // A last label of digits only would be a malformed IPv4 address (`1.2.3.999`).
        && !name
            .rsplit('.')
            .next()
            .is_some_and(|last| last.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::is_authority;

    #[test]
    fn plain_hosts_with_or_without_a_port_are_authorities() {
        for good in [
            "127.0.0.1:8000",
            "127.0.0.1",
            "class.example:9000",
            "class.example.",
            "localhost",
            "my-server:80",
            "[::1]:8000",
            "[::1]",
            "[2001:db8::7]:65535",
        ] {
            assert!(is_authority(good), "{good}");
        }
    }

    #[test]
    fn anything_else_in_a_host_header_is_refused() {
        for bad in [
            "",
            ":8000",
            "class.example:",
            "class.example:0",
            "class.example:65536",
            "class.example:80:80",
            "class.example:+80",
            "user@class.example",
            "class.example/path",
            "evil.example\"><script>",
            "a b",
            "-bad.example",
            "bad-.example",
            "bad..example",
            "1.2.3.999",
            "[::1",
            "[::1]x",
            "[not-v6]:80",
            "::1",
            "class.example:8000?x",
            "ex%61mple.com",
        ] {
            assert!(!is_authority(bad), "{bad:?}");
        }
    }
}
