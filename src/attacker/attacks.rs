//! The attacks the attacker site offers: what each sends, to which lab. Their explanations
//! are in `templates/attacker/attacks/<id>.html.tera`; `static/attacker/attack.js` fires the
//! ones a form or a link cannot.

use serde::Serialize;

use crate::labs::{jwt_header, LABS};

/// The labs a cookie travels to (the header lab's token never travels by itself).
const COOKIE_LABS: &[&str] = &["sessions", "cookies", "jwt-cookie"];

/// How the attack reaches the lab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Delivery {
    /// A form on this page posts to the lab (a top-level navigation).
    FormPost,
    /// A link the learner follows (a top-level `GET`).
    Link,
    /// The page's script does it (`<img>`, `fetch`, `<iframe>`, reading storage).
    Script,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Attack {
    pub id: &'static str,
    pub delivery: Delivery,
    /// The labs it can be aimed at; the first is the default.
    pub labs: &'static [&'static str],
}

pub const ATTACKS: [Attack; 10] = [
    Attack {
        id: "login-csrf",
        delivery: Delivery::FormPost,
        labs: COOKIE_LABS,
    },
    Attack {
        id: "logout-csrf",
        delivery: Delivery::FormPost,
        labs: COOKIE_LABS,
    },
    Attack {
        id: "cookie-builder",
        delivery: Delivery::FormPost,
        labs: &["cookies"],
    },
    Attack {
        id: "top-level-get",
        delivery: Delivery::Link,
        labs: COOKIE_LABS,
    },
    Attack {
        id: "img-get",
        delivery: Delivery::Script,
        labs: COOKIE_LABS,
    },
    Attack {
        id: "fetch-lab",
        delivery: Delivery::Script,
        labs: COOKIE_LABS,
    },
    Attack {
        id: "fetch-api",
        delivery: Delivery::Script,
        labs: &["jwt-header"],
    },
    Attack {
        id: "iframe",
        delivery: Delivery::Script,
        labs: COOKIE_LABS,
    },
    Attack {
        id: "read-token",
        delivery: Delivery::Script,
        labs: &["jwt-header"],
    },
    Attack {
        id: "steal-cookie",
        delivery: Delivery::Script,
        labs: &["sessions"],
    },
];

/// The attack with this id.
pub fn find(id: &str) -> Option<&'static Attack> {
    ATTACKS.iter().find(|attack| attack.id == id)
}

/// One form field the forged request carries.
#[derive(Debug, Clone, Serialize)]
pub struct Field {
    pub name: &'static str,
    pub value: &'static str,
}

/// What the attack sends to `lab`: the path on the labs' origin and, for a form, its fields.
/// The forged login uses the attacker's own account, `bob`: the victim ends up logged in as
/// the attacker without noticing, and whatever they do next lands in the attacker's account.
pub fn request_for(attack: &Attack, lab: &str) -> (String, Vec<Field>) {
    let base = LABS
        .iter()
        .find(|known| known.slug == lab)
        .map_or(jwt_header::BASE, |known| known.path);
    let field = |name, value| Field { name, value };
    match attack.id {
        "login-csrf" => (
            format!("{base}/login"),
            vec![field("username", "bob"), field("password", "builder")],
        ),
        "logout-csrf" => (format!("{base}/logout"), vec![]),
        "cookie-builder" => (
            format!("{base}/builder"),
            vec![
                field("name", "theme"),
                field("value", "planted-by-another-site"),
                field("path", "/"),
                field("same_site", "Lax"),
            ],
        ),
        "fetch-api" => (format!("{base}/api/visit"), vec![]),
        _ => (base.to_string(), vec![]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_attack_has_a_unique_id_and_a_target() {
        for (i, attack) in ATTACKS.iter().enumerate() {
            assert!(!attack.labs.is_empty(), "{} aims at no lab", attack.id);
            assert!(ATTACKS[..i].iter().all(|a| a.id != attack.id));
            assert!(find(attack.id).is_some());
        }
        assert!(find("nonsense").is_none());
    }

    #[test]
    fn the_forged_login_posts_the_attackers_account_to_the_labs_login() {
        let attack = find("login-csrf").expect("login-csrf");
        let (path, fields) = request_for(attack, "jwt-cookie");
        assert_eq!(path, "/labs/jwt-cookie/login");
        let names: Vec<_> = fields.iter().map(|f| (f.name, f.value)).collect();
        assert_eq!(names, [("username", "bob"), ("password", "builder")]);
    }
}
