//! rtctl: operate and debug realtime channels that speak the Pusher Channels protocol.
//!
//! `pusher` is the pure protocol core and `config` the profile loader; `net` holds the
//! only network code; `commands` are the subcommands; `ui` is what the user sees, and
//! `text` the one escaper everything shown to a person goes through; `outgoing` is the
//! one path every published event takes.

pub mod app_urls;
pub mod catalog;
pub mod checks;
pub mod cli;
pub mod commands;
pub mod complete;
pub mod config;
pub mod error;
pub mod files;
#[doc(hidden)]
pub mod fuzzing;
pub mod json_string;
pub mod net;
pub mod observer;
pub mod outgoing;
pub mod payload;
pub mod pusher;
pub mod signal;
pub mod text;
pub mod time;
pub mod ui;
pub mod values;

use std::process::ExitCode;

use error::CliError;

/// Run a parsed command line.
pub async fn run(cli: cli::Cli, ui: ui::Ui) -> Result<(), CliError> {
    commands::run(cli, ui).await
}

/// Print an error once, on stderr, and turn it into the exit code.
pub fn report(result: Result<(), CliError>, ui: &ui::Ui) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.quiet => e.exit_code(),
        Err(e) => {
            ui.error(&e.message);
            for h in &e.hints {
                ui.hint(h);
            }
            e.exit_code()
        }
    }
}
