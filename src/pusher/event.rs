//! Server events to publish: the protocol's limits, checked before anything is sent,
//! and the request bodies of `POST /events` and `POST /batch_events`.

use serde::Serialize;

use super::names::{self, ChannelKind, NameError};

/// Channels one trigger may name (REST API; every official library).
pub const MAX_CHANNELS: usize = 100;
/// Events one `batch_events` request may carry on Pusher's multi-tenant clusters.
pub const MAX_BATCH: usize = 10;
/// Pusher's default limit on an event's `data`, in KB (1 KB = 1024 bytes).
pub const DEFAULT_MAX_PAYLOAD_KB: usize = 10;

/// The per-user channel that `users send` publishes on.
pub const USER_CHANNEL_PREFIX: &str = "#server-to-user-";

/// One event for one or more channels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    pub name: String,
    /// The event's data exactly as sent: a string, usually JSON text.
    pub data: String,
    pub channels: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub socket_id: Option<String>,
}

/// Why an event was refused before sending.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EventError {
    #[error(transparent)]
    Name(#[from] NameError),
    #[error("no channel given")]
    NoChannels,
    #[error("{0} channels given; one trigger may name at most {MAX_CHANNELS}")]
    TooManyChannels(usize),
    #[error("`{0}` is a client event name; the REST API does not publish client- events")]
    ClientEvent(String),
    #[error("`{0}` is a reserved event name")]
    ReservedEvent(String),
    #[error("the data is {bytes} bytes; the limit is {limit} bytes ({kb} KB)")]
    TooLarge {
        bytes: usize,
        limit: usize,
        kb: usize,
    },
    #[error("an encrypted channel (`{0}`) cannot share a trigger with other channels")]
    EncryptedWithOthers(String),
    #[error("user id `{0}` may use letters, digits and `_ - = @ , . ;` only")]
    UserId(String),
}

impl EventError {
    pub fn hint(&self) -> String {
        match self {
            Self::Name(e) => e.hint().to_owned(),
            Self::NoChannels => "name one or more channels, comma-separated".into(),
            Self::TooManyChannels(_) => "split the channels over several triggers".into(),
            Self::ClientEvent(_) => {
                "client events come from subscribers: send them with `rtctl tail … --send`".into()
            }
            Self::ReservedEvent(_) => "pusher: and pusher_internal: events belong to the protocol".into(),
            Self::TooLarge { .. } => {
                "send less data, or raise `max_payload_kb` in the profile if your server allows more".into()
            }
            Self::EncryptedWithOthers(_) => "trigger the encrypted channel on its own".into(),
            Self::UserId(_) => "user ids are the `id` of the user's sign-in data".into(),
        }
    }
}

/// A channel an event may be published on: a valid channel name, or a user's
/// `#server-to-user-<id>` channel.
pub fn validate_trigger_channel(channel: &str) -> Result<(), EventError> {
    if let Some(user) = channel.strip_prefix(USER_CHANNEL_PREFIX) {
        return validate_user_id(user);
    }
    names::validate_channel(channel)?;
    Ok(())
}

/// A user id as user authentication allows it.
pub fn validate_user_id(id: &str) -> Result<(), EventError> {
    let ok = !id.is_empty()
        && id.chars().all(|c| {
            c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '=' | '@' | ',' | '.' | ';')
        });
    if ok {
        Ok(())
    } else {
        Err(EventError::UserId(id.to_owned()))
    }
}

/// Check an event against the protocol's limits. `max_payload_kb` is the server's data limit.
pub fn validate(event: &Event, max_payload_kb: usize) -> Result<(), EventError> {
    if event.channels.is_empty() {
        return Err(EventError::NoChannels);
    }
    if event.channels.len() > MAX_CHANNELS {
        return Err(EventError::TooManyChannels(event.channels.len()));
    }
    for channel in &event.channels {
        validate_trigger_channel(channel)?;
    }
    if event.channels.len() > 1
        && let Some(enc) = event
            .channels
            .iter()
            .find(|c| ChannelKind::of(c) == ChannelKind::PrivateEncrypted)
    {
        return Err(EventError::EncryptedWithOthers(enc.clone()));
    }
    names::validate_event_name(&event.name)?;
    if event.name.starts_with("client-") {
        return Err(EventError::ClientEvent(event.name.clone()));
    }
    if event.name.starts_with("pusher:") || event.name.starts_with("pusher_internal:") {
        return Err(EventError::ReservedEvent(event.name.clone()));
    }
    if let Some(id) = &event.socket_id {
        names::validate_socket_id(id)?;
    }
    validate_size(event, max_payload_kb)
}

/// The data limit alone, for an event whose names `validate` passed before its data
/// was set or changed.
pub fn validate_size(event: &Event, max_payload_kb: usize) -> Result<(), EventError> {
    let limit = max_payload_kb.saturating_mul(1024);
    if event.data.len() > limit {
        return Err(EventError::TooLarge {
            bytes: event.data.len(),
            limit,
            kb: max_payload_kb,
        });
    }
    Ok(())
}

/// `POST /events` body: `{"name","data","channels","socket_id"?,"info"?}`, as the Node library writes it.
pub fn trigger_body(event: &Event, info: &[String]) -> Vec<u8> {
    #[derive(Serialize)]
    struct Body<'a> {
        #[serde(flatten)]
        event: &'a Event,
        #[serde(skip_serializing_if = "Option::is_none")]
        info: Option<String>,
    }
    let info = (!info.is_empty()).then(|| info.join(","));
    serde_json::to_vec(&Body { event, info })
        .unwrap_or_else(|_| unreachable!("strings always serialize"))
}

/// One event of a `batch_events` request: a single channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BatchItem {
    pub channel: String,
    pub name: String,
    pub data: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub socket_id: Option<String>,
}

impl BatchItem {
    /// The item as a one-channel event, for the same checks as a trigger.
    pub fn as_event(&self) -> Event {
        Event {
            name: self.name.clone(),
            data: self.data.clone(),
            channels: vec![self.channel.clone()],
            socket_id: self.socket_id.clone(),
        }
    }
}

/// `POST /batch_events` body: `{"batch":[{"channel","name","data","socket_id"?}, …]}`.
pub fn batch_body(items: &[BatchItem]) -> Vec<u8> {
    #[derive(Serialize)]
    struct Body<'a> {
        batch: &'a [BatchItem],
    }
    // Room for the items unescaped and their keys, so the body is seldom grown.
    let size = items
        .iter()
        .map(|i| {
            i.channel.len()
                + i.name.len()
                + i.data.len()
                + i.socket_id.as_ref().map_or(0, String::len)
                + 64
        })
        .sum::<usize>()
        + 16;
    let mut body = Vec::with_capacity(size);
    serde_json::to_writer(&mut body, &Body { batch: items })
        .unwrap_or_else(|_| unreachable!("strings always serialize"));
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(channels: &[&str], name: &str, data: &str) -> Event {
        Event {
            name: name.into(),
            data: data.into(),
            channels: channels.iter().map(|c| (*c).to_owned()).collect(),
            socket_id: None,
        }
    }

    #[test]
    fn bodies_match_the_official_libraries_byte_for_byte() {
        // NODE tests/integration/pusher/trigger.js
        let e = event(&["one"], "my_event", r#"{"some":"data "}"#);
        assert_eq!(
            String::from_utf8(trigger_body(&e, &[])).unwrap(),
            r#"{"name":"my_event","data":"{\"some\":\"data \"}","channels":["one"]}"#
        );
        let mut e = event(&["test_channel"], "my_event", r#"{"some":"data "}"#);
        e.socket_id = Some("123.567".into());
        assert_eq!(
            String::from_utf8(trigger_body(
                &e,
                &["user_count".into(), "subscription_count".into()]
            ))
            .unwrap(),
            r#"{"name":"my_event","data":"{\"some\":\"data \"}","channels":["test_channel"],"socket_id":"123.567","info":"user_count,subscription_count"}"#
        );
        // GO client_test.go batch body.
        let items: Vec<BatchItem> = ["yolo1", "yolo2"]
            .iter()
            .map(|d| BatchItem {
                channel: "test_channel".into(),
                name: "test".into(),
                data: (*d).into(),
                socket_id: None,
            })
            .collect();
        assert_eq!(
            String::from_utf8(batch_body(&items)).unwrap(),
            r#"{"batch":[{"channel":"test_channel","name":"test","data":"yolo1"},{"channel":"test_channel","name":"test","data":"yolo2"}]}"#
        );
        // GO TestSendToUserSuccessCase body, reordered as Node writes it.
        let e = event(&["#server-to-user-123456"], "test", "yolo");
        assert_eq!(
            String::from_utf8(trigger_body(&e, &[])).unwrap(),
            r##"{"name":"test","data":"yolo","channels":["#server-to-user-123456"]}"##
        );
    }

    #[test]
    fn limits() {
        let ok = event(&["dashboard-updates"], "system_notification", "{}");
        assert_eq!(validate(&ok, 10), Ok(()));
        assert_eq!(
            validate(&event(&[], "e", ""), 10),
            Err(EventError::NoChannels)
        );
        let many: Vec<String> = (0..101).map(|i| format!("c{i}")).collect();
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(
            validate(&event(&refs, "e", ""), 10),
            Err(EventError::TooManyChannels(101))
        );
        assert!(validate(&event(&refs[..100], "e", ""), 10).is_ok());
        assert!(matches!(
            validate(&event(&["c"], &"e".repeat(201), ""), 10),
            Err(EventError::Name(NameError::EventTooLong(201)))
        ));
        assert_eq!(
            validate(&event(&["c"], "client-typing", ""), 10),
            Err(EventError::ClientEvent("client-typing".into()))
        );
        assert!(matches!(
            validate(&event(&["c"], "pusher:ping", ""), 10),
            Err(EventError::ReservedEvent(_))
        ));
        assert!(matches!(
            validate(&event(&["bad channel"], "e", ""), 10),
            Err(EventError::Name(NameError::ChannelChar { .. }))
        ));
        let mut bad_socket = ok.clone();
        bad_socket.socket_id = Some("1.1\n".into());
        assert!(matches!(
            validate(&bad_socket, 10),
            Err(EventError::Name(NameError::SocketId(_)))
        ));
        let at_limit = event(&["c"], "e", &"x".repeat(10 * 1024));
        assert!(validate(&at_limit, 10).is_ok());
        let over = event(&["c"], "e", &"x".repeat(10 * 1024 + 1));
        assert_eq!(
            validate(&over, 10),
            Err(EventError::TooLarge {
                bytes: 10241,
                limit: 10240,
                kb: 10
            })
        );
        assert!(validate(&over, 100).is_ok());
        assert!(matches!(
            validate(&event(&["private-encrypted-a", "b"], "e", ""), 10),
            Err(EventError::EncryptedWithOthers(_))
        ));
    }

    #[test]
    fn user_channels() {
        assert_eq!(validate_trigger_channel("#server-to-user-42"), Ok(()));
        assert!(validate_trigger_channel("#server-to-user-").is_err());
        assert!(validate_trigger_channel("#server-to-user-a b").is_err());
        assert!(validate_trigger_channel("#other").is_err());
    }
}
