//! `rtctl trigger`: publish one event, a batch file, or one event many times.

mod backend;
pub(crate) mod bulk;

use clap::Args as ClapArgs;
use serde_json::{Value, json};

use super::publish::{self, show_notes};
use super::{Ctx, interruptible};
use crate::complete::Kinds;
use crate::error::CliError;
use crate::net::http::Reply;
use crate::outgoing::{self, Checked, Draft, Encryption, Rules, System, Via};
use crate::pusher::event::Event;
use crate::pusher::names::ChannelKind;
use crate::pusher::rest::SignedRequest;
use crate::text::{one_line, sanitize};
use crate::ui::json_text;

const EXAMPLES: &str = "\
Examples:
  rtctl trigger dashboard-updates system_notification                  the catalogue's example payload
  rtctl trigger dashboard-updates system_notification --set type=success --set message='Deploy done'
  rtctl trigger private-user-42,private-user-43 personal_notification @notification.json
  echo '{\"progress\":75}' | rtctl trigger content-generation progress_update - --no-validate
  rtctl trigger presence-classroom-101 activity_update --info user_count --json
  rtctl trigger dashboard-updates system_notification --curl             a curl command, already signed
  rtctl trigger dashboard-updates system_notification --via backend      through the app's /realtime/trigger
  rtctl trigger --batch events.jsonl                                     JSON Lines, 10 per request
  rtctl trigger --batch events.jsonl --dry-run                           check every line, send nothing
  rtctl trigger load-test tick '{\"n\":1}' --repeat 1000 --rate 50       soak: 1000 events at 50/s

--batch and --repeat stop at Ctrl-C (exit 130) or SIGTERM (exit 143): requests in flight
get 2 s to finish, then the summary accounts for every event and says where to resume.
A request retried after it was sent (a timeout, a reset) may publish its events twice:
the summary counts them as retried_after_send.";

#[derive(Debug, ClapArgs)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Channels, comma-separated
    #[arg(required_unless_present = "batch", add = crate::complete::channel_completer(Kinds::All))]
    pub channels: Option<String>,

    /// Event name
    #[arg(required_unless_present = "batch", add = crate::complete::event_completer())]
    pub event: Option<String>,

    /// Data: JSON or text, @FILE, or - for stdin [default: the catalogue's example, else {}]
    pub data: Option<String>,

    /// Set a field of the JSON data (dotted paths; true, 75, null and JSON are typed)
    #[arg(long = "set", value_name = "PATH=VALUE")]
    pub sets: Vec<String>,

    /// Send DATA as plain text, even if it looks like JSON
    #[arg(long, conflicts_with = "sets")]
    pub text: bool,

    /// Exclude this connection from receiving the event
    #[arg(long, value_name = "ID")]
    pub socket_id: Option<String>,

    /// Channel attributes to return: user_count (presence), subscription_count
    #[arg(long, value_name = "ATTRS", value_delimiter = ',')]
    pub info: Vec<String>,

    /// Event catalogue (TOML), or `none` [default: profile's `catalog`, else built-in]
    #[arg(long, value_name = "PATH")]
    pub catalog: Option<String>,

    /// Send even if the payload breaks the catalogue's rules
    #[arg(long)]
    pub no_validate: bool,

    /// Send through Pusher's REST API or the app's backend
    #[arg(long, value_name = "WHERE", default_value = "pusher")]
    pub via: Via,

    /// Print the signed request instead of sending it; with --batch, check every line
    /// and send nothing
    #[arg(long, conflicts_with_all = ["curl", "repeat"])]
    pub dry_run: bool,

    /// Print a runnable curl command, already signed, instead of sending
    #[arg(long, conflicts_with_all = ["batch", "repeat"])]
    pub curl: bool,

    /// Print the result as JSON
    #[arg(long)]
    pub json: bool,

    /// Send events from JSON Lines ({"channel","name","data","socket_id"}), 10 per request
    #[arg(long, value_name = "FILE|-", conflicts_with_all = ["channels", "event", "data", "sets", "repeat", "text"])]
    pub batch: Option<String>,

    /// With --batch: stop at the first bad line
    #[arg(long, requires = "batch")]
    pub fail_fast: bool,

    /// Send the event this many times
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub repeat: Option<u64>,

    /// With --repeat: events per second, e.g. 50 or 50/s [default: as fast as allowed]
    #[arg(long, value_name = "R/s", requires = "repeat", value_parser = crate::values::rate_arg)]
    pub rate: Option<f64>,

    /// Requests in flight at once, for --batch and --repeat
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u64).range(1..=64))]
    pub concurrency: u64,

    /// Times to retry a request refused with 429 or 5xx, or that got no answer
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = clap::value_parser!(u32).range(0..=10))]
    pub retries: u32,
}

/// Read the data and check the event: everything before encryption. Notes go to stderr.
async fn check_event(
    ctx: &mut Ctx,
    args: &Args,
    channels: Vec<String>,
    name: String,
) -> Result<Checked, CliError> {
    let data = publish::data(args.data.as_deref(), args.text).await?;
    let draft = Draft {
        channels,
        name,
        data,
        sets: args.sets.clone(),
        socket_id: args.socket_id.clone(),
    };
    let catalog = ctx.catalog(args.catalog.as_deref())?;
    let max_payload_kb = ctx.config()?.max_payload_kb.val as usize;
    // The key is read only when a channel needs it: a broken one stops nothing else.
    let encrypted = draft
        .channels
        .iter()
        .any(|c| ChannelKind::of(c) == ChannelKind::PrivateEncrypted);
    let key = match args.via {
        Via::Pusher if encrypted => ctx.master_key()?,
        _ => None,
    };
    let rules = Rules {
        max_payload_kb,
        catalog: catalog.as_ref().map(|(c, n)| (c, n.as_str())),
        enforce_catalog: !args.no_validate,
        encryption: match args.via {
            Via::Pusher => Encryption::Here(key.as_ref()),
            Via::Backend => Encryption::ByBackend,
        },
    };
    let checked = outgoing::check(draft, &rules, &mut System)?;
    show_notes(&ctx.ui, &checked.notes);
    Ok(checked)
}

fn split_channels(list: &str) -> Vec<String> {
    list.split(',')
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty())
        .collect()
}

/// Quote for a POSIX shell.
pub fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// A request header for `--curl` and `--dry-run`. A secret is never in `value`:
/// it is written as a shell variable (`$RTCTL_BACKEND_TOKEN`) for the shell to expand.
pub struct Header {
    pub name: &'static str,
    pub value: String,
    pub shell_expands: bool,
}

impl Header {
    fn plain(name: &'static str, value: &str) -> Self {
        Self {
            name,
            value: value.to_owned(),
            shell_expands: false,
        }
    }
}

fn curl_command(url: &str, headers: &[Header], body: &[u8]) -> String {
    let mut cmd = format!("curl -sS -X POST {}", shell_quote(url));
    for h in headers {
        if h.shell_expands {
            cmd.push_str(&format!(" -H \"{}: {}\"", h.name, h.value));
        } else {
            cmd.push_str(&format!(
                " -H {}",
                shell_quote(&format!("{}: {}", h.name, h.value))
            ));
        }
    }
    cmd.push_str(&format!(
        " --data-binary {}",
        shell_quote(&String::from_utf8_lossy(body))
    ));
    cmd
}

fn dry_run_text(url: &str, headers: &[Header], body: &[u8]) -> String {
    let mut out = format!("POST {url}\n");
    for h in headers {
        out.push_str(&format!("{}: {}\n", h.name, h.value));
    }
    out.push('\n');
    out.push_str(&String::from_utf8_lossy(body));
    out
}

pub async fn run(ctx: &mut Ctx, args: Args) -> Result<(), CliError> {
    ctx.stdin_is_free(
        "data",
        args.data.as_deref() == Some("-") || args.batch.as_deref() == Some("-"),
    )?;
    if args.via == Via::Backend && (args.batch.is_some() || args.repeat.is_some()) {
        return Err(CliError::usage(
            "--batch and --repeat publish through Pusher's REST API, not --via backend",
        )
        .hint("send one event at a time through the backend, or drop --via backend"));
    }
    // Batches and repeats stop at Ctrl-C or SIGTERM themselves, to account for every event.
    if let Some(batch) = &args.batch {
        return bulk::run_batch(ctx, &args, batch).await;
    }
    let (Some(channels), Some(name)) = (&args.channels, &args.event) else {
        return Err(CliError::usage("give CHANNELS and EVENT, or --batch FILE"));
    };
    let channels = split_channels(channels);
    if channels.is_empty() {
        return Err(
            CliError::usage("no channel given").hint("name one or more channels, comma-separated")
        );
    }
    let checked = interruptible(check_event(ctx, &args, channels, name.clone())).await?;
    if let Some(times) = args.repeat {
        return bulk::run_repeat(ctx, &args, checked, times).await;
    }
    interruptible(send_one(ctx, &args, &checked)).await
}

/// Seal the event and send it, or show the request (`--curl`, `--dry-run`).
async fn send_one(ctx: &mut Ctx, args: &Args, checked: &Checked) -> Result<(), CliError> {
    let ready = checked.seal(&mut System)?;
    if args.via == Via::Backend {
        return backend::run(ctx, args, &ready).await;
    }
    let client = ctx.rest().await?;
    let signed: SignedRequest = client.sign(outgoing::trigger_request(
        client.app_id(),
        &ready,
        &args.info,
    ))?;
    let body = signed.body.clone().unwrap_or_default();
    let headers = [Header::plain("Content-Type", "application/json")];
    if args.curl {
        return Ok(ctx
            .ui
            .out(&curl_command(&client.url(&signed), &headers, &body))?);
    }
    if args.dry_run {
        ctx.ui.status("dry run: nothing was sent");
        return Ok(ctx
            .ui
            .out(&dry_run_text(&client.url(&signed), &headers, &body))?);
    }
    let reply = client.exchange(&signed).await?;
    report(ctx, args, ready.event(), &reply)?;
    if reply.is_success() {
        Ok(())
    } else {
        Err(client.reply_error(&signed, &reply))
    }
}

/// What was sent and what the server said, on stdout.
fn report(ctx: &Ctx, args: &Args, e: &Event, reply: &Reply) -> Result<(), CliError> {
    let answer_text = String::from_utf8_lossy(&reply.body).into_owned();
    let answer: Value =
        serde_json::from_str(&answer_text).unwrap_or(Value::String(answer_text.clone()));
    if args.json {
        let out = json!({
            "sent": { "channels": e.channels, "name": e.name, "data": e.data, "socket_id": e.socket_id },
            "accepted": reply.is_success(),
            "status": reply.status,
            "answer": answer,
        });
        return Ok(ctx.ui.out(&json_text(&out))?);
    }
    if !reply.is_success() {
        return Ok(());
    }
    let mut lines = vec![
        format!("channels  {}", e.channels.join(",")),
        format!("event     {}", e.name),
        format!("data      {}", sanitize(&e.data, false)),
        format!("status    {} accepted", reply.status),
        format!("answer    {}", one_line(&answer_text, 300)),
    ];
    if let Some(channels) = answer.get("channels").and_then(Value::as_object) {
        for (name, attrs) in channels {
            // The attributes asked for (servers may add their own, e.g. an acknowledgement id).
            let attrs: Vec<String> = args
                .info
                .iter()
                .filter_map(|k| attrs.get(k).map(|v| format!("{k}={v}")))
                .collect();
            lines.push(format!(
                "info      {}  {}",
                sanitize(name, false),
                sanitize(&attrs.join(" "), false)
            ));
        }
    }
    Ok(ctx.ui.out(&lines.join("\n"))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_quoting() {
        assert_eq!(shell_quote("a b"), "'a b'");
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
    }

    #[test]
    fn curl_never_holds_a_secret_it_was_given_as_a_variable() {
        let cmd = curl_command(
            "http://h/x?a=1",
            &[Header {
                name: "Authorization",
                value: "Bearer $RTCTL_BACKEND_TOKEN".to_owned(),
                shell_expands: true,
            }],
            b"{\"a\":\"it's\"}",
        );
        assert_eq!(
            cmd,
            r#"curl -sS -X POST 'http://h/x?a=1' -H "Authorization: Bearer $RTCTL_BACKEND_TOKEN" --data-binary '{"a":"it'\''s"}'"#
        );
    }

    #[test]
    fn channel_lists() {
        assert_eq!(split_channels("a, b,,c"), ["a", "b", "c"]);
        assert!(split_channels(",").is_empty());
    }
}
