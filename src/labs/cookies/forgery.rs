//! The plain-counter forgery as the counters see it. The plain and private counters count
//! together, so a plain count of 1000 or more that is ahead of the private one was written by
//! hand, and believed: solved. The defence is what the other two counters have: the same
//! edit to the signed counter (its signature no longer matches) or to the private one (it no
//! longer decrypts) is refused, which defends the challenge.

use super::cookie::{CountArrival, Refusal};
use super::counters::CounterView;
use crate::auth::arrival::Arrival;
use crate::auth::arrival::Reason;
use crate::challenges::Outcome;

/// The forged count the challenge asks for.
pub const FORGED: u64 = 1000;

/// What this visit's three counters say about the forgery, if anything.
pub fn outcome(
    plain: &CounterView,
    signed: &CounterView,
    private: &CounterView,
) -> Option<Outcome> {
    let edited = |view: &CounterView, refusals: &[Refusal]| {
        view.arrival.state == "rejected"
            && refusals
                .iter()
                .any(|refusal| view.arrival.why == Some(refusal.code()))
    };
    // The refusal first: once forged, the plain count stays ahead of the private one.
    if edited(signed, &[Refusal::Mismatch, Refusal::Unsigned])
        || edited(private, &[Refusal::Undecryptable])
    {
        return Some(Outcome::Refused);
    }
    let honest = private.previous.unwrap_or(0);
    plain
        .previous
        .is_some_and(|n| n >= FORGED && n > honest)
        .then_some(Outcome::Succeeded)
}

/// The signed-counter forgery: an edited signed counter that this browser's switches let
/// through (`verify_signed` or `bind_name` off), where the safe checks (`strict`) refuse it,
/// solves it; the same edit refused by the signature check defends it.
pub fn signed_outcome(arrived: &CountArrival, strict: &CountArrival) -> Option<Outcome> {
    let forged = matches!(
        strict,
        Arrival::Rejected(Refusal::Mismatch | Refusal::Unsigned)
    );
    match arrived {
        Arrival::Accepted(_) if forged => Some(Outcome::Succeeded),
        Arrival::Rejected(Refusal::Mismatch | Refusal::Unsigned) => Some(Outcome::Refused),
        _ => None,
    }
}
