//! The built-in defaults: the `local` profile (a development server on this machine)
//! and the network timeout.

use std::time::Duration;

/// The built-in profile that works against a local server with no config at all.
pub const LOCAL_PROFILE: &str = "local";

/// This machine: where the `local` profile's server is, and where rtctl listens unless
/// told otherwise.
pub const LOOPBACK: &str = "127.0.0.1";

/// The `local` profile's server port (sockudo's and soketi's own default).
pub const LOCAL_PORT: u16 = 6001;

/// The `local` profile's app id, key and secret: the usual development credentials,
/// public by design.
pub const LOCAL_APP_ID: &str = "app-id";
pub const LOCAL_KEY: &str = "app-key";
pub const LOCAL_SECRET: &str = "app-secret";

/// The network timeout when nothing sets `timeout`.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// `host:port` of the `local` profile's server.
pub fn local_server() -> String {
    format!("{LOOPBACK}:{LOCAL_PORT}")
}
