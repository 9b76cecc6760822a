//! bench's two outputs from one set of results: a summary for people and one JSON
//! document for scripts (and for `bench merge`, which reads the raw results back).

use std::time::Duration;

use serde_json::{Value, json};

use super::Plan;
use super::results::{self, Figures, Latencies, Reasons, Results};
use crate::commands::own_channel::OwnKind;
use crate::config::Resolved;
use crate::text::sanitize;
use crate::ui::table;

/// The JSON document's shape; raised when a field changes meaning or goes away.
pub const SCHEMA_VERSION: u64 = 1;

/// The reasons the summary lists for each kind of failure; --json has them all.
const SHOWN: usize = 3;

/// What a single run was asked to do.
pub struct Settings {
    pub server: String,
    pub subscribers: u64,
    pub channels: u64,
    pub kind: &'static str,
    pub rate: f64,
    pub duration: Duration,
    pub payload_size: usize,
    pub ramp: Option<Duration>,
    pub run: String,
}

impl Settings {
    pub fn of(plan: &Plan, config: &Resolved, kind: OwnKind) -> Self {
        Self {
            server: config.ws.as_ref().map(|e| e.ws_base()).unwrap_or_default(),
            subscribers: plan.subscribers,
            channels: plan.channels.len() as u64,
            kind: match kind {
                OwnKind::Public => "public",
                OwnKind::Private => "private",
                OwnKind::Presence => "presence",
            },
            rate: plan.rate,
            duration: plan.duration,
            payload_size: plan.payload_size,
            ramp: plan.ramp,
            run: plan.run.clone(),
        }
    }
}

/// Everything a report says.
pub struct Report<'a> {
    /// `None` for merged results.
    pub settings: Option<Settings>,
    /// `done`, `merged`, or the signal's word.
    pub ended: &'a str,
    pub took: Option<Duration>,
    pub results: &'a Results,
    /// The files merged, for `bench merge`.
    pub merged_from: Vec<String>,
}

/// CPU per delivered event, in microseconds.
fn cpu_per_delivery(r: &Results) -> Option<f64> {
    (r.deliveries.delivered > 0 && r.rtctl.cpu_s > 0.0)
        .then(|| r.rtctl.cpu_s * 1e6 / r.deliveries.delivered as f64)
}

fn figures_json(h: &Latencies) -> Value {
    h.figures().map_or(Value::Null, |f| {
        json!({
            "count": f.count, "min": f.min, "p50": f.p50, "p90": f.p90, "p99": f.p99,
            "p99_9": f.p999, "max": f.max, "mean": f.mean,
        })
    })
}

impl Report<'_> {
    pub fn json(&self) -> Result<Value, crate::error::CliError> {
        let r = self.results;
        let raw = results::to_value(r).map_err(|e| {
            crate::error::CliError::new(
                crate::error::Kind::Failure,
                format!("could not write the results: {e}"),
            )
        })?;
        let h = &r.histograms;
        let mut doc = json!({
            "schema_version": SCHEMA_VERSION,
            "ended": self.ended,
            "took_s": self.took.map(|d| d.as_secs_f64()),
            "settings": self.settings.as_ref().map(|s| json!({
                "server": s.server,
                "run": s.run,
                "subscribers": s.subscribers,
                "channels": s.channels,
                "kind": s.kind,
                "rate_per_s": s.rate,
                "duration_s": s.duration.as_secs_f64(),
                "payload_size": s.payload_size,
                "ramp_s": s.ramp.map(|d| d.as_secs_f64()),
            })),
            "figures": {
                "delivery_ratio": r.delivery_ratio(),
                "latency_ms": {
                    "connect": figures_json(&h.connect),
                    "subscribe": figures_json(&h.subscribe),
                    "publish": figures_json(&h.publish),
                    "fan_out": figures_json(&h.fan_out),
                },
                "rtctl_cpu_us_per_delivery": cpu_per_delivery(r),
            },
            "results": raw,
        });
        if !self.merged_from.is_empty() {
            doc["merged_from"] = json!(self.merged_from);
        }
        Ok(doc)
    }

    pub fn human(&self) -> String {
        let r = self.results;
        let c = &r.connections;
        let e = &r.events;
        let d = &r.deliveries;
        let mut out = String::new();
        out.push_str(&self.headline());
        out.push_str("\n\n");
        let lines = [
            (
                "connections",
                format!(
                    "{} subscribed of {} opened ({} failed, {} dropped)",
                    c.subscribed, c.attempted, c.failed, c.dropped
                ),
            ),
            (
                "events",
                format!(
                    "{} accepted of {} scheduled ({} sent, {} rate-limited, {} failed)",
                    e.accepted, e.scheduled, e.sent, e.rate_limited, e.failed
                ),
            ),
            (
                "deliveries",
                format!(
                    "{} of {} expected ({:.3}%), {} duplicates",
                    d.delivered,
                    d.expected,
                    r.delivery_ratio() * 100.0,
                    d.duplicates
                ),
            ),
        ];
        for (label, text) in lines {
            out.push_str(&format!("{label:<12} {text}\n"));
        }
        let notes = [
            ("failed", &c.failures),
            ("dropped", &c.drops),
            ("not published", &e.failures),
        ];
        for (what, reasons) in notes {
            out.push_str(&listed(what, reasons));
        }
        for why in &c.stopped_opening {
            out.push_str(&format!("  stopped opening: {}\n", sanitize(why, false)));
        }
        out.push('\n');
        out.push_str(&self.latency_table());
        out.push('\n');
        let rss = r
            .rtctl
            .peak_rss_mib
            .map_or_else(|| "unknown".to_owned(), |m| format!("{m:.0} MiB"));
        let per = cpu_per_delivery(r)
            .map(|us| format!(" ({us:.1} µs per delivery)"))
            .unwrap_or_default();
        let processes = if r.rtctl.processes > 1 {
            format!(" over {} processes", r.rtctl.processes)
        } else {
            String::new()
        };
        out.push_str(&format!(
            "rtctl        {:.2} s CPU{per}{processes}, peak memory {rss}\n",
            r.rtctl.cpu_s
        ));
        out
    }

    fn headline(&self) -> String {
        let took = self
            .took
            .map(|d| format!(" in {:.1}s", d.as_secs_f64()))
            .unwrap_or_default();
        match &self.settings {
            Some(s) => format!(
                "bench {}: {} subscribers on {} {} channel{}, {} events/s for {}, {} B each: {}{took}",
                sanitize(&s.server, false),
                s.subscribers,
                s.channels,
                s.kind,
                if s.channels == 1 { "" } else { "s" },
                trimmed(s.rate),
                humantime::format_duration(s.duration),
                s.payload_size,
                self.ended
            ),
            None => format!(
                "bench merge of {} results ({})",
                self.merged_from.len(),
                self.merged_from
                    .iter()
                    .map(|f| sanitize(f, false))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }

    fn latency_table(&self) -> String {
        let h = &self.results.histograms;
        let ms = |v: f64| format!("{v:.3}");
        let rows: Vec<Vec<String>> = [
            ("connect", &h.connect),
            ("subscribe", &h.subscribe),
            ("publish", &h.publish),
            ("fan-out", &h.fan_out),
        ]
        .into_iter()
        .map(|(name, hist)| {
            let mut row = vec![name.to_owned()];
            match hist.figures() {
                Some(Figures {
                    p50,
                    p90,
                    p99,
                    p999,
                    max,
                    ..
                }) => row.extend([ms(p50), ms(p90), ms(p99), ms(p999), ms(max)]),
                None => row.extend(std::iter::repeat_n("-".to_owned(), 5)),
            }
            row.push(hist.count().to_string());
            row
        })
        .collect();
        table::render(
            &[
                "latency (ms)",
                "p50",
                "p90",
                "p99",
                "p99.9",
                "max",
                "samples",
            ],
            &rows,
        )
    }
}

/// A rate without a needless fraction: `500`, `0.5`.
pub fn trimmed(rate: f64) -> String {
    if rate.fract() == 0.0 {
        format!("{rate:.0}")
    } else {
        format!("{rate:.3}")
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_owned()
    }
}

/// The most frequent reasons, `SHOWN` at most, each with its count.
fn listed(what: &str, reasons: &Reasons) -> String {
    let mut by_count: Vec<(&String, &u64)> = reasons.iter().collect();
    by_count.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let mut out = String::new();
    for (reason, n) in by_count.iter().take(SHOWN) {
        out.push_str(&format!("  {what} ({n}): {}\n", sanitize(reason, false)));
    }
    if by_count.len() > SHOWN {
        out.push_str(&format!(
            "  {what}: {} other reasons (--json lists them all)\n",
            by_count.len() - SHOWN
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_are_listed_most_frequent_first_and_cut_after_three() {
        let reasons: Reasons = [("a", 1), ("b", 5), ("c", 2), ("d", 2)]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect();
        assert_eq!(
            listed("failed", &reasons),
            "  failed (5): b\n  failed (2): c\n  failed (2): d\n  failed: 1 other reasons (--json lists them all)\n"
        );
        assert_eq!(listed("failed", &Reasons::new()), "");
    }

    #[test]
    fn rates_are_shown_without_needless_fractions() {
        assert_eq!(trimmed(500.0), "500");
        assert_eq!(trimmed(0.5), "0.5");
        assert_eq!(trimmed(1.0 / 3.0), "0.333");
    }
}
