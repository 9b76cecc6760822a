//! Forwarding to the app behind --forward: where forwards go, how many may be in flight
//! or waiting, how each one ended, and the grace the last ones get.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Semaphore;

use crate::net::http::JsonPoster;
use crate::net::receiver::{self, Received};

/// After the requests' grace at the end, how long forwards still waiting for the app get before they are counted as
/// not forwarded.
pub const FORWARD_GRACE: Duration = Duration::from_secs(2);

/// Forwards in flight at once, as a connection pool would allow; more wait their turn.
pub const MAX_FORWARDS_IN_FLIGHT: usize = 16;

/// Forwards waiting or in flight. Past this a request is not forwarded (and its line
/// says so), so an app that never answers cannot make listen hold every body.
pub const MAX_FORWARDS_PENDING: usize = receiver::MAX_CONNECTIONS;

/// What a forward still waiting for the app at the end is told.
pub const ABANDONED: &str =
    "no answer from the app before listen stopped; it may or may not have received the webhook";

/// Where forwards go, and the slots they take turns in.
pub struct Forward {
    pub url: Arc<str>,
    pub poster: Arc<JsonPoster>,
    pub slots: Arc<Semaphore>,
}

/// What happened to one forward.
pub enum ForwardOutcome {
    /// The app answered, with this status.
    Answered(u16),
    /// No answer: why.
    Failed(String),
    /// Still waiting for the app when listen stopped.
    Abandoned,
}

impl ForwardOutcome {
    pub fn word(&self) -> &'static str {
        match self {
            Self::Answered(_) => "answered",
            Self::Failed(_) => "failed",
            Self::Abandoned => "abandoned",
        }
    }
}

/// Post the request as received to the app; its status, or why there was none.
pub async fn forward(poster: &JsonPoster, url: &str, req: &Received) -> Result<u16, String> {
    let headers: Vec<(String, String)> = ["x-pusher-key", "x-pusher-signature", "content-type"]
        .iter()
        .filter_map(|n| req.header(n).map(|v| ((*n).to_owned(), v.to_owned())))
        .collect();
    poster
        .post(url, &headers, req.body.to_vec(), "--forward")
        .await
        .map(|r| r.status)
        .map_err(|e| e.message)
}
