//! `--via backend`: publish through the app's own admin endpoint,
//! `POST {backend_url}/realtime/trigger` with `Authorization: Bearer {backend_token}`,
//! for when ops staff must go through the app rather than use the Pusher secret.

use serde_json::{Value, json};

use super::{Args, Ctx, Header, curl_command, dry_run_text};
use crate::app_urls::trigger_url;
use crate::config::{ConfigError, Field};
use crate::error::{CliError, Kind};
use crate::net::http::post_json;
use crate::net::{shown_url, url_hides_secrets};
use crate::outgoing::Ready;
use crate::text::one_line;
use crate::ui::json_text;

/// The platform's body: `{"channel","event","data","socket_id"?}`, data as JSON when it
/// is JSON. The backend encrypts for encrypted channels, so the data goes as given.
fn body(channel: &str, ready: &Ready) -> Vec<u8> {
    let event = ready.event();
    let data = ready
        .payload()
        .json
        .clone()
        .unwrap_or_else(|| Value::String(ready.payload().data.clone()));
    let mut b = json!({ "channel": channel, "event": event.name, "data": data });
    if let Some(id) = &event.socket_id {
        b["socket_id"] = json!(id);
    }
    b.to_string().into_bytes()
}

pub async fn run(ctx: &mut Ctx, args: &Args, ready: &Ready) -> Result<(), CliError> {
    let config = ctx.config()?.clone();
    let profile = config.profile.val.clone();
    let base = config.backend_url.clone().ok_or(ConfigError::Missing {
        field: Field::BackendUrl,
        profile: profile.clone(),
    })?;
    let url = trigger_url(&base.val);
    // Messages, --curl and --dry-run show the URL without credentials or query.
    let shown = shown_url(&url);
    if (args.curl || args.dry_run) && url_hides_secrets(&url) {
        ctx.ui.warn(&format!(
            "the URL is shown as {shown}: its user name, password and query are left out; add them yourself"
        ));
    }
    let token = config.backend_token.clone();
    let mut headers: Vec<Header> = Vec::new();
    if token.is_some() {
        headers.push(Header {
            name: "Authorization",
            value: "Bearer $RTCTL_BACKEND_TOKEN".into(),
            shell_expands: true,
        });
    }
    let mut results = Vec::new();
    for channel in &ready.event().channels {
        let body = body(channel, ready);
        if args.curl {
            ctx.ui.out(&curl_command(&shown, &headers, &body))?;
            continue;
        }
        if args.dry_run {
            ctx.ui.status("dry run: nothing was sent");
            ctx.ui.out(&dry_run_text(&shown, &headers, &body))?;
            continue;
        }
        let auth: Vec<(String, String)> = token
            .iter()
            .map(|t| {
                (
                    "Authorization".to_owned(),
                    format!("Bearer {}", t.val.expose()),
                )
            })
            .collect();
        let where_from = format!("backend_url from {}", base.source);
        let trust = ctx.trust()?;
        let reply = post_json(&url, &auth, body, config.timeout.val, &trust, &where_from).await?;
        let said = one_line(&String::from_utf8_lossy(&reply.body), 300);
        if !reply.is_success() {
            let err = CliError::new(
                if matches!(reply.status, 401 | 403) {
                    Kind::Auth
                } else {
                    Kind::Failure
                },
                format!(
                    "the backend refused the event for `{channel}` (POST {shown} → HTTP {}: {said})",
                    reply.status
                ),
            );
            return Err(match (reply.status, &token) {
                (401 | 403, Some(t)) => err.hint(format!(
                    "the backend token (from {}) is likely wrong, expired or lacks the admin role",
                    t.source
                )),
                (401 | 403, None) => err.hint(format!(
                    "no backend token is set: {}",
                    Field::BackendToken.ways_to_set(&profile)
                )),
                (404, _) => err.hint(format!(
                    "is `backend_url` (from {}) the app's backend?",
                    base.source
                )),
                _ => err,
            });
        }
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
