//! `rtctl trigger`: publish one event, a batch file, or one event many times.

mod backend;
mod bulk;

use std::path::{Path, PathBuf};

use clap::Args as ClapArgs;
use serde_json::{Value, json};

use super::Ctx;
use crate::catalog::{self, Catalog, Fill};
use crate::config::Source;
use crate::error::{CliError, Kind};
use crate::net::http::{Reply, unix_now};
use crate::payload::{self, DataArg, Origin, Payload};
use crate::pusher::event::{self, Event};
use crate::pusher::names::ChannelKind;
use crate::pusher::rest::{self, SignedRequest};
use crate::ui::json_text;
use crate::ui::sanitize::{one_line, sanitize};

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
  rtctl trigger load-test tick '{\"n\":1}' --repeat 1000 --rate 50       soak: 1000 events at 50/s";

/// Where events go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Via {
    /// Pusher's REST API, signed with the app secret
    #[default]
    Pusher,
    /// The app's own POST {backend_url}/realtime/trigger, with its bearer token
    Backend,
}

#[derive(Debug, ClapArgs)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Channels, comma-separated
    #[arg(required_unless_present = "batch", add = channel_completer())]
    pub channels: Option<String>,

    /// Event name
    #[arg(required_unless_present = "batch", add = event_completer())]
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

    /// Print the signed request instead of sending it
    #[arg(long, conflicts_with_all = ["curl", "batch", "repeat"])]
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
    #[arg(long, value_name = "R/s", requires = "repeat", value_parser = parse_rate)]
    pub rate: Option<f64>,

    /// Requests in flight at once, for --batch and --repeat
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u64).range(1..=64))]
    pub concurrency: u64,

    /// Times to retry a request refused with 429 or 5xx, or that got no answer
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = clap::value_parser!(u32).range(0..=10))]
    pub retries: u32,
}

fn parse_rate(s: &str) -> Result<f64, String> {
    let n = s.strip_suffix("/s").unwrap_or(s);
    match n.trim().parse::<f64>() {
        Ok(r) if r.is_finite() && r > 0.0 => Ok(r),
        _ => Err(format!("`{s}` is not a rate such as 50 or 50/s")),
    }
}

/// The catalogue for completion: the default profile's, else the built-in one.
/// Quiet: a broken config or catalogue just means fewer candidates.
fn completion_catalog() -> Option<Catalog> {
    let config = crate::config::load::load(Default::default(), &Default::default()).ok();
    match config.and_then(|c| c.catalog) {
        Some(v) if v.val == "none" => None,
        Some(v) => {
            let path = match &v.source {
                Source::File { path, .. } if Path::new(&v.val).is_relative() => path
                    .parent()
                    .map_or_else(|| PathBuf::from(&v.val), |d| d.join(&v.val)),
                _ => PathBuf::from(&v.val),
            };
            Catalog::parse(&std::fs::read_to_string(path).ok()?).ok()
        }
        None => Catalog::parse(catalog::BUILTIN).ok(),
    }
}

fn channel_completer() -> clap_complete::ArgValueCandidates {
    clap_complete::ArgValueCandidates::new(|| {
        completion_catalog()
            .iter()
            .flat_map(|c| &c.channels)
            .map(|c| {
                clap_complete::CompletionCandidate::new(catalog::pattern_prefix(&c.name))
                    .help(c.description.clone().map(Into::into))
            })
            .collect()
    })
}

fn event_completer() -> clap_complete::ArgValueCandidates {
    clap_complete::ArgValueCandidates::new(|| {
        let mut names: Vec<String> = completion_catalog()
            .iter()
            .flat_map(|c| &c.channels)
            .flat_map(|c| c.events.iter().map(|e| e.name.clone()))
            .collect();
        names.sort();
        names.dedup();
        names
            .into_iter()
            .map(clap_complete::CompletionCandidate::new)
            .collect()
    })
}

/// The catalogue in use: `--catalog`, the profile's `catalog`, or the built-in one.
/// `none` turns it off. A relative path in a config file is relative to that file.
pub fn load_catalog(
    ctx: &mut Ctx,
    flag: Option<&str>,
) -> Result<Option<(Catalog, String)>, CliError> {
    let (spec, base): (String, Option<PathBuf>) = match flag {
        Some(f) => (f.to_owned(), None),
        None => match ctx.config()?.catalog.clone() {
            Some(v) => {
                let base = match &v.source {
                    Source::File { path, .. } => path.parent().map(Path::to_path_buf),
                    _ => None,
                };
                (v.val, base)
            }
            None => {
                return Ok(Some((
                    parse_catalog(catalog::BUILTIN, catalog::BUILTIN_NAME)?,
                    catalog::BUILTIN_NAME.to_owned(),
                )));
            }
        },
    };
    if spec == "none" {
        return Ok(None);
    }
    let path = match base {
        Some(dir) if Path::new(&spec).is_relative() => dir.join(&spec),
        _ => PathBuf::from(&spec),
    };
    let text = std::fs::read_to_string(&path).map_err(|e| {
        CliError::new(
            Kind::Config,
            format!("cannot read the catalogue {}: {e}", path.display()),
        )
        .hint("set `catalog` in the profile or --catalog to a TOML catalogue, or `none`")
    })?;
    let name = path.display().to_string();
    Ok(Some((parse_catalog(&text, &name)?, name)))
}

fn parse_catalog(text: &str, name: &str) -> Result<Catalog, CliError> {
    Catalog::parse(text).map_err(|e| {
        CliError::new(
            Kind::Config,
            format!("the catalogue {name} is invalid: {e}"),
        )
        .hint("see catalogs/toolboxai.toml for the format")
    })
}

/// Read the data argument's text (stdin without blocking, so Ctrl-C still works).
pub async fn read_data(arg: &DataArg) -> Result<String, CliError> {
    match arg {
        DataArg::Inline(text) => Ok(text.clone()),
        DataArg::File(path) => tokio::fs::read_to_string(path)
            .await
            .map(|t| t.trim_end_matches(['\n', '\r']).to_owned())
            .map_err(|e| {
                CliError::usage(format!("cannot read data file {path}: {e}"))
                    .hint("write @path/to/file.json, or give the data inline")
            }),
        DataArg::Stdin => {
            let mut text = String::new();
            tokio::io::AsyncReadExt::read_to_string(&mut tokio::io::stdin(), &mut text)
                .await
                .map_err(|e| CliError::usage(format!("cannot read data from stdin: {e}")))?;
            Ok(text.trim_end_matches(['\n', '\r']).to_owned())
        }
    }
}

pub fn event_error(e: event::EventError) -> CliError {
    let hint = e.hint();
    CliError::usage(e.to_string()).hint(hint)
}

pub fn payload_error(e: payload::PayloadError) -> CliError {
    let hint = e.hint();
    CliError::usage(e.to_string()).hint(hint)
}

/// An event ready to go, and how its data was made.
pub struct Prepared {
    pub event: Event,
    pub payload: Payload,
}

/// Build the event: data from the argument, `--set` and the catalogue; checked
/// against the catalogue and the protocol's limits; encrypted for an encrypted channel.
async fn prepare(
    ctx: &mut Ctx,
    args: &Args,
    channels: Vec<String>,
    name: String,
) -> Result<Prepared, CliError> {
    let max_kb = ctx.config()?.max_payload_kb.val as usize;
    let mut event = Event {
        name,
        data: String::new(),
        channels,
        socket_id: args.socket_id.clone(),
    };
    // Names first: a bad channel or event name is reported before anything else.
    event::validate(&event, max_kb).map_err(event_error)?;
    let (channels, name) = (event.channels.clone(), event.name.clone());
    let catalog = load_catalog(ctx, args.catalog.as_deref())?;
    let first_spec = catalog.as_ref().and_then(|(c, _)| {
        c.channel(&channels[0])
            .and_then(|(ch, vars)| ch.event(&name).map(|e| (e.clone(), vars)))
    });
    let given = match &args.data {
        Some(arg) => Some(
            payload::from_text(read_data(&DataArg::parse(arg)).await?, args.text)
                .map_err(payload_error)?,
        ),
        None => None,
    };
    let base = match (given, &first_spec) {
        (Some(p), _) => p,
        (None, Some((spec, vars))) => {
            let fill = Fill {
                now_unix: unix_now(),
                random: random_id(),
                vars: vars.clone(),
            };
            let v = spec
                .example_payload(&fill)
                .map_err(|e| CliError::new(Kind::Config, e))?;
            payload::from_value(v, Origin::Catalogue)
        }
        (None, None) => payload::from_value(json!({}), Origin::Empty),
    };
    let payload = if args.sets.is_empty() {
        base
    } else {
        let json = base.json.clone().ok_or_else(|| {
            CliError::usage("--set needs JSON object data to edit, but the data is plain text")
                .hint("give object data, or none to start from the catalogue's example")
        })?;
        let origin = base.origin;
        payload::from_value(
            payload::apply_sets(json, &args.sets).map_err(payload_error)?,
            origin,
        )
    };
    match (&payload.origin, &first_spec) {
        (Origin::Catalogue, _) => ctx
            .ui
            .status(&format!("data: the catalogue's example for `{name}`")),
        (Origin::Empty, _) => ctx.ui.status(&format!(
            "data: {{}} (`{name}` has no example in the catalogue)"
        )),
        (Origin::Given, _) => {}
    }
    if let Some((catalog, catalog_name)) = &catalog {
        check_against_catalog(
            ctx,
            catalog,
            catalog_name,
            &channels,
            &name,
            &payload,
            args.no_validate,
        )?;
    }
    event.data = payload.data.clone();
    if args.via == Via::Pusher
        && event.channels.len() == 1
        && ChannelKind::of(&event.channels[0]) == ChannelKind::PrivateEncrypted
    {
        let key = ctx.master_key()?.ok_or_else(|| {
            CliError::new(Kind::Config, format!("`{}` is an encrypted channel and no encryption master key is configured", event.channels[0]))
                .hint("set `encryption_master_key` in the profile or RTCTL_ENCRYPTION_MASTER_KEY (32 bytes, base64)")
        })?;
        let mut nonce = [0u8; 24];
        getrandom::fill(&mut nonce).map_err(|e| {
            CliError::new(Kind::Failure, format!("no randomness for the nonce: {e}"))
        })?;
        event.data = key.encrypt(&event.channels[0], &nonce, event.data.as_bytes());
    }
    event::validate(&event, max_kb).map_err(event_error)?;
    Ok(Prepared { event, payload })
}

fn random_id() -> String {
    let mut bytes = [0u8; 6];
    let _ = getrandom::fill(&mut bytes);
    hex::encode(bytes)
}

/// Refuse a payload that breaks the catalogue's rules; warn about an event it does not know.
fn check_against_catalog(
    ctx: &Ctx,
    catalog: &Catalog,
    catalog_name: &str,
    channels: &[String],
    name: &str,
    payload: &Payload,
    no_validate: bool,
) -> Result<(), CliError> {
    for channel in channels {
        let Some(spec) = catalog.channel(channel).and_then(|(ch, _)| ch.event(name)) else {
            ctx.ui.warn(&format!(
                "`{name}` on `{channel}` is not in the {catalog_name}; sent without checks"
            ));
            continue;
        };
        let violations = match &payload.json {
            Some(v) => spec.check(v),
            None => spec.check(&Value::String(payload.data.clone())),
        };
        if violations.is_empty() {
            continue;
        }
        if no_validate {
            for v in &violations {
                ctx.ui
                    .warn(&format!("{} (sent anyway: --no-validate)", v.problem));
            }
            continue;
        }
        let list: Vec<&str> = violations.iter().map(|v| v.problem.as_str()).collect();
        return Err(CliError::usage(format!(
            "the data for `{name}` on `{channel}` breaks the catalogue: {}",
            list.join("; ")
        ))
        .hint(format!("fix the data (see `rtctl catalog show {channel} {name}`), or pass --no-validate to send it anyway")));
    }
    Ok(())
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
    if ctx.global.secret_stdin
        && (args.data.as_deref() == Some("-") || args.batch.as_deref() == Some("-"))
    {
        return Err(
            CliError::usage("--secret-stdin and data from stdin cannot share stdin")
                .hint("give the data with @FILE, or the secret with secret_env / secret_command"),
        );
    }
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
    let prepared = prepare(ctx, &args, channels, name.clone()).await?;
    if args.via == Via::Backend {
        return backend::run(ctx, &args, &prepared).await;
    }
    if let Some(times) = args.repeat {
        return bulk::run_repeat(ctx, &args, &prepared.event, times).await;
    }
    let client = ctx.rest().await?;
    let signed: SignedRequest =
        client.sign(rest::trigger(client.app_id(), &prepared.event, &args.info))?;
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
    report(ctx, &args, &prepared, &reply)?;
    if reply.is_success() {
        Ok(())
    } else {
        Err(client.reply_error(&signed, &reply))
    }
}

/// What was sent and what the server said, on stdout.
fn report(ctx: &Ctx, args: &Args, prepared: &Prepared, reply: &Reply) -> Result<(), CliError> {
    let answer_text = String::from_utf8_lossy(&reply.body).into_owned();
    let answer: Value =
        serde_json::from_str(&answer_text).unwrap_or(Value::String(answer_text.clone()));
    let e = &prepared.event;
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
    fn rates() {
        assert_eq!(parse_rate("50"), Ok(50.0));
        assert_eq!(parse_rate("2.5/s"), Ok(2.5));
        assert!(parse_rate("0").is_err());
        assert!(parse_rate("fast").is_err());
    }

    #[test]
    fn channel_lists() {
        assert_eq!(split_channels("a, b,,c"), ["a", "b", "c"]);
        assert!(split_channels(",").is_empty());
    }
}
