//! A per-address limit on an action (registering an account, say): at most `limit` times per
//! minute from one network address, then a `429` with `Retry-After` until the minute is over.
//!
//! The address is the socket's peer address (`request.remote()`), which a client cannot choose.
//! Rocket's `client_ip()` would be the wrong key: it trusts a client-supplied `X-Real-IP`
//! header unless `ip_header` is configured otherwise, so a script could claim a new address
//! on every request. Behind a reverse proxy every request has the proxy's address; a whole
//! class behind one NAT address also shares one, which is why limits here must be generous.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::sync::{Mutex, MutexGuard};

use rocket::request::{FromRequest, Outcome};
use rocket::Request;
use time::{Duration, OffsetDateTime};

/// At most this many addresses are remembered at once, so a spray of addresses costs bounded
/// memory (about 50 bytes each); when full, the oldest window is forgotten first.
const MAX_ADDRESSES: usize = 10_000;

/// The length of one counting window.
const WINDOW: Duration = Duration::minutes(1);

/// Where a request came from: the peer address of its connection, or `None` when there is no
/// socket (Rocket's local test client without `.remote()`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeerAddress(pub Option<IpAddr>);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for PeerAddress {
    type Error = std::convert::Infallible;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        // Not `client_ip()`: that believes an `X-Real-IP` header the client wrote itself.
        Outcome::Success(PeerAddress(request.remote().map(|peer| peer.ip())))
    }
}

/// Whom a limit counts: one IPv4 address, or one IPv6 /64 network (a single host is usually
/// handed a whole /64, so counting single IPv6 addresses would count nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Key(IpAddr);

impl Key {
    fn of(peer: PeerAddress) -> Key {
        match peer.0.map(|ip| ip.to_canonical()) {
            Some(IpAddr::V6(v6)) => {
                let network = u128::from(v6) & !((1u128 << 64) - 1);
                Key(IpAddr::V6(Ipv6Addr::from(network)))
            }
            Some(v4) => Key(v4),
            None => Key(IpAddr::V4(Ipv4Addr::UNSPECIFIED)),
        }
    }
}

/// One address's current window: when it started and how much of the limit it used.
#[derive(Debug, Clone, Copy)]
struct Window {
    start: OffsetDateTime,
    used: usize,
}

/// The limit was reached: try again after this many seconds (at least 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryAfter(pub u64);

/// Counts, per address, how often the action happened in the current minute.
pub struct RateLimit {
    limit: usize,
    windows: Mutex<HashMap<Key, Window>>,
}

impl RateLimit {
    /// At most `limit` actions per minute from one address.
    pub fn per_minute(limit: usize) -> RateLimit {
        RateLimit {
            limit,
            windows: Mutex::new(HashMap::new()),
        }
    }

    pub fn limit(&self) -> usize {
        self.limit
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<Key, Window>> {
        // Every update is a single assignment, so a poisoned lock holds nothing half-written.
        self.windows
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Uses one of `peer`'s actions for this minute, or says how long to wait.
    pub fn take(&self, peer: PeerAddress, now: OffsetDateTime) -> Result<(), RetryAfter> {
        let key = Key::of(peer);
        let mut windows = self.lock();
        if !windows.contains_key(&key) && windows.len() >= MAX_ADDRESSES {
            make_room(&mut windows, now);
        }
        let window = windows.entry(key).or_insert(Window {
            start: now,
            used: 0,
        });
        if now - window.start >= WINDOW {
            *window = Window {
                start: now,
                used: 0,
            };
        }
        if window.used >= self.limit {
            let left = (window.start + WINDOW - now).whole_seconds();
            return Err(RetryAfter(left.max(1).unsigned_abs()));
        }
        window.used += 1;
        Ok(())
    }

    /// Returns an action that did not happen after all (the request was refused for another
    /// reason), so only real actions count against the limit.
    pub fn give_back(&self, peer: PeerAddress) {
        if let Some(window) = self.lock().get_mut(&Key::of(peer)) {
            window.used = window.used.saturating_sub(1);
        }
    }
}

/// Forgets every finished window; if every address is still inside its minute, forgets the one
/// whose minute started first.
fn make_room(windows: &mut HashMap<Key, Window>, now: OffsetDateTime) {
    windows.retain(|_, window| now - window.start < WINDOW);
    if windows.len() >= MAX_ADDRESSES {
        let oldest = windows.iter().min_by_key(|(_, w)| w.start).map(|(k, _)| *k);
        if let Some(oldest) = oldest {
            windows.remove(&oldest);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const T0: OffsetDateTime = datetime!(2026-01-01 12:00 UTC);

    fn peer(ip: &str) -> PeerAddress {
        PeerAddress(Some(ip.parse().expect("an address")))
    }

    #[test]
    fn the_limit_holds_per_address_for_one_minute() {
        let limit = RateLimit::per_minute(2);
        let me = peer("203.0.113.7");
        assert_eq!(limit.take(me, T0), Ok(()));
        assert_eq!(limit.take(me, T0 + Duration::seconds(10)), Ok(()));
        assert_eq!(
            limit.take(me, T0 + Duration::seconds(15)),
            Err(RetryAfter(45))
        );
        assert_eq!(limit.take(peer("198.51.100.1"), T0), Ok(()));
        assert_eq!(limit.take(me, T0 + Duration::seconds(60)), Ok(()));
    }

    #[test]
    fn a_given_back_action_does_not_count() {
        let limit = RateLimit::per_minute(1);
        let me = peer("203.0.113.7");
        assert_eq!(limit.take(me, T0), Ok(()));
        limit.give_back(me);
        assert_eq!(limit.take(me, T0), Ok(()));
        assert!(limit.take(me, T0).is_err());
    }

    #[test]
    fn one_ipv6_network_is_one_address() {
        let limit = RateLimit::per_minute(1);
        assert_eq!(limit.take(peer("2001:db8:1:2::1"), T0), Ok(()));
        assert!(limit.take(peer("2001:db8:1:2::ffff"), T0).is_err());
        assert_eq!(limit.take(peer("2001:db8:1:3::1"), T0), Ok(()));
        assert_eq!(limit.take(peer("::ffff:203.0.113.7"), T0), Ok(()));
        assert!(limit.take(peer("203.0.113.7"), T0).is_err(), "mapped IPv4");
    }

    #[test]
    fn memory_stays_bounded_when_addresses_are_sprayed() {
        let limit = RateLimit::per_minute(1);
        for n in 0..(MAX_ADDRESSES as u32 + 500) {
            let ip = IpAddr::V4(Ipv4Addr::from(0x0a00_0000 + n));
            assert_eq!(limit.take(PeerAddress(Some(ip)), T0), Ok(()));
        }
        assert!(limit.lock().len() <= MAX_ADDRESSES);
    }
}
