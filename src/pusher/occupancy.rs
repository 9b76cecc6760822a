//! Occupancy over time, for `channels watch`: which listings cover a prefix, the
//! channels they list with their counts and presence members, what changed from one
//! refresh to the next, which presence channels to ask about, and how far apart the
//! refreshes must be to stay within a request budget. Pure.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use super::names::ChannelKind;
use super::rest::ChannelInfo;

/// The REST requests a watch makes a minute at most: one a second on average, well
/// under sockudo's default limit of 100 a minute.
pub const REQUESTS_PER_MINUTE: u32 = 60;

/// The presence channels whose members are asked for in one refresh, at most; the
/// others wait their turn (least recently asked first).
pub const MAX_MEMBER_QUERIES: usize = 8;

/// The prefix every presence channel has; Pusher gives `user_count` in a listing only
/// when the listing is filtered by it (or a longer one).
const PRESENCE: &str = "presence-";

/// One `GET /channels` request: its `filter_by_prefix` and the `info` it asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    pub filter: Option<String>,
    pub info: Vec<&'static str>,
}

/// Whether a presence channel can start with `prefix`.
pub fn may_hold_presence(prefix: &str) -> bool {
    prefix.starts_with(PRESENCE) || PRESENCE.starts_with(prefix)
}

/// The listings that cover the channels starting with `prefix` (all when empty): one
/// with subscription counts, and, where presence channels can match, one filtered by a
/// `presence-` prefix for their user counts (one listing does both under such a prefix).
pub fn listings(prefix: &str) -> Vec<Listing> {
    let filter = (!prefix.is_empty()).then(|| prefix.to_owned());
    if prefix.starts_with(PRESENCE) {
        return vec![Listing {
            filter,
            info: vec!["user_count", "subscription_count"],
        }];
    }
    let mut out = vec![Listing {
        filter,
        info: vec!["subscription_count"],
    }];
    if may_hold_presence(prefix) {
        out.push(Listing {
            filter: Some(PRESENCE.to_owned()),
            info: vec!["user_count", "subscription_count"],
        });
    }
    out
}

/// What is known of one occupied channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Channel {
    pub kind: ChannelKind,
    /// `None` when the server did not say.
    pub subscription_count: Option<u64>,
    pub user_count: Option<u64>,
    /// A presence channel's member ids, once asked for.
    pub members: Option<BTreeSet<String>>,
}

/// The occupied channels, by name.
pub type Occupancy = BTreeMap<String, Channel>;

/// The channels the listings of one refresh name that start with `prefix` (a server
/// may ignore `filter_by_prefix`), with the counts any of them gave, and the members
/// known from before (`previous`) for channels still occupied.
pub fn merge(
    listed: &[BTreeMap<String, ChannelInfo>],
    prefix: &str,
    previous: &Occupancy,
) -> Occupancy {
    let mut out = Occupancy::new();
    for (name, info) in listed.iter().flatten() {
        if !name.starts_with(prefix) {
            continue;
        }
        let entry = out.entry(name.clone()).or_insert_with(|| Channel {
            kind: ChannelKind::of(name),
            subscription_count: None,
            user_count: None,
            members: previous.get(name).and_then(|c| c.members.clone()),
        });
        entry.subscription_count = entry.subscription_count.or(info.subscription_count);
        entry.user_count = entry.user_count.or(info.user_count);
    }
    out
}

/// One difference between two refreshes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Listed now, not before.
    Occupied(String),
    /// Listed before, not now (its members left with it).
    Vacated(String),
    /// A count the server gave now differs from before.
    Counts {
        channel: String,
        subscription_count: Option<u64>,
        user_count: Option<u64>,
    },
    /// A presence channel's members, known for the first time.
    Members(String),
    MemberAdded {
        channel: String,
        user_id: String,
    },
    MemberRemoved {
        channel: String,
        user_id: String,
    },
}

/// What changed from `before` to `after`, channel by channel in name order. A count
/// the server did not give now is not a change; `Counts` carries the counts before.
pub fn diff(before: &Occupancy, after: &Occupancy) -> Vec<Change> {
    let names: BTreeSet<&String> = before.keys().chain(after.keys()).collect();
    let mut out = Vec::new();
    for name in names {
        let (old, new) = match (before.get(name), after.get(name)) {
            (None, Some(new)) => {
                out.push(Change::Occupied(name.clone()));
                if new.members.is_some() {
                    out.push(Change::Members(name.clone()));
                }
                continue;
            }
            (Some(_), None) => {
                out.push(Change::Vacated(name.clone()));
                continue;
            }
            (Some(old), Some(new)) => (old, new),
            (None, None) => continue,
        };
        let moved = |was: Option<u64>, now: Option<u64>| now.is_some() && now != was;
        if moved(old.subscription_count, new.subscription_count)
            || moved(old.user_count, new.user_count)
        {
            out.push(Change::Counts {
                channel: name.clone(),
                subscription_count: old.subscription_count,
                user_count: old.user_count,
            });
        }
        match (&old.members, &new.members) {
            (None, Some(_)) => out.push(Change::Members(name.clone())),
            (Some(was), Some(now)) => {
                for id in now.difference(was) {
                    out.push(Change::MemberAdded {
                        channel: name.clone(),
                        user_id: id.clone(),
                    });
                }
                for id in was.difference(now) {
                    out.push(Change::MemberRemoved {
                        channel: name.clone(),
                        user_id: id.clone(),
                    });
                }
            }
            _ => {}
        }
    }
    out
}

/// The presence channels in `now` whose members to ask for, at most `max`: first those
/// whose members are not known, then those whose user count no longer matches the
/// members known, then the rest, least recently asked first (`asked` holds the refresh
/// each was last asked in).
pub fn members_to_ask(now: &Occupancy, asked: &BTreeMap<String, u64>, max: usize) -> Vec<String> {
    let mut candidates: Vec<(u8, u64, &String)> = now
        .iter()
        .filter(|(_, c)| c.kind == ChannelKind::Presence)
        .map(|(name, c)| {
            let urgency = match &c.members {
                None => 0,
                Some(m) if c.user_count.is_some_and(|n| n != m.len() as u64) => 1,
                Some(_) => 2,
            };
            (urgency, asked.get(name).copied().unwrap_or(0), name)
        })
        .collect();
    candidates.sort();
    candidates
        .into_iter()
        .take(max)
        .map(|(_, _, name)| name.clone())
        .collect()
}

/// How long after a refresh's start the next one starts: `interval`, or longer when
/// the refresh made so many requests that the budget of `REQUESTS_PER_MINUTE` needs it.
pub fn pause(interval: Duration, requests: u32) -> Duration {
    let per_request = Duration::from_secs(60) / REQUESTS_PER_MINUTE;
    interval.max(per_request.saturating_mul(requests))
}

/// The longest `Retry-After` a watch waits out; a server asking for longer is asked
/// again after this.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(300);

/// The wait after a failed refresh: what the retry policy says (`pusher::retry`), but
/// never less than the server's `Retry-After` (up to `MAX_RETRY_AFTER`) or the interval.
/// A watch is in no hurry, and asking sooner only earns another 429.
pub fn retry_wait(policy: Duration, retry_after: Option<Duration>, interval: Duration) -> Duration {
    policy
        .max(retry_after.unwrap_or_default().min(MAX_RETRY_AFTER))
        .max(interval)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(subs: Option<u64>, users: Option<u64>) -> ChannelInfo {
        ChannelInfo {
            subscription_count: subs,
            user_count: users,
            ..ChannelInfo::default()
        }
    }

    fn listed(entries: &[(&str, Option<u64>, Option<u64>)]) -> BTreeMap<String, ChannelInfo> {
        entries
            .iter()
            .map(|(n, s, u)| ((*n).to_owned(), info(*s, *u)))
            .collect()
    }

    fn members(ids: &[&str]) -> Option<BTreeSet<String>> {
        Some(ids.iter().map(|s| (*s).to_owned()).collect())
    }

    fn s(x: &str) -> String {
        x.to_owned()
    }

    #[test]
    fn user_counts_are_asked_for_under_a_presence_prefix_only() {
        let both = vec!["user_count", "subscription_count"];
        assert_eq!(
            listings(""),
            [
                Listing {
                    filter: None,
                    info: vec!["subscription_count"]
                },
                Listing {
                    filter: Some(s("presence-")),
                    info: both.clone()
                }
            ]
        );
        assert_eq!(listings("pres")[1].filter.as_deref(), Some("presence-"));
        assert_eq!(
            listings("presence-classroom-"),
            [Listing {
                filter: Some(s("presence-classroom-")),
                info: both
            }]
        );
        assert!(may_hold_presence("") && may_hold_presence("presence-a"));
        assert!(!may_hold_presence("private-"));
        // No presence channel can match: one listing.
        assert_eq!(
            listings("private-"),
            [Listing {
                filter: Some(s("private-")),
                info: vec!["subscription_count"]
            }]
        );
    }

    #[test]
    fn listings_merge_their_counts_and_keep_known_members() {
        let previous: Occupancy = [(
            s("presence-a"),
            Channel {
                kind: ChannelKind::Presence,
                subscription_count: Some(1),
                user_count: Some(1),
                members: members(&["u1"]),
            },
        )]
        .into();
        let all = listed(&[("presence-a", Some(3), None), ("pub", None, None)]);
        let presence = listed(&[("presence-a", None, Some(2)), ("presence-b", None, Some(1))]);
        let got = merge(&[all, presence], "p", &previous);
        assert_eq!(got.len(), 3);
        assert_eq!(got["presence-a"].subscription_count, Some(3));
        assert_eq!(got["presence-a"].user_count, Some(2));
        assert_eq!(got["presence-a"].members, members(&["u1"]));
        assert_eq!(got["presence-b"].members, None);
        assert_eq!(got["pub"].kind, ChannelKind::Public);
        assert_eq!(
            got["pub"].subscription_count, None,
            "the server said nothing"
        );
        // A server that ignores filter_by_prefix is filtered here.
        let got = merge(&[listed(&[("other", Some(1), None)])], "p", &previous);
        assert!(got.is_empty());
    }

    fn channel(subs: Option<u64>, users: Option<u64>, m: Option<BTreeSet<String>>) -> Channel {
        Channel {
            kind: if users.is_some() || m.is_some() {
                ChannelKind::Presence
            } else {
                ChannelKind::Public
            },
            subscription_count: subs,
            user_count: users,
            members: m,
        }
    }

    #[test]
    fn changes_come_channel_by_channel() {
        let before: Occupancy = [
            (s("gone"), channel(Some(1), None, None)),
            (
                s("presence-r"),
                channel(Some(2), Some(2), members(&["a", "b"])),
            ),
            (s("same"), channel(Some(4), None, None)),
            (s("silent"), channel(Some(4), None, None)),
        ]
        .into();
        let after: Occupancy = [
            (s("new"), channel(Some(1), None, None)),
            (s("presence-new"), channel(None, Some(1), members(&["z"]))),
            (
                s("presence-r"),
                channel(Some(2), Some(2), members(&["b", "c"])),
            ),
            (s("same"), channel(Some(5), None, None)),
            (s("silent"), channel(None, None, None)),
        ]
        .into();
        assert_eq!(
            diff(&before, &after),
            [
                Change::Vacated(s("gone")),
                Change::Occupied(s("new")),
                Change::Occupied(s("presence-new")),
                Change::Members(s("presence-new")),
                Change::MemberAdded {
                    channel: s("presence-r"),
                    user_id: s("c")
                },
                Change::MemberRemoved {
                    channel: s("presence-r"),
                    user_id: s("a")
                },
                Change::Counts {
                    channel: s("same"),
                    subscription_count: Some(4),
                    user_count: None
                },
            ],
            "a count the server left out is no change"
        );
        assert!(diff(&after, &after).is_empty());
        // Members asked for the first time on a channel already listed.
        let mut known = after.clone();
        if let Some(c) = known.get_mut("new") {
            c.members = members(&[]);
        }
        assert_eq!(diff(&after, &known), [Change::Members(s("new"))]);
    }

    #[test]
    fn members_are_asked_for_unknown_first_then_changed_then_oldest() {
        let now: Occupancy = [
            (s("presence-fresh"), channel(None, Some(1), members(&["a"]))),
            (s("presence-moved"), channel(None, Some(3), members(&["a"]))),
            (s("presence-new"), channel(None, Some(1), None)),
            (s("presence-old"), channel(None, Some(1), members(&["a"]))),
            (s("public"), channel(Some(9), None, None)),
        ]
        .into();
        let asked: BTreeMap<String, u64> = [
            (s("presence-fresh"), 7),
            (s("presence-moved"), 7),
            (s("presence-old"), 2),
        ]
        .into();
        assert_eq!(
            members_to_ask(&now, &asked, 8),
            [
                "presence-new",
                "presence-moved",
                "presence-old",
                "presence-fresh"
            ]
        );
        assert_eq!(
            members_to_ask(&now, &asked, 2),
            ["presence-new", "presence-moved"]
        );
        assert!(members_to_ask(&now, &asked, 0).is_empty());
    }

    #[test]
    fn refreshes_slow_down_to_keep_within_the_budget() {
        let secs = Duration::from_secs;
        assert_eq!(pause(secs(2), 1), secs(2));
        assert_eq!(pause(secs(2), 2), secs(2));
        assert_eq!(
            pause(secs(1), 2),
            secs(2),
            "two requests a second is 120/min"
        );
        assert_eq!(pause(secs(2), 2 + MAX_MEMBER_QUERIES as u32), secs(10));
        assert_eq!(pause(secs(30), 10), secs(30));
        assert_eq!(pause(secs(1), u32::MAX), secs(u64::from(u32::MAX)));
    }

    #[test]
    fn a_failed_refresh_waits_for_the_server_and_the_interval() {
        let secs = Duration::from_secs;
        // sockudo's 429 says Retry-After 57: waited out whole, beyond the policy's cap.
        assert_eq!(retry_wait(secs(10), Some(secs(57)), secs(2)), secs(57));
        assert_eq!(
            retry_wait(secs(10), Some(secs(3600)), secs(2)),
            MAX_RETRY_AFTER
        );
        assert_eq!(retry_wait(secs(5), None, secs(2)), secs(5));
        assert_eq!(
            retry_wait(Duration::from_millis(250), None, secs(2)),
            secs(2)
        );
        assert_eq!(retry_wait(secs(1), Some(secs(0)), secs(30)), secs(30));
    }
}
