//! `rtctl doctor` against a real sockudo: a correct setup passes every check in all
//! three outputs, each broken setup fails exactly the checks it should, with the exit
//! code, and the secret appears in no output.

use std::collections::BTreeMap;
use std::net::TcpListener;

use serde_json::Value;

use crate::common::*;

/// A run: exit code, stdout, stderr, and the JUnit report it wrote.
struct Run {
    code: Option<i32>,
    out: String,
    err: String,
    junit: String,
}

/// `rtctl doctor ARGS… --junit FILE` (global options work after `doctor` too).
fn doctor(env: &TestEnv, args: &[&str]) -> Run {
    let junit = env.work_dir().join("report.xml");
    let _ = std::fs::remove_file(&junit);
    let out = env
        .rtctl()
        .arg("doctor")
        .args(args)
        .arg("--junit")
        .arg(&junit)
        .timeout(WAIT)
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    Run {
        code: out.status.code(),
        out: stdout,
        err: stderr,
        junit: std::fs::read_to_string(&junit).unwrap_or_default(),
    }
}

/// `rtctl GLOBAL… doctor --json DOCTOR…`.
fn doctor_json(env: &TestEnv, global: &[&str], own: &[&str]) -> (Option<i32>, Value) {
    let out = env
        .rtctl()
        .args(global)
        .args(["doctor", "--json"])
        .args(own)
        .timeout(WAIT)
        .output()
        .unwrap();
    let (stdout, _) = output_text(&out);
    (out.status.code(), serde_json::from_str(&stdout).unwrap())
}

/// Each check's status, from the JSON document.
fn statuses(doc: &Value) -> BTreeMap<String, String> {
    doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap().to_owned(),
                c["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// The ids a status has in the human checklist's lines (`✗ id  finding`).
fn marked(out: &str, mark: &str) -> Vec<String> {
    out.lines()
        .filter_map(|l| l.trim_start().strip_prefix(&format!("{mark} ")))
        .map(|rest| rest.split_whitespace().next().unwrap().to_owned())
        .collect()
}

fn failed_in_junit(xml: &str) -> Vec<String> {
    xml.split("<testcase ")
        .skip(1)
        .filter(|case| case.contains("<failure"))
        .map(|case| {
            let name = case.split(" name=\"").nth(1).unwrap();
            name[..name.find('"').unwrap()].to_owned()
        })
        .collect()
}

#[test]
fn a_correct_setup_passes_every_check_in_every_output() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let run = doctor(&env, &[]);
    assert_eq!(run.code, Some(0), "{}\n{}", run.out, run.err);
    let (code, doc) = doctor_json(&env, &[], &[]);
    assert_eq!(code, Some(0));
    assert_eq!(doc["schema_version"], 1);
    assert_eq!(doc["rtctl"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(doc["ok"], true);
    let st = statuses(&doc);
    let expected = [
        "network.rest",
        "network.websocket",
        "config.profile",
        "config.required",
        "config.values",
        "config.files",
        "credentials.rest",
        "clock.skew",
        "socket.handshake",
        "socket.ping",
        "channels.private",
        "channels.presence",
        "end_to_end.event",
    ];
    for id in expected {
        assert_eq!(st[id], "pass", "{id}: {doc:#}");
    }
    // PUSHER_ENABLED is not set in the test's environment.
    assert_eq!(st["config.enabled"], "skip");
    // The three outputs list the same checks.
    let human: Vec<String> = ["✓", "!", "✗", "-"]
        .iter()
        .flat_map(|m| marked(&run.out, m))
        .collect();
    let mut human_sorted = human.clone();
    human_sorted.sort();
    let json_ids: Vec<String> = st.keys().cloned().collect();
    assert_eq!(human_sorted, json_ids, "{}", run.out);
    assert_eq!(run.junit.matches("<testcase ").count(), json_ids.len());
    assert!(
        run.junit.contains(&format!(
            "<property name=\"rtctl.version\" value=\"rtctl {} (",
            env!("CARGO_PKG_VERSION")
        )),
        "{}",
        run.junit
    );
    for id in &json_ids {
        assert!(run.junit.contains(&format!("name=\"{id}\"")), "{id}");
    }
    assert!(run.junit.contains("failures=\"0\""), "{}", run.junit);
    // The app checks are skipped, naming the setting that would enable them.
    for id in [
        "app.auth",
        "app.cors",
        "app.trigger",
        "app.webhook",
        "app.legacy_ws",
    ] {
        assert_eq!(st[id], "skip", "{id}: {doc:#}");
    }
    assert!(run.out.contains("25 checks: 13 passed"), "{}", run.out);
    assert!(
        run.out.contains("set `auth_endpoint` in [profiles.test]"),
        "{}",
        run.out
    );
}

/// A broken setup: the args that break it, and exactly the checks that must fail.
struct Broken {
    name: &'static str,
    args: Vec<String>,
    /// doctor's own flags.
    flags: Vec<String>,
    env: Vec<(&'static str, String)>,
    config: Option<String>,
    failing: &'static [&'static str],
    hint: &'static str,
}

fn check_broken(case: &Broken, secrets: &[&str]) {
    let env = TestEnv::new();
    if let Some(c) = &case.config {
        env.write_config(c);
    }
    let args: Vec<&str> = case.args.iter().map(String::as_str).collect();
    let mut cmd = env.rtctl();
    cmd.args(&args)
        .args(["doctor", "--json"])
        .args(&case.flags)
        .timeout(WAIT);
    for (k, v) in &case.env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let (stdout, stderr) = output_text(&out);
    assert_eq!(
        out.status.code(),
        Some(5),
        "{}: {stdout}\n{stderr}",
        case.name
    );
    let doc: Value = serde_json::from_str(&stdout).unwrap();
    let failing: Vec<String> = statuses(&doc)
        .into_iter()
        .filter(|(_, s)| s == "fail")
        .map(|(id, _)| id)
        .collect();
    assert_eq!(failing, case.failing, "{}: {doc:#}", case.name);
    assert!(
        stdout.contains(case.hint),
        "{}: no `{}` in {doc:#}",
        case.name,
        case.hint
    );
    for secret in secrets {
        assert!(
            !stdout.contains(secret) && !stderr.contains(secret),
            "{}",
            case.name
        );
    }

    // The human and JUnit outputs fail the same checks, with the same exit code.
    let mut cmd = env.rtctl();
    let junit = env.work_dir().join("r.xml");
    cmd.args(&args)
        .arg("doctor")
        .args(&case.flags)
        .arg("--junit")
        .arg(&junit)
        .timeout(WAIT);
    for (k, v) in &case.env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let (stdout, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(5), "{}", case.name);
    let mut human = marked(&stdout, "✗");
    human.sort();
    assert_eq!(human, case.failing, "{}: {stdout}", case.name);
    let xml = std::fs::read_to_string(&junit).unwrap();
    let mut in_junit = failed_in_junit(&xml);
    in_junit.sort();
    assert_eq!(in_junit, case.failing, "{}: {xml}", case.name);
    for text in [&stdout, &stderr, &xml] {
        for secret in secrets {
            assert!(!text.contains(secret), "{}: secret in {text}", case.name);
        }
    }
}

#[test]
fn broken_setups_fail_exactly_their_checks() {
    let server = Server::shared();
    let (_dead, dead_port) = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = l.local_addr().unwrap().port();
        drop(l);
        ((), port)
    };
    let wrong_secret = "wrong-secret-7f3a9c";
    let profile = |app_id: &str, key: &str, secret: &str, port: u16| {
        format!(
            "default_profile = \"t\"\n[profiles.t]\napp_id = \"{app_id}\"\nkey = \"{key}\"\nsecret = \"{secret}\"\nhost = \"127.0.0.1\"\nport = {port}\ntls = false\ntimeout = \"3s\"\n"
        )
    };
    // Backends stay up until the table is done.
    let backends = std::cell::RefCell::new(Vec::new());
    let with_backend = |faults: Faults| {
        let backend = Backend::start(server, faults);
        let config = profile(&server.app_id, &server.key, &server.secret, server.port)
            + &backend.profile_lines();
        backends.borrow_mut().push(backend);
        config
    };
    let cases = [
        Broken {
            flags: vec![],
            name: "wrong secret",
            args: vec![],
            env: vec![],
            config: Some(profile(
                &server.app_id,
                &server.key,
                wrong_secret,
                server.port,
            )),
            failing: &["channels.presence", "channels.private", "credentials.rest"],
            hint: "secret is likely wrong",
        },
        Broken {
            flags: vec![],
            name: "wrong app id",
            args: vec![],
            env: vec![],
            config: Some(profile(
                "no-such-app",
                &server.key,
                &server.secret,
                server.port,
            )),
            failing: &["credentials.rest"],
            hint: "check `app_id`",
        },
        Broken {
            flags: vec![],
            name: "wrong key",
            args: vec![],
            env: vec![],
            config: Some(profile(
                &server.app_id,
                "no-such-key",
                wrong_secret,
                server.port,
            )),
            failing: &["credentials.rest", "socket.handshake"],
            hint: "check `key`",
        },
        Broken {
            flags: vec![],
            name: "nothing listening",
            args: vec![],
            env: vec![],
            config: Some(profile(
                &server.app_id,
                &server.key,
                wrong_secret,
                dead_port,
            )),
            failing: &["network.rest", "network.websocket"],
            hint: "connection refused",
        },
        Broken {
            flags: vec![],
            name: "an unreachable host",
            args: vec![],
            env: vec![],
            config: Some(
                profile(&server.app_id, &server.key, wrong_secret, server.port)
                    .replace("127.0.0.1", "rtctl-doctor-test.invalid"),
            ),
            failing: &["network.rest", "network.websocket"],
            hint: "DNS failure: the host name rtctl-doctor-test.invalid does not resolve",
        },
        Broken {
            flags: vec![],
            name: "PUSHER_ENABLED=false",
            args: vec![],
            env: vec![("PUSHER_ENABLED", "false".into())],
            config: Some(profile(
                &server.app_id,
                &server.key,
                &server.secret,
                server.port,
            )),
            failing: &["config.enabled"],
            hint: "PUSHER_ENABLED=true",
        },
        Broken {
            flags: vec![],
            name: "no key at all",
            args: vec![],
            env: vec![],
            config: Some(format!(
                "default_profile = \"t\"\n[profiles.t]\napp_id = \"{}\"\nsecret = \"{wrong_secret}\"\nhost = \"127.0.0.1\"\nport = {}\ntls = false\n",
                server.app_id, server.port
            )),
            failing: &["config.required"],
            hint: "RTCTL_KEY",
        },
        // The app's own endpoints, each broken one way on a stand-in backend.
        Broken {
            flags: vec![],
            name: "an auth endpoint signing with the wrong secret",
            args: vec![],
            env: vec![],
            config: Some(with_backend(Faults {
                auth_wrong_secret: true,
                ..Faults::default()
            })),
            failing: &["app.auth"],
            hint: "signs with another secret than this profile's",
        },
        Broken {
            flags: vec![],
            name: "an auth endpoint answering 401",
            args: vec![],
            env: vec![],
            config: Some(with_backend(Faults {
                auth_refuses: true,
                ..Faults::default()
            })),
            failing: &["app.auth"],
            hint: "refused the credentials in Authorization (auth_headers from",
        },
        Broken {
            flags: vec!["--origin".into(), "http://localhost:5173".into()],
            name: "an auth endpoint without CORS for the frontend's origin",
            args: vec![],
            env: vec![],
            config: Some(with_backend(Faults {
                no_cors: true,
                ..Faults::default()
            })),
            failing: &["app.cors"],
            hint: "add the frontend's origin to the backend's CORS settings",
        },
        Broken {
            flags: vec![],
            name: "a /realtime/trigger that answers 200 without publishing",
            args: vec![],
            env: vec![],
            config: Some(with_backend(Faults {
                trigger_mock: true,
                ..Faults::default()
            })),
            failing: &["app.trigger"],
            hint: "development mode gives mock responses",
        },
        Broken {
            flags: vec![],
            name: "a webhook endpoint that accepts forged signatures",
            args: vec![],
            env: vec![],
            config: Some(with_backend(Faults {
                webhook_unverified: true,
                ..Faults::default()
            })),
            failing: &["app.webhook"],
            hint: "the endpoint does not verify signatures",
        },
    ];
    for case in &cases {
        check_broken(
            case,
            &[wrong_secret, &server.secret, USER_TOKEN, ADMIN_TOKEN],
        );
    }
}

#[test]
fn checks_after_a_failed_one_are_skipped_saying_why() {
    let server = Server::shared();
    let env = TestEnv::new();
    env.write_config(&format!(
        "default_profile = \"t\"\n[profiles.t]\napp_id = \"{}\"\nsecret = \"s\"\nhost = \"127.0.0.1\"\nport = {}\ntls = false\n",
        server.app_id, server.port
    ));
    let (code, doc) = doctor_json(&env, &[], &[]);
    assert_eq!(code, Some(5));
    for c in doc["checks"].as_array().unwrap() {
        let id = c["id"].as_str().unwrap();
        if id.starts_with("socket.") || id == "end_to_end.event" {
            assert_eq!(c["status"], "skip", "{c}");
        }
        if id == "socket.handshake" {
            assert_eq!(c["finding"], "needs config.required, which failed", "{c}");
        }
    }
}

#[test]
fn offline_makes_no_network_connection() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let port = listener.local_addr().unwrap().port();
    let env = TestEnv::new();
    env.write_config(&format!(
        "default_profile = \"t\"\n[profiles.t]\napp_id = \"1\"\nkey = \"k\"\nsecret = \"s\"\nhost = \"127.0.0.1\"\nport = {port}\ntls = false\n"
    ));
    // The listener is real: a run that does use the network reaches it.
    let (code, _) = doctor_json(&env, &["--timeout", "1s"], &[]);
    assert_eq!(code, Some(5));
    assert!(listener.accept().is_ok(), "the online run did not connect");
    while listener.accept().is_ok() {}
    let out = env
        .rtctl()
        .args(["doctor", "--offline", "--json"])
        .timeout(WAIT)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    ran_offline(&doc, &listener);
}

/// Only the checks without the network ran, and none reached `listener`.
fn ran_offline(doc: &Value, listener: &TcpListener) {
    assert!(
        statuses(doc)
            .keys()
            .all(|id| id.starts_with("config.") || id.starts_with("env.")),
        "{doc:#}"
    );
    assert!(
        listener.accept().is_err(),
        "--offline connected to the server"
    );
}

#[test]
fn only_and_skip_take_ids_and_groups() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let ids = |args: &[&str]| -> Vec<String> {
        let out = env
            .rtctl()
            .arg("doctor")
            .args(args)
            .arg("--json")
            .timeout(WAIT)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
        statuses(&doc).into_keys().collect()
    };
    assert_eq!(
        ids(&["--only", "socket"]),
        ["socket.handshake", "socket.ping"]
    );
    assert_eq!(
        ids(&["--only", "clock.skew,config.profile"]),
        ["clock.skew", "config.profile"]
    );
    let skipped = ids(&["--skip", "config,env", "--skip", "end_to_end.event,app"]);
    assert_eq!(
        skipped,
        [
            "channels.presence",
            "channels.private",
            "clock.skew",
            "credentials.rest",
            "network.rest",
            "network.websocket",
            "socket.handshake",
            "socket.ping"
        ]
    );
    env.rtctl()
        .args(["doctor", "--only", "sockets"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("did you mean `socket`"));
    let list = env
        .rtctl()
        .args(["doctor", "--list-checks"])
        .output()
        .unwrap();
    let (text, _) = output_text(&list);
    assert!(text.contains("end_to_end.event"), "{text}");
}

/// A stand-in REST server whose clock is `offset_secs` ahead: it accepts
/// `GET /channels` and says its time in `Date`, as a server does.
fn server_with_clock(offset_secs: u64) -> u16 {
    use std::io::{Read as _, Write as _};
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            let date = httpdate::fmt_http_date(
                std::time::SystemTime::now() + std::time::Duration::from_secs(offset_secs),
            );
            let body = r#"{"channels":{}}"#;
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nDate: {date}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    port
}

#[test]
fn a_server_clock_twenty_minutes_off_fails_the_clock_check() {
    let port = server_with_clock(20 * 60);
    let env = TestEnv::new();
    env.write_config(&format!(
        "default_profile = \"t\"\n[profiles.t]\napp_id = \"1\"\nkey = \"k\"\nsecret = \"s\"\nhost = \"127.0.0.1\"\nport = {port}\ntls = false\n"
    ));
    let (code, doc) = doctor_json(&env, &[], &["--only", "credentials,clock"]);
    assert_eq!(code, Some(5), "{doc:#}");
    let st = statuses(&doc);
    assert_eq!(st["credentials.rest"], "pass", "{doc:#}");
    assert_eq!(st["clock.skew"], "fail", "{doc:#}");
    let clock = &doc["checks"][1];
    assert!(
        clock["finding"]
            .as_str()
            .unwrap()
            .contains("behind the server's"),
        "{clock}"
    );
    assert!(clock["hint"].as_str().unwrap().contains("NTP"), "{clock}");
    // The same in the checklist and JUnit, with the same exit code.
    check_broken(
        &Broken {
            name: "a server clock 20 minutes off",
            args: vec![],
            flags: ["--only", "network,credentials,clock"]
                .map(String::from)
                .to_vec(),
            env: vec![],
            config: Some(format!(
                "default_profile = \"t\"\n[profiles.t]\napp_id = \"1\"\nkey = \"k\"\nsecret = \"clock-secret-9e\"\nhost = \"127.0.0.1\"\nport = {port}\ntls = false\n"
            )),
            failing: &["clock.skew"],
            hint: "NTP",
        },
        &["clock-secret-9e"],
    );

    // Forty seconds is a warning: a pass, unless --strict.
    let port = server_with_clock(40);
    env.write_config(&format!(
        "default_profile = \"t\"\n[profiles.t]\napp_id = \"1\"\nkey = \"k\"\nsecret = \"s\"\nhost = \"127.0.0.1\"\nport = {port}\ntls = false\n"
    ));
    let (code, doc) = doctor_json(&env, &[], &["--only", "clock"]);
    assert_eq!(code, Some(0), "{doc:#}");
    assert_eq!(statuses(&doc)["clock.skew"], "warn");
    let out = env
        .rtctl()
        .args(["doctor", "--only", "clock", "--strict", "--json"])
        .timeout(WAIT)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5));
}

/// A profile for the shared server with a stand-in backend's endpoints.
fn backend_env(server: &Server, faults: Faults) -> (TestEnv, Backend) {
    let backend = Backend::start(server, faults);
    let env = TestEnv::new();
    env.write_config(&(server.profile() + &backend.profile_lines()));
    (env, backend)
}

#[test]
fn a_correct_backend_passes_the_app_checks_in_every_output() {
    let server = Server::shared();
    let (env, backend) = backend_env(server, Faults::default());
    let origin = ["--origin", "http://localhost:5173/app"];
    let app = [
        "app.auth",
        "app.cors",
        "app.trigger",
        "app.webhook",
        "app.legacy_ws",
    ];

    let (code, doc) = doctor_json(&env, &[], &origin);
    assert_eq!(code, Some(0), "{doc:#}");
    let st = statuses(&doc);
    for id in app {
        assert_eq!(st[id], "pass", "{id}: {doc:#}");
    }
    // Two auth requests a run (private and presence; no master key, so no encrypted
    // channel): well under the platform's 10 a minute.
    assert_eq!(backend.auth_requests(), 2);
    let auth = doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "app.auth")
        .unwrap();
    assert_eq!(
        auth["details"]["auth requests"], "2 (at most 3 a run)",
        "{auth}"
    );
    assert_eq!(auth["details"]["headers sent"], "Authorization", "{auth}");
    let cors = doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "app.cors")
        .unwrap();
    assert_eq!(cors["details"]["origin"], "http://localhost:5173", "{cors}");

    let out = env
        .rtctl()
        .args(["doctor", "-v"])
        .args(origin)
        .arg("--junit")
        .arg(env.work_dir().join("r.xml"))
        .timeout(WAIT)
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");
    let passed = marked(&stdout, "✓");
    for id in app {
        assert!(passed.iter().any(|p| p == id), "{id}: {stdout}");
    }
    let xml = std::fs::read_to_string(env.work_dir().join("r.xml")).unwrap();
    assert!(xml.contains("failures=\"0\""), "{xml}");
    for id in app {
        assert!(xml.contains(&format!("name=\"{id}\"")), "{id}: {xml}");
    }
    for text in [&stdout, &stderr, &xml, &doc.to_string()] {
        for secret in [server.secret.as_str(), USER_TOKEN, ADMIN_TOKEN] {
            assert!(!text.contains(secret), "{secret} in {text}");
        }
    }
}

#[test]
fn a_backend_without_a_legacy_websocket_skips_that_check_saying_so() {
    let server = Server::shared();
    let (env, _backend) = backend_env(
        server,
        Faults {
            no_legacy_ws: true,
            ..Faults::default()
        },
    );
    let (code, doc) = doctor_json(&env, &[], &["--only", "app.legacy_ws"]);
    assert_eq!(code, Some(0), "{doc:#}");
    let check = &doc["checks"][0];
    assert_eq!(check["status"], "skip", "{check}");
    assert!(
        check["finding"]
            .as_str()
            .unwrap()
            .contains("/ws/content answered 404: this backend has no legacy WebSocket endpoint"),
        "{check}"
    );
}

#[test]
fn with_a_master_key_the_auth_check_asks_for_an_encrypted_channel_too() {
    const MASTER_KEY: &str = "Ykdm60bqs+b+TfgWwZEbuZ6Oc3i7rHhmsLqh0Wr6NxE=";
    let server = Server::shared();
    let backend = Backend::start_with(server, Faults::default(), Some(MASTER_KEY));
    let env = TestEnv::new();
    env.write_config(&format!(
        "{}{}encryption_master_key = \"{MASTER_KEY}\"\n",
        server.profile(),
        backend.profile_lines()
    ));
    let (code, doc) = doctor_json(&env, &[], &["--only", "app.auth"]);
    assert_eq!(code, Some(0), "{doc:#}");
    let check = &doc["checks"][0];
    assert!(
        check["finding"]
            .as_str()
            .unwrap()
            .contains("a private, a presence and an encrypted channel"),
        "{check}"
    );
    assert_eq!(backend.auth_requests(), 3);
    assert!(!doc.to_string().contains(MASTER_KEY));
}

#[test]
fn a_wrong_backend_token_fails_the_trigger_check_naming_the_token() {
    let server = Server::shared();
    let (env, _backend) = backend_env(server, Faults::default());
    let out = env
        .rtctl()
        .args(["doctor", "--json", "--only", "app.trigger"])
        .env("RTCTL_BACKEND_TOKEN", "expired-token-77")
        .timeout(WAIT)
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert_eq!(out.status.code(), Some(5), "{stdout}\n{stderr}");
    let doc: Value = serde_json::from_str(&stdout).unwrap();
    let check = &doc["checks"][0];
    assert_eq!(check["status"], "fail", "{check}");
    assert!(
        check["finding"].as_str().unwrap().contains("HTTP 401"),
        "{check}"
    );
    assert!(
        check["hint"]
            .as_str()
            .unwrap()
            .contains("the backend token (from env RTCTL_BACKEND_TOKEN) is likely wrong"),
        "{check}"
    );
    assert!(!stdout.contains("expired-token-77") && !stderr.contains("expired-token-77"));
}

#[test]
fn an_auth_endpoint_nobody_answers_fails_with_the_network_diagnosis() {
    let server = Server::shared();
    let dead_port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let env = TestEnv::new();
    env.write_config(&format!(
        "{}auth_endpoint = \"http://127.0.0.1:{dead_port}/pusher/auth\"\n",
        server.profile()
    ));
    let (code, doc) = doctor_json(&env, &[], &["--only", "app.auth"]);
    assert_eq!(code, Some(5), "{doc:#}");
    let check = &doc["checks"][0];
    assert!(
        check["finding"]
            .as_str()
            .unwrap()
            .contains("connection refused"),
        "{check}"
    );
    let hint = check["hint"].as_str().unwrap();
    assert!(hint.contains("is a server listening"), "{check}");
    assert!(hint.contains("check `auth_endpoint` (from "), "{check}");
}

/// The platform's backend and frontend `.env` files for `server`, as its setup guide
/// writes them (`changes` replace a line, or remove it when empty), under names that
/// do not say which is which; and the arguments that give them to doctor.
struct AppEnv {
    _dir: tempfile::TempDir,
    backend: String,
    frontend: String,
}

impl AppEnv {
    fn new(server: &Server, backend: &[(&str, &str)], frontend: &[(&str, &str)]) -> AppEnv {
        let dir = tempfile::tempdir().unwrap();
        let port = server.port.to_string();
        let write = |name: &str, base: Vec<(&str, &str)>, changes: &[(&str, &str)]| {
            let mut text = String::new();
            for (k, v) in &base {
                let v = changes.iter().find(|(c, _)| c == k).map_or(*v, |(_, v)| *v);
                if !v.is_empty() {
                    text.push_str(&format!("{k}={v}\n"));
                }
            }
            for (k, v) in changes {
                if !base.iter().any(|(b, _)| b == k) {
                    text.push_str(&format!("{k}={v}\n"));
                }
            }
            let path = write_file(dir.path(), name, &text);
            set_mode(&path, 0o600);
            path.display().to_string()
        };
        let backend = write(
            "one.env",
            vec![
                ("PUSHER_ENABLED", "true"),
                ("PUSHER_APP_ID", &server.app_id),
                ("PUSHER_KEY", &server.key),
                ("PUSHER_SECRET", &server.secret),
                ("PUSHER_CLUSTER", "mt1"),
                ("PUSHER_HOST", "127.0.0.1"),
                ("PUSHER_PORT", &port),
                ("WS_ENABLED", "true"),
                ("WS_HEARTBEAT_INTERVAL", "30"),
                ("WS_MAX_CONNECTIONS", "1000"),
            ],
            backend,
        );
        let frontend = write(
            "two.env",
            vec![
                ("VITE_API_BASE_URL", "http://localhost:8008"),
                ("VITE_WS_URL", "http://localhost:8008"),
                ("VITE_PUSHER_KEY", &server.key),
                ("VITE_PUSHER_CLUSTER", "mt1"),
                (
                    "VITE_PUSHER_AUTH_ENDPOINT",
                    "http://localhost:8008/pusher/auth",
                ),
                ("VITE_ENABLE_WEBSOCKET", "true"),
            ],
            frontend,
        );
        AppEnv {
            _dir: dir,
            backend,
            frontend,
        }
    }

    /// `args`, and `--skip app`: these files name the app's endpoints at a port where
    /// nothing listens, and the app checks ask the frontend's auth endpoint.
    fn env_only_args(&self) -> Vec<String> {
        let mut args = self.args();
        args.extend(["--skip", "app"].map(String::from));
        args
    }

    /// `--compare-env FRONTEND --compare-env BACKEND`: the frontend first.
    fn args(&self) -> Vec<String> {
        [
            "--compare-env",
            &self.frontend,
            "--compare-env",
            &self.backend,
        ]
        .map(String::from)
        .to_vec()
    }
}

#[test]
fn a_matching_backend_and_frontend_env_pass_in_every_output() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let app = AppEnv::new(server, &[], &[]);
    let args = app.env_only_args();
    let own: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, doc) = doctor_json(&env, &[], &own);
    assert_eq!(code, Some(0), "{doc:#}");
    let st = statuses(&doc);
    for id in [
        "config.enabled",
        "env.files",
        "env.key",
        "env.secret",
        "env.cluster",
        "env.auth_endpoint",
        "env.websocket",
        "credentials.rest",
    ] {
        assert_eq!(st[id], "pass", "{id}: {doc:#}");
    }
    let files = doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "env.files")
        .unwrap();
    assert_eq!(
        files["finding"],
        format!(
            "read {} (frontend), {} (backend)",
            app.frontend, app.backend
        )
    );
    let run = doctor(&env, &own);
    assert_eq!(run.code, Some(0), "{}{}", run.out, run.err);
    assert!(run.out.contains("\nenv\n"), "{}", run.out);
    assert_eq!(marked(&run.out, "✓").len(), 20, "{}", run.out);
    assert!(run.junit.contains("name=\"env.key\""), "{}", run.junit);
    assert!(run.junit.contains("failures=\"0\""), "{}", run.junit);
    for text in [&run.out, &run.err, &run.junit, &doc.to_string()] {
        assert!(!text.contains(&server.secret), "secret in {text}");
    }
}

#[test]
fn env_file_mismatches_fail_exactly_their_checks_naming_both_sides() {
    let server = Server::shared();
    let other_secret = "backend-only-secret-4d1e";
    type Mismatch<'a> = (
        &'static str,
        AppEnv,
        &'static [&'static str],
        &'static str,
        Vec<String>,
    );
    // (case, files, failing, hint, what the failing check names: files, variables, values)
    let cases: Vec<Mismatch> = vec![
        (
            "different keys",
            AppEnv::new(server, &[], &[("VITE_PUSHER_KEY", "other-key")]),
            &["env.key"],
            "the same key",
            vec![
                "PUSHER_KEY".into(),
                "VITE_PUSHER_KEY".into(),
                "`other-key`".into(),
                format!("`{}`", server.key),
            ],
        ),
        (
            "different clusters",
            AppEnv::new(server, &[], &[("VITE_PUSHER_CLUSTER", "us2")]),
            &["env.cluster"],
            "the same cluster",
            vec![
                "PUSHER_CLUSTER=`mt1`".into(),
                "VITE_PUSHER_CLUSTER=`us2`".into(),
            ],
        ),
        (
            "an auth endpoint on another host",
            AppEnv::new(
                server,
                &[],
                &[(
                    "VITE_PUSHER_AUTH_ENDPOINT",
                    "http://auth.example:9000/pusher/auth",
                )],
            ),
            &["env.auth_endpoint"],
            "set VITE_PUSHER_AUTH_ENDPOINT=http://localhost:8008/pusher/auth",
            vec![
                "VITE_PUSHER_AUTH_ENDPOINT=`http://auth.example:9000/pusher/auth`".into(),
                "VITE_API_BASE_URL=`http://localhost:8008`".into(),
            ],
        ),
        (
            "VITE_ENABLE_WEBSOCKET=false",
            AppEnv::new(server, &[], &[("VITE_ENABLE_WEBSOCKET", "false")]),
            &["env.websocket"],
            "set VITE_ENABLE_WEBSOCKET=true",
            vec!["VITE_ENABLE_WEBSOCKET=`false`".into()],
        ),
        (
            "PUSHER_ENABLED=false in the backend's .env",
            AppEnv::new(server, &[("PUSHER_ENABLED", "false")], &[]),
            &["config.enabled"],
            "set PUSHER_ENABLED=true in",
            vec!["PUSHER_ENABLED=false".into()],
        ),
        (
            "the backend's secret is not the profile's",
            AppEnv::new(server, &[("PUSHER_SECRET", other_secret)], &[]),
            &["env.secret"],
            "the same app's secret",
            vec!["PUSHER_SECRET in".into(), "the profile's `secret`".into()],
        ),
    ];
    for (name, app, failing, hint, names) in &cases {
        let case = Broken {
            name,
            args: vec![],
            flags: app.env_only_args(),
            env: vec![],
            config: Some(server.profile()),
            failing,
            hint,
        };
        check_broken(&case, &[&server.secret]);
        let env = TestEnv::with_server(server);
        let own: Vec<&str> = case.flags.iter().map(String::as_str).collect();
        let (_, doc) = doctor_json(&env, &[], &own);
        let check = doc["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == failing[0])
            .unwrap();
        let said = format!("{} | {}", check["finding"], check["hint"]);
        // The hint alone names both sides of a mismatch between the files.
        let hint = check["hint"].as_str().unwrap();
        if let Some(var) = ["KEY", "CLUSTER"]
            .into_iter()
            .find(|v| failing[0] == format!("env.{}", v.to_lowercase()))
        {
            for expected in [
                &app.backend,
                &app.frontend,
                &format!("PUSHER_{var} in"),
                &format!("VITE_PUSHER_{var} in"),
            ] {
                assert!(
                    hint.contains(expected.as_str()),
                    "{name}: no {expected} in {hint}"
                );
            }
        }
        // Both files are named (the frontend's when it is the frontend's value).
        let files: &[&String] = if failing[0] == "env.key" || failing[0] == "env.cluster" {
            &[&app.backend, &app.frontend]
        } else if failing[0] == "env.auth_endpoint" || failing[0] == "env.websocket" {
            &[&app.frontend]
        } else {
            &[&app.backend]
        };
        for expected in names.iter().chain(files.iter().copied()) {
            assert!(
                said.contains(expected.as_str()),
                "{name}: no {expected} in {said}"
            );
        }
        assert!(!doc.to_string().contains(other_secret), "{name}: {doc:#}");
    }
}

#[test]
fn an_env_file_that_cannot_be_read_fails_env_files_and_skips_the_rest() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let (code, doc) = doctor_json(
        &env,
        &[],
        &["--compare-env", "missing.env", "--only", "env"],
    );
    assert_eq!(code, Some(5), "{doc:#}");
    let st = statuses(&doc);
    assert_eq!(st["env.files"], "fail");
    for id in [
        "env.key",
        "env.secret",
        "env.cluster",
        "env.auth_endpoint",
        "env.websocket",
    ] {
        assert_eq!(st[id], "skip", "{id}: {doc:#}");
    }
    assert!(doc.to_string().contains("missing.env"), "{doc:#}");
    // None given: the group is skipped, saying how to give them.
    let (code, doc) = doctor_json(&env, &[], &["--only", "env"]);
    assert_eq!(code, Some(0), "{doc:#}");
    assert_eq!(doc["checks"][0]["status"], "skip");
    assert!(
        doc["checks"][0]["hint"]
            .as_str()
            .unwrap()
            .contains("--compare-env backend/.env"),
        "{doc:#}"
    );
}

#[test]
fn a_compared_env_file_is_never_obeyed_and_offline_connects_nowhere() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    let (listener, port) = silent_listener();
    listener.set_nonblocking(true).unwrap();
    let port = port.to_string();
    let marker = env.work_dir().join("ran");
    let command = format!("\"touch {}\"", marker.display());
    // The backend's file names another server and a command to run: it is compared
    // (its port is not the profile's), never used.
    let app = AppEnv::new(
        server,
        &[
            ("PUSHER_PORT", &port),
            ("RTCTL_PORT", &port),
            ("RTCTL_SECRET_COMMAND", &command),
        ],
        &[],
    );
    let args = app.env_only_args();
    let own: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, doc) = doctor_json(&env, &[], &own);
    assert_eq!(code, Some(5), "{doc:#}");
    let failed: Vec<String> = statuses(&doc)
        .into_iter()
        .filter(|(_, s)| s == "fail")
        .map(|(id, _)| id)
        .collect();
    assert_eq!(failed, ["env.cluster"], "{doc:#}");
    assert_eq!(statuses(&doc)["end_to_end.event"], "pass");
    assert!(
        listener.accept().is_err(),
        "doctor connected to the .env's server"
    );
    assert!(!marker.exists(), "a command from a compared .env ran");

    // --offline compares the files and connects to nothing, not even the profile's server.
    let (listener, profile_port) = silent_listener();
    listener.set_nonblocking(true).unwrap();
    env.write_config(&format!(
        "default_profile = \"t\"\n[profiles.t]\napp_id = \"{}\"\nkey = \"{}\"\nsecret = \"{}\"\nhost = \"127.0.0.1\"\nport = {profile_port}\ntls = false\n",
        server.app_id, server.key, server.secret
    ));
    let app = AppEnv::new(server, &[("PUSHER_PORT", &profile_port.to_string())], &[]);
    let args = app.args();
    let mut own: Vec<&str> = args.iter().map(String::as_str).collect();
    own.push("--offline");
    let (code, doc) = doctor_json(&env, &[], &own);
    assert_eq!(code, Some(0), "{doc:#}");
    assert_eq!(statuses(&doc)["env.key"], "pass", "{doc:#}");
    ran_offline(&doc, &listener);
}

#[test]
fn pusher_enabled_false_in_the_env_file_the_profile_reads_fails() {
    let server = Server::shared();
    let env = TestEnv::with_server(server);
    write_file(&env.work_dir(), ".env", "PUSHER_ENABLED=false\n");
    let (code, doc) = doctor_json(&env, &["--env-file"], &["--only", "config.enabled"]);
    assert_eq!(code, Some(5), "{doc:#}");
    let check = &doc["checks"][0];
    assert_eq!(check["status"], "fail", "{doc:#}");
    assert!(
        check["finding"]
            .as_str()
            .unwrap()
            .starts_with("PUSHER_ENABLED=false in .env"),
        "{doc:#}"
    );
}

#[test]
fn the_cors_origin_comes_from_a_compared_frontend_env_without_origin() {
    let server = Server::shared();
    let (env, _backend) = backend_env(server, Faults::default());
    let frontend = write_file(
        &env.work_dir(),
        "frontend.env",
        "VITE_API_BASE_URL=http://localhost:5173/api\n",
    );
    let cors = |own: &[&str]| {
        let (_, doc) = doctor_json(&env, &[], own);
        doc["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == "app.cors")
            .unwrap()
            .clone()
    };
    let without = cors(&["--only", "app.cors"]);
    assert_eq!(without["status"], "skip", "{without}");
    let from_file = cors(&[
        "--only",
        "app.cors",
        "--compare-env",
        frontend.to_str().unwrap(),
    ]);
    assert_eq!(from_file["status"], "pass", "{from_file}");
    assert_eq!(
        from_file["details"]["origin"], "http://localhost:5173",
        "{from_file}"
    );
}

/// Everything in place: the profile's server, the app's backend (the stand-in) and both
/// `.env` files pointing at them. Every check runs and passes, in every output.
#[test]
fn a_complete_correct_setup_passes_every_check() {
    let server = Server::shared();
    let (env, backend) = backend_env(server, Faults::default());
    let base = backend.url.clone();
    let auth = format!("{base}/pusher/auth");
    let ws = format!("{}/ws/content", base.replace("http://", "ws://"));
    let app = AppEnv::new(
        server,
        &[],
        &[
            ("VITE_API_BASE_URL", base.as_str()),
            ("VITE_PUSHER_AUTH_ENDPOINT", auth.as_str()),
            ("VITE_WS_URL", ws.as_str()),
        ],
    );
    let own: Vec<String> = app.args();
    let own: Vec<&str> = own.iter().map(String::as_str).collect();
    let (code, doc) = doctor_json(&env, &[], &own);
    assert_eq!(code, Some(0), "{doc:#}");
    let st = statuses(&doc);
    assert_eq!(st.len(), 25, "{doc:#}");
    for (id, status) in &st {
        assert_eq!(status, "pass", "{id}: {doc:#}");
    }
    let run = doctor(&env, &own);
    assert_eq!(run.code, Some(0), "{}{}", run.out, run.err);
    assert!(run.out.contains("25 checks: 25 passed"), "{}", run.out);
    assert_eq!(run.junit.matches("<testcase ").count(), 25);
    assert!(
        run.junit.contains("failures=\"0\" skipped=\"0\""),
        "{}",
        run.junit
    );
    for text in [&run.out, &run.err, &run.junit, &doc.to_string()] {
        for secret in [server.secret.as_str(), USER_TOKEN, ADMIN_TOKEN] {
            assert!(!text.contains(secret), "{secret} in {text}");
        }
    }
}

/// Without `auth_endpoint` in the profile, app.auth asks the frontend's
/// `VITE_PUSHER_AUTH_ENDPOINT`, but never with the profile's `auth_headers`: a compared
/// file is not trusted with them (the stand-in refuses a request without its token).
#[test]
fn the_frontends_auth_endpoint_is_asked_without_the_profiles_headers() {
    let server = Server::shared();
    let backend = Backend::start(server, Faults::default());
    let env = TestEnv::new();
    env.write_config(&format!(
        "{}auth_headers = {{ Authorization = \"Bearer {USER_TOKEN}\" }}\n",
        server.profile()
    ));
    let frontend = write_file(
        &env.work_dir(),
        "frontend.env",
        &format!("VITE_PUSHER_AUTH_ENDPOINT={}/pusher/auth\n", backend.url),
    );
    let (code, doc) = doctor_json(
        &env,
        &[],
        &[
            "--only",
            "app.auth",
            "--compare-env",
            frontend.to_str().unwrap(),
        ],
    );
    assert_eq!(code, Some(5), "{doc:#}");
    let auth = doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "app.auth")
        .unwrap();
    assert_eq!(auth["status"], "fail", "{auth}");
    assert!(
        auth["finding"]
            .as_str()
            .unwrap()
            .contains("Authentication token required"),
        "{auth}"
    );
    assert!(backend.auth_requests() > 0, "the endpoint was not asked");
    assert!(!doc.to_string().contains(USER_TOKEN));
}

/// The `rtctl doctor` lines of the README's CI jobs (its "In CI" section), as written.
fn readme_ci_doctor_lines() -> Vec<String> {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("\n### In CI\n")
        .expect("the README's In CI section");
    let section = &readme[start + 1..];
    let section = &section[..section.find("\n## ").unwrap_or(section.len())];
    section
        .lines()
        .filter_map(|l| {
            let l = l.trim().trim_start_matches("- ");
            let command = l.strip_prefix("run: ").unwrap_or(l);
            command
                .starts_with("rtctl doctor")
                .then(|| command.to_owned())
        })
        .collect()
}

#[test]
fn the_readme_ci_jobs_doctor_line_passes_against_a_local_server() {
    let lines = readme_ci_doctor_lines();
    assert_eq!(lines.len(), 2, "one in each CI job: {lines:?}");
    let server = Server::shared();
    for line in lines {
        let env = TestEnv::new();
        // The profile as the CI jobs give it: the platform's variables, no config file.
        let out = env
            .rtctl()
            .args(line.split_whitespace().skip(1))
            .env("PUSHER_APP_ID", &server.app_id)
            .env("PUSHER_KEY", &server.key)
            .env("PUSHER_SECRET", &server.secret)
            .env("PUSHER_HOST", "127.0.0.1")
            .env("PUSHER_PORT", server.port.to_string())
            .output()
            .unwrap();
        let (stdout, stderr) = output_text(&out);
        assert_eq!(out.status.code(), Some(0), "{line}\n{stdout}\n{stderr}");
        let report = std::fs::read_to_string(env.work_dir().join("report.xml"))
            .unwrap_or_else(|e| panic!("{line} wrote no report.xml: {e}"));
        assert!(
            report.contains("<testsuites name=\"rtctl doctor\"")
                && report.contains("failures=\"0\"")
                && report.matches("<testcase ").count() >= 10,
            "{report}"
        );
        assert!(!stdout.contains(&server.secret) && !report.contains(&server.secret));
    }
}
