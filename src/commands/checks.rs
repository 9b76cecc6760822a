//! The connection checks with a profile: a signed REST request and a WebSocket
//! handshake, each ok or the error that says why not (`config init` runs them).

use tokio::sync::mpsc;

use crate::config::{Resolved, load};
use crate::error::{CliError, Kind};
use crate::net::auth::Authorizer;
use crate::net::http::RestClient;
use crate::net::tls::Trust;
use crate::net::ws::{self, Control, Counters, Handler, RunEnd, StopReason, Update};
use crate::pusher::rest::{self, ChannelList};
use crate::pusher::session::{Session, Timing};
use crate::ui::Ui;
use crate::ui::words::counted;

/// The largest message the handshake check accepts: `connection_established` is small.
const HANDSHAKE_MAX_MESSAGE: usize = 64 * 1024;

/// One check: its name, and what it found or why it failed.
pub struct Check {
    pub name: &'static str,
    pub result: Result<String, CliError>,
}

/// Both checks, in order, each run whatever came of the other, with the profile's
/// TLS trust (a `ca_cert` that cannot be used fails in their place).
pub async fn connection(config: &Resolved) -> Vec<Check> {
    let trust = match Trust::new(config.ca_cert.as_ref()) {
        Ok(trust) => trust,
        Err(e) => {
            return vec![Check {
                name: "ca_cert",
                result: Err(e),
            }];
        }
    };
    vec![
        Check {
            name: "REST",
            result: rest_request(config, &trust).await,
        },
        Check {
            name: "WebSocket",
            result: handshake(config, trust).await,
        },
    ]
}

/// Print each check's outcome on stderr. When any failed, an error with the first
/// failure's kind (so its exit code) that counts them.
pub fn report(ui: &Ui, checks: Vec<Check>) -> Result<(), CliError> {
    let total = checks.len() as u64;
    let mut failed = 0;
    let mut first = None;
    for check in checks {
        match check.result {
            Ok(found) => ui.status(&format!("ok: {} {found}", check.name)),
            Err(e) => {
                ui.error(&format!("{} check: {}", check.name, e.message));
                for h in &e.hints {
                    ui.hint(h);
                }
                failed += 1;
                first.get_or_insert(e.kind);
            }
        }
    }
    match first {
        None => Ok(()),
        Some(kind) => Err(CliError::new(
            kind,
            format!("{failed} of {} failed", counted(total, "connection check")),
        )),
    }
}

/// `GET /apps/{app_id}/channels`, signed with the app secret.
async fn rest_request(config: &Resolved, trust: &Trust) -> Result<String, CliError> {
    let secret = load::read_secret(config.require_secret()?).await?;
    let client = RestClient::new(config, secret, trust)?;
    let list: ChannelList = client
        .json(rest::list_channels(client.app_id(), None, &[]))
        .await?;
    Ok(format!(
        "GET {}/apps/{}/channels answered: {}",
        config.require_rest()?.http_base(),
        client.app_id(),
        counted(list.channels.len() as u64, "occupied channel")
    ))
}

/// Waits for the handshake, then stops the client.
#[derive(Default)]
struct Handshake {
    socket_id: Option<String>,
}

impl Handler for Handshake {
    fn update(&mut self, update: Update<'_>, _: &Counters) -> Result<Vec<Control>, CliError> {
        if let Update::Ready { socket_id } = update {
            self.socket_id = Some(socket_id);
            return Ok(vec![Control::Stop(StopReason::Done)]);
        }
        Ok(Vec::new())
    }
}

/// Open a WebSocket with the app key and wait for `pusher:connection_established`.
async fn handshake(config: &Resolved, trust: Trust) -> Result<String, CliError> {
    let options = super::ws_options(config, trust, false, HANDSHAKE_MAX_MESSAGE)?;
    let base = config.require_ws()?.ws_base();
    let timing = Timing {
        handshake: config.timeout.val,
        ..Timing::default()
    };
    let mut client = ws::Client::new(options, Session::new(timing, false), Authorizer::default());
    // The sender lives until the run ends: a closed channel would stop it at once.
    let (_keep, mut controls) = mpsc::channel(1);
    let mut h = Handshake::default();
    let end = client.run(&mut controls, &mut h).await?;
    match (end, h.socket_id) {
        (RunEnd::Stopped(_), Some(id)) => Ok(format!(
            "{base} answered pusher:connection_established (socket id {id})"
        )),
        (RunEnd::Lost(reason), _) => Err(CliError::new(
            Kind::Network,
            format!("{base} closed before the handshake: {reason}"),
        )),
        (RunEnd::Stopped(_), None) => Err(CliError::new(
            Kind::Failure,
            format!("{base}: the check stopped before the handshake"),
        )),
    }
}
