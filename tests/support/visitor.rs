//! Test personas: one browser-like visitor per lab, behind one trait, so a test reads as what a
//! person does (`alice.visit()`, `alice.log_in(ALICE)`, `thief.carrying(copy).me()`).
//!
//! Every lab is one kind of credential: the three cookie labs keep theirs in a cookie jar the
//! browser sends by itself; the header lab's page script holds a token and sends it as
//! `Authorization: Bearer`. Several visitors share one [`TestApp`], as browsers share a server.

use rocket::figment::Figment;
use rocket::http::{ContentType, Header, Status};
use rocket::local::blocking::{Client, LocalResponse};
use serde_json::{json, Value};

use super::html::form_fields;
use super::jar::Jar;
use super::{element_text, figment, inspector_set_cookie_lines, urlencode};

/// A demo account from the route contract, shown on every login page.
#[derive(Debug, Clone, Copy)]
pub struct Account {
    pub username: &'static str,
    pub password: &'static str,
}

pub const ALICE: Account = Account {
    username: "alice",
    password: "wonderland",
};
pub const BOB: Account = Account {
    username: "bob",
    password: "builder",
};

pub const SESSIONS: &str = "/labs/sessions";
pub const COOKIES: &str = "/labs/cookies";
pub const JWT_COOKIE: &str = "/labs/jwt-cookie";
pub const JWT_HEADER: &str = "/labs/jwt-header";
/// The four labs, in the order the home page and chapter 7 list them.
pub const LABS: [&str; 4] = [SESSIONS, COOKIES, JWT_COOKIE, JWT_HEADER];

/// One running app (fresh memory) that any number of visitors can use.
pub struct TestApp {
    client: Client,
    figment: Figment,
}

impl TestApp {
    /// The app `cargo run` starts (quiet), with fresh in-memory state.
    pub fn spawn() -> TestApp {
        TestApp::with(figment())
    }

    /// As `spawn`, with overrides, e.g. `figment().merge(("session_idle_timeout", 1))`.
    pub fn with(figment: Figment) -> TestApp {
        let client = Client::untracked(super::internals::rocket_from(figment.clone()))
            .expect("the app launches");
        TestApp { client, figment }
    }

    /// The app stopped and started again with the same configuration and keys: memory is new.
    pub fn restarted(&self) -> TestApp {
        TestApp::with(self.figment.clone())
    }

    /// The raw client, for requests no persona makes; it keeps no cookies.
    pub fn client(&self) -> &Client {
        &self.client
    }
}

/// What a response said, kept after the response is gone.
#[derive(Debug, Clone)]
pub struct Page {
    pub status: Status,
    pub location: Option<String>,
    pub content_type: Option<ContentType>,
    /// The real `Set-Cookie` header lines.
    pub set_cookie: Vec<String>,
    pub www_authenticate: Option<String>,
    pub body: String,
}

impl Page {
    fn of(response: LocalResponse<'_>) -> Page {
        let headers = response.headers();
        let one = |name: &str| headers.get_one(name).map(str::to_string);
        Page {
            status: response.status(),
            location: one("Location"),
            www_authenticate: one("WWW-Authenticate"),
            set_cookie: headers.get("Set-Cookie").map(str::to_string).collect(),
            content_type: response.content_type(),
            body: response.into_string().unwrap_or_default(),
        }
    }

    /// The JSON body (the header lab's API answers JSON, errors included).
    #[track_caller]
    pub fn json(&self) -> Value {
        assert_eq!(self.content_type, Some(ContentType::JSON), "{}", self.body);
        serde_json::from_str(&self.body).expect("a JSON body")
    }

    /// The visit count: `#visits` on a page, `visits` in a JSON answer.
    #[track_caller]
    pub fn visits(&self) -> u64 {
        if self.content_type == Some(ContentType::JSON) {
            return self.json()["visits"].as_u64().expect("a visits number");
        }
        element_text(&self.body, "visits")
            .expect("the page has #visits")
            .parse()
            .expect("#visits holds a bare number")
    }

    /// Who the page says is logged in: `#user`, or `user` (else the token's `sub`) in JSON.
    pub fn user(&self) -> Option<String> {
        if self.content_type != Some(ContentType::JSON) {
            return element_text(&self.body, "user");
        }
        let json: Value = serde_json::from_str(&self.body).ok()?;
        match json.get("user") {
            Some(user) => user.as_str().map(str::to_string),
            // A guest token's `sub` is `guest:…`, not a user.
            None => json["access_token"]
                .as_str()
                .and_then(|t| super::jwt::payload(t)["sub"].as_str().map(str::to_string))
                .filter(|sub| !sub.starts_with("guest:")),
        }
    }

    /// The `Set-Cookie` line that sets or removes cookie `name`, if the response sent one.
    pub fn set_cookie_for(&self, name: &str) -> Option<&str> {
        let prefix = format!("{name}=");
        self.set_cookie
            .iter()
            .map(String::as_str)
            .find(|line| line.starts_with(&prefix))
    }

    /// The text of the element with `id` (see `element_text`).
    pub fn text(&self, id: &str) -> Option<String> {
        element_text(&self.body, id)
    }

    /// The `Set-Cookie` lines the page's inspector shows.
    pub fn inspector_lines(&self) -> Vec<String> {
        inspector_set_cookie_lines(&self.body)
    }

    /// Whether this answer proves `account` is logged in (a `me` page or API answer naming them).
    pub fn shows_logged_in(&self, account: Account) -> bool {
        self.status == Status::Ok && self.user().as_deref() == Some(account.username)
    }

    #[track_caller]
    pub fn assert_redirect_to(&self, location: &str) {
        assert_eq!(self.status, Status::SeeOther, "expected a 303 redirect");
        assert_eq!(self.location.as_deref(), Some(location));
    }
}

/// A credential taken out of one browser, to be replayed by another.
#[derive(Debug, Clone)]
pub enum Credential {
    /// Every cookie the browser held for the lab.
    Cookies(Jar),
    /// The token the page script held.
    Bearer(Option<String>),
}

/// A person using one lab in one browser. Methods are named after the lab's routes.
pub trait Visitor<'a>: Sized {
    /// The lab's mount point.
    const BASE: &'static str;
    /// A new browser that holds nothing yet.
    fn arrive(app: &'a TestApp) -> Self;
    /// `GET BASE` (the header lab: `POST BASE/api/visit`): one counted visit, which must be
    /// answered with a `200`.
    fn visit(&mut self) -> Page;
    /// Logs in as the lab's own login form (or page script) does.
    fn log_in(&mut self, username: &str, password: &str) -> Page;
    /// Logs out as the page's logout button does.
    fn log_out(&mut self) -> Page;
    /// `GET BASE/me` (the header lab: `GET BASE/api/me`).
    fn me(&mut self) -> Page;
    /// A copy of what this browser holds, for replay elsewhere.
    fn credential_copy(&self) -> Credential;
    /// This browser, holding `credential` instead of its own.
    fn carrying(self, credential: Credential) -> Self;

    /// `log_in` with a demo account.
    fn log_in_as(&mut self, account: Account) -> Page {
        self.log_in(account.username, account.password)
    }
}

/// A browser that keeps cookies, for the three cookie-carried labs.
pub struct Browser<'a> {
    app: &'a TestApp,
    pub jar: Jar,
}

impl<'a> Browser<'a> {
    pub fn new(app: &'a TestApp) -> Browser<'a> {
        Browser {
            app,
            jar: Jar::default(),
        }
    }

    /// `GET path`, sending and storing cookies as a browser does.
    pub fn get(&mut self, path: &str) -> Page {
        let response = self
            .app
            .client
            .get(path.to_string())
            .cookies(self.jar.for_path(path))
            .dispatch();
        self.jar.store(path, &response);
        Page::of(response)
    }

    /// Posts a urlencoded form to `path`.
    pub fn post_form(&mut self, path: &str, fields: &[(String, String)]) -> Page {
        self.post_with_headers(path, fields, &[])
    }

    /// Posts a urlencoded form to `path` with extra request headers, sending and storing
    /// cookies as a browser does.
    fn post_with_headers(
        &mut self,
        path: &str,
        fields: &[(String, String)],
        headers: &[(&'static str, &'static str)],
    ) -> Page {
        let body: Vec<String> = fields
            .iter()
            .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
            .collect();
        let mut request = self
            .app
            .client
            .post(path.to_string())
            .header(ContentType::Form)
            .cookies(self.jar.for_path(path))
            .body(body.join("&"));
        for (name, value) in headers {
            request = request.header(Header::new(*name, *value));
        }
        let response = request.dispatch();
        self.jar.store(path, &response);
        Page::of(response)
    }

    /// Loads `page`, then submits its form that posts to `action` with every field it holds
    /// (hidden ones included), `changes` replacing or adding fields: what a person does.
    #[track_caller]
    pub fn submit(&mut self, page: &str, action: &str, changes: &[(&str, &str)]) -> Page {
        let html = self.get(page).body;
        let mut fields = form_fields(&html, action)
            .unwrap_or_else(|| panic!("{page} has a form posting to {action}"));
        for (name, value) in changes {
            fields.retain(|(n, _)| n != name);
            fields.push((name.to_string(), value.to_string()));
        }
        self.post_form(action, &fields)
    }

    /// Posts a urlencoded form to `path` as another site's page makes this browser send it:
    /// `Sec-Fetch-Site: cross-site` and the attacker's `Origin`, with this browser's cookies.
    pub fn post_form_cross_site(&mut self, path: &str, fields: &[(&str, &str)]) -> Page {
        let fields: Vec<(String, String)> = fields
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let headers = [
            ("Sec-Fetch-Site", "cross-site"),
            ("Sec-Fetch-Mode", "navigate"),
            ("Origin", "http://localhost:8800"),
        ];
        self.post_with_headers(path, &fields, &headers)
    }

    /// Changes this browser's experiment switches on `base`'s panel, as a person does: load
    /// `BASE/switches`, change the fields, submit the whole form.
    #[track_caller]
    pub fn switch(&mut self, base: &str, changes: &[(&str, &str)]) -> Page {
        let panel = format!("{base}/switches");
        let page = self.submit(&panel, &panel, changes);
        assert_eq!(
            page.status,
            Status::SeeOther,
            "the panel took {changes:?}: {}",
            page.body
        );
        page
    }

    /// Every switch of `base` back to its safe default, with the panel's reset button.
    pub fn reset_switches(&mut self, base: &str) -> Page {
        self.post_form(&format!("{base}/switches/reset"), &[])
    }

    /// Logs in with the login form of the lab at `base`.
    pub fn log_in_at_lab(&mut self, base: &str, username: &str, password: &str) -> Page {
        self.log_in_at(base, username, password)
    }

    fn log_in_at(&mut self, base: &str, username: &str, password: &str) -> Page {
        let action = format!("{base}/login");
        self.submit(
            &action,
            &action,
            &[("username", username), ("password", password)],
        )
    }

    /// Logs out with the logout form on the `me` page.
    fn log_out_at(&mut self, base: &str) -> Page {
        self.submit(&format!("{base}/me"), &format!("{base}/logout"), &[])
    }
}

/// Defines a cookie-carried lab's persona: a [`Browser`] on that lab.
macro_rules! cookie_persona {
    ($(#[$doc:meta])* $name:ident, $base:expr) => {
        $(#[$doc])*
        pub struct $name<'a>(pub Browser<'a>);

        impl<'a> Visitor<'a> for $name<'a> {
            const BASE: &'static str = $base;
            fn arrive(app: &'a TestApp) -> Self {
                $name(Browser::new(app))
            }
            #[track_caller]
            fn visit(&mut self) -> Page {
                let page = self.0.get(Self::BASE);
                assert_eq!(page.status, Status::Ok, "a visit to {} is a page", Self::BASE);
                page
            }
            fn log_in(&mut self, username: &str, password: &str) -> Page {
                self.0.log_in_at(Self::BASE, username, password)
            }
            fn log_out(&mut self) -> Page {
                self.0.log_out_at(Self::BASE)
            }
            fn me(&mut self) -> Page {
                self.0.get(&format!("{}/me", Self::BASE))
            }
            fn credential_copy(&self) -> Credential {
                Credential::Cookies(self.0.jar.clone())
            }
            fn carrying(mut self, credential: Credential) -> Self {
                match credential {
                    Credential::Cookies(jar) => self.0.jar = jar,
                    Credential::Bearer(_) => panic!("{} carries cookies, not a token", Self::BASE),
                }
                self
            }
        }
    };
}

cookie_persona!(
    /// A browser on the sessions lab: its credential is the encrypted `sid` cookie.
    SessionsVisitor,
    SESSIONS
);
cookie_persona!(
    /// A browser on the cookies lab: counter cookies and a private `user` cookie.
    CookiesVisitor,
    COOKIES
);
cookie_persona!(
    /// A browser on the JWT-cookie lab: the token rides in an `HttpOnly` cookie.
    JwtCookieVisitor,
    JWT_COOKIE
);

/// The header lab's page script: it holds the token in memory and sends it as
/// `Authorization: Bearer` to the JSON API. Its requests carry no cookies, unless its browser
/// turned experiment switches on (`switch`): then, as the page's `fetch` does, they carry the
/// browser's cookies for the lab (the `lab_switches` cookie).
pub struct JwtHeaderVisitor<'a> {
    app: &'a TestApp,
    pub token: Option<String>,
    /// The browser's cookies, once it has any for this lab.
    pub jar: Option<Jar>,
}

impl JwtHeaderVisitor<'_> {
    fn call(&mut self, post: bool, path: &str, body: Option<Value>) -> Page {
        let url = format!("{JWT_HEADER}{path}");
        let client = &self.app.client;
        let mut request = if post {
            client.post(url.clone())
        } else {
            client.get(url.clone())
        };
        if let Some(token) = &self.token {
            request = request.header(Header::new("Authorization", format!("Bearer {token}")));
        }
        if let Some(body) = body {
            request = request.header(ContentType::JSON).body(body.to_string());
        }
        if let Some(jar) = &self.jar {
            request = request.cookies(jar.for_path(&url));
        }
        let response = request.dispatch();
        if let Some(jar) = &mut self.jar {
            jar.store(&url, &response);
        }
        Page::of(response)
    }

    /// Changes this browser's switches on the lab's panel (see [`Browser::switch`]); the
    /// page's API calls carry them from then on.
    #[track_caller]
    pub fn switch(&mut self, changes: &[(&str, &str)]) -> Page {
        let mut browser = Browser::new(self.app);
        browser.jar = self.jar.take().unwrap_or_default();
        let page = browser.switch(JWT_HEADER, changes);
        self.jar = Some(browser.jar);
        page
    }

    /// Every switch back to its safe default, with the panel's reset button.
    pub fn reset_switches(&mut self) -> Page {
        let mut browser = Browser::new(self.app);
        browser.jar = self.jar.take().unwrap_or_default();
        let page = browser.reset_switches(JWT_HEADER);
        self.jar = Some(browser.jar);
        page
    }

    /// Keeps the token an answer carries, as the page script does.
    fn keep(&mut self, page: &Page) {
        if page.status == Status::Ok {
            if let Some(token) = page.json()["access_token"].as_str() {
                self.token = Some(token.to_string());
            }
        }
    }
}

impl<'a> Visitor<'a> for JwtHeaderVisitor<'a> {
    const BASE: &'static str = JWT_HEADER;
    fn arrive(app: &'a TestApp) -> Self {
        JwtHeaderVisitor {
            app,
            token: None,
            jar: None,
        }
    }
    #[track_caller]
    fn visit(&mut self) -> Page {
        let page = self.call(true, "/api/visit", None);
        assert_eq!(page.status, Status::Ok, "a visit is counted: {}", page.body);
        self.keep(&page);
        page
    }
    fn log_in(&mut self, username: &str, password: &str) -> Page {
        let body = json!({ "username": username, "password": password });
        let page = self.call(true, "/api/token", Some(body));
        self.keep(&page);
        page
    }
    /// As the page does: tells the server (which can only take note: it keeps no list of
    /// tokens to revoke), then forgets its token.
    fn log_out(&mut self) -> Page {
        if self.token.is_some() {
            self.call(true, "/api/logout", None);
        }
        self.token = None;
        self.app.client.get(JWT_HEADER).dispatch().into()
    }
    fn me(&mut self) -> Page {
        self.call(false, "/api/me", None)
    }
    fn credential_copy(&self) -> Credential {
        Credential::Bearer(self.token.clone())
    }
    fn carrying(mut self, credential: Credential) -> Self {
        match credential {
            Credential::Bearer(token) => self.token = token,
            Credential::Cookies(_) => panic!("the header lab's script carries a token"),
        }
        self
    }
}

impl From<LocalResponse<'_>> for Page {
    fn from(response: LocalResponse<'_>) -> Page {
        Page::of(response)
    }
}
