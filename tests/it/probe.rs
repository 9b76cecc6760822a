//! `rtctl probe` against a real sockudo: latencies and zero loss, private and presence
//! channels, `--slo` in every output mode, `--via backend` through the stand-in
//! backend, a server killed mid-probe, Ctrl-C, and bad flags.

use crate::common;

use std::time::{Duration, Instant};

use common::{ADMIN_TOKEN, Backend, Faults, Server, TestEnv, eventually, output_text};
use serde_json::Value;

/// A sanity bound on any latency on loopback: never a performance assertion.
const SANE_MS: f64 = 5000.0;

fn json_run(env: &TestEnv, args: &[&str]) -> (Option<i32>, Value, String) {
    env.json_run(&[&["probe"], args, &["--json"]].concat())
}

/// Every event sent was accepted and received once, with sane latencies.
fn assert_clean(doc: &Value, count: u64) {
    for field in ["sent", "accepted", "received"] {
        assert_eq!(doc[field], count, "{field}: {doc}");
    }
    for field in ["lost", "publish_failed", "duplicates"] {
        assert_eq!(doc[field], 0, "{field}: {doc}");
    }
    assert_eq!(doc["reconnects"], 0, "{doc}");
    assert_eq!(doc["ended"], "done", "{doc}");
    for which in ["publish", "fan_out"] {
        let p = &doc["latency_ms"][which];
        for q in ["min", "p50", "p90", "p99", "max"] {
            let ms = p[q]
                .as_f64()
                .unwrap_or_else(|| panic!("{which}.{q}: {doc}"));
            assert!(ms > 0.0 && ms < SANE_MS, "{which}.{q} = {ms}: {doc}");
        }
        assert!(p["p50"].as_f64() <= p["p99"].as_f64(), "{doc}");
        assert!(p["p99"].as_f64() <= p["max"].as_f64(), "{doc}");
    }
}

#[test]
fn every_event_arrives_with_sane_latencies() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let (code, doc, stderr) = json_run(&env, &["--count", "25", "--interval", "20ms"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_clean(&doc, 25);
    assert!(
        doc["channel"].as_str().unwrap().starts_with("rtctl-probe-"),
        "{doc}"
    );
    assert_eq!(doc["via"], "pusher");
    assert_eq!(doc["slo"], Value::Null);

    let out = env
        .rtctl()
        .args(["probe", "--count", "5", "--interval", "10ms"])
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stdout.contains("LATENCY  P50"), "{stdout}");
    assert!(stdout.contains("\nfan-out  "), "{stdout}");
    assert!(
        stdout.contains("5 sent, 5 accepted, 0 failed to publish, 5 received, 0 lost (0.00%)"),
        "{stdout}"
    );
    assert!(stderr.contains("probing rtctl-probe-"), "{stderr}");
}

#[test]
fn private_and_presence_channels_are_probed() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    for args in [
        &["--kind", "private"][..],
        &["--kind", "presence"],
        &["private-probe-named"],
        &["presence-probe-named"],
    ] {
        let mut all = args.to_vec();
        all.extend(["--count", "5", "--interval", "10ms"]);
        let (code, doc, stderr) = json_run(&env, &all);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert_clean(&doc, 5);
        let prefix = if args.iter().any(|a| a.contains("presence")) {
            "presence-"
        } else {
            "private-"
        };
        assert!(
            doc["channel"].as_str().unwrap().starts_with(prefix),
            "{args:?}: {doc}"
        );
    }
}

/// An encrypted channel: rtctl encrypts each event with the master key and decrypts it
/// on arrival.
#[test]
fn an_encrypted_channel_is_probed_with_the_master_key() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let out = env
        .rtctl()
        .env(
            "RTCTL_ENCRYPTION_MASTER_KEY",
            "bm90LWEtcmVhbC1rZXktbm90LWEtcmVhbC1rZXktMzI=",
        )
        .args(["probe", "private-encrypted-probe", "--count", "4"])
        .args(["--interval", "10ms", "--json"])
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_clean(&serde_json::from_str(&stdout).unwrap(), 4);
}

#[test]
fn an_impossible_slo_fails_with_5_in_every_output_mode() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let base = [
        "probe",
        "--count",
        "3",
        "--interval",
        "10ms",
        "--slo",
        "p99=1us,loss=0",
    ];
    for mode in [None, Some("--json"), Some("--junit")] {
        let out = env.rtctl().args(base).args(mode).output().unwrap();
        let (stdout, stderr) = output_text(&out);
        assert_eq!(out.status.code(), Some(5), "{mode:?}: {stdout}\n{stderr}");
        assert!(
            stderr.contains("slo breached: p99=1us (measured "),
            "{mode:?}: {stderr}"
        );
        assert!(!stderr.contains("loss=0 (measured"), "{mode:?}: {stderr}");
        match mode {
            None => {
                assert!(stdout.contains("slo p99=1us,loss=0: breached"), "{stdout}");
                assert!(stdout.contains("✗ p99=1us: "), "{stdout}");
                assert!(stdout.contains("✓ loss=0: 0 of 3 undelivered"), "{stdout}");
            }
            Some("--json") => {
                let doc: Value = serde_json::from_str(&stdout).unwrap();
                assert_eq!(doc["slo"]["met"], false, "{doc}");
                assert_eq!(doc["slo"]["breached"], serde_json::json!(["p99=1us"]));
                assert_eq!(doc["received"], 3, "{doc}");
            }
            Some(_) => {
                assert!(stdout.starts_with("<?xml"), "{stdout}");
                assert!(stdout.contains("tests=\"3\" failures=\"1\""), "{stdout}");
                assert!(
                    stdout.contains("<failure message=\"p99=1us breached: "),
                    "{stdout}"
                );
                assert!(stdout.contains("name=\"slo loss=0\""), "{stdout}");
                assert_eq!(stdout.matches("<failure ").count(), 1, "{stdout}");
            }
        }
    }
    // A generous objective is met.
    let out = env
        .rtctl()
        .args(["probe", "--count", "3", "--interval", "10ms"])
        .args(["--slo", "p99=5s,max=5s,loss=0%", "--junit"])
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");
    assert!(stdout.contains("failures=\"0\""), "{stdout}");
}

#[test]
fn via_backend_goes_through_the_apps_trigger() {
    let server = Server::shared();
    let backend = Backend::start(server, Faults::default());
    let env = TestEnv::new();
    env.write_config(&(server.profile() + &backend.profile_lines()));
    let (code, doc, stderr) = json_run(
        &env,
        &["--via", "backend", "--count", "5", "--interval", "10ms"],
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert_clean(&doc, 5);
    assert_eq!(doc["via"], "backend");
    let (code, doc, stderr) = json_run(
        &env,
        &[
            "presence-via-backend",
            "--via",
            "backend",
            "--count",
            "3",
            "--interval",
            "10ms",
        ],
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert_clean(&doc, 3);
}

/// A backend that answers 200 without publishing: every event accepted and lost, which
/// `loss=0` turns into exit 5 (and without an objective, a warning).
#[test]
fn events_accepted_and_never_delivered_are_lost() {
    let server = Server::shared();
    let faults = Faults {
        trigger_mock: true,
        ..Faults::default()
    };
    let backend = Backend::start(server, faults);
    let env = TestEnv::new();
    env.write_config(&(server.profile() + &backend.profile_lines()));
    let args = ["--via", "backend", "--count", "4", "--interval", "10ms"];
    let (code, doc, stderr) = json_run(&env, &args);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(
        (doc["accepted"].as_u64(), doc["received"].as_u64()),
        (Some(4), Some(0)),
        "{doc}"
    );
    assert_eq!(doc["lost"], 4, "{doc}");
    assert_eq!(doc["loss_percent"], 100.0, "{doc}");
    assert!(stderr.contains("4 lost, 0 failed to publish"), "{stderr}");
    let mut with_slo = args.to_vec();
    with_slo.extend(["--slo", "loss=0"]);
    let (code, doc, stderr) = json_run(&env, &with_slo);
    assert_eq!(code, Some(5), "{stderr}");
    assert_eq!(doc["slo"]["breached"], serde_json::json!(["loss=0"]));
    assert!(
        stderr.contains("loss=0 (measured 4 of 4 undelivered (100.00%: 4 lost"),
        "{stderr}"
    );
}

/// A refused publish ends the probe at once with the credentials' exit code.
#[test]
fn refused_credentials_end_the_probe() {
    let server = Server::shared();
    let backend = Backend::start(server, Faults::default());
    let env = TestEnv::new();
    let lines = backend
        .profile_lines()
        .replace(ADMIN_TOKEN, "not-the-admin-token");
    env.write_config(&(server.profile() + &lines));
    let out = env
        .rtctl()
        .args([
            "probe",
            "--via",
            "backend",
            "--count",
            "1000",
            "--interval",
            "10ms",
        ])
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(4), "{stdout}\n{stderr}");
    assert!(stderr.contains("the backend refused the event"), "{stderr}");
    assert!(!stderr.contains("not-the-admin-token"), "{stderr}");
}

/// A private channel signed with the wrong secret: the subscription is refused before
/// any event is sent, exit 4.
#[test]
fn a_refused_subscription_ends_the_probe_before_sending() {
    let server = Server::shared();
    let env = TestEnv::new();
    env.write_config(
        &server
            .profile()
            .replace(&server.secret, "wrong-secret-probe"),
    );
    let out = env
        .rtctl()
        .args(["probe", "--kind", "private", "--count", "5"])
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(4), "{stdout}\n{stderr}");
    assert!(
        stderr.contains("refused the subscription to `private-rtctl-probe-"),
        "{stderr}"
    );
    assert!(!stderr.contains("probing"), "{stderr}");
    assert!(!stderr.contains("wrong-secret-probe"), "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
}

#[test]
fn a_server_killed_mid_probe_reports_loss_and_a_reconnect_and_ends_on_time() {
    let mut server = Server::start();
    let env = TestEnv::with_server(&server);
    let (count, interval_ms) = (60u64, 100u64);
    let started = Instant::now();
    let running = env.spawn(&[
        "probe",
        "--count",
        &count.to_string(),
        "--interval",
        &format!("{interval_ms}ms"),
        "--json",
    ]);
    eventually("the probe sending", || {
        running.stderr().contains("probing").then_some(())
    });
    server.restart(Duration::from_millis(500));
    let (code, lines, stderr) = running.finish();
    let took = started.elapsed();
    assert_eq!(code, Some(0), "{stderr}");
    let doc: Value = serde_json::from_str(&lines.join("\n")).unwrap();
    assert!(doc["reconnects"].as_u64() >= Some(1), "{doc}");
    assert_eq!(doc["sent"], count, "{doc}");
    let missing = doc["lost"].as_u64().unwrap() + doc["publish_failed"].as_u64().unwrap();
    assert!(missing > 0, "nothing reported missing: {doc}");
    assert!(doc["received"].as_u64() < Some(count), "{doc}");
    assert!(stderr.contains("connection lost"), "{stderr}");
    // A hang guard: the schedule, the 2 s grace, and a generous margin for the machine.
    let schedule = Duration::from_millis(count * interval_ms) + Duration::from_secs(2);
    assert!(
        took < schedule + Duration::from_secs(20),
        "took {took:?}: {doc}"
    );
}

#[test]
fn ctrl_c_reports_what_was_measured() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let running = env.spawn(&["probe", "--count", "100000", "--interval", "50ms"]);
    eventually("the probe sending", || {
        running.stderr().contains("probing").then_some(())
    });
    running.interrupt();
    let (code, lines, stderr) = running.finish();
    assert_eq!(code, Some(130), "{stderr}");
    let text = lines.join("\n");
    assert!(text.starts_with("rtctl probe: 100000 events"), "{text}");
    assert!(text.contains("ended early: interrupted"), "{text}");
    assert!(text.contains("fan-out"), "{text}");
    assert!(stderr.contains("interrupted (Ctrl-C)"), "{stderr}");
}

#[test]
fn bad_flags_exit_2_before_anything_is_sent() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    for (args, says) in [
        (&["--slo", "p95=1ms"][..], "unknown term"),
        (&["--slo", "p99=fast"], "not a duration"),
        (&["--slo", "loss=lots"], "loss is a whole number"),
        (&["--slo", "p99=1ms,p99=2ms"], "given twice"),
        (&["--interval", "0"], "--interval"),
        (&["--interval", "1ns"], "--interval"),
        (&["--count", "0"], "--count"),
        (&["--count", "100001"], "--count"),
        (&["--json", "--junit"], "cannot be used with"),
        (&["chan", "--kind", "private"], "cannot be used with"),
        (&["--kind", "secret"], "invalid value"),
        (&["--via", "carrier-pigeon"], "invalid value"),
        (&["bad name!"], "channel"),
    ] {
        let out = env.rtctl().arg("probe").args(args).output().unwrap();
        let (stdout, stderr) = output_text(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert!(stdout.is_empty(), "{args:?}: {stdout}");
        assert!(!stderr.contains("probing"), "{args:?}: {stderr}");
    }
}
