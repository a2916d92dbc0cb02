//! The cookies lab's switches: each one, at its safe default, refuses the attack it exists for;
//! turned off, lets it through and the page names the switch; another browser is unaffected.

use rocket::http::{Cookie, Status};

use crate::challenges::state_of;
use crate::support::visitor::{Browser, TestApp, COOKIES};

const SIGNED: &str = "signed_visits";

/// The signed counter as this browser holds it.
fn signed_value(browser: &Browser<'_>) -> String {
    browser
        .jar
        .get(SIGNED)
        .expect("the lab set signed_visits")
        .value()
        .to_string()
}

/// Replaces this browser's `name` cookie value, as an edit in developer tools does.
fn edit(browser: &mut Browser<'_>, name: &str, value: String) {
    let mut cookie: Cookie<'static> = browser.jar.get(name).expect("held").clone();
    cookie.set_value(value);
    browser.jar.put(cookie);
}

/// The signed card's count and verdict after a visit.
fn signed_card(browser: &mut Browser<'_>) -> (u64, String, String) {
    let page = browser.get(COOKIES);
    let count = page
        .text("signed-visits")
        .expect("signed count")
        .parse()
        .expect("a number");
    (
        count,
        page.text("signed-verdict").expect("verdict"),
        page.body,
    )
}

#[test]
fn an_edited_signed_counter_is_believed_only_while_verify_signed_is_off() {
    let app = TestApp::spawn();
    let mut learner = Browser::new(&app);
    learner.get(COOKIES);
    let (_, tag) = signed_value(&learner)
        .split_once('.')
        .map(|(v, t)| (v.to_string(), t.to_string()))
        .expect("value.tag");
    let forged = format!("1000.{tag}");

    edit(&mut learner, SIGNED, forged.clone());
    let (count, verdict, _) = signed_card(&mut learner);
    assert_eq!(
        (count, verdict.as_str()),
        (1, "signature did not match"),
        "safe default"
    );

    learner.switch(COOKIES, &[("verify_signed", "false")]);
    edit(&mut learner, SIGNED, forged.clone());
    let (count, verdict, body) = signed_card(&mut learner);
    assert_eq!((count, verdict.as_str()), (1001, "accepted"));
    assert!(
        body.contains("data-switch=\"verify_signed\""),
        "the page names the switch"
    );
    assert!(
        body.contains("accepted WITHOUT checking the signature"),
        "the inspector says so"
    );

    // Another browser sending the same forgery still has the check.
    let mut neighbour = Browser::new(&app);
    neighbour.get(COOKIES);
    edit(&mut neighbour, SIGNED, forged.clone());
    assert_eq!(signed_card(&mut neighbour).0, 1);

    // Back on: the same edit is refused again.
    learner.reset_switches(COOKIES);
    edit(&mut learner, SIGNED, forged);
    assert_eq!(signed_card(&mut learner).0, 1);
}

#[test]
fn a_signed_note_moved_into_the_counter_is_accepted_only_while_bind_name_is_off() {
    let app = TestApp::spawn();
    let note = format!("{COOKIES}/signed/note");
    let mut learner = Browser::new(&app);
    learner.get(COOKIES);

    // Safe default: the note's tag covers `signed_note=1000`, not `signed_visits=1000`.
    let signed = learner.submit(COOKIES, &note, &[("note", "1000")]);
    assert_eq!(signed.status, Status::SeeOther);
    let value = learner
        .jar
        .get("signed_note")
        .expect("the note")
        .value()
        .to_string();
    assert!(value.starts_with("1000."), "{value}");
    edit(&mut learner, SIGNED, value);
    let (count, verdict, _) = signed_card(&mut learner);
    assert_eq!((count, verdict.as_str()), (1, "signature did not match"));

    // bind_name off: a note signed now carries a tag over `1000` alone, valid under any name.
    learner.switch(COOKIES, &[("bind_name", "false")]);
    learner.submit(COOKIES, &note, &[("note", "1000")]);
    let moved = learner
        .jar
        .get("signed_note")
        .expect("the note")
        .value()
        .to_string();
    edit(&mut learner, SIGNED, moved.clone());
    let (count, verdict, body) = signed_card(&mut learner);
    assert_eq!((count, verdict.as_str()), (1001, "accepted"));
    assert!(body.contains("data-switch=\"bind_name\""));

    // The same moved value in a browser whose names are bound: refused.
    let mut neighbour = Browser::new(&app);
    neighbour.get(COOKIES);
    edit(&mut neighbour, SIGNED, moved);
    assert_eq!(signed_card(&mut neighbour).0, 1);
}

#[test]
fn a_retired_key_counter_is_refused_only_while_accept_retired_key_is_off() {
    let app = TestApp::spawn();
    let retired = format!("{COOKIES}/signed/retired-key");
    let mut learner = Browser::new(&app);
    learner.get(COOKIES);
    learner.get(COOKIES);
    learner.post_form(&retired, &[]);
    let (count, verdict, _) = signed_card(&mut learner);
    assert_eq!(
        (count, verdict.as_str()),
        (3, "accepted"),
        "rotation keeps old cookies"
    );

    learner.switch(COOKIES, &[("accept_retired_key", "false")]);
    learner.post_form(&retired, &[]);
    let (count, verdict, body) = signed_card(&mut learner);
    assert_eq!((count, verdict.as_str()), (1, "retired key refused"));
    assert!(body.contains("your accept_retired_key switch is off"));

    let mut neighbour = Browser::new(&app);
    neighbour.get(COOKIES);
    neighbour.post_form(&retired, &[]);
    assert_eq!(signed_card(&mut neighbour).1, "accepted");
}

#[test]
fn a_note_that_is_not_a_short_word_is_a_422() {
    let app = TestApp::spawn();
    let mut learner = Browser::new(&app);
    let note = format!("{COOKIES}/signed/note");
    for bad in ["", "a b", "x;y", &"9".repeat(33), "ü"] {
        let page = learner.post_form(&note, &[("note".into(), bad.to_string())]);
        assert_eq!(page.status, Status::UnprocessableEntity, "{bad:?}");
        assert!(page.set_cookie_for("signed_note").is_none(), "{bad:?}");
    }
}

#[test]
fn a_signed_counter_forged_with_verify_signed_off_solves_the_challenge_and_refused_after_reset_defends_it(
) {
    let app = TestApp::spawn();
    let mut learner = Browser::new(&app);
    let mut neighbour = Browser::new(&app);
    learner.get(COOKIES);
    learner.switch(COOKIES, &[("verify_signed", "false")]);
    let tag = signed_value(&learner)
        .split_once('.')
        .map(|(_, tag)| tag.to_string())
        .expect("value.tag");
    let forged = format!("1000.{tag}");
    // An unedited counter believed without a check is not a forgery.
    learner.get(COOKIES);
    assert_eq!(state_of(&mut learner, "signed-cookie-forgery"), "open");
    edit(&mut learner, SIGNED, forged.clone());
    assert_eq!(signed_card(&mut learner).0, 1001);
    assert_eq!(state_of(&mut learner, "signed-cookie-forgery"), "solved");
    assert_eq!(state_of(&mut neighbour, "signed-cookie-forgery"), "open");

    learner.reset_switches(COOKIES);
    edit(&mut learner, SIGNED, forged);
    assert_eq!(signed_card(&mut learner).0, 1);
    assert_eq!(state_of(&mut learner, "signed-cookie-forgery"), "defended");
    assert_eq!(state_of(&mut neighbour, "signed-cookie-forgery"), "open");
}
