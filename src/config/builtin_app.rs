//! The built-in `local` profile's app id, key and secret go only with its own server
//! and app: never mixed with a server or app named anywhere else.

use super::chosen::Chosen;
use super::defaults::local_server;
use super::fields::Field;
use super::layers::{DEFAULTS, Layer};
use super::value::Source;

/// The fields that name the server or the app. When any is set other than by the
/// built-in profile, the server is someone's real one (a port alone is not: it is the
/// same machine's server, and how the tests reach theirs).
const NAMES_SERVER_OR_APP: [Field; 4] = [Field::Host, Field::Cluster, Field::WsHost, Field::AppId];

/// The built-in profile's credentials: one set, used together or not at all. The key
/// goes with the secret: it is public, but the built-in key beside a real server's
/// values would sign for, or subscribe to, an app the user never named.
pub const BUILTIN_CREDENTIALS: [Field; 3] = [Field::AppId, Field::Key, Field::Secret];

/// Why the built-in credentials were not used: the field that names another server or
/// app, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Withheld {
    pub because: Field,
    pub origin: Source,
}

impl Withheld {
    /// Why there is no built-in value, for `config show` and the error.
    pub fn reason(&self) -> String {
        format!(
            "the built-in one is only for {}, and `{}` comes from {}",
            local_server(),
            self.because,
            self.origin
        )
    }
}

/// Drop the built-in credentials from the defaults layer when a chosen field names
/// another server or app and one of them would otherwise be used; say why.
pub(super) fn withhold_builtin(layers: &mut [Layer], chosen: &Chosen) -> Option<Withheld> {
    let builtin =
        |f: Field| matches!(chosen.get(f), Some((v, _)) if v.source == Source::BuiltinLocal);
    let withheld = NAMES_SERVER_OR_APP
        .iter()
        .find_map(|&f| match chosen.get(f) {
            Some((v, _)) if v.source != Source::BuiltinLocal => Some(Withheld {
                because: f,
                origin: v.source.clone(),
            }),
            _ => None,
        })?;
    if !BUILTIN_CREDENTIALS.iter().any(|&f| builtin(f)) {
        return None;
    }
    for f in BUILTIN_CREDENTIALS {
        layers[DEFAULTS].remove(&f);
    }
    Some(withheld)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::testing::*;

    /// The built-in profile, with a `[profiles.local]` table when `file` is not empty.
    fn local(
        file: &str,
        env_vars: &[(&str, &str)],
        dot: &[(&str, &str)],
        cli: &[(Field, &str, &str)],
    ) -> Resolved {
        let f = (!file.is_empty())
            .then(|| ConfigFile::parse(Path::new("/c/config.toml"), file).unwrap());
        let mut i = inputs(f, env_vars, cli);
        if !dot.is_empty() {
            i.dotenv = Some(("/w/.env".into(), env(dot)));
        }
        run(&i).unwrap()
    }

    #[test]
    fn a_server_or_app_named_anywhere_withholds_the_builtin_credentials() {
        type Case<'a> = (
            &'a str,
            Vec<(&'a str, &'a str)>,
            Vec<(&'a str, &'a str)>,
            Vec<(Field, &'a str, &'a str)>,
            Field,
            &'a str,
        );
        // (profile table, env, .env, flags, the field that names another server, its origin)
        let cases: Vec<Case> = vec![
            (
                "",
                vec![],
                vec![],
                vec![(Field::Host, "h", "--host")],
                Field::Host,
                "flag --host",
            ),
            (
                "",
                vec![("RTCTL_HOST", "h")],
                vec![],
                vec![],
                Field::Host,
                "env RTCTL_HOST",
            ),
            (
                "",
                vec![],
                vec![("PUSHER_HOST", "h")],
                vec![],
                Field::Host,
                "/w/.env PUSHER_HOST",
            ),
            (
                "[profiles.local]\nhost = \"h\"\n",
                vec![],
                vec![],
                vec![],
                Field::Host,
                "/c/config.toml:2 [profiles.local]",
            ),
            (
                "",
                vec![],
                vec![],
                vec![(Field::Cluster, "eu", "--cluster")],
                Field::Cluster,
                "flag --cluster",
            ),
            (
                "",
                vec![("PUSHER_CLUSTER", "eu")],
                vec![],
                vec![],
                Field::Cluster,
                "env PUSHER_CLUSTER",
            ),
            (
                "",
                vec![],
                vec![("RTCTL_CLUSTER", "eu")],
                vec![],
                Field::Cluster,
                "/w/.env RTCTL_CLUSTER",
            ),
            (
                "[profiles.local]\ncluster = \"eu\"\n",
                vec![],
                vec![],
                vec![],
                Field::Cluster,
                "/c/config.toml:2 [profiles.local]",
            ),
            (
                "",
                vec![],
                vec![],
                vec![(Field::AppId, "1", "--app-id")],
                Field::AppId,
                "flag --app-id",
            ),
            (
                "",
                vec![("PUSHER_APP_ID", "1")],
                vec![],
                vec![],
                Field::AppId,
                "env PUSHER_APP_ID",
            ),
            (
                "",
                vec![],
                vec![("PUSHER_APP_ID", "1")],
                vec![],
                Field::AppId,
                "/w/.env PUSHER_APP_ID",
            ),
            (
                "[profiles.local]\napp_id = \"1\"\n",
                vec![],
                vec![],
                vec![],
                Field::AppId,
                "/c/config.toml:2 [profiles.local]",
            ),
            (
                "",
                vec![],
                vec![],
                vec![(Field::WsHost, "w", "--ws-host")],
                Field::WsHost,
                "flag --ws-host",
            ),
        ];
        for (file, e, dot, cli, because, origin) in cases {
            let r = local(file, &e, &dot, &cli);
            let w = r
                .builtin_withheld
                .clone()
                .unwrap_or_else(|| panic!("{because} from {origin}: not withheld"));
            assert_eq!(
                (w.because, w.origin.to_string()),
                (because, origin.to_owned())
            );
            assert_eq!(r.secret, None, "{origin}");
            assert_eq!(r.key, None, "{origin}");
            if because != Field::AppId {
                assert_eq!(r.app_id, None, "{origin}");
            }
            let err = r.require_secret().unwrap_err();
            let text = err.to_string();
            assert!(
                text.starts_with("no `secret` for this server")
                    && text.contains(origin)
                    && text.contains("127.0.0.1:6001"),
                "{text}"
            );
            let hint = err.hints().join("\n");
            for way in [
                "`secret_env`",
                "`secret_command`",
                "RTCTL_SECRET",
                "PUSHER_SECRET",
                "--secret-stdin",
            ] {
                assert!(hint.contains(way), "{way}: {hint}");
            }
            assert!(!text.contains("app-secret") && !hint.contains("app-secret"));
        }
    }

    #[test]
    fn the_builtin_server_keeps_its_credentials() {
        // A port, TLS or ws_port alone, from anywhere: the same machine's server.
        for r in [
            local("", &[], &[], &[]),
            local("", &[], &[], &[(Field::Port, "7001", "--port")]),
            local(
                "",
                &[("RTCTL_TLS", "true"), ("RTCTL_WS_PORT", "7002")],
                &[],
                &[],
            ),
            local("", &[], &[("PUSHER_PORT", "7001")], &[]),
            local("[profiles.local]\nport = 7001\n", &[], &[], &[]),
        ] {
            assert_eq!(r.builtin_withheld, None);
            let Some(SecretSpec::Given(s)) = r.secret else {
                panic!()
            };
            assert_eq!(s.val.expose(), "app-secret");
            assert_eq!(r.key.unwrap().val, "app-key");
        }
    }

    #[test]
    fn only_builtin_values_are_withheld() {
        // The user's own secret and key go with the server they name.
        let r = local(
            "",
            &[("RTCTL_SECRET", "s"), ("RTCTL_KEY", "k")],
            &[],
            &[(Field::Host, "h", "--host")],
        );
        assert!(matches!(r.secret, Some(SecretSpec::Given(_))));
        assert_eq!(r.require_key().unwrap(), "k");
        // The built-in app id is left out with the rest, and said why.
        assert!(r.builtin_withheld.is_some());
        let err = r.require_app_id().unwrap_err();
        assert!(
            err.to_string().starts_with("no `app_id` for this server"),
            "{err}"
        );
        assert!(err.hints()[0].contains("--app-id"), "{:?}", err.hints());
        // Nothing built in is chosen: nothing is said.
        let r = local(
            "",
            &[("RTCTL_SECRET", "s"), ("RTCTL_KEY", "k")],
            &[],
            &[
                (Field::Host, "h", "--host"),
                (Field::AppId, "1", "--app-id"),
            ],
        );
        assert_eq!(r.builtin_withheld, None);
        // Another profile has no built-in values to withhold.
        let r = run(&inputs(Some(file()), &[], &[])).unwrap();
        assert_eq!(r.builtin_withheld, None);
        assert!(matches!(r.require_secret(), Ok(SecretSpec::Given(_))));
    }
}
