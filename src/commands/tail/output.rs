//! What `tail` shows: one line per event for people, JSON Lines for scripts, every
//! frame with `--raw`; and when it stops (`--count`, a refused channel, a closed stdout).

use std::io;
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use colored::Colorize as _;
use serde_json::{Value, json};
use tokio::sync::watch;

use crate::error::{CliError, Kind};
use crate::json_string;
use crate::net::ws::{Control, Counters, Handler, StopReason, Update};
use crate::pusher::frame::{self, Data, Members};
use crate::pusher::names;
use crate::pusher::session::{Delivery, Output};
use crate::text::{one_line, sanitize};
use crate::time;
use crate::ui::words::plural;
use crate::ui::{self, Ui};

/// Which events are shown (and counted).
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// `--event` patterns; empty shows every event.
    pub events: Vec<String>,
    pub exclude_internal: bool,
}

impl Filter {
    pub fn shows(&self, event: &str) -> bool {
        if self.exclude_internal && frame::is_internal(event) {
            return false;
        }
        self.events.is_empty() || self.events.iter().any(|p| names::glob_match(p, event))
    }
}

/// How subscription failures should be explained.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthSource {
    Local,
    Endpoint,
}

/// Settings for the printer.
pub struct Settings {
    pub ui: Ui,
    pub json: bool,
    pub raw: bool,
    pub expand: bool,
    pub filter: Filter,
    pub count: Option<u64>,
    pub ready_file: Option<PathBuf>,
    /// Channels named on the command line: failing one of them ends the run.
    pub named: Vec<String>,
    /// Client events to send once every channel is subscribed: (channel, event, data).
    pub sends: Vec<(String, String, Value)>,
    pub auth_source: AuthSource,
    /// The observer identity presence channels are joined with (no --user-id given).
    pub observer: Option<String>,
    /// Told when every channel is first subscribed (interactive input waits for it).
    pub ready: watch::Sender<bool>,
}

/// Event lines held back while more messages are waiting, at most about this many
/// bytes: written in one go once the connection is idle (or before anything else is
/// shown), so a burst costs one write, not one a line.
const HOLD_BYTES: usize = 32 * 1024;

/// The `tail` handler.
pub struct Printer {
    s: Settings,
    /// Event lines not yet written, whole lines only.
    held: Vec<u8>,
    clock: time::RecordClock,
    shown: u64,
    ready_once: bool,
    /// The observer identity has been pointed out.
    observer_told: bool,
    /// Set when the run should end in an error once the connection is closed.
    pub failure: Option<CliError>,
    stdout_closed: bool,
    /// Where the WebSocket goes, for status lines.
    pub target: String,
}

impl Printer {
    pub fn new(s: Settings, target: String) -> Self {
        Self {
            s,
            held: Vec::new(),
            clock: time::RecordClock::default(),
            shown: 0,
            ready_once: false,
            observer_told: false,
            failure: None,
            stdout_closed: false,
            target,
        }
    }

    pub fn shown(&self) -> u64 {
        self.shown
    }

    pub fn stdout_closed(&self) -> bool {
        self.stdout_closed
    }

    /// A line of data on stdout, after the lines held; a closed pipe ends the run quietly.
    fn out(&mut self, line: &str) -> Result<(), ()> {
        self.flush()?;
        if self.stdout_closed {
            return Err(());
        }
        let written = self.s.ui.out(line);
        self.written(written)
    }

    /// Write out the event lines held back.
    fn flush(&mut self) -> Result<(), ()> {
        if self.held.is_empty() {
            return Ok(());
        }
        let written = self.s.ui.out_lines(&self.held);
        self.held.clear();
        self.written(written)
    }

    fn written(&mut self, result: io::Result<()>) -> Result<(), ()> {
        match result {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.stdout_closed = true;
                Err(())
            }
            Err(e) => {
                self.stdout_closed = true;
                self.failure.get_or_insert_with(|| {
                    CliError::new(Kind::Failure, format!("cannot write to stdout: {e}"))
                });
                Err(())
            }
        }
    }

    /// A JSON record on stdout.
    fn record(&mut self, kind: &str, fields: Value) -> Result<(), ()> {
        self.out(&record_text(kind, SystemTime::now(), fields))
    }

    fn paint(&self, s: &str, f: fn(&str) -> colored::ColoredString) -> String {
        self.s.ui.paint(s, f)
    }

    /// The start of a human line: local time and channel.
    fn head(&self, channel: Option<&str>, at: SystemTime) -> String {
        let time = self.paint(&time::local_clock(at), |s| s.dimmed());
        let channel = self.paint(&sanitize(channel.unwrap_or("-"), false), |s| s.cyan());
        format!("{time} {channel}")
    }

    fn data_text(&self, data: Option<&Data>) -> String {
        let Some(data) = data else {
            return String::new();
        };
        match &*data.decoded() {
            Value::String(s) => sanitize(s, self.s.expand),
            v => ui::json::render(v, self.s.ui.color_out, self.s.expand.then_some(2)),
        }
    }

    /// Show an event if the filter lets it through; count it.
    fn event(&mut self, d: &Delivery) -> Result<(), ()> {
        if !self.s.filter.shows(&d.event) {
            return Ok(());
        }
        self.shown += 1;
        if self.s.raw {
            return Ok(());
        }
        if self.stdout_closed {
            return Err(());
        }
        if self.s.json {
            write_event_record(&mut self.held, &mut self.clock, d, SystemTime::now());
        } else {
            let line = self.event_line(d, SystemTime::now());
            self.held.extend_from_slice(line.as_bytes());
            if !line.ends_with('\n') {
                self.held.push(b'\n');
            }
        }
        if self.held.len() >= HOLD_BYTES || self.s.count.is_some_and(|n| self.shown >= n) {
            self.flush()?;
        }
        Ok(())
    }

    /// An event as a line for people, received at `at`.
    fn event_line(&self, d: &Delivery, at: SystemTime) -> String {
        let mut line = format!(
            "{} {}",
            self.head(d.channel.as_deref(), at),
            self.paint(&sanitize(&d.event, false), |s| s.yellow().bold())
        );
        if let Some(u) = &d.user_id {
            line.push_str(&format!(" (user {})", sanitize(u, false)));
        }
        if let Some(e) = &d.undecryptable {
            let note = format!("[cannot decrypt: {e}]");
            line.push(' ');
            line.push_str(&self.paint(&note, |s| s.red().bold()));
        }
        let data = self.data_text(d.data.as_ref());
        if !data.is_empty() {
            line.push(' ');
            line.push_str(&data);
        }
        line
    }

    fn member(
        &mut self,
        channel: &str,
        event: &str,
        user_id: &str,
        info: Option<Value>,
        count: usize,
    ) -> Result<(), ()> {
        let mut data = json!({ "user_id": user_id });
        if let Some(info) = info {
            data["user_info"] = info;
        }
        let d = Delivery {
            channel: Some(channel.to_owned()),
            event: event.to_owned(),
            data: Some(Data::Value(data)),
            user_id: Some(user_id.to_owned()),
            undecryptable: None,
        };
        self.event(&d)?;
        if !self.s.json && !self.s.raw && self.s.filter.shows(event) {
            self.flush()?;
            self.s.ui.status(&format!(
                "{}: {count} member{}",
                sanitize(channel, false),
                plural(count as u64)
            ));
        }
        Ok(())
    }

    fn subscribed(&mut self, channel: &str, members: Option<&Members>) -> Result<(), ()> {
        self.show_subscribed(channel, members)?;
        if let (Some(id), Some(_), false) = (&self.s.observer, members, self.observer_told) {
            self.observer_told = true;
            self.s.ui.status(&format!(
                "joined {} as the observer `{id}`: the channel's other members see it join and leave",
                sanitize(channel, false)
            ));
            self.s
                .ui
                .hint("choose the identity with --user-id ID (and --user-info JSON)");
        }
        Ok(())
    }

    fn show_subscribed(&mut self, channel: &str, members: Option<&Members>) -> Result<(), ()> {
        if self.s.json {
            let mut v = json!({ "channel": channel });
            if let Some(m) = members {
                v["members"] = m.to_json();
                v["count"] = json!(m.len());
            }
            return self.record("subscribed", v);
        }
        let shown = sanitize(channel, false);
        match members {
            Some(m) => {
                self.s.ui.status(&format!(
                    "subscribed to {shown} ({} member{})",
                    m.len(),
                    plural(m.len() as u64)
                ));
                if !self.s.raw {
                    let list: Vec<String> = m
                        .list
                        .iter()
                        .map(|(id, info)| {
                            format!(
                                "{} {}",
                                sanitize(id, false),
                                ui::json::render(info, self.s.ui.color_out, None)
                            )
                        })
                        .collect();
                    let line = format!(
                        "{} {} {}",
                        self.head(Some(channel), SystemTime::now()),
                        self.paint("members", |s| s.yellow().bold()),
                        list.join(", ")
                    );
                    self.out(&line)?;
                }
            }
            None => self.s.ui.status(&format!("subscribed to {shown}")),
        }
        Ok(())
    }

    fn subscription_failed(
        &mut self,
        channel: &str,
        code: Option<u16>,
        message: &str,
        unanswered_hints: Option<Vec<String>>,
    ) -> Result<(), ()> {
        let message = one_line(message, 300);
        let hint = match (self.s.auth_source, names::ChannelKind::of(channel)) {
            _ if unanswered_hints.is_some() => {
                "the WebSocket server answered but the auth endpoint did not: check its URL \
                 (`auth_endpoint`) and that the app serving it is up"
                    .to_owned()
            }
            (AuthSource::Endpoint, _) if code.is_some_and(|c| (300..400).contains(&c)) => {
                "give the URL the endpoint redirects to as --auth-endpoint (or `auth_endpoint`): \
                 rtctl does not follow redirects, so auth headers go only where you say"
                    .to_owned()
            }
            (_, names::ChannelKind::Public) => {
                "check the channel name and the server's limits for this app".to_owned()
            }
            (AuthSource::Endpoint, _) => {
                "check the auth endpoint's answer and its token (`--auth-header`)".to_owned()
            }
            (AuthSource::Local, names::ChannelKind::Presence) => {
                "check the app key and secret, and give the member's identity with --user-id"
                    .to_owned()
            }
            (AuthSource::Local, names::ChannelKind::PrivateEncrypted) => {
                "check the app key, secret and `encryption_master_key`".to_owned()
            }
            (AuthSource::Local, _) => {
                "check the app key and secret (`rtctl config show --show-origin`)".to_owned()
            }
        };
        let unanswered = unanswered_hints.is_some();
        let hints: Vec<String> = unanswered_hints
            .into_iter()
            .flatten()
            .chain([hint])
            .collect();
        let code_text = code.map(|c| format!(" (code {c})")).unwrap_or_default();
        let text = format!(
            "cannot subscribe to {}{code_text}: {message}",
            sanitize(channel, false)
        );
        if self.s.json {
            self.record(
                "subscription_error",
                json!({ "channel": channel, "code": code, "message": message }),
            )?;
        }
        if self.s.named.iter().any(|n| n == channel) {
            let kind = if unanswered {
                Kind::Network
            } else {
                Kind::Auth
            };
            self.failure.get_or_insert_with(|| {
                let mut e = CliError::new(kind, text);
                e.hints = hints;
                e
            });
        } else {
            self.s.ui.warn(&text);
            for hint in &hints {
                self.s.ui.hint(hint);
            }
        }
        Ok(())
    }

    fn on_update(&mut self, update: Update<'_>, counters: &Counters) -> Result<Vec<Control>, ()> {
        // Lines held back go out before anything else is shown, on stdout or stderr.
        if !matches!(
            update,
            Update::Session(Output::Event(_))
                | Update::Frame {
                    outgoing: false,
                    ..
                }
        ) {
            self.flush()?;
        }
        let mut controls = Vec::new();
        match update {
            Update::Frame { outgoing, text } => {
                if self.s.raw {
                    if self.s.json {
                        let dir = if outgoing { "out" } else { "in" };
                        self.record("frame", json!({ "direction": dir, "text": text }))?;
                    } else {
                        let arrow = if outgoing {
                            self.paint("->", |s| s.magenta())
                        } else {
                            self.paint("<-", |s| s.green())
                        };
                        let time =
                            self.paint(&time::local_clock(SystemTime::now()), |s| s.dimmed());
                        self.out(&format!("{time} {arrow} {}", sanitize(text, false)))?;
                    }
                }
            }
            Update::State(state) => {
                if self.s.json {
                    self.record(
                        "state",
                        json!({
                            "state": state.as_str(),
                            "counters": counters_json(counters, self.shown),
                        }),
                    )?;
                }
            }
            Update::Session(out) => self.session(out, &mut controls)?,
            Update::Ready { socket_id } => {
                if !self.ready_once {
                    self.ready_once = true;
                    if let Some(path) = &self.s.ready_file
                        && let Err(e) = write_ready(path, &socket_id)
                    {
                        self.failure.get_or_insert(e);
                        controls.push(Control::Stop(StopReason::Done));
                    }
                    for (channel, event, data) in std::mem::take(&mut self.s.sends) {
                        controls.push(Control::Send {
                            channel,
                            event,
                            data,
                        });
                    }
                    self.s.ready.send_replace(true);
                }
            }
            Update::Reconnecting {
                attempt,
                delay,
                reason,
            } => {
                if self.s.json {
                    self.record(
                        "reconnecting",
                        json!({
                            "attempt": attempt,
                            "delay_ms": millis(delay),
                            "reason": reason,
                            "counters": counters_json(counters, self.shown),
                        }),
                    )?;
                } else {
                    self.s.ui.status(&format!(
                        "connection lost ({}); reconnecting in {} (attempt {attempt})",
                        one_line(&reason, 200),
                        short(delay)
                    ));
                }
            }
            Update::Gap { from, to, reason } => {
                if self.s.json {
                    self.record(
                        "gap",
                        json!({
                            "from": time::rfc3339_millis(from),
                            "to": time::rfc3339_millis(to),
                            "reason": reason,
                            "counters": counters_json(counters, self.shown),
                        }),
                    )?;
                } else {
                    let span = to.duration_since(from).unwrap_or_default();
                    let text = format!(
                        "--- gap from {} to {} ({}): {}; events in between may be missed ---",
                        time::local_clock(from),
                        time::local_clock(to),
                        short(span),
                        one_line(&reason, 200)
                    );
                    let text = self.paint(&text, |s| s.red().bold());
                    self.out(&text)?;
                }
            }
            Update::Sent { channel, event } => {
                if self.s.json {
                    self.record("sent", json!({ "channel": channel, "event": event }))?;
                } else {
                    self.s.ui.status(&format!("sent {event} to {channel}"));
                }
            }
            Update::Left { channel, reason } => {
                if self.s.json {
                    self.record(
                        "unsubscribed",
                        json!({ "channel": channel, "reason": reason }),
                    )?;
                } else {
                    self.s.ui.status(&format!(
                        "left {}: no one but rtctl is subscribed to it any more",
                        sanitize(&channel, false)
                    ));
                }
            }
            Update::NotSent {
                channel,
                event,
                reason,
            } => {
                if self.s.json {
                    self.record(
                        "not_sent",
                        json!({ "channel": channel, "event": event, "reason": reason }),
                    )?;
                }
                self.s
                    .ui
                    .warn(&format!("{event} not sent to {channel}: {reason}"));
            }
        }
        Ok(controls)
    }

    fn session(&mut self, out: Output, controls: &mut Vec<Control>) -> Result<(), ()> {
        match out {
            Output::Connected { socket_id, .. } => {
                if self.s.json {
                    self.record("connected", json!({ "socket_id": socket_id }))?;
                } else {
                    self.s.ui.status(&format!(
                        "connected to {} (socket id {})",
                        self.target,
                        sanitize(&socket_id, false)
                    ));
                }
            }
            Output::Subscribed { channel, members } => {
                self.subscribed(&channel, members.as_ref())?
            }
            Output::SubscriptionFailed {
                channel,
                code,
                message,
                unanswered,
            } => self.subscription_failed(&channel, code, &message, unanswered)?,
            Output::MemberAdded {
                channel,
                user_id,
                user_info,
                count,
            } => self.member(
                &channel,
                "pusher:member_added",
                &user_id,
                Some(user_info),
                count,
            )?,
            Output::MemberRemoved {
                channel,
                user_id,
                count,
            } => self.member(&channel, "pusher:member_removed", &user_id, None, count)?,
            Output::SignedIn { user_id } => {
                if self.s.json {
                    self.record("signed_in", json!({ "user_id": user_id }))?;
                } else {
                    self.s
                        .ui
                        .status(&format!("signed in as {}", sanitize(&user_id, false)));
                }
            }
            Output::SigninFailed { code, message } => {
                let message = one_line(&message, 300);
                if self.s.json {
                    self.record("signin_error", json!({ "code": code, "message": message }))?;
                }
                let code_text = code.map(|c| format!(" (HTTP {c})")).unwrap_or_default();
                let hint = "check --user-auth-endpoint's answer and its token (`--auth-header`), \
                            or, signing locally, the app key, secret and --user-id";
                self.failure.get_or_insert_with(|| {
                    CliError::new(Kind::Auth, format!("cannot sign in{code_text}: {message}"))
                        .hint(hint)
                });
            }
            Output::Event(d) => self.event(&d)?,
            Output::ServerError { code, message } => {
                if self.s.json {
                    self.record("error", json!({ "code": code, "message": message }))?;
                }
                let code = code.map(|c| format!(" {c}")).unwrap_or_default();
                self.s
                    .ui
                    .warn(&format!("server error{code}: {}", one_line(&message, 300)));
            }
            Output::Malformed { error, text } => {
                self.s.ui.warn(&format!(
                    "ignored a frame that is not protocol ({error}): {}",
                    one_line(&text, 200)
                ));
            }
            Output::Send(_)
            | Output::Authorize { .. }
            | Output::Authenticate { .. }
            | Output::Close(_) => {}
        }
        if self.failure.is_some() || self.s.count.is_some_and(|n| self.shown >= n) {
            controls.push(Control::Stop(StopReason::Done));
        }
        Ok(())
    }

    /// The end-of-run summary: a record in JSON mode, a status line otherwise.
    pub fn summary(&mut self, counters: &Counters, ended: &str) {
        if self.flush().is_err() || self.stdout_closed {
            return;
        }
        if self.s.json {
            let _ = self.record(
                "summary",
                json!({ "ended": ended, "counters": counters_json(counters, self.shown) }),
            );
            return;
        }
        self.s.ui.status(&format!(
            "{} event{} shown, {} message{} received, {} reconnection attempt{}; {} ({ended})",
            self.shown,
            plural(self.shown),
            counters.messages_received,
            plural(counters.messages_received),
            counters.reconnect_attempts,
            plural(counters.reconnect_attempts),
            counters.state.as_str(),
        ));
    }
}

impl Handler for Printer {
    fn update(
        &mut self,
        update: Update<'_>,
        counters: &Counters,
    ) -> Result<Vec<Control>, CliError> {
        match self.on_update(update, counters) {
            Ok(controls) => Ok(controls),
            // Stdout is gone: stop cleanly; `run` then exits 0 quietly.
            Err(()) => Ok(vec![Control::Stop(StopReason::Done)]),
        }
    }

    fn idle(&mut self, _: &Counters) -> Result<Vec<Control>, CliError> {
        match self.flush() {
            Ok(()) => Ok(Vec::new()),
            Err(()) => Ok(vec![Control::Stop(StopReason::Done)]),
        }
    }
}

/// Written whole or not at all (a temporary file renamed into place), so a script that
/// polls for it never reads half of it.
fn write_ready(path: &PathBuf, socket_id: &str) -> Result<(), CliError> {
    let mut tmp = path.clone().into_os_string();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    let written =
        std::fs::write(&tmp, format!("{socket_id}\n")).and_then(|()| std::fs::rename(&tmp, path));
    written.map_err(|e| {
        CliError::new(
            Kind::Failure,
            format!("cannot write the ready file {}: {e}", path.display()),
        )
        .hint("give --ready-file a path in a directory that exists and is writable")
    })
}

/// A JSON record, one line: `type` and `time` first, then `fields`.
fn record_text(kind: &str, at: SystemTime, fields: Value) -> String {
    let mut v = json!({ "type": kind, "time": time::rfc3339_millis(at) });
    if let (Value::Object(map), Value::Object(more)) = (&mut v, fields) {
        map.extend(more);
    }
    ui::json_text(&v)
}

/// An event's JSON record, received at `at`, appended to `out` with its newline. The
/// bytes `record_text` would make of the event's fields (type, time, channel, event,
/// data, then user_id and undecryptable when there are), written straight from them.
fn write_event_record(
    out: &mut Vec<u8>,
    clock: &mut time::RecordClock,
    d: &Delivery,
    at: SystemTime,
) {
    let start = out.len();
    out.extend_from_slice(br#"{"type":"event","time":""#);
    clock.push(out, at);
    out.extend_from_slice(br#"","channel":"#);
    match &d.channel {
        Some(channel) => json_string::push(out, channel),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(br#","event":"#);
    json_string::push(out, &d.event);
    out.extend_from_slice(br#","data":"#);
    match &d.data {
        Some(data) => data.write_json(out),
        None => out.extend_from_slice(b"null"),
    }
    if let Some(user_id) = &d.user_id {
        out.extend_from_slice(br#","user_id":"#);
        json_string::push(out, user_id);
    }
    if let Some(e) = &d.undecryptable {
        out.extend_from_slice(br#","undecryptable":"#);
        json_string::push(out, &e.to_string());
    }
    out.push(b'}');
    ui::json::escape_from(out, start);
    out.push(b'\n');
}

fn counters_json(c: &Counters, shown: u64) -> Value {
    json!({
        "messages_received": c.messages_received,
        "events_shown": shown,
        "reconnect_attempts": c.reconnect_attempts,
        "state": c.state.as_str(),
    })
}

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// A duration to a tenth of a second.
fn short(d: Duration) -> String {
    format!("{:.1}s", d.as_secs_f64())
}

#[cfg(test)]
mod golden;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_by_glob_and_internal() {
        let all = Filter::default();
        assert!(all.shows("pusher:member_added") && all.shows("x"));
        let f = Filter {
            events: vec!["client-*".into(), "progress".into()],
            exclude_internal: false,
        };
        assert!(f.shows("client-typing") && f.shows("progress") && !f.shows("progress2"));
        let f = Filter {
            events: vec![],
            exclude_internal: true,
        };
        assert!(!f.shows("pusher:cache_miss") && !f.shows("pusher_internal:x") && f.shows("e"));
    }

    #[test]
    fn record_times_are_utc_with_milliseconds() {
        let t = SystemTime::UNIX_EPOCH + Duration::from_millis(1_700_000_000_123);
        assert_eq!(time::rfc3339_millis(t), "2023-11-14T22:13:20.123Z");
    }
}
