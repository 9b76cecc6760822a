//! The config file's model: parsed from text, with line numbers. Pure; reading the
//! file is the loader's job.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::error::ConfigError;
use super::fields::Field;

/// A value as the file wrote it, before it is checked against its field's kind.
#[derive(Debug, Clone, PartialEq)]
pub enum FileValue {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    /// A table of strings (only `auth_headers` takes one).
    Table(Vec<(String, FileValue)>),
    /// Any other TOML type, named.
    Other(&'static str),
}

impl FileValue {
    pub fn type_name(&self) -> &'static str {
        match self {
            Self::Str(_) => "a string",
            Self::Int(_) => "an integer",
            Self::Float(_) => "a float",
            Self::Bool(_) => "a boolean",
            Self::Table(_) => "a table",
            Self::Other(name) => name,
        }
    }
}

/// One `[profiles.NAME]` table.
#[derive(Clone, Default, PartialEq)]
pub struct FileProfile {
    pub line: usize,
    /// Each field with the line it is set on.
    pub values: BTreeMap<Field, (FileValue, usize)>,
}

impl std::fmt::Debug for FileProfile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let values: Vec<(Field, String, usize)> = self
            .values
            .iter()
            .map(|(field, (v, line))| {
                let shown = if field.is_secret() {
                    "(redacted)".to_owned()
                } else {
                    format!("{v:?}")
                };
                (*field, shown, *line)
            })
            .collect();
        f.debug_struct("FileProfile")
            .field("line", &self.line)
            .field("values", &values)
            .finish()
    }
}

/// A parsed config file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConfigFile {
    pub path: PathBuf,
    pub default_profile: Option<(String, usize)>,
    pub profiles: BTreeMap<String, FileProfile>,
    /// Unknown keys and the like: reported, not fatal.
    pub warnings: Vec<String>,
}

/// 1-based line and column of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rsplit_once('\n')
        .map_or(before, |(_, rest)| rest)
        .chars()
        .count()
        + 1;
    (line, col)
}

fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

fn convert(v: &DeValue<'_>) -> FileValue {
    match v {
        DeValue::String(s) => FileValue::Str(s.to_string()),
        DeValue::Integer(i) => {
            let digits = i.as_str().replace('_', "");
            let (neg, digits) = match digits.strip_prefix('-') {
                Some(rest) => (true, rest.to_owned()),
                None => (false, digits.trim_start_matches('+').to_owned()),
            };
            let digits = digits
                .strip_prefix("0x")
                .or_else(|| digits.strip_prefix("0o"))
                .or_else(|| digits.strip_prefix("0b"))
                .unwrap_or(&digits);
            match i64::from_str_radix(digits, i.radix()) {
                Ok(n) if neg => FileValue::Int(-n),
                Ok(n) => FileValue::Int(n),
                Err(_) => FileValue::Other("an out-of-range integer"),
            }
        }
        DeValue::Float(f) => f
            .as_str()
            .replace('_', "")
            .parse()
            .map_or(FileValue::Other("a float"), FileValue::Float),
        DeValue::Boolean(b) => FileValue::Bool(*b),
        DeValue::Datetime(_) => FileValue::Other("a date-time"),
        DeValue::Array(_) => FileValue::Other("an array"),
        DeValue::Table(t) => FileValue::Table(
            t.iter()
                .map(|(k, v)| (k.get_ref().to_string(), convert(v.get_ref())))
                .collect(),
        ),
    }
}

impl ConfigFile {
    /// Parse config text. Syntax errors carry the file, line and column.
    pub fn parse(path: &Path, text: &str) -> Result<Self, ConfigError> {
        let doc = DeTable::parse(text).map_err(|e| {
            let (line, column) = line_col(text, e.span().map_or(0, |s| s.start));
            ConfigError::Syntax {
                path: path.to_owned(),
                line,
                column,
                message: e.message().trim().to_owned(),
            }
        })?;
        let line_of = |span: std::ops::Range<usize>| line_col(text, span.start).0;
        let mut file = ConfigFile {
            path: path.to_owned(),
            ..Default::default()
        };
        let shape = |line: usize, message: String| ConfigError::Shape {
            path: path.to_owned(),
            line,
            message,
        };
        for (key, value) in doc.get_ref() {
            let line = line_of(key.span());
            match key.get_ref().as_ref() {
                "default_profile" => match value.get_ref() {
                    DeValue::String(s) => file.default_profile = Some((s.to_string(), line)),
                    other => {
                        return Err(shape(
                            line,
                            format!(
                                "`default_profile` must be a string, not {}",
                                convert(other).type_name()
                            ),
                        ));
                    }
                },
                "profiles" => {
                    let DeValue::Table(profiles) = value.get_ref() else {
                        return Err(shape(
                            line,
                            "`profiles` must be a table of [profiles.NAME] tables".into(),
                        ));
                    };
                    for (name, table) in profiles {
                        let profile = file.parse_profile(name, table, &line_of, &shape)?;
                        file.profiles.insert(name.get_ref().to_string(), profile);
                    }
                }
                other => {
                    let hint = if Field::from_key(other).is_some() {
                        "; profile fields go in a [profiles.NAME] table".to_owned()
                    } else if matches!(value.get_ref(), DeValue::Table(_)) {
                        format!("; did you mean [profiles.{other}]?")
                    } else if let Some(near) = nearest(other, ["default_profile", "profiles"]) {
                        format!("; did you mean `{near}`?")
                    } else {
                        String::new()
                    };
                    file.warnings.push(format!(
                        "{}:{line}: unknown key `{other}`{hint}",
                        path.display()
                    ));
                }
            }
        }
        Ok(file)
    }

    fn parse_profile(
        &mut self,
        name: &Spanned<std::borrow::Cow<'_, str>>,
        table: &Spanned<DeValue<'_>>,
        line_of: &dyn Fn(std::ops::Range<usize>) -> usize,
        shape: &dyn Fn(usize, String) -> ConfigError,
    ) -> Result<FileProfile, ConfigError> {
        let line = line_of(name.span());
        let DeValue::Table(entries) = table.get_ref() else {
            return Err(shape(
                line,
                format!("profile `{}` must be a table", name.get_ref()),
            ));
        };
        let mut profile = FileProfile {
            line,
            values: BTreeMap::new(),
        };
        for (key, value) in entries {
            let key_line = line_of(key.span());
            match Field::from_key(key.get_ref()) {
                Some(field) => {
                    profile
                        .values
                        .insert(field, (convert(value.get_ref()), key_line));
                }
                None => {
                    let hint = nearest(key.get_ref(), Field::ALL.iter().map(|f| f.key()))
                        .map(|near| format!("; did you mean `{near}`?"))
                        .unwrap_or_default();
                    self.warnings.push(format!(
                        "{}:{key_line}: unknown key `{}` in [profiles.{}]{hint}",
                        self.path.display(),
                        key.get_ref(),
                        name.get_ref()
                    ));
                }
            }
        }
        Ok(profile)
    }

    /// Whether any profile keeps a secret in the file itself.
    pub fn holds_secret(&self) -> bool {
        self.profiles
            .values()
            .any(|p| p.values.keys().any(|f| f.is_secret()))
    }

    pub fn profile_names(&self) -> Vec<String> {
        self.profiles.keys().cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<ConfigFile, ConfigError> {
        ConfigFile::parse(Path::new("/c/config.toml"), text)
    }

    #[test]
    fn profiles_and_lines() {
        let f = parse(
            "default_profile = \"prod\"\n\n[profiles.prod]\napp_id = \"1\"\nport = 443\ntls = true\n\n[profiles.local]\nhost = \"127.0.0.1\"\nauth_headers = { Authorization = \"Bearer x\" }\n",
        )
        .unwrap();
        assert_eq!(f.default_profile, Some(("prod".into(), 1)));
        let prod = &f.profiles["prod"];
        assert_eq!(prod.line, 3);
        assert_eq!(prod.values[&Field::AppId], (FileValue::Str("1".into()), 4));
        assert_eq!(prod.values[&Field::Port], (FileValue::Int(443), 5));
        assert_eq!(prod.values[&Field::Tls], (FileValue::Bool(true), 6));
        assert_eq!(
            f.profiles["local"].values[&Field::AuthHeaders].0,
            FileValue::Table(vec![(
                "Authorization".into(),
                FileValue::Str("Bearer x".into())
            )])
        );
        assert!(f.warnings.is_empty());
        // An Authorization header is a secret too.
        assert!(f.holds_secret());
    }

    #[test]
    fn syntax_errors_name_file_line_and_column() {
        let err = parse("[profiles.prod]\napp_id = \"1\"\nkey = oops\n").unwrap_err();
        let ConfigError::Syntax { line, column, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!((*line, *column), (3, 7));
        assert!(err.to_string().starts_with("/c/config.toml:3:7: "), "{err}");
    }

    #[test]
    fn unknown_keys_warn_with_the_nearest() {
        let f = parse("[profiles.prod]\nsecert = \"x\"\nclustr = \"eu\"\nzzzz = 1\n").unwrap();
        assert_eq!(
            f.warnings,
            [
                "/c/config.toml:2: unknown key `secert` in [profiles.prod]; did you mean `secret`?",
                "/c/config.toml:3: unknown key `clustr` in [profiles.prod]; did you mean `cluster`?",
                "/c/config.toml:4: unknown key `zzzz` in [profiles.prod]",
            ]
        );
        let top = parse("default_profle = \"x\"\nkey = \"k\"\n[prod]\napp_id = \"1\"\n").unwrap();
        assert_eq!(
            top.warnings,
            [
                "/c/config.toml:1: unknown key `default_profle`; did you mean `default_profile`?",
                "/c/config.toml:2: unknown key `key`; profile fields go in a [profiles.NAME] table",
                "/c/config.toml:3: unknown key `prod`; did you mean [profiles.prod]?",
            ]
        );
    }

    #[test]
    fn shape_errors() {
        assert!(matches!(
            parse("default_profile = 3\n"),
            Err(ConfigError::Shape { line: 1, .. })
        ));
        assert!(matches!(
            parse("profiles = \"x\"\n"),
            Err(ConfigError::Shape { .. })
        ));
        assert!(matches!(
            parse("[profiles]\nprod = 1\n"),
            Err(ConfigError::Shape { line: 2, .. })
        ));
    }

    #[test]
    fn values_of_every_type() {
        let f =
            parse("[profiles.p]\nport = 0x1F90\ntimeout = 2.5\napp_id = [1]\nkey = 1979-05-27\n")
                .unwrap();
        let v = &f.profiles["p"].values;
        assert_eq!(v[&Field::Port].0, FileValue::Int(8080));
        assert_eq!(v[&Field::Timeout].0, FileValue::Float(2.5));
        assert_eq!(v[&Field::AppId].0.type_name(), "an array");
        assert_eq!(v[&Field::Key].0.type_name(), "a date-time");
    }

    #[test]
    fn secrets_in_file_are_noticed() {
        assert!(
            parse("[profiles.p]\nsecret = \"s\"\n")
                .unwrap()
                .holds_secret()
        );
        assert!(
            !parse("[profiles.p]\nsecret_command = \"pass x\"\n")
                .unwrap()
                .holds_secret()
        );
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("ab\ncd", 4), (2, 2));
        assert_eq!(line_col("é\nx", 3), (2, 1));
        assert_eq!(line_col("", 5), (1, 1));
    }
}
