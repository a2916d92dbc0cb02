//! The decoder's verdict. With a key given, it is that key's word on the signature alone
//! ([`verify::check`]). With none, it is this app's: the full check every lab makes (valid
//! for which lab and whom, or exactly why not), and whether the signature itself held, which
//! is `unchecked` for a token that does not claim to come from this app: its key is not ours
//! to know, so the learner is asked for it.

use serde::Serialize;

use super::key::{self, GivenKey, KeyError, SecretEncoding};
use super::verify::{self, Checked, Signature};
use crate::auth::jwt::{decode_unverified, Audience, JwtKeys, RejectionView, ISSUER};

/// What the page says about the token's signature and claims.
#[derive(Serialize)]
pub struct Verdict {
    pub valid: bool,
    /// The app's rejection code, or the given key's `tools.jwt.checked.<code>`.
    pub code: &'static str,
    pub signature: Signature,
    /// With a key given: what checking with it found.
    pub checked: Option<Checked>,
    /// The given key could not be used.
    pub key_error: Option<KeyError>,
    pub iss: Option<String>,
    pub aud: Option<String>,
    /// The route-name prefix of the lab the token is for (`jwt-cookie`), if known.
    pub lab: Option<&'static str>,
    pub user: Option<String>,
    pub rejection: Option<RejectionView>,
}

impl Verdict {
    fn blank(code: &'static str, signature: Signature) -> Verdict {
        Verdict {
            valid: false,
            code,
            signature,
            checked: None,
            key_error: None,
            iss: None,
            aud: None,
            lab: None,
            user: None,
            rejection: None,
        }
    }
}

/// The verdict on `token`: with the secret or public key given, else with this app's keys.
pub fn of(
    token: &str,
    keys: &JwtKeys,
    app_secret: &[u8],
    secret: Option<(&str, SecretEncoding)>,
    public_key: Option<&str>,
) -> Verdict {
    let unverified = decode_unverified(token).ok();
    let kid = unverified
        .as_ref()
        .and_then(|t| t.header.get("kid"))
        .and_then(|k| k.as_str());
    let given = match (secret, public_key) {
        (None, None) => return of_app(token, keys, app_secret),
        (Some(_), Some(_)) => Err(KeyError("both_keys")),
        (Some((text, encoding)), None) => key::secret(text, encoding),
        (None, Some(text)) => key::public(text, kid),
    };
    let key = match given {
        Ok(key) => key,
        Err(error) => {
            return Verdict {
                key_error: Some(error),
                ..Verdict::blank("key_error", Signature::Unchecked)
            }
        }
    };
    // Nothing to check a key against: the app's verdict says why the token is unreadable.
    let Some(unverified) = unverified else {
        return of_app(token, keys, app_secret);
    };
    let checked = verify::check(&unverified, &key);
    Verdict {
        valid: checked.signature == Signature::Valid,
        code: checked.code,
        signature: checked.signature,
        checked: Some(checked),
        ..Verdict::blank("", Signature::Unchecked)
    }
}

/// This app's verdict, as every lab would give it.
fn of_app(token: &str, keys: &JwtKeys, app_secret: &[u8]) -> Verdict {
    let signature = match decode_unverified(token) {
        Err(_) => Signature::Unchecked,
        Ok(t) => match verify::check(&t, &GivenKey::app(app_secret)) {
            c if c.signature == Signature::Valid => Signature::Valid,
            c if c.code == "alg_none" => Signature::Invalid,
            // It says it is ours, and our key says it is not: forged or edited.
            _ if t.payload.get("iss").and_then(|i| i.as_str()) == Some(ISSUER) => {
                Signature::Invalid
            }
            _ => Signature::Unchecked,
        },
    };
    match keys.verify_any_lab(token) {
        Ok(claims) => Verdict {
            valid: true,
            lab: claims.audience().map(Audience::lab),
            user: claims.username().map(str::to_string),
            iss: Some(claims.iss),
            aud: Some(claims.aud),
            ..Verdict::blank("valid", signature)
        },
        Err(rejection) => Verdict {
            rejection: Some(rejection.view()),
            ..Verdict::blank(rejection.code(), signature)
        },
    }
}
