//! Everything `tail` works out before connecting: who authorizes its channels and signs
//! the user in (the app's endpoints with their headers, or the app's secret here), the
//! observer identity presence channels are joined with, and the client that lists
//! channels for patterns.

use super::output::AuthSource;
use super::{Args, Channels};
use crate::commands::Ctx;
use crate::config::Secret;
use crate::config::headers::{self, Header};
use crate::error::{CliError, Kind};
use crate::net::auth::{self, Authorizer, Signer};
use crate::net::http::{JsonPoster, RestClient};
use crate::pusher::names::ChannelKind;
use crate::pusher::sign;

/// Everything `tail` needs, worked out before connecting.
pub struct Plan {
    /// The observer identity presence channels are joined with, when no --user-id.
    pub observer: Option<String>,
    pub authorizer: Authorizer,
    pub auth_source: AuthSource,
    pub rest: Option<RestClient>,
}

pub async fn plan(ctx: &mut Ctx, args: &Args, chans: &Channels) -> Result<Plan, CliError> {
    let config = ctx.config()?.clone();
    let info = args
        .user_info
        .as_deref()
        .map(crate::values::user_info)
        .transpose()?;
    let endpoint_url = args.auth_endpoint.clone().or_else(|| {
        (!args.sign_locally)
            .then(|| config.auth_endpoint.as_ref().map(|v| v.val.clone()))
            .flatten()
    });
    if args.auth_endpoint.is_none() && !args.sign_locally && !args.auth_header.is_empty() {
        config.allow_flag_auth_headers()?;
    }
    let timeout = config.timeout.val;
    let mut headers: Vec<(String, Secret)> = config
        .auth_headers
        .as_ref()
        .map(|v| v.val.clone())
        .unwrap_or_default();
    for (i, h) in args.auth_header.iter().enumerate() {
        let (name, value) = parse_header(i + 1, h.expose())?;
        headers.retain(|(n, _)| !n.eq_ignore_ascii_case(&name));
        headers.push((name, value));
    }
    // One HTTP client for the run, shared by both endpoints.
    let http = if endpoint_url.is_some() || args.user_auth_endpoint.is_some() {
        Some(JsonPoster::new(timeout, &ctx.trust()?)?)
    } else {
        None
    };
    let endpoint = endpoint_url
        .zip(http.clone())
        .map(|(url, http)| auth::Endpoint {
            url,
            headers: headers.clone(),
            body: args.auth_body,
            http,
        });
    let user_endpoint = args
        .user_auth_endpoint
        .clone()
        .zip(http)
        .map(|(url, http)| auth::Endpoint {
            url,
            headers,
            body: args.auth_body,
            http,
        });
    let auth_source = if endpoint.is_some() {
        AuthSource::Endpoint
    } else {
        AuthSource::Local
    };
    let kinds = chans.known_kinds();
    let needs_local_channel =
        endpoint.is_none() && (!chans.patterns.is_empty() || kinds.iter().any(|k| k.needs_auth()));
    let needs_local_user = args.signin && user_endpoint.is_none();
    if needs_local_user && args.user_id.is_none() {
        return Err(
            CliError::usage("--signin signs the user in locally and needs --user-id")
                .hint("give --user-id ID (and --user-info JSON), or --user-auth-endpoint URL"),
        );
    }
    if let Some(id) = &args.user_id {
        crate::pusher::event::validate_user_id(id)
            .map_err(|e| CliError::usage(format!("--user-id: {e}")).hint(e.hint()))?;
    }
    let signer = if needs_local_channel || needs_local_user {
        let master_key = ctx.master_key()?;
        if endpoint.is_none()
            && master_key.is_none()
            && kinds.contains(&ChannelKind::PrivateEncrypted)
        {
            return Err(CliError::new(
                Kind::Config,
                "encrypted channels signed locally need the app's encryption master key",
            )
            .hint("set `encryption_master_key` in the profile (or RTCTL_ENCRYPTION_MASTER_KEY), or use --auth-endpoint"));
        }
        let (key, secret) = ctx.key_and_secret().await?;
        Some(Signer {
            key,
            secret,
            master_key,
        })
    } else {
        None
    };
    let rest = if chans.patterns.is_empty() {
        None
    } else {
        Some(ctx.rest().await?)
    };
    // Presence channels signed here need a member: --user-id, else an observer that
    // says what it is. With an endpoint, the endpoint decides.
    let observer = (needs_local_channel && args.user_id.is_none()).then(crate::observer::id);
    let member = match (&args.user_id, &observer) {
        (Some(id), _) => Some(sign::member_data(id, info.clone())),
        (None, Some(id)) => Some(crate::observer::member_data(id)),
        (None, None) => None,
    };
    Ok(Plan {
        observer,
        authorizer: Authorizer {
            signer,
            endpoint,
            user_endpoint,
            channel_data: member,
            user_data: args.user_id.as_ref().map(|id| {
                let mut v = serde_json::json!({ "id": id });
                if let Some(i) = &info {
                    v["user_info"] = i.clone();
                }
                v.to_string()
            }),
        },
        auth_source,
        rest,
    })
}

/// The `n`th `--auth-header` (from 1), checked by the one header rule the profile's
/// `auth_headers` follow too.
fn parse_header(n: usize, text: &str) -> Result<Header, CliError> {
    headers::header_line(&format!("--auth-header #{n}"), text).map_err(|e| {
        CliError::usage(format!("{e}; nothing was sent"))
            .hint("for example --auth-header 'Authorization: Bearer …'")
    })
}
