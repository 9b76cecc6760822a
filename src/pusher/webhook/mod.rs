//! Webhooks: the signed bodies a server posts to an app (`{"time_ms":…,"events":[…]}`),
//! built as fixtures, checked event by event, and verified against their signature.
//!
//! Pure: the time and a fixture's defaults are parameters (the platform's are in
//! `catalog::webhook_fixtures`), and the raw bytes are what is signed and checked. A
//! captured HTTP request is read by `net::raw_request`.

mod answer;
mod body;
mod event;
mod fixture;
mod verdict;

pub use answer::Answer;
pub use body::{Body, BodyError, InvalidBody, body, parse, validate, with_time};
pub use event::{CACHE_CHANNEL_PREFIXES, Event, EventError, EventType, Field};
pub use fixture::{Defaults, Spec, event};
pub use verdict::{Verdict, signed_headers, tampered_signature, verify};
