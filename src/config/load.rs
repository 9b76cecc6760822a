//! The one place configuration touches the outside world: finding and reading the
//! file, the environment, a `.env` file, a secret command; writing the file.

use std::collections::BTreeMap;
use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use tokio::io::AsyncReadExt as _;

use super::error::ConfigError;
use super::file::ConfigFile;
use super::inputs::{self, CliValues, Inputs};
use super::resolve;
use super::resolved::{Resolved, SecretSpec};
use super::value::{Secret, Source};

/// `$RTCTL_CONFIG`, else `$XDG_CONFIG_HOME/rtctl/config.toml`, else `~/.config/rtctl/config.toml`
/// (on macOS too, like gh and most CLIs, rather than `~/Library`).
pub fn config_path() -> PathBuf {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    if let Some(p) = var("RTCTL_CONFIG") {
        return PathBuf::from(p);
    }
    let base = var("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| dirs::home_dir().map(|h| h.join(".config")))
        .unwrap_or_else(|| PathBuf::from(".config"));
    base.join("rtctl").join("config.toml")
}

/// The config file's text, as `config init` and `config use` edit it; `None` when
/// there is none.
pub fn read_text(path: &Path) -> Result<Option<String>, ConfigError> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(ConfigError::Read {
            path: path.to_owned(),
            source,
        }),
    }
}

/// Read and parse the file; `None` when there is none.
pub fn read_file(path: &Path) -> Result<Option<ConfigFile>, ConfigError> {
    read_text(path)?
        .map(|text| ConfigFile::parse(path, &text))
        .transpose()
}

/// The variables resolution looks at.
pub fn env_snapshot() -> BTreeMap<String, String> {
    std::env::vars()
        .filter(|(k, _)| k.starts_with("RTCTL_") || k.starts_with("PUSHER_"))
        .collect()
}

/// A `.env` file's variables; a line that does not parse is named by its number, never
/// shown.
///
/// A value may not read another variable: dotenvy replaces `$VAR` and `${VAR}` outside
/// single quotes with the process environment's value, which would let a `.env` copy a
/// token from the environment into a value it sends to a URL it names. Such a file is
/// refused, naming the line.
pub fn read_dotenv(path: &Path) -> Result<BTreeMap<String, String>, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
        path: path.to_owned(),
        source,
    })?;
    parse_dotenv(path, &text)
}

/// A `.env` file's variables from its text, as `read_dotenv` reads them; `path` only
/// names the file in errors.
pub fn parse_dotenv(path: &Path, text: &str) -> Result<BTreeMap<String, String>, ConfigError> {
    if let Some(line) = substitution_line(text) {
        return Err(ConfigError::DotEnv {
            path: path.to_owned(),
            message: format!(
                "line {line} has a `$`, which would read another variable's value: a .env rtctl reads may not; write a literal `$` inside single quotes"
            ),
        });
    }
    dotenvy::from_read_iter(text.as_bytes())
        .map(|item| item.map_err(|e| dotenv_error(path, text, e)))
        .collect()
}

/// The line of the first `$` in a value outside single quotes (where dotenvy would
/// substitute a variable), skipping comments.
fn substitution_line(text: &str) -> Option<usize> {
    let (mut line, mut in_value, mut comment) = (1, false, false);
    let mut quote: Option<char> = None;
    let mut prev = '\n';
    for c in text.chars() {
        match c {
            '\n' => {
                line += 1;
                if quote.is_none() {
                    in_value = false;
                    comment = false;
                }
            }
            _ if comment => {}
            '#' if quote.is_none() && (!in_value || prev.is_whitespace()) => comment = true,
            '=' if !in_value => in_value = true,
            '\'' | '"' if in_value && quote.is_none() => quote = Some(c),
            c if Some(c) == quote && !(c == '"' && prev == '\\') => quote = None,
            '$' if in_value && quote != Some('\'') => return Some(line),
            _ => {}
        }
        prev = c;
    }
    None
}

fn dotenv_error(path: &Path, text: &str, e: dotenvy::Error) -> ConfigError {
    match e {
        dotenvy::Error::Io(source) => ConfigError::Read {
            path: path.to_owned(),
            source,
        },
        // The line itself is never shown: it may hold a secret.
        dotenvy::Error::LineParse(line, _) => {
            let at = text
                .find(&line)
                .map(|i| text[..i].matches('\n').count() + 1);
            ConfigError::DotEnv {
                path: path.to_owned(),
                message: match at {
                    Some(n) => format!("line {n} cannot be parsed (an unclosed quote?)"),
                    None => "a line cannot be parsed (an unclosed quote?)".to_owned(),
                },
            }
        }
        other => ConfigError::DotEnv {
            path: path.to_owned(),
            message: other.to_string(),
        },
    }
}

/// What a file rtctl reads settings from can do, for `permission_warning`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Holds {
    /// A `.env`: values only.
    Values { secret: bool },
    /// The config file: values, and a `secret_command` rtctl runs.
    Commands { secret: bool },
}

/// A warning, as ssh gives, when a file holding a secret is readable by group or others,
/// or the config file (which can set a command for rtctl to run) is writable by them.
#[cfg(unix)]
fn permission_warning(path: &Path, holds: Holds) -> Option<String> {
    use std::os::unix::fs::PermissionsExt as _;
    let mode = std::fs::metadata(path).ok()?.permissions().mode() & 0o777;
    let (secret, commands) = match holds {
        Holds::Values { secret } => (secret, false),
        Holds::Commands { secret } => (secret, true),
    };
    let mut problems = Vec::new();
    if secret && mode & 0o044 != 0 {
        problems.push("holds a secret and is readable by others");
    }
    if commands && mode & 0o022 != 0 {
        problems.push("is writable by others, who could set a `secret_command` for rtctl to run");
    }
    (!problems.is_empty()).then(|| {
        format!(
            "{} {} (mode {mode:o}); run `chmod 600 {}`",
            path.display(),
            problems.join(", and "),
            path.display()
        )
    })
}

#[cfg(not(unix))]
fn permission_warning(_: &Path, _: Holds) -> Option<String> {
    None
}

/// The warning for a `.env` that holds a secret others can read, if it does.
pub fn dotenv_permission_warning(path: &Path, vars: &BTreeMap<String, String>) -> Option<String> {
    let holds = Holds::Values {
        secret: vars.keys().any(|k| inputs::is_secret_var(k)),
    };
    permission_warning(path, holds)
}

/// Where to look for `.env`, from `--env-file [PATH]`.
#[derive(Debug, Clone, Default)]
pub struct DotEnvRequest {
    /// `--env-file PATH` was given: a missing file is an error.
    pub path: Option<PathBuf>,
}

/// Load the chosen profile: file, environment, `.env`, flags.
pub fn load(cli: CliValues, dotenv: &DotEnvRequest) -> Result<Resolved, ConfigError> {
    let path = config_path();
    let file = read_file(&path)?;
    let mut warnings = Vec::new();
    if file.is_none() && std::env::var_os("RTCTL_CONFIG").is_some_and(|v| !v.is_empty()) {
        warnings.push(format!(
            "RTCTL_CONFIG points at {}, which does not exist",
            path.display()
        ));
    }
    if let Some(f) = &file {
        let holds = Holds::Commands {
            secret: f.holds_secret(),
        };
        warnings.extend(permission_warning(&path, holds));
    }
    let mut inputs = Inputs {
        file,
        env: env_snapshot(),
        dotenv: None,
        cli,
    };
    let profile = resolve::select_profile(&inputs)?;
    if dotenv.path.is_some() || resolve::wants_dotenv(&inputs, &profile.val)? {
        let p = dotenv.path.clone().unwrap_or_else(|| PathBuf::from(".env"));
        if p.exists() || dotenv.path.is_some() {
            let vars = read_dotenv(&p)?;
            warnings.extend(dotenv_permission_warning(&p, &vars));
            inputs.dotenv = Some((p.clone(), vars));
        } else {
            warnings.push(format!("env_file is on but there is no {}", p.display()));
        }
    }
    let mut resolved = resolve::resolve(&inputs, profile)?;
    warnings.append(&mut resolved.warnings);
    resolved.warnings = warnings;
    Ok(resolved)
}

/// How long `secret_command` may take: one waiting for a PIN or a touch that never comes
/// must not hang a CI job.
pub const SECRET_COMMAND_TIMEOUT: Duration = Duration::from_secs(30);

/// The most of a secret command's output read; the secret is its first line.
const SECRET_OUTPUT_LIMIT: u64 = 64 * 1024;

/// Read the secret, running `secret_command` or reading `secret_env` when that is the way.
pub async fn read_secret(spec: &SecretSpec) -> Result<Secret, ConfigError> {
    match spec {
        SecretSpec::Command { command, source } => run_secret_command(command, source).await,
        other => secret_without_command(other).unwrap_or_else(|| {
            Err(ConfigError::SecretCommand {
                origin: other.source().clone(),
                reason: "no command to run".into(),
            })
        }),
    }
}

/// The secret when no command must run for it (given, or from `secret_env`); `None`
/// for a `secret_command`. Shell completion takes only these.
pub fn secret_without_command(spec: &SecretSpec) -> Option<Result<Secret, ConfigError>> {
    match spec {
        SecretSpec::Given(v) => Some(Ok(v.val.clone())),
        SecretSpec::Env { var, source } => Some(
            std::env::var(var)
                .ok()
                .filter(|s| !s.is_empty())
                .map(Secret::new)
                .ok_or_else(|| ConfigError::SecretEnvUnset {
                    var: var.clone(),
                    origin: source.clone(),
                }),
        ),
        SecretSpec::Command { .. } => None,
    }
}

/// Run `command` without blocking the runtime, for at most `SECRET_COMMAND_TIMEOUT`;
/// it is killed when it takes longer, or when the caller stops waiting (Ctrl-C).
async fn run_secret_command(command: &str, source: &Source) -> Result<Secret, ConfigError> {
    let fail = |reason: String| ConfigError::SecretCommand {
        origin: source.clone(),
        reason,
    };
    let (shell, flag) = if cfg!(windows) {
        ("cmd", "/C")
    } else {
        ("sh", "-c")
    };
    // A terminal is passed on for a PIN prompt; a pipe is not (it may be rtctl's own
    // input, and a prompt reading it would wait forever). The command's stderr (a
    // prompt, an error) reaches the user; its stdout is the secret and is never shown.
    let interactive = std::io::stdin().is_terminal();
    let mut cmd = tokio::process::Command::new(shell);
    cmd.args([flag, command])
        .stdin(if interactive {
            Stdio::inherit()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .kill_on_drop(true);
    // With no terminal to prompt on, the command gets its own process group, so that
    // stopping it stops what it started too (`pass show x | head -1`, a `sleep`). On a
    // terminal it stays in the foreground group, where a PIN prompt can read, and where
    // Ctrl-C reaches all of it anyway.
    #[cfg(unix)]
    if !interactive {
        cmd.process_group(0);
    }
    let mut child = cmd
        .spawn()
        .map_err(|e| fail(format!("cannot run `{command}`: {e}")))?;
    let mut group = Group::of(&child, !interactive);
    let stdout = child.stdout.take();
    let read = async move {
        let mut out = Vec::new();
        if let Some(pipe) = stdout {
            pipe.take(SECRET_OUTPUT_LIMIT).read_to_end(&mut out).await?;
        }
        Ok::<_, std::io::Error>(out)
    };
    let finished = tokio::time::timeout(SECRET_COMMAND_TIMEOUT, async {
        tokio::join!(read, child.wait())
    })
    .await;
    let Ok((out, status)) = finished else {
        // Killed (with its group) and reaped before the error is reported.
        group.kill();
        let _ = child.kill().await;
        return Err(ConfigError::SecretCommandTimeout {
            origin: source.clone(),
            after: SECRET_COMMAND_TIMEOUT,
        });
    };
    // It ended by itself: what it left running (an agent it started) is its business.
    group.forget();
    let status = status.map_err(|e| fail(format!("cannot wait for `{command}`: {e}")))?;
    if !status.success() {
        return Err(fail(format!("`{command}` exited with {status}")));
    }
    let out = out.map_err(|e| fail(format!("cannot read what `{command}` printed: {e}")))?;
    let text = String::from_utf8(out)
        .map_err(|_| fail(format!("`{command}` printed something that is not UTF-8")))?;
    let line = text.lines().next().unwrap_or("").trim_end_matches('\r');
    if line.is_empty() {
        return Err(fail(format!("`{command}` printed nothing")));
    }
    Ok(Secret::new(line))
}

/// A secret command's own process group, killed with everything in it when the wait
/// for the command ends early (a time-out, or Ctrl-C dropping the wait).
#[cfg(unix)]
struct Group(Option<rustix::process::Pid>);

#[cfg(unix)]
impl Group {
    fn of(child: &tokio::process::Child, own_group: bool) -> Self {
        Self(
            child
                .id()
                .filter(|_| own_group)
                .and_then(|id| i32::try_from(id).ok())
                .and_then(rustix::process::Pid::from_raw),
        )
    }

    fn kill(&mut self) {
        if let Some(pid) = self.0.take() {
            let _ = rustix::process::kill_process_group(pid, rustix::process::Signal::KILL);
        }
    }

    fn forget(&mut self) {
        self.0 = None;
    }
}

#[cfg(unix)]
impl Drop for Group {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Elsewhere the command alone is killed (`kill_on_drop`).
#[cfg(not(unix))]
struct Group;

#[cfg(not(unix))]
impl Group {
    fn of(_: &tokio::process::Child, _: bool) -> Self {
        Self
    }

    fn kill(&mut self) {}

    fn forget(&mut self) {}
}

/// Write the config file with mode 0600, through a temporary file and a rename, so
/// a crash never leaves half a file and the secret is never readable by others.
pub fn write_private(path: &Path, text: &str) -> Result<(), ConfigError> {
    let err = |source| ConfigError::Write {
        path: path.to_owned(),
        source,
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(err)?;
    crate::files::write_private(path, text.as_bytes(), crate::files::Existing::Replace).map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn command(text: &str) -> SecretSpec {
        SecretSpec::Command {
            command: text.into(),
            source: Source::Default,
        }
    }

    #[tokio::test]
    async fn secret_command_output_is_the_secret() {
        let spec = command("printf 's3cret\\nsecond line'");
        assert_eq!(read_secret(&spec).await.unwrap().expose(), "s3cret");
    }

    #[tokio::test]
    async fn failing_secret_command_does_not_leak_output() {
        let err = read_secret(&command("printf 'hun%s' ter2; exit 3"))
            .await
            .unwrap_err()
            .to_string();
        assert!(err.contains("exited with"), "{err}");
        assert!(!err.contains("hunter2"), "{err}");
        let err = read_secret(&command("true")).await.unwrap_err();
        assert!(err.to_string().contains("printed nothing"), "{err}");
    }

    /// The real bound, on a paused clock: the command never answers, and 30 s later
    /// (of tokio's time) it is stopped and the error names the field and its source.
    #[tokio::test(start_paused = true)]
    async fn a_secret_command_that_never_answers_is_stopped_at_the_bound() {
        let spec = SecretSpec::Command {
            command: "sleep 1000".into(),
            source: Source::Env {
                var: "RTCTL_SECRET_COMMAND".into(),
            },
        };
        let start = tokio::time::Instant::now();
        let err = read_secret(&spec).await.unwrap_err();
        assert!(
            matches!(err, ConfigError::SecretCommandTimeout { after, .. } if after == SECRET_COMMAND_TIMEOUT),
            "{err}"
        );
        assert_eq!(start.elapsed(), SECRET_COMMAND_TIMEOUT);
        assert_eq!(
            err.to_string(),
            "`secret_command` (from env RTCTL_SECRET_COMMAND) gave no answer within 30s and was stopped"
        );
        assert!(err.hints().iter().any(|h| h.contains("secret_env")));
    }

    #[tokio::test]
    async fn a_secret_command_printing_without_end_is_read_only_so_far() {
        let err = read_secret(&command("yes")).await.unwrap_err().to_string();
        // Its stdout closed after 64 KiB, `yes` dies of SIGPIPE.
        assert!(err.contains("exited with"), "{err}");
    }

    #[tokio::test]
    async fn unset_secret_env_is_named() {
        let spec = SecretSpec::Env {
            var: "RTCTL_TEST_SURELY_UNSET_VAR".into(),
            source: Source::Default,
        };
        assert!(matches!(
            read_secret(&spec).await,
            Err(ConfigError::SecretEnvUnset { .. })
        ));
    }

    #[cfg(unix)]
    #[test]
    fn writes_are_private_and_warned_about_when_not() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/config.toml");
        write_private(&path, "[profiles.p]\nsecret = \"s\"\n").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let file = read_file(&path).unwrap().unwrap();
        let holds = Holds::Commands {
            secret: file.holds_secret(),
        };
        assert_eq!(permission_warning(&path, holds), None);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let warning = permission_warning(&path, holds).unwrap();
        assert!(warning.contains("mode 644"), "{warning}");
        assert!(!warning.contains("\"s\""));
        // Overwriting keeps it private.
        write_private(&path, "").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[cfg(unix)]
    #[test]
    fn permission_warnings_table() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, "").unwrap();
        let readable = "holds a secret and is readable by others";
        let writable = "is writable by others";
        // (mode, what the file holds, the warning's parts)
        let cases: [(u32, Holds, &[&str]); 9] = [
            (0o600, Holds::Commands { secret: true }, &[]),
            (0o644, Holds::Commands { secret: false }, &[]),
            (0o644, Holds::Commands { secret: true }, &[readable]),
            (0o620, Holds::Commands { secret: false }, &[writable]),
            (0o602, Holds::Commands { secret: false }, &[writable]),
            (
                0o666,
                Holds::Commands { secret: true },
                &[readable, writable],
            ),
            (0o640, Holds::Values { secret: true }, &[readable]),
            (0o666, Holds::Values { secret: false }, &[]),
            (0o604, Holds::Values { secret: true }, &[readable]),
        ];
        for (mode, holds, parts) in cases {
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
            let warning = permission_warning(&path, holds);
            match warning {
                None => assert!(parts.is_empty(), "{mode:o} {holds:?}"),
                Some(w) => {
                    assert!(!parts.is_empty(), "{mode:o} {holds:?}: {w}");
                    for p in parts {
                        assert!(w.contains(p), "{mode:o} {holds:?}: {w}");
                    }
                    assert!(w.contains(&format!("(mode {mode:o})")), "{w}");
                    assert!(w.contains("chmod 600"), "{w}");
                }
            }
        }
    }

    #[test]
    fn dotenv_files_parse() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".env");
        std::fs::write(&path, "# c\nPUSHER_KEY=abc\nexport PUSHER_SECRET=\"x y\"\n").unwrap();
        let vars = read_dotenv(&path).unwrap();
        assert_eq!(vars["PUSHER_KEY"], "abc");
        assert_eq!(vars["PUSHER_SECRET"], "x y");
        std::fs::write(&path, "NOT VALID LINE\n").unwrap();
        assert!(matches!(
            read_dotenv(&path),
            Err(ConfigError::DotEnv { .. })
        ));
    }

    #[test]
    fn a_value_that_reads_another_variable_is_found_by_its_line() {
        for (text, line) in [
            ("A=1\nRTCTL_BACKEND_TOKEN=${GITHUB_TOKEN}\n", Some(2)),
            ("A=\"x $HOME\"\n", Some(1)),
            ("# a $comment\nA=plain\n", None),
            ("A='lit$eral'\n", None),
            ("A=1 # costs $5\n", None),
            ("A=\"two\nlines $X\"\n", Some(2)),
            ("A=\"quote \\\" then $X\"\n", Some(1)),
            ("A=ok\n", None),
        ] {
            assert_eq!(substitution_line(text), line, "{text:?}");
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".env");
        std::fs::write(&path, "RTCTL_BACKEND_TOKEN=${GITHUB_TOKEN}\n").unwrap();
        let e = read_dotenv(&path).unwrap_err().to_string();
        assert!(e.contains("line 1 has a `$`"), "{e}");
        assert!(!e.contains("GITHUB_TOKEN"), "{e}");
    }
}
