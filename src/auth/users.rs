//! The user directory shared by every lab: in this process's memory, and, when
//! `session_store` is a Redis URL, in Redis too (`shared_accounts.rs`), so every instance
//! knows every account. Refusals are codes; the words, and the rules shown on the registration
//! form, live in the message table (`register.*`).

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, RwLock};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use rand::RngCore;

use super::password::{HashError, PasswordHasher};
use super::shared_accounts::{Registered, SharedAccounts};
use crate::redis_link::StoreDown;

/// The demo accounts, shown on every login page.
pub const DEMO_ACCOUNTS: [(&str, &str); 2] = [("alice", "wonderland"), ("bob", "builder")];

/// The demo accounts as the login pages list them.
pub fn demo_accounts() -> Vec<[&'static str; 2]> {
    DEMO_ACCOUNTS.iter().map(|(u, p)| [*u, *p]).collect()
}

/// Which account a name belongs to. A registered account gets 128 random bits, so an account
/// registered later under the same name (after a restart, say) is a different one and a
/// credential naming the old one does not pass to it. A demo account's id is fixed
/// (`demo-alice`), so its logins survive a restart, as the demo accounts themselves do.
#[derive(Clone, PartialEq, Eq)]
pub struct AccountId(String);

impl AccountId {
    pub(crate) fn generate() -> AccountId {
        let mut bytes = [0u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        AccountId(URL_SAFE_NO_PAD.encode(bytes))
    }

    pub(crate) fn demo(username: &str) -> AccountId {
        AccountId(format!("demo-{username}"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for AccountId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for AccountId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AccountId({})", self.0)
    }
}

/// One account: its identity and its argon2id PHC string (never the password).
struct Account {
    id: AccountId,
    phc: String,
}

/// Accounts by username. With Redis, Redis holds the accounts and `users` is this
/// instance's copy: logins and registrations ask Redis, `account_id` (which the cookies lab
/// calls on every request, without waiting) reads the copy, refreshed by [`UserDirectory::sync`].
#[derive(Clone)]
pub struct UserDirectory {
    users: Arc<RwLock<HashMap<String, Account>>>,
    capacity: usize,
    hasher: PasswordHasher,
    shared: Option<SharedAccounts>,
}

/// Why a registration was refused; `code()` names its sentence (`register.error.<code>`).
#[derive(Debug, PartialEq, Eq)]
pub enum RegisterError {
    InvalidUsername,
    InvalidPassword,
    Taken,
    Full(usize),
    Hashing,
    /// The shared store (Redis) did not answer: nothing was added.
    Unavailable,
}

impl RegisterError {
    pub fn code(&self) -> &'static str {
        match self {
            RegisterError::InvalidUsername => "invalid_username",
            RegisterError::InvalidPassword => "invalid_password",
            RegisterError::Taken => "taken",
            RegisterError::Full(_) => "full",
            RegisterError::Hashing => "hashing",
            RegisterError::Unavailable => "unavailable",
        }
    }
}

pub fn valid_username(name: &str) -> bool {
    (3..=32).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

pub fn valid_password(password: &str) -> bool {
    (8..=128).contains(&password.chars().count())
}

impl UserDirectory {
    /// A directory holding the demo accounts (hashed now, at start-up).
    pub async fn with_demo_accounts(
        hasher: PasswordHasher,
        capacity: usize,
    ) -> Result<UserDirectory, HashError> {
        let mut users = HashMap::new();
        for (name, password) in DEMO_ACCOUNTS {
            let phc = hasher.hash(password.to_string()).await?;
            let id = AccountId::demo(name);
            users.insert(name.to_string(), Account { id, phc });
        }
        Ok(UserDirectory {
            users: Arc::new(RwLock::new(users)),
            capacity,
            hasher,
            shared: None,
        })
    }

    /// Keeps the accounts in Redis too, shared with every instance using it.
    pub fn shared_through(self, shared: SharedAccounts) -> UserDirectory {
        UserDirectory {
            shared: Some(shared),
            ..self
        }
    }

    /// With Redis: adds the demo accounts there unless they are already (so every instance
    /// may do it, any time: after a Redis restart, say), then copies every account here.
    pub async fn sync(&self) -> Result<(), StoreDown> {
        let Some(shared) = &self.shared else {
            return Ok(());
        };
        for (name, _) in DEMO_ACCOUNTS {
            if let Some((id, phc)) = self.local(name) {
                shared.seed(name, id.as_str(), &phc).await?;
            }
        }
        let accounts = shared.all().await?;
        let mut users = self.write();
        users.clear();
        for (name, (id, phc)) in accounts {
            users.insert(
                name,
                Account {
                    id: AccountId(id),
                    phc,
                },
            );
        }
        Ok(())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, HashMap<String, Account>> {
        self.users
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// This instance's copy of one account.
    fn local(&self, username: &str) -> Option<(AccountId, String)> {
        let users = self
            .users
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        users
            .get(username)
            .map(|account| (account.id.clone(), account.phc.clone()))
    }

    /// The account's PHC string: with Redis, as Redis has it now (a copy here is refreshed;
    /// a demo account Redis lost is seeded again); when Redis does not answer, this
    /// instance's copy, so the labs that need no shared state keep working.
    async fn current_hash(&self, username: &str) -> Option<String> {
        let Some(shared) = &self.shared else {
            return self.stored_hash(username);
        };
        match shared.fetch(username).await {
            Ok(Some((id, phc))) => {
                let account = Account {
                    id: AccountId(id),
                    phc: phc.clone(),
                };
                self.write().insert(username.to_string(), account);
                Some(phc)
            }
            Ok(None) if DEMO_ACCOUNTS.iter().any(|(name, _)| *name == username) => {
                // Seeding again is best effort: the local demo hash answers either way.
                let _ = self.sync().await;
                self.stored_hash(username)
            }
            Ok(None) => {
                self.write().remove(username);
                None
            }
            Err(StoreDown) => self.stored_hash(username),
        }
    }

    fn stored_hash(&self, username: &str) -> Option<String> {
        let users = self
            .users
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        users.get(username).map(|account| account.phc.clone())
    }

    /// The identity of the account called `username`, if there is one now.
    pub fn account_id(&self, username: &str) -> Option<AccountId> {
        let users = self
            .users
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        users.get(username).map(|account| account.id.clone())
    }

    fn len(&self) -> usize {
        let users = self
            .users
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        users.len()
    }

    /// Returns the username when the password matches. Unknown usernames take the same
    /// time as wrong passwords, and the caller cannot tell the two apart.
    pub async fn authenticate(&self, username: &str, password: &str) -> Option<String> {
        let stored = self.current_hash(username).await;
        self.hasher
            .verify(stored, password.to_string())
            .await
            .then(|| username.to_string())
    }

    /// Adds an account and returns its PHC string (shown to the learner on the result page).
    pub async fn register(&self, username: &str, password: &str) -> Result<String, RegisterError> {
        // Password rules use characters, not bytes: "비밀번호1234" counts as 8.
        if !valid_username(username) {
            return Err(RegisterError::InvalidUsername);
        }
        if !valid_password(password) {
            return Err(RegisterError::InvalidPassword);
        }
        // Cheap checks first, so a taken name or a full directory costs no hashing.
        if self.stored_hash(username).is_some() {
            return Err(RegisterError::Taken);
        }
        if self.len() >= self.capacity {
            return Err(RegisterError::Full(self.capacity));
        }
        let phc = self
            .hasher
            .hash(password.to_string())
            .await
            .map_err(|_| RegisterError::Hashing)?;
        let id = AccountId::generate();
        if let Some(shared) = &self.shared {
            return self.register_shared(shared, username, id, phc).await;
        }
        // Check again under the write lock: another request may have won the race.
        let mut users = self.write();
        if users.contains_key(username) {
            return Err(RegisterError::Taken);
        }
        if users.len() >= self.capacity {
            return Err(RegisterError::Full(self.capacity));
        }
        let account = Account {
            id,
            phc: phc.clone(),
        };
        users.insert(username.to_string(), account);
        Ok(phc)
    }

    /// Registration with Redis: Redis decides, atomically, whether the name is free and the
    /// directory has room; this instance's copy follows.
    async fn register_shared(
        &self,
        shared: &SharedAccounts,
        username: &str,
        id: AccountId,
        phc: String,
    ) -> Result<String, RegisterError> {
        let answer = shared
            .register(username, id.as_str(), &phc, self.capacity)
            .await
            .map_err(|StoreDown| RegisterError::Unavailable)?;
        match answer {
            Registered::Added => {
                let account = Account {
                    id,
                    phc: phc.clone(),
                };
                self.write().insert(username.to_string(), account);
                Ok(phc)
            }
            Registered::Taken => Err(RegisterError::Taken),
            Registered::Full => Err(RegisterError::Full(self.capacity)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn username_rule_accepts_only_lowercase_ascii_digits_dash_underscore() {
        for ok in ["abc", "carol_99", "dave-x", &"a".repeat(32)] {
            assert!(valid_username(ok), "{ok}");
        }
        for bad in [
            "ab",
            "Alice",
            "al ice",
            "<script>",
            "élodie",
            &"a".repeat(33),
            "",
        ] {
            assert!(!valid_username(bad), "{bad}");
        }
    }

    #[test]
    fn demo_ids_are_fixed_and_registered_ids_are_random() {
        assert_eq!(AccountId::demo("alice").as_str(), "demo-alice");
        let (one, other) = (AccountId::generate(), AccountId::generate());
        assert_ne!(one, other);
        assert_eq!(one.as_str().len(), 22, "128 bits in base64url");
    }

    #[test]
    fn password_rule_counts_characters_not_bytes() {
        assert!(valid_password("12345678"));
        assert!(valid_password("비밀번호비밀번호"));
        assert!(!valid_password("1234567"));
        assert!(!valid_password(&"x".repeat(129)));
    }
}
