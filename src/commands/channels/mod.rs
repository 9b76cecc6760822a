//! `rtctl channels`: the REST API's channel queries, and `watch`, which repeats them.

mod watch;

use clap::{Args, Subcommand};

use super::{Ctx, interruptible};
use crate::complete::{Kinds, channel_completer};
use crate::error::CliError;
use crate::pusher::names::{self, ChannelKind};
use crate::pusher::rest::{self, ChannelInfo, ChannelList, UserList};
use crate::text::sanitize;
use crate::ui::{json_text, table};

const LIST_EXAMPLES: &str = "\
Examples:
  rtctl channels list
  rtctl channels list --prefix presence-classroom- --info user_count
  rtctl channels list --json | jq -r '.channels | keys[]'";

const SHOW_EXAMPLES: &str = "\
Examples:
  rtctl channels show dashboard-updates --info subscription_count
  rtctl channels show presence-classroom-101 --info user_count --json";

const USERS_EXAMPLES: &str = "\
Examples:
  rtctl channels users presence-classroom-101
  rtctl channels users presence-classroom-101 --json | jq -r '.users[].id'";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List occupied channels
    #[command(after_help = LIST_EXAMPLES)]
    List(ListArgs),
    /// Show one channel's state
    #[command(after_help = SHOW_EXAMPLES)]
    Show(ShowArgs),
    /// List the members of a presence channel
    #[command(after_help = USERS_EXAMPLES)]
    Users(UsersArgs),
    /// Watch the occupied channels live: counts, and members joining and leaving
    #[command(after_help = watch::EXAMPLES, after_long_help = format!("{}\n\n{}", watch::EXAMPLES, watch::MORE))]
    Watch(watch::Args),
}

/// Attributes to ask for: `user_count` (presence channels), `subscription_count`.
#[derive(Debug, Args)]
pub struct InfoArgs {
    /// Attributes to include, comma-separated: user_count (presence), subscription_count
    #[arg(long, value_name = "ATTRS", value_delimiter = ',')]
    pub info: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only channels whose names start with this, e.g. presence-
    #[arg(long, value_name = "PREFIX")]
    pub prefix: Option<String>,

    #[command(flatten)]
    pub info: InfoArgs,

    /// Print the server's JSON answer
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Channel name
    #[arg(add = channel_completer(Kinds::All))]
    pub channel: String,

    #[command(flatten)]
    pub info: InfoArgs,

    /// Print the server's JSON answer
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct UsersArgs {
    /// Presence channel name
    #[arg(add = channel_completer(Kinds::Presence))]
    pub channel: String,

    /// Print the server's JSON answer
    #[arg(long)]
    pub json: bool,
}

pub async fn run(ctx: &mut Ctx, cmd: Command) -> Result<(), CliError> {
    match cmd {
        Command::List(args) => interruptible(list(ctx, args)).await,
        Command::Show(args) => interruptible(show(ctx, args)).await,
        Command::Users(args) => interruptible(users(ctx, args)).await,
        // watch stops on a signal itself, to print the summary.
        Command::Watch(args) => watch::run(ctx, args).await,
    }
}

fn check_info(info: &[String]) -> Result<Vec<String>, CliError> {
    let attrs: Vec<String> = info
        .iter()
        .map(|a| a.trim().to_owned())
        .filter(|a| !a.is_empty())
        .collect();
    if let Some(bad) = attrs
        .iter()
        .find(|a| !a.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
    {
        return Err(CliError::usage(format!("`{bad}` is not an attribute name"))
            .hint("attributes are user_count and subscription_count"));
    }
    Ok(attrs)
}

fn count(n: Option<u64>) -> String {
    n.map_or_else(String::new, |n| n.to_string())
}

async fn list(ctx: &mut Ctx, args: ListArgs) -> Result<(), CliError> {
    let info = check_info(&args.info.info)?;
    let presence_only = args
        .prefix
        .as_deref()
        .is_some_and(|p| p.starts_with("presence-"));
    if info.iter().any(|a| a == "user_count") && !presence_only {
        return Err(CliError::usage("user_count is only for presence channels")
            .hint("add --prefix presence- (or a longer presence- prefix)"));
    }
    let client = ctx.rest().await?;
    let list: ChannelList = client
        .json(rest::list_channels(
            client.app_id(),
            args.prefix.as_deref(),
            &info,
        ))
        .await?;
    if args.json {
        let value = serde_json::to_value(&list).unwrap_or_default();
        return Ok(ctx.ui.out(&json_text(&value))?);
    }
    if list.channels.is_empty() {
        ctx.ui.status("no occupied channels");
        return Ok(());
    }
    // Columns for the attributes asked for; names only otherwise.
    let mut header = vec!["CHANNEL"];
    let users = info.iter().any(|a| a == "user_count");
    let subs = info.iter().any(|a| a == "subscription_count");
    if users {
        header.push("USERS");
    }
    if subs {
        header.push("SUBSCRIPTIONS");
    }
    let rows: Vec<Vec<String>> = list
        .channels
        .iter()
        .map(|(name, i)| {
            let mut row = vec![sanitize(name, false)];
            if users {
                row.push(count(i.user_count));
            }
            if subs {
                row.push(count(i.subscription_count));
            }
            row
        })
        .collect();
    Ok(ctx.ui.out(&table::render(&header, &rows))?)
}

async fn show(ctx: &mut Ctx, args: ShowArgs) -> Result<(), CliError> {
    let kind = names::validate_channel(&args.channel)?;
    let info = check_info(&args.info.info)?;
    if kind == ChannelKind::Presence && info.iter().any(|a| a == "subscription_count") {
        ctx.ui
            .warn("Pusher documents subscription_count for all channels except presence ones");
    }
    if kind != ChannelKind::Presence && info.iter().any(|a| a == "user_count") {
        return Err(CliError::usage("user_count is only for presence channels")
            .hint("ask for subscription_count instead"));
    }
    let client = ctx.rest().await?;
    let state: ChannelInfo = client
        .json(rest::get_channel(client.app_id(), &args.channel, &info))
        .await?;
    if args.json {
        let value = serde_json::to_value(&state).unwrap_or_default();
        return Ok(ctx.ui.out(&json_text(&value))?);
    }
    let mut lines = vec![format!("channel        {}", args.channel)];
    lines.push(format!("type           {kind}"));
    let occupied = match state.occupied {
        Some(true) => "yes",
        Some(false) => "no",
        None => "unknown",
    };
    lines.push(format!("occupied       {occupied}"));
    if let Some(n) = state.user_count {
        lines.push(format!("users          {n}"));
    }
    if let Some(n) = state.subscription_count {
        lines.push(format!("subscriptions  {n}"));
    }
    for (k, v) in &state.other {
        lines.push(format!(
            "{:<14} {}",
            sanitize(k, false),
            sanitize(&v.to_string(), false)
        ));
    }
    Ok(ctx.ui.out(&lines.join("\n"))?)
}

async fn users(ctx: &mut Ctx, args: UsersArgs) -> Result<(), CliError> {
    if names::validate_channel(&args.channel)? != ChannelKind::Presence {
        return Err(CliError::usage(format!(
            "`{}` is not a presence channel; only presence channels have members",
            args.channel
        ))
        .hint("presence channel names start with presence-"));
    }
    let client = ctx.rest().await?;
    let users: UserList = client
        .json(rest::channel_users(client.app_id(), &args.channel))
        .await?;
    if args.json {
        let value = serde_json::to_value(&users).unwrap_or_default();
        return Ok(ctx.ui.out(&json_text(&value))?);
    }
    if users.users.is_empty() {
        ctx.ui.status(&format!("no members in {}", args.channel));
        return Ok(());
    }
    let ids: Vec<String> = users
        .users
        .iter()
        .map(|u| match &u.id {
            serde_json::Value::String(s) => sanitize(s, false),
            other => sanitize(&other.to_string(), false),
        })
        .collect();
    Ok(ctx.ui.out(&ids.join("\n"))?)
}
