//! `rtctl auth`: sign and check channel authorization and user authentication.

use clap::{Args, Subcommand};
use serde_json::{Value, json};

use super::Ctx;
use crate::complete::{Kinds, channel_completer};
use crate::error::{CliError, Kind};
use crate::pusher::names::{self, ChannelKind};
use crate::pusher::sign::{self, AuthParts, HmacPart, KeyPart};
use crate::text::sanitize;
use crate::ui::json_text;

const SIGN_EXAMPLES: &str = "\
Examples:
  rtctl auth sign private-user-42 --socket-id 123.456
  rtctl auth sign presence-classroom-101 --socket-id 123.456 --user-id 42 --user-info '{\"name\":\"Ada\"}'
  rtctl auth sign presence-classroom-101 --socket-id 123.456 --channel-data '{\"user_id\":\"42\"}'
  rtctl auth sign private-encrypted-grades --socket-id 123.456   # needs encryption_master_key";

const USER_EXAMPLES: &str = "\
Examples:
  rtctl auth user --socket-id 123.456 --user-data '{\"id\":\"42\",\"user_info\":{\"name\":\"Ada\"}}'";

const VERIFY_EXAMPLES: &str = "\
Examples:
  rtctl auth verify private-user-42 --socket-id 123.456 --auth 'app-key:58df8b…'
  rtctl auth verify presence-classroom-101 --socket-id 123.456 --auth \"$AUTH\" --channel-data \"$DATA\" --json

It shows the string to sign (socket_id:channel_name[:channel_data]) and which part
differs: the key part, the signature's form, or the HMAC (and whether the channel data
was left out or rewritten after signing). It never prints the valid value, so its output
is safe in CI logs; `rtctl auth sign` makes one. Exit code 5 when the value is not valid.";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Sign a channel subscription; prints exactly what an auth endpoint returns
    #[command(after_help = SIGN_EXAMPLES)]
    Sign(SignArgs),
    /// Sign a user sign-in (pusher:signin); prints what a user-auth endpoint returns
    #[command(after_help = USER_EXAMPLES)]
    User(UserArgs),
    /// Check a `key:signature` auth value and show what should have been signed
    #[command(after_help = VERIFY_EXAMPLES)]
    Verify(VerifyArgs),
}

/// Presence member data, either built from an id and info or given whole.
#[derive(Debug, Args)]
pub struct MemberArgs {
    /// Presence member id (builds channel data {"user_id":ID,"user_info":INFO})
    #[arg(long, value_name = "ID", conflicts_with = "channel_data")]
    pub user_id: Option<String>,

    /// Presence member info, a JSON object (with --user-id)
    #[arg(long, value_name = "JSON", requires = "user_id")]
    pub user_info: Option<String>,

    /// Channel data exactly as signed, a JSON string with a `user_id` for presence channels
    #[arg(long, value_name = "JSON")]
    pub channel_data: Option<String>,
}

#[derive(Debug, Args)]
pub struct SignArgs {
    /// Channel to authorize: private-, presence- or private-encrypted-
    #[arg(add = channel_completer(Kinds::Authorized))]
    pub channel: String,

    /// The connection's socket id, from its pusher:connection_established event
    #[arg(long, value_name = "ID")]
    pub socket_id: String,

    #[command(flatten)]
    pub member: MemberArgs,
}

#[derive(Debug, Args)]
pub struct UserArgs {
    /// The connection's socket id
    #[arg(long, value_name = "ID")]
    pub socket_id: String,

    /// User data exactly as signed: a JSON object with a non-empty string `id`
    #[arg(long, value_name = "JSON")]
    pub user_data: String,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Channel the auth value was made for
    #[arg(add = channel_completer(Kinds::Authorized))]
    pub channel: String,

    /// The connection's socket id
    #[arg(long, value_name = "ID")]
    pub socket_id: String,

    /// The auth value to check, `key:signature`
    #[arg(long, value_name = "KEY:SIG")]
    pub auth: String,

    #[command(flatten)]
    pub member: MemberArgs,

    /// Print the verdict as JSON
    #[arg(long)]
    pub json: bool,
}

pub async fn run(ctx: &mut Ctx, cmd: Command) -> Result<(), CliError> {
    match cmd {
        Command::Sign(args) => sign_channel(ctx, &args).await,
        Command::User(args) => sign_user(ctx, &args).await,
        Command::Verify(args) => verify(ctx, &args).await,
    }
}

/// Refuse public channels and bad names before anything else.
fn channel_needing_auth(channel: &str) -> Result<ChannelKind, CliError> {
    let kind = names::validate_channel(channel)?;
    if !kind.needs_auth() {
        return Err(CliError::usage(format!(
            "`{channel}` is a public channel: subscribing to it needs no auth"
        ))
        .hint("private-, presence- and private-encrypted- channels are the ones that need auth"));
    }
    Ok(kind)
}

/// The channel data to sign: given verbatim, or built from --user-id/--user-info.
fn channel_data(
    ctx: &Ctx,
    kind: ChannelKind,
    member: &MemberArgs,
) -> Result<Option<String>, CliError> {
    if let Some(id) = &member.user_id {
        if kind != ChannelKind::Presence {
            return Err(CliError::usage("--user-id is for presence channels only")
                .hint("private channels sign only the socket id and channel name"));
        }
        let info = member
            .user_info
            .as_deref()
            .map(crate::values::user_info)
            .transpose()?;
        return Ok(Some(sign::member_data(id, info)));
    }
    if let Some(data) = &member.channel_data {
        serde_json::from_str::<Value>(data).map_err(|e| {
            CliError::usage(format!("--channel-data is not valid JSON: {e}"))
                .hint("channel data looks like '{\"user_id\":\"12345\",\"user_info\":{\"name\":\"Ada\"}}'")
        })?;
        if kind != ChannelKind::Presence {
            ctx.ui
                .warn("channel data is used only by presence channels; it is signed as given");
        }
        return Ok(Some(data.clone()));
    }
    Ok(None)
}

async fn sign_channel(ctx: &mut Ctx, args: &SignArgs) -> Result<(), CliError> {
    let kind = channel_needing_auth(&args.channel)?;
    names::validate_socket_id(&args.socket_id)?;
    let data = channel_data(ctx, kind, &args.member)?;
    let master = if kind == ChannelKind::PrivateEncrypted {
        ctx.master_key()?
    } else {
        None
    };
    let (key, secret) = ctx.key_and_secret().await?;
    let reply = sign::authorize_channel(
        &key,
        secret.expose(),
        &args.socket_id,
        &args.channel,
        data.as_deref(),
        master.as_ref(),
    )?;
    Ok(ctx.ui.out(&sign::to_endpoint_json(&reply))?)
}

async fn sign_user(ctx: &mut Ctx, args: &UserArgs) -> Result<(), CliError> {
    names::validate_socket_id(&args.socket_id)?;
    sign::user_data_id(&args.user_data)?;
    let (key, secret) = ctx.key_and_secret().await?;
    let reply = sign::authenticate_user(&key, secret.expose(), &args.socket_id, &args.user_data)?;
    Ok(ctx.ui.out(&sign::to_endpoint_json(&reply))?)
}

async fn verify(ctx: &mut Ctx, args: &VerifyArgs) -> Result<(), CliError> {
    let kind = channel_needing_auth(&args.channel)?;
    names::validate_socket_id(&args.socket_id)?;
    let data = channel_data(ctx, kind, &args.member)?;
    if kind == ChannelKind::Presence {
        let data = data.as_deref().ok_or_else(|| {
            CliError::usage(format!(
                "presence channel `{}` signs its channel data too",
                args.channel
            ))
            .hint("pass the channel_data the endpoint returned with --channel-data")
        })?;
        sign::presence_user_id(data)?;
    }
    let (key, secret) = ctx.key_and_secret().await?;
    let to_sign = sign::channel_string_to_sign(&args.socket_id, &args.channel, data.as_deref());
    let parts = sign::check_channel_auth(
        &key,
        secret.expose(),
        &args.socket_id,
        &args.channel,
        data.as_deref(),
        &args.auth,
    );
    let valid = parts.is_valid();
    let reason = parts.reason();
    let detail = parts.explain(&key);
    let form = if data.is_some() {
        "socket_id:channel_name:channel_data"
    } else {
        "socket_id:channel_name"
    };
    let (key_part, form_part, hmac_part) = part_words(&parts);
    let report = if args.json {
        json_text(&json!({
            "valid": valid,
            "reason": reason,
            "detail": detail,
            "string_to_sign": to_sign,
            "parts": { "key": key_part, "signature_form": form_part, "hmac": hmac_part },
        }))
    } else {
        let verdict = if valid {
            ctx.ui.paint("valid", |s| colored::Colorize::green(s))
        } else {
            ctx.ui.paint("invalid", |s| colored::Colorize::red(s))
        };
        let key_line = match &parts.key {
            KeyPart::Matches => "ok (this app's key)".to_owned(),
            KeyPart::Differs(given) => format!(
                "differs: `{}`, but this app's key is `{key}`",
                sanitize(given, false)
            ),
            KeyPart::Missing => "missing: no `key:` before the signature".to_owned(),
        };
        let form_line = if parts.well_formed {
            "ok (64 hex digits)".to_owned()
        } else {
            let sig = args
                .auth
                .split_once(':')
                .map_or(args.auth.as_str(), |(_, s)| s);
            format!(
                "differs: {} characters, not 64 hex digits",
                sig.chars().count()
            )
        };
        let hmac_line = match parts.hmac {
            Some(HmacPart::Matches) => "ok (made with this app's secret over the string above)",
            Some(HmacPart::WithoutChannelData) => {
                "differs: it covers the string without `:channel_data`"
            }
            Some(HmacPart::ChannelDataReformatted) => {
                "differs: it covers the same channel data written differently"
            }
            Some(HmacPart::Differs) => "differs",
            None => "not checked (the signature is not 64 hex digits)",
        };
        format!(
            "{verdict}: {detail}\n  string to sign:  {}  ({form})\n  key part:        {key_line}\n  signature form:  {form_line}\n  HMAC:            {hmac_line}",
            sanitize(&to_sign, false)
        )
    };
    ctx.ui.out(&report)?;
    if valid {
        Ok(())
    } else {
        Err(CliError::new(
            Kind::CheckFailed,
            format!("the auth value is not valid ({reason})"),
        )
        .hint(format!(
            "`rtctl auth sign {} --socket-id {}{}` makes a valid one with this app's secret",
            args.channel,
            args.socket_id,
            if data.is_some() {
                " --channel-data …"
            } else {
                ""
            }
        )))
    }
}

/// Each part as a stable word for --json: `ok`, `differs`, `missing`, `not_checked`, …
fn part_words(parts: &AuthParts) -> (&'static str, &'static str, &'static str) {
    let key = match parts.key {
        KeyPart::Matches => "ok",
        KeyPart::Differs(_) => "differs",
        KeyPart::Missing => "missing",
    };
    let form = if parts.well_formed { "ok" } else { "differs" };
    let hmac = match parts.hmac {
        Some(HmacPart::Matches) => "ok",
        Some(HmacPart::WithoutChannelData) => "without_channel_data",
        Some(HmacPart::ChannelDataReformatted) => "channel_data_reformatted",
        Some(HmacPart::Differs) => "differs",
        None => "not_checked",
    };
    (key, form, hmac)
}
