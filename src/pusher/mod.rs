//! The Pusher Channels protocol core: pure functions for signing, names, events,
//! frames, close codes, encrypted payloads and webhooks, and one state machine,
//! `session::Session`, that is told what arrived and answers what to send.
//!
//! No I/O, no clock, no randomness: timestamps, nonces and jitter are parameters, so
//! every command and every test can use it, and a transcript of frames is a unit test.

pub mod backoff;
pub mod close;
pub mod crypto;
pub mod data;
pub mod event;
pub mod frame;
pub mod names;
pub mod occupancy;
pub mod reconnect;
pub mod rest;
pub mod retry;
pub mod session;
pub mod sign;
pub mod webhook;

pub use crypto::MasterKey;
pub use names::ChannelKind;
