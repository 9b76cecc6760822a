//! `rtctl completions`: shell completion scripts.

use clap::CommandFactory as _;
use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};
use clap_complete::shells::Shell;

use super::Ctx;
use crate::cli::Cli;
use crate::error::CliError;

const EXAMPLES: &str = "\
Examples:
  rtctl completions bash > ~/.local/share/bash-completion/completions/rtctl
  rtctl completions zsh > ~/.zfunc/_rtctl
  rtctl completions fish > ~/.config/fish/completions/rtctl.fish
  source <(rtctl completions bash --dynamic)     also profiles, channels (occupied ones too) and events";

#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Shell to print the script for
    pub shell: Shell,

    /// Print a small script that asks rtctl at each <TAB>, so profile names, the
    /// catalogue's channels and events, and the occupied channels complete too (rtctl
    /// must be on PATH)
    #[arg(long)]
    pub dynamic: bool,
}

/// The variable that asks rtctl to complete a command line (namespaced, so a stray
/// `COMPLETE` in the environment does nothing).
pub const COMPLETE_VAR: &str = "RTCTL_COMPLETE";

/// The static script for `shell`, as committed under completions/.
pub fn script(shell: Shell) -> Vec<u8> {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "rtctl", &mut buf);
    buf
}

/// The dynamic registration script: the shell calls `RTCTL_COMPLETE=<shell> rtctl -- …`.
fn dynamic_script(shell: Shell) -> Result<Vec<u8>, CliError> {
    let completer: &dyn EnvCompleter = match shell {
        Shell::Bash => &Bash,
        Shell::Elvish => &Elvish,
        Shell::Fish => &Fish,
        Shell::PowerShell => &Powershell,
        Shell::Zsh => &Zsh,
        _ => {
            return Err(
                CliError::usage(format!("no dynamic completion for {shell}"))
                    .hint("use the static script: drop --dynamic"),
            );
        }
    };
    let mut buf = Vec::new();
    completer.write_registration(COMPLETE_VAR, "rtctl", "rtctl", "rtctl", &mut buf)?;
    Ok(buf)
}

pub fn run(ctx: &Ctx, args: &Args) -> Result<(), CliError> {
    let bytes = if args.dynamic {
        dynamic_script(args.shell)?
    } else {
        script(args.shell)
    };
    Ok(ctx.ui.out(&String::from_utf8_lossy(&bytes))?)
}
