//! What the commands that publish events share around the pipeline (`crate::outgoing`):
//! reading the data argument from where it says, and showing what the pipeline noted.

use crate::error::CliError;
use crate::outgoing::{Data, Note};
use crate::payload::DataArg;
use crate::ui::Ui;

/// Read the data argument's text (stdin without blocking, so Ctrl-C still works).
pub async fn read_data(arg: &DataArg) -> Result<String, CliError> {
    match arg {
        DataArg::Inline(text) => Ok(text.clone()),
        DataArg::File(path) => tokio::fs::read_to_string(path)
            .await
            .map(|t| t.trim_end_matches(['\n', '\r']).to_owned())
            .map_err(|e| {
                CliError::usage(format!("cannot read data file {path}: {e}"))
                    .hint("write @path/to/file.json, or give the data inline")
            }),
        DataArg::Stdin => {
            let mut text = String::new();
            tokio::io::AsyncReadExt::read_to_string(&mut tokio::io::stdin(), &mut text)
                .await
                .map_err(|e| CliError::usage(format!("cannot read data from stdin: {e}")))?;
            Ok(text.trim_end_matches(['\n', '\r']).to_owned())
        }
    }
}

/// The pipeline's data from the DATA argument (inline, @FILE or `-`), or `Unset` when
/// none was given; `as_text` is `--text`.
pub async fn data(arg: Option<&str>, as_text: bool) -> Result<Data, CliError> {
    Ok(match arg {
        Some(arg) => Data::Text {
            text: read_data(&DataArg::parse(arg)).await?,
            as_text,
        },
        None => Data::Unset,
    })
}

/// Status notes on stderr, warnings as warnings.
pub fn show_notes(ui: &Ui, notes: &[Note]) {
    for note in notes {
        match note {
            Note::Status(s) => ui.status(s),
            Note::Warning(w) => ui.warn(w),
        }
    }
}
