//! The message table: every sentence a page shows a learner about what happened (flash
//! messages, why a request was refused, builder notes) and the pages' own words live in
//! `templates/locales/<lang>/*.ftl` (Fluent, read with `fluent-templates`), keyed by a code.
//! Rust hands templates codes; templates say `{{ t(key="sessions.flash.logged_in") }}`, and
//! the same page renders in each language with its own table.
//!
//! A message may name values, `Logged in as { $username }.`, filled from the call's other
//! arguments: `t(key="…", username=user)`. A code's dots are dashes in the files (Fluent ids
//! cannot hold dots). An unknown key fails the render, unless the call names a fallback key:
//! `t(key="jwt.claim." ~ name, or="jwt.claim.other")`. Korean particles that depend on the word
//! before them (이/가, 은/는, 을/를, 과/와, (으)로) come from `PARTICLE($word, "이/가")`.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use fluent_templates::fluent_bundle::{FluentArgs, FluentValue};
use fluent_templates::{ArcLoader, LanguageIdentifier};
use rocket_dyn_templates::tera::{self, Value};

use super::lang::Lang;

/// Every language's messages.
pub struct Messages {
    loader: ArcLoader,
    ids: HashMap<Lang, HashSet<String>>,
    /// The messages that take no value, formatted once (most calls are these).
    plain: HashMap<Lang, HashMap<String, String>>,
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Messages").field("ids", &self.ids).finish()
    }
}

/// The Fluent id of a message code: `sessions.flash.logged_in` → `sessions-flash-logged_in`.
fn fluent_id(key: &str) -> String {
    key.replace('.', "-")
}

fn language_id(lang: Lang) -> LanguageIdentifier {
    lang.code().parse().unwrap_or_default()
}

impl Messages {
    /// Reads `dir/<lang>/*.ftl` for every language.
    pub fn load(dir: &Path) -> Result<Messages, String> {
        let unreadable = |e: &dyn std::fmt::Display| {
            format!(
                "the message tables in {} are unreadable: {e}",
                dir.display()
            )
        };
        let loader = ArcLoader::builder(dir, language_id(Lang::En))
            .customize(|bundle| {
                // Pages are HTML: Unicode isolation marks around values would only get in the
                // way of copying and searching the text.
                bundle.set_use_isolating(false);
                let _ = bundle.add_function("PARTICLE", particle);
            })
            .build()
            .map_err(|e| unreadable(&e))?;
        let mut ids = HashMap::new();
        for lang in Lang::ALL {
            ids.insert(
                lang,
                message_ids(&dir.join(lang.code())).map_err(|e| unreadable(&e))?,
            );
        }
        let mut messages = Messages {
            loader,
            ids,
            plain: HashMap::new(),
        };
        for lang in Lang::ALL {
            let plain = messages.ids[&lang]
                .iter()
                .filter_map(|id| Some((id.clone(), messages.format(lang, id, None)?)))
                .collect();
            messages.plain.insert(lang, plain);
        }
        Ok(messages)
    }

    fn format(
        &self,
        lang: Lang,
        id: &str,
        args: Option<&HashMap<String, FluentValue>>,
    ) -> Option<String> {
        self.loader
            .lookup_single_language(&language_id(lang), id, args)
            .ok()
    }

    /// The text for `key` in `lang` (English when `lang` lacks it), values filled from `args`.
    pub fn text(
        &self,
        lang: Lang,
        key: &str,
        args: &HashMap<String, FluentValue>,
    ) -> Option<String> {
        let id = fluent_id(key);
        let plain = |lang: Lang| self.plain.get(&lang).and_then(|p| p.get(&id)).cloned();
        let formatted = |lang: Lang| {
            if args.is_empty() {
                plain(lang).or_else(|| self.format(lang, &id, None))
            } else {
                self.format(lang, &id, Some(args))
            }
        };
        formatted(lang).or_else(|| formatted(Lang::En))
    }

    /// Whether English, the reference table, has `key`.
    pub fn contains(&self, key: &str) -> bool {
        self.ids[&Lang::En].contains(&fluent_id(key))
    }

    /// The codes English has and `lang` lacks (dashed, as in the files), sorted.
    pub fn missing_in(&self, lang: Lang) -> Vec<String> {
        let mut missing: Vec<String> = self.ids[&Lang::En]
            .difference(&self.ids[&lang])
            .cloned()
            .collect();
        missing.sort();
        missing
    }
}

/// The ids of the messages defined in `dir/*.ftl` (a message starts at the line's start).
fn message_ids(dir: &Path) -> std::io::Result<HashSet<String>> {
    let mut ids = HashSet::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_none_or(|e| e != "ftl") {
            continue;
        }
        for line in std::fs::read_to_string(&path)?.lines() {
            let Some((id, _)) = line.split_once('=') else {
                continue;
            };
            let id = id.trim_end();
            let is_id = id.starts_with(|c: char| c.is_ascii_alphabetic())
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if is_id {
                ids.insert(id.to_string());
            }
        }
    }
    Ok(ids)
}

/// `PARTICLE($word, "이/가")`: the word and the particle that fits its last sound. Korean
/// writes 이, 은, 을, 과 after a final consonant (받침) and 가, 는, 를, 와 after a vowel; 으로
/// after a consonant other than ㄹ, 로 otherwise. Latin letters and digits are read as a
/// Korean reader would say them (`alice` → 앨리스, no 받침; `bob` → 밥).
fn particle<'a>(positional: &[FluentValue<'a>], _: &FluentArgs) -> FluentValue<'a> {
    let word = match positional.first() {
        Some(FluentValue::String(s)) => s.to_string(),
        Some(FluentValue::Number(n)) => n.as_string().to_string(),
        _ => return FluentValue::Error,
    };
    let Some(FluentValue::String(pair)) = positional.get(1) else {
        return FluentValue::Error;
    };
    let Some((after_consonant, after_vowel)) = pair.split_once('/') else {
        return FluentValue::Error;
    };
    let ending = word.chars().next_back().map_or(Ending::Vowel, ending_of);
    let chosen = match (after_consonant, ending) {
        ("으로", Ending::Rieul) => after_vowel,
        (_, Ending::Vowel) => after_vowel,
        _ => after_consonant,
    };
    FluentValue::String(Cow::Owned(format!("{word}{chosen}")))
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Ending {
    Vowel,
    /// ㄹ: a consonant, but 로 rather than 으로.
    Rieul,
    Consonant,
}

fn ending_of(last: char) -> Ending {
    let code = last as u32;
    if (0xAC00..=0xD7A3).contains(&code) {
        return match (code - 0xAC00) % 28 {
            0 => Ending::Vowel,
            8 => Ending::Rieul,
            _ => Ending::Consonant,
        };
    }
    match last.to_ascii_lowercase() {
        'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'w' | '2' | '4' | '5' | '9' => Ending::Vowel,
        'l' | 'r' | '1' | '7' | '8' => Ending::Rieul,
        c if c.is_ascii_alphanumeric() => Ending::Consonant,
        _ => Ending::Vowel,
    }
}

/// Tera's value as a Fluent value: numbers stay numbers (for plural rules), the rest is text.
fn fluent_value(value: &Value) -> FluentValue<'static> {
    match value {
        Value::String(s) => FluentValue::from(s.clone()),
        Value::Number(n) => n
            .as_f64()
            .map_or_else(|| FluentValue::from(n.to_string()), FluentValue::from),
        other => FluentValue::from(other.to_string()),
    }
}

/// The Tera function `t(key="…", …)` for one language.
pub fn t_function(messages: Arc<Messages>, lang: Lang) -> impl tera::Function {
    move |args: &HashMap<String, Value>| -> tera::Result<Value> {
        let key = args
            .get("key")
            .and_then(Value::as_str)
            .ok_or_else(|| tera::Error::msg("t() needs key=\"message code\""))?;
        let fallback = args.get("or").and_then(Value::as_str);
        let values: HashMap<String, FluentValue> = args
            .iter()
            .filter(|(name, _)| *name != "key" && *name != "or")
            .map(|(name, value)| (name.clone(), fluent_value(value)))
            .collect();
        messages
            .text(lang, key, &values)
            .or_else(|| fallback.and_then(|key| messages.text(lang, key, &values)))
            .map(Value::String)
            .ok_or_else(|| tera::Error::msg(format!("no message `{key}` in the message table")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A two-language table in a fresh folder.
    fn table(name: &str) -> Messages {
        let dir =
            std::env::temp_dir().join(format!("auth-labs-messages-{name}-{}", std::process::id()));
        let write = |lang: &str, text: &str| {
            std::fs::create_dir_all(dir.join(lang)).expect("folder");
            std::fs::write(dir.join(lang).join("main.ftl"), text).expect("file");
        };
        write("en", "a-b = Hi { $name }!\nonly-en = English only\n");
        write("ko", "a-b = { PARTICLE($name, \"이/가\") } 왔습니다!\n");
        let messages = Messages::load(&dir).expect("loads");
        std::fs::remove_dir_all(&dir).ok();
        messages
    }

    fn args(pairs: &[(&str, &str)]) -> HashMap<String, FluentValue<'static>> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), FluentValue::from(v.to_string())))
            .collect()
    }

    #[test]
    fn values_are_filled_from_arguments_in_each_language() {
        let table = table("fill");
        let alice = args(&[("name", "alice")]);
        assert_eq!(
            table.text(Lang::En, "a.b", &alice).as_deref(),
            Some("Hi alice!")
        );
        assert_eq!(
            table.text(Lang::Ko, "a.b", &alice).as_deref(),
            Some("alice가 왔습니다!")
        );
        assert_eq!(table.text(Lang::En, "a.c", &alice), None);
    }

    #[test]
    fn a_message_korean_lacks_falls_back_to_english_and_is_reported_missing() {
        let table = table("fallback");
        let none = HashMap::new();
        assert_eq!(
            table.text(Lang::Ko, "only.en", &none).as_deref(),
            Some("English only")
        );
        assert_eq!(table.missing_in(Lang::Ko), vec!["only-en".to_string()]);
        assert!(table.missing_in(Lang::En).is_empty());
    }

    #[test]
    fn an_unknown_key_falls_back_to_the_or_key_or_fails() {
        use tera::Function;
        let t = t_function(Arc::new(table("or")), Lang::En);
        let call = |pairs: &[(&str, &str)]| {
            let args: HashMap<String, Value> = pairs
                .iter()
                .map(|(k, v)| (k.to_string(), Value::from(*v)))
                .collect();
            t.call(&args).ok()
        };
        let hi = Some(Value::from("Hi bob!"));
        assert_eq!(call(&[("key", "a.x"), ("or", "a.b"), ("name", "bob")]), hi);
        assert_eq!(call(&[("key", "a.x")]), None);
    }

    #[test]
    fn korean_particles_follow_the_last_sound_of_the_word() {
        let say = |word: &str, pair: &str| {
            let values = [
                FluentValue::from(word.to_string()),
                FluentValue::from(pair.to_string()),
            ];
            match particle(&values, &FluentArgs::new()) {
                FluentValue::String(s) => s.to_string(),
                _ => String::new(),
            }
        };
        assert_eq!(say("세션", "이/가"), "세션이");
        assert_eq!(say("쿠키", "이/가"), "쿠키가");
        assert_eq!(say("토큰", "은/는"), "토큰은");
        assert_eq!(say("서버", "을/를"), "서버를");
        assert_eq!(say("서울", "으로/로"), "서울로");
        assert_eq!(say("헤더", "으로/로"), "헤더로");
        assert_eq!(say("책", "으로/로"), "책으로");
        assert_eq!(say("alice", "이/가"), "alice가");
        assert_eq!(say("bob", "이/가"), "bob이");
        assert_eq!(say("mallory", "은/는"), "mallory는");
    }

    #[test]
    fn the_shipped_tables_load_and_korean_has_every_english_message() {
        let messages = Messages::load(Path::new("templates/locales")).expect("loads");
        assert!(messages.contains("login.invalid"));
        assert_eq!(messages.missing_in(Lang::Ko), Vec::<String>::new());
    }
}
