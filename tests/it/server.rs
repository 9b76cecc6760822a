//! The real binary against a real Pusher-protocol server (sockudo).

use crate::common;

use common::{Server, Subscriber, TestEnv, eventually, output_text, silent_listener, write_file};
use predicates::prelude::*;
use serde_json::Value;

#[test]
fn channels_list_shows_a_channel_a_subscriber_occupies() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let mut sub = Subscriber::connect(server);
    sub.subscribe(server, "dashboard-updates", None);

    eventually("dashboard-updates is listed", || {
        let out = env.rtctl().args(["channels", "list"]).output().unwrap();
        assert!(out.status.success(), "{:?}", output_text(&out));
        output_text(&out)
            .0
            .lines()
            .any(|l| l == "dashboard-updates")
            .then_some(())
    });
    eventually("dashboard-updates is in the JSON listing", || {
        let out = env
            .rtctl()
            .args(["channels", "list", "--json"])
            .output()
            .unwrap();
        assert!(out.status.success());
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        v["channels"].get("dashboard-updates").map(|_| ())
    });
}

#[test]
fn channels_show_and_users_on_a_presence_channel() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let mut a = Subscriber::connect(server);
    a.subscribe(server, "presence-classroom-101", Some("teacher-1"));
    let mut b = Subscriber::connect(server);
    b.subscribe(server, "presence-classroom-101", Some("student-7"));

    let out = env
        .rtctl()
        .args([
            "channels",
            "show",
            "presence-classroom-101",
            "--info",
            "user_count",
            "--json",
        ])
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["occupied"], true, "{v}");
    assert_eq!(v["user_count"], 2, "{v}");

    let out = env
        .rtctl()
        .args(["channels", "users", "presence-classroom-101"])
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{stderr}");
    let mut ids: Vec<&str> = stdout.lines().collect();
    ids.sort_unstable();
    assert_eq!(ids, ["student-7", "teacher-1"]);

    eventually("the classroom is listed with 2 users", || {
        let out = env
            .rtctl()
            .args([
                "channels",
                "list",
                "--prefix",
                "presence-classroom-",
                "--info",
                "user_count",
            ])
            .output()
            .unwrap();
        assert!(out.status.success(), "{:?}", output_text(&out));
        output_text(&out)
            .0
            .contains("presence-classroom-101  2")
            .then_some(())
    });
}

#[test]
fn user_count_without_a_presence_prefix_is_refused_before_sending() {
    let env = TestEnv::new();
    env.rtctl()
        .args(["channels", "list", "--info", "user_count"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--prefix presence-"));
}

#[test]
fn private_channel_occupied_by_a_locally_signed_subscriber() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let mut sub = Subscriber::connect(server);
    sub.subscribe(server, "private-user-42", None);
    env.rtctl()
        .args(["channels", "show", "private-user-42"])
        .assert()
        .success()
        .stdout(predicate::str::contains("occupied       yes"));
}

#[test]
fn auth_sign_output_is_accepted_by_the_server() {
    // A subscription authorized by `rtctl auth sign` succeeds on the real server.
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let sub = Subscriber::connect(server);
    let out = env
        .rtctl()
        .args([
            "auth",
            "sign",
            "presence-lesson-9",
            "--socket-id",
            &sub.socket_id,
        ])
        .args(["--user-id", "u1", "--user-info", r#"{"name":"Ada"}"#])
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert!(out.status.success(), "{stderr}");
    let reply: Value = serde_json::from_str(&stdout).unwrap();
    let mut sub = sub;
    sub.subscribe_with(
        "presence-lesson-9",
        reply["auth"].as_str().unwrap(),
        reply["channel_data"].as_str(),
    );
}

#[test]
fn wrong_secret_is_an_auth_error_about_credentials() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let out = env
        .rtctl()
        .args(["channels", "list"])
        .env("RTCTL_SECRET", "not-the-secret")
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(stdout.is_empty());
    assert!(stderr.contains("refused the credentials"), "{stderr}");
    assert!(
        stderr.contains("key") && stderr.contains("secret"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("not-the-secret"),
        "the secret leaked: {stderr}"
    );
}

#[test]
fn wrong_port_names_host_and_port() {
    let env = TestEnv::new();
    let (listener, port) = silent_listener();
    drop(listener); // nothing listens there now
    let out = env
        .rtctl()
        .args(["--port", &port.to_string(), "channels", "list"])
        .output()
        .unwrap();
    let (_, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(6), "{stderr}");
    assert!(stderr.contains(&format!("127.0.0.1:{port}")), "{stderr}");
    assert!(
        stderr.contains("--port"),
        "names where the port came from: {stderr}"
    );
}

#[test]
fn a_server_that_never_answers_times_out() {
    let env = TestEnv::new();
    let (_listener, port) = silent_listener();
    let out = env
        .rtctl()
        .args([
            "--port",
            &port.to_string(),
            "--timeout",
            "300ms",
            "channels",
            "list",
        ])
        .output()
        .unwrap();
    let (_, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(6), "{stderr}");
    assert!(
        stderr.contains("no answer from http://127.0.0.1:"),
        "{stderr}"
    );
}

#[test]
fn unknown_app_id_is_reported() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let out = env
        .rtctl()
        .args(["--app-id", "no-such-app", "channels", "list"])
        .output()
        .unwrap();
    let (_, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(
        stderr.contains("app id `no-such-app` does not go with key"),
        "{stderr}"
    );
}

#[test]
fn platform_env_file_drives_the_connection() {
    // The platform's backend .env (PUSHER_*) is enough to reach the server.
    let server = Server::shared();
    let env = TestEnv::new();
    write_file(
        &env.work_dir(),
        ".env",
        &format!(
            "PUSHER_ENABLED=true\nPUSHER_APP_ID={}\nPUSHER_KEY={}\nPUSHER_SECRET={}\nPUSHER_HOST=127.0.0.1\nPUSHER_PORT={}\nPUSHER_SSL=false\n",
            server.app_id, server.key, server.secret, server.port
        ),
    );
    let mut sub = Subscriber::connect(server);
    sub.subscribe(server, "agent-status", None);
    eventually("agent-status is listed via .env", || {
        let out = env
            .rtctl()
            .args(["--env-file", "channels", "list", "--prefix", "agent-"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{:?}", output_text(&out));
        output_text(&out).0.contains("agent-status").then_some(())
    });
    // The same values from the process environment.
    env.rtctl()
        .args(["channels", "list", "--prefix", "agent-"])
        .env("PUSHER_APP_ID", &server.app_id)
        .env("PUSHER_KEY", &server.key)
        .env("PUSHER_SECRET", &server.secret)
        .env("PUSHER_HOST", "127.0.0.1")
        .env("PUSHER_PORT", server.port.to_string())
        .env("PUSHER_SSL", "false")
        .assert()
        .success()
        .stdout(predicate::str::contains("agent-status"));
}

#[test]
fn secret_command_and_stdin_reach_the_server() {
    let server = Server::shared();
    let env = TestEnv::new();
    env.write_config(&format!(
        "[profiles.cmd]\napp_id = \"{}\"\nkey = \"{}\"\nsecret_command = \"printf '%s\\\\n' {}\"\nhost = \"127.0.0.1\"\nport = {}\ntls = false\n",
        server.app_id, server.key, server.secret, server.port
    ));
    env.rtctl()
        .args(["--profile", "cmd", "channels", "list"])
        .assert()
        .success();
    env.rtctl()
        .args(["--profile", "cmd", "--secret-stdin", "channels", "list"])
        .write_stdin(format!("{}\n", server.secret))
        .assert()
        .success();
}

#[test]
fn config_init_check_tries_the_new_profile() {
    let server = Server::shared();
    let env = TestEnv::new();
    let init = |name: &str, port: u16| {
        common::config_init_check(
            &env,
            server,
            name,
            &["--port", &port.to_string(), "--no-tls"],
        )
    };
    let (code, stderr) = init("up", server.port);
    assert_eq!(code, Some(0), "{stderr}");
    // The connection checks doctor runs, as its checklist.
    for line in [
        format!(
            "✓ credentials.rest  GET /apps/{}/channels accepted (HTTP 200)",
            server.app_id
        ),
        "✓ clock.skew".to_owned(),
        "✓ socket.handshake  connected (activity timeout".to_owned(),
        "✓ socket.ping".to_owned(),
        "4 checks: 4 passed".to_owned(),
    ] {
        assert!(stderr.contains(&line), "no `{line}` in {stderr}");
    }

    // Nothing listens: both checks fail, each says so, and the exit code is the network's.
    let (listener, port) = silent_listener();
    drop(listener);
    let (code, stderr) = init("down", port);
    assert_eq!(code, Some(6), "{stderr}");
    for line in [
        "✗ credentials.rest  cannot connect to http://127.0.0.1:".to_owned(),
        "✗ socket.handshake  cannot connect to ws://127.0.0.1:".to_owned(),
        "2 checks failed: credentials.rest, socket.handshake".to_owned(),
    ] {
        assert!(stderr.contains(&line), "no `{line}` in {stderr}");
    }
    // The profile is written all the same: the check reports, it does not undo.
    assert!(env.read_config().contains("[profiles.down]"));
}

// ---------------------------------------------------------------- what a .env may point credentials at

#[test]
fn a_dotenv_server_gets_no_signatures_made_with_the_profiles_secret_unless_trusted() {
    let server = Server::shared();
    let (port, heads) = common::recorder("200 OK", r#"{"channels":{}}"#);
    let env = TestEnv::with_server(server);
    write_file(&env.work_dir(), ".env", &format!("PUSHER_PORT={port}\n"));
    let out = env
        .rtctl()
        .args(["--env-file", "channels", "list"])
        .output()
        .unwrap();
    let (_, stderr) = output_text(&out);
    // The profile's own server answered; the .env's port was set aside, and said so.
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("not using `port` (PUSHER_PORT) from .env")
            && stderr.contains("pass --trust-env-file"),
        "{stderr}"
    );
    assert!(heads.try_recv().is_err(), "the .env's server got a request");
    env.rtctl()
        .args(["--env-file", "--trust-env-file", "channels", "list"])
        .assert()
        .success();
    let head = heads
        .try_recv()
        .expect("the trusted .env's server got the request");
    assert!(head.contains("auth_signature="), "{head}");
}

/// A `.env` value may not read another variable (`${GITHUB_TOKEN}`): it would copy a token
/// from the environment to a URL the same file names. Refused (exit 3), nothing sent,
/// for the profile's `.env` and for a file doctor compares alike.
#[test]
fn a_dotenv_value_that_reads_another_variable_is_refused() {
    let server = Server::shared();
    let (port, heads) = common::recorder("200 OK", r#"{"ok":true}"#);
    let env = TestEnv::with_server(server);
    let dotenv = write_file(
        &env.work_dir(),
        ".env",
        &format!(
            "RTCTL_BACKEND_URL=http://127.0.0.1:{port}\nRTCTL_BACKEND_TOKEN=${{GITHUB_TOKEN}}\n"
        ),
    );
    let out = env
        .rtctl()
        .env("GITHUB_TOKEN", "ghp_ci_token_123")
        .args([
            "--env-file",
            "--trust-env-file",
            "trigger",
            "dashboard-updates",
        ])
        .args(["system_notification", "--via", "backend"])
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("line 2 has a `$`"), "{stderr}");
    assert!(heads.try_recv().is_err(), "the .env's URL got a request");
    assert!(
        !stdout.contains("ghp_ci") && !stderr.contains("ghp_ci"),
        "{stderr}"
    );

    let out = env
        .rtctl()
        .env("GITHUB_TOKEN", "ghp_ci_token_123")
        .args(["doctor", "--offline", "--json", "--compare-env"])
        .arg(&dotenv)
        .output()
        .unwrap();
    let (stdout, _) = output_text(&out);
    assert_eq!(out.status.code(), Some(5), "{stdout}");
    assert!(stdout.contains("line 2 has a `$`"), "{stdout}");
    assert!(!stdout.contains("ghp_ci"), "{stdout}");
}

/// `tail private-x` with the profile's `auth_headers` and the `.env`'s `auth_endpoint`.
fn tail_private(env: &TestEnv, args: &[&str]) -> common::Running {
    let mut all = vec!["--env-file"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["tail", "private-dotenv", "--json"]);
    env.spawn(&all)
}

#[test]
fn a_dotenv_auth_endpoint_gets_no_headers_from_the_profile_unless_trusted() {
    let server = Server::shared();
    let (port, heads) = common::recorder("403 Forbidden", r#"{"error":"no"}"#);
    let env = TestEnv::new();
    env.write_config(&format!(
        "{}auth_headers = {{ Authorization = \"Bearer profile-tok-9\" }}\n",
        server.profile()
    ));
    write_file(
        &env.work_dir(),
        ".env",
        &format!("RTCTL_AUTH_ENDPOINT=http://127.0.0.1:{port}/pusher/auth\n"),
    );
    // The .env's endpoint is set aside: tail signs with the profile's secret instead.
    let mut run = tail_private(&env, &[]);
    run.record_of("subscribed", Some("private-dotenv"));
    assert!(
        heads.try_recv().is_err(),
        "the .env's endpoint got a request"
    );
    run.interrupt();
    let (code, _, stderr) = run.finish();
    assert_eq!(code, Some(130), "{stderr}");
    assert!(
        stderr.contains("not using `auth_endpoint` (RTCTL_AUTH_ENDPOINT) from .env")
            && stderr.contains("`auth_headers` from ")
            && stderr.contains("pass --trust-env-file"),
        "{stderr}"
    );
    assert!(!stderr.contains("profile-tok-9"), "{stderr}");
    // Trusted: the endpoint gets the headers (and refuses; no matter here).
    let run = tail_private(&env, &["--trust-env-file"]);
    let head = heads
        .recv_timeout(common::WAIT)
        .expect("the trusted .env's endpoint got the request");
    assert!(
        head.to_ascii_lowercase()
            .contains("\r\nauthorization: bearer profile-tok-9\r\n"),
        "{head}"
    );
    drop(run);
}

#[test]
fn auth_header_flags_go_to_a_dotenv_auth_endpoint_only_when_trusted() {
    let server = Server::shared();
    let (port, heads) = common::recorder("403 Forbidden", r#"{"error":"no"}"#);
    let env = TestEnv::with_server(server);
    write_file(
        &env.work_dir(),
        ".env",
        &format!("RTCTL_AUTH_ENDPOINT=http://127.0.0.1:{port}/pusher/auth\n"),
    );
    let header = ["--auth-header", "Authorization: Bearer flag-tok-5"];
    let out = env
        .rtctl()
        .args(["--env-file", "tail", "private-dotenv"])
        .args(header)
        .timeout(common::WAIT)
        .output()
        .unwrap();
    let (_, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains(
            "--auth-header would go to `auth_endpoint` from .env RTCTL_AUTH_ENDPOINT, a .env file; nothing was sent"
        ) && stderr.contains("--auth-endpoint URL"),
        "{stderr}"
    );
    assert!(!stderr.contains("flag-tok-5"), "{stderr}");
    assert!(
        heads.try_recv().is_err(),
        "the .env's endpoint got a request"
    );
    let run = env.spawn(&[
        "--env-file",
        "--trust-env-file",
        "tail",
        "private-dotenv",
        header[0],
        header[1],
    ]);
    let head = heads
        .recv_timeout(common::WAIT)
        .expect("the trusted .env's endpoint got the request");
    assert!(
        head.to_ascii_lowercase()
            .contains("\r\nauthorization: bearer flag-tok-5\r\n"),
        "{head}"
    );
    drop(run);
}

#[test]
fn a_bad_auth_header_is_named_by_place_before_anything_is_sent() {
    let server = Server::shared();
    let (port, heads) = common::recorder("200 OK", r#"{"auth":"k:x"}"#);
    let env = TestEnv::with_server(server);
    let url = format!("http://127.0.0.1:{port}/pusher/auth");
    // (the second --auth-header, what the message says)
    let cases = [
        (
            "Bearer tok-s3cr3t: x",
            "--auth-header #2: the name is not a header name",
        ),
        (
            "X/Y: tok-s3cr3t",
            "--auth-header #2: the name is not a header name",
        ),
        (
            "X-Token: tok-s3cr3t\r\nX-Other: y",
            "--auth-header #2: the value of header `X-Token` spans lines",
        ),
        (
            "X-Token: tok-\u{1}s3cr3t",
            "--auth-header #2: the value of header `X-Token` holds a control character",
        ),
        (
            "tok-s3cr3t",
            "--auth-header #2 is not of the form `Name: value`",
        ),
    ];
    for (header, said) in cases {
        let out = env
            .rtctl()
            .args(["tail", "private-headers", "--auth-endpoint", &url])
            .args(["--auth-header", "Authorization: Bearer fine"])
            .args(["--auth-header", header])
            .timeout(common::WAIT)
            .output()
            .unwrap();
        let (stdout, stderr) = output_text(&out);
        assert_eq!(out.status.code(), Some(2), "{header:?}: {stderr}");
        assert!(
            stderr.contains(said) && stderr.contains("nothing was sent"),
            "{header:?}: {stderr}"
        );
        assert!(!stderr.contains("usable URL"), "{header:?}: {stderr}");
        assert!(
            !format!("{stdout}{stderr}").contains("s3cr3t"),
            "{header:?}: {stderr}"
        );
        assert!(
            heads.try_recv().is_err(),
            "{header:?}: the auth endpoint got a request"
        );
    }
}
