//! Forwarding each request to the app behind --forward: where forwards go, how many may
//! be in flight or waiting, how each one ended, and the grace the last ones get.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use crate::error::{CliError, Kind};
use crate::net::http::JsonPoster;
use crate::net::receiver::{self, Received};
use crate::net::tls::Trust;

/// At the end, once the requests' own grace is over, how long forwards still waiting
/// for the app get before they are counted as not forwarded.
pub const GRACE: Duration = Duration::from_secs(2);

/// Forwards in flight at once, as a connection pool would allow; more wait their turn.
const MAX_IN_FLIGHT: usize = 16;

/// Forwards waiting or in flight. Past this a request is not forwarded (and its line
/// says so), so an app that never answers cannot make listen hold every body.
const MAX_PENDING: usize = receiver::MAX_CONNECTIONS;

/// What a forward still waiting for the app at the end is told.
pub const ABANDONED: &str =
    "no answer from the app before listen stopped; it may or may not have received the webhook";

/// A run's forwards: where they go, the slots they take turns in, and those under way.
pub struct Forwards {
    url: Arc<str>,
    poster: Arc<JsonPoster>,
    slots: Arc<Semaphore>,
    tasks: JoinSet<(u64, ForwardOutcome)>,
    /// The numbers of the requests whose forward has not finished.
    pending: BTreeSet<u64>,
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

impl Forwards {
    pub fn new(url: &str, timeout: Duration, trust: &Trust) -> Result<Self, CliError> {
        Ok(Self {
            url: Arc::from(url),
            poster: Arc::new(JsonPoster::new(timeout, trust)?),
            slots: Arc::new(Semaphore::new(MAX_IN_FLIGHT)),
            tasks: JoinSet::new(),
            pending: BTreeSet::new(),
        })
    }

    /// Forward request `seq` as soon as a slot is free; when too many forwards are
    /// waiting already it is not forwarded, and the error is its outcome.
    pub fn start(&mut self, seq: u64, request: Received) -> Result<(), ForwardOutcome> {
        if self.pending.len() >= MAX_PENDING {
            return Err(ForwardOutcome::Failed(format!(
                "not forwarded: {MAX_PENDING} forwards are already waiting for the app"
            )));
        }
        self.pending.insert(seq);
        let (url, poster, slots) = (
            Arc::clone(&self.url),
            Arc::clone(&self.poster),
            Arc::clone(&self.slots),
        );
        self.tasks.spawn(async move {
            let outcome = match slots.acquire_owned().await {
                Ok(_slot) => match post(&poster, &url, &request).await {
                    Ok(status) => ForwardOutcome::Answered(status),
                    Err(why) => ForwardOutcome::Failed(why),
                },
                Err(_) => ForwardOutcome::Failed("listen is stopping".into()),
            };
            (seq, outcome)
        });
        Ok(())
    }

    pub fn is_empty(&self) -> bool {
        self.tasks.is_empty()
    }

    /// The next forward to finish; `None` when none is under way.
    pub async fn join_next(&mut self) -> Option<Result<(u64, ForwardOutcome), CliError>> {
        let done = self.tasks.join_next().await?;
        Some(match done {
            Ok((seq, outcome)) => {
                self.pending.remove(&seq);
                Ok((seq, outcome))
            }
            Err(e) => Err(CliError::new(
                Kind::Failure,
                format!("a forward's task failed: {e}"),
            )),
        })
    }

    /// Stop the forwards still under way: the numbers of their requests, to count as
    /// abandoned.
    pub fn abandon(mut self) -> BTreeSet<u64> {
        self.tasks.abort_all();
        std::mem::take(&mut self.pending)
    }
}

/// The next forward to finish, with --forward; `None` when none is under way or there
/// is no --forward.
pub async fn next(
    forwards: &mut Option<Forwards>,
) -> Option<Result<(u64, ForwardOutcome), CliError>> {
    forwards.as_mut()?.join_next().await
}

/// Post the request as received to the app; its status, or why there was none.
async fn post(poster: &JsonPoster, url: &str, req: &Received) -> Result<u16, String> {
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
