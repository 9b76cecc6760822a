//! Server answers a real sockudo will not give on demand (a clock far off, 403, 413,
//! 5xx, a body that is not JSON), from a scripted one-shot HTTP responder.

mod common;

use std::io::{Read as _, Write as _};
use std::net::TcpListener;
use std::time::{Duration, SystemTime};

use common::{TestEnv, output_text};

/// Answer every connection with one canned response; returns the port.
fn responder(status: &str, extra_headers: String, body: &'static str) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let status = status.to_owned();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut buf = [0u8; 8192];
            let mut seen = Vec::new();
            while !seen.windows(4).any(|w| w == b"\r\n\r\n") {
                match stream.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => seen.extend_from_slice(&buf[..n]),
                }
            }
            let reply = format!(
                "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n{extra_headers}\r\n{body}",
                body.len()
            );
            let _ = stream.write_all(reply.as_bytes());
        }
    });
    port
}

fn channels_list(port: u16) -> (Option<i32>, String, String) {
    let env = TestEnv::new();
    let out = env
        .rtctl()
        .args(["--port", &port.to_string(), "channels", "list"])
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    (out.status.code(), stdout, stderr)
}

#[test]
fn a_401_from_a_server_whose_clock_is_an_hour_ahead_blames_the_clock() {
    let date = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(3600));
    let port = responder(
        "401 Unauthorized",
        format!("Date: {date}\r\n"),
        r#"{"error":"Invalid signature"}"#,
    );
    let (code, stdout, stderr) = channels_list(port);
    assert_eq!(code, Some(4), "{stderr}");
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("clock is 3") && stderr.contains("behind the server's"),
        "{stderr}"
    );
}

#[test]
fn a_401_with_the_clocks_in_step_blames_the_credentials() {
    let date = httpdate::fmt_http_date(SystemTime::now());
    let port = responder("401 Unauthorized", format!("Date: {date}\r\n"), "{}");
    let (code, _, stderr) = channels_list(port);
    assert_eq!(code, Some(4), "{stderr}");
    assert!(
        stderr.contains("key (`app-key`) or secret is likely wrong"),
        "{stderr}"
    );
}

#[test]
fn forbidden_too_large_and_server_errors() {
    let cases = [
        (
            "403 Forbidden",
            4,
            "refused the request",
            "disabled or over its message quota",
        ),
        ("413 Payload Too Large", 1, "payload too large", "10 KB"),
        ("503 Service Unavailable", 1, "server error", "try again"),
        ("429 Too Many Requests", 1, "rate limited", "slow down"),
    ];
    for (status, want_code, message, hint) in cases {
        let port = responder(status, String::new(), r#"{"error":"nope"}"#);
        let (code, stdout, stderr) = channels_list(port);
        assert_eq!(code, Some(want_code), "{status}: {stderr}");
        assert!(stdout.is_empty());
        assert!(stderr.contains(message), "{status}: {stderr}");
        assert!(stderr.contains(hint), "{status}: {stderr}");
        assert!(
            stderr.contains("nope"),
            "the server's own words are shown: {stderr}"
        );
    }
}

#[test]
fn a_body_that_is_not_json_is_reported_sanitized() {
    let port = responder("200 OK", String::new(), "<html>\u{1b}[31mhello</html>");
    let (code, _, stderr) = channels_list(port);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("not the JSON expected"), "{stderr}");
    assert!(
        !stderr.contains('\u{1b}'),
        "control characters reach the terminal: {stderr:?}"
    );
}

#[test]
fn a_batch_to_a_server_that_is_gone_retries_then_accounts_for_every_line() {
    let env = TestEnv::new();
    let (listener, port) = common::silent_listener();
    drop(listener); // nothing listens: every request fails to connect
    let lines: String = (0..25)
        .map(|i| format!("{{\"channel\":\"c\",\"name\":\"e\",\"data\":{i}}}\n"))
        .collect();
    let out = env
        .rtctl()
        .args([
            "--port",
            &port.to_string(),
            "trigger",
            "--batch",
            "-",
            "--json",
            "--retries",
            "1",
        ])
        .write_stdin(lines)
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let s: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        (
            s["sent"].as_u64(),
            s["rejected"].as_u64(),
            s["accepted"].as_u64()
        ),
        (Some(25), Some(25), Some(0))
    );
    assert_eq!(
        (s["requests"].as_u64(), s["retried"].as_u64()),
        (Some(3), Some(3)),
        "{s}"
    );
    assert!(
        s["first_errors"][0]
            .as_str()
            .unwrap()
            .contains("cannot connect"),
        "{s}"
    );
}

#[test]
fn an_unreachable_backend_names_its_url_and_where_it_came_from() {
    let env = TestEnv::new();
    let (listener, port) = common::silent_listener();
    drop(listener);
    let out = env
        .rtctl()
        .args([
            "trigger",
            "dashboard-updates",
            "system_notification",
            "--via",
            "backend",
        ])
        .env("RTCTL_BACKEND_URL", format!("http://127.0.0.1:{port}"))
        .output()
        .unwrap();
    let (_, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(6), "{stderr}");
    assert!(
        stderr.contains(&format!("127.0.0.1:{port}/realtime/trigger")),
        "{stderr}"
    );
    assert!(stderr.contains("env RTCTL_BACKEND_URL"), "{stderr}");
}
