//! How a run is asked to stop: Ctrl-C (SIGINT) or SIGTERM, which CI cancellation,
//! `timeout` and `docker stop` send. Every command that waits on the network listens
//! for both through `requested`, and ends with the signal's own exit code.

use std::sync::OnceLock;

use tokio::sync::watch;

use crate::error::{CliError, Kind};

/// The signal that asked the run to stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// SIGINT: Ctrl-C.
    Interrupt,
    /// SIGTERM.
    Terminate,
}

impl Stop {
    /// The exit code's kind: 130 for SIGINT, 143 for SIGTERM.
    pub fn kind(self) -> Kind {
        match self {
            Self::Interrupt => Kind::Interrupted,
            Self::Terminate => Kind::Terminated,
        }
    }

    /// `interrupted`, `terminated`: the word summaries and records use.
    pub fn word(self) -> &'static str {
        match self {
            Self::Interrupt => "interrupted",
            Self::Terminate => "terminated",
        }
    }

    /// The error that ends the run, with the signal's exit code.
    pub fn error(self) -> CliError {
        let name = match self {
            Self::Interrupt => "Ctrl-C",
            Self::Terminate => "SIGTERM",
        };
        CliError::new(self.kind(), format!("{} ({name})", self.word()))
    }
}

/// The signals seen since rtctl started listening: the first, and how many.
#[derive(Debug, Clone, Copy, Default)]
struct Seen {
    first: Option<Stop>,
    count: u32,
}

/// What the listener has seen, latched so that no signal is lost between two waits.
static SEEN: OnceLock<watch::Sender<Seen>> = OnceLock::new();

/// Start listening, once per process: from the first call on, every SIGINT and SIGTERM
/// is recorded (and no longer ends the process by default). Commands that do only local
/// work never call it, so Ctrl-C still ends them at once.
fn listen() -> watch::Receiver<Seen> {
    let mut first_call = false;
    let seen = SEEN.get_or_init(|| {
        first_call = true;
        watch::channel(Seen::default()).0
    });
    if first_call {
        tokio::spawn(async {
            let Some(seen) = SEEN.get() else { return };
            let mut interrupt = std::pin::pin!(interrupts());
            let mut terminate = std::pin::pin!(terminations());
            loop {
                let stop = tokio::select! {
                    Some(()) = futures_util::StreamExt::next(&mut interrupt) => Stop::Interrupt,
                    Some(()) = futures_util::StreamExt::next(&mut terminate) => Stop::Terminate,
                    else => return,
                };
                seen.send_modify(|s| {
                    s.first.get_or_insert(stop);
                    s.count = s.count.saturating_add(1);
                });
            }
        });
    }
    seen.subscribe()
}

/// The first SIGINT or SIGTERM: at once if one came since rtctl started listening,
/// else when one comes. A signal whose handler cannot be installed is never reported
/// (its default action then applies).
pub async fn requested() -> Stop {
    after(0).await
}

/// A signal after the first: to cut short a grace that a first signal began.
pub async fn another() -> Stop {
    after(1).await
}

/// The signal that comes when more than `n` have been seen.
async fn after(n: u32) -> Stop {
    let mut rx = listen();
    let seen = rx.wait_for(|s| s.count > n).await.map(|s| *s);
    match seen {
        Ok(s) => match s.first {
            Some(stop) if n == 0 => stop,
            _ => Stop::Interrupt,
        },
        Err(_) => std::future::pending().await,
    }
}

/// Each SIGINT, as a stream.
fn interrupts() -> impl futures_util::Stream<Item = ()> {
    futures_util::stream::unfold((), |()| async {
        tokio::signal::ctrl_c().await.ok().map(|()| ((), ()))
    })
}

/// Each SIGTERM, as a stream (none where there is no such signal).
#[cfg(unix)]
fn terminations() -> impl futures_util::Stream<Item = ()> {
    use tokio::signal::unix::{SignalKind, signal};
    futures_util::stream::unfold(signal(SignalKind::terminate()).ok(), |s| async {
        let mut s = s?;
        s.recv().await?;
        Some(((), Some(s)))
    })
}

#[cfg(not(unix))]
fn terminations() -> impl futures_util::Stream<Item = ()> {
    futures_util::stream::empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_signal_has_its_exit_code() {
        assert_eq!(Stop::Interrupt.error().kind.code(), 130);
        assert_eq!(Stop::Terminate.error().kind.code(), 143);
        assert!(Stop::Terminate.error().message.contains("SIGTERM"));
    }
}
