//! Waiting before trying again: exponential backoff with jitter.

use std::time::Duration;

/// Exponential backoff with jitter: at least `initial` (the protocol asks for at least a
/// second), doubling each attempt up to `max`, plus up to half again so clients spread out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    pub initial: Duration,
    pub max: Duration,
}

impl Default for Backoff {
    fn default() -> Self {
        Self {
            initial: Duration::from_secs(1),
            max: Duration::from_secs(30),
        }
    }
}

impl Backoff {
    /// The wait before attempt `attempt` (0 for the first retry); `jitter` is in [0, 1).
    pub fn delay(&self, attempt: u32, jitter: f64) -> Duration {
        let base = self
            .initial
            .saturating_mul(1u32 << attempt.min(16))
            .min(self.max);
        base + base.mul_f64(jitter.clamp(0.0, 1.0) / 2.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_from_a_second_with_bounded_jitter() {
        let b = Backoff::default();
        let s = Duration::from_secs;
        assert_eq!(b.delay(0, 0.0), s(1));
        assert_eq!(b.delay(1, 0.0), s(2));
        assert_eq!(b.delay(3, 0.0), s(8));
        assert_eq!(b.delay(10, 0.0), s(30));
        assert_eq!(b.delay(u32::MAX, 0.0), s(30));
        assert!(b.delay(0, 0.999) > Duration::from_millis(1499));
        assert_eq!(b.delay(10, 1.0), s(45));
        assert!(b.delay(0, -1.0) >= s(1));
    }
}
