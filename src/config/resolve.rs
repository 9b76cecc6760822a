//! Resolution: from the file, the environment, a `.env` file and flags to one
//! profile's settings, each with its source. Pure: the loader gathers the inputs.
//!
//! Precedence, highest first: flags, `RTCTL_*`, the platform's `PUSHER_*`, a `.env`
//! file (its `RTCTL_*`, then its `PUSHER_*`), the chosen profile, built-in defaults.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use super::error::ConfigError;
use super::fields::{Field, Kind};
use super::file::{ConfigFile, FileValue};
use super::value::{Secret, Source, Value};
use crate::pusher::names::shown;

/// The built-in profile that works against a local server with no config at all.
pub const LOCAL_PROFILE: &str = "local";
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

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

/// Whether a field's value is never shown.
fn is_secret(field: Field) -> bool {
    matches!(field.kind(), Kind::Secret | Kind::Headers)
}

/// Whether an environment variable holds a secret.
pub(super) fn is_secret_var(var: &str) -> bool {
    Field::ALL
        .iter()
        .any(|&f| is_secret(f) && (var == f.env() || f.pusher_env() == Some(var)))
}

impl fmt::Debug for CliValues {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let values: Vec<(Field, &str, &str)> = self
            .values
            .iter()
            .map(|(field, v, flag)| {
                let shown = if is_secret(*field) {
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

/// A value checked against its field's kind.
#[derive(Debug, Clone, PartialEq)]
enum Typed {
    Text(String),
    Secret(Secret),
    Bool(bool),
    Port(u16),
    Duration(Duration),
    Count(u32),
    Headers(Vec<(String, Secret)>),
}

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
    pub auth_endpoint: Option<Value<String>>,
    /// Header names and their values; a value may be a token, so it is a `Secret`.
    pub auth_headers: Option<Value<Vec<(String, Secret)>>>,
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
    pub max_payload_kb: Value<u32>,
    /// Things worth telling the user that do not stop the command.
    pub warnings: Vec<String>,
}

impl Resolved {
    fn missing(&self, field: Field) -> ConfigError {
        ConfigError::Missing {
            field,
            profile: self.profile.val.clone(),
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

/// Layers, highest precedence first.
const CLI: usize = 0;
const ENV: usize = 1;
const PUSHER_ENV: usize = 2;
const DOTENV: usize = 3;
const DOTENV_PUSHER: usize = 4;
const FILE: usize = 5;
const DEFAULTS: usize = 6;

#[derive(Clone)]
enum Raw {
    Text(String),
    File(FileValue),
}

#[derive(Clone)]
struct Entry {
    raw: Raw,
    source: Source,
}

type Layer = BTreeMap<Field, Entry>;

/// Pick the profile: `--profile`, then `RTCTL_PROFILE`, then `default_profile`, then `local`.
pub fn select_profile(inputs: &Inputs) -> Result<Value<String>, ConfigError> {
    let file = inputs.file.as_ref();
    let chosen = if let Some(p) = &inputs.cli.profile {
        Value::new(
            p.clone(),
            Source::Cli {
                flag: "--profile".into(),
            },
        )
    } else if let Some(p) = inputs.env.get("RTCTL_PROFILE").filter(|p| !p.is_empty()) {
        Value::new(
            p.clone(),
            Source::Env {
                var: "RTCTL_PROFILE".into(),
            },
        )
    } else if let Some((p, line)) = file.and_then(|f| f.default_profile.as_ref()) {
        let path = file.map(|f| f.path.clone()).unwrap_or_default();
        Value::new(p.clone(), Source::FileDefault { path, line: *line })
    } else {
        Value::new(LOCAL_PROFILE.to_owned(), Source::Default)
    };
    let known = file.is_some_and(|f| f.profiles.contains_key(&chosen.val));
    if !known && chosen.val != LOCAL_PROFILE {
        return Err(ConfigError::UnknownProfile {
            name: chosen.val,
            origin: chosen.source,
            available: file.map(ConfigFile::profile_names).unwrap_or_default(),
        });
    }
    Ok(chosen)
}

fn env_layer(
    vars: &BTreeMap<String, String>,
    pusher: bool,
    source: impl Fn(&str) -> Source,
) -> Layer {
    let mut layer = Layer::new();
    for &field in Field::ALL {
        let name = if pusher {
            match field.pusher_env() {
                Some(p) => p.to_owned(),
                None => continue,
            }
        } else {
            field.env()
        };
        if let Some(v) = vars.get(&name).filter(|v| !v.is_empty()) {
            layer.insert(
                field,
                Entry {
                    raw: Raw::Text(v.clone()),
                    source: source(&name),
                },
            );
        }
    }
    layer
}

fn defaults_layer(profile: &str) -> Layer {
    let mut layer = Layer::new();
    let mut put = |field: Field, v: &str, source: Source| {
        layer.insert(
            field,
            Entry {
                raw: Raw::Text(v.to_owned()),
                source,
            },
        );
    };
    put(Field::Timeout, "10s", Source::Default);
    if profile == LOCAL_PROFILE {
        for (field, v) in [
            (Field::AppId, "app-id"),
            (Field::Key, "app-key"),
            (Field::Secret, "app-secret"),
            (Field::Host, "127.0.0.1"),
            (Field::Port, "6001"),
            (Field::Tls, "false"),
        ] {
            put(field, v, Source::BuiltinLocal);
        }
    }
    layer
}

fn build_layers(inputs: &Inputs, profile: &str) -> Vec<Layer> {
    let mut layers = vec![Layer::new(); DEFAULTS + 1];
    for (field, v, flag) in &inputs.cli.values {
        layers[CLI].insert(
            *field,
            Entry {
                raw: Raw::Text(v.clone()),
                source: Source::Cli { flag: flag.clone() },
            },
        );
    }
    let env = |var: &str| Source::Env {
        var: var.to_owned(),
    };
    layers[ENV] = env_layer(&inputs.env, false, env);
    layers[PUSHER_ENV] = env_layer(&inputs.env, true, env);
    if let Some((path, vars)) = &inputs.dotenv {
        let dot = |var: &str| Source::DotEnv {
            path: path.clone(),
            var: var.to_owned(),
        };
        layers[DOTENV] = env_layer(vars, false, dot);
        layers[DOTENV_PUSHER] = env_layer(vars, true, dot);
    }
    if let Some(file) = &inputs.file
        && let Some(p) = file.profiles.get(profile)
    {
        for (field, (v, line)) in &p.values {
            layers[FILE].insert(
                *field,
                Entry {
                    raw: Raw::File(v.clone()),
                    source: Source::File {
                        path: file.path.clone(),
                        profile: profile.to_owned(),
                        line: *line,
                    },
                },
            );
        }
    }
    layers[DEFAULTS] = defaults_layer(profile);
    layers
}

fn parse_bool(s: &str) -> Option<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "on" => Some(true),
        "false" | "0" | "no" | "off" => Some(false),
        _ => None,
    }
}

fn parse_port(s: &str) -> Option<u16> {
    s.trim().parse().ok().filter(|p| *p != 0)
}

fn is_header_name(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// A header as given: where it is (`line 2`, `entry 1`), its name and its value.
type RawHeader = (String, String, String);

/// `Name: value` lines.
fn parse_header_lines(s: &str) -> Result<Vec<RawHeader>, String> {
    s.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, line)| {
            let at = format!("line {}", i + 1);
            let (name, value) = line
                .split_once(':')
                .ok_or_else(|| format!("{at} is not of the form `Name: value`"))?;
            Ok((at, name.trim().to_owned(), value.trim().to_owned()))
        })
        .collect()
}

/// A bad header is named by where it is, never echoed: a name that is not a header
/// name is often the start of a token typed in the wrong place.
fn check_headers(headers: Vec<RawHeader>) -> Result<Vec<(String, Secret)>, String> {
    headers
        .into_iter()
        .map(|(at, name, value)| {
            if !is_header_name(&name) {
                return Err(format!(
                    "{at}: the name is not a header name, which has letters, digits and `-` but no spaces (it is not shown: it may hold a token)"
                ));
            }
            if value.contains(['\r', '\n']) {
                return Err(format!("{at}: the value of header `{name}` spans lines"));
            }
            Ok((name, Secret::new(value)))
        })
        .collect()
}

fn typed(field: Field, raw: &Raw) -> Result<Typed, String> {
    let expected =
        |what: &str, got: &FileValue| format!("expected {what}, found {}", got.type_name());
    let text = |raw: &Raw| -> Result<String, String> {
        match raw {
            Raw::Text(s) | Raw::File(FileValue::Str(s)) => Ok(s.clone()),
            Raw::File(FileValue::Int(i)) => Ok(i.to_string()),
            Raw::File(other) => Err(expected("a string", other)),
        }
    };
    let nonempty = |s: String| {
        if s.trim().is_empty() {
            Err("it is empty".to_owned())
        } else {
            Ok(s)
        }
    };
    match field.kind() {
        Kind::Text => Ok(Typed::Text(nonempty(text(raw)?)?)),
        Kind::Secret => Ok(Typed::Secret(Secret::new(nonempty(text(raw)?)?))),
        Kind::Bool => match raw {
            Raw::File(FileValue::Bool(b)) => Ok(Typed::Bool(*b)),
            Raw::Text(s) | Raw::File(FileValue::Str(s)) => parse_bool(s)
                .map(Typed::Bool)
                .ok_or_else(|| format!("`{}` is not true or false", shown(s))),
            Raw::File(other) => Err(expected("true or false", other)),
        },
        Kind::Port => match raw {
            Raw::File(FileValue::Int(i)) => u16::try_from(*i)
                .ok()
                .filter(|p| *p != 0)
                .map(Typed::Port)
                .ok_or_else(|| format!("{i} is not a port number")),
            Raw::Text(s) | Raw::File(FileValue::Str(s)) => parse_port(s)
                .map(Typed::Port)
                .ok_or_else(|| format!("`{}` is not a port number", shown(s))),
            Raw::File(other) => Err(expected("a port number", other)),
        },
        Kind::Duration => {
            let s = match raw {
                Raw::File(FileValue::Int(i)) => i.to_string(),
                Raw::File(FileValue::Float(f)) => f.to_string(),
                Raw::Text(s) | Raw::File(FileValue::Str(s)) => s.clone(),
                Raw::File(other) => return Err(expected("a duration", other)),
            };
            crate::values::duration(&s)
                .map(Typed::Duration)
                .map_err(|e| e.to_string())
        }
        Kind::Count => {
            let s = match raw {
                Raw::File(FileValue::Int(i)) => i.to_string(),
                Raw::Text(s) | Raw::File(FileValue::Str(s)) => s.clone(),
                Raw::File(other) => return Err(expected("a whole number", other)),
            };
            s.trim()
                .parse::<u32>()
                .ok()
                .filter(|n| *n > 0)
                .map(Typed::Count)
                .ok_or_else(|| format!("`{}` is not a whole number greater than 0", shown(&s)))
        }
        Kind::Headers => {
            let headers = match raw {
                Raw::Text(s) => parse_header_lines(s)?,
                Raw::File(FileValue::Table(entries)) => entries
                    .iter()
                    .enumerate()
                    .map(|(i, (k, v))| {
                        let at = format!("entry {}", i + 1);
                        match v {
                            FileValue::Str(s) => Ok((at, k.clone(), s.clone())),
                            other => Err(format!("{at}: {}", expected("a string", other))),
                        }
                    })
                    .collect::<Result<_, _>>()?,
                Raw::File(other) => return Err(expected("a table of strings", other)),
            };
            Ok(Typed::Headers(check_headers(headers)?))
        }
    }
}

/// The winning value of each field, with the layer it came from.
struct Winners(BTreeMap<Field, (Value<Typed>, usize)>);

impl Winners {
    fn get(&self, f: Field) -> Option<&(Value<Typed>, usize)> {
        self.0.get(&f)
    }

    fn rank(&self, f: Field) -> usize {
        self.get(f).map_or(usize::MAX, |(_, r)| *r)
    }

    /// The winning value of `f`, when it is of the shape `pick` takes.
    fn pick<T>(&self, f: Field, pick: impl Fn(&Typed) -> Option<T>) -> Option<Value<T>> {
        let (v, _) = self.get(f)?;
        pick(&v.val).map(|val| Value::new(val, v.source.clone()))
    }

    fn text(&self, f: Field) -> Option<Value<String>> {
        self.pick(f, |t| match t {
            Typed::Text(s) => Some(s.clone()),
            _ => None,
        })
    }

    fn secret(&self, f: Field) -> Option<Value<Secret>> {
        self.pick(f, |t| match t {
            Typed::Secret(s) => Some(s.clone()),
            _ => None,
        })
    }

    fn bool(&self, f: Field) -> Option<Value<bool>> {
        self.pick(f, |t| match t {
            Typed::Bool(b) => Some(*b),
            _ => None,
        })
    }

    fn port(&self, f: Field) -> Option<Value<u16>> {
        self.pick(f, |t| match t {
            Typed::Port(p) => Some(*p),
            _ => None,
        })
    }

    fn duration(&self, f: Field) -> Option<Value<Duration>> {
        self.pick(f, |t| match t {
            Typed::Duration(d) => Some(*d),
            _ => None,
        })
    }

    fn count(&self, f: Field) -> Option<Value<u32>> {
        self.pick(f, |t| match t {
            Typed::Count(n) => Some(*n),
            _ => None,
        })
    }

    fn headers(&self, f: Field) -> Option<Value<Vec<(String, Secret)>>> {
        self.pick(f, |t| match t {
            Typed::Headers(h) => Some(h.clone()),
            _ => None,
        })
    }
}

fn winners(layers: &[Layer]) -> Result<Winners, ConfigError> {
    let mut out = BTreeMap::new();
    for &field in Field::ALL {
        if let Some((rank, entry)) = layers
            .iter()
            .enumerate()
            .find_map(|(i, l)| l.get(&field).map(|e| (i, e)))
        {
            let val = typed(field, &entry.raw).map_err(|reason| ConfigError::Invalid {
                field,
                origin: entry.source.clone(),
                reason,
            })?;
            out.insert(field, (Value::new(val, entry.source.clone()), rank));
        }
    }
    Ok(Winners(out))
}

fn valid_cluster(c: &str) -> bool {
    c.bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// REST and WebSocket endpoints. `host` beats `cluster` when set at the same or a
/// higher level; when `cluster` wins, lower-level `port` and `tls` (say, the built-in
/// local profile's) give way to the cluster's own 443 and TLS.
/// A host is a name or an address, never a URL: say so rather than fail to connect.
fn check_host(field: Field, v: &Value<String>) -> Result<(), ConfigError> {
    let h = &v.val;
    let problem = if h.contains("://") {
        Some("it is a URL; give the host name alone, and `tls = true` for https/wss")
    } else if h.contains(['/', '?', '#', ' ', '@']) || h.chars().any(char::is_control) {
        Some("a host name has no path, spaces or `@`")
    } else {
        None
    };
    match problem {
        Some(p) => Err(ConfigError::Invalid {
            field,
            origin: v.source.clone(),
            reason: format!("`{}`: {p}", shown(h)),
        }),
        None => Ok(()),
    }
}

/// REST and WebSocket endpoints. `host` beats `cluster` when set at the same or a
/// higher level; when `cluster` wins, lower-level `port`, `tls`, `ws_host` and
/// `ws_port` (say, the built-in local profile's) give way to the cluster's own.
/// A cluster that displaces a host someone set is reported in `warnings`.
fn endpoints(
    w: &Winners,
    warnings: &mut Vec<String>,
) -> Result<(Option<Endpoint>, Option<Endpoint>), ConfigError> {
    let cluster = w.text(Field::Cluster);
    if let Some(c) = &cluster
        && !valid_cluster(&c.val)
    {
        return Err(ConfigError::Invalid {
            field: Field::Cluster,
            origin: c.source.clone(),
            reason: format!("`{}` is not a cluster name", shown(&c.val)),
        });
    }
    for f in [Field::Host, Field::WsHost] {
        if let Some(h) = w.text(f) {
            check_host(f, &h)?;
        }
    }
    let host = w.text(Field::Host);
    let cluster_wins = cluster.is_some() && w.rank(Field::Cluster) < w.rank(Field::Host);
    let (rest_host, ws_default_host, base_rank) = match (&cluster, host) {
        (Some(c), host) if cluster_wins => {
            if let Some(h) =
                host.filter(|h| !matches!(h.source, Source::Default | Source::BuiltinLocal))
            {
                warnings.push(format!(
                    "cluster `{}` ({}) overrides host `{}` ({}): requests go to Pusher; pass --host, or unset the cluster, to use the host",
                    c.val, c.source, h.val, h.source
                ));
            }
            (
                Value::new(format!("api-{}.pusher.com", c.val), c.source.clone()),
                Some(Value::new(
                    format!("ws-{}.pusher.com", c.val),
                    c.source.clone(),
                )),
                w.rank(Field::Cluster),
            )
        }
        (_, Some(h)) => (h, None, usize::MAX),
        _ => return Ok((None, None)),
    };
    let keep = |f: Field| w.rank(f) <= base_rank;
    let tls = w
        .bool(Field::Tls)
        .filter(|_| keep(Field::Tls))
        .unwrap_or_else(|| Value::new(true, rest_host.source.clone()));
    let default_port = Value::new(if tls.val { 443 } else { 80 }, tls.source.clone());
    let port = w
        .port(Field::Port)
        .filter(|_| keep(Field::Port))
        .unwrap_or(default_port);
    let rest = Endpoint {
        host: rest_host.clone(),
        port: port.clone(),
        tls: tls.clone(),
    };
    let ws = Endpoint {
        host: w
            .text(Field::WsHost)
            .filter(|_| keep(Field::WsHost))
            .or(ws_default_host)
            .unwrap_or(rest_host),
        port: w
            .port(Field::WsPort)
            .filter(|_| keep(Field::WsPort))
            .unwrap_or(port),
        tls,
    };
    Ok((Some(rest), Some(ws)))
}

/// The highest of `secret`, `secret_env` and `secret_command`; two at one level is an error.
fn secret_spec(w: &Winners) -> Result<Option<SecretSpec>, ConfigError> {
    let ways = [Field::Secret, Field::SecretEnv, Field::SecretCommand];
    let Some(best) = ways
        .iter()
        .map(|&f| w.rank(f))
        .min()
        .filter(|r| *r != usize::MAX)
    else {
        return Ok(None);
    };
    let at_best: Vec<Field> = ways.into_iter().filter(|&f| w.rank(f) == best).collect();
    if at_best.len() > 1 {
        let origin = w
            .get(at_best[0])
            .map(|(v, _)| v.source.clone())
            .unwrap_or(Source::Default);
        let fields = at_best
            .iter()
            .map(|f| format!("`{f}`"))
            .collect::<Vec<_>>()
            .join(", ");
        return Err(ConfigError::SecretConflict { origin, fields });
    }
    Ok(match at_best[0] {
        Field::Secret => w.secret(Field::Secret).map(SecretSpec::Given),
        Field::SecretEnv => w.text(Field::SecretEnv).map(|v| SecretSpec::Env {
            var: v.val,
            source: v.source,
        }),
        _ => w.text(Field::SecretCommand).map(|v| SecretSpec::Command {
            command: v.val,
            source: v.source,
        }),
    })
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

fn refuse_from_dotenv(layers: &[Layer], profile: &str) -> Result<(), ConfigError> {
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

fn routes(w: &Winners) -> Result<Vec<Route>, ConfigError> {
    let mut out = Vec::new();
    if let Some(spec) = secret_spec(w)? {
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
        if let Some((v, _)) = w.get(credential) {
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
fn set_aside_untrusted(
    layers: &mut [Layer],
    w: &Winners,
    warnings: &mut Vec<String>,
) -> Result<(), ConfigError> {
    let trusted = w.bool(Field::TrustEnvFile).is_some_and(|v| v.val);
    for Route {
        fields,
        what,
        origin,
    } in routes(w)?
    {
        // The fields of this destination a `.env` gave, with the file and variable.
        let named: Vec<(Field, &PathBuf, &String)> = fields
            .iter()
            .filter_map(|&f| match w.get(f) {
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

/// Whether a `.env` file should be read, decided without one (flags, environment, profile).
pub fn wants_dotenv(inputs: &Inputs, profile: &str) -> Result<bool, ConfigError> {
    let mut layers = build_layers(inputs, profile);
    layers[DOTENV].clear();
    layers[DOTENV_PUSHER].clear();
    let w = winners(&layers)?;
    Ok(w.bool(Field::EnvFile).is_some_and(|v| v.val))
}

/// Resolve the chosen profile.
pub fn resolve(inputs: &Inputs, profile: Value<String>) -> Result<Resolved, ConfigError> {
    let mut layers = build_layers(inputs, &profile.val);
    refuse_from_dotenv(&layers, &profile.val)?;
    let mut warnings = inputs
        .file
        .as_ref()
        .map(|f| f.warnings.clone())
        .unwrap_or_default();
    let before = winners(&layers)?;
    set_aside_untrusted(&mut layers, &before, &mut warnings)?;
    let w = winners(&layers)?;
    let (rest, ws) = endpoints(&w, &mut warnings)?;
    let explicit = matches!(profile.source, Source::Cli { .. } | Source::Env { .. });
    if explicit {
        for &field in Field::ALL {
            let r = w.rank(field);
            if matches!(r, PUSHER_ENV | DOTENV_PUSHER)
                && layers[FILE].contains_key(&field)
                && let Some((v, _)) = w.get(field)
            {
                warnings.push(format!(
                    "{} overrides `{field}` of profile `{}`",
                    v.source, profile.val
                ));
            }
        }
    }
    Ok(Resolved {
        file: inputs.file.as_ref().map(|f| f.path.clone()),
        app_id: w.text(Field::AppId),
        key: w.text(Field::Key),
        secret: secret_spec(&w)?,
        cluster: w.text(Field::Cluster),
        rest,
        ws,
        auth_endpoint: w.text(Field::AuthEndpoint),
        auth_headers: w.headers(Field::AuthHeaders),
        backend_url: w.text(Field::BackendUrl),
        backend_token: w.secret(Field::BackendToken),
        webhook_url: w.text(Field::WebhookUrl),
        encryption_master_key: w.secret(Field::EncryptionMasterKey),
        timeout: w
            .duration(Field::Timeout)
            .unwrap_or_else(|| Value::new(DEFAULT_TIMEOUT, Source::Default)),
        env_file: w.bool(Field::EnvFile),
        trust_env_file: w.bool(Field::TrustEnvFile),
        catalog: w.text(Field::Catalog),
        max_payload_kb: w.count(Field::MaxPayloadKb).unwrap_or_else(|| {
            Value::new(
                crate::pusher::event::DEFAULT_MAX_PAYLOAD_KB as u32,
                Source::Default,
            )
        }),
        warnings,
        profile,
    })
}

#[cfg(test)]
mod tests {
    //! Precedence, table by table.
    use std::path::Path;

    use super::*;

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

    fn file() -> ConfigFile {
        ConfigFile::parse(Path::new("/c/config.toml"), FILE_TEXT).unwrap()
    }

    fn env(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).into(), (*v).into()))
            .collect()
    }

    fn inputs(
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

    fn run(i: &Inputs) -> Result<Resolved, ConfigError> {
        resolve(i, select_profile(i)?)
    }

    fn src(var: &str) -> Source {
        Source::Env { var: var.into() }
    }

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

    #[test]
    fn profile_selection_order() {
        let mut i = inputs(Some(file()), &[], &[]);
        assert_eq!(select_profile(&i).unwrap().val, "prod");
        i.env = env(&[("RTCTL_PROFILE", "self")]);
        assert_eq!(select_profile(&i).unwrap().val, "self");
        i.cli.profile = Some("both".into());
        let p = select_profile(&i).unwrap();
        assert_eq!(p.val, "both");
        assert_eq!(
            p.source,
            Source::Cli {
                flag: "--profile".into()
            }
        );
        // No file: the built-in local profile.
        let none = inputs(None, &[], &[]);
        assert_eq!(
            select_profile(&none).unwrap(),
            Value::new("local".into(), Source::Default)
        );
        // An empty RTCTL_PROFILE counts as unset.
        let empty = inputs(Some(file()), &[("RTCTL_PROFILE", "")], &[]);
        assert_eq!(select_profile(&empty).unwrap().val, "prod");
    }

    #[test]
    fn unknown_profile_lists_the_ones_there_are() {
        let mut i = inputs(Some(file()), &[], &[]);
        i.cli.profile = Some("staging".into());
        let Err(ConfigError::UnknownProfile {
            name, available, ..
        }) = select_profile(&i)
        else {
            panic!()
        };
        assert_eq!(name, "staging");
        assert_eq!(available, ["both", "prod", "self"]);
        // `local` always exists.
        i.cli.profile = Some("local".into());
        assert!(select_profile(&i).is_ok());
    }

    #[test]
    fn builtin_local_profile() {
        let r = run(&inputs(None, &[], &[])).unwrap();
        let rest = r.rest.unwrap();
        assert_eq!(rest.http_base(), "http://127.0.0.1:6001");
        assert_eq!(rest.host.source, Source::BuiltinLocal);
        assert_eq!(r.ws.unwrap().ws_base(), "ws://127.0.0.1:6001");
        assert_eq!(r.app_id.unwrap().val, "app-id");
        assert_eq!(r.key.unwrap().val, "app-key");
        let Some(SecretSpec::Given(s)) = r.secret else {
            panic!()
        };
        assert_eq!(s.val.expose(), "app-secret");
        assert_eq!(r.timeout, Value::new(DEFAULT_TIMEOUT, Source::Default));
    }

    #[test]
    fn cluster_means_pusher_hosts_with_tls() {
        let r = run(&inputs(Some(file()), &[], &[])).unwrap();
        assert_eq!(
            r.rest.as_ref().unwrap().http_base(),
            "https://api-eu.pusher.com:443"
        );
        assert_eq!(
            r.ws.as_ref().unwrap().ws_base(),
            "wss://ws-eu.pusher.com:443"
        );
        assert_eq!(r.app_id.unwrap().val, "12345");
    }

    #[test]
    fn host_port_tls_and_ws_overrides() {
        let mut i = inputs(Some(file()), &[], &[]);
        i.cli.profile = Some("self".into());
        let r = run(&i).unwrap();
        assert_eq!(r.rest.unwrap().http_base(), "http://rt.example.com:6001");
        assert_eq!(r.ws.unwrap().ws_base(), "ws://ws.example.com:443");
        assert!(
            matches!(r.secret, Some(SecretSpec::Command { ref command, .. }) if command == "pass show x")
        );
    }

    #[test]
    fn field_precedence_table() {
        // (env, cli, expected key, expected source)
        let cli_src = Source::Cli {
            flag: "--key".into(),
        };
        type Case<'a> = (
            Vec<(&'a str, &'a str)>,
            Vec<(Field, &'a str, &'a str)>,
            &'a str,
            Source,
        );
        let cases: Vec<Case> = vec![
            (
                vec![],
                vec![],
                "prod-key",
                Source::File {
                    path: "/c/config.toml".into(),
                    profile: "prod".into(),
                    line: 6,
                },
            ),
            (vec![("PUSHER_KEY", "p")], vec![], "p", src("PUSHER_KEY")),
            (
                vec![("PUSHER_KEY", "p"), ("RTCTL_KEY", "r")],
                vec![],
                "r",
                src("RTCTL_KEY"),
            ),
            (
                vec![("PUSHER_KEY", "p"), ("RTCTL_KEY", "r")],
                vec![(Field::Key, "c", "--key")],
                "c",
                cli_src.clone(),
            ),
            (
                vec![("RTCTL_KEY", "")],
                vec![],
                "prod-key",
                Source::File {
                    path: "/c/config.toml".into(),
                    profile: "prod".into(),
                    line: 6,
                },
            ),
        ];
        for (e, c, want, want_src) in cases {
            let r = run(&inputs(Some(file()), &e, &c)).unwrap();
            let key = r.key.unwrap();
            assert_eq!(
                (key.val.as_str(), &key.source),
                (want, &want_src),
                "{e:?} {c:?}"
            );
        }
    }

    #[test]
    fn dotenv_sits_between_env_and_file() {
        let mut i = inputs(Some(file()), &[("PUSHER_APP_ID", "from-env")], &[]);
        i.dotenv = Some((
            ".env".into(),
            env(&[
                ("PUSHER_APP_ID", "dot-app"),
                ("PUSHER_KEY", "dot-pusher"),
                ("RTCTL_KEY", "dot-rtctl"),
                ("PUSHER_SECRET", "dot-secret"),
            ]),
        ));
        let r = run(&i).unwrap();
        assert_eq!(r.app_id.unwrap().val, "from-env");
        let key = r.key.unwrap();
        assert_eq!(key.val, "dot-rtctl");
        assert_eq!(
            key.source,
            Source::DotEnv {
                path: ".env".into(),
                var: "RTCTL_KEY".into()
            }
        );
        let Some(SecretSpec::Given(s)) = r.secret else {
            panic!()
        };
        assert_eq!(s.val.expose(), "dot-secret");
    }

    #[test]
    fn dotenv_is_read_only_when_asked() {
        let i = inputs(None, &[], &[]);
        assert!(!wants_dotenv(&i, "local").unwrap());
        let i = inputs(None, &[("RTCTL_ENV_FILE", "1")], &[]);
        assert!(wants_dotenv(&i, "local").unwrap());
        let f = ConfigFile::parse(Path::new("c"), "[profiles.p]\nenv_file = true\n").unwrap();
        let i = inputs(Some(f), &[], &[]);
        assert!(wants_dotenv(&i, "p").unwrap());
        let i = inputs(None, &[], &[(Field::EnvFile, "true", "--env-file")]);
        assert!(wants_dotenv(&i, "local").unwrap());
    }

    #[test]
    fn host_beats_cluster_only_at_the_same_or_a_higher_level() {
        // Profile with cluster; RTCTL_HOST from the environment wins.
        let r = run(&inputs(
            Some(file()),
            &[
                ("RTCTL_HOST", "localhost"),
                ("RTCTL_TLS", "false"),
                ("RTCTL_PORT", "6001"),
            ],
            &[],
        ))
        .unwrap();
        assert_eq!(r.rest.unwrap().http_base(), "http://localhost:6001");
        // Built-in local profile, PUSHER_CLUSTER from the platform's env: the cluster wins,
        // and the local profile's port and TLS give way.
        let r = run(&inputs(None, &[("PUSHER_CLUSTER", "us2")], &[])).unwrap();
        let rest = r.rest.unwrap();
        assert_eq!(rest.http_base(), "https://api-us2.pusher.com:443");
        assert_eq!(rest.host.source, src("PUSHER_CLUSTER"));
        assert_eq!(r.ws.unwrap().ws_base(), "wss://ws-us2.pusher.com:443");
        // …unless PUSHER_SSL / PUSHER_PORT are set beside it.
        let r = run(&inputs(
            None,
            &[
                ("PUSHER_CLUSTER", "us2"),
                ("PUSHER_SSL", "false"),
                ("PUSHER_PORT", "8080"),
            ],
            &[],
        ))
        .unwrap();
        assert_eq!(
            r.rest.unwrap().http_base(),
            "http://api-us2.pusher.com:8080"
        );
        // A flag --host beats a cluster anywhere; --cluster beats the profile's host.
        let r = run(&inputs(
            None,
            &[("PUSHER_CLUSTER", "us2")],
            &[(Field::Host, "h", "--host")],
        ))
        .unwrap();
        assert_eq!(r.rest.unwrap().host.val, "h");
        let mut i = inputs(Some(file()), &[], &[(Field::Cluster, "ap1", "--cluster")]);
        i.cli.profile = Some("self".into());
        let r = run(&i).unwrap();
        assert_eq!(
            r.rest.unwrap().http_base(),
            "https://api-ap1.pusher.com:443"
        );
        // Two ways to give the secret at one level are refused.
        let mut i = inputs(Some(file()), &[("VAR", "x")], &[]);
        i.cli.profile = Some("both".into());
        assert!(matches!(run(&i), Err(ConfigError::SecretConflict { .. })));
    }

    #[test]
    fn a_cluster_displacing_a_set_host_is_reported() {
        let mut i = inputs(Some(file()), &[("PUSHER_CLUSTER", "us2")], &[]);
        i.cli.profile = Some("self".into());
        let r = run(&i).unwrap();
        assert_eq!(
            r.rest.unwrap().http_base(),
            "https://api-us2.pusher.com:443"
        );
        // The profile's ws_host and ws_port give way with its host.
        assert_eq!(r.ws.unwrap().ws_base(), "wss://ws-us2.pusher.com:443");
        assert_eq!(
            r.warnings,
            [
                "cluster `us2` (env PUSHER_CLUSTER) overrides host `rt.example.com` (/c/config.toml:14 [profiles.self]): requests go to Pusher; pass --host, or unset the cluster, to use the host"
            ]
        );
        // Not over the built-in local profile's host.
        let r = run(&inputs(None, &[("PUSHER_CLUSTER", "us2")], &[])).unwrap();
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    }

    #[test]
    fn hosts_are_names_not_urls() {
        for bad in [
            "https://example.com",
            "example.com/path",
            "a b",
            "user@host",
        ] {
            let err = run(&inputs(None, &[("RTCTL_HOST", bad)], &[])).unwrap_err();
            assert!(
                matches!(
                    err,
                    ConfigError::Invalid {
                        field: Field::Host,
                        ..
                    }
                ),
                "{bad}: {err}"
            );
        }
        let r = run(&inputs(None, &[("RTCTL_HOST", "::1")], &[])).unwrap();
        assert_eq!(r.rest.unwrap().http_base(), "http://[::1]:6001");
        let err = run(&inputs(None, &[("RTCTL_PORT", &"9".repeat(300))], &[])).unwrap_err();
        assert!(err.to_string().len() < 200, "{err}");
    }

    #[test]
    fn host_wins_over_cluster_in_the_same_profile() {
        let f = ConfigFile::parse(
            Path::new("c"),
            "[profiles.p]\ncluster = \"eu\"\nhost = \"h\"\n",
        )
        .unwrap();
        let r = run(&inputs(Some(f), &[("RTCTL_PROFILE", "p")], &[])).unwrap();
        assert_eq!(r.rest.unwrap().http_base(), "https://h:443");
    }

    #[test]
    fn tls_flag_and_default_ports() {
        let r = run(&inputs(None, &[], &[(Field::Tls, "true", "--tls")])).unwrap();
        // The local profile's explicit port stays.
        assert_eq!(r.rest.unwrap().http_base(), "https://127.0.0.1:6001");
        let f =
            ConfigFile::parse(Path::new("c"), "[profiles.p]\nhost = \"h\"\ntls = false\n").unwrap();
        let r = run(&inputs(Some(f), &[("RTCTL_PROFILE", "p")], &[])).unwrap();
        assert_eq!(r.rest.unwrap().http_base(), "http://h:80");
    }

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

    #[test]
    fn invalid_values_name_field_and_source() {
        let cases: [(&[(&str, &str)], Field); 7] = [
            (&[("RTCTL_PORT", "70000")], Field::Port),
            (&[("PUSHER_SSL", "maybe")], Field::Tls),
            (&[("RTCTL_TIMEOUT", "soon")], Field::Timeout),
            (&[("RTCTL_TIMEOUT", "0")], Field::Timeout),
            (&[("RTCTL_CLUSTER", "EU!")], Field::Cluster),
            (
                &[("RTCTL_AUTH_HEADERS", "Bearer no-colon-token")],
                Field::AuthHeaders,
            ),
            (&[("RTCTL_MAX_PAYLOAD_KB", "0")], Field::MaxPayloadKb),
        ];
        for (e, field) in cases {
            let err = run(&inputs(None, e, &[])).unwrap_err();
            assert!(
                matches!(&err, ConfigError::Invalid { field: f, .. } if *f == field),
                "{e:?}: {err}"
            );
            assert!(
                err.to_string().contains(&format!("env {}", e[0].0)),
                "{err}"
            );
        }
        let f =
            ConfigFile::parse(Path::new("/c"), "[profiles.p]\nport = \"x\"\ntls = 1\n").unwrap();
        let err = run(&inputs(Some(f), &[("RTCTL_PROFILE", "p")], &[])).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid `port` from /c:2 [profiles.p]: `x` is not a port number"
        );
    }

    #[test]
    fn typed_values() {
        let r = run(&inputs(
            None,
            &[
                ("RTCTL_TIMEOUT", "1500ms"),
                ("RTCTL_AUTH_HEADERS", "Authorization: Bearer t\nX-A: b"),
            ],
            &[],
        ))
        .unwrap();
        assert_eq!(r.timeout.val, Duration::from_millis(1500));
        let headers: Vec<(String, String)> = r
            .auth_headers
            .unwrap()
            .val
            .into_iter()
            .map(|(n, v)| (n, v.expose().to_owned()))
            .collect();
        assert_eq!(
            headers,
            [
                ("Authorization".to_owned(), "Bearer t".to_owned()),
                ("X-A".to_owned(), "b".to_owned())
            ]
        );
        let r = run(&inputs(None, &[("RTCTL_TIMEOUT", "2.5")], &[])).unwrap();
        assert_eq!(r.timeout.val, Duration::from_millis(2500));
        let f = ConfigFile::parse(
            Path::new("c"),
            "[profiles.p]\ntimeout = 3\nauth_headers = { \"Bad Name\" = \"x\" }\n",
        )
        .unwrap();
        assert!(run(&inputs(Some(f), &[("RTCTL_PROFILE", "p")], &[])).is_err());
    }

    #[test]
    fn secret_ways() {
        let r = run(&inputs(None, &[("RTCTL_SECRET_ENV", "MY_SECRET")], &[])).unwrap();
        assert_eq!(
            r.secret,
            Some(SecretSpec::Env {
                var: "MY_SECRET".into(),
                source: src("RTCTL_SECRET_ENV")
            })
        );
        // A higher level's way wins over a lower level's literal secret.
        let r = run(&inputs(
            Some(file()),
            &[("RTCTL_SECRET_COMMAND", "echo s")],
            &[],
        ))
        .unwrap();
        assert!(matches!(r.secret, Some(SecretSpec::Command { .. })));
        let r = run(&inputs(
            Some(file()),
            &[("RTCTL_SECRET_COMMAND", "echo s")],
            &[(Field::Secret, "x", "--secret-stdin")],
        ))
        .unwrap();
        assert!(matches!(r.secret, Some(SecretSpec::Given(_))));
        assert_eq!(
            r.secret.unwrap().source(),
            &Source::Cli {
                flag: "--secret-stdin".into()
            }
        );
    }

    #[test]
    fn platform_env_overriding_a_chosen_profile_is_reported() {
        let r = run(&inputs(
            Some(file()),
            &[("RTCTL_PROFILE", "prod"), ("PUSHER_KEY", "dev")],
            &[],
        ))
        .unwrap();
        assert_eq!(
            r.warnings,
            ["env PUSHER_KEY overrides `key` of profile `prod`"]
        );
        // Not when the profile is only the file's default.
        let r = run(&inputs(Some(file()), &[("PUSHER_KEY", "dev")], &[])).unwrap();
        assert!(r.warnings.is_empty());
    }

    #[test]
    fn file_warnings_carry_through() {
        let f = ConfigFile::parse(Path::new("c"), "[profiles.local]\nkee = \"x\"\n").unwrap();
        let r = run(&inputs(Some(f), &[], &[])).unwrap();
        assert_eq!(r.warnings.len(), 1);
        // A file profile named `local` layers over the built-in one.
        assert_eq!(r.key.unwrap().val, "app-key");
    }

    /// Profile `p` (host, port and a secret from the file, plus `extra`), the process
    /// environment, a `.env` and flags.
    fn with_dotenv(
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

    #[test]
    fn a_dotenv_may_not_set_a_command_or_trust_itself() {
        for (var, field) in [
            ("RTCTL_SECRET_COMMAND", Field::SecretCommand),
            ("RTCTL_SECRET_ENV", Field::SecretEnv),
            ("RTCTL_CATALOG", Field::Catalog),
            ("RTCTL_TRUST_ENV_FILE", Field::TrustEnvFile),
        ] {
            let err = with_dotenv("", &[], &[(var, "touch /tmp/x")], &[]).unwrap_err();
            let ConfigError::NotFromDotEnv {
                field: f, origin, ..
            } = &err
            else {
                panic!("{var}: {err}")
            };
            assert_eq!(*f, field);
            assert_eq!(origin.to_string(), format!("/w/.env {var}"));
            assert!(err.to_string().contains("nothing was run"), "{err}");
        }
        let err = with_dotenv("", &[], &[("RTCTL_SECRET_COMMAND", "x")], &[]).unwrap_err();
        let hint = err.hints().join("\n");
        assert!(
            hint.contains("[profiles.p]") && hint.contains("export RTCTL_SECRET_COMMAND"),
            "{hint}"
        );
        // From the user's own file or environment, the command is the way to the secret.
        let r = with_dotenv("", &[("RTCTL_SECRET_COMMAND", "pass x")], &[], &[]).unwrap();
        assert!(matches!(r.secret, Some(SecretSpec::Command { .. })));
        let r = with_dotenv("secret_command = \"pass x\"\n", &[], &[], &[]);
        assert!(matches!(r, Err(ConfigError::SecretConflict { .. })));
    }

    #[test]
    fn a_dotenv_destination_gets_only_its_own_credentials_unless_trusted() {
        type Case<'a> = (
            &'a str,
            &'a str,
            Vec<(&'a str, &'a str)>,
            Vec<(&'a str, &'a str)>,
            Vec<(Field, &'a str, &'a str)>,
            Field,
            bool,
        );
        let trust_flag = (Field::TrustEnvFile, "true", "--trust-env-file");
        let url = ("RTCTL_BACKEND_URL", "http://evil.example");
        // (case, profile extra, env, .env, flags, field, whether the .env's value is used)
        let cases: Vec<Case> = vec![
            (
                "token from the profile",
                "backend_token = \"t\"\n",
                vec![],
                vec![url],
                vec![],
                Field::BackendUrl,
                false,
            ),
            (
                "token from the environment",
                "",
                vec![("RTCTL_BACKEND_TOKEN", "t")],
                vec![url],
                vec![],
                Field::BackendUrl,
                false,
            ),
            (
                "token from the .env",
                "",
                vec![],
                vec![url, ("RTCTL_BACKEND_TOKEN", "t")],
                vec![],
                Field::BackendUrl,
                true,
            ),
            (
                "no token at all",
                "",
                vec![],
                vec![url],
                vec![],
                Field::BackendUrl,
                true,
            ),
            (
                "trusted by flag",
                "backend_token = \"t\"\n",
                vec![],
                vec![url],
                vec![trust_flag],
                Field::BackendUrl,
                true,
            ),
            (
                "trusted by the environment",
                "backend_token = \"t\"\n",
                vec![("RTCTL_TRUST_ENV_FILE", "1")],
                vec![url],
                vec![],
                Field::BackendUrl,
                true,
            ),
            (
                "trusted by the profile",
                "backend_token = \"t\"\ntrust_env_file = true\n",
                vec![],
                vec![url],
                vec![],
                Field::BackendUrl,
                true,
            ),
            (
                "headers from the profile",
                "auth_headers = { Authorization = \"Bearer t\" }\n",
                vec![],
                vec![("RTCTL_AUTH_ENDPOINT", "http://evil.example/auth")],
                vec![],
                Field::AuthEndpoint,
                false,
            ),
            (
                "headers from the .env",
                "",
                vec![],
                vec![
                    ("RTCTL_AUTH_ENDPOINT", "http://e/a"),
                    ("RTCTL_AUTH_HEADERS", "A: b"),
                ],
                vec![],
                Field::AuthEndpoint,
                true,
            ),
            (
                "host, secret from the profile",
                "",
                vec![],
                vec![("PUSHER_HOST", "evil.example")],
                vec![],
                Field::Host,
                false,
            ),
            (
                "tls, secret from the profile",
                "",
                vec![],
                vec![("PUSHER_SSL", "true")],
                vec![],
                Field::Tls,
                false,
            ),
            (
                "host, secret from the .env",
                "",
                vec![],
                vec![("PUSHER_HOST", "h"), ("PUSHER_SECRET", "s")],
                vec![],
                Field::Host,
                true,
            ),
            (
                "host, secret from the real environment",
                "",
                vec![("OTHER", "s"), ("RTCTL_SECRET_ENV", "OTHER")],
                vec![("PUSHER_HOST", "h")],
                vec![],
                Field::Host,
                false,
            ),
            (
                "webhook_url, secret from the profile",
                "",
                vec![],
                vec![("RTCTL_WEBHOOK_URL", "http://evil.example/w")],
                vec![],
                Field::WebhookUrl,
                false,
            ),
        ];
        for (case, extra, e, dot, cli, field, used) in cases {
            let r =
                with_dotenv(extra, &e, &dot, &cli).unwrap_or_else(|err| panic!("{case}: {err}"));
            let source = match field {
                Field::BackendUrl => r.backend_url.map(|v| v.source),
                Field::AuthEndpoint => r.auth_endpoint.map(|v| v.source),
                Field::WebhookUrl => r.webhook_url.map(|v| v.source),
                Field::Host => r.rest.as_ref().map(|ep| ep.host.source.clone()),
                Field::Tls => r.rest.as_ref().map(|ep| ep.tls.source.clone()),
                _ => unreachable!(),
            };
            let from_dotenv = matches!(source, Some(Source::DotEnv { .. }));
            assert_eq!(from_dotenv, used, "{case}: {source:?}");
            let warned: Vec<&String> = r
                .warnings
                .iter()
                .filter(|w| w.contains("--trust-env-file"))
                .collect();
            assert_eq!(warned.len(), usize::from(!used), "{case}: {:?}", r.warnings);
            if let Some(w) = warned.first() {
                assert!(
                    w.contains(&format!("`{field}`")) && w.contains("/w/.env"),
                    "{case}: {w}"
                );
                assert!(
                    !w.contains("evil.example") && !w.contains("Bearer"),
                    "{case}: {w}"
                );
            }
        }
    }

    #[test]
    fn a_set_aside_server_falls_back_to_the_profile_and_says_which_fields() {
        let r = with_dotenv(
            "",
            &[],
            &[
                ("PUSHER_HOST", "evil.example"),
                ("PUSHER_PORT", "80"),
                ("PUSHER_APP_ID", "a2"),
            ],
            &[],
        )
        .unwrap();
        assert_eq!(r.rest.unwrap().http_base(), "http://real.example:6001");
        assert_eq!(r.ws.unwrap().ws_base(), "ws://real.example:6001");
        // Values that go nowhere still come from the .env.
        assert!(matches!(r.app_id.unwrap().source, Source::DotEnv { .. }));
        assert_eq!(
            r.warnings,
            [
                "not using `host` (PUSHER_HOST), `port` (PUSHER_PORT) from /w/.env: signatures made with the app secret from /c/config.toml:3 [profiles.p] would go there, and a .env gets only what it supplies; pass --trust-env-file to allow it, or set the value in the profile"
            ]
        );
        // The built-in local profile's secret is public: a .env may point it anywhere.
        let mut i = inputs(None, &[], &[]);
        i.dotenv = Some((".env".into(), env(&[("PUSHER_HOST", "h")])));
        let r = run(&i).unwrap();
        assert_eq!(r.rest.unwrap().host.val, "h");
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    }

    #[test]
    fn flag_auth_headers_go_to_a_dotenv_endpoint_only_when_trusted() {
        let dot = [("RTCTL_AUTH_ENDPOINT", "http://e/auth")];
        let r = with_dotenv("", &[], &dot, &[]).unwrap();
        let err = r.allow_flag_auth_headers().unwrap_err();
        assert!(
            err.to_string().contains("/w/.env RTCTL_AUTH_ENDPOINT"),
            "{err}"
        );
        assert!(
            err.hints()[0].contains("--auth-endpoint"),
            "{:?}",
            err.hints()
        );
        let trusted = (Field::TrustEnvFile, "true", "--trust-env-file");
        let r = with_dotenv("", &[], &dot, &[trusted]).unwrap();
        assert!(r.allow_flag_auth_headers().is_ok());
        let r = with_dotenv("auth_endpoint = \"http://mine/auth\"\n", &[], &[], &[]).unwrap();
        assert!(r.allow_flag_auth_headers().is_ok());
    }

    #[test]
    fn bad_header_names_are_not_echoed() {
        for (e, at) in [
            ("Bearer s3cr3t-token: x", "line 1"),
            ("A: b\n\nBearer s3cr3t-token", "line 3"),
        ] {
            let err = run(&inputs(None, &[("RTCTL_AUTH_HEADERS", e)], &[]))
                .unwrap_err()
                .to_string();
            assert!(err.contains(at), "{err}");
            assert!(!err.contains("s3cr3t"), "{err}");
        }
        let f = ConfigFile::parse(
            Path::new("c"),
            "[profiles.p]\nauth_headers = { A = \"b\", \"Bearer s3cr3t\" = \"x\" }\n",
        )
        .unwrap();
        let err = run(&inputs(Some(f), &[("RTCTL_PROFILE", "p")], &[]))
            .unwrap_err()
            .to_string();
        assert!(err.contains("entry 2") && !err.contains("s3cr3t"), "{err}");
    }
}
