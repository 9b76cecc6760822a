//! CPU cost per frame of what `tail` does with each message it receives: decode the
//! frame (`Frame::parse` + `Message::from_frame`), run it through an open, subscribed
//! `Session` (and decrypt it on an encrypted channel). Run with
//! `cargo bench --bench frames`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rtctl::pusher::MasterKey;
use rtctl::pusher::frame::{Frame, Message};
use rtctl::pusher::session::{Output, Session, Timing};
use rtctl::pusher::sign::authorize_channel;
use serde_json::{Value, json};

const KEY: &str = "278d425bdf160c739803";
const SECRET: &str = "7ad3773142a6692b25b8";
/// 32 bytes of `a`, base64.
const MASTER_KEY: &str = "YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE=";
const ESTABLISHED: &str = r#"{"event":"pusher:connection_established","data":"{\"socket_id\":\"1234.5678\",\"activity_timeout\":120}"}"#;
const SMALL_DATA: &str = r#"{"type":"info","title":"System Update","message":"New features","ts":"2024-01-01T12:00:00Z"}"#;

/// An app event as sockudo sends it: `data` is a JSON string holding JSON.
fn event_frame(channel: &str, event: &str, data: &str) -> String {
    json!({ "event": event, "channel": channel, "data": data }).to_string()
}

/// About 2 KB: a list of 20 records.
fn large_data() -> String {
    let items: Vec<Value> = (0..20)
        .map(|i| json!({ "id": i, "sku": format!("SKU-{i:05}"), "name": "Widget, blue, large", "qty": i * 3, "price": 19.99 }))
        .collect();
    json!({ "order": "ORD-2024-000123", "customer": "c_8f2b", "items": items }).to_string()
}

/// `pusher_internal:subscription_succeeded` for a presence channel with `n` members.
fn presence_frame(channel: &str, n: usize) -> String {
    let ids: Vec<String> = (0..n).map(|i| format!("user-{i:04}")).collect();
    let hash: serde_json::Map<String, Value> = ids
        .iter()
        .map(|id| {
            (
                id.clone(),
                json!({ "name": format!("Student {id}"), "role": "student" }),
            )
        })
        .collect();
    let data = json!({ "presence": { "ids": ids, "hash": hash, "count": n } }).to_string();
    event_frame(channel, "pusher_internal:subscription_succeeded", &data)
}

fn subscribed(channel: &str) -> String {
    event_frame(channel, "pusher_internal:subscription_succeeded", "{}")
}

/// A session on an open connection with `channel` subscribed (authorized locally when
/// it needs it, with the master key for an encrypted channel).
fn open_session(channel: &str, now: Instant) -> Session {
    let mut s = Session::new(Timing::default(), false);
    s.add_channel(channel);
    s.opened(now);
    let out = s.receive(ESTABLISHED, now);
    if out.iter().any(|o| matches!(o, Output::Authorize { .. })) {
        let master = MasterKey::from_base64(MASTER_KEY).expect("master key");
        let auth = authorize_channel(KEY, SECRET, "1234.5678", channel, None, Some(&master))
            .expect("authorization");
        s.authorized(channel, &auth);
    }
    s.receive(&subscribed(channel), now);
    assert!(s.all_subscribed(), "the session is not subscribed");
    s
}

fn decode(text: &str) -> Message {
    Message::from_frame(Frame::parse(text).expect("frame"))
}

fn frames(c: &mut Criterion) {
    let small = event_frame("dashboard-updates", "system_notification", SMALL_DATA);
    let large = event_frame("orders", "order_updated", &large_data());
    let presence = presence_frame("presence-classroom-101", 100);

    let mut g = c.benchmark_group("decode");
    for (name, text) in [
        ("small event", &small),
        ("2 KB event", &large),
        ("presence subscription_succeeded, 100 members", &presence),
    ] {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("{name} ({} B)", text.len()), |b| {
            b.iter(|| decode(black_box(text)))
        });
    }
    g.finish();

    let now = Instant::now() + Duration::from_secs(1);
    let mut g = c.benchmark_group("session");
    g.throughput(Throughput::Elements(1));
    for (channel, text) in [("dashboard-updates", &small), ("orders", &large)] {
        let mut s = open_session(channel, now);
        let label = if text.len() > 1000 { "2 KB" } else { "small" };
        g.bench_function(format!("receive a {label} event ({} B)", text.len()), |b| {
            b.iter(|| s.receive(black_box(text), now))
        });
    }

    let channel = "private-encrypted-dashboard";
    let master = MasterKey::from_base64(MASTER_KEY).expect("master key");
    let sealed = master.encrypt(channel, &[7; 24], SMALL_DATA.as_bytes());
    let text = event_frame(channel, "system_notification", &sealed);
    let mut s = open_session(channel, now);
    // Once, untimed: the event really is decrypted, not delivered as undecryptable.
    match s.receive(&text, now).as_slice() {
        [Output::Event(d)]
            if d.undecryptable.is_none()
                && d.data
                    .as_ref()
                    .is_some_and(|v| v.decoded()["title"] == "System Update") => {}
        other => panic!("not decrypted: {other:?}"),
    }
    g.bench_function(
        format!(
            "receive and decrypt a small encrypted event ({} B)",
            text.len()
        ),
        |b| b.iter(|| s.receive(black_box(&text), now)),
    );
    g.finish();

    // Per-frame work must not grow with the number of channels a tail holds.
    let mut g = c.benchmark_group("session with many channels");
    g.throughput(Throughput::Elements(1));
    for n in [1usize, 1_000, 10_000] {
        let names: Vec<String> = (0..n).map(|i| format!("classroom-{i:05}")).collect();
        let mut s = Session::new(Timing::default(), false);
        for name in &names {
            s.add_channel(name);
        }
        s.opened(now);
        s.receive(ESTABLISHED, now);
        for name in &names {
            s.receive(&subscribed(name), now);
        }
        assert!(s.all_subscribed(), "the session is not subscribed");
        let last = names.last().expect("a channel");
        let text = event_frame(last, "system_notification", SMALL_DATA);
        g.bench_function(format!("receive a small event, {n} channels"), |b| {
            b.iter(|| {
                let out = s.receive(black_box(&text), now);
                black_box(s.all_subscribed());
                out
            })
        });
    }
    g.finish();
}

criterion_group!(benches, frames);
criterion_main!(benches);
