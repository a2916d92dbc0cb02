//! One vocabulary for what arrived with a request: every lab's credential reader answers
//! *absent*, *rejected* (and why), or *accepted* (and what it proved), and one template macro
//! (`macros/arrival`) renders that answer the same way on every page.

use serde::Serialize;

/// What a lab found where its credential should be (a cookie, a header).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival<T, Why> {
    /// Nothing arrived: a first visit, after logout, or the browser dropped it.
    Absent,
    /// Something arrived and was refused, for this reason; it is ignored, never trusted.
    Rejected(Why),
    /// It checked out; this is what it proved.
    Accepted(T),
}

/// A reason a credential was refused, as a stable code. The words for each code live in the
/// message table (`templates/locales/en/messages.ftl`), so pages can be translated without Rust changes.
pub trait Reason {
    fn code(&self) -> &'static str;
}

/// The arrival as templates see it: `{"state": "rejected", "why": "undecryptable"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ArrivalView {
    pub state: &'static str,
    pub why: Option<&'static str>,
}

impl<T, Why: Reason> Arrival<T, Why> {
    pub fn accepted(&self) -> Option<&T> {
        match self {
            Arrival::Accepted(value) => Some(value),
            _ => None,
        }
    }

    pub fn into_accepted(self) -> Option<T> {
        match self {
            Arrival::Accepted(value) => Some(value),
            _ => None,
        }
    }

    pub fn view(&self) -> ArrivalView {
        match self {
            Arrival::Absent => ArrivalView {
                state: "absent",
                why: None,
            },
            Arrival::Rejected(why) => ArrivalView {
                state: "rejected",
                why: Some(why.code()),
            },
            Arrival::Accepted(_) => ArrivalView {
                state: "accepted",
                why: None,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Edited;
    impl Reason for Edited {
        fn code(&self) -> &'static str {
            "edited"
        }
    }

    #[test]
    fn each_state_has_its_name_and_only_a_refusal_has_a_reason() {
        let absent: Arrival<u8, Edited> = Arrival::Absent;
        assert_eq!(
            absent.view(),
            ArrivalView {
                state: "absent",
                why: None
            }
        );
        let rejected: Arrival<u8, Edited> = Arrival::Rejected(Edited);
        assert_eq!(
            rejected.view(),
            ArrivalView {
                state: "rejected",
                why: Some("edited")
            }
        );
        let accepted: Arrival<u8, Edited> = Arrival::Accepted(7);
        assert_eq!(accepted.view().state, "accepted");
        assert_eq!(accepted.accepted(), Some(&7));
    }
}
