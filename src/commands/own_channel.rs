//! Channels rtctl makes up for itself (`probe`, `bench`): their kind, chosen with
//! `--kind`, and their names, fresh for each run so they disturb nobody.

/// The kind of channel rtctl makes up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OwnKind {
    Public,
    /// Signed here with the app secret
    Private,
    /// Joined as a member named by rtctl, signed here with the app secret
    Presence,
}

impl OwnKind {
    /// `rtctl-<what>-<id>` with the kind's prefix.
    pub fn name(self, what: &str, id: &str) -> String {
        let prefix = match self {
            Self::Public => "",
            Self::Private => "private-",
            Self::Presence => "presence-",
        };
        format!("{prefix}rtctl-{what}-{id}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pusher::names::{ChannelKind, validate_channel};

    #[test]
    fn made_up_names_are_valid_channels_of_their_kind() {
        for (kind, want) in [
            (OwnKind::Public, ChannelKind::Public),
            (OwnKind::Private, ChannelKind::Private),
            (OwnKind::Presence, ChannelKind::Presence),
        ] {
            let name = kind.name("bench", "a1b2c3-17");
            validate_channel(&name).unwrap();
            assert_eq!(ChannelKind::of(&name), want, "{name}");
        }
    }
}
