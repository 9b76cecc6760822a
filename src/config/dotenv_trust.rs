//! The `.env` trust rule: a `.env` supplies values, never a command, and never where
//! credentials from elsewhere go.

use std::path::PathBuf;

use super::chosen::Chosen;
use super::error::ConfigError;
use super::fields::Field;
use super::layers::{DOTENV, DOTENV_PUSHER, Layer};
use super::resolved::{Resolved, SecretSpec};
use super::secret_choice::secret_spec;
use super::value::Source;

impl Resolved {
    /// Refuse `--auth-header` values bound for the resolved `auth_endpoint` when a `.env`
    /// named it: the headers are the user's, the URL is not (the loader already set aside
    /// a `.env`'s endpoint that would receive the profile's `auth_headers`).
    pub fn allow_flag_auth_headers(&self) -> Result<(), ConfigError> {
        let flag = Source::Cli {
            flag: "--auth-header".into(),
        };
        match &self.auth_endpoint {
            Some(url) if !may_send(&flag, &url.source, self.trusts_dotenv()) => {
                Err(ConfigError::AuthHeaderToDotEnv {
                    origin: url.source.clone(),
                })
            }
            _ => Ok(()),
        }
    }

    fn trusts_dotenv(&self) -> bool {
        self.trust_env_file.as_ref().is_some_and(|v| v.val)
    }
}

/// Whether a credential from `credential` may go to a server or URL from `destination`.
/// The one rule for `.env` files: a destination a `.env` names receives only what the
/// same `.env` supplied, or the public built-in values, unless the user trusts the `.env`
/// (`--trust-env-file`, `RTCTL_TRUST_ENV_FILE`, `trust_env_file` in the profile).
pub fn may_send(credential: &Source, destination: &Source, trusted: bool) -> bool {
    trusted
        || !matches!(destination, Source::DotEnv { .. })
        || matches!(
            credential,
            Source::DotEnv { .. } | Source::Default | Source::BuiltinLocal
        )
}

/// What a `.env` may not set: a command to run, another variable or a file for rtctl to
/// read (whose content could be signed with, sent or shown, or, for a CA, would let a
/// stand-in server pass for the real one), and the say-so that trusts a `.env`.
const NOT_FROM_DOTENV: [Field; 5] = [
    Field::SecretCommand,
    Field::SecretEnv,
    Field::Catalog,
    Field::CaCert,
    Field::TrustEnvFile,
];

pub(super) fn refuse_from_dotenv(layers: &[Layer], profile: &str) -> Result<(), ConfigError> {
    for field in NOT_FROM_DOTENV {
        if let Some(e) = layers[DOTENV].get(&field) {
            return Err(ConfigError::NotFromDotEnv {
                field,
                origin: e.source.clone(),
                profile: profile.to_owned(),
            });
        }
    }
    Ok(())
}

/// Where the secret really comes from: `secret_env` names a variable of the process
/// environment, whoever named it.
fn secret_origin(spec: &SecretSpec) -> Source {
    match spec {
        SecretSpec::Env { var, .. } => Source::Env { var: var.clone() },
        other => other.source().clone(),
    }
}

/// A destination (the fields that name it), what is sent there, and where that came from.
struct Route {
    fields: &'static [Field],
    what: &'static str,
    origin: Source,
}

fn routes(chosen: &Chosen) -> Result<Vec<Route>, ConfigError> {
    let mut out = Vec::new();
    if let Some(spec) = secret_spec(chosen)? {
        let origin = secret_origin(&spec);
        out.push(Route {
            fields: &[
                Field::Host,
                Field::Port,
                Field::Tls,
                Field::WsHost,
                Field::WsPort,
            ],
            what: "signatures made with the app secret",
            origin: origin.clone(),
        });
        out.push(Route {
            fields: &[Field::WebhookUrl],
            what: "webhooks signed with the app secret",
            origin,
        });
    }
    for (fields, credential, what) in [
        (&[Field::AuthEndpoint], Field::AuthHeaders, "`auth_headers`"),
        (&[Field::BackendUrl], Field::BackendToken, "`backend_token`"),
    ] {
        if let Some((v, _)) = chosen.get(credential) {
            out.push(Route {
                fields,
                what,
                origin: v.source.clone(),
            });
        }
    }
    Ok(out)
}

/// Set aside the server and URLs a `.env` names when what would be sent there came from
/// elsewhere (see `may_send`), saying so in `warnings`; lower layers then apply.
pub(super) fn set_aside_untrusted(
    layers: &mut [Layer],
    chosen: &Chosen,
    warnings: &mut Vec<String>,
) -> Result<(), ConfigError> {
    let trusted = chosen.bool(Field::TrustEnvFile).is_some_and(|v| v.val);
    for Route {
        fields,
        what,
        origin,
    } in routes(chosen)?
    {
        // The fields of this destination a `.env` gave, with the file and variable.
        let named: Vec<(Field, &PathBuf, &String)> = fields
            .iter()
            .filter_map(|&f| match chosen.get(f) {
                Some((v, _)) if !may_send(&origin, &v.source, trusted) => match &v.source {
                    Source::DotEnv { path, var } => Some((f, path, var)),
                    _ => None,
                },
                _ => None,
            })
            .collect();
        let Some((_, path, _)) = named.first() else {
            continue;
        };
        let list = named
            .iter()
            .map(|(f, _, var)| format!("`{f}` ({var})"))
            .collect::<Vec<_>>()
            .join(", ");
        warnings.push(format!(
            "not using {list} from {}: {what} from {origin} would go there, and a .env gets only what it supplies; pass --trust-env-file to allow it, or set the value in the profile",
            path.display()
        ));
        for (f, _, _) in &named {
            layers[DOTENV].remove(f);
            layers[DOTENV_PUSHER].remove(f);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::testing::*;

    #[test]
    fn a_dotenv_may_not_set_a_command_or_trust_itself() {
        for (var, field) in [
            ("RTCTL_SECRET_COMMAND", Field::SecretCommand),
            ("RTCTL_SECRET_ENV", Field::SecretEnv),
            ("RTCTL_CATALOG", Field::Catalog),
            ("RTCTL_TRUST_ENV_FILE", Field::TrustEnvFile),
        ] {
            let err = with_dotenv("", &[], &[(var, "touch /tmp/x")], &[]).unwrap_err();
            let ConfigError::NotFromDotEnv {
                field: f, origin, ..
            } = &err
            else {
                panic!("{var}: {err}")
            };
            assert_eq!(*f, field);
            assert_eq!(origin.to_string(), format!("/w/.env {var}"));
            assert!(err.to_string().contains("nothing was run"), "{err}");
        }
        let err = with_dotenv("", &[], &[("RTCTL_SECRET_COMMAND", "x")], &[]).unwrap_err();
        let hint = err.hints().join("\n");
        assert!(
            hint.contains("[profiles.p]") && hint.contains("export RTCTL_SECRET_COMMAND"),
            "{hint}"
        );
        // From the user's own file or environment, the command is the way to the secret.
        let r = with_dotenv("", &[("RTCTL_SECRET_COMMAND", "pass x")], &[], &[]).unwrap();
        assert!(matches!(r.secret, Some(SecretSpec::Command { .. })));
        let r = with_dotenv("secret_command = \"pass x\"\n", &[], &[], &[]);
        assert!(matches!(r, Err(ConfigError::SecretConflict { .. })));
    }

    #[test]
    fn a_dotenv_destination_gets_only_its_own_credentials_unless_trusted() {
        type Case<'a> = (
            &'a str,
            &'a str,
            Vec<(&'a str, &'a str)>,
            Vec<(&'a str, &'a str)>,
            Vec<(Field, &'a str, &'a str)>,
            Field,
            bool,
        );
        let trust_flag = (Field::TrustEnvFile, "true", "--trust-env-file");
        let url = ("RTCTL_BACKEND_URL", "http://evil.example");
        // (case, profile extra, env, .env, flags, field, whether the .env's value is used)
        let cases: Vec<Case> = vec![
            (
                "token from the profile",
                "backend_token = \"t\"\n",
                vec![],
                vec![url],
                vec![],
                Field::BackendUrl,
                false,
            ),
            (
                "token from the environment",
                "",
                vec![("RTCTL_BACKEND_TOKEN", "t")],
                vec![url],
                vec![],
                Field::BackendUrl,
                false,
            ),
            (
                "token from the .env",
                "",
                vec![],
                vec![url, ("RTCTL_BACKEND_TOKEN", "t")],
                vec![],
                Field::BackendUrl,
                true,
            ),
            (
                "no token at all",
                "",
                vec![],
                vec![url],
                vec![],
                Field::BackendUrl,
                true,
            ),
            (
                "trusted by flag",
                "backend_token = \"t\"\n",
                vec![],
                vec![url],
                vec![trust_flag],
                Field::BackendUrl,
                true,
            ),
            (
                "trusted by the environment",
                "backend_token = \"t\"\n",
                vec![("RTCTL_TRUST_ENV_FILE", "1")],
                vec![url],
                vec![],
                Field::BackendUrl,
                true,
            ),
            (
                "trusted by the profile",
                "backend_token = \"t\"\ntrust_env_file = true\n",
                vec![],
                vec![url],
                vec![],
                Field::BackendUrl,
                true,
            ),
            (
                "headers from the profile",
                "auth_headers = { Authorization = \"Bearer t\" }\n",
                vec![],
                vec![("RTCTL_AUTH_ENDPOINT", "http://evil.example/auth")],
                vec![],
                Field::AuthEndpoint,
                false,
            ),
            (
                "headers from the .env",
                "",
                vec![],
                vec![
                    ("RTCTL_AUTH_ENDPOINT", "http://e/a"),
                    ("RTCTL_AUTH_HEADERS", "A: b"),
                ],
                vec![],
                Field::AuthEndpoint,
                true,
            ),
            (
                "host, secret from the profile",
                "",
                vec![],
                vec![("PUSHER_HOST", "evil.example")],
                vec![],
                Field::Host,
                false,
            ),
            (
                "tls, secret from the profile",
                "",
                vec![],
                vec![("PUSHER_SSL", "true")],
                vec![],
                Field::Tls,
                false,
            ),
            (
                "host, secret from the .env",
                "",
                vec![],
                vec![("PUSHER_HOST", "h"), ("PUSHER_SECRET", "s")],
                vec![],
                Field::Host,
                true,
            ),
            (
                "host, secret from the real environment",
                "",
                vec![("OTHER", "s"), ("RTCTL_SECRET_ENV", "OTHER")],
                vec![("PUSHER_HOST", "h")],
                vec![],
                Field::Host,
                false,
            ),
            (
                "webhook_url, secret from the profile",
                "",
                vec![],
                vec![("RTCTL_WEBHOOK_URL", "http://evil.example/w")],
                vec![],
                Field::WebhookUrl,
                false,
            ),
        ];
        for (case, extra, e, dot, cli, field, used) in cases {
            let r =
                with_dotenv(extra, &e, &dot, &cli).unwrap_or_else(|err| panic!("{case}: {err}"));
            let source = match field {
                Field::BackendUrl => r.backend_url.map(|v| v.source),
                Field::AuthEndpoint => r.auth_endpoint.map(|v| v.source),
                Field::WebhookUrl => r.webhook_url.map(|v| v.source),
                Field::Host => r.rest.as_ref().map(|ep| ep.host.source.clone()),
                Field::Tls => r.rest.as_ref().map(|ep| ep.tls.source.clone()),
                _ => unreachable!(),
            };
            let from_dotenv = matches!(source, Some(Source::DotEnv { .. }));
            assert_eq!(from_dotenv, used, "{case}: {source:?}");
            let warned: Vec<&String> = r
                .warnings
                .iter()
                .filter(|w| w.contains("--trust-env-file"))
                .collect();
            assert_eq!(warned.len(), usize::from(!used), "{case}: {:?}", r.warnings);
            if let Some(w) = warned.first() {
                assert!(
                    w.contains(&format!("`{field}`")) && w.contains("/w/.env"),
                    "{case}: {w}"
                );
                assert!(
                    !w.contains("evil.example") && !w.contains("Bearer"),
                    "{case}: {w}"
                );
            }
        }
    }

    #[test]
    fn a_set_aside_server_falls_back_to_the_profile_and_says_which_fields() {
        let r = with_dotenv(
            "",
            &[],
            &[
                ("PUSHER_HOST", "evil.example"),
                ("PUSHER_PORT", "80"),
                ("PUSHER_APP_ID", "a2"),
            ],
            &[],
        )
        .unwrap();
        assert_eq!(r.rest.unwrap().http_base(), "http://real.example:6001");
        assert_eq!(r.ws.unwrap().ws_base(), "ws://real.example:6001");
        // Values that go nowhere still come from the .env.
        assert!(matches!(r.app_id.unwrap().source, Source::DotEnv { .. }));
        assert_eq!(
            r.warnings,
            [
                "not using `host` (PUSHER_HOST), `port` (PUSHER_PORT) from /w/.env: signatures made with the app secret from /c/config.toml:3 [profiles.p] would go there, and a .env gets only what it supplies; pass --trust-env-file to allow it, or set the value in the profile"
            ]
        );
        // The built-in local profile's secret is public, so nothing is set aside; but it
        // goes only to its own server, so a .env's host leaves the profile without one.
        let mut i = inputs(None, &[], &[]);
        i.dotenv = Some((".env".into(), env(&[("PUSHER_HOST", "h")])));
        let r = run(&i).unwrap();
        assert_eq!(r.rest.unwrap().host.val, "h");
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
        assert_eq!(r.secret, None);
    }

    #[test]
    fn flag_auth_headers_go_to_a_dotenv_endpoint_only_when_trusted() {
        let dot = [("RTCTL_AUTH_ENDPOINT", "http://e/auth")];
        let r = with_dotenv("", &[], &dot, &[]).unwrap();
        let err = r.allow_flag_auth_headers().unwrap_err();
        assert!(
            err.to_string().contains("/w/.env RTCTL_AUTH_ENDPOINT"),
            "{err}"
        );
        assert!(
            err.hints()[0].contains("--auth-endpoint"),
            "{:?}",
            err.hints()
        );
        let trusted = (Field::TrustEnvFile, "true", "--trust-env-file");
        let r = with_dotenv("", &[], &dot, &[trusted]).unwrap();
        assert!(r.allow_flag_auth_headers().is_ok());
        let r = with_dotenv("auth_endpoint = \"http://mine/auth\"\n", &[], &[], &[]).unwrap();
        assert!(r.allow_flag_auth_headers().is_ok());
    }
}
