//! Fixtures: one event of a type, built from the values given and defaults for the
//! rest, and checked as a received event is.

use serde_json::{Map, Value};

use super::event::{Event, EventError, EventType, Field};
use crate::pusher::names::ChannelKind;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pusher::names::NameError;
    use crate::pusher::webhook::{body, validate};

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
}
