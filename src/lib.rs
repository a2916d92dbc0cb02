//! Auth Labs: four ways a web server remembers a browser, side by side.
//!
//! `rocket()` builds the app from `Rocket.toml` and `ROCKET_*` variables; tests call
//! `rocket_from` with a figment carrying their overrides (short timeouts, small capacities).

pub mod attacker;
pub mod auth;
pub mod challenges;
pub mod config;
pub mod labs;
pub mod launch;
pub mod live;
pub mod pages;
pub mod redis_link;
pub mod site;
pub mod teacher;
pub mod tools;

use std::sync::Arc;

use rocket::fairing::{self, AdHoc};
use rocket::figment::Figment;
use rocket::{Build, Rocket};

use auth::jwt::JwtKeys;
use auth::password::PasswordHasher;
use auth::shared_accounts::{self, SharedAccounts};
use auth::users::UserDirectory;
use config::{AppConfig, StoreLocation};
use redis_link::RedisLink;
use site::{
    assets, docs, error, headers, inspector, instance, lang, links, memory, messages, view,
};

/// The app as `cargo run` starts it.
pub fn rocket() -> Rocket<Build> {
    rocket_from(rocket::Config::figment())
}

/// The app built from an explicit figment (tests merge their overrides into
/// `rocket::Config::figment()`).
pub fn rocket_from(figment: Figment) -> Rocket<Build> {
    let routes = links::SharedRoutes::default();
    let for_templates = routes.clone();
    let template_dir = template_dir(&figment);
    // The message table, for templates (`t()`) and for telling a real flash from a forged one.
    let table = messages::Messages::load(&template_dir.join("locales")).map(Arc::new);
    let for_t = table.clone();
    // `/static`, read once (again on change in `debug`), so templates can fingerprint URLs.
    let static_dir = config::component::<config::SiteSettings>(&figment)
        .map(|site| site.static_dir())
        .unwrap_or_else(|_| "static".into());
    let debug = figment.profile() == rocket::Config::DEBUG_PROFILE;
    let assets = Arc::new(assets::Assets::load(static_dir, debug));
    let for_asset = assets.clone();
    let instance = instance::SharedInstance::default();
    let for_instance = instance.clone();
    // No `Server: Rocket` banner: it tells an attacker which software to look up.
    let figment = cap_log_level(figment).merge(("ident", false));
    let rocket = rocket::custom(figment)
        // First: every later fairing and lab relies on the validated configuration.
        .attach(AdHoc::try_on_ignite("Auth Labs configuration", configure))
        .attach(instance::stage(instance))
        .attach(AdHoc::on_ignite("Message table", |rocket| async {
            match table {
                Ok(table) => rocket.manage(table),
                Err(_) => rocket,
            }
        }))
        .attach(headers::stage())
        .attach(lang::Remember)
        // Before the echo: the page must show the Set-Cookie lines as they are finally sent.
        .attach(labs::cross_site::same_site::ApplyChoice)
        .attach(inspector::SetCookieEcho)
        .mount("/", pages::routes())
        .mount(tools::jwt::BASE, tools::jwt::routes())
        .manage(tools::jwt::CrackSlots::default())
        .attach(assets::stage(assets.clone()))
        .attach(docs::stage())
        .attach(challenges::stage())
        .attach(teacher::stage())
        .attach(live::stage())
        .register("/", error::catchers());
    // The route table sees every route the fairings above mounted, and is filled before the
    // templates load, which fold the fixed `url()` calls in (`site::fold`).
    let rocket = labs::stage(rocket).attach(links::fill(routes));
    // What a template computes the same way on every render is computed once, when it loads;
    // asset digests change as files do in `debug`, so there they are asked for at each render.
    let fixed: &[&str] = if debug {
        &["labs", "url", "t", "t_text"]
    } else {
        &["labs", "url", "asset", "t", "t_text"]
    };
    // The functions below that answer the same for the same arguments (not `instance()`, whose
    // address is known only once the server listens, nor `asset()`, whose digests change in
    // `debug`): what a page writes with them is kept from one render to the next.
    let pure = &["labs", "url", "time_tag"];
    let rocket = view::attach(rocket, pure, move |tera, lang| {
        // Escape & < > " ' (enough for text and quoted attributes) but not `/`, which
        // Tera would write as `&#x2F;` and make page sources hard for learners to read.
        tera.set_escape_fn(inspector::escape_html);
        // `labs()` in any template lists the labs (for the navigation and the home page).
        tera.register_function("labs", |_: &std::collections::HashMap<String, _>| {
            Ok(rocket_dyn_templates::tera::to_value(labs::LABS)?)
        });
        // `url(to="sessions.login_form")` in any template: the path a route is mounted at.
        tera.register_function("url", links::url_function(for_templates.clone()));
        // `asset(path="css/style.css")`: `/static/css/style.css?v=<digest>`.
        tera.register_function("asset", assets::asset_function(for_asset.clone()));
        // `time_tag(t=…)`: a moment as `<time datetime="…">`, for a message's argument.
        tera.register_function("time_tag", site::time_tag::TimeTag);
        tera.register_filter("set_cookie_line", site::time_tag::SetCookieLine);
        // `instance()`: this instance's address and session store, for the inspector.
        tera.register_function(
            "instance",
            instance::instance_function(for_instance.clone()),
        );
        // `t(key="sessions.flash.logged_in")`: a sentence from this language's message table,
        // as HTML; `t_text(…)` the same as plain text. The messages are written into this
        // language's copy of the templates once, here.
        let table = for_t.clone()?;
        let directs = messages::register(tera, &table, lang);
        site::fold::constants(tera, fixed);
        messages::inline(tera, &table, lang);
        // Macro bodies written out at their calls, with the callers' values, fold further.
        site::fold::macro_calls(tera);
        site::fold::constants(tera, fixed);
        messages::inline(tera, &table, lang);
        Ok(directs)
    });
    // After every fairing that fills a page's slots (some attach when they ignite).
    rocket.attach(site::slots::stage())
}

/// Where the templates (and their message table) are, resolved as Rocket resolves it.
pub(crate) fn template_dir(figment: &Figment) -> std::path::PathBuf {
    figment
        .extract_inner::<rocket::figment::value::magic::RelativePathBuf>("template_dir")
        .map(|dir| dir.relative())
        .unwrap_or_else(|_| "templates".into())
}

/// Rocket's `debug` log level prints every form field it parses, passwords included, so it
/// is lowered to `normal` (which logs requests and outcomes, never their contents).
fn cap_log_level(figment: Figment) -> Figment {
    match figment.extract_inner::<rocket::config::LogLevel>("log_level") {
        Ok(rocket::config::LogLevel::Debug) => {
            eprintln!(
                "auth-labs: log_level \"debug\" would print form fields, passwords included; \
                 using \"normal\"."
            );
            figment.merge(("log_level", rocket::config::LogLevel::Normal))
        }
        _ => figment,
    }
}

/// Validates the configuration and builds the state every lab shares. A refusal prints one
/// line and stops the launch (Rocket's logger is not running yet, hence `eprintln!`).
async fn configure(rocket: Rocket<Build>) -> fairing::Result {
    let config = match AppConfig::load(rocket.figment()) {
        Ok((config, warnings)) => {
            for warning in warnings {
                eprintln!("auth-labs: {warning}");
            }
            config
        }
        Err(e) => {
            eprintln!("auth-labs: {e}");
            return Err(rocket);
        }
    };
    let users = match PasswordHasher::new(&config).await {
        Ok(hasher) => UserDirectory::with_demo_accounts(hasher, config.users.capacity.get()).await,
        Err(e) => Err(e),
    };
    // Hashing the demo accounts used argon2's 19 MiB buffers; give them back.
    memory::release_freed_memory();
    let users = match users {
        Ok(users) => users,
        Err(e) => {
            eprintln!("auth-labs: password hashing failed at start-up: {}", e.0);
            return Err(rocket);
        }
    };
    let (rocket, users) = match &config.sessions.store {
        StoreLocation::Memory => (rocket, users),
        StoreLocation::Redis(url) => {
            let Some(link) = open_redis(url, &config.sessions.store).await else {
                return Err(rocket);
            };
            let users = users.shared_through(SharedAccounts::new(link.clone()));
            // Best effort: a Redis that is down now gets the demo accounts when it answers.
            let _ = users.sync().await;
            (rocket.manage(link).attach(shared_accounts::copier()), users)
        }
    };
    Ok(rocket
        .manage(JwtKeys::from_config(&config))
        .manage(pages::RegistrationLimit::from_config(&config))
        .manage(config)
        .manage(users))
}

/// The shared Redis link, and one line saying whether Redis answers; `None` (after a line
/// saying why) only for a URL the client cannot use.
async fn open_redis(url: &str, shown: &StoreLocation) -> Option<RedisLink> {
    match RedisLink::open(url, shown.to_string()) {
        Ok(link) => {
            link.report_at_start().await;
            Some(link)
        }
        Err(e) => {
            eprintln!("auth-labs: `session_store` {shown} cannot be used: {e}");
            None
        }
    }
}
