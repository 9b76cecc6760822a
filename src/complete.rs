//! Candidates for dynamic shell completion: profile names from the config file, and the
//! catalogue's channels and events.

use clap_complete::{ArgValueCandidates, CompletionCandidate};

use crate::catalog::{self, Catalog};

fn profile_candidates() -> Vec<CompletionCandidate> {
    let path = crate::config::load::config_path();
    let mut names = crate::config::load::read_file(&path)
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

/// The catalogue for completion: the default profile's, else the built-in one.
/// Quiet: a broken config or catalogue just means fewer candidates.
fn completion_catalog() -> Option<Catalog> {
    let config = crate::config::load::load(Default::default(), &Default::default()).ok();
    let setting = config.and_then(|c| c.catalog);
    match catalog::choose(None, setting.as_ref()) {
        catalog::Choice::Off => None,
        catalog::Choice::BuiltIn => Catalog::parse(catalog::BUILTIN).ok(),
        catalog::Choice::File(path) => Catalog::parse(&std::fs::read_to_string(path).ok()?).ok(),
    }
}

/// The catalogue's channels (a pattern up to its first `{`), for dynamic completion.
pub fn channel_completer() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        completion_catalog()
            .iter()
            .flat_map(|c| &c.channels)
            .map(|c| {
                CompletionCandidate::new(catalog::prefix_before_vars(&c.name))
                    .help(c.description.clone().map(Into::into))
            })
            .collect()
    })
}

/// The catalogue's event names, for dynamic completion.
pub fn event_completer() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        let mut names: Vec<String> = completion_catalog()
            .iter()
            .flat_map(|c| &c.channels)
            .flat_map(|c| c.events.iter().map(|e| e.name.clone()))
            .collect();
        names.sort();
        names.dedup();
        names.into_iter().map(CompletionCandidate::new).collect()
    })
}
