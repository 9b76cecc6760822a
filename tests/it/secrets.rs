//! The secrets sweep: every subcommand, in every output mode, runs with a profile full
//! of recognisable secrets, against a working setup and against setups that fail
//! because of those secrets; none of them may show on stdout, on stderr, or in any file
//! the run writes, whole or encoded.
//!
//! The secrets: the app secret (written in the profile, read from `secret_env`, printed
//! by `secret_command`, piped to `--secret-stdin`, or in `RTCTL_SECRET`), a wrong app
//! secret, the encryption master key, the backend token, the auth headers' values (the
//! profile's and a flag's), right and refused, the password in the webhook URL, another
//! profile's secret, and malformed ones. Each is searched for as written; in base64
//! (standard and URL-safe, padded or not); in hex (lower and upper case);
//! percent-encoded; and the master key's 32 decoded bytes as they are, in hex and in
//! base64 too.
//!
//! The setups (`Setup`): everything right; a wrong app secret (sockudo answers 401); the
//! backend and its auth endpoint refusing the tokens (the stand-in backend answers 401);
//! nothing listening where the server and the backend should be, the secrets in the
//! environment; a server and backend answering 500 to everything. Each runs the whole
//! table, and each run must end as its row says (`Case::ok`, `Case::fails`). Then, for
//! each malformed secret (a master key that is not base64 or not 32 bytes, a token with
//! a control character, a token where a header's name belongs, a header value over two
//! lines, a `secret_command` that prints the secret and fails), the commands that read
//! it.
//!
//! The files: each run has its own home, config folder, work folder and TMPDIR, and
//! every file in them that is new or changed after the run is searched. The config file
//! written here with the secrets is held to a rule instead when rtctl rewrites it
//! (`config init`, `config use`): a secret may stay in it only where the user put it,
//! that is as the value it already had under the same key of the same profile, or as
//! the value the run was asked to write there (`--secret-stdin config init NAME` writes
//! the secret read as `secret` in [profiles.NAME]); never under another key or profile,
//! never in a comment; and the file stays readable by its owner only.
//!
//! The table must name every subcommand, output mode and file flag (`OUTPUT_MODES`,
//! `FILE_FLAGS`): a test reads the command-line definition and fails when one is
//! missing, as `extremes` does for numeric flags.
//!
//! Not swept: the prompts of `config init` (they need a terminal); what a server says
//! back, which rtctl shows as the server's words (a server echoing a token it was sent
//! would be shown echoing it); what a `secret_command` writes to stderr, which reaches
//! the user as the command's own; TLS and Pusher's hosted clusters, which take the same
//! values down the same paths. The masked prefix `config show` prints (at most four
//! characters) is by design, and no needle: a needle is a whole value.

use crate::common;

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::io::{Read as _, Write as _};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
use clap::CommandFactory as _;
use common::{ADMIN_TOKEN, Backend, Faults, Server, TestEnv, USER_TOKEN, write_file};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_encode};

const APP_SECRET: &str = "sweep-app-secret-7f3Kq9Zr";
const WRONG_SECRET: &str = "sweep-wrong-secret-J4tXn8Lp";
/// The encryption master key's bytes; the profile holds their base64.
/// Its base64 has `+`, `/` and `=`, so each encoding of it differs.
const MASTER_BYTES: &[u8; 32] = b"sweep-master-key-\xfb\xef\xff\xfe\xfb\xf0-32-bytes";
const REFUSED_ADMIN_TOKEN: &str = "sweep-refused-admin-token-Qm3Hs";
const REFUSED_USER_TOKEN: &str = "sweep-refused-user-token-Wd8Ce";
/// A second header of the profile's `auth_headers`.
const HEADER_KEY: &str = "sweep-header-key-Pz5Vb1";
/// A header given with `tail --auth-header`.
const FLAG_HEADER: &str = "sweep-flag-header-Hy6Tg2";
/// The secret of another profile in the file.
const SPARE_SECRET: &str = "sweep-spare-profile-secret-Ua8";
/// The password in the profile's webhook URL.
const URL_PASSWORD: &str = "sweep-url-password-Rk2Mw";

/// Flags that choose what a run writes: each must be in the sweep for every subcommand
/// that has it, beside a run with none of them (the human output).
const OUTPUT_MODES: [&str; 8] = [
    "json",
    "junit",
    "raw",
    "expand",
    "dry-run",
    "curl",
    "verbose",
    "show-origin",
];

/// Flags that make a run write a file: each must be in the sweep too.
const FILE_FLAGS: [&str; 2] = ["save", "ready-file"];

/// Runs at once.
const WORKERS: usize = 6;
/// A run still going after this is asked to stop (SIGTERM): every run in the table ends
/// by itself well before, unless it hangs.
const LET_RUN: Duration = Duration::from_secs(15);
/// How long it then has to stop.
const STOP_WAIT: Duration = Duration::from_secs(10);

// ---------------------------------------------------------------- what is searched for

/// One encoding of one secret.
struct Needle {
    what: String,
    bytes: Vec<u8>,
}

/// Percent-encoding that keeps what a URL never needs to encode (`-._~`).
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

fn master_key() -> String {
    STANDARD.encode(MASTER_BYTES)
}

/// Every secret the profiles, flags and stdin hold, by name.
fn secrets() -> Vec<(&'static str, Vec<u8>)> {
    [
        ("the app secret", APP_SECRET.to_owned()),
        ("the wrong app secret", WRONG_SECRET.to_owned()),
        ("the encryption master key", master_key()),
        ("the backend token", ADMIN_TOKEN.to_owned()),
        ("the refused backend token", REFUSED_ADMIN_TOKEN.to_owned()),
        ("the auth header's token", USER_TOKEN.to_owned()),
        ("the auth header's value", format!("Bearer {USER_TOKEN}")),
        (
            "the refused auth header's token",
            REFUSED_USER_TOKEN.to_owned(),
        ),
        (
            "the refused auth header's value",
            format!("Bearer {REFUSED_USER_TOKEN}"),
        ),
        ("the second auth header's value", HEADER_KEY.to_owned()),
        ("the --auth-header flag's value", FLAG_HEADER.to_owned()),
        ("the webhook URL's password", URL_PASSWORD.to_owned()),
        ("the other profile's secret", SPARE_SECRET.to_owned()),
        ("the malformed master key", BAD_MASTER_KEY.to_owned()),
        ("the short master key", STANDARD.encode(SHORT_MASTER_BYTES)),
        ("the malformed backend token", BAD_TOKEN.to_owned()),
        ("the malformed header", BAD_HEADER.to_owned()),
    ]
    .into_iter()
    .map(|(what, v)| (what, v.into_bytes()))
    .chain([
        ("the master key's bytes", MASTER_BYTES.to_vec()),
        ("the short master key's bytes", SHORT_MASTER_BYTES.to_vec()),
    ])
    .collect()
}

/// Each secret as written, in base64, hex and percent-encoded.
fn needles() -> Vec<Needle> {
    let mut out = Vec::new();
    for (what, v) in secrets() {
        let forms: [(&str, Vec<u8>); 9] = [
            ("as written", v.clone()),
            ("base64", STANDARD.encode(&v).into_bytes()),
            ("unpadded base64", STANDARD_NO_PAD.encode(&v).into_bytes()),
            ("URL-safe base64", URL_SAFE.encode(&v).into_bytes()),
            (
                "unpadded URL-safe base64",
                URL_SAFE_NO_PAD.encode(&v).into_bytes(),
            ),
            ("hex", hex::encode(&v).into_bytes()),
            ("upper-case hex", hex::encode_upper(&v).into_bytes()),
            (
                "percent-encoded",
                percent_encode(&v, NON_ALPHANUMERIC)
                    .to_string()
                    .into_bytes(),
            ),
            (
                "percent-encoded (URL component)",
                percent_encode(&v, COMPONENT).to_string().into_bytes(),
            ),
        ];
        let mut seen = BTreeSet::new();
        for (form, bytes) in forms {
            if seen.insert(bytes.clone()) {
                out.push(Needle {
                    what: format!("{what} ({form})"),
                    bytes,
                });
            }
        }
    }
    out
}

fn count(hay: &[u8], needle: &[u8]) -> usize {
    hay.windows(needle.len()).filter(|w| *w == needle).count()
}

/// Where each needle found in `hay` is, with some text around it.
fn found(hay: &[u8], needles: &[Needle], place: &str) -> Vec<String> {
    needles
        .iter()
        .filter_map(|n| {
            let at = hay.windows(n.bytes.len()).position(|w| w == n.bytes)?;
            let from = at.saturating_sub(80);
            let to = (at + n.bytes.len() + 80).min(hay.len());
            Some(format!(
                "{} in {place}: …{}…",
                n.what,
                String::from_utf8_lossy(&hay[from..to])
            ))
        })
        .collect()
}

// ---------------------------------------------------------------- the config file rule

/// Every string in a TOML document, by its dotted path.
fn strings(text: &str) -> Result<BTreeSet<(String, String)>, String> {
    fn walk(v: &toml::Value, path: &str, out: &mut BTreeSet<(String, String)>) {
        match v {
            toml::Value::String(s) => {
                out.insert((path.to_owned(), s.clone()));
            }
            toml::Value::Table(t) => {
                for (k, v) in t {
                    walk(v, &format!("{path}.{k}"), out);
                }
            }
            toml::Value::Array(a) => {
                for (i, v) in a.iter().enumerate() {
                    walk(v, &format!("{path}[{i}]"), out);
                }
            }
            _ => {}
        }
    }
    let table: toml::Table = text.parse().map_err(|e| format!("{e}"))?;
    let mut out = BTreeSet::new();
    for (k, v) in &table {
        walk(v, k, &mut out);
    }
    Ok(out)
}

/// A config file rtctl rewrote holds each secret only where the user put it: as a value
/// it had before under the same key, or as the value `asked` to be written; nowhere else.
fn rewritten_config(
    before: &str,
    after: &[u8],
    asked: Option<(String, String)>,
    needles: &[Needle],
) -> Vec<String> {
    let Ok(after) = std::str::from_utf8(after) else {
        return vec!["the rewritten config file is not UTF-8".to_owned()];
    };
    let (before, now) = match (strings(before), strings(after)) {
        (Ok(b), Ok(a)) => (b, a),
        (_, Err(e)) => return vec![format!("the rewritten config file does not parse: {e}")],
        (Err(e), _) => panic!("the sweep's own config does not parse: {e}"),
    };
    let allowed: BTreeSet<(String, String)> = before.into_iter().chain(asked).collect();
    let holds = |v: &str| needles.iter().any(|n| count(v.as_bytes(), &n.bytes) > 0);
    let mut problems: Vec<String> = now
        .iter()
        .filter(|(key, v)| holds(v) && !allowed.contains(&(key.clone(), v.clone())))
        .map(|(key, _)| format!("the rewritten config file has a secret moved to `{key}`"))
        .collect();
    for n in needles {
        let in_values: usize = now
            .iter()
            .filter(|kv| allowed.contains(*kv))
            .map(|(_, v)| count(v.as_bytes(), &n.bytes))
            .sum();
        if count(after.as_bytes(), &n.bytes) > in_values {
            problems.push(format!(
                "the rewritten config file holds {} outside the values it was given for:\n{after}",
                n.what
            ));
        }
    }
    problems
}

// ---------------------------------------------------------------- the setups

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Setup {
    /// Everything right: the secrets in the profile.
    Working,
    /// A wrong app secret, from `secret_command`: sockudo answers 401.
    WrongSecret,
    /// The right secret from `secret_env`; the backend token and the auth header refused.
    RefusedTokens,
    /// Nothing listening at the server's or the backend's port; the secrets in the
    /// environment (`RTCTL_SECRET`, …) instead of the profile.
    Unreachable,
    /// A server and backend answering 500 to every request.
    ServerError,
    /// The working profile with one secret given wrongly.
    Malformed(Malformed),
}

const SETUPS: [Setup; 5] = [
    Setup::Working,
    Setup::WrongSecret,
    Setup::RefusedTokens,
    Setup::Unreachable,
    Setup::ServerError,
];

/// A secret given wrongly, which rtctl must refuse without showing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Malformed {
    /// A master key that is not base64.
    MasterKeyText,
    /// A master key of 31 bytes.
    MasterKeyLength,
    /// A backend token with a control character.
    TokenControl,
    /// A token where a header's name belongs.
    HeaderName,
    /// A header value over two lines.
    HeaderLines,
    /// A `secret_command` that prints the secret, then fails.
    CommandFails,
}

const MALFORMED: [Setup; 6] = [
    Setup::Malformed(Malformed::MasterKeyText),
    Setup::Malformed(Malformed::MasterKeyLength),
    Setup::Malformed(Malformed::TokenControl),
    Setup::Malformed(Malformed::HeaderName),
    Setup::Malformed(Malformed::HeaderLines),
    Setup::Malformed(Malformed::CommandFails),
];

const BAD_MASTER_KEY: &str = "sweep-malformed-master-key-Xy7";
/// 31 bytes.
const SHORT_MASTER_BYTES: &[u8; 31] = b"sweep-short-master-key-31-bytes";
const BAD_TOKEN: &str = "sweep-malformed-token-Nb4";
const BAD_HEADER: &str = "sweep-malformed-header-Vq9";

impl Malformed {
    /// The profile's line for this, in place of the working profile's line of the same key.
    fn line(self, inputs: &Path) -> String {
        match self {
            Malformed::MasterKeyText => format!("encryption_master_key = \"{BAD_MASTER_KEY}\""),
            Malformed::MasterKeyLength => format!(
                "encryption_master_key = \"{}\"",
                STANDARD.encode(SHORT_MASTER_BYTES)
            ),
            Malformed::TokenControl => format!("backend_token = \"{BAD_TOKEN}\\u0001\""),
            Malformed::HeaderName => {
                format!("auth_headers = {{ \"Bearer {BAD_HEADER}\" = \"x\" }}")
            }
            Malformed::HeaderLines => {
                format!("auth_headers = {{ Authorization = \"Bearer\\n{BAD_HEADER}\" }}")
            }
            Malformed::CommandFails => format!(
                "secret_command = \"cat {}; exit 3\"",
                inputs.join("app-secret").display()
            ),
        }
    }

    /// The key of the working profile's line it replaces.
    fn replaces(self) -> &'static str {
        match self {
            Malformed::MasterKeyText | Malformed::MasterKeyLength => "encryption_master_key",
            Malformed::TokenControl => "backend_token",
            Malformed::HeaderName | Malformed::HeaderLines => "auth_headers",
            Malformed::CommandFails => "secret",
        }
    }
}

impl Setup {
    /// The app secret the profile gives (and `--secret-stdin` reads).
    fn secret(self) -> &'static str {
        match self {
            Setup::WrongSecret => WRONG_SECRET,
            _ => APP_SECRET,
        }
    }

    fn tokens(self) -> (&'static str, &'static str) {
        match self {
            Setup::RefusedTokens => (REFUSED_USER_TOKEN, REFUSED_ADMIN_TOKEN),
            _ => (USER_TOKEN, ADMIN_TOKEN),
        }
    }

    /// The environment of its runs beside the profile.
    fn env(self) -> Vec<(&'static str, String)> {
        let mut env = vec![("SWEEP_APP_SECRET", APP_SECRET.to_owned())];
        if self == Setup::Unreachable {
            env.extend([
                ("RTCTL_SECRET", APP_SECRET.to_owned()),
                ("RTCTL_ENCRYPTION_MASTER_KEY", master_key()),
                ("RTCTL_BACKEND_TOKEN", ADMIN_TOKEN.to_owned()),
                (
                    "RTCTL_AUTH_HEADERS",
                    format!("Authorization: Bearer {USER_TOKEN}\nX-Sweep-Key: {HEADER_KEY}"),
                ),
            ]);
        }
        env
    }
}

/// The servers, inputs and helpers every run shares.
struct World {
    server: Server,
    backend: Backend,
    /// A port nothing listens on.
    closed_port: u16,
    /// A server answering 500 to everything.
    error_port: u16,
    inputs: tempfile::TempDir,
    fixture: PathBuf,
    /// The fixture's signature, and the auth value of `private-sweep` for socket 1.2,
    /// both made with the app secret.
    webhook_sig: String,
    channel_auth: String,
    /// The server's own profile (with the master key), to publish events while `tail`
    /// runs and to make a bench result for `bench merge`.
    helper: TestEnv,
    bench_result: OnceLock<PathBuf>,
}

impl World {
    fn new() -> World {
        let mut server = Server::start_with(&[("SOCKUDO_DEFAULT_APP_SECRET", APP_SECRET)]);
        server.secret = APP_SECRET.to_owned();
        let backend = Backend::start_with(&server, Faults::default(), Some(&master_key()));
        let closed_port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let (error_port, _requests) = common::recorder(
            "500 Internal Server Error",
            r#"{"error":"the sweep's server fails every request"}"#,
        );
        let inputs = tempfile::tempdir().unwrap();
        let dir = inputs.path();
        write_file(dir, "wrong-secret", &format!("{WRONG_SECRET}\n"));
        write_file(dir, "app-secret", &format!("{APP_SECRET}\n"));
        write_file(
            dir,
            "batch.jsonl",
            "{\"channel\":\"sweep-public\",\"name\":\"sweep_event\",\"data\":\"{}\"}\n\
             {\"channel\":\"private-encrypted-sweep\",\"name\":\"sweep_event\",\"data\":\"{}\"}\n",
        );
        write_file(
            dir,
            "backend.env",
            &format!(
                "PUSHER_APP_ID={}\nPUSHER_KEY={}\nPUSHER_SECRET={APP_SECRET}\nPUSHER_HOST=127.0.0.1\nPUSHER_PORT={}\n",
                server.app_id, server.key, server.port
            ),
        );
        write_file(
            dir,
            "other-backend.env",
            &format!(
                "PUSHER_APP_ID={}\nPUSHER_KEY={}\nPUSHER_SECRET={WRONG_SECRET}\n",
                server.app_id, server.key
            ),
        );
        write_file(
            dir,
            "frontend.env",
            &format!(
                "VITE_PUSHER_KEY={}\nVITE_PUSHER_AUTH_ENDPOINT={}/pusher/auth\nVITE_PUSHER_SECRET={APP_SECRET}\nVITE_BACKEND_TOKEN={ADMIN_TOKEN}\n",
                server.key, backend.url
            ),
        );
        let helper = TestEnv::new();
        helper.write_config(&format!(
            "{}encryption_master_key = \"{}\"\n",
            server.profile(),
            master_key()
        ));
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/webhooks/05-private-class-101-occupied.json");
        let webhook_sig =
            rtctl::pusher::sign::webhook_signature(APP_SECRET, &std::fs::read(&fixture).unwrap());
        let channel_auth = rtctl::pusher::sign::authorize_channel(
            &server.key,
            APP_SECRET,
            "1.2",
            "private-sweep",
            None,
            None,
        )
        .unwrap()
        .auth;
        World {
            server,
            backend,
            closed_port,
            error_port,
            inputs,
            fixture,
            webhook_sig,
            channel_auth,
            helper,
            bench_result: OnceLock::new(),
        }
    }

    /// The server's port and the backend's URL in `setup`.
    fn endpoints(&self, setup: Setup) -> (u16, String) {
        match setup {
            Setup::Unreachable => (
                self.closed_port,
                format!("http://127.0.0.1:{}", self.closed_port),
            ),
            Setup::ServerError => (
                self.error_port,
                format!("http://127.0.0.1:{}", self.error_port),
            ),
            _ => (self.server.port, self.backend.url.clone()),
        }
    }

    /// The config file of a run in `setup`: profile `sweep`, holding every secret.
    fn config(&self, setup: Setup) -> String {
        let (port, backend) = self.endpoints(setup);
        let (user, admin) = setup.tokens();
        let webhook = backend.replacen("http://", &format!("http://ops:{URL_PASSWORD}@"), 1);
        let mut lines = vec![
            format!("app_id = \"{}\"", self.server.app_id),
            format!("key = \"{}\"", self.server.key),
            match setup {
                Setup::WrongSecret => format!(
                    "secret_command = \"cat {}\"",
                    self.inputs.path().join("wrong-secret").display()
                ),
                Setup::RefusedTokens => "secret_env = \"SWEEP_APP_SECRET\"".to_owned(),
                _ => format!("secret = \"{APP_SECRET}\""),
            },
            "host = \"127.0.0.1\"".to_owned(),
            format!("port = {port}"),
            "tls = false".to_owned(),
            "timeout = \"3s\"".to_owned(),
            format!("encryption_master_key = \"{}\"", master_key()),
            format!("auth_endpoint = \"{backend}/pusher/auth\""),
            format!(
                "auth_headers = {{ Authorization = \"Bearer {user}\", X-Sweep-Key = \"{HEADER_KEY}\" }}"
            ),
            format!("backend_url = \"{backend}\""),
            format!("backend_token = \"{admin}\""),
            format!("webhook_url = \"{webhook}/pusher/webhook\""),
        ];
        let key = |line: &str| line.split(" =").next().unwrap_or_default().to_owned();
        match setup {
            // Given by the environment (`Setup::env`).
            Setup::Unreachable => lines.retain(|l| {
                ![
                    "secret",
                    "encryption_master_key",
                    "auth_headers",
                    "backend_token",
                ]
                .contains(&key(l).as_str())
            }),
            Setup::Malformed(m) => {
                let bad = m.line(self.inputs.path());
                for l in &mut lines {
                    if key(l) == m.replaces() {
                        l.clone_from(&bad);
                    }
                }
            }
            _ => {}
        }
        format!(
            "default_profile = \"sweep\"\n\n[profiles.sweep]\n{}\n\n\
             # Another app's, which no run uses.\n\
             [profiles.spare]\n\
             app_id = \"spare-app\"\n\
             key = \"spare-key\"\n\
             secret = \"{SPARE_SECRET}\"\n\
             host = \"127.0.0.1\"\n",
            lines.join("\n")
        )
    }

    /// `arg` with its placeholders filled in for `setup`.
    fn fill(&self, setup: Setup, arg: &str) -> String {
        let (port, backend) = self.endpoints(setup);
        let mut out = arg
            .replace("{app_id}", &self.server.app_id)
            .replace("{key}", &self.server.key)
            .replace("{port}", &port.to_string())
            .replace("{backend}", &backend)
            .replace("{in}", &self.inputs.path().display().to_string())
            .replace("{fixture}", &self.fixture.display().to_string())
            .replace("{webhook_sig}", &self.webhook_sig)
            .replace("{channel_auth}", &self.channel_auth)
            .replace("{user_token}", setup.tokens().0)
            .replace("{flag_header}", FLAG_HEADER);
        if out.contains("{bench_result}") {
            out = out.replace("{bench_result}", &self.bench_result().display().to_string());
        }
        out
    }

    /// A `bench --json` result from the helper's profile, made once.
    fn bench_result(&self) -> &Path {
        self.bench_result.get_or_init(|| {
            let out = self
                .helper
                .command()
                .args(["bench", "--subscribers", "2", "--rate", "4/s"])
                .args(["--duration", "1s", "--json"])
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "the bench result for `bench merge`: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            write_file(
                self.inputs.path(),
                "bench.json",
                &String::from_utf8_lossy(&out.stdout),
            )
        })
    }
}

// ---------------------------------------------------------------- the table

/// What the sweep does beside a run, so that it has something to show.
#[derive(Clone, Copy)]
enum Aid {
    /// The run shows what it shows by itself.
    None,
    /// Once `tail` has written its ready file, publish an event to each of its channels.
    Events,
    /// Once `webhook listen` says where it listens, post it a webhook signed with the
    /// app secret.
    Webhook,
}

/// One command line of the sweep, run in every setup.
struct Case {
    /// The subcommand, as the coverage test names it (`channels list`).
    path: &'static str,
    /// The command line, with placeholders (`World::fill`).
    args: Vec<&'static str>,
    aid: Aid,
    /// Give the setup's app secret on stdin.
    stdin_secret: bool,
    env: Vec<(&'static str, &'static str)>,
    /// The config key the run is asked to write the secret from stdin to.
    writes: Option<&'static str>,
    /// Its exit codes in the working setup.
    ok: &'static [i32],
    /// The setups it must fail in (exit neither 0 nor 2); in the others, any exit
    /// but a panic or a usage error will do.
    fails: &'static [Setup],
    /// Stopped with SIGTERM after this long, when it has not ended by itself.
    stop_after: Option<Duration>,
    /// A file (or a folder's files) it writes or rewrites in the working setup, under
    /// the run's root: `work/…`, `config/…`.
    makes: Option<&'static str>,
}

/// Needs nothing that a setup breaks.
const OFFLINE: &[Setup] = &[];
/// Signs with the app secret and asks the server.
const REST: &[Setup] = &[Setup::WrongSecret, Setup::Unreachable, Setup::ServerError];
/// Asks the backend with its token, or its auth endpoint with the auth headers.
const BACKEND: &[Setup] = &[Setup::RefusedTokens, Setup::Unreachable, Setup::ServerError];
/// Asks the server without the secret.
const NETWORK: &[Setup] = &[Setup::Unreachable, Setup::ServerError];
/// Checks a signature with the app secret.
const SIGNATURE: &[Setup] = &[Setup::WrongSecret];
/// Everything a setup breaks.
const EVERYTHING: &[Setup] = &[
    Setup::WrongSecret,
    Setup::RefusedTokens,
    Setup::Unreachable,
    Setup::ServerError,
];

fn case(path: &'static str, fails: &'static [Setup], args: &[&'static str]) -> Case {
    Case {
        path,
        args: args.to_vec(),
        aid: Aid::None,
        stdin_secret: false,
        env: Vec::new(),
        writes: None,
        ok: &[0],
        fails,
        stop_after: None,
        makes: None,
    }
}

impl Case {
    fn aid(mut self, aid: Aid) -> Self {
        self.aid = aid;
        self
    }

    fn ok(mut self, codes: &'static [i32]) -> Self {
        self.ok = codes;
        self
    }

    fn stdin_secret(mut self, writes: Option<&'static str>) -> Self {
        self.stdin_secret = true;
        self.writes = writes;
        self
    }

    fn makes(mut self, path: &'static str) -> Self {
        self.makes = Some(path);
        self
    }

    fn env(mut self, var: &'static str, value: &'static str) -> Self {
        self.env.push((var, value));
        self
    }

    /// Whether the run gives `flag` (`--long`, `--long=…`, or `-s`).
    fn gives(&self, long: &str, short: Option<char>) -> bool {
        self.args.iter().any(|a| {
            a.strip_prefix("--")
                .is_some_and(|f| f == long || f.starts_with(&format!("{long}=")))
                || short.is_some_and(|s| *a == format!("-{s}"))
        })
    }
}

/// The same command line with each of `extras` added (an empty one: as it is).
fn modes(
    path: &'static str,
    fails: &'static [Setup],
    args: &[&'static str],
    extras: &[&[&'static str]],
) -> Vec<Case> {
    extras
        .iter()
        .map(|extra| case(path, fails, &[args, extra].concat()))
        .collect()
}

const HUMAN: &[&str] = &[];
const JSON: &[&str] = &["--json"];
const BOTH: &[&[&str]] = &[HUMAN, JSON];

fn cases() -> Vec<Case> {
    let mut t = Vec::new();
    let encrypted = [
        "trigger",
        "private-encrypted-sweep",
        "sweep_event",
        "{\"n\":1}",
    ];
    let backend = [
        "trigger",
        "sweep-public,private-sweep",
        "sweep_event",
        "{\"n\":1}",
        "--via",
        "backend",
    ];
    let batch = ["trigger", "--batch", "{in}/batch.jsonl"];
    for (line, fails) in [(&encrypted[..], REST), (&backend, BACKEND), (&batch, REST)] {
        t.extend(modes("trigger", fails, line, BOTH));
        t.extend(modes("trigger", OFFLINE, line, &[&["--dry-run"]]));
    }
    for line in [&encrypted[..], &backend] {
        t.extend(modes("trigger", OFFLINE, line, &[&["--curl"]]));
    }
    t.push(case(
        "trigger",
        REST,
        &[
            "trigger",
            "sweep-public",
            "sweep_event",
            "{}",
            "--repeat",
            "3",
            "--json",
        ],
    ));

    let tail = |fails, extra: &[&'static str]| {
        let mut args = vec![
            "tail",
            "sweep-public",
            "private-sweep",
            "private-encrypted-sweep",
            "presence-sweep",
            "--duration",
            "3s",
            "--ready-file",
            "ready",
        ];
        args.extend_from_slice(extra);
        case("tail", fails, &args)
            .aid(Aid::Events)
            .makes("work/ready")
    };
    // Signed here, a wrong secret's refusals come from sockudo as errors naming no
    // channel when several subscriptions wait: tail warns and goes on.
    let locally = ["--sign-locally", "--signin", "--user-id", "sweep-tail-user"];
    for mode in [HUMAN, JSON, &["--raw"], &["--expand"]] {
        t.push(tail(BACKEND, mode));
        t.push(tail(NETWORK, &[&locally[..], mode].concat()));
    }
    t.push(tail(
        BACKEND,
        &[
            "--auth-endpoint",
            "{backend}/pusher/auth",
            "--auth-header",
            "Authorization: Bearer {user_token}",
            "--auth-header",
            "X-Sweep-Flag: {flag_header}",
            "--auth-body",
            "json",
            "--json",
        ],
    ));

    t.extend(modes("channels list", REST, &["channels", "list"], BOTH));
    t.push(
        case(
            "channels list",
            REST,
            &["--secret-stdin", "channels", "list", "--json"],
        )
        .stdin_secret(None),
    );
    t.extend(modes(
        "channels show",
        REST,
        &["channels", "show", "presence-sweep", "--info", "user_count"],
        BOTH,
    ));
    t.extend(modes(
        "channels users",
        REST,
        &["channels", "users", "presence-sweep"],
        BOTH,
    ));
    t.extend(modes(
        "channels watch",
        REST,
        &["channels", "watch", "--members", "--duration", "2s"],
        BOTH,
    ));
    t.extend(modes(
        "users send",
        REST,
        &[
            "users",
            "send",
            "sweep-tail-user",
            "sweep_event",
            "{\"n\":1}",
        ],
        BOTH,
    ));
    t.extend(modes(
        "users terminate",
        REST,
        &["users", "terminate", "sweep-nobody"],
        BOTH,
    ));
    t.extend(modes("catalog list", OFFLINE, &["catalog", "list"], BOTH));
    t.extend(modes(
        "catalog show",
        OFFLINE,
        &[
            "catalog",
            "show",
            "dashboard-updates",
            "system_notification",
        ],
        BOTH,
    ));

    t.push(case(
        "auth sign",
        OFFLINE,
        &[
            "auth",
            "sign",
            "private-encrypted-sweep",
            "--socket-id",
            "1.2",
        ],
    ));
    t.push(case(
        "auth sign",
        OFFLINE,
        &[
            "auth",
            "sign",
            "presence-sweep",
            "--socket-id",
            "1.2",
            "--user-id",
            "u",
        ],
    ));
    t.push(case(
        "auth user",
        OFFLINE,
        &[
            "auth",
            "user",
            "--socket-id",
            "1.2",
            "--user-data",
            "{\"id\":\"u\"}",
        ],
    ));
    let verify = [
        "auth",
        "verify",
        "private-sweep",
        "--socket-id",
        "1.2",
        "--auth",
    ];
    t.extend(modes(
        "auth verify",
        SIGNATURE,
        &[&verify[..], &["{channel_auth}"]].concat(),
        BOTH,
    ));
    t.extend(
        modes(
            "auth verify",
            OFFLINE,
            &[&verify[..], &["{key}:00"]].concat(),
            BOTH,
        )
        .into_iter()
        .map(|c| c.ok(&[5])),
    );

    t.push(case(
        "webhook fixture",
        OFFLINE,
        &[
            "webhook",
            "fixture",
            "member_added",
            "--channel",
            "presence-sweep",
        ],
    ));
    let replay = ["webhook", "replay", "{fixture}"];
    t.extend(modes("webhook replay", REST, &replay, BOTH));
    t.extend(modes("webhook replay", OFFLINE, &replay, &[&["--dry-run"]]));
    t.extend(modes(
        "webhook replay",
        NETWORK,
        &replay,
        &[&["--tamper", "--json"]],
    ));
    t.extend(modes(
        "webhook verify",
        SIGNATURE,
        &[
            "webhook",
            "verify",
            "{fixture}",
            "--signature",
            "{webhook_sig}",
            "--pusher-key",
            "{key}",
        ],
        BOTH,
    ));
    // A webhook signed with another secret is not counted: the run is stopped.
    t.extend(
        modes(
            "webhook listen",
            SIGNATURE,
            &["webhook", "listen", "--bind", "127.0.0.1:0", "--count", "1"],
            &[
                HUMAN,
                JSON,
                &["--save", "saved"],
                &["--save", "saved", "--json"],
            ],
        )
        .into_iter()
        .map(|mut c| {
            c.stop_after = Some(Duration::from_secs(5));
            if c.gives("save", None) {
                c.makes = Some("work/saved");
            }
            c.aid(Aid::Webhook)
        }),
    );

    let compare = [
        "--compare-env",
        "{in}/frontend.env",
        "--compare-env",
        "{in}/backend.env",
        "--compare-env",
        "{in}/other-backend.env",
    ];
    for mode in [HUMAN, JSON, &["--junit", "report.xml"], &["-v"]] {
        let mut own = case("doctor", EVERYTHING, &[&["doctor"], mode].concat());
        // The files disagree on the secret, and the frontend's holds it.
        let mut compared = case(
            "doctor",
            OFFLINE,
            &[&["doctor"], &compare[..], mode].concat(),
        )
        .ok(&[5]);
        if own.gives("junit", None) {
            own = own.makes("work/report.xml");
            compared = compared.makes("work/report.xml");
        }
        t.push(own);
        t.push(compared);
    }
    t.push(case("doctor", OFFLINE, &["doctor", "--list-checks"]));

    let probe = ["probe", "--count", "3", "--interval", "20ms"];
    for (line, fails) in [
        (probe.to_vec(), REST),
        ([&probe[..], &["--via", "backend"]].concat(), BACKEND),
        ([&probe[..], &["private-encrypted-sweep"]].concat(), REST),
        ([&probe[..], &["--kind", "presence"]].concat(), REST),
    ] {
        t.extend(modes("probe", fails, &line, &[HUMAN, JSON, &["--junit"]]));
    }
    let bench = ["bench", "--kind", "private", "--subscribers", "2"];
    t.extend(modes(
        "bench",
        REST,
        &[&bench[..], &["--rate", "4/s", "--duration", "1s"]].concat(),
        BOTH,
    ));
    t.extend(modes(
        "bench merge",
        OFFLINE,
        &["bench", "merge", "{bench_result}", "{bench_result}"],
        BOTH,
    ));

    t.extend(modes(
        "config show",
        OFFLINE,
        &["config", "show"],
        &[HUMAN, JSON, &["--show-origin"]],
    ));
    t.push(case(
        "config show",
        OFFLINE,
        &[
            "--env-file={in}/backend.env",
            "config",
            "show",
            "--show-origin",
        ],
    ));
    t.push(
        case(
            "config show",
            OFFLINE,
            &["--secret-stdin", "config", "show", "--json"],
        )
        .stdin_secret(None),
    );
    t.extend(modes("config list", OFFLINE, &["config", "list"], BOTH));
    t.push(case("config path", OFFLINE, &["config", "path"]));
    let init = [
        "config",
        "init",
        "second",
        "--host",
        "127.0.0.1",
        "--port",
        "{port}",
        "--no-tls",
        "--app-id",
        "{app_id}",
        "--key",
        "{key}",
        "--backend-url",
        "{backend}",
        "--check",
    ];
    let config = "config/rtctl/config.toml";
    t.push(
        case(
            "config init",
            REST,
            &[&["--secret-stdin"], &init[..]].concat(),
        )
        .stdin_secret(Some("profiles.second.secret"))
        .makes(config),
    );
    t.push(
        case(
            "config init",
            NETWORK,
            &[
                &init[..],
                &["--secret-env", "SWEEP_APP_SECRET", "--default"],
            ]
            .concat(),
        )
        .makes(config),
    );
    t.push(
        case(
            "config init",
            NETWORK,
            &[&init[..], &["--secret-command", "cat {in}/app-secret"]].concat(),
        )
        .makes(config),
    );
    t.push(case("config use", OFFLINE, &["config", "use", "spare"]).makes(config));

    t.push(case("completions", OFFLINE, &["completions", "bash"]));
    t.push(case(
        "completions",
        OFFLINE,
        &["completions", "zsh", "--dynamic"],
    ));
    // Completion at <TAB>, which lists the server's occupied channels with the secret.
    for words in [["rtctl", "tail", ""], ["rtctl", "--profile", ""]] {
        t.push(
            case("completions", OFFLINE, &[&["--"], &words[..]].concat())
                .env("RTCTL_COMPLETE", "bash")
                .env("_CLAP_COMPLETE_INDEX", "2")
                .env("_CLAP_COMPLETE_COMP_TYPE", "9")
                .env("_CLAP_COMPLETE_SPACE", "true")
                .env("_CLAP_IFS", "\n"),
        );
    }
    t
}

/// Command lines for the malformed secrets: those that read every secret fail; the
/// others may go on, the bad value being none of their business.
fn malformed_cases() -> Vec<Case> {
    let must = &MALFORMED;
    vec![
        case(
            "trigger",
            must,
            &["trigger", "private-encrypted-sweep", "sweep_event", "{}"],
        ),
        case(
            "tail",
            must,
            &[
                "tail",
                "private-encrypted-sweep",
                "--sign-locally",
                "--duration",
                "1s",
            ],
        ),
        case(
            "auth sign",
            must,
            &[
                "auth",
                "sign",
                "private-encrypted-sweep",
                "--socket-id",
                "1.2",
            ],
        ),
        case("doctor", must, &["doctor", "--json"]),
        case("doctor", must, &["doctor", "--offline", "-v"]),
        case(
            "trigger",
            OFFLINE,
            &[
                "trigger",
                "sweep-public",
                "sweep_event",
                "{}",
                "--via",
                "backend",
            ],
        ),
        case("channels list", OFFLINE, &["channels", "list"]),
        case("config show", OFFLINE, &["config", "show", "--show-origin"]),
        case("config show", OFFLINE, &["config", "show", "--json"]),
    ]
}

// ---------------------------------------------------------------- coverage

/// A flag's long name and short letter.
type Flag = (String, Option<char>);

/// Every subcommand that runs (a leaf, or one whose subcommands are optional, as
/// `bench`), with the output modes and the file flags it has.
fn runnable() -> BTreeMap<String, (Vec<Flag>, Vec<Flag>)> {
    fn walk(cmd: &clap::Command, path: &str, out: &mut BTreeMap<String, (Vec<Flag>, Vec<Flag>)>) {
        let subs: Vec<&clap::Command> = cmd
            .get_subcommands()
            .filter(|s| s.get_name() != "help")
            .collect();
        if !path.is_empty() && (subs.is_empty() || !cmd.is_subcommand_required_set()) {
            let among = |names: &[&str]| -> Vec<Flag> {
                cmd.get_arguments()
                    .filter(|a| !a.is_global_set())
                    .filter_map(|a| Some((a.get_long()?.to_owned(), a.get_short())))
                    .filter(|(long, _)| names.contains(&long.as_str()))
                    .collect()
            };
            out.insert(path.to_owned(), (among(&OUTPUT_MODES), among(&FILE_FLAGS)));
        }
        for sub in subs {
            let p = if path.is_empty() {
                sub.get_name().to_owned()
            } else {
                format!("{path} {}", sub.get_name())
            };
            walk(sub, &p, out);
        }
    }
    let mut out = BTreeMap::new();
    walk(&rtctl::cli::Cli::command(), "", &mut out);
    out
}

#[test]
fn the_sweep_names_every_subcommand_and_output_flag() {
    let cases = cases();
    let runnable = runnable();
    let mut missing = Vec::new();
    for (path, (modes, files)) in &runnable {
        let of_path: Vec<&Case> = cases.iter().filter(|c| c.path == *path).collect();
        if !of_path
            .iter()
            .any(|c| modes.iter().all(|(l, s)| !c.gives(l, *s)))
        {
            missing.push(format!("`{path}` without an output flag"));
        }
        for (long, short) in modes.iter().chain(files) {
            if !of_path.iter().any(|c| c.gives(long, *short)) {
                missing.push(format!("`{path} --{long}`"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "add these to the table in tests/it/secrets.rs: {missing:?}"
    );
    let unknown: BTreeSet<&str> = cases
        .iter()
        .map(|c| c.path)
        .filter(|p| !runnable.contains_key(*p))
        .collect();
    assert!(unknown.is_empty(), "not subcommands: {unknown:?}");
}

// ---------------------------------------------------------------- the runs

/// What one run showed or did that it must not.
struct Outcome {
    what: String,
    problems: Vec<String>,
}

/// Every file under `dir`, with its bytes.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut todo = vec![dir.to_owned()];
    while let Some(d) = todo.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.filter_map(Result::ok) {
            let path = e.path();
            match e.file_type() {
                Ok(t) if t.is_dir() => todo.push(path),
                Ok(t) if t.is_file() => {
                    if let Ok(bytes) = std::fs::read(&path) {
                        out.insert(path, bytes);
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// Publish an event to each of `tail`'s channels once its ready file is there.
fn publish_when_ready(world: &World, ready: &Path, ended: &AtomicBool) {
    let start = Instant::now();
    while !ready.exists() {
        if ended.load(Ordering::SeqCst) || start.elapsed() > LET_RUN {
            return;
        }
        thread::sleep(Duration::from_millis(20));
    }
    for channels in [
        "sweep-public,private-sweep,presence-sweep",
        "private-encrypted-sweep",
    ] {
        let out = world
            .helper
            .command()
            .args(["trigger", channels, "sweep_event", "{\"n\":2}"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "publishing to {channels}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// Post a webhook signed with the app secret once `webhook listen` says where it is.
fn post_webhook_when_listening(world: &World, stderr: &Path, ended: &AtomicBool) {
    let start = Instant::now();
    let port: u16 = loop {
        let text = std::fs::read_to_string(stderr).unwrap_or_default();
        if let Some(port) = text
            .split("http://127.0.0.1:")
            .nth(1)
            .and_then(|r| r.split('/').next())
            .and_then(|p| p.parse().ok())
        {
            break port;
        }
        if ended.load(Ordering::SeqCst) || start.elapsed() > LET_RUN {
            return;
        }
        thread::sleep(Duration::from_millis(20));
    };
    let body = std::fs::read(&world.fixture).unwrap();
    let signature = &world.webhook_sig;
    let mut tcp = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        tcp,
        "POST /pusher/webhook HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\nx-pusher-key: {}\r\nx-pusher-signature: {signature}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
        world.server.key,
        body.len()
    )
    .unwrap();
    tcp.write_all(&body).unwrap();
    let mut answer = String::new();
    let _ = tcp.read_to_string(&mut answer);
}

/// Run `case` in `setup` and search everything it showed and wrote.
fn run(world: &World, setup: Setup, case: &Case, needles: &[Needle]) -> Outcome {
    let env = TestEnv::new();
    let config = world.config(setup);
    env.write_config(&config);
    let root = env.work_dir().parent().unwrap().to_owned();
    let tmp = root.join("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    let captures = tempfile::tempdir().unwrap();
    let (out_path, err_path) = (captures.path().join("out"), captures.path().join("err"));
    let args: Vec<String> = case.args.iter().map(|a| world.fill(setup, a)).collect();
    let what = format!("{setup:?}: rtctl {}", args.join(" "));
    let before = files(&root);

    let mut cmd = env.command();
    cmd.args(&args)
        .envs(setup.env())
        .env("TMPDIR", &tmp)
        .stdin(if case.stdin_secret {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(std::fs::File::create(&err_path).unwrap());
    for (var, value) in &case.env {
        cmd.env(var, value);
    }
    let mut child = cmd.spawn().unwrap();
    if let Some(mut stdin) = child.stdin.take() {
        writeln!(stdin, "{}", setup.secret()).unwrap();
    }
    let ended = AtomicBool::new(false);
    let mut problems = Vec::new();
    let status = thread::scope(|s| {
        let aid = match case.aid {
            Aid::None => None,
            Aid::Events => Some(s.spawn(|| {
                publish_when_ready(world, &env.work_dir().join("ready"), &ended);
            })),
            Aid::Webhook => Some(s.spawn(|| post_webhook_when_listening(world, &err_path, &ended))),
        };
        let start = Instant::now();
        let limit = case.stop_after.unwrap_or(LET_RUN);
        let mut stopped = false;
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if !stopped && start.elapsed() > limit {
                stopped = true;
                if case.stop_after.is_none() {
                    problems.push(format!("still running after {LET_RUN:?}: stopped"));
                }
                Command::new("kill")
                    .args(["-TERM", &child.id().to_string()])
                    .status()
                    .unwrap();
            }
            if start.elapsed() > limit + STOP_WAIT {
                let _ = child.kill();
                problems.push(format!("did not stop within {STOP_WAIT:?} of SIGTERM"));
                break child.wait().unwrap();
            }
            thread::sleep(Duration::from_millis(20));
        };
        ended.store(true, Ordering::SeqCst);
        if let Some(aid) = aid {
            aid.join().unwrap();
        }
        status
    });

    let stdout = std::fs::read(&out_path).unwrap();
    let stderr = std::fs::read(&err_path).unwrap();
    let code = status.code();
    if code == Some(101) || count(&stderr, b"panicked") > 0 {
        problems.push("panicked".to_owned());
    }
    if code == Some(2) {
        problems.push("refused its command line: fix the table".to_owned());
    }
    if setup == Setup::Working && !code.is_some_and(|c| case.ok.contains(&c)) {
        problems.push(format!("exit {code:?} where {:?} was expected", case.ok));
    }
    if case.fails.contains(&setup) && code == Some(0) {
        problems.push("succeeded in a setup it must fail in".to_owned());
    }
    problems.extend(found(&stdout, needles, "stdout"));
    problems.extend(found(&stderr, needles, "stderr"));
    let config_path = env.config_path();
    let changed: Vec<(PathBuf, Vec<u8>)> = files(&root)
        .into_iter()
        .filter(|(path, bytes)| before.get(path) != Some(bytes))
        .collect();
    if let (Setup::Working, Some(made)) = (setup, case.makes)
        && !changed.iter().any(|(p, _)| p.starts_with(root.join(made)))
    {
        problems.push(format!("wrote nothing at {made}"));
    }
    for (path, bytes) in changed {
        if path == config_path {
            let asked = case
                .writes
                .map(|key| (key.to_owned(), setup.secret().to_owned()));
            problems.extend(rewritten_config(&config, &bytes, asked, needles));
            let mode = std::fs::metadata(&path).unwrap().permissions();
            if std::os::unix::fs::PermissionsExt::mode(&mode) & 0o077 != 0 {
                problems.push("the rewritten config file is readable by others".to_owned());
            }
        } else {
            let place = path
                .strip_prefix(&root)
                .unwrap_or(&path)
                .display()
                .to_string();
            problems.extend(found(&bytes, needles, &place));
        }
    }
    if !problems.is_empty() {
        problems.push(format!(
            "exit {code:?}\nstdout:\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&stdout),
            String::from_utf8_lossy(&stderr)
        ));
    }
    Outcome { what, problems }
}

#[test]
fn no_secret_shows_in_any_output_or_file_of_any_subcommand() {
    let world = World::new();
    let needles = needles();
    let cases = cases();
    let malformed = malformed_cases();
    let jobs: Mutex<VecDeque<(Setup, &Case)>> = Mutex::new(
        SETUPS
            .iter()
            .flat_map(|s| cases.iter().map(move |c| (*s, c)))
            .chain(
                MALFORMED
                    .iter()
                    .flat_map(|s| malformed.iter().map(move |c| (*s, c))),
            )
            .collect(),
    );
    let outcomes: Mutex<Vec<Outcome>> = Mutex::new(Vec::new());
    thread::scope(|s| {
        for _ in 0..WORKERS {
            s.spawn(|| {
                loop {
                    let job = jobs.lock().unwrap().pop_front();
                    let Some((setup, case)) = job else { break };
                    let outcome = run(&world, setup, case, &needles);
                    outcomes.lock().unwrap().push(outcome);
                }
            });
        }
    });
    let outcomes = outcomes.into_inner().unwrap();
    let failures: Vec<String> = outcomes
        .iter()
        .filter(|o| !o.problems.is_empty())
        .map(|o| format!("`{}`:\n{}", o.what, o.problems.join("\n")))
        .collect();
    assert_eq!(
        outcomes.len(),
        SETUPS.len() * cases.len() + MALFORMED.len() * malformed.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} runs:\n\n{}",
        failures.len(),
        outcomes.len(),
        failures.join("\n\n")
    );
}

/// The search finds each encoding it claims to, and not the masked prefixes `config
/// show` prints; the config rule tells a secret kept in place from one moved or copied.
#[test]
fn the_sweep_finds_secrets_planted_in_any_form() {
    let needles = needles();
    let master = master_key();
    for planted in [
        APP_SECRET.to_owned(),
        URL_SAFE_NO_PAD.encode(APP_SECRET),
        hex::encode_upper(ADMIN_TOKEN),
        STANDARD.encode(format!("Bearer {USER_TOKEN}")),
        master
            .replace('+', "%2B")
            .replace('/', "%2F")
            .replace('=', "%3D"),
        URL_SAFE_NO_PAD.encode(MASTER_BYTES),
        hex::encode(MASTER_BYTES),
    ] {
        let text = format!("before {planted} after");
        assert!(
            !found(text.as_bytes(), &needles, "a test").is_empty(),
            "{planted}"
        );
    }
    assert!(!found(MASTER_BYTES, &needles, "a test").is_empty());
    let masked = format!("secret {}… master key {}…", &APP_SECRET[..4], &master[..4]);
    assert!(found(masked.as_bytes(), &needles, "a test").is_empty());

    let before = format!(
        "default_profile = \"a\"\n\n[profiles.a]\nsecret = \"{APP_SECRET}\"\nbackend_token = \"{ADMIN_TOKEN}\"\n"
    );
    let second = format!("\n[profiles.b]\nsecret = \"{APP_SECRET}\"\n");
    let asked = || Some(("profiles.b.secret".to_owned(), APP_SECRET.to_owned()));
    let kept = before.replace("\"a\"", "\"b\"") + &second;
    assert_eq!(
        rewritten_config(&before, kept.as_bytes(), asked(), &needles),
        Vec::<String>::new()
    );
    for (what, after, asked) in [
        ("not asked for", before.clone() + &second, None),
        (
            "in a comment",
            before.clone() + &format!("# was {ADMIN_TOKEN}\n"),
            asked(),
        ),
        (
            "under another key",
            before.replace("backend_token", "webhook_url"),
            asked(),
        ),
        (
            "under another profile",
            before.replace("profiles.a", "profiles.c"),
            asked(),
        ),
    ] {
        assert!(
            !rewritten_config(&before, after.as_bytes(), asked, &needles).is_empty(),
            "{what}: {after}"
        );
    }
}
