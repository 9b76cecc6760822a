//! The only network code.

pub mod auth;
pub mod http;
pub mod receiver;
pub mod ws;
