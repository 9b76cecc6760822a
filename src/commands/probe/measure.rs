//! What a probe measured, on one clock: when each event was sent, when its publish was
//! answered, when (and how often) it arrived; and what that adds up to: exact
//! percentiles, loss, duplicates, out-of-order arrivals and failed publishes.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// How an event's publish ended.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Published {
    /// No answer yet (at the end: none within the grace).
    Pending,
    Accepted(Instant),
    Failed(String),
}

/// One event, by its sequence number.
#[derive(Debug, Clone)]
struct Slot {
    sent_at: Instant,
    published: Published,
    first_arrival: Option<Instant>,
    copies: u64,
}

/// Every event of a run, indexed by sequence number (from 0).
#[derive(Debug, Default)]
pub struct Tally {
    slots: Vec<Slot>,
    highest: Option<usize>,
    out_of_order: u64,
}

/// Latency percentiles over the samples, each taken exactly (nearest rank).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Percentiles {
    pub min: Duration,
    pub p50: Duration,
    pub p90: Duration,
    pub p99: Duration,
    pub max: Duration,
    pub mean: Duration,
}

impl Percentiles {
    /// `None` without samples. Sorts `samples`.
    pub fn of(samples: &mut [Duration]) -> Option<Self> {
        samples.sort_unstable();
        let n = samples.len();
        let rank = |p: usize| samples[(p * n).div_ceil(100).clamp(1, n) - 1];
        let total: Duration = samples.iter().sum();
        Some(Self {
            min: *samples.first()?,
            p50: rank(50),
            p90: rank(90),
            p99: rank(99),
            max: *samples.last()?,
            mean: total / u32::try_from(n).unwrap_or(u32::MAX),
        })
    }
}

#[cfg(test)]
impl Percentiles {
    /// Every figure `d`, for tests of what is made of percentiles.
    pub fn flat(d: Duration) -> Self {
        Self {
            min: d,
            p50: d,
            p90: d,
            p99: d,
            max: d,
            mean: d,
        }
    }
}

/// What the events add up to.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub sent: u64,
    pub accepted: u64,
    /// Publishes refused or failed, and those still unanswered at the end.
    pub publish_failed: u64,
    /// Distinct events received (a failed publish that arrived all the same too).
    pub received: u64,
    /// Accepted and never received.
    pub lost: u64,
    /// Copies received beyond the first.
    pub duplicates: u64,
    /// First arrivals after an event with a higher sequence number.
    pub out_of_order: u64,
    /// Why publishes failed, each reason with how many times.
    pub failures: BTreeMap<String, u64>,
    /// Request sent → answer accepted.
    pub publish: Option<Percentiles>,
    /// Request sent → event received on the socket.
    pub fan_out: Option<Percentiles>,
}

impl Summary {
    /// Sent and never received: lost after the server accepted them, or failed to
    /// publish. What `--slo loss=…` judges.
    pub fn undelivered(&self) -> u64 {
        self.sent.saturating_sub(self.received)
    }

    /// `undelivered` as a share of the events sent, in percent.
    pub fn undelivered_percent(&self) -> f64 {
        if self.sent == 0 {
            0.0
        } else {
            self.undelivered() as f64 * 100.0 / self.sent as f64
        }
    }

    /// The loss as a share of the accepted events, in percent.
    pub fn loss_percent(&self) -> f64 {
        if self.accepted == 0 {
            0.0
        } else {
            self.lost as f64 * 100.0 / self.accepted as f64
        }
    }
}

impl Tally {
    /// Event `seq`'s request goes out now: the next sequence number, from 0.
    pub fn sent(&mut self, at: Instant) -> usize {
        self.slots.push(Slot {
            sent_at: at,
            published: Published::Pending,
            first_arrival: None,
            copies: 0,
        });
        self.slots.len() - 1
    }

    /// Event `seq`'s publish was accepted at `at`, or failed for `reason`.
    pub fn answered(&mut self, seq: usize, outcome: Result<Instant, String>) {
        if let Some(slot) = self.slots.get_mut(seq) {
            slot.published = match outcome {
                Ok(at) => Published::Accepted(at),
                Err(reason) => Published::Failed(reason),
            };
        }
    }

    /// Event `seq` arrived at `at`. A number never sent is not this run's: ignored.
    pub fn arrived(&mut self, seq: usize, at: Instant) {
        let Some(slot) = self.slots.get_mut(seq) else {
            return;
        };
        slot.copies += 1;
        if slot.first_arrival.is_some() {
            return;
        }
        slot.first_arrival = Some(at);
        match self.highest {
            Some(h) if seq < h => self.out_of_order += 1,
            _ => self.highest = Some(seq),
        }
    }

    /// Every publish is answered, and every accepted event has arrived: nothing more
    /// can come.
    pub fn complete(&self) -> bool {
        self.slots.iter().all(|s| match s.published {
            Published::Pending => false,
            Published::Accepted(_) => s.first_arrival.is_some(),
            Published::Failed(_) => true,
        })
    }

    pub fn summary(&self) -> Summary {
        let mut s = Summary {
            sent: self.slots.len() as u64,
            accepted: 0,
            publish_failed: 0,
            received: 0,
            lost: 0,
            duplicates: 0,
            out_of_order: self.out_of_order,
            failures: BTreeMap::new(),
            publish: None,
            fan_out: None,
        };
        let mut publish = Vec::new();
        let mut fan_out = Vec::new();
        for slot in &self.slots {
            let failed = match &slot.published {
                Published::Accepted(at) => {
                    s.accepted += 1;
                    publish.push(at.saturating_duration_since(slot.sent_at));
                    None
                }
                Published::Failed(reason) => Some(reason.as_str()),
                Published::Pending => Some("no answer before the probe ended"),
            };
            if let Some(reason) = failed {
                s.publish_failed += 1;
                *s.failures.entry(reason.to_owned()).or_default() += 1;
            }
            match slot.first_arrival {
                Some(at) => {
                    s.received += 1;
                    s.duplicates += slot.copies - 1;
                    fan_out.push(at.saturating_duration_since(slot.sent_at));
                }
                None if failed.is_none() => s.lost += 1,
                None => {}
            }
        }
        s.publish = Percentiles::of(&mut publish);
        s.fan_out = Percentiles::of(&mut fan_out);
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn percentiles_are_exact_nearest_ranks() {
        let mut samples: Vec<Duration> = (1..=100).rev().map(ms).collect();
        let p = Percentiles::of(&mut samples).unwrap();
        assert_eq!(
            (p.min, p.p50, p.p90, p.p99, p.max),
            (ms(1), ms(50), ms(90), ms(99), ms(100))
        );
        assert_eq!(p.mean, Duration::from_micros(50_500));
        let one = Percentiles::of(&mut [ms(7)]).unwrap();
        assert_eq!((one.p50, one.p99, one.max), (ms(7), ms(7), ms(7)));
        assert_eq!(Percentiles::of(&mut []), None);
    }

    #[test]
    fn loss_duplicates_order_and_failures_are_counted_apart() {
        let t0 = Instant::now();
        let mut t = Tally::default();
        for i in 0..5 {
            assert_eq!(t.sent(t0 + ms(i * 10)), i as usize);
        }
        t.answered(0, Ok(t0 + ms(1)));
        t.answered(1, Ok(t0 + ms(12)));
        t.answered(2, Ok(t0 + ms(23)));
        t.answered(3, Err("HTTP 500".into()));
        // 4 never answered.
        assert!(!t.complete());
        t.arrived(1, t0 + ms(15));
        t.arrived(0, t0 + ms(16));
        t.arrived(0, t0 + ms(17));
        t.arrived(4, t0 + ms(45));
        t.arrived(99, t0 + ms(50));
        let s = t.summary();
        assert_eq!((s.sent, s.accepted, s.publish_failed), (5, 3, 2));
        assert_eq!((s.received, s.lost), (3, 1), "2 was accepted and lost");
        assert_eq!((s.duplicates, s.out_of_order), (1, 1));
        assert_eq!(s.failures.get("HTTP 500"), Some(&1));
        assert_eq!(s.failures.get("no answer before the probe ended"), Some(&1));
        assert_eq!(s.fan_out.unwrap().max, ms(16));
        assert_eq!(s.publish.unwrap().max, ms(3));
        assert!((s.loss_percent() - 100.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn complete_once_every_accepted_event_arrived() {
        let t0 = Instant::now();
        let mut t = Tally::default();
        t.sent(t0);
        t.sent(t0);
        t.answered(0, Ok(t0));
        t.answered(1, Err("refused".into()));
        assert!(!t.complete());
        t.arrived(0, t0);
        assert!(t.complete());
    }
}
