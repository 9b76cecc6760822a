//! The checks that need no network: the profile, the values a run needs, the
//! platform's `PUSHER_ENABLED`, the values' shapes, and the files' warnings.

use super::outcome::{Outcome, Problems};
use std::path::Path;

use crate::config::{Field, Resolved, Secret, Source, Value, parse_bool};
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

/// The platform's switch, wherever it was found (the environment, the `.env` the
/// profile read, the backend's files given to `--compare-env`): unset or false turns
/// the platform's realtime off. `unset_in`: the backend's files that do not set it.
pub fn enabled(found: &[Value<String>], unset_in: &[&Path]) -> Outcome {
    if found.is_empty() && unset_in.is_empty() {
        return Outcome::skip("PUSHER_ENABLED is not set in this environment").hint(
            "to check the backend's, pass its .env: `rtctl doctor --compare-env backend/.env`",
        );
    }
    let mut problems = Problems::default();
    for v in found {
        let value = v.val.trim();
        if parse_bool(value) != Some(true) {
            let (finding, hint) = match &v.source {
                Source::DotEnv { path, .. } => (
                    format!("PUSHER_ENABLED={value} in {}", path.display()),
                    format!(
                        "set PUSHER_ENABLED=true in {}, then restart the backend",
                        path.display()
                    ),
                ),
                other => (
                    format!("PUSHER_ENABLED={value} ({other})"),
                    "set PUSHER_ENABLED=true in the backend's environment (its .env), then restart it".to_owned(),
                ),
            };
            problems.fail(
                format!("{finding}: the platform's backend does not publish realtime events"),
                hint,
            );
        }
    }
    for path in unset_in {
        problems.warn(
            format!(
                "{} does not set PUSHER_ENABLED: the platform's realtime is off unless the backend's environment sets it",
                path.display()
            ),
            format!("set PUSHER_ENABLED=true in {}", path.display()),
        );
    }
    let shown: Vec<String> = found
        .iter()
        .map(|v| format!("PUSHER_ENABLED={} ({})", v.val.trim(), v.source))
        .collect();
    problems.outcome(shown.join(", "))
}

/// Shapes: a hosted Pusher app's id, key and secret; cluster against host; the
/// encryption master key; the CA file (`ca_error`: why it could not be used).
pub fn values(r: &Resolved, secret: Option<&Secret>, ca_error: Option<&CliError>) -> Outcome {
    let mut problems = Problems::default();
    if let Some(e) = ca_error {
        problems.fail(e.message.clone(), e.hints.join("; "));
    }
    let hosted = r
        .rest
        .as_ref()
        .is_some_and(|e| e.host.val.ends_with(HOSTED_SUFFIX));
    if hosted {
        if let Some(id) = &r.app_id
            && !id.val.bytes().all(|b| b.is_ascii_digit())
        {
            problems.fail(
                format!("app id `{}` is not a number, as Pusher's are", id.val),
                format!("copy the app id from the Pusher dashboard ({})", id.source),
            );
        }
        if let Some(key) = &r.key
            && !pusher_shaped(&key.val)
        {
            problems.fail(
                format!("key `{}` is not 20 hex digits, as Pusher's are", key.val),
                format!("copy the key from the Pusher dashboard ({})", key.source),
            );
        }
        if let Some(s) = secret
            && !pusher_shaped(s.expose())
        {
            problems.fail(
                "the secret is not 20 hex digits, as Pusher's are",
                "copy the secret from the Pusher dashboard",
            );
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
            problems.fail(finding, hint);
        } else {
            problems.warn(finding, hint);
        }
    }
    if let Some(v) = &r.encryption_master_key
        && let Err(e) = MasterKey::from_base64(v.val.expose())
    {
        problems.fail(
            format!("encryption_master_key ({}): {e}", v.source),
            "it must be 32 bytes in base64: `openssl rand -base64 32`",
        );
    }
    problems.outcome(if hosted {
        "app id, key and secret look like Pusher's"
    } else {
        "values are well formed"
    })
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
        let env = |v: &str| {
            let var = "PUSHER_ENABLED".to_owned();
            Value::new(v.to_owned(), Source::Env { var })
        };
        let dotenv = |v: &str| {
            let (path, var) = ("backend/.env".into(), "PUSHER_ENABLED".to_owned());
            Value::new(v.to_owned(), Source::DotEnv { path, var })
        };
        assert_eq!(enabled(&[], &[]).status, Status::Skip);
        assert_eq!(enabled(&[env("true")], &[]).status, Status::Pass);
        assert_eq!(enabled(&[env("TRUE")], &[]).status, Status::Pass);
        let off = enabled(&[env("false")], &[]);
        assert_eq!(off.status, Status::Fail);
        assert!(off.hint.unwrap().contains("PUSHER_ENABLED=true"));
        // The backend's .env says false though the environment here says true.
        let off = enabled(&[env("true"), dotenv("false")], &[]);
        assert_eq!(off.status, Status::Fail);
        assert!(
            off.finding
                .starts_with("PUSHER_ENABLED=false in backend/.env"),
            "{}",
            off.finding
        );
        assert!(
            off.hint
                .as_deref()
                .unwrap()
                .contains("in backend/.env, then restart"),
            "{off:?}"
        );
        let unset = enabled(&[env("true")], &[Path::new("backend/.env")]);
        assert_eq!(unset.status, Status::Warn);
        assert!(
            unset
                .finding
                .contains("backend/.env does not set PUSHER_ENABLED")
        );
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
