//! The checks of the app's own endpoints, as the platform's backend serves them: the
//! channel auth endpoint (its answers, then a subscription with them) and its CORS
//! preflight, the admin trigger, the webhook receiver, and the legacy WebSocket.

use std::future::Future;
use std::time::Duration;

use super::channels::join;
use super::list;
use super::outcome::Outcome;
use super::server::{Trip, round_trip};
use crate::app_urls::legacy_ws_url;
use crate::catalog::webhook_fixtures::DEFAULTS;
use crate::config::{Field, Resolved, Secret, Value};
use crate::error::CliError;
use crate::net::auth::{AuthBody, Authorizer, Endpoint, Refusal};
use crate::net::backend::Backend;
use crate::net::http::{JsonPoster, Reply};
use crate::net::probe::Probe;
use crate::net::shown_url;
use crate::net::tls::Trust;
use crate::net::ws;
use crate::outgoing::{Ready, System, World as _};
use crate::pusher::sign::{self, ChannelAuth, HmacPart, KeyPart};
use crate::pusher::webhook::{self, Answer, EventType};
use crate::pusher::{ChannelKind, MasterKey};
use crate::text::{one_line, sanitize};

/// The most auth requests a run sends: one a channel kind (private, presence, and
/// private-encrypted when the profile has a master key). The platform allows 10 a
/// minute per user, so even three runs in a minute stay under it.
pub const MAX_AUTH_REQUESTS: usize = 3;

/// What the app checks work with, from the run.
pub struct Inputs<'a> {
    pub config: &'a Resolved,
    /// The app secret, when it was read.
    pub secret: Option<&'a Secret>,
    pub trust: Result<&'a Trust, &'a CliError>,
    /// The profile's socket, for a socket id and to see events arrive.
    pub socket: Result<&'a ws::Options, &'a CliError>,
    /// The frontend's origin, for the CORS preflight (`--origin`, else a compared
    /// frontend `.env`'s `VITE_API_BASE_URL`).
    pub origin: Option<&'a str>,
}

/// Run the app checks among `wanted` (ids of `list::APP`) side by side: each id with
/// what it found and how long it took.
pub async fn checks(
    inputs: &Inputs<'_>,
    wanted: &[&str],
) -> Vec<(&'static str, Outcome, Duration)> {
    let http = inputs
        .trust
        .map_err(Clone::clone)
        .and_then(|t| JsonPoster::new(inputs.config.timeout.val, t));
    let http = http.as_ref();
    let suffix = System.random_id();
    let want = |id: &str| wanted.contains(&id);
    let (auth, cors, trigger, webhook, legacy) = tokio::join!(
        timed(want(list::APP_AUTH), auth(inputs, http, &suffix)),
        timed(want(list::APP_CORS), cors(inputs, http)),
        timed(want(list::APP_TRIGGER), trigger(inputs, http, &suffix)),
        timed(want(list::APP_WEBHOOK), webhook(inputs, http, &suffix)),
        timed(want(list::APP_LEGACY_WS), legacy_ws(inputs)),
    );
    [
        (list::APP_AUTH, auth),
        (list::APP_CORS, cors),
        (list::APP_TRIGGER, trigger),
        (list::APP_WEBHOOK, webhook),
        (list::APP_LEGACY_WS, legacy),
    ]
    .into_iter()
    .filter_map(|(id, found)| found.map(|(o, took)| (id, o, took)))
    .collect()
}

async fn timed(wanted: bool, check: impl Future<Output = Outcome>) -> Option<(Outcome, Duration)> {
    if wanted {
        Some(super::run::timed(check).await)
    } else {
        None
    }
}

/// The skip of a check whose URL is not set, naming the setting that would enable it.
fn not_set(field: Field, config: &Resolved, what: &str) -> Outcome {
    Outcome::skip(format!("no `{field}` in profile `{}`", config.profile.val)).hint(format!(
        "to check {what}, {}",
        field.ways_to_set(&config.profile.val)
    ))
}

/// Where a URL came from, for messages.
fn from(field: Field, v: &Value<String>) -> String {
    format!("{field} from {}", v.source)
}

/// The names of the headers sent to the auth endpoint (never their values).
fn header_names(config: &Resolved) -> Vec<String> {
    config
        .auth_headers
        .as_ref()
        .map(|v| v.val.iter().map(|(n, _)| n.clone()).collect())
        .unwrap_or_default()
}

// ---------------------------------------------------------------- app.auth

/// Ask the auth endpoint, as pusher-js does, for a private and a presence channel (and
/// an encrypted one when the profile has a master key), check each answer, and
/// subscribe with it.
async fn auth(inputs: &Inputs<'_>, http: Result<&JsonPoster, &CliError>, suffix: &str) -> Outcome {
    let config = inputs.config;
    let Some(url) = &config.auth_endpoint else {
        return not_set(Field::AuthEndpoint, config, "the app's auth endpoint");
    };
    let (Some(key), Some(secret)) = (&config.key, inputs.secret) else {
        return Outcome::skip(
            "the app key and secret are needed to check the endpoint's signatures",
        );
    };
    let (http, options) = match (http, inputs.socket) {
        (Ok(h), Ok(o)) => (h, o),
        (Err(e), _) | (_, Err(e)) => return Outcome::failed(e),
    };
    let master = config
        .encryption_master_key
        .as_ref()
        .and_then(|v| MasterKey::from_base64(v.val.expose()).ok());
    let channels = auth_channels(suffix, master.is_some());
    let names = header_names(config);
    let authorizer = Authorizer {
        endpoint: Some(Endpoint {
            url: url.val.clone(),
            headers: config
                .auth_headers
                .as_ref()
                .map(|v| v.val.clone())
                .unwrap_or_default(),
            body: AuthBody::Form,
            http: http.clone(),
        }),
        ..Authorizer::default()
    };
    let shown = shown_url(&url.val);
    let (mut probe, established) = match Probe::open(options).await {
        Ok(p) => p,
        Err(e) => return Outcome::failed(&e),
    };
    let socket_id = established.socket_id;
    let judge = Judge {
        key: &key.val,
        secret,
        master: master.as_ref(),
        socket_id: &socket_id,
    };
    let mut requests = 0;
    let mut joined = Vec::new();
    let mut failed = None;
    for channel in &channels {
        requests += 1;
        let answer = match authorizer.channel(&socket_id, channel).await {
            Ok(a) => a,
            Err(r) => {
                failed = Some(refused(&r, channel, config, &names));
                break;
            }
        };
        if let Err(o) = judge.answer(channel, &answer) {
            failed = Some(o);
            break;
        }
        let data = answer.channel_data.as_deref();
        if let Err(e) = join(&mut probe, channel, Some(&answer.auth), data).await {
            failed = Some(Outcome::failed(&e.hint(
                "the endpoint's answer verifies here, but the server refused it: is the server this app's (`rtctl config show --show-origin`)?",
            )));
            break;
        }
        joined.push(channel.clone());
    }
    for channel in &joined {
        let _ = probe.send(crate::pusher::frame::unsubscribe(channel)).await;
    }
    probe.close().await;
    let outcome = failed.unwrap_or_else(|| {
        let kinds = if channels.len() > 2 {
            "a private, a presence and an encrypted channel"
        } else {
            "a private and a presence channel"
        };
        Outcome::pass(format!(
            "{shown} authorized {kinds} with this app's key and secret, and the server accepted each answer"
        ))
    });
    outcome
        .detail(
            "url",
            format!("{shown} ({})", from(Field::AuthEndpoint, url)),
        )
        .detail(
            "headers sent",
            if names.is_empty() {
                "none (no auth_headers)".to_owned()
            } else {
                names.join(", ")
            },
        )
        .detail("socket id", socket_id)
        .detail(
            "auth requests",
            format!("{requests} (at most {MAX_AUTH_REQUESTS} a run)"),
        )
}

/// The channels the auth check asks for, one auth request each: a private and a
/// presence one, and an encrypted one when the profile has a master key to check its
/// `shared_secret` with.
fn auth_channels(suffix: &str, encrypted: bool) -> Vec<String> {
    let mut channels = vec![
        format!("private-rtctl-doctor-{suffix}"),
        format!("presence-rtctl-doctor-{suffix}"),
    ];
    if encrypted {
        channels.push(format!("private-encrypted-rtctl-doctor-{suffix}"));
    }
    channels
}

/// The endpoint refused or could not be asked: a 401, 403 or 419 is the platform's
/// "Authentication token required", naming the headers sent.
fn refused(r: &Refusal, channel: &str, config: &Resolved, names: &[String]) -> Outcome {
    match r.status {
        Some(status @ (401 | 403 | 419)) => {
            let hint = if names.is_empty() {
                format!(
                    "no auth headers were sent, and the endpoint wants a logged-in user's credentials: {}",
                    Field::AuthHeaders.ways_to_set(&config.profile.val)
                )
            } else {
                let from = config
                    .auth_headers
                    .as_ref()
                    .map(|v| v.source.to_string())
                    .unwrap_or_default();
                format!(
                    "the endpoint refused the credentials in {} (auth_headers from {from}): they are missing, wrong or expired; set a logged-in user's token",
                    names.join(", ")
                )
            };
            Outcome::fail(
                format!("Authentication token required: the auth endpoint answered {status} for {channel}"),
                hint,
            )
            .detail("answer", r.message.clone())
        }
        _ => {
            let from = config
                .auth_endpoint
                .as_ref()
                .map(|v| v.source.to_string())
                .unwrap_or_default();
            let hints: Vec<String> = r
                .hints
                .iter()
                .cloned()
                .chain([format!("check `auth_endpoint` (from {from})")])
                .collect();
            Outcome::fail(
                format!("no authorization for {channel}: {}", r.message),
                hints.join("; "),
            )
        }
    }
}

/// What an endpoint's answer must be, for this app and socket.
struct Judge<'a> {
    key: &'a str,
    secret: &'a Secret,
    master: Option<&'a MasterKey>,
    socket_id: &'a str,
}

impl Judge<'_> {
    /// A presence answer's `channel_data` with a `user_id`, a signature this app's
    /// secret made over this socket and channel, and an encrypted channel's
    /// `shared_secret`: the first that is wrong, as a failure.
    fn answer(&self, channel: &str, answer: &ChannelAuth) -> Result<(), Outcome> {
        let kind = ChannelKind::of(channel);
        let data = answer.channel_data.as_deref();
        if kind == ChannelKind::Presence {
            let Some(data) = data else {
                return Err(Outcome::fail(
                    format!("the auth endpoint answered for {channel} without channel_data"),
                    "a presence channel's answer carries channel_data, a JSON string with the member's user_id (and user_info), signed with the rest",
                ));
            };
            if let Err(e) = sign::presence_user_id(data) {
                return Err(Outcome::fail(
                    format!("the auth endpoint's channel_data for {channel}: {e}"),
                    e.hint(),
                )
                .detail("channel_data", sanitize(&one_line(data, 200), false)));
            }
        }
        let parts = sign::check_channel_auth(
            self.key,
            self.secret.expose(),
            self.socket_id,
            channel,
            data,
            &answer.auth,
        );
        if !parts.is_valid() {
            let to_sign = sanitize(
                &sign::channel_string_to_sign(self.socket_id, channel, data),
                false,
            );
            let hint = match (&parts.key, parts.hmac) {
                (KeyPart::Differs(_), _) => {
                    "the backend's PUSHER_KEY is another app's: make it this profile's `key`"
                }
                (_, Some(HmacPart::Differs)) => {
                    "the backend signs with another secret than this profile's (its PUSHER_SECRET), or over another socket id or channel than it was sent"
                }
                _ => "sign the string to sign byte for byte, as the official server libraries do",
            };
            return Err(Outcome::fail(
                format!(
                    "the auth endpoint's signature for {channel} does not verify: {}; the string to sign is `{to_sign}`",
                    parts.explain(self.key)
                ),
                hint,
            )
            .detail("string to sign", to_sign)
            .detail("reason", parts.reason()));
        }
        if kind == ChannelKind::PrivateEncrypted
            && let Some(master) = self.master
        {
            match &answer.shared_secret {
                None => {
                    return Err(Outcome::fail(
                        format!(
                            "the auth endpoint answered for {channel} without a shared_secret: browsers cannot decrypt the channel"
                        ),
                        "the backend needs the encryption master key (this profile's `encryption_master_key`) to add shared_secret to encrypted channels' answers",
                    ));
                }
                Some(given) if *given != master.shared_secret_base64(channel) => {
                    return Err(Outcome::fail(
                        format!(
                            "the auth endpoint's shared_secret for {channel} is not the one this profile's encryption master key makes"
                        ),
                        "the backend's encryption master key differs from this profile's `encryption_master_key`: events it encrypts cannot be read here, and the reverse",
                    ));
                }
                Some(_) => {}
            }
        }
        Ok(())
    }
}

// ---------------------------------------------------------------- app.cors

/// A browser's preflight of the auth request from the frontend's origin.
async fn cors(inputs: &Inputs<'_>, http: Result<&JsonPoster, &CliError>) -> Outcome {
    let config = inputs.config;
    let Some(url) = &config.auth_endpoint else {
        return not_set(Field::AuthEndpoint, config, "the auth endpoint's CORS");
    };
    let Some(origin) = inputs.origin else {
        return Outcome::skip("no frontend origin to check CORS for").hint(
            "pass --origin URL, the frontend's address (e.g. --origin http://localhost:5173), or the frontend's .env with --compare-env",
        );
    };
    let http = match http {
        Ok(h) => h,
        Err(e) => return Outcome::failed(e),
    };
    let asked = preflight_headers(&header_names(config));
    let mut headers = vec![
        ("Origin".to_owned(), origin.to_owned()),
        (
            "Access-Control-Request-Method".to_owned(),
            "POST".to_owned(),
        ),
    ];
    if !asked.is_empty() {
        headers.push(("Access-Control-Request-Headers".to_owned(), asked.join(",")));
    }
    let shown = shown_url(&url.val);
    match http
        .options(&url.val, &headers, &from(Field::AuthEndpoint, url))
        .await
    {
        Ok(reply) => cors_verdict(origin, &asked, &reply),
        Err(e) => Outcome::failed(&e),
    }
    .detail("url", shown)
    .detail("origin", origin.to_owned())
}

/// The headers a browser names in `Access-Control-Request-Headers` for pusher-js's auth
/// request: the auth headers, lowercased and sorted. Its `Content-Type`
/// (`application/x-www-form-urlencoded`) is one a browser never asks about.
fn preflight_headers(names: &[String]) -> Vec<String> {
    let mut asked: Vec<String> = names.iter().map(|n| n.to_ascii_lowercase()).collect();
    asked.sort();
    asked.dedup();
    asked
}

/// Whether a browser on `origin` may send the auth request, judged from the preflight's
/// answer as the Fetch standard does. POST needs no `Access-Control-Allow-Methods`: it
/// is a CORS-safelisted method.
fn cors_verdict(origin: &str, asked: &[String], reply: &Reply) -> Outcome {
    let fix = "add the frontend's origin to the backend's CORS settings (allowed origins and headers), then restart it";
    let allowed = reply.header("access-control-allow-origin").map(str::trim);
    let credentials = reply
        .header("access-control-allow-credentials")
        .is_some_and(|v| v.trim() == "true");
    let mut o = match allowed {
        _ if !reply.is_success() => Outcome::fail(
            format!(
                "the preflight from {origin} got HTTP {}: browsers need a 2xx, so they never send the auth request",
                reply.status
            ),
            fix,
        ),
        None => Outcome::fail(
            format!(
                "the preflight from {origin} got no Access-Control-Allow-Origin: browsers refuse the auth request (\"Connection failed\")"
            ),
            fix,
        ),
        Some("*") if credentials => Outcome::fail(
            "the preflight allows origin `*` with credentials, which browsers refuse",
            "name the frontend's origin in Access-Control-Allow-Origin instead of `*`",
        ),
        Some(v) if v != "*" && v != origin => Outcome::fail(
            format!(
                "the preflight allows origin `{}`, not {origin}",
                sanitize(&one_line(v, 100), false)
            ),
            fix,
        ),
        Some(_) => {
            let list = reply
                .header("access-control-allow-headers")
                .unwrap_or_default();
            let allowed: Vec<String> = list
                .split(',')
                .map(|h| h.trim().to_ascii_lowercase())
                .collect();
            // `*` covers every header but Authorization, and only without credentials.
            let star = allowed.iter().any(|h| h == "*") && !credentials;
            let covered = |h: &String| allowed.contains(h) || (star && h != "authorization");
            let missing: Vec<&str> = asked
                .iter()
                .filter(|h| !covered(h))
                .map(String::as_str)
                .collect();
            if missing.is_empty() {
                Outcome::pass(format!(
                    "{origin} may POST to the auth endpoint{}",
                    if asked.is_empty() {
                        String::new()
                    } else {
                        format!(" with {}", asked.join(", "))
                    }
                ))
            } else {
                Outcome::fail(
                    format!(
                        "the preflight from {origin} does not allow the header(s) the auth request sends: {}",
                        missing.join(", ")
                    ),
                    "add them to the backend's CORS allowed headers, then restart it",
                )
            }
        }
    };
    for name in [
        "access-control-allow-origin",
        "access-control-allow-methods",
        "access-control-allow-headers",
        "access-control-allow-credentials",
    ] {
        if let Some(v) = reply.header(name) {
            o = o.detail(name, sanitize(&one_line(v, 200), false));
        }
    }
    o
}

// ---------------------------------------------------------------- app.trigger

/// Post an event to the backend's `/realtime/trigger` as `trigger --via backend` does,
/// and see it arrive on a subscribed socket.
async fn trigger(
    inputs: &Inputs<'_>,
    http: Result<&JsonPoster, &CliError>,
    suffix: &str,
) -> Outcome {
    let config = inputs.config;
    let Some(base) = &config.backend_url else {
        return not_set(Field::BackendUrl, config, "the backend's /realtime/trigger");
    };
    let (http, options) = match (http, inputs.socket) {
        (Ok(h), Ok(o)) => (h, o),
        (Err(e), _) | (_, Err(e)) => return Outcome::failed(e),
    };
    let backend = Backend {
        base,
        token: config.backend_token.as_ref(),
        profile: &config.profile.val,
    };
    let shown = shown_url(&backend.url());
    let channel = format!("rtctl-doctor-app-{suffix}");
    let send = async |ready: &Ready| backend.post(http, &channel, ready).await;
    match round_trip(config, options, &channel, send).await {
        Trip::NotSent(e) => Outcome::failed(&e),
        Trip::Arrived {
            answer, arrived, ..
        } => Outcome::pass(format!(
            "an event posted to {shown} (HTTP {}) arrived on {channel} in {:.1} ms",
            answer.status,
            arrived.as_secs_f64() * 1000.0
        )),
        Trip::Lost { answer, error } => Outcome::fail(
            format!(
                "{shown} answered HTTP {}, but the event never arrived on {channel}: {}",
                answer.status, error.message
            ),
            "the backend answers without publishing: its development mode gives mock responses when its Pusher configuration is missing; set PUSHER_ENABLED=true and this profile's PUSHER_APP_ID, PUSHER_KEY and PUSHER_SECRET in the backend's .env, then restart it",
        )
        .detail(
            "answer",
            sanitize(&one_line(&String::from_utf8_lossy(&answer.body), 200), false),
        ),
    }
    .detail("url", format!("{shown} ({})", from(Field::BackendUrl, base)))
    .detail("channel", channel)
}

// ---------------------------------------------------------------- app.webhook

/// Post a signed webhook, which must be accepted, then the same wrongly signed, which
/// must be refused. Its events open and close a channel of doctor's own.
async fn webhook(
    inputs: &Inputs<'_>,
    http: Result<&JsonPoster, &CliError>,
    suffix: &str,
) -> Outcome {
    let config = inputs.config;
    let Some(url) = &config.webhook_url else {
        return not_set(Field::WebhookUrl, config, "the app's webhook endpoint");
    };
    let (Some(key), Some(secret)) = (&config.key, inputs.secret) else {
        return Outcome::skip("the app key and secret are needed to sign webhooks");
    };
    let http = match http {
        Ok(h) => h,
        Err(e) => return Outcome::failed(e),
    };
    let channel = format!("rtctl-doctor-{suffix}");
    let spec = webhook::Spec {
        channel: Some(channel.clone()),
        ..webhook::Spec::default()
    };
    let events = [EventType::ChannelOccupied, EventType::ChannelVacated]
        .into_iter()
        .map(|kind| webhook::event(kind, &spec, &DEFAULTS))
        .collect::<Result<Vec<_>, _>>();
    let body = match events {
        Ok(events) => webhook::body(crate::time::now_ms(), &events).into_bytes(),
        Err(e) => {
            return Outcome::fail(
                format!("cannot make a webhook for {channel}: {e}"),
                "report this: doctor's channel name should be valid",
            );
        }
    };
    let shown = shown_url(&url.val);
    let where_from = from(Field::WebhookUrl, url);
    let post = |tampered: bool| {
        let headers = webhook::signed_headers(&key.val, secret.expose(), &body, tampered);
        let body = body.clone();
        let where_from = where_from.clone();
        async move { http.post(&url.val, &headers, body, &where_from).await }
    };
    let said = |r: &Reply| one_line(&String::from_utf8_lossy(&r.body), 200);
    let outcome = match post(false).await {
        Err(e) => Outcome::failed(&e),
        Ok(signed) if Answer::of(false, Some(signed.status)) != Answer::Accepted => Outcome::fail(
            format!(
                "{shown} rejected a rightly signed webhook (HTTP {}: {})",
                signed.status,
                said(&signed)
            ),
            "webhooks are signed with the app secret: check that the backend's PUSHER_KEY and PUSHER_SECRET are this profile's",
        ),
        Ok(signed) => match post(true).await {
            Err(e) => Outcome::failed(&e),
            Ok(forged) => match Answer::of(true, Some(forged.status)) {
                Answer::Refused => Outcome::pass(format!(
                    "a signed webhook was accepted (HTTP {}) and a wrongly signed one refused (HTTP {})",
                    signed.status, forged.status
                )),
                Answer::AcceptedTampered => Outcome::fail(
                    format!(
                        "the endpoint does not verify signatures: it accepted a webhook with a wrong X-Pusher-Signature (HTTP {})",
                        forged.status
                    ),
                    Answer::AcceptedTampered.hint().unwrap_or_default(),
                ),
                answer => Outcome::fail(
                    format!(
                        "the endpoint answered HTTP {} to a wrongly signed webhook instead of refusing it: {}",
                        forged.status,
                        said(&forged)
                    ),
                    answer.hint().unwrap_or_default(),
                ),
            },
        },
    };
    outcome
        .detail("url", format!("{shown} ({where_from})"))
        .detail(
            "events",
            format!("channel_occupied, channel_vacated on {channel}"),
        )
}

// ---------------------------------------------------------------- app.legacy_ws

/// The legacy WebSocket's handshake, at `{backend_url}/ws/content`.
async fn legacy_ws(inputs: &Inputs<'_>) -> Outcome {
    let config = inputs.config;
    let Some(base) = &config.backend_url else {
        return not_set(Field::BackendUrl, config, "the backend's legacy WebSocket");
    };
    let trust = match inputs.trust {
        Ok(t) => t.clone(),
        Err(e) => return Outcome::failed(e),
    };
    let options = ws::Options {
        url: legacy_ws_url(&base.val),
        where_from: from(Field::BackendUrl, base),
        key_from: String::new(),
        connect_timeout: config.timeout.val,
        reconnect: false,
        backoff: crate::pusher::reconnect::BACKOFF,
        max_message_size: ws::DEFAULT_MAX_MESSAGE_SIZE,
        read_buffer_size: ws::DEFAULT_READ_BUFFER_SIZE,
        trust,
    };
    let shown = shown_url(&options.url);
    match ws::open(&options).await {
        Ok(mut socket) => {
            let _ = tokio::time::timeout(Duration::from_secs(1), socket.close(None)).await;
            Outcome::pass(format!("the WebSocket handshake at {shown} completed"))
        }
        Err((Some(404), _)) => Outcome::skip(format!(
            "{shown} answered 404: this backend has no legacy WebSocket endpoint"
        )),
        Err((Some(status), _)) => Outcome::fail(
            format!("{shown} answered HTTP {status} instead of opening a WebSocket"),
            format!(
                "the backend's legacy endpoint refuses the handshake: check that its WebSockets are on (WS_ENABLED=true) and that `backend_url` (from {}) is the backend",
                base.source
            ),
        ),
        Err((None, e)) => Outcome::failed(&e),
    }
    .detail("url", shown)
}

#[cfg(test)]
mod tests {
    use super::super::outcome::Status;
    use super::*;

    fn reply(status: u16, headers: &[(&str, &str)]) -> Reply {
        Reply {
            status,
            body: Vec::new(),
            server_date: None,
            retry_after: None,
            location: None,
            headers: headers
                .iter()
                .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
                .collect(),
        }
    }

    const ORIGIN: &str = "http://localhost:5173";

    #[test]
    fn cors_allows_the_origin_or_a_star_without_credentials() {
        let asked = preflight_headers(&["Authorization".into(), "X-Tenant".into()]);
        assert_eq!(asked, ["authorization", "x-tenant"]);
        let ok = reply(
            204,
            &[
                ("access-control-allow-origin", ORIGIN),
                ("access-control-allow-headers", "Authorization, X-Tenant"),
            ],
        );
        assert_eq!(cors_verdict(ORIGIN, &asked, &ok).status, Status::Pass);
        let star = reply(200, &[("access-control-allow-origin", "*")]);
        assert_eq!(cors_verdict(ORIGIN, &[], &star).status, Status::Pass);
        let star_credentials = reply(
            200,
            &[
                ("access-control-allow-origin", "*"),
                ("access-control-allow-credentials", "true"),
            ],
        );
        let o = cors_verdict(ORIGIN, &[], &star_credentials);
        assert_eq!(o.status, Status::Fail);
        assert!(o.finding.contains("with credentials"), "{}", o.finding);
    }

    #[test]
    fn cors_fails_another_origin_no_origin_a_bad_status_and_missing_headers() {
        let asked = preflight_headers(&["Authorization".into()]);
        for (r, words) in [
            (reply(204, &[]), "no Access-Control-Allow-Origin"),
            (
                reply(
                    204,
                    &[("access-control-allow-origin", "https://other.example")],
                ),
                "not http://localhost:5173",
            ),
            (
                reply(400, &[("access-control-allow-origin", ORIGIN)]),
                "HTTP 400",
            ),
            (
                reply(
                    204,
                    &[
                        ("access-control-allow-origin", ORIGIN),
                        ("access-control-allow-headers", "content-type"),
                    ],
                ),
                "authorization",
            ),
            // `*` does not cover Authorization.
            (
                reply(
                    204,
                    &[
                        ("access-control-allow-origin", ORIGIN),
                        ("access-control-allow-headers", "*"),
                    ],
                ),
                "authorization",
            ),
        ] {
            let o = cors_verdict(ORIGIN, &asked, &r);
            assert_eq!(o.status, Status::Fail, "{words}");
            assert!(o.finding.contains(words), "{}", o.finding);
            assert!(o.hint.is_some());
        }
    }

    #[test]
    fn a_run_sends_at_most_three_auth_requests() {
        for encrypted in [false, true] {
            let channels = auth_channels("s", encrypted);
            assert!(channels.len() <= MAX_AUTH_REQUESTS);
            for c in &channels {
                crate::pusher::names::validate_channel(c).unwrap();
            }
        }
        assert_eq!(
            auth_channels("s", true)[2],
            "private-encrypted-rtctl-doctor-s"
        );
    }

    fn judge_with<'a>(secret: &'a Secret, master: Option<&'a MasterKey>) -> Judge<'a> {
        Judge {
            key: "key-1",
            secret,
            master,
            socket_id: "1.2",
        }
    }

    #[test]
    fn answers_signed_rightly_pass_and_each_fault_names_itself() {
        let secret = Secret::new("secret-1");
        let judge = judge_with(&secret, None);
        let presence = r#"{"user_id":"7"}"#;
        let good = sign::authorize_channel(
            "key-1",
            "secret-1",
            "1.2",
            "presence-x",
            Some(presence),
            None,
        )
        .unwrap();
        assert!(judge.answer("presence-x", &good).is_ok());

        let other =
            sign::authorize_channel("key-1", "other-secret", "1.2", "private-x", None, None)
                .unwrap();
        let o = judge.answer("private-x", &other).unwrap_err();
        assert!(o.finding.contains("does not verify"), "{}", o.finding);
        assert!(o.finding.contains("`1.2:private-x`"), "{}", o.finding);
        assert!(o.hint.unwrap().contains("another secret"));
        assert!(!o.finding.contains("other-secret"));

        let other_key =
            sign::authorize_channel("key-2", "secret-1", "1.2", "private-x", None, None).unwrap();
        let o = judge.answer("private-x", &other_key).unwrap_err();
        assert!(o.finding.contains("key `key-2`"), "{}", o.finding);

        let no_data = ChannelAuth {
            channel_data: None,
            ..good.clone()
        };
        let o = judge.answer("presence-x", &no_data).unwrap_err();
        assert!(o.finding.contains("without channel_data"), "{}", o.finding);
        let no_user = sign::authorize_channel("key-1", "secret-1", "1.2", "private-x", None, None)
            .map(|a| ChannelAuth {
                channel_data: Some(r#"{"name":"x"}"#.into()),
                ..a
            })
            .unwrap();
        let o = judge.answer("presence-x", &no_user).unwrap_err();
        assert!(o.finding.contains("user_id"), "{}", o.finding);
    }

    #[test]
    fn an_encrypted_answer_needs_the_shared_secret_of_this_master_key() {
        let secret = Secret::new("secret-1");
        let master =
            MasterKey::from_base64("Ykdm60bqs+b+TfgWwZEbuZ6Oc3i7rHhmsLqh0Wr6NxE=").unwrap();
        let judge = judge_with(&secret, Some(&master));
        let channel = "private-encrypted-x";
        let good =
            sign::authorize_channel("key-1", "secret-1", "1.2", channel, None, Some(&master))
                .unwrap();
        assert!(judge.answer(channel, &good).is_ok());
        let without = ChannelAuth {
            shared_secret: None,
            ..good.clone()
        };
        let o = judge.answer(channel, &without).unwrap_err();
        assert!(
            o.finding.contains("without a shared_secret"),
            "{}",
            o.finding
        );
        let other = ChannelAuth {
            shared_secret: Some("AAAA".into()),
            ..good
        };
        let o = judge.answer(channel, &other).unwrap_err();
        assert!(o.finding.contains("not the one"), "{}", o.finding);
    }
}
