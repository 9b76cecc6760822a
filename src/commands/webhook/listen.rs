//! `rtctl webhook listen`: a local receiver that verifies, prints, forwards and saves
//! the webhooks a server sends.

use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::Args as ClapArgs;
use colored::{ColoredString, Colorize as _};
use serde_json::{Value, json};

use super::{Ctx, key_and_secret, now_ms};
use crate::error::{CliError, Kind};
use crate::net::http::JsonPoster;
use crate::net::receiver::{self, Answer, Pending, Received};
use crate::pusher::webhook::{self, Body, Event, EventType, Verdict};
use crate::ui::Ui;
use crate::ui::json_text;
use crate::ui::sanitize::{one_line, sanitize};

pub const EXAMPLES: &str = "\
Examples:
  rtctl webhook listen                                  on 127.0.0.1:8090
  rtctl webhook listen --bind 0.0.0.0:9000 --json       JSON Lines, one per event
  rtctl webhook listen --forward http://localhost:8008/pusher/webhook
  rtctl webhook listen --save captured/ --count 10      then: rtctl webhook replay captured/

Every request is checked with the profile's key and secret and answered 200 when it is
authentic, 401 when not (400 when it is authentic but not a webhook body). Each event is
printed with the time it arrived; --json gives one line per event:
  {\"type\":\"webhook\",\"time\",\"time_ms\",\"name\",\"channel\",\"event\",\"data\",\"user_id\",
   \"socket_id\",\"valid\",\"reason\",\"key\",…}
Ctrl-C stops it (exit code 130), and SIGTERM too (exit code 143).";

/// Where `listen` binds when --bind is not given.
const DEFAULT_BIND: &str = "127.0.0.1:8090";

/// How long the answers already given may take to reach their senders at the end.
const STOP_GRACE: Duration = Duration::from_secs(2);

#[derive(Debug, ClapArgs)]
pub struct Args {
    /// Address to listen on: PORT (on 127.0.0.1) or HOST:PORT; `--port P` is short for
    /// `--bind P` [default: 127.0.0.1:8090]
    #[arg(long, value_name = "[HOST:]PORT")]
    pub bind: Option<String>,

    /// Also post each request, as received, to this URL (the app's webhook endpoint)
    #[arg(long, value_name = "URL")]
    pub forward: Option<String>,

    /// Save each authentic webhook body in this folder, as fixtures for `webhook replay`
    #[arg(long, value_name = "DIR")]
    pub save: Option<PathBuf>,

    /// Stop after this many events from authentic webhooks
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub count: Option<u64>,

    /// One JSON line per event
    #[arg(long)]
    pub json: bool,
}

/// `9000` → `127.0.0.1:9000`; anything else as given.
fn bind_address(arg: Option<&str>) -> Result<String, CliError> {
    let Some(arg) = arg else {
        return Ok(DEFAULT_BIND.to_owned());
    };
    if arg.bytes().all(|b| b.is_ascii_digit()) {
        return match arg.parse::<u16>() {
            Ok(port) => Ok(format!("127.0.0.1:{port}")),
            Err(_) => Err(CliError::usage(format!("--bind {arg}: not a port number"))
                .hint("use a port from 1024 to 65535, or HOST:PORT")),
        };
    }
    if !arg.contains(':') {
        return Err(
            CliError::usage(format!("--bind `{}` has no port", sanitize(arg, false)))
                .hint("write PORT or HOST:PORT, e.g. 9000 or 0.0.0.0:9000"),
        );
    }
    Ok(arg.to_owned())
}

/// What listen keeps between requests.
struct Listener {
    ui: Ui,
    json: bool,
    key: String,
    secret: crate::config::Secret,
    save: Option<PathBuf>,
    forward: Option<(String, JsonPoster)>,
    /// The last number given to a saved file.
    seq: u64,
    saved: u64,
    requests: u64,
    events: u64,
    authentic: u64,
}

/// The outcome of one request, for printing.
struct Checked {
    verdict: Verdict,
    body: Result<Body, webhook::BodyError>,
    saved: Option<PathBuf>,
    forwarded: Option<Result<u16, String>>,
}

pub async fn run(ctx: &mut Ctx, args: &Args) -> Result<(), CliError> {
    // listen talks to no REST API, so the global --port can only mean where to listen.
    let port = ctx.global.port.map(|p| p.to_string());
    let addr = match (args.bind.as_deref(), port.as_deref()) {
        (Some(_), Some(_)) => {
            return Err(
                CliError::usage("--bind and --port both say where to listen")
                    .hint("give one: --port 9000, or --bind HOST:PORT"),
            );
        }
        (bind, port) => bind_address(bind.or(port))?,
    };
    if let Some(url) = &args.forward
        && !(url.starts_with("http://") || url.starts_with("https://"))
    {
        return Err(CliError::usage(format!(
            "--forward `{}` is not an http:// or https:// URL",
            sanitize(url, false)
        )));
    }
    let (key, secret) = key_and_secret(ctx).await?;
    let timeout = ctx.config()?.timeout.val;
    if let Some(dir) = &args.save {
        std::fs::create_dir_all(dir).map_err(|e| {
            CliError::new(
                Kind::Failure,
                format!("cannot create the folder {}: {e}", dir.display()),
            )
        })?;
    }
    let forward = match &args.forward {
        Some(url) => Some((url.clone(), JsonPoster::new(timeout)?)),
        None => None,
    };
    let bound = receiver::bind(&addr).await?;
    let local = bound.local_addr()?;
    ctx.ui.status(&format!(
        "listening on http://{local}/ for webhooks signed with key `{key}` (any path); Ctrl-C to stop"
    ));
    let (mut requests, serving) = bound.serve();
    let mut state = Listener {
        ui: ctx.ui,
        json: args.json,
        key,
        secret,
        save: args.save.clone(),
        forward,
        seq: 0,
        saved: 0,
        requests: 0,
        events: 0,
        authentic: 0,
    };
    // One signal listener for the whole run, so a Ctrl-C or SIGTERM while a request
    // is handled is not lost.
    let interrupted = crate::signal::requested();
    tokio::pin!(interrupted);
    let result = loop {
        let pending = tokio::select! {
            p = requests.recv() => p,
            stop = &mut interrupted => break Err(stop.error()),
        };
        let Some(pending) = pending else {
            break Err(CliError::new(Kind::Failure, "the receiver stopped"));
        };
        let handled = tokio::select! {
            r = state.handle(pending) => r,
            stop = &mut interrupted => break Err(stop.error()),
        };
        if let Err(e) = handled {
            break Err(e);
        }
        if args.count.is_some_and(|n| state.events >= n) {
            break Ok(());
        }
    };
    serving.stop(STOP_GRACE).await;
    state.summary();
    result
}

impl Listener {
    fn summary(&self) {
        let plural =
            |n: u64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut s = format!(
            "received {}, {} authentic, carrying {}",
            plural(self.requests, "request", "requests"),
            self.authentic,
            plural(self.events, "event", "events")
        );
        if let Some(dir) = &self.save {
            s.push_str(&format!("; {} saved in {}", self.saved, dir.display()));
        }
        self.ui.status(&s);
    }

    async fn handle(&mut self, pending: Pending) -> Result<(), CliError> {
        let req = pending.request();
        if req.method != "POST" {
            self.ui.status(&format!(
                "ignored {} {} from {}: webhooks are POSTed",
                sanitize(&req.method, false),
                sanitize(&req.path, false),
                req.peer
            ));
            pending.answer(Answer {
                status: 405,
                body: "webhooks are POSTed\n".into(),
            });
            return Ok(());
        }
        self.requests += 1;
        let verdict = webhook::verify(
            &self.key,
            self.secret.expose(),
            req.header("x-pusher-key"),
            req.header("x-pusher-signature"),
            &req.body,
        );
        let body = webhook::parse(&req.body);
        let answer = match (&verdict, &body) {
            (v, _) if !v.is_valid() => Answer {
                status: 401,
                body: format!("{}\n", v.reason()),
            },
            (_, Err(e)) => Answer {
                status: 400,
                body: format!("{e}\n"),
            },
            _ => Answer {
                status: 200,
                body: "ok\n".into(),
            },
        };
        let saved = match (self.save.clone(), verdict.is_valid(), &body) {
            (Some(dir), true, Ok(b)) => Some(self.save_body(&dir, b, &req.body)?),
            _ => None,
        };
        let authentic = verdict.is_valid();
        let request = pending.answer(answer);
        // The sender has its answer; a slow app behind --forward holds up no one.
        let forwarded = match &self.forward {
            Some((url, poster)) => Some(forward(poster, url, &request).await),
            None => None,
        };
        let checked = Checked {
            verdict,
            body,
            saved,
            forwarded,
        };
        let lines = self.render(&request, &checked);
        if authentic {
            self.authentic += 1;
            // Only webhooks from the app count towards --count.
            if let Ok(b) = &checked.body {
                self.events += b.events.len() as u64;
            }
        }
        self.ui.out(&lines.join("\n"))?;
        Ok(())
    }

    /// Write the body byte for byte as `<time_ms>-<n>-<first event>.json`.
    fn save_body(&mut self, dir: &Path, body: &Body, raw: &[u8]) -> Result<PathBuf, CliError> {
        let name = body
            .events
            .first()
            .and_then(Event::name)
            .and_then(EventType::parse)
            .map_or("webhook", EventType::as_str);
        loop {
            self.seq += 1;
            let path = dir.join(format!("{}-{:04}-{name}.json", body.time_ms, self.seq));
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(mut f) => {
                    std::io::Write::write_all(&mut f, raw).map_err(|e| {
                        CliError::new(
                            Kind::Failure,
                            format!("cannot save {}: {e}", path.display()),
                        )
                    })?;
                    self.saved += 1;
                    return Ok(path);
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => {
                    return Err(CliError::new(
                        Kind::Failure,
                        format!("cannot save {}: {e}", path.display()),
                    ));
                }
            }
        }
    }

    fn render(&self, req: &Received, c: &Checked) -> Vec<String> {
        let received = now_ms();
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
            "time": rfc3339(received),
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
        if let Some(path) = &c.saved {
            v["saved"] = Value::String(path.display().to_string());
        }
        match &c.forwarded {
            Some(Ok(status)) => v["forwarded"] = json!({ "status": status }),
            Some(Err(why)) => v["forwarded"] = json!({ "error": why }),
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
        let time = local_time(received);
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
        if let Some(path) = &c.saved {
            line.push_str(&format!("  → {}", path.display()));
        }
        match &c.forwarded {
            Some(Ok(status)) => line.push_str(&format!("  forwarded: HTTP {status}")),
            Some(Err(why)) => line.push_str(&format!(
                "  {}",
                self.paint(&format!("forward failed: {why}"), |s| s.red())
            )),
            None => {}
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

/// `HH:MM:SS.mmm` in the local time zone.
fn local_time(ms: u64) -> String {
    let ts = jiff::Timestamp::from_millisecond(i64::try_from(ms).unwrap_or(i64::MAX))
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    let t = ts.to_zoned(jiff::tz::TimeZone::system()).time();
    format!(
        "{:02}:{:02}:{:02}.{:03}",
        t.hour(),
        t.minute(),
        t.second(),
        t.millisecond()
    )
}

/// RFC 3339 in UTC, to the millisecond.
fn rfc3339(ms: u64) -> String {
    jiff::Timestamp::from_millisecond(i64::try_from(ms).unwrap_or(i64::MAX))
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .to_string()
}

/// Post the request as received to the app; its status, or why there was none.
async fn forward(poster: &JsonPoster, url: &str, req: &Received) -> Result<u16, String> {
    let headers: Vec<(String, String)> = ["x-pusher-key", "x-pusher-signature", "content-type"]
        .iter()
        .filter_map(|n| req.header(n).map(|v| ((*n).to_owned(), v.to_owned())))
        .collect();
    poster
        .post(url, &headers, req.body.to_vec(), "--forward")
        .await
        .map(|r| r.status)
        .map_err(|e| e.message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bind_addresses() {
        assert_eq!(bind_address(None).unwrap(), DEFAULT_BIND);
        assert_eq!(bind_address(Some("9000")).unwrap(), "127.0.0.1:9000");
        assert_eq!(bind_address(Some("0.0.0.0:9000")).unwrap(), "0.0.0.0:9000");
        assert_eq!(bind_address(Some("99999")).unwrap_err().kind, Kind::Usage);
        assert_eq!(
            bind_address(Some("localhost")).unwrap_err().kind,
            Kind::Usage
        );
    }

    #[test]
    fn details_are_sanitized() {
        let e = webhook::event(
            EventType::ClientEvent,
            &webhook::Spec {
                data: Some("a\u{1b}[2Jb".into()),
                ..webhook::Spec::default()
            },
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
