//! `rtctl users`: act on signed-in users.

use clap::{Args, Subcommand};
use serde_json::json;

use super::Ctx;
use super::trigger::{event_error, payload_error, read_data};
use crate::error::CliError;
use crate::payload::{self, DataArg};
use crate::pusher::event::{self, Event, USER_CHANNEL_PREFIX};
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
            event::validate_user_id(&args.user_id).map_err(event_error)?;
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
    event::validate_user_id(&args.user_id).map_err(event_error)?;
    let mut data = match &args.data {
        Some(arg) => {
            let text = read_data(&DataArg::parse(arg)).await?;
            payload::from_text(text, args.text).map_err(payload_error)?
        }
        None => payload::from_value(json!({}), payload::Origin::Empty),
    };
    if !args.sets.is_empty() {
        let base = data.json.clone().ok_or_else(|| {
            CliError::usage("--set needs JSON object data to edit, but the data is plain text")
        })?;
        data = payload::from_value(
            payload::apply_sets(base, &args.sets).map_err(payload_error)?,
            payload::Origin::Given,
        );
    }
    let ev = Event {
        name: args.event.clone(),
        data: data.data,
        channels: vec![format!("{USER_CHANNEL_PREFIX}{}", args.user_id)],
        socket_id: None,
    };
    let max_kb = ctx.config()?.max_payload_kb.val as usize;
    event::validate(&ev, max_kb).map_err(event_error)?;
    let client = ctx.rest().await?;
    let reply = client
        .send(rest::trigger(client.app_id(), &ev, &[]))
        .await?;
    if args.json {
        let v = json!({ "user_id": args.user_id, "name": ev.name, "data": ev.data, "status": reply.status });
        return Ok(ctx.ui.out(&json_text(&v))?);
    }
    Ok(ctx
        .ui
        .out(&format!("sent `{}` to user `{}`", ev.name, args.user_id))?)
}
