//! One profile, resolved: the settings every command reads, each with its source.

use std::path::PathBuf;
use std::time::Duration;

use super::builtin_app::{BUILTIN_CREDENTIALS, Withheld};
use super::error::ConfigError;
use super::fields::Field;
use super::headers::Header;
use super::value::{Secret, Source, Value};

/// A host, port and TLS setting for one of the two endpoints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    pub host: Value<String>,
    pub port: Value<u16>,
    pub tls: Value<bool>,
}

impl Endpoint {
    /// `http(s)://host:port`.
    pub fn http_base(&self) -> String {
        let scheme = if self.tls.val { "https" } else { "http" };
        format!("{scheme}://{}", self.authority())
    }

    /// `ws(s)://host:port`.
    pub fn ws_base(&self) -> String {
        let scheme = if self.tls.val { "wss" } else { "ws" };
        format!("{scheme}://{}", self.authority())
    }

    /// `host:port`, an IPv6 address in brackets.
    pub fn authority(&self) -> String {
        let h = &self.host.val;
        if h.contains(':') && !h.starts_with('[') {
            format!("[{h}]:{}", self.port.val)
        } else {
            format!("{h}:{}", self.port.val)
        }
    }
}

/// Where the secret comes from; reading it may run a command, so it is deferred.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecretSpec {
    Given(Value<Secret>),
    Env { var: String, source: Source },
    Command { command: String, source: Source },
}

impl SecretSpec {
    pub fn source(&self) -> &Source {
        match self {
            Self::Given(v) => &v.source,
            Self::Env { source, .. } | Self::Command { source, .. } => source,
        }
    }
}

/// One profile, resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub profile: Value<String>,
    pub file: Option<PathBuf>,
    pub app_id: Option<Value<String>>,
    pub key: Option<Value<String>>,
    pub secret: Option<SecretSpec>,
    pub cluster: Option<Value<String>>,
    pub rest: Option<Endpoint>,
    pub ws: Option<Endpoint>,
    /// A PEM file of CA certificates trusted besides the system's.
    pub ca_cert: Option<Value<String>>,
    pub auth_endpoint: Option<Value<String>>,
    /// Header names and their values; a value may be a token, so it is a `Secret`.
    pub auth_headers: Option<Value<Vec<Header>>>,
    pub backend_url: Option<Value<String>>,
    pub backend_token: Option<Value<Secret>>,
    pub webhook_url: Option<Value<String>>,
    pub encryption_master_key: Option<Value<Secret>>,
    pub timeout: Value<Duration>,
    pub env_file: Option<Value<bool>>,
    /// The user's say-so that a `.env`'s server and URLs may receive credentials from
    /// elsewhere; never from a `.env` itself.
    pub trust_env_file: Option<Value<bool>>,
    pub catalog: Option<Value<String>>,
    /// The platform's own switch, `PUSHER_ENABLED`: not a setting of rtctl's, but doctor
    /// checks it.
    pub pusher_enabled: Option<Value<String>>,
    pub max_payload_kb: Value<u32>,
    /// Set when the built-in `local` profile's app id, key and secret were left out
    /// because another server or app is named: why.
    pub builtin_withheld: Option<Withheld>,
    /// Things worth telling the user that do not stop the command.
    pub warnings: Vec<String>,
}

impl Resolved {
    fn missing(&self, field: Field) -> ConfigError {
        let profile = self.profile.val.clone();
        match &self.builtin_withheld {
            Some(w) if BUILTIN_CREDENTIALS.contains(&field) => ConfigError::NotForThisServer {
                field,
                reason: w.reason(),
                profile,
            },
            _ => ConfigError::Missing { field, profile },
        }
    }

    pub fn require_app_id(&self) -> Result<&str, ConfigError> {
        self.app_id
            .as_ref()
            .map(|v| v.val.as_str())
            .ok_or_else(|| self.missing(Field::AppId))
    }

    pub fn require_key(&self) -> Result<&str, ConfigError> {
        self.key
            .as_ref()
            .map(|v| v.val.as_str())
            .ok_or_else(|| self.missing(Field::Key))
    }

    pub fn require_secret(&self) -> Result<&SecretSpec, ConfigError> {
        self.secret
            .as_ref()
            .ok_or_else(|| self.missing(Field::Secret))
    }

    pub fn require_rest(&self) -> Result<&Endpoint, ConfigError> {
        self.rest
            .as_ref()
            .ok_or_else(|| ConfigError::MissingEndpoint {
                profile: self.profile.val.clone(),
            })
    }

    pub fn require_ws(&self) -> Result<&Endpoint, ConfigError> {
        self.ws
            .as_ref()
            .ok_or_else(|| ConfigError::MissingEndpoint {
                profile: self.profile.val.clone(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::testing::*;

    #[test]
    fn missing_endpoint_and_values() {
        let f = ConfigFile::parse(Path::new("c"), "[profiles.p]\nkey = \"k\"\n").unwrap();
        let r = run(&inputs(Some(f), &[("RTCTL_PROFILE", "p")], &[])).unwrap();
        assert!(matches!(
            r.require_rest(),
            Err(ConfigError::MissingEndpoint { .. })
        ));
        let err = r.require_app_id().unwrap_err();
        assert_eq!(err.to_string(), "no `app_id` configured for profile `p`");
        assert_eq!(
            err.hints(),
            [
                "set `app_id` in [profiles.p], or export RTCTL_APP_ID (or PUSHER_APP_ID), or pass --app-id"
            ]
        );
        assert!(matches!(
            r.require_secret(),
            Err(ConfigError::Missing {
                field: Field::Secret,
                ..
            })
        ));
        assert_eq!(r.require_key().unwrap(), "k");
    }
}
