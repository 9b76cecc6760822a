//! Webhooks: the signed bodies a server posts to an app (`{"time_ms":…,"events":[…]}`),
//! built as fixtures, checked event by event, and verified against their signature.
//!
//! Pure: the time is a parameter, and the raw bytes are what is signed and checked.

use serde_json::{Map, Value};

use crate::pusher::names::{self, ChannelKind, NameError};
use crate::pusher::sign::{json_kind, verify_webhook, webhook_signature};
use crate::text::escape_for_message;

/// The platform's presence channel, used when a fixture names no channel.
pub const DEFAULT_PRESENCE_CHANNEL: &str = "presence-classroom-101";
/// The platform's private class channel, where client events happen.
pub const DEFAULT_PRIVATE_CHANNEL: &str = "private-class-101";
/// A public platform channel, for `subscription_count`.
pub const DEFAULT_PUBLIC_CHANNEL: &str = "dashboard-updates";
/// A cache channel, for `cache_miss` (the platform has none of its own).
pub const DEFAULT_CACHE_CHANNEL: &str = "cache-dashboard-updates";
/// The platform's example user id and socket id.
pub const DEFAULT_USER_ID: &str = "12345";
pub const DEFAULT_SOCKET_ID: &str = "123456.789012";
pub const DEFAULT_CLIENT_EVENT: &str = "client-activity_update";
pub const DEFAULT_CLIENT_DATA: &str =
    r#"{"user_id":"12345","status":"active","current_activity":"solving_problem_3"}"#;

/// The event types of the protocol (pusher-protocol.md §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventType {
    ChannelOccupied,
    ChannelVacated,
    MemberAdded,
    MemberRemoved,
    ClientEvent,
    CacheMiss,
    SubscriptionCount,
}

impl EventType {
    pub const ALL: [Self; 7] = [
        Self::ChannelOccupied,
        Self::ChannelVacated,
        Self::MemberAdded,
        Self::MemberRemoved,
        Self::ClientEvent,
        Self::CacheMiss,
        Self::SubscriptionCount,
    ];

    /// Every type's wire name, in `ALL` order.
    pub const NAMES: [&'static str; 7] = [
        "channel_occupied",
        "channel_vacated",
        "member_added",
        "member_removed",
        "client_event",
        "cache_miss",
        "subscription_count",
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::ChannelOccupied => "channel_occupied",
            Self::ChannelVacated => "channel_vacated",
            Self::MemberAdded => "member_added",
            Self::MemberRemoved => "member_removed",
            Self::ClientEvent => "client_event",
            Self::CacheMiss => "cache_miss",
            Self::SubscriptionCount => "subscription_count",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == name)
    }

    /// The fields an event of this type carries besides `name` and `channel`.
    fn fields(self) -> &'static [Field] {
        match self {
            Self::ChannelOccupied | Self::ChannelVacated | Self::CacheMiss => &[],
            Self::MemberAdded | Self::MemberRemoved => &[Field::UserId],
            Self::ClientEvent => &[Field::Event, Field::Data, Field::SocketId, Field::UserId],
            Self::SubscriptionCount => &[Field::SubscriptionCount],
        }
    }
}

/// A field of a webhook event besides `name` and `channel`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    UserId,
    Event,
    Data,
    SocketId,
    SubscriptionCount,
}

impl Field {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::UserId => "user_id",
            Self::Event => "event",
            Self::Data => "data",
            Self::SocketId => "socket_id",
            Self::SubscriptionCount => "subscription_count",
        }
    }
}

/// Why an event (or the fields asked for a fixture) is not what the protocol sends.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EventError {
    #[error("the event has no `name`")]
    NoName,
    #[error("`{}` is not a webhook event type", escape_for_message(.0))]
    UnknownType(String),
    #[error("the event has no `channel`")]
    NoChannel,
    #[error(transparent)]
    Name(#[from] NameError),
    #[error(
        "{kind} is sent for presence channels only, and `{channel}` is a {channel_kind} channel"
    )]
    NotPresence {
        kind: &'static str,
        channel: String,
        channel_kind: ChannelKind,
    },
    #[error(
        "client events happen on private and presence channels only, and `{channel}` is a {channel_kind} channel"
    )]
    ClientEventChannel {
        channel: String,
        channel_kind: ChannelKind,
    },
    #[error("client event name `{}` does not start with `client-`", escape_for_message(.0))]
    NotClientName(String),
    #[error("cache_miss is sent for cache channels only, and `{0}` is not one")]
    NotCache(String),
    #[error("subscription_count is not sent for presence channels such as `{0}`")]
    CountOnPresence(String),
    #[error("{kind} needs `{}`", field.as_str())]
    MissingField { kind: &'static str, field: Field },
    #[error("`{}` must be {expected}, got {got}", field.as_str())]
    FieldType {
        field: Field,
        expected: &'static str,
        got: &'static str,
    },
    #[error("{kind} carries no `{}`", field.as_str())]
    Unused { kind: &'static str, field: Field },
    #[error("`user_id` is sent with client events on presence channels only, and `{0}` is private")]
    UserIdOnPrivate(String),
    #[error("`user_id` is empty")]
    EmptyUserId,
    #[error("`{0}` must be a string, got {1}")]
    NotText(&'static str, &'static str),
}

impl EventError {
    pub fn hint(&self) -> &'static str {
        match self {
            Self::NoName | Self::UnknownType(_) => {
                "webhook events are channel_occupied, channel_vacated, member_added, member_removed, client_event, cache_miss and subscription_count"
            }
            Self::Name(e) => e.hint(),
            Self::NotPresence { .. } | Self::UserIdOnPrivate(_) => {
                "use a presence- channel, e.g. presence-classroom-101"
            }
            Self::ClientEventChannel { .. } => {
                "use a private- or presence- channel, e.g. private-class-101"
            }
            Self::NotClientName(_) => "client event names start with `client-`, e.g. client-typing",
            Self::NotCache(_) => {
                "cache channels start with cache-, private-cache-, private-encrypted-cache- or presence-cache-"
            }
            Self::CountOnPresence(_) => "use a public or private channel",
            Self::NoChannel | Self::MissingField { .. } | Self::FieldType { .. } => {
                "see the fields of each event type with `rtctl webhook fixture --help`"
            }
            Self::Unused { .. } => "leave the field out, or pick the event type that has it",
            Self::EmptyUserId => "user ids are the `user_id` of the member's channel data",
            Self::NotText(..) => "`name` and `channel` are strings",
        }
    }
}

/// A cache channel: `cache-`, `private-cache-`, `private-encrypted-cache-`, `presence-cache-`.
pub fn is_cache_channel(channel: &str) -> bool {
    [
        "cache-",
        "private-cache-",
        "private-encrypted-cache-",
        "presence-cache-",
    ]
    .iter()
    .any(|p| channel.starts_with(p))
}

/// One event of a webhook body, as received: any field may be missing or of the wrong type.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// The event as sent, every field kept in order.
    pub raw: Map<String, Value>,
}

impl Event {
    fn text(&self, key: &str) -> Option<&str> {
        self.raw.get(key).and_then(Value::as_str)
    }

    pub fn name(&self) -> Option<&str> {
        self.text("name")
    }

    pub fn channel(&self) -> Option<&str> {
        self.text("channel")
    }

    /// The client event's name (`client_event` only).
    pub fn event(&self) -> Option<&str> {
        self.text("event")
    }

    pub fn socket_id(&self) -> Option<&str> {
        self.text("socket_id")
    }

    /// `user_id` as text; a number is shown as written.
    pub fn user_id(&self) -> Option<String> {
        match self.raw.get("user_id") {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        }
    }

    pub fn data(&self) -> Option<&Value> {
        self.raw.get("data")
    }

    pub fn subscription_count(&self) -> Option<&Value> {
        self.raw.get("subscription_count")
    }

    /// Check the event against the protocol: a known type, a valid channel of the right
    /// kind, and each field its type needs, of the right JSON type.
    pub fn check(&self) -> Result<EventType, EventError> {
        let name = match self.raw.get("name") {
            None => return Err(EventError::NoName),
            Some(Value::String(s)) => s,
            Some(other) => return Err(EventError::NotText("name", json_kind(other))),
        };
        let kind = EventType::parse(name).ok_or_else(|| EventError::UnknownType(name.clone()))?;
        let channel = match self.raw.get("channel") {
            None => return Err(EventError::NoChannel),
            Some(Value::String(s)) => s.as_str(),
            Some(other) => return Err(EventError::NotText("channel", json_kind(other))),
        };
        let fields = Fields {
            user_id: match self.raw.get("user_id") {
                None => None,
                Some(Value::String(s)) => Some(s.clone()),
                Some(Value::Number(n)) => Some(n.to_string()),
                Some(other) => return Err(type_error(Field::UserId, "a string", other)),
            },
            event: match self.raw.get("event") {
                None => None,
                Some(Value::String(s)) => Some(s.clone()),
                Some(other) => return Err(type_error(Field::Event, "a string", other)),
            },
            data: self.raw.contains_key("data"),
            socket_id: match self.raw.get("socket_id") {
                None => None,
                Some(Value::String(s)) => Some(s.clone()),
                Some(other) => return Err(type_error(Field::SocketId, "a string", other)),
            },
            subscription_count: match self.raw.get("subscription_count") {
                None => false,
                Some(Value::Number(n)) if n.is_u64() => true,
                Some(other) => {
                    return Err(type_error(
                        Field::SubscriptionCount,
                        "a whole number",
                        other,
                    ));
                }
            },
        };
        check_fields(kind, channel, &fields)?;
        Ok(kind)
    }
}

fn type_error(field: Field, expected: &'static str, got: &Value) -> EventError {
    EventError::FieldType {
        field,
        expected,
        got: json_kind(got),
    }
}

/// The fields present on an event, for the rules every event type has.
struct Fields {
    user_id: Option<String>,
    event: Option<String>,
    data: bool,
    socket_id: Option<String>,
    subscription_count: bool,
}

impl Fields {
    fn has(&self, field: Field) -> bool {
        match field {
            Field::UserId => self.user_id.is_some(),
            Field::Event => self.event.is_some(),
            Field::Data => self.data,
            Field::SocketId => self.socket_id.is_some(),
            Field::SubscriptionCount => self.subscription_count,
        }
    }
}

/// The rules: which channels each type is sent for and which fields it carries.
fn check_fields(kind: EventType, channel: &str, f: &Fields) -> Result<(), EventError> {
    let channel_kind = names::validate_channel(channel)?;
    let k = kind.as_str();
    let all = [
        Field::UserId,
        Field::Event,
        Field::Data,
        Field::SocketId,
        Field::SubscriptionCount,
    ];
    if let Some(&field) = all
        .iter()
        .find(|&&field| f.has(field) && !kind.fields().contains(&field))
    {
        return Err(EventError::Unused { kind: k, field });
    }
    let need = |field: Field| {
        if f.has(field) {
            Ok(())
        } else {
            Err(EventError::MissingField { kind: k, field })
        }
    };
    match kind {
        EventType::ChannelOccupied | EventType::ChannelVacated => Ok(()),
        EventType::MemberAdded | EventType::MemberRemoved => {
            if channel_kind != ChannelKind::Presence {
                return Err(EventError::NotPresence {
                    kind: k,
                    channel: channel.to_owned(),
                    channel_kind,
                });
            }
            need(Field::UserId)?;
            check_user_id(f.user_id.as_deref())
        }
        EventType::ClientEvent => {
            if !matches!(channel_kind, ChannelKind::Private | ChannelKind::Presence) {
                return Err(EventError::ClientEventChannel {
                    channel: channel.to_owned(),
                    channel_kind,
                });
            }
            need(Field::Event)?;
            need(Field::Data)?;
            need(Field::SocketId)?;
            let event = f.event.as_deref().unwrap_or_default();
            names::validate_event_name(event)?;
            if !event.starts_with("client-") {
                return Err(EventError::NotClientName(event.to_owned()));
            }
            names::validate_socket_id(f.socket_id.as_deref().unwrap_or_default())?;
            match (channel_kind, &f.user_id) {
                (ChannelKind::Presence, _) => {
                    need(Field::UserId)?;
                    check_user_id(f.user_id.as_deref())
                }
                (_, Some(_)) => Err(EventError::UserIdOnPrivate(channel.to_owned())),
                (_, None) => Ok(()),
            }
        }
        EventType::CacheMiss => {
            if is_cache_channel(channel) {
                Ok(())
            } else {
                Err(EventError::NotCache(channel.to_owned()))
            }
        }
        EventType::SubscriptionCount => {
            if channel_kind == ChannelKind::Presence {
                return Err(EventError::CountOnPresence(channel.to_owned()));
            }
            need(Field::SubscriptionCount)
        }
    }
}

fn check_user_id(id: Option<&str>) -> Result<(), EventError> {
    if id.is_some_and(|id| !id.trim().is_empty()) {
        Ok(())
    } else {
        Err(EventError::EmptyUserId)
    }
}

/// What a fixture is built from; `None` takes the type's default (the platform's channels).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spec {
    pub channel: Option<String>,
    pub user_id: Option<String>,
    pub event: Option<String>,
    pub data: Option<String>,
    pub socket_id: Option<String>,
    pub subscription_count: Option<u64>,
}

impl Spec {
    fn given(&self) -> [(Field, bool); 5] {
        [
            (Field::UserId, self.user_id.is_some()),
            (Field::Event, self.event.is_some()),
            (Field::Data, self.data.is_some()),
            (Field::SocketId, self.socket_id.is_some()),
            (Field::SubscriptionCount, self.subscription_count.is_some()),
        ]
    }
}

/// One event of the given type, with the spec's values or the defaults, checked like a
/// received one. Fields are in the order the protocol's docs write them.
pub fn event(kind: EventType, spec: &Spec) -> Result<Event, EventError> {
    let k = kind.as_str();
    if let Some((field, _)) = spec
        .given()
        .into_iter()
        .find(|&(field, given)| given && !kind.fields().contains(&field))
    {
        return Err(EventError::Unused { kind: k, field });
    }
    let channel = spec.channel.clone().unwrap_or_else(|| {
        match kind {
            EventType::ClientEvent => DEFAULT_PRIVATE_CHANNEL,
            EventType::CacheMiss => DEFAULT_CACHE_CHANNEL,
            EventType::SubscriptionCount => DEFAULT_PUBLIC_CHANNEL,
            _ => DEFAULT_PRESENCE_CHANNEL,
        }
        .to_owned()
    });
    let presence = ChannelKind::of(&channel) == ChannelKind::Presence;
    let user_id = || {
        spec.user_id
            .clone()
            .unwrap_or_else(|| DEFAULT_USER_ID.to_owned())
    };
    let mut raw = Map::new();
    raw.insert("name".into(), Value::from(k));
    raw.insert("channel".into(), Value::from(channel));
    match kind {
        EventType::ChannelOccupied | EventType::ChannelVacated | EventType::CacheMiss => {}
        EventType::MemberAdded | EventType::MemberRemoved => {
            raw.insert("user_id".into(), Value::from(user_id()));
        }
        EventType::ClientEvent => {
            let event = spec.event.as_deref().unwrap_or(DEFAULT_CLIENT_EVENT);
            let data = spec.data.as_deref().unwrap_or(DEFAULT_CLIENT_DATA);
            let socket = spec.socket_id.as_deref().unwrap_or(DEFAULT_SOCKET_ID);
            raw.insert("event".into(), Value::from(event));
            raw.insert("data".into(), Value::from(data));
            raw.insert("socket_id".into(), Value::from(socket));
            if presence || spec.user_id.is_some() {
                raw.insert("user_id".into(), Value::from(user_id()));
            }
        }
        EventType::SubscriptionCount => {
            raw.insert(
                "subscription_count".into(),
                Value::from(spec.subscription_count.unwrap_or(1)),
            );
        }
    }
    let event = Event { raw };
    event.check()?;
    Ok(event)
}

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

impl BodyError {
    pub fn hint(&self) -> &'static str {
        "a webhook body looks like {\"time_ms\":1700000000000,\"events\":[{\"name\":\"channel_occupied\",\"channel\":\"presence-classroom-101\"}]}; `rtctl webhook fixture` makes one"
    }
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

impl InvalidBody {
    pub fn hint(&self) -> &'static str {
        match self {
            Self::Body(e) => e.hint(),
            Self::Event { error, .. } => error.hint(),
        }
    }
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

/// A wrong signature for `--tamper`: the right one with every digit changed, so it is
/// well-formed but can never verify.
pub fn tampered_signature(secret: &str, body: &[u8]) -> String {
    webhook_signature(secret, body)
        .chars()
        .map(|c| if c == '0' { '1' } else { '0' })
        .collect()
}

/// Whether a captured webhook is authentic, and if not, which part is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The signature covers these bytes. `final_newline_ignored`: it covers them
    /// without the line ending a file or `echo` added after the body.
    Valid { final_newline_ignored: bool },
    /// No `X-Pusher-Signature` was given.
    NoSignature,
    /// The key is not this app's key, so this app's secret did not sign it.
    KeyUnknown { given: String },
    /// Not 64 hex digits.
    MalformedSignature,
    /// The signature covers the same JSON written differently: the body was
    /// reformatted or had whitespace added after it was signed.
    BodyAltered,
    /// The signature covers neither these bytes nor the same JSON: another secret
    /// signed it, or the content was changed.
    SignatureMismatch,
}

impl Verdict {
    pub fn is_valid(&self) -> bool {
        matches!(self, Self::Valid { .. })
    }

    /// A stable word for scripts.
    pub fn reason(&self) -> &'static str {
        match self {
            Self::Valid { .. } => "valid",
            Self::NoSignature => "no_signature",
            Self::KeyUnknown { .. } => "key_unknown",
            Self::MalformedSignature => "malformed_signature",
            Self::BodyAltered => "body_altered",
            Self::SignatureMismatch => "signature_mismatch",
        }
    }
}

/// Check a webhook as the official libraries do (HMAC-SHA256 hex of the raw body,
/// compared in constant time, and the key must be the app's), then say which part is
/// wrong when it fails.
pub fn verify(
    app_key: &str,
    secret: &str,
    key: Option<&str>,
    signature: Option<&str>,
    body: &[u8],
) -> Verdict {
    let Some(signature) = signature.map(str::trim).filter(|s| !s.is_empty()) else {
        return Verdict::NoSignature;
    };
    if let Some(given) = key.map(str::trim)
        && given != app_key
    {
        return Verdict::KeyUnknown {
            given: given.to_owned(),
        };
    }
    if signature.len() != 64 || !signature.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Verdict::MalformedSignature;
    }
    if verify_webhook(secret, body, signature) {
        return Verdict::Valid {
            final_newline_ignored: false,
        };
    }
    let unterminated = body
        .strip_suffix(b"\r\n")
        .or_else(|| body.strip_suffix(b"\n"));
    if let Some(b) = unterminated
        && verify_webhook(secret, b, signature)
    {
        return Verdict::Valid {
            final_newline_ignored: true,
        };
    }
    let trimmed = body.trim_ascii();
    let compact = serde_json::from_slice::<Value>(body)
        .ok()
        .map(|v| v.to_string());
    if verify_webhook(secret, trimmed, signature)
        || compact.is_some_and(|c| verify_webhook(secret, c.as_bytes(), signature))
    {
        return Verdict::BodyAltered;
    }
    Verdict::SignatureMismatch
}

/// A captured request: its headers (names lowercased) and its body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Captured {
    pub headers: Vec<(String, String)>,
    /// `None` when nothing follows the headers.
    pub body: Option<Vec<u8>>,
}

impl Captured {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Why a captured request could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CaptureError {
    #[error("line {0} is not a header (`Name: value`)")]
    NotHeader(usize),
    #[error("Content-Length is `{0}`, not a number")]
    BadLength(String),
    #[error("the body is {got} bytes but Content-Length says {want}: the capture is cut short")]
    Short { want: usize, got: usize },
}

/// Read a raw HTTP request as captured (`POST /path HTTP/1.1`, headers, a blank line,
/// the body), or just its headers. With `Content-Length` the body is exactly that long.
pub fn parse_captured(raw: &[u8]) -> Result<Captured, CaptureError> {
    let (head, rest) = split_head(raw);
    let text = String::from_utf8_lossy(head);
    let mut headers = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        if i == 0 && is_request_line(line) {
            continue;
        }
        let Some((name, value)) = line.split_once(':') else {
            return Err(CaptureError::NotHeader(i + 1));
        };
        if name.is_empty() || name.contains(char::is_whitespace) {
            return Err(CaptureError::NotHeader(i + 1));
        }
        headers.push((name.to_ascii_lowercase(), value.trim().to_owned()));
    }
    let captured = Captured {
        headers,
        body: None,
    };
    let body = match captured.header("content-length") {
        Some(len) => {
            let want: usize = len
                .parse()
                .map_err(|_| CaptureError::BadLength(escape_for_message(len)))?;
            let rest = rest.unwrap_or_default();
            if rest.len() < want {
                return Err(CaptureError::Short {
                    want,
                    got: rest.len(),
                });
            }
            Some(rest[..want].to_vec())
        }
        None => rest.filter(|r| !r.is_empty()).map(<[u8]>::to_vec),
    };
    Ok(Captured { body, ..captured })
}

/// Split at the first blank line (CRLF or LF): the head, and what follows it if anything.
fn split_head(raw: &[u8]) -> (&[u8], Option<&[u8]>) {
    let crlf = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| (i, 4));
    let lf = raw.windows(2).position(|w| w == b"\n\n").map(|i| (i, 2));
    match [crlf, lf].into_iter().flatten().min_by_key(|&(i, _)| i) {
        Some((i, len)) => (&raw[..i], Some(&raw[i + len..])),
        None => (raw, None),
    }
}

/// `POST /pusher/webhook HTTP/1.1`.
fn is_request_line(line: &str) -> bool {
    let mut parts = line.split_whitespace();
    matches!(
        (parts.next(), parts.next(), parts.next()),
        (Some(m), Some(_), Some(v)) if m.bytes().all(|b| b.is_ascii_uppercase()) && v.starts_with("HTTP/")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(json: &str) -> Event {
        match serde_json::from_str(json).unwrap() {
            Value::Object(raw) => Event { raw },
            _ => panic!("not an object"),
        }
    }

    #[test]
    fn names_round_trip() {
        for (t, name) in EventType::ALL.into_iter().zip(EventType::NAMES) {
            assert_eq!(t.as_str(), name);
            assert_eq!(EventType::parse(name), Some(t));
        }
        assert_eq!(EventType::parse("channel_existence"), None);
    }

    #[test]
    fn every_type_has_a_valid_default_fixture() {
        for t in EventType::ALL {
            let e = event(t, &Spec::default()).unwrap();
            assert_eq!(e.check(), Ok(t));
            let b = body(1_700_000_000_000, &[e]);
            assert!(validate(b.as_bytes()).is_ok(), "{b}");
        }
    }

    #[test]
    fn fixture_bodies_are_written_like_the_docs() {
        let e = event(EventType::MemberAdded, &Spec::default()).unwrap();
        assert_eq!(
            body(1, &[e]),
            r#"{"time_ms":1,"events":[{"name":"member_added","channel":"presence-classroom-101","user_id":"12345"}]}"#
        );
        let spec = Spec {
            channel: Some("private-class-7".into()),
            event: Some("client-typing".into()),
            data: Some(r#"{"typing":true}"#.into()),
            socket_id: Some("1.2".into()),
            ..Spec::default()
        };
        let e = event(EventType::ClientEvent, &spec).unwrap();
        assert_eq!(
            body(5, &[e]),
            r#"{"time_ms":5,"events":[{"name":"client_event","channel":"private-class-7","event":"client-typing","data":"{\"typing\":true}","socket_id":"1.2"}]}"#
        );
        let e = event(
            EventType::SubscriptionCount,
            &Spec {
                subscription_count: Some(42),
                ..Spec::default()
            },
        )
        .unwrap();
        assert_eq!(e.subscription_count(), Some(&Value::from(42)));
    }

    #[test]
    fn invalid_combinations_are_refused_with_the_reason() {
        let spec = |channel: &str| Spec {
            channel: Some(channel.into()),
            ..Spec::default()
        };
        assert!(matches!(
            event(EventType::MemberAdded, &spec("private-class-1")),
            Err(EventError::NotPresence {
                channel_kind: ChannelKind::Private,
                ..
            })
        ));
        let e = event(EventType::MemberRemoved, &spec("dashboard-updates")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "member_removed is sent for presence channels only, and `dashboard-updates` is a public channel"
        );
        let e = event(
            EventType::ClientEvent,
            &Spec {
                event: Some("typing".into()),
                ..Spec::default()
            },
        )
        .unwrap_err();
        assert_eq!(e, EventError::NotClientName("typing".into()));
        assert!(matches!(
            event(EventType::ClientEvent, &spec("dashboard-updates")),
            Err(EventError::ClientEventChannel { .. })
        ));
        assert!(matches!(
            event(EventType::ClientEvent, &spec("private-encrypted-x")),
            Err(EventError::ClientEventChannel { .. })
        ));
        assert_eq!(
            event(EventType::CacheMiss, &spec("dashboard-updates")),
            Err(EventError::NotCache("dashboard-updates".into()))
        );
        assert!(event(EventType::CacheMiss, &spec("presence-cache-room")).is_ok());
        assert_eq!(
            event(EventType::SubscriptionCount, &spec("presence-classroom-1")),
            Err(EventError::CountOnPresence("presence-classroom-1".into()))
        );
        assert_eq!(
            event(
                EventType::ChannelOccupied,
                &Spec {
                    user_id: Some("1".into()),
                    ..Spec::default()
                }
            ),
            Err(EventError::Unused {
                kind: "channel_occupied",
                field: Field::UserId
            })
        );
        assert_eq!(
            event(
                EventType::ClientEvent,
                &Spec {
                    user_id: Some("1".into()),
                    ..Spec::default()
                }
            ),
            Err(EventError::UserIdOnPrivate("private-class-101".into()))
        );
        assert!(matches!(
            event(
                EventType::ClientEvent,
                &Spec {
                    socket_id: Some("1.1x".into()),
                    ..Spec::default()
                }
            ),
            Err(EventError::Name(NameError::SocketId(_)))
        ));
        assert!(matches!(
            event(EventType::ChannelVacated, &spec("bad channel")),
            Err(EventError::Name(NameError::ChannelChar { .. }))
        ));
        assert_eq!(
            event(
                EventType::MemberAdded,
                &Spec {
                    user_id: Some(String::new()),
                    ..Spec::default()
                }
            ),
            Err(EventError::EmptyUserId)
        );
    }

    #[test]
    fn client_events_on_presence_carry_the_user() {
        let e = event(
            EventType::ClientEvent,
            &Spec {
                channel: Some("presence-classroom-9".into()),
                ..Spec::default()
            },
        )
        .unwrap();
        assert_eq!(e.user_id().as_deref(), Some(DEFAULT_USER_ID));
        let mut no_user = e.raw.clone();
        no_user.remove("user_id");
        assert_eq!(
            Event { raw: no_user }.check(),
            Err(EventError::MissingField {
                kind: "client_event",
                field: Field::UserId
            })
        );
    }

    #[test]
    fn received_events_are_checked() {
        // The Go library's real-shaped client event (pusher-protocol.md §5).
        let go = br#"{"time_ms":1427233518933,"events":[{"name":"client_event","channel":"private-channel","event":"client-yolo","data":"{\"yolo\":\"woot\"}","socket_id":"44610.7511910"}]}"#;
        let b = validate(go).unwrap();
        assert_eq!(b.time_ms, 1_427_233_518_933);
        assert_eq!(b.events[0].event(), Some("client-yolo"));
        // Numeric user ids are accepted as servers may send them.
        assert_eq!(
            ev(r#"{"name":"member_added","channel":"presence-x","user_id":10}"#).check(),
            Ok(EventType::MemberAdded)
        );
        let cases = [
            (r#"{"channel":"x"}"#, EventError::NoName),
            (
                r#"{"name":"channel_existence","channel":"x"}"#,
                EventError::UnknownType("channel_existence".into()),
            ),
            (r#"{"name":"channel_occupied"}"#, EventError::NoChannel),
            (
                r#"{"name":"member_added","channel":"presence-x"}"#,
                EventError::MissingField {
                    kind: "member_added",
                    field: Field::UserId,
                },
            ),
            (
                r#"{"name":"subscription_count","channel":"x","subscription_count":"3"}"#,
                EventError::FieldType {
                    field: Field::SubscriptionCount,
                    expected: "a whole number",
                    got: "a string",
                },
            ),
            (
                r#"{"name":"channel_vacated","channel":"x","user_id":"1"}"#,
                EventError::Unused {
                    kind: "channel_vacated",
                    field: Field::UserId,
                },
            ),
        ];
        for (json, want) in cases {
            assert_eq!(ev(json).check(), Err(want), "{json}");
        }
    }

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

    /// pusher-protocol.md §6.5: each official vector verifies, with the key it came with.
    #[test]
    fn official_vectors_verify() {
        let cases: [(&str, &str, &[u8], &str); 5] = [
            ("123456789", "tofu", br#"{"time_ms":1403175510755,"events":[{"channel":"test_channel","name":"channel_vacated"}]}"#,
             "c17257e92037cd7de407ebc1ed174ceb7b2e518db127f44411b9ffc4f5b28cc5"),
            ("key", "secret", br#"{"hello":"world"}"#,
             "2677ad3e7c090b2fa2c0fb13020d66d5420879b8316eb356a2d60fb9073bc778"),
            ("key", "secret", br#"{"time_ms":1327078148132,"events":[{"name":"event_name","some":"data"}]}"#,
             "05a115b7898e4956cf46df2dd2822b3b913a4255343acd82d31609f222765c6a"),
            ("thisisaauthkey", "thisisasecret", br#"{"hello":"world"}"#,
             "40e0ad3b9aa49529322879e84de1aaaf18bde1efe839ca263d540cc865510d25"),
            ("thisisaauthkey", "thisisasecret", br#"{"time_ms":1530710011901,"events":[{"name":"client_event","channel":"private-my-channel","event":"client-event","data":"Unencrypted","socket_id":"240621.35780774"}]}"#,
             "a19cab2af3ca1029257570395e78d5d675e9e700ca676d18a375a7083178df1c"),
        ];
        for (key, secret, body, sig) in cases {
            assert_eq!(
                verify(key, secret, Some(key), Some(sig), body),
                Verdict::Valid {
                    final_newline_ignored: false
                }
            );
            assert_eq!(
                verify(key, "other", Some(key), Some(sig), body),
                Verdict::SignatureMismatch
            );
        }
        // The NODE and PHP bodies are valid webhooks too.
        assert!(validate(cases[0].2).is_ok());
        assert!(validate(cases[4].2).is_ok());
    }

    /// The official libraries' negative cases (pusher-protocol.md §6.5).
    #[test]
    fn official_negative_cases() {
        let node = br#"{"time_ms":1403175510755,"events":[{"channel":"test_channel","name":"channel_vacated"}]}"#;
        let good = "c17257e92037cd7de407ebc1ed174ceb7b2e518db127f44411b9ffc4f5b28cc5";
        assert_eq!(
            verify("123456789", "tofu", Some("000"), Some(good), node),
            Verdict::KeyUnknown {
                given: "000".into()
            }
        );
        assert_eq!(
            verify("123456789", "tofu", Some("123456789"), Some("000"), node),
            Verdict::MalformedSignature
        );
        let go = br#"{"hello":"world"}"#;
        let go_sig = "2677ad3e7c090b2fa2c0fb13020d66d5420879b8316eb356a2d60fb9073bc778";
        assert_eq!(
            verify(
                "key",
                "secret",
                Some("narr you're going down!"),
                Some(go_sig),
                go
            ),
            Verdict::KeyUnknown {
                given: "narr you're going down!".into()
            }
        );
        assert_eq!(
            verify(
                "key",
                "secret",
                Some("key"),
                Some("2677ad3e7c090i'mgonnagetyaeb356a2d60fb9073bc778"),
                go
            ),
            Verdict::MalformedSignature
        );
        assert_eq!(
            verify("key", "secret", Some("key"), None, go),
            Verdict::NoSignature
        );
        assert_eq!(
            verify("key", "secret", Some("key"), Some(" "), go),
            Verdict::NoSignature
        );
    }

    #[test]
    fn verdicts_say_which_part_is_wrong() {
        let body = br#"{"time_ms":1,"events":[{"name":"channel_occupied","channel":"a"}]}"#;
        let sig = webhook_signature("s", body);
        let check = |b: &[u8]| verify("k", "s", None, Some(&sig), b);
        assert!(check(body).is_valid());
        let mut saved = body.to_vec();
        saved.push(b'\n');
        assert_eq!(
            check(&saved),
            Verdict::Valid {
                final_newline_ignored: true
            }
        );
        let pretty =
            serde_json::to_string_pretty(&serde_json::from_slice::<Value>(body).unwrap()).unwrap();
        assert_eq!(check(pretty.as_bytes()), Verdict::BodyAltered);
        assert_eq!(check(b"\n\n{\"time_ms\":1,\"events\":[{\"name\":\"channel_occupied\",\"channel\":\"a\"}]}  "), Verdict::BodyAltered);
        assert_eq!(check(&body[..body.len() - 3]), Verdict::SignatureMismatch);
        let changed = String::from_utf8_lossy(body).replace("\"a\"", "\"b\"");
        assert_eq!(check(changed.as_bytes()), Verdict::SignatureMismatch);
        assert_eq!(
            verify("k", "s", None, Some(&sig.to_uppercase()), body),
            Verdict::Valid {
                final_newline_ignored: false
            }
        );
        let tampered = tampered_signature("s", body);
        assert_eq!(tampered.len(), 64);
        assert_eq!(
            verify("k", "s", Some("k"), Some(&tampered), body),
            Verdict::SignatureMismatch
        );
    }

    #[test]
    fn captured_requests() {
        let raw = b"POST /pusher/webhook HTTP/1.1\r\nHost: x\r\nX-Pusher-Key: k\r\nx-pusher-signature: abc\r\nContent-Length: 7\r\n\r\n{\"a\":1}\n";
        let c = parse_captured(raw).unwrap();
        assert_eq!(c.header("X-Pusher-Key"), Some("k"));
        assert_eq!(c.header("X-PUSHER-SIGNATURE"), Some("abc"));
        assert_eq!(c.body.as_deref(), Some(&b"{\"a\":1}"[..]));
        let headers_only = parse_captured(b"X-Pusher-Key: k\nX-Pusher-Signature: abc\n").unwrap();
        assert_eq!(headers_only.body, None);
        assert_eq!(headers_only.header("x-pusher-signature"), Some("abc"));
        let lf = parse_captured(b"X-Pusher-Key: k\n\n{\"a\":1}").unwrap();
        assert_eq!(lf.body.as_deref(), Some(&b"{\"a\":1}"[..]));
        assert_eq!(
            parse_captured(b"X-Pusher-Key k\n"),
            Err(CaptureError::NotHeader(1))
        );
        assert_eq!(
            parse_captured(b"Content-Length: 9\r\n\r\n{}"),
            Err(CaptureError::Short { want: 9, got: 2 })
        );
        assert!(matches!(
            parse_captured(b"Content-Length: x\r\n\r\n{}"),
            Err(CaptureError::BadLength(_))
        ));
    }
}
