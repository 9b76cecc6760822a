//! Network faults between rtctl and a real sockudo, from a proxy in front of it
//! (`common::Proxy`): a reset, a frame cut off, a stall, one direction dropped, a slow
//! link, a server that accepts TCP and never answers the WebSocket upgrade, a host name
//! that does not resolve, and a server restart under load. Each command ends as its
//! documentation says, within its timeout: `tail` reconnects and subscribes every one
//! of a hundred channels again behind a gap marker; `trigger --batch` accounts for
//! every line; `probe` and `bench` count what went missing; `doctor` fails the checks
//! the fault breaks. No assertion is on speed: time bounds are hang guards only.

use crate::common;

use std::collections::BTreeSet;
use std::io::{Read as _, Write as _};
use std::net::TcpStream;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use common::{Fault, Proxy, Running, Server, TestEnv, WAIT, eventually, output_text};
use rtctl::pusher::{event::Event, rest};
use serde_json::{Value, json};

/// How far past its expected end a run may go before it counts as hung: the machine
/// is shared and at times slow.
const HANG_GUARD: Duration = Duration::from_secs(30);

/// Wait until `cond` holds, looking often (a fault must land while a request is in
/// flight); fails after `WAIT`.
fn until(what: &str, cond: impl Fn() -> bool) {
    let start = Instant::now();
    while !cond() {
        assert!(start.elapsed() < WAIT, "never happened: {what}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// A profile for `server` whose network timeout is `timeout`.
fn env_with_timeout(server: &Server, timeout: &str) -> TestEnv {
    let env = TestEnv::new();
    env.write_config(&format!("{}timeout = \"{timeout}\"\n", server.profile()));
    env
}

// ---------------------------------------------------------------- tail

/// The hundred channels a tail holds, named for its test: ten private, ten presence,
/// the rest public.
fn hundred(tag: &str) -> Vec<String> {
    (0..100)
        .map(|i| match i % 10 {
            0 => format!("private-fp-{tag}-{i}"),
            1 => format!("presence-fp-{tag}-{i}"),
            _ => format!("fp-{tag}-{i}"),
        })
        .collect()
}

/// `tail --json` on a hundred channels, its WebSocket through a proxy, quick to ping.
struct Tail {
    env: TestEnv,
    run: Running,
    channels: Vec<String>,
}

impl Tail {
    /// Start it, pinging after 1 s of silence and giving a pong `pong`; returned once
    /// every channel is subscribed.
    fn start(server: &Server, proxy: &Proxy, tag: &str, pong: &str) -> Tail {
        let env = TestEnv::with_server(server);
        let channels = hundred(tag);
        let port = proxy.port.to_string();
        let user = format!("fp-{tag}");
        let mut args = vec![
            "--ws-port",
            &port,
            "tail",
            "--json",
            "--user-id",
            &user,
            "--activity-timeout",
            "1s",
            "--pong-timeout",
            pong,
        ];
        args.extend(channels.iter().map(String::as_str));
        let mut run = env.spawn(&args);
        let mut subscribed = BTreeSet::new();
        while subscribed.len() < channels.len() {
            let r = run.record_of("subscribed", None);
            subscribed.insert(r["channel"].as_str().unwrap().to_owned());
        }
        Tail { env, run, channels }
    }

    /// After a fault: a reconnect, every channel subscribed again, then the gap marker
    /// (returned).
    fn resubscribed(&mut self) -> Value {
        let reconnecting = self.run.record_of("reconnecting", None);
        assert!(
            reconnecting["delay_ms"].as_u64().is_some(),
            "{reconnecting}"
        );
        let mut again = BTreeSet::new();
        let gap = loop {
            let r = self.run.record("the gap marker", |v| {
                v["type"] == "subscribed" || v["type"] == "gap"
            });
            if r["type"] == "gap" {
                break r;
            }
            again.insert(r["channel"].as_str().unwrap().to_owned());
        };
        let all: BTreeSet<String> = self.channels.iter().cloned().collect();
        assert_eq!(
            again, all,
            "not every channel was subscribed again before the gap marker"
        );
        assert!(
            gap["from"].as_str().unwrap() < gap["to"].as_str().unwrap(),
            "{gap}"
        );
        assert_eq!(gap["counters"]["state"], "CONNECTED", "{gap}");
        gap
    }

    /// An event triggered now on a private, a presence and a public channel arrives.
    fn events_arrive(&mut self, label: &str) {
        for ch in &self.channels[..3] {
            self.trigger(ch, label);
            self.run.record(&format!("the {label} event on {ch}"), |v| {
                v["type"] == "event" && v["channel"] == ch.as_str() && v["data"]["after"] == label
            });
        }
    }

    fn trigger(&self, channel: &str, label: &str) {
        let data = json!({ "after": label }).to_string();
        self.env
            .rtctl()
            .args(["trigger", channel, "fault_check", &data, "--no-validate"])
            .assert()
            .success();
    }

    /// sockudo's own view: each of the hundred channels has one subscription, the
    /// tail's current connection (an old one still counted would make two).
    fn server_sees_each_once(&self) {
        eventually("one subscription on each of the hundred channels", || {
            let out = self
                .env
                .rtctl()
                .args(["channels", "list", "--info", "subscription_count", "--json"])
                .output()
                .unwrap();
            let doc: Value = serde_json::from_slice(&out.stdout).ok()?;
            self.channels
                .iter()
                .all(|c| doc["channels"][c]["subscription_count"] == 1)
                .then_some(())
        });
    }

    /// Stop it with Ctrl-C: exit 130 and the summary; its reconnect attempts.
    fn stop(self) -> u64 {
        self.run.interrupt();
        let (code, lines, stderr) = self.run.finish();
        assert_eq!(code, Some(130), "{stderr}");
        let summary: Value = serde_json::from_str(lines.last().unwrap()).unwrap();
        assert_eq!(summary["type"], "summary", "{summary}");
        assert_eq!(summary["ended"], "interrupted", "{summary}");
        summary["counters"]["reconnect_attempts"].as_u64().unwrap()
    }
}

#[test]
fn tail_after_a_reset_subscribes_every_channel_again_behind_a_gap_marker() {
    let server = Server::shared();
    let proxy = Proxy::start(server.port);
    let mut tail = Tail::start(server, &proxy, "reset", "5s");
    proxy.fault_open(Fault::Reset);
    let gap = tail.resubscribed();
    assert!(
        gap["reason"].as_str().unwrap().contains("reset"),
        "the reason names the reset: {gap}"
    );
    tail.events_arrive("reset");
    tail.server_sees_each_once();
    assert_eq!(tail.stop(), 1);
}

#[test]
fn tail_after_a_frame_cut_off_midway_subscribes_every_channel_again() {
    let server = Server::shared();
    let proxy = Proxy::start(server.port);
    let mut tail = Tail::start(server, &proxy, "cut", "5s");
    // Whatever the server sends next (this event, or a pong) stops after 5 bytes,
    // inside its frame, and the connection closes.
    proxy.fault_open(Fault::Cut {
        after: 5,
        reset: false,
    });
    let ch = tail.channels[2].clone();
    tail.trigger(&ch, "cut");
    tail.resubscribed();
    tail.events_arrive("after-cut");
    tail.server_sees_each_once();
    assert_eq!(tail.stop(), 1);
}

#[test]
fn tail_on_a_stalled_connection_misses_its_pong_and_reconnects() {
    let server = Server::shared();
    let proxy = Proxy::start(server.port);
    let mut tail = Tail::start(server, &proxy, "stall", "2s");
    proxy.fault_open(Fault::Stall);
    let gap = tail.resubscribed();
    assert!(
        gap["reason"].as_str().unwrap().contains("pong"),
        "the reason names the missing pong: {gap}"
    );
    tail.events_arrive("stall");
    // The stalled connection is still open to sockudo (the proxy holds it): closing
    // it leaves the new connection's subscriptions alone in sockudo's count.
    proxy.fault_conn(0, Fault::Reset);
    tail.server_sees_each_once();
    assert_eq!(tail.stop(), 1);
}

#[test]
fn tail_with_either_direction_dropped_reconnects_each_time() {
    let server = Server::shared();
    let proxy = Proxy::start(server.port);
    let mut tail = Tail::start(server, &proxy, "drop", "2s");
    // Its ping never reaches the server.
    proxy.fault_open(Fault::DropUp);
    tail.resubscribed();
    tail.events_arrive("drop-up");
    // The server's pong never reaches it.
    proxy.fault_open(Fault::DropDown);
    tail.resubscribed();
    tail.events_arrive("drop-down");
    tail.server_sees_each_once();
    assert_eq!(tail.stop(), 2);
}

#[test]
fn tail_over_a_slow_link_loses_nothing_and_never_reconnects() {
    let server = Server::shared();
    let proxy = Proxy::start(server.port);
    let mut tail = Tail::start(server, &proxy, "slow", "20s");
    proxy.fault_open(Fault::Delay(Duration::from_millis(150)));
    tail.events_arrive("delayed");
    proxy.fault_open(Fault::Trickle(Duration::from_millis(2)));
    tail.events_arrive("trickled");
    proxy.fault_open(Fault::Pass);
    assert_eq!(tail.stop(), 0);
}

#[test]
fn tail_to_a_server_that_never_answers_the_upgrade_exits_6_naming_the_timeout() {
    let server = Server::shared();
    let proxy = Proxy::start(server.port);
    proxy.set_default(Fault::Unanswered);
    let env = env_with_timeout(server, "2s");
    let out = env
        .rtctl()
        .args(["--ws-port", &proxy.port.to_string()])
        .args(["tail", "fp-unanswered", "--json"])
        .timeout(Duration::from_secs(2) + HANG_GUARD)
        .output()
        .unwrap();
    let (_, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(6), "{stderr}");
    assert!(
        stderr.contains("no WebSocket handshake") && stderr.contains("within 2s"),
        "{stderr}"
    );
    assert_eq!(proxy.accepted(), 1, "the first connection is not retried");
}

/// `tail` on a private channel whose auth endpoint sits behind a proxy faulting with
/// `fault` exits 6 within its timeout, naming the endpoint, not the credentials.
fn tail_with_auth_endpoint_through_exits_6(fault: Fault) {
    let server = Server::shared();
    let (url, _bodies) = common::auth_endpoint(server, "tok", None, None);
    let port: u16 = url
        .trim_end_matches("/pusher/auth")
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .expect("the auth endpoint's port");
    let proxy = Proxy::start(port);
    proxy.set_default(fault);
    let env = env_with_timeout(server, "2s");
    let out = env
        .rtctl()
        .args(["tail", "private-fp-auth", "--json", "--auth-header"])
        .arg("Authorization: Bearer tok")
        .args([
            "--auth-endpoint",
            &url.replace(&port.to_string(), &proxy.port.to_string()),
        ])
        .timeout(Duration::from_secs(2) + HANG_GUARD)
        .output()
        .unwrap();
    let (_, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(6), "{fault:?}: {stderr}");
    assert!(
        stderr.contains("cannot subscribe to private-fp-auth")
            && stderr.contains("the auth endpoint did not")
            && !stderr.contains("app key and secret"),
        "{fault:?}: {stderr}"
    );
    assert!(
        proxy.accepted() >= 1,
        "{fault:?}: the endpoint was never asked"
    );
}

#[test]
fn tail_whose_auth_endpoint_never_answers_exits_6_naming_the_endpoint() {
    tail_with_auth_endpoint_through_exits_6(Fault::Unanswered);
}

#[test]
fn tail_whose_auth_endpoint_resets_the_connection_exits_6_naming_the_endpoint() {
    tail_with_auth_endpoint_through_exits_6(Fault::Reset);
}

/// Publish an event to `channels` with a signed REST call straight to the server;
/// whether it was accepted (a server that is down is not).
fn publish(app: &(u16, String, String, String), channels: &[String], name: &str) -> bool {
    let (port, app_id, key, secret) = app;
    let event = Event {
        name: name.to_owned(),
        data: "{}".to_owned(),
        channels: channels.to_vec(),
        socket_id: None,
    };
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let signed = rest::sign(rest::trigger(app_id, &event, &[]), key, secret, now).unwrap();
    let payload = signed.body.clone().unwrap_or_default();
    let Ok(mut tcp) = TcpStream::connect(("127.0.0.1", *port)) else {
        return false;
    };
    let _ = tcp.set_read_timeout(Some(Duration::from_secs(5)));
    let head = format!(
        "POST {} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
        signed.path_and_query(),
        payload.len()
    );
    if tcp.write_all(head.as_bytes()).is_err() || tcp.write_all(&payload).is_err() {
        return false;
    }
    let mut answer = String::new();
    let _ = tcp.read_to_string(&mut answer);
    answer.starts_with("HTTP/1.1 200")
}

#[test]
fn tail_through_a_server_restart_under_load_subscribes_every_channel_again() {
    let mut server = Server::start();
    let proxy = Proxy::start(server.port);
    let mut tail = Tail::start(&server, &proxy, "restart", "5s");
    // Events on ten channels at a time, every 50 ms, until the test is done with them.
    let app = (
        server.port,
        server.app_id.clone(),
        server.key.clone(),
        server.secret.clone(),
    );
    let stop = Arc::new(AtomicBool::new(false));
    let accepted = Arc::new(AtomicU64::new(0));
    let load = {
        let (stop, accepted, channels) = (
            Arc::clone(&stop),
            Arc::clone(&accepted),
            tail.channels.clone(),
        );
        std::thread::spawn(move || {
            for ten in channels.chunks(10).cycle() {
                if stop.load(Ordering::SeqCst) {
                    return;
                }
                if publish(&app, ten, "load") {
                    accepted.fetch_add(1, Ordering::SeqCst);
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        })
    };
    tail.run.record("a load event", |v| v["event"] == "load");
    server.restart(Duration::from_millis(500));
    tail.resubscribed();
    tail.run
        .record("a load event after the restart", |v| v["event"] == "load");
    stop.store(true, Ordering::SeqCst);
    load.join().unwrap();
    assert!(accepted.load(Ordering::SeqCst) > 0);
    tail.events_arrive("restart");
    tail.server_sees_each_once();
    assert!(tail.stop() >= 1);
}

// ---------------------------------------------------------------- trigger --batch

/// A batch file of `lines` events on one channel, the lines in `invalid` (from 1) broken.
fn batch_file(env: &TestEnv, lines: u64, invalid: &[u64]) -> PathBuf {
    let text: String = (1..=lines)
        .map(|i| {
            if invalid.contains(&i) {
                "{\"channel\":\"fp-batch\",\"name\":\"e\"}\n".to_owned()
            } else {
                format!("{{\"channel\":\"fp-batch\",\"name\":\"e\",\"data\":{{\"n\":{i}}}}}\n")
            }
        })
        .collect();
    common::write_file(&env.work_dir(), "events.jsonl", &text)
}

/// Every line accounted for in the summary, and the exit code it calls for: 0 when
/// every line was accepted, else 1. The summary, for more checks.
fn accounted(code: Option<i32>, stdout: &str, stderr: &str, lines: u64) -> Value {
    let doc: Value = serde_json::from_str(stdout)
        .unwrap_or_else(|e| panic!("no summary ({e}): {stdout}\nstderr: {stderr}"));
    let n = |k: &str| doc[k].as_u64().unwrap_or_else(|| panic!("no {k}: {doc}"));
    assert_eq!(n("lines"), lines, "{doc}");
    assert_eq!(
        n("accepted") + n("rejected") + n("unknown") + n("invalid"),
        lines,
        "a line is unaccounted for: {doc}"
    );
    assert_eq!(
        n("sent"),
        n("accepted") + n("rejected") + n("unknown"),
        "{doc}"
    );
    assert_eq!((n("blank"), n("not_sent")), (0, 0), "{doc}");
    let want = if n("accepted") == lines { 0 } else { 1 };
    assert_eq!(code, Some(want), "{doc}\n{stderr}");
    doc
}

/// `trigger --batch` of `lines` lines (`invalid` broken) through `proxy`, with the
/// network timeout `timeout` and `args`, expected to end within `expected`; its summary.
fn batch_through(
    server: &Server,
    proxy: &Proxy,
    (lines, invalid): (u64, &[u64]),
    timeout: &str,
    args: &[&str],
    expected: Duration,
) -> Value {
    let env = env_with_timeout(server, timeout);
    let file = batch_file(&env, lines, invalid);
    let out = env
        .rtctl()
        .args(["--port", &proxy.port.to_string(), "trigger", "--batch"])
        .arg(&file)
        .arg("--json")
        .args(args)
        .timeout(expected + HANG_GUARD)
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    accounted(out.status.code(), &stdout, &stderr, lines)
}

#[test]
fn trigger_batch_through_a_reset_mid_run_accounts_for_every_line() {
    let server = Server::shared();
    // Each chunk held 150 ms each way: requests are always in flight mid-run.
    let delayed = || {
        let proxy = Proxy::start(server.port);
        proxy.set_default(Fault::Delay(Duration::from_millis(150)));
        proxy
    };
    let lines = 200;
    for retries in ["3", "0"] {
        let proxy = delayed();
        let env = TestEnv::with_server(server);
        let file = batch_file(&env, lines, &[]);
        let mut cmd = env.command();
        cmd.args(["--port", &proxy.port.to_string(), "trigger", "--batch"])
            .arg(&file)
            .args(["--json", "--retries", retries]);
        let run = Running::start(cmd);
        until("a request held in the proxy", || proxy.received() > 0);
        proxy.fault_open(Fault::Reset);
        let (code, out, stderr) = run.finish_within(HANG_GUARD);
        let doc = accounted(code, &out.join("\n"), &stderr, lines);
        if retries == "0" {
            // What was in flight got no answer: unknown, exit 1, each line named.
            assert!(doc["unknown"].as_u64() > Some(0), "{doc}");
            assert!(
                doc["unknown_lines"]
                    .as_array()
                    .is_some_and(|spans| !spans.is_empty()),
                "{doc}"
            );
            assert!(stderr.contains("unknown"), "{stderr}");
        } else {
            // Sent again after the reset, and counted as maybe delivered twice.
            assert_eq!(doc["accepted"], lines, "{doc}\n{stderr}");
            assert!(doc["retried_after_send"].as_u64() > Some(0), "{doc}");
        }
    }
}

#[test]
fn trigger_batch_through_a_stall_ends_within_its_timeout_with_every_line_unknown() {
    let server = Server::shared();
    let proxy = Proxy::start(server.port);
    proxy.set_default(Fault::Stall);
    // Five requests at once, each tried twice for 1 s, 250 ms apart (plus jitter).
    let doc = batch_through(
        server,
        &proxy,
        (52, &[7, 40]),
        "1s",
        &["--concurrency", "5", "--retries", "1"],
        Duration::from_secs(3),
    );
    assert_eq!(
        (doc["unknown"].as_u64(), doc["invalid"].as_u64()),
        (Some(50), Some(2)),
        "{doc}"
    );
    assert!(
        doc["first_errors"].to_string().contains("within 1s"),
        "the reason names the timeout: {doc}"
    );
}

#[test]
fn trigger_batch_through_a_trickle_accounts_for_every_line() {
    let server = Server::shared();
    // Slower than the timeout: 5 ms a byte cannot carry a request of ten events in 1 s.
    let proxy = Proxy::start(server.port);
    proxy.set_default(Fault::Trickle(Duration::from_millis(5)));
    let doc = batch_through(
        server,
        &proxy,
        (50, &[]),
        "1s",
        &["--concurrency", "5", "--retries", "0"],
        Duration::from_secs(1),
    );
    assert_eq!(doc["unknown"], 50, "{doc}");
    // Slow but within the timeout: every event accepted.
    let proxy = Proxy::start(server.port);
    proxy.set_default(Fault::Trickle(Duration::from_millis(1)));
    let doc = batch_through(
        server,
        &proxy,
        (20, &[]),
        "30s",
        &["--concurrency", "2"],
        Duration::from_secs(10),
    );
    assert_eq!(doc["accepted"], 20, "{doc}");
}

#[test]
fn trigger_batch_whose_answers_are_lost_counts_the_events_unknown() {
    let server = Server::shared();
    // The requests reach sockudo, which publishes them; its answers never come back,
    // or stop after 20 bytes, mid-header, on every connection and every retry.
    let cut = |reset| Fault::Cut { after: 20, reset };
    for fault in [Fault::DropDown, cut(false), cut(true)] {
        let proxy = Proxy::start(server.port);
        proxy.set_default(fault);
        let doc = batch_through(
            server,
            &proxy,
            (20, &[]),
            "1s",
            &["--concurrency", "2", "--retries", "1"],
            Duration::from_secs(3),
        );
        assert_eq!(doc["unknown"], 20, "{fault:?}: {doc}");
        assert_eq!(doc["retried_after_send"], 20, "{fault:?}: {doc}");
    }
}

// ---------------------------------------------------------------- probe

/// `probe --count 30 --interval 100ms --json ARGS`, its WebSocket through `proxy`,
/// which suffers `fault` once the probe is sending; its exit code, report and stderr,
/// checked to have ended on schedule (3 s of sends and 2 s of grace) but for the guard.
fn probe_through(fault: Fault, args: &[&str]) -> (Option<i32>, Value, String) {
    let server = Server::shared();
    let proxy = Proxy::start(server.port);
    let env = TestEnv::with_server(server);
    let port = proxy.port.to_string();
    let mut all = vec![
        "--ws-port",
        &port,
        "probe",
        "--count",
        "30",
        "--interval",
        "100ms",
        "--json",
    ];
    all.extend_from_slice(args);
    let run = env.spawn(&all);
    eventually("the probe sending", || {
        run.stderr().contains("probing").then_some(())
    });
    proxy.fault_open(fault);
    let (code, lines, stderr) = run.finish_within(Duration::from_secs(5) + HANG_GUARD);
    let doc: Value = serde_json::from_str(&lines.join("\n"))
        .unwrap_or_else(|e| panic!("no report ({e}): {lines:?}\n{stderr}"));
    assert_eq!(doc["sent"], 30, "{doc}");
    let missing = doc["lost"].as_u64().unwrap() + doc["publish_failed"].as_u64().unwrap();
    assert!(missing > 0, "nothing reported missing: {doc}");
    (code, doc, stderr)
}

#[test]
fn probe_through_a_reset_reports_the_loss_and_a_reconnect() {
    let (code, doc, stderr) = probe_through(Fault::Reset, &[]);
    assert_eq!(code, Some(0), "loss without --slo is a warning: {stderr}");
    assert!(doc["reconnects"].as_u64() >= Some(1), "{doc}");
    assert!(stderr.contains("lost"), "{stderr}");
}

#[test]
fn probe_through_a_stall_breaches_a_loss_objective() {
    let (code, doc, stderr) = probe_through(Fault::Stall, &["--slo", "loss=0"]);
    assert_eq!(code, Some(5), "{stderr}");
    assert!(doc["lost"].as_u64() > Some(0), "{doc}");
    assert!(doc["slo"]["breached"].to_string().contains("loss"), "{doc}");
}

#[test]
fn probe_to_a_server_that_never_answers_the_upgrade_exits_6_naming_the_timeout() {
    let server = Server::shared();
    let proxy = Proxy::start(server.port);
    proxy.set_default(Fault::Unanswered);
    let env = env_with_timeout(server, "2s");
    let out = env
        .rtctl()
        .args(["--ws-port", &proxy.port.to_string(), "probe", "--json"])
        .timeout(Duration::from_secs(2) + HANG_GUARD)
        .output()
        .unwrap();
    let (_, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(6), "{stderr}");
    assert!(stderr.contains("within 2s"), "{stderr}");
}

// ---------------------------------------------------------------- bench

#[test]
fn bench_through_a_reset_of_every_connection_counts_them_dropped() {
    let server = Server::shared();
    let proxy = Proxy::start(server.port);
    let env = TestEnv::with_server(server);
    let port = proxy.port.to_string();
    let run = env.spawn(&[
        "--ws-port",
        &port,
        "bench",
        "--subscribers",
        "20",
        "--channels",
        "2",
        "--rate",
        "20/s",
        "--duration",
        "3s",
        "--json",
    ]);
    eventually("the bench publishing", || {
        run.stderr().contains("publishing").then_some(())
    });
    proxy.fault_open(Fault::Reset);
    // Publishing, 2 s of grace, closing.
    let (code, lines, stderr) = run.finish_within(Duration::from_secs(8) + HANG_GUARD);
    let doc: Value = serde_json::from_str(&lines.join("\n"))
        .unwrap_or_else(|e| panic!("no report ({e}): {lines:?}\n{stderr}"));
    assert_eq!(code, Some(5), "{stderr}");
    let c = &doc["results"]["connections"];
    assert_eq!(
        (c["subscribed"].as_u64(), c["dropped"].as_u64()),
        (Some(20), Some(20)),
        "{doc}"
    );
    let d = &doc["results"]["deliveries"];
    assert!(d["delivered"].as_u64() < d["expected"].as_u64(), "{doc}");
    assert!(stderr.contains("20 dropped"), "{stderr}");
}

#[test]
fn bench_to_a_server_that_never_answers_the_upgrade_fails_naming_the_timeout() {
    let server = Server::shared();
    let proxy = Proxy::start(server.port);
    proxy.set_default(Fault::Unanswered);
    let env = env_with_timeout(server, "2s");
    let out = env
        .rtctl()
        .args(["--ws-port", &proxy.port.to_string()])
        .args(["bench", "--subscribers", "20", "--json"])
        .timeout(Duration::from_secs(4) + HANG_GUARD)
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    // bench's own code for no connection subscribed (README: Exit codes).
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let doc: Value = serde_json::from_str(&stdout).unwrap();
    let c = &doc["results"]["connections"];
    assert_eq!(
        (c["attempted"].as_u64(), c["subscribed"].as_u64()),
        (Some(20), Some(0)),
        "{doc}"
    );
    assert!(
        stderr.contains("no connection subscribed") && stderr.contains("within 2s"),
        "{stderr}"
    );
}

// ---------------------------------------------------------------- doctor

/// `doctor --json` with `global` options, under the network timeout of 2 s: its exit
/// code and the checks that failed, within a bound of a few timeouts.
fn doctor_fails(
    server: &Server,
    host: Option<&str>,
    global: &[&str],
) -> (Option<i32>, BTreeSet<String>, Value) {
    let mut profile = format!("{}timeout = \"2s\"\n", server.profile());
    if let Some(host) = host {
        profile = profile.replace("127.0.0.1", host);
    }
    let env = TestEnv::new();
    env.write_config(&profile);
    let out = env
        .rtctl()
        .args(global)
        .args(["doctor", "--json"])
        .timeout(Duration::from_secs(6) + HANG_GUARD)
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    let doc: Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("no document ({e}): {stdout}\n{stderr}"));
    let failed = doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] == "fail")
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect();
    (out.status.code(), failed, doc)
}

fn check<'a>(doc: &'a Value, id: &str) -> &'a Value {
    doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no check {id}: {doc}"))
}

fn finding<'a>(doc: &'a Value, id: &str) -> &'a str {
    check(doc, id)["finding"].as_str().unwrap_or_default()
}

fn status<'a>(doc: &'a Value, id: &str) -> &'a str {
    check(doc, id)["status"].as_str().unwrap_or_default()
}

fn ids(list: &[&str]) -> BTreeSet<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn doctor_against_a_websocket_that_never_answers_fails_the_handshake() {
    let server = Server::shared();
    let proxy = Proxy::start(server.port);
    proxy.set_default(Fault::Unanswered);
    let (code, failed, doc) = doctor_fails(server, None, &["--ws-port", &proxy.port.to_string()]);
    assert_eq!(code, Some(5), "{doc}");
    assert_eq!(failed, ids(&["socket.handshake"]), "{doc}");
    assert!(
        finding(&doc, "socket.handshake").contains("within 2s"),
        "{doc}"
    );
    for needs_a_socket in [
        "socket.ping",
        "channels.private",
        "channels.presence",
        "end_to_end.event",
    ] {
        assert_eq!(status(&doc, needs_a_socket), "skip", "{doc}");
    }
}

#[test]
fn doctor_against_a_stalled_server_fails_the_rest_and_socket_checks() {
    let server = Server::shared();
    let proxy = Proxy::start(server.port);
    proxy.set_default(Fault::Stall);
    let (code, failed, doc) = doctor_fails(server, None, &["--port", &proxy.port.to_string()]);
    assert_eq!(code, Some(5), "{doc}");
    assert_eq!(
        failed,
        ids(&["credentials.rest", "socket.handshake"]),
        "{doc}"
    );
    assert!(
        finding(&doc, "credentials.rest").contains("within 2s"),
        "{doc}"
    );
    // With no answer there is no clock to compare: skipped, not failed.
    assert_eq!(status(&doc, "clock.skew"), "skip", "{doc}");
}

#[test]
fn doctor_against_a_name_that_does_not_resolve_fails_the_network_checks() {
    let server = Server::shared();
    let (code, failed, doc) = doctor_fails(server, Some("rtctl-test.invalid"), &[]);
    assert_eq!(code, Some(5), "{doc}");
    assert_eq!(failed, ids(&["network.rest", "network.websocket"]), "{doc}");
    assert!(
        finding(&doc, "network.rest").contains("rtctl-test.invalid"),
        "{doc}"
    );
}

/// The length of sockudo's answer to a WebSocket upgrade (`101 Switching Protocols`
/// and its headers), to cut a connection just after it.
fn upgrade_answer_len(server: &Server) -> usize {
    let mut tcp = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    tcp.set_read_timeout(Some(WAIT)).unwrap();
    write!(
        tcp,
        "GET /app/{}?protocol=7&client=rtctl-tests&version=0 HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
        server.key
    )
    .unwrap();
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let n = tcp.read(&mut buf).unwrap();
        assert!(n > 0, "no upgrade: {}", String::from_utf8_lossy(&got));
        got.extend_from_slice(&buf[..n]);
        if let Some(at) = got.windows(4).position(|w| w == b"\r\n\r\n") {
            assert!(
                got.starts_with(b"HTTP/1.1 101"),
                "{}",
                String::from_utf8_lossy(&got)
            );
            return at + 4;
        }
    }
}

/// A first connection reset just after the upgrade, before `connection_established`,
/// was dropped by the network, not refused by the server (sockudo closes an unknown
/// key's connection, it never resets it): the network's exit code, naming the reset,
/// for every command on the WebSocket client; never "the app key is most likely
/// unknown" with exit 7.
#[test]
fn a_first_connection_reset_before_the_handshake_is_a_network_failure_not_a_refusal() {
    let server = Server::shared();
    let proxy = Proxy::start(server.port);
    // Into the first frame: past the upgrade's answer, short of its end.
    proxy.set_default(Fault::Cut {
        after: upgrade_answer_len(server) + 10,
        reset: true,
    });
    let env = env_with_timeout(server, "2s");
    let port = proxy.port.to_string();
    let cases: [(&[&str], i32); 3] = [
        (&["tail", "fp-first-reset", "--json"], 6),
        (&["probe", "--json"], 6),
        // bench's own code for no connection subscribed.
        (&["bench", "--subscribers", "5", "--json"], 1),
    ];
    for (args, want) in cases {
        let out = env
            .rtctl()
            .args(["--ws-port", &port])
            .args(args)
            .timeout(Duration::from_secs(2) + HANG_GUARD)
            .output()
            .unwrap();
        let (_, stderr) = output_text(&out);
        assert_eq!(out.status.code(), Some(want), "{args:?}: {stderr}");
        assert!(stderr.contains("reset"), "{args:?}: {stderr}");
        assert!(!stderr.contains("app key"), "{args:?}: {stderr}");
    }
    // doctor's socket check says the same.
    let (code, failed, doc) = doctor_fails(server, None, &["--ws-port", &port]);
    assert_eq!(code, Some(5), "{doc}");
    assert_eq!(failed, ids(&["socket.handshake"]), "{doc}");
    let handshake = check(&doc, "socket.handshake").to_string();
    assert!(handshake.contains("reset"), "{handshake}");
    assert!(!handshake.contains("app key"), "{handshake}");
}
