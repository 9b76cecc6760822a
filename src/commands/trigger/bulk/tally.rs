//! What a batch or repeat run did, line by line, and the summary that says so.

use std::time::Duration;

use serde_json::json;

use crate::commands::Ctx;
use crate::commands::inflight::Ended;
use crate::commands::trigger::{Args, shell_quote};
use crate::error::{CliError, Kind};
use crate::signal::Stop;
use crate::ui::json_text;
use crate::ui::words::{counted, plural, were};

/// How many distinct reasons the summary keeps.
const REASONS_KEPT: usize = 5;
/// How many invalid line numbers, and line ranges in flight at a stop, it names.
const LINES_NAMED: usize = 10;

/// Which lines (or, for `--repeat`, which events) a request carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Span {
    pub(super) events: u64,
    pub(super) first: u64,
    pub(super) last: u64,
}

impl Span {
    fn shown(self) -> String {
        if self.first == self.last {
            self.first.to_string()
        } else {
            format!("{}-{}", self.first, self.last)
        }
    }
}

/// Why a request failed: a key to count alike failures once (`HTTP 429`), and the message.
pub(super) struct Failure {
    pub(super) key: String,
    pub(super) message: String,
}

/// What became of a request's events.
pub(super) enum Fate {
    Accepted,
    /// Refused, or never reached the server: not delivered.
    Rejected(Failure),
    /// No answer after the request was sent: delivered or not, no one can say.
    Unknown(Failure),
}

/// How one request ended.
pub(super) struct Outcome {
    pub(super) span: Span,
    pub(super) retried: u32,
    /// Retried after a try whose request may have reached the server (a timeout, a
    /// reset): the events may have been delivered twice.
    pub(super) retried_after_send: bool,
    pub(super) fate: Fate,
}

/// Everything the summary reports.
#[derive(Debug, Default)]
pub(super) struct Tally {
    pub(super) lines: u64,
    pub(super) blank: u64,
    pub(super) invalid: u64,
    pub(super) valid: u64,
    pub(super) sent: u64,
    pub(super) accepted: u64,
    pub(super) rejected: u64,
    pub(super) unknown: u64,
    pub(super) not_sent: u64,
    pub(super) requests: u64,
    pub(super) retried: u64,
    pub(super) retried_after_send: u64,
    pub(super) stopped_at: Option<u64>,
    pub(super) resume_from: Option<u64>,
    pub(super) invalid_lines: Vec<u64>,
    /// The first few spans of unknown outcome, and how many there were.
    pub(super) unknown_lines: Vec<String>,
    pub(super) unknown_spans: u64,
    /// The first few rejected spans, and how many there were: to send again.
    pub(super) rejected_lines: Vec<String>,
    pub(super) rejected_spans: u64,
    /// Events sent with a warning (not in the catalogue, or breaking it under
    /// `--no-validate`), the first few of their lines, and the first warnings.
    pub(super) warned: u64,
    pub(super) warned_lines: Vec<u64>,
    pub(super) warnings: Vec<String>,
    pub(super) reasons: Vec<String>,
    pub(super) reason_keys: Vec<String>,
}

impl Tally {
    /// Keep the first few reasons, one of each kind.
    fn reason(&mut self, key: String, message: String) {
        if self.reasons.len() < REASONS_KEPT && !self.reason_keys.contains(&key) {
            self.reason_keys.push(key);
            self.reasons.push(message);
        }
    }

    pub(super) fn invalid_line(&mut self, line: u64, why: &str) {
        self.invalid += 1;
        if self.invalid_lines.len() < LINES_NAMED {
            self.invalid_lines.push(line);
        }
        self.reason(format!("line {line}"), format!("line {line}: {why}"));
    }

    /// A line that goes ahead with a warning.
    pub(super) fn warned_line(&mut self, line: u64, warning: &str) {
        self.warned += 1;
        if self.warned_lines.len() < LINES_NAMED {
            self.warned_lines.push(line);
        }
        if self.warnings.len() < REASONS_KEPT && !self.warnings.iter().any(|w| w.ends_with(warning))
        {
            self.warnings.push(format!("line {line}: {warning}"));
        }
    }

    fn rejected_span(&mut self, span: Span) {
        self.rejected += span.events;
        self.rejected_spans += 1;
        if self.rejected_lines.len() < LINES_NAMED {
            self.rejected_lines.push(span.shown());
        }
    }

    fn unknown_span(&mut self, span: Span) {
        self.unknown += span.events;
        self.unknown_spans += 1;
        if self.unknown_lines.len() < LINES_NAMED {
            self.unknown_lines.push(span.shown());
        }
    }

    pub(super) fn add(&mut self, ended: Ended<Outcome, Span>) {
        self.requests += 1;
        let o = match ended {
            Ended::Finished(o) => o,
            Ended::CutOff(span) => {
                self.sent += span.events;
                self.unknown_span(span);
                return;
            }
        };
        self.sent += o.span.events;
        self.retried += u64::from(o.retried);
        if o.retried_after_send {
            self.retried_after_send += o.span.events;
        }
        match o.fate {
            Fate::Accepted => self.accepted += o.span.events,
            Fate::Rejected(f) => {
                self.rejected_span(o.span);
                self.reason(f.key, f.message);
            }
            Fate::Unknown(f) => {
                self.unknown_span(o.span);
                self.reason(f.key, f.message);
            }
        }
    }
}

/// What was run, for the summary.
pub(super) enum Mode {
    /// `--batch`, from a regular file (named) or a stream.
    Batch {
        file: Option<String>,
    },
    /// `--batch --dry-run`.
    Lint,
    Repeat,
}

impl Mode {
    fn word(&self) -> &'static str {
        match self {
            Self::Batch { .. } | Self::Lint => "batch",
            Self::Repeat => "repeat",
        }
    }
}

pub(super) fn summarize(
    ctx: &Ctx,
    args: &Args,
    t: &Tally,
    elapsed: Duration,
    mode: &Mode,
    result: Result<Option<Stop>, CliError>,
) -> Result<(), CliError> {
    let stop = result.as_ref().ok().copied().flatten();
    let secs = elapsed.as_secs_f64();
    let rate = if secs > 0.0 {
        t.accepted as f64 / secs
    } else {
        0.0
    };
    if args.json {
        let out = json!({
            "mode": mode.word(),
            "dry_run": matches!(mode, Mode::Lint),
            "lines": t.lines,
            "blank": t.blank,
            "invalid": t.invalid,
            "valid": t.valid,
            "sent": t.sent,
            "accepted": t.accepted,
            "rejected": t.rejected,
            "unknown": t.unknown,
            "not_sent": t.not_sent,
            "requests": t.requests,
            "retried": t.retried,
            "retried_after_send": t.retried_after_send,
            "stopped_at_line": t.stopped_at,
            "stopped_by": stop.map(Stop::word),
            "resume_from_line": t.resume_from,
            "unknown_lines": t.unknown_lines,
            "rejected_lines": t.rejected_lines,
            "warned": t.warned,
            "warnings": t.warnings,
            "elapsed_ms": elapsed.as_millis() as u64,
            "events_per_second": (rate * 10.0).round() / 10.0,
            "first_errors": t.reasons,
        });
        ctx.ui.out(&json_text(&out))?;
    } else {
        human_summary(ctx, t, secs, rate, mode, stop);
    }
    result?;
    if let Some(stop) = stop {
        return Err(stop.error());
    }
    if t.stopped_at.is_some() {
        return Err(CliError::usage(format!(
            "a bad line stopped the batch after {} were sent",
            counted(t.sent, "event")
        ))
        .hint("fix the line, or drop --fail-fast to skip bad lines"));
    }
    if matches!(mode, Mode::Lint) && t.invalid > 0 {
        return Err(CliError::usage(format!(
            "{} of {} are invalid: {}",
            t.invalid,
            counted(t.lines, "line"),
            named_lines(t)
        ))
        .hint("fix those lines; the reasons are above"));
    }
    if t.rejected > 0 || t.invalid > 0 || t.unknown > 0 {
        let mut what = vec![format!("{} rejected", t.rejected)];
        if t.unknown > 0 {
            what.push(format!("{} unknown", t.unknown));
        }
        if !matches!(mode, Mode::Repeat) {
            what.push(format!("{} invalid", t.invalid));
        }
        return Err(CliError::new(
            Kind::Failure,
            format!(
                "{} of {} were not accepted ({})",
                t.rejected + t.invalid + t.unknown,
                counted(t.sent + t.invalid, "event"),
                what.join(", ")
            ),
        ));
    }
    if t.valid == 0 {
        return Err(CliError::new(
            Kind::Failure,
            format!(
                "the batch held no events ({} read)",
                counted(t.lines, "line")
            ),
        )
        .hint("nothing was sent: check the input (an empty file, or a generator that printed nothing)"));
    }
    Ok(())
}

/// `lines 2, 4` (and how many more).
fn named_lines(t: &Tally) -> String {
    let shown: Vec<String> = t.invalid_lines.iter().map(u64::to_string).collect();
    let more = t.invalid - t.invalid_lines.len() as u64;
    let mut s = format!("line{} {}", plural(shown.len() as u64), shown.join(", "));
    if more > 0 {
        s.push_str(&format!(" and {more} more"));
    }
    s
}

fn human_summary(ctx: &Ctx, t: &Tally, secs: f64, rate: f64, mode: &Mode, stop: Option<Stop>) {
    let ui = &ctx.ui;
    if matches!(mode, Mode::Lint) {
        ui.status(&format!(
            "checked {}: {} valid (would go in {}), {} invalid, {} blank",
            counted(t.lines, "line"),
            t.valid,
            counted(t.requests, "request"),
            t.invalid,
            t.blank
        ));
    } else {
        let mut s = format!(
            "sent {} in {} in {secs:.2}s ({rate:.0} events/s): {} accepted, {} rejected",
            counted(t.sent, "event"),
            counted(t.requests, "request"),
            t.accepted,
            t.rejected
        );
        if t.unknown > 0 {
            s.push_str(&format!(", {} unknown", t.unknown));
        }
        if let Mode::Batch { .. } = mode {
            s.push_str(&format!(
                "; {} read, {} invalid, {} blank",
                counted(t.lines, "line"),
                t.invalid,
                t.blank
            ));
        }
        s.push_str(&format!("; {} retried", counted(t.retried, "request")));
        ui.status(&s);
    }
    if t.retried_after_send > 0 {
        ui.warn(&format!(
            "{} retried after their request was sent (no answer, or a connection lost mid-answer): they may have been delivered twice",
            were(t.retried_after_send, "event")
        ));
    }
    let unit = if matches!(mode, Mode::Repeat) {
        "event"
    } else {
        "line"
    };
    if t.warned > 0 {
        ui.warn(&format!(
            "{} sent with a warning ({unit}s {}{})",
            counted(t.warned, "event"),
            t.warned_lines
                .iter()
                .map(u64::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            more(t.warned, t.warned_lines.len())
        ));
        for w in &t.warnings {
            ui.status(&format!("  {w}"));
        }
    }
    if t.rejected > 0 {
        ui.warn(&format!(
            "{} rejected ({unit}s {}{}): not delivered; send them again once the cause is fixed",
            counted(t.rejected, "event"),
            t.rejected_lines.join(", "),
            more(t.rejected_spans, t.rejected_lines.len())
        ));
    }
    if t.unknown > 0 {
        let state = if stop.is_some() {
            "were in flight"
        } else {
            "got no answer after their request was sent"
        };
        ui.warn(&format!(
            "{} ({unit}s {}{}) {state}: they may or may not have been delivered",
            counted(t.unknown, "event"),
            t.unknown_lines.join(", "),
            more(t.unknown_spans, t.unknown_lines.len())
        ));
    }
    if let Some(stop) = stop {
        let from = t.resume_from.unwrap_or(t.lines + 1);
        let word = stop.word();
        match mode {
            Mode::Repeat => ui.status(&format!(
                "{word}: {} not sent (from event {from} on)",
                counted(t.not_sent, "event")
            )),
            Mode::Batch { .. } | Mode::Lint => {
                let mut s = format!("{word}: nothing from line {from} on was sent");
                if t.not_sent > 0 {
                    s.push_str(&format!(
                        " ({} read but not sent)",
                        counted(t.not_sent, "line")
                    ));
                }
                ui.status(&s);
            }
        }
        match mode {
            Mode::Batch { file: Some(file) } => ui.status(&format!(
                "resume with: tail -n +{from} {} | rtctl trigger --batch -",
                shell_quote(file)
            )),
            Mode::Batch { file: None } => ui.status(&format!(
                "resume by sending the input again from line {from}"
            )),
            Mode::Repeat | Mode::Lint => {}
        }
    }
    if let Some(line) = t.stopped_at {
        ui.status(&format!(
            "stopped at line {line} (--fail-fast): nothing after it was read"
        ));
    }
    for r in &t.reasons {
        ui.status(&format!("  {r}"));
    }
}

/// ` and 3 more` when `named` of `all` were named.
fn more(all: u64, named: usize) -> String {
    match all.saturating_sub(named as u64) {
        0 => String::new(),
        n => format!(" and {n} more"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(events: u64, first: u64, last: u64) -> Span {
        Span {
            events,
            first,
            last,
        }
    }

    fn finished(span: Span, retried: u32, after_send: bool, fate: Fate) -> Ended<Outcome, Span> {
        Ended::Finished(Outcome {
            span,
            retried,
            retried_after_send: after_send,
            fate,
        })
    }

    fn failed(key: &str) -> Failure {
        Failure {
            key: key.into(),
            message: format!("{key}: details"),
        }
    }

    #[test]
    fn tally_accounts_for_every_event() {
        let mut t = Tally::default();
        t.add(finished(span(10, 1, 10), 1, false, Fate::Accepted));
        t.add(finished(
            span(3, 11, 13),
            3,
            false,
            Fate::Rejected(failed("HTTP 503")),
        ));
        t.add(finished(
            span(3, 14, 16),
            0,
            false,
            Fate::Rejected(failed("HTTP 503")),
        ));
        t.add(finished(span(10, 17, 26), 2, true, Fate::Accepted));
        t.add(finished(
            span(2, 27, 28),
            1,
            true,
            Fate::Unknown(failed("no answer")),
        ));
        t.add(Ended::CutOff(span(5, 29, 35)));
        assert_eq!(
            (t.sent, t.accepted, t.rejected, t.unknown, t.requests),
            (33, 20, 6, 7, 6)
        );
        assert_eq!((t.retried, t.retried_after_send), (7, 12));
        assert_eq!(t.unknown_lines, ["27-28", "29-35"]);
        assert_eq!(t.reasons, ["HTTP 503: details", "no answer: details"]);
    }

    #[test]
    fn invalid_lines_are_named_up_to_a_point() {
        let mut t = Tally::default();
        for line in 1..=12 {
            t.invalid_line(line * 2, "bad");
        }
        assert_eq!(
            named_lines(&t),
            "lines 2, 4, 6, 8, 10, 12, 14, 16, 18, 20 and 2 more"
        );
        assert_eq!(t.reasons.len(), REASONS_KEPT);
    }
}
