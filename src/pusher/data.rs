//! An event's `data`, kept as the frame carried it and decoded only when asked: most
//! events are passed on whole, and their data never needs to become a `Value`.
//!
//! Decoding follows pusher-js: data sent as a string is parsed as JSON when it is JSON
//! and kept as the string when it is not; data sent as JSON itself is taken as it is.

use std::borrow::Cow;

use serde_json::Value;

/// An event's `data`.
#[derive(Debug, Clone, PartialEq)]
pub enum Data {
    /// Sent as a string: JSON text, as the protocol double-encodes data, or plain text.
    Text(String),
    /// Sent as JSON itself (some servers send objects), or made here (member events).
    Value(Value),
}

impl Data {
    /// The frame's `data` as parsed: a string is kept to be decoded when asked.
    pub fn from_wire(data: Value) -> Self {
        match data {
            Value::String(text) => Self::Text(text),
            other => Self::Value(other),
        }
    }

    /// A decrypted payload: text (JSON or not) when it is UTF-8; bytes that are not
    /// cannot be JSON either, and are kept as a string with U+FFFD for what is not UTF-8.
    pub fn from_plaintext(plain: Vec<u8>) -> Self {
        match String::from_utf8(plain) {
            Ok(text) => Self::Text(text),
            Err(e) => Self::Value(Value::String(
                String::from_utf8_lossy(e.as_bytes()).into_owned(),
            )),
        }
    }

    /// The data as pusher-js decodes it.
    pub fn decoded(&self) -> Cow<'_, Value> {
        match self {
            Self::Text(text) => Cow::Owned(
                serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.clone())),
            ),
            Self::Value(v) => Cow::Borrowed(v),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn decoding_follows_pusher_js() {
        assert_eq!(
            Data::Text(r#"{"a":1}"#.into()).decoded().into_owned(),
            json!({"a":1})
        );
        assert_eq!(
            Data::Text("hello".into()).decoded().into_owned(),
            json!("hello")
        );
        assert_eq!(Data::from_wire(json!("5")), Data::Text("5".into()));
        assert_eq!(Data::from_wire(json!({"a":1})), Data::Value(json!({"a":1})));
        assert_eq!(
            Data::from_plaintext(b"{}".to_vec()),
            Data::Text("{}".into())
        );
        assert_eq!(
            Data::from_plaintext(b"{\"a\":\"\xff\"}".to_vec()),
            Data::Value(json!("{\"a\":\"\u{fffd}\"}"))
        );
    }
}
