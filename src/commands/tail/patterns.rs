//! Channel patterns: the occupied channels that match, listed again every `--rescan`.
//! A channel found this way is joined; once nobody but rtctl is subscribed to it, it is
//! left (and joined again if it fills up again).

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use tokio::sync::mpsc;

use crate::error::CliError;
use crate::net::http::{self, RestClient};
use crate::net::ws::Control;
use crate::pusher::event::USER_CHANNEL_PREFIX;
use crate::pusher::names;
use crate::pusher::rest::{self, ChannelInfo, ChannelList};
use crate::ui::Ui;

/// The matching channels and, when the server gave one, each one's subscription count.
pub type Listing = BTreeMap<String, Option<u64>>;

/// Lists the occupied channels matching the patterns.
pub struct Scanner {
    rest: RestClient,
    patterns: Vec<String>,
    /// Ask for counts; off once the server refuses them.
    counts: bool,
}

/// The count a channel's kind has: presence channels count members (Pusher gives
/// `user_count` for presence only), the others subscriptions.
fn count_attribute(prefix: &str) -> &'static str {
    if names::ChannelKind::of(prefix) == names::ChannelKind::Presence {
        "user_count"
    } else {
        "subscription_count"
    }
}

fn count_of(info: &ChannelInfo) -> Option<u64> {
    info.subscription_count.or(info.user_count)
}

impl Scanner {
    pub fn new(rest: RestClient, patterns: Vec<String>) -> Self {
        Self {
            rest,
            patterns,
            counts: true,
        }
    }

    /// Occupied channels matching any pattern. Servers that ignore `filter_by_prefix`
    /// are filtered here; a user's own channel (`#server-to-user-…`) never matches.
    pub async fn scan(&mut self, ui: &Ui) -> Result<Listing, CliError> {
        let mut found = Listing::new();
        for p in self.patterns.clone() {
            let prefix = names::glob_prefix(&p);
            let list = self.list(prefix, ui).await?;
            for (name, info) in list.channels {
                if names::glob_match(&p, &name) && !name.starts_with(USER_CHANNEL_PREFIX) {
                    found.insert(name, count_of(&info));
                }
            }
        }
        Ok(found)
    }

    async fn list(&mut self, prefix: &str, ui: &Ui) -> Result<ChannelList, CliError> {
        let filter = (!prefix.is_empty()).then_some(prefix);
        loop {
            let info: Vec<String> = if self.counts {
                vec![count_attribute(prefix).to_owned()]
            } else {
                Vec::new()
            };
            let signed = self
                .rest
                .sign(rest::list_channels(self.rest.app_id(), filter, &info))?;
            let reply = self.rest.exchange(&signed).await?;
            if reply.status == 400 && self.counts {
                self.counts = false;
                ui.warn(
                    "the server gives no subscription counts in its channel list, so channels \
                     matched by a pattern stay subscribed after everyone else leaves them",
                );
                continue;
            }
            if !reply.is_success() {
                return Err(self.rest.reply_error(&signed, &reply));
            }
            return http::parse_json(&reply);
        }
    }

    /// One channel's count now (the channel listing may be cached): `Some(0)` when it
    /// is not occupied, `None` when the server does not say.
    async fn count(&self, channel: &str) -> Result<Option<u64>, CliError> {
        let info = [count_attribute(channel).to_owned()];
        let got: ChannelInfo = self
            .rest
            .json(rest::get_channel(self.rest.app_id(), channel, &info))
            .await?;
        Ok(match got.occupied {
            Some(false) => Some(0),
            _ => count_of(&got),
        })
    }
}

/// The channels the patterns hold, and those they left.
#[derive(Debug, Default)]
pub struct Held {
    /// Joined through a pattern (never a channel named on the command line).
    joined: BTreeSet<String>,
    /// Left for being vacant, and listed since: a listing can be older than the leaving
    /// (sockudo caches it for 2 s) and count rtctl itself, so these are asked about
    /// afresh before being joined again.
    left: BTreeSet<String>,
    named: Vec<String>,
}

/// What a listing calls for.
#[derive(Debug, Default, PartialEq, Eq)]
struct Changes {
    /// Listed, not held: join.
    join: Vec<String>,
    /// Listed, but left before: join if someone is there now.
    recheck: Vec<String>,
    /// Held, and listed with one subscription at most (rtctl's own) or not at all:
    /// leave if that is still so.
    vacant: Vec<String>,
}

impl Held {
    /// What the first listing found, `named` being the channels named on the command line.
    pub fn new(listing: &Listing, named: &[String]) -> Self {
        Self {
            joined: listing
                .keys()
                .filter(|name| !named.contains(name))
                .cloned()
                .collect(),
            left: BTreeSet::new(),
            named: named.to_vec(),
        }
    }

    fn changes(&mut self, listing: &Listing) -> Changes {
        self.left.retain(|name| listing.contains_key(name));
        let mut changes = Changes::default();
        for name in listing.keys() {
            if self.named.contains(name) || self.joined.contains(name) {
                continue;
            }
            if self.left.contains(name) {
                changes.recheck.push(name.clone());
            } else {
                changes.join.push(name.clone());
            }
        }
        changes.vacant = self
            .joined
            .iter()
            .filter(|name| match listing.get(*name) {
                None => true,
                Some(count) => count.is_some_and(|c| c <= 1),
            })
            .cloned()
            .collect();
        changes
    }

    fn join(&mut self, name: &str) {
        self.left.remove(name);
        self.joined.insert(name.to_owned());
    }

    fn leave(&mut self, name: &str) {
        self.joined.remove(name);
        self.left.insert(name.to_owned());
    }
}

/// Re-list every `every`: join channels that match now, and ask the client to leave
/// those only rtctl still holds.
pub async fn rescan(
    mut scanner: Scanner,
    mut held: Held,
    every: Duration,
    tx: mpsc::Sender<Control>,
    ui: Ui,
) {
    let mut tick = tokio::time::interval(every);
    tick.tick().await;
    loop {
        tick.tick().await;
        let listing = match scanner.scan(&ui).await {
            Ok(listing) => listing,
            Err(e) => {
                ui.warn(&format!("re-listing channels failed: {e}"));
                continue;
            }
        };
        let changes = held.changes(&listing);
        let mut join = changes.join;
        for name in changes.recheck {
            match scanner.count(&name).await {
                Ok(Some(0)) => {}
                Ok(_) => join.push(name),
                Err(e) => ui.warn(&format!("checking {name} failed: {e}")),
            }
        }
        for name in join {
            held.join(&name);
            if tx.send(Control::AddChannel(name)).await.is_err() {
                return;
            }
        }
        for channel in changes.vacant {
            let checked_at = Instant::now();
            match scanner.count(&channel).await {
                Ok(Some(count)) if count <= 1 => {
                    held.leave(&channel);
                    let vacated = Control::Vacated {
                        channel,
                        checked_at,
                        count,
                    };
                    if tx.send(vacated).await.is_err() {
                        return;
                    }
                }
                Ok(_) => {}
                Err(e) => ui.warn(&format!("checking {channel} failed: {e}")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(entries: &[(&str, Option<u64>)]) -> Listing {
        entries
            .iter()
            .map(|(name, count)| ((*name).to_owned(), *count))
            .collect()
    }

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn vacant_means_unlisted_or_one_subscription_at_most() {
        let first = listing(&[
            ("gone", Some(2)),
            ("alone", Some(2)),
            ("busy", Some(2)),
            ("uncounted", None),
            ("named", Some(1)),
        ]);
        let mut held = Held::new(&first, &names(&["named"]));
        let now = listing(&[
            ("alone", Some(1)),
            ("busy", Some(2)),
            ("uncounted", None),
            ("named", Some(1)),
            ("new", Some(0)),
        ]);
        assert_eq!(
            held.changes(&now),
            Changes {
                join: names(&["new"]),
                recheck: Vec::new(),
                vacant: names(&["alone", "gone"]),
            },
            "a channel named on the command line is never left"
        );
    }

    #[test]
    fn a_channel_left_is_asked_about_afresh_before_it_is_joined_again() {
        let mut held = Held::new(&listing(&[("a", Some(2))]), &[]);
        held.leave("a");
        // A listing from before rtctl left still counts rtctl: not a reason to join.
        let stale = listing(&[("a", Some(1))]);
        let changes = held.changes(&stale);
        assert_eq!((changes.join, changes.recheck), (vec![], names(&["a"])));
        held.join("a");
        assert!(held.changes(&stale).recheck.is_empty(), "held again");
        // Once a listing no longer shows it, a later one is news.
        held.leave("a");
        held.changes(&listing(&[]));
        assert_eq!(held.changes(&stale).join, names(&["a"]));
    }

    #[test]
    fn presence_channels_count_members() {
        assert_eq!(count_attribute("presence-classroom-"), "user_count");
        assert_eq!(count_attribute("pat-"), "subscription_count");
        assert_eq!(count_attribute(""), "subscription_count");
        let info = ChannelInfo {
            user_count: Some(3),
            ..ChannelInfo::default()
        };
        assert_eq!(count_of(&info), Some(3));
    }
}
