//! `rtctl doctor`: checks an environment's realtime setup end to end, for a person (a
//! checklist) and for CI (JSON, JUnit, an exit code that says whether a check failed).
//! The checks themselves are in `crate::checks`.

use std::path::PathBuf;

use clap::Args as ClapArgs;

use super::Ctx;
use crate::checks::{self, Given, Selection, list, outcome, render};
use crate::error::{CliError, Kind};
use crate::files::{Existing, write_private};
use crate::ui::json_text;

const EXAMPLES: &str = "\
Examples:
  rtctl doctor                              every check against the profile's server
  rtctl --profile prod doctor --json        one JSON document, for scripts
  rtctl doctor --junit report.xml           also a JUnit report, for CI
  rtctl doctor --offline                    only the checks that need no network (a lint)
  rtctl doctor --only socket --only clock   checks or groups by name
  rtctl doctor --compare-env backend/.env --compare-env frontend/.env
                                            also compare the app's .env files (the env group)
  rtctl doctor --only app --origin http://localhost:5173
                                            the app's endpoints, CORS for the frontend's origin
  rtctl doctor --list-checks

Exit codes: 0 when no check failed (warnings pass, unless --strict), 5 when one did,
the same with --json and --junit; 2 and 3 for bad arguments and a broken config.";

/// Check an environment's config and connectivity end to end
#[derive(Debug, ClapArgs)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// List the checks, with their ids and groups, and exit
    #[arg(long)]
    pub list_checks: bool,

    /// Run only these checks or groups (repeatable, or comma-separated)
    #[arg(long, value_name = "ID", value_delimiter = ',')]
    pub only: Vec<String>,

    /// Leave out these checks or groups (repeatable, or comma-separated)
    #[arg(long, value_name = "ID", value_delimiter = ',')]
    pub skip: Vec<String>,

    /// An app .env to compare with the profile and the other files (repeatable)
    ///
    /// Give the backend's (PUSHER_*) and the frontend's (VITE_*): the env checks compare
    /// their key, secret, cluster, auth endpoint and websocket settings. A file given here
    /// is read and compared, never obeyed: unlike the global --env-file, it sets nothing.
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub compare_env: Vec<PathBuf>,

    /// Run only the checks that need no network
    #[arg(long)]
    pub offline: bool,

    /// The frontend's address, whose origin the auth endpoint's CORS must allow (app.cors)
    #[arg(long, value_name = "URL")]
    pub origin: Option<String>,

    /// Count warnings as failures
    #[arg(long)]
    pub strict: bool,

    /// Print one JSON document instead of the checklist
    #[arg(long)]
    pub json: bool,

    /// Also write a JUnit XML report to FILE, a test case a check
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub junit: Option<PathBuf>,

    /// Show each check's details (values, URLs) and timing
    #[arg(short, long)]
    pub verbose: bool,
}

pub async fn run(ctx: &mut Ctx, args: Args) -> Result<(), CliError> {
    if args.list_checks {
        return list(ctx, args.json);
    }
    let specs = list::select(&Selection {
        only: args.only.clone(),
        skip: args.skip.clone(),
        offline: args.offline,
    })?;
    let given = Given {
        origin: args.origin.as_deref().map(origin).transpose()?,
        env_files: args.compare_env.clone(),
    };
    let config = ctx.config()?.clone();
    let mut ran = checks::run(&config, &specs, &given).await?;
    if args.strict {
        outcome::strict(&mut ran);
    }
    let profile = config.profile.val.clone();
    if let Some(path) = &args.junit {
        write_private(
            path,
            render::junit(&ran, &profile).as_bytes(),
            Existing::Replace,
        )
        .map_err(|e| {
            CliError::new(
                Kind::Failure,
                format!("cannot write the JUnit report {}: {e}", path.display()),
            )
        })?;
    }
    if args.json {
        let doc = render::json(&ran, &profile, &config.profile.source.to_string());
        ctx.ui.out(&json_text(&doc))?;
    } else {
        ctx.ui.out(&render::human(
            &ran,
            &profile,
            args.verbose,
            ctx.ui.color_out,
        ))?;
    }
    outcome::verdict(&ran)
}

/// `--origin`'s URL as a browser's `Origin` header says it: scheme, host and port.
fn origin(url: &str) -> Result<String, CliError> {
    let bad = |why: &str| {
        CliError::usage(format!(
            "--origin `{}` is not the frontend's address: {why}",
            crate::text::sanitize(url, false)
        ))
        .hint("give the URL the frontend is served from, e.g. --origin http://localhost:5173")
    };
    if let Some(why) = crate::app_urls::not_http(url) {
        return Err(bad(why));
    }
    reqwest::Url::parse(url)
        .map(|u| u.origin().ascii_serialization())
        .map_err(|e| bad(&e.to_string()))
}

fn list(ctx: &Ctx, json: bool) -> Result<(), CliError> {
    if json {
        let all: Vec<_> = list::ALL
            .iter()
            .map(|c| {
                serde_json::json!({
                    "id": c.id, "group": c.group(), "about": c.about,
                    "network": c.network, "needs": c.needs,
                })
            })
            .collect();
        return Ok(ctx.ui.out(&json_text(&serde_json::Value::Array(all)))?);
    }
    let width = list::ALL.iter().map(|c| c.id.len()).max().unwrap_or(0);
    let lines: Vec<String> = list::ALL
        .iter()
        .map(|c| {
            let net = if c.network { "" } else { " (offline)" };
            format!("{:width$}  {}{net}", c.id, c.about)
        })
        .collect();
    Ok(ctx.ui.out(&lines.join("\n"))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_origin_is_the_scheme_host_and_port() {
        assert_eq!(
            origin("http://localhost:5173/app?x=1").unwrap(),
            "http://localhost:5173"
        );
        assert_eq!(
            origin("https://app.example:443/").unwrap(),
            "https://app.example"
        );
        for bad in ["localhost:5173", "ftp://app.example", "http://"] {
            assert_eq!(origin(bad).unwrap_err().kind, Kind::Usage, "{bad}");
        }
    }
}
