//! `rtctl webhook`: fixtures that verify, replays checked by a receiver that works as
//! the official server libraries do, and the webhooks a real sockudo sends, captured
//! by `listen`, saved and replayed.

use crate::common;

use std::collections::BTreeSet;
use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{Running, Server, Subscriber, TestEnv, WAIT, output_text, write_file};
use hmac::{Hmac, Mac as _};
use predicates::prelude::*;
use rtctl::pusher::webhook::{self, EventType};
use serde_json::{Value, json};
use sha2::Sha256;

const KEY: &str = "webhook-key";
const SECRET: &str = "webhook-secret";
const TYPES: [&str; 7] = EventType::NAMES;

fn shipped_fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/webhooks")
}

/// A profile with the app's key and secret (webhooks need no server address).
fn env_with_app() -> TestEnv {
    let env = TestEnv::new();
    env.write_config(&format!(
        "default_profile = \"test\"\n\n[profiles.test]\napp_id = \"1\"\nkey = \"{KEY}\"\nsecret = \"{SECRET}\"\n"
    ));
    env
}

/// HMAC-SHA256 hex of the raw body, as every official server library computes it.
fn official_signature(secret: &str, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

fn fixture(env: &TestEnv, args: &[&str]) -> String {
    let out = env
        .rtctl()
        .args(["webhook", "fixture"])
        .args(args)
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "fixture {args:?}: {stderr}");
    stdout.trim_end().to_owned()
}

// ---------------------------------------------------------------- a receiver like the libraries

/// What the test endpoint saw.
#[derive(Default)]
struct Seen {
    accepted: Vec<Vec<u8>>,
    refused: u32,
}

/// A webhook endpoint that checks each request as the official server libraries do:
/// Content-Type is application/json, X-Pusher-Key is the app's key, and
/// X-Pusher-Signature is the HMAC-SHA256 hex of the raw body with the secret, compared
/// in constant time (`Mac::verify_slice`, like Go's `hmac.Equal`). With `check` off it
/// accepts anything, as an endpoint that forgot to check would.
struct Endpoint {
    url: String,
    seen: Arc<Mutex<Seen>>,
}

fn endpoint(check: bool) -> Endpoint {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!(
        "http://127.0.0.1:{}/pusher/webhook",
        listener.local_addr().unwrap().port()
    );
    let seen = Arc::new(Mutex::new(Seen::default()));
    let shared = seen.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let seen = shared.clone();
            std::thread::spawn(move || serve_connection(stream, check, &seen));
        }
    });
    Endpoint { url, seen }
}

/// Answer requests on one kept-alive connection until the client closes it.
fn serve_connection(stream: TcpStream, check: bool, seen: &Mutex<Seen>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut out = stream;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let mut headers = Vec::new();
        loop {
            let mut h = String::new();
            reader.read_line(&mut h).unwrap();
            let h = h.trim_end().to_owned();
            if h.is_empty() {
                break;
            }
            let (name, value) = h.split_once(':').unwrap();
            headers.push((name.to_ascii_lowercase(), value.trim().to_owned()));
        }
        let header = |n: &str| headers.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone());
        let len: usize = header("content-length").unwrap().parse().unwrap();
        let mut body = vec![0; len];
        reader.read_exact(&mut body).unwrap();
        let authentic = header("content-type").as_deref() == Some("application/json")
            && header("x-pusher-key").as_deref() == Some(KEY)
            && header("x-pusher-signature")
                .and_then(|s| hex::decode(s).ok())
                .is_some_and(|sig| {
                    let mut mac = Hmac::<Sha256>::new_from_slice(SECRET.as_bytes()).unwrap();
                    mac.update(&body);
                    mac.verify_slice(&sig).is_ok()
                });
        let answer = if authentic || !check {
            seen.lock().unwrap().accepted.push(body);
            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}".to_owned()
        } else {
            seen.lock().unwrap().refused += 1;
            "HTTP/1.1 401 Unauthorized\r\nContent-Length: 17\r\n\r\nInvalid signature".to_owned()
        };
        if out.write_all(answer.as_bytes()).is_err() {
            return;
        }
    }
}

// ---------------------------------------------------------------- fixture and verify

#[test]
fn fixtures_of_every_type_are_valid_and_round_trip_through_verify() {
    let env = env_with_app();
    for t in TYPES {
        let body = fixture(&env, &[t]);
        let parsed = webhook::validate(body.as_bytes()).unwrap_or_else(|e| panic!("{t}: {e}"));
        assert_eq!(parsed.events[0].name(), Some(t));
        // On the platform's channels, unless told otherwise.
        let channel = match t {
            "client_event" => "private-class-101",
            "cache_miss" => "cache-dashboard-updates",
            "subscription_count" => "dashboard-updates",
            _ => "presence-classroom-101",
        };
        assert_eq!(parsed.events[0].channel(), Some(channel), "{t}");

        // Signed as the official libraries sign, checked by verify.
        let file = write_file(&env.work_dir(), &format!("{t}.json"), &body);
        env.rtctl()
            .args(["webhook", "verify"])
            .arg(&file)
            .args(["--signature", &official_signature(SECRET, body.as_bytes())])
            .args(["--pusher-key", KEY])
            .assert()
            .success()
            .stdout(predicate::str::starts_with(
                "authentic: the signature matches",
            ));

        // The request replay would send, read back whole by verify --headers.
        let out = env
            .rtctl()
            .args([
                "webhook",
                "replay",
                "-",
                "--dry-run",
                "--to",
                "http://h/pusher/webhook",
            ])
            .write_stdin(format!("{body}\n"))
            .output()
            .unwrap();
        let (request, stderr) = output_text(&out);
        assert!(out.status.success(), "{stderr}");
        assert!(!request.contains(SECRET), "{request}");
        let raw = write_file(&env.work_dir(), &format!("{t}.http"), &request);
        let out = env
            .rtctl()
            .args(["webhook", "verify", "--json", "--headers"])
            .arg(&raw)
            .output()
            .unwrap();
        let (stdout, stderr) = output_text(&out);
        assert!(out.status.success(), "{t}: {stdout}{stderr}");
        let verdict: Value = serde_json::from_str(&stdout).unwrap();
        assert_eq!(verdict["valid"], true, "{verdict}");
        assert_eq!(verdict["reason"], "valid");
        assert_eq!(verdict["key"], KEY);
    }
}

#[test]
fn verify_says_which_part_is_wrong() {
    let env = env_with_app();
    let body = fixture(&env, &["member_added", "--user-id", "42"]);
    let sig = official_signature(SECRET, body.as_bytes());
    let file = write_file(&env.work_dir(), "b.json", &body);
    let verify = |file: &Path, extra: &[&str]| {
        let mut cmd = env.rtctl();
        cmd.args(["webhook", "verify", "--json"])
            .arg(file)
            .args(extra);
        let out = cmd.output().unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
        (out.status.code(), v, output_text(&out).1)
    };

    let (code, v, _) = verify(
        &file,
        &["--signature", &sig, "--pusher-key", "someone-else"],
    );
    assert_eq!((code, v["reason"].as_str()), (Some(5), Some("key_unknown")));

    let (code, v, stderr) = verify(
        &file,
        &["--signature", &official_signature("other", body.as_bytes())],
    );
    assert_eq!(
        (code, v["reason"].as_str()),
        (Some(5), Some("signature_mismatch"))
    );
    // The right signature would let whoever reads the output forge this very body.
    assert!(
        !v.to_string().contains(&sig) && !stderr.contains(&sig),
        "{v} {stderr}"
    );

    let altered = write_file(&env.work_dir(), "altered.json", &body.replace("42", "43"));
    let (code, v, stderr) = verify(&altered, &["--signature", &sig]);
    assert_eq!(
        (code, v["reason"].as_str()),
        (Some(5), Some("signature_mismatch"))
    );
    assert!(stderr.contains("not authentic"), "{stderr}");

    let pretty =
        serde_json::to_string_pretty(&serde_json::from_str::<Value>(&body).unwrap()).unwrap();
    let reformatted = write_file(&env.work_dir(), "pretty.json", &pretty);
    let (code, v, _) = verify(&reformatted, &["--signature", &sig]);
    assert_eq!(
        (code, v["reason"].as_str()),
        (Some(5), Some("body_altered"))
    );

    let (code, v, _) = verify(&file, &["--signature", &sig[..40]]);
    assert_eq!(
        (code, v["reason"].as_str()),
        (Some(5), Some("malformed_signature"))
    );

    // Authentic, but not a webhook: said so, and still exit 5.
    let not_json = write_file(&env.work_dir(), "n.txt", "hello");
    let (code, v, stderr) = verify(
        &not_json,
        &["--signature", &official_signature(SECRET, b"hello")],
    );
    assert_eq!((code, v["authentic"].as_bool()), (Some(5), Some(true)));
    assert!(
        stderr.contains("the body is not a valid webhook: the body is not JSON"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: a webhook body looks like {"),
        "{stderr}"
    );

    // Nothing to check with is a usage error.
    env.rtctl()
        .args(["webhook", "verify"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no signature to check"));
}

#[test]
fn invalid_combinations_and_unknown_types_are_refused() {
    let env = env_with_app();
    let cases: [(&[&str], &str, &str); 5] = [
        (
            &["member_added", "--channel", "private-class-101"],
            "member_added is sent for presence channels only, and `private-class-101` is a private channel",
            "hint: use a presence- channel, e.g. presence-classroom-101",
        ),
        (
            &["client_event", "--event", "hand_raised"],
            "client event name `hand_raised` does not start with `client-`",
            "hint: client event names start with `client-`, e.g. client-typing",
        ),
        (
            &["client_event", "--channel", "dashboard-updates"],
            "client events happen on private and presence channels only",
            "hint: use a private- or presence- channel, e.g. private-class-101",
        ),
        (
            &["channel_vacated", "--count", "3"],
            "channel_vacated carries no `subscription_count`",
            "hint: leave the field out, or pick the event type that has it",
        ),
        (
            &["channel_existence"],
            "invalid value 'channel_existence'",
            "channel_occupied",
        ),
    ];
    for (args, message, hint) in cases {
        env.rtctl()
            .args(["webhook", "fixture"])
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(message))
            .stderr(predicate::str::contains(hint));
    }
}

// ---------------------------------------------------------------- replay

#[test]
fn every_shipped_fixture_is_valid() {
    let mut names = BTreeSet::new();
    let mut channels = BTreeSet::new();
    let mut count = 0;
    for entry in std::fs::read_dir(shipped_fixtures()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        count += 1;
        let bytes = std::fs::read(&path).unwrap();
        let body = webhook::validate(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for e in &body.events {
            names.insert(e.name().unwrap().to_owned());
            channels.insert(e.channel().unwrap().to_owned());
        }
    }
    assert!(count >= 10, "only {count} fixtures");
    for name in [
        "channel_occupied",
        "member_added",
        "member_removed",
        "client_event",
        "channel_vacated",
        "subscription_count",
    ] {
        assert!(names.contains(name), "no {name} fixture");
    }
    for channel in [
        "presence-classroom-101",
        "dashboard-updates",
        "content-generation",
        "agent-status",
    ] {
        assert!(channels.contains(channel), "no fixture for {channel}");
    }
    assert!(channels.iter().any(|c| c.starts_with("private-class-")));
}

#[test]
fn replay_is_accepted_and_tampering_is_refused_and_reported() {
    let env = env_with_app();
    let good = endpoint(true);
    let n = std::fs::read_dir(shipped_fixtures())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "json")
        })
        .count();

    let out = env
        .rtctl()
        .args(["webhook", "replay"])
        .arg(shipped_fixtures())
        .args(["--to", &good.url, "--json", "--concurrency", "4"])
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{stdout}{stderr}");
    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), n + 1, "{stdout}");
    for l in &lines[..n] {
        assert_eq!(l["outcome"], "accepted", "{l}");
        assert_eq!(l["status"], 200);
        assert!(l["latency_ms"].as_f64().unwrap() >= 0.0);
    }
    assert_eq!(lines[n]["type"], "summary");
    assert_eq!(lines[n]["passed"], n);
    {
        let seen = good.seen.lock().unwrap();
        assert_eq!((seen.accepted.len(), seen.refused), (n, 0));
        // Byte for byte as in the files, less the final newline.
        let first =
            std::fs::read(shipped_fixtures().join("01-presence-classroom-101-occupied.json"))
                .unwrap();
        assert!(
            seen.accepted
                .iter()
                .any(|b| b[..] == first[..first.len() - 1])
        );
    }

    // --tamper: every one refused with a 401 is what should happen.
    env.rtctl()
        .args(["webhook", "replay"])
        .arg(shipped_fixtures())
        .args(["--to", &good.url, "--tamper"])
        .assert()
        .success()
        .stdout(predicate::str::contains("refused     HTTP 401"))
        .stderr(predicate::str::contains(format!("{n} refused, 0 accepted")));
    assert_eq!(good.seen.lock().unwrap().refused as usize, n);

    // An endpoint that does not check signatures fails --tamper, with exit code 5.
    let careless = endpoint(false);
    env.rtctl()
        .args(["webhook", "replay"])
        .arg(shipped_fixtures().join("02-presence-classroom-101-member-added-12345.json"))
        .args(["--to", &careless.url, "--tamper"])
        .assert()
        .code(5)
        .stdout(predicate::str::contains("accepted_bad_signature HTTP 200"))
        .stderr(predicate::str::contains(
            "the endpoint accepted 1 of 1 webhooks with a wrong signature",
        ));

    // A wrong secret in the profile: rejected, the answer shown, exit code 1.
    env.rtctl()
        .env("RTCTL_SECRET", "not-the-secret")
        .args(["webhook", "replay"])
        .arg(shipped_fixtures().join("09-presence-classroom-101-vacated.json"))
        .args(["--to", &good.url])
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("rejected    HTTP 401")
                .and(predicate::str::contains("answer: Invalid signature")),
        )
        .stdout(predicate::str::contains("not-the-secret").not())
        .stderr(predicate::str::contains(
            "the endpoint rejected 1 of 1 webhooks",
        ));
}

#[test]
fn replay_defaults_to_the_profiles_webhook_url_and_now_sets_the_time() {
    let env = env_with_app();
    let good = endpoint(true);
    env.write_config(&format!(
        "default_profile = \"test\"\n\n[profiles.test]\napp_id = \"1\"\nkey = \"{KEY}\"\nsecret = \"{SECRET}\"\nwebhook_url = \"{}\"\n",
        good.url
    ));
    let before = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64;
    let body = fixture(&env, &["member_removed", "--time-ms", "1000"]);
    env.rtctl()
        .args(["webhook", "replay", "-", "--now"])
        .write_stdin(body)
        .assert()
        .success();
    let seen = good.seen.lock().unwrap();
    let sent = webhook::validate(&seen.accepted[0]).unwrap();
    assert!(sent.time_ms >= before, "{} < {before}", sent.time_ms);
}

#[test]
fn bad_input_gets_a_clear_message_and_a_documented_code() {
    let env = env_with_app();
    let dir = env.work_dir();

    // A body that is not JSON: refused before anything is sent.
    let not_json = write_file(&dir, "notjson.json", "<html>oops</html>");
    env.rtctl()
        .args(["webhook", "replay"])
        .arg(&not_json)
        .args(["--to", "http://127.0.0.1:9/"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "is not a valid webhook: the body is not JSON",
        ))
        .stderr(predicate::str::contains(
            r#"hint: a webhook body looks like {"time_ms":1700000000000,"events":[{"name":"channel_occupied","channel":"presence-classroom-101"}]}"#,
        ))
        .stderr(predicate::str::contains("nothing was sent"));

    // An unknown event type in a fixture.
    let unknown = write_file(
        &dir,
        "unknown.json",
        r#"{"time_ms":1,"events":[{"name":"channel_existence","channel":"presence-classroom-101"}]}"#,
    );
    env.rtctl()
        .args(["webhook", "replay"])
        .arg(&unknown)
        .args(["--to", "http://127.0.0.1:9/"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "event 1: `channel_existence` is not a webhook event type",
        ))
        .stderr(predicate::str::contains(
            "hint: webhook events are channel_occupied, channel_vacated, member_added",
        ));

    // An unreachable URL: a network error naming it.
    let port = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let url = format!("http://127.0.0.1:{port}/pusher/webhook");
    env.rtctl()
        .args(["webhook", "replay"])
        .arg(shipped_fixtures().join("01-presence-classroom-101-occupied.json"))
        .args(["--to", &url])
        .assert()
        .code(6)
        .stdout(predicate::str::contains("unreachable"))
        .stderr(predicate::str::contains(format!("cannot connect to {url}")));

    // No webhook_url in the profile and no --to: a config error saying how to set one.
    env.rtctl()
        .args(["webhook", "replay"])
        .arg(shipped_fixtures())
        .assert()
        .code(3)
        .stderr(predicate::str::contains("no `webhook_url` configured"))
        .stderr(predicate::str::contains("--to URL"));

    // A port in use.
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    env.rtctl()
        .args(["webhook", "listen", "--bind", &addr])
        .timeout(Duration::from_secs(10))
        .assert()
        .code(6)
        .stderr(predicate::str::contains(format!(
            "cannot listen on {addr}: the port is already in use"
        )));
}

// ---------------------------------------------------------------- listen, against sockudo

/// A running `rtctl webhook listen` and the port it bound.
struct Listening {
    run: Running,
    port: u16,
}

fn listen(env: &TestEnv, extra: &[&str]) -> Listening {
    let mut args = vec!["webhook", "listen", "--bind", "127.0.0.1:0"];
    args.extend_from_slice(extra);
    let run = env.spawn(&args);
    let start = Instant::now();
    let port = loop {
        let stderr = run.stderr();
        if let Some(port) = stderr
            .split("http://127.0.0.1:")
            .nth(1)
            .and_then(|r| r.split('/').next())
            .and_then(|p| p.parse().ok())
        {
            break port;
        }
        assert!(
            start.elapsed() < WAIT,
            "listen never said where: {stderr:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    Listening { run, port }
}

impl Listening {
    /// Records until every `(name, channel)` wanted has been seen.
    fn until(&mut self, wanted: &[(&str, &str)], got: &mut Vec<Value>) {
        let seen = |got: &Vec<Value>, (n, c): &(&str, &str)| {
            got.iter().any(|v| v["name"] == *n && v["channel"] == *c)
        };
        while !wanted.iter().all(|w| seen(got, w)) {
            got.push(self.run.record(&format!("{wanted:?}"), |_| true));
        }
    }
}

#[test]
fn listen_captures_what_sockudo_sends_and_replay_sends_it_again() {
    let env = env_with_app();
    let saved = env.work_dir().join("captured");
    let mut listening = listen(&env, &["--json", "--save", saved.to_str().unwrap()]);
    let server = Server::start_with_webhooks(
        KEY,
        SECRET,
        &format!("http://127.0.0.1:{}/pusher/webhook", listening.port),
    );
    let mut got = Vec::new();

    // A teacher (an `rtctl tail`) joins the classroom and the class channel; a student's
    // client raises a hand.
    let tail_env = TestEnv::with_server(&server);
    let mut teacher = tail_env.spawn(&[
        "tail",
        "--json",
        "presence-classroom-101",
        "private-class-101",
        "--user-id",
        "12345",
    ]);
    teacher.record_of("subscribed", Some("presence-classroom-101"));
    teacher.record_of("subscribed", Some("private-class-101"));
    let mut student = Subscriber::connect(&server);
    student.subscribe(&server, "private-class-101", None);
    student.client_event(
        "private-class-101",
        "client-hand_raised",
        &json!({ "question": "step 3?" }),
    );
    listening.until(
        &[
            ("channel_occupied", "presence-classroom-101"),
            ("member_added", "presence-classroom-101"),
            ("channel_occupied", "private-class-101"),
            ("client_event", "private-class-101"),
        ],
        &mut got,
    );

    let student_socket = student.socket_id.clone();

    // Everyone leaves: Ctrl-C makes tail unsubscribe and close.
    teacher.interrupt();
    assert_eq!(teacher.finish().0, Some(130));
    student.close();
    listening.until(
        &[
            ("member_removed", "presence-classroom-101"),
            ("channel_vacated", "presence-classroom-101"),
            ("channel_vacated", "private-class-101"),
        ],
        &mut got,
    );

    for v in &got {
        assert_eq!(v["type"], "webhook", "{v}");
        assert_eq!(v["valid"], true, "{v}");
        assert_eq!(v["reason"], "valid", "{v}");
        assert_eq!(v["key"], KEY, "{v}");
        assert!(v.get("problem").is_none(), "{v}");
        assert!(v["time"].as_str().unwrap().ends_with('Z'), "{v}");
        assert!(v["saved"].is_string(), "{v}");
    }
    let member = got.iter().find(|v| v["name"] == "member_added").unwrap();
    assert_eq!(member["user_id"], "12345");
    let client = got.iter().find(|v| v["name"] == "client_event").unwrap();
    assert_eq!(client["event"], "client-hand_raised");
    assert_eq!(client["socket_id"], student_socket.as_str(), "{client}");
    drop(listening);
    drop(server);

    // What was saved is valid and replays to an endpoint that checks like the libraries.
    let files: Vec<PathBuf> = std::fs::read_dir(&saved)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(!files.is_empty());
    for f in &files {
        webhook::validate(&std::fs::read(f).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
    }
    let good = endpoint(true);
    env.rtctl()
        .args(["webhook", "replay"])
        .arg(&saved)
        .args(["--to", &good.url])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "sent {n} webhooks in",
            n = files.len()
        )));
    let seen = good.seen.lock().unwrap();
    assert_eq!(seen.accepted.len(), files.len());
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        assert!(
            seen.accepted.contains(&bytes),
            "{} was not sent byte for byte",
            f.display()
        );
    }
}

#[test]
fn listen_refuses_what_is_not_signed_by_the_app_and_forwards_as_received() {
    let env = env_with_app();
    let app = endpoint(true);
    let mut listening = listen(&env, &["--json", "--forward", &app.url]);
    let url = format!("http://127.0.0.1:{}/pusher/webhook", listening.port);
    let body = fixture(&env, &["channel_occupied"]);

    // Signed with another secret: 401, and shown as not valid.
    let other = env_with_app();
    other.write_config(&format!(
        "default_profile = \"x\"\n\n[profiles.x]\napp_id = \"1\"\nkey = \"{KEY}\"\nsecret = \"wrong\"\n"
    ));
    let body_file = write_file(&env.work_dir(), "occ.json", &body);
    other
        .rtctl()
        .args(["webhook", "replay"])
        .arg(&body_file)
        .args(["--to", &url])
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("HTTP 401")
                .and(predicate::str::contains("signature_mismatch")),
        );
    // Not JSON but signed: 400.
    env.rtctl()
        .args(["webhook", "replay", "-", "--no-validate", "--to", &url])
        .write_stdin("not json")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("HTTP 400"));
    // Good: 200.
    env.rtctl()
        .args(["webhook", "replay"])
        .arg(&body_file)
        .args(["--to", &url])
        .assert()
        .success();

    let mut lines = Vec::new();
    let mut forwards = Vec::new();
    while lines.len() < 3 || forwards.len() < 3 {
        let v = listening
            .run
            .record("webhooks and their forwards", |_| true);
        match v["type"].as_str() {
            Some("webhook") => lines.push(v),
            Some("forward") => forwards.push(v),
            _ => panic!("{v}"),
        }
    }
    let seqs: Vec<&Value> = lines.iter().map(|l| &l["seq"]).collect();
    assert_eq!(seqs, [&json!(1), &json!(2), &json!(3)]);
    assert_eq!(lines[0]["valid"], false);
    assert_eq!(lines[0]["reason"], "signature_mismatch");
    assert_eq!(lines[1]["valid"], false);
    assert!(
        lines[1]["problem"].as_str().unwrap().contains("not JSON"),
        "{}",
        lines[1]
    );
    assert_eq!(lines[2]["valid"], true);
    assert_eq!(lines[2]["name"], "channel_occupied");

    // --forward passed each request on as received: the app refused the bad signature too.
    forwards.sort_by_key(|f| f["seq"].as_u64());
    let statuses: Vec<(&Value, &Value)> = forwards
        .iter()
        .map(|f| (&f["outcome"], &f["status"]))
        .collect();
    let answered = json!("answered");
    assert_eq!(
        statuses,
        [
            (&answered, &json!(401)),
            (&answered, &json!(200)),
            (&answered, &json!(200))
        ]
    );
    let seen = app.seen.lock().unwrap();
    assert_eq!(seen.refused, 1);
    assert!(seen.accepted.contains(&body.into_bytes()));
}

#[test]
fn listen_answers_before_forwarding_and_counts_only_authentic_webhooks() {
    let env = env_with_app();
    // The app behind --forward accepts the connection and never answers.
    let (_app, app_port) = common::silent_listener();
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let forward = format!("http://127.0.0.1:{app_port}/pusher/webhook");
    let mut run = env.spawn(&[
        "webhook",
        "listen",
        "--bind",
        &port.to_string(),
        "--count",
        "1",
        "--json",
        "--timeout",
        "2s",
        "--forward",
        &forward,
    ]);
    common::eventually("listen to start", || {
        run.stderr().contains("listening on").then_some(())
    });
    let url = format!("http://127.0.0.1:{port}/pusher/webhook");
    let body_file = write_file(
        &env.work_dir(),
        "occ.json",
        &fixture(&env, &["channel_occupied"]),
    );

    // A wrong signature is answered 401 at once, though the forward hangs, and does
    // not count towards --count.
    env.rtctl()
        .args(["webhook", "replay", "--tamper", "--timeout", "1s"])
        .arg(&body_file)
        .args(["--to", &url])
        .assert()
        .success()
        .stdout(predicate::str::contains("HTTP 401"));
    let first = run.record_of("webhook", None);
    assert_eq!(first["valid"], false, "{first}");

    env.rtctl()
        .args(["webhook", "replay", "--timeout", "1s"])
        .arg(&body_file)
        .args(["--to", &url])
        .assert()
        .success();
    let second = run.record_of("webhook", None);
    assert_eq!(second["valid"], true, "{second}");
    // Neither forward was answered: each says so, and so do the summary and the exit code.
    let (code, lines, stderr) = run.finish();
    assert_eq!(code, Some(1), "{stderr}");
    let records: Vec<Value> = lines
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let forwards: Vec<&Value> = records.iter().filter(|v| v["type"] == "forward").collect();
    assert_eq!(forwards.len(), 2, "{lines:?}");
    for f in &forwards {
        assert_ne!(f["outcome"], "answered", "{f}");
        assert!(f["error"].is_string(), "{f}");
    }
    let summary = records.last().unwrap();
    assert_eq!(summary["type"], "summary", "{summary}");
    assert_eq!(summary["reason"], "count", "{summary}");
    assert_eq!(summary["events"], 1, "{summary}");
    assert!(
        stderr.contains(
            "received 2 requests, 1 authentic, carrying 1 event; forwards: 0 answered by the app"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("webhooks 2 not forwarded to the app"),
        "{stderr}"
    );

    assert!(!stderr.contains("deprecated"), "{stderr}");

    // --bind and --port together are ambiguous.
    env.rtctl()
        .args(["webhook", "listen", "--port", "9000", "--bind", "9001"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--bind and --port both say where to listen",
        ));
}

/// `--port P`, the old spelling of `--bind P` that scripts may have, still says where
/// to listen, with a one-line warning.
#[test]
fn listen_port_is_the_old_spelling_of_bind() {
    let env = env_with_app();
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let run = env.spawn(&["webhook", "listen", "--port", &port.to_string()]);
    common::eventually("listen to start", || {
        run.stderr().contains("listening on").then_some(())
    });
    run.interrupt();
    let (code, _, stderr) = run.finish();
    assert_eq!(code, Some(130), "{stderr}");
    assert!(
        stderr.contains(&format!("listening on http://127.0.0.1:{port}/")),
        "{stderr}"
    );
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains("warning")).collect();
    assert_eq!(
        warnings,
        [format!(
            "rtctl: warning: `webhook listen --port {port}` is deprecated: write `webhook listen --bind {port}`; \
             for listen it still means where to listen, not the server's REST port it means everywhere else"
        )],
        "{stderr}"
    );
}

#[test]
fn a_redirect_is_not_an_accepted_webhook() {
    // An endpoint behind a login page: every request is sent elsewhere.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!(
        "http://127.0.0.1:{}/pusher/webhook",
        listener.local_addr().unwrap().port()
    );
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut buf = [0; 4096];
            let _ = stream.read(&mut buf);
            let _ = stream.write_all(
                b"HTTP/1.1 302 Found\r\nLocation: /login\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            );
        }
    });
    let env = env_with_app();
    let fixture = shipped_fixtures().join("01-presence-classroom-101-occupied.json");
    env.rtctl()
        .args(["webhook", "replay"])
        .arg(&fixture)
        .args(["--to", &url])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("HTTP 302"));
    env.rtctl()
        .args(["webhook", "replay", "--tamper"])
        .arg(&fixture)
        .args(["--to", &url])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("redirected (3xx)"));
}

// ---------------------------------------------------------------- listen: concurrency, saving, signals

/// An app behind --forward that accepts every connection and never answers, holding
/// each one open.
struct HungApp {
    url: String,
    held: Arc<Mutex<Vec<TcpStream>>>,
}

fn hung_app() -> HungApp {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!(
        "http://127.0.0.1:{}/pusher/webhook",
        listener.local_addr().unwrap().port()
    );
    let held = Arc::new(Mutex::new(Vec::new()));
    let sink = held.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            stream.set_nonblocking(true).unwrap();
            sink.lock().unwrap().push(stream);
        }
    });
    HungApp { url, held }
}

impl HungApp {
    /// How many connections it holds that the other end has not closed.
    fn open(&self) -> usize {
        let held = self.held.lock().unwrap();
        held.iter()
            .filter(|s| {
                let mut stream: &TcpStream = s;
                let mut buf = [0u8; 4096];
                loop {
                    match stream.read(&mut buf) {
                        Ok(0) => return false,
                        Ok(_) => continue,
                        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => return true,
                        Err(_) => return false,
                    }
                }
            })
            .count()
    }
}

/// `n` fixtures of different types in a folder of their own.
fn fixture_dir(env: &TestEnv, name: &str, n: usize) -> PathBuf {
    let dir = env.work_dir().join(name);
    std::fs::create_dir_all(&dir).unwrap();
    for (i, t) in TYPES.iter().cycle().take(n).enumerate() {
        write_file(&dir, &format!("{i:02}-{t}.json"), &fixture(env, &[t]));
    }
    dir
}

fn terminate(run: &Running) {
    let status = std::process::Command::new("kill")
        .args(["-TERM", &run.pid().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// Files in `dir`, sorted.
fn saved_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_hung_forward_target_delays_no_sender() {
    let env = env_with_app();
    let app = hung_app();
    let saved = env.work_dir().join("captured");
    // The forwards' own timeout is far longer than the test: they stay pending.
    let mut listening = listen(
        &env,
        &[
            "--json",
            "--timeout",
            "300s",
            "--forward",
            &app.url,
            "--save",
            saved.to_str().unwrap(),
        ],
    );
    let url = format!("http://127.0.0.1:{}/pusher/webhook", listening.port);

    // Five at once, then three one after another: every sender has its 200 while the
    // app still holds the forwards that went before (each replay's timeout is a hang
    // guard: a listener that forwarded in line would keep the later senders waiting).
    let at_once = fixture_dir(&env, "at-once", 5);
    env.rtctl()
        .args([
            "webhook",
            "replay",
            "--concurrency",
            "5",
            "--timeout",
            "60s",
        ])
        .arg(&at_once)
        .args(["--to", &url])
        .assert()
        .success()
        .stderr(predicate::str::contains("5 accepted"));
    let in_turn = fixture_dir(&env, "in-turn", 3);
    env.rtctl()
        .args(["webhook", "replay", "--timeout", "60s"])
        .arg(&in_turn)
        .args(["--to", &url])
        .assert()
        .success()
        .stderr(predicate::str::contains("3 accepted"));

    // Each was printed and saved, numbered in the order it arrived.
    let mut seqs = BTreeSet::new();
    while seqs.len() < 8 {
        let v = listening.run.record_of("webhook", None);
        assert_eq!(v["valid"], true, "{v}");
        let path = PathBuf::from(v["saved"].as_str().unwrap());
        assert_eq!(mode(&path), 0o600, "{}", path.display());
        assert!(seqs.insert(v["seq"].as_u64().unwrap()), "{v}");
    }
    assert_eq!(seqs, (1..=8).collect());
    assert_eq!(saved_files(&saved).len(), 8);

    // The app holds all eight forwards, none answered.
    common::eventually("the app to hold eight forwards", || {
        (app.open() == 8).then_some(())
    });

    // Stopping gives them a short grace, then counts them as not forwarded.
    listening.run.interrupt();
    let (code, lines, stderr) = listening.run.finish();
    assert_eq!(code, Some(130), "{stderr}");
    let records: Vec<Value> = lines
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let abandoned: BTreeSet<u64> = records
        .iter()
        .filter(|v| v["type"] == "forward")
        .map(|v| {
            assert_eq!(v["outcome"], "abandoned", "{v}");
            v["seq"].as_u64().unwrap()
        })
        .collect();
    assert_eq!(abandoned, seqs);
    let summary = records.last().unwrap();
    assert_eq!(summary["type"], "summary", "{summary}");
    assert_eq!(summary["reason"], "interrupted", "{summary}");
    assert_eq!(
        summary["forwards"],
        json!({"answered": 0, "failed": 0, "abandoned": 8})
    );
    assert!(
        stderr.contains("received 8 requests, 8 authentic, carrying 8 events; 8 saved in")
            && stderr.contains(
                "forwards: 0 answered by the app, 0 failed, 8 still waiting when stopped"
            ),
        "{stderr}"
    );
}

#[test]
fn a_failed_save_still_answers_the_sender_and_is_reported() {
    let env = env_with_app();
    let saved = env.work_dir().join("captured");
    let mut listening = listen(
        &env,
        &["--json", "--count", "2", "--save", saved.to_str().unwrap()],
    );
    let url = format!("http://127.0.0.1:{}/pusher/webhook", listening.port);
    let body = write_file(
        &env.work_dir(),
        "occ.json",
        &fixture(&env, &["channel_occupied"]),
    );
    let replay = || {
        env.rtctl()
            .args(["webhook", "replay"])
            .arg(&body)
            .args(["--to", &url])
            .assert()
            .success()
            .stdout(predicate::str::contains("200"));
    };
    replay();
    let first = listening.run.record_of("webhook", None);
    let kept = PathBuf::from(first["saved"].as_str().unwrap());
    assert_eq!(mode(&kept), 0o600);
    assert_eq!(saved_files(&saved), std::slice::from_ref(&kept));
    assert_eq!(std::fs::read(&kept).unwrap(), std::fs::read(&body).unwrap());

    // The folder goes away and a plain file takes its place (root ignores permission
    // bits, a file in the way stops it): the sender still gets its 200.
    std::fs::remove_dir_all(&saved).unwrap();
    std::fs::write(&saved, "in the way").unwrap();
    replay();
    let second = listening.run.record_of("webhook", None);
    assert_eq!(second["valid"], true, "{second}");
    assert!(second.get("saved").is_none(), "{second}");
    assert!(
        second["save_error"]
            .as_str()
            .unwrap()
            .contains("cannot write"),
        "{second}"
    );

    let (code, lines, stderr) = listening.run.finish();
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("warning: webhook #2 not saved"), "{stderr}");
    assert!(
        stderr.contains("1 saved in") && stderr.contains("1 not saved"),
        "{stderr}"
    );
    assert!(stderr.contains("error: webhooks 1 not saved"), "{stderr}");
    let summary: Value = serde_json::from_str(lines.last().unwrap()).unwrap();
    assert_eq!(summary["saved"], 1, "{summary}");
    assert_eq!(summary["not_saved"], 1, "{summary}");
}

#[test]
fn sigterm_stops_listen_with_143_a_summary_and_whole_files() {
    let env = env_with_app();
    let saved = env.work_dir().join("captured");
    let mut listening = listen(&env, &["--json", "--save", saved.to_str().unwrap()]);
    let url = format!("http://127.0.0.1:{}/pusher/webhook", listening.port);
    let dir = fixture_dir(&env, "some", 3);
    env.rtctl()
        .args(["webhook", "replay"])
        .arg(&dir)
        .args(["--to", &url])
        .assert()
        .success();
    for _ in 0..3 {
        listening.run.record_of("webhook", None);
    }
    terminate(&listening.run);
    let (code, lines, stderr) = listening.run.finish();
    assert_eq!(code, Some(143), "{stderr}");
    assert!(
        stderr.contains("received 3 requests, 3 authentic, carrying 3 events; 3 saved in"),
        "{stderr}"
    );
    assert!(stderr.contains("terminated (SIGTERM)"), "{stderr}");
    let summary: Value = serde_json::from_str(lines.last().unwrap()).unwrap();
    assert_eq!(summary["reason"], "terminated", "{summary}");
    // Only whole captures, readable by their owner only, and no temporary files.
    let files = saved_files(&saved);
    assert_eq!(files.len(), 3, "{files:?}");
    for f in &files {
        assert_eq!(f.extension().unwrap(), "json", "{}", f.display());
        assert_eq!(mode(f), 0o600, "{}", f.display());
        webhook::validate(&std::fs::read(f).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
    }
}

#[test]
fn listen_escapes_bidi_and_zero_width_characters_it_shows() {
    let env = env_with_app();
    // A client event whose data would read backwards, with a zero-width space hidden in it.
    let body = fixture(
        &env,
        &[
            "client_event",
            "--channel",
            "private-class-101",
            "--data",
            "{\"msg\":\"admin\u{202e}txt.exe\u{200b}\"}",
        ],
    );
    let body_file = write_file(&env.work_dir(), "bidi.json", &body);
    for json in [false, true] {
        let mut args = vec!["--count", "1"];
        if json {
            args.push("--json");
        }
        let listening = listen(&env, &args);
        let url = format!("http://127.0.0.1:{}/pusher/webhook", listening.port);
        env.rtctl()
            .args(["webhook", "replay"])
            .arg(&body_file)
            .args(["--to", &url])
            .assert()
            .success();
        let (code, lines, stderr) = listening.run.finish();
        assert_eq!(code, Some(0), "{stderr}");
        let out = lines.join("\n");
        assert!(
            !out.contains('\u{202e}') && !out.contains('\u{200b}'),
            "shown raw: {out}"
        );
        if json {
            assert!(out.contains(r"admin\u202etxt.exe\u200b"), "{out}");
            let v: Value = serde_json::from_str(&lines[0]).unwrap();
            assert_eq!(v["data"], "{\"msg\":\"admin\u{202e}txt.exe\u{200b}\"}");
        } else {
            assert!(out.contains(r"admin\u{202e}txt.exe\u{200b}"), "{out}");
        }
    }
}
