//! Network failures named by their cause: a failed request or WebSocket handshake
//! becomes a `Problem`, and each problem its own message and hint (exit 6).

use std::error::Error;
use std::io;
use std::time::Duration;

use rustls::pki_types::ServerName;
use rustls::{CertificateError, InvalidMessage};
use tokio_tungstenite::tungstenite::{self, error::ProtocolError, error::TlsError};

use super::tls::{NoTrustedRoots, Trust, subject_and_issuer};
use crate::error::{CliError, Kind};
use crate::text::{escape_for_message, one_line};

/// What went wrong reaching a server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// TLS was spoken to a port that answers in plain HTTP.
    NotTls,
    /// Plain HTTP or ws was spoken to a port that expects TLS.
    ExpectsTls,
    /// The certificate chains to no trusted CA.
    Untrusted {
        subject: Option<String>,
        issuer: Option<String>,
    },
    /// The certificate's validity ended (`not_after`, in Unix seconds).
    Expired {
        not_after: Option<i64>,
    },
    /// The certificate does not hold the name asked for.
    WrongName {
        asked: String,
        presented: Vec<String>,
    },
    /// There is no CA at all to check a certificate against.
    NoTrustedRoots,
    /// Another TLS failure, in rustls's words.
    Tls(String),
    /// The host name does not resolve.
    Dns,
    Refused,
    TimedOut,
    Reset,
    /// Anything else, in the innermost error's words.
    Other(String),
}

/// The connection that failed, for messages.
pub struct Target<'a> {
    /// The URL asked for (shown without credentials or query).
    pub url: &'a str,
    /// Where its parts came from: "host from …, port from …".
    pub where_from: &'a str,
    /// The time allowed, for a timeout's message.
    pub timeout: Duration,
}

impl Target<'_> {
    fn host(&self) -> String {
        reqwest::Url::parse(self.url)
            .ok()
            .and_then(|u| u.host_str().map(|h| h.trim_matches(['[', ']']).to_owned()))
            .unwrap_or_default()
    }

    fn is_websocket(&self) -> bool {
        self.url.starts_with("ws://") || self.url.starts_with("wss://")
    }
}

/// `err`, from reqwest or tungstenite, as a network error naming its cause.
pub fn network_error(target: &Target<'_>, trust: &Trust, err: &(dyn Error + 'static)) -> CliError {
    explain(target, trust, &classify(err, trust, &target.host()))
}

/// What `err` says went wrong, looking through its whole chain of causes. The
/// certificate a failed verification rejected is read from `trust`, by `host`.
pub fn classify(err: &(dyn Error + 'static), trust: &Trust, host: &str) -> Problem {
    let mut next = Some(err);
    let mut last = err;
    while let Some(e) = next {
        last = e;
        if let Some(tls) = e.downcast_ref::<rustls::Error>() {
            return from_rustls(tls, trust, host);
        }
        if let Some(io) = e.downcast_ref::<io::Error>() {
            match io.kind() {
                io::ErrorKind::ConnectionRefused => return Problem::Refused,
                io::ErrorKind::ConnectionReset | io::ErrorKind::ConnectionAborted => {
                    return Problem::Reset;
                }
                io::ErrorKind::TimedOut => return Problem::TimedOut,
                _ => {}
            }
            // An io::Error's `source` skips the error it wraps: take that itself.
            if let Some(inner) = io.get_ref() {
                next = Some(inner as &(dyn Error + 'static));
                continue;
            }
        }
        if let Some(ws) = e.downcast_ref::<tungstenite::Error>() {
            match ws {
                tungstenite::Error::Io(inner) => {
                    next = Some(inner);
                    continue;
                }
                tungstenite::Error::Tls(TlsError::Rustls(tls)) => {
                    return from_rustls(tls, trust, host);
                }
                // A TLS server's alert, read as an HTTP answer to the plain handshake.
                tungstenite::Error::Protocol(ProtocolError::HttparseError(
                    httparse::Error::Version,
                )) => return Problem::ExpectsTls,
                _ => {}
            }
        }
        let text = e.to_string();
        if text.starts_with("failed to lookup address information") || text == "dns error" {
            return Problem::Dns;
        }
        // hyper's words for a TLS record read as an HTTP answer.
        if text.contains("invalid HTTP version parsed") {
            return Problem::ExpectsTls;
        }
        next = e.source();
    }
    Problem::Other(one_line(&last.to_string(), 200))
}

fn from_rustls(e: &rustls::Error, trust: &Trust, host: &str) -> Problem {
    match e {
        rustls::Error::InvalidMessage(InvalidMessage::InvalidContentType) => Problem::NotTls,
        rustls::Error::InvalidCertificate(cert) => match cert {
            CertificateError::UnknownIssuer => {
                let names = trust.rejected(host).and_then(|c| subject_and_issuer(&c));
                let (subject, issuer) = names.unzip();
                Problem::Untrusted { subject, issuer }
            }
            CertificateError::ExpiredContext { not_after, .. } => Problem::Expired {
                not_after: i64::try_from(not_after.as_secs()).ok(),
            },
            CertificateError::Expired => Problem::Expired { not_after: None },
            CertificateError::NotValidForNameContext {
                expected,
                presented,
            } => Problem::WrongName {
                asked: server_name(expected),
                presented: presented.iter().map(|n| presented_name(n)).collect(),
            },
            CertificateError::NotValidForName => Problem::WrongName {
                asked: host.to_owned(),
                presented: Vec::new(),
            },
            _ => Problem::Tls(one_line(&e.to_string(), 200)),
        },
        rustls::Error::Other(other) if other.0.downcast_ref::<NoTrustedRoots>().is_some() => {
            Problem::NoTrustedRoots
        }
        other => Problem::Tls(one_line(&other.to_string(), 200)),
    }
}

fn server_name(name: &ServerName<'_>) -> String {
    name.to_str().into_owned()
}

/// A name rustls says a certificate holds, without its Debug wrapping:
/// `DnsName("a.example")` is `a.example`.
fn presented_name(name: &str) -> String {
    name.split_once('(')
        .and_then(|(_, rest)| rest.strip_suffix(')'))
        .map(|inner| inner.trim_matches('"').to_owned())
        .unwrap_or_else(|| name.to_owned())
}

/// A problem as the error the user sees.
pub fn explain(target: &Target<'_>, trust: &Trust, problem: &Problem) -> CliError {
    let url = super::shown_url(target.url);
    let from = target.where_from;
    let host = escape_for_message(&target.host());
    let ca_hint = || {
        match trust.ca_file() {
        Some((path, source)) => format!(
            "its CA is not in {} (`ca_cert` from {source}): add the CA that issued it to that file",
            path.display()
        ),
        None => "trust its CA with --ca-cert FILE, `ca_cert` in the profile or RTCTL_CA_CERT (a PEM file); SSL_CERT_FILE works too".to_owned(),
    }
    };
    let network = |message: String| CliError::new(Kind::Network, message);
    match problem {
        Problem::NotTls => network(format!(
            "{url} does not speak TLS: the server answered in plain HTTP"
        ))
        .hint(format!(
            "drop --tls (or set `tls = false`), or use the server's TLS port ({from})"
        )),
        Problem::ExpectsTls => network(format!(
            "{url} expects TLS: the server did not answer the plain request in HTTP"
        ))
        .hint(format!(
            "add --tls (or set `tls = true`), or use the server's plain port ({from})"
        )),
        Problem::Untrusted { subject, issuer } => {
            let cert = match (subject, issuer) {
                (Some(s), Some(i)) => format!(
                    " (subject {}, issuer {})",
                    one_line(s, 200),
                    one_line(i, 200)
                ),
                _ => String::new(),
            };
            network(format!(
                "the certificate of {host}{cert} is not signed by a trusted CA"
            ))
            .hint(ca_hint())
        }
        Problem::Expired { not_after } => {
            let when = not_after
                .and_then(crate::time::rfc3339_seconds)
                .map(|t| format!(" on {t}"))
                .unwrap_or_default();
            network(format!("the certificate of {host} expired{when}")).hint(
                "the server needs a new certificate; if the date looks wrong, check this machine's clock",
            )
        }
        Problem::WrongName { asked, presented } => {
            let holds = if presented.is_empty() {
                "no name rtctl could read".to_owned()
            } else {
                presented
                    .iter()
                    .map(|n| escape_for_message(n))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            network(format!(
                "the certificate {url} presented is not valid for {}: it holds {holds}",
                escape_for_message(asked)
            ))
            .hint(format!(
                "connect with a name the certificate holds ({from}), or have it issued for {}",
                escape_for_message(asked)
            ))
        }
        Problem::NoTrustedRoots => network(format!(
            "no trusted CA certificates found to check the certificate of {host}"
        ))
        .hint("install ca-certificates (or set SSL_CERT_FILE), or pass --ca-cert FILE"),
        Problem::Tls(cause) => network(format!("TLS with {url} failed: {cause}"))
            .hint(format!("check the server's TLS setup ({from})")),
        Problem::Dns => {
            let err = network(format!(
                "DNS failure: the host name {host} does not resolve"
            ));
            match pusher_cluster(&target.host()) {
                Some(cluster) => err.hint(format!(
                    "`{}` is not a Pusher cluster: a cluster looks like `eu`, `us2`, `ap1` ({from})",
                    escape_for_message(cluster)
                )),
                None => err.hint(format!(
                    "check the host name and this machine's DNS ({from})"
                )),
            }
        }
        Problem::Refused => network(format!("cannot connect to {url}: connection refused")).hint(
            format!(
                "is a server listening on that port? ({from}; see `rtctl config show --show-origin`)"
            ),
        ),
        Problem::TimedOut => {
            let what = if target.is_websocket() {
                "no WebSocket handshake"
            } else {
                "no answer"
            };
            network(format!(
                "{what} from {url} within {}",
                humantime::format_duration(target.timeout)
            ))
            .hint(format!(
                "check that the server is up and reachable, or raise `timeout` ({from})"
            ))
        }
        Problem::Reset => network(format!("the connection to {url} was reset")).hint(format!(
            "the server, or something in between (a proxy, a firewall, a load balancer), reset it; check the server's logs ({from})"
        )),
        Problem::Other(cause) if target.is_websocket() => {
            network(format!("cannot connect to {url}: {cause}")).hint(format!(
                "is a Pusher-protocol server listening there? ({from}; see `rtctl config show --show-origin`)"
            ))
        }
        Problem::Other(cause) => network(format!("request to {url} failed: {cause}"))
            .hint(format!(
                "check the server ({from}; see `rtctl config show --show-origin`)"
            )),
    }
}

/// The cluster of a Pusher host name (`api-eu.pusher.com`, `ws-eu.pusher.com`).
fn pusher_cluster(host: &str) -> Option<&str> {
    let name = host.strip_suffix(".pusher.com")?;
    name.strip_prefix("api-")
        .or_else(|| name.strip_prefix("ws-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trust() -> Trust {
        Trust::new(None).unwrap()
    }

    fn io_wrapping(e: rustls::Error) -> io::Error {
        io::Error::new(io::ErrorKind::InvalidData, e)
    }

    #[test]
    fn tls_errors_are_found_inside_io_errors() {
        let t = trust();
        let not_tls = io_wrapping(rustls::Error::InvalidMessage(
            InvalidMessage::InvalidContentType,
        ));
        assert_eq!(classify(&not_tls, &t, "h"), Problem::NotTls);
        let ws = tungstenite::Error::Io(io_wrapping(rustls::Error::InvalidCertificate(
            CertificateError::UnknownIssuer,
        )));
        assert_eq!(
            classify(&ws, &t, "h"),
            Problem::Untrusted {
                subject: None,
                issuer: None
            }
        );
        let expired = io_wrapping(rustls::Error::InvalidCertificate(
            CertificateError::ExpiredContext {
                time: rustls::pki_types::UnixTime::since_unix_epoch(Duration::from_secs(
                    1_800_000_000,
                )),
                not_after: rustls::pki_types::UnixTime::since_unix_epoch(Duration::from_secs(
                    1_700_000_000,
                )),
            },
        ));
        assert_eq!(
            classify(&expired, &t, "h"),
            Problem::Expired {
                not_after: Some(1_700_000_000)
            }
        );
        let no_roots = io_wrapping(rustls::Error::Other(rustls::OtherError(
            std::sync::Arc::new(NoTrustedRoots),
        )));
        assert_eq!(classify(&no_roots, &t, "h"), Problem::NoTrustedRoots);
    }

    #[test]
    fn socket_errors_keep_their_kind() {
        let t = trust();
        for (kind, problem) in [
            (io::ErrorKind::ConnectionRefused, Problem::Refused),
            (io::ErrorKind::ConnectionReset, Problem::Reset),
            (io::ErrorKind::TimedOut, Problem::TimedOut),
        ] {
            let ws = tungstenite::Error::Io(io::Error::from(kind));
            assert_eq!(classify(&ws, &t, "h"), problem, "{kind:?}");
        }
        let dns =
            io::Error::other("failed to lookup address information: Name or service not known");
        assert_eq!(classify(&dns, &t, "h"), Problem::Dns);
        let alert =
            tungstenite::Error::Protocol(ProtocolError::HttparseError(httparse::Error::Version));
        assert_eq!(classify(&alert, &t, "h"), Problem::ExpectsTls);
    }

    #[test]
    fn each_problem_has_its_own_words_and_exit_6() {
        let t = trust();
        let target = Target {
            url: "https://api-euu.pusher.com:443/apps/1/channels",
            where_from: "host from flag --cluster",
            timeout: Duration::from_secs(5),
        };
        let dns = explain(&target, &t, &Problem::Dns);
        assert_eq!(dns.kind, Kind::Network);
        assert!(dns.message.contains("DNS failure"), "{}", dns.message);
        assert!(
            dns.hints[0].contains("`euu` is not a Pusher cluster"),
            "{:?}",
            dns.hints
        );
        assert!(dns.hints[0].contains("`eu`, `us2`, `ap1`"));
        let expired = explain(
            &target,
            &t,
            &Problem::Expired {
                not_after: Some(1_700_000_000),
            },
        );
        assert!(expired.message.contains("expired on 2023-11-14T22:13:20Z"));
        let wrong = explain(
            &target,
            &t,
            &Problem::WrongName {
                asked: "127.0.0.1".into(),
                presented: vec!["other.example".into()],
            },
        );
        assert!(
            wrong
                .message
                .contains("not valid for 127.0.0.1: it holds other.example"),
            "{}",
            wrong.message
        );
        let ws = Target {
            url: "wss://h:1/app/k?protocol=7",
            ..target
        };
        let timeout = explain(&ws, &t, &Problem::TimedOut);
        assert_eq!(
            timeout.message,
            "no WebSocket handshake from wss://h:1/app/k within 5s"
        );
        assert_eq!(presented_name("DnsName(\"a.example\")"), "a.example");
        assert_eq!(presented_name("IpAddress(10.0.0.1)"), "10.0.0.1");
        assert_eq!(pusher_cluster("ws-us2.pusher.com"), Some("us2"));
        assert_eq!(pusher_cluster("pusher.example.com"), None);
    }
}
