//! JSON for people: compact or indented, coloured when the stream is a terminal.
//! Strings are JSON-escaped, so a server's control, bidi and zero-width characters never
//! reach the terminal. `--json` output goes through `escaped` too (`ui::json_text`).

use std::fmt::Write as _;

use colored::Colorize as _;
use serde_json::Value;

use crate::text::needs_escape;

/// Render `v` on one line (`indent` = None) or indented by that many spaces a level.
pub fn render(v: &Value, color: bool, indent: Option<usize>) -> String {
    let mut out = String::new();
    write_value(&mut out, v, color, indent, 0);
    out
}

fn write_value(out: &mut String, v: &Value, color: bool, indent: Option<usize>, depth: usize) {
    let paint = |s: String, f: fn(&str) -> colored::ColoredString| {
        if color { f(&s).to_string() } else { s }
    };
    match v {
        Value::Null => out.push_str(&paint("null".into(), |s| s.magenta())),
        Value::Bool(b) => out.push_str(&paint(b.to_string(), |s| s.yellow())),
        Value::Number(n) => out.push_str(&paint(n.to_string(), |s| s.cyan())),
        Value::String(s) => out.push_str(&paint(quoted(s), |s| s.green())),
        Value::Array(items) => {
            write_seq(out, '[', ']', items.len(), indent, depth, |out, i| {
                write_value(out, &items[i], color, indent, depth + 1);
            });
        }
        Value::Object(map) => {
            let entries: Vec<(&String, &Value)> = map.iter().collect();
            write_seq(out, '{', '}', entries.len(), indent, depth, |out, i| {
                let (k, v) = entries[i];
                out.push_str(&paint(quoted(k), |s| s.blue().bold()));
                out.push_str(if indent.is_some() { ": " } else { ":" });
                write_value(out, v, color, indent, depth + 1);
            });
        }
    }
}

fn write_seq(
    out: &mut String,
    open: char,
    close: char,
    len: usize,
    indent: Option<usize>,
    depth: usize,
    mut item: impl FnMut(&mut String, usize),
) {
    out.push(open);
    if len == 0 {
        out.push(close);
        return;
    }
    for i in 0..len {
        if i > 0 {
            out.push(',');
        }
        if let Some(n) = indent {
            let _ = write!(out, "\n{:width$}", "", width = n * (depth + 1));
        }
        item(out, i);
    }
    if let Some(n) = indent {
        let _ = write!(out, "\n{:width$}", "", width = n * depth);
    }
    out.push(close);
}

/// A JSON string literal, escaped as `escaped` does.
fn quoted(s: &str) -> String {
    escaped(Value::String(s.to_owned()).to_string())
}

/// JSON text with every character `text::needs_escape` names written as `\uXXXX`
/// (a UTF-16 pair above U+FFFF), still valid JSON that reads back the same. serde_json
/// escapes only U+0000–U+001F; this adds DEL, the C1 controls (U+009B is a CSI to many
/// terminals), the format characters (bidi overrides, zero-width spaces) and the line
/// separators. Outside strings JSON is ASCII, so the whole text can be passed through.
pub fn escaped(json: String) -> String {
    if below_del(json.as_bytes()) || !json.chars().any(needs_escape) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    escape_into(&mut out, &json);
    out
}

/// `escaped`, in place, for the JSON text `out` holds from `start` on (a record written
/// straight into an output buffer).
pub fn escape_from(out: &mut Vec<u8>, start: usize) {
    if below_del(&out[start..]) {
        return;
    }
    let written = out.split_off(start);
    let json = String::from_utf8_lossy(&written);
    if json.chars().any(needs_escape) {
        let mut shown = String::with_capacity(json.len() + 16);
        escape_into(&mut shown, &json);
        out.extend_from_slice(shown.as_bytes());
    } else {
        out.extend_from_slice(&written);
    }
}

/// Every byte is below DEL (`needs_escape` then names none that serde_json has not
/// escaped already), looked at eight at a time.
fn below_del(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let words = bytes.chunks_exact(8);
    let rest = words.remainder();
    // Adding one sets a byte's high bit from 0x7f on; bytes from 0x80 have it already.
    words
        .filter_map(<[u8]>::first_chunk::<8>)
        .map(|w| u64::from_le_bytes(*w))
        .all(|w| (w.wrapping_add(ONES) | w) & HIGH == 0)
        && rest.iter().all(|&b| b < 0x7f)
}

fn escape_into(out: &mut String, json: &str) {
    for c in json.chars() {
        if needs_escape(c) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{unit:04x}");
            }
        } else {
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn compact_matches_serde_without_colour() {
        let v = json!({"a":[1,true,null,"x\u{1b}[2J"],"b":{},"c":[]});
        assert_eq!(render(&v, false, None), v.to_string());
    }

    #[test]
    fn indented_matches_serde_pretty() {
        let v = json!({"a":[1,{"b":"c"}],"d":{}});
        assert_eq!(
            render(&v, false, Some(2)),
            serde_json::to_string_pretty(&v).unwrap()
        );
    }

    #[test]
    fn del_and_c1_controls_are_escaped_as_json() {
        let v = json!({"k\u{9b}": "a\u{7f}b\u{9b}31m"});
        let out = render(&v, false, None);
        assert_eq!(out, r#"{"k\u009b":"a\u007fb\u009b31m"}"#);
        assert_eq!(serde_json::from_str::<Value>(&out).unwrap(), v);
    }

    #[test]
    fn bidi_zero_width_and_astral_format_characters_are_escaped_as_json() {
        let v =
            json!({"channel": "private-\u{202e}nimda", "d": "a\u{200b}b\u{feff}\u{e0041}\u{2028}"});
        let out = render(&v, false, None);
        assert_eq!(
            out,
            r#"{"channel":"private-\u202enimda","d":"a\u200bb\ufeff\udb40\udc41\u2028"}"#
        );
        assert_eq!(serde_json::from_str::<Value>(&out).unwrap(), v);
        assert_eq!(escaped(v.to_string()), out);
        let mut buf = b"{}".to_vec();
        buf.extend_from_slice(v.to_string().as_bytes());
        escape_from(&mut buf, 2);
        assert_eq!(buf, format!("{{}}{out}").into_bytes());
        let plain = json!({"a": "ünïcode ✓ 日本"}).to_string();
        assert_eq!(escaped(plain.clone()), plain);
        let mut buf = plain.clone().into_bytes();
        escape_from(&mut buf, 0);
        assert_eq!(buf, plain.into_bytes());
    }

    #[test]
    fn below_del_is_exact_at_every_offset() {
        for b in 0u8..=255 {
            for len in 1..20 {
                for at in 0..len {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = b;
                    assert_eq!(below_del(&bytes), b < 0x7f, "{b:#x} at {at} of {len}");
                }
            }
        }
        assert!(below_del(b""));
    }

    #[test]
    fn colour_never_lets_control_characters_through() {
        colored::control::set_override(true);
        let out = render(&json!("\u{1b}[31m"), true, None);
        assert!(out.contains("\\u001b"), "{out:?}");
        assert_eq!(
            out.matches('\u{1b}').count(),
            2,
            "only our own colour codes: {out:?}"
        );
    }
}
