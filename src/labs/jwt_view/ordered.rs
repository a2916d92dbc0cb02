//! A token's header and payload read in the token's own order: serde_json's `Map` sorts its
//! keys (unless the crate-wide `preserve_order` feature is on, which would change every map
//! in the app), so the top level is read here into a list instead, duplicates kept.

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::Value;

/// A JSON object's members in the order they were written (duplicates kept, as a reader
/// that keeps the last and one that keeps the first would disagree about them).
pub struct Ordered(pub Vec<(String, Value)>);

impl<'de> Deserialize<'de> for Ordered {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Ordered, D::Error> {
        struct Members;
        impl<'de> Visitor<'de> for Members {
            type Value = Ordered;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ordered, A::Error> {
                let mut members = Vec::new();
                while let Some(member) = map.next_entry()? {
                    members.push(member);
                }
                Ok(Ordered(members))
            }
        }
        deserializer.deserialize_map(Members)
    }
}

/// Members written back as one JSON object, in their order.
struct Members<'m>(&'m [(String, Value)]);

impl Serialize for Members<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

/// The members of a base64url part (header or payload), or `None` if it is not a JSON object.
pub fn members(part_b64: &str) -> Option<Vec<(String, Value)>> {
    let bytes = URL_SAFE_NO_PAD.decode(part_b64).ok()?;
    let Ordered(members) = serde_json::from_slice(&bytes).ok()?;
    Some(members)
}

/// Members (from [`members`]) pretty-printed as the object they came from, in their order.
pub fn pretty_members(members: &[(String, Value)]) -> Option<String> {
    serde_json::to_string_pretty(&Members(members)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_keep_the_order_they_were_written_in_and_their_duplicates() {
        let part = URL_SAFE_NO_PAD.encode(r#"{"typ":"JWT","alg":"HS256","typ":"x"}"#);
        let names: Vec<String> = members(&part)
            .expect("an object")
            .into_iter()
            .map(|(name, _)| name)
            .collect();
        assert_eq!(names, ["typ", "alg", "typ"]);
        assert_eq!(
            members(&part).and_then(|m| pretty_members(&m)).as_deref(),
            Some("{\n  \"typ\": \"JWT\",\n  \"alg\": \"HS256\",\n  \"typ\": \"x\"\n}")
        );
        assert!(members(&URL_SAFE_NO_PAD.encode("[1]")).is_none());
    }
}
