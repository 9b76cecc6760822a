//! The app backend's admin trigger, `POST {backend_url}/realtime/trigger` with the
//! `backend_token` as bearer: the one request `trigger --via backend` and doctor's
//! `app.trigger` send, and what a refusal means.

use serde_json::{Value, json};

use super::http::{JsonPoster, Reply};
use super::shown_url;
use crate::app_urls::trigger_url;
use crate::config::{Field, Secret, Value as Sourced};
use crate::error::{CliError, Kind};
use crate::outgoing::Ready;
use crate::text::one_line;

/// The profile's backend: its URL and token, each with where it came from.
pub struct Backend<'a> {
    pub base: &'a Sourced<String>,
    pub token: Option<&'a Sourced<Secret>>,
    pub profile: &'a str,
}

/// The platform's body: `{"channel","event","data","socket_id"?}`, data as JSON when it
/// is JSON. The backend encrypts for encrypted channels, so the data goes as given.
pub fn body(channel: &str, ready: &Ready) -> Vec<u8> {
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

impl Backend<'_> {
    /// Where events are posted.
    pub fn url(&self) -> String {
        trigger_url(&self.base.val)
    }

    /// `Authorization: Bearer …` when a token is set.
    fn headers(&self) -> Vec<(String, String)> {
        self.token
            .iter()
            .map(|t| {
                (
                    "Authorization".to_owned(),
                    format!("Bearer {}", t.val.expose()),
                )
            })
            .collect()
    }

    /// Post the event for `channel`; a 2xx answer, or an error naming the refusal and
    /// its likely cause (the token for a 401 or 403).
    pub async fn post(
        &self,
        poster: &JsonPoster,
        channel: &str,
        ready: &Ready,
    ) -> Result<Reply, CliError> {
        let url = self.url();
        let where_from = format!("backend_url from {}", self.base.source);
        let reply = poster
            .post(&url, &self.headers(), body(channel, ready), &where_from)
            .await?;
        if reply.is_success() {
            return Ok(reply);
        }
        let said = one_line(&String::from_utf8_lossy(&reply.body), 300);
        let err = CliError::new(
            if matches!(reply.status, 401 | 403) {
                Kind::Auth
            } else {
                Kind::Failure
            },
            format!(
                "the backend refused the event for `{channel}` (POST {} → HTTP {}: {said})",
                shown_url(&url),
                reply.status
            ),
        );
        Err(match (reply.status, self.token) {
            (401 | 403, Some(t)) => err.hint(format!(
                "the backend token (from {}) is likely wrong, expired or lacks the admin role",
                t.source
            )),
            (401 | 403, None) => err.hint(format!(
                "no backend token is set: {}",
                Field::BackendToken.ways_to_set(self.profile)
            )),
            (404, _) => err.hint(format!(
                "is `backend_url` (from {}) the app's backend?",
                self.base.source
            )),
            _ => err,
        })
    }
}
