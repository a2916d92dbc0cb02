//! Side by side, live: one story (log in, visit, copy the credential, log out, replay it,
//! restart, a second instance, new keys, past `exp`) run against all four labs by the server
//! itself, on app instances it starts in this process, and the comparison table of chapter 7
//! filled from what really happened, each cell linked to the exchange that decided it.
//!
//! `exchange.rs` records one request, `instance.rs` starts the instances, `visitor.rs` plays
//! Alice in one lab, `story.rs` runs the steps, `slots.rs` bounds the runs. The page's words
//! are in `templates/live/` and the message table (`live.*`).

mod exchange;
mod instance;
mod settings;
mod slots;
mod story;
mod visitor;

use crate::site::view::{context, Template};
use rocket::fairing::AdHoc;
use rocket::{get, post, routes, State};

use crate::config::{self, AppConfig};
use crate::labs::LABS;
use crate::site::origin::SameOrigin;
use crate::site::rate_limit::PeerAddress;
pub use settings::LiveSettings;
use slots::{Refusal, RunSlots, RUN_TIMEOUT};

pub const BASE: &str = "/side-by-side";

/// The bounds and the routes.
pub fn stage() -> AdHoc {
    AdHoc::try_on_ignite("Side by side, live", |rocket| async {
        match config::component::<LiveSettings>(rocket.figment()) {
            Ok(settings) => {
                let slots = RunSlots::new(&settings, rocket.figment().clone());
                Ok(rocket.manage(slots).mount(BASE, routes![page, run]))
            }
            Err(e) => {
                eprintln!("auth-labs: {e}");
                Err(rocket)
            }
        }
    })
}

/// The story, what the run does and what it costs, and the button that starts it.
#[get("/")]
fn page(slots: &State<RunSlots>) -> Template {
    render(&slots.settings, None)
}

/// Runs the story now and shows the filled table and the timeline. A slot must be free (503
/// otherwise) and this address within its runs per minute (429 otherwise).
#[post("/")]
async fn run(
    _same_origin: SameOrigin,
    peer: PeerAddress,
    slots: &State<RunSlots>,
    config: &State<AppConfig>,
) -> Result<Template, Refusal> {
    let _slot = slots.take(peer)?;
    let running = story::run(&slots.figment, config.cookies.secure);
    match rocket::tokio::time::timeout(RUN_TIMEOUT, running).await {
        Ok(Ok(run)) => Ok(render(&slots.settings, Some(run))),
        Ok(Err(instance::NotStarted)) => Err(Refusal::NotStarted),
        Err(_) => Err(Refusal::TimedOut),
    }
}

fn render(settings: &LiveSettings, run: Option<story::Run>) -> Template {
    Template::render(
        "live/index",
        context! {
            section: "side-by-side",
            labs: &LABS,
            steps: story::STEPS,
            at_once: settings.runs_at_once.get(),
            per_minute: settings.runs_per_minute.get(),
            run,
            account: visitor::ACCOUNT.0,
            short_ttl: instance::SHORT_TTL,
            timeout: RUN_TIMEOUT.as_secs(),
        },
    )
}
