//! `--via backend`: publish through the app's own admin endpoint,
//! `POST {backend_url}/realtime/trigger` with `Authorization: Bearer {backend_token}`,
//! for when ops staff must go through the app rather than use the Pusher secret.

use serde_json::{Value, json};

use super::{Args, Ctx, Header, curl_command, dry_run_text};
use crate::config::{ConfigError, Field};
use crate::error::CliError;
use crate::net::backend::{self, Backend};
use crate::net::http::JsonPoster;
use crate::net::{shown_url, url_hides_secrets};
use crate::outgoing::Ready;
use crate::text::one_line;
use crate::ui::json_text;

pub async fn run(ctx: &mut Ctx, args: &Args, ready: &Ready) -> Result<(), CliError> {
    let config = ctx.config()?.clone();
    let profile = config.profile.val.clone();
    let base = config.backend_url.clone().ok_or(ConfigError::Missing {
        field: Field::BackendUrl,
        profile: profile.clone(),
    })?;
    let backend = Backend {
        base: &base,
        token: config.backend_token.as_ref(),
        profile: &profile,
    };
    let url = backend.url();
    // Messages, --curl and --dry-run show the URL without credentials or query.
    let shown = shown_url(&url);
    if (args.curl || args.dry_run) && url_hides_secrets(&url) {
        ctx.ui.warn(&format!(
            "the URL is shown as {shown}: its user name, password and query are left out; add them yourself"
        ));
    }
    let mut headers: Vec<Header> = Vec::new();
    if backend.token.is_some() {
        headers.push(Header {
            name: "Authorization",
            value: "Bearer $RTCTL_BACKEND_TOKEN".into(),
            shell_expands: true,
        });
    }
    // Only a run that sends needs the client (and the CA file).
    let poster = if args.curl || args.dry_run {
        None
    } else {
        Some(JsonPoster::new(config.timeout.val, &ctx.trust()?)?)
    };
    let mut results = Vec::new();
    for channel in &ready.event().channels {
        let body = backend::body(channel, ready);
        if args.curl {
            ctx.ui.out(&curl_command(&shown, &headers, &body))?;
            continue;
        }
        if args.dry_run {
            ctx.ui.status("dry run: nothing was sent");
            ctx.ui.out(&dry_run_text(&shown, &headers, &body))?;
            continue;
        }
        let Some(poster) = &poster else { continue };
        let reply = backend.post(poster, channel, ready).await?;
        let said = one_line(&String::from_utf8_lossy(&reply.body), 300);
        results.push(json!({
            "channel": channel,
            "status": reply.status,
            "answer": serde_json::from_slice::<Value>(&reply.body).unwrap_or(Value::String(said)),
        }));
    }
    if args.curl || args.dry_run {
        return Ok(());
    }
    if args.json {
        return Ok(ctx.ui.out(&json_text(
            &json!({ "via": "backend", "url": shown, "results": results }),
        ))?);
    }
    for r in &results {
        ctx.ui.out(&format!(
            "{} → {} via the backend: {} accepted",
            ready.event().name,
            r["channel"].as_str().unwrap_or_default(),
            r["status"]
        ))?;
    }
    Ok(())
}
