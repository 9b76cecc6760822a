//! Inputs for the resolution tests: a config file with three profiles, and builders
//! for the environment, a `.env` and flags.

use std::collections::BTreeMap;
pub use std::path::Path;

pub use super::error::ConfigError;
pub use super::fields::Field;
pub use super::file::ConfigFile;
use super::inputs::{CliValues, Inputs};
use super::resolve::{resolve, select_profile};
pub use super::resolved::{Resolved, SecretSpec};
pub use super::value::Source;

const FILE_TEXT: &str = r#"
default_profile = "prod"

[profiles.prod]
app_id = 12345
key = "prod-key"
secret = "prod-secret-value"
cluster = "eu"

[profiles.self]
app_id = "self"
key = "self-key"
secret_command = "pass show x"
host = "rt.example.com"
port = 6001
tls = false
ws_host = "ws.example.com"
ws_port = 443

[profiles.both]
app_id = "b"
key = "k"
secret = "s"
secret_env = "VAR"
cluster = "eu"
host = "h"
"#;

pub fn file() -> ConfigFile {
    ConfigFile::parse(Path::new("/c/config.toml"), FILE_TEXT).unwrap()
}

pub fn env(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).into(), (*v).into()))
        .collect()
}

pub fn inputs(
    file: Option<ConfigFile>,
    env_vars: &[(&str, &str)],
    cli: &[(Field, &str, &str)],
) -> Inputs {
    let mut c = CliValues::default();
    for (f, v, flag) in cli {
        c.set(*f, *v, flag);
    }
    Inputs {
        file,
        env: env(env_vars),
        dotenv: None,
        cli: c,
    }
}

pub fn run(i: &Inputs) -> Result<Resolved, ConfigError> {
    resolve(i, select_profile(i)?)
}

pub fn src(var: &str) -> Source {
    Source::Env { var: var.into() }
}

/// Profile `p` (host, port and a secret from the file, plus `extra`), the process
/// environment, a `.env` and flags.
pub fn with_dotenv(
    extra: &str,
    env_vars: &[(&str, &str)],
    dot: &[(&str, &str)],
    cli: &[(Field, &str, &str)],
) -> Result<Resolved, ConfigError> {
    let text = format!(
        "[profiles.p]\nkey = \"k\"\nsecret = \"file-secret\"\nhost = \"real.example\"\nport = 6001\ntls = false\n{extra}"
    );
    let mut i = inputs(
        Some(ConfigFile::parse(Path::new("/c/config.toml"), &text).unwrap()),
        env_vars,
        cli,
    );
    i.cli.profile = Some("p".into());
    i.dotenv = Some(("/w/.env".into(), env(dot)));
    run(&i)
}
