//! The only network code.

pub mod http;
