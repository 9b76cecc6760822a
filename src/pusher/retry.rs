//! When to send a REST request again, and after how long: which answers and failures
//! are worth another try, the server's `Retry-After`, and whether a try may have reached
//! the server all the same (so that a retry may publish its events twice).

use std::time::Duration;

use super::backoff::Backoff;

/// Retries back off from 250 ms, doubling to 5 s, plus up to 100 ms so that requests
/// refused together are not all sent again together.
pub const BACKOFF: Backoff = Backoff {
    initial: Duration::from_millis(250),
    max: Duration::from_secs(5),
    jitter: 1.0,
    max_jitter: Duration::from_millis(100),
};

/// The longest `Retry-After` waited out: a server asking for longer is asked again sooner
/// (and answers again, with a 429 that is counted if the retries run out).
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(10);

/// What one try of a request came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Try {
    /// An answer with `status`, and the server's `Retry-After` when it sent one.
    Answered {
        status: u16,
        retry_after: Option<Duration>,
    },
    /// No answer. `network`: the network failed (refused, reset, timed out), which is
    /// worth another try; else rtctl could not use the answer (too large to read).
    /// `maybe_sent`: it failed after the request may have been written.
    NoAnswer { network: bool, maybe_sent: bool },
}

/// What a try means for the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Accepted,
    /// Send it again after this wait.
    RetryAfter(Duration),
    /// Refused, and no try can have reached the server.
    Rejected,
    /// Not accepted, but a try may have reached the server and been acted on.
    Unknown,
}

/// One request's tries.
#[derive(Debug, Clone)]
pub struct Retries {
    limit: u32,
    retried: u32,
    /// A try so far may have reached the server.
    maybe_sent: bool,
    /// A try after one that may have reached the server.
    retried_after_send: bool,
}

impl Retries {
    /// A request that may be sent again `limit` times.
    pub fn new(limit: u32) -> Self {
        Self {
            limit,
            retried: 0,
            maybe_sent: false,
            retried_after_send: false,
        }
    }

    /// A try ended: what now. `draw` gives a random number in [0, 1) for the jitter,
    /// asked for only when there is a wait to jitter.
    pub fn after(&mut self, tried: Try, draw: impl FnOnce() -> f64) -> Verdict {
        let (retryable, maybe_sent, retry_after) = match tried {
            Try::Answered { status, .. } if (200..300).contains(&status) => {
                return Verdict::Accepted;
            }
            // Rate limited or a server error; a proxy's 502 or 504 may come after it
            // passed the request on.
            Try::Answered {
                status,
                retry_after,
            } => (
                status == 429 || status >= 500,
                matches!(status, 502 | 504),
                retry_after,
            ),
            Try::NoAnswer {
                network,
                maybe_sent,
            } => (network, maybe_sent, None),
        };
        self.maybe_sent |= maybe_sent;
        if retryable && self.retried < self.limit {
            let wait = match retry_after {
                Some(wait) => BACKOFF.jittered(wait.min(MAX_RETRY_AFTER), draw()),
                None => BACKOFF.delay(self.retried, draw()),
            };
            self.retried += 1;
            self.retried_after_send |= self.maybe_sent;
            return Verdict::RetryAfter(wait);
        }
        // Refused now, but an earlier try may have got through.
        if self.maybe_sent {
            Verdict::Unknown
        } else {
            Verdict::Rejected
        }
    }

    /// How many times the request was sent again.
    pub fn retried(&self) -> u32 {
        self.retried
    }

    /// Whether it was sent again after a try that may have reached the server: its
    /// events may have been published twice.
    pub fn retried_after_send(&self) -> bool {
        self.retried_after_send
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OK: Try = answered(200);
    const CONNECT_ERROR: Try = Try::NoAnswer {
        network: true,
        maybe_sent: false,
    };
    /// A timeout waiting for the answer, or a reset after the request was written.
    const LOST_AFTER_SEND: Try = Try::NoAnswer {
        network: true,
        maybe_sent: true,
    };

    const fn answered(status: u16) -> Try {
        Try::Answered {
            status,
            retry_after: None,
        }
    }

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    /// Each try's verdict, a request allowed `limit` retries, with no jitter; and what
    /// the request counts at the end (retried, retried after send).
    fn transcript(limit: u32, tries: &[Try]) -> (Vec<Verdict>, u32, bool) {
        let mut r = Retries::new(limit);
        let verdicts = tries.iter().map(|t| r.after(*t, || 0.0)).collect();
        (verdicts, r.retried(), r.retried_after_send())
    }

    #[test]
    fn rate_limited_without_retry_after_backs_off_doubling() {
        let (verdicts, retried, doubt) = transcript(3, &[answered(429), answered(429), OK]);
        assert_eq!(
            verdicts,
            [
                Verdict::RetryAfter(ms(250)),
                Verdict::RetryAfter(ms(500)),
                Verdict::Accepted
            ]
        );
        assert_eq!((retried, doubt), (2, false));
    }

    #[test]
    fn rate_limited_with_retry_after_waits_what_the_server_says_up_to_a_cap() {
        let limited = |secs| Try::Answered {
            status: 429,
            retry_after: Some(Duration::from_secs(secs)),
        };
        let (verdicts, _, _) = transcript(3, &[limited(2), limited(59), limited(0), OK]);
        assert_eq!(
            verdicts,
            [
                Verdict::RetryAfter(Duration::from_secs(2)),
                Verdict::RetryAfter(MAX_RETRY_AFTER),
                Verdict::RetryAfter(Duration::ZERO),
                Verdict::Accepted
            ]
        );
        // With jitter: at most 100 ms more.
        let mut r = Retries::new(1);
        assert_eq!(
            r.after(limited(59), || 0.5),
            Verdict::RetryAfter(ms(10_050))
        );
    }

    #[test]
    fn server_errors_are_retried_and_the_last_is_rejected() {
        let (verdicts, retried, doubt) =
            transcript(2, &[answered(500), answered(503), answered(503)]);
        assert_eq!(
            verdicts,
            [
                Verdict::RetryAfter(ms(250)),
                Verdict::RetryAfter(ms(500)),
                Verdict::Rejected
            ]
        );
        assert_eq!((retried, doubt), (2, false));
    }

    #[test]
    fn other_refusals_are_not_retried() {
        for status in [301, 400, 401, 403, 404, 413] {
            let (verdicts, retried, _) = transcript(3, &[answered(status)]);
            assert_eq!(
                (verdicts, retried),
                (vec![Verdict::Rejected], 0),
                "{status}"
            );
        }
        // An answer rtctl cannot use is not asked for again, and was sent.
        let unusable = Try::NoAnswer {
            network: false,
            maybe_sent: true,
        };
        assert_eq!(transcript(3, &[unusable]).0, [Verdict::Unknown]);
    }

    #[test]
    fn a_connect_error_never_reached_the_server() {
        let (verdicts, retried, doubt) = transcript(1, &[CONNECT_ERROR, CONNECT_ERROR]);
        assert_eq!(verdicts, [Verdict::RetryAfter(ms(250)), Verdict::Rejected]);
        assert_eq!((retried, doubt), (1, false));
        let (verdicts, _, doubt) = transcript(1, &[CONNECT_ERROR, OK]);
        assert_eq!(verdicts[1], Verdict::Accepted);
        assert!(!doubt);
    }

    #[test]
    fn a_timeout_or_reset_after_sending_may_publish_twice() {
        // As in the fault test: a reset mid-answer, a close without one, then accepted.
        let (verdicts, retried, doubt) = transcript(3, &[LOST_AFTER_SEND, LOST_AFTER_SEND, OK]);
        assert_eq!(verdicts[2], Verdict::Accepted);
        assert_eq!((retried, doubt), (2, true));
        // A last try that got no answer may have been published: unknown, not rejected.
        let (verdicts, _, doubt) = transcript(1, &[LOST_AFTER_SEND, LOST_AFTER_SEND]);
        assert_eq!(verdicts, [Verdict::RetryAfter(ms(250)), Verdict::Unknown]);
        assert!(doubt);
        // So is a later refusal: an earlier try may have got through.
        let (verdicts, _, _) = transcript(1, &[LOST_AFTER_SEND, answered(400)]);
        assert_eq!(verdicts[1], Verdict::Unknown);
        // Without retries, nothing was sent twice.
        let (verdicts, retried, doubt) = transcript(0, &[LOST_AFTER_SEND]);
        assert_eq!(
            (verdicts, retried, doubt),
            (vec![Verdict::Unknown], 0, false)
        );
        // Nor when only the last try may have reached the server: it was not sent again.
        for last in [LOST_AFTER_SEND, answered(502)] {
            let (verdicts, retried, doubt) = transcript(1, &[CONNECT_ERROR, last]);
            assert_eq!(verdicts[1], Verdict::Unknown, "{last:?}");
            assert_eq!((retried, doubt), (1, false), "{last:?}");
        }
    }

    #[test]
    fn a_proxys_502_or_504_may_have_passed_the_request_on() {
        for status in [502, 504] {
            let (verdicts, retried, doubt) = transcript(3, &[answered(status), OK]);
            assert_eq!(verdicts[1], Verdict::Accepted, "{status}");
            assert_eq!((retried, doubt), (1, true), "{status}");
            let (verdicts, _, _) = transcript(0, &[answered(status)]);
            assert_eq!(verdicts, [Verdict::Unknown], "{status}");
        }
        let (_, _, doubt) = transcript(3, &[answered(503), OK]);
        assert!(!doubt, "a 503 is the server saying it did not take it");
    }

    #[test]
    fn waits_are_capped_and_jittered() {
        let mut r = Retries::new(10);
        let waits: Vec<Verdict> = (0..8).map(|_| r.after(answered(503), || 0.0)).collect();
        assert_eq!(waits[4], Verdict::RetryAfter(Duration::from_secs(4)));
        assert_eq!(waits[7], Verdict::RetryAfter(Duration::from_secs(5)));
        assert_eq!(
            r.after(answered(503), || 0.5),
            Verdict::RetryAfter(ms(5050))
        );
    }
}
