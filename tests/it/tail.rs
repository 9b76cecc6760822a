//! `rtctl tail` against a real sockudo: every channel kind, scripts' flags, patterns,
//! client events, and a server restart in the middle of a run.

use crate::common;

use std::io::Write as _;
use std::net::TcpListener;
use std::path::Path;
use std::time::Duration;

use common::{
    Running, Server, Subscriber, TestEnv, WAIT, auth_endpoint, endpoint_answer, read_request,
};
use serde_json::{Value, json};

const MASTER_KEY: &str = "dGhpcyBpcyAzMiBieXRlcyAxMjM0NTY3ODkwMTIzNDU=";

fn trigger(env: &TestEnv, channel: &str, event: &str, data: &str) {
    env.rtctl()
        .args(["trigger", channel, event, data, "--no-validate"])
        .assert()
        .success();
}

/// Start `tail ARGS --json` and wait until it has subscribed to `channels`.
fn tail_json(env: &TestEnv, args: &[&str], channels: &[&str]) -> Running {
    let mut all = vec!["tail", "--json"];
    all.extend_from_slice(args);
    let mut run = env.spawn(&all);
    for ch in channels {
        run.record_of("subscribed", Some(ch));
    }
    run
}

fn text(v: &Value) -> &str {
    v.as_str().unwrap_or_default()
}

fn event_names(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|v| v["type"] == "event")
        .map(|v| v["event"].as_str().unwrap_or_default().to_owned())
        .collect()
}

fn wait_for_file(path: &Path) -> String {
    let start = std::time::Instant::now();
    while start.elapsed() < WAIT {
        if let Ok(text) = std::fs::read_to_string(path)
            && !text.is_empty()
        {
            return text;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("{} never appeared", path.display());
}

#[test]
fn public_channel_events_arrive_decoded_in_a_stable_envelope() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let mut run = tail_json(
        &env,
        &["dashboard-updates", "--count", "2"],
        &["dashboard-updates"],
    );
    trigger(
        &env,
        "dashboard-updates",
        "system_notification",
        r#"{"type":"info","n":1}"#,
    );
    trigger(&env, "dashboard-updates", "plain", "just text");
    let first = run.record_of("event", Some("dashboard-updates"));
    assert_eq!(first["event"], "system_notification");
    assert_eq!(
        first["data"],
        json!({"type":"info","n":1}),
        "data is decoded from its JSON string"
    );
    assert!(first["time"].as_str().unwrap().ends_with('Z'));
    assert!(first.get("user_id").is_none());
    let second = run.record_of("event", Some("dashboard-updates"));
    assert_eq!(
        second["data"], "just text",
        "a non-JSON string stays a string"
    );
    let (code, lines, _) = run.finish();
    assert_eq!(code, Some(0), "--count 2 ends the run");
    let summary: Value = serde_json::from_str(lines.last().unwrap()).unwrap();
    assert_eq!(summary["type"], "summary");
    assert_eq!(summary["ended"], "done");
    assert_eq!(summary["counters"]["events_shown"], 2);
    assert!(summary["counters"]["messages_received"].as_u64().unwrap() >= 4);
    assert_eq!(summary["counters"]["reconnect_attempts"], 0);
}

#[test]
fn human_output_is_one_line_per_event_with_status_on_stderr() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let ready = env.work_dir().join("ready");
    let mut run = env.spawn(&[
        "tail",
        "agent-status",
        "--count",
        "1",
        "--ready-file",
        ready.to_str().unwrap(),
    ]);
    wait_for_file(&ready);
    trigger(
        &env,
        "agent-status",
        "agent_update",
        "{\"state\":\"idle\\u001b[2J\"}",
    );
    let line = run.line("the event line", |l| l.contains("agent_update"));
    let (code, _, stderr) = run.finish();
    assert_eq!(code, Some(0));
    assert!(line.contains(" agent-status agent_update "), "{line}");
    assert!(
        line.contains(r#"{"state":"idle\u001b[2J"}"#),
        "escaped, not raw: {line}"
    );
    assert!(
        !line.contains('\u{1b}'),
        "no control characters reach the terminal"
    );
    assert!(stderr.contains("subscribed to agent-status"), "{stderr}");
    assert!(stderr.contains("1 event shown"), "summary: {stderr}");
}

#[test]
fn private_channels_signed_locally() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let mut run = tail_json(
        &env,
        &["private-user-42", "--count", "1"],
        &["private-user-42"],
    );
    trigger(
        &env,
        "private-user-42",
        "personal_notification",
        r#"{"m":"hi"}"#,
    );
    assert_eq!(run.record_of("event", None)["data"]["m"], "hi");
    assert_eq!(run.finish().0, Some(0));
}

#[test]
fn private_and_presence_channels_through_an_auth_endpoint_form_and_json() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let (url, bodies) = auth_endpoint(server, "t0ken-s3cret", None, None);
    for body in ["form", "json"] {
        let ch = format!("private-class-{body}");
        let mut run = tail_json(
            &env,
            &[
                &ch,
                "presence-room-endpoint",
                "--count",
                "1",
                "--auth-endpoint",
                &url,
                "--auth-header",
                "Authorization: Bearer t0ken-s3cret",
                "--auth-body",
                body,
            ],
            &[],
        );
        run.record(&format!("subscribed to {ch}"), |v| {
            v["type"] == "subscribed" && v["channel"] == ch.as_str()
        });
        let presence = run.record_of("subscribed", Some("presence-room-endpoint"));
        assert_eq!(
            presence["members"][0]["user_id"], "endpoint-user",
            "the endpoint decides the identity"
        );
        let sent = bodies.recv_timeout(WAIT).unwrap();
        if body == "form" {
            assert!(sent.starts_with("socket_id="), "{sent}");
            assert!(
                sent.contains("&channel_name=private-class-form")
                    || sent.contains("&channel_name=presence-room-endpoint"),
                "{sent}"
            );
        } else {
            let v: Value = serde_json::from_str(&sent).unwrap();
            assert!(
                v["socket_id"].is_string() && v["channel_name"].is_string(),
                "{sent}"
            );
        }
        let _ = bodies.recv_timeout(WAIT);
        trigger(&env, &ch, "hand_raised", r#"{"who":"me"}"#);
        run.record_of("event", Some(&ch));
        let (code, lines, stderr) = run.finish();
        assert_eq!(code, Some(0));
        let all = format!("{}{stderr}", lines.join("\n"));
        assert!(
            !all.contains("t0ken-s3cret"),
            "the auth header's token is never shown"
        );
        assert!(!all.contains(&server.secret), "the secret is never shown");
    }

    // The endpoint refusing is a clear, channel-named failure.
    let out = env
        .rtctl()
        .args([
            "tail",
            "private-class-x",
            "--auth-endpoint",
            &url,
            "--auth-header",
            "Authorization: Bearer wrong",
        ])
        .timeout(WAIT)
        .output()
        .unwrap();
    let (_, stderr) = common::output_text(&out);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(
        stderr.contains("cannot subscribe to private-class-x"),
        "{stderr}"
    );
    assert!(stderr.contains("403"), "{stderr}");
    assert!(stderr.contains("--auth-header"), "hint: {stderr}");
}

#[test]
fn presence_members_joining_and_leaving() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let ch = "presence-classroom-101";
    let mut run = tail_json(
        &env,
        &[
            ch,
            "--user-id",
            "ops-1",
            "--user-info",
            r#"{"name":"Ops","role":"observer"}"#,
        ],
        &[],
    );
    let sub = run.record_of("subscribed", Some(ch));
    assert_eq!(sub["count"], 1);
    assert_eq!(
        sub["members"],
        json!([{"user_id":"ops-1","user_info":{"name":"Ops","role":"observer"}}])
    );

    let mut student = Subscriber::connect(server);
    student.subscribe(server, ch, Some("student-7"));
    let added = run.record("member_added", |v| {
        v["type"] == "event" && v["event"] == "pusher:member_added"
    });
    assert_eq!(added["user_id"], "student-7");
    assert_eq!(added["data"]["user_id"], "student-7");

    // A member's client event. Pusher adds the sender's user_id; sockudo 5.2.0 leaves it
    // out (its client-event message has `user_id: None`), so only a given one is checked,
    // and the unit tests cover passing it through.
    student.client_event(ch, "client-hand-raised", &json!({"q":1}));
    let client = run.record("the client event", |v| v["event"] == "client-hand-raised");
    assert!(
        client.get("user_id").is_none_or(|u| u == "student-7"),
        "{client}"
    );
    assert_eq!(client["data"], json!({"q":1}));

    student.close();
    let removed = run.record("member_removed", |v| {
        v["type"] == "event" && v["event"] == "pusher:member_removed"
    });
    assert_eq!(removed["user_id"], "student-7");
    run.interrupt();
    let (code, _, _) = run.finish();
    assert_eq!(code, Some(130));
}

/// The `data` of a `pusher_internal:` frame, which arrives as a JSON string.
fn internal_data(frame: &Value) -> Value {
    serde_json::from_str(text(&frame["data"])).unwrap()
}

#[test]
fn the_used_by_line_joins_a_presence_channel_as_an_observer_the_other_members_see() {
    // Its own server: the channel's members are what the test checks.
    let server = Server::start();
    let env = TestEnv::with_server(&server);
    let ch = "presence-classroom-101";
    let mut teacher = Subscriber::connect(&server);
    teacher.subscribe(&server, ch, Some("teacher-1"));

    // Exactly as the platform's guide writes it: no --user-id.
    let mut run = env.spawn(&["tail", ch]);
    let observer = format!("-{}", run.pid());
    let members = run.line("the member list", |l| l.contains(" members "));
    assert!(members.contains("teacher-1"), "{members}");
    assert!(
        members.contains("rtctl-") && members.contains(&observer),
        "rtctl is one of the members: {members}"
    );

    let joined = internal_data(&teacher.next_event("pusher_internal:member_added"));
    let id = text(&joined["user_id"]).to_owned();
    assert!(
        id.starts_with("rtctl-") && id.ends_with(&observer),
        "the other member sees rtctl join, named: {joined}"
    );
    assert_eq!(joined["user_info"]["name"], "rtctl observer");
    assert!(
        text(&joined["user_info"]["client"]).starts_with("rtctl "),
        "{joined}"
    );

    trigger(&env, ch, "activity_update", r#"{"active":3}"#);
    let line = run.line("the event", |l| l.contains("activity_update"));
    assert!(line.contains(r#""active""#) && line.contains('3'), "{line}");

    run.terminate();
    let left = internal_data(&teacher.next_event("pusher_internal:member_removed"));
    assert_eq!(
        left["user_id"],
        id.as_str(),
        "the other member sees rtctl leave"
    );
    let (code, _, stderr) = run.finish();
    assert_eq!(code, Some(143), "{stderr}");
    assert!(
        stderr.contains(&format!("as the observer `{id}`"))
            && stderr.contains("other members see it")
            && stderr.contains("--user-id"),
        "says who rtctl is and how to choose: {stderr}"
    );
    assert_eq!(
        stderr.matches("as the observer").count(),
        1,
        "said once: {stderr}"
    );
    assert!(
        stderr.contains("terminated") && stderr.contains("1 event shown"),
        "the summary: {stderr}"
    );
}

#[test]
fn a_presence_pattern_without_user_id_joins_as_the_observer_and_sigterm_leaves_with_a_summary() {
    let server = Server::start();
    let env = TestEnv::with_server(&server);
    let ch = "presence-lesson-7";
    let mut student = Subscriber::connect(&server);
    student.subscribe(&server, ch, Some("student-7"));
    let mut run = tail_json(&env, &["presence-lesson-*"], &[]);
    let sub = run.record_of("subscribed", Some(ch));
    assert_eq!(sub["count"], 2, "{sub}");
    let joined = internal_data(&student.next_event("pusher_internal:member_added"));
    assert!(text(&joined["user_id"]).starts_with("rtctl-"), "{joined}");

    run.terminate();
    let left = internal_data(&student.next_event("pusher_internal:member_removed"));
    assert_eq!(left["user_id"], joined["user_id"]);
    let (code, lines, stderr) = run.finish();
    assert_eq!(code, Some(143), "{stderr}");
    let summary: Vec<Value> = lines
        .iter()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|v| v["type"] == "summary")
        .collect();
    assert_eq!(summary.len(), 1, "{lines:?}");
    assert_eq!(summary[0]["ended"], "terminated");
    assert_eq!(summary[0]["counters"]["state"], "DISCONNECTED");
}

#[test]
fn signin_still_needs_a_user_id() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    env.rtctl()
        .args(["tail", "dashboard-updates", "--signin"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--user-id"));
}

/// Requests an auth endpoint is answering at once: now, the most seen, and in all.
#[derive(Debug, Default)]
struct InFlight {
    now: usize,
    most: usize,
    total: usize,
}

/// An auth endpoint that holds each request until `hold` are in flight (or a second
/// passes without that), then answers: a client that keeps more than `hold` in flight
/// shows it in `most`, whatever the machine's speed.
fn counting_auth_endpoint(
    server: &Server,
    hold: usize,
) -> (String, std::sync::Arc<std::sync::Mutex<InFlight>>) {
    use std::sync::{Arc, Condvar, Mutex};
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/pusher/auth", listener.local_addr().unwrap());
    let (key, secret) = (server.key.clone(), server.secret.clone());
    let state = Arc::new((Mutex::new(InFlight::default()), Condvar::new()));
    let seen = Arc::new(Mutex::new(InFlight::default()));
    let (state2, seen2) = (Arc::clone(&state), Arc::clone(&seen));
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let (state, seen) = (Arc::clone(&state2), Arc::clone(&seen2));
            let (key, secret) = (key.clone(), secret.clone());
            std::thread::spawn(move || {
                let (_, body) = read_request(&mut stream);
                let (lock, cv) = &*state;
                let mut s = lock.lock().unwrap();
                s.now += 1;
                s.total += 1;
                s.most = s.most.max(s.now);
                *seen.lock().unwrap() = InFlight { ..*s };
                cv.notify_all();
                let (mut s, _) = cv
                    .wait_timeout_while(s, Duration::from_secs(1), |s| s.now < hold)
                    .unwrap();
                s.now -= 1;
                drop(s);
                let reply = endpoint_answer((&key, &secret), None, &body);
                let _ = stream.write_all(reply.as_bytes());
            });
        }
    });
    (url, seen)
}

#[test]
fn at_most_eight_authorizations_are_in_flight_at_once() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let (url, seen) = counting_auth_endpoint(server, 9);
    let channels: Vec<String> = (0..30).map(|i| format!("private-many-{i}")).collect();
    let mut args: Vec<&str> = channels.iter().map(String::as_str).collect();
    args.extend(["--auth-endpoint", &url, "--auth-body", "json"]);
    let mut run = tail_json(&env, &args, &[]);
    for _ in &channels {
        run.record_of("subscribed", None);
    }
    run.interrupt();
    let (code, _, stderr) = run.finish();
    assert_eq!(code, Some(130), "{stderr}");
    let seen = seen.lock().unwrap();
    assert_eq!(seen.total, 30, "{seen:?}");
    assert_eq!(
        seen.most, 8,
        "eight at once, never more (the endpoint waits for a ninth): {seen:?}"
    );
}

#[test]
fn a_pattern_leaves_a_channel_once_nobody_else_is_subscribed() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let mut a = Subscriber::connect(server);
    a.subscribe(server, "vacate-1", None);
    let mut b = Subscriber::connect(server);
    b.subscribe(server, "vacate-2", None);
    let mut run = tail_json(
        &env,
        &["vacate-*", "--rescan", "1s"],
        &["vacate-1", "vacate-2"],
    );
    a.close();
    let left = run.record_of("unsubscribed", Some("vacate-1"));
    assert_eq!(left["reason"], "vacant", "{left}");
    // The server sees rtctl go: nobody is left on the channel.
    common::eventually("vacate-1 empty", || {
        let out = env
            .rtctl()
            .args(["channels", "show", "vacate-1", "--json"])
            .output()
            .unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).ok()?;
        (v["occupied"] == false).then_some(())
    });
    // Still occupied by someone else: kept, and its events still arrive.
    trigger(&env, "vacate-2", "still", "{}");
    assert_eq!(run.record_of("event", Some("vacate-2"))["event"], "still");
    // Occupied again: joined again.
    let mut c = Subscriber::connect(server);
    c.subscribe(server, "vacate-1", None);
    run.record_of("subscribed", Some("vacate-1"));
    run.interrupt();
    let (code, lines, stderr) = run.finish();
    assert_eq!(code, Some(130), "{stderr}");
    let of = |kind: &str, channel: &str| {
        lines
            .iter()
            .filter_map(|l| serde_json::from_str::<Value>(l).ok())
            .filter(|v| v["type"] == kind && v["channel"] == channel)
            .count()
    };
    assert_eq!(of("unsubscribed", "vacate-1"), 1, "left once: {lines:?}");
    assert_eq!(of("unsubscribed", "vacate-2"), 0, "{lines:?}");
    assert_eq!(
        of("subscribed", "vacate-1"),
        2,
        "joined again only once occupied again: {lines:?}"
    );
    drop(b);
}

#[test]
fn max_message_size_is_checked_before_connecting() {
    let env = TestEnv::new();
    for (value, says) in [
        ("0", "between 1 KiB and 1 GiB"),
        ("2GiB", "between 1 KiB and 1 GiB"),
        ("lots", "is not a size"),
        ("1.5MiB", "is not a size"),
    ] {
        let out = env
            .rtctl()
            .args(["tail", "dashboard-updates", "--max-message-size", value])
            .timeout(WAIT)
            .output()
            .unwrap();
        let (_, stderr) = common::output_text(&out);
        assert_eq!(out.status.code(), Some(2), "{value}: {stderr}");
        assert!(stderr.contains(says), "{value}: {stderr}");
        assert!(
            stderr.contains("hint: for example --max-message-size 4MiB"),
            "{stderr}"
        );
    }
}

#[test]
fn encrypted_channels_are_decrypted_and_failures_reported() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    env.write_config(&format!(
        "{}encryption_master_key = \"{MASTER_KEY}\"\n",
        server.profile()
    ));
    let ch = "private-encrypted-grades";
    let mut run = tail_json(&env, &[ch, "--count", "1"], &[ch]);
    trigger(&env, ch, "grade_posted", r#"{"grade":"A"}"#);
    let ev = run.record_of("event", Some(ch));
    assert_eq!(ev["data"], json!({"grade":"A"}));
    assert!(ev.get("undecryptable").is_none());
    assert_eq!(run.finish().0, Some(0));

    // Through an auth endpoint, the key is the endpoint's shared_secret.
    let (url, _bodies) = auth_endpoint(server, "tok", Some(MASTER_KEY), None);
    let mut run = tail_json(
        &env,
        &[
            ch,
            "--count",
            "1",
            "--auth-endpoint",
            &url,
            "--auth-header",
            "Authorization: Bearer tok",
        ],
        &[ch],
    );
    trigger(&env, ch, "grade_posted", r#"{"grade":"B"}"#);
    assert_eq!(
        run.record_of("event", Some(ch))["data"],
        json!({"grade":"B"})
    );
    assert_eq!(run.finish().0, Some(0));

    // A tail with another master key reports the event as undecryptable, not dropped.
    let other = TestEnv::with_server(server);
    other.write_config(&format!(
        "{}encryption_master_key = \"b3RoZXIgaXMgMzIgYnl0ZXMgMTIzNDU2Nzg5MDEyMzQ=\"\n",
        server.profile()
    ));
    let mut run = tail_json(&other, &[ch, "--count", "1"], &[ch]);
    trigger(&env, ch, "grade_posted", r#"{"grade":"C"}"#);
    let ev = run.record_of("event", Some(ch));
    assert!(
        ev["undecryptable"]
            .as_str()
            .unwrap()
            .contains("does not open"),
        "{ev}"
    );
    assert!(
        ev["data"]["ciphertext"].is_string(),
        "the payload as received: {ev}"
    );
    assert_eq!(run.finish().0, Some(0));
}

#[test]
fn count_duration_and_ready_file_for_ci() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let ready = env.work_dir().join("ready");
    let run = env.spawn(&[
        "tail",
        "content-generation",
        "--count",
        "3",
        "--duration",
        "60s",
        "--ready-file",
        ready.to_str().unwrap(),
        "--json",
    ]);
    // Trigger the moment the file appears: no event may be lost to a race.
    let socket_id = wait_for_file(&ready);
    assert!(
        socket_id
            .trim()
            .split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())),
        "the ready file holds the socket id: {socket_id:?}"
    );
    for n in 0..3 {
        trigger(
            &env,
            "content-generation",
            "progress_update",
            &format!("{{\"progress\":{n}}}"),
        );
    }
    let (code, lines, _) = run.finish();
    assert_eq!(code, Some(0));
    assert_eq!(event_names(&lines), ["progress_update"; 3]);

    // Not enough events in time: exit 124 with a message saying how many came. The old
    // spelling, `tail --timeout`, as scripts have it, still means this, with a warning.
    let out = env
        .rtctl()
        .args([
            "tail",
            "content-generation",
            "--count",
            "2",
            "--timeout",
            "1500ms",
        ])
        .timeout(WAIT)
        .output()
        .unwrap();
    let (_, stderr) = common::output_text(&out);
    assert_eq!(out.status.code(), Some(124), "{stderr}");
    assert!(
        stderr.contains("timed out: 0 of 2 events arrived within 1500ms"),
        "{stderr}"
    );
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains("warning")).collect();
    assert_eq!(
        warnings,
        [
            "rtctl: warning: `tail --timeout 1500ms` is deprecated: write `tail --duration 1500ms`; \
          for tail it still means how long to wait for events, not the network timeout it will become"
        ],
        "{stderr}"
    );

    // --duration without --count is a watch of that length, and says nothing of --timeout.
    let out = env
        .rtctl()
        .args(["tail", "content-generation", "--duration", "1s"])
        .timeout(WAIT)
        .output()
        .unwrap();
    let (_, stderr) = common::output_text(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
}

/// With --duration, --timeout has no old meaning left to keep: it is the network
/// timeout, as for every command. The profile's is far beyond the test's wait, and so is
/// the run's length, so only the flag can end this run.
#[test]
fn with_duration_the_timeout_flag_is_the_network_timeout() {
    let (_silent, port) = common::silent_listener();
    let env = TestEnv::new();
    env.write_config(&format!(
        "[profiles.local]\nport = {port}\ntimeout = \"300s\"\n"
    ));
    let out = env
        .rtctl()
        .args([
            "tail",
            "dashboard-updates",
            "--duration",
            "300s",
            "--timeout",
            "1s",
        ])
        .timeout(WAIT)
        .output()
        .unwrap();
    let (_, stderr) = common::output_text(&out);
    assert_eq!(out.status.code(), Some(6), "{stderr}");
    assert!(
        stderr.contains("no WebSocket handshake from ws://127.0.0.1:")
            && stderr.contains("within 1s"),
        "{stderr}"
    );
    assert!(!stderr.contains("deprecated"), "{stderr}");
}

#[test]
fn event_filters_and_internal_events() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let ch = "presence-lesson-9";
    let run = tail_json(
        &env,
        &[
            ch,
            "--user-id",
            "ops",
            "--event",
            "progress_*",
            "--event",
            "done",
            "--exclude-internal",
            "--count",
            "2",
        ],
        &[ch],
    );
    let mut student = Subscriber::connect(server);
    student.subscribe(server, ch, Some("s1"));
    for (event, data) in [
        ("chatter", "{}"),
        ("progress_update", "{\"p\":1}"),
        ("done", "{}"),
    ] {
        trigger(&env, ch, event, data);
    }
    let (code, lines, _) = run.finish();
    assert_eq!(code, Some(0));
    assert_eq!(
        event_names(&lines),
        ["progress_update", "done"],
        "member_added and chatter are filtered out"
    );
    drop(student);
}

#[test]
fn raw_shows_frames_both_ways() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let ready = env.work_dir().join("ready");
    let mut run = env.spawn(&[
        "tail",
        "private-raw",
        "--raw",
        "--count",
        "1",
        "--ready-file",
        ready.to_str().unwrap(),
    ]);
    wait_for_file(&ready);
    trigger(&env, "private-raw", "ping_me", "{}");
    run.line("the event frame", |l| {
        l.contains("<- ") && l.contains("ping_me")
    });
    let (code, lines, stderr) = run.finish();
    assert_eq!(code, Some(0));
    let text = lines.join("\n");
    assert!(
        text.contains(r#"<- {"event":"pusher:connection_established""#),
        "{text}"
    );
    assert!(
        text.contains(r#"-> {"event":"pusher:subscribe","data":{"auth":""#),
        "{text}"
    );
    assert!(
        text.contains(r#"-> {"event":"pusher:unsubscribe","data":{"channel":"private-raw"}}"#),
        "{text}"
    );
    assert!(!text.contains(&server.secret) && !stderr.contains(&server.secret));
}

#[test]
fn patterns_pick_up_channels_occupied_later() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let mut early = Subscriber::connect(server);
    early.subscribe(server, "presence-classroom-1", Some("t1"));
    let mut run = tail_json(
        &env,
        &["presence-classroom-*", "--user-id", "ops", "--rescan", "1s"],
        &["presence-classroom-1"],
    );
    let mut late = Subscriber::connect(server);
    late.subscribe(server, "presence-classroom-2", Some("t2"));
    let mut unrelated = Subscriber::connect(server);
    unrelated.subscribe(server, "presence-other-3", Some("t3"));
    run.record_of("subscribed", Some("presence-classroom-2"));
    trigger(
        &env,
        "presence-classroom-2",
        "activity_update",
        r#"{"a":1}"#,
    );
    let ev = run.record_of("event", Some("presence-classroom-2"));
    assert_eq!(ev["event"], "activity_update");
    run.interrupt();
    let (code, lines, _) = run.finish();
    assert_eq!(code, Some(130));
    assert!(
        !lines.join("\n").contains("presence-other-3"),
        "only matching channels"
    );
}

#[test]
fn client_events_reach_other_subscribers() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let ch = "private-chat-7";
    let mut peer = Subscriber::connect(server);
    peer.subscribe(server, ch, None);

    let mut run = tail_json(
        &env,
        &[ch, "--send", "client-typing", r#"{"typing":true}"#],
        &[ch],
    );
    run.record_of("sent", Some(ch));
    let got = peer.next_app_event();
    assert_eq!(got["event"], "client-typing");
    assert_eq!(got["channel"], ch);
    run.interrupt();
    run.finish();

    // Interactive: each stdin line is EVENT [DATA].
    let mut run = tail_json(&env, &[ch, "--interactive"], &[ch]);
    run.send_line(r#"client-hello {"n":2}"#);
    run.send_line("not-client oops");
    run.send_line("client-bare");
    let got = peer.next_app_event();
    assert_eq!(got["event"], "client-hello");
    let data: Value = match &got["data"] {
        Value::String(s) => serde_json::from_str(s).unwrap(),
        other => other.clone(),
    };
    assert_eq!(data, json!({"n":2}));
    assert_eq!(
        peer.next_app_event()["event"],
        "client-bare",
        "the bad line was not sent"
    );
    run.interrupt();
    let (_, _, stderr) = run.finish();
    assert!(
        stderr.contains("client-"),
        "the refused line is explained: {stderr}"
    );
}

#[test]
fn client_events_are_refused_before_anything_is_sent() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let cases = [
        (
            vec!["tail", "dashboard-updates", "--send", "client-x", "{}"],
            "public channel",
        ),
        (
            vec!["tail", "private-a", "--send", "typing", "{}"],
            "must start with `client-`",
        ),
        (
            vec!["tail", "private-encrypted-a", "--send", "client-x", "{}"],
            "encrypted",
        ),
        (
            vec!["tail", "dashboard-updates", "--interactive"],
            "public channel",
        ),
    ];
    for (args, says) in cases {
        env.rtctl()
            .args(&args)
            .timeout(WAIT)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicates::str::contains(says))
            .stderr(predicates::str::contains("nothing was sent"));
    }
}

#[test]
fn signin_receives_events_sent_to_the_user() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let mut run = env.spawn(&[
        "tail",
        "--json",
        "dashboard-updates",
        "--signin",
        "--user-id",
        "user-42",
        "--count",
        "1",
    ]);
    run.record_of("signed_in", None);
    run.record_of("subscribed", Some("#server-to-user-user-42"));
    env.rtctl()
        .args([
            "users",
            "send",
            "user-42",
            "personal_notification",
            r#"{"m":"for you"}"#,
        ])
        .assert()
        .success();
    let ev = run.record_of("event", Some("#server-to-user-user-42"));
    assert_eq!(ev["data"]["m"], "for you");
    assert_eq!(run.finish().0, Some(0));
}

#[test]
fn an_unknown_app_key_is_refused_with_its_own_exit_code() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let out = env
        .rtctl()
        .args(["--key", "no-such-key", "tail", "dashboard-updates"])
        .timeout(WAIT)
        .output()
        .unwrap();
    let (stdout, stderr) = common::output_text(&out);
    assert_eq!(out.status.code(), Some(7), "{stderr}");
    assert_eq!(stdout, "");
    assert!(stderr.contains("app key"), "{stderr}");
    assert!(stderr.contains("4001"), "names Pusher's code: {stderr}");
    assert!(
        stderr.contains("key from flag --key"),
        "says where the key came from: {stderr}"
    );
}

#[test]
fn a_closed_stdout_ends_quietly_with_success() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let base = env.command();
    let mut cmd = std::process::Command::new("bash");
    cmd.arg("-c")
        .arg("\"$0\" tail dashboard-updates --json | head -n 1; echo \"status=${PIPESTATUS[0]}\"")
        .arg(base.get_program())
        .env_clear()
        .current_dir(env.work_dir());
    for (k, v) in base.get_envs() {
        if let Some(v) = v {
            cmd.env(k, v);
        }
    }
    let out = cmd.output().unwrap();
    let (stdout, stderr) = common::output_text(&out);
    assert!(stdout.contains("status=0"), "{stdout}\n{stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
}

#[test]
fn restarting_the_server_mid_tail_reconnects_resubscribes_and_marks_the_gap() {
    let mut server = Server::start();
    let env = TestEnv::with_server(&server);
    let ch = "presence-classroom-101";
    let mut run = tail_json(
        &env,
        &["private-status", ch, "--user-id", "ops", "--signin"],
        &["private-status", ch, "#server-to-user-ops"],
    );
    server.restart(Duration::from_millis(500));
    let reconnecting = run.record_of("reconnecting", None);
    assert!(reconnecting["delay_ms"].as_u64().is_some());
    assert_eq!(reconnecting["counters"]["state"], "DISCONNECTED");
    // Everything settles again before the gap marker, the user's channel only after
    // this connection's sign-in.
    let mut settled = Vec::new();
    let gap = loop {
        let r = run.record("the gap marker", |_| true);
        if r["type"] == "gap" {
            break r;
        }
        settled.push(format!("{} {}", text(&r["type"]), text(&r["channel"])));
    };
    let at = |what: &str| {
        settled
            .iter()
            .position(|s| s.trim_end() == what)
            .unwrap_or_else(|| panic!("no {what} before the gap: {settled:?}"))
    };
    at("subscribed private-status");
    at(&format!("subscribed {ch}"));
    assert!(
        at("signed_in") < at("subscribed #server-to-user-ops"),
        "{settled:?}"
    );
    assert!(
        gap["from"].as_str().unwrap() < gap["to"].as_str().unwrap(),
        "{gap}"
    );
    assert!(gap["reason"].is_string());
    assert!(gap["counters"]["reconnect_attempts"].as_u64().unwrap() >= 1);
    assert_eq!(gap["counters"]["state"], "CONNECTED");
    trigger(
        &env,
        "private-status",
        "agent_update",
        r#"{"after":"restart"}"#,
    );
    let ev = run.record_of("event", Some("private-status"));
    assert_eq!(ev["data"]["after"], "restart");
    env.rtctl()
        .args([
            "users",
            "send",
            "ops",
            "personal_notification",
            r#"{"m":"again"}"#,
        ])
        .assert()
        .success();
    let ev = run.record_of("event", Some("#server-to-user-ops"));
    assert_eq!(ev["data"]["m"], "again");
    run.interrupt();
    let (code, lines, _) = run.finish();
    assert_eq!(code, Some(130));
    let summary: Value = serde_json::from_str(lines.last().unwrap()).unwrap();
    assert_eq!(summary["ended"], "interrupted");
    assert!(summary["counters"]["reconnect_attempts"].as_u64().unwrap() >= 1);
}

#[test]
fn a_refused_subscription_names_the_channel_the_code_and_what_to_check() {
    let server = Server::shared();
    let env = TestEnv::new();
    env.write_config(&server.profile().replace(&server.secret, "not-the-secret"));
    let out = env
        .rtctl()
        .args(["tail", "dashboard-updates", "private-user-42"])
        .timeout(WAIT)
        .output()
        .unwrap();
    let (stdout, stderr) = common::output_text(&out);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert_eq!(stdout, "");
    assert!(
        stderr.contains("cannot subscribe to private-user-42 (code 4009)"),
        "{stderr}"
    );
    assert!(stderr.contains("check the app key and secret"), "{stderr}");
    assert!(!stderr.contains("not-the-secret"), "{stderr}");
}

#[test]
fn refused_subscriptions_are_named_when_several_are_on_their_way() {
    // sockudo's refusal names no channel: with several on their way, it is the oldest's.
    let server = Server::shared();
    let env = TestEnv::new();
    env.write_config(&server.profile().replace(&server.secret, "not-the-secret"));
    let out = env
        .rtctl()
        .args([
            "tail",
            "private-a",
            "private-b",
            "presence-c",
            "--sign-locally",
        ])
        .timeout(WAIT)
        .output()
        .unwrap();
    let (stdout, stderr) = common::output_text(&out);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert_eq!(stdout, "");
    assert!(
        stderr.contains("cannot subscribe to private-a (code 4009)"),
        "{stderr}"
    );
}

#[test]
fn interactive_exits_without_waiting_for_more_input() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let ch = "private-chat-8";
    let run = tail_json(&env, &[ch, "--interactive", "--count", "1"], &[ch]);
    trigger(&env, ch, "done", "{}");
    // stdin stays open, as a terminal's does: the run must still end.
    let (code, lines, _) = run.finish();
    assert_eq!(code, Some(0));
    assert_eq!(event_names(&lines), ["done"]);
}
