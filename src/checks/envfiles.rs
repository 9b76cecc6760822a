//! The `env` checks: the app's backend and frontend `.env` files, given to `doctor
//! --compare-env`, against each other and the profile. A file here is read and
//! compared, never obeyed: nothing in it chooses a server, a URL or a command.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use reqwest::Url;

use super::outcome::{Outcome, Problems};
use crate::app_urls;
use crate::config::{Field, Resolved, Secret, Source, Value, load, parse_bool};
use crate::error::CliError;
use crate::net::{shown_url, url_hides_secrets};
use crate::text::short;

/// What the platform's backend reads besides the `PUSHER_*` twins of rtctl's fields.
const BACKEND_VARS: &[&str] = &[
    "PUSHER_ENABLED",
    "WS_ENABLED",
    "WS_HEARTBEAT_INTERVAL",
    "WS_MAX_CONNECTIONS",
];

/// What the platform's frontend reads.
const FRONTEND_VARS: &[&str] = &[
    API_BASE_URL,
    WS_URL,
    FRONTEND_KEY,
    FRONTEND_CLUSTER,
    AUTH_ENDPOINT,
    ENABLE_WEBSOCKET,
];

const API_BASE_URL: &str = "VITE_API_BASE_URL";
const WS_URL: &str = "VITE_WS_URL";
const FRONTEND_KEY: &str = "VITE_PUSHER_KEY";
const FRONTEND_CLUSTER: &str = "VITE_PUSHER_CLUSTER";
const AUTH_ENDPOINT: &str = "VITE_PUSHER_AUTH_ENDPOINT";
const ENABLE_WEBSOCKET: &str = "VITE_ENABLE_WEBSOCKET";

/// The realtime variables' prefixes: one of these the platform does not read is named.
const REALTIME_PREFIXES: &[&str] = &["PUSHER_", "VITE_PUSHER_", "WS_", "VITE_WS_"];

/// Above this heartbeat a proxy with its usual 60 s read timeout (nginx's default)
/// closes idle sockets between beats.
const HEARTBEAT_WARN_SECS: u64 = 60;

/// What the frontend's hints say after a change: Vite builds `VITE_*` values in.
const REBUILD: &str = "then rebuild the frontend (Vite builds VITE_* values into it)";

/// The variables the platform reads, backend and frontend.
fn known_vars() -> impl Iterator<Item = &'static str> {
    Field::ALL
        .iter()
        .filter_map(|f| f.pusher_env())
        .chain(BACKEND_VARS.iter().copied())
        .chain(FRONTEND_VARS.iter().copied())
}

/// One file given, as read.
struct EnvFile {
    path: PathBuf,
    vars: Result<BTreeMap<String, String>, CliError>,
}

/// The files given to `--compare-env`, each read once, in the order given.
#[derive(Default)]
pub struct EnvFiles {
    files: Vec<EnvFile>,
}

/// A file that was read: its path and variables.
#[derive(Clone, Copy)]
struct Parsed<'a> {
    path: &'a Path,
    vars: &'a BTreeMap<String, String>,
}

impl<'a> Parsed<'a> {
    /// A variable's value, when set and not empty, with where it was found.
    fn get(&self, var: &'static str) -> Option<Found<'a>> {
        self.vars
            .get(var)
            .filter(|v| !v.trim().is_empty())
            .map(|val| Found {
                val,
                at: At::File {
                    path: self.path,
                    var,
                },
            })
    }

    /// The backend's: it holds the platform's `PUSHER_*` variables.
    fn backend(&self) -> bool {
        self.vars.keys().any(|k| k.starts_with("PUSHER_"))
    }

    /// The frontend's: it holds Vite's `VITE_*` variables.
    fn frontend(&self) -> bool {
        self.vars.keys().any(|k| k.starts_with("VITE_"))
    }

    fn roles(&self) -> &'static str {
        match (self.backend(), self.frontend()) {
            (true, true) => "backend and frontend",
            (true, false) => "backend",
            (false, true) => "frontend",
            (false, false) => "neither",
        }
    }
}

impl EnvFiles {
    /// Read each file; one that cannot be read or parsed is kept with the reason.
    pub fn read(paths: &[PathBuf]) -> Self {
        let files = paths
            .iter()
            .map(|path| EnvFile {
                path: path.clone(),
                vars: load::read_dotenv(path).map_err(CliError::from),
            })
            .collect();
        Self { files }
    }

    /// Files already read, each parsed as `read` parses it (for `crate::fuzzing`).
    pub(crate) fn from_texts(texts: &[(PathBuf, String)]) -> Self {
        let files = texts
            .iter()
            .map(|(path, text)| EnvFile {
                path: path.clone(),
                vars: load::parse_dotenv(path, text).map_err(CliError::from),
            })
            .collect();
        Self { files }
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    fn parsed(&self) -> impl Iterator<Item = Parsed<'_>> {
        self.files.iter().filter_map(|f| {
            f.vars.as_ref().ok().map(|vars| Parsed {
                path: &f.path,
                vars,
            })
        })
    }

    fn backends(&self) -> impl Iterator<Item = Parsed<'_>> {
        self.parsed().filter(Parsed::backend)
    }

    fn frontends(&self) -> impl Iterator<Item = Parsed<'_>> {
        self.parsed().filter(Parsed::frontend)
    }

    /// The frontend's origin, as the CORS check sends it: `scheme://host[:port]` of the
    /// first frontend file's `VITE_API_BASE_URL`, with the file and variable.
    pub fn frontend_origin(&self) -> Option<Value<String>> {
        self.frontends().find_map(|f| {
            let found = f.get(API_BASE_URL)?;
            let url = http_url(found.val).ok()?;
            let source = Source::DotEnv {
                path: f.path.to_owned(),
                var: API_BASE_URL.to_owned(),
            };
            Some(Value::new(url.origin().ascii_serialization(), source))
        })
    }

    /// The first frontend file's `VITE_PUSHER_AUTH_ENDPOINT`, with the file and variable,
    /// when it is an http(s) URL.
    pub fn frontend_auth_endpoint(&self) -> Option<Value<String>> {
        self.frontends().find_map(|f| {
            let found = f.get(AUTH_ENDPOINT)?;
            http_url(found.val).ok()?;
            let source = Source::DotEnv {
                path: f.path.to_owned(),
                var: AUTH_ENDPOINT.to_owned(),
            };
            Some(Value::new(found.val.to_owned(), source))
        })
    }

    /// `PUSHER_ENABLED` in each backend file, and the backend files that do not set it.
    pub fn pusher_enabled(&self) -> (Vec<Value<String>>, Vec<&Path>) {
        let (mut set, mut unset) = (Vec::new(), Vec::new());
        for f in self.backends() {
            match f.vars.get("PUSHER_ENABLED") {
                Some(v) => set.push(Value::new(
                    v.clone(),
                    Source::DotEnv {
                        path: f.path.to_owned(),
                        var: "PUSHER_ENABLED".to_owned(),
                    },
                )),
                None => unset.push(f.path),
            }
        }
        (set, unset)
    }

    /// The app secrets known: the profile's and each backend's `PUSHER_SECRET`. A value
    /// equal to one is never shown.
    fn secrets<'a>(&'a self, profile: Option<&'a Secret>) -> Vec<&'a str> {
        let mut all: Vec<&str> = self
            .backends()
            .filter_map(|f| f.get("PUSHER_SECRET"))
            .map(|s| s.val)
            .collect();
        all.extend(profile.map(Secret::expose));
        all
    }
}

/// Where a value was found: a file's variable, or a setting of the profile.
#[derive(Clone, Copy)]
enum At<'a> {
    File { path: &'a Path, var: &'static str },
    Profile { field: Field, source: &'a Source },
}

/// A value and where it was found.
#[derive(Clone, Copy)]
struct Found<'a> {
    val: &'a str,
    at: At<'a>,
}

impl<'a> Found<'a> {
    fn profile<T: AsRef<str>>(field: Field, v: &'a Value<T>) -> Self {
        Self {
            val: v.val.as_ref(),
            at: At::Profile {
                field,
                source: &v.source,
            },
        }
    }

    /// `PUSHER_KEY in backend/.env`, `the profile's key (/c/config.toml:6 [profiles.prod])`.
    fn place(&self) -> String {
        match self.at {
            At::File { path, var } => format!("{var} in {}", path.display()),
            At::Profile { field, source } => format!("the profile's `{field}` ({source})"),
        }
    }

    /// The value and its place, the value as `shown` makes it.
    fn stated(&self, shown: &str) -> String {
        match self.at {
            At::File { path, var } => format!("{var}=`{shown}` in {}", path.display()),
            At::Profile { field, source } => {
                format!("the profile's `{field}` `{shown}` ({source})")
            }
        }
    }

    fn in_frontend(&self) -> bool {
        matches!(self.at, At::File { var, .. } if var.starts_with("VITE_"))
    }
}

/// How values are shown: whole, unless one is an app secret (then masked), and cut to
/// a line.
struct Shown<'a> {
    secrets: Vec<&'a str>,
}

impl Shown<'_> {
    fn value(&self, v: &str) -> String {
        if self.secrets.contains(&v) {
            // Not even `config show`'s first characters: here a secret turns up under
            // another variable's name (a key and a secret swapped), in output for CI.
            "(a secret, not shown)".to_owned()
        } else {
            short(v, 80)
        }
    }

    /// A URL as typed, unless it holds a user name, password or query (which may be
    /// tokens): then as the rest of rtctl shows one.
    fn url(&self, v: &str) -> String {
        if url_hides_secrets(v) {
            self.value(&shown_url(v))
        } else {
            self.value(v)
        }
    }
}

/// Fail each value that differs from the first found, naming both places and both
/// values; the hint says to make both the same `what`.
fn agree(problems: &mut Problems, what: &str, found: &[Found], shown: &Shown) {
    let Some(first) = found.first() else { return };
    for other in &found[1..] {
        if other.val != first.val {
            let rebuild = if first.in_frontend() || other.in_frontend() {
                format!(", {REBUILD}")
            } else {
                String::new()
            };
            problems.fail(
                format!(
                    "{} differs from {}",
                    other.stated(&shown.value(other.val)),
                    first.stated(&shown.value(first.val))
                ),
                format!(
                    "make {} and {} the same {what}{rebuild}",
                    other.place(),
                    first.place()
                ),
            );
        }
    }
}

/// The problems found, else the `what` every place agrees on, naming the places.
fn agreed(problems: Problems, what: &str, found: &[Found], shown: &Shown) -> Outcome {
    match found.first() {
        Some(first) => {
            let places: Vec<String> = found.iter().map(Found::place).collect();
            problems.outcome(format!(
                "{what} `{}` agrees: {}",
                shown.value(first.val),
                places.join(", ")
            ))
        }
        None => problems.outcome(format!("no {what} set")),
    }
}

/// An http or https URL with a host, or why not.
fn http_url(text: &str) -> Result<Url, &'static str> {
    match app_urls::not_http(text) {
        Some(why) => Err(why),
        None => Url::parse(text).map_err(|_| "it is not a URL"),
    }
}

/// The skip every `env` check gets when no file was given, saying how to give them.
fn none_given() -> Outcome {
    Outcome::skip("no .env files to compare").hint(
        "pass the app's with `rtctl doctor --compare-env backend/.env --compare-env frontend/.env`",
    )
}

/// `env.files`: each file read and parsed, what it holds (the backend's `PUSHER_*`, the
/// frontend's `VITE_*`), and realtime variables the platform does not read (a
/// misspelling named with the nearest name).
pub fn files(files: &EnvFiles) -> Outcome {
    if files.files.is_empty() {
        return none_given();
    }
    let mut problems = Problems::default();
    for f in &files.files {
        if let Err(e) = &f.vars {
            problems.fail(e.message.clone(), e.hints.join("; "));
        }
    }
    let mut roles = Vec::new();
    for f in files.parsed() {
        let path = f.path.display();
        roles.push((path.to_string(), f.roles()));
        if !f.backend() && !f.frontend() {
            problems.warn(
                format!("{path} holds no PUSHER_* or VITE_* variable"),
                "pass the backend's .env (PUSHER_*) and the frontend's (VITE_*)",
            );
        }
        for var in f.vars.keys() {
            if let Some((finding, hint)) = unknown_var(var) {
                problems.warn(format!("{path}: {finding}"), format!("{hint} in {path}"));
            }
        }
        if let Some(w) = load::dotenv_permission_warning(f.path, f.vars) {
            problems.warn(w, "only its owner should read a file holding the secret");
        }
    }
    let summary = roles
        .iter()
        .map(|(p, role)| format!("{p} ({role})"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut o = problems.outcome(format!("read {summary}"));
    for (path, role) in roles {
        o = o.detail(&path, role);
    }
    o
}

/// A variable with a realtime prefix the platform does not read, or one a letter or two
/// from one it does: the finding and the fix.
fn unknown_var(var: &str) -> Option<(String, String)> {
    if known_vars().any(|k| k == var) {
        return None;
    }
    let nearest = known_vars()
        .map(|k| (strsim::damerau_levenshtein(var, k), k))
        .min_by_key(|(d, _)| *d)
        .filter(|(d, _)| *d <= 2 && var.len() > 6)
        .map(|(_, k)| k);
    match nearest {
        Some(k) => Some((
            format!(
                "`{}` is not a variable the platform reads (did you mean {k}?)",
                short(var, 60)
            ),
            format!("rename it to {k}"),
        )),
        None if REALTIME_PREFIXES.iter().any(|p| var.starts_with(p)) => Some((
            format!("`{}` is not a variable the platform reads", short(var, 60)),
            "remove it, or check its name against the platform's setup guide".to_owned(),
        )),
        None => None,
    }
}

/// `env.key`: every backend's `PUSHER_KEY` and `PUSHER_APP_ID`, every frontend's
/// `VITE_PUSHER_KEY` and the profile's key and app id are one app's.
pub fn key(files: &EnvFiles, r: &Resolved, secret: Option<&Secret>) -> Outcome {
    let shown = Shown {
        secrets: files.secrets(secret),
    };
    let mut problems = Problems::default();
    let mut keys = Vec::new();
    let mut ids = Vec::new();
    for f in files.backends() {
        let path = f.path.display();
        match f.get("PUSHER_KEY") {
            Some(k) => keys.push(k),
            None => problems.fail(
                format!("{path} sets no PUSHER_KEY: the backend cannot publish"),
                format!("set PUSHER_KEY in {path} to the app's key"),
            ),
        }
        match f.get("PUSHER_APP_ID") {
            Some(id) => ids.push(id),
            None => problems.fail(
                format!("{path} sets no PUSHER_APP_ID: the backend cannot publish"),
                format!("set PUSHER_APP_ID in {path} to the app's id"),
            ),
        }
    }
    for f in files.frontends() {
        let path = f.path.display();
        match f.get(FRONTEND_KEY) {
            Some(k) => keys.push(k),
            None => problems.fail(
                format!("{path} sets no {FRONTEND_KEY}: the browser has no key to connect with"),
                format!("set {FRONTEND_KEY} in {path} to the app's key, {REBUILD}"),
            ),
        }
    }
    keys.extend(r.key.as_ref().map(|k| Found::profile(Field::Key, k)));
    ids.extend(r.app_id.as_ref().map(|id| Found::profile(Field::AppId, id)));
    agree(&mut problems, "key", &keys, &shown);
    agree(&mut problems, "app id", &ids, &shown);
    agreed(problems, "key", &keys, &shown)
}

/// `env.secret`: every backend's `PUSHER_SECRET` is the profile's secret (compared,
/// never shown), and no frontend file holds a secret, which Vite would ship to every
/// browser.
pub fn secret(files: &EnvFiles, r: &Resolved, secret: Option<&Secret>) -> Outcome {
    let mut problems = Problems::default();
    let mut found: Vec<(String, &str)> = Vec::new();
    for f in files.backends() {
        let path = f.path.display();
        match f.get("PUSHER_SECRET") {
            Some(s) => found.push((s.place(), s.val)),
            None => problems.fail(
                format!(
                    "{path} sets no PUSHER_SECRET: the backend cannot publish or authorize channels"
                ),
                format!("set PUSHER_SECRET in {path} to the app's secret"),
            ),
        }
    }
    if let (Some(s), Some(spec)) = (secret, &r.secret) {
        found.push((
            format!("the profile's `secret` ({})", spec.source()),
            s.expose(),
        ));
    }
    if let Some((first_place, first)) = found.first() {
        for (place, other) in &found[1..] {
            if other != first {
                problems.fail(
                    format!("{place} is not the same secret as {first_place}"),
                    format!(
                        "make {place} and {first_place} the same app's secret (compared here, never shown)"
                    ),
                );
            }
        }
    }
    let secrets = files.secrets(secret);
    for f in files.frontends() {
        let path = f.path.display();
        for (var, val) in f.vars {
            if !var.starts_with("VITE_") {
                continue;
            }
            let holds = if secrets.contains(&val.as_str()) {
                "the app secret"
            } else if var.contains("SECRET") {
                "a secret"
            } else {
                continue;
            };
            problems.fail(
                format!(
                    "{} in {path} holds {holds}: Vite builds every VITE_* value into the JavaScript browsers download",
                    short(var, 60)
                ),
                format!(
                    "remove {} from {path}, rebuild the frontend, and change the app's secret",
                    short(var, 60)
                ),
            );
        }
    }
    let pass = match found.len() {
        0 => "no secret in the frontend's files".to_owned(),
        1 => format!("{} is set (not shown)", found[0].0),
        _ => {
            let all: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
            format!("one secret in {} (compared, not shown)", all.join(" and "))
        }
    };
    let mut o = problems.outcome(pass);
    if r.secret.is_some() && secret.is_none() {
        o = o.detail("profile secret", "could not be read: not compared");
    }
    o
}

/// The cluster the profile's server is on: its `cluster`, or Pusher's host's.
fn profile_cluster(r: &Resolved) -> Option<Found<'_>> {
    let rest = r.rest.as_ref();
    let hosted = rest.is_none_or(|e| e.host.val.ends_with(".pusher.com"));
    match &r.cluster {
        Some(c) if hosted => Some(Found::profile(Field::Cluster, c)),
        _ => rest.and_then(|e| {
            let cluster = e
                .host
                .val
                .strip_prefix("api-")?
                .strip_suffix(".pusher.com")?;
            Some(Found {
                val: cluster,
                at: At::Profile {
                    field: Field::Host,
                    source: &e.host.source,
                },
            })
        }),
    }
}

/// `env.cluster`: every backend's `PUSHER_CLUSTER`, every frontend's
/// `VITE_PUSHER_CLUSTER` and the profile's cluster agree; a backend's `PUSHER_HOST` and
/// `PUSHER_PORT`, when set, are the profile's server.
pub fn cluster(files: &EnvFiles, r: &Resolved, secret: Option<&Secret>) -> Outcome {
    let shown = Shown {
        secrets: files.secrets(secret),
    };
    let mut problems = Problems::default();
    let mut clusters = Vec::new();
    let mut hosts = Vec::new();
    let mut ports = Vec::new();
    for f in files.backends() {
        let host = f.get("PUSHER_HOST");
        match f.get("PUSHER_CLUSTER") {
            Some(c) => clusters.push(c),
            None if host.is_none() => {
                let path = f.path.display();
                problems.warn(
                    format!("{path} sets neither PUSHER_CLUSTER nor PUSHER_HOST: Pusher's libraries then use the mt1 cluster"),
                    format!("set PUSHER_CLUSTER in {path} to the app's cluster"),
                );
            }
            None => {}
        }
        hosts.extend(host);
        ports.extend(f.get("PUSHER_PORT"));
    }
    for f in files.frontends() {
        match f.get(FRONTEND_CLUSTER) {
            Some(c) => clusters.push(c),
            None => {
                let path = f.path.display();
                problems.fail(
                    format!("{path} sets no {FRONTEND_CLUSTER}: pusher-js 8 does not start without a cluster"),
                    format!("set {FRONTEND_CLUSTER} in {path} to the app's cluster, {REBUILD}"),
                );
            }
        }
    }
    clusters.extend(profile_cluster(r));
    agree(&mut problems, "cluster", &clusters, &shown);
    if let Some(rest) = &r.rest {
        if !hosts.is_empty() {
            hosts.push(Found::profile(Field::Host, &rest.host));
        }
        agree(&mut problems, "host", &hosts, &shown);
        let port = rest.port.clone().map(|p| p.to_string());
        if !ports.is_empty() {
            ports.push(Found::profile(Field::Port, &port));
        }
        agree(&mut problems, "port", &ports, &shown);
    }
    agreed(problems, "cluster", &clusters, &shown)
}

/// `env.auth_endpoint`: each frontend's `VITE_PUSHER_AUTH_ENDPOINT` is an absolute URL on
/// the backend's host (its `VITE_API_BASE_URL`, the profile's `backend_url`), and the
/// profile's `auth_endpoint` when it has one.
pub fn auth_endpoint(files: &EnvFiles, r: &Resolved, secret: Option<&Secret>) -> Outcome {
    let shown = Shown {
        secrets: files.secrets(secret),
    };
    if files.frontends().next().is_none() {
        return Outcome::skip("no frontend .env (VITE_*) among the files");
    }
    let mut problems = Problems::default();
    let mut passes = Vec::new();
    let backend_url = r
        .backend_url
        .as_ref()
        .map(|v| Found::profile(Field::BackendUrl, v));
    let profile_auth = r
        .auth_endpoint
        .as_ref()
        .map(|v| Found::profile(Field::AuthEndpoint, v));
    for f in files.frontends() {
        let path = f.path.display();
        // The backend as this frontend and the profile name it: (where, its origin).
        let mut backends: Vec<(Found, Url)> = Vec::new();
        if let Some(api) = f.get(API_BASE_URL) {
            match http_url(api.val) {
                Ok(url) => backends.push((api, url)),
                Err(why) => problems.fail(
                    format!("{}: {why}", api.stated(&shown.url(api.val))),
                    format!("set {API_BASE_URL} in {path} to the backend's URL, e.g. http://localhost:8008"),
                ),
            }
        }
        if let Some(b) = backend_url
            && let Ok(url) = http_url(b.val)
        {
            backends.push((b, url));
        }
        if let [(a, a_url), (b, b_url)] = backends.as_slice()
            && a_url.origin() != b_url.origin()
        {
            problems.fail(
                format!(
                    "{} is not on the host of {}",
                    a.stated(&shown.url(a.val)),
                    b.stated(&shown.url(b.val))
                ),
                format!("point {} and {} at the same backend", a.place(), b.place()),
            );
        }
        let suggested = backends
            .first()
            .map(|(b, _)| app_urls::auth_endpoint(b.val));
        let set_it = |why: &str| match &suggested {
            Some(u) => format!(
                "set {AUTH_ENDPOINT}={} in {path}{why}, {REBUILD}",
                shown.url(u)
            ),
            None => format!(
                "set {AUTH_ENDPOINT} in {path} to the backend's /pusher/auth URL{why}, {REBUILD}"
            ),
        };
        let Some(auth) = f.get(AUTH_ENDPOINT) else {
            problems.warn(
                format!("{path} sets no {AUTH_ENDPOINT}: pusher-js posts to /pusher/auth on the page's own host"),
                set_it(""),
            );
            continue;
        };
        let auth_url = match http_url(auth.val) {
            Ok(u) => u,
            Err(_) if auth.val.starts_with('/') => {
                problems.warn(
                    format!("{}: a path, which the browser posts to the page's own host, not the backend's", auth.stated(&shown.url(auth.val))),
                    set_it(" (an absolute URL)"),
                );
                continue;
            }
            Err(why) => {
                problems.fail(
                    format!("{}: {why}", auth.stated(&shown.url(auth.val))),
                    set_it(""),
                );
                continue;
            }
        };
        for (b, b_url) in &backends {
            if b_url.origin() != auth_url.origin() {
                problems.fail(
                    format!(
                        "{} is not on the backend's host: {}",
                        auth.stated(&shown.url(auth.val)),
                        b.stated(&shown.url(b.val))
                    ),
                    set_it(&format!(" (the host of {})", b.place())),
                );
            }
        }
        if backends.is_empty() {
            problems.warn(
                format!(
                    "the backend's host is not known, so {} is not compared with it",
                    auth.place()
                ),
                format!("set {API_BASE_URL} in {path}, or `backend_url` in the profile"),
            );
        }
        if let Some(p) = profile_auth
            && Url::parse(p.val).ok() != Some(auth_url.clone())
        {
            problems.fail(
                format!(
                    "{} differs from {}",
                    auth.stated(&shown.url(auth.val)),
                    p.stated(&shown.url(p.val))
                ),
                format!(
                    "make {} and {} the same URL, {REBUILD}",
                    auth.place(),
                    p.place()
                ),
            );
        }
        passes.push(format!(
            "{} is on the backend's host ({})",
            auth.place(),
            auth_url.origin().ascii_serialization()
        ));
    }
    problems.outcome(passes.join("; "))
}

/// `env.websocket`: websockets enabled (`VITE_ENABLE_WEBSOCKET`, `WS_ENABLED`), the
/// frontend's `VITE_WS_URL` a URL on the backend's host, and `WS_HEARTBEAT_INTERVAL` and
/// `WS_MAX_CONNECTIONS` whole numbers that make sense.
pub fn websocket(files: &EnvFiles, secret: Option<&Secret>) -> Outcome {
    let shown = Shown {
        secrets: files.secrets(secret),
    };
    let mut problems = Problems::default();
    let mut seen = Vec::new();
    for f in files.parsed() {
        let path = f.path.display();
        let mut switch = |var: &'static str, restart: &str| {
            if let Some(v) = f.get(var) {
                seen.push(v.place());
                match parse_bool(v.val) {
                    Some(true) => {}
                    Some(false) => problems.fail(
                        format!("{}: websockets are off", v.stated(&shown.value(v.val))),
                        format!("set {var}=true in {path}, {restart}"),
                    ),
                    None => problems.fail(
                        format!("{}: not true or false", v.stated(&shown.value(v.val))),
                        format!("set {var}=true in {path}, {restart}"),
                    ),
                }
            }
        };
        if f.frontend() {
            switch(ENABLE_WEBSOCKET, REBUILD);
        }
        switch("WS_ENABLED", "then restart the backend");
        if f.frontend() && f.get(ENABLE_WEBSOCKET).is_none() {
            problems.warn(
                format!("{path} does not set {ENABLE_WEBSOCKET}"),
                format!(
                    "set {ENABLE_WEBSOCKET}=true in {path}, as the platform's setup guide does"
                ),
            );
        }
        if let Some(ws) = f.get(WS_URL) {
            seen.push(ws.place());
            ws_url(&mut problems, &shown, f, ws);
        }
        if let Some(v) = f.get("WS_HEARTBEAT_INTERVAL") {
            seen.push(v.place());
            match v.val.trim().parse::<u64>() {
                Ok(secs) if secs >= HEARTBEAT_WARN_SECS => problems.warn(
                    format!("{}: a proxy closes a socket idle for 60 s (nginx's default), before the next beat", v.stated(&shown.value(v.val))),
                    format!("set WS_HEARTBEAT_INTERVAL in {path} under {HEARTBEAT_WARN_SECS} (seconds), e.g. 30"),
                ),
                Ok(secs) if secs > 0 => {}
                _ => problems.fail(
                    format!("{}: not a number of seconds above 0", v.stated(&shown.value(v.val))),
                    format!("set WS_HEARTBEAT_INTERVAL in {path} to a number of seconds, e.g. 30"),
                ),
            }
        }
        if let Some(v) = f.get("WS_MAX_CONNECTIONS") {
            seen.push(v.place());
            if !v.val.trim().parse::<u64>().is_ok_and(|n| n > 0) {
                problems.fail(
                    format!(
                        "{}: not a number of connections above 0",
                        v.stated(&shown.value(v.val))
                    ),
                    format!("set WS_MAX_CONNECTIONS in {path} to a whole number, e.g. 1000"),
                );
            }
        }
    }
    if seen.is_empty() && files.frontends().next().is_none() {
        return Outcome::skip(format!(
            "none of {ENABLE_WEBSOCKET}, {WS_URL} and WS_* is in the files"
        ));
    }
    problems.outcome(format!("websockets on, values sane: {}", seen.join(", ")))
}

/// `VITE_WS_URL`: a URL (http, https, ws or wss) on the backend's host.
fn ws_url(problems: &mut Problems, shown: &Shown, f: Parsed, ws: Found) {
    let path = f.path.display();
    let url = match Url::parse(ws.val) {
        Ok(u)
            if matches!(u.scheme(), "http" | "https" | "ws" | "wss")
                && u.host_str().is_some_and(|h| !h.is_empty()) =>
        {
            u
        }
        _ => {
            problems.fail(
                format!("{}: not an http, https, ws or wss URL with a host", ws.stated(&shown.url(ws.val))),
                format!("set {WS_URL} in {path} to the backend's URL, e.g. http://localhost:8008, {REBUILD}"),
            );
            return;
        }
    };
    if let Some(api) = f.get(API_BASE_URL)
        && let Ok(api_url) = http_url(api.val)
        && (api_url.host_str(), api_url.port_or_known_default())
            != (url.host_str(), url.port_or_known_default())
    {
        problems.warn(
            format!(
                "{} is not on the backend's host: {}",
                ws.stated(&shown.url(ws.val)),
                api.stated(&shown.url(api.val))
            ),
            format!("point {WS_URL} in {path} at the backend, as {API_BASE_URL} does, {REBUILD}"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::outcome::Status;
    use super::*;
    use crate::config::testing::{file, inputs, run};

    const SECRET: &str = "prod-secret-value";

    fn backend() -> Vec<(&'static str, &'static str)> {
        vec![
            ("PUSHER_ENABLED", "true"),
            ("PUSHER_APP_ID", "12345"),
            ("PUSHER_KEY", "prod-key"),
            ("PUSHER_SECRET", SECRET),
            ("PUSHER_CLUSTER", "eu"),
            ("WS_ENABLED", "true"),
            ("WS_HEARTBEAT_INTERVAL", "30"),
            ("WS_MAX_CONNECTIONS", "1000"),
        ]
    }

    fn frontend() -> Vec<(&'static str, &'static str)> {
        vec![
            ("VITE_API_BASE_URL", "http://localhost:8008"),
            ("VITE_WS_URL", "http://localhost:8008"),
            ("VITE_PUSHER_KEY", "prod-key"),
            ("VITE_PUSHER_CLUSTER", "eu"),
            (
                "VITE_PUSHER_AUTH_ENDPOINT",
                "http://localhost:8008/pusher/auth",
            ),
            ("VITE_ENABLE_WEBSOCKET", "true"),
        ]
    }

    /// `vars` with `changes` applied: a value replaced or added, or removed when empty.
    fn with(
        mut vars: Vec<(&'static str, &'static str)>,
        changes: &[(&'static str, &'static str)],
    ) -> Vec<(&'static str, &'static str)> {
        for (k, v) in changes {
            vars.retain(|(name, _)| name != k);
            if !v.is_empty() {
                vars.push((k, v));
            }
        }
        vars
    }

    fn files(list: &[(&str, Vec<(&str, &str)>)]) -> EnvFiles {
        EnvFiles {
            files: list
                .iter()
                .map(|(path, vars)| EnvFile {
                    path: PathBuf::from(path),
                    vars: Ok(vars
                        .iter()
                        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                        .collect()),
                })
                .collect(),
        }
    }

    /// The profile `prod`: app 12345, key `prod-key`, cluster `eu`.
    fn profile() -> Resolved {
        run(&inputs(Some(file()), &[], &[])).unwrap()
    }

    /// Every env check but `env.files`, by id.
    fn all(f: &EnvFiles, r: &Resolved) -> Vec<(&'static str, Outcome)> {
        let s = Secret::new(SECRET);
        vec![
            ("key", key(f, r, Some(&s))),
            ("secret", secret(f, r, Some(&s))),
            ("cluster", cluster(f, r, Some(&s))),
            ("auth_endpoint", auth_endpoint(f, r, Some(&s))),
            ("websocket", websocket(f, Some(&s))),
        ]
    }

    /// Every env check's outcome, which must not show the secret.
    fn failing(f: &EnvFiles, r: &Resolved) -> Vec<(&'static str, Outcome)> {
        let outcomes = all(f, r);
        for (id, o) in &outcomes {
            assert!(!format!("{o:?}").contains(SECRET), "{id}: {o:?}");
        }
        outcomes
            .into_iter()
            .filter(|(_, o)| o.status == Status::Fail)
            .collect()
    }

    /// The one failing check, its finding and hint together.
    fn only_failure(f: &EnvFiles, r: &Resolved, id: &str) -> String {
        let failed = failing(f, r);
        let ids: Vec<&str> = failed.iter().map(|(id, _)| *id).collect();
        assert_eq!(ids, [id], "{failed:#?}");
        let o = &failed[0].1;
        format!("{} | {}", o.finding, o.hint.as_deref().unwrap_or(""))
    }

    #[test]
    fn a_matching_pair_passes_whatever_the_names_and_order() {
        // The frontend first, under names that say nothing: each is known by what it holds.
        let f = files(&[("a.env", frontend()), ("b.env", backend())]);
        let outcome = super::files(&f);
        assert_eq!(outcome.status, Status::Pass, "{outcome:?}");
        assert_eq!(outcome.finding, "read a.env (frontend), b.env (backend)");
        for (id, o) in all(&f, &profile()) {
            assert_eq!(o.status, Status::Pass, "{id}: {o:?}");
            assert!(!format!("{o:?}").contains(SECRET), "{id}: {o:?}");
        }
        let (set, unset) = f.pusher_enabled();
        assert_eq!(set.len(), 1);
        assert_eq!(set[0].source.to_string(), "b.env PUSHER_ENABLED");
        assert!(unset.is_empty());
    }

    #[test]
    fn different_keys_name_both_files_variables_and_values() {
        let f = files(&[
            ("backend/.env", backend()),
            (
                "frontend/.env",
                with(frontend(), &[("VITE_PUSHER_KEY", "other-key")]),
            ),
        ]);
        let text = only_failure(&f, &profile(), "key");
        assert!(
            text.starts_with(
                "VITE_PUSHER_KEY=`other-key` in frontend/.env differs from PUSHER_KEY=`prod-key` in backend/.env | make VITE_PUSHER_KEY in frontend/.env and PUSHER_KEY in backend/.env the same key, then rebuild the frontend"
            ),
            "{text}"
        );
    }

    #[test]
    fn files_that_agree_with_each_other_but_not_the_profile_name_the_profile() {
        let f = files(&[
            (
                "backend/.env",
                with(backend(), &[("PUSHER_KEY", "k2"), ("PUSHER_APP_ID", "999")]),
            ),
            (
                "frontend/.env",
                with(frontend(), &[("VITE_PUSHER_KEY", "k2")]),
            ),
        ]);
        let text = only_failure(&f, &profile(), "key");
        assert!(
            text.contains("the profile's `key` `prod-key` (/c/config.toml:"),
            "{text}"
        );
        assert!(
            text.contains("the profile's `app_id` `12345`")
                && text.contains("PUSHER_APP_ID=`999` in backend/.env"),
            "{text}"
        );
    }

    #[test]
    fn a_missing_key_or_cluster_in_the_frontend_fails() {
        let f = files(&[(
            "frontend/.env",
            with(
                frontend(),
                &[("VITE_PUSHER_KEY", ""), ("VITE_PUSHER_CLUSTER", "")],
            ),
        )]);
        let failed = failing(&f, &profile());
        let ids: Vec<&str> = failed.iter().map(|(id, _)| *id).collect();
        assert_eq!(ids, ["key", "cluster"]);
        assert!(failed[0].1.finding.contains("sets no VITE_PUSHER_KEY"));
        assert!(failed[1].1.finding.contains("pusher-js 8"));
    }

    #[test]
    fn different_clusters_fail_and_a_self_hosted_profile_is_not_compared() {
        let f = files(&[
            ("backend/.env", backend()),
            (
                "frontend/.env",
                with(frontend(), &[("VITE_PUSHER_CLUSTER", "us2")]),
            ),
        ]);
        let text = only_failure(&f, &profile(), "cluster");
        assert!(
            text.starts_with(
                "VITE_PUSHER_CLUSTER=`us2` in frontend/.env differs from PUSHER_CLUSTER=`eu` in backend/.env"
            ),
            "{text}"
        );
        // The files agree on us2; the profile says eu.
        let f = files(&[
            (
                "backend/.env",
                with(backend(), &[("PUSHER_CLUSTER", "us2")]),
            ),
            (
                "frontend/.env",
                with(frontend(), &[("VITE_PUSHER_CLUSTER", "us2")]),
            ),
        ]);
        let text = only_failure(&f, &profile(), "cluster");
        assert!(text.contains("the profile's `cluster` `eu`"), "{text}");
        // A self-hosted profile has no cluster to compare; its host is compared with
        // the backend's PUSHER_HOST, and its port with PUSHER_PORT.
        let local = run(&inputs(None, &[], &[])).unwrap();
        let o = cluster(&f, &local, None);
        assert_eq!(o.status, Status::Pass, "{o:?}");
        let f = files(&[(
            "backend/.env",
            with(
                backend(),
                &[("PUSHER_HOST", "127.0.0.1"), ("PUSHER_PORT", "7001")],
            ),
        )]);
        let o = cluster(&f, &local, None);
        assert_eq!(o.status, Status::Fail, "{o:?}");
        assert!(
            o.finding.starts_with(
                "the profile's `port` `6001` (built-in `local` profile) differs from PUSHER_PORT=`7001` in backend/.env"
            ),
            "{}",
            o.finding
        );
    }

    #[test]
    fn the_auth_endpoint_must_be_on_the_backends_host() {
        let other = "http://auth.example:9000/pusher/auth";
        let f = files(&[(
            "frontend/.env",
            with(frontend(), &[("VITE_PUSHER_AUTH_ENDPOINT", other)]),
        )]);
        let text = only_failure(&f, &profile(), "auth_endpoint");
        assert!(
            text.starts_with(&format!(
                "VITE_PUSHER_AUTH_ENDPOINT=`{other}` in frontend/.env is not on the backend's host: VITE_API_BASE_URL=`http://localhost:8008` in frontend/.env | set VITE_PUSHER_AUTH_ENDPOINT=http://localhost:8008/pusher/auth in frontend/.env"
            )),
            "{text}"
        );
        // Another port on the same host is another server.
        let f = files(&[(
            "frontend/.env",
            with(
                frontend(),
                &[(
                    "VITE_PUSHER_AUTH_ENDPOINT",
                    "http://localhost:9000/pusher/auth",
                )],
            ),
        )]);
        only_failure(&f, &profile(), "auth_endpoint");
    }

    #[test]
    fn the_auth_endpoint_against_the_profiles_urls() {
        let f = files(&[("frontend/.env", frontend())]);
        let r = run(&inputs(
            Some(file()),
            &[("RTCTL_BACKEND_URL", "http://api.example")],
            &[],
        ))
        .unwrap();
        let text = only_failure(&f, &r, "auth_endpoint");
        assert!(
            text.contains(
                "VITE_API_BASE_URL=`http://localhost:8008` in frontend/.env is not on the host of the profile's `backend_url` `http://api.example` (env RTCTL_BACKEND_URL)"
            ),
            "{text}"
        );
        let r = run(&inputs(
            Some(file()),
            &[(
                "RTCTL_AUTH_ENDPOINT",
                "http://localhost:8008/auth?token=t0k",
            )],
            &[],
        ))
        .unwrap();
        let text = only_failure(&f, &r, "auth_endpoint");
        assert!(
            text.contains(
                "differs from the profile's `auth_endpoint` `http://localhost:8008/auth` (env RTCTL_AUTH_ENDPOINT)"
            ),
            "{text}"
        );
        assert!(!text.contains("t0k"), "{text}");
    }

    #[test]
    fn an_auth_endpoint_unset_or_a_path_warns() {
        for value in ["", "/pusher/auth"] {
            let f = files(&[(
                "frontend/.env",
                with(frontend(), &[("VITE_PUSHER_AUTH_ENDPOINT", value)]),
            )]);
            let o = auth_endpoint(&f, &profile(), None);
            assert_eq!(o.status, Status::Warn, "{value}: {o:?}");
            assert!(
                o.hint
                    .unwrap()
                    .starts_with("set VITE_PUSHER_AUTH_ENDPOINT=http://localhost:8008/pusher/auth in frontend/.env"),
                "{value}"
            );
        }
        let f = files(&[("backend/.env", backend())]);
        assert_eq!(auth_endpoint(&f, &profile(), None).status, Status::Skip);
    }

    #[test]
    fn websockets_off_or_insane_values_fail() {
        let cases: &[(&str, &str, &str, Status)] = &[
            ("frontend", "VITE_ENABLE_WEBSOCKET", "false", Status::Fail),
            ("frontend", "VITE_ENABLE_WEBSOCKET", "maybe", Status::Fail),
            ("frontend", "VITE_ENABLE_WEBSOCKET", "", Status::Warn),
            ("frontend", "VITE_WS_URL", "localhost:8008", Status::Fail),
            (
                "frontend",
                "VITE_WS_URL",
                "ws://other.example:8008",
                Status::Warn,
            ),
            (
                "frontend",
                "VITE_WS_URL",
                "ws://localhost:8008/ws",
                Status::Pass,
            ),
            ("backend", "WS_ENABLED", "false", Status::Fail),
            ("backend", "WS_HEARTBEAT_INTERVAL", "0", Status::Fail),
            ("backend", "WS_HEARTBEAT_INTERVAL", "30s", Status::Fail),
            ("backend", "WS_HEARTBEAT_INTERVAL", "90", Status::Warn),
            ("backend", "WS_MAX_CONNECTIONS", "0", Status::Fail),
            ("backend", "WS_MAX_CONNECTIONS", "lots", Status::Fail),
        ];
        for (which, var, value, want) in cases {
            let (b, fr) = match *which {
                "backend" => (with(backend(), &[(var, value)]), frontend()),
                _ => (backend(), with(frontend(), &[(var, value)])),
            };
            let f = files(&[("backend", b), ("frontend", fr)]);
            let o = websocket(&f, None);
            assert_eq!(o.status, *want, "{var}={value}: {o:?}");
            if *want != Status::Pass && !value.is_empty() {
                assert!(
                    o.finding.contains(&format!("{var}=`{value}` in {which}")),
                    "{var}={value}: {}",
                    o.finding
                );
                assert!(o.hint.unwrap().contains(var), "{var}={value}");
            }
        }
    }

    #[test]
    fn secrets_are_compared_never_shown() {
        // The backend's secret is not the profile's.
        let f = files(&[(
            "backend/.env",
            with(backend(), &[("PUSHER_SECRET", "backend-only-secret")]),
        )]);
        let text = only_failure(&f, &profile(), "secret");
        assert!(
            text.starts_with(
                "the profile's `secret` (/c/config.toml:7 [profiles.prod]) is not the same secret as PUSHER_SECRET in backend/.env"
            ),
            "{text}"
        );
        assert!(!text.contains("backend-only-secret"), "{text}");
        // A frontend file holding the secret, under any name, or a VITE_*SECRET.
        for (var, value) in [
            ("VITE_PUSHER_SECRET", "anything-else"),
            ("VITE_TOKEN", SECRET),
        ] {
            let f = files(&[
                ("backend/.env", backend()),
                ("frontend/.env", with(frontend(), &[(var, value)])),
            ]);
            let text = only_failure(&f, &profile(), "secret");
            assert!(
                text.starts_with(&format!("{var} in frontend/.env holds")),
                "{text}"
            );
            assert!(!text.contains(value), "{text}");
        }
        // A key that is in fact the secret is not shown, not even its first characters.
        let f = files(&[
            ("backend/.env", backend()),
            (
                "frontend/.env",
                with(frontend(), &[("VITE_PUSHER_KEY", SECRET)]),
            ),
        ]);
        let failed = failing(&f, &profile());
        let ids: Vec<&str> = failed.iter().map(|(id, _)| *id).collect();
        assert_eq!(ids, ["key", "secret"]);
        assert!(
            failed[0]
                .1
                .finding
                .contains("VITE_PUSHER_KEY=`(a secret, not shown)`"),
            "{}",
            failed[0].1.finding
        );
    }

    #[test]
    fn misspelt_and_unknown_realtime_names_are_named() {
        assert_eq!(unknown_var("PUSHER_KEY"), None);
        assert_eq!(unknown_var("DATABASE_URL"), None);
        assert_eq!(unknown_var("VITE_APP_TITLE"), None);
        for (var, nearest) in [
            ("PUSHER_SECERT", "PUSHER_SECRET"),
            ("VITE_PUSHER_CLUSTR", "VITE_PUSHER_CLUSTER"),
            ("VITE_ENABLE_WEBSOCKETS", "VITE_ENABLE_WEBSOCKET"),
            ("PUSHER_APPID", "PUSHER_APP_ID"),
        ] {
            let (finding, hint) = unknown_var(var).unwrap();
            assert!(
                finding.contains(&format!("did you mean {nearest}?")),
                "{finding}"
            );
            assert_eq!(hint, format!("rename it to {nearest}"));
        }
        let (finding, _) = unknown_var("PUSHER_REGION").unwrap();
        assert_eq!(
            finding,
            "`PUSHER_REGION` is not a variable the platform reads"
        );
        let f = files(&[("x.env", vec![("PUSHER_KEY", "k"), ("PUSHER_SECERT", "s")])]);
        let o = super::files(&f);
        assert_eq!(o.status, Status::Warn, "{o:?}");
        assert!(o.hint.unwrap().ends_with("in x.env"));
    }

    #[test]
    fn unreadable_files_fail_and_none_given_skips_saying_how() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("bad.env");
        std::fs::write(&bad, "PUSHER_SECRET=\"unclosed s3cr3t\n").unwrap();
        let missing = dir.path().join("missing.env");
        let f = EnvFiles::read(&[bad.clone(), missing.clone()]);
        let o = super::files(&f);
        assert_eq!(o.status, Status::Fail, "{o:?}");
        assert!(o.finding.contains(&bad.display().to_string()), "{o:?}");
        assert!(o.finding.contains(&missing.display().to_string()), "{o:?}");
        assert!(!format!("{o:?}").contains("s3cr3t"), "{o:?}");
        let none = super::files(&EnvFiles::default());
        assert_eq!(none.status, Status::Skip);
        assert!(none.hint.unwrap().contains("--compare-env backend/.env"));
    }

    #[test]
    fn the_frontends_origin_is_its_api_base_urls() {
        let f = files(&[
            ("backend/.env", backend()),
            (
                "frontend/.env",
                with(
                    frontend(),
                    &[("VITE_API_BASE_URL", "https://app.example/api/")],
                ),
            ),
        ]);
        let origin = f.frontend_origin().unwrap();
        assert_eq!(origin.val, "https://app.example");
        assert_eq!(origin.source.to_string(), "frontend/.env VITE_API_BASE_URL");
        assert_eq!(
            files(&[("backend/.env", backend())]).frontend_origin(),
            None
        );
    }
}
