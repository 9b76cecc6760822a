//! Many requests with a few in flight at once: a source makes jobs, each job is sent on
//! its own task, and each outcome is handed back as it ends, with a progress bar on a
//! terminal. `trigger --batch`/`--repeat` and `webhook replay` share it.

use std::future::Future;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use tokio::task::JoinSet;

use crate::error::{CliError, Kind};
use crate::ui::Ui;

/// Where the jobs come from; `T` is the caller's tally, which the source may count into.
pub(crate) trait JobSource<T> {
    type Job;

    /// The next job, or `None` when there are no more.
    async fn next(
        &mut self,
        tally: &mut T,
        bar: &ProgressBar,
    ) -> Result<Option<Self::Job>, CliError>;
}

/// A progress bar on stderr when it is a terminal, hidden otherwise. `unit` names what
/// is counted ("events", "fixtures").
pub(crate) fn progress_bar(ui: &Ui, total: Option<u64>, unit: &str) -> ProgressBar {
    if !ui.stderr_is_tty {
        return ProgressBar::with_draw_target(total, ProgressDrawTarget::hidden());
    }
    let (bar, template) = match total {
        Some(n) => (
            ProgressBar::new(n),
            format!(
                "{{spinner}} [{{elapsed_precise}}] {{bar:40}} {{pos}}/{{len}} {unit} ({{per_sec}}, {{eta}} left)"
            ),
        ),
        None => (
            ProgressBar::new_spinner(),
            format!("{{spinner}} [{{elapsed_precise}}] {{pos}} {unit} ({{per_sec}})"),
        ),
    };
    if let Ok(style) = ProgressStyle::with_template(&template) {
        bar.set_style(style);
    }
    bar.set_draw_target(ProgressDrawTarget::stderr());
    bar
}

/// Keep `concurrency` jobs in flight until the source has no more: `send` runs each
/// job on its own task, and `done` takes each outcome as it ends.
pub(crate) async fn drive<T, S, O, Fut>(
    concurrency: usize,
    bar: &ProgressBar,
    tally: &mut T,
    source: &mut S,
    send: impl Fn(S::Job) -> Fut,
    mut done: impl FnMut(&mut T, O, &ProgressBar) -> Result<(), CliError>,
) -> Result<(), CliError>
where
    S: JobSource<T>,
    O: Send + 'static,
    Fut: Future<Output = O> + Send + 'static,
{
    let mut inflight = JoinSet::new();
    let mut more = true;
    loop {
        while more && inflight.len() < concurrency.max(1) {
            match source.next(tally, bar).await? {
                Some(job) => {
                    inflight.spawn(send(job));
                }
                None => more = false,
            }
        }
        let Some(ended) = inflight.join_next().await else {
            return Ok(());
        };
        let outcome = ended
            .map_err(|e| CliError::new(Kind::Failure, format!("a request task failed: {e}")))?;
        done(tally, outcome, bar)?;
    }
}
