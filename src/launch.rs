//! Running the labs and the attacker site from one process: two Rocket instances whose
//! `launch()` futures run together on one runtime. The labs decide: a configuration they
//! refuse stops everything; an attacker site that cannot start (its port is taken) is one
//! log line and the labs run on; when the labs stop, the attacker site stops with them.

use rocket::error::ErrorKind;
use rocket::figment::Figment;

use crate::attacker;
use crate::challenges::Challenges;

/// Runs both sites until the labs shut down. `Err` carries the labs' own launch error.
pub async fn serve(figment: Figment) -> Result<(), rocket::Error> {
    let labs = crate::rocket_from(figment.clone()).ignite().await?;
    let boards = labs.state::<Challenges>().cloned();
    let site = attacker::rocket_from(&figment).map(|site| match boards {
        Some(boards) => attacker::with_challenges(site, boards),
        None => site,
    });
    let attacker = match site {
        Some(site) => match site.ignite().await {
            Ok(site) => Some(site),
            Err(e) => {
                eprintln!("auth-labs: the attacker site is off: {}", describe(&e));
                None
            }
        },
        None => None,
    };
    let stop_attacker = attacker.as_ref().map(|site| site.shutdown());
    let port = attacker.as_ref().map(|site| site.config().port);
    let labs_run = async move {
        let result = labs.launch().await;
        if let Some(stop) = stop_attacker {
            stop.notify();
        }
        result
    };
    let attacker_run = async move {
        if let Some(site) = attacker {
            if let Err(e) = site.launch().await {
                eprintln!(
                    "auth-labs: the attacker site could not start on port {}: {}; the labs run \
                     without it (set ROCKET_ATTACKER_PORT to another port, or 0 to turn it off).",
                    port.unwrap_or_default(),
                    describe(&e)
                );
            }
        }
    };
    let (labs_result, ()) = rocket::tokio::join!(labs_run, attacker_run);
    labs_result.map(|_| ())
}

/// One line for a launch error (reading its kind also marks it handled, so Rocket does not
/// panic when it is dropped).
fn describe(error: &rocket::Error) -> String {
    match error.kind() {
        ErrorKind::Bind(io) => io.to_string(),
        other => other.to_string(),
    }
}
