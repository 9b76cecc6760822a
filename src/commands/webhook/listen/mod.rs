//! `rtctl webhook listen`, a local receiver that verifies, prints, forwards and saves
//! the webhooks a server sends: its arguments, and the run that takes each request,
//! counts what was done with it and ends with a summary and an exit code.
//!
//! Each request is handled on its own task (`request`): checked, answered, then saved
//! (`save`) and printed (`show`). Forwards (`forward`) run beside them, bounded in
//! number, so neither a slow app behind --forward nor a slow disk delays any sender's
//! answer. Lines come in the order requests finish; `seq` numbers requests in the order
//! they arrived, and a forward's line names it.

mod forward;
mod request;
mod save;
mod show;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use clap::Args as ClapArgs;
use tokio::sync::mpsc;
use tokio::task::JoinSet;

use super::Ctx;
use crate::config::defaults::LOOPBACK;
use crate::error::{CliError, Kind};
use crate::net::receiver::{self, Answer, Pending, Serving};
use crate::text::sanitize;
use forward::{ForwardOutcome, Forwards};
use request::{Handled, Shared, handle};
use show::Show;

pub const EXAMPLES: &str = "\
Examples:
  rtctl webhook listen                                  on 127.0.0.1:8090
  rtctl webhook listen --bind 0.0.0.0:9000 --json       JSON Lines, one per event
  rtctl webhook listen --forward http://localhost:8008/pusher/webhook
  rtctl webhook listen --save captured/ --count 10      then: rtctl webhook replay captured/

Every request is checked with the profile's key and secret and answered 200 when it is
authentic, 401 when not (400 when it is authentic but not a webhook body), at once:
saving and forwarding happen after the answer. Each event is printed with the time it
arrived; --json gives one line per event:
  {\"type\":\"webhook\",\"seq\",\"time\",\"time_ms\",\"name\",\"channel\",\"event\",\"data\",
   \"user_id\",\"socket_id\",\"valid\",\"reason\",\"key\",…}
one per forward ({\"type\":\"forward\",\"seq\",\"outcome\",\"status\"|\"error\"}) and a summary.
--save writes each file whole (a temporary file renamed into place) with mode 0600.
Ctrl-C stops it (exit code 130), and SIGTERM too (exit code 143), after a short grace
for the webhooks already received and the forwards under way. Exit code 1 when a
webhook could not be saved or forwarded.";

/// The port `listen` binds on this machine when --bind is not given.
const DEFAULT_PORT: u16 = 8090;

/// At the end, how long the requests already received get to be answered, saved and
/// printed.
const STOP_GRACE: Duration = Duration::from_secs(2);

#[derive(Debug, ClapArgs)]
pub struct Args {
    /// Address to listen on: PORT (on 127.0.0.1) or HOST:PORT [default: 127.0.0.1:8090]
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
        return Ok(format!("{LOOPBACK}:{DEFAULT_PORT}"));
    };
    if arg.bytes().all(|b| b.is_ascii_digit()) {
        return match arg.parse::<u16>() {
            Ok(port) => Ok(format!("{LOOPBACK}:{port}")),
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

/// What a run did, for the summary and the exit code.
#[derive(Debug, Default)]
struct Tally {
    requests: u64,
    authentic: u64,
    events: u64,
    saved: u64,
    not_saved: u64,
    forwards_answered: u64,
    forwards_failed: u64,
    forwards_abandoned: u64,
    /// Requests received but still being handled when the stop grace ran out.
    cut_off: u64,
}

/// Why the run ended.
enum Ended {
    Count,
    Signal(crate::signal::Stop),
    Failed(CliError),
}

impl Ended {
    /// The summary record's `reason`.
    fn word(&self) -> &'static str {
        match self {
            Self::Count => "count",
            Self::Signal(stop) => stop.word(),
            Self::Failed(_) => "error",
        }
    }
}

/// The listener at work: requests are handled each on its own task, forwards run
/// beside them, and this loop keeps the count.
struct Listener {
    shared: Arc<Shared>,
    /// With --forward.
    forwards: Option<Forwards>,
    count: Option<u64>,
    /// The number of the last POST received.
    seq: u64,
    handling: JoinSet<Result<Handled, CliError>>,
    tally: Tally,
    /// The first error met while stopping (stdout closed, say).
    late_error: Option<CliError>,
}

pub async fn run(ctx: &mut Ctx, args: &Args) -> Result<(), CliError> {
    // `--port P` is the old spelling of `--bind P`: listen talks to no REST API.
    let addr = match (args.bind.as_deref(), ctx.global.port) {
        (Some(_), Some(_)) => {
            return Err(
                CliError::usage("--bind and --port both say where to listen")
                    .hint("give one: --bind 9000, or --bind HOST:PORT"),
            );
        }
        (None, Some(port)) => {
            ctx.ui.deprecated(
                &format!("webhook listen --port {port}"),
                &format!("webhook listen --bind {port}"),
                "for listen it still means where to listen, not the server's REST port it means everywhere else",
            );
            bind_address(Some(&port.to_string()))?
        }
        (bind, None) => bind_address(bind)?,
    };
    if let Some(url) = &args.forward
        && !(url.starts_with("http://") || url.starts_with("https://"))
    {
        return Err(CliError::usage(format!(
            "--forward `{}` is not an http:// or https:// URL",
            sanitize(url, false)
        )));
    }
    let (key, secret) = ctx.key_and_secret().await?;
    let timeout = ctx.config()?.timeout.val;
    if let Some(dir) = &args.save {
        std::fs::create_dir_all(dir).map_err(|e| {
            CliError::new(
                Kind::Failure,
                format!("cannot create the folder {}: {e}", dir.display()),
            )
        })?;
    }
    let forwards = match &args.forward {
        Some(url) => Some(Forwards::new(url, timeout, &ctx.trust()?)?),
        None => None,
    };
    let bound = receiver::bind(&addr).await?;
    let local = bound.local_addr()?;
    ctx.ui.status(&format!(
        "listening on http://{local}/ for webhooks signed with key `{key}` (any path); Ctrl-C to stop"
    ));
    let (mut requests, serving) = bound.serve();
    let mut listener = Listener {
        shared: Arc::new(Shared {
            show: Show {
                ui: ctx.ui,
                json: args.json,
            },
            key,
            secret,
            save: args.save.clone(),
            forwarding: forwards.is_some(),
        }),
        forwards,
        count: args.count,
        seq: 0,
        handling: JoinSet::new(),
        tally: Tally::default(),
        late_error: None,
    };
    // One signal listener for the whole run, so a Ctrl-C or SIGTERM while requests
    // are handled is not lost.
    let interrupted = crate::signal::requested();
    tokio::pin!(interrupted);
    let ended = loop {
        tokio::select! {
            p = requests.recv() => match p {
                Some(p) => listener.accept(p),
                None => break Ended::Failed(CliError::new(Kind::Failure, "the receiver stopped")),
            },
            Some(done) = listener.handling.join_next() => {
                if let Err(e) = listener.handled(done) {
                    break Ended::Failed(e);
                }
                if listener.count.is_some_and(|n| listener.tally.events >= n) {
                    break Ended::Count;
                }
            }
            Some(done) = forward::next(&mut listener.forwards) => {
                if let Err(e) = listener.forwarded(done) {
                    break Ended::Failed(e);
                }
            }
            stop = &mut interrupted => break Ended::Signal(stop),
        }
    };
    listener.drain(&mut requests, serving).await;
    listener.finish_forwards().await;
    listener.summary(&ended);
    listener.result(ended)
}

impl Listener {
    /// Take a request off the receiver: a POST gets the next number and its own task.
    fn accept(&mut self, pending: Pending) {
        let req = pending.request();
        if req.method != "POST" {
            self.shared.show.ui.status(&format!(
                "ignored {} {} from {}: webhooks are POSTed",
                sanitize(&req.method, false),
                sanitize(&req.path, false),
                req.peer
            ));
            pending.answer(Answer {
                status: 405,
                body: "webhooks are POSTed\n".into(),
            });
            return;
        }
        self.seq += 1;
        self.tally.requests += 1;
        self.handling
            .spawn(handle(Arc::clone(&self.shared), self.seq, pending));
    }

    /// Count what a request's task did, and start its forward.
    fn handled(
        &mut self,
        done: Result<Result<Handled, CliError>, tokio::task::JoinError>,
    ) -> Result<(), CliError> {
        let h = done.map_err(|e| {
            CliError::new(Kind::Failure, format!("a request's handling failed: {e}"))
        })??;
        if h.authentic {
            self.tally.authentic += 1;
            // Only webhooks from the app count towards --count.
            self.tally.events += h.events;
        }
        match h.saved {
            Some(true) => self.tally.saved += 1,
            Some(false) => self.tally.not_saved += 1,
            None => {}
        }
        if let (Some((seq, request)), Some(forwards)) = (h.forward, &mut self.forwards)
            && let Err(refused) = forwards.start(seq, request)
        {
            return self.forwarded(Ok((seq, refused)));
        }
        Ok(())
    }

    /// Count and print a finished forward.
    fn forwarded(&mut self, done: Result<(u64, ForwardOutcome), CliError>) -> Result<(), CliError> {
        let (seq, outcome) = done?;
        match &outcome {
            ForwardOutcome::Answered(_) => self.tally.forwards_answered += 1,
            ForwardOutcome::Failed(_) => self.tally.forwards_failed += 1,
            ForwardOutcome::Abandoned => self.tally.forwards_abandoned += 1,
        }
        Ok(self.shared.show.forward(seq, &outcome)?)
    }

    /// Stop accepting; let the requests already received be answered, saved and
    /// printed, within `STOP_GRACE`.
    async fn drain(&mut self, requests: &mut mpsc::Receiver<Pending>, serving: Serving) {
        let deadline = tokio::time::Instant::now() + STOP_GRACE;
        let stopping = serving.stop(STOP_GRACE);
        tokio::pin!(stopping);
        let mut stopped = false;
        while !(stopped && self.handling.is_empty()) {
            let step = tokio::select! {
                () = &mut stopping, if !stopped => {
                    stopped = true;
                    Ok(())
                }
                Some(p) = requests.recv() => {
                    self.accept(p);
                    Ok(())
                }
                Some(done) = self.handling.join_next() => self.handled(done),
                Some(done) = forward::next(&mut self.forwards) => self.forwarded(done),
                () = tokio::time::sleep_until(deadline) => break,
            };
            if let Err(e) = step {
                self.late_error.get_or_insert(e);
            }
        }
        self.tally.cut_off = self.handling.len() as u64;
        self.handling.abort_all();
    }

    /// Give the forwards still waiting for the app `forward::GRACE`; count the rest as
    /// abandoned, each with its own record.
    async fn finish_forwards(&mut self) {
        let Some(mut forwards) = self.forwards.take() else {
            return;
        };
        let deadline = tokio::time::Instant::now() + forward::GRACE;
        while !forwards.is_empty() {
            let step = tokio::select! {
                Some(done) = forwards.join_next() => self.forwarded(done),
                () = tokio::time::sleep_until(deadline) => break,
            };
            if let Err(e) = step {
                self.late_error.get_or_insert(e);
            }
        }
        for seq in forwards.abandon() {
            if let Err(e) = self.forwarded(Ok((seq, ForwardOutcome::Abandoned))) {
                self.late_error.get_or_insert(e);
            }
        }
    }

    fn summary(&mut self, ended: &Ended) {
        let shared = &self.shared;
        if let Err(e) = shared.show.summary(
            &self.tally,
            ended.word(),
            shared.save.as_deref(),
            shared.forwarding,
        ) {
            self.late_error.get_or_insert(e.into());
        }
    }

    /// The exit: a signal's own code; 1 when a body was not saved, a forward got no
    /// answer or a request was cut off; 0 otherwise.
    fn result(self, ended: Ended) -> Result<(), CliError> {
        match ended {
            Ended::Signal(stop) => return Err(stop.error()),
            Ended::Failed(e) => return Err(e),
            Ended::Count => {}
        }
        if let Some(e) = self.late_error {
            return Err(e);
        }
        let t = &self.tally;
        let mut lost = Vec::new();
        if t.not_saved > 0 {
            lost.push(format!("{} not saved", t.not_saved));
        }
        let unanswered = t.forwards_failed + t.forwards_abandoned;
        if unanswered > 0 {
            lost.push(format!("{unanswered} not forwarded to the app"));
        }
        if t.cut_off > 0 {
            lost.push(format!("{} cut off while being handled", t.cut_off));
        }
        if lost.is_empty() {
            return Ok(());
        }
        Err(
            CliError::new(Kind::Failure, format!("webhooks {}", lost.join(", ")))
                .hint("the lines above say which and why"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bind_addresses() {
        assert_eq!(bind_address(None).unwrap(), "127.0.0.1:8090");
        assert_eq!(bind_address(Some("9000")).unwrap(), "127.0.0.1:9000");
        assert_eq!(bind_address(Some("0.0.0.0:9000")).unwrap(), "0.0.0.0:9000");
        assert_eq!(bind_address(Some("99999")).unwrap_err().kind, Kind::Usage);
        assert_eq!(
            bind_address(Some("localhost")).unwrap_err().kind,
            Kind::Usage
        );
    }

    #[test]
    fn help_states_the_default_address() {
        use clap::Args as _;
        let help = Args::augment_args(clap::Command::new("listen"))
            .render_help()
            .to_string();
        let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
        let default = bind_address(None).unwrap();
        assert!(help.contains(&format!("[default: {default}]")), "{help}");
        assert!(help.contains(&format!("PORT (on {LOOPBACK})")), "{help}");
        assert!(EXAMPLES.contains(&format!("on {default}\n")), "{EXAMPLES}");
    }
}
