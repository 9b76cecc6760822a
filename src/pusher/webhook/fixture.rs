//! Fixtures: one event of a type, built from the values given and defaults for the
//! rest, and checked as a received event is.

use serde_json::{Map, Value};

use super::event::{Event, EventError, EventType, Field};
use crate::pusher::names::ChannelKind;

/// What a fixture takes for a value it is not given: a channel of each kind the event
/// types are sent for, and a member, a connection and a client event. The platform's
/// are `catalog::webhook_fixtures::DEFAULTS`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Defaults {
    /// For channel_occupied, channel_vacated, member_added and member_removed.
    pub presence_channel: &'static str,
    /// For client_event.
    pub private_channel: &'static str,
    /// For subscription_count.
    pub public_channel: &'static str,
    /// For cache_miss.
    pub cache_channel: &'static str,
    pub user_id: &'static str,
    pub socket_id: &'static str,
    pub client_event: &'static str,
    pub client_data: &'static str,
    pub subscription_count: u64,
}

/// What a fixture is built from; `None` takes the default.
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
pub fn event(kind: EventType, spec: &Spec, defaults: &Defaults) -> Result<Event, EventError> {
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
            EventType::ClientEvent => defaults.private_channel,
            EventType::CacheMiss => defaults.cache_channel,
            EventType::SubscriptionCount => defaults.public_channel,
            _ => defaults.presence_channel,
        }
        .to_owned()
    });
    let presence = ChannelKind::of(&channel) == ChannelKind::Presence;
    let user_id = || {
        spec.user_id
            .clone()
            .unwrap_or_else(|| defaults.user_id.to_owned())
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
            let event = spec.event.as_deref().unwrap_or(defaults.client_event);
            let data = spec.data.as_deref().unwrap_or(defaults.client_data);
            let socket = spec.socket_id.as_deref().unwrap_or(defaults.socket_id);
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
                Value::from(
                    spec.subscription_count
                        .unwrap_or(defaults.subscription_count),
                ),
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

    /// Defaults of no platform in particular.
    const TEST: Defaults = Defaults {
        presence_channel: "presence-room-1",
        private_channel: "private-room-1",
        public_channel: "updates",
        cache_channel: "cache-updates",
        user_id: "7",
        socket_id: "3.4",
        client_event: "client-moved",
        client_data: r#"{"x":1}"#,
        subscription_count: 3,
    };

    fn fixture(kind: EventType, spec: &Spec) -> Result<Event, EventError> {
        event(kind, spec, &TEST)
    }

    #[test]
    fn every_type_has_a_valid_default_fixture() {
        for t in EventType::ALL {
            let e = fixture(t, &Spec::default()).unwrap();
            assert_eq!(e.check(), Ok(t));
            let b = body(1_700_000_000_000, &[e]);
            assert!(validate(b.as_bytes()).is_ok(), "{b}");
        }
    }

    #[test]
    fn the_defaults_fill_what_the_spec_leaves_out() {
        let channels = [
            (EventType::ChannelOccupied, TEST.presence_channel),
            (EventType::ChannelVacated, TEST.presence_channel),
            (EventType::MemberAdded, TEST.presence_channel),
            (EventType::MemberRemoved, TEST.presence_channel),
            (EventType::ClientEvent, TEST.private_channel),
            (EventType::CacheMiss, TEST.cache_channel),
            (EventType::SubscriptionCount, TEST.public_channel),
        ];
        for (t, channel) in channels {
            let e = fixture(t, &Spec::default()).unwrap();
            assert_eq!(e.channel(), Some(channel), "{t:?}");
        }
        let e = fixture(EventType::ClientEvent, &Spec::default()).unwrap();
        assert_eq!(
            body(1, &[e]),
            r#"{"time_ms":1,"events":[{"name":"client_event","channel":"private-room-1","event":"client-moved","data":"{\"x\":1}","socket_id":"3.4"}]}"#
        );
        let e = fixture(EventType::SubscriptionCount, &Spec::default()).unwrap();
        assert_eq!(e.subscription_count(), Some(&Value::from(3)));
    }

    #[test]
    fn fixture_bodies_are_written_like_the_docs() {
        let e = fixture(EventType::MemberAdded, &Spec::default()).unwrap();
        assert_eq!(
            body(1, &[e]),
            r#"{"time_ms":1,"events":[{"name":"member_added","channel":"presence-room-1","user_id":"7"}]}"#
        );
        let spec = Spec {
            channel: Some("private-class-7".into()),
            event: Some("client-typing".into()),
            data: Some(r#"{"typing":true}"#.into()),
            socket_id: Some("1.2".into()),
            ..Spec::default()
        };
        let e = fixture(EventType::ClientEvent, &spec).unwrap();
        assert_eq!(
            body(5, &[e]),
            r#"{"time_ms":5,"events":[{"name":"client_event","channel":"private-class-7","event":"client-typing","data":"{\"typing\":true}","socket_id":"1.2"}]}"#
        );
        let e = fixture(
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
            fixture(EventType::MemberAdded, &spec("private-class-1")),
            Err(EventError::NotPresence {
                channel_kind: ChannelKind::Private,
                ..
            })
        ));
        let e = fixture(EventType::MemberRemoved, &spec("dashboard-updates")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "member_removed is sent for presence channels only, and `dashboard-updates` is a public channel"
        );
        let e = fixture(
            EventType::ClientEvent,
            &Spec {
                event: Some("typing".into()),
                ..Spec::default()
            },
        )
        .unwrap_err();
        assert_eq!(e, EventError::NotClientName("typing".into()));
        assert!(matches!(
            fixture(EventType::ClientEvent, &spec("dashboard-updates")),
            Err(EventError::ClientEventChannel { .. })
        ));
        assert!(matches!(
            fixture(EventType::ClientEvent, &spec("private-encrypted-x")),
            Err(EventError::ClientEventChannel { .. })
        ));
        assert_eq!(
            fixture(EventType::CacheMiss, &spec("dashboard-updates")),
            Err(EventError::NotCache("dashboard-updates".into()))
        );
        assert!(fixture(EventType::CacheMiss, &spec("presence-cache-room")).is_ok());
        assert_eq!(
            fixture(EventType::SubscriptionCount, &spec("presence-classroom-1")),
            Err(EventError::CountOnPresence("presence-classroom-1".into()))
        );
        assert_eq!(
            fixture(
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
            fixture(
                EventType::ClientEvent,
                &Spec {
                    user_id: Some("1".into()),
                    ..Spec::default()
                }
            ),
            Err(EventError::UserIdOnPrivate(TEST.private_channel.into()))
        );
        assert!(matches!(
            fixture(
                EventType::ClientEvent,
                &Spec {
                    socket_id: Some("1.1x".into()),
                    ..Spec::default()
                }
            ),
            Err(EventError::Name(NameError::SocketId(_)))
        ));
        assert!(matches!(
            fixture(EventType::ChannelVacated, &spec("bad channel")),
            Err(EventError::Name(NameError::ChannelChar { .. }))
        ));
        assert_eq!(
            fixture(
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
        let e = fixture(
            EventType::ClientEvent,
            &Spec {
                channel: Some("presence-classroom-9".into()),
                ..Spec::default()
            },
        )
        .unwrap();
        assert_eq!(e.user_id().as_deref(), Some(TEST.user_id));
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
