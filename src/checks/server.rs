//! The checks that talk to the server: a signed REST request (credentials, and the
//! server's clock from its answer), the WebSocket (handshake, ping), and an event sent
//! over REST that must arrive on a subscribed socket.

use std::time::{Duration, Instant, SystemTime};

use super::channels::join;
use super::outcome::Outcome;
use crate::config::Resolved;
use crate::error::CliError;
use crate::net::http::{RestClient, clock_skew};
use crate::net::probe::Probe;
use crate::net::ws;
use crate::outgoing::{self, Data, Draft, Encryption, Ready, Rules, System, World as _};
use crate::pusher::frame::{self, Message};
use crate::pusher::rest;

/// Over this, the server refuses signed requests.
const CLOCK_FAILS_SECS: i64 = 600;
/// Over this, a clock is drifting enough to say so.
const CLOCK_WARNS_SECS: i64 = 30;

/// The event the end-to-end check sends.
const EVENT: &str = "rtctl-doctor";

/// What one signed `GET /channels` says of the credentials and the clock.
pub struct RestFindings {
    pub credentials: Outcome,
    pub clock: Outcome,
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

pub async fn rest_checks(rest: &RestClient) -> RestFindings {
    let signed = match rest.sign(rest::list_channels(rest.app_id(), None, &[])) {
        Ok(s) => s,
        Err(e) => {
            return RestFindings {
                credentials: Outcome::failed(&e),
                clock: Outcome::skip("the request could not be signed"),
            };
        }
    };
    let url = crate::net::shown_url(&rest.url(&signed));
    let reply = match rest.attempt(&signed).await {
        Ok(r) => r,
        Err(no) => {
            return RestFindings {
                credentials: Outcome::failed(&no.error).detail("url", url),
                clock: Outcome::skip("no answer from the server to read its clock from"),
            };
        }
    };
    let credentials = if reply.is_success() {
        Outcome::pass(format!(
            "GET /apps/{}/channels accepted (HTTP {})",
            rest.app_id(),
            reply.status
        ))
    } else {
        Outcome::failed(&rest.reply_error(&signed, &reply))
    }
    .detail("url", url);
    RestFindings {
        credentials,
        clock: clock(reply.server_date, SystemTime::now()),
    }
}

/// The server's `Date` against this machine's clock.
fn clock(server: Option<SystemTime>, now: SystemTime) -> Outcome {
    let Some(server) = server else {
        return Outcome::skip("the server's answer carried no Date header");
    };
    let skew = clock_skew(now, server);
    let words = format!(
        "this machine's clock is {}s {} the server's",
        skew.abs(),
        if skew > 0 { "behind" } else { "ahead of" }
    );
    let fix = "sync this machine's clock (NTP: `timedatectl set-ntp true`)";
    match skew.abs() {
        0..=1 => Outcome::pass("this machine's clock agrees with the server's"),
        s if s <= CLOCK_WARNS_SECS => Outcome::pass(words),
        s if s <= CLOCK_FAILS_SECS => Outcome::warn(words, fix),
        _ => Outcome::fail(
            format!("{words}; signed requests are refused beyond {CLOCK_FAILS_SECS}s"),
            fix,
        ),
    }
}

/// What the socket checks found, each with how long it took.
pub struct SocketFindings {
    pub handshake: (Outcome, Duration),
    pub ping: Option<(Outcome, Duration)>,
}

pub async fn socket_checks(options: &ws::Options, ping: bool) -> SocketFindings {
    let started = Instant::now();
    let (mut probe, established) = match Probe::open(options).await {
        Ok(p) => p,
        Err(e) => {
            let failed = Outcome::failed(&e).detail("url", crate::net::shown_url(&options.url));
            return SocketFindings {
                handshake: (failed, started.elapsed()),
                ping: None,
            };
        }
    };
    let activity = established
        .activity_timeout
        .map_or("no activity timeout given".to_owned(), |s| {
            format!("activity timeout {s}s")
        });
    let handshake = Outcome::pass(format!("connected ({activity})"))
        .detail("url", crate::net::shown_url(&options.url))
        .detail("socket id", established.socket_id.clone());
    let handshake = (handshake, started.elapsed());
    let ping = if ping {
        let started = Instant::now();
        let outcome = ping_check(&mut probe).await;
        Some((outcome, started.elapsed()))
    } else {
        None
    };
    probe.close().await;
    SocketFindings { handshake, ping }
}

async fn ping_check(probe: &mut Probe) -> Outcome {
    let sent = Instant::now();
    if let Err(e) = probe.send(frame::ping()).await {
        return Outcome::failed(&e);
    }
    loop {
        match probe.next().await {
            Ok(Message::Pong) => {
                return Outcome::pass(format!("pusher:pong in {}", ms(sent.elapsed())));
            }
            Ok(_) => continue,
            Err(e) => return Outcome::failed(&e),
        }
    }
}

/// Subscribe a socket to a fresh public channel, trigger an event to it over REST
/// (through the one outgoing pipeline), and wait for it to arrive.
pub async fn end_to_end(config: &Resolved, rest: &RestClient, options: &ws::Options) -> Outcome {
    let channel = format!("rtctl-doctor-{}", System.random_id());
    let send = async |ready: &Ready| {
        rest.send(outgoing::trigger_request(rest.app_id(), ready, &[]))
            .await
    };
    match round_trip(config, options, &channel, send).await {
        Trip::Arrived { sent, arrived, .. } => Outcome::pass(format!(
            "an event on {channel} arrived {} after it was sent (publish {})",
            ms(arrived),
            ms(sent)
        )),
        Trip::NotSent(e) | Trip::Lost { error: e, .. } => Outcome::failed(&e),
    }
    .detail("channel", channel)
}

/// How an event sent to a subscribed socket fared.
pub(super) enum Trip<T> {
    /// The socket could not subscribe, or the event could not be made or sent.
    NotSent(CliError),
    /// Sent (`answer` is what sending returned), but it did not arrive.
    Lost { answer: T, error: CliError },
    /// It arrived: how long sending took, and arriving, both from the start of sending.
    Arrived {
        answer: T,
        sent: Duration,
        arrived: Duration,
    },
}

/// Subscribe a socket to `channel` (public and fresh), send doctor's event to it with
/// `send`, and wait for it to arrive within the timeout: one path for every check that
/// sees an event through.
pub(super) async fn round_trip<T>(
    config: &Resolved,
    options: &ws::Options,
    channel: &str,
    send: impl AsyncFnOnce(&Ready) -> Result<T, CliError>,
) -> Trip<T> {
    let (mut probe, _) = match Probe::open(options).await {
        Ok(p) => p,
        Err(e) => return Trip::NotSent(e),
    };
    let sending = async {
        join(&mut probe, channel, None, None).await?;
        let (nonce, ready) = doctor_event(config, channel, &mut System)?;
        let started = Instant::now();
        let answer = send(&ready).await?;
        Ok::<_, CliError>((nonce, answer, started))
    }
    .await;
    let trip = match sending {
        Err(e) => Trip::NotSent(e),
        Ok((nonce, answer, started)) => {
            let sent = started.elapsed();
            match arrival(&mut probe, &nonce).await {
                Ok(()) => Trip::Arrived {
                    answer,
                    sent,
                    arrived: started.elapsed(),
                },
                Err(error) => Trip::Lost { answer, error },
            }
        }
    };
    probe.close().await;
    trip
}

/// The event a check sends to `channel`: `rtctl-doctor` carrying a fresh nonce, made
/// by the one outgoing pipeline; the nonce, to know it when it arrives.
fn doctor_event(
    config: &Resolved,
    channel: &str,
    world: &mut System,
) -> Result<(String, Ready), CliError> {
    let nonce = world.random_id();
    let draft = Draft {
        channels: vec![channel.to_owned()],
        name: EVENT.to_owned(),
        data: Data::Text {
            text: format!("{{\"nonce\":\"{nonce}\"}}"),
            as_text: false,
        },
        sets: Vec::new(),
        socket_id: None,
    };
    let rules = Rules {
        max_payload_kb: config.max_payload_kb.val as usize,
        catalog: None,
        enforce_catalog: false,
        encryption: Encryption::Here(None),
    };
    Ok((nonce, outgoing::prepare(draft, &rules, world)?))
}

/// Read until the event `doctor_event` made with `nonce` arrives.
async fn arrival(probe: &mut Probe, nonce: &str) -> Result<(), CliError> {
    probe
        .wait_for("event it was sent", |message| match message {
            Message::Event(f)
                if f.event == EVENT
                    && f.data.as_ref().is_some_and(|d| {
                        d.decoded().get("nonce").and_then(|n| n.as_str()) == Some(nonce)
                    }) =>
            {
                Some(Ok(()))
            }
            _ => None,
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::super::outcome::Status;
    use super::*;

    #[test]
    fn clock_passes_warns_and_fails_by_the_skew() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
        let at = |secs: i64| {
            let d = Duration::from_secs(secs.unsigned_abs());
            Some(if secs >= 0 { now + d } else { now - d })
        };
        assert_eq!(clock(at(0), now).status, Status::Pass);
        assert_eq!(clock(at(20), now).status, Status::Pass);
        let warn = clock(at(-45), now);
        assert_eq!(warn.status, Status::Warn);
        assert!(warn.finding.contains("45s ahead of"), "{}", warn.finding);
        let fail = clock(at(1200), now);
        assert_eq!(fail.status, Status::Fail);
        assert!(fail.finding.contains("1200s behind"), "{}", fail.finding);
        assert_eq!(clock(None, now).status, Status::Skip);
    }
}
