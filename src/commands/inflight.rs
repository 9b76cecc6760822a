//! Many requests with a few in flight at once: a source makes jobs, each job is sent on
//! its own task, and each outcome is handed back as it ends, with a progress bar on a
//! terminal. `trigger --batch`/`--repeat` and `webhook replay` share it.
//!
//! Ctrl-C (SIGINT) or SIGTERM stops the run here, once for all three: no job starts
//! after it, the jobs in flight get `GRACE` to end (a second signal cuts that short),
//! and the ones still going are cut off and handed back as such, so that every
//! summary can count them as unknown.

use std::future::Future;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use tokio::task::{Id, JoinSet};

use crate::error::{CliError, Kind};
use crate::signal::{self, Stop};
use crate::ui::Ui;

/// How long jobs in flight at a stop get to end.
pub(crate) const GRACE: Duration = Duration::from_secs(2);

/// Where the jobs come from; `T` is the caller's tally, which the source may count into.
/// `next` may be dropped part way at a stop: a source keeps what it has read in itself,
/// not in the future, so that it can still account for it.
pub(crate) trait JobSource<T> {
    type Job: Job;

    /// The next job, or `None` when there are no more.
    async fn next(
        &mut self,
        tally: &mut T,
        bar: &ProgressBar,
    ) -> Result<Option<Self::Job>, CliError>;
}

/// A job, and what the summary must know of it should it be cut off.
pub(crate) trait Job {
    type Ticket;

    fn ticket(&self) -> Self::Ticket;
}

/// How a job ended.
pub(crate) enum Ended<O, K> {
    /// It ran to its end.
    Finished(O),
    /// It was still running at a stop, after the grace: its outcome is unknown.
    CutOff(K),
}

/// A progress bar on stderr when it is a terminal, hidden otherwise. `unit` names what
/// is counted ("events", "fixtures").
pub(crate) fn progress_bar(ui: &Ui, total: Option<u64>, unit: &str) -> ProgressBar {
    let template = match total {
        Some(_) => format!(
            "{{spinner}} [{{elapsed_precise}}] {{bar:40}} {{pos}}/{{len}} {unit} ({{per_sec}}, {{eta}} left)"
        ),
        None => format!("{{spinner}} [{{elapsed_precise}}] {{pos}} {unit} ({{per_sec}})"),
    };
    styled_bar(ui, total, &template)
}

/// A progress bar over the bytes of an input of `total` bytes, with `{msg}` for what is done.
pub(crate) fn byte_bar(ui: &Ui, total: u64) -> ProgressBar {
    styled_bar(
        ui,
        Some(total),
        "{spinner} [{elapsed_precise}] {bar:40} {binary_bytes}/{binary_total_bytes} read, {msg} ({eta} left)",
    )
}

fn styled_bar(ui: &Ui, total: Option<u64>, template: &str) -> ProgressBar {
    if !ui.stderr_is_tty {
        return ProgressBar::with_draw_target(total, ProgressDrawTarget::hidden());
    }
    let bar = match total {
        Some(n) => ProgressBar::new(n),
        None => ProgressBar::new_spinner(),
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar.set_draw_target(ProgressDrawTarget::stderr());
    bar
}

/// Keep `concurrency` jobs in flight until the source has no more: `send` runs each
/// job on its own task, and `done` takes each as it ends. `Some(stop)` when a signal
/// stopped the run; every job started was handed to `done` either way. A source that
/// fails stops the run too: the jobs in flight end first, then its error is returned.
pub(crate) async fn drive<T, S, O, Fut>(
    concurrency: usize,
    bar: &ProgressBar,
    tally: &mut T,
    source: &mut S,
    send: impl Fn(S::Job) -> Fut,
    mut done: impl FnMut(
        &mut T,
        Ended<O, <S::Job as Job>::Ticket>,
        &ProgressBar,
    ) -> Result<(), CliError>,
) -> Result<Option<Stop>, CliError>
where
    S: JobSource<T>,
    O: Send + 'static,
    Fut: Future<Output = O> + Send + 'static,
{
    let mut inflight = JoinSet::new();
    // Each job's ticket, in the order they started.
    let mut tickets: Vec<(Id, <S::Job as Job>::Ticket)> = Vec::new();
    let mut more = true;
    let stop = signal::requested();
    tokio::pin!(stop);
    let (stopped, failed) = 'run: loop {
        while more && inflight.len() < concurrency.max(1) {
            tokio::select! {
                biased;
                s = &mut stop => break 'run (Some(s), None),
                next = source.next(tally, bar) => match next {
                    Ok(Some(job)) => {
                        let ticket = job.ticket();
                        let handle = inflight.spawn(send(job));
                        tickets.push((handle.id(), ticket));
                    }
                    Ok(None) => more = false,
                    Err(e) => break 'run (None, Some(e)),
                },
            }
        }
        tokio::select! {
            biased;
            s = &mut stop => break 'run (Some(s), None),
            ended = inflight.join_next_with_id() => match ended {
                None => return Ok(None),
                Some(ended) => {
                    let outcome = finished(ended, &mut tickets)?;
                    done(tally, Ended::Finished(outcome), bar)?;
                }
            },
        }
    };
    // Stopping: what is in flight may end, within the grace at a signal; another
    // signal (or one while a failed source waits for its jobs) cuts it short.
    let grace = tokio::time::sleep(GRACE);
    tokio::pin!(grace);
    let cut = async {
        match stopped {
            Some(_) => signal::another().await,
            None => signal::requested().await,
        }
    };
    tokio::pin!(cut);
    loop {
        tokio::select! {
            biased;
            _ = &mut cut => break,
            _ = &mut grace, if stopped.is_some() => break,
            ended = inflight.join_next_with_id() => match ended {
                None => break,
                Some(ended) => {
                    let outcome = finished(ended, &mut tickets)?;
                    done(tally, Ended::Finished(outcome), bar)?;
                }
            },
        }
    }
    inflight.abort_all();
    for (_, ticket) in tickets {
        done(tally, Ended::CutOff(ticket), bar)?;
    }
    match failed {
        Some(e) => Err(e),
        None => Ok(stopped),
    }
}

/// A task's outcome, its ticket taken off the list.
fn finished<O, K>(
    ended: Result<(Id, O), tokio::task::JoinError>,
    tickets: &mut Vec<(Id, K)>,
) -> Result<O, CliError> {
    let id = match &ended {
        Ok((id, _)) => *id,
        Err(e) => e.id(),
    };
    tickets.retain(|(t, _)| *t != id);
    ended
        .map(|(_, o)| o)
        .map_err(|e| CliError::new(Kind::Failure, format!("a request task failed: {e}")))
}
