//! The lost-update demonstration: the lab page's button (`static/js/lost-update.js`) reads the
//! count here, fires 50 visits to the lab page at once, reads the count again and shows how
//! many of the 50 were lost. With `resave` off none are; with it on, visits that overlap write
//! the same stale copy back.

use rocket::serde::json::Json;
use rocket::{get, State};
use serde::Serialize;
use time::OffsetDateTime;

use super::guard::SessionCookie;
use super::store::SessionStore;
use crate::labs::credential::LabCookies;
use crate::site::error::AppError;

/// This browser's count, without counting a visit.
#[derive(Debug, Serialize)]
pub struct VisitCount {
    /// `null` when this browser has no live session (nothing is stored yet).
    visits: Option<u64>,
}

/// `GET BASE/count`: a read, so it needs no same-origin check (another site's page cannot read
/// the answer: no CORS header allows it).
#[get("/count")]
pub async fn visit_count(
    cookies: LabCookies<'_>,
    store: &State<SessionStore>,
) -> Result<Json<VisitCount>, AppError> {
    let visits = match SessionCookie::read(&cookies).id() {
        Some(id) => store.get(&id, OffsetDateTime::now_utc()).await?,
        None => None,
    }
    .map(|session| session.visits);
    Ok(Json(VisitCount { visits }))
}
