//! Everything that can be wrong with configuration. No variant holds a secret.

use std::path::PathBuf;
use std::time::Duration;

use super::fields::Field;
use super::value::Source;

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}:{line}:{column}: {message}", path.display())]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}:{line}: {message}", path.display())]
    Shape {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{}: {message}", path.display())]
    DotEnv { path: PathBuf, message: String },
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("unknown profile `{name}` (from {origin})")]
    UnknownProfile {
        name: String,
        origin: Source,
        available: Vec<String>,
    },
    #[error("invalid `{field}` from {origin}: {reason}")]
    Invalid {
        field: Field,
        origin: Source,
        reason: String,
    },
    #[error("no `{field}` configured for profile `{profile}`")]
    Missing { field: Field, profile: String },
    #[error("no `{field}` for this server: {reason}; nothing was sent")]
    NotForThisServer {
        field: Field,
        reason: String,
        profile: String,
    },
    #[error("no server configured for profile `{profile}`: neither `cluster` nor `host` is set")]
    MissingEndpoint { profile: String },
    #[error("the secret is given more than one way in {origin}: {fields}")]
    SecretConflict { origin: Source, fields: String },
    #[error("`secret_env` (from {origin}) names ${var}, which is not set")]
    SecretEnvUnset { var: String, origin: Source },
    #[error("`secret_command` (from {origin}) failed: {reason}")]
    SecretCommand { origin: Source, reason: String },
    #[error("`secret_command` (from {origin}) gave no answer within {}s and was stopped", after.as_secs())]
    SecretCommandTimeout { origin: Source, after: Duration },
    #[error("a .env file may not set `{field}` ({origin}); nothing was run or sent")]
    NotFromDotEnv {
        field: Field,
        origin: Source,
        profile: String,
    },
    #[error(
        "--auth-header would go to `auth_endpoint` from {origin}, a .env file; nothing was sent"
    )]
    AuthHeaderToDotEnv { origin: Source },
    #[error("profile `{0}` already exists")]
    ProfileExists(String),
    #[error("{0}")]
    Incomplete(String),
}

impl ConfigError {
    /// How to put it right.
    pub fn hints(&self) -> Vec<String> {
        match self {
            Self::Syntax { path, .. } | Self::Shape { path, .. } => vec![format!(
                "fix the file, or point RTCTL_CONFIG at another one (now: {})",
                path.display()
            )],
            Self::DotEnv { .. } => vec!["each line of a .env file is NAME=value".into()],
            Self::Read { .. } => vec!["check the path in RTCTL_CONFIG and the file's permissions".into()],
            Self::Write { .. } => vec!["check that the config folder exists and is writable".into()],
            Self::UnknownProfile { available, .. } => {
                let list = if available.is_empty() {
                    "none besides the built-in `local`".to_owned()
                } else {
                    available.join(", ")
                };
                vec![
                    format!("profiles there are: {list}"),
                    "create one with `rtctl config init NAME`".into(),
                ]
            }
            Self::Invalid { field, .. } => vec![field_format_hint(*field).into()],
            Self::Missing { field, profile } | Self::NotForThisServer { field, profile, .. } => {
                vec![match field {
                    Field::Secret => secret_ways(profile),
                    _ => field.ways_to_set(profile),
                }]
            }
            Self::MissingEndpoint { profile } => vec![format!(
                "{}; for a self-hosted server {}",
                Field::Cluster.ways_to_set(profile),
                Field::Host.ways_to_set(profile)
            )],
            Self::SecretConflict { .. } => {
                vec!["keep one of `secret`, `secret_env` and `secret_command`".into()]
            }
            Self::SecretEnvUnset { var, .. } => vec![format!("export {var}")],
            Self::SecretCommand { .. } => vec![
                "run the command yourself to see what it says; its output (first line) is the secret"
                    .into(),
            ],
            Self::SecretCommandTimeout { .. } => vec![
                "a command waiting for a PIN, a touch or a password gets none without a terminal: in CI, set `secret_env` or pipe the secret to --secret-stdin".into(),
                "run the command yourself to see what it waits for".into(),
            ],
            Self::NotFromDotEnv { field, profile, .. } => vec![match field {
                Field::TrustEnvFile => "a .env cannot vouch for itself: pass --trust-env-file, export RTCTL_TRUST_ENV_FILE=1, or set `trust_env_file = true` in the profile; and remove it from the .env".into(),
                _ => {
                    let what = match field {
                        Field::SecretCommand => "a command to run",
                        Field::SecretEnv => "another variable to read (put the secret itself in the .env as PUSHER_SECRET instead)",
                        _ => "a file to read",
                    };
                    format!(
                        "a .env supplies values, never {what}: set `{field}` in [profiles.{profile}] of the config file (`rtctl config path`) or export {} yourself, and remove it from the .env",
                        field.env()
                    )
                }
            }],
            Self::AuthHeaderToDotEnv { .. } => vec![
                "name the endpoint yourself with --auth-endpoint URL, or pass --trust-env-file to allow the .env's".into(),
            ],
            Self::ProfileExists(name) => vec![format!(
                "pass --force to replace it, or choose another name than `{name}`"
            )],
            Self::Incomplete(_) => {
                vec!["run `rtctl config init` on a terminal to be asked for each value".into()]
            }
        }
    }
}

/// Every way to give the app secret, for hints.
fn secret_ways(profile: &str) -> String {
    format!(
        "give the app's secret: set `secret`, `secret_env` or `secret_command` in [profiles.{profile}], or export RTCTL_SECRET (or PUSHER_SECRET), or pipe it to --secret-stdin"
    )
}

fn field_format_hint(field: Field) -> &'static str {
    use super::fields::Kind;
    match (field, field.kind()) {
        (Field::Cluster, _) => "a cluster name such as `mt1`, `us2`, `eu` or `ap1`",
        (Field::EncryptionMasterKey, _) => "32 random bytes in base64: `openssl rand -base64 32`",
        (_, Kind::Bool) => "use true or false",
        (_, Kind::Port) => "use a port number from 1 to 65535",
        (_, Kind::Count) => "use a whole number greater than 0",
        (_, Kind::Duration) => {
            "use seconds (`10`) or a duration such as `10s`, `500ms` or `2m`, from 1ms to 365d"
        }
        (_, Kind::Headers) => {
            "a table such as { Authorization = \"Bearer …\" }; in the environment, one `Name: value` a line"
        }
        (_, Kind::Token) => "use the token alone, on one line",
        (_, Kind::Text | Kind::Secret) => "use a non-empty string",
    }
}
