//! Test support: a real sockudo server on a free loopback port, a hermetic
//! environment for the rtctl binary, a WebSocket subscriber, and a proxy that
//! injects network faults in front of the server.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use rtctl::pusher::sign;
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::stream::MaybeTlsStream;
use tokio_tungstenite::tungstenite::{self, Message, WebSocket};

mod backend;
mod endpoint;
mod proxy;
pub mod tls;
pub use backend::{ADMIN_TOKEN, Backend, Faults, USER_TOKEN};
pub use endpoint::{auth_endpoint, endpoint_answer, read_request};
pub use proxy::{Fault, Proxy};

/// Where `tests/run.sh` installs the pinned sockudo.
pub fn sockudo_bin() -> PathBuf {
    if let Some(p) = std::env::var_os("RTCTL_TEST_SOCKUDO") {
        return PathBuf::from(p);
    }
    let cache = std::env::var_os("RTCTL_TEST_CACHE")
        .map(PathBuf::from)
        .unwrap_or_else(|| dirs::home_dir().unwrap().join(".cache/rtctl-tests"));
    cache.join("sockudo-5.2.0/bin/sockudo")
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

static SERVERS: AtomicUsize = AtomicUsize::new(0);

/// A sockudo process with its own app credentials, stopped when the test process ends
/// (a shell watchdog kills it when our end of its stdin closes) or when dropped.
pub struct Server {
    pub port: u16,
    pub app_id: String,
    pub key: String,
    pub secret: String,
    child: Child,
    /// Arguments and environment, to start it again on the same port.
    args: Vec<PathBuf>,
    env: Vec<(String, String)>,
    dir: tempfile::TempDir,
    /// The certificate it serves, when it serves TLS (its health check then goes over TLS).
    tls: Option<tls::Leaf>,
}

impl Server {
    pub fn start() -> Server {
        Self::start_with(&[])
    }

    /// Start sockudo with extra environment; retried on another port if it does not come up.
    pub fn start_with(extra_env: &[(&str, &str)]) -> Server {
        Self::start_env(extra_env, None)
    }

    /// `start_with`, for an environment that makes it serve TLS with `tls` when set.
    fn start_env(extra_env: &[(&str, &str)], tls: Option<tls::Leaf>) -> Server {
        let n = SERVERS.fetch_add(1, Ordering::SeqCst);
        let tag = format!("{}-{n}", std::process::id());
        let (app_id, key, secret) = (
            format!("app-{tag}"),
            format!("key-{tag}"),
            format!("secret-{tag}"),
        );
        let env: Vec<(String, String)> = [
            ("SOCKUDO_DEFAULT_APP_ID", app_id.as_str()),
            ("SOCKUDO_DEFAULT_APP_KEY", key.as_str()),
            ("SOCKUDO_DEFAULT_APP_SECRET", secret.as_str()),
            ("SOCKUDO_DEFAULT_APP_ENABLE_CLIENT_MESSAGES", "true"),
            ("SOCKUDO_DEFAULT_APP_ENABLE_USER_AUTHENTICATION", "true"),
        ]
        .iter()
        .chain(extra_env)
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
        Self::launch(&app_id, &key, &secret, |_| Vec::new(), env, tls)
    }

    /// Start sockudo on a free port, up to three tries. `args` gets the server's own
    /// directory (for config files).
    fn launch(
        app_id: &str,
        key: &str,
        secret: &str,
        args: impl Fn(&Path) -> Vec<PathBuf>,
        env: Vec<(String, String)>,
        tls: Option<tls::Leaf>,
    ) -> Server {
        let bin = sockudo_bin();
        assert!(
            bin.exists(),
            "sockudo is not installed at {}: run `tests/run.sh`, which installs it",
            bin.display()
        );
        for _attempt in 0..3 {
            let dir = tempfile::tempdir().unwrap();
            let args = args(dir.path());
            let port = free_port();
            let child = spawn_sockudo(port, dir.path(), &args, &env);
            let mut server = Server {
                port,
                app_id: app_id.to_owned(),
                key: key.to_owned(),
                secret: secret.to_owned(),
                child,
                args,
                env: env.clone(),
                dir,
                tls,
            };
            if server.wait_ready(Duration::from_secs(20)) {
                return server;
            }
            server.stop();
        }
        panic!("sockudo did not start on a free port after 3 tries");
    }

    /// Stop the server and start it again on the same port, as a deploy would.
    pub fn restart(&mut self, down_for: Duration) {
        self.stop();
        // The scenario itself: a server that stays down for a while.
        std::thread::sleep(down_for);
        self.child = spawn_sockudo(self.port, self.dir.path(), &self.args, &self.env);
        assert!(
            self.wait_ready(Duration::from_secs(20)),
            "sockudo did not come back on port {}",
            self.port
        );
    }

    /// Ready when sockudo's own health check answers on the port: a bare TCP connect
    /// could reach another test's listener that took the port first.
    fn wait_ready(&mut self, limit: Duration) -> bool {
        let start = Instant::now();
        let addr = SocketAddr::from(([127, 0, 0, 1], self.port));
        while start.elapsed() < limit {
            if let Ok(s) = TcpStream::connect_timeout(&addr, Duration::from_millis(200)) {
                let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
                let answer = match self.tls {
                    Some(leaf) => tls::health_answer(s, leaf),
                    None => health_answer(s),
                };
                if answer.to_ascii_lowercase().contains("x-health-check: ok") {
                    return true;
                }
            }
            if self.child.try_wait().ok().flatten().is_some() {
                return false;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        false
    }

    fn stop(&mut self) {
        // Closing the watchdog's stdin makes it kill sockudo.
        drop(self.child.stdin.take());
        let _ = self.child.wait();
    }

    /// One server for each test module (as when each was its own test binary), so
    /// modules do not see each other's channels; started by its first test to ask.
    #[track_caller]
    pub fn shared() -> &'static Server {
        type PerModule = Mutex<BTreeMap<&'static str, &'static OnceLock<Server>>>;
        static SHARED: PerModule = Mutex::new(BTreeMap::new());
        let module = std::panic::Location::caller().file();
        let mut servers = SHARED.lock().unwrap();
        let server: &'static OnceLock<Server> = servers
            .entry(module)
            .or_insert_with(|| Box::leak(Box::default()));
        drop(servers);
        server.get_or_init(Server::start)
    }

    pub fn ws_url(&self) -> String {
        format!(
            "ws://127.0.0.1:{}/app/{}?protocol=7&client=rtctl-tests&version=0",
            self.port, self.key
        )
    }

    /// A config profile `test` for this server, as TOML.
    pub fn profile(&self) -> String {
        format!(
            "default_profile = \"test\"\n\n[profiles.test]\napp_id = \"{}\"\nkey = \"{}\"\nsecret = \"{}\"\nhost = \"127.0.0.1\"\nport = {}\ntls = false\n",
            self.app_id, self.key, self.secret, self.port
        )
    }
}

/// What a server answers to `GET /up` on `stream`, as far as it could be read.
fn health_answer(mut stream: impl std::io::Read + std::io::Write) -> String {
    let mut answer = Vec::new();
    if stream
        .write_all(b"GET /up HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
        .is_ok()
    {
        let _ = stream.read_to_end(&mut answer);
    }
    String::from_utf8_lossy(&answer).into_owned()
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

/// sockudo under a shell watchdog: closing the watchdog's stdin (or the test process
/// dying) kills it, so no server outlives its tests.
fn spawn_sockudo(port: u16, dir: &Path, args: &[PathBuf], env: &[(String, String)]) -> Child {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("\"$0\" \"$@\" & pid=$!; read _; kill -9 $pid 2>/dev/null")
        .arg(sockudo_bin())
        .args(args)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", dir)
        .env("HOST", "127.0.0.1")
        .env("PORT", port.to_string())
        .env("METRICS_ENABLED", "false")
        // sockudo allows 100 API requests and 20 WebSocket connections a minute per
        // address by default; the suites make more. Tests of 429 handling turn it back
        // on through start_with.
        .env("RATE_LIMITER_ENABLED", "false")
        .env("RUST_LOG", "error")
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.spawn().expect("start sockudo")
}

/// A hermetic home for one rtctl run: empty environment, its own HOME and
/// XDG_CONFIG_HOME, and a work directory.
pub struct TestEnv {
    dir: tempfile::TempDir,
}

impl TestEnv {
    pub fn new() -> TestEnv {
        let dir = tempfile::tempdir().unwrap();
        for sub in ["home", "config", "work"] {
            std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        }
        TestEnv { dir }
    }

    /// A TestEnv whose default profile points at `server`.
    pub fn with_server(server: &Server) -> TestEnv {
        let env = TestEnv::new();
        env.write_config(&server.profile());
        env
    }

    pub fn config_path(&self) -> PathBuf {
        self.dir.path().join("config/rtctl/config.toml")
    }

    pub fn work_dir(&self) -> PathBuf {
        self.dir.path().join("work")
    }

    pub fn write_config(&self, text: &str) {
        let path = self.config_path();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        set_mode(&path, 0o600);
    }

    pub fn read_config(&self) -> String {
        std::fs::read_to_string(self.config_path()).unwrap()
    }

    pub fn rtctl(&self) -> assert_cmd::Command {
        assert_cmd::Command::from_std(self.command())
    }

    /// The binary with this environment, as a plain `Command` (for long-running runs).
    pub fn command(&self) -> Command {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("rtctl"));
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.dir.path().join("home"))
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .current_dir(self.work_dir());
        cmd
    }

    /// Run `rtctl ARGS` (which ask for one JSON document on stdout): the exit code, the
    /// document, and stderr; panics, showing both streams, when stdout is not JSON.
    pub fn json_run(&self, args: &[&str]) -> (Option<i32>, Value, String) {
        let out = self.rtctl().args(args).output().unwrap();
        let (stdout, stderr) = output_text(&out);
        let doc = serde_json::from_str(&stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {stdout}\nstderr: {stderr}"));
        (out.status.code(), doc, stderr)
    }

    /// Start `rtctl ARGS` in the background, reading its stdout line by line.
    pub fn spawn(&self, args: &[&str]) -> Running {
        let mut cmd = self.command();
        cmd.args(args);
        Running::start(cmd)
    }
}

pub fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// Text of a command's stdout and stderr.
pub fn output_text(out: &std::process::Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A plain WebSocket client speaking the Pusher protocol, for occupying channels.
pub struct Subscriber {
    ws: WebSocket<MaybeTlsStream<TcpStream>>,
    pub socket_id: String,
}

impl Subscriber {
    pub fn connect(server: &Server) -> Subscriber {
        let (mut ws, _) = tungstenite::connect(server.ws_url()).expect("websocket connect");
        if let MaybeTlsStream::Plain(s) = ws.get_mut() {
            s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        }
        let mut sub = Subscriber {
            ws,
            socket_id: String::new(),
        };
        let frame = sub.next_event("pusher:connection_established");
        let data: Value = serde_json::from_str(frame["data"].as_str().unwrap()).unwrap();
        sub.socket_id = data["socket_id"].as_str().unwrap().to_owned();
        sub
    }

    /// The next frame that is not the protocol's own (`pusher:`, `pusher_internal:`).
    pub fn next_app_event(&mut self) -> Value {
        loop {
            let msg = self
                .ws
                .read()
                .expect("websocket read (nothing arrived in 10 s?)");
            if let Message::Text(text) = msg {
                let frame: Value = serde_json::from_str(&text).unwrap();
                let name = frame["event"].as_str().unwrap_or_default();
                if !name.starts_with("pusher:") && !name.starts_with("pusher_internal:") {
                    return frame;
                }
            }
        }
    }

    /// Sign in as `user_id` (pusher:signin) and wait for the server to confirm.
    pub fn signin(&mut self, server: &Server, user_id: &str) {
        let user_data = json!({ "id": user_id }).to_string();
        let auth =
            sign::authenticate_user(&server.key, &server.secret, &self.socket_id, &user_data)
                .unwrap();
        let frame = json!({ "event": "pusher:signin", "data": { "auth": auth.auth, "user_data": user_data } });
        self.ws.send(Message::text(frame.to_string())).unwrap();
        self.next_event("pusher:signin_success");
    }

    /// Read until the server closes the connection; panics if it does not within the read timeout.
    pub fn expect_closed(&mut self) {
        loop {
            match self.ws.read() {
                Ok(Message::Close(_)) => return,
                Ok(_) => continue,
                Err(tungstenite::Error::ConnectionClosed | tungstenite::Error::AlreadyClosed) => {
                    return;
                }
                Err(tungstenite::Error::Protocol(_)) => return,
                Err(tungstenite::Error::Io(e))
                    if e.kind() != std::io::ErrorKind::WouldBlock
                        && e.kind() != std::io::ErrorKind::TimedOut =>
                {
                    return;
                }
                Err(e) => panic!("the connection was not closed: {e}"),
            }
        }
    }

    /// The next frame named `name` (`pusher_internal:member_added`, …); panics on an error
    /// frame or when nothing comes within the read timeout.
    pub fn next_event(&mut self, name: &str) -> Value {
        loop {
            let msg = self.ws.read().expect("websocket read");
            if let Message::Text(text) = msg {
                let frame: Value = serde_json::from_str(&text).unwrap();
                if frame["event"] == name {
                    return frame;
                }
                assert_ne!(frame["event"], "pusher:error", "{frame}");
                assert_ne!(frame["event"], "pusher:subscription_error", "{frame}");
            }
        }
    }

    /// Subscribe and wait for the server to confirm. Private and presence channels
    /// are signed with the server's secret; presence uses `user_id`.
    pub fn subscribe(&mut self, server: &Server, channel: &str, user_id: Option<&str>) {
        if !(channel.starts_with("private-") || channel.starts_with("presence-")) {
            let frame = json!({ "event": "pusher:subscribe", "data": { "channel": channel } });
            self.ws.send(Message::text(frame.to_string())).unwrap();
            self.next_event("pusher_internal:subscription_succeeded");
            return;
        }
        let channel_data = user_id.map(|id| json!({ "user_id": id }).to_string());
        let auth = sign::authorize_channel(
            &server.key,
            &server.secret,
            &self.socket_id,
            channel,
            channel_data.as_deref(),
            None,
        )
        .unwrap();
        self.subscribe_with(channel, &auth.auth, channel_data.as_deref());
    }

    /// Subscribe with a given auth value and wait for the server to confirm.
    pub fn subscribe_with(&mut self, channel: &str, auth: &str, channel_data: Option<&str>) {
        let mut data = json!({ "channel": channel, "auth": auth });
        if let Some(cd) = channel_data {
            data["channel_data"] = json!(cd);
        }
        let frame = json!({ "event": "pusher:subscribe", "data": data });
        self.ws.send(Message::text(frame.to_string())).unwrap();
        self.next_event("pusher_internal:subscription_succeeded");
    }
}

/// `config init NAME --check` for `server`'s app on 127.0.0.1, with `flags` (port, TLS,
/// CA), the secret given on stdin; its exit code and stderr. The secret is never shown.
pub fn config_init_check(
    env: &TestEnv,
    server: &Server,
    name: &str,
    flags: &[&str],
) -> (Option<i32>, String) {
    let out = env
        .rtctl()
        .args(["config", "init", name, "--host", "127.0.0.1"])
        .args(flags)
        .args(["--app-id", &server.app_id, "--key", &server.key])
        .args(["--secret-stdin", "--check"])
        .write_stdin(format!("{}\n", server.secret))
        .output()
        .unwrap();
    let (stdout, stderr) = output_text(&out);
    assert!(
        !stdout.contains(&server.secret) && !stderr.contains(&server.secret),
        "{stderr}"
    );
    (out.status.code(), stderr)
}

/// A TCP listener that accepts connections and never answers: for timeouts.
pub fn silent_listener() -> (TcpListener, u16) {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    (l, port)
}

/// Write a file into a directory, returning its path.
pub fn write_file(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    let mut f = std::fs::File::create(&p).unwrap();
    f.write_all(text.as_bytes()).unwrap();
    p
}

/// Run `attempt` until it returns `Some`, for up to 10 seconds. sockudo caches
/// `GET /channels` answers for 2 s per (app, prefix, info), so a listing taken just
/// before a subscription can be served again just after it.
pub fn eventually<T>(what: &str, mut attempt: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(v) = attempt() {
            return v;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "never happened: {what}"
        );
        std::thread::sleep(Duration::from_millis(250));
    }
}

// ---------------------------------------------------------------- webhooks (issue 5)

impl Server {
    /// Start sockudo from a JSON config file whose one app (`key`, `secret`) posts every
    /// kind of webhook to `webhook_url`. sockudo sends webhooks only with a config file
    /// and an in-memory queue, and no SOCKUDO_DEFAULT_APP_* variable may be set: any of
    /// them replaces the file's apps.
    pub fn start_with_webhooks(key: &str, secret: &str, webhook_url: &str) -> Server {
        let n = SERVERS.fetch_add(1, Ordering::SeqCst);
        let app_id = format!("app-{}-{n}", std::process::id());
        let config = json!({
            "queue": { "driver": "memory" },
            "app_manager": { "driver": "memory", "array": { "apps": [{
                "id": app_id, "key": key, "secret": secret, "enabled": true,
                "max_connections": 1000,
                "enable_client_messages": true,
                "max_client_events_per_second": 100,
                "webhooks": [{
                    "url": webhook_url,
                    "event_types": ["channel_occupied", "channel_vacated", "member_added",
                                    "member_removed", "client_event"],
                }],
            }]}},
        });
        let text = config.to_string();
        Self::launch(
            &app_id,
            key,
            secret,
            |dir| {
                let file = dir.join("sockudo.json");
                std::fs::write(&file, &text).unwrap();
                vec![PathBuf::from("--config"), file]
            },
            Vec::new(),
            None,
        )
    }
}

impl Subscriber {
    /// Send a client event (`client-…`) on a private or presence channel this connection joined.
    pub fn client_event(&mut self, channel: &str, event: &str, data: &Value) {
        let frame = json!({ "event": event, "channel": channel, "data": data });
        self.ws.send(Message::text(frame.to_string())).unwrap();
    }

    /// Close the connection with a close frame, as a browser leaving does.
    pub fn close(mut self) {
        let _ = self.ws.close(None);
        let _ = self.ws.flush();
        while self.ws.read().is_ok() {}
    }
}

// ---------------------------------------------------------------- long-running runs (tail)

/// A background rtctl whose stdout lines arrive as they are written.
pub struct Running {
    child: Child,
    lines: std::sync::mpsc::Receiver<String>,
    stderr: std::sync::Arc<std::sync::Mutex<String>>,
    /// Says nothing, and disconnects once stderr has been read to its end.
    stderr_read: std::sync::mpsc::Receiver<()>,
    /// Every stdout line read so far.
    pub seen: Vec<String>,
}

/// How long a test waits for a line before failing.
pub const WAIT: Duration = Duration::from_secs(20);

impl Running {
    /// Start `cmd` (stdio is piped here) in the background.
    pub fn start(mut cmd: Command) -> Running {
        use std::io::{BufRead as _, Read as _};
        cmd.stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("start rtctl");
        let stdout = child.stdout.take().unwrap();
        let mut stderr_pipe = child.stderr.take().unwrap();
        let (tx, lines) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let stderr = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let sink = std::sync::Arc::clone(&stderr);
        let (read_to_end, stderr_read) = std::sync::mpsc::channel::<()>();
        std::thread::spawn(move || {
            let _read_to_end = read_to_end;
            let mut buf = [0u8; 4096];
            while let Ok(n) = stderr_pipe.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        Running {
            child,
            lines,
            stderr,
            stderr_read,
            seen: Vec::new(),
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Write a line to its stdin.
    pub fn send_line(&mut self, line: &str) {
        let stdin = self.child.stdin.as_mut().expect("stdin");
        writeln!(stdin, "{line}").unwrap();
        stdin.flush().unwrap();
    }

    /// The next stdout line matching `pred`, within `WAIT`; panics with what was seen.
    pub fn line(&mut self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        while let Some(left) = WAIT.checked_sub(start.elapsed()) {
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    if pred(&line) {
                        return line;
                    }
                }
                Err(_) => break,
            }
        }
        panic!(
            "never saw {what}\nstdout so far:\n{}\nstderr:\n{}",
            self.seen.join("\n"),
            self.stderr()
        );
    }

    /// The next JSON record matching `pred` (for `--json` runs).
    pub fn record(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        let line = self.line(what, |l| {
            serde_json::from_str::<Value>(l).is_ok_and(|v| pred(&v))
        });
        serde_json::from_str(&line).unwrap()
    }

    /// The next record of `type` (and, when given, on `channel`).
    pub fn record_of(&mut self, kind: &str, channel: Option<&str>) -> Value {
        self.record(&format!("a {kind} record on {channel:?}"), |v| {
            v["type"] == kind && channel.is_none_or(|c| v["channel"] == c)
        })
    }

    /// Send SIGINT, as Ctrl-C does.
    pub fn interrupt(&self) {
        let status = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// Send SIGTERM, as `timeout`, CI cancellation and `docker stop` do.
    pub fn terminate(&self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// Wait for it to exit (within `WAIT`), its stdin still open as a terminal's would
    /// be; its exit code, remaining stdout and stderr. Its end shows as both its output
    /// pipes closing: then every line has been read, and its status is there to take.
    pub fn finish(self) -> (Option<i32>, Vec<String>, String) {
        self.finish_within(WAIT)
    }

    /// `finish`, for a run expected to go on: it fails as hung past `limit` from now.
    pub fn finish_within(mut self, limit: Duration) -> (Option<i32>, Vec<String>, String) {
        use std::sync::mpsc::RecvTimeoutError::Disconnected;
        let deadline = Instant::now() + limit;
        let left = || deadline.saturating_duration_since(Instant::now());
        let stdout_closed = loop {
            match self.lines.recv_timeout(left()) {
                Ok(line) => self.seen.push(line),
                Err(e) => break e == Disconnected,
            }
        };
        let stderr_closed = self.stderr_read.recv_timeout(left()) == Err(Disconnected);
        let status = if stdout_closed && stderr_closed {
            self.child.wait().unwrap()
        } else if let Some(status) = self.child.try_wait().unwrap() {
            // Ended, though something it started still holds its output open.
            status
        } else {
            let _ = self.child.kill();
            panic!(
                "rtctl did not exit\nstdout:\n{}\nstderr:\n{}",
                self.seen.join("\n"),
                self.stderr()
            );
        };
        let stderr = self.stderr();
        (status.code(), std::mem::take(&mut self.seen), stderr)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

// ---------------------------------------------------------------- what a URL receives (issue 10)

/// An HTTP endpoint that answers every request with `status` and `body` (JSON) and hands
/// on each request's head (request line and headers, as sent): for proving what rtctl
/// sent where, credentials included.
pub fn recorder(
    status: &'static str,
    body: &'static str,
) -> (u16, std::sync::mpsc::Receiver<String>) {
    use std::io::Read as _;
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut req = Vec::new();
            let mut buf = [0u8; 4096];
            let head_end = loop {
                let n = stream.read(&mut buf).unwrap_or(0);
                if n == 0 {
                    break None;
                }
                req.extend_from_slice(&buf[..n]);
                if let Some(i) = req.windows(4).position(|w| w == b"\r\n\r\n") {
                    break Some(i + 4);
                }
            };
            let Some(end) = head_end else { continue };
            let head = String::from_utf8_lossy(&req[..end]).into_owned();
            let len: usize = head
                .lines()
                .find_map(|l| {
                    l.to_ascii_lowercase()
                        .strip_prefix("content-length:")
                        .map(|v| v.trim().to_owned())
                })
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            while req.len() < end + len {
                let n = stream.read(&mut buf).unwrap_or(0);
                if n == 0 {
                    break;
                }
                req.extend_from_slice(&buf[..n]);
            }
            // Handed on before the answer, so it is there once rtctl has its answer.
            let _ = tx.send(head);
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    (port, rx)
}

/// Whether process `pid` has ended (gone, or a zombie waiting to be reaped).
pub fn process_ended(pid: &str) -> bool {
    match std::fs::read_to_string(format!("/proc/{}/stat", pid.trim())) {
        Err(_) => true,
        Ok(stat) => stat
            .rsplit_once(')')
            .is_some_and(|(_, rest)| rest.trim_start().starts_with('Z')),
    }
}
