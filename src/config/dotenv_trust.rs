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
/// read (whose content could be signed with, sent or shown), and the say-so that trusts
/// a `.env`.
const NOT_FROM_DOTENV: [Field; 4] = [
    Field::SecretCommand,
    Field::SecretEnv,
    Field::Catalog,
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
