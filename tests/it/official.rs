//! `rtctl auth` and `rtctl webhook replay` against the official Node server library
//! (pusher-http-node, npm `pusher`), input for input: every auth value must be
//! byte-identical, and every replayed webhook valid for its `webhook().isValid()`.
//! tests/run.sh installs the pinned library and points RTCTL_TEST_PUSHER_NODE at it.

use crate::common;

use std::io::Write as _;
use std::process::{Command, Stdio};

use common::{TestEnv, output_text};
use serde_json::{Value, json};

const KEY: &str = "aaaa";
const SECRET: &str = "tofu";
const MASTER_KEY: &str = "zyrm8pvV2C9fJcBfhyXzvxbJVN/H7QLmbe0xJi1GhPU=";

/// Run a Node script over `cases` (given on its stdin as a JSON array); its stdout as JSON.
fn run_node(script: &str, cases: &[Value]) -> Value {
    let mut child = Command::new("node")
        .args(["-e", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node is needed for this test: tests/run.sh installs it");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(Value::Array(cases.to_vec()).to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "node: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Run the Node library over `cases` and return one JSON reply per case.
fn node_replies(cases: &[Value]) -> Vec<Value> {
    let modules = std::env::var("RTCTL_TEST_PUSHER_NODE").expect(
        "RTCTL_TEST_PUSHER_NODE is not set: run `tests/run.sh`, which installs the official Node library",
    );
    let script = format!(
        r#"
const Pusher = require({modules:?} + "/pusher");
const p = new Pusher({{ appId: "1", key: {KEY:?}, secret: {SECRET:?}, encryptionMasterKeyBase64: {MASTER_KEY:?} }});
const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = cases.map(c => c.kind === "user"
    ? p.authenticateUser(c.socket_id, c.user_data)
    : p.authorizeChannel(c.socket_id, c.channel, c.member === null ? undefined : c.member));
process.stdout.write(JSON.stringify(out));
"#
    );
    match run_node(&script, cases) {
        Value::Array(replies) => replies,
        other => panic!("node answered {other}"),
    }
}

fn rtctl_reply(env: &TestEnv, case: &Value) -> String {
    let mut cmd = env.rtctl();
    cmd.args(["--key", KEY, "--secret-stdin", "auth"])
        .env("RTCTL_ENCRYPTION_MASTER_KEY", MASTER_KEY)
        .write_stdin(format!("{SECRET}\n"));
    let socket = case["socket_id"].as_str().unwrap();
    if case["kind"] == "user" {
        cmd.args(["user", "--socket-id", socket, "--user-data"])
            .arg(case["user_data"].to_string());
    } else {
        cmd.args([
            "sign",
            case["channel"].as_str().unwrap(),
            "--socket-id",
            socket,
        ]);
        if let Some(member) = case["member"].as_object() {
            cmd.arg("--user-id")
                .arg(member["user_id"].as_str().unwrap());
            if let Some(info) = member.get("user_info") {
                // Given as a person would type it; rtctl writes it as the library does.
                cmd.arg("--user-info")
                    .arg(serde_json::to_string_pretty(info).unwrap());
            }
        }
    }
    let out = cmd.output().unwrap();
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{case}: {stderr}");
    stdout.trim_end_matches('\n').to_owned()
}

fn channel(socket: &str, channel: &str, member: Value) -> Value {
    json!({ "kind": "channel", "socket_id": socket, "channel": channel, "member": member })
}

fn user(socket: &str, user_data: Value) -> Value {
    json!({ "kind": "user", "socket_id": socket, "user_data": user_data })
}

#[test]
fn auth_matches_the_official_node_library() {
    let member_info = json!({
        "name": "Zoë \"Z\" O'Brien ✓ 🎓",
        "role": "teacher",
        "avatar_url": "https://example.com/a.jpg?x=1&y=<2>",
        "ctrl": "tab\tnewline\nnul\u{1}del\u{7f} sep\u{2028}",
        "n": 1.0,
        "big": 1e3,
        "half": 0.5,
        "neg": -12,
        "nested": { "list": [1, "two", null, true, { "deep": [] }] }
    });
    let cases = vec![
        channel("123.456", "private-user-42", Value::Null),
        channel("1.1", "private-class-7", Value::Null),
        channel("45055.28877557", "private-=@,.;_-azAZ09", Value::Null),
        channel("9999999999.1", "private-cache-scores", Value::Null),
        channel(
            "123.456",
            "presence-classroom-101",
            json!({ "user_id": "12345" }),
        ),
        channel(
            "123.456",
            "presence-classroom-101",
            json!({ "user_id": "12345", "user_info": member_info }),
        ),
        channel(
            "7.7",
            "presence-lesson-3",
            json!({ "user_id": "ą§¶™€łü€ß£", "user_info": {} }),
        ),
        channel(
            "123.456",
            "presence-cache-x",
            json!({ "user_id": "u", "user_info": { "status": "away" } }),
        ),
        channel("123.456", "private-encrypted-grades", Value::Null),
        channel("1.2", "private-encrypted-cache-notes", Value::Null),
        user("123.456", json!({ "id": "12345" })),
        user("12345.6789", json!({ "id": "123", "name": "John Smith" })),
        user(
            "1.1",
            json!({ "id": "ą§¶™€łü€ß£", "user_info": { "name": "Ada" }, "watchlist": ["1", "2"] }),
        ),
    ];
    let node = node_replies(&cases);
    assert_eq!(node.len(), cases.len());
    let env = TestEnv::new();
    for (case, theirs) in cases.iter().zip(&node) {
        let ours_text = rtctl_reply(&env, case);
        let ours: Value = serde_json::from_str(&ours_text).unwrap();
        let ours_obj = ours.as_object().unwrap();
        let theirs_obj = theirs.as_object().unwrap();
        let mut our_keys: Vec<&String> = ours_obj.keys().collect();
        let mut their_keys: Vec<&String> = theirs_obj.keys().collect();
        our_keys.sort();
        their_keys.sort();
        assert_eq!(our_keys, their_keys, "{case}");
        for (k, v) in theirs_obj {
            // Each value byte for byte: the signature, and the exact channel/user data it covers.
            assert_eq!(
                ours_obj[k].as_str().unwrap(),
                v.as_str().unwrap(),
                "{k} differs for {case}"
            );
        }
        // Keys in the order Pusher's docs and the Go, PHP and Rust libraries write them.
        let order: Vec<&str> = ours_obj.keys().map(String::as_str).collect();
        let expected: Vec<&str> = ["auth", "channel_data", "shared_secret", "user_data"]
            .into_iter()
            .filter(|k| ours_obj.contains_key(*k))
            .collect();
        assert_eq!(order, expected, "{ours_text}");
    }
}

// ---------------------------------------------------------------- webhooks (issue 5)

/// The signed request `webhook replay --dry-run` would send for a fixture file.
fn replayed_request(env: &TestEnv, fixture: &std::path::Path, tamper: bool) -> Value {
    let mut cmd = env.rtctl();
    cmd.args([
        "--key",
        KEY,
        "--secret-stdin",
        "webhook",
        "replay",
        "--dry-run",
    ])
    .args(["--to", "http://localhost:8008/pusher/webhook"])
    .arg(fixture)
    .write_stdin(format!("{SECRET}\n"));
    if tamper {
        cmd.arg("--tamper");
    }
    let out = cmd.output().unwrap();
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{}: {stderr}", fixture.display());
    let captured = rtctl::net::raw_request::parse_captured(stdout.as_bytes()).unwrap();
    let headers: serde_json::Map<String, Value> = captured
        .headers
        .iter()
        .map(|(k, v)| (k.clone(), Value::String(v.clone())))
        .collect();
    let body = String::from_utf8(captured.body.unwrap()).unwrap();
    json!({ "headers": headers, "rawBody": body })
}

#[test]
fn replayed_webhooks_are_valid_for_the_official_node_library() {
    let modules = std::env::var("RTCTL_TEST_PUSHER_NODE").expect(
        "RTCTL_TEST_PUSHER_NODE is not set: run `tests/run.sh`, which installs the official Node library",
    );
    let env = TestEnv::new();
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    for t in rtctl::pusher::webhook::EventType::NAMES {
        let out = env
            .rtctl()
            .args(["webhook", "fixture", t])
            .output()
            .unwrap();
        assert!(out.status.success());
        files.push(common::write_file(
            &env.work_dir(),
            &format!("{t}.json"),
            &String::from_utf8(out.stdout).unwrap(),
        ));
    }
    let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/webhooks");
    for entry in std::fs::read_dir(shipped).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            files.push(path);
        }
    }
    let mut cases = Vec::new();
    for f in &files {
        cases.push(replayed_request(&env, f, false));
        cases.push(replayed_request(&env, f, true));
    }
    let script = format!(
        r#"
const Pusher = require({modules:?} + "/pusher");
const p = new Pusher({{ appId: "1", key: {KEY:?}, secret: {SECRET:?} }});
const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(cases.map(c => {{
  const w = p.webhook(c);
  return {{ valid: w.isValid(), events: w.isBodyValid() ? w.getEvents().length : 0 }};
}})));
"#
    );
    let Value::Array(verdicts) = run_node(&script, &cases) else {
        panic!("node did not answer an array")
    };
    assert_eq!(verdicts.len(), cases.len());
    for (i, v) in verdicts.iter().enumerate() {
        let file = files[i / 2].display();
        let tampered = i % 2 == 1;
        assert_eq!(v["valid"], !tampered, "{file} (tampered: {tampered})");
        assert!(v["events"].as_u64().unwrap() >= 1, "{file}: {v}");
    }
}
