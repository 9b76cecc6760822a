//! What to do about a webhook the protocol would not send: the hints its errors come
//! with, giving the platform's channels as examples.

use crate::catalog::webhook_fixtures::DEFAULTS;
use crate::pusher::webhook::{CACHE_CHANNEL_PREFIXES, EventError, EventType, InvalidBody};

/// How to put a body right that is not a valid webhook.
pub fn for_body(e: &InvalidBody) -> String {
    match e {
        InvalidBody::Body(_) => format!(
            r#"a webhook body looks like {{"time_ms":1700000000000,"events":[{{"name":"channel_occupied","channel":"{}"}}]}}; `rtctl webhook fixture` makes one"#,
            DEFAULTS.presence_channel
        ),
        InvalidBody::Event { error, .. } => for_event(error),
    }
}

/// How to put an event right that breaks the protocol's rules.
pub fn for_event(e: &EventError) -> String {
    match e {
        EventError::NoName | EventError::UnknownType(_) => {
            let (last, rest) = EventType::NAMES.split_last().unwrap_or((&"", &[]));
            format!("webhook events are {} and {last}", rest.join(", "))
        }
        EventError::Name(e) => e.hint().to_owned(),
        EventError::NotPresence { .. } | EventError::UserIdOnPrivate(_) => format!(
            "use a presence- channel, e.g. {}",
            DEFAULTS.presence_channel
        ),
        EventError::ClientEventChannel { .. } => format!(
            "use a private- or presence- channel, e.g. {}",
            DEFAULTS.private_channel
        ),
        EventError::NotClientName(_) => {
            "client event names start with `client-`, e.g. client-typing".to_owned()
        }
        EventError::NotCache(_) => {
            let (last, rest) = CACHE_CHANNEL_PREFIXES.split_last().unwrap_or((&"", &[]));
            format!("cache channels start with {} or {last}", rest.join(", "))
        }
        EventError::CountOnPresence(_) => "use a public or private channel".to_owned(),
        EventError::NoChannel | EventError::MissingField { .. } | EventError::FieldType { .. } => {
            "see the fields of each event type with `rtctl webhook fixture --help`".to_owned()
        }
        EventError::Unused { .. } => {
            "leave the field out, or pick the event type that has it".to_owned()
        }
        EventError::EmptyUserId => {
            "user ids are the `user_id` of the member's channel data".to_owned()
        }
        EventError::NotText(..) => "`name` and `channel` are strings".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pusher::names::ChannelKind;
    use crate::pusher::webhook::{BodyError, validate};

    /// The hints say what they said when they lived in the protocol core.
    #[test]
    fn hints_name_the_rules_and_the_platforms_channels() {
        assert_eq!(
            for_event(&EventError::NoName),
            "webhook events are channel_occupied, channel_vacated, member_added, member_removed, client_event, cache_miss and subscription_count"
        );
        assert_eq!(
            for_event(&EventError::NotCache("x".into())),
            "cache channels start with cache-, private-cache-, private-encrypted-cache- or presence-cache-"
        );
        assert_eq!(
            for_event(&EventError::UserIdOnPrivate("private-x".into())),
            "use a presence- channel, e.g. presence-classroom-101"
        );
        assert_eq!(
            for_event(&EventError::ClientEventChannel {
                channel: "x".into(),
                channel_kind: ChannelKind::Public
            }),
            "use a private- or presence- channel, e.g. private-class-101"
        );
        assert_eq!(
            for_body(&InvalidBody::Event {
                index: 1,
                error: EventError::EmptyUserId
            }),
            for_event(&EventError::EmptyUserId)
        );
    }

    /// The body a hint shows is itself a valid webhook.
    #[test]
    fn the_example_body_is_a_webhook() {
        let hint = for_body(&InvalidBody::Body(BodyError::Empty));
        let example = hint
            .strip_prefix("a webhook body looks like ")
            .and_then(|h| h.split_once("; "))
            .map(|(body, _)| body)
            .unwrap();
        assert!(validate(example.as_bytes()).is_ok(), "{example}");
        assert!(
            hint.ends_with("; `rtctl webhook fixture` makes one"),
            "{hint}"
        );
    }
}
