//! The checks that need no network: the profile, the values a run needs, the
//! platform's `PUSHER_ENABLED`, the values' shapes, and the files' warnings.

use super::outcome::Outcome;
use crate::config::{Field, Resolved, Secret};
use crate::error::CliError;
use crate::pusher::MasterKey;

/// Pusher's hosted service: its hosts end so.
const HOSTED_SUFFIX: &str = ".pusher.com";

/// The profile in use, where it came from, and the server it points at.
pub fn profile(r: &Resolved) -> Outcome {
    let mut finding = format!("profile `{}` ({})", r.profile.val, r.profile.source);
    if let Some(rest) = &r.rest {
        finding.push_str(&format!(", server {}", rest.http_base()));
    }
    let mut o = Outcome::pass(finding).detail("profile source", r.profile.source.to_string());
    if let Some(file) = &r.file {
        o = o.detail("config file", file.display().to_string());
    }
    if let Some(rest) = &r.rest {
        o = o.detail(
            "rest",
            format!(
                "{} (host from {}, port from {})",
                rest.http_base(),
                rest.host.source,
                rest.port.source
            ),
        );
    }
    if let Some(ws) = &r.ws {
        o = o.detail(
            "websocket",
            format!(
                "{} (host from {}, port from {})",
                ws.ws_base(),
                ws.host.source,
                ws.port.source
            ),
        );
    }
    o
}

/// App id, key, server and a readable secret: what every network check needs.
pub fn required(r: &Resolved, secret: &Result<Secret, CliError>) -> Outcome {
    let mut missing = Vec::new();
    let mut hints = Vec::new();
    for (field, present) in [
        (Field::AppId, r.app_id.is_some()),
        (Field::Key, r.key.is_some()),
        (Field::Secret, r.secret.is_some()),
    ] {
        if !present {
            missing.push(format!("`{field}`"));
            hints.push(field.ways_to_set(&r.profile.val));
        }
    }
    if let Err(e) = r.require_rest() {
        missing.push("a server".to_owned());
        hints.extend(CliError::from(e).hints);
    }
    if !missing.is_empty() {
        return Outcome::fail(
            format!(
                "{} not set in profile `{}`",
                missing.join(", "),
                r.profile.val
            ),
            hints.join("; "),
        );
    }
    match secret {
        Ok(_) => Outcome::pass("app id, key, secret and server are set"),
        Err(e) => Outcome::failed(e),
    }
}

/// The platform's switch: `PUSHER_ENABLED` unset or false turns its realtime off.
pub fn enabled(value: Option<&str>) -> Outcome {
    match value.map(str::trim) {
        None => Outcome::skip("PUSHER_ENABLED is not set in this environment"),
        Some(v) if ["true", "1", "yes", "on"].contains(&v.to_ascii_lowercase().as_str()) => {
            Outcome::pass(format!("PUSHER_ENABLED={v}"))
        }
        Some(v) => Outcome::fail(
            format!("PUSHER_ENABLED={v}: the platform's backend does not publish realtime events"),
            "set PUSHER_ENABLED=true in the backend's environment (its .env), then restart it",
        ),
    }
}

/// Shapes: a hosted Pusher app's id, key and secret; cluster against host; the
/// encryption master key; the CA file (`ca_error`: why it could not be used).
pub fn values(r: &Resolved, secret: Option<&Secret>, ca_error: Option<&CliError>) -> Outcome {
    let mut fails = Vec::new();
    if let Some(e) = ca_error {
        fails.push((e.message.clone(), e.hints.join("; ")));
    }
    let mut warns = Vec::new();
    let hosted = r
        .rest
        .as_ref()
        .is_some_and(|e| e.host.val.ends_with(HOSTED_SUFFIX));
    if hosted {
        if let Some(id) = &r.app_id
            && !id.val.bytes().all(|b| b.is_ascii_digit())
        {
            fails.push((
                format!("app id `{}` is not a number, as Pusher's are", id.val),
                format!("copy the app id from the Pusher dashboard ({})", id.source),
            ));
        }
        if let Some(key) = &r.key
            && !pusher_shaped(&key.val)
        {
            fails.push((
                format!("key `{}` is not 20 hex digits, as Pusher's are", key.val),
                format!("copy the key from the Pusher dashboard ({})", key.source),
            ));
        }
        if let Some(s) = secret
            && !pusher_shaped(s.expose())
        {
            fails.push((
                "the secret is not 20 hex digits, as Pusher's are".to_owned(),
                "copy the secret from the Pusher dashboard".to_owned(),
            ));
        }
    }
    if let (Some(cluster), Some(rest)) = (&r.cluster, &r.rest)
        && rest.host.val != format!("api-{}{HOSTED_SUFFIX}", cluster.val)
    {
        let finding = format!(
            "cluster `{}` ({}) and host `{}` ({}) disagree; the host is used",
            cluster.val, cluster.source, rest.host.val, rest.host.source
        );
        let hint = "set one of them: `cluster` for Pusher, `host` for a self-hosted server";
        if rest.host.val.ends_with(HOSTED_SUFFIX) {
            fails.push((finding, hint.to_owned()));
        } else {
            warns.push((finding, hint.to_owned()));
        }
    }
    if let Some(v) = &r.encryption_master_key
        && let Err(e) = MasterKey::from_base64(v.val.expose())
    {
        fails.push((
            format!("encryption_master_key ({}): {e}", v.source),
            "it must be 32 bytes in base64: `openssl rand -base64 32`".to_owned(),
        ));
    }
    let joined = |list: &[(String, String)]| {
        let finding = list.iter().map(|(f, _)| f.as_str()).collect::<Vec<_>>();
        let hint = list.iter().map(|(_, h)| h.as_str()).collect::<Vec<_>>();
        (finding.join("; "), hint.join("; "))
    };
    if !fails.is_empty() {
        let (f, h) = joined(&fails);
        Outcome::fail(f, h)
    } else if !warns.is_empty() {
        let (f, h) = joined(&warns);
        Outcome::warn(f, h)
    } else if hosted {
        Outcome::pass("app id, key and secret look like Pusher's")
    } else {
        Outcome::pass("values are well formed")
    }
}

/// Pusher's keys and secrets: 20 lowercase hex digits.
fn pusher_shaped(s: &str) -> bool {
    s.len() == 20
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The loader's warnings: file permissions, unknown keys, `.env` values set aside.
pub fn files(r: &Resolved) -> Outcome {
    if r.warnings.is_empty() {
        return Outcome::pass("no warnings about the config file or .env");
    }
    Outcome::warn(
        r.warnings.join("; "),
        "each warning names its fix (printed above, too)",
    )
}

#[cfg(test)]
mod tests {
    use super::super::outcome::Status;
    use super::*;
    use crate::config::testing::*;

    fn resolved(env_vars: &[(&str, &str)]) -> Resolved {
        run(&inputs(None, env_vars, &[])).unwrap()
    }

    #[test]
    fn enabled_reads_the_platform_switch() {
        assert_eq!(enabled(None).status, Status::Skip);
        assert_eq!(enabled(Some("true")).status, Status::Pass);
        assert_eq!(enabled(Some("TRUE")).status, Status::Pass);
        let off = enabled(Some("false"));
        assert_eq!(off.status, Status::Fail);
        assert!(off.hint.unwrap().contains("PUSHER_ENABLED=true"));
    }

    #[test]
    fn hosted_values_must_look_like_pushers() {
        let r = resolved(&[
            ("PUSHER_CLUSTER", "eu"),
            ("PUSHER_APP_ID", "my-app"),
            ("PUSHER_KEY", "0123456789abcdef0123"),
        ]);
        let o = values(&r, Some(&Secret::new("short")), None);
        assert_eq!(o.status, Status::Fail, "{o:?}");
        assert!(
            o.finding.contains("app id `my-app` is not a number"),
            "{}",
            o.finding
        );
        assert!(
            o.finding.contains("the secret is not 20 hex digits"),
            "{}",
            o.finding
        );
        assert!(!o.finding.contains("short"), "{}", o.finding);
        assert!(!o.finding.contains("key `"), "{}", o.finding);
    }

    #[test]
    fn a_self_hosted_server_is_not_held_to_pushers_shapes() {
        let r = resolved(&[("PUSHER_HOST", "127.0.0.1"), ("PUSHER_APP_ID", "app-id")]);
        assert_eq!(
            values(&r, Some(&Secret::new("x")), None).status,
            Status::Pass
        );
    }

    #[test]
    fn cluster_and_a_self_hosted_host_warn() {
        let r = resolved(&[("PUSHER_CLUSTER", "eu"), ("RTCTL_HOST", "ws.example.com")]);
        let o = values(&r, None, None);
        assert_eq!(o.status, Status::Warn, "{o:?}");
        assert!(o.finding.contains("cluster `eu`"), "{}", o.finding);
    }

    #[test]
    fn a_short_master_key_fails_without_showing_it() {
        let r = resolved(&[("RTCTL_ENCRYPTION_MASTER_KEY", "c2hvcnQta2V5")]);
        let o = values(&r, None, None);
        assert_eq!(o.status, Status::Fail, "{o:?}");
        assert!(!o.finding.contains("c2hvcnQta2V5"), "{}", o.finding);
    }

    #[test]
    fn required_names_what_is_missing_and_how_to_set_it() {
        let mut r = resolved(&[]);
        r.key = None;
        let o = required(&r, &Ok(Secret::new("s")));
        assert_eq!(o.status, Status::Fail);
        assert!(o.finding.contains("`key`"), "{}", o.finding);
        assert!(o.hint.unwrap().contains("RTCTL_KEY"));
    }
}
