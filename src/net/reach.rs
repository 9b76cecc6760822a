//! Reaching a server step by step, for checks: the name resolved, a TCP connection, and
//! (with TLS) a handshake that returns the server's certificate; each step within the
//! time allowed, and a failure named by `diagnose`, saying at which step it came.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rustls::pki_types::ServerName;
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;

use super::diagnose::{self, Problem, Target};
use super::tls::{self, Trust};
use crate::error::CliError;

/// A server to reach.
pub struct Server<'a> {
    pub host: &'a str,
    pub port: u16,
    pub tls: bool,
    /// For messages: the URL it is reached at, and where its parts came from.
    pub url: &'a str,
    pub where_from: &'a str,
    /// The time each step may take.
    pub timeout: Duration,
}

/// How far a server was reached, and how long each step took.
#[derive(Debug, Clone)]
pub struct Reached {
    pub addresses: Vec<SocketAddr>,
    pub resolved_in: Duration,
    pub connected_to: SocketAddr,
    pub connected_in: Duration,
    /// With TLS: how long the handshake took and when the certificate expires (Unix
    /// seconds, when it parses).
    pub tls: Option<(Duration, Option<i64>)>,
}

/// Which step failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Resolve,
    Connect,
    Handshake,
}

impl Step {
    pub fn word(self) -> &'static str {
        match self {
            Self::Resolve => "DNS",
            Self::Connect => "TCP",
            Self::Handshake => "TLS",
        }
    }
}

/// Resolve, connect, and with TLS shake hands, each within `server.timeout`.
pub async fn reach(server: &Server<'_>, trust: &Trust) -> Result<Reached, (Step, CliError)> {
    let target = Target {
        url: server.url,
        where_from: server.where_from,
        timeout: server.timeout,
    };
    let fail = |step: Step, problem: Problem| (step, diagnose::explain(&target, trust, &problem));
    let within =
        |step: Step, e: &std::io::Error| (step, diagnose::network_error(&target, trust, e));

    let started = Instant::now();
    let lookup = tokio::net::lookup_host((server.host, server.port));
    let addresses: Vec<SocketAddr> = match tokio::time::timeout(server.timeout, lookup).await {
        Err(_) => return Err(fail(Step::Resolve, Problem::TimedOut)),
        Ok(Err(_)) => return Err(fail(Step::Resolve, Problem::Dns)),
        Ok(Ok(found)) => found.collect(),
    };
    let resolved_in = started.elapsed();
    let Some(&first) = addresses.first() else {
        return Err(fail(Step::Resolve, Problem::Dns));
    };

    let started = Instant::now();
    let stream = match tokio::time::timeout(server.timeout, TcpStream::connect(first)).await {
        Err(_) => return Err(fail(Step::Connect, Problem::TimedOut)),
        Ok(Err(e)) => return Err(within(Step::Connect, &e)),
        Ok(Ok(s)) => s,
    };
    let connected_in = started.elapsed();

    let tls = if server.tls {
        let started = Instant::now();
        let name = ServerName::try_from(server.host.to_owned())
            .map_err(|e| fail(Step::Handshake, Problem::Tls(e.to_string())))?;
        let connector = TlsConnector::from(Arc::clone(&trust.client_config()));
        let shake = connector.connect(name, stream);
        let stream = match tokio::time::timeout(server.timeout, shake).await {
            Err(_) => return Err(fail(Step::Handshake, Problem::TimedOut)),
            Ok(Err(e)) => return Err(within(Step::Handshake, &e)),
            Ok(Ok(s)) => s,
        };
        let not_after = stream
            .get_ref()
            .1
            .peer_certificates()
            .and_then(|certs| certs.first())
            .and_then(tls::not_after);
        Some((started.elapsed(), not_after))
    } else {
        None
    };
    Ok(Reached {
        addresses,
        resolved_in,
        connected_to: first,
        connected_in,
        tls,
    })
}
