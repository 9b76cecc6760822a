//! Edits to the config file's text that keep its comments and layout (toml_edit).

use std::path::Path;

use toml_edit::{DocumentMut, Item, Table, value};

use super::error::ConfigError;
use super::fields::Field;

/// A value `config init` writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewValue {
    Str(String),
    Int(i64),
    Bool(bool),
}

fn parse(path: &Path, text: &str) -> Result<DocumentMut, ConfigError> {
    text.parse::<DocumentMut>().map_err(|e| {
        let (line, column) = e
            .span()
            .map_or((1, 1), |s| super::file::line_col(text, s.start));
        ConfigError::Syntax {
            path: path.to_owned(),
            line,
            column,
            message: e.message().trim().to_owned(),
        }
    })
}

/// Set `default_profile = "name"`, keeping it at the top of the file.
pub fn set_default_profile(path: &Path, text: &str, name: &str) -> Result<String, ConfigError> {
    let mut doc = parse(path, text)?;
    match doc.get_mut("default_profile").and_then(Item::as_value_mut) {
        Some(v) => {
            let decor = v.decor().clone();
            *v = name.into();
            *v.decor_mut() = decor;
        }
        None => doc["default_profile"] = value(name),
    }
    Ok(doc.to_string())
}

/// Add `[profiles.NAME]`, or replace it when `force` is given.
pub fn put_profile(
    path: &Path,
    text: &str,
    name: &str,
    values: &[(Field, NewValue)],
    force: bool,
) -> Result<String, ConfigError> {
    let mut doc = parse(path, text)?;
    let profiles = doc
        .entry("profiles")
        .or_insert_with(|| {
            let mut t = Table::new();
            t.set_implicit(true);
            Item::Table(t)
        })
        .as_table_mut()
        .ok_or_else(|| ConfigError::Shape {
            path: path.to_owned(),
            line: 1,
            message: "`profiles` must be a table of [profiles.NAME] tables".into(),
        })?;
    if profiles.contains_key(name) && !force {
        return Err(ConfigError::ProfileExists(name.to_owned()));
    }
    let mut table = Table::new();
    if !text.trim().is_empty() && !profiles.contains_key(name) {
        table.decor_mut().set_prefix("\n");
    }
    let mut values = values.to_vec();
    values.sort_by_key(|(field, _)| *field);
    for (field, v) in &values {
        table[field.key()] = match v {
            NewValue::Str(s) => value(s.as_str()),
            NewValue::Int(i) => value(*i),
            NewValue::Bool(b) => value(*b),
        };
    }
    profiles.insert(name, Item::Table(table));
    Ok(doc.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::file::ConfigFile;

    const P: &str = "/c/config.toml";

    #[test]
    fn adds_a_profile_and_keeps_comments() {
        let text = "# my profiles\ndefault_profile = \"a\"\n\n[profiles.a] # first\nkey = \"k\"\n";
        let out = put_profile(
            Path::new(P),
            text,
            "b",
            &[
                (Field::AppId, NewValue::Str("1".into())),
                (Field::Port, NewValue::Int(6001)),
                (Field::Tls, NewValue::Bool(false)),
            ],
            false,
        )
        .unwrap();
        assert!(out.starts_with("# my profiles\n"), "{out}");
        assert!(out.contains("[profiles.a] # first\n"), "{out}");
        assert!(
            out.contains("[profiles.b]\napp_id = \"1\"\nport = 6001\ntls = false\n"),
            "{out}"
        );
        let parsed = ConfigFile::parse(Path::new(P), &out).unwrap();
        assert_eq!(parsed.profile_names(), ["a", "b"]);
    }

    #[test]
    fn refuses_to_replace_without_force() {
        let text = "[profiles.a]\nkey = \"k\"\n";
        let new = [(Field::Key, NewValue::Str("n".into()))];
        assert!(matches!(
            put_profile(Path::new(P), text, "a", &new, false),
            Err(ConfigError::ProfileExists(_))
        ));
        let out = put_profile(Path::new(P), text, "a", &new, true).unwrap();
        assert_eq!(out, "[profiles.a]\nkey = \"n\"\n");
    }

    #[test]
    fn new_file() {
        let out = set_default_profile(Path::new(P), "", "prod").unwrap();
        let out = put_profile(
            Path::new(P),
            &out,
            "prod",
            &[
                (Field::Cluster, NewValue::Str("eu".into())),
                (Field::AppId, NewValue::Str("1".into())),
            ],
            false,
        )
        .unwrap();
        assert_eq!(
            out,
            "default_profile = \"prod\"\n\n[profiles.prod]\napp_id = \"1\"\ncluster = \"eu\"\n"
        );
        let parsed = ConfigFile::parse(Path::new(P), &out).unwrap();
        assert_eq!(parsed.default_profile.map(|d| d.0).as_deref(), Some("prod"));
        assert!(parsed.profiles.contains_key("prod"));
    }

    #[test]
    fn sets_default_profile_in_place() {
        let text = "default_profile = \"a\" # keep\n[profiles.a]\n[profiles.b]\n";
        let out = set_default_profile(Path::new(P), text, "b").unwrap();
        assert_eq!(
            out,
            "default_profile = \"b\" # keep\n[profiles.a]\n[profiles.b]\n"
        );
    }

    #[test]
    fn broken_files_are_not_rewritten() {
        assert!(matches!(
            set_default_profile(Path::new(P), "[profiles.a\n", "a"),
            Err(ConfigError::Syntax { line: 1, .. })
        ));
    }
}
