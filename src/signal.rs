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
/// is recorded (and no longer ends the process by default). The handlers are in place
/// when this returns, before the caller does anything a signal could interrupt.
/// Commands that do only local work never call it, so Ctrl-C still ends them at once.
fn listen() -> watch::Receiver<Seen> {
    let mut first_call = false;
    let seen = SEEN.get_or_init(|| {
        first_call = true;
        watch::channel(Seen::default()).0
    });
    if first_call {
        let mut handlers = Handlers::install();
        tokio::spawn(async move {
            let Some(seen) = SEEN.get() else { return };
            while let Some(stop) = handlers.next().await {
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

/// The installed handlers for SIGINT and SIGTERM; one that could not be installed is
/// left to its default action.
#[cfg(unix)]
struct Handlers {
    interrupt: Option<tokio::signal::unix::Signal>,
    terminate: Option<tokio::signal::unix::Signal>,
}

#[cfg(unix)]
impl Handlers {
    /// Installed at once, not at the first poll (as `tokio::signal::ctrl_c` would be).
    fn install() -> Self {
        use tokio::signal::unix::{SignalKind, signal};
        Self {
            interrupt: signal(SignalKind::interrupt()).ok(),
            terminate: signal(SignalKind::terminate()).ok(),
        }
    }

    /// The next signal; `None` once neither can come.
    async fn next(&mut self) -> Option<Stop> {
        async fn recv(s: &mut Option<tokio::signal::unix::Signal>) -> Option<()> {
            match s {
                Some(s) => s.recv().await,
                None => None,
            }
        }
        loop {
            let (i, t) = (self.interrupt.is_some(), self.terminate.is_some());
            if !i && !t {
                return None;
            }
            tokio::select! {
                r = recv(&mut self.interrupt), if i => match r {
                    Some(()) => return Some(Stop::Interrupt),
                    None => self.interrupt = None,
                },
                r = recv(&mut self.terminate), if t => match r {
                    Some(()) => return Some(Stop::Terminate),
                    None => self.terminate = None,
                },
            }
        }
    }
}

/// Ctrl-C alone where there is no SIGTERM.
#[cfg(not(unix))]
struct Handlers;

#[cfg(not(unix))]
impl Handlers {
    fn install() -> Self {
        Self
    }

    async fn next(&mut self) -> Option<Stop> {
        tokio::signal::ctrl_c().await.ok().map(|()| Stop::Interrupt)
    }
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
