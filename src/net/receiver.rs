//! A small HTTP/1.1 receiver (hyper) for `webhook listen`: every request is read whole
//! and handed to the consumer as it arrives, each with its own way back to its sender,
//! so the consumer may answer them in any order and several at once.
//!
//! What a sender can hold is bounded: the body's size, the time to send the headers and
//! the body, and the number of connections open at once.

use std::convert::Infallible;
use std::io::ErrorKind;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use http_body_util::{BodyExt as _, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::{Semaphore, mpsc, oneshot, watch};
use tokio::task::{JoinHandle, JoinSet};

use crate::error::{CliError, Kind};

/// The largest body read; Pusher's webhooks are a few KB.
pub const MAX_BODY: usize = 1024 * 1024;

/// How long a sender may take over a request's headers (also the idle time allowed on
/// a kept-alive connection) and, separately, over its body.
pub const READ_TIMEOUT: Duration = Duration::from_secs(15);

/// Connections open at once; more wait in the kernel's backlog.
pub const MAX_CONNECTIONS: usize = 256;

/// The pause after a failed accept (out of file descriptors, say), so it cannot spin.
const ACCEPT_PAUSE: Duration = Duration::from_millis(100);

/// A request as received.
#[derive(Debug)]
pub struct Received {
    pub method: String,
    pub path: String,
    /// Header names lowercased; values that are not UTF-8 are shown lossily.
    pub headers: Vec<(String, String)>,
    pub body: Bytes,
    pub peer: SocketAddr,
}

impl Received {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// What to answer.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub body: String,
}

/// A request waiting for its answer.
pub struct Pending {
    request: Received,
    reply: oneshot::Sender<Answer>,
}

impl Pending {
    pub fn request(&self) -> &Received {
        &self.request
    }

    /// Answer the sender; the request stays the caller's.
    pub fn answer(self, answer: Answer) -> Received {
        // The sender may have gone away; there is no one left to tell.
        let _ = self.reply.send(answer);
        self.request
    }
}

/// A bound listener, not yet serving.
pub struct Receiver {
    listener: TcpListener,
}

/// Bind `addr` (`HOST:PORT`), saying plainly when the port is taken.
pub async fn bind(addr: &str) -> Result<Receiver, CliError> {
    match TcpListener::bind(addr).await {
        Ok(listener) => Ok(Receiver { listener }),
        Err(e) => Err(bind_error(addr, &e)),
    }
}

fn bind_error(addr: &str, e: &std::io::Error) -> CliError {
    let port = addr.rsplit(':').next().unwrap_or(addr);
    match e.kind() {
        ErrorKind::AddrInUse => CliError::new(
            Kind::Network,
            format!("cannot listen on {addr}: the port is already in use"),
        )
        .hint(format!(
            "another program listens there (`ss -ltnp 'sport = :{port}'` shows which); choose another port with --bind"
        )),
        ErrorKind::PermissionDenied => CliError::new(
            Kind::Network,
            format!("cannot listen on {addr}: permission denied"),
        )
        .hint("ports below 1024 need privileges; choose a port from 1024 up with --bind"),
        ErrorKind::AddrNotAvailable => CliError::new(
            Kind::Network,
            format!("cannot listen on {addr}: that address is not one of this machine's"),
        )
        .hint("use 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)"),
        _ => CliError::new(Kind::Network, format!("cannot listen on {addr}: {e}"))
            .hint("check the address given with --bind"),
    }
}

impl Receiver {
    pub fn local_addr(&self) -> Result<SocketAddr, CliError> {
        self.listener.local_addr().map_err(|e| {
            CliError::new(Kind::Network, format!("cannot read the bound address: {e}"))
        })
    }

    /// Accept connections until stopped; each request arrives on the returned channel
    /// and waits there for its answer.
    pub fn serve(self) -> (mpsc::Receiver<Pending>, Serving) {
        let (tx, rx) = mpsc::channel(64);
        let (stop, stopped) = watch::channel(false);
        let task = tokio::spawn(accept_loop(self.listener, tx, stopped));
        (rx, Serving { stop, task })
    }
}

/// A receiver at work.
pub struct Serving {
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl Serving {
    /// Stop accepting, let the requests under way be answered (the consumer keeps
    /// taking them meanwhile) and reach their senders, and close every connection; a
    /// connection still busy after `grace` is dropped.
    pub async fn stop(self, grace: Duration) {
        let _ = self.stop.send(true);
        let mut task = self.task;
        if tokio::time::timeout(grace, &mut task).await.is_err() {
            task.abort();
        }
    }
}

async fn accept_loop(
    listener: TcpListener,
    tx: mpsc::Sender<Pending>,
    mut stopped: watch::Receiver<bool>,
) {
    let mut connections = JoinSet::new();
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    loop {
        let slot = tokio::select! {
            s = Arc::clone(&slots).acquire_owned() => match s {
                Ok(s) => s,
                Err(_) => break,
            },
            _ = stopped.changed() => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(_) => {
                    tokio::time::sleep(ACCEPT_PAUSE).await;
                    continue;
                }
            },
            _ = stopped.changed() => break,
        };
        while connections.try_join_next().is_some() {}
        let tx = tx.clone();
        let mut stop = stopped.clone();
        connections.spawn(async move {
            let _slot = slot;
            let service = service_fn(move |req| handle(req, peer, tx.clone()));
            let conn = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(READ_TIMEOUT)
                .serve_connection(TokioIo::new(stream), service);
            tokio::pin!(conn);
            // A sender that hangs up or speaks bad HTTP only ends its own connection.
            tokio::select! {
                _ = conn.as_mut() => {}
                _ = stop.changed() => {
                    conn.as_mut().graceful_shutdown();
                    let _ = conn.await;
                }
            }
        });
    }
    while connections.join_next().await.is_some() {}
}

async fn handle(
    req: hyper::Request<Incoming>,
    peer: SocketAddr,
    tx: mpsc::Sender<Pending>,
) -> Result<hyper::Response<Full<Bytes>>, Infallible> {
    let method = req.method().to_string();
    let path = req.uri().path().to_owned();
    let headers = req
        .headers()
        .iter()
        .map(|(n, v)| {
            (
                n.as_str().to_owned(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    let reading = Limited::new(req.into_body(), MAX_BODY).collect();
    let body = match tokio::time::timeout(READ_TIMEOUT, reading).await {
        Ok(Ok(b)) => b.to_bytes(),
        Ok(Err(_)) => {
            return Ok(response(
                413,
                format!("the body is over {} KiB\n", MAX_BODY >> 10),
            ));
        }
        Err(_) => {
            return Ok(response(
                408,
                format!(
                    "the body did not arrive within {} s\n",
                    READ_TIMEOUT.as_secs()
                ),
            ));
        }
    };
    let (reply, answer) = oneshot::channel();
    let pending = Pending {
        request: Received {
            method,
            path,
            headers,
            body,
            peer,
        },
        reply,
    };
    if tx.send(pending).await.is_err() {
        return Ok(response(503, "the receiver is shutting down\n".into()));
    }
    Ok(match answer.await {
        Ok(a) => response(a.status, a.body),
        Err(_) => response(503, "the receiver is shutting down\n".into()),
    })
}

fn response(status: u16, body: String) -> hyper::Response<Full<Bytes>> {
    let mut resp = hyper::Response::new(Full::new(Bytes::from(body)));
    *resp.status_mut() =
        hyper::StatusCode::from_u16(status).unwrap_or(hyper::StatusCode::INTERNAL_SERVER_ERROR);
    resp.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    resp
}

#[cfg(test)]
mod tests {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};

    use super::*;

    /// Send `head` and stall; what the receiver answers before it drops us. Time is
    /// paused, so tokio jumps over the wait instead of sleeping through it.
    async fn stall_with(head: &[u8]) -> String {
        let receiver = bind("127.0.0.1:0").await.unwrap();
        let addr = receiver.local_addr().unwrap();
        let (_requests, _serving) = receiver.serve();
        let mut sender = tokio::net::TcpStream::connect(addr).await.unwrap();
        sender.write_all(head).await.unwrap();
        let mut answer = Vec::new();
        let read = sender.read_to_end(&mut answer);
        tokio::time::timeout(READ_TIMEOUT * 4, read)
            .await
            .expect("the receiver kept a stalled sender")
            .unwrap();
        String::from_utf8_lossy(&answer).into_owned()
    }

    #[tokio::test(start_paused = true)]
    async fn a_body_that_stops_coming_is_answered_408() {
        let answer =
            stall_with(b"POST /w HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"time").await;
        assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    }

    #[tokio::test(start_paused = true)]
    async fn headers_that_stop_coming_end_the_connection() {
        stall_with(b"POST /w HTTP/1.1\r\nHost: x\r\nX-Pusher-").await;
    }

    #[tokio::test(start_paused = true)]
    async fn a_connection_that_says_nothing_is_let_go() {
        stall_with(b"").await;
    }

    const REQUEST: &[u8] = b"POST /w HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}";

    /// A sender whose request has reached the consumer: it holds a slot until it goes.
    async fn served(
        addr: SocketAddr,
        requests: &mut mpsc::Receiver<Pending>,
    ) -> (tokio::net::TcpStream, Pending) {
        let mut sender = tokio::net::TcpStream::connect(addr).await.unwrap();
        sender.write_all(REQUEST).await.unwrap();
        (
            sender,
            next_request(requests, "a request with slots free").await,
        )
    }

    /// The next request served; a hang guard far beyond every timeout of the receiver's
    /// (time is paused: a wait that nothing else ends is jumped over, not slept).
    async fn next_request(requests: &mut mpsc::Receiver<Pending>, what: &str) -> Pending {
        match tokio::time::timeout(READ_TIMEOUT * 4, requests.recv()).await {
            Ok(Some(pending)) => pending,
            _ => panic!("never served: {what}"),
        }
    }

    /// Answer a request 200, read the answer's status line, and hang up.
    async fn answer_and_hang_up((mut sender, pending): (tokio::net::TcpStream, Pending)) {
        pending.answer(Answer {
            status: 200,
            body: "ok".into(),
        });
        let mut answer = Vec::new();
        let mut buf = [0u8; 256];
        while !answer.windows(2).any(|w| w == b"\r\n") {
            let n = sender.read(&mut buf).await.unwrap();
            assert_ne!(n, 0, "no answer: {}", String::from_utf8_lossy(&answer));
            answer.extend_from_slice(&buf[..n]);
        }
        assert!(answer.starts_with(b"HTTP/1.1 200"), "{answer:?}");
    }

    /// Nothing is served meanwhile: the next request waits in the backlog. Time is
    /// paused, so tokio jumps to the end of the wait once every task is waiting.
    async fn nothing_served(requests: &mut mpsc::Receiver<Pending>) {
        let waited = tokio::time::timeout(READ_TIMEOUT / 2, requests.recv()).await;
        assert!(
            waited.is_err(),
            "a request was served with every slot taken"
        );
    }

    /// With every slot taken, the next sender is served once one sender hangs up (at
    /// once) and once one that says nothing is let go (at READ_TIMEOUT).
    #[tokio::test(start_paused = true)]
    async fn a_sender_that_hangs_up_or_says_nothing_gives_its_slot_back() {
        let receiver = bind("127.0.0.1:0").await.unwrap();
        let addr = receiver.local_addr().unwrap();
        let (mut requests, _serving) = receiver.serve();
        let mut held = Vec::new();
        for _ in 0..MAX_CONNECTIONS {
            held.push(served(addr, &mut requests).await);
        }

        // The 257th waits until one of the 256 has its answer and hangs up.
        let mut next = tokio::net::TcpStream::connect(addr).await.unwrap();
        next.write_all(REQUEST).await.unwrap();
        nothing_served(&mut requests).await;
        let hung_up = tokio::time::Instant::now();
        answer_and_hang_up(held.pop().unwrap()).await;
        let pending = next_request(&mut requests, "the 257th, after a hang-up").await;
        assert!(
            hung_up.elapsed() < READ_TIMEOUT,
            "the slot came back with the idle timeout, not the hang-up"
        );
        answer_and_hang_up((next, pending)).await;

        // The free slot goes to a sender that says nothing; the next waits until the
        // silent one is let go.
        let mut silent = tokio::net::TcpStream::connect(addr).await.unwrap();
        let mut next = tokio::net::TcpStream::connect(addr).await.unwrap();
        next.write_all(REQUEST).await.unwrap();
        nothing_served(&mut requests).await;
        let pending = next_request(&mut requests, "the 258th, after the silent one").await;
        let mut said = Vec::new();
        let let_go = tokio::time::timeout(READ_TIMEOUT, silent.read_to_end(&mut said)).await;
        assert!(let_go.is_ok(), "the silent sender still holds a connection");
        answer_and_hang_up((next, pending)).await;
    }

    #[tokio::test(start_paused = true)]
    async fn a_body_over_the_limit_is_answered_413() {
        let mut request = format!(
            "POST /w HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\n\r\n",
            MAX_BODY + 1
        )
        .into_bytes();
        request.resize(request.len() + MAX_BODY + 1, b' ');
        let answer = stall_with(&request).await;
        assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    }

    #[tokio::test]
    async fn a_taken_port_is_said_plainly() {
        let first = bind("127.0.0.1:0").await.unwrap();
        let addr = first.local_addr().unwrap().to_string();
        let Err(e) = bind(&addr).await else {
            panic!("bound a port twice");
        };
        assert_eq!(e.kind, Kind::Network);
        assert!(e.message.contains("already in use"), "{}", e.message);
        assert!(e.hints[0].contains("--bind"), "{:?}", e.hints);
    }
}
