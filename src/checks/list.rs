//! The checks doctor knows: each one's id, what it looks at, whether it needs the
//! network and which checks it needs to have passed; and the choice of checks to run.

use crate::error::CliError;

/// One check, as `--list-checks` shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    /// `group.name`, stable: scripts and `--only` use it.
    pub id: &'static str,
    pub about: &'static str,
    pub network: bool,
    /// Checks that must pass (or warn) for this one to run; a failed or skipped one
    /// skips it, with the reason.
    pub needs: &'static [&'static str],
}

impl Spec {
    pub fn group(&self) -> &'static str {
        self.id.split_once('.').map_or(self.id, |(g, _)| g)
    }
}

pub const PROFILE: &str = "config.profile";
pub const REQUIRED: &str = "config.required";
pub const ENABLED: &str = "config.enabled";
pub const VALUES: &str = "config.values";
pub const FILES: &str = "config.files";
pub const ENV_FILES: &str = "env.files";
pub const ENV_KEY: &str = "env.key";
pub const ENV_SECRET: &str = "env.secret";
pub const ENV_CLUSTER: &str = "env.cluster";
pub const ENV_AUTH_ENDPOINT: &str = "env.auth_endpoint";
pub const ENV_WEBSOCKET: &str = "env.websocket";
pub const NETWORK_REST: &str = "network.rest";
pub const NETWORK_WS: &str = "network.websocket";
pub const CREDENTIALS: &str = "credentials.rest";
pub const CLOCK: &str = "clock.skew";
pub const HANDSHAKE: &str = "socket.handshake";
pub const PING: &str = "socket.ping";
pub const PRIVATE: &str = "channels.private";
pub const PRESENCE: &str = "channels.presence";
pub const END_TO_END: &str = "end_to_end.event";

// The app's own endpoints (`checks::app`).
pub const APP_AUTH: &str = "app.auth";
pub const APP_CORS: &str = "app.cors";
pub const APP_TRIGGER: &str = "app.trigger";
pub const APP_WEBHOOK: &str = "app.webhook";
pub const APP_LEGACY_WS: &str = "app.legacy_ws";
pub const APP: [&str; 5] = [APP_AUTH, APP_CORS, APP_TRIGGER, APP_WEBHOOK, APP_LEGACY_WS];

/// Every check, in the order they are shown.
pub const ALL: &[Spec] = &[
    Spec {
        id: PROFILE,
        about: "the profile in use and where its server comes from",
        network: false,
        needs: &[],
    },
    Spec {
        id: REQUIRED,
        about: "app id, key, secret and server are set",
        network: false,
        needs: &[],
    },
    Spec {
        id: ENABLED,
        about: "PUSHER_ENABLED is true (the environment, the .env, the backend's --compare-env files)",
        network: false,
        needs: &[],
    },
    Spec {
        id: VALUES,
        about: "values are well formed (app id, key, secret, cluster and host, master key, CA file)",
        network: false,
        needs: &[],
    },
    Spec {
        id: FILES,
        about: "the config file and .env: permissions and warnings",
        network: false,
        needs: &[],
    },
    Spec {
        id: ENV_FILES,
        about: "each --compare-env file is read: the backend's (PUSHER_*) or the frontend's (VITE_*), no misspelt names",
        network: false,
        needs: &[],
    },
    Spec {
        id: ENV_KEY,
        about: "the backend's PUSHER_KEY and PUSHER_APP_ID, the frontend's VITE_PUSHER_KEY and the profile's agree",
        network: false,
        needs: &[ENV_FILES],
    },
    Spec {
        id: ENV_SECRET,
        about: "the backend's PUSHER_SECRET is the profile's (compared, never shown); none in the frontend's",
        network: false,
        needs: &[ENV_FILES],
    },
    Spec {
        id: ENV_CLUSTER,
        about: "PUSHER_CLUSTER, VITE_PUSHER_CLUSTER and the profile's cluster agree (and PUSHER_HOST and PUSHER_PORT)",
        network: false,
        needs: &[ENV_FILES],
    },
    Spec {
        id: ENV_AUTH_ENDPOINT,
        about: "VITE_PUSHER_AUTH_ENDPOINT is on the backend's host (VITE_API_BASE_URL, backend_url)",
        network: false,
        needs: &[ENV_FILES],
    },
    Spec {
        id: ENV_WEBSOCKET,
        about: "VITE_ENABLE_WEBSOCKET and WS_ENABLED are true, VITE_WS_URL and WS_* values sane",
        network: false,
        needs: &[ENV_FILES],
    },
    Spec {
        id: NETWORK_REST,
        about: "the REST API's server: DNS, TCP and TLS (the certificate's days left)",
        network: true,
        needs: &[],
    },
    Spec {
        id: NETWORK_WS,
        about: "the WebSocket's server: DNS, TCP and TLS (the certificate's days left)",
        network: true,
        needs: &[],
    },
    Spec {
        id: CREDENTIALS,
        about: "a signed REST request is accepted",
        network: true,
        needs: &[REQUIRED, NETWORK_REST],
    },
    Spec {
        id: CLOCK,
        about: "this machine's clock agrees with the server's",
        network: true,
        needs: &[REQUIRED, NETWORK_REST],
    },
    Spec {
        id: HANDSHAKE,
        about: "the WebSocket opens with pusher:connection_established",
        network: true,
        needs: &[REQUIRED, NETWORK_WS],
    },
    Spec {
        id: PING,
        about: "the socket answers pusher:ping",
        network: true,
        needs: &[HANDSHAKE],
    },
    Spec {
        id: PRIVATE,
        about: "a private channel signed here is subscribed",
        network: true,
        needs: &[HANDSHAKE],
    },
    Spec {
        id: PRESENCE,
        about: "a presence channel signed here is joined, as an observer",
        network: true,
        needs: &[HANDSHAKE],
    },
    Spec {
        id: END_TO_END,
        about: "an event triggered over REST arrives on a subscribed socket",
        network: true,
        needs: &[CREDENTIALS, HANDSHAKE],
    },
    // The app's own endpoints (`checks::app`).
    Spec {
        id: APP_AUTH,
        about: "the app's auth endpoint signs a private and a presence channel rightly, and the server accepts its answers",
        network: true,
        needs: &[HANDSHAKE],
    },
    Spec {
        id: APP_CORS,
        about: "the auth endpoint's CORS preflight allows the frontend's origin (--origin) and headers",
        network: true,
        needs: &[],
    },
    Spec {
        id: APP_TRIGGER,
        about: "an event posted to the backend's /realtime/trigger arrives on a subscribed socket",
        network: true,
        needs: &[HANDSHAKE],
    },
    Spec {
        id: APP_WEBHOOK,
        about: "the app's webhook endpoint accepts a signed webhook and refuses a forged one",
        network: true,
        needs: &[REQUIRED],
    },
    Spec {
        id: APP_LEGACY_WS,
        about: "the backend's legacy WebSocket (/ws/content) completes its handshake",
        network: true,
        needs: &[],
    },
];

/// What the user asked to run.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub only: Vec<String>,
    pub skip: Vec<String>,
    pub offline: bool,
}

/// The checks to run, in order: `--only` (ids or groups), less `--skip`, less the
/// network checks when offline. A name that is neither an id nor a group is a usage
/// error naming the nearest.
pub fn select(s: &Selection) -> Result<Vec<Spec>, CliError> {
    for name in s.only.iter().chain(&s.skip) {
        if !ALL.iter().any(|c| names(c, name)) {
            return Err(unknown(name));
        }
    }
    Ok(ALL
        .iter()
        .filter(|c| s.only.is_empty() || s.only.iter().any(|n| names(c, n)))
        .filter(|c| !s.skip.iter().any(|n| names(c, n)))
        .filter(|c| !(s.offline && c.network))
        .copied()
        .collect())
}

fn names(c: &Spec, name: &str) -> bool {
    c.id == name || c.group() == name
}

fn unknown(name: &str) -> CliError {
    let mut known: Vec<&str> = ALL.iter().flat_map(|c| [c.id, c.group()]).collect();
    known.dedup();
    let nearest = known
        .iter()
        .map(|k| (strsim::jaro_winkler(name, k), *k))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .filter(|(score, _)| *score > 0.8)
        .map(|(_, k)| k);
    let err = CliError::usage(format!("`{name}` is not a check or a group of checks"));
    match nearest {
        Some(k) => err.hint(format!(
            "did you mean `{k}`? `rtctl doctor --list-checks` lists them"
        )),
        None => err.hint("`rtctl doctor --list-checks` lists them"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(s: &Selection) -> Vec<&'static str> {
        select(s).unwrap().iter().map(|c| c.id).collect()
    }

    #[test]
    fn ids_are_unique_and_needs_come_first() {
        for (i, c) in ALL.iter().enumerate() {
            assert_eq!(ALL.iter().filter(|o| o.id == c.id).count(), 1, "{}", c.id);
            assert!(c.id.contains('.'), "{}", c.id);
            for need in c.needs {
                let at = ALL.iter().position(|o| o.id == *need).unwrap();
                assert!(at < i, "{} needs {need}, shown after it", c.id);
            }
        }
    }

    #[test]
    fn only_and_skip_take_ids_and_groups() {
        let only = |v: &[&str]| Selection {
            only: v.iter().map(|s| s.to_string()).collect(),
            ..Selection::default()
        };
        assert_eq!(ids(&only(&["socket"])), [HANDSHAKE, PING]);
        assert_eq!(ids(&only(&[CLOCK, "socket.ping"])), [CLOCK, PING]);
        let skip = Selection {
            skip: vec![
                "config".into(),
                "env".into(),
                END_TO_END.into(),
                "app".into(),
            ],
            ..Selection::default()
        };
        assert_eq!(
            ids(&skip),
            [
                NETWORK_REST,
                NETWORK_WS,
                CREDENTIALS,
                CLOCK,
                HANDSHAKE,
                PING,
                PRIVATE,
                PRESENCE
            ]
        );
        let offline = Selection {
            offline: true,
            ..Selection::default()
        };
        assert!(select(&offline).unwrap().iter().all(|c| !c.network));
        assert_eq!(select(&offline).unwrap().len(), 11);
    }

    #[test]
    fn an_unknown_name_is_a_usage_error_naming_the_nearest() {
        let e = select(&Selection {
            only: vec!["sockets".into()],
            ..Selection::default()
        })
        .unwrap_err();
        assert_eq!(e.kind, crate::error::Kind::Usage);
        assert!(e.message.contains("`sockets`"), "{}", e.message);
        assert!(e.hints[0].contains("`socket`"), "{:?}", e.hints);
    }
}
