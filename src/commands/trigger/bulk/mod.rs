//! Many events: `--batch` (JSON Lines through `batch_events`, ten a request) and
//! `--repeat` (one event again and again, at a rate). Every line goes through the same
//! pipeline as a single trigger (`crate::outgoing`). Several requests are in flight
//! over kept-alive connections; 429, 5xx and lost connections are retried as
//! `pusher::retry` decides; a Ctrl-C or SIGTERM stops the run (`inflight::drive`);
//! every line ends up counted in the summary (`tally`), with where to resume after a
//! stop.

mod lines;
mod tally;

use std::sync::Arc;
use std::time::Instant;

use indicatif::ProgressBar;
use serde::Deserialize;
use serde_json::Value;
use tokio::io::{AsyncBufRead, BufReader};

use super::{Args, Ctx};
use crate::catalog::Catalog;
use crate::commands::inflight::{self, JobSource};
use crate::error::{CliError, Kind};
use crate::net::http::RestClient;
use crate::net::jitter;
use crate::outgoing::{self, Checked, Data, Draft, Encryption, Note, Ready, Rules, System};
use crate::pusher::MasterKey;
use crate::pusher::event::MAX_BATCH;
use crate::pusher::names::ChannelKind;
use crate::pusher::rest::RestRequest;
use crate::pusher::retry::{Retries, Try, Verdict};
use crate::signal::Stop;
use lines::{LineReader, RawLine, max_line};
use tally::{Failure, Fate, Mode, Outcome, Span, Tally, summarize};

/// One request's worth of events.
struct Job {
    span: Span,
    req: RestRequest,
}

impl inflight::Job for Job {
    type Ticket = Span;

    fn ticket(&self) -> Span {
        self.span
    }
}

/// Send one request, signing it afresh for each try, and sending it again as
/// `pusher::retry` decides.
async fn send_job(client: Arc<RestClient>, job: Job, retries: u32) -> Outcome {
    let mut policy = Retries::new(retries);
    let end = |policy: &Retries, fate| Outcome {
        span: job.span,
        retried: policy.retried(),
        retried_after_send: policy.retried_after_send(),
        fate,
    };
    loop {
        let signed = match client.sign(job.req.clone()) {
            Ok(s) => s,
            Err(e) => return end(&policy, Fate::Rejected(failure(e))),
        };
        let answer = client.attempt(&signed).await;
        let tried = match &answer {
            Ok(reply) => Try::Answered {
                status: reply.status,
                retry_after: reply.retry_after,
            },
            Err(no) => Try::NoAnswer {
                network: no.error.kind == Kind::Network,
                maybe_sent: no.maybe_sent,
            },
        };
        let failed = || match answer {
            Ok(reply) => Failure {
                key: format!("HTTP {}", reply.status),
                message: client.reply_error(&signed, &reply).message,
            },
            Err(no) => failure(no.error),
        };
        let fate = match policy.after(tried, jitter) {
            Verdict::RetryAfter(wait) => {
                tokio::time::sleep(wait).await;
                continue;
            }
            Verdict::Accepted => Fate::Accepted,
            Verdict::Rejected => Fate::Rejected(failed()),
            Verdict::Unknown => Fate::Unknown(failed()),
        };
        return end(&policy, fate);
    }
}

fn failure(e: CliError) -> Failure {
    Failure {
        key: e.message.clone(),
        message: e.message,
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

/// What the batch lines are held to; a line's event is checked and sealed by `outgoing`.
struct LineRules {
    catalog: Option<(Catalog, String)>,
    enforce_catalog: bool,
    max_payload_kb: usize,
    /// The master key, or why it cannot be used: read once, and a broken one refuses
    /// only the lines for encrypted channels, as the single path refuses only them.
    master_key: Result<Option<MasterKey>, String>,
}

impl LineRules {
    /// One line as an event ready to send, with the warnings it goes with, or why it
    /// cannot be sent.
    fn ready(&self, text: &str) -> Result<(Ready, Vec<String>), String> {
        let line: Line =
            serde_json::from_str(text).map_err(|e| format!("not a valid event record: {e}"))?;
        if ChannelKind::of(&line.channel) == ChannelKind::PrivateEncrypted
            && let Err(why) = &self.master_key
        {
            return Err(why.clone());
        }
        let draft = Draft {
            channels: vec![line.channel],
            name: line.name,
            data: Data::Line(line.data),
            sets: Vec::new(),
            socket_id: line.socket_id,
        };
        let rules = Rules {
            max_payload_kb: self.max_payload_kb,
            catalog: self.catalog.as_ref().map(|(c, n)| (c, n.as_str())),
            enforce_catalog: self.enforce_catalog,
            encryption: Encryption::Here(self.master_key.as_ref().ok().and_then(Option::as_ref)),
        };
        let mut checked = outgoing::check(draft, &rules, &mut System).map_err(|e| e.to_string())?;
        let warnings = std::mem::take(&mut checked.notes)
            .into_iter()
            .filter_map(|n| match n {
                Note::Warning(w) => Some(w),
                Note::Status(_) => None,
            })
            .collect();
        let ready = checked.into_ready(&mut System).map_err(|e| e.to_string())?;
        Ok((ready, warnings))
    }
}

/// Lines of a JSON Lines file or stdin, read once, ten valid ones a request.
struct BatchSource {
    reader: LineReader,
    rules: LineRules,
    /// Valid lines not yet in a request, with their line numbers.
    pending: Vec<(u64, Ready)>,
    app_id: String,
    fail_fast: bool,
    /// The bar counts bytes of a regular file; else lines read.
    bar_in_bytes: bool,
    /// The bar is drawn (stderr is a terminal): else it is left alone.
    bar_shown: bool,
    done: bool,
}

impl BatchSource {
    /// The next up to ten valid lines, and the lines they span.
    async fn next_batch(
        &mut self,
        tally: &mut Tally,
        bar: &ProgressBar,
    ) -> Result<Option<(Span, Vec<Ready>)>, CliError> {
        while !self.done && self.pending.len() < MAX_BATCH {
            let raw = match self.reader.next().await {
                Ok(Some(raw)) => raw,
                Ok(None) => {
                    self.done = true;
                    break;
                }
                Err(e) => {
                    self.done = true;
                    return Err(CliError::usage(format!(
                        "cannot read line {}: {e}",
                        tally.lines + 1
                    )));
                }
            };
            tally.lines += 1;
            let line = tally.lines;
            let checked = match raw {
                RawLine::TooLong => Err(format!(
                    "longer than {} bytes, more than an event can hold",
                    self.reader.max
                )),
                RawLine::Text(bytes) => match std::str::from_utf8(bytes) {
                    Err(_) => Err("not UTF-8 text".to_owned()),
                    Ok(text) if text.trim().is_empty() => Ok(None),
                    Ok(text) => self.rules.ready(text).map(Some),
                },
            };
            if self.bar_shown {
                if self.bar_in_bytes {
                    bar.set_position(self.reader.consumed);
                } else {
                    bar.inc(1);
                }
            }
            match checked {
                Ok(None) => tally.blank += 1,
                Ok(Some((ready, warnings))) => {
                    tally.valid += 1;
                    for w in &warnings {
                        tally.warned_line(line, w);
                    }
                    self.pending.push((line, ready));
                }
                Err(why) => {
                    tally.invalid_line(line, &why);
                    if self.fail_fast {
                        tally.stopped_at = Some(line);
                        self.done = true;
                    }
                }
            }
        }
        let (Some(&(first, _)), Some(&(last, _))) = (self.pending.first(), self.pending.last())
        else {
            return Ok(None);
        };
        let ready: Vec<Ready> = self.pending.drain(..).map(|(_, r)| r).collect();
        let span = Span {
            events: ready.len() as u64,
            first,
            last,
        };
        Ok(Some((span, ready)))
    }

    /// After a stop: the valid lines read but never sent, and the first line not sent.
    fn stopped(&self, tally: &mut Tally) {
        tally.not_sent += self.pending.len() as u64;
        tally.resume_from = Some(
            self.pending
                .first()
                .map_or(tally.lines + 1, |(line, _)| *line),
        );
    }
}

impl JobSource<Tally> for BatchSource {
    type Job = Job;

    async fn next(
        &mut self,
        tally: &mut Tally,
        bar: &ProgressBar,
    ) -> Result<Option<Job>, CliError> {
        Ok(self.next_batch(tally, bar).await?.map(|(span, ready)| Job {
            span,
            req: outgoing::batch_request(&self.app_id, ready),
        }))
    }
}

/// How much of the input one read asks for: tokio reads files and stdin on its blocking
/// pool, a hand-over each read, so a read takes many lines (a pipe's whole buffer).
const READ_BUFFER: usize = 64 * 1024;

/// Open the batch input, once; a regular file's size sizes the progress bar.
async fn open_input(
    source: &str,
) -> Result<(Box<dyn AsyncBufRead + Unpin>, Option<u64>), CliError> {
    if source == "-" {
        return Ok((
            Box::new(BufReader::with_capacity(READ_BUFFER, tokio::io::stdin())),
            None,
        ));
    }
    let file = tokio::fs::File::open(source).await.map_err(|e| {
        CliError::usage(format!("cannot read batch file {source}: {e}"))
            .hint("give a JSON Lines file, or - for stdin")
    })?;
    let meta = file.metadata().await.ok();
    if meta.as_ref().is_some_and(std::fs::Metadata::is_dir) {
        return Err(
            CliError::usage(format!("{source} is a folder, not a batch file"))
                .hint("give a JSON Lines file, or - for stdin"),
        );
    }
    let size = meta.filter(std::fs::Metadata::is_file).map(|m| m.len());
    Ok((Box::new(BufReader::with_capacity(READ_BUFFER, file)), size))
}

pub async fn run_batch(ctx: &mut Ctx, args: &Args, path: &str) -> Result<(), CliError> {
    // The same rules as one event's (see `trigger::check_event`): the catalogue checks
    // every line, and refuses under its rules only without --no-validate.
    let catalog = ctx.catalog(args.catalog.as_deref())?;
    let max_payload_kb = ctx.config()?.max_payload_kb.val as usize;
    let rules = LineRules {
        catalog,
        enforce_catalog: !args.no_validate,
        max_payload_kb,
        master_key: ctx.master_key().map_err(|e| e.message),
    };
    let client = if args.dry_run {
        None
    } else {
        Some(Arc::new(ctx.rest().await?))
    };
    let (reader, size) = super::interruptible(open_input(path)).await?;
    let bar = match size {
        Some(bytes) => inflight::byte_bar(&ctx.ui, bytes),
        None => inflight::progress_bar(&ctx.ui, None, "lines read"),
    };
    let mut source = BatchSource {
        reader: LineReader::new(reader, max_line(max_payload_kb)),
        rules,
        pending: Vec::with_capacity(MAX_BATCH),
        app_id: client
            .as_ref()
            .map(|c| c.app_id().to_owned())
            .unwrap_or_default(),
        fail_fast: args.fail_fast,
        bar_in_bytes: size.is_some(),
        bar_shown: !bar.is_hidden(),
        done: false,
    };
    let Some(client) = client else {
        return lint(ctx, args, &mut source, &bar).await;
    };
    let mut tally = Tally::default();
    let started = Instant::now();
    let result = drive(args, client, &mut source, &mut tally, &bar, false).await;
    if !matches!(result, Ok(None)) {
        source.stopped(&mut tally);
    }
    bar.finish_and_clear();
    let mode = Mode::Batch {
        file: size.map(|_| path.to_owned()),
    };
    summarize(ctx, args, &tally, started.elapsed(), &mode, result)
}

/// `--batch --dry-run`: every line through the pipeline, nothing sent.
async fn lint(
    ctx: &Ctx,
    args: &Args,
    source: &mut BatchSource,
    bar: &ProgressBar,
) -> Result<(), CliError> {
    let mut tally = Tally::default();
    let started = Instant::now();
    let checked = super::interruptible(async {
        while source.next_batch(&mut tally, bar).await?.is_some() {
            tally.requests += 1;
        }
        Ok(())
    })
    .await;
    bar.finish_and_clear();
    checked?;
    ctx.ui.status("dry run: nothing was sent");
    summarize(ctx, args, &tally, started.elapsed(), &Mode::Lint, Ok(None))
}

/// What `dry_run_lines` counted: lines read, and each line's fate.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LineCount {
    pub lines: u64,
    pub blank: u64,
    pub invalid: u64,
    pub valid: u64,
    /// Items in the requests' bodies.
    pub in_requests: u64,
    pub requests: u64,
}

/// `--batch --dry-run` over `input` held in memory, with these rules: the same reader,
/// line checks and requests, for `crate::fuzzing`.
pub(crate) fn dry_run_lines(
    input: Vec<u8>,
    catalog: Option<Catalog>,
    max_payload_kb: usize,
    master_key: Option<MasterKey>,
    fail_fast: bool,
) -> Result<LineCount, CliError> {
    use futures_util::FutureExt as _;
    let mut source = BatchSource {
        reader: LineReader::new(
            Box::new(std::io::Cursor::new(input)),
            max_line(max_payload_kb),
        ),
        rules: LineRules {
            catalog: catalog.map(|c| (c, "catalogue".to_owned())),
            enforce_catalog: true,
            max_payload_kb,
            master_key: Ok(master_key),
        },
        pending: Vec::new(),
        app_id: "1".to_owned(),
        fail_fast,
        bar_in_bytes: false,
        bar_shown: false,
        done: false,
    };
    let mut tally = Tally::default();
    let bar = ProgressBar::hidden();
    let mut count = LineCount::default();
    // An in-memory reader never waits, so each batch is ready at once.
    while let Some((_, ready)) = source
        .next_batch(&mut tally, &bar)
        .now_or_never()
        .unwrap_or_else(|| unreachable!("an in-memory reader is always ready"))?
    {
        let req = outgoing::batch_request(&source.app_id, ready);
        let items = req
            .body
            .as_deref()
            .and_then(|b| serde_json::from_slice::<Value>(b).ok())
            .and_then(|v| v.get("batch").and_then(Value::as_array).map(Vec::len))
            .unwrap_or(0);
        count.requests += 1;
        count.in_requests += items as u64;
    }
    count.lines = tally.lines;
    count.blank = tally.blank;
    count.invalid = tally.invalid;
    count.valid = tally.valid;
    Ok(count)
}

/// One event, `times` times, paced by `--rate`; each sealed on its own (a fresh nonce
/// for an encrypted channel).
struct RepeatSource {
    checked: Checked,
    app_id: String,
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
        let ready = self.checked.seal(&mut System)?;
        self.made += 1;
        tally.lines += 1;
        tally.valid += 1;
        Ok(Some(Job {
            span: Span {
                events: 1,
                first: self.made,
                last: self.made,
            },
            req: outgoing::trigger_request(&self.app_id, &ready, &[]),
        }))
    }
}

pub async fn run_repeat(
    ctx: &mut Ctx,
    args: &Args,
    checked: Checked,
    times: u64,
) -> Result<(), CliError> {
    let client = Arc::new(ctx.rest().await?);
    let mut source = RepeatSource {
        checked,
        app_id: client.app_id().to_owned(),
        times,
        made: 0,
        ticker: args.rate.map(|r| {
            let mut t = tokio::time::interval(crate::values::interval(r));
            t.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            t
        }),
    };
    let bar = inflight::progress_bar(&ctx.ui, Some(times), "events");
    let mut tally = Tally::default();
    let started = Instant::now();
    let result = drive(args, client, &mut source, &mut tally, &bar, true).await;
    if let Ok(Some(_)) = result {
        tally.not_sent = times - source.made;
        tally.resume_from = Some(source.made + 1);
    }
    bar.finish_and_clear();
    summarize(ctx, args, &tally, started.elapsed(), &Mode::Repeat, result)
}

/// Drive the jobs; `Some(stop)` when a signal stopped them.
async fn drive(
    args: &Args,
    client: Arc<RestClient>,
    source: &mut impl JobSource<Tally, Job = Job>,
    tally: &mut Tally,
    bar: &ProgressBar,
    bar_counts_events: bool,
) -> Result<Option<Stop>, CliError> {
    let retries = args.retries;
    let bar_shown = !bar.is_hidden();
    inflight::drive(
        args.concurrency as usize,
        bar,
        tally,
        source,
        |job| send_job(client.clone(), job, retries),
        |tally, ended, bar| {
            tally.add(ended);
            if bar_shown && bar_counts_events {
                bar.set_position(tally.sent);
            } else if bar_shown {
                bar.set_message(format!("{} accepted", tally.accepted));
            }
            Ok(())
        },
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(catalog: Option<Catalog>) -> LineRules {
        LineRules {
            catalog: catalog.map(|c| (c, "built-in catalogue".to_owned())),
            enforce_catalog: true,
            max_payload_kb: 10,
            master_key: Ok(None),
        }
    }

    #[test]
    fn lines() {
        let r = rules(None);
        let (item, warnings) = r
            .ready(r#"{"channel":"c","name":"e","data":{"a":1}}"#)
            .unwrap();
        assert_eq!(item.event().data, r#"{"a":1}"#);
        assert!(warnings.is_empty());
        let (item, _) = r
            .ready(r#"{"channel":"c","name":"e","data":"text","socket_id":"1.2"}"#)
            .unwrap();
        assert_eq!(
            (
                item.event().data.as_str(),
                item.event().socket_id.as_deref()
            ),
            ("text", Some("1.2"))
        );
        assert!(
            r.ready("nope")
                .unwrap_err()
                .starts_with("not a valid event record")
        );
        assert!(r.ready(r#"{"channel":"c","name":"e"}"#).is_err());
        assert!(
            r.ready(r#"{"channel":"c","name":"e","data":1,"extra":1}"#)
                .is_err()
        );
        assert!(
            r.ready(r#"{"channel":"bad channel","name":"e","data":1}"#)
                .is_err()
        );
        assert!(
            r.ready(r#"{"channel":"c","name":"client-x","data":1}"#)
                .is_err()
        );
        let r = rules(Some(Catalog::parse(crate::catalog::BUILTIN).unwrap()));
        let bad = r#"{"channel":"dashboard-updates","name":"system_notification","data":{"type":"urgent","message":"m"}}"#;
        assert!(r.ready(bad).unwrap_err().contains("allowed: info"));
        let enc = r#"{"channel":"private-encrypted-x","name":"e","data":{}}"#;
        assert!(
            r.ready(enc)
                .unwrap_err()
                .contains("no encryption master key")
        );
        // Unknown events go with a warning; with --no-validate, broken ones too.
        let (_, warnings) = r
            .ready(r#"{"channel":"dashboard-updates","name":"other","data":{}}"#)
            .unwrap();
        assert!(
            warnings[0].contains("not in the built-in catalogue"),
            "{warnings:?}"
        );
        let mut lax = r;
        lax.enforce_catalog = false;
        let (_, warnings) = lax.ready(bad).unwrap();
        assert!(
            warnings[0].contains("sent anyway: --no-validate"),
            "{warnings:?}"
        );
        // A broken key refuses only the lines for encrypted channels.
        lax.master_key = Err("`encryption_master_key` is invalid".into());
        assert!(lax.ready(enc).unwrap_err().contains("is invalid"));
        assert!(lax.ready(r#"{"channel":"c","name":"e","data":{}}"#).is_ok());
    }
}
