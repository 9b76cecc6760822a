//! TLS against a real sockudo serving certificates from a private CA the tests make:
//! the CA trusted by flag, profile and environment for REST, WebSocket and an https auth
//! endpoint, and each network mistake named by its cause (exit 6).

use crate::common;

use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use common::tls::{CA_NAME, GOOD_NAME, Leaf, pki};
use common::{Running, Server, TestEnv, auth_endpoint, output_text};

/// One TLS sockudo per certificate, shared by this module's tests.
fn tls_server(leaf: Leaf) -> &'static Server {
    static GOOD: OnceLock<Server> = OnceLock::new();
    static EXPIRED: OnceLock<Server> = OnceLock::new();
    static OTHER_NAME: OnceLock<Server> = OnceLock::new();
    static SOON: OnceLock<Server> = OnceLock::new();
    let cell = match leaf {
        Leaf::Good => &GOOD,
        Leaf::Expired => &EXPIRED,
        Leaf::OtherName => &OTHER_NAME,
        Leaf::Soon => &SOON,
    };
    cell.get_or_init(|| Server::start_tls(leaf))
}

/// A TestEnv whose profile points at `server` over TLS, with `extra` lines in the profile.
fn tls_env(server: &Server, extra: &str) -> TestEnv {
    let env = TestEnv::new();
    env.write_config(&format!("{}{extra}", server.tls_profile()));
    env
}

/// The three ways to name the CA file.
#[derive(Debug, Clone, Copy)]
enum Way {
    /// `--ca-cert ca.pem`, relative to the current directory.
    Flag,
    /// `ca_cert = "ca.pem"` in the profile, relative to the config file's folder.
    Profile,
    /// `RTCTL_CA_CERT=/abs/ca.pem`.
    Env,
}

const WAYS: [Way; 3] = [Way::Flag, Way::Profile, Way::Env];

/// A TestEnv for the good TLS server that trusts the CA `way`; the arguments to add.
fn trusting(way: Way) -> (TestEnv, Vec<String>, Vec<(String, String)>) {
    let server = tls_server(Leaf::Good);
    let ca = pki().ca.clone();
    match way {
        Way::Flag => {
            let env = tls_env(server, "");
            std::fs::copy(&ca, env.work_dir().join("ca.pem")).unwrap();
            (env, vec!["--ca-cert".into(), "ca.pem".into()], Vec::new())
        }
        Way::Profile => {
            let env = tls_env(server, "ca_cert = \"ca.pem\"\n");
            std::fs::copy(&ca, env.config_path().with_file_name("ca.pem")).unwrap();
            (env, Vec::new(), Vec::new())
        }
        Way::Env => {
            let env = tls_env(server, "");
            let var = ("RTCTL_CA_CERT".to_owned(), ca.display().to_string());
            (env, Vec::new(), vec![var])
        }
    }
}

/// `rtctl ARGS` in `env` with extra environment; its exit code, stdout and stderr.
fn run(env: &TestEnv, args: &[&str], vars: &[(String, String)]) -> (i32, String, String) {
    let out = env
        .rtctl()
        .args(args)
        .envs(vars.iter().map(|(k, v)| (k, v)))
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    (out.status.code().unwrap_or(-1), stdout, stderr)
}

/// `rtctl tail --json ARGS` in the background, with extra environment.
fn spawn_tail(env: &TestEnv, args: &[&str], vars: &[(String, String)]) -> Running {
    let mut cmd: Command = env.command();
    cmd.arg("tail")
        .arg("--json")
        .args(args)
        .envs(vars.iter().map(|(k, v)| (k, v)));
    Running::start(cmd)
}

#[test]
fn the_private_ca_is_trusted_by_flag_profile_and_environment_for_rest() {
    for way in WAYS {
        let (env, flags, vars) = trusting(way);
        let mut args: Vec<&str> = flags.iter().map(String::as_str).collect();
        args.extend(["channels", "list"]);
        let (code, stdout, stderr) = run(&env, &args, &vars);
        assert_eq!(code, 0, "{way:?}: channels list\n{stdout}\n{stderr}");

        let mut args: Vec<&str> = flags.iter().map(String::as_str).collect();
        args.extend([
            "trigger",
            "tls-news",
            "headline",
            r#"{"n":1}"#,
            "--no-validate",
        ]);
        let (code, stdout, stderr) = run(&env, &args, &vars);
        assert_eq!(code, 0, "{way:?}: trigger\n{stdout}\n{stderr}");
    }
}

#[test]
fn tail_receives_over_wss_with_the_private_ca_each_way() {
    for way in WAYS {
        let (env, flags, vars) = trusting(way);
        let channel = format!("tls-tail-{way:?}").to_lowercase();
        let mut args: Vec<&str> = flags.iter().map(String::as_str).collect();
        args.extend([channel.as_str(), "--count", "1"]);
        let mut tail = spawn_tail(&env, &args, &vars);
        tail.record_of("subscribed", Some(&channel));

        let mut args: Vec<&str> = flags.iter().map(String::as_str).collect();
        args.extend([
            "trigger",
            &channel,
            "headline",
            r#"{"n":2}"#,
            "--no-validate",
        ]);
        let (code, _, stderr) = run(&env, &args, &vars);
        assert_eq!(code, 0, "{way:?}: trigger\n{stderr}");

        let event = tail.record_of("event", Some(&channel));
        assert_eq!(event["data"]["n"], 2, "{way:?}");
        let (code, _, stderr) = tail.finish();
        assert_eq!(code, Some(0), "{way:?}: {stderr}");
    }
}

/// An auth endpoint for the good TLS server's app, serving https with a certificate
/// from the private CA; it wants `Authorization: Bearer tls-token`.
fn https_auth_endpoint() -> (String, std::sync::mpsc::Receiver<String>) {
    let tls = Some(pki().server_config(Leaf::Good));
    let (url, bodies) = auth_endpoint(tls_server(Leaf::Good), "tls-token", None, tls);
    assert!(url.starts_with("https://"), "{url}");
    (url, bodies)
}

#[test]
fn an_https_auth_endpoint_with_a_certificate_from_the_private_ca() {
    let (url, bodies) = https_auth_endpoint();
    let (env, flags, vars) = trusting(Way::Profile);
    assert!(flags.is_empty() && vars.is_empty());
    let mut tail = spawn_tail(
        &env,
        &[
            "private-tls-orders",
            "--count",
            "1",
            "--auth-endpoint",
            &url,
            "--auth-header",
            "Authorization: Bearer tls-token",
        ],
        &[],
    );
    tail.record_of("subscribed", Some("private-tls-orders"));
    let body = bodies.recv_timeout(common::WAIT).unwrap();
    assert!(body.contains("channel_name=private-tls-orders"), "{body}");
    let (code, _, stderr) = run(
        &env,
        &[
            "trigger",
            "private-tls-orders",
            "created",
            r#"{"id":7}"#,
            "--no-validate",
        ],
        &[],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(tail.record_of("event", None)["data"]["id"], 7);
    assert_eq!(tail.finish().0, Some(0));
}

#[test]
fn the_backend_and_webhook_replay_post_over_https_with_the_private_ca() {
    let (url, bodies) = https_auth_endpoint();
    let base = url.trim_end_matches("/pusher/auth");
    let (env, _, _) = trusting(Way::Profile);
    // The endpoint answers 403 to both (neither sends its bearer token): what matters
    // is that each request got through TLS to it.
    run(
        &env,
        &[
            "trigger",
            "tls-backend",
            "headline",
            r#"{"n":3}"#,
            "--no-validate",
            "--via",
            "backend",
        ],
        &[("RTCTL_BACKEND_URL".to_owned(), base.to_owned())],
    );
    let body = bodies.recv_timeout(common::WAIT).unwrap();
    assert!(body.contains("\"channel\":\"tls-backend\""), "{body}");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/webhooks/01-presence-classroom-101-occupied.json");
    run(
        &env,
        &["webhook", "replay", fixture.to_str().unwrap(), "--to", &url],
        &[],
    );
    let body = bodies.recv_timeout(common::WAIT).unwrap();
    assert!(body.contains("channel_occupied"), "{body}");
}

#[test]
fn config_init_checks_the_new_profile_with_its_ca() {
    let server = tls_server(Leaf::Good);
    let env = TestEnv::new();
    std::fs::copy(&pki().ca, env.work_dir().join("ca.pem")).unwrap();
    let port = server.port.to_string();
    let init = |name: &str, ca: &[&str]| {
        let mut flags = vec!["--port", port.as_str(), "--tls"];
        flags.extend(ca);
        common::config_init_check(&env, server, name, &flags)
    };
    let (code, stderr) = init("internal", &["--ca-cert", "ca.pem"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("✓ credentials.rest") && stderr.contains("✓ socket.handshake"),
        "{stderr}"
    );
    let (code, stderr) = init("no-ca", &[]);
    assert_eq!(code, Some(6), "{stderr}");
    assert!(
        stderr.contains("✗ credentials.rest  the certificate of 127.0.0.1")
            && stderr.contains(&format!("issuer CN={CA_NAME}"))
            && stderr.contains("2 checks failed: credentials.rest, socket.handshake"),
        "{stderr}"
    );
}

#[test]
fn ssl_cert_file_still_names_the_roots() {
    let env = tls_env(tls_server(Leaf::Good), "");
    let vars = [("SSL_CERT_FILE".to_owned(), pki().ca.display().to_string())];
    let (code, stdout, stderr) = run(&env, &["channels", "list"], &vars);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
}

/// `channels list` (REST) and `tail` (WebSocket) in `env`: each exit code and stderr.
fn rest_and_ws(env: &TestEnv, flags: &[&str]) -> [(i32, String); 2] {
    let mut rest = flags.to_vec();
    rest.extend(["channels", "list"]);
    let (code, _, stderr) = run(env, &rest, &[]);
    let mut ws = flags.to_vec();
    ws.extend(["tail", "tls-mistakes", "--no-reconnect", "--count", "1"]);
    let (ws_code, _, ws_stderr) = run(env, &ws, &[]);
    [(code, stderr), (ws_code, ws_stderr)]
}

/// Both paths exit 6 and say every one of `words`.
fn assert_network_error(results: &[(i32, String); 2], words: &[&str]) {
    for ((code, stderr), path) in results.iter().zip(["REST", "WebSocket"]) {
        assert_eq!(*code, 6, "{path}: {stderr}");
        for w in words {
            assert!(stderr.contains(w), "{path}: no `{w}` in\n{stderr}");
        }
    }
}

#[test]
fn an_untrusted_certificate_names_its_subject_issuer_and_the_fix() {
    let env = tls_env(tls_server(Leaf::Good), "");
    let results = rest_and_ws(&env, &[]);
    assert_network_error(
        &results,
        &[
            "is not signed by a trusted CA",
            &format!("subject CN={GOOD_NAME}"),
            &format!("issuer CN={CA_NAME}"),
            "--ca-cert",
            "RTCTL_CA_CERT",
        ],
    );
}

#[test]
fn an_expired_certificate_says_when_it_expired() {
    let env = tls_env(tls_server(Leaf::Expired), "");
    let results = rest_and_ws(&env, &["--ca-cert", pki().ca.to_str().unwrap()]);
    assert_network_error(&results, &["expired on 2021-01-01T00:00:00Z"]);
}

#[test]
fn a_certificate_for_another_name_says_which_names_it_holds() {
    let env = tls_env(tls_server(Leaf::OtherName), "");
    let results = rest_and_ws(&env, &["--ca-cert", pki().ca.to_str().unwrap()]);
    assert_network_error(
        &results,
        &["is not valid for 127.0.0.1", "it holds other.example"],
    );
}

#[test]
fn tls_to_a_plain_server_says_it_does_not_speak_tls() {
    let env = TestEnv::with_server(Server::shared());
    let results = rest_and_ws(&env, &["--tls"]);
    assert_network_error(&results, &["does not speak TLS", "drop --tls"]);
}

#[test]
fn plain_requests_to_a_tls_server_say_it_expects_tls() {
    let env = TestEnv::with_server(tls_server(Leaf::Good));
    let results = rest_and_ws(&env, &[]);
    assert_network_error(&results, &["expects TLS", "add --tls"]);
}

#[test]
fn a_name_that_does_not_resolve_is_a_dns_failure() {
    let env = TestEnv::with_server(Server::shared());
    let results = rest_and_ws(&env, &["--host", "rtctl-test.invalid"]);
    assert_network_error(&results, &["DNS failure", "rtctl-test.invalid"]);
    let results = rest_and_ws(&env, &["--cluster", "euu"]);
    assert_network_error(
        &results,
        &[
            "DNS failure",
            "`euu` is not a Pusher cluster",
            "`eu`, `us2`, `ap1`",
            "flag --cluster",
        ],
    );
}

#[test]
fn a_refused_connection_keeps_its_words() {
    let env = TestEnv::with_server(Server::shared());
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
        .to_string();
    let results = rest_and_ws(&env, &["--port", &port]);
    assert_network_error(
        &results,
        &["connection refused", "is a server listening on that port?"],
    );
}

/// A port whose listener resets each connection once the request arrives (it closes
/// with the request unread, so the kernel answers with a reset): a fault no real server
/// gives on demand.
fn resetting_port() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let _ = stream.peek(&mut [0u8; 1]);
            drop(stream);
        }
    });
    port.to_string()
}

#[test]
fn a_reset_and_a_timeout_keep_their_words() {
    let env = TestEnv::with_server(Server::shared());
    let results = rest_and_ws(&env, &["--port", &resetting_port()]);
    assert_network_error(&results, &["was reset", "something in between"]);
    // `timeout` in the profile: `tail --timeout` still means --duration.
    env.write_config(&format!("{}timeout = \"1s\"\n", Server::shared().profile()));
    let (_listener, port) = common::silent_listener();
    let results = rest_and_ws(&env, &["--port", &port.to_string()]);
    assert_network_error(&results, &["within 1s", "raise `timeout`"]);
}

#[test]
fn a_ca_file_that_is_missing_or_not_pem_is_a_config_error() {
    let env = tls_env(tls_server(Leaf::Good), "");
    let not_pem = env.work_dir().join("not.pem");
    std::fs::write(&not_pem, "just text\n").unwrap();
    for (file, why) in [
        ("missing.pem", "missing.pem"),
        ("not.pem", "holds no PEM certificate"),
    ] {
        let (code, _, stderr) = run(&env, &["--ca-cert", file, "channels", "list"], &[]);
        assert_eq!(code, 3, "{stderr}");
        assert!(stderr.contains(why), "{stderr}");
        assert!(stderr.contains("flag --ca-cert"), "{stderr}");
    }
    // From the profile, the file is looked for beside the config file.
    let env = tls_env(tls_server(Leaf::Good), "ca_cert = \"ca.pem\"\n");
    std::fs::copy(&pki().ca, env.work_dir().join("ca.pem")).unwrap();
    let (code, _, stderr) = run(&env, &["channels", "list"], &[]);
    assert_eq!(code, 3, "{stderr}");
    let beside = env.config_path().with_file_name("ca.pem");
    assert!(stderr.contains(&beside.display().to_string()), "{stderr}");
    assert!(stderr.contains("[profiles.test]"), "{stderr}");
}

#[test]
fn without_any_trusted_ca_plain_works_and_tls_says_so() {
    let empty = tempfile::tempdir().unwrap();
    let none = empty.path().join("none.pem");
    std::fs::write(&none, "").unwrap();
    let vars = [
        ("SSL_CERT_FILE".to_owned(), none.display().to_string()),
        (
            "SSL_CERT_DIR".to_owned(),
            empty.path().display().to_string(),
        ),
    ];
    let plain = TestEnv::with_server(Server::shared());
    let (code, _, stderr) = run(&plain, &["channels", "list"], &vars);
    assert_eq!(code, 0, "{stderr}");
    let env = tls_env(tls_server(Leaf::Good), "");
    let (code, _, stderr) = run(&env, &["channels", "list"], &vars);
    assert_eq!(code, 6, "{stderr}");
    assert!(
        stderr.contains("no trusted CA certificates found"),
        "{stderr}"
    );
    assert!(stderr.contains("install ca-certificates"), "{stderr}");
}

/// doctor's network checks over TLS: `ca_cert` trusted, the certificate's days left
/// (a warning under 14), and without the CA the same diagnosis as every command.
#[test]
fn doctor_reaches_a_tls_server_and_counts_its_certificate_days() {
    let doctor = |server: &Server, extra: &str| {
        let env = tls_env(server, extra);
        std::fs::copy(&pki().ca, env.config_path().with_file_name("ca.pem")).unwrap();
        let out = env
            .rtctl()
            .args(["doctor", "--only", "network,credentials,socket", "--json"])
            .timeout(common::WAIT)
            .output()
            .unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let check = |id: &str| {
            doc["checks"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["id"] == id)
                .unwrap()
                .clone()
        };
        (
            out.status.code(),
            check("network.rest"),
            check("socket.handshake"),
        )
    };
    let with_ca = "ca_cert = \"ca.pem\"\n";

    let (code, rest, socket) = doctor(tls_server(Leaf::Good), with_ca);
    assert_eq!(code, Some(0), "{rest}");
    assert_eq!(rest["status"], "pass", "{rest}");
    assert!(
        rest["finding"]
            .as_str()
            .unwrap()
            .contains("TLS certificate valid for"),
        "{rest}"
    );
    assert_eq!(socket["status"], "pass", "{socket}");

    let (code, rest, _) = doctor(tls_server(Leaf::Soon), with_ca);
    assert_eq!(code, Some(0), "a warning is not a failure: {rest}");
    assert_eq!(rest["status"], "warn", "{rest}");
    let finding = rest["finding"].as_str().unwrap();
    // Between four and five days left, by the time of day.
    assert!(
        finding.contains("valid for 4 more days") || finding.contains("valid for 5 more days"),
        "{rest}"
    );

    let (code, rest, socket) = doctor(tls_server(Leaf::Good), "");
    assert_eq!(code, Some(5));
    assert_eq!(rest["status"], "fail", "{rest}");
    let finding = rest["finding"].as_str().unwrap();
    assert!(finding.contains(&format!("issuer CN={CA_NAME}")), "{rest}");
    assert!(
        rest["hint"].as_str().unwrap().contains("--ca-cert"),
        "{rest}"
    );
    assert_eq!(socket["status"], "skip", "{socket}");
}
