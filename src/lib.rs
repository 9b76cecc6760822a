//! rtctl: operate and debug realtime channels that speak the Pusher Channels protocol.

pub mod config;
pub mod pusher;
