//! Links from route data: templates ask for a route by name, `{{ url(to="sessions.login_form") }}`,
//! and get the path it is really mounted at, so a page cannot link to a route that does not exist.
//!
//! A route's name is its handler's name, prefixed by where it is mounted: `/labs/sessions` →
//! `sessions.`, `/docs` → `docs.`, `/tools/jwt` → `tools.jwt.`, `/` → nothing. Dynamic segments
//! take arguments of the same name: `url(to="docs.chapter", slug="sessions")`. An unknown name
//! or a missing argument fails the render, which every page test then reports.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use rocket::fairing::AdHoc;
use rocket::http::uri::fmt::{Path, UriDisplay};
use rocket::{Build, Rocket, Route};
use rocket_dyn_templates::tera::{self, Value};

/// Route name → mounted path (`/labs/sessions/login`, `/docs/<slug>`).
#[derive(Debug, Default)]
pub struct RouteTable {
    paths: HashMap<String, String>,
}

impl RouteTable {
    /// Every named route of the app, keyed as the module docs describe.
    pub fn of<'a>(routes: impl Iterator<Item = &'a Route>) -> RouteTable {
        let mut paths = HashMap::new();
        for route in routes {
            let Some(name) = route.name.as_deref() else {
                continue;
            };
            // Only handlers (plain identifiers); FileServer and the like have other names.
            if !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                continue;
            }
            let base = route.uri.base().trim_matches('/');
            let prefix = base.strip_prefix("labs/").unwrap_or(base).replace('/', ".");
            let key = if prefix.is_empty() {
                name.to_string()
            } else {
                format!("{prefix}.{name}")
            };
            let path = route.uri.path().to_string();
            paths.entry(key).or_insert(path);
        }
        RouteTable { paths }
    }

    /// The path for `name`, with each `<segment>` (or `<segment..>`) replaced by the argument of
    /// that name, percent-encoded.
    pub fn path(
        &self,
        name: &str,
        args: &dyn Fn(&str) -> Option<String>,
    ) -> Result<String, String> {
        let pattern = self
            .paths
            .get(name)
            .ok_or_else(|| format!("no route is named `{name}`"))?;
        let mut out = String::with_capacity(pattern.len());
        for segment in pattern.split('/').skip(1) {
            out.push('/');
            match segment.strip_prefix('<').and_then(|s| s.strip_suffix('>')) {
                Some(param) => {
                    let many = param.ends_with("..");
                    let param = param.trim_end_matches("..");
                    let value = args(param)
                        .ok_or_else(|| format!("the route `{name}` needs `{param}=…`"))?;
                    // A `<path..>` argument is several segments: encode each, keep the `/`s.
                    let pieces: Vec<&str> = if many {
                        value.split('/').collect()
                    } else {
                        vec![value.as_str()]
                    };
                    let encoded: Vec<String> = pieces
                        .iter()
                        .map(|piece| (piece as &dyn UriDisplay<Path>).to_string())
                        .collect();
                    out.push_str(&encoded.join("/"));
                }
                None => out.push_str(segment),
            }
        }
        Ok(out)
    }

    /// Every name, for tests and error messages.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.paths.keys().map(String::as_str)
    }
}

/// The table the `url()` template function reads; filled once every route is mounted.
pub type SharedRoutes = Arc<OnceLock<RouteTable>>;

/// The Tera function `url(to="…", …)`.
pub fn url_function(table: SharedRoutes) -> impl tera::Function {
    move |args: &HashMap<String, Value>| -> tera::Result<Value> {
        let name = args
            .get("to")
            .and_then(Value::as_str)
            .ok_or_else(|| tera::Error::msg("url() needs to=\"route name\""))?;
        let table = table
            .get()
            .ok_or_else(|| tera::Error::msg("url() was called before the routes were mounted"))?;
        let arg = |key: &str| {
            args.get(key).map(|v| match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            })
        };
        table
            .path(name, &arg)
            .map(Value::String)
            .map_err(tera::Error::msg)
    }
}

/// Fills the shared table; attach it after every fairing that mounts routes.
pub fn fill(table: SharedRoutes) -> AdHoc {
    AdHoc::on_ignite(
        "Route table for url()",
        move |rocket: Rocket<Build>| async move {
            // A second ignite of the same table (tests reuse nothing, but be safe) keeps the first.
            let _ = table.set(RouteTable::of(rocket.routes()));
            rocket
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use rocket::{get, routes};

    #[get("/login")]
    fn login_form() {}

    #[get("/<slug>")]
    fn chapter(slug: &str) -> String {
        slug.to_string()
    }

    fn table() -> RouteTable {
        let mut all = Vec::new();
        for route in routes![login_form] {
            all.push(
                route
                    .map_base(|_| "/labs/sessions".to_string())
                    .expect("valid base"),
            );
        }
        for route in routes![chapter] {
            all.push(route.map_base(|_| "/docs".to_string()).expect("valid base"));
        }
        RouteTable::of(all.iter())
    }

    #[test]
    fn names_come_from_the_mount_point_and_the_handler() {
        let table = table();
        let none = |_: &str| None;
        assert_eq!(
            table.path("sessions.login_form", &none).as_deref(),
            Ok("/labs/sessions/login")
        );
        assert!(table.path("sessions.nope", &none).is_err());
    }

    #[test]
    fn dynamic_segments_take_arguments_and_are_encoded() {
        let table = table();
        let slug = |key: &str| (key == "slug").then(|| "a b".to_string());
        assert_eq!(
            table.path("docs.chapter", &slug).as_deref(),
            Ok("/docs/a%20b")
        );
        assert!(table.path("docs.chapter", &|_| None).is_err());
    }
}
