//! The in-memory user directory shared by every lab. Refusals are codes; the words, and the
//! rules shown on the registration form, live in the message table (`register.*`).

use std::collections::HashMap;
use std::fmt;
use std::sync::RwLock;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use rand::RngCore;

use super::password::{HashError, PasswordHasher};

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

/// Accounts by username.
pub struct UserDirectory {
    users: RwLock<HashMap<String, Account>>,
    capacity: usize,
    hasher: PasswordHasher,
}

/// Why a registration was refused; `code()` names its sentence (`register.error.<code>`).
#[derive(Debug, PartialEq, Eq)]
pub enum RegisterError {
    InvalidUsername,
    InvalidPassword,
    Taken,
    Full(usize),
    Hashing,
}

impl RegisterError {
    pub fn code(&self) -> &'static str {
        match self {
            RegisterError::InvalidUsername => "invalid_username",
            RegisterError::InvalidPassword => "invalid_password",
            RegisterError::Taken => "taken",
            RegisterError::Full(_) => "full",
            RegisterError::Hashing => "hashing",
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
            users: RwLock::new(users),
            capacity,
            hasher,
        })
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
        let stored = self.stored_hash(username);
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
        // Check again under the write lock: another request may have won the race.
        let mut users = self
            .users
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if users.contains_key(username) {
            return Err(RegisterError::Taken);
        }
        if users.len() >= self.capacity {
            return Err(RegisterError::Full(self.capacity));
        }
        let account = Account {
            id: AccountId::generate(),
            phc: phc.clone(),
        };
        users.insert(username.to_string(), account);
        Ok(phc)
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
