//! The event catalogue: which channels carry which events, an example payload for
//! each, and the rules a payload must follow. Pure: parsing, matching, checking and
//! filling placeholders; the time and random ids are given by the caller.

/// The platform's webhook fixture defaults, beside its catalogue.
pub mod webhook_fixtures;

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::time;

/// The platform's catalogue, built in so `rtctl trigger dashboard-updates system_notification`
/// sends a real payload with no setup.
pub const BUILTIN: &str = include_str!("../catalogs/toolboxai.toml");
pub const BUILTIN_NAME: &str = "built-in catalogue (catalogs/toolboxai.toml)";

/// Which catalogue a command uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// The platform's, built in.
    BuiltIn,
    /// `none`: no catalogue.
    Off,
    /// A TOML file.
    File(std::path::PathBuf),
}

/// The catalogue to use: `--catalog`, else the profile's `catalog` (a relative path in a
/// config file is relative to that file), else the built-in one; `none` turns it off.
pub fn choose(flag: Option<&str>, setting: Option<&crate::config::Value<String>>) -> Choice {
    match (flag, setting) {
        (Some("none"), _) => Choice::Off,
        (Some(f), _) => Choice::File(std::path::PathBuf::from(f)),
        (None, Some(v)) if v.val == "none" => Choice::Off,
        (None, Some(v)) => Choice::File(v.as_path()),
        (None, None) => Choice::BuiltIn,
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default, rename = "channel")]
    pub channels: Vec<Channel>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    /// A name, or a pattern with `{var}` parts: `private-user-{user_id}`.
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default, rename = "event")]
    pub events: Vec<EventSpec>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EventSpec {
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    /// Dotted paths that must be present and not null.
    #[serde(default)]
    pub required: Vec<String>,
    /// Dotted path → the values it may take.
    #[serde(default)]
    pub allowed: BTreeMap<String, Vec<Value>>,
    /// Dotted path → the JSON types it may have: string, number, integer, boolean, object, array, null.
    #[serde(default)]
    pub types: BTreeMap<String, Vec<String>>,
    /// An example payload, JSON text with `{{placeholders}}`.
    #[serde(default)]
    pub example: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogError {
    #[error("{0}")]
    Parse(String),
    #[error("channel `{channel}`, event `{event}`: {problem}")]
    Entry {
        channel: String,
        event: String,
        problem: String,
    },
}

/// A payload that breaks the catalogue's rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub path: String,
    pub problem: String,
}

/// Values for placeholders: the time now, a random id, and the channel's pattern variables.
#[derive(Debug, Clone, Default)]
pub struct Fill {
    pub now_unix: u64,
    pub random: String,
    pub vars: BTreeMap<String, String>,
}

const TYPES: [&str; 7] = [
    "string", "number", "integer", "boolean", "object", "array", "null",
];

impl Catalog {
    /// Parse and check a catalogue: every example must be JSON once filled, and follow its own rules.
    pub fn parse(text: &str) -> Result<Catalog, CatalogError> {
        // Line, column and the parser's words, never the line itself: a catalogue path
        // that names another file must not make rtctl print what that file holds.
        let catalog: Catalog = toml::from_str(text).map_err(|e| {
            let (line, column) =
                crate::config::file::line_col(text, e.span().map_or(0, |s| s.start));
            CatalogError::Parse(format!(
                "line {line}, column {column}: {}",
                e.message().trim()
            ))
        })?;
        for ch in &catalog.channels {
            for ev in &ch.events {
                let entry = |problem: String| CatalogError::Entry {
                    channel: ch.name.clone(),
                    event: ev.name.clone(),
                    problem,
                };
                for (path, types) in &ev.types {
                    if let Some(t) = types.iter().find(|t| !TYPES.contains(&t.as_str())) {
                        return Err(entry(format!("`{path}` has unknown type `{t}`")));
                    }
                }
                let vars = pattern_vars(&ch.name)
                    .into_iter()
                    .map(|v| (v.clone(), format!("<{v}>")))
                    .collect();
                let fill = Fill {
                    now_unix: 0,
                    random: "0".into(),
                    vars,
                };
                if ev.example.is_some() {
                    let example = ev.example_payload(&fill).map_err(entry)?;
                    if let Some(v) = ev.check(&example).first() {
                        return Err(entry(format!(
                            "its example breaks its rules: {}",
                            v.problem
                        )));
                    }
                }
            }
        }
        Ok(catalog)
    }

    /// The channel entry whose name or pattern matches, with the pattern's variables.
    pub fn channel(&self, name: &str) -> Option<(&Channel, BTreeMap<String, String>)> {
        let channel = self.entry(name)?;
        Some((channel, match_pattern(&channel.name, name)?))
    }

    /// The rules for event `event` on channel `channel`, when the catalogue has them:
    /// what `channel` finds, without its variables.
    pub fn event(&self, channel: &str, event: &str) -> Option<&EventSpec> {
        self.entry(channel)?.event(event)
    }

    /// The first channel entry whose name or pattern matches.
    fn entry(&self, name: &str) -> Option<&Channel> {
        self.channels
            .iter()
            .find(|c| matches(&c.name, name, &mut HashSet::new(), &mut |_, _| {}))
    }
}

impl Channel {
    pub fn event(&self, name: &str) -> Option<&EventSpec> {
        self.events.iter().find(|e| e.name == name)
    }
}

fn type_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn lookup<'a>(v: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(v, |v, key| v.get(key))
}

fn show(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

impl EventSpec {
    /// Every rule the payload breaks.
    pub fn check(&self, payload: &Value) -> Vec<Violation> {
        let mut out = Vec::new();
        if !payload.is_object() {
            out.push(Violation {
                path: String::new(),
                problem: format!(
                    "the payload must be a JSON object, not {}",
                    type_of(payload)
                ),
            });
            return out;
        }
        for path in &self.required {
            if lookup(payload, path).is_none_or(Value::is_null) {
                out.push(Violation {
                    path: path.clone(),
                    problem: format!("field `{path}` is required"),
                });
            }
        }
        for (path, allowed) in &self.allowed {
            if let Some(v) = lookup(payload, path)
                && !allowed.contains(v)
            {
                let list: Vec<String> = allowed.iter().map(show).collect();
                out.push(Violation {
                    path: path.clone(),
                    problem: format!(
                        "field `{path}` is `{}`; allowed: {}",
                        show(v),
                        list.join(", ")
                    ),
                });
            }
        }
        for (path, types) in &self.types {
            if let Some(v) = lookup(payload, path) {
                let t = type_of(v);
                let fits = types
                    .iter()
                    .any(|want| want == t || (want == "number" && t == "integer"));
                if !fits {
                    out.push(Violation {
                        path: path.clone(),
                        problem: format!("field `{path}` is {t}; expected {}", types.join(" or ")),
                    });
                }
            }
        }
        out
    }

    /// The example with its placeholders filled, parsed.
    pub fn example_payload(&self, fill: &Fill) -> Result<Value, String> {
        let text = self.example.as_deref().unwrap_or("{}");
        let filled = fill_placeholders(text, fill)?;
        serde_json::from_str(&filled).map_err(|e| format!("its example is not JSON: {e}"))
    }
}

/// `{var}` names in a channel pattern.
pub fn pattern_vars(pattern: &str) -> Vec<String> {
    let mut vars = Vec::new();
    let mut rest = pattern;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        vars.push(rest[start + 1..start + len].to_owned());
        rest = &rest[start + len + 1..];
    }
    vars
}

/// Match `name` against a pattern such as `presence-classroom-{class_id}`; each
/// variable takes one or more characters, the first the shortest value that lets the
/// rest match.
pub fn match_pattern(pattern: &str, name: &str) -> Option<BTreeMap<String, String>> {
    let mut vars = BTreeMap::new();
    matches(pattern, name, &mut HashSet::new(), &mut |var, value| {
        vars.insert(var.to_owned(), value.to_owned());
    })
    .then_some(vars)
}

/// Whether `name` matches `pattern`; on a match `found` is given each variable and its
/// value, the last variable first. `dead` holds the suffixes (by length) already found
/// not to match, so each is tried once: without it a pattern of many variables took
/// time exponential in their number (eight variables against 160 characters hung;
/// `fuzz/regressions/catalog/` keeps that input).
fn matches(
    pattern: &str,
    name: &str,
    dead: &mut HashSet<(usize, usize)>,
    found: &mut impl FnMut(&str, &str),
) -> bool {
    // The literal part before the first `{`, compared as it is found: most entries are
    // told apart in a byte or two (this runs for each entry, for each event sent).
    let (p, n) = (pattern.as_bytes(), name.as_bytes());
    let mut open = 0;
    while open < p.len() && p[open] != b'{' {
        if n.get(open) != Some(&p[open]) {
            return false;
        }
        open += 1;
    }
    if open == p.len() {
        return n.len() == p.len();
    }
    // `{` is ASCII, so `open` is a char boundary of both.
    let after = &pattern[open + 1..];
    let Some(close) = after.bytes().position(|b| b == b'}') else {
        return false;
    };
    if dead.contains(&(pattern.len(), name.len())) {
        return false;
    }
    let (var, rest_pattern) = (&after[..close], &after[close + 1..]);
    let rest_name = &name[open..];
    // Try the shortest value first that lets the rest match.
    for cut in rest_name.char_indices().map(|(i, c)| i + c.len_utf8()) {
        if matches(rest_pattern, &rest_name[cut..], dead, found) {
            found(var, &rest_name[..cut]);
            return true;
        }
    }
    dead.insert((pattern.len(), name.len()));
    false
}

/// The literal part of a catalogue pattern before its first `{var}` (for completion).
pub fn prefix_before_vars(pattern: &str) -> &str {
    pattern.split('{').next().unwrap_or(pattern)
}

/// Fill `{{now}}`, `{{now+1d}}` / `{{now-5m}}`, `{{unix}}`, `{{unix_ms}}`, `{{id}}` and
/// `{{VAR}}` for the channel pattern's variables.
pub fn fill_placeholders(text: &str, fill: &Fill) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after
            .find("}}")
            .ok_or_else(|| "a `{{` placeholder is not closed".to_owned())?;
        let name = after[..end].trim();
        let now = i64::try_from(fill.now_unix).unwrap_or(i64::MAX);
        let date = |unix: i64| {
            time::rfc3339_seconds(unix).ok_or_else(|| {
                format!("`{{{{{name}}}}}` gives a date outside the years -9999 to 9999; write e.g. now+1d")
            })
        };
        let value = match name {
            "now" => date(now)?,
            "unix" => fill.now_unix.to_string(),
            "unix_ms" => fill.now_unix.saturating_mul(1000).to_string(),
            "id" => fill.random.clone(),
            _ if name.starts_with("now+") || name.starts_with("now-") => {
                let offset = humantime::parse_duration(&name[4..]).map_err(|_| {
                    format!("`{{{{{name}}}}}` has a bad offset; write e.g. now+1d or now-5m")
                })?;
                let secs = i64::try_from(offset.as_secs()).unwrap_or(i64::MAX);
                date(if name.as_bytes()[3] == b'+' {
                    now.saturating_add(secs)
                } else {
                    now.saturating_sub(secs)
                })?
            }
            _ => fill
                .vars
                .get(name)
                .cloned()
                .ok_or_else(|| format!("unknown placeholder `{{{{{name}}}}}`"))?,
        };
        out.push_str(&value);
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const SMALL: &str = r#"
title = "test"

[[channel]]
name = "dashboard-updates"

[[channel.event]]
name = "system_notification"
required = ["type", "message"]
allowed = { type = ["info", "success", "warning", "error"] }
types = { message = ["string"], "meta.count" = ["integer", "null"] }
example = '{"type": "info", "message": "hi", "timestamp": "{{now}}", "expires_at": "{{now+1d}}"}'

[[channel]]
name = "private-user-{user_id}"

[[channel.event]]
name = "personal_notification"
example = '{"user_id": "{{user_id}}", "id": "notif_{{id}}"}'
"#;

    fn fill() -> Fill {
        Fill {
            now_unix: 1_704_110_400,
            random: "abc123".into(),
            vars: BTreeMap::new(),
        }
    }

    #[test]
    fn the_flag_then_the_profile_then_the_built_in_catalogue() {
        use crate::config::{Source, Value};
        use std::path::PathBuf;
        let from_file = Value {
            val: "cat.toml".to_owned(),
            source: Source::File {
                path: PathBuf::from("/etc/rtctl/config.toml"),
                profile: "p".to_owned(),
                line: 3,
            },
        };
        assert_eq!(choose(None, None), Choice::BuiltIn);
        assert_eq!(
            choose(None, Some(&from_file)),
            Choice::File(PathBuf::from("/etc/rtctl/cat.toml"))
        );
        assert_eq!(
            choose(Some("mine.toml"), Some(&from_file)),
            Choice::File(PathBuf::from("mine.toml"))
        );
        assert_eq!(choose(Some("none"), Some(&from_file)), Choice::Off);
        let from_env = Value {
            val: "cat.toml".to_owned(),
            source: Source::Env {
                var: "RTCTL_CATALOG".to_owned(),
            },
        };
        assert_eq!(
            choose(None, Some(&from_env)),
            Choice::File(PathBuf::from("cat.toml"))
        );
    }

    #[test]
    fn patterns_of_many_variables_match_in_polynomial_time() {
        // Eight variables against 160 characters once took longer than the age of
        // the universe; each suffix is now tried once.
        let pattern = "{a}{b}{c}{d}{e}{f}{g}{h}x";
        assert!(match_pattern(pattern, &"a".repeat(160)).is_none());
        let m = match_pattern(pattern, &format!("{}x", "a".repeat(160))).unwrap();
        assert_eq!((m["a"].as_str(), m["h"].len()), ("a", 153));
        let m = match_pattern("p-{a}-{b}", "p-1-2-3").unwrap();
        assert_eq!((m["a"].as_str(), m["b"].as_str()), ("1", "2-3"));
    }

    #[test]
    fn parses_and_matches() {
        let c = Catalog::parse(SMALL).unwrap();
        let (ch, vars) = c.channel("dashboard-updates").unwrap();
        assert!(vars.is_empty());
        assert!(ch.event("system_notification").is_some());
        let (ch, vars) = c.channel("private-user-12345").unwrap();
        assert_eq!(ch.name, "private-user-{user_id}");
        assert_eq!(vars["user_id"], "12345");
        assert!(c.channel("private-user-").is_none());
        assert!(c.channel("other").is_none());
        // The same entry, without its variables.
        let spec = c
            .event("private-user-12345", "personal_notification")
            .unwrap();
        assert!(std::ptr::eq(
            spec,
            ch.event("personal_notification").unwrap()
        ));
        assert!(c.event("private-user-12345", "other").is_none());
        assert!(c.event("private-user-", "personal_notification").is_none());
    }

    #[test]
    fn patterns() {
        let m = match_pattern("presence-{a}-x-{b}", "presence-1-2-x-y").unwrap();
        assert_eq!((m["a"].as_str(), m["b"].as_str()), ("1-2", "y"));
        assert!(match_pattern("a-{x}", "a-").is_none());
        assert!(match_pattern("a", "ab").is_none());
        assert!(match_pattern("a-{x", "a-1").is_none());
        assert!(match_pattern("é-{x}", "é-1").is_some());
        assert!(match_pattern("é-{x}", "è-1").is_none());
        assert_eq!(match_pattern("{x}é", "ééé").unwrap()["x"], "éé");
        // A variable named twice keeps its first value.
        assert_eq!(match_pattern("{a}-{a}", "1-2").unwrap()["a"], "1");
        assert_eq!(pattern_vars("private-class-{class_id}"), ["class_id"]);
        assert_eq!(
            prefix_before_vars("private-class-{class_id}"),
            "private-class-"
        );
    }

    #[test]
    fn examples_are_filled() {
        let c = Catalog::parse(SMALL).unwrap();
        let (ch, vars) = c.channel("dashboard-updates").unwrap();
        let mut f = fill();
        f.vars = vars;
        let p = ch
            .event("system_notification")
            .unwrap()
            .example_payload(&f)
            .unwrap();
        assert_eq!(p["timestamp"], "2024-01-01T12:00:00Z");
        assert_eq!(p["expires_at"], "2024-01-02T12:00:00Z");
        let (ch, vars) = c.channel("private-user-42").unwrap();
        f.vars = vars;
        let p = ch
            .event("personal_notification")
            .unwrap()
            .example_payload(&f)
            .unwrap();
        assert_eq!(p, json!({"user_id": "42", "id": "notif_abc123"}));
    }

    #[test]
    fn checks_name_the_field_and_the_allowed_values() {
        let c = Catalog::parse(SMALL).unwrap();
        let spec = c
            .channel("dashboard-updates")
            .unwrap()
            .0
            .event("system_notification")
            .unwrap();
        assert!(
            spec.check(&json!({"type": "info", "message": "m"}))
                .is_empty()
        );
        let v = spec.check(&json!({"type": "urgent", "message": 3, "meta": {"count": 1.5}}));
        let problems: Vec<&str> = v.iter().map(|v| v.problem.as_str()).collect();
        assert_eq!(
            problems,
            [
                "field `type` is `urgent`; allowed: info, success, warning, error",
                "field `message` is integer; expected string",
                "field `meta.count` is number; expected integer or null",
            ]
        );
        let v = spec.check(&json!({"type": "info"}));
        assert_eq!(v[0].problem, "field `message` is required");
        assert_eq!(
            spec.check(&json!("text"))[0].problem,
            "the payload must be a JSON object, not string"
        );
    }

    #[test]
    fn bad_catalogues_are_refused() {
        assert!(matches!(
            Catalog::parse("[[channel]]\nnam = 1\n"),
            Err(CatalogError::Parse(_))
        ));
        let bad_example =
            "[[channel]]\nname = \"c\"\n[[channel.event]]\nname = \"e\"\nexample = '{nope'\n";
        assert!(matches!(
            Catalog::parse(bad_example),
            Err(CatalogError::Entry { .. })
        ));
        let unknown = "[[channel]]\nname = \"c\"\n[[channel.event]]\nname = \"e\"\nexample = '{\"a\": \"{{later}}\"}'\n";
        let err = Catalog::parse(unknown).unwrap_err().to_string();
        assert!(err.contains("unknown placeholder `{{later}}`"), "{err}");
        let breaks = "[[channel]]\nname = \"c\"\n[[channel.event]]\nname = \"e\"\nrequired = [\"x\"]\nexample = '{}'\n";
        assert!(
            Catalog::parse(breaks)
                .unwrap_err()
                .to_string()
                .contains("breaks its rules")
        );
    }

    #[test]
    fn the_builtin_catalogue_is_valid() {
        let c = Catalog::parse(BUILTIN).unwrap();
        for name in [
            "dashboard-updates",
            "content-generation",
            "agent-status",
            "private-user-1",
            "private-class-7",
            "presence-classroom-101",
            "presence-lesson-3",
        ] {
            assert!(c.channel(name).is_some(), "{name}");
        }
    }
}
