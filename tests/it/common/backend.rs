//! A stand-in for the platform's backend on a free loopback port, as its guide
//! describes it: `/pusher/auth` (with CORS preflights), `/realtime/trigger` (which
//! publishes to the test's sockudo), `/pusher/webhook` (which checks signatures) and the
//! legacy `/ws/content`, with a switch for each fault.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use rtctl::pusher::{event::Event, rest, sign};
use serde_json::Value;
use tokio_tungstenite::tungstenite::handshake::derive_accept_key;
use tokio_tungstenite::tungstenite::protocol::{Role, WebSocket};

use super::Server;
use super::endpoint::{endpoint_answer, read_request};

/// The bearer token the auth endpoint wants (a logged-in user's).
pub const USER_TOKEN: &str = "user-token-5e1f";
/// The bearer token `/realtime/trigger` wants (an admin's).
pub const ADMIN_TOKEN: &str = "admin-token-9c2d";

/// What the backend gets wrong.
#[derive(Debug, Clone, Copy, Default)]
pub struct Faults {
    /// `/pusher/auth` signs with another secret.
    pub auth_wrong_secret: bool,
    /// `/pusher/auth` answers 401 to everyone.
    pub auth_refuses: bool,
    /// Preflights get no CORS headers (no CORS for any origin).
    pub no_cors: bool,
    /// `/realtime/trigger` answers 200 without publishing (the development mode).
    pub trigger_mock: bool,
    /// `/pusher/webhook` accepts any signature.
    pub webhook_unverified: bool,
    /// No `/ws/content`: 404.
    pub no_legacy_ws: bool,
}

/// The server's app, as the backend is configured with it.
#[derive(Clone)]
struct App {
    port: u16,
    app_id: String,
    key: String,
    secret: String,
    master: Option<rtctl::pusher::MasterKey>,
}

pub struct Backend {
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    auth_requests: Arc<AtomicUsize>,
}

impl Backend {
    /// Serve `server`'s app with `faults`, a thread a connection.
    pub fn start(server: &Server, faults: Faults) -> Backend {
        Self::start_with(server, faults, None)
    }

    /// `start`, with an encryption master key (base64) for encrypted channels' answers.
    pub fn start_with(server: &Server, faults: Faults, master_key: Option<&str>) -> Backend {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let app = App {
            port: server.port,
            app_id: server.app_id.clone(),
            key: server.key.clone(),
            secret: server.secret.clone(),
            master: master_key.map(|k| rtctl::pusher::MasterKey::from_base64(k).unwrap()),
        };
        let auth_requests = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&auth_requests);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { return };
                let (app, counted) = (app.clone(), Arc::clone(&counted));
                std::thread::spawn(move || serve(stream, &app, faults, &counted));
            }
        });
        Backend { url, auth_requests }
    }

    /// The auth requests (POSTs to `/pusher/auth`) it has answered.
    pub fn auth_requests(&self) -> usize {
        self.auth_requests.load(Ordering::SeqCst)
    }

    /// A profile's lines for this backend's endpoints and tokens.
    pub fn profile_lines(&self) -> String {
        let url = &self.url;
        format!(
            "auth_endpoint = \"{url}/pusher/auth\"\nauth_headers = {{ Authorization = \"Bearer {USER_TOKEN}\" }}\nbackend_url = \"{url}\"\nbackend_token = \"{ADMIN_TOKEN}\"\nwebhook_url = \"{url}/pusher/webhook\"\n"
        )
    }
}

fn answer(status: &str, extra: &str, body: &str) -> String {
    format!(
        "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n{extra}connection: close\r\n\r\n{body}",
        body.len()
    )
}

fn header<'a>(headers: &'a [String], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find_map(|h| h.strip_prefix(&format!("{name}:")))
        .map(str::trim)
}

fn serve(mut stream: TcpStream, app: &App, faults: Faults, auth_requests: &AtomicUsize) {
    let (headers, body) = read_request(&mut stream);
    let line = headers.first().cloned().unwrap_or_default();
    let mut words = line.split_whitespace();
    let (method, path) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let bearer = |token: &str| {
        header(&headers, "authorization").is_some_and(|v| v == format!("Bearer {token}"))
    };
    let reply = match (method, path) {
        ("options", "/pusher/auth") if faults.no_cors => answer(
            "400 Bad Request",
            "",
            r#"{"detail":"Disallowed CORS origin"}"#,
        ),
        ("options", "/pusher/auth") => {
            let origin = header(&headers, "origin").unwrap_or("*");
            answer(
                "200 OK",
                &format!(
                    "access-control-allow-origin: {origin}\r\nvary: Origin\r\naccess-control-allow-methods: POST, OPTIONS\r\naccess-control-allow-headers: Authorization, Content-Type\r\naccess-control-allow-credentials: true\r\n"
                ),
                "",
            )
        }
        ("post", "/pusher/auth") => {
            auth_requests.fetch_add(1, Ordering::SeqCst);
            if faults.auth_refuses || !bearer(USER_TOKEN) {
                answer(
                    "401 Unauthorized",
                    "",
                    r#"{"detail":"Authentication token required"}"#,
                )
            } else {
                let secret = if faults.auth_wrong_secret {
                    "another-apps-secret"
                } else {
                    &app.secret
                };
                endpoint_answer((&app.key, secret), app.master.as_ref(), &body)
            }
        }
        ("post", "/realtime/trigger") if !bearer(ADMIN_TOKEN) => answer(
            "401 Unauthorized",
            "",
            r#"{"detail":"Authentication token required"}"#,
        ),
        ("post", "/realtime/trigger") => {
            if !faults.trigger_mock {
                publish(app, &serde_json::from_str(&body).unwrap());
            }
            answer(
                "200 OK",
                "",
                r#"{"success":true,"message":"Event triggered successfully"}"#,
            )
        }
        ("post", "/pusher/webhook") => {
            let authentic = header(&headers, "x-pusher-key") == Some(app.key.as_str())
                && header(&headers, "x-pusher-signature")
                    .is_some_and(|s| sign::verify_webhook(&app.secret, body.as_bytes(), s));
            if authentic || faults.webhook_unverified {
                answer("200 OK", "", r#"{"status":"ok"}"#)
            } else {
                answer("401 Unauthorized", "", r#"{"detail":"Invalid signature"}"#)
            }
        }
        ("get", "/ws/content") if !faults.no_legacy_ws => {
            let key = header(&headers, "sec-websocket-key").unwrap_or_default();
            let upgrade = format!(
                "HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: Upgrade\r\nsec-websocket-accept: {}\r\n\r\n",
                derive_accept_key(key.as_bytes())
            );
            if stream.write_all(upgrade.as_bytes()).is_ok() {
                let mut ws = WebSocket::from_raw_socket(stream, Role::Server, None);
                // Until the client closes (or goes).
                while ws.read().is_ok() {}
            }
            return;
        }
        _ => answer("404 Not Found", "", r#"{"detail":"Not Found"}"#),
    };
    let _ = stream.write_all(reply.as_bytes());
    let _ = stream.flush();
}

/// Publish the platform's trigger body (`{"channel","event","data"}`) to the app on
/// sockudo with a signed REST call, as the backend's Pusher library does.
fn publish(app: &App, body: &Value) {
    let data = match &body["data"] {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let event = Event {
        name: body["event"].as_str().unwrap().to_owned(),
        data,
        channels: vec![body["channel"].as_str().unwrap().to_owned()],
        socket_id: None,
    };
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let signed = rest::sign(
        rest::trigger(&app.app_id, &event, &[]),
        &app.key,
        &app.secret,
        now,
    )
    .unwrap();
    let payload = signed.body.clone().unwrap_or_default();
    let mut tcp = TcpStream::connect(("127.0.0.1", app.port)).unwrap();
    write!(
        tcp,
        "POST {} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
        signed.path_and_query(),
        payload.len()
    )
    .unwrap();
    tcp.write_all(&payload).unwrap();
    let mut answer = String::new();
    let _ = tcp.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}
