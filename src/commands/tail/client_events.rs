//! Client events: `--send`, checked before connecting, and `--interactive`, read from
//! stdin once every channel is subscribed.

use serde_json::Value;
use tokio::io::AsyncBufReadExt as _;
use tokio::sync::{mpsc, watch};

use super::{Args, Channels};
use crate::error::CliError;
use crate::net::ws::Control;
use crate::outgoing;
use crate::pusher::session;
use crate::ui::Ui;

/// `--send` and `--interactive`, checked against the channels before anything connects:
/// the client events to send once every channel is subscribed.
pub fn checked(
    args: &Args,
    chans: &Channels,
    max_payload_kb: usize,
) -> Result<Vec<(String, String, Value)>, CliError> {
    let sends = sends(args, chans, max_payload_kb)?;
    if args.interactive {
        if !chans.patterns.is_empty() {
            return Err(CliError::usage(
                "--interactive needs channel names, not patterns",
            ));
        }
        for ch in &chans.names {
            session::check_client_event(ch, "client-x").map_err(client_event_error)?;
        }
    }
    Ok(sends)
}

/// `--send EVENT DATA`: checked against every channel, and its data against the
/// limits (`outgoing::client_data`), before anything is sent.
fn sends(
    args: &Args,
    chans: &Channels,
    max_payload_kb: usize,
) -> Result<Vec<(String, String, Value)>, CliError> {
    let Some(send) = &args.send else {
        return Ok(Vec::new());
    };
    let (event, data) = match send.as_slice() {
        [e, d] => (e.clone(), outgoing::client_data(d, max_payload_kb)?),
        _ => return Err(CliError::usage("--send takes an EVENT and its DATA")),
    };
    if !chans.patterns.is_empty() {
        return Err(CliError::usage("--send needs channel names, not patterns")
            .hint("name the channels to send to"));
    }
    let mut out = Vec::new();
    for ch in &chans.names {
        session::check_client_event(ch, &event).map_err(client_event_error)?;
        out.push((ch.clone(), event.clone(), data.clone()));
    }
    Ok(out)
}

fn client_event_error(e: session::ClientEventError) -> CliError {
    let hint = match e {
        session::ClientEventError::Prefix(_) => "name it client-…, e.g. client-typing",
        session::ClientEventError::Public(_) => "use a private- or presence- channel",
        session::ClientEventError::Encrypted(_) => {
            "trigger server events with `rtctl trigger` instead"
        }
        _ => "check the event name",
    };
    CliError::usage(format!("{e}; nothing was sent")).hint(hint)
}

/// `--interactive`: each stdin line `EVENT [DATA]` goes to every channel; data over
/// the limit is refused with a warning before anything is sent.
pub async fn interactive(
    channels: Vec<String>,
    tx: mpsc::Sender<Control>,
    mut ready: watch::Receiver<bool>,
    ui: Ui,
    max_payload_kb: usize,
) {
    if ready.wait_for(|r| *r).await.is_err() {
        return;
    }
    if ui.stdin_is_tty {
        ui.status("type client events as `EVENT [DATA]`, one a line; Ctrl-D ends input");
    }
    let mut lines = tokio::io::BufReader::new(tokio::io::stdin()).lines();
    while let Ok(Some(line)) = lines.next_line().await {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (event, data) = match line.split_once(char::is_whitespace) {
            Some((e, d)) => match outgoing::client_data(d.trim(), max_payload_kb) {
                Ok(data) => (e, data),
                Err(refused) => {
                    ui.warn(&format!(
                        "`{}` not sent: {refused}",
                        crate::text::escape_for_message(e)
                    ));
                    continue;
                }
            },
            None => (line, Value::Object(serde_json::Map::new())),
        };
        // The client checks each and says what it did not send (a record in --json).
        for ch in &channels {
            let send = Control::Send {
                channel: ch.clone(),
                event: event.to_owned(),
                data: data.clone(),
            };
            if tx.send(send).await.is_err() {
                return;
            }
        }
    }
}
