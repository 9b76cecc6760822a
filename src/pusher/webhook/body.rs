//! Webhook bodies (`{"time_ms":…,"events":[…]}`): written as servers send them, parsed,
//! and checked event by event.

use serde_json::{Map, Value};

use super::event::{Event, EventError};
use crate::pusher::sign::json_kind;

/// A webhook body: `{"time_ms":…,"events":[…]}`, compact, as servers send it.
pub fn body(time_ms: u64, events: &[Event]) -> String {
    let mut b = Map::new();
    b.insert("time_ms".into(), Value::from(time_ms));
    b.insert(
        "events".into(),
        Value::Array(
            events
                .iter()
                .map(|e| Value::Object(e.raw.clone()))
                .collect(),
        ),
    );
    Value::Object(b).to_string()
}

/// Why a body is not a webhook at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BodyError {
    #[error("the body is empty")]
    Empty,
    #[error("the body is not JSON: {0}")]
    NotJson(String),
    #[error("the body must be a JSON object, got {0}")]
    NotObject(&'static str),
    #[error("the body has no `time_ms`")]
    NoTime,
    #[error("`time_ms` must be a whole number of milliseconds, got {0}")]
    BadTime(&'static str),
    #[error("the body has no `events`")]
    NoEvents,
    #[error("`events` must be an array, got {0}")]
    EventsNotArray(&'static str),
    #[error("`events` is empty")]
    EventsEmpty,
    #[error("event {index} must be a JSON object, got {got}")]
    EventNotObject { index: usize, got: &'static str },
}

/// A parsed webhook body.
#[derive(Debug, Clone, PartialEq)]
pub struct Body {
    pub time_ms: u64,
    pub events: Vec<Event>,
}

impl Body {
    /// Each event that breaks the protocol's rules, by its 1-based position.
    pub fn problems(&self) -> Vec<(usize, EventError)> {
        self.events
            .iter()
            .enumerate()
            .filter_map(|(i, e)| e.check().err().map(|err| (i + 1, err)))
            .collect()
    }
}

/// Parse a body's shape. The events are not checked: see [`Body::problems`] and [`validate`].
pub fn parse(bytes: &[u8]) -> Result<Body, BodyError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(BodyError::Empty);
    }
    let v: Value = serde_json::from_slice(bytes).map_err(|e| BodyError::NotJson(e.to_string()))?;
    let Value::Object(mut map) = v else {
        return Err(BodyError::NotObject(json_kind(&v)));
    };
    let time_ms = match map.get("time_ms") {
        None => return Err(BodyError::NoTime),
        Some(Value::Number(n)) => n.as_u64().ok_or(BodyError::BadTime("a number"))?,
        Some(other) => return Err(BodyError::BadTime(json_kind(other))),
    };
    let events = match map.remove("events") {
        None => return Err(BodyError::NoEvents),
        Some(Value::Array(items)) => items,
        Some(other) => return Err(BodyError::EventsNotArray(json_kind(&other))),
    };
    if events.is_empty() {
        return Err(BodyError::EventsEmpty);
    }
    let events = events
        .into_iter()
        .enumerate()
        .map(|(i, e)| match e {
            Value::Object(raw) => Ok(Event { raw }),
            other => Err(BodyError::EventNotObject {
                index: i + 1,
                got: json_kind(&other),
            }),
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Body { time_ms, events })
}

/// Why a body is not a valid webhook.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidBody {
    #[error(transparent)]
    Body(#[from] BodyError),
    #[error("event {index}: {error}")]
    Event { index: usize, error: EventError },
}

/// Parse a body and check every event: what `replay` sends and `fixture` makes.
pub fn validate(bytes: &[u8]) -> Result<Body, InvalidBody> {
    let body = parse(bytes)?;
    if let Some((index, error)) = body.problems().into_iter().next() {
        return Err(InvalidBody::Event { index, error });
    }
    Ok(body)
}

/// The same body with `time_ms` set, written compactly; every other field is kept in order.
pub fn with_time(bytes: &[u8], time_ms: u64) -> Result<String, BodyError> {
    parse(bytes)?;
    let mut v: Value =
        serde_json::from_slice(bytes).map_err(|e| BodyError::NotJson(e.to_string()))?;
    if let Value::Object(map) = &mut v {
        map.insert("time_ms".into(), Value::from(time_ms));
    }
    Ok(v.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_that_are_not_webhooks() {
        let cases: [(&[u8], BodyError); 8] = [
            (b"", BodyError::Empty),
            (b"  \n", BodyError::Empty),
            (b"[1]", BodyError::NotObject("an array")),
            (br#"{"events":[]}"#, BodyError::NoTime),
            (
                br#"{"time_ms":"1","events":[]}"#,
                BodyError::BadTime("a string"),
            ),
            (br#"{"time_ms":1}"#, BodyError::NoEvents),
            (
                br#"{"time_ms":1,"events":{}}"#,
                BodyError::EventsNotArray("an object"),
            ),
            (br#"{"time_ms":1,"events":[]}"#, BodyError::EventsEmpty),
        ];
        for (bytes, want) in cases {
            assert_eq!(
                parse(bytes),
                Err(want),
                "{}",
                String::from_utf8_lossy(bytes)
            );
        }
        assert!(matches!(parse(b"hello"), Err(BodyError::NotJson(_))));
        assert_eq!(
            parse(br#"{"time_ms":1,"events":[3]}"#),
            Err(BodyError::EventNotObject {
                index: 1,
                got: "a number"
            })
        );
        let e = validate(br#"{"time_ms":1,"events":[{"name":"channel_occupied","channel":"a"},{"name":"nope","channel":"a"}]}"#).unwrap_err();
        assert_eq!(e.to_string(), "event 2: `nope` is not a webhook event type");
    }

    #[test]
    fn time_can_be_rewritten() {
        let b =
            br#"{ "time_ms": 1, "events": [{"name":"channel_occupied","channel":"a"}], "x": 1 }"#;
        assert_eq!(
            with_time(b, 99).unwrap(),
            r#"{"time_ms":99,"events":[{"name":"channel_occupied","channel":"a"}],"x":1}"#
        );
        assert!(with_time(b"nope", 1).is_err());
    }
}
