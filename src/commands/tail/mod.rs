//! `rtctl tail`, which subscribes over the WebSocket and streams what happens: its
//! arguments and their checks, and the run from connecting to the exit code.
//!
//! What is worked out before connecting is in `plan` (authorization) and
//! `client_events` (--send, --interactive); what is shown, in `output`; channel
//! patterns, in `patterns`.

mod client_events;
mod output;
mod patterns;
mod plan;

use std::path::PathBuf;
use std::time::Duration;

use clap::Args as ClapArgs;
use tokio::sync::{mpsc, watch};

use super::Ctx;
use crate::complete::{Kinds, channel_completer};
use crate::config::{Resolved, Secret};
use crate::error::{CliError, Kind};
use crate::net::auth::AuthBody;
use crate::net::ws::{self, Client, Control, RunEnd, StopReason};
use crate::pusher::names::{self, ChannelKind};
use crate::pusher::session::{Session, Timing};
use crate::values::duration_flag as duration;
use output::{Filter, Printer, Settings};
use patterns::Scanner;

const EXAMPLES: &str = "\
Examples:
  rtctl tail dashboard-updates                            a public channel
  rtctl tail presence-classroom-101                       members, joins and leaves
  rtctl tail presence-classroom-101 --user-id ops-1       ... as member ops-1
  rtctl tail private-user-42 --auth-endpoint http://127.0.0.1:8008/pusher/auth \\
      --auth-header 'Authorization: Bearer …' --auth-body json
  rtctl tail content-generation --event 'progress_*' --json | jq .data
  rtctl tail 'presence-classroom-*' --rescan 10s          occupied classrooms, new ones too
  rtctl tail private-chat-7 --send client-typing '{\"typing\":true}'
  rtctl tail private-chat-7 --interactive                 each stdin line: EVENT [DATA]
  rtctl tail agent-status --count 1 --duration 30s --ready-file ready  CI: wait for one";

const MORE: &str = "\
Output: one line per event (local time, channel, event, data) on stdout; status,
subscriptions and warnings on stderr. --json writes JSON Lines with a `type` of
state, connected, subscribed, subscription_error, event, unsubscribed, error,
reconnecting, gap, sent, not_sent, signed_in, signin_error, frame (--raw) and summary.

Presence channels signed locally are joined as --user-id, or else as an observer
named rtctl-<hostname>-<pid>, which the channel's other members see join and leave.

A pattern's channels are joined as they become occupied and left (an
`unsubscribed` record) once no one but rtctl is subscribed to them.

A WebSocket message over --max-message-size is a protocol error (exit 1). An auth
endpoint's redirect is never followed (the auth headers go only to the URL named): it
fails the subscription, naming the Location.

Reconnecting follows the protocol: close codes 4000-4099 end the run (exit 7);
4100-4199 and dropped connections reconnect after backing off (1 s doubling to
30 s, with jitter); 4200-4299 reconnect at once. Every channel is authorized and
subscribed again, and a gap marker says when events may have been missed. Ctrl-C
and SIGTERM unsubscribe, close, print the summary and exit 130 and 143.

--duration is how long to wait for events (exit 124 when --count events have not all
arrived by then). `tail --timeout` is its old spelling, and still means that (with a
warning) unless --duration is given; with --duration, --timeout is the network
timeout, as for every command.";

/// Subscribe to channels and stream their events.
#[derive(Debug, ClapArgs)]
#[command(after_help = EXAMPLES, after_long_help = format!("{EXAMPLES}\n\n{MORE}"))]
pub struct Args {
    /// Channels to subscribe to; a name with `*` or `?` is a pattern matched against
    /// the occupied channels
    #[arg(required = true, value_name = "CHANNEL", add = channel_completer(Kinds::All))]
    pub channels: Vec<String>,

    /// Write JSON Lines with a stable envelope, for jq and scripts
    #[arg(long, help_heading = "Output")]
    pub json: bool,

    /// Show every protocol frame, both directions, instead of events
    #[arg(long, help_heading = "Output")]
    pub raw: bool,

    /// Show event data indented over several lines
    #[arg(long, help_heading = "Output")]
    pub expand: bool,

    /// Only events whose name matches GLOB (`*`, `?`); repeatable
    #[arg(long = "event", value_name = "GLOB", help_heading = "Output")]
    pub events: Vec<String>,

    /// Leave out pusher: and pusher_internal: events (member joins and leaves too)
    #[arg(long, help_heading = "Output")]
    pub exclude_internal: bool,

    /// Exit 0 after N events have been shown
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..), help_heading = "Scripts")]
    pub count: Option<u64>,

    /// Stop after DURATION, e.g. 30s; with --count, exit 124 if they did not all arrive
    #[arg(long, value_name = "DURATION", help_heading = "Scripts")]
    pub duration: Option<String>,

    /// Write the socket id to PATH once every channel is subscribed: trigger after it
    /// (an old file there is removed first)
    #[arg(long, value_name = "PATH", help_heading = "Scripts")]
    pub ready_file: Option<PathBuf>,

    /// How often to list channels again for patterns
    #[arg(
        long,
        value_name = "DURATION",
        default_value = "30s",
        help_heading = "Scripts"
    )]
    pub rescan: String,

    /// Get authorizations from the app's endpoint, as a browser would [default: the profile's `auth_endpoint`]
    #[arg(long, value_name = "URL", help_heading = "Authorization")]
    pub auth_endpoint: Option<String>,

    /// Sign locally with the app secret even when the profile names an auth endpoint
    #[arg(long, conflicts_with = "auth_endpoint", help_heading = "Authorization")]
    pub sign_locally: bool,

    /// A header for the auth endpoint, `Name: value`; repeatable (adds to the profile's `auth_headers`)
    #[arg(long, value_name = "HEADER", value_parser = secret_arg, help_heading = "Authorization")]
    pub auth_header: Vec<Secret>,

    /// How the auth endpoint's request body is written
    #[arg(
        long,
        value_name = "FORMAT",
        default_value = "form",
        help_heading = "Authorization"
    )]
    pub auth_body: AuthBody,

    /// The app's user-authentication endpoint for --signin [default: sign locally]
    #[arg(long, value_name = "URL", help_heading = "Authorization")]
    pub user_auth_endpoint: Option<String>,

    /// Member id for presence channels and --signin [default for presence: rtctl-<hostname>-<pid>]
    #[arg(long, value_name = "ID", help_heading = "Authorization")]
    pub user_id: Option<String>,

    /// Member info for presence channels and --signin, a JSON object
    #[arg(
        long,
        value_name = "JSON",
        requires = "user_id",
        help_heading = "Authorization"
    )]
    pub user_info: Option<String>,

    /// Sign the connection in as --user-id (pusher:signin) and receive events sent to that user
    #[arg(long, help_heading = "Authorization")]
    pub signin: bool,

    /// Send a client event to every channel once subscribed; DATA is JSON (or a plain string)
    #[arg(long, num_args = 2, value_names = ["EVENT", "DATA"], help_heading = "Client events")]
    pub send: Option<Vec<String>>,

    /// Read client events from stdin, one `EVENT [DATA]` a line, and send each to every channel
    #[arg(long, help_heading = "Client events")]
    pub interactive: bool,

    /// Exit when the connection is lost instead of reconnecting
    #[arg(long, help_heading = "Connection")]
    pub no_reconnect: bool,

    /// Ping after this much silence (the server's activity_timeout caps it)
    #[arg(
        long,
        value_name = "DURATION",
        default_value = "120s",
        help_heading = "Connection"
    )]
    pub activity_timeout: String,

    /// Reconnect when a ping gets no pong within this
    #[arg(
        long,
        value_name = "DURATION",
        default_value = "30s",
        help_heading = "Connection"
    )]
    pub pong_timeout: String,

    /// The largest WebSocket message accepted, e.g. 4MiB, 512KiB or bytes; a larger one
    /// ends the run as a protocol error
    #[arg(
        long,
        value_name = "SIZE",
        default_value = "1MiB",
        help_heading = "Connection"
    )]
    pub max_message_size: String,
}

/// The bounds of `--max-message-size`: below 1 KiB not even the handshake fits; above
/// 1 GiB is no limit at all.
const MESSAGE_SIZES: std::ops::RangeInclusive<u64> = 1 << 10..=1 << 30;

fn message_size(text: &str) -> Result<usize, CliError> {
    let hint = "for example --max-message-size 4MiB, 512KiB or 65536 (bytes)";
    let bytes = crate::values::size(text).map_err(|e| {
        CliError::usage(format!("--max-message-size {text:?} is not a size: {e}")).hint(hint)
    })?;
    if !MESSAGE_SIZES.contains(&bytes) {
        return Err(CliError::usage(format!(
            "--max-message-size must be between {} and {}, not {}",
            crate::values::size_shown(*MESSAGE_SIZES.start()),
            crate::values::size_shown(*MESSAGE_SIZES.end()),
            crate::values::size_shown(bytes)
        ))
        .hint(hint));
    }
    usize::try_from(bytes).map_err(|_| {
        CliError::usage("--max-message-size is larger than this machine can address").hint(hint)
    })
}

/// The channel arguments, checked: names and patterns.
struct Channels {
    names: Vec<String>,
    patterns: Vec<String>,
}

impl Channels {
    /// The kinds of channel the run subscribes to, as far as is known before connecting:
    /// each name's, and each pattern's literal start's (`presence-classroom-*` is
    /// presence; `*-101` says nothing, and counts as public).
    fn known_kinds(&self) -> Vec<ChannelKind> {
        self.names
            .iter()
            .map(|c| ChannelKind::of(c))
            .chain(
                self.patterns
                    .iter()
                    .map(|p| ChannelKind::of(names::glob_prefix(p))),
            )
            .collect()
    }
}

fn channels(args: &Args) -> Result<Channels, CliError> {
    let mut out = Channels {
        names: Vec::new(),
        patterns: Vec::new(),
    };
    for c in &args.channels {
        if names::is_pattern(c) {
            let literal = c.replace(['*', '?'], "");
            if !literal.is_empty() {
                names::validate_channel(&literal).map_err(|e| {
                    CliError::usage(format!(
                        "pattern `{}`: {e}",
                        crate::text::escape_for_message(c)
                    ))
                    .hint(e.hint())
                })?;
            }
            out.patterns.push(c.clone());
        } else {
            names::validate_channel(c)
                .map_err(|e| CliError::usage(e.to_string()).hint(e.hint()))?;
            if !out.names.contains(c) {
                out.names.push(c.clone());
            }
        }
    }
    Ok(out)
}

/// Kept as a secret from the moment clap reads it; checked by `plan::parse_header`, whose
/// messages, unlike clap's, never repeat the value.
fn secret_arg(text: &str) -> Result<Secret, std::convert::Infallible> {
    Ok(Secret::new(text))
}

/// A ready file left by an earlier run would tell a script to go before this one is
/// subscribed: it goes before anything connects.
fn remove_stale(path: &std::path::Path) -> Result<(), CliError> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(CliError::new(
            Kind::Failure,
            format!("cannot remove the old ready file {}: {e}", path.display()),
        )
        .hint("remove it yourself, or give --ready-file another path")),
    }
}

/// How long to wait for events, as given: --duration, else `tail --timeout`, its old
/// spelling, which then is not the network timeout (with a warning).
fn run_length(ctx: &mut Ctx, args: &Args) -> Result<Option<(Duration, String)>, CliError> {
    if let Some(text) = &args.duration {
        return Ok(Some((duration("--duration", text)?, text.clone())));
    }
    let Some(text) = ctx.global.timeout.take() else {
        return Ok(None);
    };
    let length = duration("--timeout", &text)?;
    ctx.ui.deprecated(
        &format!("tail --timeout {text}"),
        &format!("tail --duration {text}"),
        "for tail it still means how long to wait for events, not the network timeout it will become",
    );
    Ok(Some((length, text)))
}

pub async fn run(ctx: &mut Ctx, args: Args) -> Result<(), CliError> {
    let chans = channels(&args)?;
    let run_length = run_length(ctx, &args)?;
    let rescan_every = duration("--rescan", &args.rescan)?;
    let max_message_size = message_size(&args.max_message_size)?;
    let timing = Timing {
        activity: duration("--activity-timeout", &args.activity_timeout)?,
        pong: duration("--pong-timeout", &args.pong_timeout)?,
        handshake: ctx.config()?.timeout.val,
    };
    let max_payload_kb = ctx.config()?.max_payload_kb.val as usize;
    let sends = client_events::checked(&args, &chans, max_payload_kb)?;
    let plan = plan::plan(ctx, &args, &chans).await?;
    if let Some(path) = &args.ready_file {
        remove_stale(path)?;
    }
    let config: Resolved = ctx.config()?.clone();
    let endpoint = config.require_ws()?.clone();
    let options =
        ws::Options::for_profile(&config, ctx.trust()?, !args.no_reconnect, max_message_size)?;

    let mut session = Session::new(timing, args.signin);
    for name in &chans.names {
        session.add_channel(name);
    }
    let ui = ctx.ui;
    let mut scanner = plan
        .rest
        .map(|rest| Scanner::new(rest, chans.patterns.clone()));
    let mut held = None;
    if let Some(scanner) = &mut scanner {
        let listing = super::interruptible(scanner.scan(&ui)).await?;
        for name in listing.keys() {
            session.add_channel(name);
        }
        held = Some(patterns::Held::new(&listing, &chans.names));
    }

    let (tx, mut rx) = mpsc::channel(16);
    let (ready_tx, ready_rx) = watch::channel(false);
    let mut printer = Printer::new(
        Settings {
            ui,
            json: args.json,
            raw: args.raw,
            expand: args.expand,
            filter: Filter {
                events: args.events.clone(),
                exclude_internal: args.exclude_internal,
            },
            count: args.count,
            ready_file: args.ready_file.clone(),
            named: chans.names.clone(),
            sends,
            auth_source: plan.auth_source,
            observer: plan.observer,
            ready: ready_tx,
        },
        endpoint.ws_base(),
    );
    let mut tasks = tokio::task::JoinSet::new();
    if let (Some(scanner), Some(held)) = (scanner, held) {
        tasks.spawn(patterns::rescan(
            scanner,
            held,
            rescan_every,
            tx.clone(),
            ui,
        ));
    }
    if args.interactive {
        tasks.spawn(client_events::interactive(
            chans.names.clone(),
            tx.clone(),
            ready_rx,
            ui,
            max_payload_kb,
        ));
    }
    {
        let tx = tx.clone();
        tasks.spawn(async move {
            let stop = crate::signal::requested().await;
            let _ = tx.send(Control::Stop(StopReason::Signal(stop))).await;
        });
    }
    if let Some(&(d, _)) = run_length.as_ref() {
        let tx = tx.clone();
        tasks.spawn(async move {
            tokio::time::sleep(d).await;
            let _ = tx.send(Control::Stop(StopReason::TimedOut)).await;
        });
    }
    drop(tx);

    let mut client = Client::new(options, session, plan.authorizer);
    let result = client.run(&mut rx, &mut printer).await;
    tasks.abort_all();
    let counters = client.counters();
    let ending = match result {
        Ok(e) => e,
        Err(e) => {
            if counters.messages_received > 0 {
                printer.summary(&counters, "error");
            }
            return Err(e);
        }
    };
    if let Some(e) = printer.failure.take() {
        printer.summary(&counters, "error");
        return Err(e);
    }
    if printer.stdout_closed() {
        let mut quiet = CliError::new(Kind::Failure, "stdout closed");
        quiet.quiet = true;
        return Err(quiet);
    }
    match ending {
        RunEnd::Stopped(StopReason::Done) => {
            printer.summary(&counters, "done");
            Ok(())
        }
        RunEnd::Stopped(StopReason::Signal(stop)) => {
            printer.summary(&counters, stop.word());
            Err(stop.error())
        }
        RunEnd::Stopped(StopReason::TimedOut) => match args.count {
            Some(n) if printer.shown() < n => {
                printer.summary(&counters, "timeout");
                Err(CliError::new(
                    Kind::TimedOut,
                    format!(
                        "timed out: {} of {n} event{} arrived within {}",
                        printer.shown(),
                        if n == 1 { "" } else { "s" },
                        run_length.as_ref().map_or("", |(_, text)| text.as_str())
                    ),
                )
                .hint("check that something triggers the event, and the --event filters"))
            }
            _ => {
                printer.summary(&counters, "timeout");
                Ok(())
            }
        },
        RunEnd::Lost(reason) => {
            printer.summary(&counters, "lost");
            Err(
                CliError::new(Kind::Network, format!("connection lost: {reason}"))
                    .hint("without --no-reconnect, tail reconnects and re-subscribes"),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `tail --timeout`, before or after `tail`, is the old spelling of --duration and
    /// then not the network timeout; with --duration, --timeout is the network timeout.
    #[test]
    fn the_old_spelling_of_duration_is_not_the_network_timeout() {
        use clap::Parser as _;

        use crate::cli::{Cli, Command};
        use crate::ui::Ui;

        let cases: [(&[&str], Option<&str>, Option<&str>); 5] = [
            (&["tail", "c", "--duration", "30s"], Some("30s"), None),
            (&["tail", "c", "--timeout", "30s"], Some("30s"), None),
            (&["--timeout", "30s", "tail", "c"], Some("30s"), None),
            (
                &["tail", "c", "--duration", "30s", "--timeout", "5s"],
                Some("30s"),
                Some("5s"),
            ),
            (&["tail", "c"], None, None),
        ];
        for (argv, length, network) in cases {
            let cli = Cli::parse_from(std::iter::once("rtctl").chain(argv.iter().copied()));
            let Some(Command::Tail(args)) = cli.command else {
                panic!("not tail: {argv:?}");
            };
            let ui = Ui {
                color_out: false,
                color_err: false,
                stdin_is_tty: false,
                stderr_is_tty: false,
                stdout_redraws: false,
            };
            let mut ctx = Ctx::new(cli.global, ui).unwrap();
            let got = run_length(&mut ctx, &args).unwrap();
            assert_eq!(got.map(|(_, text)| text).as_deref(), length, "{argv:?}");
            assert_eq!(ctx.global.timeout.as_deref(), network, "{argv:?}");
        }
    }

    #[test]
    fn message_sizes_are_bounded() {
        assert_eq!(message_size("1MiB").unwrap(), 1 << 20);
        assert_eq!(message_size("2048").unwrap(), 2048);
        for bad in ["0", "100", "2GiB", "lots", ""] {
            let e = message_size(bad).unwrap_err();
            assert_eq!(e.kind, Kind::Usage, "{bad}");
            assert!(e.message.contains("--max-message-size"), "{}", e.message);
        }
    }
}
