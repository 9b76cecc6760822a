//! The command line being completed, read as far as it parses: the profile and
//! connection flags, `--catalog`, and the channel a command names.

use std::ffi::OsString;

use clap::{ArgMatches, CommandFactory as _, FromArgMatches as _};

use crate::cli::{Cli, GlobalArgs};
use crate::config::CliValues;

/// What completion reads from the words before the one being completed.
#[derive(Debug, Default)]
pub struct Line {
    /// `--profile` and the connection flags; never a secret (`--secret-stdin` is not
    /// read: stdin is the user's terminal).
    pub cli: CliValues,
    /// `--catalog`, when the command takes one and it is given.
    pub catalog: Option<String>,
    /// The channel argument already given (`trigger CHANNELS`, `catalog show CHANNEL`).
    pub channel: Option<String>,
}

impl Line {
    /// The line the shell asks about: the dynamic script runs `rtctl -- rtctl WORDS…`,
    /// and bash, zsh and elvish say in `_CLAP_COMPLETE_INDEX` which word is being
    /// completed (fish and PowerShell complete the last one). clap_complete gives value
    /// completers only the current word (clap-rs/clap#5784), so the rest is read here.
    pub fn being_completed() -> Line {
        let args: Vec<OsString> = std::env::args_os().collect();
        let index = std::env::var("_CLAP_COMPLETE_INDEX")
            .ok()
            .and_then(|i| i.parse().ok());
        Line::parse(&words_before(&args, index))
    }

    /// Parse leniently: what follows a mistake (an unknown flag, a bad value) is
    /// dropped, and a line that does not parse at all is an empty `Line`.
    pub fn parse(words: &[OsString]) -> Line {
        let Ok(matches) = Cli::command()
            .ignore_errors(true)
            .try_get_matches_from(words)
        else {
            return Line::default();
        };
        let cli = GlobalArgs::from_arg_matches(&matches)
            .map(|g| g.config_values())
            .unwrap_or_default();
        let command = deepest(&matches);
        let text = |id: &str| command.try_get_one::<String>(id).ok().flatten().cloned();
        Line {
            cli,
            catalog: text("catalog"),
            channel: text("channels").or_else(|| text("channel")),
        }
    }
}

/// The words after `--`, up to the one at `index` (the last when `None`), the
/// program's name first.
fn words_before(args: &[OsString], index: Option<usize>) -> Vec<OsString> {
    let Some(dashes) = args.iter().position(|a| a == "--") else {
        return Vec::new();
    };
    let words = &args[dashes + 1..];
    let current = index
        .unwrap_or(words.len().saturating_sub(1))
        .min(words.len());
    words[..current].to_vec()
}

/// The matches of the innermost subcommand given.
fn deepest(matches: &ArgMatches) -> &ArgMatches {
    matches.subcommand().map_or(matches, |(_, m)| deepest(m))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Field;

    fn words(line: &str) -> Vec<OsString> {
        line.split(' ').map(OsString::from).collect()
    }

    fn flags(line: &Line) -> Vec<(Field, &str)> {
        line.cli
            .values
            .iter()
            .map(|(f, v, _)| (*f, v.as_str()))
            .collect()
    }

    #[test]
    fn the_words_before_the_current_one() {
        let args = words("rtctl -- rtctl trigger chan ev");
        assert_eq!(words_before(&args, None), words("rtctl trigger chan"));
        assert_eq!(words_before(&args, Some(2)), words("rtctl trigger"));
        assert_eq!(
            words_before(&args, Some(99)),
            words("rtctl trigger chan ev")
        );
        assert!(words_before(&words("rtctl trigger"), None).is_empty());
    }

    #[test]
    fn profile_flags_catalogue_and_channel() {
        let line = Line::parse(&words(
            "rtctl --profile prod trigger --catalog c.toml private-user-1 --host h --port 81",
        ));
        assert_eq!(line.cli.profile.as_deref(), Some("prod"));
        assert_eq!(flags(&line), [(Field::Host, "h"), (Field::Port, "81")]);
        assert_eq!(line.catalog.as_deref(), Some("c.toml"));
        assert_eq!(line.channel.as_deref(), Some("private-user-1"));
        let show = Line::parse(&words("rtctl catalog show dashboard-updates"));
        assert_eq!(show.channel.as_deref(), Some("dashboard-updates"));
    }

    #[test]
    fn a_mistake_drops_only_what_follows_it() {
        let line = Line::parse(&words("rtctl --host h trigger chan --bogus --profile p"));
        assert_eq!(flags(&line), [(Field::Host, "h")]);
        assert_eq!(line.channel.as_deref(), Some("chan"));
        assert_eq!(line.cli.profile, None);
        let bad_port = Line::parse(&words("rtctl --port nope --host h tail"));
        assert!(flags(&bad_port).is_empty());
        for nonsense in ["", "rtctl --help", "rtctl nope nope", "rtctl --profile"] {
            let line = Line::parse(&words(nonsense));
            assert_eq!(line.channel, None, "{nonsense}");
        }
    }

    #[test]
    fn the_secret_is_never_read_from_the_line() {
        let line = Line::parse(&words("rtctl --secret-stdin channels show"));
        assert!(line.cli.values.iter().all(|(f, _, _)| !f.is_secret()));
    }
}
