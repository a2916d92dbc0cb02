//! The same cookie as Rocket code (`jar.add(Cookie::build(…))`), for the lesson: what a
//! handler would write to set exactly this cookie.

use rocket::http::Cookie;
use time::macros::format_description;

/// The builder calls for `cookie`, one attribute per line, as `rustfmt` would lay them out.
pub fn rocket_code(cookie: &Cookie<'_>) -> String {
    let mut code = format!(
        "jar.add(\n    Cookie::build(({:?}, {:?}))",
        cookie.name(),
        cookie.value()
    );
    let mut call = |text: String| code += &format!("\n        .{text}");
    if let Some(max_age) = cookie.max_age() {
        call(format!(
            "max_age(Duration::seconds({}))",
            max_age.whole_seconds()
        ));
    }
    if let Some(at) = cookie.expires_datetime() {
        let at = at
            .format(format_description!(
                "[year]-[month]-[day] [hour]:[minute]:[second] UTC"
            ))
            .unwrap_or_default();
        call(format!("expires(datetime!({at}))"));
    }
    if let Some(path) = cookie.path() {
        call(format!("path({path:?})"));
    }
    if let Some(domain) = cookie.domain() {
        call(format!("domain({domain:?})"));
    }
    if let Some(same_site) = cookie.same_site() {
        call(format!("same_site(SameSite::{same_site:?})"));
    }
    for (set, method) in [
        (cookie.secure(), "secure"),
        (cookie.http_only(), "http_only"),
        (cookie.partitioned(), "partitioned"),
    ] {
        if set == Some(true) {
            call(format!("{method}(true)"));
        }
    }
    code + ",\n);"
}
