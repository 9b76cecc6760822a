//! The one place errors become messages and exit codes.

use std::fmt;
use std::process::ExitCode;

use crate::config::ConfigError;
use crate::pusher::names::NameError;
use crate::pusher::sign::AuthError;

/// What went wrong, as far as a script cares: each kind has its own exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The server refused the request, or something else failed at run time.
    Failure,
    /// Bad command-line input: nothing was sent.
    Usage,
    /// Configuration is missing or broken: nothing was sent.
    Config,
    /// The server refused the credentials (HTTP 401/403).
    Auth,
    /// A check ran and said no (a signature that does not verify).
    CheckFailed,
    /// The server could not be reached (refused, unresolvable, timed out, TLS), or a
    /// port could not be listened on.
    Network,
    /// The server closed the WebSocket with a code that says not to reconnect (4000–4099).
    Refused,
    /// `tail --duration` passed before `--count` events arrived.
    TimedOut,
    /// The subcommand is not built yet.
    NotBuilt,
    /// Ctrl-C (SIGINT).
    Interrupted,
    /// SIGTERM (CI cancellation, `timeout`, `docker stop`).
    Terminated,
}

impl Kind {
    pub fn code(self) -> u8 {
        match self {
            Self::Failure => 1,
            Self::Usage => 2,
            Self::Config => 3,
            Self::Auth => 4,
            Self::CheckFailed => 5,
            Self::Network => 6,
            Self::Refused => 7,
            Self::TimedOut => 124,
            Self::NotBuilt => 69,
            Self::Interrupted => 130,
            Self::Terminated => 143,
        }
    }
}

/// The exit-code table, for `--help` and the README.
pub const EXIT_CODES: &str = "\
Exit codes:
  0    success (also when stdout is closed early, as by `| head`)
  1    the server refused the request, or another runtime failure
  2    usage: bad arguments or input; nothing was sent
  3    configuration missing or invalid; nothing was sent
  4    credentials refused by the server (HTTP 401/403), or a channel `tail`
       was told to watch could not be subscribed
  5    a check said no (e.g. `auth verify` or `webhook verify` on a bad signature)
  6    network: could not connect, name not resolved, timed out, TLS, port in use
  7    the server refused the WebSocket for good (close codes 4000-4099, e.g.
       4001 unknown app key); the message names the code
  124  `tail --duration` passed before `--count` events arrived
  69   this subcommand is not built yet
  130  interrupted (Ctrl-C, SIGINT)
  143  terminated (SIGTERM)";

/// An error on its way to the user: a message, hints, and an exit code.
#[derive(Debug)]
pub struct CliError {
    pub kind: Kind,
    pub message: String,
    pub hints: Vec<String>,
    /// Stdout was closed (`| head`): exit 0 without a word.
    pub quiet: bool,
}

impl CliError {
    pub fn new(kind: Kind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
            hints: Vec::new(),
            quiet: false,
        }
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(Kind::Usage, message)
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// The exit code, 0 for a closed stdout.
    pub fn exit_code(&self) -> ExitCode {
        if self.quiet {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(self.kind.code())
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            let mut err = Self::new(Kind::Failure, "stdout closed");
            err.quiet = true;
            err
        } else {
            Self::new(Kind::Failure, format!("i/o error: {e}"))
        }
    }
}

impl From<ConfigError> for CliError {
    fn from(e: ConfigError) -> Self {
        Self {
            kind: Kind::Config,
            message: e.to_string(),
            hints: e.hints(),
            quiet: false,
        }
    }
}

impl From<crate::values::ValueError> for CliError {
    fn from(e: crate::values::ValueError) -> Self {
        Self::usage(e.to_string()).hint(e.hint())
    }
}

impl From<NameError> for CliError {
    fn from(e: NameError) -> Self {
        Self::usage(e.to_string()).hint(e.hint())
    }
}

impl From<AuthError> for CliError {
    fn from(e: AuthError) -> Self {
        let kind = if matches!(e, AuthError::NoMasterKey(_)) {
            Kind::Config
        } else {
            Kind::Usage
        };
        Self::new(kind, e.to_string()).hint(e.hint())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_and_documented() {
        let kinds = [
            Kind::Failure,
            Kind::Usage,
            Kind::Config,
            Kind::Auth,
            Kind::CheckFailed,
            Kind::Network,
            Kind::Refused,
            Kind::TimedOut,
            Kind::NotBuilt,
            Kind::Interrupted,
            Kind::Terminated,
        ];
        let mut codes: Vec<u8> = kinds.iter().map(|k| k.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), kinds.len());
        for k in kinds {
            assert!(
                EXIT_CODES.contains(&format!("\n  {:<4} ", k.code())),
                "{k:?} is not in the table"
            );
        }
    }

    #[test]
    fn broken_pipe_is_quiet_success() {
        let e = CliError::from(std::io::Error::from(std::io::ErrorKind::BrokenPipe));
        assert!(e.quiet);
        assert_eq!(e.exit_code(), ExitCode::SUCCESS);
    }
}
