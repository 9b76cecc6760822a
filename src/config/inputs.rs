//! What resolution reads (the config file, the environment, a `.env`, flags), printed
//! without secrets.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use super::fields::Field;
use super::file::ConfigFile;

/// Values given on the command line.
#[derive(Clone, Default)]
pub struct CliValues {
    pub profile: Option<String>,
    /// Field, value as typed, and the flag that gave it.
    pub values: Vec<(Field, String, String)>,
}

impl CliValues {
    pub fn set(&mut self, field: Field, value: impl Into<String>, flag: &str) {
        self.values.push((field, value.into(), flag.to_owned()));
    }
}

/// Whether an environment variable holds a secret.
pub(super) fn is_secret_var(var: &str) -> bool {
    Field::ALL
        .iter()
        .any(|&f| f.is_secret() && (var == f.env() || f.pusher_env() == Some(var)))
}

impl fmt::Debug for CliValues {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let values: Vec<(Field, &str, &str)> = self
            .values
            .iter()
            .map(|(field, v, flag)| {
                let shown = if field.is_secret() {
                    "(redacted)"
                } else {
                    v.as_str()
                };
                (*field, shown, flag.as_str())
            })
            .collect();
        f.debug_struct("CliValues")
            .field("profile", &self.profile)
            .field("values", &values)
            .finish()
    }
}

impl fmt::Debug for Inputs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let vars = |m: &BTreeMap<String, String>| -> Vec<(String, String)> {
            m.iter()
                .map(|(k, v)| {
                    let shown = if is_secret_var(k) {
                        "(redacted)".to_owned()
                    } else {
                        v.clone()
                    };
                    (k.clone(), shown)
                })
                .collect()
        };
        f.debug_struct("Inputs")
            .field("file", &self.file)
            .field("env", &vars(&self.env))
            .field("dotenv", &self.dotenv.as_ref().map(|(p, m)| (p, vars(m))))
            .field("cli", &self.cli)
            .finish()
    }
}

/// Everything resolution reads.
#[derive(Clone, Default)]
pub struct Inputs {
    pub file: Option<ConfigFile>,
    /// The process environment (only `RTCTL_*` and `PUSHER_*` matter).
    pub env: BTreeMap<String, String>,
    /// A `.env` file's path and variables, when one was read.
    pub dotenv: Option<(PathBuf, BTreeMap<String, String>)>,
    pub cli: CliValues,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::testing::*;

    #[test]
    fn debug_output_never_holds_a_secret() {
        let mut i = inputs(
            Some(file()),
            &[
                ("PUSHER_SECRET", "env-secret-1"),
                ("RTCTL_BACKEND_TOKEN", "env-token-2"),
                ("PUSHER_KEY", "k"),
            ],
            &[(Field::Secret, "flag-secret-3", "--secret-stdin")],
        );
        i.dotenv = Some((
            ".env".into(),
            env(&[("RTCTL_AUTH_HEADERS", "Authorization: Bearer dot-4")]),
        ));
        let shown = format!("{i:?} {:?}", run(&i).unwrap());
        for secret in [
            "env-secret-1",
            "env-token-2",
            "flag-secret-3",
            "dot-4",
            "prod-secret-value",
        ] {
            assert!(!shown.contains(secret), "{secret} in {shown}");
        }
        assert!(shown.contains("PUSHER_KEY"));
    }
}
