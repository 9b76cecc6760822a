//! The rtctl binary: parse the command line, run it on a current-thread runtime, and
//! turn the result into an exit code, in one place.

use std::process::ExitCode;

use clap::{CommandFactory as _, Parser as _};
use rtctl::cli::Cli;
use rtctl::error::{CliError, Kind};
use rtctl::ui::Ui;

// The static musl build: musl's allocator is slow at many small allocations.
#[cfg(all(target_env = "musl", target_pointer_width = "64"))]
#[global_allocator]
static ALLOC: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    // `RTCTL_COMPLETE=bash rtctl …`: answer a dynamic completion request and exit.
    clap_complete::CompleteEnv::with_factory(Cli::command)
        .var(rtctl::commands::completions::COMPLETE_VAR)
        .complete();
    let cli = Cli::parse();
    let ui = Ui::new(cli.global.color);
    let result = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::new(Kind::Failure, format!("cannot start the runtime: {e}")))
        .and_then(|rt| {
            let result = rt.block_on(rtctl::run(cli, ui));
            // Do not wait for blocking reads still pending (`tail --interactive` on a
            // terminal): the work is done, and the user should not have to press Enter.
            rt.shutdown_background();
            result
        });
    rtctl::report(result, &ui)
}
