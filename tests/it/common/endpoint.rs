//! An app's auth endpoint as the official server libraries run it, over http or https.

use std::io::{BufRead as _, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::Arc;

use rtctl::pusher::sign;
use serde_json::{Value, json};

use super::Server;

/// One HTTP request's lines (the request line lowercased, then each header with its
/// name lowercased and its value as sent) and its body.
pub fn read_request(stream: &mut impl Read) -> (Vec<String>, String) {
    let mut reader = BufReader::new(stream);
    let mut headers: Vec<String> = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        let line = line.trim();
        headers.push(match line.split_once(':') {
            Some((name, value)) if !headers.is_empty() => {
                format!("{}:{value}", name.to_ascii_lowercase())
            }
            _ => line.to_ascii_lowercase(),
        });
    }
    let len: usize = headers
        .iter()
        .find_map(|h| h.strip_prefix("content-length: "))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; len];
    reader.read_exact(&mut body).unwrap();
    (headers, String::from_utf8(body).unwrap())
}

/// The answer an app's endpoint gives to an authorization request (`body`, a form or
/// JSON), signed with the app secret as the official server libraries sign.
pub fn endpoint_answer(
    (key, secret): (&str, &str),
    master: Option<&rtctl::pusher::MasterKey>,
    body: &str,
) -> String {
    let (socket_id, channel) = if body.starts_with('{') {
        let v: Value = serde_json::from_str(body).unwrap();
        (
            v["socket_id"].as_str().unwrap().to_owned(),
            v["channel_name"].as_str().unwrap().to_owned(),
        )
    } else {
        let field = |name: &str| {
            body.split('&')
                .find_map(|kv| kv.strip_prefix(&format!("{name}=")))
                .map(|v| v.replace("%2D", "-").replace("%2E", "."))
                .unwrap()
        };
        (field("socket_id"), field("channel_name"))
    };
    let channel_data = channel.starts_with("presence-").then(|| {
        json!({"user_id":"endpoint-user","user_info":{"name":"From endpoint"}}).to_string()
    });
    let auth = sign::authorize_channel(
        key,
        secret,
        &socket_id,
        &channel,
        channel_data.as_deref(),
        master,
    )
    .unwrap();
    let text = sign::to_endpoint_json(&auth);
    format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{text}",
        text.len()
    )
}

/// An app's auth endpoint, as the official server libraries answer: it checks the
/// bearer token, reads a form or JSON body, and signs with the app secret. With `tls`
/// it serves https with that certificate. Hands on each request's body.
pub fn auth_endpoint(
    server: &Server,
    token: &'static str,
    master_key: Option<&str>,
    tls: Option<Arc<rustls::ServerConfig>>,
) -> (String, std::sync::mpsc::Receiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let scheme = if tls.is_some() { "https" } else { "http" };
    let url = format!("{scheme}://{}/pusher/auth", listener.local_addr().unwrap());
    let (key, secret) = (server.key.clone(), server.secret.clone());
    let master = master_key.map(|k| rtctl::pusher::MasterKey::from_base64(k).unwrap());
    let (tx, bodies) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for tcp in listener.incoming() {
            let Ok(tcp) = tcp else { continue };
            let mut stream: Box<dyn ReadWrite> = match &tls {
                Some(config) => {
                    let conn = rustls::ServerConnection::new(Arc::clone(config)).unwrap();
                    Box::new(rustls::StreamOwned::new(conn, tcp))
                }
                None => Box::new(tcp),
            };
            let (headers, body) = read_request(&mut stream);
            let _ = tx.send(body.clone());
            let authorized = headers
                .iter()
                .any(|h| h.eq_ignore_ascii_case(&format!("authorization: bearer {token}")));
            let reply = if authorized {
                endpoint_answer((&key, &secret), master.as_ref(), &body)
            } else {
                "HTTP/1.1 403 Forbidden\r\ncontent-length: 9\r\nconnection: close\r\n\r\nforbidden"
                    .to_owned()
            };
            let _ = stream.write_all(reply.as_bytes());
            let _ = stream.flush();
        }
    });
    (url, bodies)
}

trait ReadWrite: Read + Write {}
impl<T: Read + Write> ReadWrite for T {}
