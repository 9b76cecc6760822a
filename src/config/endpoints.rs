//! The REST and WebSocket endpoints, from cluster, host, ports and TLS.

use super::chosen::Chosen;
use super::error::ConfigError;
use super::fields::Field;
use super::resolved::Endpoint;
use super::value::{Source, Value};
use crate::pusher::names::shown;

/// A cluster name as Pusher writes them (`mt1`, `us2`, `eu`): it becomes part of a host name.
fn valid_cluster(c: &str) -> bool {
    c.bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A host is a name or an address, never a URL: say so rather than fail to connect.
fn check_host(field: Field, v: &Value<String>) -> Result<(), ConfigError> {
    let h = &v.val;
    let problem = if h.contains("://") {
        Some("it is a URL; give the host name alone, and `tls = true` for https/wss")
    } else if h.contains(['/', '?', '#', ' ', '@']) || h.chars().any(char::is_control) {
        Some("a host name has no path, spaces or `@`")
    } else {
        None
    };
    match problem {
        Some(p) => Err(ConfigError::Invalid {
            field,
            origin: v.source.clone(),
            reason: format!("`{}`: {p}", shown(h)),
        }),
        None => Ok(()),
    }
}

/// REST and WebSocket endpoints. `host` beats `cluster` when set at the same or a
/// higher level; when `cluster` wins, lower-level `port`, `tls`, `ws_host` and
/// `ws_port` (say, the built-in local profile's) give way to the cluster's own.
/// A cluster that displaces a host someone set is reported in `warnings`.
pub(super) fn endpoints(
    chosen: &Chosen,
    warnings: &mut Vec<String>,
) -> Result<(Option<Endpoint>, Option<Endpoint>), ConfigError> {
    let cluster = chosen.text(Field::Cluster);
    if let Some(c) = &cluster
        && !valid_cluster(&c.val)
    {
        return Err(ConfigError::Invalid {
            field: Field::Cluster,
            origin: c.source.clone(),
            reason: format!("`{}` is not a cluster name", shown(&c.val)),
        });
    }
    for f in [Field::Host, Field::WsHost] {
        if let Some(h) = chosen.text(f) {
            check_host(f, &h)?;
        }
    }
    let host = chosen.text(Field::Host);
    let cluster_wins = cluster.is_some() && chosen.rank(Field::Cluster) < chosen.rank(Field::Host);
    let (rest_host, ws_default_host, base_rank) = match (&cluster, host) {
        (Some(c), host) if cluster_wins => {
            if let Some(h) =
                host.filter(|h| !matches!(h.source, Source::Default | Source::BuiltinLocal))
            {
                warnings.push(format!(
                    "cluster `{}` ({}) overrides host `{}` ({}): requests go to Pusher; pass --host, or unset the cluster, to use the host",
                    c.val, c.source, h.val, h.source
                ));
            }
            (
                Value::new(format!("api-{}.pusher.com", c.val), c.source.clone()),
                Some(Value::new(
                    format!("ws-{}.pusher.com", c.val),
                    c.source.clone(),
                )),
                chosen.rank(Field::Cluster),
            )
        }
        (_, Some(h)) => (h, None, usize::MAX),
        _ => return Ok((None, None)),
    };
    let keep = |f: Field| chosen.rank(f) <= base_rank;
    let tls = chosen
        .bool(Field::Tls)
        .filter(|_| keep(Field::Tls))
        .unwrap_or_else(|| Value::new(true, rest_host.source.clone()));
    let default_port = Value::new(if tls.val { 443 } else { 80 }, tls.source.clone());
    let port = chosen
        .port(Field::Port)
        .filter(|_| keep(Field::Port))
        .unwrap_or(default_port);
    let rest = Endpoint {
        host: rest_host.clone(),
        port: port.clone(),
        tls: tls.clone(),
    };
    let ws = Endpoint {
        host: chosen
            .text(Field::WsHost)
            .filter(|_| keep(Field::WsHost))
            .or(ws_default_host)
            .unwrap_or(rest_host),
        port: chosen
            .port(Field::WsPort)
            .filter(|_| keep(Field::WsPort))
            .unwrap_or(port),
        tls,
    };
    Ok((Some(rest), Some(ws)))
}
