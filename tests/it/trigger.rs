//! `rtctl trigger` and `rtctl users` against a real sockudo, seen by real subscribers.

use crate::common;

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

// ---------------------------------------------------------------- one outgoing pipeline (issue 10)

const MASTER_KEY: &str = "dGhpcyBpcyAzMiBieXRlcyAxMjM0NTY3ODkwMTIzNDU=";

/// A TestEnv for `server` whose profile holds an encryption master key.
fn env_with_master_key(server: &Server) -> TestEnv {
    let env = TestEnv::with_server(server);
    env.write_config(&format!(
        "{}encryption_master_key = \"{MASTER_KEY}\"\n",
        server.profile()
    ));
    env
}

/// Lines a server refuses are named, so they can be sent again; lines that go with a
/// warning are counted and named too.
#[test]
fn rejected_and_warned_batch_lines_are_named() {
    // A server with a 1 KB limit refuses the request holding line 13; rtctl's own
    // 10 KB check lets it by.
    let small = Server::start_with(&[("SOCKUDO_DEFAULT_APP_MAX_EVENT_PAYLOAD_IN_KB", "1")]);
    let env = TestEnv::with_server(&small);
    let mut lines = String::new();
    for n in 1..=25 {
        let message = match n {
            13 => "a".repeat(4000),
            _ => format!("line {n}"),
        };
        let name = match n {
            4 => "not_in_catalogue",
            _ => "system_notification",
        };
        let line = json!({"channel": "dashboard-updates", "name": name,
            "data": {"type": "info", "message": message}});
        lines.push_str(&format!("{line}\n"));
    }
    let file = write_file(&env.work_dir(), "batch.jsonl", &lines);
    let file = file.to_str().unwrap();
    let out = env
        .rtctl()
        .args(["trigger", "--batch", file, "--json", "--concurrency", "1"])
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let s = summary_of(&stdout);
    assert_eq!(
        (s["accepted"].as_u64(), s["rejected"].as_u64()),
        (Some(15), Some(10)),
        "{s}"
    );
    assert_eq!(s["rejected_lines"], json!(["11-20"]), "{s}");
    assert_eq!(
        (
            s["warned"].as_u64(),
            s["warnings"][0].as_str().map(|w| w.starts_with("line 4: "))
        ),
        (Some(1), Some(true)),
        "{s}"
    );
    let out = env
        .rtctl()
        .args(["trigger", "--batch", file, "--concurrency", "1"])
        .output()
        .unwrap();
    let (_, stderr) = output_text(&out);
    assert!(
        stderr.contains("10 events rejected (lines 11-20)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("1 event sent with a warning (lines 4)"),
        "{stderr}"
    );
    assert!(stderr.contains("not_in_catalogue"), "{stderr}");
}

fn summary_of(stdout: &str) -> Value {
    let last = stdout.lines().last().unwrap_or_default();
    serde_json::from_str(last).unwrap_or_else(|e| panic!("no JSON summary ({e}): {stdout}"))
}

/// Wait for a child to exit, killing it (and failing) if it has not within `common::WAIT`.
fn output_within(mut child: std::process::Child, what: &str) -> std::process::Output {
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > common::WAIT {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!("{what} did not exit: {:?}", output_text(&out));
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn encrypted_batch_lines_arrive_decrypted_in_a_real_tail() {
    let server = Server::shared();
    let env = env_with_master_key(server);
    let ch = "private-encrypted-batch";
    // A plain subscriber sees what goes over the wire.
    let mut raw = Subscriber::connect(server);
    let key = rtctl::pusher::MasterKey::from_base64(MASTER_KEY).unwrap();
    let auth = rtctl::pusher::sign::authorize_channel(
        &server.key,
        &server.secret,
        &raw.socket_id,
        ch,
        None,
        Some(&key),
    )
    .unwrap();
    raw.subscribe_with(ch, &auth.auth, None);
    let mut tail = env.spawn(&["tail", ch, "--json", "--count", "2"]);
    tail.record_of("subscribed", Some(ch));

    // One line with JSON data, one with the batch API's own form: a string holding JSON.
    let lines = format!(
        "{}\n{}\n",
        json!({"channel": ch, "name": "grade_posted", "data": {"a": 1}}),
        json!({"channel": ch, "name": "grade_posted", "data": "{\"a\":2}"}),
    );
    let out = env
        .rtctl()
        .args(["trigger", "--batch", "-", "--json"])
        .write_stdin(lines.clone())
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(summary_of(&stdout)["accepted"], 2, "{stdout}");

    for want in [json!({"a": 1}), json!({"a": 2})] {
        let ev = tail.record_of("event", Some(ch));
        assert!(ev.get("undecryptable").is_none(), "{ev}");
        assert_eq!(ev["data"], want, "{ev}");
    }
    assert_eq!(tail.finish().0, Some(0));
    // On the wire it was ciphertext, never the data.
    for _ in 0..2 {
        let frame = raw.next_app_event();
        let sealed: Value = serde_json::from_str(data_of(&frame)).unwrap();
        assert!(
            sealed["ciphertext"].is_string(),
            "sent in the clear: {frame}"
        );
        assert!(sealed.get("a").is_none(), "sent in the clear: {frame}");
    }

    // Without a master key, the line is refused as `rtctl trigger` refuses the event.
    let keyless = TestEnv::with_server(server);
    let single = keyless
        .rtctl()
        .args(["trigger", ch, "grade_posted", r#"{"a":3}"#])
        .output()
        .unwrap();
    assert_eq!(single.status.code(), Some(3));
    let refusal = "is an encrypted channel and no encryption master key is configured";
    assert!(output_text(&single).1.contains(refusal));
    let out = keyless
        .rtctl()
        .args(["trigger", "--batch", "-", "--json"])
        .write_stdin(lines)
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let s = summary_of(&stdout);
    assert_eq!(
        (s["invalid"].as_u64(), s["sent"].as_u64()),
        (Some(2), Some(0)),
        "{s}"
    );
    assert!(
        s["first_errors"][0].as_str().unwrap().contains(refusal),
        "{s}"
    );
    nothing_was_sent(&env, &mut raw, ch);
}

#[test]
fn batch_data_holding_json_text_is_checked_as_that_json() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let mut sub = Subscriber::connect(server);
    sub.subscribe(server, "dashboard-updates", None);
    let good = r#"{"type":"info","message":"from a batch"}"#;
    let bad = r#"{"type":"urgent","message":"m"}"#;
    let line = |data: &str| {
        json!({"channel": "dashboard-updates", "name": "system_notification", "data": data})
            .to_string()
    };
    let out = env
        .rtctl()
        .args(["trigger", "--batch", "-", "--json"])
        .write_stdin(format!("{}\n", line(good)))
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(summary_of(&stdout)["accepted"], 1);
    // Sent as the string it is: what subscribers see, and what the catalogue checked.
    assert_eq!(data_of(&sub.next_app_event()), good);

    let out = env
        .rtctl()
        .args(["trigger", "--batch", "-", "--json"])
        .write_stdin(format!("{}\n", line(bad)))
        .output()
        .unwrap();
    let (stdout, _) = output_text(&out);
    assert_eq!(out.status.code(), Some(1));
    let s = summary_of(&stdout);
    assert_eq!(s["invalid"], 1);
    let why = s["first_errors"][0].as_str().unwrap();
    assert!(
        why.contains("line 1") && why.contains("field `type` is `urgent`; allowed: info"),
        "{why}"
    );
    nothing_was_sent(&env, &mut sub, "dashboard-updates");
}

#[test]
fn batch_dry_run_lints_every_line_and_sends_nothing() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let mut sub = Subscriber::connect(server);
    sub.subscribe(server, "dashboard-updates", None);
    let ok = |n: u32| {
        json!({"channel": "dashboard-updates", "name": "system_notification",
               "data": {"type": "info", "message": format!("m{n}")}})
        .to_string()
    };
    let clean = write_file(
        &env.work_dir(),
        "clean.jsonl",
        &format!("{}\n\n{}\n", ok(1), ok(2)),
    );
    let out = env
        .rtctl()
        .args(["trigger", "--batch"])
        .arg(&clean)
        .args(["--dry-run", "--json"])
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{stderr}");
    let s = summary_of(&stdout);
    assert_eq!(s["dry_run"], true, "{s}");
    assert_eq!(
        (
            s["lines"].as_u64(),
            s["valid"].as_u64(),
            s["blank"].as_u64(),
            s["sent"].as_u64()
        ),
        (Some(3), Some(2), Some(1), Some(0)),
        "{s}"
    );

    let bad_type = json!({"channel": "dashboard-updates", "name": "system_notification",
                          "data": {"type": "urgent", "message": "m"}});
    let dirty = write_file(
        &env.work_dir(),
        "dirty.jsonl",
        &format!("{}\nnot json\n{}\n{bad_type}\n", ok(3), ok(4)),
    );
    let out = env
        .rtctl()
        .args(["trigger", "--batch"])
        .arg(&dirty)
        .arg("--dry-run")
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(stderr.contains("dry run: nothing was sent"), "{stderr}");
    assert!(
        stderr.contains("line 2:") && stderr.contains("line 4:"),
        "{stderr}"
    );
    assert!(stderr.contains("allowed: info"), "{stderr}");
    assert!(stderr.contains("lines 2, 4"), "{stderr}");
    nothing_was_sent(&env, &mut sub, "dashboard-updates");
}

/// Lines `{"n":i}` for `i` in `0..n`, on `channel`.
fn numbered_lines(channel: &str, n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "{}\n",
                json!({"channel": channel, "name": "tick", "data": {"n": i}})
            )
        })
        .collect()
}

/// Read `n` events from `sub`, checking each of `0..n` arrives exactly once.
fn expect_numbered(sub: &mut Subscriber, n: usize, how: &str) {
    let mut seen = vec![false; n];
    for _ in 0..n {
        let frame = sub.next_app_event();
        let i = serde_json::from_str::<Value>(data_of(&frame)).unwrap()["n"]
            .as_u64()
            .unwrap() as usize;
        assert!(!seen[i], "{how}: event {i} arrived twice");
        seen[i] = true;
    }
}

#[test]
fn batches_from_pipes_process_substitution_and_fifos_are_delivered_whole() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let ch = "batch-streams";
    let mut sub = Subscriber::connect(server);
    sub.subscribe(server, ch, None);
    let n = 25;
    let lines = numbered_lines(ch, n);
    let file = write_file(&env.work_dir(), "events.jsonl", &lines);
    let check = |out: std::process::Output, sub: &mut Subscriber, how: &str| {
        let (stdout, stderr) = output_text(&out);
        assert!(out.status.success(), "{how}: {stderr}");
        let s = summary_of(&stdout);
        assert_eq!(
            (s["lines"].as_u64(), s["accepted"].as_u64()),
            (Some(n as u64), Some(n as u64)),
            "{how}: {s}"
        );
        expect_numbered(sub, n, how);
    };

    // `-` and /dev/stdin, fed by a pipe.
    for source in ["-", "/dev/stdin"] {
        let out = env
            .rtctl()
            .args(["trigger", "--batch", source, "--json"])
            .write_stdin(lines.clone())
            .output()
            .unwrap();
        check(out, &mut sub, source);
    }

    // <(…), through bash.
    let child = Command::new("bash")
        .arg("-c")
        .arg(r#""$0" trigger --batch <(cat "$1") --json"#)
        .arg(assert_cmd::cargo::cargo_bin("rtctl"))
        .arg(&file)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", env.work_dir())
        .env("RTCTL_CONFIG", env.config_path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    check(output_within(child, "<(…)"), &mut sub, "<(…)");

    // A FIFO, written by another process after rtctl opened it.
    let fifo = env.work_dir().join("events.fifo");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let child = env
        .command()
        .args(["trigger", "--batch"])
        .arg(&fifo)
        .arg("--json")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let writer = {
        let (fifo, lines) = (fifo.clone(), lines.clone());
        std::thread::spawn(move || std::fs::write(fifo, lines).unwrap())
    };
    check(output_within(child, "a FIFO"), &mut sub, "a FIFO");
    writer.join().unwrap();
}

// ---------------------------------------------------------------- a scripted REST/webhook server

/// What the scripted server does with each request it has read whole.
#[derive(Debug, Clone, Copy)]
enum Act {
    /// 200 `{}`.
    Answer,
    /// Never answer; keep the connection open until the client goes.
    Hold,
    /// Close the connection without a word.
    Close,
    /// Start a 200 answer, then close in the middle of its body.
    HalfAnswer,
    /// Answer with this status, as a proxy in front of the server would.
    Status(u16),
}

/// An HTTP server that acts out `script` on the requests it gets, one act each in
/// the order they arrive (then answers every later one), and reports each request body.
fn scripted_server(script: &[Act]) -> (u16, mpsc::Receiver<Vec<u8>>) {
    use std::sync::{Arc, Mutex};
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let script = Arc::new(Mutex::new(std::collections::VecDeque::from(
        script.to_vec(),
    )));
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { return };
            let (script, tx) = (Arc::clone(&script), tx.clone());
            std::thread::spawn(move || serve_script(stream, &script, &tx));
        }
    });
    (port, rx)
}

fn serve_script(
    stream: std::net::TcpStream,
    script: &std::sync::Mutex<std::collections::VecDeque<Act>>,
    arrived: &mpsc::Sender<Vec<u8>>,
) {
    use std::io::BufRead as _;
    let mut writer = stream.try_clone().unwrap();
    let mut reader = std::io::BufReader::new(stream);
    loop {
        let mut len = 0usize;
        let mut first = true;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            if line == "\r\n" && !first {
                break;
            }
            first = false;
            if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                len = v.trim().parse().unwrap();
            }
        }
        let mut body = vec![0u8; len];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        let act = script.lock().unwrap().pop_front().unwrap_or(Act::Answer);
        let _ = arrived.send(body);
        match act {
            Act::Answer => {
                let _ = writer.write_all(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}",
                );
            }
            Act::Hold => {
                let mut buf = [0u8; 1024];
                while reader.read(&mut buf).is_ok_and(|n| n > 0) {}
                return;
            }
            Act::Close => return,
            Act::Status(code) => {
                let _ = writer.write_all(
                    format!("HTTP/1.1 {code} Oops\r\nContent-Length: 2\r\n\r\n{{}}").as_bytes(),
                );
            }
            Act::HalfAnswer => {
                let _ = writer.write_all(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{\"ok\"",
                );
                return;
            }
        }
    }
}

/// A TestEnv whose profile points at a scripted server on `port`.
fn env_for_port(port: u16) -> TestEnv {
    let env = TestEnv::new();
    env.write_config(&format!(
        "default_profile = \"test\"\n\n[profiles.test]\napp_id = \"1\"\nkey = \"k\"\nsecret = \"s\"\nhost = \"127.0.0.1\"\nport = {port}\ntls = false\n"
    ));
    env
}

fn next_arrival(arrived: &mpsc::Receiver<Vec<u8>>, what: &str) -> Vec<u8> {
    arrived
        .recv_timeout(common::WAIT)
        .unwrap_or_else(|_| panic!("{what} never arrived"))
}

#[test]
fn retries_after_a_request_was_sent_are_counted_as_possible_duplicates() {
    // A reset in the middle of the answer, then a close without one: the server had
    // the whole request both times, so the third try may publish the events again.
    let (port, arrived) = scripted_server(&[Act::HalfAnswer, Act::Close]);
    let env = env_for_port(port);
    let out = env
        .rtctl()
        .args(["trigger", "--batch", "-", "--json", "--concurrency", "1"])
        .write_stdin(numbered_lines("dup", 10))
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{stderr}");
    let s = summary_of(&stdout);
    assert_eq!(s["accepted"], 10, "{s}");
    assert_eq!(s["retried_after_send"], 10, "{s}");
    assert_eq!(s["retried"], 2, "{s}");
    for _ in 0..3 {
        next_arrival(&arrived, "a try");
    }

    // A timeout waiting for the answer, then an answer; in words this time.
    let (port, _arrived) = scripted_server(&[Act::Hold]);
    let env = env_for_port(port);
    let out = env
        .rtctl()
        .args([
            "--timeout",
            "1s",
            "trigger",
            "--batch",
            "-",
            "--concurrency",
            "1",
        ])
        .write_stdin(numbered_lines("dup", 3))
        .output()
        .unwrap();
    let (_, stderr) = output_text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("3 accepted"), "{stderr}");
    assert!(
        stderr.contains("3 events were retried after their request was sent")
            && stderr.contains("may have been delivered twice"),
        "{stderr}"
    );

    // A proxy's 502 or 504 may come after it passed the request on; a 503 is the
    // server saying it did not take it.
    for (status, doubt) in [(502, 2), (504, 2), (503, 0)] {
        let (port, _arrived) = scripted_server(&[Act::Status(status)]);
        let out = env_for_port(port)
            .rtctl()
            .args(["trigger", "--batch", "-", "--json", "--concurrency", "1"])
            .write_stdin(numbered_lines("dup", 2))
            .output()
            .unwrap();
        let (stdout, stderr) = output_text(&out);
        assert!(out.status.success(), "{status}: {stderr}");
        let s = summary_of(&stdout);
        assert_eq!(s["retried_after_send"], doubt, "{status}: {s}");
    }

    // A refused connection is retried without that doubt.
    let (listener, port) = common::silent_listener();
    drop(listener);
    let out = env_for_port(port)
        .rtctl()
        .args(["trigger", "--batch", "-", "--json", "--retries", "1"])
        .write_stdin(numbered_lines("dup", 1))
        .output()
        .unwrap();
    let (stdout, _) = output_text(&out);
    assert_eq!(out.status.code(), Some(1));
    let s = summary_of(&stdout);
    assert_eq!(
        (s["rejected"].as_u64(), s["retried_after_send"].as_u64()),
        (Some(1), Some(0)),
        "{s}"
    );
}

// ---------------------------------------------------------------- interrupted bulk runs

#[test]
fn an_interrupted_batch_accounts_for_every_line() {
    // The first request is answered, the second held: at Ctrl-C, lines 1-10 are
    // accepted, 11-20 in flight (outcome unknown), and nothing from 21 on was sent.
    let (port, arrived) = scripted_server(&[Act::Answer, Act::Hold]);
    let env = env_for_port(port);
    let file = write_file(&env.work_dir(), "events.jsonl", &numbered_lines("stop", 35));
    let run = env.spawn(&[
        "trigger",
        "--batch",
        file.to_str().unwrap(),
        "--json",
        "--concurrency",
        "1",
    ]);
    next_arrival(&arrived, "the first request");
    next_arrival(&arrived, "the second request");
    run.interrupt();
    let (code, stdout, stderr) = run.finish();
    assert_eq!(code, Some(130), "{stderr}");
    let s = summary_of(&stdout.join("\n"));
    assert_eq!(s["stopped_by"], "interrupted", "{s}");
    assert_eq!(
        (
            s["lines"].as_u64(),
            s["accepted"].as_u64(),
            s["unknown"].as_u64(),
            s["not_sent"].as_u64(),
            s["resume_from_line"].as_u64(),
        ),
        (Some(20), Some(10), Some(10), Some(0), Some(21)),
        "{s}"
    );
    assert_eq!(s["unknown_lines"], json!(["11-20"]), "{s}");

    // The same in words, on SIGTERM.
    let (port, arrived) = scripted_server(&[Act::Answer, Act::Hold]);
    let env = env_for_port(port);
    let file = write_file(&env.work_dir(), "events.jsonl", &numbered_lines("stop", 35));
    let run = env.spawn(&[
        "trigger",
        "--batch",
        file.to_str().unwrap(),
        "--concurrency",
        "1",
    ]);
    next_arrival(&arrived, "the first request");
    next_arrival(&arrived, "the second request");
    run.terminate();
    let (code, _, stderr) = run.finish();
    assert_eq!(code, Some(143), "{stderr}");
    assert!(stderr.contains("10 accepted"), "{stderr}");
    assert!(
        stderr.contains(
            "10 events (lines 11-20) were in flight: they may or may not have been delivered"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("nothing from line 21 on was sent"),
        "{stderr}"
    );
    assert!(stderr.contains("tail -n +21"), "{stderr}");
}

#[test]
fn a_terminated_batch_from_a_fifo_says_where_to_resume() {
    // Ten lines go out as one request; five more wait for a sixth that never comes.
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let ch = "batch-fifo-stop";
    let mut sub = Subscriber::connect(server);
    sub.subscribe(server, ch, None);
    let fifo = env.work_dir().join("slow.fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let run = env.spawn(&["trigger", "--batch", fifo.to_str().unwrap(), "--json"]);
    let mut writer = std::fs::OpenOptions::new().write(true).open(&fifo).unwrap();
    writer.write_all(numbered_lines(ch, 15).as_bytes()).unwrap();
    writer.flush().unwrap();
    expect_numbered(&mut sub, 10, "the first ten lines");
    run.terminate();
    let (code, stdout, stderr) = run.finish();
    drop(writer);
    assert_eq!(code, Some(143), "{stderr}");
    let s = summary_of(&stdout.join("\n"));
    assert_eq!(s["accepted"], 10, "{s}");
    assert_eq!(s["unknown"], 0, "{s}");
    assert_eq!(s["resume_from_line"], 11, "{s}");
    // The five waiting lines were read or not by then; either way each is counted.
    assert_eq!(
        s["lines"].as_u64().unwrap(),
        10 + s["not_sent"].as_u64().unwrap(),
        "{s}"
    );
    nothing_was_sent(&env, &mut sub, ch);
}

#[test]
fn an_interrupted_repeat_accounts_for_every_event() {
    let (port, arrived) = scripted_server(&[Act::Answer, Act::Hold]);
    let env = env_for_port(port);
    let run = env.spawn(&[
        "trigger",
        "stop",
        "tick",
        "{}",
        "--repeat",
        "5",
        "--concurrency",
        "1",
        "--json",
    ]);
    next_arrival(&arrived, "the first request");
    next_arrival(&arrived, "the second request");
    run.interrupt();
    let (code, stdout, stderr) = run.finish();
    assert_eq!(code, Some(130), "{stderr}");
    let s = summary_of(&stdout.join("\n"));
    assert_eq!(
        (
            s["accepted"].as_u64(),
            s["unknown"].as_u64(),
            s["not_sent"].as_u64(),
        ),
        (Some(1), Some(1), Some(3)),
        "{s}"
    );
}

#[test]
fn an_interrupted_webhook_replay_accounts_for_every_fixture() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/webhooks");
    let total = std::fs::read_dir(&fixtures)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "json")
        })
        .count() as u64;
    for (signal, code) in [("INT", 130), ("TERM", 143)] {
        let (port, arrived) = scripted_server(&[Act::Answer, Act::Hold]);
        let env = TestEnv::new();
        let url = format!("http://127.0.0.1:{port}/pusher/webhook");
        let run = env.spawn(&[
            "webhook",
            "replay",
            fixtures.to_str().unwrap(),
            "--to",
            &url,
            "--json",
        ]);
        next_arrival(&arrived, "the first webhook");
        next_arrival(&arrived, "the second webhook");
        if signal == "INT" {
            run.interrupt();
        } else {
            run.terminate();
        }
        let (exit, stdout, stderr) = run.finish();
        assert_eq!(exit, Some(code), "{signal}: {stderr}");
        let s = summary_of(&stdout.join("\n"));
        assert_eq!(
            (
                s["passed"].as_u64(),
                s["unknown"].as_u64(),
                s["not_sent"].as_u64()
            ),
            (Some(1), Some(1), Some(total - 2)),
            "{signal}: {s}"
        );
        assert!(
            s["first_not_sent"]
                .as_str()
                .unwrap()
                .ends_with("03-presence-classroom-101-member-added-67890.json"),
            "{s}"
        );
    }
}

// ---------------------------------------------------------------- users and client events

#[test]
fn users_send_goes_through_the_same_checks_as_trigger() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let big = format!("{{\"x\":\"{}\"}}", "a".repeat(10 * 1024));
    for cmd in [
        vec!["trigger", "#server-to-user-u1", "e", &big],
        vec!["users", "send", "u1", "e", &big],
    ] {
        let out = env.rtctl().args(&cmd).output().unwrap();
        let (_, stderr) = output_text(&out);
        assert_eq!(out.status.code(), Some(2), "{cmd:?}: {stderr}");
        assert!(stderr.contains("the limit is 10240 bytes"), "{stderr}");
        assert!(stderr.contains("raise `max_payload_kb`"), "{stderr}");
    }
    // The secret and the data cannot both come from stdin.
    let out = env
        .rtctl()
        .args(["--secret-stdin", "users", "send", "u1", "e", "-"])
        .write_stdin(format!("{}\n{{\"a\":1}}\n", server.secret))
        .output()
        .unwrap();
    let (_, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("cannot share stdin"), "{stderr}");
}

#[test]
fn client_events_over_the_limit_are_refused_before_anything_is_sent() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let ch = "private-client-limit";
    let mut other = Subscriber::connect(server);
    other.subscribe(server, ch, None);
    let big = format!("{{\"x\":\"{}\"}}", "a".repeat(10 * 1024));

    let out = env
        .rtctl()
        .args([
            "tail",
            ch,
            "--send",
            "client-big",
            &big,
            "--duration",
            "10s",
        ])
        .output()
        .unwrap();
    let (_, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("the limit is 10240 bytes"), "{stderr}");

    let mut run = env.spawn(&["tail", ch, "--interactive", "--json"]);
    run.record_of("subscribed", Some(ch));
    run.send_line(&format!("client-big {big}"));
    run.send_line(r#"client-small {"a":1}"#);
    run.record_of("sent", Some(ch));
    let frame = other.next_app_event();
    assert_eq!(frame["event"], "client-small", "{frame}");
    run.interrupt();
    let (code, _, stderr) = run.finish();
    assert_eq!(code, Some(130));
    assert!(
        stderr.contains("client-big") && stderr.contains("the limit is 10240 bytes"),
        "{stderr}"
    );
}

// ---------------------------------------------------------------- URLs shown without credentials

#[test]
fn backend_errors_and_replay_dry_runs_show_urls_without_credentials() {
    let (port, _bodies) = test_backend("admin-token-123");
    let env = TestEnv::new();
    env.write_config(&format!(
        "[profiles.local]\nbackend_url = \"http://ops:hunter2@127.0.0.1:{port}/wrong?sig=s3cr3t\"\nbackend_token = \"admin-token-123\"\n"
    ));
    let out = env
        .rtctl()
        .args([
            "trigger",
            "dashboard-updates",
            "system_notification",
            "--via",
            "backend",
        ])
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert_ne!(out.status.code(), Some(0), "{stderr}");
    for leak in ["hunter2", "s3cr3t", "admin-token-123"] {
        assert!(
            !stderr.contains(leak) && !stdout.contains(leak),
            "{leak}: {stderr}"
        );
    }
    assert!(
        stderr.contains(&format!("http://127.0.0.1:{port}/wrong")),
        "{stderr}"
    );

    let out = env
        .rtctl()
        .args(["webhook", "replay", "--dry-run", "--to"])
        .arg(format!(
            "http://ops:hunter2@127.0.0.1:{port}/hook?sig=s3cr3t"
        ))
        .arg(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/webhooks"))
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stdout.contains(&format!("Host: 127.0.0.1:{port}\r\n")),
        "{stdout}"
    );
    assert!(stdout.contains("POST /hook HTTP/1.1"), "{stdout}");
    for leak in ["hunter2", "s3cr3t"] {
        assert!(
            !stderr.contains(leak) && !stdout.contains(leak),
            "{leak}: {stdout}"
        );
    }
}
