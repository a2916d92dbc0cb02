//! The background sweep: every `session_sweep_interval`, expired sessions leave the store, so
//! memory holds only live ones even when nobody comes back to find theirs expired.

use std::time::Duration;

use rocket::fairing::AdHoc;
use rocket::tokio::time::{interval, MissedTickBehavior};
use time::OffsetDateTime;

use super::store::SessionStore;

/// Starts the sweep at liftoff and stops it at shutdown.
pub(crate) fn sweeper(store: SessionStore, every: Duration) -> AdHoc {
    AdHoc::on_liftoff("Session sweeper", move |rocket| {
        let shutdown = rocket.shutdown();
        Box::pin(async move {
            rocket::tokio::spawn(async move {
                let mut ticks = interval(every);
                ticks.set_missed_tick_behavior(MissedTickBehavior::Delay);
                rocket::tokio::select! {
                    _ = async {
                        loop {
                            ticks.tick().await;
                            // A store that does not answer is tried again at the next tick.
                            let _ = store.sweep(OffsetDateTime::now_utc()).await;
                        }
                    } => {}
                    _ = shutdown => {}
                }
            });
        })
    })
}
