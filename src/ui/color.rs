//! When to colour: decided once per stream by a pure function.

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless NO_COLOR or TERM=dumb says otherwise.
    #[default]
    Auto,
    Always,
    Never,
}

/// The environment variables that bear on colour.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColorEnv {
    pub no_color: Option<String>,
    pub clicolor_force: Option<String>,
    pub term: Option<String>,
}

impl ColorEnv {
    pub fn from_process() -> Self {
        let var = |n: &str| std::env::var(n).ok();
        Self {
            no_color: var("NO_COLOR"),
            clicolor_force: var("CLICOLOR_FORCE"),
            term: var("TERM"),
        }
    }
}

/// `--color` first, then `CLICOLOR_FORCE`, a non-empty `NO_COLOR`, `TERM=dumb`,
/// and last whether the stream is a terminal.
pub fn decide(choice: ColorChoice, env: &ColorEnv, is_tty: bool) -> bool {
    let set = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.is_empty() && s != "0");
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if set(&env.clicolor_force) => true,
        ColorChoice::Auto if env.no_color.as_deref().is_some_and(|s| !s.is_empty()) => false,
        ColorChoice::Auto if env.term.as_deref() == Some("dumb") => false,
        ColorChoice::Auto => is_tty,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(no_color: Option<&str>, force: Option<&str>, term: Option<&str>) -> ColorEnv {
        ColorEnv {
            no_color: no_color.map(Into::into),
            clicolor_force: force.map(Into::into),
            term: term.map(Into::into),
        }
    }

    #[test]
    fn decision_table() {
        use ColorChoice::*;
        let cases = [
            (Auto, env(None, None, None), true, true),
            (Auto, env(None, None, None), false, false),
            (Auto, env(Some("1"), None, None), true, false),
            (Auto, env(Some(""), None, None), true, true),
            (Auto, env(None, None, Some("dumb")), true, false),
            (Auto, env(Some("1"), Some("1"), None), false, true),
            (Auto, env(None, Some("0"), None), false, false),
            (Always, env(Some("1"), None, Some("dumb")), false, true),
            (Never, env(None, Some("1"), None), true, false),
        ];
        for (choice, e, tty, want) in cases {
            assert_eq!(decide(choice, &e, tty), want, "{choice:?} {e:?} tty={tty}");
        }
    }
}
