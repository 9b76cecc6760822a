//! What `webhook listen` prints: a line per event for people (a JSON record with
//! --json) and what was wrong with it, a line per forward, and the summary.

use std::io;
use std::path::Path;

use colored::{ColoredString, Colorize as _};
use serde_json::{Value, json};

use super::Tally;
use super::forward::{ABANDONED, ForwardOutcome};
use super::request::Checked;
use crate::net::receiver::Received;
use crate::pusher::webhook::{Body, Event, EventType, Verdict};
use crate::text::{one_line, sanitize};
use crate::time::{self, now_ms};
use crate::ui::words::counted;
use crate::ui::{Ui, json_text};

/// Where and how listen prints: data on stdout, as lines or JSON records (--json).
#[derive(Debug, Clone, Copy)]
pub struct Show {
    pub ui: Ui,
    pub json: bool,
}

impl Show {
    /// Print one request: a line (or record) per event, or one saying why it is not a
    /// webhook.
    pub fn request(&self, req: &Received, c: &Checked) -> io::Result<()> {
        self.ui.out(&self.render(req, c).join("\n"))
    }

    /// Print how one forward ended.
    pub fn forward(&self, seq: u64, outcome: &ForwardOutcome) -> io::Result<()> {
        let line = if self.json {
            let mut v = json!({
                "type": "forward",
                "time": time::rfc3339_millis(time::from_ms(now_ms())),
                "seq": seq,
                "outcome": outcome.word(),
            });
            match outcome {
                ForwardOutcome::Answered(status) => v["status"] = json!(status),
                ForwardOutcome::Failed(why) => v["error"] = json!(why),
                ForwardOutcome::Abandoned => {
                    v["error"] = json!(ABANDONED);
                }
            }
            json_text(&v)
        } else {
            let what = match outcome {
                ForwardOutcome::Answered(status) => format!("HTTP {status}"),
                ForwardOutcome::Failed(why) => {
                    self.paint(&format!("failed: {}", one_line(why, 300)), |s| s.red())
                }
                ForwardOutcome::Abandoned => {
                    self.paint(&format!("not finished: {ABANDONED}"), |s| s.red())
                }
            };
            let label = format!("forward #{seq}");
            format!(
                "{}  {label:<18}  {what}",
                time::local_clock(time::from_ms(now_ms()))
            )
        };
        self.ui.out(&line)
    }

    /// Print what the run did: a `summary` record with --json, and a status line on
    /// stderr either way (even when stdout is gone).
    pub fn summary(
        &self,
        t: &Tally,
        reason: &str,
        saved_in: Option<&Path>,
        forwarding: bool,
    ) -> io::Result<()> {
        let mut s = format!(
            "received {}, {} authentic, carrying {}",
            counted(t.requests, "request"),
            t.authentic,
            counted(t.events, "event")
        );
        if let Some(dir) = saved_in {
            s.push_str(&format!("; {} saved in {}", t.saved, dir.display()));
            if t.not_saved > 0 {
                s.push_str(&format!(", {} not saved", t.not_saved));
            }
        }
        if forwarding {
            s.push_str(&format!(
                "; forwards: {} answered by the app, {} failed, {} still waiting when stopped",
                t.forwards_answered, t.forwards_failed, t.forwards_abandoned
            ));
        }
        if t.cut_off > 0 {
            s.push_str(&format!(
                "; {} cut off while being handled",
                counted(t.cut_off, "request")
            ));
        }
        let mut printed = Ok(());
        if self.json {
            let mut v = json!({
                "type": "summary",
                "time": time::rfc3339_millis(time::from_ms(now_ms())),
                "reason": reason,
                "requests": t.requests,
                "authentic": t.authentic,
                "events": t.events,
                "cut_off": t.cut_off,
            });
            if saved_in.is_some() {
                v["saved"] = json!(t.saved);
                v["not_saved"] = json!(t.not_saved);
            }
            if forwarding {
                v["forwards"] = json!({
                    "answered": t.forwards_answered,
                    "failed": t.forwards_failed,
                    "abandoned": t.forwards_abandoned,
                });
            }
            printed = self.ui.out(&json_text(&v));
        }
        self.ui.status(&s);
        printed
    }

    fn render(&self, req: &Received, c: &Checked) -> Vec<String> {
        let received = c.received;
        match &c.body {
            Ok(b) => b
                .events
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    if self.json {
                        json_text(&self.envelope(received, req, c, Some((b, e))))
                    } else {
                        self.human(received, req, c, Some(e), i == 0)
                    }
                })
                .collect(),
            Err(_) if self.json => vec![json_text(&self.envelope(received, req, c, None))],
            Err(_) => vec![self.human(received, req, c, None, true)],
        }
    }

    /// The JSON Lines envelope: one object per event, the same keys every time.
    fn envelope(
        &self,
        received: u64,
        req: &Received,
        c: &Checked,
        event: Option<(&Body, &Event)>,
    ) -> Value {
        let (time_ms, e) = match event {
            Some((b, e)) => (Some(b.time_ms), Some(e)),
            None => (None, None),
        };
        let text = |f: fn(&Event) -> Option<&str>| e.and_then(f).map(str::to_owned);
        let mut v = json!({
            "type": "webhook",
            "seq": c.seq,
            "time": time::rfc3339_millis(time::from_ms(received)),
            "time_ms": time_ms,
            "name": text(Event::name),
            "channel": text(Event::channel),
            "event": text(Event::event),
            "data": e.and_then(Event::data),
            "user_id": e.and_then(Event::user_id),
            "socket_id": text(Event::socket_id),
            "valid": c.verdict.is_valid() && c.body.is_ok() && e.is_none_or(|e| e.check().is_ok()),
            "reason": c.verdict.reason(),
            "key": req.header("x-pusher-key"),
            "path": req.path,
        });
        if let Some(n) = e.and_then(Event::subscription_count) {
            v["subscription_count"] = n.clone();
        }
        let problem = match (&c.body, e) {
            (Err(err), _) => Some(err.to_string()),
            (_, Some(e)) => e.check().err().map(|err| err.to_string()),
            _ => None,
        };
        if let Some(p) = problem {
            v["problem"] = Value::String(p);
        }
        if c.body.is_err() {
            v["body"] = Value::String(String::from_utf8_lossy(&req.body).into_owned());
        }
        match &c.saved {
            Some(Ok(path)) => v["saved"] = Value::String(path.display().to_string()),
            Some(Err(why)) => v["save_error"] = Value::String(why.clone()),
            None => {}
        }
        v
    }

    /// One line for people: local time, event type, channel, details, and what was wrong.
    /// Where the request was saved or forwarded is told on its first event's line.
    fn human(
        &self,
        received: u64,
        req: &Received,
        c: &Checked,
        event: Option<&Event>,
        first: bool,
    ) -> String {
        let time = time::local_clock(time::from_ms(received));
        let mut line = match event {
            Some(e) => {
                let name = sanitize(e.name().unwrap_or("?"), false);
                let padded = format!("{name:<18}");
                let painted = match e.name().and_then(EventType::parse) {
                    Some(t) if self.ui.color_out => type_colour(t, &padded).to_string(),
                    Some(_) => padded,
                    None => self.paint(&padded, |s| s.yellow()),
                };
                let channel = sanitize(e.channel().unwrap_or("?"), false);
                let details = details(e);
                let mut l = format!("{time}  {painted}  {channel:<24}");
                if !details.is_empty() {
                    l.push_str(&format!("  {details}"));
                }
                if let Err(err) = e.check() {
                    l.push_str(&format!(
                        "  {}",
                        self.paint(&format!("! {}", sanitize(&err.to_string(), false)), |s| s
                            .yellow())
                    ));
                }
                l
            }
            None => {
                let why = match &c.body {
                    Err(e) => sanitize(&e.to_string(), false),
                    Ok(_) => String::new(),
                };
                format!(
                    "{time}  {}  POST {} from {}: {why}; body: {}",
                    self.paint(&format!("{:<18}", "not a webhook"), |s| s.yellow()),
                    sanitize(&req.path, false),
                    req.peer,
                    one_line(&String::from_utf8_lossy(&req.body), 120)
                )
            }
        };
        if !c.verdict.is_valid() {
            let why = match &c.verdict {
                Verdict::KeyUnknown { given } => {
                    format!("key unknown (`{}`)", sanitize(given, false))
                }
                v => v.reason().replace('_', " "),
            };
            line.push_str(&format!(
                "  {}",
                self.paint(&format!("✗ {why} (answered 401)"), |s| s.red().bold())
            ));
        }
        if !first {
            return line.trim_end().to_owned();
        }
        match &c.saved {
            Some(Ok(path)) => line.push_str(&format!("  → {}", path.display())),
            Some(Err(_)) => line.push_str(&format!(
                "  {}",
                self.paint("✗ not saved (see the warning)", |s| s.red())
            )),
            None => {}
        }
        if c.forwarding {
            line.push_str(&format!("  → forward #{}", c.seq));
        }
        line.trim_end().to_owned()
    }

    fn paint(&self, s: &str, f: fn(&str) -> ColoredString) -> String {
        self.ui.paint(s, f)
    }
}

fn type_colour(t: EventType, s: &str) -> ColoredString {
    match t {
        EventType::ChannelOccupied => s.green(),
        EventType::ChannelVacated => s.yellow(),
        EventType::MemberAdded => s.cyan(),
        EventType::MemberRemoved => s.magenta(),
        EventType::ClientEvent => s.blue().bold(),
        EventType::CacheMiss | EventType::SubscriptionCount => s.normal(),
    }
}

/// What an event carries besides its type and channel, sanitized.
fn details(e: &Event) -> String {
    let mut parts = Vec::new();
    if let Some(ev) = e.event() {
        parts.push(sanitize(ev, false));
    }
    if let Some(data) = e.data() {
        let text = match data {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        parts.push(one_line(&text, 200));
    }
    if let Some(u) = e.user_id() {
        parts.push(format!("user {}", sanitize(&u, false)));
    }
    if let Some(s) = e.socket_id() {
        parts.push(format!("socket {}", sanitize(s, false)));
    }
    if let Some(n) = e.subscription_count() {
        parts.push(format!("count {}", one_line(&n.to_string(), 40)));
    }
    parts.join("  ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pusher::webhook;

    #[test]
    fn details_are_sanitized() {
        let e = webhook::event(
            EventType::ClientEvent,
            &webhook::Spec {
                data: Some("a\u{1b}[2Jb".into()),
                ..webhook::Spec::default()
            },
            &crate::catalog::webhook_fixtures::DEFAULTS,
        )
        .unwrap();
        let d = details(&e);
        assert!(!d.contains('\u{1b}'), "{d}");
        assert!(
            d.starts_with("client-activity_update  a\\u{1b}[2Jb  socket 123456.789012"),
            "{d}"
        );
    }
}
