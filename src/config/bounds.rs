//! The bounded values settings are made of: [`Seconds`] for every duration and [`Capacity`]
//! for every size limit. Each refuses an out-of-range value while it is read, so no component
//! repeats a validation loop, and the refusal names the setting it came from.

use std::fmt;

use serde::de::{Deserialize, Deserializer, Error as _};
use serde::{Serialize, Serializer};
use time::Duration;

/// The largest timeout or lifetime accepted, in seconds (one year): anything longer is surely
/// a typo, and would overflow date arithmetic.
pub const MAX_DURATION_SECONDS: u64 = 365 * 24 * 3600;

/// The largest `jwt_leeway` accepted, in seconds: a leeway beyond an hour defeats `exp`, and a
/// huge one would underflow the library's `now - leeway`.
pub const MAX_JWT_LEEWAY: u64 = 3600;

/// Marks a refusal made here, so [`super::ConfigError`] can put the setting's name in front.
pub(super) const REFUSAL: &str = "[bounds] ";

/// A whole number of seconds between `MIN` and `MAX`, read from an integer setting.
/// The default bounds (1 s to one year) suit timeouts and lifetimes; [`Leeway`] allows 0.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Seconds<const MIN: u64 = 1, const MAX: u64 = MAX_DURATION_SECONDS> {
    seconds: u64,
}

/// A clock-skew allowance: 0 s (none) up to an hour.
pub type Leeway = Seconds<0, MAX_JWT_LEEWAY>;

impl<const MIN: u64, const MAX: u64> Seconds<MIN, MAX> {
    /// A value in range; used for the defaults, where an out-of-range one fails the build.
    pub const fn new(seconds: u64) -> Self {
        assert!(
            seconds >= MIN && seconds <= MAX,
            "a default is out of range"
        );
        Seconds { seconds }
    }

    /// The value checked against the bounds, or why it is refused (without the setting name).
    pub fn parse(seconds: u64) -> Result<Self, String> {
        if seconds < MIN {
            let unit = if MIN == 1 { "second" } else { "seconds" };
            Err(format!("must be at least {MIN} {unit}"))
        } else if seconds > MAX {
            let why = if MAX == MAX_DURATION_SECONDS {
                " (one year)"
            } else {
                ""
            };
            Err(format!("is {seconds} s; at most {MAX} s{why} is accepted"))
        } else {
            Ok(Seconds::new(seconds))
        }
    }

    /// The span, for date arithmetic (the bounds keep it far from overflow).
    pub const fn duration(self) -> Duration {
        Duration::seconds(self.seconds as i64)
    }

    pub const fn get(self) -> u64 {
        self.seconds
    }
}

impl<'de, const MIN: u64, const MAX: u64> Deserialize<'de> for Seconds<MIN, MAX> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let seconds = u64::deserialize(deserializer)?;
        Seconds::parse(seconds).map_err(|why| D::Error::custom(format!("{REFUSAL}{why}")))
    }
}

impl<const MIN: u64, const MAX: u64> Serialize for Seconds<MIN, MAX> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.seconds.serialize(serializer)
    }
}

impl<const MIN: u64, const MAX: u64> fmt::Debug for Seconds<MIN, MAX> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} s", self.seconds)
    }
}

/// A size limit of at least 1 (a store that may hold nothing would refuse everyone).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Capacity(usize);

impl Capacity {
    /// A limit of at least 1; used for the defaults, where 0 fails the build.
    pub const fn new(limit: usize) -> Capacity {
        assert!(limit >= 1, "a capacity default is 0");
        Capacity(limit)
    }

    pub const fn get(self) -> usize {
        self.0
    }
}

impl<'de> Deserialize<'de> for Capacity {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match usize::deserialize(deserializer)? {
            0 => Err(D::Error::custom(format!("{REFUSAL}must be at least 1"))),
            limit => Ok(Capacity(limit)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_refuse_zero_and_more_than_a_year_but_leeway_allows_zero() {
        assert_eq!(
            Seconds::<1, MAX_DURATION_SECONDS>::parse(0).unwrap_err(),
            "must be at least 1 second"
        );
        assert!(
            Seconds::<1, MAX_DURATION_SECONDS>::parse(MAX_DURATION_SECONDS + 1)
                .unwrap_err()
                .contains("(one year)")
        );
        assert_eq!(Leeway::parse(0).map(Seconds::get), Ok(0));
        assert!(Leeway::parse(3601).unwrap_err().contains("at most 3600 s"));
    }
}
