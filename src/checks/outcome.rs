//! What a check found (status, finding, hint, details), the run's tally, and the exit
//! code it makes.

use std::time::Duration;

use super::list::Spec;
use crate::error::{CliError, Kind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Pass,
    Warn,
    Fail,
    Skip,
}

impl Status {
    pub fn word(self) -> &'static str {
        match self {
            Self::Pass => "pass",
            Self::Warn => "warn",
            Self::Fail => "fail",
            Self::Skip => "skip",
        }
    }
}

/// What one check found.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub status: Status,
    /// A failure's kind, as the rest of rtctl would exit with it (`config init --check`).
    pub kind: Option<Kind>,
    /// One line.
    pub finding: String,
    /// What to run or change, when it is not a pass.
    pub hint: Option<String>,
    /// Which values, which URLs, the timings of each step (`-v`, `--json`).
    pub details: Vec<(String, String)>,
}

impl Outcome {
    fn new(status: Status, finding: impl Into<String>) -> Self {
        Self {
            status,
            kind: (status == Status::Fail).then_some(Kind::CheckFailed),
            finding: finding.into(),
            hint: None,
            details: Vec::new(),
        }
    }

    pub fn pass(finding: impl Into<String>) -> Self {
        Self::new(Status::Pass, finding)
    }

    pub fn warn(finding: impl Into<String>, hint: impl Into<String>) -> Self {
        Self::new(Status::Warn, finding).hint(hint)
    }

    pub fn fail(finding: impl Into<String>, hint: impl Into<String>) -> Self {
        Self::new(Status::Fail, finding).hint(hint)
    }

    pub fn skip(finding: impl Into<String>) -> Self {
        Self::new(Status::Skip, finding)
    }

    /// A failure as the rest of rtctl reports it: its message, and its hints as one.
    pub fn failed(e: &CliError) -> Self {
        Self {
            status: Status::Fail,
            kind: Some(e.kind),
            finding: e.message.clone(),
            hint: (!e.hints.is_empty()).then(|| e.hints.join("; ")),
            details: Vec::new(),
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn detail(mut self, name: &str, value: impl Into<String>) -> Self {
        self.details.push((name.to_owned(), value.into()));
        self
    }
}

/// What a check that looks at several things found wrong: each a finding and a hint.
/// The worst decides the outcome, which names them all.
#[derive(Debug, Default)]
pub struct Problems {
    fails: Vec<(String, String)>,
    warns: Vec<(String, String)>,
}

impl Problems {
    pub fn fail(&mut self, finding: impl Into<String>, hint: impl Into<String>) {
        self.fails.push((finding.into(), hint.into()));
    }

    pub fn warn(&mut self, finding: impl Into<String>, hint: impl Into<String>) {
        self.warns.push((finding.into(), hint.into()));
    }

    /// A failure naming every failure when there is one, else a warning naming every
    /// warning, else a pass saying `pass`.
    pub fn outcome(self, pass: impl Into<String>) -> Outcome {
        let joined = |list: &[(String, String)]| {
            let finding: Vec<&str> = list.iter().map(|(f, _)| f.as_str()).collect();
            let hint: Vec<&str> = list.iter().map(|(_, h)| h.as_str()).collect();
            (finding.join("; "), hint.join("; "))
        };
        if !self.fails.is_empty() {
            let (f, h) = joined(&self.fails);
            Outcome::fail(f, h)
        } else if !self.warns.is_empty() {
            let (f, h) = joined(&self.warns);
            Outcome::warn(f, h)
        } else {
            Outcome::pass(pass)
        }
    }
}

/// A check that ran (or was skipped), with how long it took.
#[derive(Debug, Clone)]
pub struct Ran {
    pub spec: Spec,
    pub outcome: Outcome,
    pub took: Duration,
}

/// How many checks ended each way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub pass: usize,
    pub warn: usize,
    pub fail: usize,
    pub skip: usize,
}

impl Tally {
    pub fn of(ran: &[Ran]) -> Self {
        let mut t = Self::default();
        for r in ran {
            match r.outcome.status {
                Status::Pass => t.pass += 1,
                Status::Warn => t.warn += 1,
                Status::Fail => t.fail += 1,
                Status::Skip => t.skip += 1,
            }
        }
        t
    }
}

/// `--strict`: a warning is a failure.
pub fn strict(ran: &mut [Ran]) {
    for r in ran {
        if r.outcome.status == Status::Warn {
            r.outcome.status = Status::Fail;
        }
    }
}

/// The run's result, the same in every output mode: exit 5 naming the failed checks
/// (the report has said why), else success.
pub fn verdict(ran: &[Ran]) -> Result<(), CliError> {
    let failed: Vec<&str> = ran
        .iter()
        .filter(|r| r.outcome.status == Status::Fail)
        .map(|r| r.spec.id)
        .collect();
    if failed.is_empty() {
        return Ok(());
    }
    Err(CliError::new(
        Kind::CheckFailed,
        format!(
            "{} failed: {}",
            crate::ui::words::counted(failed.len() as u64, "check"),
            failed.join(", ")
        ),
    ))
}

/// `config init --check`'s result: the first failure's own exit code (a network failure
/// is 6, refused credentials 4), naming the failed checks; else success.
pub fn first_failure(ran: &[Ran]) -> Result<(), CliError> {
    match verdict(ran) {
        Ok(()) => Ok(()),
        Err(mut e) => {
            if let Some(kind) = ran.iter().find_map(|r| r.outcome.kind) {
                e.kind = kind;
            }
            Err(e)
        }
    }
}
