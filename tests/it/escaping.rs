//! What people see: text from a server that holds bidi overrides, zero-width or other
//! format characters is shown escaped by `tail`, as `webhook listen` shows it (see
//! tests/it/webhook.rs), through the one escaper in `src/text.rs`. `--json` writes them
//! as `\uXXXX`, which any JSON parser reads back as the same text.

use crate::common;

use common::{Server, TestEnv};
use serde_json::{Value, json};

/// Reads as "admin" then, reversed, "exe.txt": the file name a person would see.
const SPOOF: &str = "admin\u{202e}txt.exe";

fn trigger(env: &TestEnv, channel: &str, data: &str) {
    env.rtctl()
        .args(["trigger", channel, "notice", data, "--no-validate"])
        .assert()
        .success();
}

fn raw(text: &str) -> bool {
    text.contains('\u{202e}') || text.contains('\u{200b}')
}

#[test]
fn tail_escapes_bidi_and_zero_width_characters_in_events() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let object = json!({ "file": SPOOF }).to_string();
    let string = format!("zero\u{200b}width {SPOOF}");

    for json_lines in [false, true] {
        let channel = if json_lines {
            "escape-json"
        } else {
            "escape-human"
        };
        let ready = env.work_dir().join(format!("{channel}.ready"));
        let mut args = vec![
            "tail",
            channel,
            "--count",
            "2",
            "--ready-file",
            ready.to_str().unwrap(),
        ];
        if json_lines {
            args.push("--json");
        }
        let run = env.spawn(&args);
        common::eventually("tail to subscribe", || ready.exists().then_some(()));
        trigger(&env, channel, &object);
        trigger(&env, channel, &string);
        let (code, lines, stderr) = run.finish();
        assert_eq!(code, Some(0), "{stderr}");
        let out = lines.join("\n");
        assert!(!raw(&out), "shown raw: {out}");
        if json_lines {
            let events: Vec<Value> = lines
                .iter()
                .map(|l| serde_json::from_str::<Value>(l).unwrap())
                .filter(|v| v["type"] == "event")
                .collect();
            // Escaped for the terminal, the same text for a parser.
            assert_eq!(events[0]["data"], json!({ "file": SPOOF }));
            assert_eq!(events[1]["data"], string.as_str());
            assert!(out.contains(r"admin\u202etxt.exe"), "{out}");
            assert!(out.contains(r"zero\u200bwidth"), "{out}");
        } else {
            assert!(out.contains(r"admin\u202etxt.exe"), "JSON data: {out}");
            assert!(
                out.contains(r"zero\u{200b}width admin\u{202e}txt.exe"),
                "string data: {out}"
            );
        }
    }
}
