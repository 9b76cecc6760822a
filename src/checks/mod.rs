//! The checks of a profile's realtime setup: every one for `doctor`, the connection
//! ones for `config init --check`. Which exist and which to run (`list`), running them
//! (`run`), what each found and the verdict (`outcome`), and the three ways to show
//! them (`render`); the checks themselves: `offline` (no network), `envfiles` (the app's
//! `.env` files, no network), `network` (DNS, TCP, TLS), `server` (REST, clock, socket,
//! end to end), `channels`, and `app` (the app's own endpoints).

pub mod app;
pub mod channels;
pub mod envfiles;
pub mod list;
pub mod network;
pub mod offline;
pub mod outcome;
pub mod render;
mod run;
pub mod server;

pub use list::Selection;
pub use run::{Given, run};
