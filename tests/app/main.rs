//! The app's behaviour, one module per lab or page, in one test binary.
//!
//! Shared helpers and the personas (`support::visitor`) live in `tests/support/`, which the
//! exercises binary includes too. Run one area with a filter, e.g. `cargo test --test app sessions::`.

#[path = "../support/mod.rs"]
mod support;

mod accessibility;
mod attacker;
mod browser;
mod browser_cross_site;
mod browser_layout;
mod browser_reading;
mod browser_tutorial;
mod challenges;
mod challenges_switches;
mod cookies;
mod cookies_switches;
mod cross_site;
mod docs;
mod hostile;
mod html_checker;
mod interface_text;
mod jwt_cookie;
mod jwt_header;
mod jwt_switches;
mod jwt_tool;
mod jwt_workbench;
mod languages;
mod live;
mod logs;
mod nginx_recipe;
mod page_basics;
mod personas;
mod properties;
mod redis_store;
mod register;
mod secure_budgets;
mod secure_cookie_login;
mod secure_cookies;
mod secure_defaults;
mod secure_jwt;
mod sessions;
mod sessions_switches;
mod side_by_side;
mod site;
mod static_files;
mod switches;
mod teacher;
mod times;
