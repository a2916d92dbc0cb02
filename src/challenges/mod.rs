//! Challenges the server recognises: each is an attack on a lab that the server *sees* succeed
//! (never self-reported), and then, with the defence back on, sees refused. A learner's board
//! (`GET /challenges`) shows how far they got; the class view (`crate::teacher`) shows everyone.
//!
//! - [`catalogue`]: the challenges, their labs and switches; [`board`]: one learner's progress;
//!   [`store`]: every board, bounded; [`learner`]: the browser's id and the [`Learner`] guard,
//!   the labs' one way in; [`replay`]: the JWT-after-logout bookkeeping and the one entry for
//!   every token a JWT lab judges; [`tokens`]: the JWT switch challenges; [`sessions`]: the
//!   sessions lab's (replay, fixation, lost update); [`watch`]: what is learnt from responses
//!   (forged logins, the "Solved" banner); `pages`: the board. The cookies lab's forgeries
//!   are read in `labs/cookies/forgery.rs`, the cookie theft on the attacker site
//!   (`attacker/theft.rs`), which shares the boards.
//!
//! A lab reports an attack with one call where it sees the outcome:
//! `learner.saw(ChallengeId::AlgNone, Outcome::Succeeded)` (the `Learner` guard among the
//! handler's arguments). `Refused` counts only after `Succeeded`: it moves solved to defended.

pub mod board;
pub mod catalogue;
pub mod learner;
mod pages;
pub mod replay;
pub mod sessions;
pub mod settings;
pub mod store;
pub mod tokens;
pub mod watch;

use rocket::fairing::AdHoc;

pub use board::{Outcome, State};
pub use catalogue::{ChallengeId, CHALLENGES};
pub use learner::{Learner, LearnerId, LEARNER_COOKIE};
pub use settings::ChallengeSettings;
pub use store::Challenges;
pub use tokens::TokenVerdict;

pub const BASE: &str = "/challenges";

/// The boards (sized by the settings), the board's routes and the watching fairing.
pub fn stage() -> AdHoc {
    AdHoc::try_on_ignite("Challenges", |rocket| async {
        let settings = match crate::config::component::<ChallengeSettings>(rocket.figment()) {
            Ok(settings) => settings,
            Err(e) => {
                eprintln!("auth-labs: {e}");
                return Err(rocket);
            }
        };
        Ok(rocket
            .manage(Challenges::new(&settings))
            .mount(BASE, pages::routes())
            .attach(watch::Watch))
    })
}
