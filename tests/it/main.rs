//! The integration tests, in one test binary: the real rtctl against real sockudo
//! servers, and against scripted ones for the faults a real server will not produce.
//! Each module was once its own binary, which compiled `common` and linked every
//! dependency again; `cargo test --test it tail::` runs one module (see tests/README.md).

mod common;

mod bench;
mod cli;
mod complete;
mod doctor;
mod escaping;
mod extremes;
mod faults;
mod official;
mod probe;
mod proxy_faults;
mod secrets;
mod server;
mod tail;
mod tls;
mod trigger;
mod watch;
mod webhook;
