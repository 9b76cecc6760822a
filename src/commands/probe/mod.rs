//! `rtctl probe`: subscribe to a channel, publish numbered events to it, and measure
//! on one clock how long each took to be accepted and to come back on the socket.
//!
//! The measuring is in `measure`, the objectives in `slo`, the outputs in `report`;
//! this module holds the arguments and the run.

mod measure;
mod report;
mod slo;

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use clap::Args as ClapArgs;
use futures_util::StreamExt as _;
use futures_util::stream::FuturesUnordered;
use serde_json::Value;
use tokio::sync::{Notify, mpsc};
use tokio::time::Instant;

use super::Ctx;
use super::own_channel::OwnKind;
use crate::complete::{Kinds, channel_completer};
use crate::config::{ConfigError, Field, Resolved};
use crate::error::{CliError, Kind};
use crate::net::auth::{Authorizer, Signer};
use crate::net::backend::Backend;
use crate::net::http::{JsonPoster, RestClient};
use crate::net::ws::{self, Client, Control, Counters, Handler, RunEnd, StopReason, Update};
use crate::outgoing::{self, Data, Draft, Encryption, Ready, Rules, System, Via, World as _};
use crate::pusher::data::Data as EventData;
use crate::pusher::names::{self, ChannelKind};
use crate::pusher::session::{Output, Session, Timing};
use crate::ui::{Ui, json_text};
use measure::Tally;
use report::Report;

/// The event every probe sends; its data is `{"probe": RUN, "seq": N}`.
const EVENT: &str = "rtctl-probe";

/// How long to wait, after the last send, for answers and events still on their way.
const GRACE: Duration = Duration::from_secs(2);

/// Publishes awaiting their answer at once; the next send waits for one to end.
const MAX_IN_FLIGHT: usize = 256;

const EXAMPLES: &str = "\
Examples:
  rtctl probe                                        20 events on a fresh public channel
  rtctl probe --kind presence --count 100 --interval 50ms
  rtctl probe dashboard-updates --via backend        through the app's /realtime/trigger
  rtctl probe --slo p99=250ms,loss=0 --junit > probe.xml   CI: exit 5 when breached
  rtctl --profile prod probe --json | jq .latency_ms.fan_out.p99";

const MORE: &str = "\
Each event's publish time runs from sending its request to the answer accepting it; its
fan-out time, from sending its request to receiving the event on the socket: both on
this process's one clock. Percentiles are exact (nearest rank).

After the last send, the probe waits up to 2s for answers and events still on their
way, then ends: an accepted event not received by then is lost. A publish refused,
failed or unanswered by then is counted as failed to publish, never as lost. Events are
matched by sequence number: duplicates and out-of-order arrivals are counted. A lost
connection is reconnected and re-subscribed (and reported); the probe still ends on
time. Credentials refused by the server end the probe at once (exit 4), as does a
subscription not confirmed within the network timeout (--timeout, exit 6).

--slo holds the fan-out latency and the loss to objectives, comma-separated: p50, p90,
p99 or max with a duration (1us to 1h), loss with a count or a percentage
(p99=250ms,loss=0.5%). A breach exits 5 and names the breached terms, in every output.
No event accepted at all exits 1. Ctrl-C and SIGTERM report what was measured, and
exit 130 and 143.";

/// Measure publish and fan-out latency, loss and order on a channel.
#[derive(Debug, ClapArgs)]
#[command(after_help = EXAMPLES, after_long_help = format!("{EXAMPLES}\n\n{MORE}"))]
pub struct Args {
    /// The channel to probe: public, private, presence, or private-encrypted with the
    /// profile's encryption master key [default: a fresh rtctl-probe-<random> of --kind,
    /// which disturbs nobody]
    #[arg(value_name = "CHANNEL", add = channel_completer(Kinds::All))]
    pub channel: Option<String>,

    /// The kind of channel the probe makes up when no CHANNEL is given
    #[arg(
        long,
        value_name = "KIND",
        default_value = "public",
        conflicts_with = "channel"
    )]
    pub kind: OwnKind,

    /// Events to send, from 1 to 100000
    #[arg(long, value_name = "N", default_value = "20",
          value_parser = clap::value_parser!(u64).range(1..=100_000))]
    pub count: u64,

    /// Time between sends, e.g. 100ms or 1s
    #[arg(long, value_name = "DURATION", default_value = "100ms")]
    pub interval: String,

    /// Publish through Pusher's REST API, or the app's backend (what users' own events go through)
    #[arg(long, value_name = "VIA", default_value = "pusher")]
    pub via: Via,

    /// Objectives, e.g. p99=250ms,loss=0 (loss: sent and never received, failed publishes included): a breach exits 5
    #[arg(long, value_name = "TERMS")]
    pub slo: Option<String>,

    /// Write one JSON document, for scripts
    #[arg(long, conflicts_with = "junit", help_heading = "Output")]
    pub json: bool,

    /// Write JUnit XML, a test case per --slo term, for CI
    #[arg(long, help_heading = "Output")]
    pub junit: bool,
}

/// Where the events are published.
enum Publisher<'a> {
    Rest(Box<RestClient>),
    Backend(Backend<'a>, JsonPoster),
}

impl Publisher<'_> {
    async fn publish(&self, channel: &str, ready: &Ready) -> Result<(), CliError> {
        match self {
            Self::Rest(rest) => rest
                .send(outgoing::trigger_request(rest.app_id(), ready, &[]))
                .await
                .map(drop),
            Self::Backend(backend, poster) => backend.post(poster, channel, ready).await.map(drop),
        }
    }
}

/// What the socket's handler and the sender share: the run's one tally, and what the
/// connection did.
#[derive(Default)]
struct Shared {
    tally: Tally,
    subscribed: bool,
    /// The server refused the subscription.
    refused: Option<CliError>,
    /// Why the connection was lost, each time.
    disconnects: Vec<String>,
}

/// The socket's side: records arrivals and what the connection does.
struct Recorder {
    channel: String,
    run: String,
    shared: Rc<RefCell<Shared>>,
    news: Rc<Notify>,
    ui: Ui,
}

impl Recorder {
    /// The sequence number of one of this run's events.
    fn seq(&self, data: Option<&EventData>) -> Option<usize> {
        let decoded = data?.decoded();
        let parsed;
        let data = match &*decoded {
            Value::String(text) => {
                parsed = serde_json::from_str::<Value>(text).ok()?;
                &parsed
            }
            v => v,
        };
        if data.get("probe")?.as_str()? != self.run {
            return None;
        }
        usize::try_from(data.get("seq")?.as_u64()?).ok()
    }
}

impl Handler for Recorder {
    fn update(&mut self, update: Update<'_>, _: &Counters) -> Result<Vec<Control>, CliError> {
        match update {
            Update::Session(Output::Event(d))
                if d.event == EVENT && d.channel.as_deref() == Some(self.channel.as_str()) =>
            {
                let at = Instant::now().into_std();
                if let Some(seq) = self.seq(d.data.as_ref()) {
                    self.shared.borrow_mut().tally.arrived(seq, at);
                    self.news.notify_one();
                }
            }
            Update::Ready { .. } => {
                self.shared.borrow_mut().subscribed = true;
                self.news.notify_one();
            }
            Update::Session(Output::SubscriptionFailed {
                channel, message, ..
            }) if channel == self.channel => {
                let e = CliError::new(
                    Kind::Auth,
                    format!(
                        "the server refused the subscription to `{}`: {}",
                        crate::text::escape_for_message(&channel),
                        crate::text::one_line(&message, 300)
                    ),
                )
                .hint("check the app key and secret of the profile");
                self.shared.borrow_mut().refused = Some(e);
                return Ok(vec![Control::Stop(StopReason::Done)]);
            }
            Update::Reconnecting { reason, delay, .. } => {
                self.ui.warn(&format!(
                    "connection lost ({reason}); reconnecting in {:.1}s",
                    delay.as_secs_f64()
                ));
                self.shared.borrow_mut().disconnects.push(reason);
            }
            _ => {}
        }
        Ok(Vec::new())
    }
}

/// The probe's checked settings.
struct Plan {
    channel: String,
    count: u64,
    interval: Duration,
    slo: Option<(String, slo::Slo)>,
}

fn plan(args: &Args) -> Result<Plan, CliError> {
    let interval = crate::values::duration(&args.interval)
        .map_err(|e| CliError::usage(format!("--interval {e}")).hint(e.hint()))?;
    let slo = match &args.slo {
        Some(text) => Some((text.clone(), slo::parse(text)?)),
        None => None,
    };
    let channel = match &args.channel {
        Some(c) => {
            names::validate_channel(c)
                .map_err(|e| CliError::usage(e.to_string()).hint(e.hint()))?;
            c.clone()
        }
        None => args.kind.name("probe", &System.random_id()),
    };
    Ok(Plan {
        channel,
        count: args.count,
        interval,
        slo,
    })
}

/// This run's event number `seq`, through the one outgoing pipeline.
fn event(channel: &str, run: &str, seq: usize, rules: &Rules) -> Result<Ready, outgoing::Refused> {
    let draft = Draft {
        channels: vec![channel.to_owned()],
        name: EVENT.to_owned(),
        data: Data::Text {
            text: format!("{{\"probe\":\"{run}\",\"seq\":{seq}}}"),
            as_text: false,
        },
        sets: Vec::new(),
        socket_id: None,
    };
    outgoing::prepare(draft, rules, &mut System)
}

/// How the run ended.
enum Ending {
    Done,
    Signal(crate::signal::Stop),
}

pub async fn run(ctx: &mut Ctx, args: Args) -> Result<(), CliError> {
    let plan = plan(&args)?;
    let config: Resolved = ctx.config()?.clone();
    let kind = ChannelKind::of(&plan.channel);
    let master_key = if kind == ChannelKind::PrivateEncrypted {
        ctx.master_key()?
    } else {
        None
    };
    let rules = Rules {
        max_payload_kb: config.max_payload_kb.val as usize,
        catalog: None,
        enforce_catalog: false,
        encryption: match args.via {
            Via::Pusher => Encryption::Here(master_key.as_ref()),
            Via::Backend => Encryption::ByBackend,
        },
    };
    let run_id = System.random_id();
    // Refused here, before anything connects: an event no publish could carry.
    event(&plan.channel, &run_id, 0, &rules)?;
    let profile = config.profile.val.clone();
    let base = match args.via {
        Via::Backend => Some(config.backend_url.clone().ok_or(ConfigError::Missing {
            field: Field::BackendUrl,
            profile: profile.clone(),
        })?),
        Via::Pusher => None,
    };
    let publisher = match &base {
        None => Publisher::Rest(Box::new(ctx.rest().await?)),
        Some(base) => Publisher::Backend(
            Backend {
                base,
                token: config.backend_token.as_ref(),
                profile: &profile,
            },
            JsonPoster::new(config.timeout.val, &ctx.trust()?)?,
        ),
    };
    let signer = if kind.needs_auth() {
        let (key, secret) = ctx.key_and_secret().await?;
        Some(Signer {
            key,
            secret,
            master_key: master_key.clone(),
        })
    } else {
        None
    };
    let authorizer = Authorizer {
        signer,
        channel_data: Some(crate::observer::member_data(&crate::observer::id())),
        ..Authorizer::default()
    };
    let options =
        ws::Options::for_profile(&config, ctx.trust()?, true, ws::DEFAULT_MAX_MESSAGE_SIZE)?;
    let timing = Timing {
        handshake: config.timeout.val,
        ..Timing::default()
    };
    let mut session = Session::new(timing, false);
    session.add_channel(&plan.channel);

    let shared = Rc::new(RefCell::new(Shared::default()));
    let news = Rc::new(Notify::new());
    let mut recorder = Recorder {
        channel: plan.channel.clone(),
        run: run_id.clone(),
        shared: Rc::clone(&shared),
        news: Rc::clone(&news),
        ui: ctx.ui,
    };
    let (controls, mut rx) = mpsc::channel(4);
    let mut client = Client::new(options, session, authorizer);
    let started = Instant::now();
    let sender = Sender {
        plan: &plan,
        run: &run_id,
        rules: &rules,
        publisher: &publisher,
        shared: &shared,
        news: &news,
        ui: ctx.ui,
        subscribe_within: config.timeout.val,
    };
    let (ending, client_end) = {
        let running = client.run(&mut rx, &mut recorder);
        tokio::pin!(running);
        let sending = sender.send_all();
        tokio::pin!(sending);
        tokio::select! {
            end = &mut running => return Err(ended_first(end, &shared)),
            sent = &mut sending => {
                let _ = controls.send(Control::Stop(StopReason::Done)).await;
                let end = running.await;
                sent?;
                (Ending::Done, end)
            }
            stop = crate::signal::requested() => {
                let _ = controls.send(Control::Stop(StopReason::Signal(stop))).await;
                (Ending::Signal(stop), running.await)
            }
        }
    };
    client_end?;
    let took = started.elapsed();
    let shared = shared.borrow();
    let summary = shared.tally.summary();
    let verdicts = plan.slo.as_ref().map(|(_, s)| s.judge(&summary));
    let report = Report {
        channel: &plan.channel,
        via: match args.via {
            Via::Pusher => "pusher",
            Via::Backend => "backend",
        },
        count: plan.count,
        interval: plan.interval,
        grace: GRACE,
        ended: match ending {
            Ending::Done => "done",
            Ending::Signal(stop) => stop.word(),
        },
        took,
        summary: &summary,
        disconnects: &shared.disconnects,
        slo: plan
            .slo
            .as_ref()
            .zip(verdicts.as_deref())
            .map(|((text, _), v)| (text.as_str(), v)),
    };
    let out = if args.json {
        json_text(&report::json(&report))
    } else if args.junit {
        report::junit(&report)
    } else {
        report::human(&report)
    };
    ctx.ui.out(&out)?;
    if let Ending::Signal(stop) = ending {
        return Err(stop.error());
    }
    verdict(ctx.ui, &summary, verdicts.as_deref())
}

/// The exit code, once the report is out: no event accepted is a failure, a breached
/// objective a failed check; loss without an objective on it is a warning.
fn verdict(
    ui: Ui,
    s: &measure::Summary,
    verdicts: Option<&[slo::Verdict]>,
) -> Result<(), CliError> {
    if let Some(why) = report::none_accepted(s) {
        return Err(CliError::new(Kind::Failure, why)
            .hint("run `rtctl doctor` to check the server and the credentials"));
    }
    let breached: Vec<String> = verdicts
        .unwrap_or_default()
        .iter()
        .filter(|v| !v.met)
        .map(|v| format!("{} (measured {})", v.term, v.measured))
        .collect();
    if !breached.is_empty() {
        return Err(CliError::new(
            Kind::CheckFailed,
            format!("slo breached: {}", breached.join(", ")),
        ));
    }
    if s.lost > 0 || s.publish_failed > 0 {
        ui.warn(&format!(
            "{} lost, {} failed to publish (add --slo loss=0 to fail the run on loss)",
            s.lost, s.publish_failed
        ));
    }
    Ok(())
}

/// The client stopped before the probe did: the subscription was refused, or the
/// server refused the connection for good.
fn ended_first(end: Result<RunEnd, CliError>, shared: &RefCell<Shared>) -> CliError {
    if let Some(e) = shared.borrow_mut().refused.take() {
        return e;
    }
    match end {
        Err(e) => e,
        Ok(RunEnd::Lost(reason)) => {
            CliError::new(Kind::Network, format!("connection lost: {reason}"))
        }
        Ok(RunEnd::Stopped(_)) => CliError::new(Kind::Failure, "the connection stopped early"),
    }
}

/// The publishing side of a run.
struct Sender<'a> {
    plan: &'a Plan,
    run: &'a str,
    rules: &'a Rules<'a>,
    publisher: &'a Publisher<'a>,
    shared: &'a RefCell<Shared>,
    news: &'a Notify,
    ui: Ui,
    subscribe_within: Duration,
}

impl Sender<'_> {
    /// Wait for the subscription, send every event on schedule, then wait out the
    /// grace (or less, once nothing more can come).
    async fn send_all(&self) -> Result<(), CliError> {
        self.subscribed().await?;
        let plan = self.plan;
        self.ui.status(&format!(
            "probing {}: {} events, one every {}",
            crate::text::escape_for_message(&plan.channel),
            plan.count,
            humantime::format_duration(plan.interval)
        ));
        let start = Instant::now();
        let schedule = plan
            .interval
            .checked_mul(u32::try_from(plan.count).unwrap_or(u32::MAX))
            .and_then(|d| d.checked_add(GRACE))
            .unwrap_or(crate::values::MAX_DURATION);
        // However the sends go, the probe ends by then.
        let hard_end = start
            .checked_add(schedule)
            .unwrap_or_else(|| start + crate::values::MAX_DURATION);
        let mut next = start;
        let mut sent = 0;
        let mut grace_end: Option<Instant> = None;
        let mut in_flight = FuturesUnordered::new();
        loop {
            let sending = sent < plan.count;
            if !sending && in_flight.is_empty() && self.shared.borrow().tally.complete() {
                return Ok(());
            }
            tokio::select! {
                () = tokio::time::sleep_until(next), if sending && in_flight.len() < MAX_IN_FLIGHT => {
                    let seq = self.shared.borrow_mut().tally.sent(Instant::now().into_std());
                    in_flight.push(self.publish(seq));
                    sent += 1;
                    next += plan.interval;
                    if sent == plan.count {
                        grace_end = Some(Instant::now() + GRACE);
                    }
                }
                Some((seq, answer)) = in_flight.next() => {
                    let answer = match answer {
                        Ok(at) => Ok(at),
                        Err(e) if matches!(e.kind, Kind::Auth | Kind::Config | Kind::Usage) => return Err(e),
                        Err(e) => Err(e.message),
                    };
                    self.shared.borrow_mut().tally.answered(seq, answer);
                }
                () = self.news.notified(), if !sending => {}
                () = sleep_until(grace_end) => return Ok(()),
                () = tokio::time::sleep_until(hard_end) => return Ok(()),
            }
        }
    }

    /// Publish event `seq`: when it was accepted, or why not.
    async fn publish(&self, seq: usize) -> (usize, Result<std::time::Instant, CliError>) {
        let ready = match event(&self.plan.channel, self.run, seq, self.rules) {
            Ok(r) => r,
            Err(e) => return (seq, Err(e.into())),
        };
        let answer = self.publisher.publish(&self.plan.channel, &ready).await;
        (seq, answer.map(|()| Instant::now().into_std()))
    }

    /// Wait for the server to confirm the subscription, within the network timeout.
    async fn subscribed(&self) -> Result<(), CliError> {
        let wait = async {
            while !self.shared.borrow().subscribed {
                self.news.notified().await;
            }
        };
        if tokio::time::timeout(self.subscribe_within, wait)
            .await
            .is_ok()
        {
            return Ok(());
        }
        let last = self.shared.borrow().disconnects.last().cloned();
        Err(CliError::new(
            Kind::Network,
            format!(
                "not subscribed to `{}` within {}{}",
                crate::text::escape_for_message(&self.plan.channel),
                humantime::format_duration(self.subscribe_within),
                last.map(|r| format!(": {r}")).unwrap_or_default()
            ),
        )
        .hint("check the server with `rtctl doctor`, or give it longer with --timeout"))
    }
}

async fn sleep_until(at: Option<Instant>) {
    match at {
        Some(t) => tokio::time::sleep_until(t).await,
        None => std::future::pending().await,
    }
}
