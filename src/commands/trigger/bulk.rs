//! Many events: `--batch` (JSON Lines through `batch_events`, ten a request) and
//! `--repeat` (one event again and again, at a rate). Several requests are in flight
//! over kept-alive connections; 429, 5xx and lost connections are retried with
//! backoff; every line ends up counted in the summary.

use std::sync::Arc;
use std::time::{Duration, Instant};

use indicatif::ProgressBar;
use serde::Deserialize;
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt as _, BufReader};

use super::{Args, Ctx, load_catalog};
use crate::catalog::Catalog;
use crate::commands::jobs::{self, JobSource};
use crate::error::{CliError, Kind};
use crate::net::http::RestClient;
use crate::pusher::event::{self, BatchItem, Event, MAX_BATCH};
use crate::pusher::rest::{self, RestRequest};
use crate::ui::json_text;

/// How many distinct reasons the summary keeps.
const REASONS_KEPT: usize = 5;

/// One request's worth of events.
struct Job {
    events: u64,
    req: RestRequest,
}

/// Why a request failed: a key to count alike failures once (`HTTP 429`), and the message.
struct Failure {
    key: String,
    message: String,
}

/// How one request ended.
struct Outcome {
    events: u64,
    retried: u32,
    failure: Option<Failure>,
}

/// Everything the summary reports.
#[derive(Debug, Default)]
struct Tally {
    lines: u64,
    blank: u64,
    invalid: u64,
    sent: u64,
    accepted: u64,
    rejected: u64,
    requests: u64,
    retried: u64,
    stopped_at: Option<u64>,
    reasons: Vec<String>,
    reason_keys: Vec<String>,
}

impl Tally {
    /// Keep the first few reasons, one of each kind.
    fn reason(&mut self, key: String, message: String) {
        if self.reasons.len() < REASONS_KEPT && !self.reason_keys.contains(&key) {
            self.reason_keys.push(key);
            self.reasons.push(message);
        }
    }

    fn add(&mut self, o: Outcome) {
        self.requests += 1;
        self.sent += o.events;
        self.retried += u64::from(o.retried);
        match o.failure {
            None => self.accepted += o.events,
            Some(f) => {
                self.rejected += o.events;
                self.reason(f.key, f.message);
            }
        }
    }
}

/// Wait before retry `attempt` (0-based): the server's Retry-After when given, else
/// 250 ms doubling to 5 s, with up to 100 ms of jitter so clients spread out.
fn backoff(attempt: u32, retry_after: Option<Duration>) -> Duration {
    let mut jitter = [0u8; 1];
    let _ = getrandom::fill(&mut jitter);
    let jitter = Duration::from_millis(u64::from(jitter[0]) * 100 / 255);
    match retry_after {
        Some(d) => d.min(Duration::from_secs(10)) + jitter,
        None => {
            Duration::from_millis(250u64 << attempt.min(5)).min(Duration::from_secs(5)) + jitter
        }
    }
}

/// Send one request, signing it afresh for each try.
async fn send_job(client: Arc<RestClient>, job: Job, retries: u32) -> Outcome {
    let mut retried = 0;
    loop {
        let signed = match client.sign(job.req.clone()) {
            Ok(s) => s,
            Err(e) => {
                return outcome(
                    job.events,
                    retried,
                    Some(failure(e.message.clone(), e.message)),
                );
            }
        };
        let wait = match client.exchange(&signed).await {
            Ok(reply) if reply.is_success() => return outcome(job.events, retried, None),
            Ok(reply) if reply.is_retryable() && retried < retries => {
                backoff(retried, reply.retry_after)
            }
            Ok(reply) => {
                let message = client.reply_error(&signed, &reply).message;
                return outcome(
                    job.events,
                    retried,
                    Some(failure(format!("HTTP {}", reply.status), message)),
                );
            }
            Err(e) if e.kind == Kind::Network && retried < retries => backoff(retried, None),
            Err(e) => {
                return outcome(
                    job.events,
                    retried,
                    Some(failure(e.message.clone(), e.message)),
                );
            }
        };
        retried += 1;
        tokio::time::sleep(wait).await;
    }
}

fn failure(key: String, message: String) -> Failure {
    Failure { key, message }
}

fn outcome(events: u64, retried: u32, failure: Option<Failure>) -> Outcome {
    Outcome {
        events,
        retried,
        failure,
    }
}

/// A JSON Lines record.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    channel: String,
    name: String,
    data: Value,
    #[serde(default)]
    socket_id: Option<String>,
}

/// One line as a batch item, or why it cannot be sent.
fn parse_line(text: &str, max_kb: usize, catalog: Option<&Catalog>) -> Result<BatchItem, String> {
    let line: Line =
        serde_json::from_str(text).map_err(|e| format!("not a valid event record: {e}"))?;
    let data = match &line.data {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let item = BatchItem {
        channel: line.channel,
        name: line.name,
        data,
        socket_id: line.socket_id,
    };
    event::validate(&item.as_event(), max_kb).map_err(|e| e.to_string())?;
    if let Some(spec) = catalog
        .and_then(|c| c.channel(&item.channel))
        .and_then(|(ch, _)| ch.event(&item.name))
        && let Some(v) = spec.check(&line.data).first()
    {
        return Err(format!("breaks the catalogue: {}", v.problem));
    }
    Ok(item)
}

/// Lines of a JSON Lines file or stdin, ten valid ones a request.
struct BatchSource {
    lines: tokio::io::Lines<Box<dyn tokio::io::AsyncBufRead + Unpin>>,
    catalog: Option<Catalog>,
    max_kb: usize,
    app_id: String,
    fail_fast: bool,
    done: bool,
}

impl JobSource<Tally> for BatchSource {
    type Job = Job;

    async fn next(
        &mut self,
        tally: &mut Tally,
        bar: &ProgressBar,
    ) -> Result<Option<Job>, CliError> {
        let mut items = Vec::with_capacity(MAX_BATCH);
        while !self.done && items.len() < MAX_BATCH {
            let text = match self.lines.next_line().await {
                Ok(Some(t)) => t,
                Ok(None) => {
                    self.done = true;
                    break;
                }
                Err(e) => {
                    return Err(CliError::usage(format!(
                        "cannot read line {}: {e}",
                        tally.lines + 1
                    )));
                }
            };
            tally.lines += 1;
            if text.trim().is_empty() {
                tally.blank += 1;
                bar.inc(1);
                continue;
            }
            match parse_line(&text, self.max_kb, self.catalog.as_ref()) {
                Ok(item) => items.push(item),
                Err(why) => {
                    tally.invalid += 1;
                    bar.inc(1);
                    let line = tally.lines;
                    tally.reason(format!("line {line}"), format!("line {line}: {why}"));
                    if self.fail_fast {
                        tally.stopped_at = Some(tally.lines);
                        self.done = true;
                    }
                }
            }
        }
        if items.is_empty() {
            return Ok(None);
        }
        Ok(Some(Job {
            events: items.len() as u64,
            req: rest::trigger_batch(&self.app_id, &items),
        }))
    }
}

pub async fn run_batch(ctx: &mut Ctx, args: &Args, source: &str) -> Result<(), CliError> {
    let catalog = if args.no_validate {
        None
    } else {
        load_catalog(ctx, args.catalog.as_deref())?.map(|(c, _)| c)
    };
    let max_kb = ctx.config()?.max_payload_kb.val as usize;
    let client = Arc::new(ctx.rest().await?);
    let (reader, total): (Box<dyn tokio::io::AsyncBufRead + Unpin>, Option<u64>) = if source == "-"
    {
        (Box::new(BufReader::new(tokio::io::stdin())), None)
    } else {
        let file = tokio::fs::File::open(source).await.map_err(|e| {
            CliError::usage(format!("cannot read batch file {source}: {e}"))
                .hint("give a JSON Lines file, or - for stdin")
        })?;
        let lines = std::fs::read(source)
            .map(|b| b.iter().filter(|&&c| c == b'\n').count() as u64)
            .ok();
        (Box::new(BufReader::new(file)), lines)
    };
    let mut source = BatchSource {
        lines: reader.lines(),
        catalog,
        max_kb,
        app_id: client.app_id().to_owned(),
        fail_fast: args.fail_fast,
        done: false,
    };
    run_jobs(ctx, args, client, &mut source, total, "batch").await
}

/// One event, `times` times, paced by `--rate`.
struct RepeatSource {
    req: RestRequest,
    times: u64,
    made: u64,
    ticker: Option<tokio::time::Interval>,
}

impl JobSource<Tally> for RepeatSource {
    type Job = Job;

    async fn next(&mut self, tally: &mut Tally, _: &ProgressBar) -> Result<Option<Job>, CliError> {
        if self.made == self.times {
            return Ok(None);
        }
        if let Some(t) = self.ticker.as_mut() {
            t.tick().await;
        }
        self.made += 1;
        tally.lines += 1;
        Ok(Some(Job {
            events: 1,
            req: self.req.clone(),
        }))
    }
}

pub async fn run_repeat(
    ctx: &mut Ctx,
    args: &Args,
    event: &Event,
    times: u64,
) -> Result<(), CliError> {
    let client = Arc::new(ctx.rest().await?);
    let mut source = RepeatSource {
        req: rest::trigger(client.app_id(), event, &[]),
        times,
        made: 0,
        ticker: args.rate.map(|r| {
            let mut t = tokio::time::interval(Duration::from_secs_f64(1.0 / r));
            t.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            t
        }),
    };
    run_jobs(ctx, args, client, &mut source, Some(times), "repeat").await
}

/// Drive the jobs with a progress bar, then print the summary.
async fn run_jobs(
    ctx: &Ctx,
    args: &Args,
    client: Arc<RestClient>,
    source: &mut impl JobSource<Tally, Job = Job>,
    total: Option<u64>,
    mode: &str,
) -> Result<(), CliError> {
    let bar = jobs::progress_bar(&ctx.ui, total, "events");
    let mut tally = Tally::default();
    let started = Instant::now();
    let retries = args.retries;
    let result = jobs::drive(
        args.concurrency as usize,
        &bar,
        &mut tally,
        source,
        |job| send_job(client.clone(), job, retries),
        |tally, outcome: Outcome, bar| {
            bar.inc(outcome.events);
            tally.add(outcome);
            Ok(())
        },
    )
    .await;
    bar.finish_and_clear();
    result?;
    summarize(ctx, args, &tally, started.elapsed(), mode)
}

fn summarize(
    ctx: &Ctx,
    args: &Args,
    t: &Tally,
    elapsed: Duration,
    mode: &str,
) -> Result<(), CliError> {
    let secs = elapsed.as_secs_f64();
    let rate = if secs > 0.0 {
        t.accepted as f64 / secs
    } else {
        0.0
    };
    if args.json {
        let out = json!({
            "mode": mode,
            "lines": t.lines,
            "blank": t.blank,
            "invalid": t.invalid,
            "sent": t.sent,
            "accepted": t.accepted,
            "rejected": t.rejected,
            "requests": t.requests,
            "retried": t.retried,
            "stopped_at_line": t.stopped_at,
            "elapsed_ms": elapsed.as_millis() as u64,
            "events_per_second": (rate * 10.0).round() / 10.0,
            "first_errors": t.reasons,
        });
        ctx.ui.out(&json_text(&out))?;
    } else {
        let mut s = format!(
            "sent {} events in {} requests in {:.2}s ({:.0} events/s): {} accepted, {} rejected",
            t.sent, t.requests, secs, rate, t.accepted, t.rejected
        );
        if mode == "batch" {
            s.push_str(&format!(
                "; {} lines read, {} invalid, {} blank",
                t.lines, t.invalid, t.blank
            ));
        }
        s.push_str(&format!("; {} requests retried", t.retried));
        ctx.ui.status(&s);
        if let Some(line) = t.stopped_at {
            ctx.ui.status(&format!(
                "stopped at line {line} (--fail-fast): nothing after it was read"
            ));
        }
        for r in &t.reasons {
            ctx.ui.status(&format!("  {r}"));
        }
    }
    if t.stopped_at.is_some() {
        return Err(CliError::usage(format!(
            "a bad line stopped the batch after {} events were sent",
            t.sent
        ))
        .hint("fix the line, or drop --fail-fast to skip bad lines"));
    }
    if t.rejected > 0 || t.invalid > 0 {
        return Err(CliError::new(
            Kind::Failure,
            format!(
                "{} of {} events were not accepted ({} rejected, {} invalid)",
                t.rejected + t.invalid,
                t.sent + t.invalid,
                t.rejected,
                t.invalid
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_capped() {
        let b0 = backoff(0, None);
        assert!(b0 >= Duration::from_millis(250) && b0 <= Duration::from_millis(350));
        let b3 = backoff(3, None);
        assert!(b3 >= Duration::from_secs(2));
        assert!(backoff(9, None) <= Duration::from_millis(5100));
        assert!(backoff(0, Some(Duration::from_secs(60))) <= Duration::from_millis(10100));
    }

    #[test]
    fn lines() {
        let item = parse_line(r#"{"channel":"c","name":"e","data":{"a":1}}"#, 10, None).unwrap();
        assert_eq!(item.data, r#"{"a":1}"#);
        let item = parse_line(
            r#"{"channel":"c","name":"e","data":"text","socket_id":"1.2"}"#,
            10,
            None,
        )
        .unwrap();
        assert_eq!(
            (item.data.as_str(), item.socket_id.as_deref()),
            ("text", Some("1.2"))
        );
        assert!(
            parse_line("nope", 10, None)
                .unwrap_err()
                .starts_with("not a valid event record")
        );
        assert!(parse_line(r#"{"channel":"c","name":"e"}"#, 10, None).is_err());
        assert!(parse_line(r#"{"channel":"c","name":"e","data":1,"extra":1}"#, 10, None).is_err());
        assert!(parse_line(r#"{"channel":"bad channel","name":"e","data":1}"#, 10, None).is_err());
        assert!(parse_line(r#"{"channel":"c","name":"client-x","data":1}"#, 10, None).is_err());
        let catalog = Catalog::parse(crate::catalog::BUILTIN).unwrap();
        let bad = r#"{"channel":"dashboard-updates","name":"system_notification","data":{"type":"urgent","message":"m"}}"#;
        assert!(
            parse_line(bad, 10, Some(&catalog))
                .unwrap_err()
                .contains("allowed: info")
        );
    }

    #[test]
    fn tally_accounts_for_every_event() {
        let mut t = Tally::default();
        t.add(outcome(10, 1, None));
        t.add(outcome(
            3,
            3,
            Some(failure("HTTP 503".into(), "server error: a".into())),
        ));
        t.add(outcome(
            3,
            0,
            Some(failure("HTTP 503".into(), "server error: b".into())),
        ));
        assert_eq!(
            (t.sent, t.accepted, t.rejected, t.requests, t.retried),
            (16, 10, 6, 3, 4)
        );
        assert_eq!(t.reasons, ["server error: a"]);
    }
}
