//! Two servers, one class: app instances sharing one Redis (`session_store = "redis://…"`)
//! share sessions and accounts; with the memory store, a second instance knows nothing.
//! Each test starts its own `redis-server` (see `support::redis` for when it is skipped).

use std::sync::Arc;
use std::time::{Duration, Instant};

use rocket::http::Status;
use rocket::local::asynchronous::Client as AsyncClient;
use time::OffsetDateTime;

use crate::support::internals::{rocket_from, RedisLink, SessionLimits, SessionStore};
use crate::support::redis::RedisServer;
use crate::support::{
    figment, visits, Credential, Page, SessionsVisitor, TestApp, Visitor, ALICE, SESSIONS,
};

/// An instance on `port` (as the inspector shows it) using `redis`, or the memory store.
fn instance(redis: Option<&RedisServer>, port: u16) -> TestApp {
    let figment = figment().merge(("port", port));
    match redis {
        Some(redis) => TestApp::with(figment.merge(("session_store", redis.url()))),
        None => TestApp::with(figment),
    }
}

/// Two instances, as a class's two servers behind one load balancer.
fn two_instances(redis: Option<&RedisServer>) -> (TestApp, TestApp) {
    (instance(redis, 8000), instance(redis, 8001))
}

/// A browser on `app` holding the cookies `credential` carries: the same browser, sent to
/// the other server by the load balancer.
fn on<'a>(app: &'a TestApp, credential: &Credential) -> SessionsVisitor<'a> {
    SessionsVisitor::arrive(app).carrying(credential.clone())
}

#[test]
fn the_count_continues_on_the_second_instance() {
    let Some(redis) = RedisServer::start("the_count_continues_on_the_second_instance") else {
        return;
    };
    let (first, second) = two_instances(Some(&redis));
    let mut browser = SessionsVisitor::arrive(&first);
    assert_eq!(browser.visit().visits(), 1);
    let page = on(&second, &browser.credential_copy()).visit();
    assert_eq!(
        page.visits(),
        2,
        "the second instance found the session in Redis"
    );
    assert_eq!(page.text("store").as_deref(), Some("redis"));
    assert_eq!(page.text("instance").as_deref(), Some("127.0.0.1:8001"));
    assert_eq!(browser.visit().visits(), 3);
}

#[test]
fn with_the_memory_store_a_second_instance_does_not_know_the_first_ones_session() {
    let (first, second) = two_instances(None);
    let mut browser = SessionsVisitor::arrive(&first);
    browser.visit();
    let copy = browser.credential_copy();
    assert_eq!(browser.visit().visits(), 2);
    let page = on(&second, &copy).visit();
    assert_eq!(page.visits(), 1, "the second instance starts a new session");
    let why = page.text("new-session-reason").expect("the page says why");
    assert!(why.contains("another server"), "{why}");
    assert_eq!(page.text("store").as_deref(), Some("memory"));
    assert_eq!(page.text("instance").as_deref(), Some("127.0.0.1:8001"));
    let mut again = SessionsVisitor::arrive(&first).carrying(copy);
    assert_eq!(again.visit().visits(), 3, "the first instance still has it");
}

#[test]
fn two_hundred_parallel_visits_split_across_two_instances_all_count() {
    let Some(redis) = RedisServer::start("two_hundred_parallel_visits_split_across_two_instances")
    else {
        return;
    };
    crate::support::on_runtime(4, async {
        let mut clients = Vec::new();
        for port in [8000, 8001] {
            let figment = figment()
                .merge(("port", port))
                .merge(("session_store", redis.url()));
            let client = AsyncClient::untracked(rocket_from(figment)).await;
            clients.push(Arc::new(client.expect("app")));
        }
        let first = clients[0].get(SESSIONS).dispatch().await;
        let cookie = first
            .cookies()
            .get("sid")
            .expect("cookie")
            .clone()
            .into_owned();
        let tasks: Vec<_> = (0..200)
            .map(|i| {
                let (client, cookie) = (clients[i % 2].clone(), cookie.clone());
                rocket::tokio::spawn(async move {
                    let response = client.get(SESSIONS).cookie(cookie).dispatch().await;
                    assert_eq!(response.status(), Status::Ok);
                })
            })
            .collect();
        for task in tasks {
            task.await.expect("visit task");
        }
        let last = clients[1].get(SESSIONS).cookie(cookie).dispatch().await;
        let html = last.into_string().await.expect("body");
        assert_eq!(
            visits(&html),
            202,
            "1 + 200 parallel on two instances + this one"
        );
    });
}

#[test]
fn a_login_on_one_instance_is_a_login_on_the_other() {
    let Some(redis) = RedisServer::start("a_login_on_one_instance_is_a_login_on_the_other") else {
        return;
    };
    let (first, second) = two_instances(Some(&redis));
    let mut alice = SessionsVisitor::arrive(&first);
    alice.visit();
    alice
        .log_in_as(ALICE)
        .assert_redirect_to("/labs/sessions/me");
    let me = on(&second, &alice.credential_copy()).me();
    assert_eq!(me.status, Status::Ok);
    assert!(me.shows_logged_in(ALICE));
    let page = on(&second, &alice.credential_copy()).visit();
    assert_eq!(page.user().as_deref(), Some("alice"));
    assert_eq!(page.visits(), 2, "the login carried the count over");
}

#[test]
fn a_logout_on_one_instance_refuses_the_copy_on_the_other() {
    let Some(redis) = RedisServer::start("a_logout_on_one_instance_refuses_the_copy") else {
        return;
    };
    let (first, second) = two_instances(Some(&redis));
    let mut alice = SessionsVisitor::arrive(&first);
    alice.log_in_as(ALICE);
    let copy = alice.credential_copy();
    assert_eq!(on(&second, &copy).me().status, Status::Ok);
    alice.log_out();
    on(&second, &copy)
        .me()
        .assert_redirect_to("/labs/sessions/login");
}

#[test]
fn an_account_registered_on_one_instance_logs_in_on_the_other() {
    let Some(redis) = RedisServer::start("an_account_registered_on_one_instance") else {
        return;
    };
    let (first, second) = two_instances(Some(&redis));
    let mut carol = SessionsVisitor::arrive(&first);
    let fields = [("username", "carol"), ("password", "correct horse")]
        .map(|(k, v)| (k.to_string(), v.to_string()));
    assert_eq!(
        carol.0.post_form("/register", &fields).status,
        Status::Created
    );
    let mut elsewhere = SessionsVisitor::arrive(&second);
    elsewhere
        .log_in("carol", "correct horse")
        .assert_redirect_to("/labs/sessions/me");
    assert_eq!(elsewhere.me().status, Status::Ok);
    // The name is taken on every instance, not only where it was registered.
    let again = SessionsVisitor::arrive(&second)
        .0
        .post_form("/register", &fields);
    assert_eq!(again.status, Status::Conflict);
    let demo = redis.query(&["HKEYS", "authlabs:accounts"]);
    for name in ["alice", "bob", "carol"] {
        assert!(demo.iter().any(|n| n == name), "{name} in {demo:?}");
    }
    assert_eq!(
        demo.len(),
        3,
        "the demo accounts were seeded once, not per instance"
    );
}

/// Visits until the page is served, for at most `seconds` (a reconnect may cost a 503).
fn visit_until_served(browser: &mut SessionsVisitor<'_>, seconds: u64) -> Page {
    let deadline = Instant::now() + Duration::from_secs(seconds);
    loop {
        let page = browser.0.get(SESSIONS);
        if page.status == Status::Ok || Instant::now() > deadline {
            return page;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn idle_sessions_expire_in_redis_by_key_expiry() {
    let Some(redis) = RedisServer::start("idle_sessions_expire_in_redis") else {
        return;
    };
    let app = TestApp::with(
        figment()
            .merge(("session_store", redis.url()))
            .merge(("session_idle_timeout", 1)),
    );
    let mut browser = SessionsVisitor::arrive(&app);
    assert_eq!(browser.visit().visits(), 1);
    assert_eq!(redis.query(&["KEYS", "authlabs:session:*"]).len(), 1);
    let ttl: i64 = redis.query(&["PTTL", &session_key(&redis)])[0]
        .parse()
        .expect("a number");
    assert!(
        (1..=1000).contains(&ttl),
        "the key expires with the session: {ttl} ms"
    );
    std::thread::sleep(Duration::from_millis(1300));
    assert!(
        redis.query(&["KEYS", "authlabs:session:*"]).is_empty(),
        "Redis deleted the idle session itself"
    );
    let page = browser.visit();
    assert_eq!(page.visits(), 1, "a new session");
}

/// The one session key in `redis`.
fn session_key(redis: &RedisServer) -> String {
    redis.query(&["KEYS", "authlabs:session:*"])[0].clone()
}

#[test]
fn a_busy_session_still_dies_at_the_absolute_timeout_in_redis() {
    let Some(redis) = RedisServer::start("a_busy_session_still_dies_at_the_absolute_timeout")
    else {
        return;
    };
    let app = TestApp::with(
        figment()
            .merge(("session_store", redis.url()))
            .merge(("session_idle_timeout", 2))
            .merge(("session_absolute_timeout", 3)),
    );
    let mut browser = SessionsVisitor::arrive(&app);
    let start = Instant::now();
    let mut count = browser.visit().visits();
    while start.elapsed() < Duration::from_millis(2500) {
        std::thread::sleep(Duration::from_millis(400));
        let next = browser.visit().visits();
        assert_eq!(
            next,
            count + 1,
            "alive while busy, before the absolute timeout"
        );
        count = next;
    }
    // The idle expiry would be 2 s from now; the absolute one comes first.
    let ttl: i64 = redis.query(&["PTTL", &session_key(&redis)])[0]
        .parse()
        .expect("a number");
    assert!(
        ttl < 1000,
        "the key expires at the absolute timeout: {ttl} ms left"
    );
    std::thread::sleep(Duration::from_millis(800));
    assert_eq!(browser.visit().visits(), 1, "dead at 3 s however busy");
}

#[test]
fn redis_stopped_mid_run_gives_503s_and_restarted_it_serves_again() {
    let Some(mut redis) = RedisServer::start("redis_stopped_mid_run_gives_503s") else {
        return;
    };
    let app = instance(Some(&redis), 8000);
    let mut browser = SessionsVisitor::arrive(&app);
    browser.visit();
    redis.stop();
    let page = browser.0.get(SESSIONS);
    assert_eq!(page.status, Status::ServiceUnavailable, "{}", page.body);
    assert!(
        page.body.contains("The session store is not answering"),
        "{}",
        page.body
    );
    assert_eq!(browser.me().status, Status::ServiceUnavailable);
    let login = browser.log_in_as(ALICE);
    assert_eq!(login.status, Status::ServiceUnavailable, "{}", login.body);
    let health = app.client().get("/health").dispatch();
    assert_eq!(health.status(), Status::ServiceUnavailable);
    let json = health.into_string().expect("body");
    assert!(json.contains(r#""store":"redis""#) && json.contains(r#""store_answers":false"#));
    // The labs that keep no state on the server go on working.
    let jwt = app.client().get("/labs/jwt-cookie").dispatch();
    assert_eq!(jwt.status(), Status::Ok);
    redis.restart();
    let page = visit_until_served(&mut SessionsVisitor::arrive(&app), 10);
    assert_eq!(page.status, Status::Ok, "served again once Redis is back");
    assert_eq!(page.visits(), 1, "Redis restarted empty: a new session");
    let mut alice = SessionsVisitor::arrive(&app);
    alice
        .log_in_as(ALICE)
        .assert_redirect_to("/labs/sessions/me");
    assert!(
        alice.me().shows_logged_in(ALICE),
        "the demo accounts were seeded again"
    );
    assert_eq!(app.client().get("/health").dispatch().status(), Status::Ok);
}

#[test]
fn an_app_started_while_redis_is_down_serves_503s_then_recovers() {
    let Some(mut redis) = RedisServer::start("an_app_started_while_redis_is_down") else {
        return;
    };
    redis.stop();
    let app = instance(Some(&redis), 8000);
    let mut browser = SessionsVisitor::arrive(&app);
    assert_eq!(browser.0.get(SESSIONS).status, Status::ServiceUnavailable);
    let register = [("username", "dave"), ("password", "correct horse")]
        .map(|(k, v)| (k.to_string(), v.to_string()));
    let refused = browser.0.post_form("/register", &register);
    assert_eq!(refused.status, Status::ServiceUnavailable);
    redis.restart();
    assert_eq!(visit_until_served(&mut browser, 10).status, Status::Ok);
}

/// The store itself, on a fresh Redis, driven on a runtime of its own.
fn with_redis_store(test: &str, capacity: usize, check: impl AsyncFnOnce(SessionStore)) {
    let Some(redis) = RedisServer::start(test) else {
        return;
    };
    let runtime = rocket::tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let link = RedisLink::open(&redis.url(), redis.url()).expect("a URL");
        let limits = SessionLimits {
            idle: time::Duration::minutes(30),
            absolute: time::Duration::hours(8),
            capacity,
        };
        check(SessionStore::redis(link, limits)).await;
    });
}

#[test]
fn an_anonymous_flood_never_evicts_a_logged_in_session_in_redis() {
    with_redis_store("an_anonymous_flood_in_redis", 4, async |store| {
        let now = OffsetDateTime::now_utc();
        let alice = store.login(None, "alice", now).await.expect("answers");
        for _ in 0..50 {
            store.create(now, 1, None).await.expect("answers");
        }
        let counts = store.counts().await.expect("answers");
        assert_eq!((counts.anonymous, counts.logged_in), (2, 1));
        assert!(store.get(&alice.id, now).await.expect("answers").is_some());
    });
}

#[test]
fn write_back_of_a_stale_copy_loses_the_increments_in_between_in_redis_too() {
    with_redis_store("write_back_in_redis", 10, async |store| {
        let now = OffsetDateTime::now_utc();
        let session = store.create(now, 1, None).await.expect("answers");
        let copy = store
            .get(&session.id, now)
            .await
            .expect("answers")
            .expect("live");
        store.visit(&session.id, now).await.expect("answers");
        store.visit(&session.id, now).await.expect("answers");
        let written = store
            .write_back(&session.id, copy.visits + 1, now)
            .await
            .expect("answers")
            .expect("live");
        assert_eq!(
            written.session.visits, 2,
            "the two visits in between are lost"
        );
        assert_eq!(written.overwrote, 3, "it says what it overwrote");
    });
}

#[test]
fn login_keeping_id_logs_in_the_planted_id_itself_in_redis() {
    with_redis_store("login_keeping_id_in_redis", 10, async |store| {
        let now = OffsetDateTime::now_utc();
        let planted = store.create(now, 3, None).await.expect("answers");
        let logged_in = store
            .login_keeping_id(&planted.id, "alice", now)
            .await
            .expect("answers")
            .expect("a live session");
        assert_eq!(logged_in.id, planted.id);
        assert_eq!(logged_in.user.as_deref(), Some("alice"));
        assert_eq!(logged_in.visits, 3);
        let counts = store.counts().await.expect("answers");
        assert_eq!((counts.anonymous, counts.logged_in), (0, 1));
        let regenerated = store
            .login(Some(&planted.id), "alice", now)
            .await
            .expect("answers");
        assert_ne!(regenerated.id, planted.id);
        assert_eq!(regenerated.visits, 3, "the count carried over");
        assert!(store
            .get(&planted.id, now)
            .await
            .expect("answers")
            .is_none());
    });
}

#[test]
fn logging_out_everywhere_ends_only_that_users_sessions_in_redis() {
    with_redis_store("logging_out_everywhere_in_redis", 10, async |store| {
        let now = OffsetDateTime::now_utc();
        let laptop = store.login(None, "alice", now).await.expect("answers");
        let phone = store.login(None, "alice", now).await.expect("answers");
        let bob = store.login(None, "bob", now).await.expect("answers");
        let guest = store.create(now, 1, None).await.expect("answers");
        assert_eq!(store.destroy_user("alice").await, Ok(2));
        for gone in [laptop.id, phone.id] {
            assert!(store.get(&gone, now).await.expect("answers").is_none());
        }
        for kept in [bob.id, guest.id] {
            assert!(store.get(&kept, now).await.expect("answers").is_some());
        }
        let bobs = |s: &crate::support::internals::SessionView| s.user.as_deref() == Some("bob");
        assert_eq!(store.destroy_where(bobs).await, Ok(1));
        assert_eq!(store.len().await, Ok(1), "the guest is left");
    });
}

/// The `data-why` of the arrival marked `id` on `page`.
fn why(page: &Page, id: &str) -> Option<String> {
    let marker = format!("id=\"{id}\"");
    let tag = page
        .body
        .split("<strong")
        .find(|tag| tag.contains(&marker))?
        .split('>')
        .next()?;
    crate::support::html::attr(tag, "data-why")
}

/// Chapter 11's table, as two instances that differ in one key each see it: the credentials the
/// key protects are refused for exactly that reason, and the others pass (a memory store is
/// enough: the reason is read before any store is asked).
#[test]
fn each_key_a_second_instance_does_not_share_refuses_exactly_what_it_protects() {
    use crate::support::{CookiesVisitor, JwtCookieVisitor};
    let first = TestApp::spawn();
    let mut sessions = SessionsVisitor::arrive(&first);
    sessions.log_in_as(ALICE);
    let mut cookies = CookiesVisitor::arrive(&first);
    cookies.visit();
    cookies.log_in_as(ALICE);
    let mut jwt = JwtCookieVisitor::arrive(&first);
    jwt.log_in_as(ALICE);
    let carried = [
        sessions.credential_copy(),
        cookies.credential_copy(),
        jwt.credential_copy(),
    ];
    let other_key = "q3Yb7h0cJ1n2S3m4e5L6a7B8s9R0u1S2t3Y4w5Z6x7A=";
    let rows = [
        ("secret_key", other_key.to_string()),
        (
            "jwt_secret",
            "another-jwt-secret-of-more-than-32-bytes!".to_string(),
        ),
        (
            "cookie_signing_keys",
            "another-signing-key-of-more-than-32-bytes".to_string(),
        ),
    ];
    for (key, value) in rows {
        let second = TestApp::with(figment().merge((key, value)));
        let page = on(&second, &carried[0]).visit();
        let sid = why(&page, "cookie-state");
        let cookies = CookiesVisitor::arrive(&second)
            .carrying(carried[1].clone())
            .visit();
        let private = cookies.text("private-verdict");
        let signed = cookies.text("signed-verdict");
        let token = JwtCookieVisitor::arrive(&second)
            .carrying(carried[2].clone())
            .visit();
        let jwt = why(&token, "token-state");
        match key {
            "secret_key" => {
                assert_eq!(sid.as_deref(), Some("undecryptable"), "{key}");
                assert_eq!(private.as_deref(), Some("could not decrypt"), "{key}");
                assert_eq!(signed.as_deref(), Some("accepted"), "{key}");
                assert!(jwt.is_none(), "{key}: the token passes: {jwt:?}");
            }
            "jwt_secret" => {
                assert_ne!(sid.as_deref(), Some("undecryptable"), "{key}");
                assert_eq!(private.as_deref(), Some("accepted"), "{key}");
                assert_eq!(jwt.as_deref(), Some("bad_signature"), "{key}");
            }
            _ => {
                assert_eq!(signed.as_deref(), Some("signature did not match"), "{key}");
                assert_eq!(private.as_deref(), Some("accepted"), "{key}");
                assert!(jwt.is_none(), "{key}: the token passes: {jwt:?}");
            }
        }
    }
}
