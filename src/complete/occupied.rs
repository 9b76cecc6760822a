//! The occupied channels, asked of the profile's server for completion: one signed
//! `GET /channels` with a 200 ms deadline, signed only with a secret the profile or the
//! environment holds.

use std::time::Duration;

use crate::config::Resolved;
use crate::net::http::RestClient;
use crate::net::tls::Trust;
use crate::pusher::names;
use crate::pusher::rest::{self, ChannelList};

/// How long completion waits for the server, from building the client to the last byte:
/// long enough for a server on the same network, short enough not to be felt at <TAB>.
pub const DEADLINE: Duration = Duration::from_millis(200);

/// The occupied channels whose names start with `prefix`; none when the server is down,
/// slow, refuses the request, or the secret is not at hand.
pub fn channels(config: &Resolved, prefix: Option<&str>) -> Vec<String> {
    // The secret only when the profile or the environment holds it: a `secret_command`
    // is never run (a password manager asking for a PIN would hang the shell), and no
    // `.env` is read, so no file in the current directory picks server or credentials.
    let Some(secret) = config
        .secret
        .as_ref()
        .and_then(|spec| crate::config::load::secret_without_command(spec)?.ok())
    else {
        return Vec::new();
    };
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    else {
        return Vec::new();
    };
    let list = runtime.block_on(async {
        tokio::time::timeout(DEADLINE, async {
            let trust = Trust::new(config.ca_cert.as_ref()).ok()?;
            let client = RestClient::new(config, secret, &trust).ok()?;
            let req = rest::list_channels(client.app_id(), prefix, &[]);
            client.json::<ChannelList>(req).await.ok()
        })
        .await
        .ok()
        .flatten()
    });
    // A name lookup still running on the blocking pool must not hold the shell up.
    runtime.shutdown_background();
    list.map(|l| l.channels.into_keys())
        .into_iter()
        .flatten()
        // Only names the protocol allows: a server's text never reaches the shell raw.
        .filter(|name| names::validate_channel(name).is_ok())
        .collect()
}
