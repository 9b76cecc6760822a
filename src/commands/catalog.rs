//! `rtctl catalog`: the event catalogue trigger fills and checks payloads from.

use clap::{Args, Subcommand};
use serde_json::json;

use super::Ctx;
use crate::catalog::{Catalog, Fill};
use crate::error::CliError;
use crate::ui::{json_text, table};

const EXAMPLES: &str = "\
Examples:
  rtctl catalog list
  rtctl catalog show dashboard-updates
  rtctl catalog show private-user-42 personal_notification
  rtctl catalog list --catalog ./my-events.toml --json";

#[derive(Debug, Subcommand)]
#[command(after_help = EXAMPLES)]
pub enum Command {
    /// List the catalogue's channels and their events
    List(ListArgs),
    /// Show a channel's events, or one event's rules and example payload
    Show(ShowArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Event catalogue (TOML) [default: profile's `catalog`, else built-in]
    #[arg(long, value_name = "PATH")]
    pub catalog: Option<String>,

    /// Print as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// A channel name (`private-user-42`) or pattern (`private-user-{user_id}`)
    #[arg(add = crate::complete::catalogue_channel_completer())]
    pub channel: String,

    /// One event of the channel
    #[arg(add = crate::complete::event_completer())]
    pub event: Option<String>,

    /// Event catalogue (TOML) [default: profile's `catalog`, else built-in]
    #[arg(long, value_name = "PATH")]
    pub catalog: Option<String>,

    /// Print as JSON
    #[arg(long)]
    pub json: bool,
}

fn catalog(ctx: &mut Ctx, flag: Option<&str>) -> Result<(Catalog, String), CliError> {
    ctx.catalog(flag)?.ok_or_else(|| {
        CliError::usage("the catalogue is turned off (`none`)")
            .hint("pass --catalog PATH, or unset `catalog` in the profile")
    })
}

pub fn run(ctx: &mut Ctx, cmd: Command) -> Result<(), CliError> {
    match cmd {
        Command::List(args) => {
            let (catalog, name) = catalog(ctx, args.catalog.as_deref())?;
            if args.json {
                let v = json!({ "catalogue": name, "channels": catalog.channels });
                return Ok(ctx.ui.out(&json_text(&v))?);
            }
            let rows: Vec<Vec<String>> = catalog
                .channels
                .iter()
                .map(|c| {
                    let events: Vec<&str> = c.events.iter().map(|e| e.name.as_str()).collect();
                    vec![c.name.clone(), events.join(", ")]
                })
                .collect();
            ctx.ui.status(&format!("from the {name}"));
            Ok(ctx.ui.out(&table::render(&["CHANNEL", "EVENTS"], &rows))?)
        }
        Command::Show(args) => show(ctx, &args),
    }
}

fn show(ctx: &mut Ctx, args: &ShowArgs) -> Result<(), CliError> {
    let (catalog, name) = catalog(ctx, args.catalog.as_deref())?;
    let (channel, vars) = catalog
        .channel(&args.channel)
        .or_else(|| {
            catalog
                .channels
                .iter()
                .find(|c| c.name == args.channel)
                .map(|c| (c, Default::default()))
        })
        .ok_or_else(|| {
            CliError::usage(format!("`{}` is not in the {name}", args.channel))
                .hint("`rtctl catalog list` shows the channels it has")
        })?;
    let events: Vec<_> = match &args.event {
        Some(e) => vec![channel.event(e).ok_or_else(|| {
            let known: Vec<&str> = channel.events.iter().map(|e| e.name.as_str()).collect();
            CliError::usage(format!(
                "`{e}` is not an event of `{}` in the catalogue",
                channel.name
            ))
            .hint(format!("its events: {}", known.join(", ")))
        })?],
        None => channel.events.iter().collect(),
    };
    let fill = Fill {
        now_unix: crate::time::now_unix(),
        random: "0f1e2d3c4b5a".into(),
        vars,
    };
    if args.json {
        let items: Vec<_> = events
            .iter()
            .map(|e| json!({ "event": e, "example_payload": e.example_payload(&fill).ok() }))
            .collect();
        let v =
            json!({ "channel": channel.name, "description": channel.description, "events": items });
        return Ok(ctx.ui.out(&json_text(&v))?);
    }
    let mut out = channel.name.clone();
    if let Some(d) = &channel.description {
        out.push_str(&format!("  ({d})"));
    }
    out.push('\n');
    for e in events {
        out.push_str(&format!("\n  {}", e.name));
        if let Some(d) = &e.description {
            out.push_str(&format!(": {d}"));
        }
        out.push('\n');
        if !e.required.is_empty() {
            out.push_str(&format!("    required  {}\n", e.required.join(", ")));
        }
        for (path, values) in &e.allowed {
            let list: Vec<String> = values
                .iter()
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
                .collect();
            out.push_str(&format!("    {path:<9} one of {}\n", list.join(", ")));
        }
        for (path, types) in &e.types {
            out.push_str(&format!("    {path:<9} {}\n", types.join(" or ")));
        }
        if let Ok(example) = e.example_payload(&fill) {
            out.push_str(&format!("    example   {example}\n"));
        }
    }
    // A catalogue is a file, maybe from the repository being worked on.
    Ok(ctx.ui.out(&crate::text::sanitize(&out, true))?)
}
