//! Reading pages as a browser does: the opening tags of forms and inputs, their attributes,
//! and the fields a form would submit.

use regex::Regex;

use super::unescape_html;

/// The `<input …>` tag whose `name` is `name`, if the page has one.
pub fn input_tag(html: &str, name: &str) -> Option<String> {
    tags(html, "input")
        .into_iter()
        .find(|tag| attr(tag, "name").as_deref() == Some(name))
}

/// Every `<form …>` opening tag whose `action` is `action`.
pub fn form_tags(html: &str, action: &str) -> Vec<String> {
    tags(html, "form")
        .into_iter()
        .filter(|tag| attr(tag, "action").as_deref() == Some(action))
        .collect()
}

/// The opening tags `<element …>` in `html`.
pub fn tags(html: &str, element: &str) -> Vec<String> {
    let pattern = format!(r"(?is)<{element}\b[^>]*>");
    Regex::new(&pattern)
        .expect("valid pattern")
        .find_iter(html)
        .map(|m| m.as_str().to_string())
        .collect()
}

/// The value of attribute `name` in an opening tag (double- or single-quoted), unescaped.
pub fn attr(tag: &str, name: &str) -> Option<String> {
    let pattern = format!(
        r#"(?is)\s{}\s*=\s*(?:"([^"]*)"|'([^']*)')"#,
        regex::escape(name)
    );
    Regex::new(&pattern)
        .expect("valid pattern")
        .captures(tag)
        .and_then(|c| c.get(1).or_else(|| c.get(2)))
        .map(|m| unescape_html(m.as_str()))
}

/// Whether an opening tag has `name="value"` (case-insensitive value).
pub fn has_attr(tag: &str, name: &str, value: &str) -> bool {
    attr(tag, name).is_some_and(|v| v.eq_ignore_ascii_case(value))
}

/// Whether an opening tag carries the bare attribute `name` (as `checked` or `hidden`).
fn has_flag(tag: &str, name: &str) -> bool {
    Regex::new(&format!(r"(?is)\s{}(\s|=|/?>)", regex::escape(name)))
        .expect("valid pattern")
        .is_match(tag)
}

/// The fields the form posting to `action` submits as it stands: every named `<input>` with
/// its `value` (hidden ones included; checkboxes and radios only when `checked`), and every
/// named `<select>` with its selected option.
pub fn form_fields(html: &str, action: &str) -> Option<Vec<(String, String)>> {
    let form = Regex::new(r"(?is)<form\b[^>]*>.*?</form>")
        .expect("valid pattern")
        .find_iter(html)
        .map(|m| m.as_str())
        .find(|form| {
            tags(form, "form")
                .first()
                .and_then(|t| attr(t, "action"))
                .as_deref()
                == Some(action)
        })?;
    let fields = tags(form, "input")
        .iter()
        .filter_map(|tag| {
            let name = attr(tag, "name")?;
            let kind = attr(tag, "type").unwrap_or_default().to_ascii_lowercase();
            let ticked = !matches!(kind.as_str(), "checkbox" | "radio") || has_flag(tag, "checked");
            let submits = !matches!(kind.as_str(), "submit" | "button" | "image" | "reset");
            (ticked && submits).then(|| {
                (
                    name,
                    attr(tag, "value").unwrap_or_else(|| default_value(&kind)),
                )
            })
        })
        .collect::<Vec<_>>();
    Some([fields, selected_options(form)].concat())
}

/// What each `<select>` in `form` submits: its `selected` option, else its first one.
fn selected_options(form: &str) -> Vec<(String, String)> {
    Regex::new(r"(?is)<select\b[^>]*>.*?</select>")
        .expect("valid pattern")
        .find_iter(form)
        .filter_map(|select| {
            let select = select.as_str();
            let name = attr(tags(select, "select").first()?, "name")?;
            let options = tags(select, "option");
            let chosen = options
                .iter()
                .find(|option| has_flag(option, "selected"))
                .or_else(|| options.first())?;
            Some((name, attr(chosen, "value").unwrap_or_default()))
        })
        .collect()
}

/// What a browser sends for an input without a `value`: `on` for a ticked box, else nothing.
fn default_value(kind: &str) -> String {
    if matches!(kind, "checkbox" | "radio") {
        "on"
    } else {
        ""
    }
    .to_string()
}
