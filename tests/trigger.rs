//! `rtctl trigger` and `rtctl users` against a real sockudo, seen by real subscribers.

mod common;

use std::io::{Read as _, Write as _};
use std::net::TcpListener;
use std::process::{Command, Stdio};
use std::sync::mpsc;

use common::{Server, Subscriber, TestEnv, output_text, write_file};
use serde_json::{Value, json};

fn data_of(frame: &Value) -> &str {
    frame["data"].as_str().expect("data is a string")
}

/// Publish a sentinel event and check it is the next thing `sub` sees: so nothing
/// was sent before it.
fn nothing_was_sent(env: &TestEnv, sub: &mut Subscriber, channel: &str) {
    env.rtctl()
        .args(["trigger", channel, "sentinel", r#"{"s":1}"#])
        .assert()
        .success();
    let frame = sub.next_app_event();
    assert_eq!(
        frame["event"], "sentinel",
        "something else arrived first: {frame}"
    );
}

#[test]
fn subscribers_receive_exactly_the_payload_given() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let mut sub = Subscriber::connect(server);
    sub.subscribe(server, "dashboard-updates", None);

    // Inline JSON, byte for byte (spacing and key order kept).
    let inline = r#"{ "type": "success",  "message": "Deploy done", "title": "CI" }"#;
    env.rtctl()
        .args([
            "trigger",
            "dashboard-updates",
            "system_notification",
            inline,
        ])
        .assert()
        .success();
    let frame = sub.next_app_event();
    assert_eq!(frame["event"], "system_notification");
    assert_eq!(frame["channel"], "dashboard-updates");
    assert_eq!(data_of(&frame), inline);

    // From a file.
    let file = write_file(
        &env.work_dir(),
        "n.json",
        "{\"type\":\"info\",\"message\":\"from a file\"}\n",
    );
    env.rtctl()
        .args(["trigger", "dashboard-updates", "system_notification"])
        .arg(format!("@{}", file.display()))
        .assert()
        .success();
    assert_eq!(
        data_of(&sub.next_app_event()),
        r#"{"type":"info","message":"from a file"}"#
    );

    // From stdin.
    env.rtctl()
        .args(["trigger", "dashboard-updates", "system_notification", "-"])
        .write_stdin("{\"type\":\"warning\",\"message\":\"from stdin\"}\n")
        .assert()
        .success();
    assert_eq!(
        data_of(&sub.next_app_event()),
        r#"{"type":"warning","message":"from stdin"}"#
    );

    // --set on top of the catalogue's example, typed.
    env.rtctl()
        .args(["trigger", "dashboard-updates", "system_notification"])
        .args([
            "--set",
            "type=success",
            "--set",
            "message=Deploy done",
            "--set",
            "meta.build=42",
        ])
        .assert()
        .success();
    let v: Value = serde_json::from_str(data_of(&sub.next_app_event())).unwrap();
    assert_eq!(v["type"], "success");
    assert_eq!(v["message"], "Deploy done");
    assert_eq!(v["meta"]["build"], 42);
    assert_eq!(v["title"], "System Update", "the rest of the example stays");

    // The catalogue's example, placeholders filled.
    let out = env
        .rtctl()
        .args(["trigger", "dashboard-updates", "system_notification"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        output_text(&out).1.contains("the catalogue's example"),
        "says which data was used"
    );
    let v: Value = serde_json::from_str(data_of(&sub.next_app_event())).unwrap();
    assert_eq!(v["type"], "info");
    assert_eq!(v["message"], "New features have been deployed");
    let ts = v["timestamp"].as_str().unwrap();
    assert!(
        ts.len() == 20 && ts.ends_with('Z') && !ts.contains("{{"),
        "{ts}"
    );

    // An event the catalogue does not know: {} and a warning.
    let out = env
        .rtctl()
        .args(["trigger", "dashboard-updates", "unknown_event"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        output_text(&out)
            .1
            .contains("not in the built-in catalogue")
    );
    assert_eq!(data_of(&sub.next_app_event()), "{}");

    // Plain text is sent as it is.
    env.rtctl()
        .args(["trigger", "dashboard-updates", "note", "Deploy done"])
        .assert()
        .success();
    assert_eq!(data_of(&sub.next_app_event()), "Deploy done");
}

#[test]
fn one_trigger_reaches_several_channels() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let mut a = Subscriber::connect(server);
    a.subscribe(server, "private-class-7", None);
    let mut b = Subscriber::connect(server);
    b.subscribe(server, "private-class-8", None);
    env.rtctl()
        .args([
            "trigger",
            "private-class-7,private-class-8",
            "class_announcement",
            r#"{"message":"hi"}"#,
        ])
        .assert()
        .success();
    for sub in [&mut a, &mut b] {
        let frame = sub.next_app_event();
        assert_eq!(frame["event"], "class_announcement");
        assert_eq!(data_of(&frame), r#"{"message":"hi"}"#);
    }
}

#[test]
fn socket_id_excludes_that_connection() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let mut excluded = Subscriber::connect(server);
    excluded.subscribe(server, "agent-status", None);
    let mut other = Subscriber::connect(server);
    other.subscribe(server, "agent-status", None);
    env.rtctl()
        .args([
            "trigger",
            "agent-status",
            "first",
            "{}",
            "--socket-id",
            &excluded.socket_id,
            "--no-validate",
        ])
        .assert()
        .success();
    env.rtctl()
        .args(["trigger", "agent-status", "second", "{}"])
        .assert()
        .success();
    assert_eq!(other.next_app_event()["event"], "first");
    assert_eq!(other.next_app_event()["event"], "second");
    assert_eq!(
        excluded.next_app_event()["event"],
        "second",
        "the excluded connection got `first`"
    );
}

#[test]
fn info_prints_the_channel_attributes_the_server_returns() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let mut a = Subscriber::connect(server);
    a.subscribe(server, "presence-lesson-77", Some("u1"));
    let mut b = Subscriber::connect(server);
    b.subscribe(server, "presence-lesson-77", Some("u2"));
    let out = env
        .rtctl()
        .args([
            "trigger",
            "presence-lesson-77",
            "help_requested",
            r#"{"user_id":"u1"}"#,
            "--info",
            "user_count",
            "--json",
        ])
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["accepted"], true);
    assert_eq!(
        v["answer"]["channels"]["presence-lesson-77"]["user_count"], 2,
        "{v}"
    );
    let human = env
        .rtctl()
        .args([
            "trigger",
            "presence-lesson-77",
            "help_requested",
            r#"{"user_id":"u1"}"#,
            "--info",
            "user_count",
        ])
        .output()
        .unwrap();
    assert!(
        output_text(&human)
            .0
            .contains("info      presence-lesson-77  user_count=2"),
        "{:?}",
        output_text(&human)
    );
}

#[test]
fn a_thousand_line_batch_is_all_delivered_and_counted_exactly() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let channels = ["batch-a", "batch-b", "batch-c"];
    let mut sub = Subscriber::connect(server);
    for c in channels {
        sub.subscribe(server, c, None);
    }
    let mut lines = String::new();
    for i in 0..1000 {
        let line = json!({ "channel": channels[i % 3], "name": "tick", "data": { "n": i } });
        lines.push_str(&line.to_string());
        lines.push('\n');
    }
    let file = write_file(&env.work_dir(), "events.jsonl", &lines);
    // Run it while the subscriber reads, as a real one would.
    let child = Command::new(assert_cmd::cargo::cargo_bin("rtctl"))
        .args(["trigger", "--batch"])
        .arg(&file)
        .arg("--json")
        .env_clear()
        .env("HOME", env.work_dir())
        .env("RTCTL_CONFIG", env.config_path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut seen = vec![false; 1000];
    for _ in 0..1000 {
        let frame = sub.next_app_event();
        let n = serde_json::from_str::<Value>(data_of(&frame)).unwrap()["n"]
            .as_u64()
            .unwrap() as usize;
        assert!(!seen[n], "event {n} arrived twice");
        seen[n] = true;
    }
    let out = child.wait_with_output().unwrap();
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{stderr}");
    let summary: Value = serde_json::from_str(&stdout).unwrap();
    for (k, want) in [
        ("lines", 1000),
        ("sent", 1000),
        ("accepted", 1000),
        ("rejected", 0),
        ("invalid", 0),
        ("requests", 100),
    ] {
        assert_eq!(summary[k], want, "{k}: {summary}");
    }
}

#[test]
fn bad_batch_lines_are_named_and_counted() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let input = "{\"channel\":\"x\",\"name\":\"e\",\"data\":1}\nnot json\n\n{\"channel\":\"bad name\",\"name\":\"e\",\"data\":1}\n{\"channel\":\"x\",\"name\":\"e\",\"data\":2}\n";
    let out = env
        .rtctl()
        .args(["trigger", "--batch", "-", "--json"])
        .write_stdin(input)
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let s: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        (
            s["lines"].as_u64(),
            s["blank"].as_u64(),
            s["invalid"].as_u64(),
            s["accepted"].as_u64()
        ),
        (Some(5), Some(1), Some(2), Some(2))
    );
    let errors = s["first_errors"].to_string();
    assert!(
        errors.contains("line 2:") && errors.contains("line 4:"),
        "{errors}"
    );

    // --fail-fast stops at the first bad line; nothing after it is sent.
    let out = env
        .rtctl()
        .args(["trigger", "--batch", "-", "--fail-fast", "--json"])
        .write_stdin(input)
        .output()
        .unwrap();
    let (stdout, _) = output_text(&out);
    assert_eq!(out.status.code(), Some(2));
    let s: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        (
            s["lines"].as_u64(),
            s["stopped_at_line"].as_u64(),
            s["sent"].as_u64()
        ),
        (Some(2), Some(2), Some(1))
    );
}

#[test]
fn every_limit_is_refused_before_anything_is_sent() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let mut sub = Subscriber::connect(server);
    sub.subscribe(server, "limits", None);
    let big = format!("{{\"x\":\"{}\"}}", "a".repeat(10 * 1024));
    let many: Vec<String> = (0..101)
        .map(|i| {
            if i == 0 {
                "limits".to_owned()
            } else {
                format!("limits-{i}")
            }
        })
        .collect();
    let long_event = "e".repeat(201);
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec!["limits".into(), "e".into(), big],
            "the limit is 10240 bytes",
        ),
        (vec![many.join(","), "e".into(), "{}".into()], "at most 100"),
        (
            vec!["limits".into(), long_event, "{}".into()],
            "at most 200",
        ),
        (
            vec!["limits,bad name".into(), "e".into(), "{}".into()],
            "may not contain",
        ),
        (
            vec!["limits".into(), "client-typing".into(), "{}".into()],
            "client event",
        ),
        (
            vec![
                "limits".into(),
                "e".into(),
                "{}".into(),
                "--socket-id".into(),
                "12.34\n".into(),
            ],
            "not of the form",
        ),
        (
            vec!["limits".into(), "e".into(), r#"{"a":"#.into()],
            "not valid JSON",
        ),
        (
            vec![
                "limits".into(),
                "e".into(),
                "{}".into(),
                "--set".into(),
                "novalue".into(),
            ],
            "path=value",
        ),
    ];
    for (args, message) in cases {
        let out = env.rtctl().arg("trigger").args(&args).output().unwrap();
        let (stdout, stderr) = output_text(&out);
        assert_eq!(out.status.code(), Some(2), "{message}: {stderr}");
        assert!(stdout.is_empty());
        assert!(stderr.contains(message), "{message}: {stderr}");
        assert!(stderr.contains("hint:"), "{stderr}");
    }
    // A server that allows more: max_payload_kb lets the big one through.
    nothing_was_sent(&env, &mut sub, "limits");
}

#[test]
fn a_catalogue_violation_is_refused_unless_told() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let mut sub = Subscriber::connect(server);
    sub.subscribe(server, "dashboard-updates", None);
    let out = env
        .rtctl()
        .args([
            "trigger",
            "dashboard-updates",
            "system_notification",
            "--set",
            "type=urgent",
        ])
        .output()
        .unwrap();
    let (_, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.contains("field `type` is `urgent`; allowed: info, success, warning, error"),
        "{stderr}"
    );
    nothing_was_sent(&env, &mut sub, "dashboard-updates");
    env.rtctl()
        .args([
            "trigger",
            "dashboard-updates",
            "system_notification",
            "--set",
            "type=urgent",
            "--no-validate",
        ])
        .assert()
        .success();
    assert_eq!(sub.next_app_event()["event"], "system_notification");
}

#[test]
fn curl_output_run_by_curl_is_accepted() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let mut sub = Subscriber::connect(server);
    sub.subscribe(server, "content-generation", None);
    let out = env
        .rtctl()
        .args([
            "trigger",
            "content-generation",
            "progress_update",
            r#"{"content_id":"c1","progress":75}"#,
            "--curl",
        ])
        .output()
        .unwrap();
    let (cmd, _) = output_text(&out);
    assert!(out.status.success());
    assert!(
        !cmd.contains(&server.secret),
        "the secret is in the curl command"
    );
    let run = Command::new("sh")
        .arg("-c")
        .arg(cmd.trim())
        .output()
        .expect("curl runs");
    assert!(run.status.success(), "{:?}", output_text(&run));
    let frame = sub.next_app_event();
    assert_eq!(frame["event"], "progress_update");
    assert_eq!(data_of(&frame), r#"{"content_id":"c1","progress":75}"#);
    // --dry-run sends nothing.
    env.rtctl()
        .args([
            "trigger",
            "content-generation",
            "progress_update",
            r#"{"content_id":"c2","progress":1}"#,
            "--dry-run",
        ])
        .assert()
        .success();
    nothing_was_sent(&env, &mut sub, "content-generation");
}

/// A stand-in for the app's backend: checks the bearer token and hands each body on.
fn test_backend(token: &'static str) -> (u16, mpsc::Receiver<Value>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut req = Vec::new();
            let mut buf = [0u8; 4096];
            let body_start = loop {
                let n = stream.read(&mut buf).unwrap_or(0);
                if n == 0 {
                    break None;
                }
                req.extend_from_slice(&buf[..n]);
                if let Some(i) = req.windows(4).position(|w| w == b"\r\n\r\n") {
                    break Some(i + 4);
                }
            };
            let Some(start) = body_start else { continue };
            let head = String::from_utf8_lossy(&req[..start]).to_lowercase();
            let len: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0);
            while req.len() < start + len {
                let n = stream.read(&mut buf).unwrap_or(0);
                if n == 0 {
                    break;
                }
                req.extend_from_slice(&buf[..n]);
            }
            let authorized = head.contains(&format!("authorization: bearer {token}\r\n"));
            let (status, body) = if !head.starts_with("post /realtime/trigger ") {
                ("404 Not Found", r#"{"detail":"Not Found"}"#)
            } else if authorized {
                let _ = tx.send(serde_json::from_slice(&req[start..]).unwrap_or(Value::Null));
                (
                    "200 OK",
                    r#"{"success":true,"message":"Event triggered successfully"}"#,
                )
            } else {
                ("401 Unauthorized", r#"{"detail":"Not authenticated"}"#)
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    (port, rx)
}

#[test]
fn via_backend_posts_to_the_apps_trigger_endpoint_with_its_token() {
    let (port, bodies) = test_backend("admin-token-123");
    let env = TestEnv::new();
    env.write_config(&format!(
        "[profiles.local]\nbackend_url = \"http://127.0.0.1:{port}\"\nbackend_token = \"admin-token-123\"\n"
    ));
    let out = env
        .rtctl()
        .args([
            "trigger",
            "dashboard-updates",
            "system_notification",
            r#"{"type":"info","message":"m"}"#,
        ])
        .args(["--via", "backend", "--socket-id", "1.2"])
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("via the backend"), "{stdout}");
    let body = bodies
        .recv_timeout(std::time::Duration::from_secs(5))
        .unwrap();
    assert_eq!(
        body,
        json!({"channel": "dashboard-updates", "event": "system_notification", "data": {"type": "info", "message": "m"}, "socket_id": "1.2"})
    );

    // A wrong token: the auth exit code and a message naming the token.
    let out = env
        .rtctl()
        .args([
            "trigger",
            "dashboard-updates",
            "system_notification",
            "--via",
            "backend",
        ])
        .env("RTCTL_BACKEND_TOKEN", "expired-token")
        .output()
        .unwrap();
    let (_, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(
        stderr.contains("backend token (from env RTCTL_BACKEND_TOKEN)"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("expired-token"),
        "the token leaked: {stderr}"
    );

    // --curl through the backend names the token as a variable, never its value.
    let out = env
        .rtctl()
        .args([
            "trigger",
            "dashboard-updates",
            "system_notification",
            "--via",
            "backend",
            "--curl",
        ])
        .output()
        .unwrap();
    let (cmd, _) = output_text(&out);
    assert!(
        cmd.contains("$RTCTL_BACKEND_TOKEN") && !cmd.contains("admin-token-123"),
        "{cmd}"
    );
}

#[test]
fn wrong_credentials_unreachable_host_and_payload_too_large() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let out = env
        .rtctl()
        .args(["trigger", "x", "e", "{}"])
        .env("RTCTL_SECRET", "wrong")
        .output()
        .unwrap();
    let (_, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(stderr.contains("refused the credentials"), "{stderr}");

    let (listener, port) = common::silent_listener();
    drop(listener);
    let out = env
        .rtctl()
        .args(["--port", &port.to_string(), "trigger", "x", "e", "{}"])
        .output()
        .unwrap();
    let (_, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(6), "{stderr}");
    assert!(stderr.contains(&format!("127.0.0.1:{port}")), "{stderr}");

    // A server with a 1 KB limit answers 413 to data rtctl's own 10 KB check lets by.
    let small = Server::start_with(&[("SOCKUDO_DEFAULT_APP_MAX_EVENT_PAYLOAD_IN_KB", "1")]);
    let env = TestEnv::with_server(&small);
    let data = format!("{{\"x\":\"{}\"}}", "a".repeat(4000));
    let out = env
        .rtctl()
        .args(["trigger", "x", "e", &data])
        .output()
        .unwrap();
    let (_, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("413"), "{stderr}");
    // …and max_payload_kb makes rtctl refuse it first, sending nothing.
    let out = env
        .rtctl()
        .args(["trigger", "x", "e", &data])
        .env("RTCTL_MAX_PAYLOAD_KB", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(output_text(&out).1.contains("the limit is 1024 bytes"));
}

#[test]
fn rate_limited_requests_are_retried_and_accounted_for() {
    let limited = Server::start_with(&[
        ("RATE_LIMITER_ENABLED", "true"),
        ("RATE_LIMITER_API_MAX_REQUESTS", "3"),
    ]);
    let env = TestEnv::with_server(&limited);
    let lines: String = (0..60)
        .map(|i| format!("{{\"channel\":\"r\",\"name\":\"e\",\"data\":{i}}}\n"))
        .collect();
    let out = env
        .rtctl()
        .args([
            "trigger",
            "--batch",
            "-",
            "--json",
            "--retries",
            "1",
            "--concurrency",
            "2",
        ])
        .write_stdin(lines)
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let s: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(s["sent"], 60);
    assert_eq!(s["requests"], 6);
    let (accepted, rejected) = (
        s["accepted"].as_u64().unwrap(),
        s["rejected"].as_u64().unwrap(),
    );
    assert_eq!(accepted + rejected, 60, "{s}");
    assert!(rejected > 0 && s["retried"].as_u64().unwrap() > 0, "{s}");
    assert!(
        s["first_errors"][0].as_str().unwrap().contains("429"),
        "{s}"
    );
}

#[test]
fn users_send_and_terminate() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let mut user = Subscriber::connect(server);
    user.signin(server, "u-42");
    user.subscribe(server, "#server-to-user-u-42", None);
    env.rtctl()
        .args([
            "users",
            "send",
            "u-42",
            "personal_notification",
            r#"{"title":"Hi"}"#,
        ])
        .assert()
        .success();
    let frame = user.next_app_event();
    assert_eq!(frame["event"], "personal_notification");
    assert_eq!(frame["channel"], "#server-to-user-u-42");
    assert_eq!(data_of(&frame), r#"{"title":"Hi"}"#);

    env.rtctl()
        .args(["users", "terminate", "u-42"])
        .assert()
        .success();
    user.expect_closed();

    env.rtctl()
        .args(["users", "send", "bad id", "e"])
        .assert()
        .code(2);
}
