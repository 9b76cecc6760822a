//! The real binary without a server: help, completions, config and auth.

use crate::common;

use std::io::Read as _;
use std::process::Stdio;

use common::{TestEnv, output_text, set_mode, write_file};
use predicates::prelude::*;
use serde_json::Value;

const SECRET: &str = "hunter2-very-secret-value";

fn stdout_of(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.output().unwrap();
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "failed: {stderr}");
    stdout
}

// ---------------------------------------------------------------- help and skeleton

#[test]
fn help_text() {
    let env = TestEnv::new();
    insta::assert_snapshot!("help", stdout_of(env.rtctl().arg("--help")));
    insta::assert_snapshot!("help_short", stdout_of(env.rtctl().arg("-h")));
    insta::assert_snapshot!(
        "auth_sign_help",
        stdout_of(env.rtctl().args(["auth", "sign", "--help"]))
    );
    insta::assert_snapshot!(
        "channels_list_help",
        stdout_of(env.rtctl().args(["channels", "list", "-h"]))
    );
    insta::assert_snapshot!(
        "channels_watch_help",
        stdout_of(env.rtctl().args(["channels", "watch", "--help"]))
    );
    insta::assert_snapshot!(
        "config_help",
        stdout_of(env.rtctl().args(["config", "--help"]))
    );
    insta::assert_snapshot!(
        "config_init_help",
        stdout_of(env.rtctl().args(["config", "init", "--help"]))
    );
    insta::assert_snapshot!("tail_help", stdout_of(env.rtctl().args(["tail", "--help"])));
    insta::assert_snapshot!(
        "bench_help",
        stdout_of(env.rtctl().args(["bench", "--help"]))
    );
    insta::assert_snapshot!(
        "tail_help_short",
        stdout_of(env.rtctl().args(["tail", "-h"]))
    );
    insta::assert_snapshot!(
        "webhook_help",
        stdout_of(env.rtctl().args(["webhook", "--help"]))
    );
    insta::assert_snapshot!(
        "webhook_fixture_help",
        stdout_of(env.rtctl().args(["webhook", "fixture", "--help"]))
    );
    insta::assert_snapshot!(
        "webhook_replay_help",
        stdout_of(env.rtctl().args(["webhook", "replay", "-h"]))
    );
    insta::assert_snapshot!(
        "webhook_listen_help",
        stdout_of(env.rtctl().args(["webhook", "listen", "-h"]))
    );
    insta::assert_snapshot!(
        "doctor_help",
        stdout_of(env.rtctl().args(["doctor", "--help"]))
    );
    insta::assert_snapshot!(
        "probe_help",
        stdout_of(env.rtctl().args(["probe", "--help"]))
    );
}

#[test]
fn usage_errors_exit_2() {
    let env = TestEnv::new();
    env.rtctl().arg("frobnicate").assert().code(2);
    env.rtctl().args(["auth", "sign"]).assert().code(2);
    env.rtctl()
        .args(["--port", "0", "channels", "list"])
        .assert()
        .code(2);
}

#[test]
fn help_completions_and_path_work_with_a_broken_config() {
    let env = TestEnv::new();
    env.write_config("[profiles.prod\napp_id = 1\n");
    env.rtctl().arg("--help").assert().success();
    env.rtctl().args(["channels", "--help"]).assert().success();
    env.rtctl().args(["completions", "bash"]).assert().success();
    env.rtctl()
        .args(["config", "path"])
        .assert()
        .success()
        .stdout(format!("{}\n", env.config_path().display()));
    // Commands that need the config say where it is broken.
    env.rtctl()
        .args(["config", "show"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains(format!(
            "{}:1:",
            env.config_path().display()
        )));
}

// ---------------------------------------------------------------- completions

fn completion_file(shell: &str) -> &'static str {
    match shell {
        "bash" => "rtctl.bash",
        "zsh" => "_rtctl",
        "fish" => "rtctl.fish",
        "powershell" => "_rtctl.ps1",
        "elvish" => "rtctl.elv",
        _ => unreachable!(),
    }
}

#[test]
fn committed_completions_match_the_binary() {
    let env = TestEnv::new();
    let update = std::env::var_os("RTCTL_UPDATE_COMPLETIONS").is_some();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let generated = stdout_of(env.rtctl().args(["completions", shell]));
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("completions")
            .join(completion_file(shell));
        if update {
            std::fs::write(&path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "{} is out of date: run `RTCTL_UPDATE_COMPLETIONS=1 cargo test --test it committed_completions` and commit it",
            path.display()
        );
    }
}

/// Every man page: `rtctl.1` and one for each subcommand, nested ones included
/// (`rtctl-config-show.1`), as (file name, roff).
fn man_pages() -> Vec<(String, Vec<u8>)> {
    fn add(cmd: clap::Command, out: &mut Vec<(String, Vec<u8>)>) {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            add(sub.clone(), out);
        }
        let man = clap_mangen::Man::new(cmd)
            .source(format!("rtctl {}", env!("CARGO_PKG_VERSION")))
            .manual("rtctl manual");
        let mut roff = Vec::new();
        man.render(&mut roff).unwrap();
        out.push((man.get_filename(), roff));
    }
    let mut cmd =
        <rtctl::cli::Cli as clap::CommandFactory>::command().disable_help_subcommand(true);
    cmd.build();
    let mut out = Vec::new();
    add(cmd, &mut out);
    out.sort();
    out
}

#[test]
fn committed_man_pages_match_the_cli() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
    let pages = man_pages();
    if std::env::var_os("RTCTL_UPDATE_MAN").is_some() {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for (name, roff) in &pages {
            std::fs::write(dir.join(name), roff).unwrap();
        }
    }
    let mut committed: Vec<String> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    committed.sort();
    let names: Vec<&String> = pages.iter().map(|(n, _)| n).collect();
    let fix = "run `RTCTL_UPDATE_MAN=1 cargo test --test it committed_man_pages` and commit man/";
    assert_eq!(
        committed.iter().collect::<Vec<_>>(),
        names,
        "man/ holds other pages: {fix}"
    );
    for (name, roff) in &pages {
        let on_disk = std::fs::read(dir.join(name)).unwrap_or_default();
        assert!(&on_disk == roff, "man/{name} is out of date: {fix}");
    }
    assert!(names.iter().any(|n| *n == "rtctl.1"));
    assert!(
        names.iter().any(|n| *n == "rtctl-config-show.1"),
        "{names:?}"
    );
}

#[test]
fn version_names_the_commit_and_target_and_json_says_the_same() {
    let env = TestEnv::new();
    let line = stdout_of(env.rtctl().arg("--version"));
    assert_eq!(stdout_of(env.rtctl().arg("-V")), line);
    let doc: Value =
        serde_json::from_str(&stdout_of(env.rtctl().args(["--version", "--json"]))).unwrap();
    assert_eq!(doc["name"], "rtctl");
    assert_eq!(doc["version"], env!("CARGO_PKG_VERSION"));
    let (commit, target) = (
        doc["commit"].as_str().unwrap(),
        doc["target"].as_str().unwrap(),
    );
    let debug = if doc["build"] == "debug" {
        ", debug"
    } else {
        ""
    };
    assert_eq!(
        line,
        format!(
            "rtctl {} ({commit} {target}{debug})\n",
            env!("CARGO_PKG_VERSION")
        )
    );
    assert!(
        target.contains("-linux-") || target.contains("-apple-") || target.contains("-windows-"),
        "{target}"
    );
    // Built from this checkout: the commit is git's HEAD.
    let head = std::process::Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()
        .filter(|h| h.status.success());
    if let Some(head) = head {
        assert_eq!(commit, String::from_utf8_lossy(&head.stdout).trim());
    }
    // --json belongs to --version; no subcommand is a usage error.
    env.rtctl().arg("--json").assert().code(2);
    env.rtctl().args(["--profile", "x"]).assert().code(2);
}

#[test]
fn a_stray_complete_variable_does_nothing() {
    let env = TestEnv::new();
    env.rtctl()
        .args(["config", "path"])
        .env("COMPLETE", "1")
        .assert()
        .success();
}

// ---------------------------------------------------------------- config show

fn file_with_secrets() -> String {
    format!(
        "default_profile = \"prod\"\n\n[profiles.prod]\napp_id = \"12345\"\nkey = \"prod-key\"\nsecret = \"{SECRET}\"\ncluster = \"eu\"\nbackend_token = \"tok-{SECRET}\"\nencryption_master_key = \"zyrm8pvV2C9fJcBfhyXzvxbJVN/H7QLmbe0xJi1GhPU=\"\nauth_headers = {{ Authorization = \"Bearer {SECRET}\" }}\n"
    )
}

#[test]
fn config_show_never_prints_secrets() {
    let env = TestEnv::new();
    env.write_config(&file_with_secrets());
    for args in [
        vec!["config", "show"],
        vec!["config", "show", "--show-origin"],
        vec!["config", "show", "--json"],
    ] {
        let out = env.rtctl().args(&args).output().unwrap();
        let (stdout, stderr) = output_text(&out);
        assert!(out.status.success(), "{stderr}");
        assert!(
            !stdout.contains(SECRET) && !stderr.contains(SECRET),
            "{args:?}: {stdout}"
        );
        // Not even the first characters of the master key: each gives away its bits.
        assert!(!stdout.contains("zyrm"), "{args:?}: {stdout}");
        assert!(stdout.contains("(set, not shown)"), "{args:?}: {stdout}");
        assert!(stdout.contains("prod-key"), "{stdout}");
    }
    // From the environment and stdin too.
    let out = env
        .rtctl()
        .args(["--secret-stdin", "config", "show", "--json"])
        .env("RTCTL_BACKEND_TOKEN", SECRET)
        .write_stdin(format!("{SECRET}\n"))
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(!stdout.contains(SECRET), "{stdout}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["values"]["secret"]["value"], "hunt…");
    assert_eq!(v["values"]["secret"]["source"]["flag"], "--secret-stdin");
    assert_eq!(
        v["values"]["backend_token"]["source"]["var"],
        "RTCTL_BACKEND_TOKEN"
    );
}

#[test]
fn config_show_tells_where_each_value_comes_from() {
    let env = TestEnv::new();
    env.write_config(&file_with_secrets());
    let out = env
        .rtctl()
        .args(["--host", "127.0.0.1", "config", "show", "--json"])
        .env("PUSHER_KEY", "env-key")
        .env("RTCTL_TIMEOUT", "3s")
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["profile"]["value"], "prod");
    assert_eq!(v["profile"]["source"]["type"], "file_default");
    assert_eq!(v["values"]["key"]["value"], "env-key");
    assert_eq!(
        v["values"]["key"]["source"],
        serde_json::json!({"type": "env", "var": "PUSHER_KEY"})
    );
    assert_eq!(v["values"]["host"]["source"]["flag"], "--host");
    assert_eq!(v["values"]["app_id"]["source"]["type"], "file");
    assert_eq!(v["values"]["app_id"]["source"]["line"], 4);
    assert_eq!(v["values"]["timeout"]["value"], "3s");
    assert_eq!(v["rest_url"], "https://127.0.0.1:443");
    // --host overrides the profile's cluster for both endpoints.
    assert_eq!(v["ws_url"], "wss://127.0.0.1:443");

    let human = stdout_of(env.rtctl().args(["config", "show", "--show-origin"]));
    let key_line = human.lines().find(|l| l.starts_with("key ")).unwrap();
    assert!(
        key_line.contains("prod-key") && key_line.contains("[profiles.prod]"),
        "{human}"
    );
}

#[test]
fn secret_command_is_not_run_by_config_show() {
    let env = TestEnv::new();
    let marker = env.work_dir().join("ran");
    env.write_config(&format!(
        "[profiles.p]\nkey = \"k\"\nsecret_command = \"touch {}; echo s\"\n",
        marker.display()
    ));
    let stdout = stdout_of(env.rtctl().args(["--profile", "p", "config", "show"]));
    assert!(stdout.contains("not run"), "{stdout}");
    assert!(!marker.exists());
}

#[test]
fn config_show_hides_credentials_in_urls_and_bad_header_names() {
    let env = TestEnv::new();
    env.write_config(
        "[profiles.local]\nauth_endpoint = \"https://ops:hunter2@app.example/pusher/auth?token=tok-1\"\nbackend_url = \"https://ops:hunter2@app.example?token=tok-1\"\nwebhook_url = \"http://u:hunter2@127.0.0.1:8008/pusher/webhook#tok-1\"\n",
    );
    for args in [
        vec!["config", "show", "--show-origin"],
        vec!["config", "show", "--json"],
    ] {
        let stdout = stdout_of(env.rtctl().args(&args));
        assert!(
            !stdout.contains("hunter2") && !stdout.contains("tok-1"),
            "{args:?}: {stdout}"
        );
        assert!(
            stdout.contains("https://app.example/pusher/auth"),
            "{stdout}"
        );
        assert!(
            stdout.contains("http://127.0.0.1:8008/pusher/webhook"),
            "{stdout}"
        );
    }
    // A header name that is really the start of a token is named by place, not shown.
    let out = env
        .rtctl()
        .args(["config", "show"])
        .env("RTCTL_AUTH_HEADERS", "Bearer s3cr3t-tok: x")
        .output()
        .unwrap();
    let (_, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("line 1"), "{stderr}");
    assert!(!stderr.contains("s3cr3t"), "{stderr}");
}

// ---------------------------------------------------------------- bad config

#[test]
fn toml_syntax_error_names_file_line_and_column() {
    let env = TestEnv::new();
    env.write_config("[profiles.prod]\napp_id = \"1\"\nkey = oops\n");
    let out = env.rtctl().args(["channels", "list"]).output().unwrap();
    let (stdout, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(3));
    assert!(stdout.is_empty());
    assert!(
        stderr.contains(&format!("{}:3:7:", env.config_path().display())),
        "{stderr}"
    );
    assert!(stderr.contains("hint:"), "{stderr}");
}

#[test]
fn unknown_keys_warn_with_the_nearest_known_key() {
    let env = TestEnv::new();
    env.write_config("[profiles.local]\nsecert = \"x\"\n");
    env.rtctl()
        .args(["config", "show"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "warning: ".to_owned()
                + &env.config_path().display().to_string()
                + ":2: unknown key `secert` in [profiles.local]; did you mean `secret`?",
        ));
}

#[test]
fn missing_value_names_key_env_and_flag() {
    let env = TestEnv::new();
    env.write_config("default_profile = \"p\"\n[profiles.p]\nkey = \"k\"\nsecret = \"s\"\nhost = \"127.0.0.1\"\n");
    let out = env.rtctl().args(["channels", "list"]).output().unwrap();
    let (_, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("no `app_id` configured for profile `p`"),
        "{stderr}"
    );
    for way in ["`app_id`", "RTCTL_APP_ID", "PUSHER_APP_ID", "--app-id"] {
        assert!(stderr.contains(way), "{way}: {stderr}");
    }
    // A profile with no server at all.
    env.write_config(
        "default_profile = \"p\"\n[profiles.p]\napp_id = \"1\"\nkey = \"k\"\nsecret = \"s\"\n",
    );
    env.rtctl()
        .args(["channels", "list"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("neither `cluster` nor `host`"));
}

#[test]
fn unknown_profile_lists_the_profiles_there_are() {
    let env = TestEnv::new();
    env.write_config("[profiles.prod]\n[profiles.staging]\n");
    for cmd in [
        env.rtctl()
            .args(["--profile", "prd", "config", "show"])
            .output()
            .unwrap(),
        env.rtctl()
            .args(["config", "show"])
            .env("RTCTL_PROFILE", "prd")
            .output()
            .unwrap(),
    ] {
        let (_, stderr) = output_text(&cmd);
        assert_eq!(cmd.status.code(), Some(3));
        assert!(stderr.contains("unknown profile `prd`"), "{stderr}");
        assert!(stderr.contains("prod, staging"), "{stderr}");
    }
}

#[test]
fn invalid_values_are_config_errors() {
    let env = TestEnv::new();
    env.write_config("[profiles.local]\nport = \"six\"\n");
    env.rtctl()
        .args(["config", "show"])
        .assert()
        .code(3)
        .stderr(
            predicate::str::contains("invalid `port`")
                .and(predicate::str::contains(":2 [profiles.local]")),
        );
    let env = TestEnv::new();
    env.rtctl()
        .args(["auth", "sign", "private-encrypted-x", "--socket-id", "1.1"])
        .env(
            "RTCTL_ENCRYPTION_MASTER_KEY",
            "dGhpcyBpcyAzMSBieXRlcyAxMjM0NTY3ODkwMTIzNA==",
        )
        .assert()
        .code(3)
        .stderr(
            predicate::str::contains("32")
                .and(predicate::str::contains("RTCTL_ENCRYPTION_MASTER_KEY")),
        );
    // A token that could not go in a header is named before anything is sent, not
    // reported later as a URL that is "not usable".
    let out = env
        .rtctl()
        .args(["config", "show"])
        .env("RTCTL_BACKEND_TOKEN", "tok-s3cr3t\n")
        .output()
        .unwrap();
    let (_, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("invalid `backend_token` from env RTCTL_BACKEND_TOKEN: it spans lines"),
        "{stderr}"
    );
    assert!(!stderr.contains("s3cr3t"), "{stderr}");
}

#[test]
fn a_config_readable_by_others_holding_a_secret_is_warned_about() {
    let env = TestEnv::new();
    env.write_config(&file_with_secrets());
    set_mode(&env.config_path(), 0o644);
    let out = env.rtctl().args(["config", "show"]).output().unwrap();
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success());
    assert!(stderr.contains("readable by others (mode 644)"), "{stderr}");
    assert!(stderr.contains("chmod 600"), "{stderr}");
    assert!(!stderr.contains(SECRET) && !stdout.contains(SECRET));
    set_mode(&env.config_path(), 0o600);
    let (_, stderr) = output_text(&env.rtctl().args(["config", "show"]).output().unwrap());
    assert!(!stderr.contains("readable by others"), "{stderr}");
}

#[test]
fn platform_variables_overriding_a_chosen_profile_are_pointed_out() {
    let env = TestEnv::new();
    env.write_config(&file_with_secrets());
    env.rtctl()
        .args(["--profile", "prod", "config", "show"])
        .env("PUSHER_KEY", "dev-key")
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "env PUSHER_KEY overrides `key` of profile `prod`",
        ));
}

// ---------------------------------------------------------------- what a .env or a file can make rtctl do

/// `rtctl auth sign`: local work that needs the secret, and nothing else.
const SIGN: [&str; 5] = ["auth", "sign", "private-x", "--socket-id", "1.1"];

#[test]
fn a_dotenv_cannot_make_rtctl_run_a_command() {
    let env = TestEnv::new();
    let marker = env.work_dir().join("pwned");
    let command = format!("touch {}; echo s", marker.display());
    write_file(
        &env.work_dir(),
        ".env",
        &format!("PUSHER_KEY=k\nRTCTL_SECRET_COMMAND='{command}'\n"),
    );
    // Read because the profile says so, or because of --env-file: refused either way.
    env.write_config("[profiles.local]\nenv_file = true\n");
    for args in [vec![], vec!["--env-file"]] {
        for cmd in [&SIGN[..], &["config", "show"]] {
            let out = env.rtctl().args(&args).args(cmd).output().unwrap();
            let (stdout, stderr) = output_text(&out);
            assert_eq!(out.status.code(), Some(3), "{cmd:?}: {stderr}");
            assert!(!marker.exists(), "{cmd:?}: the .env's command ran");
            assert!(stdout.is_empty(), "{stdout}");
            assert!(
                stderr.contains(
                    "a .env file may not set `secret_command` (.env RTCTL_SECRET_COMMAND)"
                ),
                "{stderr}"
            );
            assert!(
                stderr.contains("hint:") && stderr.contains("export RTCTL_SECRET_COMMAND"),
                "{stderr}"
            );
        }
        env.write_config("");
    }
    // The other half: the same command from the user's environment or config file runs.
    std::fs::remove_file(env.work_dir().join(".env")).unwrap();
    env.rtctl()
        .args(SIGN)
        .env("RTCTL_SECRET_COMMAND", &command)
        .assert()
        .success();
    assert!(marker.exists(), "the environment's command did not run");
    std::fs::remove_file(&marker).unwrap();
    env.write_config(&format!(
        "[profiles.local]\nsecret_command = \"{}\"\n",
        command.replace('"', "\\\"")
    ));
    env.rtctl().args(SIGN).assert().success();
    assert!(marker.exists(), "the config file's command did not run");
}

#[test]
fn a_dotenv_cannot_point_rtctl_at_another_variable_or_a_file() {
    let env = TestEnv::new();
    env.write_config("[profiles.local]\nenv_file = true\n");
    for (var, value, field) in [
        ("RTCTL_SECRET_ENV", "CI_DEPLOY_TOKEN", "secret_env"),
        ("RTCTL_CATALOG", "/proc/self/environ", "catalog"),
    ] {
        write_file(
            &env.work_dir(),
            ".env",
            &format!("PUSHER_KEY=k\n{var}={value}\n"),
        );
        for cmd in [&SIGN[..], &["trigger", "x", "e", "--dry-run"]] {
            let out = env
                .rtctl()
                .args(cmd)
                .env("CI_DEPLOY_TOKEN", "ci-token-4242")
                .output()
                .unwrap();
            let (stdout, stderr) = output_text(&out);
            assert_eq!(out.status.code(), Some(3), "{var} {cmd:?}: {stderr}");
            assert!(stdout.is_empty(), "{stdout}");
            assert!(
                stderr.contains(&format!("a .env file may not set `{field}`")),
                "{stderr}"
            );
            assert!(!stderr.contains("ci-token-4242"), "{stderr}");
        }
    }
    // The user may name such a file: a catalogue that is not TOML is reported by line
    // and column, never by showing what the file holds.
    std::fs::remove_file(env.work_dir().join(".env")).unwrap();
    env.write_config("");
    let out = env
        .rtctl()
        .args([
            "trigger",
            "x",
            "e",
            "--dry-run",
            "--catalog",
            "/proc/self/environ",
        ])
        .env("CI_DEPLOY_TOKEN", "ci-token-4242")
        .output()
        .unwrap();
    let (_, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("line 1, column"), "{stderr}");
    assert!(!stderr.contains("ci-token-4242"), "{stderr}");
}

#[test]
fn a_dotenv_url_gets_no_token_from_the_profile_unless_trusted() {
    let (port, heads) = common::recorder("200 OK", r#"{"success":true}"#);
    let env = TestEnv::new();
    env.write_config("[profiles.local]\nbackend_token = \"profile-token-77\"\n");
    let dotenv = format!("RTCTL_BACKEND_URL=http://127.0.0.1:{port}\n");
    write_file(&env.work_dir(), ".env", &dotenv);
    let trigger = |extra: &[&str]| {
        env.rtctl()
            .arg("--env-file")
            .args(extra)
            .args(["trigger", "dashboard-updates", "system_notification"])
            .args(["--via", "backend"])
            .output()
            .unwrap()
    };
    let out = trigger(&[]);
    let (_, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("not using `backend_url` (RTCTL_BACKEND_URL) from .env")
            && stderr.contains("`backend_token` from ")
            && stderr.contains("pass --trust-env-file"),
        "{stderr}"
    );
    assert!(!stderr.contains("profile-token-77"), "{stderr}");
    assert!(
        heads.try_recv().is_err(),
        "something was sent to the .env's URL"
    );

    // The user's say-so, which the .env cannot give itself.
    let out = trigger(&["--trust-env-file"]);
    assert!(out.status.success(), "{:?}", output_text(&out));
    let head = heads
        .try_recv()
        .expect("the trusted .env's URL got the request");
    assert!(
        head.to_ascii_lowercase()
            .contains("\r\nauthorization: bearer profile-token-77\r\n"),
        "{head}"
    );
    write_file(
        &env.work_dir(),
        ".env",
        &format!("{dotenv}RTCTL_TRUST_ENV_FILE=1\n"),
    );
    let out = trigger(&[]);
    let (_, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("a .env cannot vouch for itself"),
        "{stderr}"
    );
    assert!(
        heads.try_recv().is_err(),
        "something was sent to the .env's URL"
    );
}

#[test]
fn a_secret_command_that_never_answers_is_stopped_and_named() {
    let env = TestEnv::new();
    let pid_file = env.work_dir().join("pid");
    env.write_config(&format!(
        "[profiles.local]\nsecret_command = \"sleep 1000 & echo $$ $! > {}; wait\"\n",
        pid_file.display()
    ));
    // The whole 30 s bound; the timeout here only guards against a hang.
    let out = env
        .rtctl()
        .args(SIGN)
        .timeout(std::time::Duration::from_secs(300))
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(
        stderr.contains(&format!(
            "`secret_command` (from {}:2 [profiles.local]) gave no answer within 30s and was stopped",
            env.config_path().display()
        )),
        "{stderr}"
    );
    assert!(stderr.contains("secret_env"), "{stderr}");
    // The shell and what it started (its `sleep`) are gone: nothing holds rtctl's
    // output open or runs on after it.
    for pid in std::fs::read_to_string(&pid_file)
        .unwrap()
        .split_whitespace()
    {
        assert!(common::process_ended(pid), "process {pid} still runs");
    }
}

#[test]
fn ctrl_c_stops_a_waiting_secret_command_at_once() {
    let env = TestEnv::new();
    let pid_file = env.work_dir().join("pid");
    env.write_config(&format!(
        "[profiles.local]\nsecret_command = \"sleep 1000 & echo $$ $! > {}.tmp; mv {0}.tmp {0}; wait\"\n",
        pid_file.display()
    ));
    for (signal, code) in [("-INT", 130), ("-TERM", 143)] {
        let _ = std::fs::remove_file(&pid_file);
        let run = env.spawn(&SIGN);
        let pid = common::eventually("the secret command starts", || {
            std::fs::read_to_string(&pid_file).ok()
        });
        let status = std::process::Command::new("kill")
            .args([signal, &run.pid().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let (exit, _, stderr) = run.finish();
        assert_eq!(exit, Some(code), "{signal}: {stderr}");
        for pid in pid.split_whitespace() {
            common::eventually("the secret command and what it started are killed", || {
                common::process_ended(pid).then_some(())
            });
        }
    }
}

#[test]
fn files_others_could_write_or_read_a_secret_from_are_warned_about() {
    let env = TestEnv::new();
    // A config file others can write can set a command for rtctl to run, secret or not.
    env.write_config("[profiles.local]\nkey = \"k\"\n");
    set_mode(&env.config_path(), 0o664);
    let (_, stderr) = output_text(&env.rtctl().args(["config", "show"]).output().unwrap());
    assert!(
        stderr.contains("is writable by others, who could set a `secret_command`")
            && stderr.contains("(mode 664)")
            && stderr.contains("chmod 600"),
        "{stderr}"
    );
    set_mode(&env.config_path(), 0o600);
    // A .env holding a secret that others can read.
    let dotenv = write_file(
        &env.work_dir(),
        ".env",
        &format!("PUSHER_SECRET={SECRET}\n"),
    );
    set_mode(&dotenv, 0o644);
    let out = env
        .rtctl()
        .args(["--env-file", "config", "show"])
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            ".env holds a secret and is readable by others (mode 644); run `chmod 600 .env`"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains(SECRET) && !stdout.contains(SECRET));
    set_mode(&dotenv, 0o600);
    let (_, stderr) = output_text(
        &env.rtctl()
            .args(["--env-file", "config", "show"])
            .output()
            .unwrap(),
    );
    assert!(!stderr.contains("by others"), "{stderr}");
    // Without a secret, a readable .env is nobody's business.
    write_file(&env.work_dir(), ".env", "PUSHER_KEY=k\n");
    set_mode(&dotenv, 0o644);
    let (_, stderr) = output_text(
        &env.rtctl()
            .args(["--env-file", "config", "show"])
            .output()
            .unwrap(),
    );
    assert!(!stderr.contains("by others"), "{stderr}");
}

// ---------------------------------------------------------------- the built-in credentials

/// Commands that sign with the app secret (tail, to authorize a private channel), after
/// the global flags.
const SIGNING: [&[&str]; 4] = [
    &["channels", "list"],
    &["trigger", "x", "e", "{}"],
    &["tail", "private-x", "--duration", "30s"],
    &["auth", "sign", "private-x", "--socket-id", "1.1"],
];

/// Run `rtctl GLOBAL CMD` for each signing command: each must stop with a configuration
/// error naming `named` and the ways to give a secret, and never show the built-in one.
fn refuses_the_builtin_secret(env: &TestEnv, global: &[&str], named: &str) {
    for cmd in SIGNING {
        let out = env.rtctl().args(global).args(cmd).output().unwrap();
        let (stdout, stderr) = output_text(&out);
        assert_eq!(out.status.code(), Some(3), "{cmd:?}: {stderr}");
        assert!(
            stderr.contains("no `secret` for this server")
                && stderr.contains(named)
                && stderr.contains("nothing was sent"),
            "{cmd:?}: {stderr}"
        );
        assert!(
            stderr.contains("hint: give the app's secret: set `secret`, `secret_env` or `secret_command` in [profiles.local], or export RTCTL_SECRET (or PUSHER_SECRET), or pipe it to --secret-stdin"),
            "{cmd:?}: {stderr}"
        );
        assert!(!format!("{stdout}{stderr}").contains("app-secret"));
    }
}

#[test]
fn the_builtin_secret_never_goes_to_a_server_named_elsewhere() {
    let env = TestEnv::new();
    // A stand-in server: anything rtctl sends would have to connect to it first.
    let (listener, port) = common::silent_listener();
    listener.set_nonblocking(true).unwrap();
    let port = port.to_string();
    let global = [
        "--host",
        "127.0.0.1",
        "--port",
        &port,
        "--app-id",
        "1",
        "--key",
        "k",
    ];
    refuses_the_builtin_secret(&env, &global, "`host` comes from flag --host");
    match listener.accept() {
        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
        other => panic!("rtctl connected to the stand-in server: {other:?}"),
    }
    // Pusher's hosted cluster: stopped before any name is looked up.
    let global = ["--cluster", "eu", "--app-id", "1", "--key", "k"];
    refuses_the_builtin_secret(&env, &global, "`cluster` comes from flag --cluster");

    // config show says there is none, and why.
    let v: Value = serde_json::from_str(&stdout_of(
        env.rtctl().args(global).args(["config", "show", "--json"]),
    ))
    .unwrap();
    let secret = &v["values"]["secret"];
    assert_eq!(
        secret["value"],
        "(none: the built-in one is only for 127.0.0.1:6001, and `cluster` comes from flag --cluster)"
    );
    assert_eq!(secret["source"]["flag"], "--cluster");
    // The user's own secret goes where the user says.
    env.rtctl()
        .args(global)
        .args([
            "--secret-stdin",
            "auth",
            "sign",
            "private-x",
            "--socket-id",
            "1.1",
        ])
        .write_stdin("mine\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("\"auth\":\"k:"));
}

// ---------------------------------------------------------------- config init / use / list

#[test]
fn config_init_from_flags_writes_a_private_file() {
    use std::os::unix::fs::PermissionsExt as _;
    let env = TestEnv::new();
    env.rtctl()
        .args([
            "config",
            "init",
            "prod",
            "--cluster",
            "eu",
            "--app-id",
            "123",
            "--key",
            "abc",
            "--secret-stdin",
        ])
        .write_stdin(format!("{SECRET}\n"))
        .assert()
        .success()
        .stdout("")
        .stderr(
            predicate::str::contains("created profile `prod`")
                .and(predicate::str::contains(SECRET).not()),
        );
    let mode = std::fs::metadata(env.config_path())
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600);
    let text = env.read_config();
    assert!(text.contains("default_profile = \"prod\""), "{text}");
    assert!(text.contains(&format!("secret = \"{SECRET}\"")), "{text}");

    // It resolves as written.
    let v: Value =
        serde_json::from_str(&stdout_of(env.rtctl().args(["config", "show", "--json"]))).unwrap();
    assert_eq!(v["rest_url"], "https://api-eu.pusher.com:443");

    // Refuses to overwrite without --force, and says how.
    env.rtctl()
        .args([
            "config", "init", "prod", "--host", "h", "--app-id", "1", "--key", "k",
        ])
        .assert()
        .code(3)
        .stderr(
            predicate::str::contains("already exists").and(predicate::str::contains("--force")),
        );
    assert_eq!(env.read_config(), text);
    env.rtctl()
        .args([
            "config",
            "init",
            "prod",
            "--host",
            "h",
            "--app-id",
            "1",
            "--key",
            "k",
            "--secret-command",
            "pass show x",
            "--force",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains("is now the default").not());
    let text = env.read_config();
    assert!(
        text.contains("secret_command = \"pass show x\"") && !text.contains(SECRET),
        "{text}"
    );

    // A second profile does not take over the default unless asked.
    env.rtctl()
        .args([
            "config",
            "init",
            "dev",
            "--host",
            "127.0.0.1",
            "--port",
            "6001",
            "--no-tls",
            "--app-id",
            "a",
            "--key",
            "k",
            "--secret-env",
            "DEV_SECRET",
        ])
        .assert()
        .success();
    assert!(env.read_config().contains("default_profile = \"prod\""));
}

/// Assert the text values (or their absence) of `[profiles.NAME]` in the config file.
fn assert_profile(env: &TestEnv, name: &str, want: &[(&str, Option<&str>)]) {
    let doc: toml::Table = toml::from_str(&env.read_config()).unwrap();
    let p = &doc["profiles"][name];
    for (key, value) in want {
        assert_eq!(p.get(key).and_then(|v| v.as_str()), *value, "{key}");
    }
}

#[test]
fn config_init_writes_the_apps_endpoints_and_ca() {
    let env = TestEnv::new();
    let ca = write_file(&env.work_dir(), "ca.pem", "-----BEGIN CERTIFICATE-----\n");
    let out = env
        .rtctl()
        .args([
            "config",
            "init",
            "internal",
            "--host",
            "rt.internal",
            "--tls",
            "--ca-cert",
            "ca.pem",
            "--app-id",
            "1",
            "--key",
            "k",
            "--secret-stdin",
            "--backend-url",
            "https://ops:hunter2@app.example/api?token=t0ken",
        ])
        .write_stdin(format!("{SECRET}\n"))
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{stderr}");
    // The endpoints under the backend URL, as the platform lays them out, and the CA as
    // an absolute path: a relative one would be read relative to the file.
    assert_profile(
        &env,
        "internal",
        &[
            (
                "backend_url",
                Some("https://ops:hunter2@app.example/api?token=t0ken"),
            ),
            (
                "auth_endpoint",
                Some("https://ops:hunter2@app.example/api/pusher/auth?token=t0ken"),
            ),
            (
                "webhook_url",
                Some("https://ops:hunter2@app.example/api/pusher/webhook?token=t0ken"),
            ),
            ("ca_cert", ca.to_str()),
        ],
    );
    // The summary names each, and where trigger --via backend posts, without credentials.
    for line in [
        "auth_endpoint: https://app.example/api/pusher/auth",
        "webhook_url: https://app.example/api/pusher/webhook",
        "trigger --via backend posts to https://app.example/api/realtime/trigger",
        &format!("ca_cert: {}", ca.display()),
    ] {
        assert!(stderr.contains(line), "{line}: {stderr}");
    }
    for secret in [SECRET, "hunter2", "t0ken"] {
        assert!(
            !stdout.contains(secret) && !stderr.contains(secret),
            "{stderr}"
        );
    }

    // An explicit endpoint wins over the derived one.
    env.rtctl()
        .args([
            "config",
            "init",
            "dev",
            "--host",
            "127.0.0.1",
            "--no-tls",
            "--app-id",
            "1",
            "--key",
            "k",
            "--backend-url",
            "http://localhost:8008",
            "--auth-endpoint",
            "http://localhost:9000/auth",
        ])
        .assert()
        .success();
    assert_profile(
        &env,
        "dev",
        &[
            ("auth_endpoint", Some("http://localhost:9000/auth")),
            ("webhook_url", Some("http://localhost:8008/pusher/webhook")),
            ("ca_cert", None),
        ],
    );

    // What would not work is refused, and nothing is written.
    let before = env.read_config();
    for (args, message) in [
        (vec!["--ca-cert", "missing.pem"], "no such file"),
        (vec!["--backend-url", "localhost:8008"], "--backend-url"),
        (vec!["--webhook-url", "ftp://h/w"], "http:// or https://"),
    ] {
        env.rtctl()
            .args([
                "config", "init", "bad", "--host", "h", "--app-id", "1", "--key", "k",
            ])
            .args(&args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(message));
    }
    assert_eq!(env.read_config(), before);
}

#[test]
fn config_init_checks_what_it_writes() {
    let env = TestEnv::new();
    for (args, message) in [
        (
            vec!["bad", "--cluster", "EU!", "--app-id", "1", "--key", "k"],
            "not a cluster name",
        ),
        (
            vec![
                "bad",
                "--host",
                "h",
                "--timeout",
                "banana",
                "--app-id",
                "1",
                "--key",
                "k",
            ],
            "`banana` is not a duration",
        ),
        (
            vec!["bad", "--host", "https://h", "--app-id", "1", "--key", "k"],
            "it is a URL",
        ),
        (
            vec!["", "--host", "h", "--app-id", "1", "--key", "k"],
            "not a profile name",
        ),
    ] {
        env.rtctl()
            .args(["config", "init"])
            .args(&args)
            .assert()
            .failure()
            .stderr(predicate::str::contains(message));
        assert!(!env.config_path().exists(), "{args:?} wrote the file");
    }
}

#[test]
fn config_init_without_a_terminal_names_what_is_missing() {
    let env = TestEnv::new();
    env.rtctl()
        .args(["config", "init", "p", "--cluster", "eu", "--key", "k"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("--app-id"));
    env.rtctl()
        .args(["config", "init", "p", "--app-id", "1", "--key", "k"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("--cluster").and(predicate::str::contains("--host")));
    env.rtctl()
        .args([
            "config",
            "init",
            "--app-id",
            "1",
            "--key",
            "k",
            "--cluster",
            "eu",
        ])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("profile name"));
    assert!(!env.config_path().exists());
}

#[test]
fn config_use_and_list() {
    let env = TestEnv::new();
    env.write_config("# team profiles\ndefault_profile = \"a\"\n[profiles.a]\ncluster = \"eu\"\n[profiles.b]\nhost = \"h\"\nport = 6001\n");
    env.rtctl().args(["config", "use", "b"]).assert().success();
    let text = env.read_config();
    assert!(
        text.starts_with("# team profiles\ndefault_profile = \"b\"\n"),
        "{text}"
    );
    let listed = stdout_of(env.rtctl().args(["config", "list"]));
    assert!(listed.contains("* b") && listed.contains("  a"), "{listed}");
    assert!(
        listed.contains("h:6001") && listed.contains("cluster eu"),
        "{listed}"
    );
    assert!(
        listed.contains("local") && listed.contains("built-in"),
        "{listed}"
    );
    let json: Value =
        serde_json::from_str(&stdout_of(env.rtctl().args(["config", "list", "--json"]))).unwrap();
    assert_eq!(json[1]["name"], "b");
    assert_eq!(json[1]["default"], true);
    assert_eq!(json[1]["current"], true);
    // The mark follows the profile a command would use.
    let listed = stdout_of(
        env.rtctl()
            .args(["config", "list"])
            .env("RTCTL_PROFILE", "a"),
    );
    assert!(listed.contains("* a") && listed.contains("  b"), "{listed}");

    env.rtctl()
        .args(["config", "use", "nope"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("a, b"));
    env.rtctl()
        .args(["config", "use", "local"])
        .assert()
        .success();
    assert!(env.read_config().contains("default_profile = \"local\""));
}

/// The built-in defaults are stated in help and shown by `config`, each from its one
/// constant: a change to a constant that leaves the help behind fails here.
#[test]
fn help_and_config_state_the_built_in_defaults() {
    use rtctl::config::defaults::{
        DEFAULT_TIMEOUT, LOCAL_APP_ID, LOCAL_KEY, LOCAL_SECRET, local_server,
    };
    let env = TestEnv::new();
    let help = stdout_of(env.rtctl().arg("--help"));
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    let timeout = humantime::format_duration(DEFAULT_TIMEOUT).to_string();
    for stated in [
        format!("a local server at {}", local_server()),
        format!("({LOCAL_APP_ID}, {LOCAL_KEY}, {LOCAL_SECRET})"),
        format!("[default: {timeout}]"),
    ] {
        assert!(help.contains(&stated), "{stated} not in: {help}");
    }
    let listed = stdout_of(env.rtctl().args(["config", "list"]));
    assert!(
        listed.contains(&format!("{} (built-in)", local_server())),
        "{listed}"
    );
    let shown: Value =
        serde_json::from_str(&stdout_of(env.rtctl().args(["config", "show", "--json"]))).unwrap();
    assert_eq!(
        shown["rest_url"],
        format!("http://{}", local_server()),
        "{shown}"
    );
    assert_eq!(shown["values"]["timeout"]["value"], timeout, "{shown}");
    assert_eq!(shown["values"]["key"]["value"], LOCAL_KEY, "{shown}");
}

// ---------------------------------------------------------------- auth

/// `rtctl auth …` with the given app key and secret (the secret on stdin).
fn auth(env: &TestEnv, key: &str, secret: &str, args: &[&str]) -> std::process::Output {
    env.rtctl()
        .args(["--key", key, "--secret-stdin", "auth"])
        .args(args)
        .write_stdin(format!("{secret}\n"))
        .output()
        .unwrap()
}

#[test]
fn auth_sign_is_byte_identical_to_the_official_libraries() {
    let env = TestEnv::new();
    // Private: Pusher docs; GO and RUST emit exactly this reply.
    let out = auth(
        &env,
        "278d425bdf160c739803",
        "7ad3773142a6692b25b8",
        &["sign", "private-foobar", "--socket-id", "1234.1234"],
    );
    assert_eq!(
        output_text(&out).0,
        "{\"auth\":\"278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4\"}\n"
    );
    // Presence: GO TestPresenceChannelAuthentication, from --user-id/--user-info and from --channel-data.
    let want = "{\"auth\":\"278d425bdf160c739803:48dac51d2d7569e1e9c0f48c227d4b26f238fa68e5c0bb04222c966909c4f7c4\",\"channel_data\":\"{\\\"user_id\\\":\\\"10\\\",\\\"user_info\\\":{\\\"name\\\":\\\"Mr. Pusher\\\"}}\"}\n";
    let built = auth(
        &env,
        "278d425bdf160c739803",
        "7ad3773142a6692b25b8",
        &[
            "sign",
            "presence-foobar",
            "--socket-id",
            "1234.1234",
            "--user-id",
            "10",
            "--user-info",
            r#"{ "name": "Mr. Pusher" }"#,
        ],
    );
    assert_eq!(output_text(&built).0, want);
    let given = auth(
        &env,
        "278d425bdf160c739803",
        "7ad3773142a6692b25b8",
        &[
            "sign",
            "presence-foobar",
            "--socket-id",
            "1234.1234",
            "--channel-data",
            r#"{"user_id":"10","user_info":{"name":"Mr. Pusher"}}"#,
        ],
    );
    assert_eq!(output_text(&given).0, want);
    // Encrypted: NODE authorizeChannel with a master key.
    let out = env
        .rtctl()
        .args([
            "--key",
            "f00d",
            "--secret-stdin",
            "auth",
            "sign",
            "private-encrypted-bla",
            "--socket-id",
            "123.456",
            "--channel-data",
            "\"foo\"",
        ])
        .env(
            "RTCTL_ENCRYPTION_MASTER_KEY",
            "zyrm8pvV2C9fJcBfhyXzvxbJVN/H7QLmbe0xJi1GhPU=",
        )
        .write_stdin("tofu\n")
        .output()
        .unwrap();
    assert_eq!(
        output_text(&out).0,
        "{\"auth\":\"f00d:962c48b78bf93d98ff4c92ee7dff04865821455b7b401e9d60a9e0a90af2c105\",\"channel_data\":\"\\\"foo\\\"\",\"shared_secret\":\"nlr49ISQHz91yS3cy/yWmW8wFMNeTnNL5tNHnbPJcLQ=\"}\n"
    );
    // User authentication: GO TestAuthenticateUser, PHP AuthenticateUserTest.
    let out = auth(
        &env,
        "key",
        "secret",
        &[
            "user",
            "--socket-id",
            "12345.12345",
            "--user-data",
            r#"{"id":"1234"}"#,
        ],
    );
    assert_eq!(
        output_text(&out).0,
        "{\"auth\":\"key:e4c63b82c1e1d0955901f6a29ca51b244155bafda93968bc5664010f5ba54a41\",\"user_data\":\"{\\\"id\\\":\\\"1234\\\"}\"}\n"
    );
    let out = auth(
        &env,
        "thisisaauthkey",
        "thisisasecret",
        &[
            "user",
            "--socket-id",
            "12345.6789",
            "--user-data",
            r#"{"id":"123"}"#,
        ],
    );
    assert_eq!(
        output_text(&out).0,
        "{\"auth\":\"thisisaauthkey:fc713f433deb729d0d96f9e26ef054285cbc3e833ebe840b93722a2fa16a6a18\",\"user_data\":\"{\\\"id\\\":\\\"123\\\"}\"}\n"
    );
}

#[test]
fn auth_refuses_bad_input_before_signing() {
    let env = TestEnv::new();
    let cases: &[(&[&str], i32, &str)] = &[
        (
            &["sign", "dashboard-updates", "--socket-id", "1.1"],
            2,
            "public channel",
        ),
        (
            &["sign", "private-x", "--socket-id", "1.1\n"],
            2,
            "is not of the form",
        ),
        (
            &["sign", "private-x", "--socket-id", "abc"],
            2,
            "is not of the form",
        ),
        (
            &["sign", "private x", "--socket-id", "1.1"],
            2,
            "may not contain",
        ),
        (
            &["sign", "#server-to-user-1", "--socket-id", "1.1"],
            2,
            "may not contain",
        ),
        (
            &["sign", "presence-c", "--socket-id", "1.1"],
            2,
            "needs channel data with a `user_id`",
        ),
        (
            &[
                "sign",
                "presence-c",
                "--socket-id",
                "1.1",
                "--channel-data",
                "{nope",
            ],
            2,
            "not valid JSON",
        ),
        (
            &[
                "sign",
                "presence-c",
                "--socket-id",
                "1.1",
                "--channel-data",
                r#"{"user_info":{}}"#,
            ],
            2,
            "no `user_id`",
        ),
        (
            &[
                "sign",
                "presence-c",
                "--socket-id",
                "1.1",
                "--user-id",
                "1",
                "--user-info",
                "[1]",
            ],
            2,
            "JSON object",
        ),
        (
            &["sign", "private-c", "--socket-id", "1.1", "--user-id", "1"],
            2,
            "presence channels only",
        ),
        (
            &["sign", "private-encrypted-c", "--socket-id", "1.1"],
            3,
            "no encryption master key",
        ),
        (
            &[
                "user",
                "--socket-id",
                "1.1",
                "--user-data",
                r#"{"name":"x"}"#,
            ],
            2,
            "no `id`",
        ),
        (
            &["user", "--socket-id", "1.1", "--user-data", "nope"],
            2,
            "not valid JSON",
        ),
    ];
    for (args, code, message) in cases {
        let out = env.rtctl().arg("auth").args(*args).output().unwrap();
        let (stdout, stderr) = output_text(&out);
        assert_eq!(out.status.code(), Some(*code), "{args:?}: {stderr}");
        assert!(stdout.is_empty(), "{args:?} printed {stdout}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert!(stderr.contains("hint:"), "{args:?}: {stderr}");
    }
}

#[test]
fn auth_verify_says_what_should_have_been_signed() {
    let env = TestEnv::new();
    let good =
        "278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4";
    let out = auth(
        &env,
        "278d425bdf160c739803",
        "7ad3773142a6692b25b8",
        &[
            "verify",
            "private-foobar",
            "--socket-id",
            "1234.1234",
            "--auth",
            good,
        ],
    );
    assert!(out.status.success(), "{:?}", output_text(&out));
    assert!(output_text(&out).0.starts_with("valid: "));

    let bad =
        "278d425bdf160c739803:0000000000000000000000000000000000000000000000000000000000000000";
    let out = auth(
        &env,
        "278d425bdf160c739803",
        "7ad3773142a6692b25b8",
        &[
            "verify",
            "private-foobar",
            "--socket-id",
            "1234.1235",
            "--auth",
            bad,
        ],
    );
    let (stdout, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(5), "{stderr}");
    assert!(
        stdout.contains("string to sign:  1234.1235:private-foobar  (socket_id:channel_name)"),
        "{stdout}"
    );
    assert!(stdout.contains("the HMAC differs"), "{stdout}");

    let out = auth(
        &env,
        "other-key",
        "7ad3773142a6692b25b8",
        &[
            "verify",
            "private-foobar",
            "--socket-id",
            "1234.1234",
            "--auth",
            good,
            "--json",
        ],
    );
    assert_eq!(out.status.code(), Some(5));
    let v: Value = serde_json::from_str(&output_text(&out).0).unwrap();
    assert_eq!(v["valid"], false);
    assert_eq!(v["reason"], "wrong_key");
    assert_eq!(v["string_to_sign"], "1234.1234:private-foobar");

    // Presence: the channel data is part of what is signed.
    let data = r#"{"user_id":"10","user_info":{"name":"Mr. Pusher"}}"#;
    let auth_value =
        "278d425bdf160c739803:48dac51d2d7569e1e9c0f48c227d4b26f238fa68e5c0bb04222c966909c4f7c4";
    let out = auth(
        &env,
        "278d425bdf160c739803",
        "7ad3773142a6692b25b8",
        &[
            "verify",
            "presence-foobar",
            "--socket-id",
            "1234.1234",
            "--auth",
            auth_value,
            "--channel-data",
            data,
        ],
    );
    assert!(out.status.success(), "{:?}", output_text(&out));
    let out = auth(
        &env,
        "278d425bdf160c739803",
        "7ad3773142a6692b25b8",
        &[
            "verify",
            "presence-foobar",
            "--socket-id",
            "1234.1234",
            "--auth",
            auth_value,
        ],
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn auth_verify_never_prints_the_valid_signature() {
    let env = TestEnv::new();
    let (key, secret) = ("app-key", "app-secret");
    let data = r#"{"user_id":"42","user_info":{"name":"Ada"}}"#;
    let spaced = r#"{"user_id": "42", "user_info": {"name": "Ada"}}"#;
    let zeros = "0".repeat(64);
    // (channel, channel data, auth given, reason, the part that differs)
    let cases: Vec<(&str, Option<&str>, String, &str, &str)> = vec![
        (
            "private-user-42",
            None,
            format!("{key}:{zeros}"),
            "signature_mismatch",
            "HMAC:            differs",
        ),
        (
            "private-user-42",
            None,
            format!("other-key:{zeros}"),
            "wrong_key",
            "key part:        differs: `other-key`",
        ),
        (
            "private-user-42",
            None,
            format!("{key}:abc"),
            "malformed",
            "signature form:  differs: 3 characters",
        ),
        (
            "private-user-42",
            None,
            zeros.clone(),
            "malformed",
            "key part:        missing",
        ),
        (
            "presence-classroom-101",
            Some(data),
            format!("{key}:{zeros}"),
            "signature_mismatch",
            "(socket_id:channel_name:channel_data)",
        ),
    ];
    for (channel, channel_data, given, reason, differs) in cases {
        let mut sign_args = vec!["sign", channel, "--socket-id", "123.456"];
        let mut verify_args = vec![
            "verify",
            channel,
            "--socket-id",
            "123.456",
            "--auth",
            &given,
        ];
        if let Some(d) = channel_data {
            sign_args.extend(["--channel-data", d]);
            verify_args.extend(["--channel-data", d]);
        }
        let signed = auth(&env, key, secret, &sign_args);
        assert!(signed.status.success(), "{:?}", output_text(&signed));
        let v: Value = serde_json::from_slice(&signed.stdout).unwrap();
        let valid = v["auth"]
            .as_str()
            .unwrap()
            .split_once(':')
            .unwrap()
            .1
            .to_owned();

        let out = auth(&env, key, secret, &verify_args);
        let (stdout, stderr) = output_text(&out);
        assert_eq!(out.status.code(), Some(5), "{stderr}");
        assert!(
            !stdout.contains(&valid) && !stderr.contains(&valid),
            "the valid signature was printed:\n{stdout}\n{stderr}"
        );
        let to_sign = match channel_data {
            Some(d) => format!("123.456:{channel}:{d}"),
            None => format!("123.456:{channel}"),
        };
        assert!(
            stdout.contains(&format!("string to sign:  {to_sign}")),
            "{stdout}"
        );
        assert!(stdout.contains(differs), "{differs}: {stdout}");
        assert!(stderr.contains("rtctl auth sign"), "{stderr}");

        verify_args.push("--json");
        let out = auth(&env, key, secret, &verify_args);
        let (stdout, stderr) = output_text(&out);
        assert!(
            !stdout.contains(&valid) && !stderr.contains(&valid),
            "{stdout}"
        );
        let report: Value = serde_json::from_str(&stdout).unwrap();
        assert_eq!(report["reason"], reason, "{report}");
        assert_eq!(report["string_to_sign"], to_sign.as_str(), "{report}");
        assert!(report.get("expected").is_none(), "{report}");
    }

    // The usual presence mistakes are named: channel data left out, or rewritten.
    let bare = format!(
        "{key}:{}",
        rtctl::pusher::sign::hmac_sha256_hex(secret.as_bytes(), b"123.456:presence-classroom-101")
    );
    let signed = auth(
        &env,
        key,
        secret,
        &[
            "sign",
            "presence-classroom-101",
            "--socket-id",
            "123.456",
            "--channel-data",
            data,
        ],
    );
    let good: Value = serde_json::from_slice(&signed.stdout).unwrap();
    for (given, channel_data, reason) in [
        (bare.as_str(), data, "channel_data_missing"),
        (
            good["auth"].as_str().unwrap(),
            spaced,
            "channel_data_reformatted",
        ),
    ] {
        let out = auth(
            &env,
            key,
            secret,
            &[
                "verify",
                "presence-classroom-101",
                "--socket-id",
                "123.456",
                "--auth",
                given,
                "--channel-data",
                channel_data,
                "--json",
            ],
        );
        assert_eq!(out.status.code(), Some(5));
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(report["reason"], reason, "{report}");
    }
}

// ---------------------------------------------------------------- output conventions

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let env = TestEnv::new();
    // A signature that does not verify: `invalid` on stdout, an error on stderr.
    let bad = format!("app-key:{}", "0".repeat(64));
    let verify = |global: &[&str], var: Option<(&str, &str)>| {
        let mut cmd = env.rtctl();
        cmd.args(global).args([
            "auth",
            "verify",
            "private-user-42",
            "--socket-id",
            "123.456",
            "--auth",
            &bad,
        ]);
        if let Some((k, v)) = var {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(5), "{:?}", output_text(&out));
        output_text(&out)
    };
    let (stdout, stderr) = verify(&[], None);
    assert!(
        stdout.contains("invalid") && !stdout.contains('\u{1b}'),
        "{stdout:?}"
    );
    assert!(
        stderr.contains("rtctl: error:") && !stderr.contains('\u{1b}'),
        "{stderr:?}"
    );
    for (global, var) in [
        (&["--color", "always"][..], None),
        (&[][..], Some(("CLICOLOR_FORCE", "1"))),
    ] {
        let (stdout, stderr) = verify(global, var);
        assert!(
            stdout.contains("\u{1b}[31minvalid"),
            "{global:?} {var:?}: {stdout:?}"
        );
        assert!(stderr.contains("\u{1b}["), "{global:?} {var:?}: {stderr:?}");
    }
}

#[test]
fn a_closed_stdout_is_a_quiet_success() {
    let bin = assert_cmd::cargo::cargo_bin("rtctl");
    let mut child = std::process::Command::new(bin)
        .args(["completions", "bash"])
        .env("HOME", "/nonexistent")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "{status}: {stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}

// ---------------------------------------------------------------- catalogue

#[test]
fn catalogue_list_and_show() {
    let env = TestEnv::new();
    let list = stdout_of(env.rtctl().args(["catalog", "list"]));
    for channel in [
        "dashboard-updates",
        "content-generation",
        "agent-status",
        "private-user-{user_id}",
        "private-class-{class_id}",
        "presence-classroom-{class_id}",
        "presence-lesson-{lesson_id}",
    ] {
        assert!(list.contains(channel), "{channel}: {list}");
    }
    let show = stdout_of(env.rtctl().args([
        "catalog",
        "show",
        "dashboard-updates",
        "system_notification",
    ]));
    assert!(
        show.contains("one of info, success, warning, error"),
        "{show}"
    );
    assert!(show.contains("example"), "{show}");
    // A concrete channel name finds its pattern and fills the pattern's parts.
    let show = stdout_of(env.rtctl().args([
        "catalog",
        "show",
        "private-class-7",
        "class_announcement",
        "--json",
    ]));
    let v: Value = serde_json::from_str(&show).unwrap();
    assert_eq!(v["events"][0]["example_payload"]["class_id"], "7");
    env.rtctl()
        .args(["catalog", "show", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("rtctl catalog list"));
    env.rtctl()
        .args(["catalog", "show", "dashboard-updates", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("system_notification"));
}

#[test]
fn a_broken_catalogue_is_a_config_error_before_anything_is_sent() {
    let env = TestEnv::new();
    write_file(
        &env.work_dir(),
        "bad.toml",
        "[[channel]]\nname = \"c\"\n[[channel.event]]\nname = \"e\"\nexample = '{nope'\n",
    );
    env.rtctl()
        .args(["trigger", "c", "e", "--catalog", "bad.toml"])
        .assert()
        .code(3)
        .stderr(
            predicate::str::contains("bad.toml is invalid")
                .and(predicate::str::contains("not JSON")),
        );
    env.rtctl()
        .args(["trigger", "c", "e", "--catalog", "missing.toml"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("cannot read the catalogue"));
}
