//! An event's data as the user gives it: JSON or text, edited with `--set`, or the
//! catalogue's example. Pure: reading a file or stdin is the caller's job.
//!
//! Data the user typed is sent byte for byte; only `--set` (an edit the user asked
//! for) and a catalogue example (pretty in the file) are written anew, compactly.

use serde_json::{Map, Value};

use crate::pusher::sign::json_kind;

/// Where the data argument says to read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataArg {
    Inline(String),
    /// `@path`
    File(String),
    /// `-`
    Stdin,
}

impl DataArg {
    pub fn parse(arg: &str) -> DataArg {
        if arg == "-" {
            DataArg::Stdin
        } else if let Some(path) = arg.strip_prefix('@') {
            DataArg::File(path.to_owned())
        } else {
            DataArg::Inline(arg.to_owned())
        }
    }
}

/// Where the data that is sent came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Given,
    Catalogue,
    Empty,
}

/// The data to send, and its JSON value when it is JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct Payload {
    pub data: String,
    pub json: Option<Value>,
    pub origin: Origin,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PayloadError {
    #[error("the data is not valid JSON: {0}")]
    Json(String),
    #[error("--set `{0}` is not of the form path=value")]
    SetForm(String),
    #[error("--set `{path}`: `{at}` is {kind}, not an object, so it cannot hold `{path}`")]
    SetThrough {
        path: String,
        at: String,
        kind: &'static str,
    },
    #[error("--set needs JSON object data to edit, but the data is {0}")]
    SetOnNonObject(&'static str),
}

impl PayloadError {
    pub fn hint(&self) -> &'static str {
        match self {
            Self::Json(_) => "give valid JSON, or pass --text to send the data as plain text",
            Self::SetForm(_) => "write --set type=success or --set meta.count=3",
            Self::SetThrough { .. } | Self::SetOnNonObject(_) => {
                "--set edits fields of a JSON object; give object data or none"
            }
        }
    }
}

/// Whether text is meant as JSON: it starts like an object, array or string.
fn looks_like_json(text: &str) -> bool {
    matches!(text.trim_start().chars().next(), Some('{' | '[' | '"'))
}

/// Data the user gave. JSON is kept byte for byte; text that starts like JSON but
/// is not JSON is refused (unless `as_text`), other text is sent as it is.
pub fn from_text(text: String, as_text: bool) -> Result<Payload, PayloadError> {
    if as_text {
        return Ok(Payload {
            data: text,
            json: None,
            origin: Origin::Given,
        });
    }
    match serde_json::from_str::<Value>(&text) {
        Ok(v) => Ok(Payload {
            data: text,
            json: Some(v),
            origin: Origin::Given,
        }),
        Err(e) if looks_like_json(&text) => Err(PayloadError::Json(e.to_string())),
        Err(_) => Ok(Payload {
            data: text,
            json: None,
            origin: Origin::Given,
        }),
    }
}

/// A JSON value written compactly, e.g. a catalogue example.
pub fn from_value(v: Value, origin: Origin) -> Payload {
    Payload {
        // What `Display` writes, without going through a formatter.
        data: serde_json::to_string(&v).unwrap_or_else(|_| v.to_string()),
        json: Some(v),
        origin,
    }
}

/// A `--set` value: anything that is JSON (`true`, `null`, `75`, `"123"`, `[1,2]`)
/// is that value; anything else is the text as a string.
pub fn set_value(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.to_owned()))
}

/// Apply `path=value` edits (dotted paths make nested objects as needed).
pub fn apply_sets(mut base: Value, sets: &[String]) -> Result<Value, PayloadError> {
    if !base.is_object() {
        return Err(PayloadError::SetOnNonObject(json_kind(&base)));
    }
    for set in sets {
        let (path, text) = set
            .split_once('=')
            .filter(|(p, _)| !p.is_empty() && p.split('.').all(|k| !k.is_empty()))
            .ok_or_else(|| PayloadError::SetForm(set.clone()))?;
        let keys: Vec<&str> = path.split('.').collect();
        let mut at = &mut base;
        for (i, key) in keys.iter().enumerate() {
            let here = keys[..i].join(".");
            let Value::Object(map) = at else {
                return Err(PayloadError::SetThrough {
                    path: path.to_owned(),
                    at: here,
                    kind: json_kind(at),
                });
            };
            if i + 1 == keys.len() {
                map.insert((*key).to_owned(), set_value(text));
                break;
            }
            at = map
                .entry((*key).to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
        }
    }
    Ok(base)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_are_written_as_display_writes_them() {
        let text = r#"{"b":1,"a":[1.5,-0.0,1e300,18446744073709551615,-9223372036854775808],"é\u00e9\/":"tab\t\u0001\"\\ ☃ \ud83d\ude00","n":null,"o":{"t":true}}"#;
        let v: Value = serde_json::from_str(text).unwrap();
        let p = from_value(v.clone(), Origin::Given);
        assert_eq!(p.data, v.to_string());
        assert_eq!(
            p.data,
            r#"{"b":1,"a":[1.5,-0.0,1e+300,18446744073709551615,-9223372036854775808],"éé/":"tab\t\u0001\"\\ ☃ 😀","n":null,"o":{"t":true}}"#
        );
    }

    #[test]
    fn data_args() {
        assert_eq!(DataArg::parse("-"), DataArg::Stdin);
        assert_eq!(DataArg::parse("@a.json"), DataArg::File("a.json".into()));
        assert_eq!(DataArg::parse("{}"), DataArg::Inline("{}".into()));
    }

    #[test]
    fn given_json_is_kept_byte_for_byte() {
        let text = "{ \"b\": 1,  \"a\": [1, 2.50] }";
        let p = from_text(text.into(), false).unwrap();
        assert_eq!(p.data, text);
        assert_eq!(p.json, Some(json!({"b": 1, "a": [1, 2.5]})));
        let s = from_text("\"quoted\"".into(), false).unwrap();
        assert_eq!(s.data, "\"quoted\"");
    }

    #[test]
    fn text_and_broken_json() {
        let t = from_text("Deploy done".into(), false).unwrap();
        assert_eq!((t.data.as_str(), t.json.is_none()), ("Deploy done", true));
        assert!(matches!(
            from_text("{\"a\":".into(), false),
            Err(PayloadError::Json(_))
        ));
        let forced = from_text("{\"a\":".into(), true).unwrap();
        assert_eq!(forced.data, "{\"a\":");
    }

    #[test]
    fn set_values_are_typed() {
        assert_eq!(set_value("true"), json!(true));
        assert_eq!(set_value("null"), json!(null));
        assert_eq!(set_value("75"), json!(75));
        assert_eq!(set_value("-1.5"), json!(-1.5));
        assert_eq!(set_value("Deploy done"), json!("Deploy done"));
        assert_eq!(set_value("\"123\""), json!("123"));
        assert_eq!(set_value("[1,2]"), json!([1, 2]));
        assert_eq!(set_value("{broken"), json!("{broken"));
        assert_eq!(set_value("+1"), json!("+1"));
        assert_eq!(set_value("1."), json!("1."));
        assert_eq!(set_value("NaN"), json!("NaN"));
        assert_eq!(set_value("inf"), json!("inf"));
        assert_eq!(set_value(""), json!(""));
    }

    #[test]
    fn sets_edit_nested_paths() {
        let base = json!({"type": "info", "meta": {"a": 1}});
        let out = apply_sets(
            base,
            &[
                "type=success".into(),
                "message=Deploy done".into(),
                "meta.b.c=2".into(),
            ],
        )
        .unwrap();
        assert_eq!(
            out,
            json!({"type": "success", "meta": {"a": 1, "b": {"c": 2}}, "message": "Deploy done"})
        );
        assert_eq!(
            from_value(out, Origin::Given).data,
            r#"{"type":"success","meta":{"a":1,"b":{"c":2}},"message":"Deploy done"}"#
        );
        assert!(matches!(
            apply_sets(json!({}), &["novalue".into()]),
            Err(PayloadError::SetForm(_))
        ));
        assert!(matches!(
            apply_sets(json!({}), &["a..b=1".into()]),
            Err(PayloadError::SetForm(_))
        ));
        assert!(matches!(
            apply_sets(json!({}), &["=1".into()]),
            Err(PayloadError::SetForm(_))
        ));
        assert!(matches!(
            apply_sets(json!({"a": 1}), &["a.b=1".into()]),
            Err(PayloadError::SetThrough { .. })
        ));
        assert!(matches!(
            apply_sets(json!([1]), &["a=1".into()]),
            Err(PayloadError::SetOnNonObject(_))
        ));
        // The value keeps everything after the first `=`.
        assert_eq!(
            apply_sets(json!({}), &["q=a=b".into()]).unwrap(),
            json!({"q": "a=b"})
        );
    }
}
