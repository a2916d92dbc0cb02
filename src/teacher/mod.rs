//! The class view: a teacher running one server for a class sees every learner's board
//! (learners × challenges, hints, last activity) beside the exercise results students submit
//! from their clones, resets boards, and exports the matrix as CSV.
//!
//! It exists only when the setting `teacher_token` is set: unset, nothing is mounted and
//! `/teacher` is a 404. Outside the `debug` profile the token must be a strong secret, checked
//! like the others (`src/config/secrets.rs`). [`access`] checks the token and the class code,
//! [`matrix`] builds the rows, [`results`] takes exercise results, `pages` serves it all.

pub mod access;
pub mod matrix;
mod pages;
pub mod results;

use rocket::fairing::AdHoc;
use rocket::routes;

use crate::challenges::ChallengeSettings;
use crate::config::AppConfig;
use access::TeacherKey;
use results::Results;

pub const BASE: &str = "/teacher";

pub fn stage() -> AdHoc {
    AdHoc::on_ignite("Class view", |rocket| async {
        let Some(token) = rocket
            .state::<AppConfig>()
            .and_then(|config| config.teacher_token.clone())
        else {
            return rocket;
        };
        let capacity = crate::config::component::<ChallengeSettings>(rocket.figment())
            .map_or(2_000, |settings| settings.learner_capacity.get());
        rocket
            .manage(TeacherKey::new(&token))
            .manage(Results::new(capacity))
            .mount(
                BASE,
                routes![
                    pages::index,
                    pages::login_form,
                    pages::login,
                    pages::logout,
                    pages::reset_one,
                    pages::reset_all,
                    pages::export,
                    results::submit,
                    results::not_json
                ],
            )
    })
}
