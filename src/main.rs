//! `cargo run` starts Auth Labs on http://127.0.0.1:8000 and its attacker site on
//! http://localhost:8800 (see Rocket.toml). A built binary reads templates/, static/ and
//! docs/ at run time, so it runs wherever those folders are.

use std::process::ExitCode;

/// Like `#[launch]`, but a refused launch (say, a missing secret) ends with Rocket's short
/// explanation and exit code 1 instead of a panic and a backtrace.
#[rocket::main]
async fn main() -> ExitCode {
    match auth_labs::launch::serve(rocket::Config::figment()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            error.pretty_print();
            ExitCode::FAILURE
        }
    }
}
