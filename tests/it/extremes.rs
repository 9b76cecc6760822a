//! Every duration, rate, count and port a user can give, at its extremes (zero,
//! negative, huge, NaN, infinite, far-future dates): each either works or is refused
//! as usage (2) or configuration (3) naming what is wrong; never a panic (101).
//!
//! The table below must name every such flag of every subcommand: the test reads the
//! command-line definition and fails when a flag is missing from it.

use crate::common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use clap::CommandFactory as _;
use common::{Server, TestEnv, write_file};

/// The value names of flags that take a number, a duration, a rate or a port.
const NUMERIC: [&str; 9] = [
    "N",
    "DURATION",
    "R/s",
    "MS",
    "PORT",
    "[HOST:]PORT",
    "SIZE",
    "BYTES",
    "KB",
];

const EXTREMES: [&str; 17] = [
    "0",
    "-1",
    "-0.0",
    "0.0000001",
    "1e-300",
    "1e308",
    "NaN",
    "inf",
    "-inf",
    "18446744073709551615",
    "18446744073709551616",
    "300000000000y",
    "1ns",
    "99999999999999999999999999999d",
    "99999999999999999999GiB",
    "1 parsec",
    "1.5MiB",
];

/// How long a run that was accepted may go on before it is asked to stop (SIGTERM).
const LET_RUN: Duration = Duration::from_secs(3);
/// How long it then has to stop before it counts as a hang.
const STOP_WAIT: Duration = Duration::from_secs(20);

/// One flag and a command line that exercises it against the test server; `{}` is
/// the value. Each command line ends by itself, or is stopped after `LET_RUN`.
struct Case {
    path: &'static str,
    flag: &'static str,
    args: &'static [&'static str],
}

const fn case(path: &'static str, flag: &'static str, args: &'static [&'static str]) -> Case {
    Case { path, flag, args }
}

fn cases() -> Vec<Case> {
    vec![
        case("", "--timeout", &["--timeout={}", "channels", "list"]),
        case("", "--port", &["--port={}", "channels", "list"]),
        case(
            "",
            "--ws-port",
            &["--ws-port={}", "tail", "extremes", "--duration", "1s"],
        ),
        case(
            "trigger",
            "--repeat",
            &["trigger", "extremes", "e", "{\"a\":1}", "--repeat={}"],
        ),
        case(
            "trigger",
            "--rate",
            &[
                "trigger",
                "extremes",
                "e",
                "{\"a\":1}",
                "--repeat",
                "3",
                "--rate={}",
            ],
        ),
        case(
            "trigger",
            "--concurrency",
            &[
                "trigger",
                "extremes",
                "e",
                "{\"a\":1}",
                "--repeat",
                "3",
                "--concurrency={}",
            ],
        ),
        case(
            "trigger",
            "--retries",
            &["trigger", "extremes", "e", "{\"a\":1}", "--retries={}"],
        ),
        case(
            "tail",
            "--count",
            &["tail", "extremes", "--duration", "1s", "--count={}"],
        ),
        case("tail", "--duration", &["tail", "extremes", "--duration={}"]),
        // The old spelling of --duration.
        case("tail", "--timeout", &["tail", "extremes", "--timeout={}"]),
        case(
            "tail",
            "--rescan",
            &["tail", "extremes-*", "--duration", "1s", "--rescan={}"],
        ),
        case(
            "tail",
            "--activity-timeout",
            &[
                "tail",
                "extremes",
                "--duration",
                "1s",
                "--activity-timeout={}",
            ],
        ),
        case(
            "tail",
            "--pong-timeout",
            &["tail", "extremes", "--duration", "1s", "--pong-timeout={}"],
        ),
        case(
            "tail",
            "--max-message-size",
            &[
                "tail",
                "extremes",
                "--duration",
                "1s",
                "--max-message-size={}",
            ],
        ),
        case(
            "channels watch",
            "--interval",
            &["channels", "watch", "--duration", "1s", "--interval={}"],
        ),
        case(
            "channels watch",
            "--duration",
            &["channels", "watch", "--duration={}"],
        ),
        case(
            "probe",
            "--count",
            &["probe", "--interval", "1ms", "--count={}"],
        ),
        case(
            "probe",
            "--interval",
            &["probe", "--count", "1", "--interval={}"],
        ),
        case(
            "bench",
            "--subscribers",
            &[
                "bench",
                "--rate",
                "2/s",
                "--duration",
                "1s",
                "--subscribers={}",
            ],
        ),
        case(
            "bench",
            "--channels",
            &[
                "bench",
                "--subscribers",
                "2",
                "--rate",
                "2/s",
                "--duration",
                "1s",
                "--channels={}",
            ],
        ),
        case(
            "bench",
            "--rate",
            &[
                "bench",
                "--subscribers",
                "2",
                "--duration",
                "1s",
                "--rate={}",
            ],
        ),
        case(
            "bench",
            "--duration",
            &[
                "bench",
                "--subscribers",
                "2",
                "--rate",
                "2/s",
                "--duration={}",
            ],
        ),
        case(
            "bench",
            "--payload-size",
            &[
                "bench",
                "--subscribers",
                "2",
                "--rate",
                "2/s",
                "--duration",
                "1s",
                "--payload-size={}",
            ],
        ),
        case(
            "bench",
            "--ramp",
            &[
                "bench",
                "--subscribers",
                "2",
                "--rate",
                "2/s",
                "--duration",
                "1s",
                "--ramp={}",
            ],
        ),
        case(
            "webhook fixture",
            "--count",
            &["webhook", "fixture", "subscription_count", "--count={}"],
        ),
        case(
            "webhook fixture",
            "--time-ms",
            &["webhook", "fixture", "channel_occupied", "--time-ms={}"],
        ),
        case(
            "webhook replay",
            "--concurrency",
            &[
                "webhook",
                "replay",
                "@FIXTURES",
                "--to",
                "http://127.0.0.1:9/",
                "--concurrency={}",
            ],
        ),
        case(
            "webhook listen",
            "--count",
            &["webhook", "listen", "--bind", "0", "--count={}"],
        ),
        // The old spelling of --bind PORT.
        case(
            "webhook listen",
            "--port",
            &["webhook", "listen", "--port={}"],
        ),
        case(
            "webhook listen",
            "--bind",
            &["webhook", "listen", "--bind={}"],
        ),
    ]
}

/// Every (subcommand path, flag) that takes a numeric value, from the CLI's definition.
fn numeric_flags() -> BTreeSet<(String, String)> {
    fn walk(cmd: &clap::Command, path: &str, out: &mut BTreeSet<(String, String)>) {
        for arg in cmd.get_arguments() {
            let numeric = arg
                .get_value_names()
                .is_some_and(|names| names.iter().any(|n| NUMERIC.contains(&n.as_str())));
            // Global flags are listed once, at the top.
            if numeric
                && (path.is_empty() || !arg.is_global_set())
                && let Some(long) = arg.get_long()
            {
                out.insert((path.to_owned(), format!("--{long}")));
            }
        }
        for sub in cmd.get_subcommands() {
            let p = if path.is_empty() {
                sub.get_name().to_owned()
            } else {
                format!("{path} {}", sub.get_name())
            };
            walk(sub, &p, out);
        }
    }
    let mut out = BTreeSet::new();
    walk(&rtctl::cli::Cli::command(), "", &mut out);
    out
}

#[test]
fn the_table_names_every_numeric_flag() {
    let covered: BTreeSet<(String, String)> = cases()
        .iter()
        .map(|c| (c.path.to_owned(), c.flag.to_owned()))
        .collect();
    let missing: Vec<_> = numeric_flags().difference(&covered).cloned().collect();
    assert!(
        missing.is_empty(),
        "add these flags to the table in tests/it/extremes.rs: {missing:?}"
    );
}

/// How one run ended.
struct Ran {
    code: Option<i32>,
    stopped: bool,
    stderr: String,
    what: String,
}

/// Run to the end, or stop it with SIGTERM after `LET_RUN`; a run that then does not
/// stop fails the test.
fn run(mut cmd: Command, what: String, dir: &Path, n: usize) -> Ran {
    let err_path = dir.join(format!("stderr-{n}"));
    let err = std::fs::File::create(&err_path).unwrap();
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(err)
        .spawn()
        .unwrap();
    let start = Instant::now();
    let mut stopped = false;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if !stopped && start.elapsed() > LET_RUN {
            stopped = true;
            Command::new("kill")
                .args(["-TERM", &child.id().to_string()])
                .status()
                .unwrap();
        }
        if start.elapsed() > LET_RUN + STOP_WAIT {
            let _ = child.kill();
            panic!("`{what}` did not stop within {STOP_WAIT:?} of SIGTERM");
        }
        thread::sleep(Duration::from_millis(20));
    };
    Ran {
        code: status.code(),
        stopped,
        stderr: std::fs::read_to_string(&err_path).unwrap_or_default(),
        what,
    }
}

/// No panic; a refusal (2 or 3) names the flag or the value; a run that had to be
/// stopped ended on the signal's code.
fn check(ran: &Ran, flag_or_value: &[&str]) -> Result<(), String> {
    let Ran {
        code,
        stopped,
        stderr,
        what,
    } = ran;
    if *code == Some(101) || stderr.contains("panicked") {
        return Err(format!("`{what}` panicked (exit {code:?}):\n{stderr}"));
    }
    match code {
        Some(2 | 3) if !flag_or_value.iter().any(|s| stderr.contains(s)) => Err(format!(
            "`{what}` was refused without naming {flag_or_value:?}:\n{stderr}"
        )),
        Some(2 | 3) if !stderr.contains("error") => Err(format!(
            "`{what}` exited {code:?} without an error:\n{stderr}"
        )),
        Some(0 | 1 | 2 | 3 | 6 | 124) => Ok(()),
        Some(143) if *stopped => Ok(()),
        other => Err(format!(
            "`{what}` ended with {other:?} (stopped: {stopped}):\n{stderr}"
        )),
    }
}

/// Run `jobs` a few at a time and collect every failure.
fn run_all(jobs: Vec<(Command, String, Vec<String>)>, dir: &Path) -> Vec<String> {
    let mut failures = Vec::new();
    let mut jobs = jobs.into_iter().enumerate().peekable();
    while jobs.peek().is_some() {
        let batch: Vec<_> = jobs.by_ref().take(8).collect();
        let handles: Vec<_> = batch
            .into_iter()
            .map(|(n, (cmd, what, names))| {
                let dir = dir.to_owned();
                thread::spawn(move || {
                    let ran = run(cmd, what, &dir, n);
                    let names: Vec<&str> = names.iter().map(String::as_str).collect();
                    check(&ran, &names)
                })
            })
            .collect();
        for h in handles {
            if let Err(e) = h.join().unwrap() {
                failures.push(e);
            }
        }
    }
    failures
}

#[test]
fn every_numeric_flag_at_its_extremes_works_or_is_refused() {
    let server = Server::start();
    let env = TestEnv::with_server(&server);
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/webhooks");
    let fixture = std::fs::read_dir(&fixtures)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "json"))
        .unwrap();
    let mut jobs = Vec::new();
    for c in cases() {
        for value in EXTREMES {
            let args: Vec<String> = c
                .args
                .iter()
                .map(|a| {
                    a.replace("{}", value)
                        .replace("@FIXTURES", &fixture.display().to_string())
                })
                .collect();
            let mut cmd = env.command();
            cmd.args(&args);
            let flag = c.flag.trim_start_matches('-').to_owned();
            jobs.push((
                cmd,
                format!("rtctl {}", args.join(" ")),
                vec![flag, value.to_owned()],
            ));
        }
    }
    let failures = run_all(jobs, &env.work_dir());
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn config_values_at_their_extremes_work_or_are_refused() {
    let server = Server::start();
    let mut jobs = Vec::new();
    let mut envs = Vec::new();
    for (field, value) in [
        ("timeout", "\"300000000000y\""),
        ("timeout", "\"1e308\""),
        ("timeout", "1e308"),
        ("timeout", "-1"),
        ("timeout", "\"NaN\""),
        ("timeout", "0"),
        ("port", "0"),
        ("port", "-1"),
        ("port", "18446744073709551616"),
        ("ws_port", "99999"),
        ("max_payload_kb", "0"),
        ("max_payload_kb", "-1"),
        ("max_payload_kb", "18446744073709551615"),
    ] {
        let env = TestEnv::new();
        // The server's profile with `field` replaced.
        let profile: String = server
            .profile()
            .lines()
            .filter(|l| !l.starts_with(&format!("{field} =")))
            .map(|l| format!("{l}\n"))
            .collect();
        env.write_config(&format!("{profile}{field} = {value}\n"));
        for args in [
            vec!["channels", "list"],
            vec!["trigger", "extremes", "e", "{}"],
            vec!["tail", "extremes", "--duration", "1s"],
        ] {
            let mut cmd = env.command();
            cmd.args(&args);
            jobs.push((
                cmd,
                format!("{field} = {value}: rtctl {}", args.join(" ")),
                vec![field.to_owned()],
            ));
        }
        envs.push(env);
    }
    for (var, value) in [
        ("RTCTL_TIMEOUT", "300000000000y"),
        ("RTCTL_TIMEOUT", "NaN"),
        ("RTCTL_PORT", "0"),
        ("PUSHER_PORT", "99999"),
        ("RTCTL_MAX_PAYLOAD_KB", "18446744073709551615"),
    ] {
        let env = TestEnv::with_server(&server);
        let mut cmd = env.command();
        cmd.env(var, value).args(["channels", "list"]);
        jobs.push((
            cmd,
            format!("{var}={value} rtctl channels list"),
            vec![var.to_owned()],
        ));
        envs.push(env);
    }
    let dir = tempfile::tempdir().unwrap();
    let failures = run_all(jobs, dir.path());
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn far_future_catalogue_placeholders_are_refused_everywhere_they_are_read() {
    let server = Server::start();
    let env = TestEnv::with_server(&server);
    let mut jobs = Vec::new();
    let mut envs = Vec::new();
    for placeholder in [
        "now+10000y",
        "now-300000000000y",
        "now+99999999999999999999999y",
        "now+1e308s",
        "now+NaN",
        "now-",
    ] {
        let catalog = write_file(
            &env.work_dir(),
            &format!("{}.toml", placeholder.replace(['+', '-'], "_")),
            &format!(
                "[[channel]]\nname = \"x\"\n[[channel.event]]\nname = \"e\"\nexample = '{{\"at\": \"{{{{{placeholder}}}}}\"}}'\n"
            ),
        );
        let catalog = catalog.display().to_string();
        for args in [
            vec!["trigger", "x", "e", "--catalog", &catalog, "--dry-run"],
            vec!["trigger", "x", "e", "--catalog", &catalog],
            vec!["catalog", "list", "--catalog", &catalog],
            vec!["catalog", "show", "x", "e", "--catalog", &catalog],
        ] {
            let mut cmd = env.command();
            cmd.args(&args);
            jobs.push((
                cmd,
                format!("rtctl {}", args.join(" ")),
                vec![placeholder.to_owned()],
            ));
        }
        // Completion reads the profile's catalogue: it must stay quiet, not panic.
        let profile_env = TestEnv::new();
        profile_env.write_config(&format!("{}catalog = \"{catalog}\"\n", server.profile()));
        let mut cmd = profile_env.command();
        cmd.env("RTCTL_COMPLETE", "bash")
            .env("_CLAP_COMPLETE_INDEX", "2")
            .env("_CLAP_COMPLETE_COMP_TYPE", "9")
            .env("_CLAP_COMPLETE_SPACE", "true")
            .env("_CLAP_IFS", "\n")
            .args(["--", "rtctl", "trigger", ""]);
        jobs.push((
            cmd,
            format!("completion with catalog {placeholder}"),
            vec![placeholder.to_owned()],
        ));
        envs.push(profile_env);
    }
    let failures = run_all(jobs, &env.work_dir());
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
