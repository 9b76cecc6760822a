//! Waiting before trying again: exponential backoff with jitter, one implementation for
//! reconnects (`reconnect`) and REST retries (`retry`).

use std::time::Duration;

/// Exponential backoff with jitter: `initial`, doubling each attempt up to `max`, plus a
/// random part of the wait again (at most `jitter` of it, and never over `max_jitter`)
/// so that clients that failed together do not all try again together.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Backoff {
    pub initial: Duration,
    pub max: Duration,
    /// The largest share of the wait added at random: 0.5 is up to half again.
    pub jitter: f64,
    /// The most added at random, whatever the wait.
    pub max_jitter: Duration,
}

impl Backoff {
    /// The wait before retry `attempt` (0 for the first); `draw` is a random number in
    /// [0, 1) (0 gives the wait without jitter).
    pub fn delay(&self, attempt: u32, draw: f64) -> Duration {
        let base = self
            .initial
            .saturating_mul(1u32 << attempt.min(16))
            .min(self.max);
        self.jittered(base, draw)
    }

    /// `wait` with this backoff's jitter added: for a wait the server named (`Retry-After`).
    pub fn jittered(&self, wait: Duration, draw: f64) -> Duration {
        let spread = wait
            .mul_f64(self.jitter.clamp(0.0, 1.0))
            .min(self.max_jitter);
        wait + spread.mul_f64(draw.clamp(0.0, 1.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_up_to_the_cap_with_up_to_half_again() {
        let (s, ms) = (Duration::from_secs, Duration::from_millis);
        let b = Backoff {
            initial: s(1),
            max: s(30),
            jitter: 0.5,
            max_jitter: Duration::MAX,
        };
        assert_eq!(b.delay(0, 0.0), s(1));
        assert_eq!(b.delay(1, 0.0), s(2));
        assert_eq!(b.delay(3, 0.0), s(8));
        assert_eq!(b.delay(10, 0.0), s(30));
        assert_eq!(b.delay(u32::MAX, 0.0), s(30));
        assert!(b.delay(0, 0.999) > ms(1499));
        assert_eq!(b.delay(1, 0.5), ms(2500));
        assert_eq!(b.delay(10, 1.0), s(45));
        assert_eq!(b.jittered(s(4), 1.0), s(6));
        // Draws outside [0, 1) stay within the bounds.
        assert_eq!(b.delay(0, -1.0), s(1));
        assert_eq!(b.delay(0, 7.0), ms(1500));
    }

    #[test]
    fn jitter_can_be_capped_whatever_the_wait() {
        let (s, ms) = (Duration::from_secs, Duration::from_millis);
        let b = Backoff {
            initial: ms(250),
            max: s(5),
            jitter: 1.0,
            max_jitter: ms(100),
        };
        assert_eq!(b.delay(0, 0.0), ms(250));
        assert_eq!(b.delay(0, 1.0), ms(350));
        assert_eq!(b.delay(3, 0.0), s(2));
        assert_eq!(b.delay(9, 1.0), ms(5100));
        assert_eq!(b.jittered(s(10), 0.5), ms(10_050));
        // Never more than the wait itself: nothing to spread for a wait of zero.
        assert_eq!(b.jittered(Duration::ZERO, 1.0), Duration::ZERO);
        assert_eq!(b.jittered(ms(40), 1.0), ms(80));
    }
}
