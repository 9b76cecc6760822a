//! The REST and WebSocket endpoints, from cluster, host, ports and TLS.

use super::chosen::Chosen;
use super::error::ConfigError;
use super::fields::Field;
use super::resolved::Endpoint;
use super::value::{Source, Value};
use crate::text::escape_for_message;

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
            reason: format!("`{}`: {p}", escape_for_message(h)),
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
            reason: format!("`{}` is not a cluster name", escape_for_message(&c.val)),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::testing::*;

    #[test]
    fn cluster_means_pusher_hosts_with_tls() {
        let r = run(&inputs(Some(file()), &[], &[])).unwrap();
        assert_eq!(
            r.rest.as_ref().unwrap().http_base(),
            "https://api-eu.pusher.com:443"
        );
        assert_eq!(
            r.ws.as_ref().unwrap().ws_base(),
            "wss://ws-eu.pusher.com:443"
        );
        assert_eq!(r.app_id.unwrap().val, "12345");
    }

    #[test]
    fn host_port_tls_and_ws_overrides() {
        let mut i = inputs(Some(file()), &[], &[]);
        i.cli.profile = Some("self".into());
        let r = run(&i).unwrap();
        assert_eq!(r.rest.unwrap().http_base(), "http://rt.example.com:6001");
        assert_eq!(r.ws.unwrap().ws_base(), "ws://ws.example.com:443");
        assert!(
            matches!(r.secret, Some(SecretSpec::Command { ref command, .. }) if command == "pass show x")
        );
    }

    #[test]
    fn host_beats_cluster_only_at_the_same_or_a_higher_level() {
        // Profile with cluster; RTCTL_HOST from the environment wins.
        let r = run(&inputs(
            Some(file()),
            &[
                ("RTCTL_HOST", "localhost"),
                ("RTCTL_TLS", "false"),
                ("RTCTL_PORT", "6001"),
            ],
            &[],
        ))
        .unwrap();
        assert_eq!(r.rest.unwrap().http_base(), "http://localhost:6001");
        // Built-in local profile, PUSHER_CLUSTER from the platform's env: the cluster wins,
        // and the local profile's port and TLS give way.
        let r = run(&inputs(None, &[("PUSHER_CLUSTER", "us2")], &[])).unwrap();
        let rest = r.rest.unwrap();
        assert_eq!(rest.http_base(), "https://api-us2.pusher.com:443");
        assert_eq!(rest.host.source, src("PUSHER_CLUSTER"));
        assert_eq!(r.ws.unwrap().ws_base(), "wss://ws-us2.pusher.com:443");
        // …unless PUSHER_SSL / PUSHER_PORT are set beside it.
        let r = run(&inputs(
            None,
            &[
                ("PUSHER_CLUSTER", "us2"),
                ("PUSHER_SSL", "false"),
                ("PUSHER_PORT", "8080"),
            ],
            &[],
        ))
        .unwrap();
        assert_eq!(
            r.rest.unwrap().http_base(),
            "http://api-us2.pusher.com:8080"
        );
        // A flag --host beats a cluster anywhere; --cluster beats the profile's host.
        let r = run(&inputs(
            None,
            &[("PUSHER_CLUSTER", "us2")],
            &[(Field::Host, "h", "--host")],
        ))
        .unwrap();
        assert_eq!(r.rest.unwrap().host.val, "h");
        let mut i = inputs(Some(file()), &[], &[(Field::Cluster, "ap1", "--cluster")]);
        i.cli.profile = Some("self".into());
        let r = run(&i).unwrap();
        assert_eq!(
            r.rest.unwrap().http_base(),
            "https://api-ap1.pusher.com:443"
        );
        // Two ways to give the secret at one level are refused.
        let mut i = inputs(Some(file()), &[("VAR", "x")], &[]);
        i.cli.profile = Some("both".into());
        assert!(matches!(run(&i), Err(ConfigError::SecretConflict { .. })));
    }

    #[test]
    fn a_cluster_displacing_a_set_host_is_reported() {
        let mut i = inputs(Some(file()), &[("PUSHER_CLUSTER", "us2")], &[]);
        i.cli.profile = Some("self".into());
        let r = run(&i).unwrap();
        assert_eq!(
            r.rest.unwrap().http_base(),
            "https://api-us2.pusher.com:443"
        );
        // The profile's ws_host and ws_port give way with its host.
        assert_eq!(r.ws.unwrap().ws_base(), "wss://ws-us2.pusher.com:443");
        assert_eq!(
            r.warnings,
            [
                "cluster `us2` (env PUSHER_CLUSTER) overrides host `rt.example.com` (/c/config.toml:14 [profiles.self]): requests go to Pusher; pass --host, or unset the cluster, to use the host"
            ]
        );
        // Not over the built-in local profile's host.
        let r = run(&inputs(None, &[("PUSHER_CLUSTER", "us2")], &[])).unwrap();
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    }

    #[test]
    fn hosts_are_names_not_urls() {
        for bad in [
            "https://example.com",
            "example.com/path",
            "a b",
            "user@host",
        ] {
            let err = run(&inputs(None, &[("RTCTL_HOST", bad)], &[])).unwrap_err();
            assert!(
                matches!(
                    err,
                    ConfigError::Invalid {
                        field: Field::Host,
                        ..
                    }
                ),
                "{bad}: {err}"
            );
        }
        let r = run(&inputs(None, &[("RTCTL_HOST", "::1")], &[])).unwrap();
        assert_eq!(r.rest.unwrap().http_base(), "http://[::1]:6001");
        let err = run(&inputs(None, &[("RTCTL_PORT", &"9".repeat(300))], &[])).unwrap_err();
        assert!(err.to_string().len() < 200, "{err}");
    }

    #[test]
    fn host_wins_over_cluster_in_the_same_profile() {
        let f = ConfigFile::parse(
            Path::new("c"),
            "[profiles.p]\ncluster = \"eu\"\nhost = \"h\"\n",
        )
        .unwrap();
        let r = run(&inputs(Some(f), &[("RTCTL_PROFILE", "p")], &[])).unwrap();
        assert_eq!(r.rest.unwrap().http_base(), "https://h:443");
    }

    #[test]
    fn tls_flag_and_default_ports() {
        let r = run(&inputs(None, &[], &[(Field::Tls, "true", "--tls")])).unwrap();
        // The local profile's explicit port stays.
        assert_eq!(r.rest.unwrap().http_base(), "https://127.0.0.1:6001");
        let f =
            ConfigFile::parse(Path::new("c"), "[profiles.p]\nhost = \"h\"\ntls = false\n").unwrap();
        let r = run(&inputs(Some(f), &[("RTCTL_PROFILE", "p")], &[])).unwrap();
        assert_eq!(r.rest.unwrap().http_base(), "http://h:80");
    }
}
