//! The command line: global options and the subcommands. Help text is the doc comments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::commands::{
    auth, catalog, channels, completions, config, doctor, tail, trigger, users, webhook,
};
use crate::config::{CliValues, Field};
use crate::error::EXIT_CODES;
use crate::ui::ColorChoice;

const EXAMPLES: &str = "\
Examples:
  rtctl channels list                           occupied channels (local server, no config needed)
  rtctl auth sign private-user-42 --socket-id 123.456
  rtctl --profile prod channels show presence-classroom-101 --info user_count
  rtctl config init prod --cluster eu --app-id 123 --key abc --secret-stdin < secret.txt
  rtctl config show --show-origin                where every value comes from";

/// Operate and debug realtime channels that speak the Pusher Channels protocol:
/// Pusher itself and compatible servers (sockudo, soketi, Laravel Reverb).
///
/// With no config, rtctl talks to a local server at 127.0.0.1:6001 with the usual
/// development credentials (app-id, app-key, app-secret): the built-in `local` profile.
#[derive(Debug, Parser)]
#[command(
    name = "rtctl",
    disable_version_flag = true,
    arg_required_else_help = true,
    after_help = EXAMPLES,
    after_long_help = format!("{EXAMPLES}\n\n{EXIT_CODES}"),
)]
pub struct Cli {
    /// Print the version, the git commit it was built from and the target
    #[arg(short = 'V', long, help_heading = "Global")]
    pub version: bool,

    /// With --version: print it as one JSON object (for bug reports)
    #[arg(long, requires = "version", help_heading = "Global")]
    pub json: bool,

    #[command(flatten)]
    pub global: GlobalArgs,

    // Absent only with --version.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every subcommand takes. Each connection option overrides the profile and
/// the environment (`rtctl config show --show-origin` shows what won).
#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Profile to use [default: $RTCTL_PROFILE, then `default_profile`, then `local`]
    #[arg(long, global = true, value_name = "NAME", add = crate::complete::profile_completer(), help_heading = "Global")]
    pub profile: Option<String>,

    /// App id
    #[arg(long, global = true, value_name = "ID", help_heading = "Connection")]
    pub app_id: Option<String>,

    /// App key
    #[arg(long, global = true, value_name = "KEY", help_heading = "Connection")]
    pub key: Option<String>,

    /// Read the app secret from the first line of stdin (never from a flag's value)
    #[arg(long, global = true, help_heading = "Connection")]
    pub secret_stdin: bool,

    /// Pusher cluster, e.g. eu: api-eu.pusher.com and ws-eu.pusher.com with TLS
    #[arg(long, global = true, value_name = "NAME", help_heading = "Connection")]
    pub cluster: Option<String>,

    /// REST host of a self-hosted server (overrides --cluster)
    #[arg(long, global = true, value_name = "HOST", help_heading = "Connection")]
    pub host: Option<String>,

    /// REST port
    #[arg(long, global = true, value_name = "PORT", help_heading = "Connection",
          value_parser = clap::value_parser!(u16).range(1..))]
    pub port: Option<u16>,

    /// Use https and wss
    #[arg(
        long,
        global = true,
        overrides_with = "no_tls",
        help_heading = "Connection"
    )]
    pub tls: bool,

    /// Use plain http and ws
    #[arg(
        long,
        global = true,
        overrides_with = "tls",
        help_heading = "Connection"
    )]
    pub no_tls: bool,

    /// WebSocket host, when it differs from the REST host
    #[arg(long, global = true, value_name = "HOST", help_heading = "Connection")]
    pub ws_host: Option<String>,

    /// WebSocket port, when it differs from the REST port
    #[arg(long, global = true, value_name = "PORT", help_heading = "Connection",
          value_parser = clap::value_parser!(u16).range(1..))]
    pub ws_port: Option<u16>,

    /// PEM file of CA certificates to trust besides the system's (a private CA)
    #[arg(long, global = true, value_name = "FILE", help_heading = "Connection",
          value_hint = clap::ValueHint::FilePath)]
    pub ca_cert: Option<String>,

    /// Network timeout, e.g. 5s or 500ms [default: 10s]
    #[arg(
        long,
        global = true,
        value_name = "DURATION",
        help_heading = "Connection"
    )]
    pub timeout: Option<String>,

    /// Also read PUSHER_* and RTCTL_* variables from a .env file (--env-file=PATH for another) [default: ./.env]
    #[arg(long, global = true, value_name = "PATH", num_args = 0..=1, require_equals = true,
          default_missing_value = ".env", help_heading = "Connection")]
    pub env_file: Option<PathBuf>,

    /// Let the server and URLs the .env names receive credentials from elsewhere (the profile, the environment)
    #[arg(long, global = true, help_heading = "Connection")]
    pub trust_env_file: bool,

    /// When to colour output
    #[arg(
        long,
        global = true,
        value_name = "WHEN",
        default_value = "auto",
        help_heading = "Global"
    )]
    pub color: ColorChoice,
}

impl GlobalArgs {
    /// The connection flags as config values, each naming its flag. The secret from
    /// `--secret-stdin` is added by the caller, which reads stdin.
    pub fn config_values(&self) -> CliValues {
        let mut cli = CliValues {
            profile: self.profile.clone(),
            values: Vec::new(),
        };
        let text = [
            (Field::AppId, &self.app_id, "--app-id"),
            (Field::Key, &self.key, "--key"),
            (Field::Cluster, &self.cluster, "--cluster"),
            (Field::Host, &self.host, "--host"),
            (Field::WsHost, &self.ws_host, "--ws-host"),
            (Field::CaCert, &self.ca_cert, "--ca-cert"),
            (Field::Timeout, &self.timeout, "--timeout"),
        ];
        for (field, value, flag) in text {
            if let Some(v) = value {
                cli.set(field, v.clone(), flag);
            }
        }
        if let Some(p) = self.port {
            cli.set(Field::Port, p.to_string(), "--port");
        }
        if let Some(p) = self.ws_port {
            cli.set(Field::WsPort, p.to_string(), "--ws-port");
        }
        if self.tls {
            cli.set(Field::Tls, "true", "--tls");
        } else if self.no_tls {
            cli.set(Field::Tls, "false", "--no-tls");
        }
        if self.env_file.is_some() {
            cli.set(Field::EnvFile, "true", "--env-file");
        }
        if self.trust_env_file {
            cli.set(Field::TrustEnvFile, "true", "--trust-env-file");
        }
        cli
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Publish events over the REST API: one, a batch file, or one many times
    Trigger(Box<trigger::Args>),
    /// Subscribe to channels over the WebSocket and stream their events
    Tail(Box<tail::Args>),
    /// List occupied channels, show one, list a presence channel's members, watch them live
    #[command(subcommand)]
    Channels(channels::Command),
    /// Send an event to a signed-in user, or close their connections
    #[command(subcommand)]
    Users(users::Command),
    /// Show the event catalogue that trigger fills and checks payloads from
    #[command(subcommand)]
    Catalog(catalog::Command),
    /// Sign and check channel authorization and user authentication
    #[command(subcommand)]
    Auth(auth::Command),
    /// Generate, replay, verify and capture webhooks
    #[command(subcommand)]
    Webhook(webhook::Command),
    /// Check an environment's config and connectivity end to end
    Doctor(doctor::Args),
    Probe(Box<crate::commands::probe::Args>),
    Bench(Box<crate::commands::bench::Args>),
    /// Show, list, create and choose profiles
    #[command(subcommand)]
    Config(config::Command),
    /// Print a shell completion script
    Completions(completions::Args),
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory as _;

    use super::*;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn flags_become_config_values() {
        let cli = Cli::parse_from([
            "rtctl",
            "--host",
            "h",
            "--port",
            "81",
            "--no-tls",
            "--timeout",
            "2s",
            "channels",
            "list",
        ]);
        let v = cli.global.config_values();
        let got: Vec<(Field, &str, &str)> = v
            .values
            .iter()
            .map(|(f, v, flag)| (*f, v.as_str(), flag.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (Field::Host, "h", "--host"),
                (Field::Timeout, "2s", "--timeout"),
                (Field::Port, "81", "--port"),
                (Field::Tls, "false", "--no-tls"),
            ]
        );
    }

    #[test]
    fn last_of_tls_and_no_tls_wins() {
        let cli = Cli::parse_from(["rtctl", "--no-tls", "--tls", "channels", "list"]);
        assert!(cli.global.tls && !cli.global.no_tls);
    }

    #[test]
    fn auth_header_values_are_never_in_debug_output() {
        let cli = Cli::parse_from([
            "rtctl",
            "tail",
            "private-a",
            "--auth-header",
            "Authorization: Bearer tok-123",
        ]);
        let shown = format!("{cli:?}");
        assert!(!shown.contains("tok-123"), "{shown}");
    }

    #[test]
    fn port_zero_is_refused() {
        assert!(Cli::try_parse_from(["rtctl", "--port", "0", "channels", "list"]).is_err());
    }
}
