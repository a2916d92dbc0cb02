//! This lab's one-shot messages. A flash carries a message code (its words are in the message
//! table under `[cookies.flash]`), and for the removal experiment the `Set-Cookie` line it
//! sent, as `code<TAB>line` (a validated line never holds a tab). The lab's pages render the
//! notice themselves (`templates/labs/cookies/notice.html.tera`), so the words can use the line.

use serde::Serialize;

use crate::site::flash::Notice;

pub const LOGGED_IN: &str = "cookies.flash.logged_in";
pub const LOGGED_OUT: &str = "cookies.flash.logged_out";
pub const RETIRED_KEY: &str = "cookies.flash.retired_key";
pub const CRUMB_SET: &str = "cookies.flash.crumb_set";
pub const REMOVAL_SENT: &str = "cookies.flash.removal_sent";
const CODES: [&str; 5] = [LOGGED_IN, LOGGED_OUT, RETIRED_KEY, CRUMB_SET, REMOVAL_SENT];

/// The flash message for a removal: the code and the line that was sent.
pub fn removal_sent(line: &str) -> String {
    format!("{REMOVAL_SENT}\t{line}")
}

/// A flash of this lab, ready for the template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LabNotice {
    pub kind: String,
    pub code: &'static str,
    /// The `Set-Cookie` line a removal sent, and the cookie name it starts with.
    pub line: Option<String>,
    pub name: Option<String>,
}

impl LabNotice {
    /// `None` for a flash this lab did not write (an edited cookie, another lab's message).
    pub fn from_flash(flash: Notice) -> Option<LabNotice> {
        let (code, line) = match flash.message.split_once('\t') {
            Some((code, line)) => (code, Some(line.to_string())),
            None => (flash.message.as_str(), None),
        };
        let code = CODES.into_iter().find(|known| *known == code)?;
        // A removal notice without its line was not written by this lab.
        if (code == REMOVAL_SENT) != line.is_some() {
            return None;
        }
        let name = line
            .as_deref()
            .and_then(|l| l.split_once('='))
            .map(|(name, _)| name.to_string());
        Some(LabNotice {
            kind: flash.kind,
            code,
            line,
            name,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flash(message: &str) -> Notice {
        Notice {
            kind: "success".into(),
            message: message.into(),
        }
    }

    #[test]
    fn a_removal_notice_carries_its_line_and_unknown_codes_are_dropped() {
        let notice = LabNotice::from_flash(flash(&removal_sent("crumb=; Path=/"))).expect("ours");
        assert_eq!(notice.code, REMOVAL_SENT);
        assert_eq!(notice.line.as_deref(), Some("crumb=; Path=/"));
        assert_eq!(notice.name.as_deref(), Some("crumb"));
        assert_eq!(
            LabNotice::from_flash(flash(LOGGED_IN)).map(|n| n.code),
            Some(LOGGED_IN)
        );
        assert_eq!(LabNotice::from_flash(flash("Hello there")), None);
        assert_eq!(LabNotice::from_flash(flash(REMOVAL_SENT)), None);
        assert_eq!(
            LabNotice::from_flash(flash("sessions.flash.logged_in")),
            None
        );
    }
}
