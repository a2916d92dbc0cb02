//! Password hashing with argon2id (OWASP Password Storage Cheat Sheet: m=19 MiB, t=2, p=1).
//!
//! Hashing is slow on purpose, so it runs on Tokio's blocking pool: an async worker that
//! hashed inline would stall every other request it was serving.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier as _, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use std::sync::Arc;

use rocket::tokio::sync::Semaphore;
use rocket::tokio::task::spawn_blocking;

use crate::config::AppConfig;

/// Hashes and verifies passwords with one fixed set of argon2id parameters.
#[derive(Clone)]
pub struct PasswordHasher {
    params: Params,
    /// A real hash of a random password: unknown usernames are checked against it so that
    /// "no such user" takes as long as "wrong password" (no username enumeration by timing).
    dummy_hash: String,
    /// How many hashes may run at once: one core fewer than the machine has (at least one),
    /// so a burst of logins queues up instead of starving the request workers of CPU.
    permits: Arc<Semaphore>,
}

#[derive(Debug)]
pub struct HashError(pub String);

impl PasswordHasher {
    /// Builds the hasher and its dummy hash (one hash at start-up).
    pub async fn new(config: &AppConfig) -> Result<PasswordHasher, HashError> {
        let params = Params::new(
            config.passwords.m_cost,
            config.passwords.t_cost,
            config.passwords.p_cost,
            None,
        )
        .map_err(|e| HashError(e.to_string()))?;
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let mut hasher = PasswordHasher {
            params,
            dummy_hash: String::new(),
            permits: Arc::new(Semaphore::new(cores.saturating_sub(1).max(1))),
        };
        let salt = SaltString::generate(&mut OsRng);
        hasher.dummy_hash = hasher.hash(salt.as_str().to_string()).await?;
        Ok(hasher)
    }

    fn argon2(params: Params) -> Argon2<'static> {
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
    }

    /// Returns the PHC string, e.g. `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`.
    pub async fn hash(&self, password: String) -> Result<String, HashError> {
        let params = self.params.clone();
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|e| HashError(e.to_string()))?;
        spawn_blocking(move || {
            let salt = SaltString::generate(&mut OsRng);
            Self::argon2(params)
                .hash_password(password.as_bytes(), &salt)
                .map(|hash| hash.to_string())
                .map_err(|e| HashError(e.to_string()))
        })
        .await
        .map_err(|e| HashError(e.to_string()))?
    }

    /// Checks `password` against `stored` (a PHC string), or against the dummy hash when
    /// there is no stored hash; in that case the answer is always `false`.
    pub async fn verify(&self, stored: Option<String>, password: String) -> bool {
        let known = stored.is_some();
        let phc = stored.unwrap_or_else(|| self.dummy_hash.clone());
        let params = self.params.clone();
        let Ok(_permit) = self.permits.acquire().await else {
            return false;
        };
        let matched = spawn_blocking(move || {
            PasswordHash::new(&phc)
                .map(|parsed| {
                    Self::argon2(params)
                        .verify_password(password.as_bytes(), &parsed)
                        .is_ok()
                })
                .unwrap_or(false)
        })
        .await
        .unwrap_or(false);
        known && matched
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rocket::figment::Figment;

    fn hasher() -> PasswordHasher {
        let config = AppConfig::from_figment(&Figment::new().select("debug")).expect("config");
        rocket::execute(PasswordHasher::new(&config)).expect("hasher")
    }

    #[test]
    fn hash_is_argon2id_with_owasp_parameters_and_verifies() {
        let hasher = hasher();
        let phc = rocket::execute(hasher.hash("wonderland".into())).expect("hash");
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
        assert!(rocket::execute(
            hasher.verify(Some(phc.clone()), "wonderland".into())
        ));
        assert!(!rocket::execute(
            hasher.verify(Some(phc), "Wonderland".into())
        ));
    }

    #[test]
    fn same_password_gets_a_fresh_salt_each_time() {
        let hasher = hasher();
        let a = rocket::execute(hasher.hash("builder1".into())).expect("hash");
        let b = rocket::execute(hasher.hash("builder1".into())).expect("hash");
        assert_ne!(a, b);
    }

    #[test]
    fn unknown_user_never_verifies_even_with_the_dummy_password() {
        let hasher = hasher();
        // Whatever the password, the dummy hash path answers false.
        assert!(!rocket::execute(hasher.verify(None, String::new())));
        assert!(!rocket::execute(hasher.verify(None, "anything".into())));
    }

    #[test]
    fn malformed_stored_hash_fails_closed() {
        let hasher = hasher();
        assert!(!rocket::execute(
            hasher.verify(Some("not a phc".into()), "x".into())
        ));
    }
}
