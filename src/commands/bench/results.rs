//! What a bench run counted and recorded, in a form that merges exactly: counts add up,
//! reasons add up, histograms add bucket by bucket. `bench --json` writes it (with the
//! figures derived from it), `bench merge` reads it back.

use std::collections::BTreeMap;
use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use hdrhistogram::Histogram;
use hdrhistogram::serialization::{Deserializer, Serializer as _, V2DeflateSerializer};
use serde::{Deserialize, Serialize, Serializer};

/// The largest latency a histogram holds: an hour, in microseconds; longer is clamped.
const HIGHEST_US: u64 = 3_600_000_000;

/// The most samples a histogram read back may hold: far more than any bench records.
const MAX_SAMPLES: u64 = 1 << 40;

/// Significant decimal digits every histogram keeps: values are exact to 0.1%.
const SIGNIFICANT: u8 = 3;

/// Latencies in microseconds, from 1 µs to an hour, to three significant digits. In
/// JSON, a base64 HdrHistogram V2 (deflate) blob, readable by any HdrHistogram library.
#[derive(Debug, Clone, PartialEq)]
pub struct Latencies(Histogram<u64>);

impl Default for Latencies {
    fn default() -> Self {
        Self(
            Histogram::new_with_bounds(1, HIGHEST_US, SIGNIFICANT).unwrap_or_else(|_| {
                unreachable!("1 µs to an hour at 3 digits are valid histogram bounds")
            }),
        )
    }
}

/// Percentiles of one histogram, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Figures {
    pub count: u64,
    pub min: f64,
    pub p50: f64,
    pub p90: f64,
    pub p99: f64,
    pub p999: f64,
    pub max: f64,
    pub mean: f64,
}

impl Latencies {
    pub fn record(&mut self, d: Duration) {
        let us = u64::try_from(d.as_micros()).unwrap_or(u64::MAX);
        self.0.saturating_record(us.clamp(1, HIGHEST_US));
    }

    pub fn add(&mut self, other: &Self) {
        // Both have the same bounds (every histogram here is made by `default` or read
        // back and checked against them), so adding cannot fail.
        let _ = self.0.add(&other.0);
    }

    /// How many samples it holds.
    pub fn count(&self) -> u64 {
        self.0.len()
    }

    /// `None` without samples.
    pub fn figures(&self) -> Option<Figures> {
        let h = &self.0;
        if h.is_empty() {
            return None;
        }
        let ms = |us: u64| us as f64 / 1000.0;
        Some(Figures {
            count: h.len(),
            min: ms(h.min()),
            p50: ms(h.value_at_quantile(0.50)),
            p90: ms(h.value_at_quantile(0.90)),
            p99: ms(h.value_at_quantile(0.99)),
            p999: ms(h.value_at_quantile(0.999)),
            max: ms(h.max()),
            mean: h.mean() / 1000.0,
        })
    }

    fn encode(&self) -> Result<String, String> {
        let mut bytes = Vec::new();
        V2DeflateSerializer::new()
            .serialize(&self.0, &mut bytes)
            .map_err(|e| format!("{e:?}"))?;
        Ok(STANDARD.encode(bytes))
    }

    fn decode(text: &str) -> Result<Self, String> {
        let bytes = STANDARD
            .decode(text)
            .map_err(|e| format!("not base64: {e}"))?;
        let read: Histogram<u64> = Deserializer::new()
            .deserialize(&mut bytes.as_slice())
            .map_err(|e| format!("not an HdrHistogram V2 blob: {e:?}"))?;
        // hdrhistogram sums counts unchecked (`value_at_quantile`, `add`): a histogram
        // near u64::MAX samples overflows there. A bench records far fewer than
        // MAX_SAMPLES, and the 2^23 documents it would take to overflow a merge of
        // such histograms do not fit on one command line.
        let total = read
            .iter_recorded()
            .try_fold(0u64, |sum, v| sum.checked_add(v.count_at_value()));
        match total {
            Some(n) if n <= MAX_SAMPLES => {}
            Some(n) => return Err(format!("holds {n} samples; a bench records at most 2^40")),
            None => return Err("holds over 2^64 samples; a bench records at most 2^40".into()),
        }
        // Re-recorded into our own bounds, so every histogram adds to every other.
        let mut ours = Self::default();
        for v in read.iter_recorded() {
            let value = v.value_iterated_to().clamp(1, HIGHEST_US);
            ours.0.saturating_record_n(value, v.count_at_value());
        }
        Ok(ours)
    }
}

impl Serialize for Latencies {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.encode().map_err(serde::ser::Error::custom)?)
    }
}

impl<'de> Deserialize<'de> for Latencies {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Self::decode(&text).map_err(serde::de::Error::custom)
    }
}

/// Reasons, each with how many times.
pub type Reasons = BTreeMap<String, u64>;

fn add_reasons(into: &mut Reasons, from: &Reasons) {
    for (reason, n) in from {
        let count = into.entry(reason.clone()).or_default();
        *count = count.saturating_add(*n);
    }
}

/// The connections' side.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Connections {
    /// Connections rtctl tried to open.
    pub attempted: u64,
    /// Connected and subscribed.
    pub subscribed: u64,
    /// Never subscribed: not opened, refused, or not confirmed in time.
    pub failed: u64,
    pub failures: Reasons,
    /// Of those, subscriptions the server refused: the channel's authorization, signed
    /// with the profile's key and secret.
    #[serde(default)]
    pub refused: u64,
    /// Subscribed, then lost before the run ended.
    pub dropped: u64,
    pub drops: Reasons,
    /// Why rtctl stopped opening connections before it had them all, when it did.
    pub stopped_opening: Vec<String>,
}

/// The events' side.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Events {
    /// Publishes the schedule called for.
    pub scheduled: u64,
    pub sent: u64,
    pub accepted: u64,
    /// Refused by the server with 429: its rate limit.
    pub rate_limited: u64,
    /// Refused otherwise, failed, or unanswered by the end.
    pub failed: u64,
    pub failures: Reasons,
}

/// Deliveries: every accepted event times the subscribers on its channel.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Deliveries {
    pub expected: u64,
    pub delivered: u64,
    /// Copies beyond one per subscriber.
    pub duplicates: u64,
    /// Events on the bench's channels that are none of its own (another run's, or
    /// someone else's).
    pub strays: u64,
}

/// The load generator's own use of the machine, so a reader can tell whether it or the
/// server was the limit.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Resources {
    /// Processes these results come from (more than one once merged).
    pub processes: u64,
    /// CPU time, user and system, in seconds, summed over the processes.
    pub cpu_s: f64,
    /// The largest peak resident memory of any one process, in MiB; `None` where the
    /// system does not say.
    pub peak_rss_mib: Option<f64>,
}

/// The recorded histograms.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Histograms {
    /// Connecting: from opening the socket to `pusher:connection_established`.
    pub connect: Latencies,
    /// Subscribing: from `connection_established` to the subscription confirmed.
    pub subscribe: Latencies,
    /// Publishing: from sending the request to its answer accepting it.
    pub publish: Latencies,
    /// Fan-out: from sending the request to the event arriving, once per delivery.
    pub fan_out: Latencies,
}

/// One run's results, or several merged.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Results {
    pub connections: Connections,
    pub events: Events,
    pub deliveries: Deliveries,
    pub rtctl: Resources,
    pub histograms: Histograms,
}

impl Results {
    /// Add `other`'s counts, reasons and histograms to these. Counts saturate: a file
    /// `bench merge` reads may hold any number.
    pub fn merge(&mut self, other: &Self) {
        let (c, o) = (&mut self.connections, &other.connections);
        c.attempted = c.attempted.saturating_add(o.attempted);
        c.subscribed = c.subscribed.saturating_add(o.subscribed);
        c.failed = c.failed.saturating_add(o.failed);
        add_reasons(&mut c.failures, &o.failures);
        c.dropped = c.dropped.saturating_add(o.dropped);
        add_reasons(&mut c.drops, &o.drops);
        c.stopped_opening.extend(o.stopped_opening.iter().cloned());

        let (e, o) = (&mut self.events, &other.events);
        e.scheduled = e.scheduled.saturating_add(o.scheduled);
        e.sent = e.sent.saturating_add(o.sent);
        e.accepted = e.accepted.saturating_add(o.accepted);
        e.rate_limited = e.rate_limited.saturating_add(o.rate_limited);
        e.failed = e.failed.saturating_add(o.failed);
        add_reasons(&mut e.failures, &o.failures);

        let (d, o) = (&mut self.deliveries, &other.deliveries);
        d.expected = d.expected.saturating_add(o.expected);
        d.delivered = d.delivered.saturating_add(o.delivered);
        d.duplicates = d.duplicates.saturating_add(o.duplicates);
        d.strays = d.strays.saturating_add(o.strays);

        let (r, o) = (&mut self.rtctl, &other.rtctl);
        r.processes = r.processes.saturating_add(o.processes);
        r.cpu_s += o.cpu_s;
        r.peak_rss_mib = match (r.peak_rss_mib, o.peak_rss_mib) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };

        let (h, o) = (&mut self.histograms, &other.histograms);
        h.connect.add(&o.connect);
        h.subscribe.add(&o.subscribe);
        h.publish.add(&o.publish);
        h.fan_out.add(&o.fan_out);
    }

    /// Delivered as a share of expected; 1 when nothing was expected.
    pub fn delivery_ratio(&self) -> f64 {
        let d = &self.deliveries;
        if d.expected == 0 {
            1.0
        } else {
            d.delivered as f64 / d.expected as f64
        }
    }
}

/// Read a `Results` from one `bench --json` document.
pub fn from_document(doc: &serde_json::Value) -> Result<Results, String> {
    let results = doc
        .get("results")
        .ok_or("it has no `results`: is it a `rtctl bench --json` document?")?;
    Results::deserialize(results).map_err(|e| e.to_string())
}

/// Write `Results` into a document's `results`, keeping the serde error as text.
pub fn to_value(r: &Results) -> Result<serde_json::Value, String> {
    serde_json::to_value(r).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn us(n: u64) -> Duration {
        Duration::from_micros(n)
    }

    /// Samples spread over four decades, as loopback and remote latencies are.
    fn samples(seed: u64, n: usize) -> Vec<Duration> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                us(1 + (x >> 33) % 2_000_000 / (1 + (x >> 60)))
            })
            .collect()
    }

    fn recorded(s: &[Duration]) -> Latencies {
        let mut h = Latencies::default();
        for d in s {
            h.record(*d);
        }
        h
    }

    #[test]
    fn two_recorded_histograms_merge_into_the_percentiles_of_one_over_the_union() {
        let a = samples(1, 5_000);
        let b = samples(2, 7_000);
        let union: Vec<Duration> = a.iter().chain(&b).copied().collect();
        let mut merged = recorded(&a);
        merged.add(&recorded(&b));
        assert_eq!(merged, recorded(&union));
        assert_eq!(merged.figures(), recorded(&union).figures());
        assert_eq!(merged.count(), 12_000);
    }

    #[test]
    fn a_histogram_survives_json_unchanged() {
        let h = recorded(&samples(3, 2_000));
        let text = serde_json::to_string(&h).unwrap();
        let back: Latencies = serde_json::from_str(&text).unwrap();
        assert_eq!(back, h);
        assert_eq!(back.figures(), h.figures());
    }

    #[test]
    fn merged_counts_saturate_instead_of_overflowing() {
        // Two documents of u64::MAX counts panicked `bench merge` (an overflow; found
        // writing the bench_results fuzz target, whose input fuzz/regressions keeps).
        let mut doc = serde_json::json!({ "results": to_value(&Results::default()).unwrap() });
        doc["results"]["connections"]["attempted"] = u64::MAX.into();
        doc["results"]["events"]["failures"] = serde_json::json!({ "HTTP 500": u64::MAX });
        let read = from_document(&doc).unwrap();
        let mut merged = read.clone();
        merged.merge(&read);
        assert_eq!(merged.connections.attempted, u64::MAX);
        assert_eq!(merged.events.failures["HTTP 500"], u64::MAX);
    }

    #[test]
    fn merging_results_read_back_from_json_equals_merging_them_directly() {
        let mut a = Results::default();
        a.histograms.fan_out = recorded(&samples(4, 3_000));
        a.deliveries.expected = 3_000;
        a.deliveries.delivered = 3_000;
        a.connections.failures.insert("refused".into(), 2);
        a.rtctl = Resources {
            processes: 1,
            cpu_s: 1.5,
            peak_rss_mib: Some(30.0),
        };
        let mut b = Results::default();
        b.histograms.fan_out = recorded(&samples(5, 1_000));
        b.deliveries.expected = 1_000;
        b.deliveries.delivered = 990;
        b.connections.failures.insert("refused".into(), 1);
        b.rtctl = Resources {
            processes: 1,
            cpu_s: 0.5,
            peak_rss_mib: Some(40.0),
        };
        let through_json = |r: &Results| -> Results {
            let doc = serde_json::json!({ "results": to_value(r).unwrap() });
            from_document(&doc).unwrap()
        };
        let mut direct = a.clone();
        direct.merge(&b);
        let mut read = through_json(&a);
        read.merge(&through_json(&b));
        assert_eq!(read, direct);
        assert_eq!(read.deliveries.delivered, 3_990);
        assert_eq!(read.connections.failures["refused"], 3);
        assert_eq!(read.rtctl.processes, 2);
        assert_eq!(read.rtctl.peak_rss_mib, Some(40.0));
        assert!((read.delivery_ratio() - 0.9975).abs() < 1e-9);
    }

    #[test]
    fn latencies_outside_the_range_are_clamped_not_lost() {
        let mut h = Latencies::default();
        h.record(Duration::ZERO);
        h.record(Duration::from_secs(10_000));
        assert_eq!(h.count(), 2);
        let f = h.figures().unwrap();
        assert!(f.min <= 0.001 + 1e-9, "{f:?}");
        assert!(f.max >= 3_600_000.0 * 0.999, "{f:?}");
    }

    #[test]
    fn a_document_without_results_or_with_a_broken_histogram_is_refused() {
        assert!(
            from_document(&serde_json::json!({"x": 1}))
                .unwrap_err()
                .contains("results")
        );
        let mut doc = serde_json::json!({ "results": to_value(&Results::default()).unwrap() });
        doc["results"]["histograms"]["fan_out"] = serde_json::json!("@@@");
        assert!(from_document(&doc).unwrap_err().contains("base64"));
    }

    /// A histogram of `counts` samples at 5, 50 and 5000 µs, as a document holds it.
    fn document_with_counts(counts: [u64; 3]) -> serde_json::Value {
        let mut h = Histogram::new_with_bounds(1, HIGHEST_US, SIGNIFICANT).unwrap();
        for (value, n) in [5, 50, 5000].into_iter().zip(counts) {
            h.record_n(value, n).unwrap();
        }
        let mut doc = serde_json::json!({ "results": to_value(&Results::default()).unwrap() });
        doc["results"]["histograms"]["fan_out"] = Latencies(h).encode().unwrap().into();
        doc
    }

    #[test]
    fn a_histogram_of_more_samples_than_a_bench_records_is_refused() {
        // Such a histogram merged with itself overflowed inside hdrhistogram (a panic
        // in debug builds, wrong percentiles in release; found by the bench_results
        // fuzz target, whose input fuzz/regressions keeps).
        let huge = document_with_counts([1 << 62, 1 << 62, 1 << 62]);
        let err = from_document(&huge).unwrap_err();
        assert!(
            err.contains("13835058055282163712 samples") && err.contains("2^40"),
            "{err}"
        );
        let at_most = document_with_counts([1 << 39, 1 << 38, 1 << 38]);
        let read = from_document(&at_most).unwrap();
        let mut merged = read.clone();
        merged.merge(&read);
        let figures = merged.histograms.fan_out.figures().unwrap();
        assert_eq!(figures.count, 1 << 41);
        assert_eq!(figures.p50, 0.005);
    }

    #[test]
    fn figures_are_none_without_samples() {
        assert_eq!(Latencies::default().figures(), None);
    }
}
