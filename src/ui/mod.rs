//! Everything the user sees: colour, data on stdout, status on stderr, tables.

pub mod color;
pub mod json;
pub mod table;
pub mod words;

use std::io::{self, IsTerminal as _, Write as _};

use colored::{ColoredString, Colorize as _};

pub use color::ColorChoice;

/// Where output goes and whether it may be coloured. Stdout carries data only;
/// warnings, hints and errors go to stderr.
#[derive(Debug, Clone, Copy)]
pub struct Ui {
    pub color_out: bool,
    pub color_err: bool,
    pub stdin_is_tty: bool,
    pub stderr_is_tty: bool,
    /// Stdout is a terminal that obeys cursor movement (not `TERM=dumb`): a live view
    /// may redraw in place there.
    pub stdout_redraws: bool,
}

impl Ui {
    pub fn new(choice: ColorChoice) -> Self {
        let env = color::ColorEnv::from_process();
        // colored decides nothing itself: we do, per stream.
        colored::control::set_override(true);
        Self {
            color_out: color::decide(choice, &env, io::stdout().is_terminal()),
            color_err: color::decide(choice, &env, io::stderr().is_terminal()),
            stdin_is_tty: io::stdin().is_terminal(),
            stderr_is_tty: io::stderr().is_terminal(),
            stdout_redraws: io::stdout().is_terminal() && env.term.as_deref() != Some("dumb"),
        }
    }

    /// Write data to stdout. A closed pipe surfaces as `BrokenPipe` for the caller.
    pub fn out(&self, text: &str) -> io::Result<()> {
        let mut out = io::stdout().lock();
        out.write_all(text.as_bytes())?;
        if !text.ends_with('\n') {
            out.write_all(b"\n")?;
        }
        out.flush()
    }

    /// Whole lines, each ending in a newline, to stdout in one write. A closed pipe
    /// surfaces as `BrokenPipe` for the caller.
    pub fn out_lines(&self, lines: &[u8]) -> io::Result<()> {
        let mut out = io::stdout().lock();
        out.write_all(lines)?;
        out.flush()
    }

    /// A labelled line on stderr. The text may quote a server or a file, so it goes
    /// through the escaper (keeping its line breaks).
    fn err_line(&self, label: ColoredString, text: &str) {
        let label = if self.color_err { label } else { label.clear() };
        let text = crate::text::sanitize(text, true);
        // Nothing sensible is left to do if stderr itself is gone.
        let _ = writeln!(io::stderr().lock(), "{label} {text}");
    }

    pub fn warn(&self, text: &str) {
        self.err_line("rtctl: warning:".yellow().bold(), text);
    }

    /// One line for a flag's old spelling, which still works: what to write instead,
    /// and what the old spelling means meanwhile.
    pub fn deprecated(&self, old: &str, new: &str, meaning: &str) {
        self.warn(&format!("`{old}` is deprecated: write `{new}`; {meaning}"));
    }

    pub fn error(&self, text: &str) {
        self.err_line("rtctl: error:".red().bold(), text);
    }

    pub fn hint(&self, text: &str) {
        self.err_line("hint:".cyan(), text);
    }

    /// A status line on stderr (what was done, what is used).
    pub fn status(&self, text: &str) {
        let _ = writeln!(io::stderr().lock(), "{text}");
    }

    /// Paint for stdout when colour is on.
    pub fn paint(&self, s: &str, f: fn(&str) -> ColoredString) -> String {
        if self.color_out {
            f(s).to_string()
        } else {
            s.to_owned()
        }
    }
}

/// JSON for `--json`: one compact line, for jq and JSON Lines. Control, bidi and
/// zero-width characters are written as `\uXXXX` escapes: a JSON parser reads back the
/// same text, and a terminal shows them as escapes instead of obeying them.
pub fn json_text(value: &serde_json::Value) -> String {
    json::escaped(value.to_string())
}
