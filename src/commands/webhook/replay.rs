//! `rtctl webhook replay`: sign fixtures and post them to the app's webhook endpoint.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use clap::Args as ClapArgs;
use indicatif::ProgressBar;
use serde_json::{Value, json};

use super::Ctx;
use crate::commands::inflight::{self, Ended, JobSource};
use crate::commands::interruptible;
use crate::config::{ConfigError, Field};
use crate::error::{CliError, Kind};
use crate::net::http::JsonPoster;
use crate::net::{raw_request, shown_url, url_hides_secrets};
use crate::pusher::webhook::{self, Answer};
use crate::signal::Stop;
use crate::text::{one_line, sanitize};
use crate::time::now_ms;
use crate::ui::json_text;
use crate::ui::words::counted;

pub const EXAMPLES: &str = "\
Examples:
  rtctl webhook replay fixtures/webhooks/                               every *.json there, by name
  rtctl webhook replay joined.json --to http://localhost:8008/pusher/webhook --now
  rtctl webhook fixture member_added | rtctl webhook replay -
  rtctl webhook replay fixtures/webhooks/ --tamper                      each must be refused
  rtctl webhook replay captured/ --concurrency 8 --json
  rtctl webhook replay joined.json --dry-run                            the signed request, not sent

Each body is sent byte for byte (less a final newline) with X-Pusher-Key, X-Pusher-Signature
(HMAC-SHA256 of the body with the profile's secret) and Content-Type: application/json.
Exit code 1 if any was rejected; with --tamper, 5 if any was accepted; 6 if the endpoint
could not be reached; 130 (Ctrl-C) or 143 (SIGTERM) when stopped: webhooks in flight get
2 s, and the summary counts the rest as unknown or not sent, naming the first not sent.";

#[derive(Debug, ClapArgs)]
pub struct Args {
    /// Fixture files, folders of *.json fixtures, or - for bodies on stdin
    #[arg(value_name = "FIXTURE|DIR|-", required = true)]
    pub fixtures: Vec<String>,

    /// The webhook endpoint [default: the profile's webhook_url]
    #[arg(long, value_name = "URL")]
    pub to: Option<String>,

    /// Set each body's time_ms to now (the body is then written compactly)
    #[arg(long)]
    pub now: bool,

    /// Sign each body wrongly: passes only if the endpoint refuses every one with a 4xx
    #[arg(long)]
    pub tamper: bool,

    /// Send bodies that are not valid webhooks too, to see how the endpoint copes
    #[arg(long)]
    pub no_validate: bool,

    /// Requests in flight at once (1 keeps the fixtures' order)
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u64).range(1..=64))]
    pub concurrency: u64,

    /// Print the signed requests instead of sending them
    #[arg(long)]
    pub dry_run: bool,

    /// One JSON line per fixture, then a summary line
    #[arg(long)]
    pub json: bool,
}

/// A body to send, and where it came from.
struct Fixture {
    name: String,
    body: Vec<u8>,
    /// `member_added presence-classroom-101, …`, for the report.
    events: String,
}

/// Read every fixture: stdin may hold several bodies one after another.
async fn read_fixtures(args: &Args) -> Result<Vec<(String, Vec<u8>)>, CliError> {
    let mut out = Vec::new();
    let mut stdin_used = false;
    for arg in &args.fixtures {
        if arg == "-" {
            if stdin_used {
                return Err(CliError::usage("- is given twice; stdin can be read once"));
            }
            stdin_used = true;
            let mut buf = Vec::new();
            tokio::io::AsyncReadExt::read_to_end(&mut tokio::io::stdin(), &mut buf)
                .await
                .map_err(|e| CliError::usage(format!("cannot read fixtures from stdin: {e}")))?;
            let bodies = split_bodies(&buf);
            if bodies.is_empty() {
                return Err(CliError::usage("stdin holds no webhook body").hint(
                    "pipe one in: `rtctl webhook fixture member_added | rtctl webhook replay -`",
                ));
            }
            let n = bodies.len();
            for (i, b) in bodies.into_iter().enumerate() {
                let name = if n == 1 {
                    "stdin".to_owned()
                } else {
                    format!("stdin#{}", i + 1)
                };
                out.push((name, b));
            }
            continue;
        }
        let path = Path::new(arg);
        let meta = tokio::fs::metadata(path).await.map_err(|e| {
            CliError::usage(format!("cannot read fixture {arg}: {e}"))
                .hint("give fixture files, folders of *.json files, or - for stdin")
        })?;
        if meta.is_dir() {
            let files = json_files(path)?;
            if files.is_empty() {
                return Err(CliError::usage(format!("{arg} holds no *.json fixtures")));
            }
            for f in files {
                let body = read_file(&f).await?;
                out.push((f.display().to_string(), body));
            }
        } else {
            out.push((arg.clone(), read_file(path).await?));
        }
    }
    Ok(out)
}

async fn read_file(path: &Path) -> Result<Vec<u8>, CliError> {
    tokio::fs::read(path)
        .await
        .map_err(|e| CliError::usage(format!("cannot read fixture {}: {e}", path.display())))
}

/// The *.json files of a folder, sorted by name (listen --save names them by time).
fn json_files(dir: &Path) -> Result<Vec<PathBuf>, CliError> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| CliError::usage(format!("cannot list {}: {e}", dir.display())))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    Ok(files)
}

/// JSON values one after another (`fixture … ; fixture …` piped in), each as its raw
/// bytes. Text that is not JSON is one body, for `--no-validate` to send or refuse.
pub(crate) fn split_bodies(buf: &[u8]) -> Vec<Vec<u8>> {
    let mut bodies = Vec::new();
    let mut stream = serde_json::Deserializer::from_slice(buf).into_iter::<serde::de::IgnoredAny>();
    let mut start = 0;
    while let Some(item) = stream.next() {
        if item.is_err() {
            let rest = buf[start..].trim_ascii();
            if !rest.is_empty() {
                bodies.push(rest.to_vec());
            }
            return bodies;
        }
        let end = stream.byte_offset();
        bodies.push(buf[start..end].trim_ascii().to_vec());
        start = end;
    }
    bodies
}

/// Check (unless --no-validate), rewrite time_ms (--now), and describe each fixture.
fn prepare(args: &Args, raw: Vec<(String, Vec<u8>)>) -> Result<Vec<Fixture>, CliError> {
    let now = now_ms();
    let mut out = Vec::with_capacity(raw.len());
    for (name, bytes) in raw {
        let mut body = bytes.trim_ascii_end().to_vec();
        let checked = webhook::validate(&body);
        if let Err(e) = &checked
            && !args.no_validate
        {
            return Err(CliError::usage(format!(
                "{} is not a valid webhook: {e}",
                sanitize(&name, false)
            ))
            .hint(super::hints::for_body(e))
            .hint("nothing was sent; pass --no-validate to send it anyway and see how the endpoint copes"));
        }
        if args.now {
            body = webhook::with_time(&body, now)
                .map_err(|e| CliError::usage(format!("--now cannot set the time of {name}: {e}")))?
                .into_bytes();
        }
        let events = match webhook::parse(&body) {
            Ok(b) => b
                .events
                .iter()
                .map(|e| format!("{} {}", e.name().unwrap_or("?"), e.channel().unwrap_or("?")))
                .collect::<Vec<_>>()
                .join(", "),
            Err(e) => format!("({e})"),
        };
        out.push(Fixture {
            name,
            body,
            events: sanitize(&events, false),
        });
    }
    Ok(out)
}

/// The endpoint, from --to or the profile, and where it came from.
fn endpoint(ctx: &mut Ctx, args: &Args) -> Result<(String, String), CliError> {
    let (url, from) = match &args.to {
        Some(url) => (url.clone(), "--to".to_owned()),
        None => {
            let config = ctx.config()?;
            let v = config.webhook_url.clone().ok_or_else(|| {
                CliError::from(ConfigError::Missing {
                    field: Field::WebhookUrl,
                    profile: config.profile.val.clone(),
                })
                .hint("or pass --to URL, e.g. --to http://localhost:8008/pusher/webhook")
            })?;
            (v.val, format!("webhook_url from {}", v.source))
        }
    };
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(CliError::usage(format!(
            "`{}` (from {from}) is not an http:// or https:// URL",
            sanitize(&url, false)
        ))
        .hint("e.g. http://localhost:8008/pusher/webhook"));
    }
    Ok((url, from))
}

/// One signed request.
struct Job {
    fixture: Fixture,
    headers: Vec<(String, String)>,
}

impl inflight::Job for Job {
    /// The fixture's name.
    type Ticket = String;

    fn ticket(&self) -> String {
        self.fixture.name.clone()
    }
}

/// How one request ended.
struct Sent {
    fixture: Fixture,
    latency: Duration,
    result: Result<(u16, String), CliError>,
}

#[derive(Default)]
struct Tally {
    sent: u64,
    passed: u64,
    rejected: u64,
    accepted_tampered: u64,
    failed: u64,
    unreachable: u64,
    /// In flight at a stop: they may or may not have arrived.
    unknown: u64,
    not_sent: u64,
    first_not_sent: Option<String>,
    first_unreachable: Option<CliError>,
}

struct Queue(std::vec::IntoIter<Job>);

impl JobSource<Tally> for Queue {
    type Job = Job;

    async fn next(&mut self, _: &mut Tally, _: &ProgressBar) -> Result<Option<Job>, CliError> {
        Ok(self.0.next())
    }
}

async fn send(poster: JsonPoster, url: String, where_from: String, job: Job) -> Sent {
    let started = Instant::now();
    let result = poster
        .post(&url, &job.headers, job.fixture.body.clone(), &where_from)
        .await
        .map(|r| (r.status, String::from_utf8_lossy(&r.body).into_owned()));
    Sent {
        fixture: job.fixture,
        latency: started.elapsed(),
        result,
    }
}

pub async fn run(ctx: &mut Ctx, args: &Args) -> Result<(), CliError> {
    ctx.stdin_is_free("fixtures", args.fixtures.iter().any(|f| f == "-"))?;
    let raw = interruptible(read_fixtures(args)).await?;
    let fixtures = prepare(args, raw)?;
    let (url, where_from) = endpoint(ctx, args)?;
    let (key, secret) = ctx.key_and_secret().await?;
    let timeout = ctx.config()?.timeout.val;
    let jobs: Vec<Job> = fixtures
        .into_iter()
        .map(|fixture| {
            let headers =
                webhook::signed_headers(&key, secret.expose(), &fixture.body, args.tamper);
            Job { fixture, headers }
        })
        .collect();
    if args.dry_run {
        ctx.ui.status("dry run: nothing was sent");
        if url_hides_secrets(&url) {
            ctx.ui.warn(&format!(
                "the URL is shown as {}: its user name, password and query are left out",
                shown_url(&url)
            ));
        }
        let requests: Vec<String> = jobs
            .iter()
            .map(|j| raw_request::post(&shown_url(&url), &j.headers, &j.fixture.body))
            .collect();
        return Ok(ctx.ui.out(&requests.join("\n\n"))?);
    }
    let total = jobs.len() as u64;
    let poster = JsonPoster::new(timeout, &ctx.trust()?)?;
    let bar = inflight::progress_bar(&ctx.ui, (total > 1).then_some(total), "fixtures");
    let mut tally = Tally::default();
    let started = Instant::now();
    let ui = ctx.ui;
    let mut queue = Queue(jobs.into_iter());
    let result = inflight::drive(
        args.concurrency as usize,
        &bar,
        &mut tally,
        &mut queue,
        |job| send(poster.clone(), url.clone(), where_from.clone(), job),
        |tally, ended: Ended<Sent, String>, bar| {
            bar.inc(1);
            tally.sent += 1;
            let sent = match ended {
                Ended::Finished(sent) => sent,
                Ended::CutOff(name) => {
                    tally.unknown += 1;
                    let line = cut_off_line(&ui, args, &name);
                    return bar.suspend(|| ui.out(&line)).map_err(CliError::from);
                }
            };
            let outcome = Answer::of(args.tamper, sent.result.as_ref().ok().map(|r| r.0));
            match outcome {
                Answer::Accepted | Answer::Refused => tally.passed += 1,
                Answer::Rejected => tally.rejected += 1,
                Answer::AcceptedTampered => tally.accepted_tampered += 1,
                Answer::Failed => tally.failed += 1,
                Answer::Unreachable => tally.unreachable += 1,
            }
            let line = report_line(&ui, args, &sent, outcome);
            if let Err(e) = sent.result
                && tally.first_unreachable.is_none()
            {
                tally.first_unreachable = Some(e);
            }
            bar.suspend(|| ui.out(&line)).map_err(CliError::from)
        },
    )
    .await;
    bar.finish_and_clear();
    let stop = result?;
    if stop.is_some() {
        tally.not_sent = queue.0.len() as u64;
        tally.first_not_sent = queue.0.next().map(|j| j.fixture.name);
    }
    summarize(ctx, args, tally, started.elapsed(), stop)
}

/// A fixture still in flight at a stop, after the grace.
fn cut_off_line(ui: &crate::ui::Ui, args: &Args, name: &str) -> String {
    if args.json {
        return json_text(&json!({
            "type": "replay",
            "fixture": name,
            "outcome": "unknown",
            "status": null,
            "tampered": args.tamper,
            "answer": "none before the stop: it may or may not have arrived",
        }));
    }
    format!(
        "{} {:<9} {:>7} ms  {}  (in flight at the stop: it may or may not have arrived)",
        ui.paint(
            &format!("{:<11}", "unknown"),
            |s| colored::Colorize::yellow(s)
        ),
        "no answer",
        "-",
        sanitize(name, false)
    )
}

fn report_line(ui: &crate::ui::Ui, args: &Args, sent: &Sent, outcome: Answer) -> String {
    let ms = sent.latency.as_secs_f64() * 1000.0;
    let answer = match &sent.result {
        Ok((_, body)) => one_line(body, 300),
        Err(e) => one_line(&e.message, 300),
    };
    if args.json {
        let mut v = json!({
            "type": "replay",
            "fixture": sent.fixture.name,
            "events": sent.fixture.events,
            "outcome": outcome.word(),
            "status": sent.result.as_ref().ok().map(|r| r.0),
            "latency_ms": (ms * 10.0).round() / 10.0,
            "tampered": args.tamper,
        });
        if !outcome.passed() {
            v["answer"] = Value::String(answer);
        }
        return json_text(&v);
    }
    let word = match outcome {
        Answer::Accepted | Answer::Refused => ui.paint(&format!("{:<11}", outcome.word()), |s| {
            colored::Colorize::green(s)
        }),
        _ => ui.paint(&format!("{:<11}", outcome.word()), |s| {
            colored::Colorize::red(s)
        }),
    };
    let status = match &sent.result {
        Ok((s, _)) => format!("HTTP {s}"),
        Err(_) => "no answer".to_owned(),
    };
    let mut line = format!(
        "{word} {status:<9} {ms:>7.1} ms  {}  {}",
        sanitize(&sent.fixture.name, false),
        sent.fixture.events
    );
    if !outcome.passed() && !answer.is_empty() {
        line.push_str(&format!("\n            answer: {answer}"));
    }
    line
}

fn summarize(
    ctx: &Ctx,
    args: &Args,
    t: Tally,
    elapsed: Duration,
    stop: Option<Stop>,
) -> Result<(), CliError> {
    if args.json {
        let out = json!({
            "type": "summary",
            "sent": t.sent,
            "passed": t.passed,
            "rejected": t.rejected,
            "accepted_bad_signature": t.accepted_tampered,
            "failed": t.failed,
            "unreachable": t.unreachable,
            "unknown": t.unknown,
            "not_sent": t.not_sent,
            "stopped_by": stop.map(Stop::word),
            "first_not_sent": t.first_not_sent,
            "tampered": args.tamper,
            "elapsed_ms": elapsed.as_millis() as u64,
        });
        ctx.ui.out(&json_text(&out))?;
    } else {
        let unknown = if t.unknown > 0 {
            format!(", {} unknown", t.unknown)
        } else {
            String::new()
        };
        if args.tamper {
            ctx.ui.status(&format!(
                "sent {} with a wrong signature in {:.2}s: {} refused, {} accepted, {} failed, {} unreachable{unknown}",
                counted(t.sent, "webhook"),
                elapsed.as_secs_f64(),
                t.passed,
                t.accepted_tampered,
                t.failed,
                t.unreachable
            ));
        } else {
            ctx.ui.status(&format!(
                "sent {} in {:.2}s: {} accepted, {} rejected, {} unreachable{unknown}",
                counted(t.sent, "webhook"),
                elapsed.as_secs_f64(),
                t.passed,
                t.rejected,
                t.unreachable
            ));
        }
        if let Some(stop) = stop {
            let rest = match &t.first_not_sent {
                Some(first) => format!(
                    "{} not sent, from {}",
                    counted(t.not_sent, "webhook"),
                    sanitize(first, false)
                ),
                None => "every webhook was sent".to_owned(),
            };
            ctx.ui.status(&format!("{}: {rest}", stop.word()));
        }
    }
    if t.accepted_tampered > 0 {
        return Err(CliError::new(
            Kind::CheckFailed,
            format!(
                "the endpoint accepted {} of {} webhooks with a wrong signature",
                t.accepted_tampered, t.sent
            ),
        )
        .hint(Answer::AcceptedTampered.hint().unwrap_or_default()));
    }
    if let Some(stop) = stop {
        return Err(stop.error());
    }
    if let Some(first) = t.first_unreachable {
        let mut err = CliError::new(
            first.kind,
            format!(
                "{} of {} webhooks got no answer: {}",
                t.unreachable, t.sent, first.message
            ),
        );
        err.hints = first.hints;
        return Err(err);
    }
    if t.failed > 0 {
        return Err(CliError::new(
            Kind::Failure,
            format!(
                "the endpoint failed (5xx) or redirected (3xx) {} of {} webhooks with a wrong signature instead of refusing them",
                t.failed, t.sent
            ),
        )
        .hint(Answer::Failed.hint().unwrap_or_default()));
    }
    if t.rejected > 0 {
        return Err(CliError::new(
            Kind::Failure,
            format!(
                "the endpoint rejected {} of {} webhooks",
                t.rejected, t.sent
            ),
        )
        .hint(
            "its answers are above; check that it uses the same key and secret as this profile",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_one_after_another() {
        let bodies = split_bodies(b"{\"a\":1}\n{ \"b\" : 2 }\n\n");
        assert_eq!(bodies, [b"{\"a\":1}".to_vec(), b"{ \"b\" : 2 }".to_vec()]);
        assert_eq!(split_bodies(b"not json"), [b"not json".to_vec()]);
        assert!(split_bodies(b"  \n").is_empty());
    }
}
