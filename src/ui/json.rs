//! JSON for people: compact or indented, coloured when the stream is a terminal.
//! Strings are JSON-escaped, so a server's control characters never reach the terminal.

use std::fmt::Write as _;

use colored::Colorize as _;
use serde_json::Value;

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

/// A JSON string literal. serde_json escapes U+0000–U+001F; DEL and the C1 controls
/// (U+009B is a CSI to many terminals) are escaped here too, still as valid JSON.
fn quoted(s: &str) -> String {
    let json = Value::String(s.to_owned()).to_string();
    if !json.chars().any(char::is_control) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 8);
    for c in json.chars() {
        if c.is_control() {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
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
