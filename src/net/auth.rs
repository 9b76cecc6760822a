//! Getting a subscription authorized or a user authenticated: signed here with the
//! app secret, or asked of the app's own endpoint exactly as a browser would ask.
//!
//! The endpoint gets the run's one HTTP client (`JsonPoster`): kept-alive connections,
//! the network timeout, answers read up to a cap, and redirects never followed, so the
//! `auth_headers` (tokens) only ever go to the URL the user named.

use serde::Deserialize;

use super::http::{JsonPoster, Reply};
use crate::config::Secret;
use crate::error::Kind;
use crate::pusher::sign::{self, ChannelAuth, UserAuth};
use crate::pusher::{ChannelKind, MasterKey};
use crate::text::one_line;

/// How the endpoint's request body is written: pusher-js posts a form; the platform's
/// docs show JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AuthBody {
    Form,
    Json,
}

/// An app endpoint that answers authorization requests.
#[derive(Debug, Clone)]
pub struct Endpoint {
    pub url: String,
    /// Header values may be tokens: they are never shown.
    pub headers: Vec<(String, Secret)>,
    pub body: AuthBody,
    /// The run's HTTP client, shared by every request (and both endpoints).
    pub http: JsonPoster,
}

/// Signing with the app's own credentials.
#[derive(Debug, Clone)]
pub struct Signer {
    pub key: String,
    pub secret: Secret,
    pub master_key: Option<MasterKey>,
}

/// Where authorizations come from, and who the client is.
#[derive(Debug, Clone, Default)]
pub struct Authorizer {
    pub signer: Option<Signer>,
    pub endpoint: Option<Endpoint>,
    pub user_endpoint: Option<Endpoint>,
    /// The presence identity (`{"user_id":…,"user_info":…}`) for local signing.
    pub channel_data: Option<String>,
    /// The sign-in identity (`{"id":…}`) for local signing.
    pub user_data: Option<String>,
}

/// Why there is no authorization: an HTTP status when the endpoint gave one, and the
/// network diagnosis's hints when it gave no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub status: Option<u16>,
    pub message: String,
    pub hints: Vec<String>,
    /// The endpoint gave no answer at all (unreachable, reset, timed out): a network
    /// fault, not a refusal of the credentials.
    pub unanswered: bool,
}

impl Refusal {
    fn new(message: impl Into<String>) -> Self {
        Self {
            status: None,
            message: message.into(),
            hints: Vec::new(),
            unanswered: false,
        }
    }
}

#[derive(Deserialize)]
struct ChannelReply {
    auth: Option<String>,
    channel_data: Option<String>,
    shared_secret: Option<String>,
}

#[derive(Deserialize)]
struct UserReply {
    auth: Option<String>,
    user_data: Option<String>,
}

impl Authorizer {
    /// Authorize a subscription to `channel` for `socket_id`.
    pub async fn channel(&self, socket_id: &str, channel: &str) -> Result<ChannelAuth, Refusal> {
        if let Some(endpoint) = &self.endpoint {
            let params = [("socket_id", socket_id), ("channel_name", channel)];
            return channel_answer(&endpoint.url, &endpoint.ask(&params).await?);
        }
        let signer = self.signer.as_ref().ok_or_else(|| {
            Refusal::new("no app secret and no auth endpoint to authorize the channel")
        })?;
        let channel_data = self
            .channel_data
            .as_deref()
            .filter(|_| ChannelKind::of(channel) == ChannelKind::Presence);
        sign::authorize_channel(
            &signer.key,
            signer.secret.expose(),
            socket_id,
            channel,
            channel_data,
            signer.master_key.as_ref(),
        )
        .map_err(|e| Refusal::new(format!("{e} ({})", e.hint())))
    }

    /// Authenticate the user for `pusher:signin`.
    pub async fn user(&self, socket_id: &str) -> Result<UserAuth, Refusal> {
        if let Some(endpoint) = &self.user_endpoint {
            let reply = endpoint.ask(&[("socket_id", socket_id)]).await?;
            return user_answer(&endpoint.url, &reply);
        }
        let signer = self
            .signer
            .as_ref()
            .ok_or_else(|| Refusal::new("no app secret to sign the user in"))?;
        let user_data = self
            .user_data
            .as_deref()
            .ok_or_else(|| Refusal::new("signing in needs --user-id"))?;
        sign::authenticate_user(&signer.key, signer.secret.expose(), socket_id, user_data)
            .map_err(|e| Refusal::new(format!("{e} ({})", e.hint())))
    }
}

impl Endpoint {
    /// Post the parameters as the endpoint expects them; its reply, whatever its status.
    async fn ask(&self, params: &[(&str, &str)]) -> Result<Reply, Refusal> {
        let (content_type, body) = match self.body {
            AuthBody::Form => ("application/x-www-form-urlencoded", form(params)),
            AuthBody::Json => {
                let body: serde_json::Map<String, serde_json::Value> = params
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), (*v).into()))
                    .collect();
                (
                    "application/json",
                    serde_json::Value::Object(body).to_string(),
                )
            }
        };
        let mut headers = vec![
            ("accept".to_owned(), "application/json".to_owned()),
            ("content-type".to_owned(), content_type.to_owned()),
        ];
        headers.extend(
            self.headers
                .iter()
                .map(|(name, value)| (name.clone(), value.expose().to_owned())),
        );
        self.http
            .post(&self.url, &headers, body.into_bytes(), "the auth endpoint")
            .await
            .map_err(|e| Refusal {
                hints: e.hints,
                unanswered: e.kind == Kind::Network,
                ..Refusal::new(e.message)
            })
    }
}

/// An endpoint's answer to a channel authorization (`{"auth":…}`, with `channel_data`
/// and `shared_secret` where they apply). `url` is the endpoint's, for messages.
pub fn channel_answer(url: &str, reply: &Reply) -> Result<ChannelAuth, Refusal> {
    let answer: ChannelReply = read_answer(url, reply)?;
    let auth = answer.auth.ok_or_else(|| {
        Refusal::new(format!(
            "{} answered without an `auth` field",
            super::shown_url(url)
        ))
    })?;
    Ok(ChannelAuth {
        auth,
        channel_data: answer.channel_data,
        shared_secret: answer.shared_secret,
    })
}

/// A user-authentication endpoint's answer (`{"auth":…,"user_data":…}`).
pub fn user_answer(url: &str, reply: &Reply) -> Result<UserAuth, Refusal> {
    let answer: UserReply = read_answer(url, reply)?;
    match (answer.auth, answer.user_data) {
        (Some(auth), Some(user_data)) => Ok(UserAuth { auth, user_data }),
        _ => Err(Refusal::new(format!(
            "{} answered without `auth` and `user_data`",
            super::shown_url(url)
        ))),
    }
}

/// A successful answer's JSON; a redirect (never followed) or an error status refused.
fn read_answer<T: for<'de> Deserialize<'de>>(url: &str, reply: &Reply) -> Result<T, Refusal> {
    let shown = super::shown_url(url);
    let status = reply.status;
    if (300..400).contains(&status) {
        let to = reply
            .location
            .as_deref()
            .map_or_else(|| "nowhere (no Location)".to_owned(), |l| target(url, l));
        return Err(Refusal {
            status: Some(status),
            message: format!(
                "{shown} answered {status}, a redirect to {to}; redirects are not followed, so the auth headers go only where you named"
            ),
            hints: Vec::new(),
            unanswered: false,
        });
    }
    if !reply.is_success() {
        let text = one_line(&String::from_utf8_lossy(&reply.body), 200);
        return Err(Refusal {
            status: Some(status),
            message: format!("{shown} answered {status}: {text}"),
            hints: Vec::new(),
            unanswered: false,
        });
    }
    serde_json::from_slice(&reply.body)
        .map_err(|e| Refusal::new(format!("{shown} answered {status} but not with JSON: {e}")))
}

/// A `Location` as messages show it: resolved against the endpoint's URL, without
/// credentials or query.
fn target(url: &str, location: &str) -> String {
    let resolved = reqwest::Url::parse(url)
        .and_then(|base| base.join(location))
        .map_or_else(|_| location.to_owned(), String::from);
    super::shown_url(&resolved)
}

/// What JavaScript's `encodeURIComponent` leaves alone, as pusher-js's form body does.
const URI_COMPONENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'!')
    .remove(b'~')
    .remove(b'*')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')');

fn form(params: &[(&str, &str)]) -> String {
    params
        .iter()
        .map(|(k, v)| {
            format!(
                "{k}={}",
                percent_encoding::utf8_percent_encode(v, URI_COMPONENT)
            )
        })
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_bodies_escape_like_a_browser() {
        assert_eq!(
            form(&[("socket_id", "1.2"), ("channel_name", "presence-a=b;c")]),
            "socket_id=1.2&channel_name=presence-a%3Db%3Bc"
        );
    }

    fn reply(status: u16, location: Option<&str>, body: &str) -> Reply {
        Reply {
            status,
            body: body.as_bytes().to_vec(),
            server_date: None,
            retry_after: None,
            location: location.map(str::to_owned),
            headers: Vec::new(),
        }
    }

    #[test]
    fn a_redirect_is_shown_resolved_without_query_or_credentials() {
        let url = "https://app.example/pusher/auth?token=t";
        for (location, shown) in [
            ("/login?next=/pusher/auth", "https://app.example/login"),
            (
                "http://user:pw@evil.example:8080/x?session=s",
                "http://evil.example:8080/x",
            ),
        ] {
            assert_eq!(target(url, location), shown, "{location}");
            let refused = channel_answer(url, &reply(302, Some(location), "")).unwrap_err();
            assert_eq!(refused.status, Some(302));
            assert!(refused.message.contains(shown), "{}", refused.message);
            assert!(!refused.message.contains("token=t"), "{}", refused.message);
        }
    }

    #[test]
    fn answers_are_read_or_refused_saying_why() {
        let url = "https://app.example/auth";
        let got = channel_answer(
            url,
            &reply(200, None, r#"{"auth":"k:s","shared_secret":"x"}"#),
        )
        .unwrap();
        assert_eq!(
            (got.auth.as_str(), got.shared_secret.as_deref()),
            ("k:s", Some("x"))
        );
        for (status, body, says) in [
            (200, "{}", "without an `auth` field"),
            (200, "<html>", "not with JSON"),
            (403, "forbidden\n", "answered 403: forbidden"),
        ] {
            let refused = channel_answer(url, &reply(status, None, body)).unwrap_err();
            assert!(refused.message.contains(says), "{}", refused.message);
        }
        let user = user_answer(url, &reply(200, None, r#"{"auth":"k:s","user_data":"{}"}"#));
        assert_eq!(user.unwrap().user_data, "{}");
        let refused = user_answer(url, &reply(200, None, r#"{"auth":"k:s"}"#)).unwrap_err();
        assert!(refused.message.contains("without `auth` and `user_data`"));
    }

    #[tokio::test]
    async fn local_signing_matches_the_signer() {
        let a = Authorizer {
            signer: Some(Signer {
                key: "278d425bdf160c739803".into(),
                secret: Secret::new("7ad3773142a6692b25b8"),
                master_key: None,
            }),
            ..Authorizer::default()
        };
        let got = a.channel("1234.1234", "private-foobar").await.unwrap();
        // The docs' private-channel vector (pusher-protocol §6.2).
        assert_eq!(
            got.auth,
            "278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4"
        );
        let a = Authorizer {
            channel_data: Some(r#"{"user_id":"1"}"#.into()),
            ..a
        };
        let private = a.channel("1234.1234", "private-foobar").await.unwrap();
        assert_eq!(private, got, "no channel data on a private channel");
        let presence = a.channel("1234.1234", "presence-x").await.unwrap();
        assert_eq!(presence.channel_data.as_deref(), Some(r#"{"user_id":"1"}"#));
        let a = Authorizer {
            channel_data: None,
            ..a
        };
        let err = a.channel("1234.1234", "presence-x").await.unwrap_err();
        assert!(err.message.contains("user_id"), "{}", err.message);
        assert!(a.user("1234.1234").await.is_err());
    }
}
