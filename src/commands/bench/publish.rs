//! The publishing side of a bench: `--rate` events for `--duration`, each its own REST
//! request through the one outgoing pipeline, round the channels; then the grace, while
//! deliveries still on their way arrive.

use std::time::Duration;

use futures_util::StreamExt as _;
use futures_util::stream::FuturesUnordered;
use tokio::time::Instant;

use super::fleet::Fleet;
use super::results::{Events, Latencies, Results};
use super::{GRACE, Plan};
use crate::commands::inflight::progress_bar;
use crate::error::{CliError, Kind};
use crate::net::http::RestClient;
use crate::outgoing::{self, Ready, Rules, System};
use crate::ui::Ui;

/// Requests awaiting their answer at once; the schedule waits for room beyond that.
const MAX_IN_FLIGHT: usize = 256;

/// The least a late schedule may still send after the duration.
const MIN_SLACK: Duration = Duration::from_secs(1);

/// How often the grace checks whether every delivery is in.
const DRAIN_CHECK: Duration = Duration::from_millis(100);

/// How one publish ended.
enum Answer {
    Accepted(Instant),
    /// HTTP 429: the server's rate limit.
    RateLimited,
    Failed(CliError),
}

/// What the publisher counted.
#[derive(Debug, Default)]
pub struct Tally {
    /// Whether each event (by sequence number) was accepted.
    accepted: Vec<bool>,
    events: Events,
    publish: Latencies,
}

impl Tally {
    pub fn new(events: u64) -> Self {
        Self {
            accepted: vec![false; usize::try_from(events).unwrap_or(0)],
            events: Events {
                scheduled: events,
                ..Events::default()
            },
            publish: Latencies::default(),
        }
    }

    pub fn accepted(&self) -> &[bool] {
        &self.accepted
    }

    pub fn results_into(&self, r: &mut Results) {
        r.events = self.events.clone();
        r.histograms.publish = self.publish.clone();
    }

    fn failed(&mut self, reason: &str) {
        self.events.failed += 1;
        *self
            .events
            .failures
            .entry(crate::text::one_line(reason, 200))
            .or_default() += 1;
    }

    fn answered(&mut self, seq: u64, sent: Instant, answer: &Answer) {
        match answer {
            Answer::Accepted(at) => {
                self.events.accepted += 1;
                if let Some(slot) = usize::try_from(seq)
                    .ok()
                    .and_then(|s| self.accepted.get_mut(s))
                {
                    *slot = true;
                }
                self.publish.record(at.saturating_duration_since(sent));
            }
            Answer::RateLimited => self.events.rate_limited += 1,
            Answer::Failed(e) => self.failed(&e.message),
        }
    }
}

/// Publish `plan.events` on schedule, then wait out the grace (or less, once every
/// delivery is in). Events the schedule could not send by the end of the duration are
/// left unsent (scheduled, not sent); refused credentials stop the sending at once.
pub async fn run(
    ui: Ui,
    plan: &Plan,
    rules: &Rules<'_>,
    rest: &RestClient,
    fleet: &Fleet,
    t: &mut Tally,
) {
    fleet.begin_publishing(plan.events);
    ui.status(&format!(
        "publishing {} events over {}",
        plan.events,
        humantime::format_duration(plan.duration)
    ));
    let interval = crate::values::interval(plan.rate);
    let bar = progress_bar(&ui, Some(plan.events), "events");
    let start = Instant::now();
    // A schedule that falls further behind than this stops sending: rtctl (or the
    // machine) is then the limit, and the rest is reported as not sent.
    let send_by = start + plan.duration + (plan.duration / 10).max(MIN_SLACK);
    let mut next = start;
    let mut seq: u64 = 0;
    let mut sending = true;
    let mut grace_end: Option<Instant> = None;
    let mut in_flight = FuturesUnordered::new();
    loop {
        if !sending {
            let end = *grace_end.get_or_insert_with(|| Instant::now() + GRACE);
            if in_flight.is_empty() && fleet.outstanding(t.accepted()) == 0 || Instant::now() >= end
            {
                break;
            }
        }
        tokio::select! {
            () = tokio::time::sleep_until(next), if sending && in_flight.len() < MAX_IN_FLIGHT => {
                let now = Instant::now();
                if now > send_by {
                    sending = false;
                    continue;
                }
                match super::event(plan, seq, rules, &mut System) {
                    Ok(ready) => {
                        fleet.mark_sent(seq, now);
                        t.events.sent += 1;
                        in_flight.push(publish(rest, seq, ready, now));
                    }
                    Err(e) => t.failed(&e.to_string()),
                }
                seq += 1;
                next += interval;
                bar.set_position(seq);
                if seq == plan.events {
                    sending = false;
                }
            }
            Some((seq, sent, answer)) = in_flight.next() => {
                if matches!(&answer, Answer::Failed(e) if e.kind == Kind::Auth) && sending {
                    sending = false;
                    if let Answer::Failed(e) = &answer {
                        ui.warn(&format!("stopped publishing: {}", e.message));
                    }
                }
                t.answered(seq, sent, &answer);
            }
            () = tokio::time::sleep(DRAIN_CHECK), if !sending => {}
        }
    }
    bar.finish_and_clear();
    for _ in 0..in_flight.len() {
        t.failed(&format!(
            "no answer within the {} grace after the last send",
            humantime::format_duration(GRACE)
        ));
    }
}

/// Send event `seq` and say how its publish ended.
async fn publish(
    rest: &RestClient,
    seq: u64,
    ready: Ready,
    sent: Instant,
) -> (u64, Instant, Answer) {
    let request = outgoing::trigger_request(rest.app_id(), &ready, &[]);
    let answer = match rest.sign(request) {
        Err(e) => Answer::Failed(e),
        Ok(signed) => match rest.exchange(&signed).await {
            Ok(reply) if reply.is_success() => Answer::Accepted(Instant::now()),
            Ok(reply) if reply.status == 429 => Answer::RateLimited,
            Ok(reply) => Answer::Failed(rest.reply_error(&signed, &reply)),
            Err(e) => Answer::Failed(e),
        },
    };
    (seq, sent, answer)
}
