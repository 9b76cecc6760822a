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
    /// The server refused the credentials (HTTP 401/403, from the REST API, the
    /// WebSocket handshake or the app's backend), or `tail` could not subscribe to a
    /// channel it was told to watch, or sign in with `--signin`.
    Auth,
    /// A check ran and said no (a signature that does not verify, a breached objective).
    CheckFailed,
    /// The server could not be reached (refused, unresolvable, timed out, TLS), or a
    /// port could not be listened on.
    Network,
    /// The server closed the WebSocket with a code that says not to reconnect (4000–4099).
    Refused,
    /// `tail --duration` passed before `--count` events arrived, or `channels watch
    /// --duration` before the channels could be listed once.
    TimedOut,
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
  4    credentials refused by the server (HTTP 401/403), or `tail` could not
       subscribe to a channel it was told to watch, or sign in
  5    a check said no (e.g. `auth verify` or `webhook verify` on a bad signature,
       a breached `probe --slo`)
  6    network: could not connect, name not resolved, timed out, TLS, port in use
  7    the server refused the WebSocket for good (close codes 4000-4099, e.g.
       4001 unknown app key); the message names the code
  124  `tail --duration` passed before `--count` events arrived, or `channels
       watch --duration` before the channels could be listed once
  130  interrupted (Ctrl-C, SIGINT)
  143  terminated (SIGTERM)";

/// An error on its way to the user: a message, hints, and an exit code.
#[derive(Debug, Clone)]
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

    const KINDS: [Kind; 10] = [
        Kind::Failure,
        Kind::Usage,
        Kind::Config,
        Kind::Auth,
        Kind::CheckFailed,
        Kind::Network,
        Kind::Refused,
        Kind::TimedOut,
        Kind::Interrupted,
        Kind::Terminated,
    ];

    #[test]
    fn codes_are_distinct_and_documented() {
        let mut codes: Vec<u8> = KINDS.iter().map(|k| k.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), KINDS.len());
        for k in KINDS {
            assert!(
                EXIT_CODES.contains(&format!("\n  {:<4} ", k.code())),
                "{k:?} is not in the table"
            );
        }
    }

    /// `--help`'s table: each code and its meaning, in order.
    fn help_rows() -> Vec<(u8, String)> {
        let mut rows: Vec<(u8, String)> = Vec::new();
        for line in EXIT_CODES.lines().skip(1) {
            let (code, text) = line.trim_start().split_at(4);
            match (code.trim().parse(), rows.last_mut()) {
                (Ok(code), _) => rows.push((code, text.trim().to_owned())),
                (Err(_), Some((_, meaning))) => {
                    meaning.push(' ');
                    meaning.push_str(line.trim());
                }
                (Err(_), None) => panic!("a line before the first code: {line:?}"),
            }
        }
        rows
    }

    /// The README's table under `## Exit codes`: each code and its meaning, in order.
    fn readme_rows() -> Vec<(u8, String)> {
        let readme = include_str!("../README.md");
        let section = readme
            .split_once("\n## Exit codes\n")
            .and_then(|(_, rest)| rest.split("\n## ").next())
            .expect("the README has an `## Exit codes` section");
        section
            .lines()
            .filter_map(|line| {
                let (code, meaning) = line.strip_prefix("| ")?.split_once(" | ")?;
                let meaning = meaning.strip_suffix(" |")?.replace("\\|", "|");
                Some((code.parse().ok()?, meaning))
            })
            .collect()
    }

    /// The README's exit-code table lists the codes `--help` does, in the same order,
    /// which are the code's own (`Kind::code`, and 0); and each meaning there names
    /// what `--help`'s names in backquotes (`tail --duration`, `auth verify`, …).
    #[test]
    fn the_readme_and_help_tables_match_the_code() {
        let help = help_rows();
        let readme = readme_rows();
        let codes = |rows: &[(u8, String)]| rows.iter().map(|(c, _)| *c).collect::<Vec<_>>();
        assert_eq!(codes(&readme), codes(&help), "README and --help differ");
        let mut ours: Vec<u8> = std::iter::once(0).chain(KINDS.map(Kind::code)).collect();
        let mut listed = codes(&help);
        ours.sort_unstable();
        listed.sort_unstable();
        assert_eq!(listed, ours, "the tables and the code differ");
        for ((code, help), (_, readme)) in help.iter().zip(&readme) {
            for named in help.split('`').skip(1).step_by(2) {
                assert!(
                    readme.contains(&format!("`{named}`")),
                    "exit code {code}: the README does not name `{named}`: {readme}"
                );
            }
        }
    }

    #[test]
    fn broken_pipe_is_quiet_success() {
        let e = CliError::from(std::io::Error::from(std::io::ErrorKind::BrokenPipe));
        assert!(e.quiet);
        assert_eq!(e.exit_code(), ExitCode::SUCCESS);
    }
}
