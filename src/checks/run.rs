//! Running checks: those without the network first, then the REST and the socket
//! checks side by side, then the channel and end-to-end checks side by side; a check
//! whose prerequisite failed is skipped, saying which.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::envfiles::{self, EnvFiles};
use super::list::{self, Spec};
use super::outcome::{Outcome, Ran, Status};
use super::{app, channels, network, offline, server};
use crate::config::{Endpoint, Resolved, Secret, load};
use crate::error::{CliError, Kind};
use crate::net::http::RestClient;
use crate::net::tls::Trust;
use crate::net::ws;

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
            None => list::ALL
                .iter()
                .find(|c| c.id == *need)
                .and_then(|c| blocked(c, ran))
                .map(|_| Outcome::skip(format!("needs {need}, which could not run"))),
        })
}

/// What the user gave doctor besides the profile.
#[derive(Debug, Clone, Default)]
pub struct Given {
    /// The frontend's origin, for the auth endpoint's CORS (`--origin`); without it, the
    /// origin of a compared frontend file's `VITE_API_BASE_URL`.
    pub origin: Option<String>,
    /// The app's `.env` files to compare (`--compare-env`).
    pub env_files: Vec<PathBuf>,
}

/// Runs the selected checks: those without the network first, then the REST and the
/// socket checks side by side, then the end-to-end check. A check whose prerequisite
/// failed is skipped, saying which.
pub async fn run(config: &Resolved, specs: &[Spec], given: &Given) -> Result<Vec<Ran>, CliError> {
    let mut run = Run {
        specs,
        ran: Vec::new(),
    };
    let started = Instant::now();
    let env_files = EnvFiles::read(&given.env_files);
    let needs_secret = [list::REQUIRED, list::VALUES]
        .iter()
        .any(|id| run.wants(id))
        || specs.iter().any(|s| s.network)
        || (!env_files.is_empty() && specs.iter().any(|s| s.group() == "env"));
    let secret: Option<Result<Secret, CliError>> = if needs_secret {
        Some(match config.require_secret() {
            Err(e) => Err(e.into()),
            Ok(spec) => match load::read_secret(spec).await.map_err(CliError::from) {
                Err(e) if matches!(e.kind, Kind::Interrupted | Kind::Terminated) => return Err(e),
                read => read,
            },
        })
    } else {
        None
    };
    let secret_took = started.elapsed();

    run.offline(list::PROFILE, || offline::profile(config));
    if let Some(secret) = &secret
        && run.wants(list::REQUIRED)
    {
        let (outcome, took) = timed_now(|| offline::required(config, secret));
        run.record(list::REQUIRED, outcome, took + secret_took);
    }
    let (mut enabled, unset_in) = env_files.pusher_enabled();
    if let Some(v) = &config.pusher_enabled
        && !enabled.contains(v)
    {
        enabled.insert(0, v.clone());
    }
    run.offline(list::ENABLED, || offline::enabled(&enabled, &unset_in));
    // The CA file, read once for every connection; a bad one fails `config.values`.
    let trust = Trust::new(config.ca_cert.as_ref());
    let known_secret = secret.as_ref().and_then(|s| s.as_ref().ok());
    run.offline(list::VALUES, || {
        offline::values(config, known_secret, trust.as_ref().err())
    });
    run.offline(list::FILES, || offline::files(config));
    // The app's .env files: compared with each other and the profile, never obeyed.
    run.offline(list::ENV_FILES, || envfiles::files(&env_files));
    let env = &env_files;
    run.offline(list::ENV_KEY, || envfiles::key(env, config, known_secret));
    run.offline(list::ENV_SECRET, || {
        envfiles::secret(env, config, known_secret)
    });
    run.offline(list::ENV_CLUSTER, || {
        envfiles::cluster(env, config, known_secret)
    });
    run.offline(list::ENV_AUTH_ENDPOINT, || {
        envfiles::auth_endpoint(env, config, known_secret)
    });
    run.offline(list::ENV_WEBSOCKET, || {
        envfiles::websocket(env, known_secret)
    });

    // Each server reached step by step; the WebSocket's once more only when it differs.
    let same_server = match (&config.rest, &config.ws) {
        (Some(r), Some(w)) => r.authority() == w.authority() && r.tls.val == w.tls.val,
        _ => false,
    };
    let rest_net = run.ready(list::NETWORK_REST) || (same_server && run.ready(list::NETWORK_WS));
    let ws_net = run.ready(list::NETWORK_WS) && !same_server;
    let timeout = config.timeout.val;
    let ((rest_found, rest_took), (ws_found, ws_took)) = tokio::join!(
        timed(reach(
            config.rest.as_ref(),
            "http",
            rest_net,
            &trust,
            timeout
        )),
        timed(reach(config.ws.as_ref(), "ws", ws_net, &trust, timeout))
    );
    if let Some(found) = rest_found {
        if same_server {
            let mut same = found.clone();
            same.finding = format!("the REST API's server: {}", same.finding);
            run.record(list::NETWORK_WS, same, rest_took);
        }
        run.record(list::NETWORK_REST, found, rest_took);
    }
    if let Some(found) = ws_found {
        run.record(list::NETWORK_WS, found, ws_took);
    }

    let rest_wanted = [list::CREDENTIALS, list::CLOCK, list::END_TO_END]
        .iter()
        .any(|id| run.ready(id));
    let rest: Option<Result<RestClient, CliError>> = rest_wanted.then(|| {
        secret
            .clone()
            .unwrap_or_else(|| Err(CliError::new(Kind::Config, "the secret was not read")))
            .and_then(|s| RestClient::new(config, s, trust.as_ref().map_err(Clone::clone)?))
    });
    let socket = trust
        .clone()
        .and_then(|t| ws::Options::for_profile(config, t, false, ws::DEFAULT_MAX_MESSAGE_SIZE));
    let (want_credentials, want_clock) = (run.ready(list::CREDENTIALS), run.ready(list::CLOCK));
    let (want_handshake, want_ping) = (run.ready(list::HANDSHAKE), run.ready(list::PING));

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
        run.record(list::CREDENTIALS, found.credentials, rest_took);
        run.record(list::CLOCK, found.clock, rest_took);
    }
    if let Some(found) = socket_found {
        let (outcome, took) = found.handshake;
        run.record(list::HANDSHAKE, outcome, took);
        if let Some((outcome, took)) = found.ping {
            run.record(list::PING, outcome, took);
        }
    }

    let want_channels = run.ready(list::PRIVATE) || run.ready(list::PRESENCE);
    let channels_part = timed(async {
        match (&socket, &secret, &config.key) {
            (Ok(options), Some(Ok(secret)), Some(key)) if want_channels => {
                Some(channels::channel_checks(options, &key.val, secret, &suffix()).await)
            }
            _ => None,
        }
    });
    let want_end_to_end = run.ready(list::END_TO_END);
    let end_to_end_part = timed(async {
        match (&rest, &socket) {
            _ if !want_end_to_end => None,
            (Some(Ok(client)), Ok(options)) => {
                Some(server::end_to_end(config, client, options).await)
            }
            (Some(Err(e)), _) | (_, Err(e)) => Some(Outcome::failed(e)),
            (None, _) => None,
        }
    });
    let ((channels_found, channels_took), (end_to_end, end_to_end_took)) =
        tokio::join!(channels_part, end_to_end_part);
    if let Some(found) = channels_found {
        run.record(list::PRIVATE, found.private, channels_took);
        run.record(list::PRESENCE, found.presence, channels_took);
    }
    if let Some(outcome) = end_to_end {
        run.record(list::END_TO_END, outcome, end_to_end_took);
    }

    // The app's own endpoints, side by side (`checks::app`).
    let wanted: Vec<&str> = list::APP.into_iter().filter(|id| run.ready(id)).collect();
    if !wanted.is_empty() {
        let origin = given
            .origin
            .clone()
            .or_else(|| env_files.frontend_origin().map(|v| v.val));
        // Without an `auth_endpoint` in the profile, the frontend's: asked without the
        // profile's `auth_headers`, which never go to a URL a compared file names.
        let mut app_config = config.clone();
        if app_config.auth_endpoint.is_none()
            && let Some(url) = env_files.frontend_auth_endpoint()
        {
            app_config.auth_endpoint = Some(url);
            app_config.auth_headers = None;
        }
        let inputs = app::Inputs {
            config: &app_config,
            secret: known_secret,
            trust: trust.as_ref(),
            socket: socket.as_ref(),
            origin: origin.as_deref(),
        };
        for (id, outcome, took) in app::checks(&inputs, &wanted).await {
            run.record(id, outcome, took);
        }
    }
    Ok(run.finish())
}

/// A random suffix for the channels a run uses, so runs never share one.
fn suffix() -> String {
    use crate::outgoing::World as _;
    crate::outgoing::System.random_id()
}

/// The network check of one server, when it is wanted.
async fn reach(
    endpoint: Option<&Endpoint>,
    scheme: &'static str,
    wanted: bool,
    trust: &Result<Trust, CliError>,
    timeout: Duration,
) -> Option<Outcome> {
    if !wanted {
        return None;
    }
    Some(match (endpoint, trust) {
        (None, _) => Outcome::skip("no server is configured (see config.required)"),
        (Some(_), Err(e)) => Outcome::failed(e),
        (Some(ep), Ok(t)) => network::server(ep, scheme, timeout, t).await,
    })
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

    /// Run a check that needs no network, when it is selected and ready.
    fn offline(&mut self, id: &str, check: impl FnOnce() -> Outcome) {
        if self.ready(id) {
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
            .sort_by_key(|r| list::ALL.iter().position(|c| c.id == r.spec.id));
        self.ran
    }
}

fn timed_now(check: impl FnOnce() -> Outcome) -> (Outcome, Duration) {
    let t = Instant::now();
    let o = check();
    (o, t.elapsed())
}

pub(super) async fn timed<T>(work: impl std::future::Future<Output = T>) -> (T, Duration) {
    let t = Instant::now();
    let r = work.await;
    (r, t.elapsed())
}
