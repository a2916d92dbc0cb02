//! When two numbers give a message the same text, so that Fluent's text for one can be
//! remembered for the other.
//!
//! A counter's message (`{ $visits -> [one] time *[other] times }`) gets a new number on every
//! visit, so remembering Fluent's text by the number itself never finds it again. But a message
//! that never writes the number, only selects a variant by it, reads the same for every number
//! that selects the same variants: Fluent picks the variant whose number key equals the value,
//! else the one named by the value's plural category (`one`, `other`), else the default. So such
//! a number is remembered by its [`class`](Selections::class): the key it equals, or its
//! category.

use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement, VariantKey};
use fluent_templates::LanguageIdentifier;
use intl_pluralrules::{PluralRuleType, PluralRules};

/// How one message uses its values, when its text depends on a number only through the
/// variants it selects.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Selections {
    /// Each variable selected on, with the number keys of its variants that a number can
    /// equal (`[0]`; a key written with a decimal point never equals a value given as a number).
    selected: Vec<(String, Vec<f64>)>,
    /// Variables written into the text (their numbers must be remembered as they are).
    written: Vec<String>,
}

impl Selections {
    /// How `pattern` uses its variables; `None` when it uses anything else (another message,
    /// a term, a function such as `NUMBER()`), whose text could depend on a number in ways not
    /// worked out here.
    pub(super) fn of(pattern: &Pattern<&str>) -> Option<Selections> {
        let mut selections = Selections::default();
        selections.read(pattern)?;
        Some(selections)
    }

    fn read(&mut self, pattern: &Pattern<&str>) -> Option<()> {
        for element in &pattern.elements {
            let PatternElement::Placeable { expression } = element else {
                continue;
            };
            match expression {
                Expression::Inline(InlineExpression::VariableReference { id }) => {
                    self.written.push(id.name.to_string());
                }
                Expression::Inline(
                    InlineExpression::StringLiteral { .. } | InlineExpression::NumberLiteral { .. },
                ) => {}
                Expression::Select {
                    selector: InlineExpression::VariableReference { id },
                    variants,
                } => {
                    let keys: Vec<f64> = variants
                        .iter()
                        .filter_map(|variant| match &variant.key {
                            VariantKey::NumberLiteral { value } if !value.contains('.') => {
                                value.parse().ok()
                            }
                            _ => None,
                        })
                        .collect();
                    match self.selected.iter_mut().find(|(name, _)| name == id.name) {
                        Some((_, known)) => known.extend(keys),
                        None => self.selected.push((id.name.to_string(), keys)),
                    }
                    for variant in variants {
                        self.read(&variant.value)?;
                    }
                }
                _ => return None,
            }
        }
        Some(())
    }

    /// What `n`, the value of `name`, is remembered by: `None` when the text may write `n`
    /// itself (remember `n`), else the number key it equals, its plural category under
    /// `rules`, or nothing at all when the message does not use `name`.
    pub(super) fn class(&self, name: &str, n: f64, rules: &PluralRules) -> Option<String> {
        if self.written.iter().any(|written| written == name) {
            return None;
        }
        match self.selected.iter().find(|(selected, _)| selected == name) {
            None => Some(String::new()),
            Some((_, keys)) if keys.contains(&n) => Some(format!("={n}")),
            Some(_) => rules
                .select(n)
                .ok()
                .map(|category| format!("~{category:?}")),
        }
    }
}

/// The cardinal plural rules Fluent applies for `language`.
pub(super) fn rules(language: &LanguageIdentifier) -> Option<PluralRules> {
    PluralRules::create(language.clone(), PluralRuleType::CARDINAL).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast::Entry;

    fn selections(source: &str) -> Option<Selections> {
        let resource = fluent_syntax::parser::parse(source).expect("parses");
        let Some(Entry::Message(message)) = resource.body.into_iter().next() else {
            panic!("a message");
        };
        Selections::of(message.value.as_ref().expect("a value"))
    }

    fn english() -> PluralRules {
        rules(&"en".parse().expect("a language")).expect("English rules")
    }

    #[test]
    fn a_selected_number_is_known_by_its_key_or_its_category() {
        let counter = selections("m = { $n ->\n [0] none\n [one] one\n *[other] many\n} left\n")
            .expect("only selects");
        let class = |n: f64| counter.class("n", n, &english());
        assert_eq!(class(0.0).as_deref(), Some("=0"));
        assert_eq!(class(1.0).as_deref(), Some("~ONE"));
        assert_eq!(class(2.0), class(37.0));
        assert_ne!(class(2.0), class(1.0));
        assert_ne!(class(1.5), class(1.0));
        // A variable the message does not use: every number reads the same.
        assert_eq!(counter.class("other", 5.0, &english()).as_deref(), Some(""));
    }

    #[test]
    fn a_written_number_or_anything_else_keeps_the_number_itself() {
        let written = selections("m = { $n ->\n [one] one visit\n *[other] { $n } visits\n}\n")
            .expect("only variables");
        assert_eq!(written.class("n", 3.0, &english()), None);
        // A function, a message reference, a term: not worked out, so nothing is shared.
        for source in [
            "m = { NUMBER($n) }\n",
            "m = { $n ->\n *[other] { other }\n}\n",
            "m = { -term }\n",
        ] {
            assert_eq!(selections(source), None, "{source}");
        }
        // A key with a decimal point never equals a number given as a number.
        let decimal = selections("m = { $n ->\n [1.0] a\n *[other] b\n}\n").expect("selects");
        assert_eq!(decimal.class("n", 1.0, &english()).as_deref(), Some("~ONE"));
    }
}
