//! CPU cost per event of what `trigger` does before sending: build the body,
//! MD5 it, sign the request. Run with `cargo bench --bench signing`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rtctl::pusher::event::{BatchItem, Event};
use rtctl::pusher::rest::{self, sign};
use rtctl::pusher::sign::authorize_channel;

const DATA: &str = r#"{"type":"info","title":"System Update","message":"New features have been deployed","timestamp":"2024-01-01T12:00:00Z","action_url":"/features/new","expires_at":"2024-01-02T12:00:00Z"}"#;

fn signing(c: &mut Criterion) {
    let event = Event {
        name: "system_notification".into(),
        data: DATA.into(),
        channels: vec!["dashboard-updates".into()],
        socket_id: None,
    };
    let mut g = c.benchmark_group("trigger");
    g.throughput(Throughput::Elements(1));
    g.bench_function("sign one event", |b| {
        b.iter(|| {
            let req = rest::trigger("123456", black_box(&event), &[]);
            sign(
                req,
                "278d425bdf160c739803",
                "7ad3773142a6692b25b8",
                1_353_088_179,
            )
        })
    });
    let items: Vec<BatchItem> = (0..10)
        .map(|i| BatchItem {
            channel: format!("private-user-{i}"),
            name: "personal_notification".into(),
            data: DATA.into(),
            socket_id: None,
        })
        .collect();
    g.throughput(Throughput::Elements(10));
    g.bench_function("sign a batch of 10", |b| {
        b.iter(|| {
            let req = rest::trigger_batch("123456", black_box(&items));
            sign(
                req,
                "278d425bdf160c739803",
                "7ad3773142a6692b25b8",
                1_353_088_179,
            )
        })
    });
    g.finish();

    let mut g = c.benchmark_group("auth");
    g.throughput(Throughput::Elements(1));
    g.bench_function("presence channel", |b| {
        b.iter(|| {
            authorize_channel(
                "278d425bdf160c739803",
                "7ad3773142a6692b25b8",
                black_box("1234.1234"),
                "presence-classroom-101",
                Some(r#"{"user_id":"12345","user_info":{"name":"John Doe","role":"student"}}"#),
                None,
            )
        })
    });
    g.finish();
}

criterion_group!(benches, signing);
criterion_main!(benches);
