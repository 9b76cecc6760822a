//! The channel checks: a private and a presence subscription, each signed here with
//! the profile's key and secret, must be accepted by the server; then both are left.

use super::outcome::Outcome;
use crate::config::Secret;
use crate::error::{CliError, Kind};
use crate::net::probe::Probe;
use crate::net::ws;
use crate::pusher::frame::{self, Message};
use crate::pusher::sign;

/// What the two subscriptions found.
pub struct ChannelFindings {
    pub private: Outcome,
    pub presence: Outcome,
}

pub async fn channel_checks(
    options: &ws::Options,
    key: &str,
    secret: &Secret,
    suffix: &str,
) -> ChannelFindings {
    let (mut probe, established) = match Probe::open(options).await {
        Ok(p) => p,
        Err(e) => {
            return ChannelFindings {
                private: Outcome::failed(&e),
                presence: Outcome::skip("no socket to subscribe on"),
            };
        }
    };
    let socket_id = established.socket_id;
    let private = format!("private-rtctl-doctor-{suffix}");
    let private_found = match subscribe(&mut probe, key, secret, &socket_id, &private, None).await {
        Ok(_) => Outcome::pass(format!("{private}: subscribed with a signature made here")),
        Err(e) => Outcome::failed(&e),
    };
    let presence = format!("presence-rtctl-doctor-{suffix}");
    let observer = crate::observer::id();
    let member = crate::observer::member_data(&observer);
    let presence_found = match subscribe(
        &mut probe,
        key,
        secret,
        &socket_id,
        &presence,
        Some(&member),
    )
    .await
    {
        Ok(Some(members)) if members.iter().any(|m| m == &observer) => Outcome::pass(format!(
            "{presence}: joined as observer `{observer}`, and the member list holds it"
        )),
        Ok(_) => Outcome::fail(
            format!("{presence}: joined, but the member list the server sent lacks `{observer}`"),
            "the server does not keep presence members as the protocol says: check its version",
        ),
        Err(e) => Outcome::failed(&e),
    };
    for channel in [&private, &presence] {
        let _ = probe.send(frame::unsubscribe(channel)).await;
    }
    probe.close().await;
    ChannelFindings {
        private: private_found,
        presence: presence_found,
    }
}

/// Sign a subscription, send it and wait for the answer: the member ids on success.
async fn subscribe(
    probe: &mut Probe,
    key: &str,
    secret: &Secret,
    socket_id: &str,
    channel: &str,
    member: Option<&str>,
) -> Result<Option<Vec<String>>, CliError> {
    let auth = sign::authorize_channel(key, secret.expose(), socket_id, channel, member, None)
        .map_err(|e| CliError::new(Kind::Failure, format!("cannot sign for {channel}: {e}")))?;
    join(probe, channel, Some(&auth.auth), member)
        .await
        .map_err(|e| e.hint("it refused a signature made with the profile's key and secret: the secret is likely wrong for this key (`rtctl config show --show-origin`)"))
}

/// Subscribe to `channel` (with its authorization, unless it is public) and wait for the
/// server's answer: the member ids of a presence channel. A refusal is an error without
/// a hint: the caller knows who signed.
pub(super) async fn join(
    probe: &mut Probe,
    channel: &str,
    auth: Option<&str>,
    channel_data: Option<&str>,
) -> Result<Option<Vec<String>>, CliError> {
    probe
        .send(frame::subscribe(channel, auth, channel_data))
        .await?;
    probe
        .wait_for("answer to the subscription", |message| match message {
            Message::SubscriptionSucceeded {
                channel: c,
                members,
            } if c == channel => Some(Ok(
                members.map(|m| m.list.into_iter().map(|(id, _)| id).collect())
            )),
            Message::SubscriptionError {
                channel: c,
                status,
                message,
            } if c == channel => Some(Err(refused(channel, status, &message))),
            Message::Error {
                message,
                channel: c,
                ..
            } if c.as_deref().is_none_or(|c| c == channel) => {
                Some(Err(refused(channel, None, &message)))
            }
            _ => None,
        })
        .await
}

fn refused(channel: &str, status: Option<u16>, message: &str) -> CliError {
    let status = status.map(|s| format!(" ({s})")).unwrap_or_default();
    CliError::new(
        Kind::Auth,
        format!(
            "the server refused {channel}{status}: {}",
            crate::text::one_line(message, 200)
        ),
    )
}
