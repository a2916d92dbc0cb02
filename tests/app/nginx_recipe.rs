//! The class recipe of the "Two servers" chapter, run as written: the chapter's nginx file in
//! front of two instances sharing one Redis. Needs nginx and redis-server (skipped when absent,
//! a failure under CI).

use std::collections::BTreeSet;

use crate::support::internals::{rocket_from, AppConfig};
use crate::support::nginx::{self, Nginx};
use crate::support::redis::RedisServer;
use crate::support::{element_text, figment, free_port, wait_for_port};

const CHAPTER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/11-two-servers.md");

/// The chapter's ```nginx block, with its ports replaced by the test's.
fn recipe(first: u16, second: u16, listen: u16) -> String {
    let markdown = std::fs::read_to_string(CHAPTER).expect("the chapter");
    let (_, rest) = markdown.split_once("```nginx\n").expect("an nginx block");
    let (block, _) = rest.split_once("```").expect("the block ends");
    let replaced = block
        .replace(
            "server 127.0.0.1:8000;",
            &format!("server 127.0.0.1:{first};"),
        )
        .replace(
            "server 127.0.0.1:8001;",
            &format!("server 127.0.0.1:{second};"),
        )
        .replace("listen 8080;", &format!("listen 127.0.0.1:{listen};"));
    assert_ne!(
        replaced, block,
        "the recipe names the ports the chapter uses"
    );
    replaced
}

/// Serves an instance over HTTP on `port`, sessions in `redis`.
fn serve(port: u16, redis: &RedisServer) {
    let figment = figment()
        .merge(("port", port))
        .merge(("attacker_port", 0))
        .merge(("session_store", redis.url()));
    assert!(AppConfig::from_figment(&figment).is_ok());
    std::thread::spawn(move || {
        let _ = rocket::execute(rocket_from(figment).launch());
    });
    wait_for_port(port, "an instance");
}

/// A browser's request through nginx: status, the `sid` cookie it set, the page.
fn get(url: &str, sid: &Option<String>) -> (u16, Option<String>, String) {
    let mut request = ureq::get(url);
    if let Some(sid) = sid {
        request = request.set("Cookie", &format!("sid={sid}"));
    }
    let response = request.call().expect("nginx answers");
    let set = response
        .all("Set-Cookie")
        .iter()
        .find_map(|line| line.strip_prefix("sid="))
        .map(|rest| rest.split(';').next().unwrap_or_default().to_string());
    let status = response.status();
    (status, set, response.into_string().unwrap_or_default())
}

#[test]
fn nginx_round_robin_over_two_instances_sharing_redis_keeps_one_session() {
    let test = "nginx_round_robin_over_two_instances_sharing_redis";
    if !nginx::available(test) {
        return;
    }
    let Some(redis) = RedisServer::start(test) else {
        return;
    };
    let (first, second, listen) = (free_port(), free_port(), Nginx::free_port());
    serve(first, &redis);
    serve(second, &redis);
    let balancer = Nginx::start(&recipe(first, second, listen), listen);
    let base = format!("http://127.0.0.1:{}", balancer.port);
    let mut sid = None;
    let mut answered = BTreeSet::new();
    for expected in 1..=6u64 {
        let (status, set, html) = get(&format!("{base}/labs/sessions"), &sid);
        assert_eq!(status, 200);
        sid = set.or(sid);
        let visits = element_text(&html, "visits").expect("#visits");
        assert_eq!(
            visits,
            expected.to_string(),
            "one session, whichever instance"
        );
        answered.insert(element_text(&html, "instance").expect("#instance"));
    }
    let both: BTreeSet<String> = [first, second]
        .iter()
        .map(|port| format!("127.0.0.1:{port}"))
        .collect();
    assert_eq!(answered, both, "round robin reached both instances");
    // A login through nginx passes the same-origin guard (Host is passed on) and holds on both.
    let no_redirects = ureq::AgentBuilder::new().redirects(0).build();
    let login = no_redirects
        .post(&format!("{base}/labs/sessions/login"))
        .set("Origin", &base)
        .set(
            "Cookie",
            &format!("sid={}", sid.clone().unwrap_or_default()),
        )
        .send_form(&[("username", "alice"), ("password", "wonderland")])
        .expect("a redirect");
    assert_eq!(login.status(), 303);
    let new_sid = login
        .all("Set-Cookie")
        .iter()
        .find_map(|line| line.strip_prefix("sid="))
        .map(|rest| rest.split(';').next().unwrap_or_default().to_string());
    assert!(new_sid.is_some(), "a new session id after login");
    for _ in 0..2 {
        let (status, _, html) = get(&format!("{base}/labs/sessions/me"), &new_sid);
        assert_eq!(status, 200);
        assert_eq!(element_text(&html, "user").as_deref(), Some("alice"));
    }
}
