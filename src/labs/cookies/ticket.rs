//! What the `user` cookie carries, encrypted: who logged in (the username and the account's
//! id), when, and until when. The server keeps no record of the login, so every request checks
//! all of it: the login has not expired, and the account still exists and is the same one.
//! Encryption proves the server wrote the value; only what is inside says whether it still holds.

use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

use super::cookie::Refusal;
use crate::auth::users::AccountId;

/// The format written today. A value without it (the bare username earlier versions wrote)
/// is refused: it says nothing about when it was issued or for which account.
const VERSION: u8 = 1;

/// One login, as JSON inside the encrypted cookie:
/// `{"v":1,"user":"alice","account":"demo-alice","iat":1767268800,"exp":1767297600}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginTicket {
    v: u8,
    pub user: String,
    /// The account's id when the login was issued ([`AccountId`]).
    pub account: String,
    /// Issued at and expires at, in Unix seconds (as a JWT's `iat` and `exp`).
    pub iat: i64,
    pub exp: i64,
}

impl LoginTicket {
    /// A login for `user` (account `account`), accepted until `now + lifetime`.
    pub fn issue(
        user: &str,
        account: &AccountId,
        now: OffsetDateTime,
        lifetime: Duration,
    ) -> LoginTicket {
        LoginTicket {
            v: VERSION,
            user: user.to_string(),
            account: account.to_string(),
            iat: now.unix_timestamp(),
            exp: (now + lifetime).unix_timestamp(),
        }
    }

    /// The JSON the cookie encrypts.
    pub fn encode(&self) -> String {
        // A struct of strings and integers always serializes; an empty value would be refused.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a decrypted value; anything but this version's JSON is [`Refusal::OldFormat`].
    pub fn decode(text: &str) -> Result<LoginTicket, Refusal> {
        let ticket: LoginTicket = serde_json::from_str(text).map_err(|_| Refusal::OldFormat)?;
        let times_valid = OffsetDateTime::from_unix_timestamp(ticket.iat).is_ok()
            && OffsetDateTime::from_unix_timestamp(ticket.exp).is_ok();
        if ticket.v != VERSION || ticket.user.is_empty() || !times_valid {
            return Err(Refusal::OldFormat);
        }
        Ok(ticket)
    }

    /// Accepts the login at `now` if it has not expired and `current` (the id of the account
    /// now called `user`, if any) is the account it was issued for.
    pub fn check(
        self,
        now: OffsetDateTime,
        current: Option<&AccountId>,
    ) -> Result<LoginTicket, Refusal> {
        // Expired at `exp` itself, as a JWT is (RFC 7519 §4.1.4: now must be before it).
        if now.unix_timestamp() >= self.exp {
            return Err(Refusal::Expired);
        }
        match current {
            None => Err(Refusal::NoAccount),
            Some(id) if id.as_str() != self.account => Err(Refusal::OtherAccount),
            Some(_) => Ok(self),
        }
    }

    pub fn issued(&self) -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp(self.iat).unwrap_or(OffsetDateTime::UNIX_EPOCH)
    }

    pub fn expires(&self) -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp(self.exp).unwrap_or(OffsetDateTime::UNIX_EPOCH)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const T0: OffsetDateTime = datetime!(2026-01-01 12:00 UTC);

    fn alice() -> LoginTicket {
        LoginTicket::issue("alice", &AccountId::demo("alice"), T0, Duration::hours(8))
    }

    #[test]
    fn a_ticket_round_trips_and_is_accepted_for_its_account_until_it_expires() {
        let ticket = LoginTicket::decode(&alice().encode()).expect("this format");
        assert_eq!(ticket, alice());
        let id = AccountId::demo("alice");
        let almost = T0 + Duration::hours(8) - Duration::seconds(1);
        assert_eq!(ticket.clone().check(almost, Some(&id)), Ok(alice()));
        assert_eq!(
            ticket.check(T0 + Duration::hours(8), Some(&id)),
            Err(Refusal::Expired)
        );
    }

    #[test]
    fn a_vanished_or_replaced_account_is_refused() {
        assert_eq!(alice().check(T0, None), Err(Refusal::NoAccount));
        let newcomer = AccountId::generate();
        assert_eq!(
            alice().check(T0, Some(&newcomer)),
            Err(Refusal::OtherAccount)
        );
    }

    #[test]
    fn a_bare_username_or_another_version_is_the_old_format() {
        let other_version = alice().encode().replace("\"v\":1", "\"v\":2");
        for old in ["alice", "", "{}", other_version.as_str()] {
            assert_eq!(LoginTicket::decode(old), Err(Refusal::OldFormat), "{old}");
        }
    }
}
