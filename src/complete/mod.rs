//! Candidates for dynamic shell completion: profile names from the config file, the
//! catalogue's channels and events, and the channels the profile's server has occupied.
//!
//! Completion is quiet and quick: a broken config or catalogue, or a server that is down
//! or slow, means fewer candidates, never an error on the terminal or a wait.

mod line;
mod occupied;

use clap_complete::{ArgValueCandidates, CompletionCandidate};

use crate::catalog::{self, Catalog};
use crate::config::inputs::Inputs;
use crate::config::{Resolved, load, resolve};
use crate::pusher::names::ChannelKind;

use line::Line;

fn profile_candidates() -> Vec<CompletionCandidate> {
    let path = load::config_path();
    let mut names = load::read_file(&path)
        .ok()
        .flatten()
        .map(|f| f.profile_names())
        .unwrap_or_default();
    if !names.iter().any(|n| n == crate::config::LOCAL_PROFILE) {
        names.push(crate::config::LOCAL_PROFILE.to_owned());
    }
    names.into_iter().map(CompletionCandidate::new).collect()
}

/// Profile names for dynamic completion.
pub fn profile_completer() -> ArgValueCandidates {
    ArgValueCandidates::new(profile_candidates)
}

/// The profile the line names, from the config file, the environment and the line's
/// flags; never from a `.env`, which completion does not read: a file in whatever
/// directory the shell is in must not choose the server that completion asks.
/// `None` when the config is broken or names an unknown profile.
fn profile(line: &Line) -> Option<Resolved> {
    let inputs = Inputs {
        file: load::read_file(&load::config_path()).ok()?,
        env: load::env_snapshot(),
        dotenv: None,
        cli: line.cli.clone(),
    };
    let chosen = resolve::select_profile(&inputs).ok()?;
    resolve::resolve(&inputs, chosen).ok()
}

/// The catalogue the command on the line would use: its `--catalog`, else the
/// profile's, else the built-in one.
fn catalogue(line: &Line, profile: Option<&Resolved>) -> Option<Catalog> {
    let setting = profile.and_then(|p| p.catalog.as_ref());
    match catalog::choose(line.catalog.as_deref(), setting) {
        catalog::Choice::Off => None,
        catalog::Choice::BuiltIn => Catalog::parse(catalog::BUILTIN).ok(),
        // Only a regular file: a FIFO or a device would block the shell.
        catalog::Choice::File(path) => {
            let text = std::fs::metadata(&path)
                .ok()
                .filter(std::fs::Metadata::is_file)
                .and_then(|_| std::fs::read_to_string(&path).ok())?;
            Catalog::parse(&text).ok()
        }
    }
}

/// Which channels an argument takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kinds {
    /// Any channel.
    All,
    /// Those that need authorization: private-, private-encrypted- and presence-.
    Authorized,
    /// presence- channels.
    Presence,
}

impl Kinds {
    fn admit(self, name: &str) -> bool {
        let kind = ChannelKind::of(name);
        match self {
            Kinds::All => true,
            Kinds::Authorized => kind.needs_auth(),
            Kinds::Presence => kind == ChannelKind::Presence,
        }
    }

    /// The prefix to ask the server for, when one prefix covers these kinds.
    fn server_prefix(self) -> Option<&'static str> {
        (self == Kinds::Presence).then_some("presence-")
    }
}

/// The catalogue's channels of these kinds, a pattern such as `private-user-{user_id}`
/// cut to its literal prefix.
fn catalogue_channels(catalog: Option<&Catalog>, kinds: Kinds) -> Vec<CompletionCandidate> {
    catalog
        .iter()
        .flat_map(|c| &c.channels)
        .filter(|c| kinds.admit(&c.name))
        .map(|c| {
            CompletionCandidate::new(catalog::prefix_before_vars(&c.name))
                .help(c.description.clone().map(Into::into))
        })
        .collect()
}

/// Channels for an argument that names a live channel: the catalogue's, then those the
/// profile's server reports occupied, when it answers within `occupied::DEADLINE`.
pub fn channel_completer(kinds: Kinds) -> ArgValueCandidates {
    ArgValueCandidates::new(move || {
        let line = Line::being_completed();
        let profile = profile(&line);
        let catalog = catalogue(&line, profile.as_ref());
        let mut candidates = catalogue_channels(catalog.as_ref(), kinds);
        if let Some(p) = &profile {
            let known: Vec<String> = candidates
                .iter()
                .map(|c| c.get_value().to_string_lossy().into_owned())
                .collect();
            candidates.extend(
                occupied::channels(p, kinds.server_prefix())
                    .into_iter()
                    .filter(|name| kinds.admit(name) && !known.contains(name))
                    .map(|name| CompletionCandidate::new(name).help(Some("occupied".into()))),
            );
        }
        candidates
    })
}

/// The catalogue's channels, for an argument about the catalogue itself.
pub fn catalogue_channel_completer() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        let line = Line::being_completed();
        let profile = profile(&line);
        catalogue_channels(catalogue(&line, profile.as_ref()).as_ref(), Kinds::All)
    })
}

/// The events the catalogue lists for the channel on the line: for several channels
/// (`trigger a,b`), those it lists for every one of them.
pub fn event_completer() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        let line = Line::being_completed();
        let profile = profile(&line);
        let catalog = catalogue(&line, profile.as_ref());
        let channels = line.channel.as_deref().unwrap_or_default();
        events_for(catalog.as_ref(), channels)
            .into_iter()
            .map(|(name, help)| CompletionCandidate::new(name).help(help.map(Into::into)))
            .collect()
    })
}

/// The events (with their descriptions) the catalogue lists for every channel in the
/// comma-separated `channels`. A channel the catalogue does not know has none: any
/// event offered would be one trigger warns about ("not in the catalogue; sent
/// without checks"), and an empty list at <TAB> says so before anything is sent.
fn events_for(catalog: Option<&Catalog>, channels: &str) -> Vec<(String, Option<String>)> {
    let Some(catalog) = catalog else {
        return Vec::new();
    };
    let mut entries = channels
        .split(',')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|c| catalog.channel(c).map(|(entry, _)| entry));
    let Some(Some(first)) = entries.next() else {
        return Vec::new();
    };
    let rest: Option<Vec<&catalog::Channel>> = entries.collect();
    let Some(rest) = rest else {
        return Vec::new();
    };
    first
        .events
        .iter()
        .filter(|e| rest.iter().all(|c| c.event(&e.name).is_some()))
        .map(|e| (e.name.clone(), e.description.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> Catalog {
        Catalog::parse(catalog::BUILTIN).unwrap()
    }

    fn names(events: Vec<(String, Option<String>)>) -> Vec<String> {
        events.into_iter().map(|(n, _)| n).collect()
    }

    #[test]
    fn events_are_those_of_the_channel_or_its_pattern() {
        let c = builtin();
        let dashboard = names(events_for(Some(&c), "dashboard-updates"));
        assert!(dashboard.contains(&"system_notification".to_owned()));
        assert!(!dashboard.contains(&"grade_posted".to_owned()));
        let user = names(events_for(Some(&c), "private-user-42"));
        assert!(user.contains(&"grade_posted".to_owned()), "{user:?}");
        assert!(!user.contains(&"system_notification".to_owned()));
    }

    #[test]
    fn several_channels_share_only_common_events() {
        let c = builtin();
        // content-generation and private-user-{user_id} both list progress_update.
        let both = names(events_for(Some(&c), "content-generation,private-user-7"));
        assert_eq!(both, ["progress_update"]);
    }

    #[test]
    fn an_unknown_channel_or_no_catalogue_offers_nothing() {
        let c = builtin();
        assert!(events_for(Some(&c), "no-such-channel").is_empty());
        assert!(events_for(Some(&c), "dashboard-updates,no-such-channel").is_empty());
        assert!(events_for(Some(&c), "").is_empty());
        assert!(events_for(None, "dashboard-updates").is_empty());
    }

    #[test]
    fn kinds_admit_their_channels() {
        assert!(Kinds::All.admit("dashboard-updates"));
        assert!(!Kinds::Authorized.admit("dashboard-updates"));
        assert!(Kinds::Authorized.admit("private-user-"));
        assert!(Kinds::Authorized.admit("presence-classroom-"));
        assert!(!Kinds::Presence.admit("private-user-"));
        assert!(Kinds::Presence.admit("presence-classroom-"));
    }
}
