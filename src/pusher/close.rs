//! What to do when a connection ends: the protocol's close-code classes and what each
//! documented code means.

/// What the protocol says to do after a close (pusher-protocol §1.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reconnect {
    /// 4000–4099: the connection should not be re-established unchanged.
    Never,
    /// 4100–4199, a dropped connection, and everything else: after backing off.
    Backoff,
    /// 4200–4299: at once.
    Immediately,
}

/// The class of a close code; `None` is a connection that dropped without one.
///
/// Codes the protocol leaves open (1000–3999, 4300+) reconnect after backing off: a
/// watcher should stay connected, and backing off keeps that from becoming a storm.
pub fn policy(code: Option<u16>) -> Reconnect {
    match code {
        Some(4000..=4099) => Reconnect::Never,
        Some(4200..=4299) => Reconnect::Immediately,
        _ => Reconnect::Backoff,
    }
}

/// The protocol's meaning of a code, and what to check, when it documents one.
pub fn meaning(code: u16) -> Option<(&'static str, &'static str)> {
    Some(match code {
        4000 => (
            "the application only accepts TLS connections",
            "connect with TLS (`--tls`, or `tls = true` in the profile)",
        ),
        4001 => (
            "the application does not exist",
            "check the app key (`key`; `rtctl config show --show-origin` shows where it came from)",
        ),
        4003 => (
            "the application is disabled",
            "enable the app on the server or in the Pusher dashboard",
        ),
        4004 => (
            "the application is over its connection quota",
            "close other connections or raise the app's quota",
        ),
        4005 => (
            "path not found",
            "check `ws_host`/`ws_port`: they should reach the WebSocket server, not a proxy page",
        ),
        4006 => (
            "invalid version string format",
            "report this: rtctl sends `version=<semver>`",
        ),
        4007 => (
            "unsupported protocol version",
            "the server does not speak protocol 7; upgrade it",
        ),
        4008 => (
            "no protocol version supplied",
            "report this: rtctl always sends `protocol=7`",
        ),
        4009 => (
            "the connection is unauthorized",
            "the server wants a signed-in or authorized connection: try `--signin`",
        ),
        4100 => (
            "the server is over capacity",
            "it will be retried after backing off",
        ),
        4200 => ("the server asked for a reconnect", "reconnecting at once"),
        4201 => (
            "the server sent a ping and got no pong",
            "the connection was too slow or stalled; reconnecting",
        ),
        4202 => ("closed after inactivity", "reconnecting"),
        4301 => (
            "a client event was rejected by the rate limit",
            "send at most 10 client events a second on one connection",
        ),
        4302 => (
            "the watchlist is over its limit",
            "only the first 100 user ids of a watchlist are accepted",
        ),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_code_classes() {
        let table = [
            (None, Reconnect::Backoff),
            (Some(1000), Reconnect::Backoff),
            (Some(1006), Reconnect::Backoff),
            (Some(4000), Reconnect::Never),
            (Some(4001), Reconnect::Never),
            (Some(4099), Reconnect::Never),
            (Some(4100), Reconnect::Backoff),
            (Some(4199), Reconnect::Backoff),
            (Some(4200), Reconnect::Immediately),
            (Some(4201), Reconnect::Immediately),
            (Some(4299), Reconnect::Immediately),
            (Some(4301), Reconnect::Backoff),
        ];
        for (code, want) in table {
            assert_eq!(policy(code), want, "{code:?}");
        }
    }

    #[test]
    fn documented_codes_have_meanings() {
        for code in [4000, 4001, 4003, 4004, 4009, 4100, 4200, 4201, 4301] {
            assert!(meaning(code).is_some(), "{code}");
        }
        assert_eq!(meaning(4999), None);
    }
}
