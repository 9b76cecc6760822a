//! What `channels watch` shows: a table redrawn in place on a terminal, one line per
//! change otherwise, or JSON Lines records; and the summary at the end.

use std::collections::VecDeque;
use std::io;
use std::time::{Duration, SystemTime};

use colored::Colorize as _;
use serde_json::{Map, Value, json};

use crate::pusher::occupancy::{Change, Channel, Occupancy, REQUESTS_PER_MINUTE};
use crate::text::{one_line, sanitize};
use crate::time;
use crate::ui::words::counted;
use crate::ui::{self, Ui, table};

/// How the changes are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A terminal: the table, redrawn in place.
    Live,
    /// A line per change.
    Lines,
    /// JSON Lines.
    Json,
}

/// What the run did, for the summary.
#[derive(Debug, Default)]
pub struct Tally {
    pub refreshes: u64,
    pub requests: u64,
    pub changes: u64,
    pub retries: u64,
}

/// The changes kept under the live table.
const RECENT: usize = 5;

pub struct View {
    ui: Ui,
    mode: Mode,
    server: String,
    /// `--interval`, and the pause the request budget stretched it to.
    every: Duration,
    pace: Duration,
    members: bool,
    /// The live view's last state, to draw again with a note.
    last: Occupancy,
    last_refresh: Option<SystemTime>,
    /// Lines the live view drew last, to move back over.
    drawn: usize,
    recent: VecDeque<String>,
    /// Said in the live header until the next refresh (rate limited, retrying).
    note: Option<String>,
}

/// A JSON Lines record: `type`, `time`, then `fields`.
fn record(kind: &str, fields: Map<String, Value>) -> String {
    let mut v = Map::new();
    v.insert("type".into(), json!(kind));
    v.insert(
        "time".into(),
        json!(time::rfc3339_millis(SystemTime::now())),
    );
    v.extend(fields);
    ui::json_text(&Value::Object(v))
}

/// A channel's fields in a record; the counts are null when not known (or vacated).
fn channel_fields(name: &str, kind: &str, channel: Option<&Channel>) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("channel".into(), json!(name));
    m.insert("kind".into(), json!(kind));
    m.insert(
        "subscription_count".into(),
        json!(channel.and_then(|c| c.subscription_count)),
    );
    m.insert(
        "user_count".into(),
        json!(channel.and_then(|c| c.user_count)),
    );
    m
}

fn kind_of(name: &str) -> &'static str {
    crate::pusher::names::ChannelKind::of(name).as_str()
}

/// `presence, 2 users, 3 subscriptions`: what is known of a channel, for people.
fn describe(name: &str, c: &Channel) -> String {
    let mut parts = vec![kind_of(name).to_owned()];
    if let Some(n) = c.user_count {
        parts.push(counted(n, "user"));
    }
    if let Some(n) = c.subscription_count {
        parts.push(counted(n, "subscription"));
    }
    parts.join(", ")
}

fn count(n: Option<u64>) -> String {
    n.map_or_else(|| "-".to_owned(), |n| n.to_string())
}

/// A presence channel's member ids, escaped (they come from the server).
fn member_list(c: &Channel) -> String {
    c.members
        .as_ref()
        .map(|m| {
            m.iter()
                .map(|id| sanitize(id, false))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default()
}

impl View {
    pub fn new(ui: Ui, mode: Mode, server: String, every: Duration, members: bool) -> Self {
        if mode == Mode::Lines {
            ui.status(&format!(
                "watching {server} every {}; Ctrl-C to stop",
                humantime::format_duration(every)
            ));
        }
        Self {
            ui,
            mode,
            server,
            every,
            pace: every,
            members,
            last: Occupancy::new(),
            last_refresh: None,
            drawn: 0,
            recent: VecDeque::new(),
            note: None,
        }
    }

    /// The time between listings now: `--interval`, or longer for the request budget.
    pub fn pace(&mut self, pace: Duration) {
        self.pace = pace;
    }

    /// The channels at the start.
    pub fn snapshot(&mut self, now: &Occupancy) -> io::Result<()> {
        match self.mode {
            Mode::Json => {
                let channels: Vec<Value> = now
                    .iter()
                    .map(|(name, c)| {
                        let mut m = channel_fields(name, kind_of(name), Some(c));
                        if let Some(ids) = &c.members {
                            m.insert("members".into(), json!(ids));
                        }
                        Value::Object(m)
                    })
                    .collect();
                let mut fields = Map::new();
                fields.insert("server".into(), json!(self.server));
                fields.insert("channels".into(), Value::Array(channels));
                self.ui.out(&record("snapshot", fields))
            }
            Mode::Lines => {
                if now.is_empty() {
                    self.ui.status("no occupied channels yet");
                }
                let lines: Vec<String> = now
                    .iter()
                    .map(|(name, c)| {
                        let mut text = format!("present ({})", describe(name, c));
                        if c.members.is_some() {
                            text.push_str(&format!(" members: {}", member_list(c)));
                        }
                        self.line(name, &text)
                    })
                    .collect();
                self.out_lines(&lines)
            }
            Mode::Live => self.draw(now),
        }
    }

    /// The changes of one refresh, `now` being the channels after it.
    pub fn changes(&mut self, now: &Occupancy, changes: &[Change]) -> io::Result<()> {
        match self.mode {
            Mode::Json => {
                let records: Vec<String> =
                    changes.iter().map(|c| self.change_record(now, c)).collect();
                self.out_lines(&records)?;
            }
            Mode::Lines | Mode::Live => {
                let lines: Vec<String> = changes.iter().map(|c| self.change_line(now, c)).collect();
                if self.mode == Mode::Lines {
                    self.out_lines(&lines)?;
                } else {
                    for line in lines {
                        if self.recent.len() == RECENT {
                            self.recent.pop_front();
                        }
                        self.recent.push_back(line);
                    }
                }
            }
        }
        if self.mode == Mode::Live {
            self.note = None;
            self.draw(now)?;
        }
        Ok(())
    }

    fn change_record(&self, now: &Occupancy, change: &Change) -> String {
        let fields = |name: &str| channel_fields(name, kind_of(name), now.get(name));
        match change {
            Change::Occupied(name) => record("channel_occupied", fields(name)),
            Change::Vacated(name) => record("channel_vacated", fields(name)),
            Change::Counts {
                channel,
                subscription_count,
                user_count,
            } => {
                let mut f = fields(channel);
                f.insert(
                    "before".into(),
                    json!({ "subscription_count": subscription_count, "user_count": user_count }),
                );
                record("count_changed", f)
            }
            Change::Members(name) => {
                let mut f = fields(name);
                let ids = now.get(name).and_then(|c| c.members.clone());
                f.insert("members".into(), json!(ids.unwrap_or_default()));
                record("members", f)
            }
            Change::MemberAdded { channel, user_id } => {
                let mut f = fields(channel);
                f.insert("user_id".into(), json!(user_id));
                record("member_added", f)
            }
            Change::MemberRemoved { channel, user_id } => {
                let mut f = fields(channel);
                f.insert("user_id".into(), json!(user_id));
                record("member_removed", f)
            }
        }
    }

    fn change_line(&self, now: &Occupancy, change: &Change) -> String {
        let (name, text) = match change {
            Change::Occupied(name) => {
                let what = now.get(name).map(|c| describe(name, c)).unwrap_or_default();
                (
                    name,
                    self.ui.paint(&format!("occupied ({what})"), |s| s.green()),
                )
            }
            Change::Vacated(name) => (name, self.ui.paint("vacated", |s| s.red())),
            Change::Counts {
                channel,
                subscription_count,
                user_count,
            } => {
                let c = now.get(channel);
                let mut parts = Vec::new();
                let after_users = c.and_then(|c| c.user_count);
                if after_users.is_some() && after_users != *user_count {
                    parts.push(format!(
                        "users {} → {}",
                        count(*user_count),
                        count(after_users)
                    ));
                }
                let after_subs = c.and_then(|c| c.subscription_count);
                if after_subs.is_some() && after_subs != *subscription_count {
                    parts.push(format!(
                        "subscriptions {} → {}",
                        count(*subscription_count),
                        count(after_subs)
                    ));
                }
                (channel, self.ui.paint(&parts.join(", "), |s| s.yellow()))
            }
            Change::Members(name) => {
                let list = now.get(name).map(member_list).unwrap_or_default();
                (name, format!("members: {list}"))
            }
            Change::MemberAdded { channel, user_id } => (
                channel,
                self.ui
                    .paint(&format!("{} joined", sanitize(user_id, false)), |s| {
                        s.green()
                    }),
            ),
            Change::MemberRemoved { channel, user_id } => (
                channel,
                self.ui
                    .paint(&format!("{} left", sanitize(user_id, false)), |s| s.red()),
            ),
        };
        self.line(name, &text)
    }

    /// `HH:MM:SS.mmm CHANNEL TEXT`, the channel escaped.
    fn line(&self, channel: &str, text: &str) -> String {
        let clock = self
            .ui
            .paint(&time::local_clock(SystemTime::now()), |s| s.dimmed());
        let channel = self.ui.paint(&sanitize(channel, false), |s| s.cyan());
        format!("{clock} {channel} {text}")
    }

    fn out_lines(&self, lines: &[String]) -> io::Result<()> {
        if lines.is_empty() {
            return Ok(());
        }
        self.ui.out(&lines.join("\n"))
    }

    /// A refresh failed and is tried again after `wait`.
    pub fn retrying(
        &mut self,
        status: Option<u16>,
        reason: &str,
        retry_after: Option<Duration>,
        wait: Duration,
    ) -> io::Result<()> {
        let what = match status {
            Some(429) => "rate limited (HTTP 429)".to_owned(),
            Some(code) => format!("HTTP {code}"),
            None => "no answer".to_owned(),
        };
        let after = retry_after
            .map(|d| format!(", Retry-After {}", humantime::format_duration(d)))
            .unwrap_or_default();
        let wait_text = humantime::format_duration(round_ms(wait)).to_string();
        match self.mode {
            Mode::Json => {
                let mut f = Map::new();
                f.insert("status".into(), json!(status));
                f.insert("reason".into(), json!(one_line(reason, 300)));
                f.insert(
                    "retry_after_ms".into(),
                    json!(retry_after.map(|d| d.as_millis() as u64)),
                );
                f.insert("delay_ms".into(), json!(wait.as_millis() as u64));
                self.ui.out(&record("retrying", f))
            }
            Mode::Lines => {
                self.ui.warn(&format!(
                    "{what}{after}: {}; listing again in {wait_text}",
                    one_line(reason, 200)
                ));
                Ok(())
            }
            Mode::Live => {
                self.note = Some(format!("{what}{after}: listing again in {wait_text}"));
                let last = std::mem::take(&mut self.last);
                self.draw(&last)
            }
        }
    }

    /// The end of the run: a record, or a status line.
    pub fn summary(&mut self, ended: &str, tally: &Tally) -> io::Result<()> {
        if self.mode == Mode::Json {
            let mut f = Map::new();
            f.insert("ended".into(), json!(ended));
            f.insert("refreshes".into(), json!(tally.refreshes));
            f.insert("requests".into(), json!(tally.requests));
            f.insert("changes".into(), json!(tally.changes));
            f.insert("retries".into(), json!(tally.retries));
            return self.ui.out(&record("summary", f));
        }
        self.ui.status(&format!(
            "{}, {}, {}, {} ({ended})",
            counted(tally.refreshes, "listing"),
            counted(tally.requests, "request"),
            counted(tally.changes, "change"),
            counted(tally.retries, "back-off"),
        ));
        Ok(())
    }

    /// Draw the live table over the last one: back up over it, clear, write the new
    /// one with line wrapping off (so each line takes one row), as many rows as the
    /// terminal holds.
    fn draw(&mut self, now: &Occupancy) -> io::Result<()> {
        let refreshed = self.last_refresh.insert(SystemTime::now());
        let mut every = humantime::format_duration(self.pace).to_string();
        if self.pace > self.every {
            every.push_str(&format!(
                " (within {REQUESTS_PER_MINUTE} requests a minute)"
            ));
        }
        let mut header = format!(
            "{} · every {every} · refreshed {} · {}",
            self.server,
            time::local_clock(*refreshed),
            counted(now.len() as u64, "channel"),
        );
        if let Some(note) = &self.note {
            header.push_str(" · ");
            header.push_str(&self.ui.paint(note, |s| s.yellow()));
        }
        let mut lines = vec![self.ui.paint(&header, |s| s.bold())];
        let mut columns = vec!["CHANNEL", "KIND", "SUBSCRIPTIONS", "USERS"];
        if self.members {
            columns.push("MEMBERS");
        }
        let height = terminal_size::terminal_size().map_or(24, |(_, h)| usize::from(h.0));
        // The header, the column names, a blank line, the recent changes and the row
        // the cursor rests on.
        let room = height.saturating_sub(4 + self.recent.len()).max(1);
        let shown = if now.len() > room {
            room - 1
        } else {
            now.len()
        };
        let rows: Vec<Vec<String>> = now
            .iter()
            .take(shown)
            .map(|(name, c)| {
                let mut row = vec![
                    name.clone(),
                    kind_of(name).to_owned(),
                    count(c.subscription_count),
                    count(c.user_count),
                ];
                if self.members {
                    row.push(member_list(c));
                }
                row
            })
            .collect();
        lines.extend(table::render(&columns, &rows).lines().map(str::to_owned));
        if shown < now.len() {
            lines.push(format!(
                "… {} more (narrow with --prefix, or use --json)",
                counted((now.len() - shown) as u64, "channel")
            ));
        }
        if !self.recent.is_empty() {
            lines.push(String::new());
            lines.extend(self.recent.iter().cloned());
        }
        let mut frame = String::new();
        if self.drawn > 0 {
            frame.push_str(&format!("\x1b[{}F", self.drawn));
        }
        frame.push_str("\x1b[J\x1b[?7l");
        frame.push_str(&lines.join("\n"));
        frame.push_str("\x1b[?7h\n");
        self.drawn = lines.len();
        self.last = now.clone();
        self.ui.out(&frame)
    }
}

/// A wait to the millisecond, for people.
fn round_ms(d: Duration) -> Duration {
    Duration::from_millis(d.as_millis() as u64)
}
