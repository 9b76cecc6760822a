//! `rtctl bench`: a bounded load on a server the user owns. Opens `--subscribers`
//! connections over `--channels` channels, publishes `--rate` events for `--duration`,
//! and counts every delivery against what was expected, on one clock.
//!
//! The subscribers are in `fleet`, the publishing in `publish`; what is counted is in
//! `results` (mergeable, for `bench merge`), the outputs in `report`.

mod fleet;
pub(crate) mod merge;
mod publish;
mod report;
pub(crate) mod results;
mod usage;

use std::time::Duration;

use clap::{Args as ClapArgs, Subcommand};
use tokio::time::Instant;

use super::Ctx;
use super::own_channel::OwnKind;
use crate::config::Resolved;
use crate::error::{CliError, Kind};
use crate::outgoing::{self, Data, Draft, Encryption, Ready, Rules, System, World as _};
use crate::ui::json_text;
use results::Results;

/// The event every bench publishes; its data is `{"bench": RUN, "seq": N, "pad": "…"}`.
const EVENT: &str = "rtctl-bench";

/// The most events one run publishes (`--rate` times `--duration`): each is tracked.
const MAX_EVENTS: u64 = 2_000_000;

/// The smallest `--payload-size`: the event's own fields need that much.
const MIN_PAYLOAD: u64 = 64;

/// How long to wait, after the last publish, for deliveries still on their way.
const GRACE: Duration = Duration::from_secs(2);

const EXAMPLES: &str = "\
Examples:
  rtctl bench                                          100 subscribers, 100 events/s for 10s
  rtctl bench --subscribers 1000 --channels 10 --rate 500/s --duration 30s
  rtctl bench --kind presence --subscribers 200 --channels 20 --ramp 10s
  rtctl bench --subscribers 5000 --json > host-a.json  one of several load generators
  rtctl bench merge host-*.json                        their results, as one run's";

const MORE: &str = "\
Subscribers are spread evenly over the channels (fresh rtctl-bench-<run>-<n> names of
--kind, which disturb nobody); events go round the channels in turn, each published
with its own REST request. Every subscriber is subscribed before the first event goes
out; none reconnects. A delivery is an accepted event arriving at a subscriber of its
channel: expected deliveries are the accepted events times their channel's subscribers.

Connections open as fast as the server confirms them (at most 100 opening at once), or
spread evenly over --ramp. rtctl stops opening connections, and says so, when the
server refuses one for a limit (Pusher's errors 4004 and 4100, HTTP 429 or 503 to the
upgrade, or a connection closed unopened after others were accepted with the same key,
as sockudo does over an app's max_connections) or after 20 failures in a row: it never
retries in a storm. A connection not subscribed within twice the network timeout
(--timeout) counts as failed.

Latencies are on this process's one clock: fan-out runs from sending an event's request
to its arrival at each subscriber. Histograms are HdrHistogram (1 µs to 1 h, three
significant digits); --json carries them, so `bench merge` combines runs from several
machines into exactly the percentiles one run over all of them would report.

Pusher's hosted clusters are refused without --yes: a bench spends the account's
messages and can breach its limits. The run always ends by itself: opening, the
duration, 2s of grace, closing.

Exit codes: 0 when every connection subscribed, stayed, and received every event; 5
when any failed, dropped, or missed an event, or a publish failed or (rtctl falling
behind its schedule by a tenth of the duration, at least 1s) was not sent; 1 when no connection
subscribed or no event was accepted; 4 when the server refused every subscription (the
key and secret signing them); 130 and 143 on Ctrl-C and SIGTERM, after the
report.";

/// Put a bounded load on a server you own and measure fan-out latency and delivery.
#[derive(Debug, ClapArgs)]
#[command(
    args_conflicts_with_subcommands = true,
    after_help = EXAMPLES,
    after_long_help = format!("{EXAMPLES}\n\n{MORE}")
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub run: RunArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Combine the --json results of several bench runs into one report
    Merge(merge::Args),
}

#[derive(Debug, ClapArgs)]
pub struct RunArgs {
    /// WebSocket connections to open, each subscribed to one channel, from 1 to 100000
    #[arg(long, value_name = "N", default_value = "100",
          value_parser = clap::value_parser!(u64).range(1..=100_000))]
    pub subscribers: u64,

    /// Channels to spread the subscribers over, from 1 to 10000 (at most --subscribers)
    #[arg(long, value_name = "N", default_value = "1",
          value_parser = clap::value_parser!(u64).range(1..=10_000))]
    pub channels: u64,

    /// The kind of the channels
    #[arg(long, value_name = "KIND", default_value = "public")]
    pub kind: OwnKind,

    /// Events to publish, all channels together, e.g. 500/s or 600/min
    #[arg(long, value_name = "R/s", default_value = "100/s",
          value_parser = crate::values::rate_arg)]
    pub rate: f64,

    /// How long to publish, e.g. 30s or 5m
    #[arg(long, value_name = "DURATION", default_value = "10s")]
    pub duration: String,

    /// Size of each event's data, e.g. 100, 1KiB (at least 64 bytes)
    #[arg(long, value_name = "SIZE", default_value = "100")]
    pub payload_size: String,

    /// Spread opening the connections evenly over this long, e.g. 10s [default: as fast as the server confirms them]
    #[arg(long, value_name = "DURATION")]
    pub ramp: Option<String>,

    /// Run against Pusher's hosted service, spending the account's messages
    #[arg(long)]
    pub yes: bool,

    /// Write one JSON document, for scripts and `bench merge`
    #[arg(long, help_heading = "Output")]
    pub json: bool,
}

/// The run's checked settings.
pub struct Plan {
    pub subscribers: u64,
    pub channels: Vec<String>,
    pub rate: f64,
    pub duration: Duration,
    pub events: u64,
    pub payload_size: usize,
    pub ramp: Option<Duration>,
    pub run: String,
}

impl Plan {
    /// The channel subscriber `i` joins, and event `seq` goes to: round the channels.
    pub fn channel_of(&self, n: u64) -> usize {
        usize::try_from(n % self.channels.len() as u64).unwrap_or(0)
    }
}

/// `args` checked; `max_payload` is the profile's limit on an event's data, in bytes.
fn plan(args: &RunArgs, run: String, max_payload: u64) -> Result<Plan, CliError> {
    let rate = args.rate;
    let duration = crate::values::duration_flag("--duration", &args.duration)?;
    let ramp = match &args.ramp {
        Some(text) => Some(crate::values::duration_flag("--ramp", text)?),
        None => None,
    };
    let payload_size = crate::values::size(&args.payload_size)
        .map_err(|e| CliError::usage(format!("--payload-size `{}`: {e}", args.payload_size)))?;
    if payload_size < MIN_PAYLOAD {
        return Err(CliError::usage(format!(
            "--payload-size {payload_size} is too small: each event's data needs {MIN_PAYLOAD} bytes"
        ))
        .hint(format!("use --payload-size {MIN_PAYLOAD} or more")));
    }
    if payload_size > max_payload {
        return Err(CliError::usage(format!(
            "--payload-size {payload_size} is over the server's limit on an event's data ({max_payload} bytes, `max_payload_kb`)"
        ))
        .hint("use a smaller --payload-size, or raise `max_payload_kb` if the server allows more"));
    }
    if args.channels > args.subscribers {
        return Err(CliError::usage(format!(
            "--channels {} is more than --subscribers {}: a channel without subscribers measures nothing",
            args.channels, args.subscribers
        ))
        .hint("use at most as many channels as subscribers"));
    }
    let events = (rate * duration.as_secs_f64()).ceil();
    if events > MAX_EVENTS as f64 {
        return Err(CliError::usage(format!(
            "--rate {} for --duration {} is {events:.0} events; a run publishes at most {MAX_EVENTS}",
            report::trimmed(rate), args.duration
        ))
        .hint("lower --rate or --duration, or run several benches and `bench merge` them"));
    }
    let channels = (0..args.channels)
        .map(|c| args.kind.name("bench", &format!("{run}-{c}")))
        .collect();
    Ok(Plan {
        subscribers: args.subscribers,
        channels,
        rate,
        duration,
        // At least one: a rate below one per duration still publishes once.
        events: (events as u64).max(1),
        payload_size: usize::try_from(payload_size).unwrap_or(usize::MAX),
        ramp,
        run,
    })
}

/// Event `seq` of run `run`, padded to `size` bytes of data, through the one pipeline.
fn event(
    plan: &Plan,
    seq: u64,
    rules: &Rules,
    world: &mut impl outgoing::World,
) -> Result<Ready, outgoing::Refused> {
    let head = format!("{{\"bench\":\"{}\",\"seq\":{seq},\"pad\":\"", plan.run);
    let pad = plan.payload_size.saturating_sub(head.len() + 2);
    let mut text = head;
    text.extend(std::iter::repeat_n('x', pad));
    text.push_str("\"}");
    let draft = Draft {
        channels: vec![plan.channels[plan.channel_of(seq)].clone()],
        name: EVENT.to_owned(),
        data: Data::Text {
            text,
            as_text: false,
        },
        sets: Vec::new(),
        socket_id: None,
    };
    outgoing::prepare(draft, rules, world)
}

/// Refuse Pusher's hosted service without `--yes`.
fn refuse_hosted(config: &Resolved, plan: &Plan, yes: bool) -> Result<(), CliError> {
    let hosts = [config.ws.as_ref(), config.rest.as_ref()];
    let Some(host) = hosts
        .into_iter()
        .flatten()
        .map(|e| e.host.val.trim_end_matches('.').to_ascii_lowercase())
        .find(|h| h == "pusher.com" || h.ends_with(".pusher.com"))
    else {
        return Ok(());
    };
    if yes {
        return Ok(());
    }
    let messages = plan
        .events
        .saturating_mul(plan.subscribers / plan.channels.len() as u64 + 1);
    Err(CliError::usage(format!(
        "{host} is Pusher's hosted service: this bench would send about {messages} messages \
         on the account's quota and open {} connections against its limits",
        plan.subscribers
    ))
    .hint("bench a server you own, or add --yes if this account may take the load"))
}

pub async fn run(ctx: &mut Ctx, args: Args) -> Result<(), CliError> {
    match args.command {
        Some(Command::Merge(m)) => merge::run(ctx, &m),
        None => bench(ctx, &args.run).await,
    }
}

async fn bench(ctx: &mut Ctx, args: &RunArgs) -> Result<(), CliError> {
    let started_cpu = usage::cpu_time();
    let config: Resolved = ctx.config()?.clone();
    let plan = plan(
        args,
        System.random_id(),
        u64::from(config.max_payload_kb.val) * 1024,
    )?;
    refuse_hosted(&config, &plan, args.yes)?;
    let rules = Rules {
        max_payload_kb: config.max_payload_kb.val as usize,
        catalog: None,
        enforce_catalog: false,
        encryption: Encryption::Here(None),
    };
    // Refused here, before anything connects: an event no publish could carry.
    event(&plan, plan.events - 1, &rules, &mut System)?;
    let wanted = plan.subscribers + usage::SPARE_FILES;
    if let Some(limit) = usage::raise_file_limit(wanted)
        && limit < wanted
    {
        return Err(CliError::usage(format!(
            "{} subscribers need {wanted} open files; this process may have {limit}",
            plan.subscribers
        ))
        .hint(format!(
            "raise the limit with `ulimit -n {wanted}` (or the hard limit in /etc/security/limits.conf), or run fewer subscribers per process and `bench merge` the results"
        )));
    }
    let rest = ctx.rest().await?;
    let fleet_setup = fleet::Setup::new(ctx, &config, &plan).await?;
    let started = Instant::now();
    let mut results = Results::default();
    let ending = {
        let local = tokio::task::LocalSet::new();
        local
            .run_until(run_phases(
                ctx.ui,
                &plan,
                &rules,
                &rest,
                fleet_setup,
                &mut results,
            ))
            .await
    };
    let took = started.elapsed();
    results.rtctl = results::Resources {
        processes: 1,
        cpu_s: match (started_cpu, usage::cpu_time()) {
            (Some(a), Some(b)) => b.saturating_sub(a).as_secs_f64(),
            _ => 0.0,
        },
        peak_rss_mib: usage::peak_rss().map(|b| b as f64 / (1024.0 * 1024.0)),
    };
    let report = report::Report {
        settings: Some(report::Settings::of(&plan, &config, args.kind)),
        ended: ending.word(),
        took: Some(took),
        results: &results,
        merged_from: Vec::new(),
    };
    let out = if args.json {
        json_text(&report.json()?)
    } else {
        report.human()
    };
    ctx.ui.out(&out)?;
    if let Ending::Signal(stop) = ending {
        return Err(stop.error());
    }
    verdict(&results)
}

/// How the run ended.
#[derive(Debug, Clone, Copy)]
enum Ending {
    Done,
    Signal(crate::signal::Stop),
}

impl Ending {
    fn word(self) -> &'static str {
        match self {
            Self::Done => "done",
            Self::Signal(stop) => stop.word(),
        }
    }
}

/// Open the connections, publish, wait out the deliveries, close: stopped early by a
/// signal, with what was measured so far kept in `results`.
async fn run_phases(
    ui: crate::ui::Ui,
    plan: &Plan,
    rules: &Rules<'_>,
    rest: &crate::net::http::RestClient,
    setup: fleet::Setup,
    results: &mut Results,
) -> Ending {
    let mut fleet = fleet::Fleet::new(setup, plan);
    let mut tally = publish::Tally::new(plan.events);
    let work = async {
        fleet.open_all(ui).await;
        if fleet.subscribed() > 0 {
            publish::run(ui, plan, rules, rest, &fleet, &mut tally).await;
        }
    };
    let ending = tokio::select! {
        () = work => Ending::Done,
        stop = crate::signal::requested() => Ending::Signal(stop),
    };
    fleet.close().await;
    fleet.results_into(results, tally.accepted());
    tally.results_into(results);
    ending
}

/// The exit code, once the report is out.
fn verdict(r: &Results) -> Result<(), CliError> {
    if r.connections.subscribed == 0 {
        // The most frequent reason, as the summary lists it first.
        let why = r
            .connections
            .failures
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(w, _)| format!(": {w}"))
            .unwrap_or_default();
        if r.connections.refused > 0 {
            return Err(CliError::new(
                Kind::Auth,
                format!("the server refused the subscriptions{why}"),
            )
            .hint("check the app key and secret of the profile (`rtctl doctor` checks them)"));
        }
        return Err(
            CliError::new(Kind::Failure, format!("no connection subscribed{why}"))
                .hint("run `rtctl doctor` to check the server and the credentials"),
        );
    }
    if r.events.accepted == 0 {
        return Err(CliError::new(Kind::Failure, "no event was accepted")
            .hint("run `rtctl doctor` to check the server and the credentials"));
    }
    let c = &r.connections;
    let e = &r.events;
    let d = &r.deliveries;
    let mut short = Vec::new();
    if c.failed > 0 {
        short.push(format!(
            "{} of {} connections failed",
            c.failed, c.attempted
        ));
    }
    if c.dropped > 0 {
        short.push(format!("{} dropped", c.dropped));
    }
    let not_accepted = e.rate_limited + e.failed;
    if not_accepted > 0 {
        short.push(format!("{not_accepted} of {} events not accepted", e.sent));
    }
    let unsent = e.scheduled.saturating_sub(e.sent);
    if unsent > 0 {
        short.push(format!(
            "rtctl fell behind: {unsent} of {} events not sent in time (the load generator was the limit)",
            e.scheduled
        ));
    }
    if d.delivered < d.expected {
        short.push(format!(
            "{} of {} deliveries missing",
            d.expected - d.delivered,
            d.expected
        ));
    }
    if short.is_empty() {
        Ok(())
    } else {
        Err(CliError::new(
            Kind::CheckFailed,
            format!("the load was not carried whole: {}", short.join(", ")),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(extra: &[&str]) -> RunArgs {
        use clap::Parser as _;
        #[derive(clap::Parser)]
        struct T {
            #[command(flatten)]
            run: RunArgs,
        }
        let mut argv = vec!["bench"];
        argv.extend_from_slice(extra);
        T::try_parse_from(argv).unwrap().run
    }

    #[test]
    fn a_plan_counts_its_events_and_names_fresh_channels_of_its_kind() {
        let p = plan(
            &args(&[
                "--channels",
                "3",
                "--rate",
                "500/s",
                "--duration",
                "5s",
                "--kind",
                "presence",
            ]),
            "r1".into(),
            10_240,
        )
        .unwrap();
        assert_eq!(p.events, 2500);
        assert_eq!(
            p.channels,
            [
                "presence-rtctl-bench-r1-0",
                "presence-rtctl-bench-r1-1",
                "presence-rtctl-bench-r1-2"
            ]
        );
        assert_eq!(p.channel_of(4), 1);
        let slow = plan(
            &args(&["--rate", "1/h", "--duration", "1s"]),
            "r".into(),
            10_240,
        )
        .unwrap();
        assert_eq!(slow.events, 1);
    }

    #[test]
    fn impossible_plans_are_refused_naming_the_fix() {
        for (extra, says) in [
            (
                &["--channels", "5", "--subscribers", "4"][..],
                "--channels 5",
            ),
            (&["--payload-size", "10"][..], "too small"),
            (&["--payload-size", "lots"][..], "--payload-size `lots`"),
            (
                &["--payload-size", "18446744073709551615"][..],
                "over the server's limit",
            ),
            (&["--duration", "0"][..], "--duration"),
            (&["--ramp", "soon"][..], "--ramp"),
            (
                &["--rate", "10000/s", "--duration", "1h"][..],
                "at most 2000000",
            ),
        ] {
            let e = plan(&args(extra), "r".into(), 10_240).err().unwrap();
            assert_eq!(e.kind, Kind::Usage, "{extra:?}");
            assert!(e.message.contains(says), "{extra:?}: {}", e.message);
        }
    }

    #[test]
    fn events_are_padded_to_the_payload_size() {
        let p = plan(&args(&["--payload-size", "200"]), "r".into(), 10_240).unwrap();
        let rules = Rules {
            max_payload_kb: 10,
            catalog: None,
            enforce_catalog: false,
            encryption: Encryption::Here(None),
        };
        let ready = event(&p, 17, &rules, &mut System).unwrap();
        let data = &ready.event().data;
        assert_eq!(data.len(), 200, "{data}");
        let v: serde_json::Value = serde_json::from_str(data).unwrap();
        assert_eq!(v["seq"], 17);
        assert_eq!(v["bench"], "r");
    }

    fn results(f: impl FnOnce(&mut Results)) -> Results {
        let mut r = Results::default();
        r.connections.attempted = 10;
        r.connections.subscribed = 10;
        r.events.scheduled = 5;
        r.events.sent = 5;
        r.events.accepted = 5;
        r.deliveries.expected = 50;
        r.deliveries.delivered = 50;
        f(&mut r);
        r
    }

    #[test]
    fn the_exit_code_says_whether_the_server_took_the_whole_load() {
        assert!(verdict(&results(|_| {})).is_ok());
        let code = |f: fn(&mut Results)| verdict(&results(f)).unwrap_err().kind;
        assert_eq!(code(|r| r.deliveries.delivered = 49), Kind::CheckFailed);
        assert_eq!(code(|r| r.connections.failed = 1), Kind::CheckFailed);
        assert_eq!(code(|r| r.connections.dropped = 1), Kind::CheckFailed);
        assert_eq!(code(|r| r.events.rate_limited = 1), Kind::CheckFailed);
        assert_eq!(code(|r| r.events.sent = 4), Kind::CheckFailed);
        assert!(
            verdict(&results(|r| r.events.sent = 4))
                .unwrap_err()
                .message
                .contains("rtctl fell behind: 1 of 5 events not sent in time")
        );
        assert_eq!(code(|r| r.connections.subscribed = 0), Kind::Failure);
        let refused = verdict(&results(|r| {
            r.connections.subscribed = 0;
            r.connections.failed = 10;
            r.connections.refused = 7;
            r.connections.failures.insert("reset".into(), 3);
            r.connections
                .failures
                .insert("subscription refused 4009: no".into(), 7);
        }))
        .unwrap_err();
        assert_eq!(refused.kind, Kind::Auth);
        assert!(
            refused.message.ends_with(": subscription refused 4009: no"),
            "{}",
            refused.message
        );
        assert_eq!(code(|r| r.events.accepted = 0), Kind::Failure);
    }
}
