//! The attacker site: a second site served by the same process, and what its attacks send.

use std::time::{Duration, Instant};

use rocket::http::{ContentType, Header, Status};
use rocket::local::blocking::Client;

use crate::support::internals::{attacker, serve, ATTACKS};
use crate::support::{client, figment, first_ephemeral_port, free_port};

/// Where the steal-cookie page is served: under the sessions lab's cookie path.
const STEAL_COOKIE: &str = "/labs/sessions/steal-cookie";

/// A local client for the attacker site that belongs to labs on `labs_port`.
fn attacker_client(labs_port: u16) -> Client {
    let figment = figment().merge(("port", labs_port));
    Client::tracked(attacker::rocket_from(&figment).expect("attacker site on")).expect("valid")
}

/// A GET that gives up after 10 s: a port held by something that never answers fails the
/// test rather than hanging it.
fn get(url: &str) -> Result<(u16, String), String> {
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(10))
        .build();
    match agent.get(url).call() {
        Ok(response) => Ok((
            response.status(),
            response.into_string().unwrap_or_default(),
        )),
        Err(ureq::Error::Status(code, response)) => {
            Ok((code, response.into_string().unwrap_or_default()))
        }
        Err(e) => Err(e.to_string()),
    }
}

/// The first answer of a server just started: a connection refused (not listening yet), reset
/// or timed out is tried again (and said on stderr) for up to 30 s, since a port that accepts
/// is not yet a server that answers. A server that never starts, or stopped, fails the test.
fn first_answer(url: &str) -> Result<(u16, String), String> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        match get(url) {
            Err(error) if Instant::now() < deadline => {
                eprintln!("{url} did not answer yet ({error}); trying again");
                std::thread::sleep(Duration::from_millis(100));
            }
            answer => return answer,
        }
    }
}

/// Starts `launch::serve` (what `cargo run` runs) in the background with these ports.
pub(crate) fn serve_both(labs_port: u16, attacker_port: u16) {
    let figment = figment()
        .merge(("address", "127.0.0.1"))
        .merge(("port", labs_port))
        .merge(("attacker_port", attacker_port));
    // Said on stderr, so a test whose labs stopped early (their port taken by another process,
    // say) names that in its failure; Rocket's own log is off in tests.
    std::thread::spawn(move || match rocket::execute(serve(figment)) {
        Ok(()) => eprintln!("the labs on port {labs_port} stopped"),
        Err(error) => eprintln!("the labs on port {labs_port} stopped: {error}"),
    });
}

#[test]
fn the_labs_and_the_attacker_site_run_side_by_side_from_one_process() {
    let (labs, site) = (free_port(), free_port());
    serve_both(labs, site);
    let (status, page) = first_answer(&format!("http://127.0.0.1:{labs}/")).expect("labs answer");
    assert_eq!(status, 200);
    assert!(page.contains("Auth Labs"));
    // The attacker site answers under both of its names, and says which one it was.
    let (status, page) =
        first_answer(&format!("http://localhost:{site}/")).expect("attacker answers");
    assert_eq!(status, 200);
    assert!(page.contains("another site"), "{page}");
    assert!(
        page.contains(&format!("http://127.0.0.1:{labs}")),
        "aims at these labs"
    );
    let (_, page) = get(&format!("http://127.0.0.1:{site}/")).expect("same-site name");
    assert!(page.contains("same site"), "{page}");
}

/// The ports the servers of these tests are given cannot be taken by a connection another
/// test opens meanwhile (its local port is an ephemeral one): they are below that range, and
/// none is handed out twice.
#[test]
fn test_servers_get_distinct_ports_below_the_ephemeral_range() {
    let ephemeral = first_ephemeral_port();
    let ports: Vec<u16> = (0..50).map(|_| free_port()).collect();
    for port in &ports {
        assert!(*port < ephemeral, "{port} is an ephemeral port");
        assert!(
            std::net::TcpListener::bind(("127.0.0.1", *port)).is_ok(),
            "{port} is free"
        );
    }
    let distinct: std::collections::HashSet<_> = ports.iter().collect();
    assert_eq!(distinct.len(), ports.len(), "{ports:?}");
}

#[test]
fn a_taken_attacker_port_does_not_stop_the_labs() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let site = taken.local_addr().expect("addr").port();
    let labs = free_port();
    serve_both(labs, site);
    let (status, _) =
        first_answer(&format!("http://127.0.0.1:{labs}/labs/sessions")).expect("labs up");
    assert_eq!(status, 200);
    // And at once again a moment later, when the attacker site's failed launch is long over.
    std::thread::sleep(Duration::from_millis(500));
    let (status, _) = get(&format!("http://127.0.0.1:{labs}/labs/sessions")).expect("labs on");
    assert_eq!(status, 200);
    drop(taken);
}

#[test]
fn attacker_port_zero_serves_no_second_site() {
    let off = figment().merge(("attacker_port", 0));
    assert!(attacker::rocket_from(&off).is_none());
    let labs = free_port();
    serve_both(labs, 0);
    let (status, _) = first_answer(&format!("http://127.0.0.1:{labs}/")).expect("labs up");
    assert_eq!(status, 200);
}

#[test]
fn the_attacker_home_lists_every_attack_and_each_has_a_launch_button() {
    let client = attacker_client(8000);
    let home = client.get("/").dispatch().into_string().expect("home");
    for attack in ATTACKS {
        let link = format!("href=\"/attacks/{0}\" data-attack=\"{0}\"", attack.id);
        assert!(home.contains(&link), "home lists {}", attack.id);
        for lab in attack.labs {
            let mut response = client
                .get(format!("/attacks/{}?lab={lab}", attack.id))
                .dispatch();
            if attack.id == "steal-cookie" {
                // Its page lives under the sessions lab's path on the labs' own host name.
                assert_eq!(response.status(), Status::SeeOther);
                let to = response.headers().get_one("Location").expect("sent on");
                assert!(
                    to.starts_with("http://127.0.0.1:") && to.ends_with(STEAL_COOKIE),
                    "{to}"
                );
                response = client.get(STEAL_COOKIE).dispatch();
            }
            assert_eq!(response.status(), Status::Ok, "{} at {lab}", attack.id);
            let page = response.into_string().expect("page");
            assert!(page.contains("id=\"launch\""), "{} has #launch", attack.id);
            assert!(page.contains("id=\"outcome\""), "{} reports", attack.id);
        }
    }
    for missing in [
        "/attacks/nonsense",
        "/attacks/login-csrf?lab=jwt-header",
        "/nope",
    ] {
        let response = client.get(missing).dispatch();
        assert_eq!(response.status(), Status::NotFound, "{missing}");
        assert!(response
            .into_string()
            .expect("page")
            .contains("data-attack"));
    }
}

#[test]
fn the_attacker_site_sets_no_cookies_and_may_reach_only_the_labs() {
    let client = attacker_client(8123);
    for path in [
        "/",
        "/attacks/login-csrf",
        "/attacks/img-get",
        "/static/attack.js",
    ] {
        let response = client.get(path).dispatch();
        assert_eq!(response.status(), Status::Ok, "{path}");
        assert!(response.headers().get_one("Set-Cookie").is_none(), "{path}");
        assert!(response.headers().get_one("Server").is_none(), "{path}");
        let csp = response
            .headers()
            .get_one("Content-Security-Policy")
            .expect("CSP");
        assert!(
            csp.starts_with("default-src 'none'; script-src 'self';"),
            "{csp}"
        );
        for directive in [
            "form-action",
            "connect-src 'self'",
            "img-src 'self'",
            "frame-src",
        ] {
            assert!(
                csp.contains(&format!("{directive} http://127.0.0.1:8123")),
                "{directive} names the labs only: {csp}"
            );
        }
        assert_eq!(
            response.headers().get_one("X-Frame-Options"),
            Some("DENY"),
            "{path}"
        );
    }
}

/// The `action` and hidden fields of the attack page's forged form.
fn forged_form(page: &str) -> (String, Vec<(String, String)>) {
    let action = regex::Regex::new(r#"<form id="forged" method="post" action="([^"]+)""#)
        .expect("regex")
        .captures(page)
        .expect("a forged form")[1]
        .to_string();
    let fields = regex::Regex::new(r#"<input type="hidden" name="([^"]+)" value="([^"]*)""#)
        .expect("regex")
        .captures_iter(page)
        .map(|c| (c[1].to_string(), c[2].to_string()))
        .collect();
    (action, fields)
}

#[test]
fn the_forged_login_the_attacker_page_sends_is_refused_by_every_lab() {
    let site = attacker_client(8000);
    let labs = client();
    for lab in ["sessions", "cookies", "jwt-cookie"] {
        let page = site
            .get(format!("/attacks/login-csrf?lab={lab}"))
            .dispatch()
            .into_string()
            .expect("page");
        let (action, fields) = forged_form(&page);
        let path = action
            .strip_prefix("http://127.0.0.1:8000")
            .expect("aims at the labs");
        assert_eq!(path, format!("/labs/{lab}/login"));
        let body: Vec<String> = fields.iter().map(|(k, v)| format!("{k}={v}")).collect();
        assert_eq!(body, ["username=bob", "password=builder"]);
        // What Chromium adds to that form's request, from each of the attacker's two names.
        for (origin, fetch_site) in [
            ("http://localhost:8800", "cross-site"),
            ("http://127.0.0.1:8800", "same-site"),
        ] {
            let response = labs
                .post(path)
                .header(ContentType::Form)
                .header(Header::new("Origin", origin))
                .header(Header::new("Sec-Fetch-Site", fetch_site))
                .body(body.join("&"))
                .dispatch();
            assert_eq!(response.status(), Status::Forbidden, "{lab} from {origin}");
            assert!(response.headers().get_one("Set-Cookie").is_none());
        }
    }
}

#[test]
fn every_request_the_attacker_forges_carries_the_learners_log_id() {
    let site = attacker_client(8000);
    let id = "AAAAAAAAAAAAAAAAAAAAAA";
    let page = site
        .get(format!("/attacks/logout-csrf?lab=cookies&trace={id}"))
        .dispatch()
        .into_string()
        .expect("page");
    let (action, _) = forged_form(&page);
    assert_eq!(
        action,
        format!("http://127.0.0.1:8000/labs/cookies/logout?trace={id}")
    );
    assert!(page.contains(&format!(
        "data-target=\"http://127.0.0.1:8000/labs/cookies/logout?trace={id}\""
    )));
    let home = site
        .get(format!("/?trace={id}"))
        .dispatch()
        .into_string()
        .expect("home");
    assert!(home.contains(&format!("href=\"/attacks/img-get?trace={id}\"")));
    // A malformed id is dropped, not echoed.
    let page = site
        .get("/attacks/logout-csrf?trace=%3Cscript%3E")
        .dispatch()
        .into_string()
        .expect("page");
    assert!(forged_form(&page).0.ends_with("/labs/sessions/logout"));
}

#[test]
fn the_attacker_site_keeps_what_its_pages_read_back_per_learner_and_bounded() {
    let site = attacker_client(8000);
    let (mine, theirs) = ("AAAAAAAAAAAAAAAAAAAAAA", "BBBBBBBBBBBBBBBBBBBBBA");
    let post = |trace: &str, body: String| {
        site.post(format!("/reports?trace={trace}"))
            .header(ContentType::JSON)
            .body(body)
            .dispatch()
            .status()
    };
    let long = "x".repeat(1000);
    let report =
        format!(r#"{{"attack":"img-get","lab":"sessions","lines":["error only","{long}"]}}"#);
    assert_eq!(post(mine, report.clone()), Status::NoContent);
    let home = site
        .get(format!("/?trace={mine}"))
        .dispatch()
        .into_string()
        .expect("home");
    let read_back = home
        .split("id=\"read-back\"")
        .nth(1)
        .expect("read-back list");
    assert!(
        read_back.contains("<code>img-get</code> → sessions"),
        "{read_back}"
    );
    assert!(read_back.contains("error only"));
    assert!(read_back.contains(&"x".repeat(300)) && !read_back.contains(&"x".repeat(301)));
    let page = site
        .get(format!("/attacks/img-get?trace={mine}"))
        .dispatch()
        .into_string()
        .expect("page");
    assert!(
        page.contains("error only"),
        "the attack page shows its own reports"
    );
    let others = site
        .get(format!("/?trace={theirs}"))
        .dispatch()
        .into_string()
        .expect("home");
    assert!(
        !others.contains("error only"),
        "nothing from another learner"
    );
    // Refused: no id, a malformed id, an unknown attack, not JSON, broken JSON.
    let unknown = r#"{"attack":"nope","lab":"sessions","lines":[]}"#.to_string();
    assert_eq!(post(mine, unknown), Status::UnprocessableEntity);
    assert_eq!(post("short", report.clone()), Status::UnprocessableEntity);
    assert_eq!(post(mine, "{".into()), Status::BadRequest);
    let no_id = site
        .post("/reports")
        .header(ContentType::JSON)
        .body(report.clone())
        .dispatch();
    assert_eq!(no_id.status(), Status::UnprocessableEntity);
    let text = site
        .post(format!("/reports?trace={mine}"))
        .header(ContentType::Plain)
        .body(report)
        .dispatch();
    assert_eq!(text.status(), Status::UnsupportedMediaType);
}

#[test]
fn the_attacker_site_keeps_the_readers_language_in_its_links_and_still_sets_no_cookie() {
    let client = attacker_client(8123);
    let home = client.get("/?lang=ko").dispatch();
    assert!(
        home.headers().get_one("Set-Cookie").is_none(),
        "no cookie, not even lang"
    );
    assert_eq!(home.headers().get_one("Content-Language"), Some("ko"));
    let html = home.into_string().unwrap_or_default();
    assert!(
        html.contains("href=\"/attacks/login-csrf?lang=ko\""),
        "links keep Korean"
    );
    let attack = client.get("/attacks/login-csrf?lang=ko").dispatch();
    assert!(attack.headers().get_one("Set-Cookie").is_none());
    let html = attack.into_string().unwrap_or_default();
    assert!(
        html.contains("href=\"/?lang=ko\""),
        "and back to the list: {html}"
    );
    let english = client.get("/").dispatch().into_string().unwrap_or_default();
    assert!(
        english.contains("href=\"/attacks/login-csrf\""),
        "English links stay as they were"
    );
}
