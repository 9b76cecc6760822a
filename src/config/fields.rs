//! Every profile field, with its environment twins and flag: one table that the
//! loader, the error hints and `config show` all read.

use std::fmt;

/// The shape of a field's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// Text that is never printed whole.
    Secret,
    /// A secret sent in an HTTP header, so on one line without control characters.
    Token,
    Bool,
    Port,
    Duration,
    /// A whole number greater than zero.
    Count,
    /// `Name: value` pairs (a TOML table; newline-separated in the environment).
    Headers,
}

macro_rules! fields {
    ($( $variant:ident => $name:literal, $kind:ident, $pusher:expr, $flag:expr, $doc:literal; )*) => {
        /// A profile field.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Field { $( #[doc = $doc] $variant, )* }

        impl Field {
            pub const ALL: &'static [Field] = &[ $( Field::$variant, )* ];

            /// The key in a `[profiles.NAME]` table.
            pub fn key(self) -> &'static str {
                match self { $( Field::$variant => $name, )* }
            }

            pub fn kind(self) -> Kind {
                match self { $( Field::$variant => Kind::$kind, )* }
            }

            /// The platform's own variable for this field (`PUSHER_KEY`, …), if it has one.
            pub fn pusher_env(self) -> Option<&'static str> {
                match self { $( Field::$variant => $pusher, )* }
            }

            /// The command-line flag that sets it, if any.
            pub fn flag(self) -> Option<&'static str> {
                match self { $( Field::$variant => $flag, )* }
            }

        }
    };
}

fields! {
    AppId => "app_id", Text, Some("PUSHER_APP_ID"), Some("--app-id"), "the app's id";
    Key => "key", Text, Some("PUSHER_KEY"), Some("--key"), "the app's key (public)";
    Secret => "secret", Secret, Some("PUSHER_SECRET"), Some("--secret-stdin"), "the app's secret";
    SecretEnv => "secret_env", Text, None, None, "read the secret from this environment variable";
    SecretCommand => "secret_command", Text, None, None, "run this command and use its output as the secret";
    Cluster => "cluster", Text, Some("PUSHER_CLUSTER"), Some("--cluster"), "Pusher cluster: `eu` means api-eu.pusher.com and ws-eu.pusher.com with TLS";
    Host => "host", Text, Some("PUSHER_HOST"), Some("--host"), "REST API host of a self-hosted server (overrides cluster)";
    Port => "port", Port, Some("PUSHER_PORT"), Some("--port"), "REST API port";
    Tls => "tls", Bool, Some("PUSHER_SSL"), Some("--tls"), "use https and wss";
    WsHost => "ws_host", Text, None, Some("--ws-host"), "WebSocket host, when it differs from the REST host";
    WsPort => "ws_port", Port, None, Some("--ws-port"), "WebSocket port, when it differs from the REST port";
    CaCert => "ca_cert", Text, None, Some("--ca-cert"), "PEM file of CA certificates trusted besides the system's, for a server behind a private CA";
    AuthEndpoint => "auth_endpoint", Text, None, None, "the app's channel auth endpoint, e.g. http://localhost:8008/pusher/auth";
    AuthHeaders => "auth_headers", Headers, None, None, "headers sent to the auth endpoint";
    BackendUrl => "backend_url", Text, None, None, "the app's backend, e.g. http://localhost:8008";
    BackendToken => "backend_token", Token, None, None, "bearer token for the backend's admin endpoints";
    WebhookUrl => "webhook_url", Text, None, None, "the app's webhook endpoint, e.g. http://localhost:8008/pusher/webhook";
    EncryptionMasterKey => "encryption_master_key", Secret, None, None, "32 bytes, base64, for private-encrypted- channels";
    Timeout => "timeout", Duration, None, Some("--timeout"), "network timeout, e.g. 10s";
    EnvFile => "env_file", Bool, None, Some("--env-file"), "also read PUSHER_* and RTCTL_* from ./.env";
    TrustEnvFile => "trust_env_file", Bool, None, Some("--trust-env-file"), "let the server and URLs a .env names receive credentials from elsewhere (a .env cannot set this)";
    Catalog => "catalog", Text, None, Some("--catalog"), "event catalogue (TOML) for trigger, or `none`; default: the built-in platform catalogue";
    MaxPayloadKb => "max_payload_kb", Count, None, None, "the server's limit on an event's data, in KB (default 10)";
}

impl Field {
    /// Whether the field's value is never shown: a secret, or headers (which carry tokens).
    pub fn is_secret(self) -> bool {
        matches!(self.kind(), Kind::Secret | Kind::Token | Kind::Headers)
    }

    /// `RTCTL_<FIELD>`.
    pub fn env(self) -> String {
        format!("RTCTL_{}", self.key().to_uppercase())
    }

    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.iter().copied().find(|f| f.key() == key)
    }

    /// Where a value could be set, for "missing value" hints.
    pub fn ways_to_set(self, profile: &str) -> String {
        let mut ways = vec![format!("set `{}` in [profiles.{profile}]", self.key())];
        let mut env = self.env();
        if let Some(p) = self.pusher_env() {
            env = format!("{env} (or {p})");
        }
        ways.push(format!("export {env}"));
        if let Some(flag) = self.flag() {
            ways.push(format!("pass {flag}"));
        }
        ways.join(", or ")
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_env_names() {
        for &f in Field::ALL {
            assert_eq!(Field::from_key(f.key()), Some(f));
        }
        assert_eq!(
            Field::EncryptionMasterKey.env(),
            "RTCTL_ENCRYPTION_MASTER_KEY"
        );
        assert_eq!(Field::AppId.env(), "RTCTL_APP_ID");
        assert_eq!(Field::Tls.pusher_env(), Some("PUSHER_SSL"));
    }

    #[test]
    fn missing_value_hint_names_key_env_and_flag() {
        assert_eq!(
            Field::AppId.ways_to_set("prod"),
            "set `app_id` in [profiles.prod], or export RTCTL_APP_ID (or PUSHER_APP_ID), or pass --app-id"
        );
    }
}
