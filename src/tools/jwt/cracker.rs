//! The HS256 cracker: an HS256 signature is HMAC-SHA256(secret, header.payload), so anyone
//! holding one token can test guesses offline, as fast as their machine computes HMACs, and
//! no server ever sees an attempt. This tries the bundled wordlist (a few thousand guesses)
//! and reports how fast it went, which is the number that shows why a 256-bit random secret
//! is out of reach: 2^256 guesses at that rate outlast the universe.

use std::time::{Duration, Instant};

use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::Sha256;

use super::key::base64url;
use super::wordlist;
use crate::auth::jwt::Unverified;

/// What a run found.
#[derive(Debug, Clone, Serialize)]
pub struct Cracked {
    /// The secret, if it was in the list.
    pub secret: Option<String>,
    pub attempts: usize,
    /// How many candidates the list holds.
    pub list_size: usize,
    pub elapsed_ms: u128,
    pub per_second: u64,
    /// `log10` of the years 2^256 guesses would take at this rate.
    pub years_log10: u32,
}

/// Why a token cannot be cracked here (`tools.jwt.crack_error.<code>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CrackError(pub &'static str);

/// The signing input and signature of an HS256 token, or why it is not one.
pub fn target(token: &Unverified) -> Result<(String, Vec<u8>), CrackError> {
    match token.header.get("alg").and_then(|a| a.as_str()) {
        Some("HS256") => {}
        _ => return Err(CrackError("not_hs256")),
    }
    let signature = base64url(&token.parts[2]).map_err(|_| CrackError("no_signature"))?;
    if signature.len() != 32 {
        return Err(CrackError("no_signature"));
    }
    Ok((format!("{}.{}", token.parts[0], token.parts[1]), signature))
}

/// Tries every word of the list (a blocking job: call it off the async runtime).
pub fn run(input: &str, signature: &[u8]) -> Cracked {
    let started = Instant::now();
    let mut attempts = 0;
    let mut secret = None;
    for word in wordlist::words() {
        attempts += 1;
        // HMAC takes a key of any length, so this cannot fail.
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(word.as_bytes()) else {
            continue;
        };
        mac.update(input.as_bytes());
        if mac.verify_slice(signature).is_ok() {
            secret = Some(word.to_string());
            break;
        }
    }
    let elapsed = started.elapsed();
    let per_second = rate(attempts, elapsed);
    Cracked {
        secret,
        attempts,
        list_size: wordlist::words().count(),
        elapsed_ms: elapsed.as_millis(),
        per_second,
        years_log10: years_log10(per_second),
    }
}

fn rate(attempts: usize, elapsed: Duration) -> u64 {
    let seconds = elapsed.as_secs_f64().max(1e-6);
    (attempts as f64 / seconds) as u64
}

/// `log10(2^256 / rate / seconds per year)`: 2^256 is about 1.16 × 10^77.
fn years_log10(per_second: u64) -> u32 {
    let guesses_log10 = 256.0 * std::f64::consts::LOG10_2;
    let per_year_log10 = (per_second.max(1) as f64 * 31_557_600.0).log10();
    (guesses_log10 - per_year_log10).floor().max(0.0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn even_a_billion_guesses_a_second_leaves_about_10_to_the_60_years() {
        assert_eq!(years_log10(1_000_000_000), 60);
        assert_eq!(years_log10(0), 69);
    }
}
