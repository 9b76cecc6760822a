//! A bare Pusher socket for checks: open it and read `pusher:connection_established`,
//! send frames, and read messages one at a time, each within the network timeout. No
//! reconnects and no authorization: a check wants to see what happens, once.

use std::time::Duration;

use futures_util::{SinkExt as _, StreamExt as _};
use tokio_tungstenite::tungstenite::Message as WsMessage;

use super::ws::{self, Options, Socket};
use crate::error::{CliError, Kind};
use crate::pusher::close;
use crate::pusher::frame::{self, Frame, Message};
use crate::text::one_line;

/// What the server said when the connection opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Established {
    pub socket_id: String,
    /// Seconds; `None` when the server sent none.
    pub activity_timeout: Option<u64>,
}

/// An open socket.
pub struct Probe {
    ws: Socket,
    timeout: Duration,
    target: String,
    /// Where the key came from, while the connection is not yet established: a server
    /// that does not know the key drops the connection then.
    opening: Option<String>,
}

impl Probe {
    /// Connect and wait for `pusher:connection_established`; a refusal (an error frame,
    /// a close with or without a code) is an error naming it.
    pub async fn open(options: &Options) -> Result<(Self, Established), CliError> {
        let ws = ws::connect(options).await?;
        let mut probe = Self {
            ws,
            timeout: options.connect_timeout,
            target: super::shown_url(&options.url),
            opening: Some(options.key_from.clone()),
        };
        let first = probe.next().await;
        probe.opening = None;
        match first {
            Ok(Message::ConnectionEstablished {
                socket_id,
                activity_timeout,
            }) => Ok((
                probe,
                Established {
                    socket_id,
                    activity_timeout,
                },
            )),
            Ok(Message::Error { code, message, .. }) => Err(refused(code, &message, options)),
            Ok(other) => Err(CliError::new(
                Kind::Failure,
                format!(
                    "{} opened with {other:?} instead of pusher:connection_established",
                    probe.target
                ),
            )
            .hint("is this a Pusher-protocol server? check `ws_host` and `ws_port`")),
            Err(e) => Err(e),
        }
    }

    pub async fn send(&mut self, text: String) -> Result<(), CliError> {
        self.ws
            .send(WsMessage::text(text))
            .await
            .map_err(|e| self.lost(&e.to_string(), ws::ended_cleanly(&e)))
    }

    /// The connection ended for `why`; `closed` when the server closed it (rather than
    /// it breaking, as by a reset), which before the handshake may be a refusal.
    fn lost(&self, why: &str, closed: bool) -> CliError {
        let e = CliError::new(
            Kind::Network,
            format!(
                "the connection to {} was lost: {}",
                self.target,
                one_line(why, 200)
            ),
        );
        match &self.opening {
            Some(key_from) if closed => e.hint(format!(
                "a server that does not know the app key drops the connection like this (sockudo does): check `key` ({key_from})"
            )),
            Some(_) => e.hint(
                "it broke before the server shook hands: a proxy or load balancer on the way may be dropping connections, or the server restarting",
            ),
            None => e,
        }
    }

    /// The next Pusher message, within the timeout; the server's pings are answered on
    /// the way.
    pub async fn next(&mut self) -> Result<Message, CliError> {
        loop {
            let read = tokio::time::timeout(self.timeout, self.ws.next()).await;
            let text = match read {
                Err(_) => {
                    return Err(CliError::new(
                        Kind::Network,
                        format!(
                            "{} sent nothing within {}",
                            self.target,
                            humantime::format_duration(self.timeout)
                        ),
                    )
                    .hint("check the server's health, or raise `timeout`"));
                }
                Ok(None) => return Err(self.lost("the server closed the connection", true)),
                Ok(Some(Err(e))) => {
                    return Err(self.lost(&e.to_string(), ws::ended_cleanly(&e)));
                }
                Ok(Some(Ok(WsMessage::Text(t)))) => t,
                Ok(Some(Ok(WsMessage::Close(frame)))) => {
                    let code = frame.as_ref().map(|f| u16::from(f.code));
                    let reason = frame.map(|f| f.reason.to_string()).unwrap_or_default();
                    return Err(closed(code, &reason, &self.target));
                }
                Ok(Some(Ok(_))) => continue,
            };
            let Ok(parsed) = Frame::parse(&text) else {
                return Err(CliError::new(
                    Kind::Failure,
                    format!(
                        "{} sent a frame that is not Pusher JSON: {}",
                        self.target,
                        one_line(&text, 200)
                    ),
                ));
            };
            match Message::from_frame(parsed) {
                Message::Ping => self.send(frame::pong()).await?,
                message => return Ok(message),
            }
        }
    }

    /// Read messages until `pick` takes one (or fails on one), all within one timeout:
    /// a server that keeps sending other messages (pings, other channels' events) cannot
    /// hold the wait open. `what` names what was awaited, for the timeout's message.
    pub async fn wait_for<T>(
        &mut self,
        what: &str,
        mut pick: impl FnMut(Message) -> Option<Result<T, CliError>>,
    ) -> Result<T, CliError> {
        let timeout = self.timeout;
        let wait = async {
            loop {
                if let Some(found) = pick(self.next().await?) {
                    return found;
                }
            }
        };
        match tokio::time::timeout(timeout, wait).await {
            Ok(found) => found,
            Err(_) => Err(CliError::new(
                Kind::Network,
                format!(
                    "{} sent no {what} within {}",
                    self.target,
                    humantime::format_duration(timeout)
                ),
            )
            .hint("check the server's health, or raise `timeout`")),
        }
    }

    /// Close cleanly, waiting briefly for the answer.
    pub async fn close(mut self) {
        let _ = tokio::time::timeout(Duration::from_secs(1), self.ws.close(None)).await;
    }
}

/// A close, with the code's meaning when the protocol gives it one. sockudo closes
/// without a code for an unknown app key.
fn closed(code: Option<u16>, reason: &str, target: &str) -> CliError {
    match code.and_then(|c| close::meaning(c).map(|m| (c, m))) {
        Some((c, (meaning, hint))) => CliError::new(
            Kind::Refused,
            format!("{target} closed the connection with code {c}: {meaning}"),
        )
        .hint(hint),
        None => CliError::new(
            Kind::Refused,
            format!(
                "{target} closed the connection{}{}",
                code.map(|c| format!(" with code {c}")).unwrap_or_default(),
                if reason.is_empty() {
                    String::new()
                } else {
                    format!(": {}", one_line(reason, 200))
                }
            ),
        )
        .hint("an unknown app key closes the connection like this on some servers (sockudo): check `key`"),
    }
}

/// `pusher:error` before `connection_established`: the server refused the connection.
fn refused(code: Option<u16>, message: &str, options: &Options) -> CliError {
    let target = super::shown_url(&options.url);
    let said = one_line(message, 200);
    match code.and_then(|c| close::meaning(c).map(|m| (c, m))) {
        Some((c, (meaning, hint))) => CliError::new(
            Kind::Refused,
            format!("{target} refused the connection with code {c} ({meaning}): {said}"),
        )
        .hint(format!("{hint} ({})", options.key_from)),
        None => CliError::new(
            Kind::Refused,
            format!("{target} refused the connection: {said}"),
        ),
    }
}
