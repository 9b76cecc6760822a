//! Server answers a real sockudo will not give on demand (a clock far off, 403, 413,
//! 5xx, a body that is not JSON), from a scripted one-shot HTTP responder; and, for
//! `tail`, WebSocket behaviour it will not show on demand (a missing pong, a given
//! close code, a dropped connection), from a scripted Pusher server.

use crate::common;

use std::io::{Read as _, Write as _};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use common::{Running, TestEnv, WAIT, output_text};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::{self, Message, WebSocket};

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

// ---------------------------------------------------------------- tail: a scripted Pusher server

/// What the scripted server got from the client on one connection.
#[derive(Debug, Clone, PartialEq)]
enum Got {
    /// A text frame, parsed (`Null` when it is not JSON).
    Frame(Value),
    /// A close frame and its code (`None`: a close frame without one).
    Close(Option<u16>),
}

/// Everything every connection got, in order: (connection number from 1, what).
type Log = Arc<Mutex<Vec<(usize, Got)>>>;

/// How long a script waits for the client to do something.
const SCRIPT_WAIT: Duration = Duration::from_secs(30);

/// One accepted WebSocket, driven by a script.
struct Conn {
    number: usize,
    ws: WebSocket<TcpStream>,
    log: Log,
    /// Answer `pusher:subscribe` with `pusher_internal:subscription_succeeded`.
    answer_subscribes: bool,
    /// Answer `pusher:ping` with `pusher:pong`.
    answer_pings: bool,
}

impl Conn {
    fn send(&mut self, text: &str) {
        // The client may be gone already; what it did is what the tests check.
        let _ = self.ws.send(Message::text(text));
    }

    /// `pusher:connection_established`, its `data` a JSON string as Pusher sends it.
    fn establish(&mut self, activity_timeout: u64) {
        let data = json!({
            "socket_id": format!("{}.42", self.number),
            "activity_timeout": activity_timeout,
        });
        let frame = json!({ "event": "pusher:connection_established", "data": data.to_string() });
        self.send(&frame.to_string());
    }

    /// An application event on `channel`.
    fn event(&mut self, channel: &str, event: &str, data: &Value) {
        let frame = json!({ "event": event, "channel": channel, "data": data.to_string() });
        self.send(&frame.to_string());
    }

    /// The next thing the client sent, recorded (and answered, for subscribes and pings,
    /// as configured); `None` once the connection has ended or `limit` has passed.
    fn next(&mut self, limit: Duration) -> Option<Got> {
        let start = Instant::now();
        let got = loop {
            match self.ws.read() {
                Ok(Message::Text(text)) => {
                    break Got::Frame(serde_json::from_str(&text).unwrap_or(Value::Null));
                }
                Ok(Message::Close(frame)) => break Got::Close(frame.map(|f| u16::from(f.code))),
                Ok(_) => {}
                Err(tungstenite::Error::Io(e))
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) =>
                {
                    if start.elapsed() > limit {
                        return None;
                    }
                }
                Err(_) => return None,
            }
        };
        self.log.lock().unwrap().push((self.number, got.clone()));
        if let Got::Frame(f) = &got {
            match f["event"].as_str() {
                Some("pusher:subscribe") if self.answer_subscribes => {
                    let ok = json!({
                        "event": "pusher_internal:subscription_succeeded",
                        "channel": f["data"]["channel"],
                        "data": "{}",
                    });
                    self.send(&ok.to_string());
                }
                Some("pusher:ping") if self.answer_pings => {
                    self.send(r#"{"event":"pusher:pong","data":{}}"#);
                }
                _ => {}
            }
        }
        Some(got)
    }

    /// Read until the client sends `event`; panics if it does not within `SCRIPT_WAIT`.
    fn expect(&mut self, event: &str) -> Value {
        let start = Instant::now();
        loop {
            match self.next(SCRIPT_WAIT.saturating_sub(start.elapsed())) {
                Some(Got::Frame(f)) if f["event"] == event => return f,
                Some(_) => {}
                None => panic!("connection {}: the client never sent {event}", self.number),
            }
        }
    }

    /// Close with a code and reason, then read until the client has answered.
    fn close(&mut self, code: u16, reason: &str) {
        let frame = CloseFrame {
            code: CloseCode::from(code),
            reason: reason.to_owned().into(),
        };
        let _ = self.ws.close(Some(frame));
        self.drain();
    }

    /// End the TCP connection without a close frame.
    fn drop_tcp(&mut self) {
        let _ = self.ws.get_mut().shutdown(Shutdown::Both);
    }

    /// Read (recording and answering) until the client goes.
    fn drain(&mut self) {
        while self.next(SCRIPT_WAIT * 2).is_some() {}
    }
}

type Script = Box<dyn FnOnce(&mut Conn) + Send>;

fn script(f: impl FnOnce(&mut Conn) + Send + 'static) -> Script {
    Box::new(f)
}

/// A Pusher server that runs one script per connection, in the order they arrive.
struct FakeServer {
    port: u16,
    log: Log,
    accepted: Arc<AtomicUsize>,
    /// Each connection as it is accepted: its number and the client's address.
    peers: std::sync::mpsc::Receiver<(usize, std::net::SocketAddr)>,
}

impl FakeServer {
    /// Connections beyond the scripts are accepted, counted and left idle.
    fn start(scripts: Vec<Script>) -> FakeServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let log = Log::default();
        let accepted = Arc::new(AtomicUsize::new(0));
        let (log2, accepted2) = (Arc::clone(&log), Arc::clone(&accepted));
        let (peer, peers) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut scripts = scripts.into_iter();
            for stream in listener.incoming() {
                let Ok(stream) = stream else { return };
                let number = accepted2.fetch_add(1, Ordering::SeqCst) + 1;
                if let Ok(addr) = stream.peer_addr() {
                    let _ = peer.send((number, addr));
                }
                let script = scripts.next();
                let log = Arc::clone(&log2);
                std::thread::spawn(move || serve(number, stream, log, script));
            }
        });
        FakeServer {
            port,
            log,
            accepted,
            peers,
        }
    }

    /// A TestEnv whose default profile points at this server.
    fn env(&self) -> TestEnv {
        self.env_with("")
    }

    /// The same, with more `key = value` lines in the profile.
    fn env_with(&self, more: &str) -> TestEnv {
        let env = TestEnv::new();
        env.write_config(&format!(
            "default_profile = \"fake\"\n\n[profiles.fake]\napp_id = \"1\"\nkey = \"fake-key\"\nsecret = \"fake-secret\"\nhost = \"127.0.0.1\"\nport = {}\ntls = false\n{more}",
            self.port
        ));
        env
    }

    fn accepted(&self) -> usize {
        self.accepted.load(Ordering::SeqCst)
    }

    /// What connection `number` got so far.
    fn got(&self, number: usize) -> Vec<Got> {
        let log = self.log.lock().unwrap();
        log.iter()
            .filter(|(n, _)| *n == number)
            .map(|(_, g)| g.clone())
            .collect()
    }

    /// Wait (up to `WAIT`) until connection `number` got something matching `pred`.
    fn wait_for(&self, number: usize, what: &str, pred: impl Fn(&Got) -> bool) -> Got {
        let start = Instant::now();
        loop {
            if let Some(g) = self.got(number).into_iter().find(|g| pred(g)) {
                return g;
            }
            assert!(
                start.elapsed() < WAIT,
                "connection {number} never got {what}; it got {:?}\nevery connection: {:?}",
                self.got(number),
                self.log.lock().unwrap()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// After rtctl has exited: no connection beyond `n` was ever made. One it made just
    /// before exiting may still wait in the backlog, which is first in, first out: a
    /// connection of our own made now is accepted after all of rtctl's.
    fn assert_connections(&self, n: usize) {
        let probe = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        let ours = probe.local_addr().unwrap();
        let made_before = loop {
            match self.peers.recv_timeout(WAIT) {
                Ok((number, peer)) if peer == ours => break number - 1,
                Ok(_) => {}
                Err(e) => panic!("our own connection was not accepted: {e}"),
            }
        };
        assert_eq!(
            made_before,
            n,
            "connections made: {:?}",
            self.log.lock().unwrap()
        );
    }
}

fn serve(number: usize, stream: TcpStream, log: Log, script: Option<Script>) {
    stream.set_read_timeout(Some(WAIT)).unwrap();
    let Ok(ws) = tungstenite::accept(stream) else {
        return;
    };
    ws.get_ref()
        .set_read_timeout(Some(Duration::from_millis(50)))
        .unwrap();
    let mut conn = Conn {
        number,
        ws,
        log,
        answer_subscribes: true,
        answer_pings: true,
    };
    if let Some(script) = script {
        script(&mut conn);
    }
    conn.drain();
}

/// A text frame with this `event`.
fn is_event(g: &Got, event: &str) -> bool {
    matches!(g, Got::Frame(f) if f["event"] == event)
}

/// A `pusher:subscribe` or `pusher:unsubscribe` (`what`) for `channel`.
fn is_for(g: &Got, what: &str, channel: &str) -> bool {
    matches!(g, Got::Frame(f) if f["event"] == what && f["data"]["channel"] == channel)
}

fn text(v: &Value) -> &str {
    v.as_str().unwrap_or_default()
}

/// Every JSON record of `kind` among stdout lines.
fn records(lines: &[String], kind: &str) -> Vec<Value> {
    lines
        .iter()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|v| v["type"] == kind)
        .collect()
}

/// Start `rtctl tail ARGS`.
fn tail(server: &FakeServer, args: &[&str]) -> (TestEnv, Running) {
    let env = server.env();
    let mut all = vec!["tail"];
    all.extend_from_slice(args);
    let run = env.spawn(&all);
    (env, run)
}

#[test]
fn tail_reconnects_when_a_ping_gets_no_pong_and_marks_the_gap() {
    let server = FakeServer::start(vec![
        script(|c| {
            c.answer_pings = false;
            c.establish(1);
            c.expect("pusher:subscribe");
            c.expect("pusher:ping");
        }),
        script(|c| {
            c.establish(120);
            c.expect("pusher:subscribe");
            c.event("ch", "after-the-gap", &json!({ "n": 2 }));
        }),
    ]);
    let (_env, mut run) = tail(
        &server,
        &["ch", "--json", "--count", "1", "--pong-timeout", "1s"],
    );
    run.record_of("subscribed", Some("ch"));
    server.wait_for(1, "a pusher:ping", |g| is_event(g, "pusher:ping"));

    let again = run.record_of("reconnecting", None);
    assert_eq!(again["attempt"], 1, "{again}");
    assert!(text(&again["reason"]).contains("pong"), "{again}");
    run.record_of("subscribed", Some("ch"));
    let gap = run.record_of("gap", None);
    assert!(text(&gap["reason"]).contains("pusher:pong"), "{gap}");
    assert!(text(&gap["from"]) <= text(&gap["to"]), "{gap}");
    assert_eq!(gap["counters"]["reconnect_attempts"], 1, "{gap}");
    let event = run.record_of("event", Some("ch"));
    assert_eq!(event["event"], "after-the-gap");
    assert_eq!(event["data"], json!({ "n": 2 }));

    let (code, _, stderr) = run.finish();
    assert_eq!(code, Some(0), "{stderr}");
    server.wait_for(2, "a pusher:subscribe for ch", |g| {
        is_for(g, "pusher:subscribe", "ch")
    });
    assert!(
        !server.got(2).iter().any(|g| is_event(g, "pusher:ping")),
        "the server's activity_timeout of 120 s is no reason to ping: {:?}",
        server.got(2)
    );
    server.assert_connections(2);
}

#[test]
fn tail_close_code_4001_exits_7_naming_the_code_and_does_not_reconnect() {
    let server = FakeServer::start(vec![script(|c| {
        c.establish(120);
        c.close(4001, "App key x does not exist.");
    })]);
    let (_env, run) = tail(&server, &["ch"]);
    let (code, _, stderr) = run.finish();
    assert_eq!(code, Some(7), "{stderr}");
    assert!(stderr.contains("4001"), "{stderr}");
    assert!(stderr.contains("application does not exist"), "{stderr}");
    assert!(
        stderr.contains("App key x does not exist."),
        "the server's own words: {stderr}"
    );
    assert!(
        stderr.contains("hint:") && stderr.contains("check the app key"),
        "{stderr}"
    );
    server.assert_connections(1);
}

#[test]
fn tail_pusher_error_4001_before_the_handshake_exits_7_with_the_servers_message() {
    const MESSAGE: &str = "App key x not in this cluster. Did you forget to specify the cluster?";
    // As Pusher does (pusher:error, then close 4001); and the same cut off without its
    // close frame.
    for close_frame in [true, false] {
        let server = FakeServer::start(vec![script(move |c| {
            let error =
                json!({ "event": "pusher:error", "data": { "code": 4001, "message": MESSAGE } });
            c.send(&error.to_string());
            if close_frame {
                c.close(4001, "");
            } else {
                c.drop_tcp();
            }
        })]);
        let (_env, run) = tail(&server, &["ch", "--json"]);
        let (code, lines, stderr) = run.finish();
        let what = if close_frame {
            "with a close frame"
        } else {
            "without a close frame"
        };
        assert_eq!(code, Some(7), "{what}: {stderr}");
        assert!(
            stderr.contains("4001") && stderr.contains("application does not exist"),
            "{what}: {stderr}"
        );
        assert!(stderr.contains(MESSAGE), "{what}: {stderr}");
        let errors = records(&lines, "error");
        assert!(
            errors
                .iter()
                .any(|e| e["code"] == 4001 && e["message"] == MESSAGE),
            "{what}: {lines:?}"
        );
        server.assert_connections(1);
    }
}

#[test]
fn tail_close_code_4100_reconnects_after_backing_off_doubling() {
    let server = FakeServer::start(vec![
        script(|c| {
            c.establish(120);
            c.expect("pusher:subscribe");
            c.close(4100, "Over capacity");
        }),
        // Refused again before anything settled: the next wait doubles.
        script(|c| {
            c.establish(120);
            c.close(4100, "Over capacity");
        }),
        script(|c| {
            c.establish(120);
            c.expect("pusher:subscribe");
            c.event("ch", "back", &json!({}));
        }),
    ]);
    let (_env, mut run) = tail(&server, &["ch", "--json", "--count", "1"]);
    run.record_of("subscribed", Some("ch"));
    let first = run.record_of("reconnecting", None);
    assert_eq!(first["attempt"], 1, "{first}");
    let delay = first["delay_ms"].as_u64().unwrap();
    assert!((1000..=1500).contains(&delay), "1 s plus jitter: {first}");
    assert!(text(&first["reason"]).contains("4100"), "{first}");
    let second = run.record_of("reconnecting", None);
    assert_eq!(second["attempt"], 2, "{second}");
    let delay = second["delay_ms"].as_u64().unwrap();
    assert!((2000..=3000).contains(&delay), "2 s plus jitter: {second}");
    run.record_of("gap", None);
    let event = run.record_of("event", Some("ch"));
    assert_eq!(event["event"], "back");
    let (code, _, stderr) = run.finish();
    assert_eq!(code, Some(0), "{stderr}");
    server.assert_connections(3);
}

#[test]
fn tail_close_code_4200_reconnects_at_once_unless_it_keeps_failing() {
    let (has_settled, settled) = std::sync::mpsc::channel::<()>();
    let server = FakeServer::start(vec![
        script(|c| {
            c.establish(120);
            c.expect("pusher:subscribe");
            c.close(4200, "");
        }),
        // Settled first (the test has seen the gap marker), so this one is a fresh
        // failure: at once again.
        script(move |c| {
            c.establish(120);
            c.expect("pusher:subscribe");
            settled
                .recv_timeout(SCRIPT_WAIT)
                .expect("the client settled");
            c.close(4200, "");
        }),
        // Closed again before anything settled: now it backs off.
        script(|c| {
            c.establish(120);
            c.close(4200, "");
        }),
        script(|c| {
            c.establish(120);
            c.expect("pusher:subscribe");
            c.event("ch", "back", &json!({}));
        }),
    ]);
    let (_env, mut run) = tail(&server, &["ch", "--json", "--count", "1"]);
    for (attempt, at_once) in [(1, true), (2, true), (3, false)] {
        let r = run.record_of("reconnecting", None);
        assert_eq!(r["attempt"], attempt, "{r}");
        let delay = r["delay_ms"].as_u64().unwrap();
        if at_once {
            assert_eq!(delay, 0, "4200 reconnects at once: {r}");
            assert!(text(&r["reason"]).contains("4200"), "{r}");
        } else {
            assert!(delay >= 1000, "a reconnect storm backs off: {r}");
        }
        if attempt == 1 {
            run.record_of("gap", None);
            has_settled.send(()).unwrap();
        }
    }
    let event = run.record_of("event", Some("ch"));
    assert_eq!(event["event"], "back");
    let (code, lines, stderr) = run.finish();
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(
        records(&lines, "gap").len(),
        2,
        "one gap per loss that settled again: {lines:?}"
    );
    server.assert_connections(4);
}

#[test]
fn tail_no_reconnect_exits_6_when_the_connection_drops() {
    let server = FakeServer::start(vec![script(|c| {
        c.establish(120);
        c.expect("pusher:subscribe");
        c.drop_tcp();
    })]);
    let (_env, run) = tail(&server, &["ch", "--no-reconnect"]);
    let (code, _, stderr) = run.finish();
    assert_eq!(code, Some(6), "{stderr}");
    assert!(stderr.contains("connection lost"), "{stderr}");
    assert!(
        stderr.contains("(lost)"),
        "the summary says how it ended: {stderr}"
    );
    server.assert_connections(1);
}

/// A server that subscribes `ch`, sends one event and waits.
fn one_event_then_idle() -> FakeServer {
    FakeServer::start(vec![script(|c| {
        c.establish(120);
        c.expect("pusher:subscribe");
        c.event("ch", "tick", &json!({ "n": 1 }));
    })])
}

/// After Ctrl-C: the server got `pusher:unsubscribe` for `ch`, then a close frame
/// with code 1000.
fn assert_goodbye(server: &FakeServer) {
    server.wait_for(1, "a close frame", |g| matches!(g, Got::Close(_)));
    let got = server.got(1);
    let unsubscribe = got
        .iter()
        .position(|g| is_for(g, "pusher:unsubscribe", "ch"))
        .unwrap_or_else(|| panic!("no pusher:unsubscribe for ch: {got:?}"));
    let close = got.iter().position(|g| matches!(g, Got::Close(_))).unwrap();
    assert_eq!(
        got[close],
        Got::Close(Some(1000)),
        "a normal close: {got:?}"
    );
    assert!(unsubscribe < close, "unsubscribed before closing: {got:?}");
}

#[test]
fn tail_ctrl_c_unsubscribes_closes_normally_and_reports_counters_as_json() {
    let server = one_event_then_idle();
    let (_env, mut run) = tail(&server, &["ch", "--json"]);
    run.record_of("event", Some("ch"));
    run.interrupt();
    let (code, lines, stderr) = run.finish();
    assert_eq!(code, Some(130), "{stderr}");
    assert_goodbye(&server);
    let summary = records(&lines, "summary");
    assert_eq!(summary.len(), 1, "{lines:?}");
    assert_eq!(summary[0]["ended"], "interrupted");
    assert_eq!(
        summary[0]["counters"],
        json!({
            "messages_received": 3,
            "events_shown": 1,
            "reconnect_attempts": 0,
            "state": "DISCONNECTED",
        }),
        "handshake, subscription and event: {}",
        summary[0]
    );
}

#[test]
fn tail_ctrl_c_unsubscribes_closes_normally_and_reports_counters_to_people() {
    let server = one_event_then_idle();
    let (_env, mut run) = tail(&server, &["ch"]);
    run.line("the event", |l| l.contains("tick"));
    run.interrupt();
    let (code, _, stderr) = run.finish();
    assert_eq!(code, Some(130), "{stderr}");
    assert_goodbye(&server);
    for part in [
        "1 event shown",
        "3 messages received",
        "0 reconnection attempts",
        "DISCONNECTED",
        "interrupted",
    ] {
        assert!(stderr.contains(part), "{part:?} missing: {stderr}");
    }
}

#[test]
fn tail_answers_the_servers_pusher_ping_with_a_pong() {
    let server = FakeServer::start(vec![script(|c| {
        c.establish(120);
        c.expect("pusher:subscribe");
        c.send(r#"{"event":"pusher:ping","data":{}}"#);
        c.expect("pusher:pong");
        c.event("ch", "after-pong", &json!({}));
    })]);
    let (_env, mut run) = tail(&server, &["ch", "--json", "--count", "1"]);
    let event = run.record_of("event", Some("ch"));
    assert_eq!(
        event["event"], "after-pong",
        "sent only once the pong arrived"
    );
    let (code, _, stderr) = run.finish();
    assert_eq!(code, Some(0), "{stderr}");
    let pong = server.wait_for(1, "a pusher:pong", |g| is_event(g, "pusher:pong"));
    assert_eq!(
        pong,
        Got::Frame(json!({ "event": "pusher:pong", "data": {} }))
    );
    server.assert_connections(1);
}

#[test]
fn tail_gives_up_on_a_server_that_never_says_connection_established() {
    // A WebSocket that opens and stays silent: rtctl gives up after the profile's timeout.
    let server = FakeServer::start(vec![script(|_| {})]);
    let env = server.env_with("timeout = \"2s\"\n");
    let run = env.spawn(&["tail", "ch"]);
    let (code, _, stderr) = run.finish();
    assert!(stderr.contains("pusher:connection_established"), "{stderr}");
    assert!(
        !stderr.contains("closed it") && !stderr.contains("app key is most likely unknown"),
        "rtctl gave up, the server closed nothing: {stderr}"
    );
    assert_eq!(
        code,
        Some(6),
        "a timeout is a network failure, not a refusal: {stderr}"
    );
    server.assert_connections(1);
}

#[test]
fn tail_gives_up_on_a_server_that_opens_with_something_else() {
    let server = FakeServer::start(vec![script(|c| {
        c.event("ch", "hello", &json!({}));
    })]);
    let (_env, run) = tail(&server, &["ch"]);
    let (code, _, stderr) = run.finish();
    assert!(stderr.contains("`hello`"), "{stderr}");
    assert!(
        !stderr.contains("closed it") && !stderr.contains("app key is most likely unknown"),
        "rtctl closed it, and a wrong key gets pusher:error, not this: {stderr}"
    );
    assert_eq!(code, Some(1), "not a refusal: {stderr}");
    server.assert_connections(1);
}

#[test]
fn tail_refuses_client_events_while_reconnecting_instead_of_cutting_the_backoff_short() {
    // Once subscribed, the server refuses every connection with 4100: nothing can be
    // sent again, so a line typed now must be refused, not dropped or sent.
    let refused = || {
        script(|c| {
            c.establish(120);
            c.close(4100, "Over capacity");
        })
    };
    let server = FakeServer::start(vec![
        script(|c| {
            c.establish(120);
            c.expect("pusher:subscribe");
            c.close(4100, "Over capacity");
        }),
        refused(),
        refused(),
        refused(),
        refused(),
    ]);
    let (_env, mut run) = tail(&server, &["private-ch", "--json", "--interactive"]);
    run.record_of("subscribed", Some("private-ch"));
    run.record_of("reconnecting", None);
    run.send_line(r#"client-typing {"who":"ops"}"#);
    let not_sent = run.record_of("not_sent", Some("private-ch"));
    assert_eq!(not_sent["event"], "client-typing", "{not_sent}");
    let reason = text(&not_sent["reason"]);
    assert!(
        reason.contains("not connected") || reason.contains("not subscribed"),
        "{not_sent}"
    );
    run.interrupt();
    let (code, lines, stderr) = run.finish();
    assert_eq!(code, Some(130), "{stderr}");
    // Every state change is a record, with the counters.
    let states: Vec<String> = records(&lines, "state")
        .iter()
        .map(|r| text(&r["state"]).to_owned())
        .collect();
    assert_eq!(
        states[..3],
        ["CONNECTING", "CONNECTED", "DISCONNECTED"],
        "{states:?}"
    );
    for n in 1..=server.accepted() {
        assert!(
            !server.got(n).iter().any(|g| is_event(g, "client-typing")),
            "connection {n} got the client event"
        );
    }
}

#[test]
fn tail_removes_a_stale_ready_file_before_connecting() {
    // Never ready: the server never shakes hands.
    let server = FakeServer::start(vec![script(|_| {})]);
    let env = server.env_with("timeout = \"2s\"\n");
    let ready = env.work_dir().join("ready");
    std::fs::write(&ready, "1.1\n").unwrap();
    let run = env.spawn(&["tail", "ch", "--ready-file", ready.to_str().unwrap()]);
    let (code, _, stderr) = run.finish();
    assert_eq!(code, Some(6), "{stderr}");
    assert!(
        !ready.exists(),
        "an earlier run's ready file was left for a script to trust"
    );

    // One that cannot be removed stops the run before anything connects.
    let dir = env.work_dir().join("a-dir");
    std::fs::create_dir(&dir).unwrap();
    let out = env
        .rtctl()
        .args(["tail", "ch", "--ready-file"])
        .arg(&dir)
        .timeout(WAIT)
        .output()
        .unwrap();
    let (_, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("cannot remove the old ready file"),
        "{stderr}"
    );
    server.assert_connections(1);
}

#[test]
fn tail_exits_4_when_the_user_cannot_be_signed_in() {
    let server = FakeServer::start(vec![script(|c| c.establish(120))]);
    let (_listener, port) = common::silent_listener();
    drop(_listener);
    let endpoint = format!("http://ops:pw@127.0.0.1:{port}/pusher/user-auth?token=tok-1");
    let (_env, run) = tail(
        &server,
        &[
            "ch",
            "--signin",
            "--user-id",
            "7",
            "--user-auth-endpoint",
            &endpoint,
        ],
    );
    let (code, _, stderr) = run.finish();
    assert_eq!(code, Some(4), "{stderr}");
    assert!(stderr.contains("cannot sign in"), "{stderr}");
    assert!(
        stderr.contains(&format!("127.0.0.1:{port}/pusher/user-auth")),
        "{stderr}"
    );
    assert!(
        !stderr.contains("tok-1") && !stderr.contains(":pw@"),
        "credentials in the URL were shown: {stderr}"
    );
}

#[test]
fn tail_sigterm_unsubscribes_closes_normally_and_exits_143_with_the_summary() {
    let server = one_event_then_idle();
    let (_env, mut run) = tail(&server, &["ch", "--json"]);
    run.record_of("event", Some("ch"));
    run.terminate();
    let (code, lines, stderr) = run.finish();
    assert_eq!(code, Some(143), "{stderr}");
    assert_goodbye(&server);
    let summary = records(&lines, "summary");
    assert_eq!(summary.len(), 1, "{lines:?}");
    assert_eq!(summary[0]["ended"], "terminated");
    assert_eq!(summary[0]["counters"]["events_shown"], 1);
    assert!(stderr.contains("terminated (SIGTERM)"), "{stderr}");
}

/// A server that subscribes `ch` and then sends one event whose frame is `size` bytes.
fn one_event_of(size: usize) -> FakeServer {
    FakeServer::start(vec![script(move |c| {
        c.establish(120);
        c.expect("pusher:subscribe");
        let frame = json!({ "event": "big", "channel": "ch", "data": "" }).to_string();
        let data = "x".repeat(size - frame.len());
        c.send(&json!({ "event": "big", "channel": "ch", "data": data }).to_string());
    })])
}

#[test]
fn tail_ends_with_a_protocol_error_on_a_message_over_the_size_limit() {
    let server = one_event_of(2 << 20);
    let (_env, run) = tail(&server, &["ch", "--json"]);
    let (code, lines, stderr) = run.finish();
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("protocol error")
            && stderr.contains("over the 1 MiB limit")
            && stderr.contains(&(2 << 20).to_string()),
        "{stderr}"
    );
    assert!(stderr.contains("--max-message-size"), "hint: {stderr}");
    assert!(records(&lines, "event").is_empty(), "{lines:?}");
    assert_eq!(records(&lines, "summary")[0]["ended"], "error");
    server.wait_for(1, "close code 1009", |g| *g == Got::Close(Some(1009)));
    server.assert_connections(1);

    // Allowed by a larger limit, the same message is an event like any other.
    let server = one_event_of(2 << 20);
    let (_env, mut run) = tail(
        &server,
        &["ch", "--json", "--count", "1", "--max-message-size", "4MiB"],
    );
    let ev = run.record_of("event", Some("ch"));
    let data = text(&ev["data"]);
    assert!(
        data.len() > 1 << 20 && data.bytes().all(|b| b == b'x'),
        "{} bytes",
        data.len()
    );
    assert_eq!(run.finish().0, Some(0));
}

/// What a listener got, one request's head (request line and headers) at a time.
type Heads = Arc<Mutex<Vec<String>>>;

/// An HTTP endpoint that answers every request with `answer(port)` after reading its head.
fn http_endpoint(answer: impl Fn(&mut TcpStream) + Send + 'static) -> (u16, Heads) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let heads = Heads::default();
    let got = Arc::clone(&heads);
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
            got.lock()
                .unwrap()
                .push(String::from_utf8_lossy(&seen).into_owned());
            answer(&mut stream);
        }
    });
    (port, heads)
}

/// A server that sends the handshake and leaves `private-x` to be authorized.
fn handshake_only() -> FakeServer {
    FakeServer::start(vec![script(|c| c.establish(120))])
}

#[test]
fn tail_never_follows_an_auth_endpoint_redirect_or_sends_its_headers_on() {
    let (elsewhere, heads_elsewhere) = http_endpoint(|s| {
        let _ = s.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}");
    });
    let location = format!("http://127.0.0.1:{elsewhere}/pusher/auth?session=leaked-sess");
    let (endpoint, heads) = http_endpoint(move |s| {
        let reply = format!(
            "HTTP/1.1 302 Found\r\nlocation: {location}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
        );
        let _ = s.write_all(reply.as_bytes());
    });
    let server = handshake_only();
    let url = format!("http://127.0.0.1:{endpoint}/pusher/auth");
    let (_env, run) = tail(
        &server,
        &[
            "private-x",
            "--auth-endpoint",
            &url,
            "--auth-header",
            "X-Platform-Token: s3cret-t0ken",
        ],
    );
    let (code, _, stderr) = run.finish();
    assert_eq!(code, Some(4), "{stderr}");
    assert!(
        heads.lock().unwrap()[0]
            .to_ascii_lowercase()
            .contains("x-platform-token: s3cret-t0ken"),
        "the named endpoint gets the header"
    );
    assert!(
        heads_elsewhere.lock().unwrap().is_empty(),
        "the redirect was followed: {:?}",
        heads_elsewhere.lock().unwrap()
    );
    assert!(
        stderr.contains("cannot subscribe to private-x (code 302)")
            && stderr.contains(&format!(
                "a redirect to http://127.0.0.1:{elsewhere}/pusher/auth;"
            )),
        "{stderr}"
    );
    assert!(stderr.contains("redirects are not followed"), "{stderr}");
    assert!(
        stderr.contains("hint: give the URL the endpoint redirects to"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("leaked-sess") && !stderr.contains("s3cret-t0ken"),
        "{stderr}"
    );
}

#[test]
fn tail_stops_reading_an_auth_endpoint_answer_past_the_cap() {
    let streamed = Arc::new(AtomicUsize::new(0));
    let count = Arc::clone(&streamed);
    let (endpoint, _) = http_endpoint(move |s| {
        // A 1 GiB answer, sent until the client stops reading it.
        let _ = s.write_all(
            b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1073741824\r\n\r\n",
        );
        let chunk = [b' '; 64 * 1024];
        while s.write_all(&chunk).is_ok() {
            count.fetch_add(chunk.len(), Ordering::SeqCst);
        }
    });
    let server = handshake_only();
    let url = format!("http://127.0.0.1:{endpoint}/pusher/auth");
    let (_env, run) = tail(&server, &["private-x", "--auth-endpoint", &url]);
    let (code, _, stderr) = run.finish();
    assert_eq!(code, Some(4), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "the answer from http://127.0.0.1:{endpoint}/pusher/auth is larger than 16 MiB"
        )),
        "{stderr}"
    );
    // Socket buffers hold some more, but nowhere near the whole answer.
    assert!(
        streamed.load(Ordering::SeqCst) < 256 << 20,
        "{} bytes were sent",
        streamed.load(Ordering::SeqCst)
    );
}

/// A signal that comes while nothing else is listening for one (here: while a pattern's
/// first channel listing waits on a server that never answers) is not lost: once
/// rtctl listens, every signal counts.
#[test]
fn a_signal_during_the_first_channel_listing_ends_tail_at_once() {
    for (signal, code) in [("INT", 130), ("TERM", 143)] {
        let (listener, port) = common::silent_listener();
        let env = TestEnv::new();
        // A network timeout far beyond the test's wait: only the signal can end it.
        env.write_config(&format!(
            "[profiles.local]\nport = {port}\ntimeout = \"300s\"\n"
        ));
        let run = env.spawn(&["tail", "classroom-*"]);
        // The listing request has arrived: rtctl is waiting on the answer.
        let (_held, _) = listener.accept().unwrap();
        match signal {
            "INT" => run.interrupt(),
            _ => run.terminate(),
        }
        let (exit, _, stderr) = run.finish();
        assert_eq!(exit, Some(code), "SIG{signal}: {stderr}");
    }
}
