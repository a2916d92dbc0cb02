//! The attacker site: a second site, served by the same process on its own port, that the
//! cross-site lessons attack the labs from.
//!
//! To a browser, `http://localhost:8800` and the labs' `http://127.0.0.1:8000` are different
//! *sites* (cookies and `SameSite` compare registrable hosts and ignore ports), so its forms,
//! images, fetches and frames are exactly what another site on the web could send.
//! `http://127.0.0.1:8800` is the same site as the labs but another *origin*: what `SameSite`
//! lets through there, only Fetch Metadata and `Origin` checks stop.
//!
//! It is its own Rocket instance ([`rocket_from`]), launched beside the labs by
//! [`crate::launch`]: its own look, its own strict CSP, and no cookies of its own; the one
//! thing it shares with the labs is the challenges' boards ([`with_challenges`]), so the
//! cookie theft its page receives (`theft.rs`) reaches the learner's board. It listens on loopback only, because its lesson needs `localhost` to name it.

pub mod attacks;
mod headers;
mod pages;
pub mod reports;
pub mod theft;

use std::sync::Arc;

use rocket::config::LogLevel;
use rocket::figment::Figment;
use rocket::fs::FileServer;
use rocket::{Build, Rocket};

use crate::challenges::Challenges;
use crate::config::{self, AttackerSettings};
use crate::site::{inspector, messages, view};

/// Where the labs answer, as the attacker's pages address them (`http://127.0.0.1:<port>`).
#[derive(Debug, Clone)]
pub struct LabsOrigin(pub String);

/// The attacker site, sharing the labs' challenge boards.
pub fn with_challenges(site: Rocket<Build>, challenges: Challenges) -> Rocket<Build> {
    site.manage(challenges)
}

/// The attacker site for the labs' figment, or `None` when `attacker_port` is `0` (or
/// unreadable: the labs' own configuration check reports that).
pub fn rocket_from(figment: &Figment) -> Option<Rocket<Build>> {
    let port = config::component::<AttackerSettings>(figment)
        .ok()?
        .enabled_port()?;
    let labs_port = figment.extract_inner::<u16>("port").unwrap_or(8000);
    if port == labs_port {
        eprintln!(
            "auth-labs: attacker_port is the labs' own port ({port}); the attacker site is off \
             (set ROCKET_ATTACKER_PORT to another port)."
        );
        return None;
    }
    let labs = LabsOrigin(format!("http://127.0.0.1:{labs_port}"));
    let template_dir = crate::template_dir(figment);
    let table = messages::Messages::load(&template_dir.join("locales")).map(Arc::new);
    let static_dir = config::component::<config::SiteSettings>(figment)
        .map(|site| site.static_dir().join("attacker"))
        .unwrap_or_else(|_| "static/attacker".into());
    // The labs' log already tells the story; the attacker prints one line when it is up.
    let quiet = match figment.extract_inner::<LogLevel>("log_level") {
        Ok(LogLevel::Off) => LogLevel::Off,
        _ => LogLevel::Critical,
    };
    let own = figment
        .clone()
        .merge(("address", "127.0.0.1"))
        .merge(("port", port))
        .merge(("ident", false))
        .merge(("log_level", quiet));
    let mut site = rocket::custom(own)
        .manage(headers::policy_for(&labs))
        .manage(labs)
        .manage(reports::Reports::default())
        .attach(headers::stage())
        .attach(rocket::fairing::AdHoc::on_liftoff(
            "Attacker site",
            |rocket| {
                Box::pin(async move {
                    let port = rocket.config().port;
                    println!(
                        "auth-labs: the attacker site (another site, for the cross-site \
                         lessons) is at http://localhost:{port}"
                    );
                })
            },
        ))
        .mount("/", pages::routes())
        .mount("/static", FileServer::from(static_dir))
        .register("/", pages::catchers());
    // For the durations on its pages, in the reader's language (`site::durations`).
    if let Ok(table) = &table {
        site = site.manage(table.clone());
    }
    // It registers no function of its own beyond the messages' (which are pure).
    Some(view::attach(site, &[], move |tera, lang| {
        tera.set_escape_fn(inspector::escape_html);
        // The messages are written into this language's copy of the templates once, here.
        let table = table.clone()?;
        let directs = messages::register(tera, &table, lang);
        messages::inline(tera, &table, lang);
        Ok(directs)
    }))
}
