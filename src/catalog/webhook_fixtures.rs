//! The platform's webhook fixtures: the channels, member, connection and client event
//! `rtctl webhook fixture` uses for what it is not told.

use crate::pusher::webhook::Defaults;

/// The platform's classroom, class and dashboard channels, and its example member.
pub const DEFAULTS: Defaults = Defaults {
    presence_channel: "presence-classroom-101",
    private_channel: "private-class-101",
    public_channel: "dashboard-updates",
    // The platform has no cache channel of its own.
    cache_channel: "cache-dashboard-updates",
    user_id: "12345",
    socket_id: "123456.789012",
    client_event: "client-activity_update",
    client_data: r#"{"user_id":"12345","status":"active","current_activity":"solving_problem_3"}"#,
    subscription_count: 1,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{BUILTIN, Catalog};
    use crate::pusher::webhook::{EventType, Spec, body, event, validate};

    #[test]
    fn every_type_has_a_valid_default_fixture() {
        for t in EventType::ALL {
            let e = event(t, &Spec::default(), &DEFAULTS).unwrap();
            assert_eq!(e.check(), Ok(t));
            let b = body(1_700_000_000_000, &[e]);
            assert!(validate(b.as_bytes()).is_ok(), "{b}");
        }
    }

    #[test]
    fn fixture_bodies_are_written_like_the_docs() {
        let e = event(EventType::MemberAdded, &Spec::default(), &DEFAULTS).unwrap();
        assert_eq!(
            body(1, &[e]),
            r#"{"time_ms":1,"events":[{"name":"member_added","channel":"presence-classroom-101","user_id":"12345"}]}"#
        );
        let e = event(EventType::ClientEvent, &Spec::default(), &DEFAULTS).unwrap();
        assert_eq!(
            body(1, &[e]),
            r#"{"time_ms":1,"events":[{"name":"client_event","channel":"private-class-101","event":"client-activity_update","data":"{\"user_id\":\"12345\",\"status\":\"active\",\"current_activity\":\"solving_problem_3\"}","socket_id":"123456.789012"}]}"#
        );
    }

    /// The fixtures happen on the platform's own channels, as the catalogue names them.
    #[test]
    fn the_default_channels_are_the_catalogues() {
        let catalog = Catalog::parse(BUILTIN).unwrap();
        for channel in [
            DEFAULTS.presence_channel,
            DEFAULTS.private_channel,
            DEFAULTS.public_channel,
        ] {
            assert!(catalog.channel(channel).is_some(), "{channel}");
        }
        assert_eq!(
            DEFAULTS.cache_channel.strip_prefix("cache-"),
            Some(DEFAULTS.public_channel)
        );
    }
}
