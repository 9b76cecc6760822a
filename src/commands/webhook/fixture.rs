//! `rtctl webhook fixture`: a webhook body of one event type.

use clap::Args as ClapArgs;
use clap::builder::PossibleValuesParser;

use super::{Ctx, hints};
use crate::catalog::webhook_fixtures::DEFAULTS;
use crate::commands::publish::read_data;
use crate::error::CliError;
use crate::payload::{self, DataArg};
use crate::pusher::webhook::{self, EventType, Spec};
use crate::time::now_ms;

pub const EXAMPLES: &str = "\
Examples:
  rtctl webhook fixture channel_occupied                    on presence-classroom-101
  rtctl webhook fixture member_added --user-id 42 > joined.json
  rtctl webhook fixture member_removed --channel presence-lesson-7 --user-id 42
  rtctl webhook fixture client_event --event client-typing --data '{\"typing\":true}'
  rtctl webhook fixture subscription_count --channel dashboard-updates --count 12
  rtctl webhook fixture channel_vacated | rtctl webhook replay -

Fields, by type (anything else is refused):
  channel_occupied, channel_vacated   channel
  member_added, member_removed        channel (presence-), user_id
  client_event                        channel (private- or presence-), event (client-…), data,
                                      socket_id, and user_id on presence channels
  cache_miss                          channel (cache-…)
  subscription_count                  channel (not presence-), subscription_count (--count)";

#[derive(Debug, ClapArgs)]
pub struct Args {
    /// Event type
    #[arg(value_name = "TYPE", value_parser = PossibleValuesParser::new(EventType::NAMES))]
    pub kind: String,

    /// Channel [default: presence-classroom-101; private-class-101 for client_event;
    /// dashboard-updates for subscription_count; cache-dashboard-updates for cache_miss]
    #[arg(long, value_name = "CHANNEL")]
    pub channel: Option<String>,

    /// Presence member's user id (member_added, member_removed, client_event on presence) [default: 12345]
    #[arg(long, value_name = "ID")]
    pub user_id: Option<String>,

    /// Client event name, client-… (client_event) [default: client-activity_update]
    #[arg(long, value_name = "NAME")]
    pub event: Option<String>,

    /// Client event data: JSON or text, @FILE, or - for stdin (client_event)
    #[arg(long, value_name = "DATA")]
    pub data: Option<String>,

    /// The sending connection's socket id (client_event) [default: 123456.789012]
    #[arg(long, value_name = "ID")]
    pub socket_id: Option<String>,

    /// The subscription count (subscription_count) [default: 1]
    #[arg(long, value_name = "N")]
    pub count: Option<u64>,

    /// The webhook's time_ms, milliseconds since the Unix epoch [default: now]
    #[arg(long, value_name = "MS")]
    pub time_ms: Option<u64>,
}

pub async fn run(ctx: &mut Ctx, args: &Args) -> Result<(), CliError> {
    let kind = EventType::parse(&args.kind)
        .ok_or_else(|| CliError::usage(format!("`{}` is not a webhook event type", args.kind)))?;
    let data = match &args.data {
        Some(arg) => {
            let text = read_data(&DataArg::parse(arg)).await?;
            Some(payload::from_text(text, false)?.data)
        }
        None => None,
    };
    let spec = Spec {
        channel: args.channel.clone(),
        user_id: args.user_id.clone(),
        event: args.event.clone(),
        data,
        socket_id: args.socket_id.clone(),
        subscription_count: args.count,
    };
    let event = webhook::event(kind, &spec, &DEFAULTS).map_err(|e| {
        CliError::usage(format!("cannot make a {} webhook: {e}", kind.as_str()))
            .hint(hints::for_event(&e))
    })?;
    let body = webhook::body(args.time_ms.unwrap_or_else(now_ms), &[event]);
    Ok(ctx.ui.out(&body)?)
}

#[cfg(test)]
mod tests {
    use clap::Args as _;

    use super::*;

    /// The help restates the platform's defaults: it must say what the fixture does.
    #[test]
    fn the_help_names_the_defaults() {
        let help = Args::augment_args(clap::Command::new("fixture"))
            .render_long_help()
            .to_string();
        let count = format!("[default: {}]", DEFAULTS.subscription_count);
        for default in [
            DEFAULTS.presence_channel,
            DEFAULTS.private_channel,
            DEFAULTS.public_channel,
            DEFAULTS.cache_channel,
            DEFAULTS.user_id,
            DEFAULTS.socket_id,
            DEFAULTS.client_event,
            &count,
        ] {
            assert!(help.contains(default), "{default} is not in\n{help}");
        }
    }
}
