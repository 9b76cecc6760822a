//! `rtctl users`: act on signed-in users.

use clap::{Args, Subcommand};
use serde_json::json;

use super::Ctx;
use super::publish::{self, show_notes};
use crate::error::CliError;
use crate::outgoing::{self, Draft, Encryption, Rules, System};
use crate::pusher::event::{self, USER_CHANNEL_PREFIX};
use crate::pusher::rest;
use crate::ui::json_text;

const EXAMPLES: &str = "\
Examples:
  rtctl users send 42 personal_notification '{\"title\":\"Hi\",\"message\":\"Welcome\"}'
  rtctl users terminate 42";

#[derive(Debug, Subcommand)]
#[command(after_help = EXAMPLES)]
pub enum Command {
    /// Send an event to one signed-in user (the #server-to-user-ID channel)
    Send(SendArgs),
    /// Close every connection of a signed-in user
    Terminate(TerminateArgs),
}

#[derive(Debug, Args)]
pub struct SendArgs {
    /// The user's id, as in their sign-in data
    pub user_id: String,
    /// Event name
    pub event: String,
    /// Data: JSON or text, @FILE, or - for stdin [default: {}]
    pub data: Option<String>,
    /// Set a field of the JSON data (dotted paths)
    #[arg(long = "set", value_name = "PATH=VALUE")]
    pub sets: Vec<String>,
    /// Send DATA as plain text, even if it looks like JSON
    #[arg(long, conflicts_with = "sets")]
    pub text: bool,
    /// Print the result as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct TerminateArgs {
    /// The user's id
    pub user_id: String,
    /// Print the result as JSON
    #[arg(long)]
    pub json: bool,
}

pub async fn run(ctx: &mut Ctx, cmd: Command) -> Result<(), CliError> {
    match cmd {
        Command::Send(args) => send(ctx, args).await,
        Command::Terminate(args) => {
            event::validate_user_id(&args.user_id)?;
            let client = ctx.rest().await?;
            let reply = client
                .send(rest::terminate_user_connections(
                    client.app_id(),
                    &args.user_id,
                ))
                .await?;
            if args.json {
                let v =
                    json!({ "user_id": args.user_id, "terminated": true, "status": reply.status });
                return Ok(ctx.ui.out(&json_text(&v))?);
            }
            Ok(ctx.ui.out(&format!(
                "terminated the connections of user `{}`",
                args.user_id
            ))?)
        }
    }
}

async fn send(ctx: &mut Ctx, args: SendArgs) -> Result<(), CliError> {
    event::validate_user_id(&args.user_id)?;
    ctx.stdin_is_free("data", args.data.as_deref() == Some("-"))?;
    let data = publish::data(args.data.as_deref(), args.text).await?;
    let draft = Draft {
        channels: vec![format!("{USER_CHANNEL_PREFIX}{}", args.user_id)],
        name: args.event.clone(),
        data,
        sets: args.sets.clone(),
        socket_id: None,
    };
    // A user's channel has no catalogue entry and is never encrypted: the limits apply.
    let rules = Rules {
        max_payload_kb: ctx.config()?.max_payload_kb.val as usize,
        catalog: None,
        enforce_catalog: true,
        encryption: Encryption::Here(None),
    };
    let checked = outgoing::check(draft, &rules, &mut System)?;
    show_notes(&ctx.ui, &checked.notes);
    let ready = checked.seal(&mut System)?;
    let client = ctx.rest().await?;
    let reply = client
        .send(outgoing::trigger_request(client.app_id(), &ready, &[]))
        .await?;
    let ev = ready.event();
    if args.json {
        let v = json!({ "user_id": args.user_id, "name": ev.name, "data": ev.data, "status": reply.status });
        return Ok(ctx.ui.out(&json_text(&v))?);
    }
    Ok(ctx
        .ui
        .out(&format!("sent `{}` to user `{}`", ev.name, args.user_id))?)
}
