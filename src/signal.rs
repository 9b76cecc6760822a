//! How a run is asked to stop: Ctrl-C (SIGINT) or SIGTERM, which CI cancellation,
//! `timeout` and `docker stop` send. Every command that waits on the network listens
//! for both through `requested`, and ends with the signal's own exit code.

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

/// Resolves at the first SIGINT or SIGTERM after it is first polled. A signal whose
/// handler cannot be installed is never reported (the default action then applies).
pub async fn requested() -> Stop {
    let interrupt = async {
        match tokio::signal::ctrl_c().await {
            Ok(()) => Stop::Interrupt,
            Err(_) => std::future::pending().await,
        }
    };
    tokio::select! {
        stop = interrupt => stop,
        stop = terminate() => stop,
    }
}

#[cfg(unix)]
async fn terminate() -> Stop {
    use tokio::signal::unix::{SignalKind, signal};
    match signal(SignalKind::terminate()) {
        Ok(mut s) => {
            s.recv().await;
            Stop::Terminate
        }
        Err(_) => std::future::pending().await,
    }
}

#[cfg(not(unix))]
async fn terminate() -> Stop {
    std::future::pending().await
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
