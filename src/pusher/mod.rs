//! The Pusher Channels protocol core: pure functions only.
//!
//! No I/O, no clock, no randomness: timestamps and keys are parameters, so every
//! later command (trigger, tail, webhook, doctor, probe) and every test can use it.

pub mod backoff;
pub mod close;
pub mod crypto;
pub mod event;
pub mod frame;
pub mod names;
pub mod reconnect;
pub mod rest;
pub mod retry;
pub mod session;
pub mod sign;
pub mod webhook;

pub use crypto::MasterKey;
pub use names::ChannelKind;
