//! When to reconnect after a connection ends, and after how long: the protocol's
//! close-code classes (`close`) applied across a run's connections.
//!
//! What rtctl adds to the classes:
//! - A first connection that cannot be opened, or whose server never shakes hands as
//!   the protocol says, ends the run: there is nothing yet to reconnect to.
//! - A first connection closed before the handshake without a code of the protocol's
//!   own (none, or a WebSocket one below 4000) is taken for an unknown app key: sockudo
//!   closes so where Pusher sends 4001. A protocol code says what it means (4100: over
//!   capacity, back off), so it is followed. One that broke instead (reset by the
//!   network) was not closed by the server: that ends the run as a network failure.
//! - A `pusher:error` with a refusing code explains a close before the handshake that
//!   comes without its close frame.
//! - 4200–4299 reconnect at once, unless the connection before has not settled: then
//!   they back off too, so that a server that keeps asking cannot cause a storm.
//! - Waits double while connections keep failing, and start from the first again once
//!   a new connection has settled.
//! - With reconnecting off, the first loss ends the run.

use std::time::Duration;

use super::backoff::Backoff;
use super::close::{self, Reconnect};
use super::session::GiveUp;

/// Reconnects back off from a second (the protocol asks for at least one), doubling to
/// 30 s, plus up to half again.
pub const BACKOFF: Backoff = Backoff {
    initial: Duration::from_secs(1),
    max: Duration::from_secs(30),
    jitter: 0.5,
    max_jitter: Duration::MAX,
};

/// How a connection ended. `E` is the caller's error for one that could not be opened.
#[derive(Debug, Clone, PartialEq)]
pub enum Ended<E> {
    /// It could not be opened.
    NotOpened(E),
    /// It closed, or its stream ended without a close frame; `code` is the close
    /// frame's, when there was one with a code.
    Closed { code: Option<u16> },
    /// It broke (a reset, a stream that is no longer WebSocket): the network or
    /// something on the way ended it, not the server's close.
    Broke,
    /// The session gave up on it, and rtctl closed it.
    GaveUp(GiveUp),
    /// rtctl closed it over a message of `size` bytes, over the size limit.
    TooBig { size: usize },
}

/// A connection's end, with what the policy needs to know of that connection.
#[derive(Debug, Clone, PartialEq)]
pub struct ConnectionEnd<E> {
    pub ended: Ended<E>,
    /// The server sent `pusher:connection_established` on it.
    pub shook_hands: bool,
    /// The code of the last `pusher:error` on it that had one.
    pub error_code: Option<u16>,
}

/// What to do after a connection ends.
#[derive(Debug, Clone, PartialEq)]
pub enum Next<E> {
    /// Connect again after `delay` (zero: at once).
    Reconnect { delay: Duration },
    /// Stop: the connection is lost and reconnecting is off.
    Lost,
    /// End the run with an error.
    Fail(Failure<E>),
}

/// Why a run ends with an error; the caller words it.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure<E> {
    /// The first connection could not be opened: the caller's error says why.
    NotOpened(E),
    /// The first connection opened, but the server did not shake hands as the protocol says.
    NoHandshake(GiveUp),
    /// Closed with a code that says not to reconnect (4000–4099).
    Refused(u16),
    /// The first connection closed before the handshake without a code of the
    /// protocol's own: the app key is most likely unknown to the server.
    UnknownKey,
    /// The first connection broke before the handshake: a network failure.
    Broke,
    /// A message over the size limit: a protocol error, not something to reconnect over.
    TooBig { size: usize },
}

/// A run's reconnect decisions, across its connections.
#[derive(Debug, Clone)]
pub struct ReconnectPolicy {
    backoff: Backoff,
    enabled: bool,
    /// A connection has shaken hands: the server is there and knows the app.
    shook_hands_once: bool,
    /// Connections lost since the last one that settled.
    failures: u32,
}

impl ReconnectPolicy {
    /// `enabled` is false under `--no-reconnect`.
    pub fn new(backoff: Backoff, enabled: bool) -> Self {
        Self {
            backoff,
            enabled,
            shook_hands_once: false,
            failures: 0,
        }
    }

    /// A connection ended: what to do next. `draw` is a random number in [0, 1) for the
    /// backoff's jitter.
    pub fn ended<E>(&mut self, end: ConnectionEnd<E>, draw: f64) -> Next<E> {
        let first = !self.shook_hands_once;
        self.shook_hands_once |= end.shook_hands;
        let broke = matches!(end.ended, Ended::Broke);
        let code = match end.ended {
            Ended::TooBig { size } => return Next::Fail(Failure::TooBig { size }),
            Ended::NotOpened(e) if first => return Next::Fail(Failure::NotOpened(e)),
            Ended::GaveUp(why) if first && !end.shook_hands => {
                return Next::Fail(Failure::NoHandshake(why));
            }
            Ended::Closed { code } => code,
            Ended::NotOpened(_) | Ended::GaveUp(_) | Ended::Broke => None,
        };
        let refusing = |c: &u16| close::policy(Some(*c)) == Reconnect::Never;
        let code = code.or(end.error_code.filter(|c| !end.shook_hands && refusing(c)));
        let class = close::policy(code);
        if let (Some(code), Reconnect::Never) = (code, class) {
            return Next::Fail(Failure::Refused(code));
        }
        if first && !end.shook_hands && code.is_none_or(|c| c < 4000) {
            return Next::Fail(if broke {
                Failure::Broke
            } else {
                Failure::UnknownKey
            });
        }
        if !self.enabled {
            return Next::Lost;
        }
        let delay = if class == Reconnect::Immediately && self.failures == 0 {
            Duration::ZERO
        } else {
            self.backoff.delay(self.failures, draw)
        };
        self.failures = self.failures.saturating_add(1);
        Next::Reconnect { delay }
    }

    /// A connection after a loss has settled (every channel subscribed or refused): the
    /// next loss waits from the first delay again.
    pub fn settled(&mut self) {
        self.failures = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A connection's end as the tests write it: `true` when the server shook hands.
    fn end(ended: Ended<&'static str>, shook_hands: bool) -> ConnectionEnd<&'static str> {
        ConnectionEnd {
            ended,
            shook_hands,
            error_code: None,
        }
    }

    fn closed(code: Option<u16>, shook_hands: bool) -> ConnectionEnd<&'static str> {
        end(Ended::Closed { code }, shook_hands)
    }

    fn after(secs: f64) -> Next<&'static str> {
        Next::Reconnect {
            delay: Duration::from_secs_f64(secs),
        }
    }

    /// A policy whose first connection shook hands and then settled after a loss.
    fn connected() -> ReconnectPolicy {
        let mut p = ReconnectPolicy::new(BACKOFF, true);
        assert_eq!(p.ended(closed(Some(4100), true), 0.0), after(1.0));
        p.settled();
        p
    }

    #[test]
    fn each_close_code_class_after_a_connection_that_settled() {
        let table: [(Option<u16>, Next<&str>); 12] = [
            (Some(4000), Next::Fail(Failure::Refused(4000))),
            (Some(4001), Next::Fail(Failure::Refused(4001))),
            (Some(4099), Next::Fail(Failure::Refused(4099))),
            (Some(4100), after(1.0)),
            (Some(4199), after(1.0)),
            (Some(4200), after(0.0)),
            (Some(4201), after(0.0)),
            (Some(4299), after(0.0)),
            (Some(4301), after(1.0)),
            (Some(1000), after(1.0)),
            (Some(1011), after(1.0)),
            (None, after(1.0)),
        ];
        for (code, want) in table {
            for shook_hands in [true, false] {
                let got = connected().ended(closed(code, shook_hands), 0.0);
                assert_eq!(got, want, "{code:?}, shook hands: {shook_hands}");
            }
        }
    }

    #[test]
    fn a_missing_pong_reconnects_after_backing_off() {
        let mut p = ReconnectPolicy::new(BACKOFF, true);
        let no_pong = Ended::GaveUp(GiveUp::NoPong(Duration::from_secs(30)));
        assert_eq!(p.ended(end(no_pong.clone(), true), 0.0), after(1.0));
        // The next connection stalls too before it settled: the wait doubles.
        assert_eq!(p.ended(end(no_pong, true), 0.0), after(2.0));
    }

    #[test]
    fn a_close_without_a_code_on_the_first_connection_is_an_unknown_key() {
        for code in [None, Some(1000)] {
            let mut p = ReconnectPolicy::new(BACKOFF, true);
            assert_eq!(
                p.ended(closed(code, false), 0.0),
                Next::Fail(Failure::UnknownKey),
                "{code:?}"
            );
        }
        // A protocol code says what it means, before the handshake too.
        let mut p = ReconnectPolicy::new(BACKOFF, true);
        assert_eq!(p.ended(closed(Some(4100), false), 0.0), after(1.0));
        assert_eq!(p.ended(closed(Some(4200), false), 0.0), after(2.0));
        let mut p = ReconnectPolicy::new(BACKOFF, true);
        assert_eq!(p.ended(closed(Some(4200), false), 0.0), after(0.0));
        // The same after the handshake is a lost connection.
        let mut p = ReconnectPolicy::new(BACKOFF, true);
        assert_eq!(p.ended(closed(None, true), 0.0), after(1.0));
        // And before the handshake of a later connection: the key was known.
        assert_eq!(p.ended(closed(None, false), 0.0), after(2.0));
        assert_eq!(p.ended(closed(Some(1000), false), 0.0), after(4.0));
    }

    #[test]
    fn a_first_connection_that_broke_before_the_handshake_is_a_network_failure() {
        // A reset is the network's doing: sockudo closes an unknown key's connection.
        for enabled in [true, false] {
            let mut p = ReconnectPolicy::new(BACKOFF, enabled);
            assert_eq!(
                p.ended(end(Ended::Broke, false), 0.0),
                Next::Fail(Failure::Broke)
            );
        }
        // Its pusher:error still explains it.
        let mut p = ReconnectPolicy::new(BACKOFF, true);
        let refused = ConnectionEnd {
            error_code: Some(4001),
            ..end(Ended::Broke, false)
        };
        assert_eq!(p.ended(refused, 0.0), Next::Fail(Failure::Refused(4001)));
        // After the handshake, and on later connections, it is a lost connection.
        let mut p = ReconnectPolicy::new(BACKOFF, true);
        assert_eq!(p.ended(end(Ended::Broke, true), 0.0), after(1.0));
        assert_eq!(p.ended(end(Ended::Broke, false), 0.0), after(2.0));
        let mut p = ReconnectPolicy::new(BACKOFF, false);
        assert_eq!(p.ended(end(Ended::Broke, true), 0.0), Next::Lost);
    }

    #[test]
    fn a_refusal_cut_off_without_its_close_frame_is_explained_by_its_pusher_error() {
        for first in [true, false] {
            let mut p = if first {
                ReconnectPolicy::new(BACKOFF, true)
            } else {
                connected()
            };
            let cut = ConnectionEnd {
                error_code: Some(4001),
                ..closed(None, false)
            };
            assert_eq!(
                p.ended(cut, 0.0),
                Next::Fail(Failure::Refused(4001)),
                "first: {first}"
            );
        }
        // An error that does not refuse explains nothing.
        let mut p = connected();
        let cut = ConnectionEnd {
            error_code: Some(4100),
            ..closed(None, false)
        };
        assert_eq!(p.ended(cut, 0.0), after(1.0));
        // After the handshake, an earlier error is not the reason for the drop.
        let mut p = connected();
        let cut = ConnectionEnd {
            error_code: Some(4001),
            ..closed(None, true)
        };
        assert_eq!(p.ended(cut, 0.0), after(1.0));
        // The close frame's own code wins.
        let mut p = connected();
        let closed_4200 = ConnectionEnd {
            error_code: Some(4001),
            ..closed(Some(4200), false)
        };
        assert_eq!(p.ended(closed_4200, 0.0), after(0.0));
    }

    #[test]
    fn backing_off_doubles_until_a_connection_settles() {
        // As in the fault test: 4100 once settled, again before settling, then settled.
        let mut p = connected();
        assert_eq!(p.ended(closed(Some(4100), true), 0.0), after(1.0));
        assert_eq!(p.ended(closed(Some(4100), true), 0.0), after(2.0));
        assert_eq!(p.ended(closed(None, false), 0.0), after(4.0));
        p.settled();
        assert_eq!(p.ended(closed(Some(4100), true), 0.0), after(1.0));
        // Capped at 30 s, plus the jitter drawn.
        for _ in 0..10 {
            p.ended(closed(None, false), 0.0);
        }
        assert_eq!(p.ended(closed(None, false), 0.0), after(30.0));
        assert_eq!(p.ended(closed(None, false), 0.5), after(37.5));
    }

    #[test]
    fn an_immediate_reconnect_backs_off_when_it_keeps_failing() {
        let mut p = connected();
        assert_eq!(p.ended(closed(Some(4200), true), 0.0), after(0.0));
        p.settled();
        assert_eq!(p.ended(closed(Some(4200), true), 0.0), after(0.0));
        // Closed again before it settled.
        assert_eq!(p.ended(closed(Some(4200), true), 0.0), after(2.0));
        assert_eq!(p.ended(closed(Some(4201), true), 0.5), after(5.0));
    }

    #[test]
    fn the_first_connection_must_open_and_shake_hands() {
        let mut p = ReconnectPolicy::new(BACKOFF, true);
        assert_eq!(
            p.ended(end(Ended::NotOpened("connection refused"), false), 0.0),
            Next::Fail(Failure::NotOpened("connection refused"))
        );
        for why in [GiveUp::NoHandshake, GiveUp::BadHandshake("hello".into())] {
            let mut p = ReconnectPolicy::new(BACKOFF, true);
            assert_eq!(
                p.ended(end(Ended::GaveUp(why.clone()), false), 0.0),
                Next::Fail(Failure::NoHandshake(why))
            );
        }
        // Later, the same are lost connections.
        let mut p = connected();
        assert_eq!(
            p.ended(end(Ended::NotOpened("connection refused"), false), 0.0),
            after(1.0)
        );
        assert_eq!(
            p.ended(end(Ended::GaveUp(GiveUp::NoHandshake), false), 0.0),
            after(2.0)
        );
    }

    #[test]
    fn a_message_over_the_limit_ends_the_run_on_any_connection() {
        for mut p in [ReconnectPolicy::new(BACKOFF, true), connected()] {
            assert_eq!(
                p.ended(end(Ended::TooBig { size: 5 << 20 }, true), 0.0),
                Next::Fail(Failure::TooBig { size: 5 << 20 })
            );
        }
    }

    #[test]
    fn without_reconnecting_the_first_loss_ends_the_run() {
        let mut p = ReconnectPolicy::new(BACKOFF, false);
        assert_eq!(p.ended(closed(Some(4200), true), 0.0), Next::Lost);
        let mut p = ReconnectPolicy::new(BACKOFF, false);
        let no_pong = Ended::GaveUp(GiveUp::NoPong(Duration::from_secs(30)));
        assert_eq!(p.ended(end(no_pong, true), 0.0), Next::Lost);
        // Refusals and a first connection's failures are still errors.
        let mut p = ReconnectPolicy::new(BACKOFF, false);
        assert_eq!(
            p.ended(closed(Some(4001), true), 0.0),
            Next::Fail(Failure::Refused(4001))
        );
        let mut p = ReconnectPolicy::new(BACKOFF, false);
        assert_eq!(
            p.ended(closed(None, false), 0.0),
            Next::Fail(Failure::UnknownKey)
        );
    }
}
