//! The WebSocket client: opens connections, pumps frames through `pusher::session`,
//! authorizes subscriptions, and reconnects when and as `pusher::reconnect` decides.
//!
//! What to show, and when to stop, is the caller's: it gets every happening as an
//! `Update` and answers with `Control`s. Reading pauses while the caller handles an
//! update, so a slow consumer slows the socket instead of growing a queue.

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use futures_util::{SinkExt as _, StreamExt as _};
use serde_json::Value;
use tokio::net::TcpStream;
use tokio::sync::mpsc;
use tokio::task::JoinSet;
use tokio_tungstenite::tungstenite::error::CapacityError;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::{CloseFrame, WebSocketConfig};
use tokio_tungstenite::tungstenite::{self, Message as WsMessage};
use tokio_tungstenite::{Connector, MaybeTlsStream, WebSocketStream};

use super::auth::{Authorizer, Refusal};
use super::diagnose::{self, Problem, Target};
use super::tls::Trust;
use crate::config::Resolved;
use crate::error::{CliError, Kind};
use crate::pusher::backoff::Backoff;
use crate::pusher::close;
use crate::pusher::frame;
use crate::pusher::reconnect::{ConnectionEnd, Ended, Failure, Next, ReconnectPolicy};
use crate::pusher::session::{GiveUp, Output, Session, SubState};
use crate::pusher::sign::{ChannelAuth, UserAuth};
use crate::text::one_line;

pub(crate) type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// Client events go out no faster than Pusher's limit of 10 a second.
const CLIENT_EVENT_SPACING: Duration = Duration::from_millis(100);

/// How long a clean close waits for the server's answering close frame.
const CLOSE_WAIT: Duration = Duration::from_secs(1);

/// Messages read one after another, while more are ready, before controls, timers and
/// authorizations are looked at (as they are whenever the socket has nothing ready).
const MESSAGES_IN_A_ROW: u32 = 32;

/// Authorizations in flight at once on a connection; the rest wait their turn, so a
/// pattern matching hundreds of channels does not hit the auth endpoint all at once.
const MAX_AUTHS: usize = 8;

/// The connection's state, named as the platform's own client names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConnState {
    Connecting,
    Connected,
    Disconnected,
}

impl ConnState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Connecting => "CONNECTING",
            Self::Connected => "CONNECTED",
            Self::Disconnected => "DISCONNECTED",
        }
    }
}

/// Running totals, for summaries and `--json` records.
#[derive(Debug, Clone, Copy)]
pub struct Counters {
    pub messages_received: u64,
    pub reconnect_attempts: u64,
    pub state: ConnState,
    /// The HTTP status the server answered the last attempt's WebSocket upgrade with,
    /// instead of switching protocols (a 429 or 503: a limit).
    pub upgrade_refused: Option<u16>,
}

/// What the client tells its caller.
#[derive(Debug)]
pub enum Update<'a> {
    /// A frame as it crossed the wire (`outgoing` for ours).
    Frame {
        outgoing: bool,
        text: &'a str,
    },
    State(ConnState),
    /// What the session made of a frame (never `Send`, `Authorize` or `Close`).
    Session(Output),
    /// The connection is gone and another attempt follows after `delay`.
    Reconnecting {
        attempt: u64,
        delay: Duration,
        reason: String,
    },
    /// Connected again with every channel settled: events between `from` and `to`
    /// may have been missed.
    Gap {
        from: SystemTime,
        to: SystemTime,
        reason: String,
    },
    /// Every channel is subscribed (and the user signed in, when asked), once a connection.
    Ready {
        socket_id: String,
    },
    /// A client event went out.
    Sent {
        channel: String,
        event: String,
    },
    /// A client event could not be sent.
    NotSent {
        channel: String,
        event: String,
        reason: String,
    },
    /// A channel was left (unsubscribed, and no longer subscribed again on reconnects).
    Left {
        channel: String,
        reason: String,
    },
}

/// Why the caller stops the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopReason {
    Done,
    /// SIGINT or SIGTERM.
    Signal(crate::signal::Stop),
    TimedOut,
}

/// What the caller asks of the client.
#[derive(Debug)]
pub enum Control {
    Send {
        channel: String,
        event: String,
        data: Value,
    },
    AddChannel(String),
    /// A listing started at `checked_at` counted `count` subscriptions on `channel`:
    /// none, or only rtctl's own. The channel is left when that is so: always at zero,
    /// and at one when rtctl's subscription was confirmed before the listing (so the one
    /// is rtctl); a subscription confirmed later may not be in the count.
    Vacated {
        channel: String,
        checked_at: Instant,
        count: u64,
    },
    /// Unsubscribe, close cleanly and return.
    Stop(StopReason),
}

/// How a run ended, when it was not an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunEnd {
    Stopped(StopReason),
    /// The connection was lost and reconnecting is off.
    Lost(String),
}

/// Handles updates; may answer with controls (a `Stop` ends the run).
pub trait Handler {
    fn update(&mut self, update: Update<'_>, counters: &Counters)
    -> Result<Vec<Control>, CliError>;

    /// Nothing more has arrived for now and the client is about to wait (for the
    /// socket, a timer, a control, a send): what was held back goes out now. Told
    /// whenever the client would otherwise wait, so holding lines between two
    /// updates never delays one.
    fn idle(&mut self, _counters: &Counters) -> Result<Vec<Control>, CliError> {
        Ok(Vec::new())
    }
}

/// How to reach the server and how to behave.
#[derive(Debug, Clone)]
pub struct Options {
    /// `ws(s)://host:port/app/key?protocol=7…`
    pub url: String,
    /// Where host and port came from, for messages.
    pub where_from: String,
    /// Where the app key came from, for messages.
    pub key_from: String,
    pub connect_timeout: Duration,
    pub reconnect: bool,
    pub backoff: Backoff,
    /// The largest WebSocket message (and frame) accepted, in bytes.
    pub max_message_size: usize,
    /// How much each read asks of the socket, in bytes: the buffer is held (and zeroed)
    /// whole for the connection's life, so thousands of connections want it small;
    /// larger messages still arrive whole, over several reads.
    pub read_buffer_size: usize,
    /// The run's TLS trust, for wss.
    pub trust: Trust,
}

/// The largest message a check's socket accepts (`tail --max-message-size`'s default).
pub const DEFAULT_MAX_MESSAGE_SIZE: usize = 1 << 20;

/// The read buffer of one connection carrying a stream. tungstenite zero-fills up to
/// this much before every read of the socket, and a live stream is read a few events
/// at a time: at tungstenite's own default of 128 KiB that cost `tail` about 0.3 µs an
/// event (128 KiB of memset takes about 2.5 µs here, for some eight events a read),
/// where 16 KiB still takes a backlog some eighty events of 200 B a read.
pub const DEFAULT_READ_BUFFER_SIZE: usize = 16 * 1024;

impl Options {
    /// The profile's WebSocket server and app key, each saying where it came from.
    pub fn for_profile(
        config: &Resolved,
        trust: Trust,
        reconnect: bool,
        max_message_size: usize,
    ) -> Result<Self, CliError> {
        let key = config.require_key()?;
        let endpoint = config.require_ws()?;
        Ok(Self {
            url: url(&endpoint.ws_base(), key),
            where_from: format!(
                "ws host from {}, port from {}, tls from {}",
                endpoint.host.source, endpoint.port.source, endpoint.tls.source
            ),
            key_from: config
                .key
                .as_ref()
                .map(|k| format!("key from {}", k.source))
                .unwrap_or_default(),
            connect_timeout: config.timeout.val,
            reconnect,
            backoff: crate::pusher::reconnect::BACKOFF,
            max_message_size,
            read_buffer_size: DEFAULT_READ_BUFFER_SIZE,
            trust,
        })
    }
}

/// The WebSocket URL for an app key on a server base such as `ws://127.0.0.1:6001`.
pub fn url(ws_base: &str, key: &str) -> String {
    format!(
        "{ws_base}{}",
        frame::connect_path(key, env!("CARGO_PKG_VERSION"))
    )
}

enum AuthDone {
    Channel(String, Result<ChannelAuth, Refusal>),
    User(Result<UserAuth, Refusal>),
}

/// An authorization the session asked for.
enum AuthJob {
    Channel { channel: String, socket_id: String },
    User { socket_id: String },
}

/// A connection's authorizations: at most `MAX_AUTHS` running, the rest waiting in the
/// order they were asked for.
struct Auths {
    authorizer: Arc<Authorizer>,
    running: JoinSet<AuthDone>,
    waiting: VecDeque<AuthJob>,
}

impl Auths {
    fn new(authorizer: Arc<Authorizer>) -> Self {
        Self {
            authorizer,
            running: JoinSet::new(),
            waiting: VecDeque::new(),
        }
    }

    /// Start waiting jobs while there is room. `wanted` says whether a channel still
    /// waits for its authorization (it may have been left or refused meanwhile).
    fn fill(&mut self, wanted: impl Fn(&str) -> bool) {
        while self.running.len() < MAX_AUTHS {
            let Some(job) = self.waiting.pop_front() else {
                return;
            };
            let a = Arc::clone(&self.authorizer);
            match job {
                AuthJob::Channel { channel, socket_id } => {
                    if wanted(&channel) {
                        self.running.spawn(async move {
                            let r = a.channel(&socket_id, &channel).await;
                            AuthDone::Channel(channel, r)
                        });
                    }
                }
                AuthJob::User { socket_id } => {
                    self.running
                        .spawn(async move { AuthDone::User(a.user(&socket_id).await) });
                }
            }
        }
    }
}

/// How one connection ended.
enum End {
    /// The caller stopped the run.
    Stopped(StopReason),
    /// It ended on its own: how, for the reconnect policy, and why, in words.
    Lost(Ended<CliError>, String),
}

impl End {
    /// Closed without a close code.
    fn dropped(reason: String) -> Self {
        Self::Lost(Ended::Closed { code: None }, reason)
    }

    /// Ended by an error reading or writing (`what` failed): closed without a code, or
    /// broken (see `ended_cleanly`).
    fn failed(what: &str, e: &tungstenite::Error) -> Self {
        let reason = format!("{what}: {e}");
        if ended_cleanly(e) {
            Self::dropped(reason)
        } else {
            Self::Lost(Ended::Broke, reason)
        }
    }
}

/// Whether an error reading or writing is the stream's plain end without a close frame,
/// as a server may close a connection (sockudo does so for an unknown key), rather than
/// a break: a reset, or bytes that are no longer WebSocket.
pub(crate) fn ended_cleanly(e: &tungstenite::Error) -> bool {
    use tungstenite::error::ProtocolError;
    matches!(
        e,
        tungstenite::Error::Protocol(ProtocolError::ResetWithoutClosingHandshake)
            | tungstenite::Error::ConnectionClosed
            | tungstenite::Error::AlreadyClosed
    )
}

/// The client. One per run; it owns the session across reconnects.
pub struct Client {
    options: Options,
    session: Session,
    authorizer: Arc<Authorizer>,
    counters: Counters,
    /// The last `pusher:error` with a code, to explain a close that follows it.
    last_error: Option<(u16, String)>,
    next_send: Instant,
}

impl Client {
    pub fn new(options: Options, session: Session, authorizer: Authorizer) -> Self {
        Self {
            options,
            session,
            authorizer: Arc::new(authorizer),
            counters: Counters {
                messages_received: 0,
                reconnect_attempts: 0,
                state: ConnState::Disconnected,
                upgrade_refused: None,
            },
            last_error: None,
            next_send: Instant::now(),
        }
    }

    pub fn counters(&self) -> Counters {
        self.counters
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    fn set_state(
        &mut self,
        state: ConnState,
        h: &mut impl Handler,
    ) -> Result<Vec<Control>, CliError> {
        self.counters.state = state;
        h.update(Update::State(state), &self.counters)
    }

    /// Connect, subscribe, and stream until stopped, refused, or (without reconnect) lost.
    pub async fn run(
        &mut self,
        controls: &mut mpsc::Receiver<Control>,
        h: &mut impl Handler,
    ) -> Result<RunEnd, CliError> {
        let mut policy = ReconnectPolicy::new(self.options.backoff, self.options.reconnect);
        let mut lost: Option<(SystemTime, String)> = None;
        loop {
            self.last_error = None;
            let queued = self.set_state(ConnState::Connecting, h)?;
            if let Some(why) = self.offline(queued, h)? {
                return Ok(RunEnd::Stopped(why));
            }
            let connecting = {
                let options = self.options.clone();
                let attempt = open(&options);
                tokio::pin!(attempt);
                loop {
                    tokio::select! {
                        r = &mut attempt => break r,
                        c = controls.recv() => {
                            let c = c.unwrap_or(Control::Stop(StopReason::Done));
                            if let Some(why) = self.offline(vec![c], h)? {
                                self.set_state(ConnState::Disconnected, h)?;
                                return Ok(RunEnd::Stopped(why));
                            }
                        }
                    }
                }
            };
            self.counters.upgrade_refused =
                connecting.as_ref().err().and_then(|(status, _)| *status);
            let end = match connecting {
                Ok(ws) => {
                    self.connection(ws, controls, h, &mut lost, &mut policy)
                        .await?
                }
                Err((_, e)) => {
                    let reason = e.message.clone();
                    End::Lost(Ended::NotOpened(e), reason)
                }
            };
            let shook_hands = self.session.socket_id().is_some();
            self.session.closed();
            self.set_state(ConnState::Disconnected, h)?;
            let (ended, reason) = match end {
                End::Stopped(why) => return Ok(RunEnd::Stopped(why)),
                End::Lost(ended, reason) => (ended, reason),
            };
            let end = ConnectionEnd {
                ended,
                shook_hands,
                error_code: self.last_error.as_ref().map(|(code, _)| *code),
            };
            let delay = match policy.ended(end, super::jitter()) {
                Next::Reconnect { delay } => delay,
                Next::Lost => return Ok(RunEnd::Lost(reason)),
                Next::Fail(failure) => return Err(self.failure(failure, &reason)),
            };
            lost.get_or_insert_with(|| (SystemTime::now(), reason.clone()));
            self.counters.reconnect_attempts += 1;
            let reconnecting = Update::Reconnecting {
                attempt: self.counters.reconnect_attempts,
                delay,
                reason,
            };
            let queued = h.update(reconnecting, &self.counters)?;
            if let Some(why) = self.offline(queued, h)? {
                return Ok(RunEnd::Stopped(why));
            }
            // The whole backoff is waited out: only a stop cuts it short.
            let wake = tokio::time::sleep(delay);
            tokio::pin!(wake);
            loop {
                tokio::select! {
                    () = &mut wake => break,
                    c = controls.recv() => {
                        let c = c.unwrap_or(Control::Stop(StopReason::Done));
                        if let Some(why) = self.offline(vec![c], h)? {
                            return Ok(RunEnd::Stopped(why));
                        }
                    }
                }
            }
        }
    }

    /// Controls while not connected: channels are remembered for the next connection,
    /// client events are refused (said so, never dropped silently), a stop stops.
    fn offline(
        &mut self,
        controls: Vec<Control>,
        h: &mut impl Handler,
    ) -> Result<Option<StopReason>, CliError> {
        let mut queue = std::collections::VecDeque::from(controls);
        while let Some(c) = queue.pop_front() {
            match c {
                Control::Stop(why) => return Ok(Some(why)),
                Control::AddChannel(name) => {
                    self.session.add_channel(&name);
                }
                Control::Vacated {
                    channel,
                    checked_at,
                    count,
                } => {
                    // Not connected: there is nothing to unsubscribe from.
                    if let Some((_, left)) = self.leave_vacated(&channel, checked_at, count) {
                        queue.extend(h.update(left, &self.counters)?);
                    }
                }
                Control::Send { channel, event, .. } => {
                    let not_sent = Update::NotSent {
                        channel,
                        event,
                        reason: "not connected (reconnecting); send it again once connected"
                            .to_owned(),
                    };
                    queue.extend(h.update(not_sent, &self.counters)?);
                }
            }
        }
        Ok(None)
    }

    /// Leave a channel a listing found vacant, when the listing can be trusted to have
    /// counted rtctl (see `Control::Vacated`): the session's outputs (the unsubscribe
    /// frame on an open connection) and the update to show.
    fn leave_vacated(
        &mut self,
        channel: &str,
        checked_at: Instant,
        count: u64,
    ) -> Option<(Vec<Output>, Update<'static>)> {
        let counted_us = self
            .session
            .subscribed_at(channel)
            .is_some_and(|t| t <= checked_at);
        if self.session.state_of(channel).is_none() || !(count == 0 || counted_us && count <= 1) {
            return None;
        }
        let left = Update::Left {
            channel: channel.to_owned(),
            reason: "vacant".to_owned(),
        };
        Some((self.session.remove_channel(channel), left))
    }

    /// The error for a run the reconnect policy ends; `reason` says how the connection ended.
    fn failure(&self, failure: Failure<CliError>, reason: &str) -> CliError {
        match failure {
            Failure::NotOpened(e) => e,
            Failure::NoHandshake(why) => self.no_handshake(&why),
            Failure::Refused(code) => self.refused(code, reason),
            Failure::UnknownKey => self.dropped_before_handshake(reason),
            Failure::Broke => self.broke_before_handshake(reason),
            Failure::TooBig { size } => self.too_big(size),
        }
    }

    /// The server sent a message over the limit: a protocol error, not something to
    /// allocate for or to reconnect over.
    fn too_big(&self, size: usize) -> CliError {
        let limit = self.options.max_message_size;
        CliError::new(
            Kind::Failure,
            format!(
                "protocol error: {} sent a WebSocket message of {} bytes, over the {} limit; \
                 rtctl closed the connection (code 1009)",
                super::shown_url(&self.options.url),
                size,
                crate::values::size_shown(limit as u64)
            ),
        )
        .hint(
            "Pusher limits an event's data to 10 KB; if this server sends larger messages, \
             raise the limit with --max-message-size (e.g. --max-message-size 4MiB)",
        )
    }

    /// The first connection opened and closed without a word: sockudo does this for an
    /// unknown app key where Pusher sends 4001, so it is treated as that refusal.
    fn dropped_before_handshake(&self, reason: &str) -> CliError {
        CliError::new(
            Kind::Refused,
            format!(
                "the server accepted the WebSocket and closed it before pusher:connection_established ({}); \
                 the app key is most likely unknown to it (Pusher says so with close code 4001)",
                one_line(reason, 200)
            ),
        )
        .hint(format!(
            "check the app key ({}); `rtctl config show --show-origin` shows every value's source",
            self.options.key_from
        ))
    }

    /// The first connection opened and broke (a reset) before the server shook hands:
    /// the network or something on the way dropped it, where a refusing server closes.
    fn broke_before_handshake(&self, reason: &str) -> CliError {
        CliError::new(
            Kind::Network,
            format!(
                "the WebSocket to {} broke before pusher:connection_established ({})",
                super::shown_url(&self.options.url),
                one_line(reason, 200)
            ),
        )
        .hint(format!(
            "a proxy or load balancer on the way may be dropping connections, or the server restarting; \
             check that `ws_host`/`ws_port` reach the server ({})",
            self.options.where_from
        ))
    }

    /// The first connection opened but the server never shook hands as the protocol
    /// says, so rtctl closed it: not a refusal, the other end is not (yet) talking Pusher.
    fn no_handshake(&self, why: &GiveUp) -> CliError {
        let target = super::shown_url(&self.options.url);
        let where_from = &self.options.where_from;
        match why {
            GiveUp::BadHandshake(_) => CliError::new(
                Kind::Failure,
                format!(
                    "{target} is not speaking the Pusher protocol: {}",
                    one_line(&why.to_string(), 200)
                ),
            )
            .hint(format!(
                "check that `ws_host`/`ws_port` point at a Pusher-protocol server ({where_from})"
            )),
            _ => CliError::new(
                Kind::Network,
                format!(
                    "{target} accepted the WebSocket but sent no pusher:connection_established within {}",
                    humantime::format_duration(self.options.connect_timeout)
                ),
            )
            .hint(format!(
                "check that the server is a Pusher-protocol server and not overloaded ({where_from}); \
                 the profile's `timeout` (or RTCTL_TIMEOUT) waits longer"
            )),
        }
    }

    /// The error for a close that says not to reconnect.
    fn refused(&self, code: u16, reason: &str) -> CliError {
        let said = match &self.last_error {
            Some((c, m)) if *c == code && !m.is_empty() => one_line(m, 200),
            _ if !reason.is_empty() => one_line(reason, 200),
            _ => String::new(),
        };
        let (meaning, hint) = close::meaning(code).unwrap_or((
            "the server refused the connection",
            "check the app key and the server's settings for this app",
        ));
        let said = if said.is_empty() {
            String::new()
        } else {
            format!(": \"{said}\"")
        };
        CliError::new(
            Kind::Refused,
            format!(
                "the server closed the connection with code {code}, {meaning}{said}; not reconnecting"
            ),
        )
        .hint(hint)
    }

    /// One connection, from open to close.
    async fn connection(
        &mut self,
        mut ws: Socket,
        controls: &mut mpsc::Receiver<Control>,
        h: &mut impl Handler,
        lost: &mut Option<(SystemTime, String)>,
        policy: &mut ReconnectPolicy,
    ) -> Result<End, CliError> {
        self.session.opened(Instant::now());
        let mut auths = Auths::new(Arc::clone(&self.authorizer));
        let mut pending: Vec<Control> = Vec::new();
        let mut ready = false;
        // A message arrived since the handler was last told it is idle.
        let mut fresh = false;
        // Messages read in a row since the other branches were looked at; never more
        // than zero unless `fresh`, so the idle branch is open whenever reading is shut.
        let mut in_a_row = 0;
        // The session's timer, armed for `armed`. A deadline that moves later (each
        // message moves the ping's) leaves it armed for the earlier time, when the
        // session finds nothing due and it is armed again: resetting a timer for every
        // message would cost more than the rest of reading one.
        let timer = tokio::time::sleep(Duration::ZERO);
        tokio::pin!(timer);
        let mut armed: Option<Instant> = None;
        loop {
            // Controls queued by the handler run first, in order.
            if !pending.is_empty() {
                pending.extend(h.idle(&self.counters)?);
                let queued = std::mem::take(&mut pending);
                for c in queued {
                    if let Some(end) = self
                        .control(&mut ws, c, &mut auths, h, &mut pending)
                        .await?
                    {
                        return Ok(end);
                    }
                }
                continue;
            }
            match (self.session.deadline(), armed) {
                (Some(due), Some(at)) if at <= due => {}
                (Some(due), _) => {
                    timer.as_mut().reset(due.into());
                    armed = Some(due);
                }
                (None, _) => armed = None,
            }
            // In this order: messages first, while they keep coming up to
            // MESSAGES_IN_A_ROW; then controls, timers and authorizations; and the
            // handler hears that it is idle only when none of these is ready.
            let outputs = tokio::select! {
                biased;
                msg = ws.next(), if in_a_row < MESSAGES_IN_A_ROW => match msg {
                    Some(Ok(WsMessage::Text(text))) => {
                        fresh = true;
                        in_a_row += 1;
                        self.counters.messages_received += 1;
                        let text = text.as_str();
                        pending.extend(h.update(Update::Frame { outgoing: false, text }, &self.counters)?);
                        self.session.receive(text, Instant::now())
                    }
                    Some(Ok(WsMessage::Close(frame))) => {
                        let (code, reason) = match frame {
                            Some(f) => (Some(u16::from(f.code)), f.reason.as_str().to_owned()),
                            None => (None, String::new()),
                        };
                        return Ok(End::Lost(Ended::Closed { code }, close_reason(code, &reason)));
                    }
                    Some(Ok(WsMessage::Binary(_))) => {
                        pending.extend(h.update(Update::Session(Output::ServerError {
                            code: None,
                            message: "the server sent a binary frame, which the protocol does not use".to_owned(),
                        }), &self.counters)?);
                        Vec::new()
                    }
                    Some(Ok(_)) => Vec::new(),
                    Some(Err(tungstenite::Error::Capacity(CapacityError::MessageTooLong { size, .. }))) => {
                        let frame = CloseFrame { code: CloseCode::Size, reason: "".into() };
                        let _ = tokio::time::timeout(CLOSE_WAIT, ws.close(Some(frame))).await;
                        let reason = format!("a message of {size} bytes, over the limit");
                        return Ok(End::Lost(Ended::TooBig { size }, reason));
                    }
                    Some(Err(e)) => return Ok(End::failed("the connection broke", &e)),
                    None => return Ok(End::dropped("the server closed the connection".to_owned())),
                },
                c = controls.recv() => {
                    in_a_row = 0;
                    pending.extend(h.idle(&self.counters)?);
                    let c = c.unwrap_or(Control::Stop(StopReason::Done));
                    if let Some(end) = self.control(&mut ws, c, &mut auths, h, &mut pending).await? {
                        return Ok(end);
                    }
                    Vec::new()
                }
                () = &mut timer, if armed.is_some() => {
                    in_a_row = 0;
                    armed = None;
                    pending.extend(h.idle(&self.counters)?);
                    self.session.tick(Instant::now())
                }
                Some(done) = auths.running.join_next() => {
                    in_a_row = 0;
                    pending.extend(h.idle(&self.counters)?);
                    match done {
                        Ok(AuthDone::Channel(channel, Ok(auth))) => self.session.authorized(&channel, &auth),
                        Ok(AuthDone::Channel(channel, Err(r))) if r.unanswered => vec![self.session.unanswered(&channel, r.message, r.hints)],
                        Ok(AuthDone::Channel(channel, Err(r))) => vec![self.session.refused(&channel, r.status, r.message)],
                        Ok(AuthDone::User(Ok(auth))) => vec![self.session.signed_in_with(&auth)],
                        Ok(AuthDone::User(Err(r))) => vec![Output::SigninFailed { code: r.status, message: r.message }],
                        Err(e) => vec![Output::ServerError { code: None, message: format!("authorization task failed: {e}") }],
                    }
                }
                () = std::future::ready(()), if fresh => {
                    fresh = false;
                    in_a_row = 0;
                    pending.extend(h.idle(&self.counters)?);
                    Vec::new()
                }
            };
            for out in outputs {
                if let Some(end) = self
                    .output(&mut ws, out, &mut auths, h, &mut pending)
                    .await?
                {
                    return Ok(end);
                }
            }
            auths.fill(|channel| self.session.state_of(channel) == Some(SubState::Authorizing));
            if !ready && self.session.all_subscribed() {
                ready = true;
                let socket_id = self.session.socket_id().unwrap_or_default().to_owned();
                pending.extend(h.update(Update::Ready { socket_id }, &self.counters)?);
            }
            if let Some((from, reason)) = lost.as_ref()
                && self.session.is_open()
                && self.session.settled()
            {
                let gap = Update::Gap {
                    from: *from,
                    to: SystemTime::now(),
                    reason: reason.clone(),
                };
                *lost = None;
                policy.settled();
                pending.extend(h.update(gap, &self.counters)?);
            }
        }
    }

    /// Carry out one session output.
    async fn output(
        &mut self,
        ws: &mut Socket,
        out: Output,
        auths: &mut Auths,
        h: &mut impl Handler,
        pending: &mut Vec<Control>,
    ) -> Result<Option<End>, CliError> {
        match out {
            Output::Send(text) => {
                if let Err(e) = self.send(ws, text, h, pending).await {
                    return Ok(Some(e));
                }
            }
            Output::Authorize { channel, socket_id } => {
                auths
                    .waiting
                    .push_back(AuthJob::Channel { channel, socket_id });
            }
            Output::Authenticate { socket_id } => {
                auths.waiting.push_back(AuthJob::User { socket_id });
            }
            Output::Close(why) => {
                pending.extend(h.idle(&self.counters)?);
                let _ = tokio::time::timeout(CLOSE_WAIT, ws.close(None)).await;
                let reason = why.to_string();
                return Ok(Some(End::Lost(Ended::GaveUp(why), reason)));
            }
            Output::Connected { .. } => {
                pending.extend(self.set_state(ConnState::Connected, h)?);
                pending.extend(h.update(Update::Session(out), &self.counters)?);
            }
            other => {
                if let Output::ServerError {
                    code: Some(code),
                    message,
                } = &other
                {
                    self.last_error = Some((*code, message.clone()));
                }
                pending.extend(h.update(Update::Session(other), &self.counters)?);
            }
        }
        Ok(None)
    }

    async fn control(
        &mut self,
        ws: &mut Socket,
        c: Control,
        auths: &mut Auths,
        h: &mut impl Handler,
        pending: &mut Vec<Control>,
    ) -> Result<Option<End>, CliError> {
        match c {
            Control::Stop(why) => {
                self.goodbye(ws, h).await;
                Ok(Some(End::Stopped(why)))
            }
            Control::AddChannel(name) => {
                for out in self.session.add_channel(&name) {
                    if let Some(end) = self.output(ws, out, auths, h, pending).await? {
                        return Ok(Some(end));
                    }
                }
                Ok(None)
            }
            Control::Vacated {
                channel,
                checked_at,
                count,
            } => {
                let Some((outputs, left)) = self.leave_vacated(&channel, checked_at, count) else {
                    return Ok(None);
                };
                for out in outputs {
                    if let Some(end) = self.output(ws, out, auths, h, pending).await? {
                        return Ok(Some(end));
                    }
                }
                pending.extend(h.update(left, &self.counters)?);
                Ok(None)
            }
            Control::Send {
                channel,
                event,
                data,
            } => {
                let text = match self.session.client_event(&channel, &event, &data) {
                    Ok(text) => text,
                    Err(e) => {
                        let not_sent = Update::NotSent {
                            channel,
                            event,
                            reason: e.to_string(),
                        };
                        pending.extend(h.update(not_sent, &self.counters)?);
                        return Ok(None);
                    }
                };
                tokio::time::sleep_until(self.next_send.into()).await;
                self.next_send = Instant::now() + CLIENT_EVENT_SPACING;
                if let Err(end) = self.send(ws, text, h, pending).await {
                    return Ok(Some(end));
                }
                pending.extend(h.update(Update::Sent { channel, event }, &self.counters)?);
                Ok(None)
            }
        }
    }

    /// Send a frame. A peer that stops reading cannot stall the client: a send that
    /// takes longer than the network timeout counts as a lost connection.
    async fn send(
        &mut self,
        ws: &mut Socket,
        text: String,
        h: &mut impl Handler,
        pending: &mut Vec<Control>,
    ) -> Result<(), End> {
        let shown = Update::Frame {
            outgoing: true,
            text: &text,
        };
        let told = h.update(shown, &self.counters).and_then(|mut more| {
            more.extend(h.idle(&self.counters)?);
            Ok(more)
        });
        match told {
            Ok(more) => pending.extend(more),
            Err(e) => {
                return Err(End::dropped(e.message));
            }
        }
        match tokio::time::timeout(
            self.options.connect_timeout,
            ws.send(WsMessage::Text(text.into())),
        )
        .await
        {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(End::failed("sending failed", &e)),
            Err(_) => Err(End::dropped(
                "the server stopped reading what we send".to_owned(),
            )),
        }
    }

    /// Unsubscribe everything, send a normal close and wait briefly for the answer; a
    /// server that does not answer cannot hold the exit up for long.
    async fn goodbye(&mut self, ws: &mut Socket, h: &mut impl Handler) {
        let mut ignored = Vec::new();
        for out in self.session.unsubscribe_all() {
            if let Output::Send(text) = out
                && self.send(ws, text, h, &mut ignored).await.is_err()
            {
                return;
            }
        }
        let frame = CloseFrame {
            code: CloseCode::Normal,
            reason: "".into(),
        };
        let close = async {
            if ws.close(Some(frame)).await.is_ok() {
                while let Some(Ok(_)) = ws.next().await {}
            }
        };
        let _ = tokio::time::timeout(CLOSE_WAIT, close).await;
    }
}

/// Open a WebSocket to the server, or say clearly why not.
pub(crate) async fn connect(options: &Options) -> Result<Socket, CliError> {
    open(options).await.map_err(|(_, e)| e)
}

/// `connect`, also giving the HTTP status when the server answered one instead of
/// switching to a WebSocket (a 404: nothing there), for checks that tell the two apart.
pub async fn open(options: &Options) -> Result<Socket, (Option<u16>, CliError)> {
    let url = &options.url;
    let timeout = options.connect_timeout;
    let config = WebSocketConfig::default()
        .read_buffer_size(options.read_buffer_size)
        .max_message_size(Some(options.max_message_size))
        .max_frame_size(Some(options.max_message_size));
    // No Nagle delay: subscribes, pings and the closing frames are small and go at once.
    let attempt = tokio_tungstenite::connect_async_tls_with_config(
        url.as_str(),
        Some(config),
        true,
        Some(Connector::Rustls(options.trust.client_config())),
    );
    let target = Target {
        url,
        where_from: &options.where_from,
        timeout,
    };
    match tokio::time::timeout(timeout, attempt).await {
        Err(_) => Err((
            None,
            diagnose::explain(&target, &options.trust, &Problem::TimedOut),
        )),
        Ok(Ok((ws, _))) => Ok(ws),
        Ok(Err(e)) => {
            let status = match &e {
                tungstenite::Error::Http(resp) => Some(resp.status().as_u16()),
                _ => None,
            };
            Err((status, connect_error(e, &target, &options.trust)))
        }
    }
}

fn connect_error(e: tungstenite::Error, target: &Target<'_>, trust: &Trust) -> CliError {
    let where_from = target.where_from;
    match e {
        tungstenite::Error::Http(resp) => {
            let status = resp.status().as_u16();
            let body = resp
                .body()
                .as_deref()
                .map(|b| one_line(&String::from_utf8_lossy(b), 200))
                .unwrap_or_default();
            let kind = if matches!(status, 401 | 403) {
                Kind::Auth
            } else {
                Kind::Failure
            };
            CliError::new(
                kind,
                format!(
                    "{} answered HTTP {status} instead of a WebSocket: {body}",
                    super::shown_url(target.url)
                ),
            )
            .hint(format!(
                "check `ws_host`/`ws_port` and the app key ({where_from})"
            ))
        }
        tungstenite::Error::Url(e) => CliError::new(
            Kind::Config,
            format!(
                "the WebSocket address {} is not usable: {e}",
                super::shown_url(target.url)
            ),
        )
        .hint(format!("check `ws_host` ({where_from})")),
        other => diagnose::network_error(target, trust, &other),
    }
}

/// A close code and reason in words.
fn close_reason(code: Option<u16>, reason: &str) -> String {
    let reason = one_line(reason, 200);
    match (code, reason.is_empty()) {
        (None, _) => "the server closed the connection".to_owned(),
        (Some(c), true) => match close::meaning(c) {
            Some((meaning, _)) => format!("closed with code {c} ({meaning})"),
            None => format!("closed with code {c}"),
        },
        (Some(c), false) => format!("closed with code {c}: {reason}"),
    }
}
