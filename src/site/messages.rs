//! The message table: every sentence a page shows a learner about what happened (flash
//! messages, why a request was refused, builder notes) lives in `templates/messages/en.toml`,
//! keyed by a code. Rust hands templates codes; templates say `{{ t(key="sessions.logged_in") }}`.
//! One table is what lets the pages be translated without touching a handler.
//!
//! A message may name values in braces, `"Logged in as {username}."`, filled from the call's
//! other arguments: `t(key="…", username=user)`. An unknown key fails the render, unless the
//! call names a fallback key: `t(key="jwt.claim." ~ name, or="jwt.claim.other")`.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use rocket::figment::providers::{Format, Toml};
use rocket::figment::value::{Dict, Value as FigValue};
use rocket::figment::Figment;
use rocket_dyn_templates::tera::{self, Value};

/// Message code → text (`sessions.arrival.absent` → "absent").
#[derive(Debug, Default, Clone)]
pub struct Messages {
    texts: HashMap<String, String>,
}

impl Messages {
    /// Reads the table; nested TOML tables become dotted keys.
    pub fn load(file: &Path) -> Result<Messages, String> {
        let dict: Dict = Figment::from(Toml::file_exact(file))
            .extract()
            .map_err(|e| format!("the message table {} is unreadable: {e}", file.display()))?;
        let mut texts = HashMap::new();
        flatten("", &dict, &mut texts);
        Ok(Messages { texts })
    }

    /// The text for `key` with `{name}` placeholders filled from `arg`.
    pub fn text(&self, key: &str, arg: &dyn Fn(&str) -> Option<String>) -> Option<String> {
        let template = self.texts.get(key)?;
        let mut out = String::with_capacity(template.len());
        let mut rest = template.as_str();
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            let name = &rest[open + 1..open + close];
            out.push_str(&rest[..open]);
            match arg(name) {
                Some(value) => out.push_str(&value),
                None => out.push_str(&rest[open..=open + close]),
            }
            rest = &rest[open + close + 1..];
        }
        out.push_str(rest);
        Some(out)
    }

    pub fn contains(&self, key: &str) -> bool {
        self.texts.contains_key(key)
    }
}

fn flatten(prefix: &str, dict: &Dict, out: &mut HashMap<String, String>) {
    for (name, value) in dict {
        let key = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}.{name}")
        };
        match value {
            FigValue::Dict(_, inner) => flatten(&key, inner, out),
            FigValue::String(_, text) => {
                out.insert(key, text.clone());
            }
            other => {
                out.insert(key, format!("{other:?}"));
            }
        }
    }
}

/// The Tera function `t(key="…", …)`.
pub fn t_function(messages: Arc<Messages>) -> impl tera::Function {
    move |args: &HashMap<String, Value>| -> tera::Result<Value> {
        let key = args
            .get("key")
            .and_then(Value::as_str)
            .ok_or_else(|| tera::Error::msg("t() needs key=\"message code\""))?;
        let arg = |name: &str| {
            args.get(name).map(|v| match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            })
        };
        let fallback = args.get("or").and_then(Value::as_str);
        messages
            .text(key, &arg)
            .or_else(|| fallback.and_then(|key| messages.text(key, &arg)))
            .map(Value::String)
            .ok_or_else(|| tera::Error::msg(format!("no message `{key}` in the message table")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Messages {
        Messages {
            texts: HashMap::from([("a.b".to_string(), "Hi {name}, {missing}!".to_string())]),
        }
    }

    #[test]
    fn placeholders_are_filled_from_arguments_and_unknown_ones_stay_visible() {
        let name = |n: &str| (n == "name").then(|| "alice".to_string());
        assert_eq!(
            table().text("a.b", &name).as_deref(),
            Some("Hi alice, {missing}!")
        );
        assert_eq!(table().text("a.c", &name), None);
    }

    #[test]
    fn an_unknown_key_falls_back_to_the_or_key_or_fails() {
        use tera::Function;
        let t = t_function(Arc::new(table()));
        let call = |pairs: &[(&str, &str)]| {
            let args: HashMap<String, Value> = pairs
                .iter()
                .map(|(k, v)| (k.to_string(), Value::from(*v)))
                .collect();
            t.call(&args).ok()
        };
        let hi = Some(Value::from("Hi bob, {missing}!"));
        assert_eq!(call(&[("key", "a.x"), ("or", "a.b"), ("name", "bob")]), hi);
        assert_eq!(call(&[("key", "a.x")]), None);
    }

    #[test]
    fn the_shipped_table_loads_and_nests_into_dotted_keys() {
        let messages = Messages::load(Path::new("templates/messages/en.toml")).expect("loads");
        assert!(messages.contains("login.invalid"));
    }
}
