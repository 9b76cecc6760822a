//! Sends signed REST requests and turns every way they can fail into a clear error.

use std::time::{Duration, SystemTime};

use serde::de::DeserializeOwned;

use super::diagnose::{self, Target};
use super::tls::Trust;
use crate::config::{Endpoint, Resolved, Secret};
use crate::error::{CliError, Kind};
use crate::pusher::rest::{self, Method, RestRequest, SignedRequest};
use crate::text::one_line;

/// The most of a response body we read; the REST API's answers are far smaller.
const MAX_BODY: usize = 16 * 1024 * 1024;

/// Pusher accepts a request whose timestamp is within this many seconds of its clock.
const CLOCK_WINDOW_SECS: i64 = 600;

/// A signed-request client for one app on one server.
pub struct RestClient {
    http: reqwest::Client,
    endpoint: Endpoint,
    /// `endpoint.http_base()`, made once: every request's URL starts with it.
    base: String,
    app_id: String,
    key: String,
    secret: Secret,
    timeout: Duration,
    trust: Trust,
}

/// A response, whatever its status.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub body: Vec<u8>,
    /// The server's `Date`, to tell a wrong clock from wrong credentials.
    pub server_date: Option<SystemTime>,
    /// `Retry-After` in seconds, on 429 and 503.
    pub retry_after: Option<Duration>,
    /// `Location`, on a redirect (which is never followed).
    pub location: Option<String>,
    /// Every header, its name lowercased, for checks that read others (CORS).
    pub headers: Vec<(String, String)>,
}

impl Reply {
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The first value of header `name` (lowercase).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A request that got no answer.
#[derive(Debug)]
pub struct NoAnswer {
    pub error: CliError,
    /// Whether the request may have reached the server: it failed after connecting (a
    /// timeout waiting for the answer, a connection reset or closed mid-answer), not
    /// while connecting or resolving the name.
    pub maybe_sent: bool,
}

impl RestClient {
    pub fn new(config: &Resolved, secret: Secret, trust: &Trust) -> Result<Self, CliError> {
        let endpoint = config.require_rest()?.clone();
        let timeout = config.timeout.val;
        let http = http_client(timeout, trust)?;
        Ok(Self {
            http,
            base: endpoint.http_base(),
            endpoint,
            app_id: config.require_app_id()?.to_owned(),
            key: config.require_key()?.to_owned(),
            secret,
            timeout,
            trust: trust.clone(),
        })
    }

    pub fn app_id(&self) -> &str {
        &self.app_id
    }

    /// Sign `req` with the current time.
    pub fn sign(&self, req: RestRequest) -> Result<SignedRequest, CliError> {
        rest::sign(
            req,
            &self.key,
            self.secret.expose(),
            crate::time::now_unix(),
        )
        .map_err(|e| CliError::usage(e.to_string()))
    }

    /// The full URL of a signed request.
    pub fn url(&self, signed: &SignedRequest) -> String {
        [self.base.as_str(), &signed.path, "?", &signed.query].concat()
    }

    /// Sign and send `req`; a 2xx answer is `Ok`, any other becomes an error naming its likely cause.
    pub async fn send(&self, req: RestRequest) -> Result<Reply, CliError> {
        let signed = self.sign(req)?;
        let reply = self.exchange(&signed).await?;
        if reply.is_success() {
            Ok(reply)
        } else {
            Err(self.reply_error(&signed, &reply))
        }
    }

    /// Send a signed request and return the answer whatever its status; only a
    /// failure to get an answer is an error.
    pub async fn exchange(&self, signed: &SignedRequest) -> Result<Reply, CliError> {
        self.attempt(signed).await.map_err(|e| e.error)
    }

    /// `exchange`, saying of a request that got no answer whether the server may have
    /// had it all the same (and acted on it).
    pub async fn attempt(&self, signed: &SignedRequest) -> Result<Reply, NoAnswer> {
        let method = match signed.method {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
        };
        let mut builder = self.http.request(method, self.url(signed));
        if let Some(body) = &signed.body {
            builder = builder
                .header(reqwest::header::CONTENT_TYPE, "application/json")
                .body(body.clone());
        }
        let no_answer = |e: &reqwest::Error| NoAnswer {
            error: self.transport_error(e),
            maybe_sent: !(e.is_connect() || e.is_builder()),
        };
        let resp = builder.send().await.map_err(|e| no_answer(&e))?;
        read_reply(resp, |e| self.transport_error(e))
            .await
            .map_err(|error| NoAnswer {
                error,
                maybe_sent: true,
            })
    }

    /// A non-2xx answer as an error naming its likely cause.
    pub fn reply_error(&self, signed: &SignedRequest, reply: &Reply) -> CliError {
        status_error(
            reply.status,
            &String::from_utf8_lossy(&reply.body),
            &StatusContext {
                method: signed.method,
                path: &signed.path,
                authority: self.endpoint.authority(),
                app_id: &self.app_id,
                key: &self.key,
                skew: reply.server_date.map(|d| clock_skew(SystemTime::now(), d)),
            },
        )
    }

    /// Send and parse a JSON answer.
    pub async fn json<T: DeserializeOwned>(&self, req: RestRequest) -> Result<T, CliError> {
        parse_json(&self.send(req).await?)
    }

    fn transport_error(&self, e: &reqwest::Error) -> CliError {
        let where_from = format!(
            "host from {}, port from {}, tls from {}",
            self.endpoint.host.source, self.endpoint.port.source, self.endpoint.tls.source
        );
        let target = Target {
            url: &self.endpoint.http_base(),
            where_from: &where_from,
            timeout: self.timeout,
        };
        transport_error(e, &target, &self.trust)
    }
}

/// A successful answer's JSON body, or an error saying it is not what was expected.
pub fn parse_json<T: DeserializeOwned>(reply: &Reply) -> Result<T, CliError> {
    serde_json::from_slice(&reply.body).map_err(|e| {
        CliError::new(
            Kind::Failure,
            format!(
                "the server's answer is not the JSON expected ({e}): {}",
                one_line(&String::from_utf8_lossy(&reply.body), 200)
            ),
        )
        .hint("is this a Pusher-protocol server? check host and port with `rtctl config show --show-origin`")
    })
}

/// The one way rtctl builds an HTTP client: with the run's TLS trust.
fn http_client(timeout: Duration, trust: &Trust) -> Result<reqwest::Client, CliError> {
    reqwest::Client::builder()
        .tls_backend_preconfigured(rustls::ClientConfig::clone(&trust.client_config()))
        .user_agent(concat!("rtctl/", env!("CARGO_PKG_VERSION")))
        .connect_timeout(timeout)
        .timeout(timeout)
        // A redirect is an answer to show, not to follow: reqwest would turn the POST
        // into a GET, and a login page's 200 would pass for an accepted request.
        .redirect(reqwest::redirect::Policy::none())
        // rtctl retries as `pusher::retry` decides. reqwest's own policy retries only
        // HTTP/2 and HTTP/3 refusals, never sent here, yet copies every request for it.
        .retry(reqwest::retry::never().max_retries_per_request(0))
        .build()
        .map_err(|e| CliError::new(Kind::Failure, format!("cannot set up HTTP: {e}")))
}

/// Read a response whatever its status, up to `MAX_BODY`.
async fn read_reply(
    mut resp: reqwest::Response,
    on_error: impl Fn(&reqwest::Error) -> CliError,
) -> Result<Reply, CliError> {
    let header = |name| {
        resp.headers()
            .get(name)
            .and_then(|v: &reqwest::header::HeaderValue| v.to_str().ok())
            .map(str::to_owned)
    };
    let server_date =
        header(reqwest::header::DATE).and_then(|d| httpdate::parse_http_date(&d).ok());
    let retry_after = header(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(Duration::from_secs);
    let location = header(reqwest::header::LOCATION);
    let headers = resp
        .headers()
        .iter()
        .filter_map(|(n, v)| Some((n.as_str().to_owned(), v.to_str().ok()?.to_owned())))
        .collect();
    let status = resp.status().as_u16();
    let mut body = Vec::new();
    while let Some(chunk) = resp.chunk().await.map_err(|e| on_error(&e))? {
        if body.len() + chunk.len() > MAX_BODY {
            return Err(CliError::new(
                Kind::Failure,
                format!(
                    "the answer from {} is larger than {} MiB; rtctl stopped reading it",
                    super::shown_url(resp.url().as_str()),
                    MAX_BODY >> 20
                ),
            ));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Reply {
        status,
        body,
        server_date,
        retry_after,
        location,
        headers,
    })
}

/// Posts JSON to the app's own endpoints over kept-alive connections, for many requests.
#[derive(Debug, Clone)]
pub struct JsonPoster {
    http: reqwest::Client,
    timeout: Duration,
    trust: Trust,
}

impl JsonPoster {
    pub fn new(timeout: Duration, trust: &Trust) -> Result<Self, CliError> {
        Ok(Self {
            http: http_client(timeout, trust)?,
            timeout,
            trust: trust.clone(),
        })
    }

    /// POST `body` with `headers`, and `Content-Type: application/json` unless they
    /// name another; any answer is `Ok`.
    pub async fn post(
        &self,
        url: &str,
        headers: &[(String, String)],
        body: Vec<u8>,
        where_from: &str,
    ) -> Result<Reply, CliError> {
        let mut builder = self.http.post(url).body(body);
        if !headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case("content-type"))
        {
            builder = builder.header(reqwest::header::CONTENT_TYPE, "application/json");
        }
        self.send(builder, url, headers, where_from).await
    }

    /// An `OPTIONS` request with `headers` (a browser's CORS preflight); any answer is `Ok`.
    pub async fn options(
        &self,
        url: &str,
        headers: &[(String, String)],
        where_from: &str,
    ) -> Result<Reply, CliError> {
        let builder = self.http.request(reqwest::Method::OPTIONS, url);
        self.send(builder, url, headers, where_from).await
    }

    async fn send(
        &self,
        mut builder: reqwest::RequestBuilder,
        url: &str,
        headers: &[(String, String)],
        where_from: &str,
    ) -> Result<Reply, CliError> {
        for (name, value) in headers {
            builder = builder.header(name, value);
        }
        let target = Target {
            url,
            where_from,
            timeout: self.timeout,
        };
        let on_error = |e: &reqwest::Error| transport_error(e, &target, &self.trust);
        let resp = builder.send().await.map_err(|e| on_error(&e))?;
        read_reply(resp, on_error).await
    }
}

/// A request that got no answer, naming where it went, why, and where that came from.
fn transport_error(e: &reqwest::Error, target: &Target<'_>, trust: &Trust) -> CliError {
    if e.is_builder() {
        return CliError::new(
            Kind::Config,
            format!(
                "`{}` is not a usable URL: {}",
                super::shown_url(target.url),
                super::root_cause(e)
            ),
        )
        .hint(format!("check it ({})", target.where_from));
    }
    if e.is_timeout() {
        return diagnose::explain(target, trust, &diagnose::Problem::TimedOut);
    }
    diagnose::network_error(target, trust, e)
}

/// Seconds the server's clock is ahead of ours (negative: behind).
pub fn clock_skew(now: SystemTime, server: SystemTime) -> i64 {
    match server.duration_since(now) {
        Ok(ahead) => i64::try_from(ahead.as_secs()).unwrap_or(i64::MAX),
        Err(behind) => -i64::try_from(behind.duration().as_secs()).unwrap_or(i64::MAX),
    }
}

/// What `status_error` needs to say what went wrong.
pub struct StatusContext<'a> {
    pub method: Method,
    pub path: &'a str,
    pub authority: String,
    pub app_id: &'a str,
    pub key: &'a str,
    /// Server clock minus ours, from its `Date` header.
    pub skew: Option<i64>,
}

/// A non-2xx answer as an error naming the likely cause.
pub fn status_error(status: u16, body: &str, ctx: &StatusContext<'_>) -> CliError {
    let said = one_line(body, 300);
    let said = if said.is_empty() {
        String::new()
    } else {
        format!(": {said}")
    };
    let what = format!("{} {} → HTTP {status}{said}", ctx.method, ctx.path);
    match status {
        401 => {
            let clock_off = ctx.skew.filter(|s| s.abs() > CLOCK_WINDOW_SECS);
            let lower = body.to_ascii_lowercase();
            let timestamp_said = lower.contains("timestamp");
            let app_said = lower.contains("app_id") || lower.contains("app id");
            let err = CliError::new(
                Kind::Auth,
                format!("the server refused the credentials ({what})"),
            );
            match clock_off {
                Some(s) => err.hint(format!(
                    "this machine's clock is {}s {} the server's; signatures are accepted within {CLOCK_WINDOW_SECS}s, so fix the clock (NTP)",
                    s.abs(),
                    if s > 0 { "behind" } else { "ahead of" }
                )),
                None if app_said => err.hint(format!(
                    "the server says app id `{}` does not go with key `{}`: check `app_id`",
                    ctx.app_id, ctx.key
                )),
                None if timestamp_said => err.hint(format!(
                    "the server says the timestamp is off: check this machine's clock (it must be within {CLOCK_WINDOW_SECS}s of the server's)"
                )),
                None => err.hint(format!(
                    "the key (`{}`) or secret is likely wrong for app `{}`: check them with `rtctl config show --show-origin`",
                    ctx.key, ctx.app_id
                )),
            }
        }
        403 => CliError::new(
            Kind::Auth,
            format!("the server refused the request ({what})"),
        )
        .hint("the app may be disabled or over its message quota, or the key lacks permission"),
        // sockudo answers an unknown key with 404 "Application key not found".
        404 if body.to_ascii_lowercase().contains("key") => {
            CliError::new(Kind::Failure, format!("not found ({what})")).hint(format!(
                "the server does not know key `{}`: check `key` (and that app `{}` is the app it belongs to)",
                ctx.key, ctx.app_id
            ))
        }
        404 => CliError::new(Kind::Failure, format!("not found ({what})")).hint(format!(
            "most likely app id `{}` does not exist on {}: check `app_id` and the host",
            ctx.app_id, ctx.authority
        )),
        413 => CliError::new(Kind::Failure, format!("payload too large ({what})"))
            .hint("Pusher accepts at most 10 KB of data per event"),
        429 => CliError::new(Kind::Failure, format!("rate limited ({what})"))
            .hint("slow down and try again shortly"),
        400 => CliError::new(Kind::Failure, format!("bad request ({what})")),
        s if s >= 500 => {
            CliError::new(Kind::Failure, format!("server error ({what})")).hint(format!(
                "the server at {} failed; try again, or check its logs",
                ctx.authority
            ))
        }
        _ => CliError::new(Kind::Failure, format!("unexpected answer ({what})")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::UNIX_EPOCH;

    fn ctx(skew: Option<i64>) -> StatusContext<'static> {
        StatusContext {
            method: Method::Get,
            path: "/apps/1/channels",
            authority: "127.0.0.1:6001".into(),
            app_id: "1",
            key: "k",
            skew,
        }
    }

    #[test]
    fn statuses_map_to_kinds_and_causes() {
        let e = status_error(401, "Invalid signature", &ctx(Some(3)));
        assert_eq!(e.kind, Kind::Auth);
        assert!(
            e.hints[0].contains("key (`k`) or secret is likely wrong"),
            "{:?}",
            e.hints
        );
        let e = status_error(401, "Invalid signature", &ctx(Some(-4000)));
        assert!(
            e.hints[0].contains("4000s ahead of the server's"),
            "{:?}",
            e.hints
        );
        let e = status_error(
            401,
            "Authenticated app does not match route app_id",
            &ctx(None),
        );
        assert!(
            e.hints[0].contains("app id `1` does not go with key `k`"),
            "{:?}",
            e.hints
        );
        let e = status_error(401, "Timestamp expired", &ctx(None));
        assert!(e.hints[0].contains("timestamp is off"), "{:?}", e.hints);
        assert_eq!(status_error(403, "", &ctx(None)).kind, Kind::Auth);
        let e = status_error(404, "", &ctx(None));
        assert_eq!(e.kind, Kind::Failure);
        assert!(e.hints[0].contains("app id `1`"));
        let e = status_error(
            404,
            r#"{"error":"Application key not found or invalid: Invalid app key"}"#,
            &ctx(None),
        );
        assert!(
            e.hints[0].contains("does not know key `k`"),
            "{:?}",
            e.hints
        );
        assert!(
            status_error(413, "", &ctx(None))
                .message
                .contains("too large")
        );
        assert!(
            status_error(503, "", &ctx(None))
                .message
                .contains("server error")
        );
        assert!(
            status_error(429, "", &ctx(None))
                .message
                .contains("rate limited")
        );
    }

    #[test]
    fn server_text_is_sanitized() {
        let e = status_error(400, "bad\u{1b}[2J\nthing", &ctx(None));
        assert!(!e.message.contains('\u{1b}'));
        assert!(!e.message.contains('\n'));
    }

    #[test]
    fn skew_sign() {
        let now = UNIX_EPOCH + Duration::from_secs(1000);
        assert_eq!(clock_skew(now, UNIX_EPOCH + Duration::from_secs(1700)), 700);
        assert_eq!(clock_skew(now, UNIX_EPOCH + Duration::from_secs(300)), -700);
    }
}
