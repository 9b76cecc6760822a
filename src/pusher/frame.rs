//! WebSocket frames of protocol 7: decoding what a server sends, encoding what a client sends.
//!
//! Decoding follows pusher-js: the frame is JSON with an `event`; a string `data` is
//! parsed as JSON when it is JSON and kept as a string when it is not; an object `data`
//! (what some servers send) is taken as it is.

use serde::Deserialize;
use serde_json::{Value, json};

/// The protocol version rtctl speaks.
pub const PROTOCOL: u32 = 7;

/// Why a frame could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FrameError {
    #[error("the frame is not JSON: {0}")]
    NotJson(String),
    #[error("the frame has no `event` name")]
    NoEvent,
}

/// One decoded frame.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub event: String,
    pub channel: Option<String>,
    /// `None` when the frame has no `data` (soketi's subscription_succeeded, Reverb's pong).
    pub data: Option<Value>,
    /// Present on client events of presence channels: who sent it.
    pub user_id: Option<String>,
}

#[derive(Deserialize)]
struct Wire {
    event: Option<String>,
    channel: Option<String>,
    data: Option<Value>,
    user_id: Option<Value>,
}

impl Frame {
    pub fn parse(text: &str) -> Result<Self, FrameError> {
        let wire: Wire =
            serde_json::from_str(text).map_err(|e| FrameError::NotJson(e.to_string()))?;
        let event = wire.event.ok_or(FrameError::NoEvent)?;
        let data = wire.data.map(|d| match d {
            Value::String(s) => serde_json::from_str(&s).unwrap_or(Value::String(s)),
            other => other,
        });
        let user_id = wire.user_id.and_then(|v| match v {
            Value::String(s) => Some(s),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        });
        Ok(Self {
            event,
            channel: wire.channel,
            data,
            user_id,
        })
    }

    /// A string field of an object `data`.
    fn field(&self, name: &str) -> Option<&str> {
        self.data.as_ref()?.get(name)?.as_str()
    }
}

/// A presence channel's members: ids in the order the server gave, each with its info.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Members {
    pub list: Vec<(String, Value)>,
}

impl Members {
    /// From `{"presence":{"ids":[…],"hash":{id: info},"count":n}}`.
    fn from_subscription(data: Option<&Value>) -> Option<Self> {
        let presence = data?.get("presence")?;
        let hash = presence.get("hash").and_then(Value::as_object);
        let info = |id: &str| hash.and_then(|h| h.get(id)).cloned().unwrap_or(Value::Null);
        let mut list: Vec<(String, Value)> = match presence.get("ids").and_then(Value::as_array) {
            Some(ids) => ids.iter().filter_map(id_text).map(|id| {
                let i = info(&id);
                (id, i)
            }),
            None => return Some(Self::from_hash(hash)),
        }
        .collect();
        if list.is_empty() {
            list = Self::from_hash(hash).list;
        }
        Some(Self { list })
    }

    fn from_hash(hash: Option<&serde_json::Map<String, Value>>) -> Self {
        Self {
            list: hash
                .map(|h| h.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
                .unwrap_or_default(),
        }
    }

    pub fn add(&mut self, user_id: &str, info: Value) {
        match self.list.iter_mut().find(|(id, _)| id == user_id) {
            Some(entry) => entry.1 = info,
            None => self.list.push((user_id.to_owned(), info)),
        }
    }

    pub fn remove(&mut self, user_id: &str) {
        self.list.retain(|(id, _)| id != user_id);
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn to_json(&self) -> Value {
        Value::Array(
            self.list
                .iter()
                .map(|(id, info)| json!({ "user_id": id, "user_info": info }))
                .collect(),
        )
    }
}

/// User ids are strings in the protocol; some servers send numbers.
fn id_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A small number field of an error's data (`code`, `status`).
fn code_in(data: Option<&Value>, key: &str) -> Option<u16> {
    data?.get(key)?.as_u64().and_then(|c| u16::try_from(c).ok())
}

/// An error's text: the data itself when it is a string (Reverb), else the first of
/// `keys` that holds a string.
fn text_in(data: Option<&Value>, keys: &[&str]) -> String {
    match data {
        Some(Value::String(s)) => s.clone(),
        Some(d) => keys
            .iter()
            .find_map(|k| d.get(*k).and_then(Value::as_str))
            .unwrap_or_default()
            .to_owned(),
        None => String::new(),
    }
}

/// What a frame means to a client.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    ConnectionEstablished {
        socket_id: String,
        /// Seconds; `None` when the server sent none (protocol < 7 servers).
        activity_timeout: Option<u64>,
    },
    /// `pusher:error`: `code` is absent on some of Pusher's own errors.
    Error {
        code: Option<u16>,
        message: String,
        channel: Option<String>,
    },
    Ping,
    Pong,
    SubscriptionSucceeded {
        channel: String,
        members: Option<Members>,
    },
    /// `pusher:subscription_error` (soketi and others send it for refused subscriptions).
    SubscriptionError {
        channel: String,
        status: Option<u16>,
        message: String,
    },
    MemberAdded {
        channel: String,
        user_id: String,
        user_info: Value,
    },
    MemberRemoved {
        channel: String,
        user_id: String,
    },
    SigninSuccess {
        user_data: Option<String>,
    },
    /// Anything else: app events, client events, cache misses, subscription counts,
    /// server extensions. Shown as they are.
    Event(Frame),
}

impl Message {
    pub fn from_frame(frame: Frame) -> Self {
        let channel = frame.channel.clone().unwrap_or_default();
        match frame.event.as_str() {
            "pusher:connection_established" => match frame.field("socket_id") {
                Some(id) => Self::ConnectionEstablished {
                    socket_id: id.to_owned(),
                    activity_timeout: frame
                        .data
                        .as_ref()
                        .and_then(|d| d.get("activity_timeout"))
                        .and_then(Value::as_u64),
                },
                None => Self::Event(frame),
            },
            "pusher:error" => Self::Error {
                code: code_in(frame.data.as_ref(), "code"),
                message: text_in(frame.data.as_ref(), &["message"]),
                channel: frame.channel,
            },
            "pusher:ping" => Self::Ping,
            "pusher:pong" => Self::Pong,
            "pusher_internal:subscription_succeeded" if frame.channel.is_some() => {
                Self::SubscriptionSucceeded {
                    members: Members::from_subscription(frame.data.as_ref()),
                    channel,
                }
            }
            "pusher:subscription_error" if frame.channel.is_some() => Self::SubscriptionError {
                status: code_in(frame.data.as_ref(), "status"),
                message: text_in(frame.data.as_ref(), &["error", "message", "type"]),
                channel,
            },
            "pusher_internal:member_added" if frame.channel.is_some() => {
                match frame
                    .data
                    .as_ref()
                    .and_then(|d| d.get("user_id"))
                    .and_then(id_text)
                {
                    Some(user_id) => Self::MemberAdded {
                        user_info: frame
                            .data
                            .as_ref()
                            .and_then(|d| d.get("user_info"))
                            .cloned()
                            .unwrap_or(Value::Null),
                        user_id,
                        channel,
                    },
                    None => Self::Event(frame),
                }
            }
            "pusher_internal:member_removed" if frame.channel.is_some() => {
                match frame
                    .data
                    .as_ref()
                    .and_then(|d| d.get("user_id"))
                    .and_then(id_text)
                {
                    Some(user_id) => Self::MemberRemoved { channel, user_id },
                    None => Self::Event(frame),
                }
            }
            "pusher:signin_success" => Self::SigninSuccess {
                user_data: frame.field("user_data").map(str::to_owned),
            },
            _ => Self::Event(frame),
        }
    }
}

/// `pusher:subscribe`. Public channels carry an empty `auth`, as pusher-js sends.
pub fn subscribe(channel: &str, auth: Option<&str>, channel_data: Option<&str>) -> String {
    let mut data = json!({ "auth": auth.unwrap_or(""), "channel": channel });
    if let Some(cd) = channel_data {
        data["channel_data"] = Value::String(cd.to_owned());
    }
    json!({ "event": "pusher:subscribe", "data": data }).to_string()
}

pub fn unsubscribe(channel: &str) -> String {
    json!({ "event": "pusher:unsubscribe", "data": { "channel": channel } }).to_string()
}

pub fn ping() -> String {
    r#"{"event":"pusher:ping","data":{}}"#.to_owned()
}

pub fn pong() -> String {
    r#"{"event":"pusher:pong","data":{}}"#.to_owned()
}

pub fn signin(auth: &str, user_data: &str) -> String {
    json!({ "event": "pusher:signin", "data": { "auth": auth, "user_data": user_data } })
        .to_string()
}

/// A client event: `data` goes as a JSON value, as pusher-js sends it.
pub fn client_event(channel: &str, event: &str, data: &Value) -> String {
    json!({ "event": event, "channel": channel, "data": data }).to_string()
}

/// Events the protocol and libraries use for themselves, not the app's own.
pub fn is_internal(event: &str) -> bool {
    event.starts_with("pusher:") || event.starts_with("pusher_internal:")
}

/// The connection URL's path and query: `/app/{key}?protocol=7&client=rtctl&version=…`.
pub fn connect_path(key: &str, version: &str) -> String {
    let key = super::rest::path_segment(key);
    format!("/app/{key}?protocol={PROTOCOL}&client=rtctl&version={version}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(text: &str) -> Message {
        Message::from_frame(Frame::parse(text).expect("frame"))
    }

    #[test]
    fn numbers_in_data_read_exactly_as_sent() {
        // serde_json's default float parsing is off by one unit in the last place for
        // some numbers (found by the frame round-trip property): tail would show a
        // number the server never sent.
        let f = Frame::parse(r#"{"event":"e","data":"[1.8686793137103987e-298]"}"#).unwrap();
        assert_eq!(f.data.unwrap().to_string(), "[1.8686793137103987e-298]");
    }

    #[test]
    fn string_data_is_decoded_and_plain_strings_kept() {
        let f = Frame::parse(r#"{"event":"e","channel":"c","data":"{\"a\":1}"}"#).unwrap();
        assert_eq!(f.data, Some(json!({"a":1})));
        let f = Frame::parse(r#"{"event":"e","channel":"c","data":"hello"}"#).unwrap();
        assert_eq!(f.data, Some(json!("hello")));
        let f = Frame::parse(r#"{"event":"e","channel":"c","data":{"a":1}}"#).unwrap();
        assert_eq!(f.data, Some(json!({"a":1})));
        let f = Frame::parse(r#"{"event":"e"}"#).unwrap();
        assert_eq!(f.data, None);
    }

    #[test]
    fn bad_frames_are_errors_not_panics() {
        assert!(matches!(Frame::parse("nope"), Err(FrameError::NotJson(_))));
        assert!(matches!(Frame::parse("[1]"), Err(FrameError::NotJson(_))));
        assert_eq!(Frame::parse(r#"{"data":"x"}"#), Err(FrameError::NoEvent));
        assert!(Frame::parse(r#"{"event":5}"#).is_err());
    }

    #[test]
    fn connection_established_from_the_docs() {
        assert_eq!(
            msg(
                r#"{"event":"pusher:connection_established","data":"{\"socket_id\":\"123.456\",\"activity_timeout\":120}"}"#
            ),
            Message::ConnectionEstablished {
                socket_id: "123.456".into(),
                activity_timeout: Some(120)
            }
        );
    }

    #[test]
    fn errors_in_every_shape_servers_send() {
        let want = |code, message: &str| Message::Error {
            code,
            message: message.into(),
            channel: None,
        };
        assert_eq!(
            msg(
                r#"{"event":"pusher:error","data":{"code":4001,"message":"App key x does not exist."}}"#
            ),
            want(Some(4001), "App key x does not exist.")
        );
        // Pusher's own errors may have a null code; Reverb sends data as a string.
        assert_eq!(
            msg(
                r#"{"event":"pusher:error","data":{"code":null,"message":"Auth info required to subscribe to private-events"}}"#
            ),
            want(None, "Auth info required to subscribe to private-events")
        );
        assert_eq!(
            msg(
                r#"{"event":"pusher:error","data":"{\"code\":4201,\"message\":\"Pong reply not received in time\"}"}"#
            ),
            want(Some(4201), "Pong reply not received in time")
        );
    }

    #[test]
    fn subscription_succeeded_with_and_without_data() {
        for text in [
            r#"{"event":"pusher_internal:subscription_succeeded","channel":"c","data":"{}"}"#,
            r#"{"event":"pusher_internal:subscription_succeeded","channel":"c"}"#,
        ] {
            assert_eq!(
                msg(text),
                Message::SubscriptionSucceeded {
                    channel: "c".into(),
                    members: None
                }
            );
        }
    }

    #[test]
    fn presence_members_from_the_docs_example() {
        // The PROTO example leaves the outer object unclosed; this is it with the brace.
        let m = msg(
            r#"{"event":"pusher_internal:subscription_succeeded","channel":"presence-example-channel","data":"{ \"presence\": { \"ids\": [\"11814b369700141b222a3f3791cec2d9\",\"71dd6a29da2a4833336d2a964becf820\"], \"hash\": { \"11814b369700141b222a3f3791cec2d9\": { \"name\":\"Phil Leggetter\", \"twitter\": \"@leggetter\" }, \"71dd6a29da2a4833336d2a964becf820\": { \"name\":\"Max Williams\", \"twitter\": \"@maxthelion\" } }, \"count\": 2 } }"}"#,
        );
        let Message::SubscriptionSucceeded {
            members: Some(members),
            ..
        } = m
        else {
            panic!("not a presence subscription: {m:?}");
        };
        assert_eq!(members.len(), 2);
        assert_eq!(members.list[0].0, "11814b369700141b222a3f3791cec2d9");
        assert_eq!(members.list[1].1["name"], "Max Williams");
    }

    #[test]
    fn presence_members_from_hash_alone_and_numeric_ids() {
        let m = msg(
            r#"{"event":"pusher_internal:subscription_succeeded","channel":"presence-x","data":{"presence":{"hash":{"7":{"n":1}},"count":1}}}"#,
        );
        let Message::SubscriptionSucceeded {
            members: Some(members),
            ..
        } = m
        else {
            panic!("{m:?}");
        };
        assert_eq!(members.list, vec![("7".to_owned(), json!({"n":1}))]);
        assert_eq!(
            msg(
                r#"{"event":"pusher_internal:member_removed","channel":"presence-x","data":"{\"user_id\":42}"}"#
            ),
            Message::MemberRemoved {
                channel: "presence-x".into(),
                user_id: "42".into()
            }
        );
    }

    #[test]
    fn member_added_from_the_docs() {
        assert_eq!(
            msg(
                r#"{"event":"pusher_internal:member_added","channel":"presence-example-channel","data":"{ \"user_id\": \"1181\", \"user_info\": { \"name\": \"Phil Leggetter\" } }"}"#
            ),
            Message::MemberAdded {
                channel: "presence-example-channel".into(),
                user_id: "1181".into(),
                user_info: json!({"name":"Phil Leggetter"})
            }
        );
    }

    #[test]
    fn members_add_replace_and_remove() {
        let mut m = Members::default();
        m.add("1", json!(1));
        m.add("2", json!(2));
        m.add("1", json!("again"));
        assert_eq!(m.len(), 2);
        assert_eq!(m.list[0].1, json!("again"));
        m.remove("1");
        assert_eq!(m.to_json(), json!([{"user_id":"2","user_info":2}]));
    }

    #[test]
    fn channel_events_keep_user_id() {
        let Message::Event(f) =
            msg(r#"{"event":"client-typing","channel":"presence-x","data":"{}","user_id":"9"}"#)
        else {
            panic!()
        };
        assert_eq!(f.user_id.as_deref(), Some("9"));
        assert_eq!(f.channel.as_deref(), Some("presence-x"));
    }

    #[test]
    fn outgoing_frames_match_pusher_js() {
        assert_eq!(
            subscribe("c", None, None),
            r#"{"event":"pusher:subscribe","data":{"auth":"","channel":"c"}}"#
        );
        assert_eq!(
            subscribe("presence-c", Some("k:s"), Some(r#"{"user_id":"1"}"#)),
            r#"{"event":"pusher:subscribe","data":{"auth":"k:s","channel":"presence-c","channel_data":"{\"user_id\":\"1\"}"}}"#
        );
        assert_eq!(
            unsubscribe("c"),
            r#"{"event":"pusher:unsubscribe","data":{"channel":"c"}}"#
        );
        assert_eq!(ping(), r#"{"event":"pusher:ping","data":{}}"#);
        assert_eq!(
            client_event("private-c", "client-x", &json!({"a":1})),
            r#"{"event":"client-x","channel":"private-c","data":{"a":1}}"#
        );
        assert_eq!(
            signin("k:s", r#"{"id":"1"}"#),
            r#"{"event":"pusher:signin","data":{"auth":"k:s","user_data":"{\"id\":\"1\"}"}}"#
        );
    }

    #[test]
    fn connect_path_has_protocol_client_and_version() {
        assert_eq!(
            connect_path("app-key", "0.1.0"),
            "/app/app-key?protocol=7&client=rtctl&version=0.1.0"
        );
    }
}

#[cfg(test)]
mod properties {
    //! The frames rtctl writes read back as what was written.

    use proptest::prelude::*;

    use super::*;

    /// Any JSON value, a few levels deep.
    pub(crate) fn json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(Value::from),
            ".{0,20}".prop_map(Value::from),
        ];
        leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
                prop::collection::vec((".{0,8}", inner), 0..4)
                    .prop_map(|kv| Value::Object(kv.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn a_client_event_reads_back_as_written(
            channel in "[A-Za-z0-9_=@,.;-]{1,40}",
            event in ".{1,40}",
            data in json(),
        ) {
            let f = Frame::parse(&client_event(&channel, &event, &data)).unwrap();
            prop_assert_eq!(&f.event, &event);
            prop_assert_eq!(f.channel.as_deref(), Some(channel.as_str()));
            // A string holding JSON is read as that JSON, as pusher-js reads it; a
            // `null` is no data.
            let want = match &data {
                Value::Null => None,
                Value::String(s) => Some(serde_json::from_str(s).unwrap_or_else(|_| data.clone())),
                _ => Some(data.clone()),
            };
            prop_assert_eq!(f.data, want);
        }

        #[test]
        fn a_subscription_reads_back_as_written(
            channel in "[A-Za-z0-9_=@,.;-]{1,40}",
            auth in prop::option::of("[ -~]{0,80}"),
            channel_data in prop::option::of("[ -~]{0,80}"),
        ) {
            let f = Frame::parse(&subscribe(&channel, auth.as_deref(), channel_data.as_deref())).unwrap();
            prop_assert_eq!(f.event.as_str(), "pusher:subscribe");
            let d = f.data.unwrap();
            prop_assert_eq!(d["channel"].as_str(), Some(channel.as_str()));
            prop_assert_eq!(d["auth"].as_str(), Some(auth.as_deref().unwrap_or("")));
            prop_assert_eq!(d.get("channel_data").and_then(Value::as_str), channel_data.as_deref());
        }
    }
}
