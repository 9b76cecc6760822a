//! Webhooks: the signed bodies a server posts to an app (`{"time_ms":…,"events":[…]}`).

mod event;

pub use event::*;
