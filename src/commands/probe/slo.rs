//! `--slo`: objectives such as `p99=250ms,loss=0`, parsed, and held against what a
//! probe measured.

use std::time::Duration;

use super::measure::{Percentiles, Summary};
use crate::error::CliError;
use crate::text::escape_for_message;

const HINT: &str = "write terms like p99=250ms,loss=0: p50, p90, p99 or max with a duration \
                    (1us to 1h: us, ms, s), and loss with a count or a percentage (loss=0.5%)";

/// The longest latency an objective may name.
const MAX_LATENCY: Duration = Duration::from_secs(3600);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quantile {
    P50,
    P90,
    P99,
    Max,
}

impl Quantile {
    fn of(self, p: &Percentiles) -> Duration {
        match self {
            Self::P50 => p.p50,
            Self::P90 => p.p90,
            Self::P99 => p.p99,
            Self::Max => p.max,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Bound {
    /// The fan-out latency at a quantile, at most this.
    Latency(Quantile, Duration),
    /// At most this many events lost.
    LossCount(u64),
    /// At most this share of the accepted events lost, in percent.
    LossPercent(f64),
}

/// One term, as written and as understood.
#[derive(Debug, Clone, PartialEq)]
struct Term {
    text: String,
    bound: Bound,
}

/// The objectives a run is held to.
#[derive(Debug, Clone, PartialEq)]
pub struct Slo {
    terms: Vec<Term>,
}

/// How a run fared against one term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// The term as written, e.g. `p99=250ms`.
    pub term: String,
    /// What was measured, e.g. `1.2 ms`, `3 lost (1.5%)`.
    pub measured: String,
    pub met: bool,
}

fn bad(text: &str, why: &str) -> CliError {
    CliError::usage(format!("--slo `{}`: {why}", escape_for_message(text))).hint(HINT)
}

/// A latency from 1 µs to an hour, with its unit (`250ms`, `1us`, `0.5s`).
fn latency(text: &str, value: &str) -> Result<Duration, CliError> {
    let d = humantime::parse_duration(value)
        .map_err(|_| bad(text, "not a duration with a unit, like 250ms"))?;
    if d < Duration::from_micros(1) {
        return Err(bad(text, "at least 1us"));
    }
    if d > MAX_LATENCY {
        return Err(bad(text, "at most 1h"));
    }
    Ok(d)
}

fn loss(text: &str, value: &str) -> Result<Bound, CliError> {
    if let Some(percent) = value.strip_suffix('%') {
        return match percent.trim().parse::<f64>() {
            Ok(p) if (0.0..=100.0).contains(&p) => Ok(Bound::LossPercent(p)),
            _ => Err(bad(text, "a loss percentage is from 0% to 100%")),
        };
    }
    value
        .parse::<u64>()
        .map(Bound::LossCount)
        .map_err(|_| bad(text, "loss is a whole number of events or a percentage"))
}

/// Parse `p99=250ms,loss=0`: terms separated by commas, each named once.
pub fn parse(spec: &str) -> Result<Slo, CliError> {
    let mut terms: Vec<Term> = Vec::new();
    for text in spec.split(',').map(str::trim) {
        if text.is_empty() {
            return Err(bad(spec, "an empty term"));
        }
        let (name, value) = text
            .split_once('=')
            .ok_or_else(|| bad(text, "not NAME=VALUE"))?;
        let value = value.trim();
        let bound = match name.trim() {
            "p50" => Bound::Latency(Quantile::P50, latency(text, value)?),
            "p90" => Bound::Latency(Quantile::P90, latency(text, value)?),
            "p99" => Bound::Latency(Quantile::P99, latency(text, value)?),
            "max" => Bound::Latency(Quantile::Max, latency(text, value)?),
            "loss" => loss(text, value)?,
            _ => return Err(bad(text, "unknown term: use p50, p90, p99, max or loss")),
        };
        let same = |t: &Term| match (t.bound, bound) {
            (Bound::Latency(a, _), Bound::Latency(b, _)) => a == b,
            (Bound::Latency(..), _) | (_, Bound::Latency(..)) => false,
            _ => true,
        };
        if terms.iter().any(same) {
            return Err(bad(text, "this term is given twice"));
        }
        terms.push(Term {
            text: text.to_owned(),
            bound,
        });
    }
    Ok(Slo { terms })
}

/// A latency as the report writes it: `0.412 ms`, `12.5 ms`, `1340 ms`.
pub fn shown(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 1.0 {
        format!("{ms:.3} ms")
    } else if ms < 100.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{ms:.0} ms")
    }
}

impl Slo {
    /// Each term against the summary, in the order written. A latency term with no
    /// event received is breached: nothing shows it was met.
    pub fn judge(&self, s: &Summary) -> Vec<Verdict> {
        self.terms
            .iter()
            .map(|t| {
                let (measured, met) = match t.bound {
                    Bound::Latency(q, limit) => match &s.fan_out {
                        Some(p) => (shown(q.of(p)), q.of(p) <= limit),
                        None => ("no event arrived".to_owned(), false),
                    },
                    Bound::LossCount(n) => (undelivered(s), s.undelivered() <= n),
                    Bound::LossPercent(p) => (undelivered(s), s.undelivered_percent() <= p),
                };
                Verdict {
                    term: t.text.clone(),
                    measured,
                    met,
                }
            })
            .collect()
    }
}

/// Loss as `--slo` judges it: every event sent and never received, whether the server
/// accepted it and it went missing, or its publish failed.
fn undelivered(s: &Summary) -> String {
    format!(
        "{} of {} undelivered ({:.2}%: {} lost, {} failed to publish)",
        s.undelivered(),
        s.sent,
        s.undelivered_percent(),
        s.lost,
        s.publish_failed
    )
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn summary(p99_ms: u64, lost: u64, accepted: u64) -> Summary {
        let d = Duration::from_millis(p99_ms);
        Summary {
            sent: accepted,
            accepted,
            publish_failed: 0,
            received: accepted - lost,
            lost,
            duplicates: 0,
            out_of_order: 0,
            failures: BTreeMap::new(),
            publish: None,
            fan_out: Some(Percentiles::flat(d)),
        }
    }

    #[test]
    fn terms_parse_with_their_units() {
        let slo = parse("p99=250ms, loss=0,max=1s,p50=1us").unwrap();
        let bounds: Vec<Bound> = slo.terms.iter().map(|t| t.bound).collect();
        assert_eq!(
            bounds,
            [
                Bound::Latency(Quantile::P99, Duration::from_millis(250)),
                Bound::LossCount(0),
                Bound::Latency(Quantile::Max, Duration::from_secs(1)),
                Bound::Latency(Quantile::P50, Duration::from_micros(1)),
            ]
        );
        assert_eq!(
            parse("loss=0.5%").unwrap().terms[0].bound,
            Bound::LossPercent(0.5)
        );
    }

    #[test]
    fn bad_terms_are_usage_errors_naming_the_term() {
        for (spec, says) in [
            ("p95=1ms", "unknown term"),
            ("p99", "not NAME=VALUE"),
            ("p99=fast", "not a duration"),
            ("p99=0ms", "at least 1us"),
            ("p99=2h", "at most 1h"),
            ("p99=1ns", "at least 1us"),
            ("loss=-1", "whole number"),
            ("loss=150%", "0% to 100%"),
            ("loss=NaN%", "0% to 100%"),
            ("p99=1ms,p99=2ms", "twice"),
            ("loss=1,loss=1%", "twice"),
            ("p99=1ms,", "empty term"),
            ("", "empty term"),
        ] {
            let e = parse(spec).unwrap_err();
            assert_eq!(e.kind.code(), 2, "{spec}");
            assert!(e.message.contains(says), "{spec}: {}", e.message);
        }
    }

    #[test]
    fn each_term_is_judged_and_named() {
        let slo = parse("p99=10ms,loss=1,loss=50%").unwrap_err();
        assert!(slo.message.contains("twice"));
        let slo = parse("p99=10ms,loss=1").unwrap();
        let v = slo.judge(&summary(5, 1, 10));
        assert!(v.iter().all(|v| v.met), "{v:?}");
        let v = slo.judge(&summary(50, 2, 10));
        assert_eq!(v[0].term, "p99=10ms");
        assert_eq!(v[0].measured, "50.0 ms");
        assert!(!v[0].met && !v[1].met);
        assert_eq!(
            v[1].measured,
            "2 of 10 undelivered (20.00%: 2 lost, 0 failed to publish)"
        );
        // Failed publishes are loss too: 19 failed, 1 accepted and received.
        let mut failing = summary(5, 0, 1);
        failing.sent = 20;
        failing.publish_failed = 19;
        let v = parse("loss=0").unwrap().judge(&failing);
        assert!(!v[0].met, "{v:?}");
        assert!(v[0].measured.contains("19 failed to publish"), "{v:?}");
        let mut none = summary(5, 10, 10);
        none.fan_out = None;
        assert!(!parse("p50=1h").unwrap().judge(&none)[0].met);
        assert!(parse("loss=100%").unwrap().judge(&none)[0].met);
    }

    #[test]
    fn latencies_are_shown_to_a_sensible_precision() {
        assert_eq!(shown(Duration::from_micros(412)), "0.412 ms");
        assert_eq!(shown(Duration::from_micros(12_500)), "12.5 ms");
        assert_eq!(shown(Duration::from_millis(1340)), "1340 ms");
    }
}
