//! One module per subcommand; dispatch is one `match`.

pub mod auth;
pub mod bench;
pub mod catalog;
pub mod channels;
pub mod completions;
pub mod config;
pub mod doctor;
mod inflight;
pub mod own_channel;
pub mod probe;
pub(crate) mod publish;
pub mod tail;
pub mod trigger;
pub mod users;
pub mod version;
pub mod webhook;

use std::io::BufRead as _;

use crate::catalog::{BUILTIN, BUILTIN_NAME, Catalog, Choice};
use crate::cli::{Cli, Command, GlobalArgs};
use crate::config::load::{self, DotEnvRequest};
use crate::config::{Field, Resolved, Secret};
use crate::error::{CliError, Kind};
use crate::net::http::RestClient;
use crate::net::tls::Trust;
use crate::pusher::MasterKey;
use crate::ui::Ui;

/// What every command gets: the global options, the UI, and the config, loaded only
/// when a command asks for it (so `--help`, `completions` and `config path` work
/// with a broken config file).
pub struct Ctx {
    pub global: GlobalArgs,
    pub ui: Ui,
    /// The secret given with `--secret-stdin`, read before anything else runs.
    pub stdin_secret: Option<Secret>,
    config: Option<Resolved>,
    trust: Option<Trust>,
}

impl Ctx {
    pub fn new(global: GlobalArgs, ui: Ui) -> Result<Self, CliError> {
        let stdin_secret = if global.secret_stdin {
            Some(read_stdin_secret(&ui)?)
        } else {
            None
        };
        Ok(Self {
            global,
            ui,
            stdin_secret,
            config: None,
            trust: None,
        })
    }

    /// Load the profile (once), printing its warnings.
    pub fn config(&mut self) -> Result<&Resolved, CliError> {
        if self.config.is_none() {
            let mut values = self.global.config_values();
            if let Some(secret) = &self.stdin_secret {
                values.set(Field::Secret, secret.expose(), "--secret-stdin");
            }
            let dotenv = DotEnvRequest {
                path: self.global.env_file.clone(),
            };
            let resolved = load::load(values, &dotenv)?;
            for w in &resolved.warnings {
                self.ui.warn(w);
            }
            self.config = Some(resolved);
        }
        self.config
            .as_ref()
            .ok_or_else(|| CliError::new(Kind::Failure, "config did not load"))
    }

    /// The app secret, read from wherever the profile says. A `secret_command` runs off
    /// the runtime's thread, so Ctrl-C and SIGTERM stop it (and the run) at once.
    pub async fn secret(&mut self) -> Result<Secret, CliError> {
        let spec = self.config()?.require_secret()?.clone();
        interruptible(async { Ok(load::read_secret(&spec).await?) }).await
    }

    /// Refuse to read `what` from stdin when `--secret-stdin` reads the secret from it.
    pub fn stdin_is_free(&self, what: &str, from_stdin: bool) -> Result<(), CliError> {
        if self.global.secret_stdin && from_stdin {
            return Err(CliError::usage(format!(
                "--secret-stdin and {what} from stdin cannot share stdin"
            ))
            .hint(format!(
                "give {what} as a file, or the secret with secret_env / secret_command"
            )));
        }
        Ok(())
    }

    /// The app's key and secret, which sign channel auth, user sign-in and webhooks.
    pub async fn key_and_secret(&mut self) -> Result<(String, Secret), CliError> {
        let key = self.config()?.require_key()?.to_owned();
        Ok((key, self.secret().await?))
    }

    /// The catalogue in use (see `crate::catalog::choose`) and its name for messages, or `None`
    /// when it is turned off.
    pub fn catalog(&mut self, flag: Option<&str>) -> Result<Option<(Catalog, String)>, CliError> {
        let parse = |text: &str, name: String| {
            Catalog::parse(text)
                .map(|c| Some((c, name.clone())))
                .map_err(|e| {
                    CliError::new(
                        Kind::Config,
                        format!("the catalogue {name} is invalid: {e}"),
                    )
                    .hint("see catalogs/toolboxai.toml for the format")
                })
        };
        match crate::catalog::choose(flag, self.config()?.catalog.as_ref()) {
            Choice::Off => Ok(None),
            Choice::BuiltIn => parse(BUILTIN, BUILTIN_NAME.to_owned()),
            Choice::File(path) => {
                let text = std::fs::read_to_string(&path).map_err(|e| {
                    CliError::new(
                        Kind::Config,
                        format!("cannot read the catalogue {}: {e}", path.display()),
                    )
                    .hint(
                        "set `catalog` in the profile or --catalog to a TOML catalogue, or `none`",
                    )
                })?;
                parse(&text, path.display().to_string())
            }
        }
    }

    /// The encryption master key, when one is configured.
    pub fn master_key(&mut self) -> Result<Option<MasterKey>, CliError> {
        let Some(v) = self.config()?.encryption_master_key.clone() else {
            return Ok(None);
        };
        MasterKey::from_base64(v.val.expose())
            .map(Some)
            .map_err(|e| {
                CliError::from(crate::config::ConfigError::Invalid {
                    field: Field::EncryptionMasterKey,
                    origin: v.source,
                    reason: e.to_string(),
                })
            })
    }

    /// The TLS trust every connection of the run uses (built once): the system's roots
    /// and the profile's `ca_cert`.
    pub fn trust(&mut self) -> Result<Trust, CliError> {
        if let Some(trust) = &self.trust {
            return Ok(trust.clone());
        }
        let trust = Trust::new(self.config()?.ca_cert.as_ref())?;
        self.trust = Some(trust.clone());
        Ok(trust)
    }

    /// A REST client for the profile's app and server.
    pub async fn rest(&mut self) -> Result<RestClient, CliError> {
        let secret = self.secret().await?;
        let trust = self.trust()?;
        RestClient::new(self.config()?, secret, &trust)
    }
}

/// `--secret-stdin`: the first line of stdin, or a hidden prompt when stdin is a terminal.
fn read_stdin_secret(ui: &Ui) -> Result<Secret, CliError> {
    let line = if ui.stdin_is_tty {
        dialoguer::Password::new()
            .with_prompt("App secret")
            .interact()
            .map_err(|e| CliError::new(Kind::Interrupted, format!("prompt ended: {e}")))?
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| CliError::usage(format!("cannot read the secret from stdin: {e}")))?;
        line
    };
    let secret = line.trim();
    if secret.is_empty() {
        return Err(
            CliError::usage("--secret-stdin was given but stdin holds no secret")
                .hint("pipe the secret in: `pass show pusher/prod | rtctl --secret-stdin …`"),
        );
    }
    Ok(Secret::new(secret))
}

/// Network work (and a `secret_command`) stops at Ctrl-C (exit 130) or SIGTERM (exit
/// 143); local work needs no such care. The signals are listened for before the work
/// starts.
async fn interruptible<T>(
    work: impl std::future::Future<Output = Result<T, CliError>>,
) -> Result<T, CliError> {
    tokio::select! {
        biased;
        stop = crate::signal::requested() => Err(stop.error()),
        result = work => result,
    }
}

/// Run the parsed command line.
pub async fn run(cli: Cli, ui: Ui) -> Result<(), CliError> {
    if cli.version {
        return version::run(&ui, cli.json);
    }
    let Some(command) = cli.command else {
        return Err(CliError::new(
            Kind::Usage,
            "no subcommand given: `rtctl --help` lists them",
        ));
    };
    let mut ctx = Ctx::new(cli.global, ui)?;
    match command {
        Command::Doctor(args) => interruptible(doctor::run(&mut ctx, args)).await,
        Command::Auth(cmd) => auth::run(&mut ctx, cmd).await,
        Command::Config(cmd) => config::run(&mut ctx, cmd).await,
        Command::Catalog(cmd) => catalog::run(&mut ctx, cmd),
        Command::Completions(args) => completions::run(&ctx, &args),
        Command::Channels(cmd) => channels::run(&mut ctx, cmd).await,
        // trigger's batches and repeats stop on a signal themselves, to print the summary.
        Command::Trigger(args) => trigger::run(&mut ctx, *args).await,
        Command::Probe(args) => probe::run(&mut ctx, *args).await,
        Command::Bench(args) => bench::run(&mut ctx, *args).await,
        Command::Users(cmd) => interruptible(users::run(&mut ctx, cmd)).await,
        // tail handles Ctrl-C itself: it unsubscribes, closes and prints a summary.
        Command::Tail(args) => tail::run(&mut ctx, *args).await,
        Command::Webhook(cmd) => webhook::run(&mut ctx, cmd).await,
    }
}
