//! Signed cookies: the value stays readable, an HMAC-SHA256 tag makes any edit detectable.
//!
//! Rocket has private (encrypted) cookies but no signed-only ones, so this is the idea behind
//! express's `cookie-parser` signed cookies, in a few lines (its format differs: an `s:`
//! prefix, standard base64, the value alone signed). Here: `value.<tag>`, where the tag is
//! HMAC-SHA256 over `name=value` (the name is bound in, so a valid value cannot be moved to
//! another cookie), base64url without padding.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::config::Secret;
use crate::labs::switches::CookieSwitches;

type HmacSha256 = Hmac<Sha256>;

/// The signing keys: the first signs, every one verifies (rotation: put the new key first and
/// keep the old one until the cookies it signed have expired).
#[derive(Clone)]
pub struct CookieSigner {
    /// Each key's HMAC, keyed once: a tag then hashes the message alone (keying hashes the
    /// key's two pads, as much work again as a short cookie's tag).
    keys: Vec<HmacSha256>,
}

/// What checking a signed cookie concluded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verified {
    /// The tag matched under key number `key` (0 = the current signing key).
    Valid { value: String, key: usize },
    /// A `value.tag` shape whose tag no key produced: edited, or signed with a key this
    /// server no longer has.
    Mismatch,
    /// Not `value.tag` at all.
    Malformed,
    /// Believed without looking at the tag: `verify_signed` is off for this browser.
    Unchecked { value: String },
    /// The tag is a retired key's, and `accept_retired_key` is off for this browser.
    Retired,
    /// The tag covers the value alone (made for any cookie name), accepted because
    /// `bind_name` is off for this browser.
    Unbound { value: String, key: usize },
}

/// How a browser's cookies lab checks signed cookies: its experiment switches. The safe
/// defaults, [`Checks::SAFE`], check the tag, over the name and the value, under every key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Checks {
    /// Check the tag at all (`verify_signed`).
    pub verify: bool,
    /// The tag covers `name=value`, not the value alone (`bind_name`).
    pub bind_name: bool,
    /// Keys after the first still verify (`accept_retired_key`).
    pub retired_keys: bool,
}

impl Checks {
    pub const SAFE: Checks = Checks {
        verify: true,
        bind_name: true,
        retired_keys: true,
    };

    pub fn of(switches: &CookieSwitches) -> Checks {
        Checks {
            verify: switches.verify_signed,
            bind_name: switches.bind_name,
            retired_keys: switches.accept_retired_key,
        }
    }
}

impl CookieSigner {
    /// `None` without a key; the configuration guarantees at least one.
    pub fn new(keys: Vec<Secret>) -> Option<CookieSigner> {
        let keyed = keys
            .iter()
            // HMAC accepts a key of any length, so this never fails.
            .map(|key| <HmacSha256 as Mac>::new_from_slice(key.bytes()).ok())
            .collect::<Option<Vec<_>>>()?;
        (!keyed.is_empty()).then_some(CookieSigner { keys: keyed })
    }

    pub fn key_count(&self) -> usize {
        self.keys.len()
    }

    /// `value.<tag>` signed with the current (first) key.
    pub fn sign(&self, name: &str, value: &str) -> String {
        self.sign_with(0, name, value)
    }

    /// Signed with key number `key` (clamped to the last one): lets the lab hand out a cookie
    /// signed with a retired key, to show that rotation keeps it valid.
    pub fn sign_with(&self, key: usize, name: &str, value: &str) -> String {
        self.sign_checked(key, Some(name), value)
    }

    /// As `sign_with`, under `checks`: with `bind_name` off the tag covers the value alone.
    pub fn sign_for(&self, key: usize, name: &str, value: &str, checks: Checks) -> String {
        self.sign_checked(key, checks.bind_name.then_some(name), value)
    }

    fn sign_checked(&self, key: usize, name: Option<&str>, value: &str) -> String {
        let key = &self.keys[key.min(self.keys.len() - 1)];
        let tag = mac(key, name, value).finalize().into_bytes();
        format!("{value}.{}", URL_SAFE_NO_PAD.encode(tag))
    }

    /// Checks `value.<tag>` against every key, in constant time per key
    /// (`Mac::verify_slice`), so the comparison leaks nothing about the right tag.
    pub fn verify(&self, name: &str, signed: &str) -> Verified {
        self.verify_with(name, signed, Checks::SAFE)
    }

    /// `verify` as this browser's switches have it: `verify` off believes the value before the
    /// last dot (or the whole text) unchecked; `bind_name` off also accepts a tag over the value
    /// alone (so one made for another cookie name); `retired_keys` off refuses a tag that only
    /// a retired key made.
    pub fn verify_with(&self, name: &str, signed: &str, checks: Checks) -> Verified {
        if !checks.verify {
            let value = signed.rsplit_once('.').map_or(signed, |(value, _)| value);
            return Verified::Unchecked {
                value: value.to_string(),
            };
        }
        let Some((value, tag)) = signed.rsplit_once('.') else {
            return Verified::Malformed;
        };
        let Ok(tag) = URL_SAFE_NO_PAD.decode(tag) else {
            return Verified::Malformed;
        };
        let bound = |key: &HmacSha256| mac(key, Some(name), value).verify_slice(&tag).is_ok();
        let unbound = |key: &HmacSha256| mac(key, None, value).verify_slice(&tag).is_ok();
        let found = match self.keys.iter().position(bound) {
            Some(key) => Some((key, true)),
            None if !checks.bind_name => self.keys.iter().position(unbound).map(|k| (k, false)),
            None => None,
        };
        let value = value.to_string();
        match found {
            Some((key, _)) if key > 0 && !checks.retired_keys => Verified::Retired,
            Some((key, true)) => Verified::Valid { value, key },
            Some((key, false)) => Verified::Unbound { value, key },
            None => Verified::Mismatch,
        }
    }
}

/// HMAC-SHA256 over `name=value`, or over the value alone when `name` is `None` (a tag that
/// does not say which cookie it was made for).
fn mac(key: &HmacSha256, name: Option<&str>, value: &str) -> HmacSha256 {
    let mut mac = key.clone();
    if let Some(name) = name {
        mac.update(name.as_bytes());
        mac.update(b"=");
    }
    mac.update(value.as_bytes());
    mac
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signer(keys: &[&str]) -> CookieSigner {
        CookieSigner::new(keys.iter().map(|k| Secret::new(k.as_bytes())).collect())
            .expect("at least one key")
    }

    #[test]
    fn signed_value_is_readable_and_verifies() {
        let s = signer(&["key-one"]);
        let signed = s.sign("signed_visits", "7");
        assert!(signed.starts_with("7."), "{signed}");
        assert_eq!(
            signed.len(),
            2 + 43,
            "a 32-byte tag is 43 base64url characters"
        );
        assert_eq!(
            s.verify("signed_visits", &signed),
            Verified::Valid {
                value: "7".into(),
                key: 0
            }
        );
    }

    #[test]
    fn an_edited_value_or_tag_is_a_mismatch() {
        let s = signer(&["key-one"]);
        let signed = s.sign("signed_visits", "7");
        let forged = signed.replacen('7', "9", 1);
        assert_eq!(s.verify("signed_visits", &forged), Verified::Mismatch);
        let mut tampered_tag = signed.clone();
        let last = if tampered_tag.ends_with('A') {
            "B"
        } else {
            "A"
        };
        tampered_tag.replace_range(tampered_tag.len() - 1.., last);
        assert_eq!(s.verify("signed_visits", &tampered_tag), Verified::Mismatch);
    }

    #[test]
    fn the_name_is_bound_into_the_tag() {
        let s = signer(&["key-one"]);
        let signed = s.sign("signed_visits", "7");
        assert_eq!(s.verify("other", &signed), Verified::Mismatch);
    }

    #[test]
    fn garbage_is_malformed_not_a_panic() {
        let s = signer(&["key-one"]);
        for garbage in ["", "7", "7.", "7.!!!", ".", "7.%%", "ü.ü"] {
            assert_ne!(
                s.verify("n", garbage),
                Verified::Valid {
                    value: "7".into(),
                    key: 0
                },
                "{garbage:?}"
            );
        }
        assert_eq!(s.verify("n", "7"), Verified::Malformed);
        assert_eq!(s.verify("n", "7.!!!"), Verified::Malformed);
    }

    #[test]
    fn rotation_old_key_still_verifies_new_cookies_use_the_new_key() {
        let old = signer(&["old-key"]);
        let rotated = signer(&["new-key", "old-key"]);
        let from_before = old.sign("signed_visits", "3");
        assert_eq!(
            rotated.verify("signed_visits", &from_before),
            Verified::Valid {
                value: "3".into(),
                key: 1
            }
        );
        let fresh = rotated.sign("signed_visits", "4");
        assert_eq!(old.verify("signed_visits", &fresh), Verified::Mismatch);
        assert_eq!(
            rotated.sign_with(9, "n", "v"),
            rotated.sign_with(1, "n", "v")
        );
    }

    #[test]
    fn each_switch_weakens_exactly_its_own_check() {
        let s = signer(&["new-key", "old-key"]);
        let safe = Checks::SAFE;
        let edited = s.sign("signed_visits", "7").replacen('7', "1000", 1);
        assert_eq!(
            s.verify_with("signed_visits", &edited, safe),
            Verified::Mismatch
        );
        let unchecked = Checks {
            verify: false,
            ..safe
        };
        assert_eq!(
            s.verify_with("signed_visits", &edited, unchecked),
            Verified::Unchecked {
                value: "1000".into()
            }
        );
        // A value signed for another name (with the name left out of the tag) moves.
        let unbound = Checks {
            bind_name: false,
            ..safe
        };
        let note = s.sign_for(0, "signed_note", "1000", unbound);
        assert_eq!(
            s.verify_with("signed_visits", &note, safe),
            Verified::Mismatch
        );
        assert_eq!(
            s.verify_with("signed_visits", &note, unbound),
            Verified::Unbound {
                value: "1000".into(),
                key: 0
            }
        );
        // A name-bound tag still verifies with bind_name off, so switching does not reset.
        let bound = s.sign("signed_visits", "3");
        assert!(matches!(
            s.verify_with("signed_visits", &bound, unbound),
            Verified::Valid { .. }
        ));
        let old = s.sign_with(1, "signed_visits", "3");
        let no_retired = Checks {
            retired_keys: false,
            ..safe
        };
        assert_eq!(
            s.verify_with("signed_visits", &old, no_retired),
            Verified::Retired
        );
        assert!(matches!(
            s.verify_with("signed_visits", &old, safe),
            Verified::Valid { key: 1, .. }
        ));
    }
}
