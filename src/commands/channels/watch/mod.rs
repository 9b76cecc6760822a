//! `rtctl channels watch`: the occupied channels, listed again and again over the REST
//! API, and what changed between two listings; the flags, the refresh loop with its
//! pacing and backing off, and how the run ends. What is shown is in `view`; what
//! changed, in `pusher::occupancy`.

mod view;

use std::collections::BTreeMap;
use std::time::Duration;

use clap::Args as ClapArgs;
use tokio::time::Instant;

use crate::commands::Ctx;
use crate::error::{CliError, Kind};
use crate::net::http::{self, Reply, RestClient};
use crate::net::jitter;
use crate::pusher::names;
use crate::pusher::occupancy::{self, Listing, MAX_MEMBER_QUERIES, Occupancy};
use crate::pusher::rest::{self, ChannelList, RestRequest, UserList};
use crate::pusher::retry::{Retries, Try, Verdict};
use crate::signal::Stop;
use crate::ui::Ui;
use crate::values::duration_flag as duration;
use view::{Mode, Tally, View};

pub const EXAMPLES: &str = "\
Examples:
  rtctl channels watch                                   every occupied channel, live
  rtctl channels watch --prefix presence-classroom- --members   who joins and leaves
  rtctl channels watch --json | jq -c 'select(.type == \"channel_occupied\")'
  rtctl channels watch --json --duration 5m > occupancy.jsonl";

pub const MORE: &str = "\
On a terminal the table is redrawn in place after every refresh, with the last
changes under it; otherwise one line per change. --json writes JSON Lines, each with
a `type` and a `time`: `snapshot` (the channels at the start), `channel_occupied`,
`channel_vacated`, `count_changed` (with the counts `before`), `members` (a presence
channel's members, first known), `member_added`, `member_removed`, `retrying` and
`summary`. Per-channel records carry `channel`, `kind`, `subscription_count` and
`user_count` (null when the server does not give them).

Requests: each refresh lists the channels (GET /channels, with subscription_count;
a second listing under presence- gives user counts), plus, with --members, one
GET /channels/NAME/users for each of up to 8 presence channels (members not yet
known or whose count changed first, then the least recently asked). The run makes
at most 60 requests a minute, well under sockudo's default limit of 100: a refresh
that needs more waits longer than --interval. A 429 or 5xx answer, or a lost
connection once watching, is reported and retried after backing off: at least
--interval, and the server's Retry-After waited out whole (up to 5 minutes). Other
refusals (401, 403, 404) end the run with their exit code. Ctrl-C and SIGTERM print
the summary and exit 130 and 143; --duration ends the run with exit 0 (124 if it
passed before the first listing).";

/// Watch the occupied channels: counts, and members joining and leaving
#[derive(Debug, ClapArgs)]
pub struct Args {
    /// Only channels whose names start with this, e.g. presence-classroom-
    #[arg(long, value_name = "PREFIX")]
    pub prefix: Option<String>,

    /// Also ask for presence channels' members, and show them joining and leaving
    #[arg(long)]
    pub members: bool,

    /// How often to list the channels, at least 1s (longer when --members needs it)
    #[arg(long, value_name = "DURATION", default_value = "2s")]
    pub interval: String,

    /// Stop after DURATION, e.g. 10m, and exit 0
    #[arg(long, value_name = "DURATION")]
    pub duration: Option<String>,

    /// Write JSON Lines: a snapshot, then one record per change
    #[arg(long)]
    pub json: bool,
}

/// The shortest `--interval`: a listing a second is already as much as the budget allows.
const MIN_INTERVAL: Duration = Duration::from_secs(1);

fn interval(text: &str) -> Result<Duration, CliError> {
    let every = duration("--interval", text)?;
    if every < MIN_INTERVAL {
        return Err(
            CliError::usage(format!("--interval {text} is too short: at least 1s"))
                .hint("the server limits REST requests; try --interval 2s"),
        );
    }
    Ok(every)
}

fn prefix(given: Option<&str>) -> Result<String, CliError> {
    let Some(p) = given else {
        return Ok(String::new());
    };
    names::validate_channel(p).map_err(|e| {
        CliError::usage(format!("--prefix: {e}"))
            .hint("a prefix is the start of a channel name, e.g. presence-classroom-")
    })?;
    Ok(p.to_owned())
}

/// A request that did not succeed: what the try came to, and the error it is.
struct Failed {
    tried: Try,
    error: CliError,
}

impl Failed {
    fn status(&self) -> Option<u16> {
        match self.tried {
            Try::Answered { status, .. } => Some(status),
            Try::NoAnswer { .. } => None,
        }
    }
}

/// Lists the channels and asks for members, one refresh at a time.
struct Watcher {
    rest: RestClient,
    prefix: String,
    members: bool,
    /// Their `info` shrinks when a server refuses an attribute.
    listings: Vec<Listing>,
    /// The refresh each presence channel's members were last asked for in.
    asked: BTreeMap<String, u64>,
    refreshes: u64,
}

impl Watcher {
    /// The most requests one refresh makes: its listings, and the member lists.
    fn most_requests(&self) -> u32 {
        let members = if self.members { MAX_MEMBER_QUERIES } else { 0 };
        u32::try_from(self.listings.len() + members).unwrap_or(u32::MAX)
    }

    fn new(rest: RestClient, prefix: String, members: bool) -> Self {
        Self {
            listings: occupancy::listings(&prefix),
            rest,
            prefix,
            members,
            asked: BTreeMap::new(),
            refreshes: 0,
        }
    }

    /// Send a request once; anything but a 2xx is a `Failed`.
    async fn get(&self, req: RestRequest) -> Result<Reply, Failed> {
        let fail = |tried, error| Failed { tried, error };
        let signed = self.rest.sign(req).map_err(|e| {
            fail(
                Try::NoAnswer {
                    network: false,
                    maybe_sent: false,
                },
                e,
            )
        })?;
        match self.rest.attempt(&signed).await {
            Ok(reply) if reply.is_success() => Ok(reply),
            Ok(reply) => Err(fail(
                Try::Answered {
                    status: reply.status,
                    retry_after: reply.retry_after,
                },
                self.rest.reply_error(&signed, &reply),
            )),
            Err(no) => Err(fail(
                Try::NoAnswer {
                    network: no.error.kind == Kind::Network,
                    maybe_sent: no.maybe_sent,
                },
                no.error,
            )),
        }
    }

    /// One refresh: the listings, then members; the channels now and how many requests
    /// it took. `previous` supplies the members of channels not asked about this time.
    async fn refresh(
        &mut self,
        previous: &Occupancy,
        tally: &mut Tally,
        ui: &Ui,
    ) -> Result<(Occupancy, u32), Failed> {
        self.refreshes += 1;
        let mut requests = 0;
        let mut lists = Vec::new();
        for i in 0..self.listings.len() {
            loop {
                let listing = &self.listings[i];
                let info: Vec<String> = listing.info.iter().map(|a| (*a).to_owned()).collect();
                let req = rest::list_channels(self.rest.app_id(), listing.filter.as_deref(), &info);
                requests += 1;
                tally.requests += 1;
                match self.get(req).await {
                    Ok(reply) => {
                        let list: ChannelList = parsed(&reply)?;
                        lists.push(list.channels);
                        break;
                    }
                    // A server that refuses an attribute in its listing: ask without it.
                    Err(f) if f.status() == Some(400) && !info.is_empty() => {
                        if let Some(dropped) = self.listings[i].info.pop() {
                            ui.warn(&format!(
                                "the server refuses `info={}` in its channel list, so {dropped} is left blank",
                                info.join(",")
                            ));
                        }
                    }
                    Err(f) => return Err(f),
                }
            }
        }
        let mut now = occupancy::merge(&lists, &self.prefix, previous);
        if self.members {
            for name in occupancy::members_to_ask(&now, &self.asked, MAX_MEMBER_QUERIES) {
                requests += 1;
                tally.requests += 1;
                let reply = match self
                    .get(rest::channel_users(self.rest.app_id(), &name))
                    .await
                {
                    Ok(reply) => reply,
                    // Emptied since the listing: servers that forget an empty channel
                    // answer 404 (sockudo answers an empty list). The next listing
                    // shows it gone.
                    Err(f) if f.status() == Some(404) => {
                        self.asked.insert(name.clone(), self.refreshes);
                        continue;
                    }
                    Err(f) => return Err(f),
                };
                let users: UserList = parsed(&reply)?;
                self.asked.insert(name.clone(), self.refreshes);
                if let Some(channel) = now.get_mut(&name) {
                    channel.members = Some(users.users.iter().map(|u| user_id(&u.id)).collect());
                }
            }
        }
        Ok((now, requests))
    }
}

fn parsed<T: serde::de::DeserializeOwned>(reply: &Reply) -> Result<T, Failed> {
    http::parse_json(reply).map_err(|error| Failed {
        tried: Try::NoAnswer {
            network: false,
            maybe_sent: true,
        },
        error,
    })
}

/// A member id as text: a string as it is, a number (tolerated) as written.
fn user_id(id: &serde_json::Value) -> String {
    match id {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Why the run ended.
#[derive(Debug, Clone, Copy)]
enum Ended {
    Signal(Stop),
    Duration,
}

impl Ended {
    fn word(self) -> &'static str {
        match self {
            Self::Signal(stop) => stop.word(),
            Self::Duration => "timeout",
        }
    }
}

/// The first of a signal and the end of `--duration`.
async fn ending(run_length: Option<Duration>) -> Ended {
    let elapsed = async {
        match run_length {
            Some(d) => tokio::time::sleep(d).await,
            None => std::future::pending().await,
        }
    };
    tokio::select! {
        stop = crate::signal::requested() => Ended::Signal(stop),
        () = elapsed => Ended::Duration,
    }
}

pub async fn run(ctx: &mut Ctx, args: Args) -> Result<(), CliError> {
    let every = interval(&args.interval)?;
    let run_length = args
        .duration
        .as_deref()
        .map(|text| duration("--duration", text))
        .transpose()?;
    let prefix = prefix(args.prefix.as_deref())?;
    if args.members && !occupancy::may_hold_presence(&prefix) {
        ctx.ui.warn(&format!(
            "--members shows presence channels' members, and no presence channel starts with `{prefix}`"
        ));
    }
    let stop = ending(run_length);
    tokio::pin!(stop);
    let rest = tokio::select! {
        biased;
        end = &mut stop => return end_of(end, None),
        rest = ctx.rest() => rest?,
    };
    let server = format!(
        "{} (app {})",
        ctx.config()?.require_rest()?.authority(),
        rest.app_id()
    );
    let ui = ctx.ui;
    let mode = if args.json {
        Mode::Json
    } else if ctx.ui.stdout_redraws {
        Mode::Live
    } else {
        Mode::Lines
    };
    let mut view = View::new(ui, mode, server, every, args.members);
    let mut watcher = Watcher::new(rest, prefix, args.members);
    let mut tally = Tally::default();
    let mut state: Option<Occupancy> = None;
    let mut retries = Retries::new(u32::MAX);
    let ended = loop {
        let started = Instant::now();
        let previous = state.clone().unwrap_or_default();
        let outcome = tokio::select! {
            biased;
            end = &mut stop => break end,
            outcome = watcher.refresh(&previous, &mut tally, &ui) => outcome,
        };
        let wait = match outcome {
            Ok((now, requests)) => {
                retries = Retries::new(u32::MAX);
                tally.refreshes += 1;
                let pace = occupancy::pause(every, requests);
                view.pace(pace);
                match &state {
                    None => view.snapshot(&now)?,
                    Some(before) => {
                        let changes = occupancy::diff(before, &now);
                        tally.changes += changes.len() as u64;
                        view.changes(&now, &changes)?;
                    }
                }
                state = Some(now);
                pace
            }
            Err(failed) => {
                // Before the first listing, a server that cannot be reached is a
                // mistake to report, not an outage to sit out.
                let unreached = state.is_none() && failed.status().is_none();
                match retries.after(failed.tried, jitter) {
                    Verdict::RetryAfter(wait) if !unreached => {
                        let retry_after = match failed.tried {
                            Try::Answered { retry_after, .. } => retry_after,
                            Try::NoAnswer { .. } => None,
                        };
                        // A refresh that failed part way may have spent most of its
                        // requests: pace the next as if it had spent them all.
                        let wait = occupancy::retry_wait(wait, retry_after, every)
                            .max(occupancy::pause(every, watcher.most_requests()));
                        tally.retries += 1;
                        view.retrying(failed.status(), &failed.error.message, retry_after, wait)?;
                        wait
                    }
                    _ => {
                        if state.is_some() {
                            view.summary("error", &tally)?;
                        }
                        return Err(failed.error);
                    }
                }
            }
        };
        tokio::select! {
            biased;
            end = &mut stop => break end,
            () = tokio::time::sleep_until(started + wait) => {}
        }
    };
    view.summary(ended.word(), &tally)?;
    end_of(ended, Some(&tally))
}

/// The run's result for how it ended; a run stopped before any listing is not a success.
fn end_of(ended: Ended, tally: Option<&Tally>) -> Result<(), CliError> {
    match ended {
        Ended::Signal(stop) => Err(stop.error()),
        Ended::Duration if tally.is_some_and(|t| t.refreshes > 0) => Ok(()),
        Ended::Duration => Err(CliError::new(
            Kind::TimedOut,
            "--duration passed before the channels could be listed once",
        )
        .hint("check the server with `rtctl doctor`, or give a longer --duration")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_are_at_least_a_second() {
        assert_eq!(interval("2s").unwrap(), Duration::from_secs(2));
        assert_eq!(interval("1").unwrap(), MIN_INTERVAL);
        for bad in ["999ms", "0", "-1", "NaN", "fast"] {
            let e = interval(bad).unwrap_err();
            assert_eq!(e.kind, Kind::Usage, "{bad}");
            assert!(e.message.contains("--interval"), "{}", e.message);
        }
    }

    #[test]
    fn a_prefix_is_the_start_of_a_channel_name() {
        assert_eq!(prefix(None).unwrap(), "");
        assert_eq!(prefix(Some("presence-")).unwrap(), "presence-");
        for bad in ["", "bad prefix", "a#b"] {
            let e = prefix(Some(bad)).unwrap_err();
            assert_eq!(e.kind, Kind::Usage, "{bad:?}");
            assert!(e.message.contains("--prefix"), "{}", e.message);
        }
    }
}
