//! `channels watch` against a real sockudo: channels appearing and being vacated as
//! real subscribers come and go, presence members joining and leaving, a rate-limited
//! server backed off from, and bad flags refused.

use crate::common;

use common::{Running, Server, Subscriber, TestEnv};
use serde_json::Value;

/// The first record already seen or still to come that matches `pred`: changes that
/// land in the same refresh may come in either order.
fn seen_or_next(run: &mut Running, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
    let earlier = run
        .seen
        .iter()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .find(|v| pred(v));
    earlier.unwrap_or_else(|| run.record(what, pred))
}

fn is(v: &Value, kind: &str, channel: &str) -> bool {
    v["type"] == kind && v["channel"] == channel
}

#[test]
fn json_shows_a_channel_occupied_then_vacated_as_a_subscriber_comes_and_goes() {
    let server = Server::start();
    let env = TestEnv::with_server(&server);
    let mut run = env.spawn(&["channels", "watch", "--json", "--interval", "1s"]);
    let snapshot = run.record("the snapshot", |v| v["type"] == "snapshot");
    assert_eq!(snapshot["channels"], serde_json::json!([]), "{snapshot}");

    let mut sub = Subscriber::connect(&server);
    sub.subscribe(&server, "watch-updates", None);
    let occupied = run.record("watch-updates occupied", |v| {
        is(v, "channel_occupied", "watch-updates")
    });
    assert_eq!(occupied["kind"], "public", "{occupied}");
    assert_eq!(occupied["subscription_count"], 1, "{occupied}");
    assert!(occupied["user_count"].is_null(), "{occupied}");

    sub.close();
    run.record("watch-updates vacated", |v| {
        is(v, "channel_vacated", "watch-updates")
    });
    run.interrupt();
    let (code, lines, stderr) = run.finish();
    assert_eq!(code, Some(130), "{stderr}");
    let summary: Value = serde_json::from_str(lines.last().unwrap()).unwrap();
    assert_eq!(summary["type"], "summary", "{summary}");
    assert_eq!(summary["ended"], "interrupted", "{summary}");
    assert!(summary["refreshes"].as_u64().unwrap() >= 3, "{summary}");
}

#[test]
fn members_join_and_leave_a_presence_channel() {
    let server = Server::start();
    let env = TestEnv::with_server(&server);
    let channel = "presence-watch-room";
    let mut ada = Subscriber::connect(&server);
    ada.subscribe(&server, channel, Some("ada"));
    // Something outside the prefix, never shown.
    let mut other = Subscriber::connect(&server);
    other.subscribe(&server, "elsewhere", None);

    let mut run = env.spawn(&[
        "channels",
        "watch",
        "--json",
        "--members",
        "--prefix",
        "presence-watch-",
        "--interval",
        "1s",
    ]);
    let snapshot = run.record("the snapshot", |v| v["type"] == "snapshot");
    let channels = snapshot["channels"].as_array().unwrap();
    assert_eq!(channels.len(), 1, "{snapshot}");
    assert_eq!(channels[0]["channel"], channel);
    assert_eq!(channels[0]["kind"], "presence");
    assert_eq!(channels[0]["user_count"], 1, "{snapshot}");
    assert_eq!(
        channels[0]["members"],
        serde_json::json!(["ada"]),
        "{snapshot}"
    );

    let mut bob = Subscriber::connect(&server);
    bob.subscribe(&server, channel, Some("bob"));
    let joined = run.record("bob joining", |v| {
        is(v, "member_added", channel) && v["user_id"] == "bob"
    });
    assert_eq!(joined["kind"], "presence", "{joined}");
    seen_or_next(&mut run, "two users counted", |v| {
        is(v, "count_changed", channel) && v["user_count"] == 2
    });

    bob.close();
    run.record("bob leaving", |v| {
        is(v, "member_removed", channel) && v["user_id"] == "bob"
    });
    seen_or_next(&mut run, "one user counted", |v| {
        is(v, "count_changed", channel) && v["user_count"] == 1 && v["before"]["user_count"] == 2
    });
    run.terminate();
    let (code, lines, stderr) = run.finish();
    assert_eq!(code, Some(143), "{stderr}");
    assert!(
        lines.iter().all(|l| !l.contains("elsewhere")),
        "{}",
        lines.join("\n")
    );
    assert!(lines.last().unwrap().contains("\"ended\":\"terminated\""));
}

#[test]
fn a_rate_limited_server_is_backed_off_from_and_reported_not_fatal() {
    let limited = Server::start_with(&[
        ("RATE_LIMITER_ENABLED", "true"),
        ("RATE_LIMITER_API_MAX_REQUESTS", "3"),
    ]);
    let env = TestEnv::with_server(&limited);
    let mut run = env.spawn(&["channels", "watch", "--json", "--interval", "1s"]);
    run.record("the snapshot", |v| v["type"] == "snapshot");
    // Two listings a refresh: the second refresh goes over the limit of 3.
    let retrying = run.record("a retrying record", |v| v["type"] == "retrying");
    assert_eq!(retrying["status"], 429, "{retrying}");
    // The server's Retry-After (sockudo: the rest of its minute) is waited out whole.
    let delay = retrying["delay_ms"].as_u64().unwrap();
    assert!(delay >= 1000, "{retrying}");
    if let Some(after) = retrying["retry_after_ms"].as_u64() {
        assert!(delay >= after.min(300_000), "{retrying}");
    }
    run.interrupt();
    let (code, lines, stderr) = run.finish();
    assert_eq!(code, Some(130), "{stderr}");
    let summary: Value = serde_json::from_str(lines.last().unwrap()).unwrap();
    assert_eq!(summary["ended"], "interrupted", "{summary}");
    assert!(summary["retries"].as_u64().unwrap() >= 1, "{summary}");
    assert_eq!(stderr.trim(), "rtctl: error: interrupted (Ctrl-C)");
}

#[test]
fn a_duration_ends_the_run_with_a_summary_and_plain_lines_without_a_terminal() {
    let server = Server::start();
    let env = TestEnv::with_server(&server);
    let mut sub = Subscriber::connect(&server);
    sub.subscribe(&server, "watch-plain", None);
    // A member id that would clear the screen if printed as it is.
    let mut eve = Subscriber::connect(&server);
    eve.subscribe(&server, "presence-watch-plain", Some("eve\u{1b}[2J"));
    let out = env
        .rtctl()
        .args(["channels", "watch", "--members", "--duration", "1500ms"])
        .output()
        .unwrap();
    let (stdout, stderr) = common::output_text(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stdout.contains("watch-plain present (public, 1 subscription)"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "presence-watch-plain present (presence, 1 user, 1 subscription) members: eve\\u{1b}[2J"
        ),
        "{stdout}"
    );
    assert!(
        !stdout.contains('\u{1b}'),
        "no cursor movement off a terminal, and server text escaped: {stdout:?}"
    );
    assert!(stderr.contains("(timeout)"), "{stderr}");
}

#[test]
fn bad_flags_are_refused_before_anything_is_sent() {
    let env = TestEnv::new();
    for (args, names) in [
        (&["--interval", "500ms"][..], "--interval"),
        (&["--interval", "soon"][..], "--interval"),
        (&["--duration", "0"][..], "--duration"),
        (&["--prefix", "bad prefix"][..], "--prefix"),
        (&["--members=yes"][..], "--members"),
    ] {
        // The port nothing listens on: a refusal must come before any request.
        let out = env
            .rtctl()
            .args(["--port", "9", "channels", "watch"])
            .args(args)
            .output()
            .unwrap();
        let (_, stderr) = common::output_text(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(names), "{args:?}: {stderr}");
    }
}

#[test]
fn an_unreachable_server_fails_at_once_instead_of_waiting() {
    let (_listener, port) = common::silent_listener();
    drop(_listener);
    let env = TestEnv::new();
    let out = env
        .rtctl()
        .args(["--port", &port.to_string(), "channels", "watch", "--json"])
        .output()
        .unwrap();
    let (stdout, stderr) = common::output_text(&out);
    assert_eq!(out.status.code(), Some(6), "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
}
