//! Webhook events: the types the protocol sends, the fields each carries, the channels
//! each is sent for, and the check of a received event against those rules.

use serde_json::{Map, Value};

use crate::pusher::names::{self, ChannelKind, NameError};
use crate::pusher::sign::json_kind;
use crate::text::escape_for_message;

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
    pub(super) fn fields(self) -> &'static [Field] {
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

/// How cache channels' names start.
pub const CACHE_CHANNEL_PREFIXES: [&str; 4] = [
    "cache-",
    "private-cache-",
    "private-encrypted-cache-",
    "presence-cache-",
];

/// A cache channel: its name starts with one of `CACHE_CHANNEL_PREFIXES`.
fn is_cache_channel(channel: &str) -> bool {
    CACHE_CHANNEL_PREFIXES
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pusher::webhook::validate;

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
}
