//! `rtctl doctor`: checks an environment's realtime setup end to end, for a person (a
//! checklist) and for CI (JSON, JUnit, an exit code that says whether a check failed).
//!
//! Which checks exist and which run is in `checks`; what they found and the verdict in
//! `report`; the three outputs in `render`; the checks themselves in `config_checks`
//! (no network) and `server`.

mod channels;
mod checks;
mod config_checks;
mod render;
mod report;
mod server;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use clap::Args as ClapArgs;

use self::checks::{Selection, Spec};
use self::report::{Outcome, Ran, Status};
use super::Ctx;
use crate::config::Secret;
use crate::error::{CliError, Kind};
use crate::files::{Existing, write_private};
use crate::net::http::RestClient;
use crate::net::ws;
use crate::ui::json_text;

const EXAMPLES: &str = "\
Examples:
  rtctl doctor                              every check against the profile's server
  rtctl --profile prod doctor --json        one JSON document, for scripts
  rtctl doctor --junit report.xml           also a JUnit report, for CI
  rtctl doctor --offline                    only the checks that need no network (a lint)
  rtctl doctor --only socket --only clock   checks or groups by name
  rtctl doctor --list-checks

Exit codes: 0 when no check failed (warnings pass, unless --strict), 5 when one did,
the same with --json and --junit; 2 and 3 for bad arguments and a broken config.";

/// Check an environment's config and connectivity end to end
#[derive(Debug, ClapArgs)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// List the checks, with their ids and groups, and exit
    #[arg(long)]
    pub list_checks: bool,

    /// Run only these checks or groups (repeatable, or comma-separated)
    #[arg(long, value_name = "ID", value_delimiter = ',')]
    pub only: Vec<String>,

    /// Leave out these checks or groups (repeatable, or comma-separated)
    #[arg(long, value_name = "ID", value_delimiter = ',')]
    pub skip: Vec<String>,

    /// Run only the checks that need no network
    #[arg(long)]
    pub offline: bool,

    /// Count warnings as failures
    #[arg(long)]
    pub strict: bool,

    /// Print one JSON document instead of the checklist
    #[arg(long)]
    pub json: bool,

    /// Also write a JUnit XML report to FILE, a test case a check
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub junit: Option<PathBuf>,

    /// Show each check's details (values, URLs) and timing
    #[arg(short, long)]
    pub verbose: bool,
}

pub async fn run(ctx: &mut Ctx, args: Args) -> Result<(), CliError> {
    if args.list_checks {
        return list(ctx, args.json);
    }
    let specs = checks::select(&Selection {
        only: args.only.clone(),
        skip: args.skip.clone(),
        offline: args.offline,
    })?;
    let mut ran = run_checks(ctx, &specs).await?;
    if args.strict {
        report::strict(&mut ran);
    }
    let config = ctx.config()?;
    let profile = config.profile.val.clone();
    if let Some(path) = &args.junit {
        write_private(
            path,
            render::junit(&ran, &profile).as_bytes(),
            Existing::Replace,
        )
        .map_err(|e| {
            CliError::new(
                Kind::Failure,
                format!("cannot write the JUnit report {}: {e}", path.display()),
            )
        })?;
    }
    if args.json {
        let doc = render::json(&ran, &profile, &config.profile.source.to_string());
        ctx.ui.out(&json_text(&doc))?;
    } else {
        ctx.ui.out(&render::human(
            &ran,
            &profile,
            args.verbose,
            ctx.ui.color_out,
        ))?;
    }
    report::verdict(&ran)
}

fn list(ctx: &Ctx, json: bool) -> Result<(), CliError> {
    if json {
        let list: Vec<_> = checks::ALL
            .iter()
            .map(|c| {
                serde_json::json!({
                    "id": c.id, "group": c.group(), "about": c.about,
                    "network": c.network, "needs": c.needs,
                })
            })
            .collect();
        return Ok(ctx.ui.out(&json_text(&serde_json::Value::Array(list)))?);
    }
    let width = checks::ALL.iter().map(|c| c.id.len()).max().unwrap_or(0);
    let lines: Vec<String> = checks::ALL
        .iter()
        .map(|c| {
            let net = if c.network { "" } else { " (offline)" };
            format!("{:width$}  {}{net}", c.id, c.about)
        })
        .collect();
    Ok(ctx.ui.out(&lines.join("\n"))?)
}

/// The skip a check gets when a check it needs failed or was skipped, or cannot run
/// itself (a prerequisite of a prerequisite failed).
fn blocked(spec: &Spec, ran: &[Ran]) -> Option<Outcome> {
    spec.needs
        .iter()
        .find_map(|need| match ran.iter().find(|r| r.spec.id == *need) {
            Some(r) => match r.outcome.status {
                Status::Fail => Some(Outcome::skip(format!("needs {need}, which failed"))),
                Status::Skip => Some(Outcome::skip(format!("needs {need}, which was skipped"))),
                Status::Pass | Status::Warn => None,
            },
            None => checks::ALL
                .iter()
                .find(|c| c.id == *need)
                .and_then(|c| blocked(c, ran))
                .map(|_| Outcome::skip(format!("needs {need}, which could not run"))),
        })
}

/// Runs the selected checks: those without the network first, then the REST and the
/// socket checks side by side, then the end-to-end check. A check whose prerequisite
/// failed is skipped, saying which.
async fn run_checks(ctx: &mut Ctx, specs: &[Spec]) -> Result<Vec<Ran>, CliError> {
    let mut run = Run {
        specs,
        ran: Vec::new(),
    };
    let config = ctx.config()?.clone();
    let started = Instant::now();
    let needs_secret = [checks::REQUIRED, checks::VALUES]
        .iter()
        .any(|id| run.wants(id))
        || specs.iter().any(|s| s.network);
    let secret: Option<Result<Secret, CliError>> = if needs_secret {
        Some(match config.require_secret() {
            Err(e) => Err(e.into()),
            Ok(_) => match ctx.secret().await {
                Err(e) if matches!(e.kind, Kind::Interrupted | Kind::Terminated) => return Err(e),
                read => read,
            },
        })
    } else {
        None
    };
    let secret_took = started.elapsed();

    run.offline(checks::PROFILE, || config_checks::profile(&config));
    if let Some(secret) = &secret
        && run.wants(checks::REQUIRED)
    {
        let (outcome, took) = timed_now(|| config_checks::required(&config, secret));
        run.record(checks::REQUIRED, outcome, took + secret_took);
    }
    let enabled = std::env::var("PUSHER_ENABLED").ok();
    run.offline(checks::ENABLED, || {
        config_checks::enabled(enabled.as_deref())
    });
    let known_secret = secret.as_ref().and_then(|s| s.as_ref().ok());
    run.offline(checks::VALUES, || {
        config_checks::values(&config, known_secret)
    });
    run.offline(checks::FILES, || config_checks::files(&config));

    let rest_wanted = [checks::CREDENTIALS, checks::CLOCK, checks::END_TO_END]
        .iter()
        .any(|id| run.ready(id));
    let rest: Option<Result<RestClient, CliError>> = rest_wanted.then(|| {
        secret
            .clone()
            .unwrap_or_else(|| Err(CliError::new(Kind::Config, "the secret was not read")))
            .and_then(|s| RestClient::new(&config, s))
    });
    let socket = ws::Options::for_profile(&config, false, ws::DEFAULT_MAX_MESSAGE_SIZE);
    let (want_credentials, want_clock) = (run.ready(checks::CREDENTIALS), run.ready(checks::CLOCK));
    let (want_handshake, want_ping) = (run.ready(checks::HANDSHAKE), run.ready(checks::PING));

    let rest_part = timed(async {
        match &rest {
            Some(Ok(client)) if want_credentials || want_clock => {
                Some(server::rest_checks(client).await)
            }
            Some(Err(e)) => Some(server::RestFindings {
                credentials: Outcome::failed(e),
                clock: Outcome::skip("no request could be made"),
            }),
            _ => None,
        }
    });
    let socket_part = async {
        match &socket {
            Ok(options) if want_handshake || want_ping => {
                Some(server::socket_checks(options, want_ping).await)
            }
            Err(e) if want_handshake || want_ping => Some(server::SocketFindings {
                handshake: (Outcome::failed(e), Duration::ZERO),
                ping: None,
            }),
            _ => None,
        }
    };
    let ((rest_found, rest_took), socket_found) = tokio::join!(rest_part, socket_part);
    if let Some(found) = rest_found {
        run.record(checks::CREDENTIALS, found.credentials, rest_took);
        run.record(checks::CLOCK, found.clock, rest_took);
    }
    if let Some(found) = socket_found {
        let (outcome, took) = found.handshake;
        run.record(checks::HANDSHAKE, outcome, took);
        if let Some((outcome, took)) = found.ping {
            run.record(checks::PING, outcome, took);
        }
    }

    let want_channels = run.ready(checks::PRIVATE) || run.ready(checks::PRESENCE);
    let channels_part = timed(async {
        match (&socket, &secret, &config.key) {
            (Ok(options), Some(Ok(secret)), Some(key)) if want_channels => {
                Some(channels::channel_checks(options, &key.val, secret, &suffix()).await)
            }
            _ => None,
        }
    });
    let want_end_to_end = run.ready(checks::END_TO_END);
    let end_to_end_part = timed(async {
        match (&rest, &socket) {
            _ if !want_end_to_end => None,
            (Some(Ok(client)), Ok(options)) => {
                Some(server::end_to_end(&config, client, options).await)
            }
            (Some(Err(e)), _) | (_, Err(e)) => Some(Outcome::failed(e)),
            (None, _) => None,
        }
    });
    let ((channels_found, channels_took), (end_to_end, end_to_end_took)) =
        tokio::join!(channels_part, end_to_end_part);
    if let Some(found) = channels_found {
        run.record(checks::PRIVATE, found.private, channels_took);
        run.record(checks::PRESENCE, found.presence, channels_took);
    }
    if let Some(outcome) = end_to_end {
        run.record(checks::END_TO_END, outcome, end_to_end_took);
    }
    Ok(run.finish())
}

/// A random suffix for the channels a run uses, so runs never share one.
fn suffix() -> String {
    use crate::outgoing::World as _;
    crate::outgoing::System.random_id()
}

/// The checks of one run, as they end.
struct Run<'a> {
    specs: &'a [Spec],
    ran: Vec<Ran>,
}

impl Run<'_> {
    fn spec(&self, id: &str) -> Option<Spec> {
        self.specs.iter().find(|s| s.id == id).copied()
    }

    fn wants(&self, id: &str) -> bool {
        self.spec(id).is_some()
    }

    /// Selected, and no prerequisite failed or was skipped.
    fn ready(&self, id: &str) -> bool {
        self.spec(id)
            .is_some_and(|s| blocked(&s, &self.ran).is_none())
    }

    fn record(&mut self, id: &str, outcome: Outcome, took: Duration) {
        if let Some(spec) = self.spec(id) {
            self.ran.push(Ran {
                spec,
                outcome,
                took,
            });
        }
    }

    /// Run a check that needs no network, when it is selected.
    fn offline(&mut self, id: &str, check: impl FnOnce() -> Outcome) {
        if self.wants(id) {
            let (outcome, took) = timed_now(check);
            self.record(id, outcome, took);
        }
    }

    /// Every selected check, in the order of the list; one that did not run is skipped
    /// with the reason (a prerequisite that failed).
    fn finish(mut self) -> Vec<Ran> {
        for spec in self.specs {
            if !self.ran.iter().any(|r| r.spec.id == spec.id) {
                let outcome = blocked(spec, &self.ran)
                    .unwrap_or_else(|| Outcome::skip("a check it needs did not complete"));
                self.record(spec.id, outcome, Duration::ZERO);
            }
        }
        self.ran
            .sort_by_key(|r| checks::ALL.iter().position(|c| c.id == r.spec.id));
        self.ran
    }
}

fn timed_now(check: impl FnOnce() -> Outcome) -> (Outcome, Duration) {
    let t = Instant::now();
    let o = check();
    (o, t.elapsed())
}

async fn timed<T>(work: impl std::future::Future<Output = T>) -> (T, Duration) {
    let t = Instant::now();
    let r = work.await;
    (r, t.elapsed())
}
