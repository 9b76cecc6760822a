//! `rtctl bench` against a real sockudo: every delivery of 200 subscribers at 500
//! events a second, presence members, merged results, the server's connection limit
//! and rate limit, a dead server, Pusher's hosted service refused, Ctrl-C.

use crate::common;

use std::sync::OnceLock;

use common::{Server, TestEnv, eventually, output_text, write_file};
use serde_json::Value;

/// A sanity bound on any latency on loopback: never a performance assertion.
const SANE_MS: f64 = 5000.0;

/// One server for the load tests, its rate limiter off (as for any benchmark) and its
/// app's connection limit (100 by default) raised.
fn unlimited() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(|| {
        Server::start_with(&[
            ("RATE_LIMITER_ENABLED", "false"),
            ("SOCKUDO_DEFAULT_APP_MAX_CONNECTIONS", "100000"),
        ])
    })
}

fn json_run(env: &TestEnv, args: &[&str]) -> (Option<i32>, Value, String) {
    env.json_run(&[&["bench"], args, &["--json"]].concat())
}

fn n(doc: &Value, path: &str) -> u64 {
    doc.pointer(path)
        .and_then(Value::as_u64)
        .unwrap_or_else(|| panic!("no number at {path}: {doc}"))
}

/// Every connection subscribed and stayed, every event accepted and delivered once to
/// every subscriber of its channel, latencies sane.
fn assert_whole(doc: &Value, subscribers: u64, events: u64, channels: u64) {
    assert_eq!(
        n(doc, "/results/connections/attempted"),
        subscribers,
        "{doc}"
    );
    assert_eq!(
        n(doc, "/results/connections/subscribed"),
        subscribers,
        "{doc}"
    );
    assert_eq!(n(doc, "/results/connections/failed"), 0, "{doc}");
    assert_eq!(n(doc, "/results/connections/dropped"), 0, "{doc}");
    assert_eq!(n(doc, "/results/events/scheduled"), events, "{doc}");
    assert_eq!(n(doc, "/results/events/accepted"), events, "{doc}");
    let expected = subscribers / channels * events;
    assert_eq!(n(doc, "/results/deliveries/expected"), expected, "{doc}");
    assert_eq!(n(doc, "/results/deliveries/delivered"), expected, "{doc}");
    assert_eq!(n(doc, "/results/deliveries/duplicates"), 0, "{doc}");
    assert_eq!(doc["figures"]["delivery_ratio"], 1.0, "{doc}");
    assert_eq!(
        n(doc, "/figures/latency_ms/fan_out/count"),
        expected,
        "{doc}"
    );
    assert_eq!(
        n(doc, "/figures/latency_ms/subscribe/count"),
        subscribers,
        "{doc}"
    );
    for which in ["connect", "subscribe", "publish", "fan_out"] {
        let f = &doc["figures"]["latency_ms"][which];
        for q in ["p50", "p99", "max"] {
            let ms = f[q]
                .as_f64()
                .unwrap_or_else(|| panic!("{which}.{q}: {doc}"));
            assert!(ms > 0.0 && ms < SANE_MS, "{which}.{q} = {ms}");
        }
        assert!(f["p50"].as_f64() <= f["p99"].as_f64(), "{which}: {f}");
    }
    assert_eq!(doc["ended"], "done");
    assert!(
        doc["results"]["rtctl"]["cpu_s"].as_f64().unwrap() > 0.0,
        "{doc}"
    );
    assert!(
        doc["results"]["rtctl"]["peak_rss_mib"].as_f64().unwrap() > 0.0,
        "{doc}"
    );
}

/// Every event sent reaches every subscriber of its channel. Whether the machine can send
/// 500 a second is a benchmark's question (`benches/throughput.sh bench`), not a test's.
#[test]
fn two_hundred_subscribers_get_every_event_at_500_a_second() {
    let env = TestEnv::with_server(unlimited());
    let (code, doc, stderr) = json_run(
        &env,
        &[
            "--subscribers",
            "200",
            "--channels",
            "4",
            "--rate",
            "500/s",
            "--duration",
            "5s",
        ],
    );
    let sent = n(&doc, "/results/events/sent");
    if sent < 2500 {
        // A debug build on shared cores may not publish 500 a second. That is no loss:
        // bench says rtctl was the limit (exit 5), and what it sent arrived whole.
        assert_eq!(code, Some(5), "{stderr}\n{doc}");
        assert!(
            stderr.contains("rtctl fell behind")
                && stderr.contains("the load generator was the limit"),
            "{stderr}"
        );
        assert_eq!(n(&doc, "/results/connections/subscribed"), 200, "{doc}");
        assert_eq!(n(&doc, "/results/connections/dropped"), 0, "{doc}");
        assert_eq!(n(&doc, "/results/events/accepted"), sent, "{doc}");
        assert_eq!(n(&doc, "/results/deliveries/expected"), 50 * sent, "{doc}");
        assert_eq!(n(&doc, "/results/deliveries/delivered"), 50 * sent, "{doc}");
        assert_eq!(n(&doc, "/results/deliveries/duplicates"), 0, "{doc}");
    } else {
        assert_eq!(code, Some(0), "{stderr}\n{doc}");
        assert_whole(&doc, 200, 2500, 4);
    }
    assert_eq!(doc["settings"]["subscribers"], 200);
    assert!(
        doc["results"]["histograms"]["fan_out"]
            .as_str()
            .unwrap()
            .len()
            > 10,
        "{doc}"
    );
}

#[test]
fn presence_and_private_subscribers_are_signed_and_counted() {
    let env = TestEnv::with_server(unlimited());
    for kind in ["presence", "private"] {
        let (code, doc, stderr) = json_run(
            &env,
            &[
                "--kind",
                kind,
                "--subscribers",
                "30",
                "--channels",
                "3",
                "--rate",
                "40/s",
                "--duration",
                "1s",
                "--ramp",
                "300ms",
            ],
        );
        assert_eq!(code, Some(0), "{kind}: {stderr}\n{doc}");
        assert_whole(&doc, 30, 40, 3);
        assert_eq!(doc["settings"]["kind"], kind);
    }
}

#[test]
fn the_summary_for_people_says_what_was_delivered() {
    let env = TestEnv::with_server(unlimited());
    let out = env
        .rtctl()
        .args([
            "bench",
            "--subscribers",
            "10",
            "--rate",
            "20/s",
            "--duration",
            "1s",
        ])
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}\n{stdout}");
    assert!(stdout.starts_with("bench ws://127.0.0.1:"), "{stdout}");
    assert!(
        stdout.contains("10 subscribers on 1 public channel, 20 events/s for 1s"),
        "{stdout}"
    );
    assert!(
        stdout.contains("connections  10 subscribed of 10 opened (0 failed, 0 dropped)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("deliveries   200 of 200 expected (100.000%), 0 duplicates"),
        "{stdout}"
    );
    assert!(stdout.contains("fan-out"), "{stdout}");
    assert!(stdout.contains("rtctl        "), "{stdout}");
    assert!(stderr.contains("opening 10 connections"), "{stderr}");
    assert!(stderr.contains("publishing 20 events over 1s"), "{stderr}");
}

#[test]
fn two_runs_merge_into_one_report() {
    let env = TestEnv::with_server(unlimited());
    let args = [
        "--subscribers",
        "20",
        "--channels",
        "2",
        "--rate",
        "50/s",
        "--duration",
        "1s",
    ];
    let mut files = Vec::new();
    let mut docs = Vec::new();
    for name in ["a.json", "b.json"] {
        let (code, doc, stderr) = json_run(&env, &args);
        assert_eq!(code, Some(0), "{stderr}");
        files.push(write_file(&env.work_dir(), name, &doc.to_string()));
        docs.push(doc);
    }
    let out = env
        .rtctl()
        .args(["bench", "merge", "a.json", "b.json", "--json"])
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let merged: Value = serde_json::from_str(&stdout).unwrap();
    for path in [
        "/results/connections/subscribed",
        "/results/events/accepted",
        "/results/deliveries/delivered",
        "/figures/latency_ms/fan_out/count",
        "/results/rtctl/processes",
    ] {
        assert_eq!(
            n(&merged, path),
            n(&docs[0], path) + n(&docs[1], path),
            "{path}"
        );
    }
    assert_eq!(
        merged["merged_from"],
        serde_json::json!(["a.json", "b.json"])
    );
    assert_eq!(merged["settings"], Value::Null);
    let p99 = |d: &Value| {
        d["figures"]["latency_ms"]["fan_out"]["p99"]
            .as_f64()
            .unwrap()
    };
    let (lo, hi) = (
        p99(&docs[0]).min(p99(&docs[1])),
        p99(&docs[0]).max(p99(&docs[1])),
    );
    assert!(
        lo <= p99(&merged) && p99(&merged) <= hi,
        "{lo} {} {hi}",
        p99(&merged)
    );
    // Merging a merge is merging the files.
    write_file(&env.work_dir(), "ab.json", &stdout);
    let again = env
        .rtctl()
        .args(["bench", "merge", "ab.json", "--json"])
        .output()
        .unwrap();
    let again: Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(again["results"], merged["results"]);

    let human = env
        .rtctl()
        .args(["bench", "merge", "a.json", "b.json"])
        .output()
        .unwrap();
    let (text, _) = output_text(&human);
    assert!(
        text.starts_with("bench merge of 2 results (a.json, b.json)"),
        "{text}"
    );
    assert!(text.contains("over 2 processes"), "{text}");

    write_file(
        &env.work_dir(),
        "other.json",
        "{\"schema_version\": 1, \"sent\": 3}",
    );
    write_file(&env.work_dir(), "broken.json", "{\"sched");
    for (file, says) in [
        ("other.json", "other.json: it has no `results`"),
        ("broken.json", "broken.json: not JSON"),
        ("missing.json", "missing.json: cannot read it"),
    ] {
        let out = env
            .rtctl()
            .args(["bench", "merge", "a.json", file])
            .output()
            .unwrap();
        let (stdout, stderr) = output_text(&out);
        assert_eq!(out.status.code(), Some(2), "{file}: {stderr}");
        assert!(stderr.contains(says), "{file}: {stderr}");
        assert!(stdout.is_empty(), "{stdout}");
    }
}

#[test]
fn the_servers_connection_limit_stops_the_opening_and_says_so() {
    let server = Server::start_with(&[
        ("RATE_LIMITER_ENABLED", "false"),
        ("SOCKUDO_DEFAULT_APP_MAX_CONNECTIONS", "25"),
    ]);
    let env = TestEnv::with_server(&server);
    let (code, doc, stderr) = json_run(
        &env,
        &["--subscribers", "400", "--rate", "20/s", "--duration", "1s"],
    );
    assert_eq!(code, Some(5), "{stderr}\n{doc}");
    // sockudo checks its limit racily: a connection or two over it may get in.
    let subscribed = n(&doc, "/results/connections/subscribed");
    assert!((25..=30).contains(&subscribed), "{doc}");
    assert!(n(&doc, "/results/connections/failed") >= 1, "{doc}");
    // Stopped at the limit, not retried: far fewer tries than asked for (at most 100
    // open at once).
    assert!(n(&doc, "/results/connections/attempted") < 200, "{doc}");
    let stopped = doc["results"]["connections"]["stopped_opening"].to_string();
    assert!(stopped.contains("limit"), "{stopped}");
    assert!(
        stderr.contains("stopped opening connections after"),
        "{stderr}"
    );
    assert!(
        stderr.contains("the load was not carried whole"),
        "{stderr}"
    );
    // The connections it had still measured the fan-out.
    assert_eq!(
        n(&doc, "/results/deliveries/delivered"),
        subscribed * 20,
        "{doc}"
    );
}

#[test]
fn the_servers_rate_limit_is_counted_as_rate_limited() {
    let server = Server::start_with(&[
        ("RATE_LIMITER_ENABLED", "true"),
        ("RATE_LIMITER_API_MAX_REQUESTS", "20"),
    ]);
    let env = TestEnv::with_server(&server);
    let (code, doc, stderr) = json_run(
        &env,
        &["--subscribers", "2", "--rate", "100/s", "--duration", "1s"],
    );
    assert_eq!(code, Some(5), "{stderr}\n{doc}");
    let limited = n(&doc, "/results/events/rate_limited");
    assert!(limited > 0, "{doc}");
    assert_eq!(
        n(&doc, "/results/events/accepted") + limited + n(&doc, "/results/events/failed"),
        n(&doc, "/results/events/sent"),
        "{doc}"
    );
    assert!(stderr.contains("events not accepted"), "{stderr}");
}

#[test]
fn nothing_listening_fails_fast_naming_why() {
    let (listener, port) = common::silent_listener();
    drop(listener);
    let env = TestEnv::with_server(unlimited());
    let out = env
        .rtctl()
        .args([
            "--ws-port",
            &port.to_string(),
            "bench",
            "--subscribers",
            "50",
            "--json",
        ])
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let doc: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(n(&doc, "/results/connections/subscribed"), 0, "{doc}");
    assert_eq!(n(&doc, "/results/connections/attempted"), 50, "{doc}");
    assert!(stderr.contains("no connection subscribed"), "{stderr}");
    assert!(stderr.contains("refused"), "{stderr}");
    assert_eq!(n(&doc, "/results/events/sent"), 0, "{doc}");
}

#[test]
fn refused_subscriptions_exit_4_naming_the_credentials() {
    let server = unlimited();
    let env = TestEnv::new();
    env.write_config(&server.profile().replace(&server.secret, "not-the-secret"));
    let (code, doc, stderr) = json_run(
        &env,
        &[
            "--kind",
            "private",
            "--subscribers",
            "5",
            "--duration",
            "1s",
        ],
    );
    assert_eq!(code, Some(4), "{stderr}\n{doc}");
    assert_eq!(n(&doc, "/results/connections/subscribed"), 0, "{doc}");
    assert_eq!(n(&doc, "/results/connections/refused"), 5, "{doc}");
    assert_eq!(n(&doc, "/results/events/sent"), 0, "{doc}");
    assert!(
        stderr.contains("the server refused the subscriptions: subscription refused"),
        "{stderr}"
    );
    assert!(stderr.contains("check the app key and secret"), "{stderr}");
    assert!(!stderr.contains("not-the-secret"), "{stderr}");
}

#[test]
fn pusher_hosted_service_is_refused_without_yes() {
    let env = TestEnv::new();
    let out = env
        .rtctl()
        .args(["--cluster", "eu", "--app-id", "1", "--key", "k", "bench"])
        .env("RTCTL_SECRET", "s3cr3t-value")
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("ws-eu.pusher.com is Pusher's hosted service"),
        "{stderr}"
    );
    assert!(stderr.contains("--yes"), "{stderr}");
    assert!(!stderr.contains("s3cr3t-value"), "{stderr}");
    assert!(stdout.is_empty());
}

#[test]
fn ctrl_c_reports_what_was_measured() {
    let env = TestEnv::with_server(unlimited());
    let running = env.spawn(&[
        "bench",
        "--subscribers",
        "5",
        "--rate",
        "50/s",
        "--duration",
        "1h",
    ]);
    eventually("the bench publishing", || {
        running.stderr().contains("publishing").then_some(())
    });
    std::thread::sleep(std::time::Duration::from_millis(500));
    running.interrupt();
    let (code, lines, stderr) = running.finish();
    assert_eq!(code, Some(130), "{stderr}");
    let text = lines.join("\n");
    assert!(text.contains(": interrupted"), "{text}");
    assert!(text.contains("fan-out"), "{text}");
    assert!(stderr.contains("interrupted (Ctrl-C)"), "{stderr}");
}

#[test]
fn bad_flags_exit_2_before_anything_connects() {
    let env = TestEnv::with_server(unlimited());
    for (args, says) in [
        (&["--subscribers", "0"][..], "--subscribers"),
        (
            &["--channels", "5", "--subscribers", "4"][..],
            "--channels 5 is more than --subscribers 4",
        ),
        (&["--payload-size", "1MiB"][..], "payload"),
        (
            &["--rate", "10000/s", "--duration", "1h"][..],
            "at most 2000000",
        ),
        (&["--kind", "encrypted"][..], "--kind"),
    ] {
        let out = env.rtctl().arg("bench").args(args).output().unwrap();
        let (stdout, stderr) = output_text(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert!(!stderr.contains("opening"), "{args:?}: {stderr}");
        assert!(stdout.is_empty(), "{args:?}: {stdout}");
    }
}
