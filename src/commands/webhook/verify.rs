//! `rtctl webhook verify`: is a captured webhook authentic?

use std::io::Read as _;
use std::path::Path;

use clap::Args as ClapArgs;
use serde_json::json;

use super::Ctx;
use crate::error::{CliError, Kind};
use crate::pusher::webhook::{self, Verdict};
use crate::text::sanitize;
use crate::ui::json_text;

pub const EXAMPLES: &str = "\
Examples:
  rtctl webhook verify body.json --signature 0f3c…                checked with the profile's key and secret
  rtctl webhook verify body.json --signature 0f3c… --pusher-key app-key
  rtctl webhook verify --headers request.http                     a raw request: headers, blank line, body
  rtctl webhook replay joined.json --dry-run > request.http && rtctl webhook verify --headers request.http
  pbpaste | rtctl webhook verify - --signature \"$SIG\" --json

The profile's key and secret check it (--key names another app key); --pusher-key is
the X-Pusher-Key the webhook came with. Exit code 0 when the webhook is authentic and a
valid webhook body, 5 when not.";

#[derive(Debug, ClapArgs)]
pub struct Args {
    /// The body exactly as received: a file, or - for stdin [default: the body in --headers]
    #[arg(value_name = "BODY|-")]
    pub body: Option<String>,

    /// The X-Pusher-Signature it came with [default: from --headers]
    #[arg(long, value_name = "SIG")]
    pub signature: Option<String>,

    /// The X-Pusher-Key it came with, checked against the profile's key [default: from --headers]
    #[arg(long, value_name = "KEY")]
    pub pusher_key: Option<String>,

    /// A captured request: optional request line, headers, a blank line, then the body
    #[arg(long, value_name = "FILE")]
    pub headers: Option<String>,

    /// Print the verdict as JSON
    #[arg(long)]
    pub json: bool,
}

fn read_input(what: &str, arg: &str) -> Result<Vec<u8>, CliError> {
    if arg == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut buf)
            .map_err(|e| CliError::usage(format!("cannot read the {what} from stdin: {e}")))?;
        return Ok(buf);
    }
    std::fs::read(Path::new(arg))
        .map_err(|e| CliError::usage(format!("cannot read the {what} {arg}: {e}")))
}

pub async fn run(ctx: &mut Ctx, args: &Args) -> Result<(), CliError> {
    ctx.stdin_is_free(
        "the webhook",
        args.body.as_deref() == Some("-") || args.headers.as_deref() == Some("-"),
    )?;
    if args.body.as_deref() == Some("-") && args.headers.as_deref() == Some("-") {
        return Err(CliError::usage(
            "the body and --headers cannot both come from stdin",
        ));
    }
    let captured = match &args.headers {
        Some(path) => {
            let raw = read_input("request", path)?;
            Some(crate::net::raw_request::parse_captured(&raw).map_err(|e| {
                CliError::usage(format!("cannot read the captured request {path}: {e}"))
                    .hint("write it as `X-Pusher-Key: …` and `X-Pusher-Signature: …` lines, a blank line, then the body")
            })?)
        }
        None => None,
    };
    let in_capture = captured.as_ref().and_then(|c| c.body.clone());
    let body = match (&args.body, in_capture) {
        (Some(_), Some(_)) => {
            return Err(CliError::usage(
                "the captured request already holds a body; give BODY or a request with one, not both",
            ));
        }
        (Some(arg), None) => read_input("body", arg)?,
        (None, Some(b)) => b,
        (None, None) => {
            return Err(CliError::usage("no body to check")
                .hint("give the body as a file or - for stdin, or a --headers file holding the whole request"));
        }
    };
    let header = |name: &str| {
        captured
            .as_ref()
            .and_then(|c| c.header(name))
            .map(str::to_owned)
    };
    let signature = args
        .signature
        .clone()
        .or_else(|| header("x-pusher-signature"));
    let given_key = args.pusher_key.clone().or_else(|| header("x-pusher-key"));
    if signature.is_none() {
        return Err(CliError::usage("no signature to check")
            .hint("pass --signature with the X-Pusher-Signature header's value, or --headers with the captured request"));
    }
    let (key, secret) = ctx.key_and_secret().await?;
    let verdict = webhook::verify(
        &key,
        secret.expose(),
        given_key.as_deref(),
        signature.as_deref(),
        &body,
    );
    let shape = webhook::validate(&body);
    let detail = match &verdict {
        Verdict::Valid { final_newline_ignored: false } => "the signature matches the body".to_owned(),
        Verdict::Valid { final_newline_ignored: true } => {
            "the signature matches the body (less the final newline added after it was received)".to_owned()
        }
        Verdict::NoSignature => "no signature was given".to_owned(),
        Verdict::KeyUnknown { given } => format!(
            "key unknown: it was signed for key `{}`, but this app's key is `{key}`, so this app's secret did not sign it",
            sanitize(given, false)
        ),
        Verdict::MalformedSignature => {
            "the signature is not a SHA-256 HMAC (64 hex digits): it was cut or mangled".to_owned()
        }
        Verdict::BodyAltered => {
            "body altered: the signature matches the same JSON written differently, so the body was reformatted or padded after it was signed; check the raw bytes as received".to_owned()
        }
        Verdict::SignatureMismatch => {
            "signature mismatch: another secret signed it, or the body's content was changed".to_owned()
        }
    };
    let events: Vec<String> = match &shape {
        Ok(b) => b
            .events
            .iter()
            .map(|e| {
                format!(
                    "{} {}",
                    e.name().unwrap_or_default(),
                    e.channel().unwrap_or_default()
                )
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    let problem = shape.as_ref().err().map(ToString::to_string);
    let ok = verdict.is_valid() && problem.is_none();
    if args.json {
        let out = json!({
            "valid": ok,
            "authentic": verdict.is_valid(),
            "reason": verdict.reason(),
            "detail": detail,
            "key": given_key,
            "events": events,
            "problem": problem,
        });
        ctx.ui.out(&json_text(&out))?;
    } else {
        let word = if verdict.is_valid() {
            ctx.ui.paint("authentic", |s| colored::Colorize::green(s))
        } else {
            ctx.ui.paint("not authentic", |s| colored::Colorize::red(s))
        };
        let mut lines = vec![format!("{word}: {detail}")];
        match &problem {
            Some(p) => lines.push(format!(
                "  not a valid webhook body: {}",
                sanitize(p, false)
            )),
            None => {
                for e in &events {
                    lines.push(format!("  event: {}", sanitize(e, false)));
                }
            }
        }
        ctx.ui.out(&lines.join("\n"))?;
    }
    match (verdict.is_valid(), shape) {
        (true, Ok(_)) => Ok(()),
        (false, _) => Err(CliError::new(
            Kind::CheckFailed,
            format!("the webhook is not authentic ({})", verdict.reason()),
        )),
        (true, Err(e)) => Err(CliError::new(
            Kind::CheckFailed,
            format!("the signature is good but the body is not a valid webhook: {e}"),
        )
        .hint(super::hints::for_body(&e))),
    }
}
