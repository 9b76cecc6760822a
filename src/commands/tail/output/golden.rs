//! The exact bytes `tail` writes for events, recorded from the `Value`-based printer
//! (before records were written straight from the frame's text): a broad set of events,
//! each as its `--json` record and as a line for people, with colour and without.

use std::time::{Duration, SystemTime};

use serde_json::{Value, json};

use super::*;
use crate::pusher::crypto::DecryptError;
use crate::pusher::frame::Frame;

/// 2024-02-29T23:59:59.999Z: a leap day, a millisecond before the next.
fn at() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_millis(1_709_251_199_999)
}

/// An event frame as a server sends it, through the same decoding as a real one.
fn delivery(frame: &Value) -> Delivery {
    let f = Frame::parse(&frame.to_string()).expect("frame");
    Delivery {
        channel: f.channel,
        event: f.event,
        data: f.data,
        user_id: f.user_id,
        undecryptable: None,
    }
}

/// `data` sent as a string (the protocol's double encoding).
fn encoded(channel: &str, event: &str, data: &str) -> Delivery {
    delivery(&json!({ "event": event, "channel": channel, "data": data }))
}

fn nested(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

fn wide(keys: usize, repeat_first: bool) -> String {
    let mut fields: Vec<String> = (0..keys).map(|i| format!("\"k{i}\":{i}")).collect();
    if repeat_first {
        fields.push("\"k0\":\"again\"".to_owned());
    }
    format!("{{{}}}", fields.join(","))
}

/// Every case: a name and the event.
fn cases() -> Vec<(&'static str, Delivery)> {
    let mut out = vec![
        (
            "typical",
            encoded("tailjs", "tick", r#"{"n":0,"message":"xxxxxxxxxx"}"#),
        ),
        (
            "whitespace and key order",
            encoded(
                "c",
                "e",
                " {\n \"z\" : [ 1 , 2 ] ,\t\"a\" : { } , \"m\":[] } \n",
            ),
        ),
        ("plain text", encoded("c", "e", "hello world")),
        ("empty text", encoded("c", "e", "")),
        (
            "json string literal",
            encoded("c", "e", r#""quoted \"inner\"""#),
        ),
        ("json null", encoded("c", "e", "null")),
        ("json true", encoded("c", "e", " true ")),
        ("json number", encoded("c", "e", "123")),
        ("trailing text", encoded("c", "e", r#"{"a":1} x"#)),
        ("two values", encoded("c", "e", "1 2")),
        ("unclosed", encoded("c", "e", r#"{"a":[1,2"#)),
        (
            "integers",
            encoded(
                "c",
                "e",
                r#"{"u":18446744073709551615,"i":-9223372036854775808,"over":18446744073709551616,"under":-9223372036854775809,"zero":0,"negzero":-0,"long":123456789012345678901234567890}"#,
            ),
        ),
        (
            "floats",
            encoded(
                "c",
                "e",
                r#"[0.1,1.5e300,1e-7,10.0,1E3,-1.0E-5,5e-324,1.7976931348623157e308,1e16,1e15,123.456,-0.0,2.5E+10,0.30000000000000004]"#,
            ),
        ),
        ("float out of range", encoded("c", "e", "[1e400]")),
        (
            "escapes",
            encoded(
                "c",
                "e",
                r#"{"q":"\"\\\/\b\f\n\r\t","u":"\u0041\u00e9\u65e5","nul":"a\u0000b","s":"\ud83d\ude00"}"#,
            ),
        ),
        ("lone surrogate", encoded("c", "e", r#"{"s":"\ud800"}"#)),
        (
            "terminal controls",
            encoded(
                "c",
                "e",
                "{\"k\u{7}\":\"a\u{1b}[31m b\u{9b}31m c\u{7f} d\u{85} e\u{202e}nimda f\u{200b} g\u{2028}\u{2029} h\u{feff} i\u{e0041} j\u{ad}\"}",
            ),
        ),
        (
            "escaped terminal controls",
            encoded(
                "c",
                "e",
                r#"{"k\u0007":"a\u001b[31m b\u009b31m c\u007f d\u0085 e\u202enimda f\u200b g\u2028\u2029 h\ufeff i\udb40\udc41 j\u00ad"}"#,
            ),
        ),
        (
            "format characters in JSON",
            encoded(
                "c",
                "e",
                "{\"a\u{7f}b\":\"\u{9b}c\u{202e}d\u{200b}e\u{2028}f\u{feff}g\u{e0041}h\u{85}i\u{61c}\"}",
            ),
        ),
        (
            "plain text with controls",
            encoded("c", "e", "not json \u{1b}[2J\u{202e}\u{7f}\u{9b}\n\t end"),
        ),
        (
            "unicode",
            encoded(
                "c",
                "e",
                r#"{"ja":"日本語","emoji":"😀👍🏽","combining":"e\u0301","rtl":"עברית","ñ":"ünïcode ✓","zwj":"👨‍👩‍👧"}"#,
            ),
        ),
        (
            "duplicate keys",
            encoded("c", "e", r#"{"a":1,"b":2,"a":3}"#),
        ),
        (
            "nested duplicate keys",
            encoded("c", "e", r#"[{"x":{"y":1,"y":{"z":2}}},{"x":1,"x":1}]"#),
        ),
        (
            "escaped duplicate keys",
            encoded("c", "e", r#"{"a":1,"\u0061":2}"#),
        ),
        (
            "same key in sibling objects",
            encoded("c", "e", r#"[{"a":1},{"a":2}]"#),
        ),
        (
            "nested",
            encoded(
                "c",
                "e",
                r#"{"a":[1,[2,[3,{"b":null,"c":true,"d":false}]]],"e":{},"f":[],"g":[{}],"h":{"i":{"j":{"k":"l"}}}}"#,
            ),
        ),
        ("depth 127", encoded("c", "e", &nested(127))),
        ("depth 128", encoded("c", "e", &nested(128))),
        ("depth 129", encoded("c", "e", &nested(129))),
        ("32 keys", encoded("c", "e", &wide(32, false))),
        ("70 keys", encoded("c", "e", &wide(70, false))),
        (
            "70 keys, the first again",
            encoded("c", "e", &wide(70, true)),
        ),
        (
            "2 KB",
            encoded("orders", "order_updated", &{
                let items: Vec<Value> = (0..20)
                    .map(|i| json!({ "id": i, "sku": format!("SKU-{i:05}"), "name": "Widget, blue, large", "qty": i * 3, "price": 19.99 }))
                    .collect();
                json!({ "order": "ORD-2024-000123", "customer": "c_8f2b", "items": items })
                    .to_string()
            }),
        ),
        (
            "object data",
            delivery(
                &json!({ "event": "e", "channel": "c", "data": { "a": [1, "two", null], "b": { "c": 1.5 } } }),
            ),
        ),
        (
            "number data",
            delivery(&json!({ "event": "e", "channel": "c", "data": 42 })),
        ),
        (
            "null data",
            delivery(&json!({ "event": "e", "channel": "c", "data": null })),
        ),
        (
            "no data",
            delivery(&json!({ "event": "e", "channel": "c" })),
        ),
        ("no channel", encoded_without_channel()),
        (
            "odd names",
            encoded(
                "private-\u{9b}\u{202e}x",
                "client-\u{1b}[2J\u{200b}ev\"ent\\",
                "{}",
            ),
        ),
        (
            "presence client event",
            delivery(
                &json!({ "event": "client-typing", "channel": "presence-x", "data": "{\"typing\":true}", "user_id": "user-\u{202e}9\"" }),
            ),
        ),
        (
            "numeric user id",
            delivery(
                &json!({ "event": "client-typing", "channel": "presence-x", "data": "{}", "user_id": 42 }),
            ),
        ),
    ];
    let mut sealed = encoded(
        "private-encrypted-x",
        "secret",
        r#"{"nonce":"bm9ub25jZQ==","ciphertext":"Y2lwaGVy"}"#,
    );
    sealed.undecryptable = Some(DecryptError::NonceLength(6));
    out.push(("undecryptable", sealed));
    let mut shape = encoded("private-encrypted-x", "secret", "not sealed");
    shape.undecryptable = Some(DecryptError::Shape);
    out.push(("undecryptable text", shape));
    out
}

fn encoded_without_channel() -> Delivery {
    delivery(&json!({ "event": "pusher:signin_success_like", "data": "{\"x\":1}" }))
}

fn printer(json: bool, color: bool, expand: bool) -> Printer {
    colored::control::set_override(true);
    Printer::new(
        Settings {
            ui: Ui {
                color_out: color,
                color_err: false,
                stdin_is_tty: false,
                stderr_is_tty: false,
                stdout_redraws: false,
            },
            json,
            raw: false,
            expand,
            filter: Filter::default(),
            count: None,
            ready_file: None,
            named: Vec::new(),
            sends: Vec::new(),
            auth_source: AuthSource::Local,
            observer: None,
            ready: watch::channel(false).0,
        },
        "ws://127.0.0.1:1".to_owned(),
    )
}

/// Each event as its `--json` record, and as a line for people: plain, coloured, and
/// coloured with `--expand`. Written with `{:?}`, so control characters show as escapes;
/// the local clock shows as `{time}`.
#[test]
fn events_are_written_byte_for_byte_as_before() {
    let printers = [
        printer(false, false, false),
        printer(false, true, false),
        printer(false, true, true),
    ];
    let clock = time::local_clock(at());
    let mut text = String::new();
    for (name, d) in cases() {
        let mut record = Vec::new();
        write_event_record(&mut record, &mut time::RecordClock::default(), &d, at());
        let record = String::from_utf8(record).expect("UTF-8");
        let record = record.strip_suffix('\n').expect("one line");
        text.push_str(&format!("# {name}\n{record:?}\n"));
        for p in &printers {
            let line = p.event_line(&d, at()).replacen(&clock, "{time}", 1);
            text.push_str(&format!("{line:?}\n"));
        }
    }
    insta::assert_snapshot!("events", text);
}
