//! A fault-injecting TCP proxy on a free loopback port, in front of a real server:
//! rtctl's profile points at the proxy, the proxy forwards to the server, and the test
//! switches, at any moment, what each connection suffers (`Fault`).
//!
//! A thread accepts, and one thread a connection moves its bytes both ways on
//! non-blocking sockets, so a fault takes effect at once whatever the connection is
//! doing, a reset is a real RST, and a stall holds both sockets open without reading
//! (the sender's buffers fill, as behind a hung middlebox). Every thread ends, and
//! every socket closes, when the proxy is dropped.

use std::collections::VecDeque;
use std::io::{ErrorKind, Read as _, Write as _};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What a connection suffers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Bytes pass both ways as they come.
    Pass,
    /// Each chunk read is held this long before it is passed on, both ways.
    Delay(Duration),
    /// Nothing passes either way and nothing is read; both sockets stay open.
    Stall,
    /// Pass `after` more bytes of the server's stream and, when more would follow,
    /// close both sides instead, with a reset (RST) to the client when `reset`: a
    /// message cut off inside its frame. The client's bytes pass.
    Cut { after: usize, reset: bool },
    /// Reset the client's connection (RST: SO_LINGER 0) and close the server's.
    Reset,
    /// Read and discard what the client sends; the server's bytes pass.
    DropUp,
    /// Read and discard what the server sends; the client's bytes pass.
    DropDown,
    /// Pass one byte at a time, this long apart, both ways.
    Trickle(Duration),
    /// For a new connection: accept it and never connect to the server, so nothing is
    /// ever answered (a WebSocket upgrade included). For an open one: as `Stall`.
    Unanswered,
}

/// How long an idle connection thread sleeps before looking again.
const IDLE: Duration = Duration::from_millis(2);

/// The most a direction holds read and not yet passed on: past it, reading waits.
const HELD_MAX: usize = 256 * 1024;

struct Shared {
    target: SocketAddr,
    /// What new connections get.
    default: Mutex<Fault>,
    /// Each connection's fault, in the order they were accepted.
    faults: Mutex<Vec<Arc<Mutex<Fault>>>>,
    /// Bytes read from clients, over every connection.
    received: AtomicU64,
    closing: AtomicBool,
}

/// The proxy; it stops, closing every connection, when dropped.
pub struct Proxy {
    pub port: u16,
    shared: Arc<Shared>,
}

impl Proxy {
    /// Forward to `127.0.0.1:target_port`, new connections passing.
    pub fn start(target_port: u16) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        listener.set_nonblocking(true).unwrap();
        let shared = Arc::new(Shared {
            target: SocketAddr::from(([127, 0, 0, 1], target_port)),
            default: Mutex::new(Fault::Pass),
            faults: Mutex::new(Vec::new()),
            received: AtomicU64::new(0),
            closing: AtomicBool::new(false),
        });
        let sh = Arc::clone(&shared);
        std::thread::spawn(move || accept_loop(&listener, &sh));
        Proxy { port, shared }
    }

    /// What connections accepted from now on get.
    pub fn set_default(&self, fault: Fault) {
        *self.shared.default.lock().unwrap() = fault;
    }

    /// Give every connection accepted so far `fault` (those closed ignore it).
    pub fn fault_open(&self, fault: Fault) {
        for f in self.shared.faults.lock().unwrap().iter() {
            *f.lock().unwrap() = fault;
        }
    }

    /// Connections accepted so far.
    pub fn accepted(&self) -> usize {
        self.shared.faults.lock().unwrap().len()
    }

    /// Give the `n`th connection accepted (counting from 0) `fault`.
    pub fn fault_conn(&self, n: usize, fault: Fault) {
        *self.shared.faults.lock().unwrap()[n].lock().unwrap() = fault;
    }

    /// Bytes read from clients so far, over every connection.
    pub fn received(&self) -> u64 {
        self.shared.received.load(Ordering::SeqCst)
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.shared.closing.store(true, Ordering::SeqCst);
    }
}

fn accept_loop(listener: &TcpListener, shared: &Arc<Shared>) {
    while !shared.closing.load(Ordering::SeqCst) {
        match listener.accept() {
            Ok((client, _)) => {
                let fault = Arc::new(Mutex::new(*shared.default.lock().unwrap()));
                shared.faults.lock().unwrap().push(Arc::clone(&fault));
                let sh = Arc::clone(shared);
                std::thread::spawn(move || connection(client, &fault, &sh));
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock => std::thread::sleep(IDLE),
            Err(_) => std::thread::sleep(IDLE),
        }
    }
}

/// One direction's bytes, read and not yet passed on.
#[derive(Default)]
struct Held {
    /// Chunks as read, with when each was read.
    chunks: VecDeque<(Instant, Vec<u8>)>,
    len: usize,
    /// The reading side closed its end.
    eof: bool,
    /// The writing side has been told (its write half shut) once everything passed.
    shut: bool,
    /// When the last trickled byte went.
    last_byte: Option<Instant>,
}

/// What one step of a direction came to.
enum Step {
    Idle,
    Moved,
    /// The connection is over: close both sides.
    Over,
    /// The connection is over: reset the client's side, close the server's.
    Reset,
}

fn connection(client: TcpStream, fault: &Mutex<Fault>, shared: &Shared) {
    let current = || *fault.lock().unwrap();
    if current() == Fault::Unanswered {
        // Held open, silent, until the proxy goes.
        while !shared.closing.load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(20));
        }
        return;
    }
    let Ok(server) = TcpStream::connect_timeout(&shared.target, Duration::from_secs(2)) else {
        // No server (a restart): the client sees its connection closed.
        return;
    };
    for s in [&client, &server] {
        s.set_nonblocking(true).unwrap();
        let _ = s.set_nodelay(true);
    }
    let (mut up, mut down) = (Held::default(), Held::default());
    while !shared.closing.load(Ordering::SeqCst) {
        let steps = if current() == Fault::Reset {
            [Step::Reset, Step::Idle]
        } else {
            [
                step(&client, &server, &mut up, fault, false, shared),
                step(&server, &client, &mut down, fault, true, shared),
            ]
        };
        if steps.iter().any(|s| matches!(s, Step::Reset)) {
            // Dropping the sockets closes them: with SO_LINGER 0, the client's by RST.
            let _ = socket2::SockRef::from(&client).set_linger(Some(Duration::ZERO));
            return;
        }
        if steps.iter().any(|s| matches!(s, Step::Over)) {
            break;
        }
        // Both directions closed and passed on: the connection ended normally.
        if up.shut && down.shut {
            break;
        }
        if steps.iter().all(|s| matches!(s, Step::Idle)) {
            std::thread::sleep(IDLE);
        }
    }
    for s in [&client, &server] {
        let _ = s.shutdown(Shutdown::Both);
    }
}

/// Read what `from` has (when the fault lets it) and pass on to `to` what the fault lets
/// through. `down` is the server's direction; a cut counts down in `fault_now`.
fn step(
    mut from: &TcpStream,
    mut to: &TcpStream,
    held: &mut Held,
    fault_now: &Mutex<Fault>,
    down: bool,
    shared: &Shared,
) -> Step {
    let fault = *fault_now.lock().unwrap();
    if matches!(fault, Fault::Stall | Fault::Unanswered) {
        return Step::Idle;
    }
    let mut moved = false;
    if !held.eof && held.len < HELD_MAX {
        let mut buf = [0u8; 16 * 1024];
        match from.read(&mut buf) {
            Ok(0) => held.eof = true,
            Ok(n) => {
                moved = true;
                if !down {
                    shared.received.fetch_add(n as u64, Ordering::SeqCst);
                }
                let discard = matches!(
                    (fault, down),
                    (Fault::DropUp, false) | (Fault::DropDown, true)
                );
                if !discard {
                    held.len += n;
                    held.chunks.push_back((Instant::now(), buf[..n].to_vec()));
                }
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock => {}
            Err(_) => return Step::Over,
        }
    }
    while let Some((at, chunk)) = held.chunks.front_mut() {
        let mut allowed = chunk.len();
        match fault {
            Fault::Delay(d) if at.elapsed() < d => break,
            Fault::Trickle(d) => {
                if held.last_byte.is_some_and(|t| t.elapsed() < d) {
                    break;
                }
                allowed = 1;
            }
            Fault::Cut { after, reset } if down => {
                if after == 0 {
                    return if reset { Step::Reset } else { Step::Over };
                }
                allowed = allowed.min(after);
            }
            _ => {}
        }
        match to.write(&chunk[..allowed]) {
            Ok(n) => {
                moved = true;
                chunk.drain(..n);
                held.len -= n;
                if chunk.is_empty() {
                    held.chunks.pop_front();
                }
                if let Fault::Trickle(_) = fault {
                    held.last_byte = Some(Instant::now());
                }
                if let Fault::Cut { after, reset } = fault
                    && down
                {
                    let mut now = fault_now.lock().unwrap();
                    if *now == fault {
                        *now = Fault::Cut {
                            after: after - n,
                            reset,
                        };
                    }
                    return Step::Moved;
                }
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock => break,
            Err(_) => return Step::Over,
        }
    }
    if held.eof && held.chunks.is_empty() && !held.shut {
        held.shut = true;
        let _ = to.shutdown(Shutdown::Write);
        moved = true;
    }
    if moved { Step::Moved } else { Step::Idle }
}
