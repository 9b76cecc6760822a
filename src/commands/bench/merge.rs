//! `rtctl bench merge`: the `--json` results of several bench runs (several machines'
//! load generators, say) as one report. Counts and reasons add up; histograms add
//! bucket by bucket, so the percentiles are those of one run over all the samples.

use std::path::PathBuf;

use clap::Args as ClapArgs;

use super::report::{Report, SCHEMA_VERSION};
use super::results::{self, Results};
use crate::commands::Ctx;
use crate::error::CliError;
use crate::ui::json_text;

const EXAMPLES: &str = "\
Examples:
  rtctl bench merge a.json b.json c.json
  rtctl bench merge results/*.json --json | jq .figures.latency_ms.fan_out.p99";

#[derive(Debug, ClapArgs)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// `rtctl bench --json` documents to merge
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,

    /// Write one JSON document (the same shape as `bench --json`, without settings)
    #[arg(long, help_heading = "Output")]
    pub json: bool,
}

/// One file's results, or why they cannot be read.
fn read(path: &PathBuf) -> Result<Results, CliError> {
    let shown = crate::text::escape_for_message(&path.display().to_string());
    let bad = |why: String| {
        CliError::usage(format!("{shown}: {why}"))
            .hint("give the files `rtctl bench --json` wrote, unchanged")
    };
    let text = std::fs::read_to_string(path).map_err(|e| bad(format!("cannot read it: {e}")))?;
    document(&text).map_err(bad)
}

/// The results in one `rtctl bench --json` document's text, or why they cannot be read.
pub(crate) fn document(text: &str) -> Result<Results, String> {
    let doc: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    match doc
        .get("schema_version")
        .and_then(serde_json::Value::as_u64)
    {
        Some(SCHEMA_VERSION) => {}
        Some(v) => {
            return Err(format!(
                "schema_version {v}; this rtctl reads {SCHEMA_VERSION}"
            ));
        }
        None => {
            return Err("no schema_version: is it a `rtctl bench --json` document?".into());
        }
    }
    results::from_document(&doc)
}

/// The merged report, as JSON or for people.
pub(crate) fn report(merged: &Results, files: Vec<String>, json: bool) -> Result<String, CliError> {
    let report = Report {
        settings: None,
        ended: "merged",
        took: None,
        results: merged,
        merged_from: files,
    };
    Ok(if json {
        json_text(&report.json()?)
    } else {
        report.human()
    })
}

pub fn run(ctx: &mut Ctx, args: &Args) -> Result<(), CliError> {
    let mut merged = Results::default();
    for path in &args.files {
        merged.merge(&read(path)?);
    }
    let files = args.files.iter().map(|p| p.display().to_string()).collect();
    ctx.ui.out(&report(&merged, files, args.json)?)?;
    Ok(())
}
