//! WebSocket frames of protocol 7: decoding what a server sends, encoding what a client sends.
//!
//! Decoding follows pusher-js: the frame is JSON with an `event`; a string `data` is
//! parsed as JSON when it is JSON and kept as a string when it is not; an object `data`
//! (what some servers send) is taken as it is. An app event's data is decoded only when
//! asked (`Data`); the protocol's own events are decoded here.

use serde::Deserialize;
use serde_json::{Value, json};

pub use super::data::Data;
use crate::json_string;

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
    pub data: Option<Data>,
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
        match Self::parse_plain(text) {
            Some(frame) => Ok(frame),
            None => Self::parse_any(text),
        }
    }

    /// Any frame, through serde_json.
    fn parse_any(text: &str) -> Result<Self, FrameError> {
        let wire: Wire =
            serde_json::from_str(text).map_err(|e| FrameError::NotJson(e.to_string()))?;
        let event = wire.event.ok_or(FrameError::NoEvent)?;
        let data = wire.data.map(Data::from_wire);
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

    /// The frame servers send for an event, read directly: one compact object (no
    /// whitespace) of `event`, `channel`, `data` and `user_id` in any order, each at
    /// most once and a string without `\u` escapes, `event` among them. Anything else is
    /// `None`, for `parse_any`; what this reads, it reads as `parse_any` does.
    fn parse_plain(text: &str) -> Option<Self> {
        const KEYS: [&str; 4] = [
            r#""event":""#,
            r#""channel":""#,
            r#""data":""#,
            r#""user_id":""#,
        ];
        let mut rest = text.strip_prefix('{')?;
        let mut fields: [Option<String>; 4] = Default::default();
        loop {
            let (slot, value) = KEYS
                .iter()
                .enumerate()
                .find_map(|(slot, key)| Some((slot, rest.strip_prefix(key)?)))?;
            let (value, after) = string_body(value)?;
            if fields[slot].replace(value).is_some() {
                return None;
            }
            rest = match after.strip_prefix(',') {
                Some(more) => more,
                None if after == "}" => break,
                None => return None,
            };
        }
        let [event, channel, data, user_id] = fields;
        Some(Self {
            event: event?,
            channel,
            data: data.map(Data::Text),
            user_id,
        })
    }
}

/// The contents of a JSON string, unescaped, and the text after its closing quote.
/// `None` for a `\u` escape, an unknown escape, a control character or no closing quote.
fn string_body(text: &str) -> Option<(String, &str)> {
    let bytes = text.as_bytes();
    // What is unescaped so far, once there is an escape; `text[from..i]` is yet to go in.
    let mut unescaped: Option<String> = None;
    let mut from = 0;
    let mut i = 0;
    loop {
        i += json_string::plain_run(&bytes[i..]);
        match *bytes.get(i)? {
            b'"' => {
                let body = match unescaped {
                    Some(mut out) => {
                        out.push_str(&text[from..i]);
                        out
                    }
                    None => text[..i].to_owned(),
                };
                return Some((body, &text[i + 1..]));
            }
            b'\\' => {
                let c = match *bytes.get(i + 1)? {
                    b'"' => '"',
                    b'\\' => '\\',
                    b'/' => '/',
                    b'b' => '\u{8}',
                    b'f' => '\u{c}',
                    b'n' => '\n',
                    b'r' => '\r',
                    b't' => '\t',
                    _ => return None,
                };
                // The rest of the text is as long as the body can be.
                let out = unescaped.get_or_insert_with(|| String::with_capacity(text.len()));
                out.push_str(&text[from..i]);
                out.push(c);
                i += 2;
                from = i;
            }
            _ => return None,
        }
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
        if !is_internal(&frame.event) {
            return Self::Event(frame);
        }
        let data = frame.data.as_ref().map(|d| d.decoded().into_owned());
        let data = data.as_ref();
        let field = |name: &str| data?.get(name);
        let channel = frame.channel.clone().unwrap_or_default();
        match frame.event.as_str() {
            "pusher:connection_established" => match field("socket_id").and_then(Value::as_str) {
                Some(id) => Self::ConnectionEstablished {
                    socket_id: id.to_owned(),
                    activity_timeout: field("activity_timeout").and_then(Value::as_u64),
                },
                None => Self::Event(frame),
            },
            "pusher:error" => Self::Error {
                code: code_in(data, "code"),
                message: text_in(data, &["message"]),
                channel: frame.channel,
            },
            "pusher:ping" => Self::Ping,
            "pusher:pong" => Self::Pong,
            "pusher_internal:subscription_succeeded" if frame.channel.is_some() => {
                Self::SubscriptionSucceeded {
                    members: Members::from_subscription(data),
                    channel,
                }
            }
            "pusher:subscription_error" if frame.channel.is_some() => Self::SubscriptionError {
                status: code_in(data, "status"),
                message: text_in(data, &["error", "message", "type"]),
                channel,
            },
            "pusher_internal:member_added" if frame.channel.is_some() => {
                match field("user_id").and_then(id_text) {
                    Some(user_id) => Self::MemberAdded {
                        user_info: field("user_info").cloned().unwrap_or(Value::Null),
                        user_id,
                        channel,
                    },
                    None => Self::Event(frame),
                }
            }
            "pusher_internal:member_removed" if frame.channel.is_some() => {
                match field("user_id").and_then(id_text) {
                    Some(user_id) => Self::MemberRemoved { channel, user_id },
                    None => Self::Event(frame),
                }
            }
            "pusher:signin_success" => Self::SigninSuccess {
                user_data: field("user_data")
                    .and_then(Value::as_str)
                    .map(str::to_owned),
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
        assert_eq!(
            f.data.unwrap().decoded().to_string(),
            "[1.8686793137103987e-298]"
        );
    }

    #[test]
    fn string_data_is_decoded_and_plain_strings_kept() {
        let decoded = |text: &str| {
            let f = Frame::parse(text).unwrap();
            f.data.map(|d| d.decoded().into_owned())
        };
        let text = r#"{"event":"e","channel":"c","data":"{\"a\":1}"}"#;
        assert_eq!(decoded(text), Some(json!({"a":1})));
        assert_eq!(
            Frame::parse(text).unwrap().data,
            Some(Data::Text(r#"{"a":1}"#.into())),
            "kept as sent until asked"
        );
        let text = r#"{"event":"e","channel":"c","data":"hello"}"#;
        assert_eq!(decoded(text), Some(json!("hello")));
        let text = r#"{"event":"e","channel":"c","data":{"a":1}}"#;
        assert_eq!(decoded(text), Some(json!({"a":1})));
        assert_eq!(decoded(r#"{"event":"e"}"#), None);
        assert_eq!(decoded(r#"{"event":"e","data":null}"#), None);
    }

    /// The direct reading against serde_json's, for the frames servers send and for
    /// every one-character change to them: each frame it reads, it reads the same.
    #[test]
    fn plain_frames_are_read_as_serde_json_reads_them() {
        let bases = [
            r#"{"event":"tick","channel":"tailjs","data":"{\"n\":0,\"message\":\"x\"}"}"#,
            r#"{"channel":"c","event":"e","data":"plain text"}"#,
            r#"{"data":"\\\/\b\f\n\r\t\"","event":"e"}"#,
            r#"{"event":"client-x","channel":"presence-x","data":"{}","user_id":"9"}"#,
            r#"{"event":"e","data":"ünïcode ✓ 日本 \"q\""}"#,
            r#"{"event":"pusher:pong","data":"{}"}"#,
        ];
        let mut texts: Vec<String> = bases.iter().map(|b| (*b).to_owned()).collect();
        for base in bases {
            assert!(Frame::parse_plain(base).is_some(), "read directly: {base}");
            let chars: Vec<char> = base.chars().collect();
            for at in 0..=chars.len() {
                for c in [
                    '"', '\\', '{', '}', ',', ':', ' ', 'u', '/', '0', 'n', '\u{1}', '\u{7f}', 'é',
                ] {
                    let mut changed = chars.clone();
                    changed.insert(at, c);
                    texts.push(changed.iter().collect());
                    if at < chars.len() {
                        changed.remove(at);
                        changed[at] = c;
                        texts.push(changed.iter().collect());
                    }
                }
                if at < chars.len() {
                    let mut shorter = chars.clone();
                    shorter.remove(at);
                    texts.push(shorter.iter().collect());
                }
            }
        }
        let mut direct = 0;
        for text in &texts {
            if let Some(frame) = Frame::parse_plain(text) {
                direct += 1;
                assert_eq!(Ok(frame), Frame::parse_any(text), "{text}");
            }
        }
        assert!(
            direct > 500,
            "only {direct} of {} read directly",
            texts.len()
        );
        for text in [
            r#" {"event":"e"}"#,
            r#"{"event":"e","event":"f"}"#,
            r#"{"event":"e","data":"\u0041"}"#,
            r#"{"event":"e","data":{"a":1}}"#,
            r#"{"event":"e","user_id":42}"#,
            r#"{"event":"e","other":"x"}"#,
            r#"{"event":null}"#,
            r#"{"channel":"c"}"#,
            r#"{"event":"e","data":"x\"#,
            r#"{"event":"e","data":"abcdefghijklmno\"#,
            r#"{"event":"e","data":"abcdefghijklmn\"#,
            r#"{"event":"e","data":"abcdefghijklmnopqrstuvwxyz"#,
        ] {
            assert_eq!(Frame::parse_plain(text), None, "{text}");
        }
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
            prop_assert_eq!(f.data.map(|d| d.decoded().into_owned()), want);
        }

        #[test]
        fn a_subscription_reads_back_as_written(
            channel in "[A-Za-z0-9_=@,.;-]{1,40}",
            auth in prop::option::of("[ -~]{0,80}"),
            channel_data in prop::option::of("[ -~]{0,80}"),
        ) {
            let f = Frame::parse(&subscribe(&channel, auth.as_deref(), channel_data.as_deref())).unwrap();
            prop_assert_eq!(f.event.as_str(), "pusher:subscribe");
            let d = f.data.unwrap().decoded().into_owned();
            prop_assert_eq!(d["channel"].as_str(), Some(channel.as_str()));
            prop_assert_eq!(d["auth"].as_str(), Some(auth.as_deref().unwrap_or("")));
            prop_assert_eq!(d.get("channel_data").and_then(Value::as_str), channel_data.as_deref());
        }
    }
}
