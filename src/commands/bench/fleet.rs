//! The subscribers: one WebSocket client each (the same client `tail` and `probe` use,
//! reconnecting off), opened at a bounded pace, each counting what arrives for it on
//! the one board they share with the publisher.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use serde::Deserialize;
use serde_json::Value;
use tokio::sync::{Notify, mpsc};
use tokio::task::JoinHandle;
use tokio::time::Instant;

use super::results::{Connections, Latencies, Results};
use super::{EVENT, Plan};
use crate::commands::Ctx;
use crate::commands::inflight::progress_bar;
use crate::config::Resolved;
use crate::error::{CliError, Kind};
use crate::net::auth::{Authorizer, Signer};
use crate::net::ws::{
    self, Client, ConnState, Control, Counters, Handler, RunEnd, StopReason, Update,
};
use crate::pusher::data::Data;
use crate::pusher::names::ChannelKind;
use crate::pusher::session::{Output, Session, Timing};
use crate::ui::Ui;

/// Connections opening at once, when no --ramp paces them.
const MAX_OPENING: usize = 100;

/// Failures in a row after which no more connections are opened.
const MAX_FAILURES_IN_A_ROW: u32 = 20;

/// Pusher's error codes that mean the server takes no more connections: over the
/// connection quota, over capacity.
const LIMIT_CODES: [u16; 2] = [4004, 4100];

/// HTTP statuses answering a WebSocket upgrade that mean the same: too many requests,
/// unavailable.
const LIMIT_STATUSES: [u16; 2] = [429, 503];

/// Each subscriber's socket read buffer: a bench's events are small, and thousands of
/// connections each holding the default 128 KiB would measure rtctl, not the server.
const READ_BUFFER_SIZE: usize = 4096;

/// How long closing every connection may take, all at once.
const CLOSE_WITHIN: Duration = Duration::from_secs(3);

/// Reason texts kept at most this long, so variations do not flood the report.
const REASON_CHARS: usize = 200;

/// What every subscriber is made from.
pub struct Setup {
    options: ws::Options,
    signer: Option<Signer>,
    presence: bool,
    timeout: Duration,
}

impl Setup {
    pub async fn new(ctx: &mut Ctx, config: &Resolved, plan: &Plan) -> Result<Self, CliError> {
        let kind = ChannelKind::of(&plan.channels[0]);
        let signer = if kind.needs_auth() {
            let (key, secret) = ctx.key_and_secret().await?;
            Some(Signer {
                key,
                secret,
                master_key: None,
            })
        } else {
            None
        };
        let options = ws::Options {
            read_buffer_size: READ_BUFFER_SIZE,
            ..ws::Options::for_profile(config, ctx.trust()?, false, ws::DEFAULT_MAX_MESSAGE_SIZE)?
        };
        Ok(Self {
            options,
            signer,
            presence: kind == ChannelKind::Presence,
            timeout: config.timeout.val,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Connecting or subscribing; asked to stop once it was overdue.
    Opening {
        stopping: bool,
    },
    Subscribed,
    Failed,
    Dropped,
    Closed,
}

/// One subscriber, as the board sees it.
struct Member {
    channel: usize,
    phase: Phase,
    opened_at: Instant,
    connected_at: Option<Instant>,
    /// The last `pusher:error` or refusal, to explain the end that follows it.
    last_error: Option<String>,
    /// What the server said means it takes no more connections.
    limit: bool,
    stop: mpsc::Sender<Control>,
}

impl Member {
    /// A subscriber starting to open now, on channel `channel`, stopped through `stop`.
    fn opening(channel: usize, stop: mpsc::Sender<Control>) -> Self {
        Self {
            channel,
            phase: Phase::Opening { stopping: false },
            opened_at: Instant::now(),
            connected_at: None,
            last_error: None,
            limit: false,
            stop,
        }
    }
}

/// What the subscribers and the publisher share.
#[derive(Default)]
pub struct Board {
    members: Vec<Member>,
    opening: usize,
    /// Connections the server accepted (`connection_established`).
    connected: u64,
    subscribed: u64,
    failures_in_a_row: u32,
    /// Why opening stopped early.
    stop_opening: Option<String>,
    connections: Connections,
    connect: Latencies,
    subscribe: Latencies,
    fan_out: Latencies,
    /// Subscribers on each channel when publishing began.
    on_channel: Vec<u64>,
    /// When each event's request went out, by sequence number.
    sent_at: Vec<Option<Instant>>,
    /// Arrivals of each event, all subscribers together.
    arrivals: Vec<u32>,
    /// Events of other runs or unknown numbers, seen on the bench's channels.
    strays: u64,
}

impl Board {
    fn connected(&mut self, i: usize, at: Instant) {
        let m = &mut self.members[i];
        if matches!(m.phase, Phase::Opening { .. }) && m.connected_at.is_none() {
            m.connected_at = Some(at);
            self.connected += 1;
            self.connect.record(at - m.opened_at);
        }
    }

    fn subscribed(&mut self, i: usize, at: Instant) {
        let m = &mut self.members[i];
        if !matches!(m.phase, Phase::Opening { .. }) {
            return;
        }
        m.phase = Phase::Subscribed;
        self.subscribe
            .record(at - m.connected_at.unwrap_or(m.opened_at));
        self.opening -= 1;
        self.subscribed += 1;
        self.failures_in_a_row = 0;
    }

    fn arrived(&mut self, seq: u64, at: Instant) {
        let slot = usize::try_from(seq).ok();
        match slot.and_then(|s| Some((self.sent_at.get(s).copied()??, s))) {
            Some((sent, s)) => {
                self.arrivals[s] = self.arrivals[s].saturating_add(1);
                self.fan_out.record(at.saturating_duration_since(sent));
            }
            None => self.strays += 1,
        }
    }

    /// Why subscriber `i` is about to end, as the server said it; `limit` when what it
    /// said means it takes no more connections.
    fn note_error(&mut self, i: usize, reason: String, limit: bool) {
        let m = &mut self.members[i];
        m.last_error = Some(reason);
        m.limit |= limit;
    }

    /// Subscriber `i`'s client returned.
    fn ended(&mut self, i: usize, end: Result<RunEnd, CliError>, timeout: Duration) {
        let accepted = self.connected;
        let m = &mut self.members[i];
        // Refused for good although the server accepted others with the same key: not
        // the key but a limit. sockudo closes a connection over its app's
        // max_connections before `connection_established`, where Pusher closes it with 4004.
        let refused_beside_others =
            matches!(&end, Err(e) if e.kind == Kind::Refused) && accepted > 0;
        let limit = m.limit || refused_beside_others;
        let reason = match (m.last_error.take(), &end) {
            (Some(said), _) => said,
            (None, Err(_)) if refused_beside_others && m.connected_at.is_none() => format!(
                "closed before pusher:connection_established although the server accepted {accepted} connections with the same key: most likely the app's connection limit"
            ),
            (None, Err(e)) => e.message.clone(),
            (None, Ok(RunEnd::Lost(reason))) => reason.clone(),
            (None, Ok(RunEnd::Stopped(_))) => match m.phase {
                Phase::Opening { stopping: true } => format!(
                    "not subscribed within {}",
                    humantime::format_duration(timeout * 2)
                ),
                _ => "stopped before it subscribed".to_owned(),
            },
        };
        let reason = crate::text::one_line(&reason, REASON_CHARS);
        match m.phase {
            Phase::Opening { .. } => {
                m.phase = Phase::Failed;
                self.opening -= 1;
                self.failures_in_a_row += 1;
                self.connections.failed += 1;
                *self.connections.failures.entry(reason.clone()).or_default() += 1;
                if self.stop_opening.is_none() {
                    if limit {
                        self.stop_opening = Some(format!(
                            "the server refused a connection for a limit after {} subscribed: {reason}",
                            self.subscribed
                        ));
                    } else if self.failures_in_a_row >= MAX_FAILURES_IN_A_ROW {
                        self.stop_opening = Some(format!(
                            "{MAX_FAILURES_IN_A_ROW} connections failed in a row, the last: {reason}"
                        ));
                    }
                }
            }
            Phase::Subscribed if !matches!(end, Ok(RunEnd::Stopped(_))) => {
                m.phase = Phase::Dropped;
                self.connections.dropped += 1;
                *self.connections.drops.entry(reason).or_default() += 1;
            }
            Phase::Subscribed => m.phase = Phase::Closed,
            Phase::Failed | Phase::Dropped | Phase::Closed => {}
        }
    }

    /// Subscribed and not dropped.
    fn alive(&self) -> u64 {
        self.subscribed - self.connections.dropped
    }
}

/// A subscriber's handler: what its client reports goes on the board.
struct Subscriber {
    i: usize,
    channel: String,
    run: String,
    board: Rc<RefCell<Board>>,
    news: Rc<Notify>,
}

/// What a bench event's data says.
#[derive(Deserialize)]
struct Mark<'a> {
    #[serde(borrow)]
    bench: std::borrow::Cow<'a, str>,
    seq: u64,
}

impl Subscriber {
    /// The sequence number of one of this run's events.
    fn seq(&self, data: Option<&Data>) -> Option<u64> {
        let decoded = data?.decoded();
        let mark: Mark<'_> = match &*decoded {
            Value::String(text) => serde_json::from_str(text).ok()?,
            v => Mark::deserialize(v).ok()?,
        };
        (mark.bench == self.run).then_some(mark.seq)
    }
}

impl Handler for Subscriber {
    fn update(
        &mut self,
        update: Update<'_>,
        counters: &Counters,
    ) -> Result<Vec<Control>, CliError> {
        let now = Instant::now();
        match update {
            Update::Session(Output::Event(d))
                if d.event == EVENT && d.channel.as_deref() == Some(self.channel.as_str()) =>
            {
                match self.seq(d.data.as_ref()) {
                    Some(seq) => self.board.borrow_mut().arrived(seq, now),
                    None => self.board.borrow_mut().strays += 1,
                }
            }
            Update::State(ConnState::Connected) => self.board.borrow_mut().connected(self.i, now),
            Update::Ready { .. } => {
                self.board.borrow_mut().subscribed(self.i, now);
                self.news.notify_one();
            }
            Update::State(ConnState::Disconnected) => {
                if let Some(status) = counters.upgrade_refused
                    && LIMIT_STATUSES.contains(&status)
                {
                    self.board.borrow_mut().members[self.i].limit = true;
                }
            }
            Update::Session(Output::SubscriptionFailed { code, message, .. }) => {
                let code = code.map(|c| format!(" {c}")).unwrap_or_default();
                let mut board = self.board.borrow_mut();
                board.connections.refused += 1;
                board.note_error(
                    self.i,
                    format!("subscription refused{code}: {message}"),
                    false,
                );
                return Ok(vec![Control::Stop(StopReason::Done)]);
            }
            Update::Session(Output::ServerError { code, message }) => {
                let limit = code.is_some_and(|c| LIMIT_CODES.contains(&c));
                let code = code.map(|c| format!(" {c}")).unwrap_or_default();
                self.board.borrow_mut().note_error(
                    self.i,
                    format!("pusher:error{code}: {message}"),
                    limit,
                );
            }
            _ => {}
        }
        Ok(Vec::new())
    }
}

/// Every subscriber of a run.
pub struct Fleet {
    setup: Setup,
    board: Rc<RefCell<Board>>,
    news: Rc<Notify>,
    tasks: Vec<JoinHandle<()>>,
    channels: Vec<String>,
    run: String,
    subscribers: u64,
    ramp: Option<Duration>,
}

impl Fleet {
    pub fn new(setup: Setup, plan: &Plan) -> Self {
        Self {
            setup,
            board: Rc::new(RefCell::new(Board::default())),
            news: Rc::new(Notify::new()),
            tasks: Vec::new(),
            channels: plan.channels.clone(),
            run: plan.run.clone(),
            subscribers: plan.subscribers,
            ramp: plan.ramp,
        }
    }

    pub fn subscribed(&self) -> u64 {
        self.board.borrow().subscribed
    }

    /// Start subscriber `i`'s client on this thread.
    fn spawn(&mut self, i: usize) {
        let channel_index = i % self.channels.len();
        let channel = self.channels[channel_index].clone();
        let timing = Timing {
            handshake: self.setup.timeout,
            ..Timing::default()
        };
        let mut session = Session::new(timing, false);
        session.add_channel(&channel);
        let authorizer = Authorizer {
            signer: self.setup.signer.clone(),
            channel_data: self.setup.presence.then(|| {
                crate::pusher::sign::member_data(
                    &format!("rtctl-bench-{}-{i}", self.run),
                    Some(serde_json::json!({ "client": "rtctl bench" })),
                )
            }),
            ..Authorizer::default()
        };
        let mut client = Client::new(self.setup.options.clone(), session, authorizer);
        let (stop, mut controls) = mpsc::channel(1);
        {
            let mut board = self.board.borrow_mut();
            board.members.push(Member::opening(channel_index, stop));
            board.opening += 1;
            board.connections.attempted += 1;
        }
        let mut handler = Subscriber {
            i,
            channel,
            run: self.run.clone(),
            board: Rc::clone(&self.board),
            news: Rc::clone(&self.news),
        };
        let timeout = self.setup.timeout;
        self.tasks.push(tokio::task::spawn_local(async move {
            let end = client.run(&mut controls, &mut handler).await;
            handler.board.borrow_mut().ended(i, end, timeout);
            handler.news.notify_one();
        }));
    }

    /// Open every connection (or until the server refuses more), at most
    /// `MAX_OPENING` at once or paced by --ramp; returns once none is still opening.
    pub async fn open_all(&mut self, ui: Ui) {
        let total = self.subscribers;
        ui.status(&format!(
            "opening {total} connections to {} channel{}",
            self.channels.len(),
            if self.channels.len() == 1 { "" } else { "s" }
        ));
        let bar = progress_bar(&ui, Some(total), "subscribed");
        let start = Instant::now();
        let mut next: u64 = 0;
        // A connection is given a network timeout to connect and another to subscribe.
        let overdue_after = self.setup.timeout * 2;
        loop {
            let now = Instant::now();
            let (opening, stopped) = {
                let mut board = self.board.borrow_mut();
                for m in &mut board.members {
                    if m.phase == (Phase::Opening { stopping: false })
                        && now.duration_since(m.opened_at) >= overdue_after
                    {
                        m.phase = Phase::Opening { stopping: true };
                        let _ = m.stop.try_send(Control::Stop(StopReason::TimedOut));
                    }
                }
                bar.set_position(board.subscribed);
                (board.opening, board.stop_opening.is_some())
            };
            if (next == total || stopped) && opening == 0 {
                break;
            }
            let due = match self.ramp {
                Some(r) => start + r.mul_f64(next as f64 / total as f64),
                None => start,
            };
            let can_open = next < total && !stopped && opening < MAX_OPENING;
            if can_open && now >= due {
                self.spawn(usize::try_from(next).unwrap_or(usize::MAX));
                next += 1;
                continue;
            }
            tokio::select! {
                () = self.news.notified() => {}
                () = tokio::time::sleep_until(due), if can_open => {}
                () = tokio::time::sleep(Duration::from_millis(100)) => {}
            }
        }
        bar.finish_and_clear();
        let board = self.board.borrow();
        if let Some(why) = &board.stop_opening {
            ui.warn(&format!(
                "stopped opening connections after {} of {total}: {why}",
                board.connections.attempted
            ));
        }
    }

    /// Before the first publish: how many subscribers each channel has, and room for
    /// `events` events.
    pub fn begin_publishing(&self, events: u64) {
        let mut board = self.board.borrow_mut();
        let mut on_channel = vec![0u64; self.channels.len()];
        for m in &board.members {
            if m.phase == Phase::Subscribed {
                on_channel[m.channel] += 1;
            }
        }
        board.on_channel = on_channel;
        let n = usize::try_from(events).unwrap_or(0);
        board.sent_at = vec![None; n];
        board.arrivals = vec![0; n];
    }

    pub fn mark_sent(&self, seq: u64, at: Instant) {
        let mut board = self.board.borrow_mut();
        if let Some(slot) = usize::try_from(seq)
            .ok()
            .and_then(|s| board.sent_at.get_mut(s))
        {
            *slot = Some(at);
        }
    }

    /// Deliveries still missing for the events accepted so far; 0 once no subscriber is
    /// left to deliver to.
    pub fn outstanding(&self, accepted: &[bool]) -> u64 {
        let board = self.board.borrow();
        if board.alive() == 0 {
            return 0;
        }
        let (expected, delivered, _) = deliveries(&board, accepted);
        expected - delivered
    }

    /// Ask every client to leave its channel and close, and wait (a little) for them.
    pub async fn close(&mut self) {
        for m in &self.board.borrow().members {
            if matches!(m.phase, Phase::Opening { .. } | Phase::Subscribed) {
                let _ = m.stop.try_send(Control::Stop(StopReason::Done));
            }
        }
        let tasks = std::mem::take(&mut self.tasks);
        let aborts: Vec<_> = tasks.iter().map(JoinHandle::abort_handle).collect();
        let all = futures_util::future::join_all(tasks);
        if tokio::time::timeout(CLOSE_WITHIN, all).await.is_err() {
            for a in aborts {
                a.abort();
            }
        }
    }

    /// The connections' counts and histograms, and the deliveries against `accepted`.
    pub fn results_into(&self, r: &mut Results, accepted: &[bool]) {
        let board = self.board.borrow();
        r.connections = board.connections.clone();
        r.connections.subscribed = board.subscribed;
        if let Some(why) = &board.stop_opening {
            r.connections.stopped_opening.push(why.clone());
        }
        r.histograms.connect = board.connect.clone();
        r.histograms.subscribe = board.subscribe.clone();
        r.histograms.fan_out = board.fan_out.clone();
        let (expected, delivered, duplicates) = deliveries(&board, accepted);
        r.deliveries.expected = expected;
        r.deliveries.delivered = delivered;
        r.deliveries.duplicates = duplicates;
        r.deliveries.strays = board.strays;
    }
}

/// Expected, delivered and duplicated deliveries of the accepted events.
fn deliveries(board: &Board, accepted: &[bool]) -> (u64, u64, u64) {
    let channels = board.on_channel.len().max(1);
    let mut totals = (0, 0, 0);
    for (seq, (&ok, &arrived)) in accepted.iter().zip(&board.arrivals).enumerate() {
        if !ok {
            continue;
        }
        let want = board.on_channel.get(seq % channels).copied().unwrap_or(0);
        let got = u64::from(arrived);
        totals.0 += want;
        totals.1 += got.min(want);
        totals.2 += got.saturating_sub(want);
    }
    totals
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::bench::results::Reasons;

    fn reasons(r: &Reasons) -> Vec<(&str, u64)> {
        r.iter().map(|(k, v)| (k.as_str(), *v)).collect()
    }

    fn board(members: usize) -> Board {
        let mut b = Board::default();
        for i in 0..members {
            let (stop, _) = mpsc::channel(1);
            b.members.push(Member::opening(i % 2, stop));
            b.opening += 1;
            b.connections.attempted += 1;
        }
        b
    }

    #[tokio::test]
    async fn deliveries_count_each_accepted_event_once_per_subscriber_of_its_channel() {
        let mut b = board(3);
        let now = Instant::now();
        for i in 0..3 {
            b.connected(i, now);
            b.subscribed(i, now);
        }
        // Channel 0 has members 0 and 2, channel 1 has member 1.
        b.on_channel = vec![2, 1];
        b.sent_at = vec![Some(now); 4];
        b.arrivals = vec![2, 1, 3, 0];
        let accepted = [true, true, true, false];
        assert_eq!(deliveries(&b, &accepted), (5, 5, 1));
        b.arrived(1, now);
        b.arrived(99, now);
        assert_eq!(b.strays, 1);
        assert_eq!(deliveries(&b, &accepted), (5, 5, 2));
        assert_eq!(b.fan_out.count(), 1);
    }

    #[tokio::test]
    async fn a_limit_stops_opening_at_once_and_failures_in_a_row_after_twenty() {
        let mut b = board(25);
        b.note_error(0, "pusher:error 4004: over connection quota".into(), true);
        b.ended(0, Ok(RunEnd::Lost("closed".into())), Duration::from_secs(1));
        assert!(
            b.stop_opening.as_deref().unwrap().contains("4004"),
            "{:?}",
            b.stop_opening
        );

        let mut b = board(25);
        for i in 0..19 {
            b.ended(i, Ok(RunEnd::Lost("reset".into())), Duration::from_secs(1));
        }
        assert_eq!(b.stop_opening, None);
        b.ended(19, Ok(RunEnd::Lost("reset".into())), Duration::from_secs(1));
        assert!(
            b.stop_opening
                .as_deref()
                .unwrap()
                .contains("20 connections failed")
        );
        assert_eq!(reasons(&b.connections.failures), [("reset", 20)]);
        assert_eq!(b.opening, 5);
    }

    #[tokio::test]
    async fn a_refusal_after_others_were_accepted_with_the_same_key_is_a_limit_not_the_key() {
        let refused = || {
            Err(CliError::new(
                Kind::Refused,
                "closed without a code: the app key is most likely wrong",
            ))
        };
        let mut b = board(3);
        b.ended(0, refused(), Duration::from_secs(1));
        assert_eq!(
            b.stop_opening, None,
            "the first refusal may well be the key"
        );
        assert!(b.connections.failures.keys().any(|r| r.contains("app key")));
        b.connected(1, Instant::now());
        b.ended(2, refused(), Duration::from_secs(1));
        let why = b.stop_opening.as_deref().unwrap();
        assert!(why.contains("for a limit"), "{why}");
        assert!(
            why.contains("although the server accepted 1 connections with the same key"),
            "{why}"
        );
    }

    #[tokio::test]
    async fn an_overdue_opening_fails_and_a_lost_subscriber_is_dropped() {
        let mut b = board(2);
        b.members[0].phase = Phase::Opening { stopping: true };
        b.ended(
            0,
            Ok(RunEnd::Stopped(StopReason::TimedOut)),
            Duration::from_secs(5),
        );
        assert_eq!(
            reasons(&b.connections.failures),
            [("not subscribed within 10s", 1)]
        );
        let now = Instant::now();
        b.subscribed(1, now);
        b.ended(
            1,
            Ok(RunEnd::Lost("closed with code 4200".into())),
            Duration::from_secs(5),
        );
        assert_eq!(b.connections.dropped, 1);
        assert_eq!(b.alive(), 0);
        // Stopped by the bench itself after subscribing: closed, not dropped.
        let mut b = board(1);
        b.subscribed(0, now);
        b.ended(
            0,
            Ok(RunEnd::Stopped(StopReason::Done)),
            Duration::from_secs(5),
        );
        assert_eq!(b.connections.dropped, 0);
    }
}
