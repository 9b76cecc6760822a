//! A sans-IO client session: frames in, frames and happenings out.
//!
//! The session knows the protocol (handshake, subscriptions, presence members,
//! encrypted channels, ping/pong, sign-in) and nothing about sockets, HTTP or the clock:
//! the caller feeds it received text and the current instant, and carries out what it
//! returns. It outlives connections: after a reconnect, `opened` starts the handshake
//! again and every channel is authorized and subscribed anew.

use std::time::{Duration, Instant};

use indexmap::{IndexMap, IndexSet};
use serde_json::Value;

use super::crypto::{self, DecryptError};
use super::event::USER_CHANNEL_PREFIX;
use super::frame::{self, Data, Frame, FrameError, Members, Message};
use super::names::{self, ChannelKind, NameError};
use super::sign::{ChannelAuth, UserAuth};

/// Timing, from the protocol's recommendations.
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    /// Silence after which the client pings; the server's `activity_timeout` caps it.
    pub activity: Duration,
    /// How long to wait for a pong before giving the connection up.
    pub pong: Duration,
    /// How long to wait for `pusher:connection_established`.
    pub handshake: Duration,
}

impl Default for Timing {
    fn default() -> Self {
        Self {
            activity: Duration::from_secs(120),
            pong: Duration::from_secs(30),
            handshake: Duration::from_secs(10),
        }
    }
}

/// Where a channel's subscription stands on the current connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubState {
    /// Not yet asked for (no connection yet).
    Pending,
    /// Waiting for the caller to authorize it.
    Authorizing,
    /// `pusher:subscribe` sent.
    Subscribing,
    Subscribed,
    /// Refused on this connection.
    Failed,
}

struct Channel {
    kind: ChannelKind,
    state: SubState,
    /// When the server confirmed the subscription on this connection.
    subscribed_at: Option<Instant>,
    /// For `private-encrypted-` channels, from the authorization.
    key: Option<[u8; 32]>,
    members: Option<Members>,
}

/// The channel's key is a secret: Debug says whether there is one, never what it is.
impl std::fmt::Debug for Channel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Channel")
            .field("kind", &self.kind)
            .field("state", &self.state)
            .field("subscribed_at", &self.subscribed_at)
            .field("key", &self.key.map(|_| "(redacted)"))
            .field("members", &self.members)
            .finish()
    }
}

/// Channels by state, kept up to date as states change, so that no frame needs a pass
/// over every channel (a pattern tail may hold thousands).
#[derive(Debug, Default)]
struct Tally {
    subscribed: usize,
    failed: usize,
    /// Names of the channels whose `pusher:subscribe` is on its way, oldest first.
    subscribing: IndexSet<String>,
}

impl Tally {
    fn change(&mut self, name: &str, from: SubState, to: SubState) {
        if from == to {
            return;
        }
        match from {
            SubState::Subscribed => self.subscribed -= 1,
            SubState::Failed => self.failed -= 1,
            SubState::Subscribing => {
                self.subscribing.shift_remove(name);
            }
            SubState::Pending | SubState::Authorizing => {}
        }
        match to {
            SubState::Subscribed => self.subscribed += 1,
            SubState::Failed => self.failed += 1,
            SubState::Subscribing => {
                self.subscribing.insert(name.to_owned());
            }
            SubState::Pending | SubState::Authorizing => {}
        }
    }
}

/// An event for the application, decoded (and decrypted where the channel is encrypted).
#[derive(Debug, Clone, PartialEq)]
pub struct Delivery {
    pub channel: Option<String>,
    pub event: String,
    pub data: Option<Data>,
    pub user_id: Option<String>,
    /// Set when an encrypted channel's event could not be decrypted; `data` is then
    /// the payload as received.
    pub undecryptable: Option<DecryptError>,
}

/// Why the session gives up on a connection: the server did not shake hands as the
/// protocol says, or stopped answering pings. The caller closes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GiveUp {
    /// No `pusher:connection_established` in time.
    NoHandshake,
    /// The first frame was something else.
    BadHandshake(String),
    /// A ping got no pong in time.
    NoPong(Duration),
}

impl std::fmt::Display for GiveUp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NoHandshake => f.write_str("no pusher:connection_established from the server"),
            Self::BadHandshake(event) => {
                write!(
                    f,
                    "the server opened with `{event}`, not pusher:connection_established"
                )
            }
            Self::NoPong(d) => write!(
                f,
                "no pusher:pong within {} of a ping",
                humantime::format_duration(*d)
            ),
        }
    }
}

/// What the caller must do or may show, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Output {
    /// Send this text frame.
    Send(String),
    /// Authorize `channel` for `socket_id`, then call `authorized` or `refused`.
    Authorize {
        channel: String,
        socket_id: String,
    },
    /// Authenticate the user for `socket_id`, then call `signed_in_with`.
    Authenticate {
        socket_id: String,
    },
    Connected {
        socket_id: String,
        /// The ping interval in use: ours, capped by the server's.
        activity: Duration,
    },
    Subscribed {
        channel: String,
        members: Option<Members>,
    },
    SubscriptionFailed {
        channel: String,
        code: Option<u16>,
        message: String,
        /// The auth endpoint gave no answer at all (a network fault, not a refusal):
        /// the network diagnosis's hints.
        unanswered: Option<Vec<String>>,
    },
    MemberAdded {
        channel: String,
        user_id: String,
        user_info: Value,
        count: usize,
    },
    MemberRemoved {
        channel: String,
        user_id: String,
        count: usize,
    },
    SignedIn {
        user_id: String,
    },
    /// The user's authentication could not be had (`Authenticate` was refused), so the
    /// connection will not be signed in.
    SigninFailed {
        code: Option<u16>,
        message: String,
    },
    Event(Delivery),
    /// A `pusher:error` not tied to a channel; the connection carries on unless the
    /// server closes it.
    ServerError {
        code: Option<u16>,
        message: String,
    },
    /// A frame that is not valid protocol; shown, then ignored.
    Malformed {
        error: FrameError,
        text: String,
    },
    /// Close the connection and reconnect.
    Close(GiveUp),
}

/// Why a client event cannot be sent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClientEventError {
    #[error("client event names must start with `client-`; got `{0}`")]
    Prefix(String),
    #[error(transparent)]
    Name(#[from] NameError),
    #[error("`{0}` is a public channel; client events go on private and presence channels only")]
    Public(String),
    #[error("`{0}` is an encrypted channel; client events are not supported on encrypted channels")]
    Encrypted(String),
    #[error("`{0}` is not subscribed on this connection yet")]
    NotSubscribed(String),
}

/// Check what can be checked before connecting: the event name and the channel's kind.
pub fn check_client_event(channel: &str, event: &str) -> Result<(), ClientEventError> {
    names::validate_event_name(event)?;
    if !event.starts_with("client-") {
        return Err(ClientEventError::Prefix(event.to_owned()));
    }
    match ChannelKind::of(channel) {
        ChannelKind::Public => Err(ClientEventError::Public(channel.to_owned())),
        ChannelKind::PrivateEncrypted => Err(ClientEventError::Encrypted(channel.to_owned())),
        ChannelKind::Private | ChannelKind::Presence => Ok(()),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Closed,
    Handshake,
    Open,
}

/// The protocol state of one client across its connections.
#[derive(Debug)]
pub struct Session {
    timing: Timing,
    phase: Phase,
    socket_id: Option<String>,
    /// By name, in the order they were added (the order they are subscribed in).
    channels: IndexMap<String, Channel>,
    tally: Tally,
    /// Sign in after each handshake.
    signin: bool,
    signed_in: Option<String>,
    opened_at: Option<Instant>,
    last_heard: Option<Instant>,
    activity: Duration,
    ping_sent: Option<Instant>,
}

impl Session {
    pub fn new(timing: Timing, signin: bool) -> Self {
        Self {
            timing,
            phase: Phase::Closed,
            socket_id: None,
            channels: IndexMap::new(),
            tally: Tally::default(),
            signin,
            signed_in: None,
            opened_at: None,
            last_heard: None,
            activity: timing.activity,
            ping_sent: None,
        }
    }

    pub fn socket_id(&self) -> Option<&str> {
        self.socket_id.as_deref()
    }

    pub fn is_open(&self) -> bool {
        self.phase == Phase::Open
    }

    /// Every channel subscribed, and the user signed in when that was asked for.
    pub fn all_subscribed(&self) -> bool {
        self.phase == Phase::Open
            && (!self.signin || self.signed_in.is_some())
            && self.tally.subscribed == self.channels.len()
    }

    /// No subscription is still on its way (each has succeeded or failed), and a
    /// requested sign-in has completed.
    pub fn settled(&self) -> bool {
        self.phase == Phase::Open
            && (!self.signin || self.signed_in.is_some())
            && self.tally.subscribed + self.tally.failed == self.channels.len()
    }

    pub fn state_of(&self, channel: &str) -> Option<SubState> {
        self.channels.get(channel).map(|c| c.state)
    }

    /// When the server confirmed the subscription to `channel` on this connection
    /// (`None` while it is not subscribed).
    pub fn subscribed_at(&self, channel: &str) -> Option<Instant> {
        self.channels.get(channel).and_then(|c| c.subscribed_at)
    }

    /// Move a channel to `state`, keeping the tally.
    fn set_state(&mut self, name: &str, state: SubState) {
        if let Some(ch) = self.channels.get_mut(name) {
            self.tally.change(name, ch.state, state);
            ch.state = state;
            if state != SubState::Subscribed {
                ch.subscribed_at = None;
            }
        }
    }

    /// Every channel back to `Pending`, as a connection opens or closes.
    fn reset_states(&mut self) {
        self.tally = Tally::default();
        for ch in self.channels.values_mut() {
            ch.state = SubState::Pending;
            ch.subscribed_at = None;
        }
    }

    /// Add a channel; on an open connection it is authorized or subscribed at once.
    pub fn add_channel(&mut self, name: &str) -> Vec<Output> {
        if self.channels.contains_key(name) {
            return Vec::new();
        }
        let (i, _) = self.channels.insert_full(
            name.to_owned(),
            Channel {
                kind: ChannelKind::of(name),
                state: SubState::Pending,
                subscribed_at: None,
                key: None,
                members: None,
            },
        );
        let mut out = Vec::new();
        if self.phase == Phase::Open {
            self.start(i, &mut out);
        }
        out
    }

    /// Forget a channel, unsubscribing when it is subscribed (or being subscribed) on
    /// the open connection. An authorization still on its way is ignored when it comes.
    pub fn remove_channel(&mut self, name: &str) -> Vec<Output> {
        let Some(ch) = self.channels.shift_remove(name) else {
            return Vec::new();
        };
        self.tally.change(name, ch.state, SubState::Pending);
        if self.phase == Phase::Open
            && matches!(ch.state, SubState::Subscribed | SubState::Subscribing)
        {
            vec![Output::Send(frame::unsubscribe(name))]
        } else {
            Vec::new()
        }
    }

    fn start(&mut self, i: usize, out: &mut Vec<Output>) {
        let Some(socket_id) = self.socket_id.clone() else {
            return;
        };
        let waits_for_signin = self.signin && self.signed_in.is_none();
        let Some((name, ch)) = self.channels.get_index_mut(i) else {
            return;
        };
        let user_channel = name.starts_with(USER_CHANNEL_PREFIX);
        // The user's own channel waits for this connection's sign-in.
        if waits_for_signin && user_channel {
            return;
        }
        let state = if ch.kind.needs_auth() && !user_channel {
            out.push(Output::Authorize {
                channel: name.clone(),
                socket_id,
            });
            SubState::Authorizing
        } else {
            out.push(Output::Send(frame::subscribe(name, None, None)));
            SubState::Subscribing
        };
        self.tally.change(name, ch.state, state);
        ch.state = state;
    }

    /// A new connection is open; the handshake starts.
    pub fn opened(&mut self, now: Instant) {
        self.phase = Phase::Handshake;
        self.socket_id = None;
        self.signed_in = None;
        self.opened_at = Some(now);
        self.last_heard = Some(now);
        self.ping_sent = None;
        self.activity = self.timing.activity;
        self.reset_states();
        for ch in self.channels.values_mut() {
            ch.members = None;
        }
    }

    /// The connection is gone.
    pub fn closed(&mut self) {
        self.phase = Phase::Closed;
        self.opened_at = None;
        self.ping_sent = None;
        self.reset_states();
    }

    /// The authorization for a channel: subscribe with it (or say why it is unusable).
    pub fn authorized(&mut self, channel: &str, auth: &ChannelAuth) -> Vec<Output> {
        let Some(ch) = self.channels.get_mut(channel) else {
            return Vec::new();
        };
        if ch.state != SubState::Authorizing {
            return Vec::new();
        }
        if ch.kind == ChannelKind::PrivateEncrypted {
            let key = match &auth.shared_secret {
                None => Err(format!(
                    "no shared_secret in the authorization for encrypted channel {channel}"
                )),
                Some(secret) => crypto::shared_secret_from_base64(secret).map_err(|_| {
                    "the authorization's shared_secret is not base64 of 32 bytes".to_owned()
                }),
            };
            match key {
                Ok(key) => ch.key = Some(key),
                Err(message) => return vec![self.refused(channel, None, message)],
            }
        }
        self.set_state(channel, SubState::Subscribing);
        vec![Output::Send(frame::subscribe(
            channel,
            Some(&auth.auth),
            auth.channel_data.as_deref(),
        ))]
    }

    /// The channel could not be authorized.
    pub fn refused(&mut self, channel: &str, code: Option<u16>, message: String) -> Output {
        self.set_state(channel, SubState::Failed);
        Output::SubscriptionFailed {
            channel: channel.to_owned(),
            code,
            message,
            unanswered: None,
        }
    }

    /// The auth endpoint could not be reached to authorize the channel: refused, with
    /// the network diagnosis's hints.
    pub fn unanswered(&mut self, channel: &str, message: String, hints: Vec<String>) -> Output {
        let mut out = self.refused(channel, None, message);
        if let Output::SubscriptionFailed { unanswered, .. } = &mut out {
            *unanswered = Some(hints);
        }
        out
    }

    /// The user's authentication: sign in with it.
    pub fn signed_in_with(&self, auth: &UserAuth) -> Output {
        Output::Send(frame::signin(&auth.auth, &auth.user_data))
    }

    /// A client event as a frame, if the channel allows one now.
    pub fn client_event(
        &self,
        channel: &str,
        event: &str,
        data: &Value,
    ) -> Result<String, ClientEventError> {
        check_client_event(channel, event)?;
        if self.state_of(channel) != Some(SubState::Subscribed) {
            return Err(ClientEventError::NotSubscribed(channel.to_owned()));
        }
        Ok(frame::client_event(channel, event, data))
    }

    /// Unsubscribe from every subscribed channel (before a clean close).
    pub fn unsubscribe_all(&mut self) -> Vec<Output> {
        let out = self
            .channels
            .iter()
            .filter(|(_, ch)| matches!(ch.state, SubState::Subscribed | SubState::Subscribing))
            .map(|(name, _)| Output::Send(frame::unsubscribe(name)))
            .collect();
        self.reset_states();
        out
    }

    /// When `tick` next has something to do.
    pub fn deadline(&self) -> Option<Instant> {
        match self.phase {
            Phase::Closed => None,
            Phase::Handshake => self
                .opened_at
                .and_then(|t| t.checked_add(self.timing.handshake)),
            Phase::Open => match self.ping_sent {
                Some(sent) => sent.checked_add(self.timing.pong),
                None => self.last_heard.and_then(|t| t.checked_add(self.activity)),
            },
        }
    }

    /// Time passes: ping after silence, give up on a missing pong or handshake.
    pub fn tick(&mut self, now: Instant) -> Vec<Output> {
        match self.phase {
            Phase::Closed => Vec::new(),
            Phase::Handshake => match self.opened_at {
                Some(t)
                    if t.checked_add(self.timing.handshake)
                        .is_some_and(|at| now >= at) =>
                {
                    vec![Output::Close(GiveUp::NoHandshake)]
                }
                _ => Vec::new(),
            },
            Phase::Open => match (self.ping_sent, self.last_heard) {
                (Some(sent), _)
                    if sent
                        .checked_add(self.timing.pong)
                        .is_some_and(|at| now >= at) =>
                {
                    vec![Output::Close(GiveUp::NoPong(self.timing.pong))]
                }
                (None, Some(heard))
                    if heard.checked_add(self.activity).is_some_and(|at| now >= at) =>
                {
                    self.ping_sent = Some(now);
                    vec![Output::Send(frame::ping())]
                }
                _ => Vec::new(),
            },
        }
    }

    /// A text frame arrived.
    pub fn receive(&mut self, text: &str, now: Instant) -> Vec<Output> {
        // Any message shows the connection is alive.
        self.last_heard = Some(now);
        self.ping_sent = None;
        let frame = match Frame::parse(text) {
            Ok(f) => f,
            Err(error) => {
                return vec![Output::Malformed {
                    error,
                    text: text.to_owned(),
                }];
            }
        };
        let message = Message::from_frame(frame);
        if self.phase == Phase::Handshake {
            return self.handshake(message);
        }
        let mut out = Vec::new();
        match message {
            Message::ConnectionEstablished { .. } => {}
            Message::Ping => out.push(Output::Send(frame::pong())),
            Message::Pong => {}
            Message::Error {
                code,
                message,
                channel,
            } => out.push(self.error(code, message, channel)),
            Message::SubscriptionSucceeded { channel, members } => {
                if self.channels.contains_key(&channel) {
                    self.set_state(&channel, SubState::Subscribed);
                    if let Some(ch) = self.channels.get_mut(&channel) {
                        ch.members.clone_from(&members);
                        ch.subscribed_at = Some(now);
                    }
                    out.push(Output::Subscribed { channel, members });
                }
            }
            Message::SubscriptionError {
                channel,
                status,
                message,
            } => out.push(self.refused(&channel, status, message)),
            Message::MemberAdded {
                channel,
                user_id,
                user_info,
            } => {
                let count = self.members_of(&channel, |m| m.add(&user_id, user_info.clone()));
                out.push(Output::MemberAdded {
                    channel,
                    user_id,
                    user_info,
                    count,
                });
            }
            Message::MemberRemoved { channel, user_id } => {
                let count = self.members_of(&channel, |m| m.remove(&user_id));
                out.push(Output::MemberRemoved {
                    channel,
                    user_id,
                    count,
                });
            }
            Message::SigninSuccess { user_data } => {
                let id = user_data
                    .as_deref()
                    .and_then(|d| super::sign::user_data_id(d).ok());
                match id {
                    Some(user_id) => {
                        self.signed_in = Some(user_id.clone());
                        out.push(Output::SignedIn {
                            user_id: user_id.clone(),
                        });
                        out.extend(self.start_user_channel(&user_id));
                    }
                    None => out.push(Output::ServerError {
                        code: None,
                        message: "pusher:signin_success without a user id in user_data".to_owned(),
                    }),
                }
            }
            Message::Event(frame) => out.push(Output::Event(self.deliver(frame))),
        }
        out
    }

    fn handshake(&mut self, message: Message) -> Vec<Output> {
        match message {
            Message::ConnectionEstablished {
                socket_id,
                activity_timeout,
            } => {
                self.phase = Phase::Open;
                self.socket_id = Some(socket_id.clone());
                if let Some(secs) = activity_timeout.filter(|s| *s > 0) {
                    self.activity = self.timing.activity.min(Duration::from_secs(secs));
                }
                let mut out = vec![Output::Connected {
                    socket_id: socket_id.clone(),
                    activity: self.activity,
                }];
                if self.signin {
                    out.push(Output::Authenticate { socket_id });
                }
                for i in 0..self.channels.len() {
                    self.start(i, &mut out);
                }
                out
            }
            // Servers explain a refusal with an error before closing with its code.
            Message::Error { code, message, .. } => vec![Output::ServerError { code, message }],
            Message::Ping => vec![Output::Send(frame::pong())],
            other => vec![Output::Close(GiveUp::BadHandshake(match other {
                Message::Event(f) => f.event,
                _ => "another event".to_owned(),
            }))],
        }
    }

    /// Signed in: subscribe to the user's channel, as pusher-js does, on every
    /// connection once its sign-in has succeeded.
    fn start_user_channel(&mut self, user_id: &str) -> Vec<Output> {
        let name = format!("{USER_CHANNEL_PREFIX}{user_id}");
        let Some((i, _, ch)) = self.channels.get_full(&name) else {
            return self.add_channel(&name);
        };
        let pending = ch.state == SubState::Pending;
        let mut out = Vec::new();
        if pending {
            self.start(i, &mut out);
        }
        out
    }

    fn members_of(&mut self, channel: &str, f: impl FnOnce(&mut Members)) -> usize {
        match self.channels.get_mut(channel) {
            Some(ch) => {
                let members = ch.members.get_or_insert_with(Members::default);
                f(members);
                members.len()
            }
            None => 0,
        }
    }

    /// A `pusher:error` belongs to a channel when it names one, when its message names
    /// a channel being subscribed (Pusher's own subscription errors do), or when it is
    /// an authorization or channel error and a subscription is on its way: then the
    /// oldest, as a server answers a connection's subscribes in the order they came.
    fn error(&mut self, code: Option<u16>, message: String, channel: Option<String>) -> Output {
        // The words of the message that could be channel names, looked up one by one:
        // the cost follows the message, not the number of channels.
        let on_its_way = |name: &str| {
            self.channels
                .get(name)
                .is_some_and(|c| matches!(c.state, SubState::Subscribing | SubState::Authorizing))
        };
        let named_in_message = message
            .split(|c: char| !names::is_channel_char(c))
            .flat_map(|word| [word, word.trim_end_matches(['.', ',', ';'])])
            .filter(|word| on_its_way(word))
            .max_by_key(|word| word.len())
            .map(str::to_owned);
        // Failing that, the oldest subscription on its way (sockudo names no channel).
        let only = self
            .tally
            .subscribing
            .first()
            .filter(|_| code.is_none_or(|c| c == 4009 || (4300..4400).contains(&c)))
            .cloned();
        let target = channel
            .filter(|c| self.channels.contains_key(c))
            .or(named_in_message)
            .or(only);
        match target {
            Some(ch) if self.state_of(&ch) != Some(SubState::Subscribed) => {
                self.refused(&ch, code, message)
            }
            _ => Output::ServerError { code, message },
        }
    }

    fn deliver(&self, frame: Frame) -> Delivery {
        let key = frame
            .channel
            .as_deref()
            .and_then(|c| self.channels.get(c))
            .filter(|_| !frame::is_internal(&frame.event))
            .and_then(|c| c.key);
        let mut delivery = Delivery {
            channel: frame.channel,
            event: frame.event,
            data: frame.data,
            user_id: frame.user_id,
            undecryptable: None,
        };
        if let Some(key) = key {
            let opened = {
                let sealed = delivery.data.as_ref().map(Data::decoded);
                crypto::decrypt_with(&key, sealed.as_deref().unwrap_or(&Value::Null))
            };
            match opened {
                Ok(plain) => delivery.data = Some(Data::from_plaintext(plain)),
                Err(e) => delivery.undecryptable = Some(e),
            }
        }
        delivery
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::pusher::MasterKey;
    use crate::pusher::sign::authorize_channel;

    const EST: &str = r#"{"event":"pusher:connection_established","data":"{\"socket_id\":\"1.2\",\"activity_timeout\":30}"}"#;

    fn ok(channel: &str) -> String {
        format!(
            r#"{{"event":"pusher_internal:subscription_succeeded","channel":"{channel}","data":"{{}}"}}"#
        )
    }

    fn sends(out: &[Output]) -> Vec<&str> {
        out.iter()
            .filter_map(|o| match o {
                Output::Send(s) => Some(s.as_str()),
                _ => None,
            })
            .collect()
    }

    fn open(s: &mut Session, now: Instant) -> Vec<Output> {
        s.opened(now);
        s.receive(EST, now)
    }

    #[test]
    fn public_channels_subscribe_after_the_handshake() {
        let t = Instant::now();
        let mut s = Session::new(Timing::default(), false);
        assert!(
            s.add_channel("a").is_empty(),
            "nothing is sent before a connection"
        );
        let out = open(&mut s, t);
        assert_eq!(
            out[0],
            Output::Connected {
                socket_id: "1.2".into(),
                activity: Duration::from_secs(30)
            }
        );
        assert_eq!(
            sends(&out),
            [r#"{"event":"pusher:subscribe","data":{"auth":"","channel":"a"}}"#]
        );
        assert!(!s.all_subscribed());
        let out = s.receive(&ok("a"), t);
        assert_eq!(
            out,
            [Output::Subscribed {
                channel: "a".into(),
                members: None
            }]
        );
        assert!(s.all_subscribed());
        // A channel added later subscribes at once.
        assert_eq!(sends(&s.add_channel("b")).len(), 1);
        assert!(!s.all_subscribed());
        assert!(s.add_channel("b").is_empty(), "a channel is added once");
    }

    #[test]
    fn private_channels_wait_for_authorization() {
        let t = Instant::now();
        let mut s = Session::new(Timing::default(), false);
        s.add_channel("private-a");
        let out = open(&mut s, t);
        assert_eq!(
            out[1],
            Output::Authorize {
                channel: "private-a".into(),
                socket_id: "1.2".into()
            }
        );
        let auth = authorize_channel("key", "secret", "1.2", "private-a", None, None).unwrap();
        let out = s.authorized("private-a", &auth);
        assert_eq!(
            sends(&out),
            [format!(
                r#"{{"event":"pusher:subscribe","data":{{"auth":"{}","channel":"private-a"}}}}"#,
                auth.auth
            )]
        );
        assert_eq!(s.state_of("private-a"), Some(SubState::Subscribing));
    }

    #[test]
    fn reconnect_resubscribes_everything() {
        let t = Instant::now();
        let mut s = Session::new(Timing::default(), false);
        s.add_channel("a");
        s.add_channel("private-b");
        open(&mut s, t);
        s.receive(&ok("a"), t);
        s.closed();
        assert_eq!(s.state_of("a"), Some(SubState::Pending));
        let out = open(&mut s, t);
        assert_eq!(sends(&out).len(), 1);
        assert!(
            out.iter()
                .any(|o| matches!(o, Output::Authorize { channel, .. } if channel == "private-b"))
        );
    }

    #[test]
    fn presence_members_are_tracked() {
        let t = Instant::now();
        let mut s = Session::new(Timing::default(), false);
        s.add_channel("presence-r");
        open(&mut s, t);
        let out = s.receive(
            r#"{"event":"pusher_internal:subscription_succeeded","channel":"presence-r","data":"{\"presence\":{\"ids\":[\"1\"],\"hash\":{\"1\":{\"n\":\"a\"}},\"count\":1}}"}"#,
            t,
        );
        assert!(matches!(&out[0], Output::Subscribed { members: Some(m), .. } if m.len() == 1));
        let out = s.receive(
            r#"{"event":"pusher_internal:member_added","channel":"presence-r","data":"{\"user_id\":\"2\",\"user_info\":{}}"}"#,
            t,
        );
        assert!(matches!(&out[0], Output::MemberAdded { count: 2, user_id, .. } if user_id == "2"));
        let out = s.receive(
            r#"{"event":"pusher_internal:member_removed","channel":"presence-r","data":"{\"user_id\":\"1\"}"}"#,
            t,
        );
        assert!(matches!(&out[0], Output::MemberRemoved { count: 1, .. }));
    }

    #[test]
    fn ping_after_silence_and_give_up_without_pong() {
        let t = Instant::now();
        let timing = Timing {
            activity: Duration::from_secs(120),
            pong: Duration::from_secs(30),
            handshake: Duration::from_secs(10),
        };
        let mut s = Session::new(timing, false);
        open(&mut s, t);
        // The server's 30 s caps our 120 s.
        assert_eq!(s.deadline(), Some(t + Duration::from_secs(30)));
        assert!(s.tick(t + Duration::from_secs(29)).is_empty());
        let at = t + Duration::from_secs(30);
        assert_eq!(sends(&s.tick(at)), [frame::ping()]);
        assert_eq!(s.deadline(), Some(at + Duration::from_secs(30)));
        // A pong (or anything) resets the clock.
        s.receive(
            r#"{"event":"pusher:pong","data":{}}"#,
            at + Duration::from_secs(1),
        );
        assert_eq!(s.deadline(), Some(at + Duration::from_secs(31)));
        let at = at + Duration::from_secs(31);
        assert_eq!(sends(&s.tick(at)).len(), 1);
        assert_eq!(
            s.tick(at + Duration::from_secs(30)),
            [Output::Close(GiveUp::NoPong(Duration::from_secs(30)))]
        );
    }

    #[test]
    fn server_pings_are_answered() {
        let t = Instant::now();
        let mut s = Session::new(Timing::default(), false);
        open(&mut s, t);
        let out = s.receive(r#"{"event":"pusher:ping","data":"{}"}"#, t);
        assert_eq!(sends(&out), [frame::pong()]);
    }

    #[test]
    fn handshake_must_come_first_and_in_time() {
        let t = Instant::now();
        let mut s = Session::new(Timing::default(), false);
        s.opened(t);
        assert_eq!(
            s.tick(t + Duration::from_secs(10)),
            [Output::Close(GiveUp::NoHandshake)]
        );
        s.opened(t);
        assert_eq!(
            s.receive(r#"{"event":"hello","data":"{}"}"#, t),
            [Output::Close(GiveUp::BadHandshake("hello".into()))]
        );
        s.opened(t);
        assert_eq!(
            s.receive(
                r#"{"event":"pusher:error","data":{"code":4001,"message":"App key x does not exist."}}"#,
                t
            ),
            [Output::ServerError {
                code: Some(4001),
                message: "App key x does not exist.".into()
            }]
        );
    }

    #[test]
    fn errors_are_tied_to_the_channel_they_name() {
        let t = Instant::now();
        let mut s = Session::new(Timing::default(), false);
        s.add_channel("private-events");
        s.add_channel("private-events-2");
        open(&mut s, t);
        let out = s.receive(
            r#"{"event":"pusher:error","data":{"code":null,"message":"Invalid signature for private-events-2"}}"#,
            t,
        );
        assert!(
            matches!(&out[0], Output::SubscriptionFailed { channel, .. } if channel == "private-events-2")
        );
        assert_eq!(s.state_of("private-events-2"), Some(SubState::Failed));
        let out = s.receive(
            r#"{"event":"pusher:error","data":{"code":4301,"message":"rate limited"}}"#,
            t,
        );
        assert!(matches!(
            &out[0],
            Output::ServerError {
                code: Some(4301),
                ..
            }
        ));
        let out = s.receive(
            r#"{"event":"pusher:subscription_error","channel":"private-events","data":{"type":"AuthError","error":"denied","status":403}}"#,
            t,
        );
        assert_eq!(
            out,
            [Output::SubscriptionFailed {
                channel: "private-events".into(),
                code: Some(403),
                message: "denied".into(),
                unanswered: None,
            }]
        );
    }

    #[test]
    fn an_unnamed_auth_error_goes_to_the_one_subscription_in_flight() {
        let t = Instant::now();
        let mut s = Session::new(Timing::default(), false);
        s.add_channel("a");
        s.add_channel("private-b");
        open(&mut s, t);
        s.receive(&ok("a"), t);
        s.authorized(
            "private-b",
            &authorize_channel("k", "s", "1.2", "private-b", None, None).unwrap(),
        );
        let out = s.receive(
            r#"{"event":"pusher:error","data":{"code":4009,"message":"Authentication error: Channel requires authentication"}}"#,
            t,
        );
        assert!(
            matches!(&out[0], Output::SubscriptionFailed { channel, code: Some(4009), .. } if channel == "private-b")
        );
    }

    #[test]
    fn unnamed_auth_errors_go_to_the_subscriptions_in_the_order_they_were_sent() {
        let t = Instant::now();
        let mut s = Session::new(Timing::default(), false);
        for ch in ["private-c", "private-a", "private-b"] {
            s.add_channel(ch);
        }
        open(&mut s, t);
        for ch in ["private-c", "private-a", "private-b"] {
            s.authorized(
                ch,
                &authorize_channel("k", "wrong", "1.2", ch, None, None).unwrap(),
            );
        }
        let refusal =
            r#"{"event":"pusher:error","data":{"code":4009,"message":"Authentication error"}}"#;
        let mut refused = Vec::new();
        for _ in 0..3 {
            match &s.receive(refusal, t)[..] {
                [Output::SubscriptionFailed { channel, .. }] => refused.push(channel.clone()),
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(refused, ["private-c", "private-a", "private-b"]);
        // None on its way: the error is the connection's.
        assert!(matches!(
            &s.receive(refusal, t)[..],
            [Output::ServerError {
                code: Some(4009),
                ..
            }]
        ));
    }

    #[test]
    fn encrypted_events_are_decrypted_or_reported() {
        let t = Instant::now();
        let key = MasterKey::from_base64("dGhpcyBpcyAzMiBieXRlcyAxMjM0NTY3ODkwMTIzNDU=").unwrap();
        let ch = "private-encrypted-x";
        let mut s = Session::new(Timing::default(), false);
        s.add_channel(ch);
        open(&mut s, t);
        let auth = authorize_channel("key", "secret", "1.2", ch, None, Some(&key)).unwrap();
        s.authorized(ch, &auth);
        s.receive(&ok(ch), t);
        let sealed = key.encrypt(ch, &[7; 24], br#"{"msg":"hi"}"#);
        let frame = json!({"event":"e","channel":ch,"data":sealed}).to_string();
        let out = s.receive(&frame, t);
        let Output::Event(d) = &out[0] else {
            panic!("{out:?}")
        };
        assert_eq!(d.data, Some(Data::Text(r#"{"msg":"hi"}"#.into())));
        assert_eq!(d.undecryptable, None);

        let other = MasterKey::from_base64("b3RoZXIgaXMgMzIgYnl0ZXMgMTIzNDU2Nzg5MDEyMzQ=").unwrap();
        let sealed = other.encrypt(ch, &[7; 24], b"{}");
        let frame = json!({"event":"e","channel":ch,"data":sealed}).to_string();
        let out = s.receive(&frame, t);
        let Output::Event(d) = &out[0] else {
            panic!("{out:?}")
        };
        assert_eq!(d.undecryptable, Some(DecryptError::Open));
        assert!(
            d.data
                .as_ref()
                .is_some_and(|v| v.decoded().get("nonce").is_some())
        );

        // The channel's key is held, and never shown.
        let shown = format!("{s:?}");
        assert!(shown.contains(r#"key: Some("(redacted)")"#), "{shown}");
    }

    #[test]
    fn encrypted_channel_needs_a_shared_secret() {
        let t = Instant::now();
        let mut s = Session::new(Timing::default(), false);
        s.add_channel("private-encrypted-x");
        open(&mut s, t);
        let auth = ChannelAuth {
            auth: "k:s".into(),
            channel_data: None,
            shared_secret: None,
        };
        assert!(matches!(
            s.authorized("private-encrypted-x", &auth).as_slice(),
            [Output::SubscriptionFailed { .. }]
        ));
    }

    #[test]
    fn signin_then_the_user_channel() {
        let t = Instant::now();
        let mut s = Session::new(Timing::default(), true);
        let out = open(&mut s, t);
        assert!(out.contains(&Output::Authenticate {
            socket_id: "1.2".into()
        }));
        assert!(!s.all_subscribed(), "waits for the sign-in");
        let out = s.receive(
            r#"{"event":"pusher:signin_success","data":{"user_data":"{\"id\":\"42\"}"}}"#,
            t,
        );
        assert_eq!(
            out[0],
            Output::SignedIn {
                user_id: "42".into()
            }
        );
        assert_eq!(
            sends(&out),
            [r##"{"event":"pusher:subscribe","data":{"auth":"","channel":"#server-to-user-42"}}"##]
        );
        s.receive(&ok("#server-to-user-42"), t);
        assert!(s.all_subscribed());

        // Reconnected: the user's channel waits for this connection's sign-in again.
        s.closed();
        let out = open(&mut s, t);
        assert!(sends(&out).is_empty(), "{out:?}");
        assert_eq!(s.state_of("#server-to-user-42"), Some(SubState::Pending));
        let out = s.receive(
            r#"{"event":"pusher:signin_success","data":{"user_data":"{\"id\":\"42\"}"}}"#,
            t,
        );
        assert_eq!(
            sends(&out),
            [r##"{"event":"pusher:subscribe","data":{"auth":"","channel":"#server-to-user-42"}}"##]
        );
    }

    #[test]
    fn durations_too_long_to_come_never_panic() {
        let t = Instant::now();
        let forever = Duration::from_secs(u64::MAX);
        let timing = Timing {
            activity: forever,
            pong: forever,
            handshake: forever,
        };
        let mut s = Session::new(timing, false);
        s.opened(t);
        assert_eq!(s.deadline(), None);
        assert!(s.tick(t).is_empty());
        s.receive(EST, t);
        assert!(
            s.deadline().is_some(),
            "the server's activity_timeout caps ours"
        );
        let mut s = Session::new(timing, false);
        s.opened(t);
        s.receive(
            r#"{"event":"pusher:connection_established","data":"{\"socket_id\":\"1.2\"}"}"#,
            t,
        );
        assert_eq!(s.deadline(), None);
        assert!(s.tick(t).is_empty());
    }

    #[test]
    fn client_events_are_checked() {
        let t = Instant::now();
        let mut s = Session::new(Timing::default(), false);
        s.add_channel("private-a");
        open(&mut s, t);
        assert_eq!(
            s.client_event("private-a", "client-x", &json!({})),
            Err(ClientEventError::NotSubscribed("private-a".into()))
        );
        s.authorized(
            "private-a",
            &authorize_channel("k", "s", "1.2", "private-a", None, None).unwrap(),
        );
        s.receive(&ok("private-a"), t);
        assert!(s.client_event("private-a", "client-x", &json!({})).is_ok());
        assert_eq!(
            check_client_event("private-a", "typing"),
            Err(ClientEventError::Prefix("typing".into()))
        );
        assert_eq!(
            check_client_event("public", "client-x"),
            Err(ClientEventError::Public("public".into()))
        );
        assert!(matches!(
            check_client_event("private-encrypted-a", "client-x"),
            Err(ClientEventError::Encrypted(_))
        ));
        assert!(check_client_event("presence-a", "client-x").is_ok());
    }

    #[test]
    fn unsubscribe_all_before_closing() {
        let t = Instant::now();
        let mut s = Session::new(Timing::default(), false);
        s.add_channel("a");
        open(&mut s, t);
        s.receive(&ok("a"), t);
        assert_eq!(sends(&s.unsubscribe_all()), [frame::unsubscribe("a")]);
    }

    #[test]
    fn a_removed_channel_is_unsubscribed_and_its_late_authorization_ignored() {
        let t = Instant::now();
        let mut s = Session::new(Timing::default(), false);
        s.add_channel("a");
        s.add_channel("private-b");
        s.add_channel("c");
        open(&mut s, t);
        s.receive(&ok("a"), t);
        assert_eq!(s.subscribed_at("a"), Some(t));
        assert_eq!(s.subscribed_at("c"), None, "not confirmed yet");
        assert_eq!(sends(&s.remove_channel("a")), [frame::unsubscribe("a")]);
        assert_eq!(s.state_of("a"), None);
        assert!(s.remove_channel("a").is_empty(), "removed once");
        // Still being authorized: nothing to unsubscribe, and the answer is dropped.
        assert!(s.remove_channel("private-b").is_empty());
        let auth = authorize_channel("k", "s", "1.2", "private-b", None, None).unwrap();
        assert!(s.authorized("private-b", &auth).is_empty());
        // What is left decides readiness: "c" alone.
        assert!(!s.all_subscribed());
        s.receive(&ok("c"), t);
        assert!(s.all_subscribed() && s.settled());
        // Before a connection, removing sends nothing.
        s.closed();
        assert!(s.remove_channel("c").is_empty());
        assert_eq!(s.subscribed_at("c"), None);
    }

    #[test]
    fn readiness_follows_every_state_change() {
        let t = Instant::now();
        let mut s = Session::new(Timing::default(), false);
        for name in ["a", "b", "private-c"] {
            s.add_channel(name);
        }
        open(&mut s, t);
        s.receive(&ok("a"), t);
        s.receive(&ok("a"), t);
        assert!(!s.settled(), "a repeated confirmation counts once");
        s.receive(&ok("b"), t);
        let refused = s.refused("private-c", Some(403), "no".into());
        assert!(matches!(refused, Output::SubscriptionFailed { .. }));
        assert!(s.settled() && !s.all_subscribed());
        s.unsubscribe_all();
        assert!(!s.settled());
        s.closed();
        open(&mut s, t);
        for name in ["a", "b"] {
            s.receive(&ok(name), t);
        }
        let auth = authorize_channel("k", "s", "1.2", "private-c", None, None).unwrap();
        s.authorized("private-c", &auth);
        assert!(!s.settled());
        s.receive(&ok("private-c"), t);
        assert!(s.all_subscribed());
    }

    #[test]
    fn an_error_naming_a_channel_with_punctuation_after_it_finds_that_channel() {
        let t = Instant::now();
        let mut s = Session::new(Timing::default(), false);
        s.add_channel("private-foo");
        s.add_channel("private-foo-2");
        open(&mut s, t);
        for ch in ["private-foo", "private-foo-2"] {
            s.authorized(
                ch,
                &authorize_channel("k", "s", "1.2", ch, None, None).unwrap(),
            );
        }
        let out = s.receive(
            r#"{"event":"pusher:error","data":{"code":null,"message":"Invalid signature: Expected HMAC SHA256 hex digest of 1.2:private-foo-2, but got x."}}"#,
            t,
        );
        assert!(
            matches!(&out[0], Output::SubscriptionFailed { channel, .. } if channel == "private-foo-2"),
            "{out:?}"
        );
        assert_eq!(s.state_of("private-foo"), Some(SubState::Subscribing));
    }

    #[test]
    fn malformed_frames_are_reported_not_fatal() {
        let t = Instant::now();
        let mut s = Session::new(Timing::default(), false);
        open(&mut s, t);
        assert!(matches!(
            &s.receive("{oops", t)[0],
            Output::Malformed { .. }
        ));
        assert!(s.is_open());
    }
}
