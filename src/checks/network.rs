//! The network checks: each server (the REST API's and the WebSocket's) reached step by
//! step, DNS, TCP and TLS, with the days its certificate has left.

use super::outcome::Outcome;
use crate::config::Endpoint;
use crate::net::reach::{self, Reached};
use crate::net::tls::Trust;

/// A certificate this close to its end is a warning.
const EXPIRY_WARN_DAYS: i64 = 14;

/// Reach `endpoint` (`scheme` is `http` or `ws`, for the URL shown) and say how it went.
pub async fn server(
    endpoint: &Endpoint,
    scheme: &str,
    timeout: std::time::Duration,
    trust: &Trust,
) -> Outcome {
    let secure = if endpoint.tls.val { "s" } else { "" };
    let url = format!("{scheme}{secure}://{}/", endpoint.authority());
    let where_from = format!(
        "host from {}, port from {}, tls from {}",
        endpoint.host.source, endpoint.port.source, endpoint.tls.source
    );
    let server = reach::Server {
        host: endpoint.host.val.trim_matches(['[', ']']),
        port: endpoint.port.val,
        tls: endpoint.tls.val,
        url: &url,
        where_from: &where_from,
        timeout,
    };
    match reach::reach(&server, trust).await {
        Ok(reached) => judged(&endpoint.authority(), &reached, crate::time::now_unix()),
        Err((step, e)) => Outcome::failed(&e).detail("failed at", step.word()),
    }
}

/// What was reached, with a warning for a certificate near its end.
fn judged(authority: &str, r: &Reached, now: u64) -> Outcome {
    let ms = |d: std::time::Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
    let resolved = match r.addresses.len() {
        1 => "1 address".to_owned(),
        n => format!("{n} addresses"),
    };
    let mut finding = format!("{authority}: DNS {resolved}, TCP connected");
    let mut expiry = None;
    if let Some((_, not_after)) = r.tls {
        match not_after {
            Some(end) => {
                let days = (end - i64::try_from(now).unwrap_or(i64::MAX)).div_euclid(86_400);
                finding.push_str(&format!(
                    ", TLS certificate valid for {days} more day{} (until {})",
                    if days == 1 { "" } else { "s" },
                    date(end)
                ));
                expiry = Some(days);
            }
            None => finding.push_str(", TLS verified"),
        }
    } else {
        finding.push_str(" (no TLS)");
    }
    let mut o = match expiry {
        Some(days) if days < EXPIRY_WARN_DAYS => Outcome::warn(
            finding,
            "renew the server's certificate before it expires: clients will refuse it then",
        ),
        _ => Outcome::pass(finding),
    };
    o = o
        .detail("address", r.connected_to.to_string())
        .detail("dns", ms(r.resolved_in))
        .detail("tcp", ms(r.connected_in));
    if let Some((took, _)) = r.tls {
        o = o.detail("tls", ms(took));
    }
    o
}

fn date(unix: i64) -> String {
    jiff::Timestamp::from_second(unix)
        .map(|t| t.strftime("%Y-%m-%d").to_string())
        .unwrap_or_else(|_| unix.to_string())
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::super::outcome::Status;
    use super::*;

    fn reached(not_after: Option<i64>) -> Reached {
        Reached {
            addresses: vec!["127.0.0.1:443".parse().unwrap()],
            resolved_in: Duration::from_millis(1),
            connected_to: "127.0.0.1:443".parse().unwrap(),
            connected_in: Duration::from_millis(1),
            tls: Some((Duration::from_millis(2), not_after)),
        }
    }

    #[test]
    fn a_certificate_near_its_end_warns() {
        let now = 1_780_000_000;
        let day = 86_400;
        let far = judged("h:443", &reached(Some(now as i64 + 90 * day)), now);
        assert_eq!(far.status, Status::Pass);
        assert!(
            far.finding.contains("valid for 90 more days"),
            "{}",
            far.finding
        );
        let near = judged("h:443", &reached(Some(now as i64 + 3 * day + 5)), now);
        assert_eq!(near.status, Status::Warn);
        assert!(
            near.finding.contains("valid for 3 more days"),
            "{}",
            near.finding
        );
        assert!(near.hint.unwrap().contains("renew"));
    }

    #[test]
    fn plain_servers_say_so() {
        let mut r = reached(None);
        r.tls = None;
        let o = judged("127.0.0.1:6001", &r, 0);
        assert_eq!(o.status, Status::Pass);
        assert_eq!(
            o.finding,
            "127.0.0.1:6001: DNS 1 address, TCP connected (no TLS)"
        );
    }
}
