//! The only network code.

pub mod http;
pub mod receiver;
