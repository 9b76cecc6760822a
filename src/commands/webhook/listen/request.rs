//! One request, on its own task: checked with the app's key and secret, answered at
//! once, then saved and printed.

use std::path::PathBuf;
use std::sync::Arc;

use crate::error::CliError;
use crate::net::receiver::{Answer, Pending, Received};
use crate::pusher::webhook::{self, Body, Verdict};
use crate::time::now_ms;

use super::save::save;
use super::show::Show;

/// What every request's task needs, shared.
pub struct Shared {
    pub show: Show,
    pub key: String,
    pub secret: crate::config::Secret,
    /// The folder of --save.
    pub save: Option<PathBuf>,
    /// Whether there is a --forward.
    pub forwarding: bool,
}

/// The outcome of one POST, for printing.
pub struct Checked {
    pub seq: u64,
    /// When it arrived, in milliseconds since the epoch.
    pub received: u64,
    pub verdict: Verdict,
    pub body: Result<Body, webhook::BodyError>,
    pub saved: Option<Result<PathBuf, String>>,
    pub forwarding: bool,
}

/// What a request's task reports back when it is done.
pub struct Handled {
    pub authentic: bool,
    pub events: u64,
    pub saved: Option<bool>,
    /// The request, to be forwarded (with --forward).
    pub forward: Option<(u64, Received)>,
}

/// One POST: check it, answer the sender, then save and print it.
pub async fn handle(shared: Arc<Shared>, seq: u64, pending: Pending) -> Result<Handled, CliError> {
    let received = now_ms();
    let req = pending.request();
    let verdict = webhook::verify(
        &shared.key,
        shared.secret.expose(),
        req.header("x-pusher-key"),
        req.header("x-pusher-signature"),
        &req.body,
    );
    let body = webhook::parse(&req.body);
    let answer = match (&verdict, &body) {
        (v, _) if !v.is_valid() => Answer {
            status: 401,
            body: format!("{}\n", v.reason()),
        },
        (_, Err(e)) => Answer {
            status: 400,
            body: format!("{e}\n"),
        },
        _ => Answer {
            status: 200,
            body: "ok\n".into(),
        },
    };
    // The sender has its answer before anything is written, saved or forwarded.
    let request = pending.answer(answer);
    let authentic = verdict.is_valid();
    let saved = match (&shared.save, authentic, &body) {
        (Some(dir), true, Ok(b)) => Some(save(dir.clone(), seq, b, request.body.clone()).await),
        _ => None,
    };
    if let Some(Err(why)) = &saved {
        shared
            .show
            .ui
            .warn(&format!("webhook #{seq} not saved: {why}"));
    }
    let checked = Checked {
        seq,
        received,
        verdict,
        body,
        saved,
        forwarding: shared.forwarding,
    };
    shared.show.request(&request, &checked)?;
    Ok(Handled {
        authentic,
        events: checked.body.as_ref().map_or(0, |b| b.events.len() as u64),
        saved: checked.saved.as_ref().map(Result::is_ok),
        forward: shared.forwarding.then_some((seq, request)),
    })
}
