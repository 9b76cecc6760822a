//! `rtctl config`: show the resolved profile, list, create and choose profiles.

use clap::{Args, Subcommand};
use serde_json::{Map, Value as Json, json};

use super::Ctx;
use crate::app_urls;
use crate::checks::{self, Selection, list, outcome, render};
use crate::config::defaults::{LOCAL_PORT, LOCAL_PROFILE, LOOPBACK, local_server};
use crate::config::edit::{self, NewValue};
use crate::config::file::ConfigFile;
use crate::config::inputs::Inputs;
use crate::config::load;
use crate::config::resolve;
use crate::config::{CliValues, ConfigError, Field, Resolved, SecretSpec, Source, Value};
use crate::error::CliError;
use crate::net::shown_url;
use crate::text::{escape_for_message, sanitize};
use crate::ui::{json_text, table};

const SHOW_EXAMPLES: &str = "\
Examples:
  rtctl config show
  rtctl config show --show-origin
  rtctl --profile prod config show --json | jq -r .values.host.value";

const INIT_EXAMPLES: &str = "\
Examples:
  rtctl config init                         asks for each value (on a terminal)
  rtctl config init prod --cluster eu --app-id 123 --key abc \\
      --secret-command 'pass show pusher/prod' --backend-url https://app.example.com
  rtctl config init dev --host 127.0.0.1 --port 6001 --no-tls --app-id app-id --key app-key \\
      --backend-url http://localhost:8008 --secret-stdin --check < secret.txt
  rtctl config init internal --host rt.internal --tls --ca-cert ./internal-ca.pem \\
      --app-id 1 --key k --secret-env RT_SECRET --check

--backend-url gives auth_endpoint (/pusher/auth) and webhook_url (/pusher/webhook) under
it, unless --auth-endpoint or --webhook-url say otherwise; trigger --via backend posts to
/realtime/trigger under it. --check (asked on a terminal) sends a signed REST request and
opens a WebSocket with the new profile, and exits with the first failure's code.";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show the resolved profile (secrets masked)
    #[command(after_help = SHOW_EXAMPLES)]
    Show(ShowArgs),
    /// List the profiles in the config file
    List(ListArgs),
    /// Print the config file's path
    Path,
    /// Create a profile, asking on a terminal or from flags without one
    #[command(after_help = INIT_EXAMPLES)]
    Init(InitArgs),
    /// Make a profile the default
    Use(UseArgs),
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Show where each value comes from
    #[arg(long)]
    pub show_origin: bool,

    /// Print as JSON, with sources
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Name of the new profile
    pub name: Option<String>,

    /// Read the secret from this environment variable at run time
    #[arg(long, value_name = "VAR", conflicts_with_all = ["secret_command", "secret_stdin"])]
    pub secret_env: Option<String>,

    /// Run this command at run time and use its first line as the secret
    #[arg(long, value_name = "CMD", conflicts_with = "secret_stdin")]
    pub secret_command: Option<String>,

    /// The app's auth endpoint [default: BACKEND_URL/pusher/auth]
    #[arg(long, value_name = "URL")]
    pub auth_endpoint: Option<String>,

    /// The app's backend, e.g. http://localhost:8008; the auth endpoint and webhook URL
    /// default to the platform's paths under it
    #[arg(long, value_name = "URL")]
    pub backend_url: Option<String>,

    /// The app's webhook endpoint [default: BACKEND_URL/pusher/webhook]
    #[arg(long, value_name = "URL")]
    pub webhook_url: Option<String>,

    /// Make it the default profile (a new file's first profile always is)
    #[arg(long)]
    pub default: bool,

    /// Replace a profile of the same name
    #[arg(long)]
    pub force: bool,

    /// Never prompt, even on a terminal
    #[arg(long)]
    pub no_input: bool,

    /// Check the new profile once written with doctor's connection checks: a signed REST
    /// request, the server's clock, a WebSocket handshake and a ping (asked on a terminal)
    #[arg(long)]
    pub check: bool,
}

#[derive(Debug, Args)]
pub struct UseArgs {
    /// Profile to make the default
    #[arg(add = crate::complete::profile_completer())]
    pub name: String,
}

pub async fn run(ctx: &mut Ctx, cmd: Command) -> Result<(), CliError> {
    match cmd {
        Command::Show(args) => show(ctx, &args),
        Command::List(args) => list(ctx, &args),
        Command::Path => Ok(ctx.ui.out(&load::config_path().display().to_string())?),
        Command::Init(args) => init(ctx, args).await,
        Command::Use(args) => use_profile(ctx, &args),
    }
}

/// One line of `config show`: a key, its value as shown, and where it came from.
struct Row {
    key: &'static str,
    shown: String,
    source: Source,
}

impl Row {
    fn new(key: &'static str, shown: impl Into<String>, source: &Source) -> Self {
        Self {
            key,
            shown: shown.into(),
            source: source.clone(),
        }
    }
}

fn text_row(rows: &mut Vec<Row>, key: &'static str, v: Option<&Value<String>>) {
    if let Some(v) = v {
        rows.push(Row::new(key, v.val.as_str(), &v.source));
    }
}

/// A URL as the rest of rtctl shows one: without credentials, query or fragment.
fn url_row(rows: &mut Vec<Row>, key: &'static str, v: Option<&Value<String>>) {
    if let Some(v) = v {
        rows.push(Row::new(key, shown_url(&v.val), &v.source));
    }
}

/// A built-in credential left out because another server or app is named: none, and why.
fn withheld_row(rows: &mut Vec<Row>, r: &Resolved, field: Field, set: bool) {
    if let (Some(w), false) = (&r.builtin_withheld, set) {
        rows.push(Row::new(
            field.key(),
            format!("(none: {})", w.reason()),
            &w.origin,
        ));
    }
}

fn rows(r: &Resolved) -> Vec<Row> {
    let mut rows = Vec::new();
    text_row(&mut rows, "app_id", r.app_id.as_ref());
    withheld_row(&mut rows, r, Field::AppId, r.app_id.is_some());
    text_row(&mut rows, "key", r.key.as_ref());
    withheld_row(&mut rows, r, Field::Key, r.key.is_some());
    if let Some(spec) = &r.secret {
        let shown = match spec {
            SecretSpec::Given(v) => v.val.masked(),
            SecretSpec::Env { var, .. } => format!("(read from ${var})"),
            SecretSpec::Command { command, .. } => format!("(output of `{command}`, not run)"),
        };
        rows.push(Row::new("secret", shown, spec.source()));
    }
    withheld_row(&mut rows, r, Field::Secret, r.secret.is_some());
    text_row(&mut rows, "cluster", r.cluster.as_ref());
    if let Some(ep) = &r.rest {
        rows.push(Row::new("host", ep.host.val.as_str(), &ep.host.source));
        rows.push(Row::new("port", ep.port.val.to_string(), &ep.port.source));
        rows.push(Row::new("tls", ep.tls.val.to_string(), &ep.tls.source));
    }
    if let Some(ep) = &r.ws {
        rows.push(Row::new("ws_host", ep.host.val.as_str(), &ep.host.source));
        rows.push(Row::new(
            "ws_port",
            ep.port.val.to_string(),
            &ep.port.source,
        ));
    }
    text_row(&mut rows, "ca_cert", r.ca_cert.as_ref());
    url_row(&mut rows, "auth_endpoint", r.auth_endpoint.as_ref());
    if let Some(h) = &r.auth_headers {
        let shown = h
            .val
            .iter()
            .map(|(n, v)| format!("{n}: {}", v.masked()))
            .collect::<Vec<_>>()
            .join("; ");
        rows.push(Row::new("auth_headers", shown, &h.source));
    }
    url_row(&mut rows, "backend_url", r.backend_url.as_ref());
    url_row(&mut rows, "webhook_url", r.webhook_url.as_ref());
    if let Some(v) = &r.backend_token {
        rows.push(Row::new("backend_token", v.val.masked(), &v.source));
    }
    if let Some(v) = &r.encryption_master_key {
        rows.push(Row::new(
            "encryption_master_key",
            v.val.withheld(),
            &v.source,
        ));
    }
    rows.push(Row::new(
        "timeout",
        humantime::format_duration(r.timeout.val).to_string(),
        &r.timeout.source,
    ));
    for (key, v) in [
        ("env_file", &r.env_file),
        ("trust_env_file", &r.trust_env_file),
    ] {
        if let Some(v) = v {
            rows.push(Row::new(key, v.val.to_string(), &v.source));
        }
    }
    text_row(&mut rows, "catalog", r.catalog.as_ref());
    rows.push(Row::new(
        "max_payload_kb",
        r.max_payload_kb.val.to_string(),
        &r.max_payload_kb.source,
    ));
    rows
}

fn show(ctx: &mut Ctx, args: &ShowArgs) -> Result<(), CliError> {
    let r = ctx.config()?.clone();
    let rows = rows(&r);
    let file = r.file.as_ref().map(|p| p.display().to_string());
    if args.json {
        let mut values = Map::new();
        for row in &rows {
            values.insert(
                row.key.into(),
                json!({ "value": row.shown, "source": row.source }),
            );
        }
        let out = json!({
            "profile": { "value": r.profile.val, "source": r.profile.source },
            "file": file,
            "rest_url": r.rest.as_ref().map(|e| e.http_base()),
            "ws_url": r.ws.as_ref().map(|e| e.ws_base()),
            "values": values,
        });
        return Ok(ctx.ui.out(&json_text(&out))?);
    }
    let mut lines = vec![
        (
            "profile".to_owned(),
            r.profile.val.clone(),
            r.profile.source.to_string(),
        ),
        (
            "file".to_owned(),
            file.unwrap_or_else(|| format!("(none at {})", load::config_path().display())),
            String::new(),
        ),
    ];
    lines.extend(rows.iter().map(|row| {
        (
            row.key.to_owned(),
            row.shown.clone(),
            row.source.to_string(),
        )
    }));
    let table_rows: Vec<Vec<String>> = lines
        .into_iter()
        .map(|(k, v, s)| {
            let mut cells = vec![k, v];
            if args.show_origin {
                cells.push(s);
            }
            cells
        })
        .collect();
    let header: &[&str] = if args.show_origin {
        &["FIELD", "VALUE", "FROM"]
    } else {
        &["FIELD", "VALUE"]
    };
    Ok(ctx.ui.out(&table::render(header, &table_rows))?)
}

fn list(ctx: &mut Ctx, args: &ListArgs) -> Result<(), CliError> {
    let path = load::config_path();
    let file = load::read_file(&path)?;
    // The profile a command would use: --profile, RTCTL_PROFILE, default_profile, local.
    let inputs = Inputs {
        file: file.clone(),
        env: load::env_snapshot(),
        cli: CliValues {
            profile: ctx.global.profile.clone(),
            values: Vec::new(),
        },
        ..Default::default()
    };
    let current = resolve::select_profile(&inputs)?.val;
    let default = file
        .as_ref()
        .and_then(|f| f.default_profile.as_ref().map(|d| d.0.clone()))
        .unwrap_or_else(|| LOCAL_PROFILE.to_owned());
    let mut profiles: Vec<(String, String, bool)> = Vec::new();
    if let Some(f) = &file {
        for (name, p) in &f.profiles {
            let get = |field: Field| match p.values.get(&field).map(|v| &v.0) {
                Some(crate::config::file::FileValue::Str(s)) => Some(s.clone()),
                Some(crate::config::file::FileValue::Int(i)) => Some(i.to_string()),
                _ => None,
            };
            let server = match (get(Field::Host), get(Field::Port), get(Field::Cluster)) {
                (Some(h), Some(port), _) => format!("{h}:{port}"),
                (Some(h), None, _) => h,
                (None, _, Some(c)) => format!("cluster {c}"),
                (None, _, None) => "(no server set)".to_owned(),
            };
            profiles.push((name.clone(), server, false));
        }
    }
    if !profiles.iter().any(|p| p.0 == LOCAL_PROFILE) {
        profiles.push((LOCAL_PROFILE.to_owned(), local_server(), true));
    }
    if args.json {
        let items: Vec<Json> = profiles
            .iter()
            .map(|(name, server, builtin)| {
                json!({ "name": name, "server": server, "current": *name == current, "default": *name == default, "builtin": builtin })
            })
            .collect();
        return Ok(ctx.ui.out(&json_text(&Json::Array(items)))?);
    }
    let rows: Vec<Vec<String>> = profiles
        .into_iter()
        .map(|(name, server, builtin)| {
            let mark = if name == current { "*" } else { " " };
            let server = if builtin {
                format!("{server} (built-in)")
            } else {
                server
            };
            vec![format!("{mark} {name}"), server]
        })
        .collect();
    Ok(ctx
        .ui
        .out(&table::render(&["  PROFILE", "SERVER"], &rows))?)
}

/// What `init` has gathered so far, from flags and prompts.
#[derive(Default)]
struct Draft {
    name: Option<String>,
    values: Vec<(Field, NewValue)>,
}

impl Draft {
    fn has(&self, f: Field) -> bool {
        self.values.iter().any(|(g, _)| *g == f)
    }

    fn put(&mut self, f: Field, v: NewValue) {
        self.values.retain(|(g, _)| *g != f);
        self.values.push((f, v));
    }

    fn text(&self, f: Field) -> Option<&str> {
        self.values.iter().find_map(|(g, v)| match v {
            NewValue::Str(s) if *g == f => Some(s.as_str()),
            _ => None,
        })
    }

    /// A self-hosted server with TLS (the default for a host), which may need a CA.
    fn self_hosted_tls(&self) -> bool {
        self.has(Field::Host)
            && !self
                .values
                .iter()
                .any(|(f, v)| *f == Field::Tls && *v == NewValue::Bool(false))
    }
}

/// The app's URLs `init` writes, each from its flag.
const URL_FLAGS: [(Field, &str); 3] = [
    (Field::BackendUrl, "--backend-url"),
    (Field::AuthEndpoint, "--auth-endpoint"),
    (Field::WebhookUrl, "--webhook-url"),
];

/// An endpoint derived from `backend_url`: its field, its prompt, and how.
type Derived = (Field, &'static str, fn(&str) -> String);

/// The endpoints derived from `backend_url`, as the platform lays them out.
const FROM_BACKEND: [Derived; 2] = [
    (
        Field::AuthEndpoint,
        "Auth endpoint",
        app_urls::auth_endpoint,
    ),
    (Field::WebhookUrl, "Webhook URL", app_urls::webhook_url),
];

/// An http(s) URL given as `what` (a flag, or a prompt's answer), or why it will not do.
fn check_url(what: &str, url: &str) -> Result<(), CliError> {
    match app_urls::not_http(url) {
        Some(why) => Err(CliError::usage(format!(
            "{what} `{}`: {why}",
            escape_for_message(&shown_url(url))
        ))
        .hint("for example http://localhost:8008 or https://app.example.com")),
        None => Ok(()),
    }
}

/// A file named on the command line, as the profile stores it: made absolute (a relative
/// path in the file would be taken relative to the file, not to where the user was).
fn absolute_file(what: &str, given: &str) -> Result<String, CliError> {
    let path = std::path::absolute(given)
        .map_err(|e| CliError::usage(format!("{what} `{}`: {e}", escape_for_message(given))))?;
    if !path.is_file() {
        return Err(CliError::usage(format!(
            "{what} `{}`: no such file",
            sanitize(&path.display().to_string(), false)
        ))
        .hint("give the path of an existing file, relative to the current directory or absolute"));
    }
    path.to_str().map(str::to_owned).ok_or_else(|| {
        CliError::usage(format!(
            "{what} `{}`: the config file can only hold a UTF-8 path",
            sanitize(&path.display().to_string(), false)
        ))
    })
}

fn draft_from_flags(ctx: &Ctx, args: &InitArgs) -> Result<Draft, CliError> {
    let mut d = Draft {
        name: args.name.clone(),
        ..Default::default()
    };
    for (field, value, flag) in ctx.global.config_values().values {
        let v = match field {
            Field::Port | Field::WsPort => {
                NewValue::Int(value.parse().map_err(|_| CliError::usage("bad port"))?)
            }
            Field::Tls | Field::EnvFile | Field::TrustEnvFile => NewValue::Bool(value == "true"),
            Field::CaCert => NewValue::Str(absolute_file(&flag, &value)?),
            Field::Catalog if value != "none" => NewValue::Str(absolute_file(&flag, &value)?),
            _ => NewValue::Str(value),
        };
        d.put(field, v);
    }
    if let Some(secret) = &ctx.stdin_secret {
        d.put(Field::Secret, NewValue::Str(secret.expose().to_owned()));
    }
    for (field, v) in [
        (Field::SecretEnv, &args.secret_env),
        (Field::SecretCommand, &args.secret_command),
        (Field::AuthEndpoint, &args.auth_endpoint),
        (Field::BackendUrl, &args.backend_url),
        (Field::WebhookUrl, &args.webhook_url),
    ] {
        if let Some(v) = v {
            d.put(field, NewValue::Str(v.clone()));
        }
    }
    for (field, flag) in URL_FLAGS {
        if let Some(url) = d.text(field) {
            check_url(flag, url)?;
        }
    }
    Ok(d)
}

/// Without a terminal: the endpoints a backend URL gives, where no flag gave them.
fn derive_endpoints(d: &mut Draft) {
    let Some(backend) = d.text(Field::BackendUrl).map(str::to_owned) else {
        return;
    };
    for (field, _, derive) in FROM_BACKEND {
        if !d.has(field) {
            d.put(field, NewValue::Str(derive(&backend)));
        }
    }
}

fn prompt_err(e: dialoguer::Error) -> CliError {
    CliError::new(
        crate::error::Kind::Interrupted,
        format!("prompt ended: {e}"),
    )
}

/// Ask for whatever the flags did not give.
fn ask(d: &mut Draft) -> Result<(), CliError> {
    use dialoguer::{Input, Password, Select};
    if d.name.is_none() {
        let name: String = Input::new()
            .with_prompt("Profile name")
            .default("default".into())
            .interact_text()
            .map_err(prompt_err)?;
        d.name = Some(name);
    }
    if !d.has(Field::Cluster) && !d.has(Field::Host) {
        let kind = Select::new()
            .with_prompt("Server")
            .items([
                "Pusher (hosted, by cluster)",
                "Self-hosted (sockudo, soketi, Reverb)",
            ])
            .default(0)
            .interact()
            .map_err(prompt_err)?;
        if kind == 0 {
            let cluster: String = Input::new()
                .with_prompt("Cluster (mt1, us2, eu, ap1, …)")
                .interact_text()
                .map_err(prompt_err)?;
            d.put(Field::Cluster, NewValue::Str(cluster));
        } else {
            let host: String = Input::new()
                .with_prompt("Host")
                .default(LOOPBACK.into())
                .interact_text()
                .map_err(prompt_err)?;
            let port: u16 = Input::new()
                .with_prompt("Port")
                .default(LOCAL_PORT)
                .interact_text()
                .map_err(prompt_err)?;
            let tls = dialoguer::Confirm::new()
                .with_prompt("TLS (https/wss)?")
                .default(false)
                .interact()
                .map_err(prompt_err)?;
            d.put(Field::Host, NewValue::Str(host));
            d.put(Field::Port, NewValue::Int(i64::from(port)));
            d.put(Field::Tls, NewValue::Bool(tls));
        }
    }
    for (field, prompt) in [(Field::AppId, "App id"), (Field::Key, "App key")] {
        if !d.has(field) {
            let v: String = Input::new()
                .with_prompt(prompt)
                .interact_text()
                .map_err(prompt_err)?;
            d.put(field, NewValue::Str(v));
        }
    }
    if ![Field::Secret, Field::SecretEnv, Field::SecretCommand]
        .iter()
        .any(|f| d.has(*f))
    {
        let secret = Password::new()
            .with_prompt("App secret (empty to add secret_command or secret_env later)")
            .allow_empty_password(true)
            .interact()
            .map_err(prompt_err)?;
        if !secret.is_empty() {
            d.put(Field::Secret, NewValue::Str(secret));
        }
    }
    ask_endpoints(d)?;
    if d.self_hosted_tls() && !d.has(Field::CaCert) {
        let ca: String = Input::new()
            .with_prompt("CA certificate (PEM) for a private CA, empty for the system's")
            .allow_empty(true)
            .validate_with(|v: &String| {
                if v.is_empty() {
                    Ok(())
                } else {
                    absolute_file("CA file", v).map(drop).map_err(|e| e.message)
                }
            })
            .interact_text()
            .map_err(prompt_err)?;
        if !ca.is_empty() {
            d.put(Field::CaCert, NewValue::Str(absolute_file("CA file", &ca)?));
        }
    }
    Ok(())
}

/// Ask for the app's backend URL, then for each endpoint under it, the platform's path
/// filled in for the user to keep or edit (or clear, to leave it out).
fn ask_endpoints(d: &mut Draft) -> Result<(), CliError> {
    use dialoguer::Input;
    let valid = |v: &String| {
        if v.is_empty() {
            Ok(())
        } else {
            check_url("URL", v).map_err(|e| e.message)
        }
    };
    if !d.has(Field::BackendUrl) {
        let url: String = Input::new()
            .with_prompt("App backend URL, e.g. http://localhost:8008 (empty to skip)")
            .allow_empty(true)
            .validate_with(valid)
            .interact_text()
            .map_err(prompt_err)?;
        if !url.is_empty() {
            d.put(Field::BackendUrl, NewValue::Str(url));
        }
    }
    let Some(backend) = d.text(Field::BackendUrl).map(str::to_owned) else {
        return Ok(());
    };
    for (field, prompt, derive) in FROM_BACKEND {
        if !d.has(field) {
            let url: String = Input::new()
                .with_prompt(format!("{prompt} (empty to leave out)"))
                .with_initial_text(derive(&backend))
                .allow_empty(true)
                .validate_with(valid)
                .interact_text()
                .map_err(prompt_err)?;
            if !url.is_empty() {
                d.put(field, NewValue::Str(url));
            }
        }
    }
    Ok(())
}

async fn init(ctx: &mut Ctx, args: InitArgs) -> Result<(), CliError> {
    let mut d = draft_from_flags(ctx, &args)?;
    let interactive =
        !args.no_input && ctx.ui.stdin_is_tty && ctx.ui.stderr_is_tty && !ctx.global.secret_stdin;
    if interactive {
        ask(&mut d)?;
    } else {
        derive_endpoints(&mut d);
    }
    let name = d.name.clone().ok_or_else(|| {
        CliError::from(ConfigError::Incomplete(
            "a profile name is needed: `rtctl config init NAME`".into(),
        ))
    })?;
    let name_ok = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
    if !name_ok {
        return Err(CliError::usage(format!("`{name}` is not a profile name"))
            .hint("use letters, digits, `_`, `-` and `.`, e.g. prod or eu-staging"));
    }
    for field in [Field::AppId, Field::Key] {
        if !d.has(field) {
            return Err(ConfigError::Incomplete(format!(
                "no `{field}` given for the new profile: pass {}",
                field.flag().unwrap_or_default()
            ))
            .into());
        }
    }
    if !d.has(Field::Cluster) && !d.has(Field::Host) {
        return Err(ConfigError::Incomplete(
            "no server given for the new profile: pass --cluster NAME (Pusher) or --host HOST (self-hosted)".into(),
        )
        .into());
    }
    let path = load::config_path();
    let existing = load::read_text(&path)?;
    let had_default = existing
        .as_deref()
        .and_then(|t| ConfigFile::parse(&path, t).ok())
        .is_some_and(|f| f.default_profile.is_some());
    let make_default = args.default || !had_default;
    let mut text = existing.unwrap_or_default();
    if make_default {
        text = edit::set_default_profile(&path, &text, &name)?;
    }
    let text = edit::put_profile(&path, &text, &name, &d.values, args.force)?;
    // Check the new profile resolves before writing anything.
    let inputs = Inputs {
        file: Some(ConfigFile::parse(&path, &text)?),
        cli: CliValues {
            profile: Some(name.clone()),
            values: Vec::new(),
        },
        ..Default::default()
    };
    let profile = resolve::resolve(&inputs, resolve::select_profile(&inputs)?)?;
    load::write_private(&path, &text)?;
    ctx.ui
        .status(&format!("created profile `{name}` in {}", path.display()));
    if make_default {
        ctx.ui
            .status(&format!("`{name}` is now the default profile"));
    }
    for (field, _) in URL_FLAGS {
        if let Some(url) = d.text(field) {
            ctx.ui.status(&format!("  {field}: {}", shown_url(url)));
        }
    }
    if let Some(backend) = d.text(Field::BackendUrl) {
        ctx.ui.status(&format!(
            "  trigger --via backend posts to {}",
            shown_url(&app_urls::trigger_url(backend))
        ));
    }
    if let Some(ca) = d.text(Field::CaCert) {
        ctx.ui
            .status(&format!("  {}: {}", Field::CaCert, sanitize(ca, false)));
    }
    if ![Field::Secret, Field::SecretEnv, Field::SecretCommand]
        .iter()
        .any(|f| d.has(*f))
    {
        ctx.ui.warn(&format!(
            "profile `{name}` has no secret: add `secret_command` or `secret_env` to it, or use --secret-stdin"
        ));
    }
    let check = args.check
        || (interactive
            && dialoguer::Confirm::new()
                .with_prompt(
                    "Check the connection now (a REST request and a WebSocket, as doctor does)?",
                )
                .default(true)
                .interact()
                .map_err(prompt_err)?);
    if check {
        // The connection checks doctor runs: credentials, clock and socket.
        let specs = list::select(&Selection {
            only: ["credentials", "clock", "socket"]
                .map(String::from)
                .to_vec(),
            ..Selection::default()
        })?;
        let ran =
            super::interruptible(checks::run(&profile, &specs, &checks::Given::default())).await?;
        ctx.ui
            .status(&render::human(&ran, &name, false, ctx.ui.color_err));
        outcome::first_failure(&ran)?;
    }
    Ok(())
}

fn use_profile(ctx: &mut Ctx, args: &UseArgs) -> Result<(), CliError> {
    let path = load::config_path();
    let text = load::read_text(&path)?.unwrap_or_default();
    let file = ConfigFile::parse(&path, &text)?;
    if args.name != LOCAL_PROFILE && !file.profiles.contains_key(&args.name) {
        return Err(ConfigError::UnknownProfile {
            name: args.name.clone(),
            origin: Source::Cli {
                flag: "config use".into(),
            },
            available: file.profile_names(),
        }
        .into());
    }
    let text = edit::set_default_profile(&path, &text, &args.name)?;
    load::write_private(&path, &text)?;
    ctx.ui
        .status(&format!("`{}` is now the default profile", args.name));
    Ok(())
}
