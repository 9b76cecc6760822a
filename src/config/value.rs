//! Values that remember where they came from, and secrets that never print.

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

/// Where a resolved value came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Source {
    /// Built into rtctl.
    Default,
    /// The built-in `local` profile (a local development server).
    BuiltinLocal,
    /// A `[profiles.NAME]` table of a config file.
    File {
        path: PathBuf,
        profile: String,
        line: usize,
    },
    /// `default_profile` of a config file.
    FileDefault { path: PathBuf, line: usize },
    /// A `.env` file.
    DotEnv { path: PathBuf, var: String },
    /// An environment variable.
    Env { var: String },
    /// A command-line flag.
    Cli { flag: String },
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Default => f.write_str("built-in default"),
            Self::BuiltinLocal => f.write_str("built-in `local` profile"),
            Self::File {
                path,
                profile,
                line,
            } => write!(f, "{}:{line} [profiles.{profile}]", path.display()),
            Self::FileDefault { path, line } => {
                write!(f, "{}:{line} default_profile", path.display())
            }
            Self::DotEnv { path, var } => write!(f, "{} {var}", path.display()),
            Self::Env { var } => write!(f, "env {var}"),
            Self::Cli { flag } => write!(f, "flag {flag}"),
        }
    }
}

impl Value<String> {
    /// A file setting as a path: relative to its config file's folder when a profile
    /// names it, to the current directory when a flag or the environment does.
    pub fn as_path(&self) -> PathBuf {
        let path = PathBuf::from(&self.val);
        match &self.source {
            Source::File { path: file, .. } if path.is_relative() => {
                file.parent().map_or(path.clone(), |dir| dir.join(&path))
            }
            _ => path,
        }
    }
}

/// A resolved value and its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Value<T> {
    pub val: T,
    pub source: Source,
}

impl<T> Value<T> {
    pub fn new(val: T, source: Source) -> Self {
        Self { val, source }
    }

    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Value<U> {
        Value {
            val: f(self.val),
            source: self.source,
        }
    }
}

/// Text that must never be printed: Debug and Display say `(redacted)`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Self {
        Self(s.into())
    }

    /// The secret itself, for signing. Never format it for output.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// That it is set, and nothing of it: for a key whose every byte counts (the
    /// encryption master key, where four base64 characters would give away three bytes).
    pub fn withheld(&self) -> String {
        "(set, not shown)".to_owned()
    }

    /// At most the first four characters (fewer for short secrets), then `…`.
    pub fn masked(&self) -> String {
        let n = self.0.chars().count();
        let shown: String = self.0.chars().take((n / 4).min(4)).collect();
        format!("{shown}…")
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("(redacted)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("(redacted)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_do_not_print() {
        let s = Secret::new("7ad3773142a6692b25b8");
        assert_eq!(format!("{s}"), "(redacted)");
        assert_eq!(format!("{s:?}"), "(redacted)");
        assert_eq!(s.masked(), "7ad3…");
        assert_eq!(Secret::new("app-secret").masked(), "ap…");
        assert_eq!(Secret::new("abc").masked(), "…");
        assert_eq!(Secret::new("ą§¶™€łü€").masked(), "ą§…");
        assert_eq!(s.withheld(), "(set, not shown)");
    }

    #[test]
    fn sources_say_where() {
        let file = Source::File {
            path: "/c/config.toml".into(),
            profile: "prod".into(),
            line: 4,
        };
        assert_eq!(file.to_string(), "/c/config.toml:4 [profiles.prod]");
        assert_eq!(
            Source::Env {
                var: "RTCTL_KEY".into()
            }
            .to_string(),
            "env RTCTL_KEY"
        );
        assert_eq!(
            serde_json::to_string(&Source::Cli {
                flag: "--key".into()
            })
            .unwrap(),
            r#"{"type":"cli","flag":"--key"}"#
        );
    }
}
