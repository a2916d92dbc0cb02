//! The server's own output never contains a secret, a password, a cookie value or a token,
//! even at Rocket's most verbose log level.

use std::io::Read;
use std::process::{Command, Stdio};

use crate::support::{free_port, wait_for_port};

#[test]
fn logs_never_contain_secrets_passwords_cookie_values_or_tokens() {
    let port = free_port();
    let mut server = Command::new(env!("CARGO_BIN_EXE_auth-labs"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("ROCKET_PORT", port.to_string())
        .env("ROCKET_LOG_LEVEL", "debug")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the server starts");
    wait_for_port(port, "the app");
    let base = format!("http://127.0.0.1:{port}");
    let agent = ureq::AgentBuilder::new().redirects(0).build();
    let mut secrets_seen: Vec<String> = vec![
        crate::support::internals::DEMO_SECRET_KEY.into(),
        crate::support::internals::DEMO_JWT_SECRET.into(),
        "wonderland".into(),
        "a-password-for-logs".into(),
    ];
    let mut set_cookie_values = |response: &ureq::Response| {
        for line in response.all("Set-Cookie") {
            let value = line.split(';').next().unwrap_or_default();
            if let Some((_, v)) = value.split_once('=') {
                if v.len() > 8 {
                    secrets_seen.push(v.to_string());
                }
            }
        }
    };

    for lab in ["sessions", "cookies", "jwt-cookie"] {
        let page = agent
            .get(&format!("{base}/labs/{lab}"))
            .call()
            .expect("lab page");
        set_cookie_values(&page);
        let login = agent
            .post(&format!("{base}/labs/{lab}/login"))
            .send_form(&[("username", "alice"), ("password", "wonderland")])
            .expect("login");
        set_cookie_values(&login);
    }
    let _ = agent.post(&format!("{base}/register")).send_form(&[
        ("username", "logcheck"),
        ("password", "a-password-for-logs"),
    ]);
    let token: serde_json::Value = agent
        .post(&format!("{base}/labs/jwt-header/api/token"))
        .send_json(serde_json::json!({"username": "alice", "password": "wonderland"}))
        .expect("token")
        .into_json()
        .expect("json");
    let token = token["access_token"]
        .as_str()
        .expect("access_token")
        .to_string();
    agent
        .post(&format!("{base}/labs/jwt-header/api/visit"))
        .set("Authorization", &format!("Bearer {token}"))
        .call()
        .expect("visit");
    let _ = agent
        .post(&format!("{base}/tools/jwt"))
        .send_form(&[("token", &token)]);
    let signature = token.rsplit('.').next().unwrap_or_default().to_string();
    secrets_seen.push(signature);

    let _ = server.kill();
    let mut output = String::new();
    if let Some(mut out) = server.stdout.take() {
        let _ = out.read_to_string(&mut output);
    }
    if let Some(mut err) = server.stderr.take() {
        let _ = err.read_to_string(&mut output);
    }
    let _ = server.wait();
    assert!(
        output.contains("/labs/jwt-header/api/visit"),
        "the log was captured:\n{output}"
    );
    assert!(
        output.contains("log_level \"debug\" would print form fields"),
        "{output}"
    );
    for secret in &secrets_seen {
        assert!(
            !output.contains(secret.as_str()),
            "the log contains {secret:?}"
        );
    }
}
