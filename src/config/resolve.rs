//! Resolution: from the file, the environment, a `.env` file and flags to one
//! profile's settings, each with its source. Pure: the loader gathers the inputs.
//!
//! Precedence, highest first: flags, `RTCTL_*`, the platform's `PUSHER_*`, a `.env`
//! file (its `RTCTL_*`, then its `PUSHER_*`), the chosen profile, built-in defaults.

use std::time::Duration;

use super::chosen::choose;
use super::dotenv_trust::{refuse_from_dotenv, set_aside_untrusted};
use super::endpoints::endpoints;
use super::error::ConfigError;
use super::fields::Field;
use super::file::ConfigFile;
use super::inputs::Inputs;
use super::layers::{DOTENV, DOTENV_PUSHER, FILE, PUSHER_ENV, build_layers};
use super::resolved::Resolved;
use super::secret_choice::secret_spec;
use super::value::{Source, Value};

/// The built-in profile that works against a local server with no config at all.
pub const LOCAL_PROFILE: &str = "local";
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// Pick the profile: `--profile`, then `RTCTL_PROFILE`, then `default_profile`, then `local`.
pub fn select_profile(inputs: &Inputs) -> Result<Value<String>, ConfigError> {
    let file = inputs.file.as_ref();
    let chosen = if let Some(p) = &inputs.cli.profile {
        Value::new(
            p.clone(),
            Source::Cli {
                flag: "--profile".into(),
            },
        )
    } else if let Some(p) = inputs.env.get("RTCTL_PROFILE").filter(|p| !p.is_empty()) {
        Value::new(
            p.clone(),
            Source::Env {
                var: "RTCTL_PROFILE".into(),
            },
        )
    } else if let Some((p, line)) = file.and_then(|f| f.default_profile.as_ref()) {
        let path = file.map(|f| f.path.clone()).unwrap_or_default();
        Value::new(p.clone(), Source::FileDefault { path, line: *line })
    } else {
        Value::new(LOCAL_PROFILE.to_owned(), Source::Default)
    };
    let known = file.is_some_and(|f| f.profiles.contains_key(&chosen.val));
    if !known && chosen.val != LOCAL_PROFILE {
        return Err(ConfigError::UnknownProfile {
            name: chosen.val,
            origin: chosen.source,
            available: file.map(ConfigFile::profile_names).unwrap_or_default(),
        });
    }
    Ok(chosen)
}

/// Whether a `.env` file should be read, decided without one (flags, environment, profile).
pub fn wants_dotenv(inputs: &Inputs, profile: &str) -> Result<bool, ConfigError> {
    let mut layers = build_layers(inputs, profile);
    layers[DOTENV].clear();
    layers[DOTENV_PUSHER].clear();
    let chosen = choose(&layers)?;
    Ok(chosen.bool(Field::EnvFile).is_some_and(|v| v.val))
}

/// Resolve the chosen profile.
pub fn resolve(inputs: &Inputs, profile: Value<String>) -> Result<Resolved, ConfigError> {
    let mut layers = build_layers(inputs, &profile.val);
    refuse_from_dotenv(&layers, &profile.val)?;
    let mut warnings = inputs
        .file
        .as_ref()
        .map(|f| f.warnings.clone())
        .unwrap_or_default();
    let before = choose(&layers)?;
    set_aside_untrusted(&mut layers, &before, &mut warnings)?;
    let chosen = choose(&layers)?;
    let (rest, ws) = endpoints(&chosen, &mut warnings)?;
    let explicit = matches!(profile.source, Source::Cli { .. } | Source::Env { .. });
    if explicit {
        for &field in Field::ALL {
            let r = chosen.rank(field);
            if matches!(r, PUSHER_ENV | DOTENV_PUSHER)
                && layers[FILE].contains_key(&field)
                && let Some((v, _)) = chosen.get(field)
            {
                warnings.push(format!(
                    "{} overrides `{field}` of profile `{}`",
                    v.source, profile.val
                ));
            }
        }
    }
    Ok(Resolved {
        file: inputs.file.as_ref().map(|f| f.path.clone()),
        app_id: chosen.text(Field::AppId),
        key: chosen.text(Field::Key),
        secret: secret_spec(&chosen)?,
        cluster: chosen.text(Field::Cluster),
        rest,
        ws,
        auth_endpoint: chosen.text(Field::AuthEndpoint),
        auth_headers: chosen.headers(Field::AuthHeaders),
        backend_url: chosen.text(Field::BackendUrl),
        backend_token: chosen.secret(Field::BackendToken),
        webhook_url: chosen.text(Field::WebhookUrl),
        encryption_master_key: chosen.secret(Field::EncryptionMasterKey),
        timeout: chosen
            .duration(Field::Timeout)
            .unwrap_or_else(|| Value::new(DEFAULT_TIMEOUT, Source::Default)),
        env_file: chosen.bool(Field::EnvFile),
        trust_env_file: chosen.bool(Field::TrustEnvFile),
        catalog: chosen.text(Field::Catalog),
        max_payload_kb: chosen.count(Field::MaxPayloadKb).unwrap_or_else(|| {
            Value::new(
                crate::pusher::event::DEFAULT_MAX_PAYLOAD_KB as u32,
                Source::Default,
            )
        }),
        warnings,
        profile,
    })
}

#[cfg(test)]
mod tests {
    //! Precedence, table by table.
    use std::collections::BTreeMap;
    use std::path::Path;

    use super::*;
    use crate::config::inputs::CliValues;
    use crate::config::resolved::SecretSpec;

    const FILE_TEXT: &str = r#"
default_profile = "prod"

[profiles.prod]
app_id = 12345
key = "prod-key"
secret = "prod-secret-value"
cluster = "eu"

[profiles.self]
app_id = "self"
key = "self-key"
secret_command = "pass show x"
host = "rt.example.com"
port = 6001
tls = false
ws_host = "ws.example.com"
ws_port = 443

[profiles.both]
app_id = "b"
key = "k"
secret = "s"
secret_env = "VAR"
cluster = "eu"
host = "h"
"#;

    fn file() -> ConfigFile {
        ConfigFile::parse(Path::new("/c/config.toml"), FILE_TEXT).unwrap()
    }

    fn env(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).into(), (*v).into()))
            .collect()
    }

    fn inputs(
        file: Option<ConfigFile>,
        env_vars: &[(&str, &str)],
        cli: &[(Field, &str, &str)],
    ) -> Inputs {
        let mut c = CliValues::default();
        for (f, v, flag) in cli {
            c.set(*f, *v, flag);
        }
        Inputs {
            file,
            env: env(env_vars),
            dotenv: None,
            cli: c,
        }
    }

    fn run(i: &Inputs) -> Result<Resolved, ConfigError> {
        resolve(i, select_profile(i)?)
    }

    fn src(var: &str) -> Source {
        Source::Env { var: var.into() }
    }

    #[test]
    fn debug_output_never_holds_a_secret() {
        let mut i = inputs(
            Some(file()),
            &[
                ("PUSHER_SECRET", "env-secret-1"),
                ("RTCTL_BACKEND_TOKEN", "env-token-2"),
                ("PUSHER_KEY", "k"),
            ],
            &[(Field::Secret, "flag-secret-3", "--secret-stdin")],
        );
        i.dotenv = Some((
            ".env".into(),
            env(&[("RTCTL_AUTH_HEADERS", "Authorization: Bearer dot-4")]),
        ));
        let shown = format!("{i:?} {:?}", run(&i).unwrap());
        for secret in [
            "env-secret-1",
            "env-token-2",
            "flag-secret-3",
            "dot-4",
            "prod-secret-value",
        ] {
            assert!(!shown.contains(secret), "{secret} in {shown}");
        }
        assert!(shown.contains("PUSHER_KEY"));
    }

    #[test]
    fn profile_selection_order() {
        let mut i = inputs(Some(file()), &[], &[]);
        assert_eq!(select_profile(&i).unwrap().val, "prod");
        i.env = env(&[("RTCTL_PROFILE", "self")]);
        assert_eq!(select_profile(&i).unwrap().val, "self");
        i.cli.profile = Some("both".into());
        let p = select_profile(&i).unwrap();
        assert_eq!(p.val, "both");
        assert_eq!(
            p.source,
            Source::Cli {
                flag: "--profile".into()
            }
        );
        // No file: the built-in local profile.
        let none = inputs(None, &[], &[]);
        assert_eq!(
            select_profile(&none).unwrap(),
            Value::new("local".into(), Source::Default)
        );
        // An empty RTCTL_PROFILE counts as unset.
        let empty = inputs(Some(file()), &[("RTCTL_PROFILE", "")], &[]);
        assert_eq!(select_profile(&empty).unwrap().val, "prod");
    }

    #[test]
    fn unknown_profile_lists_the_ones_there_are() {
        let mut i = inputs(Some(file()), &[], &[]);
        i.cli.profile = Some("staging".into());
        let Err(ConfigError::UnknownProfile {
            name, available, ..
        }) = select_profile(&i)
        else {
            panic!()
        };
        assert_eq!(name, "staging");
        assert_eq!(available, ["both", "prod", "self"]);
        // `local` always exists.
        i.cli.profile = Some("local".into());
        assert!(select_profile(&i).is_ok());
    }

    #[test]
    fn builtin_local_profile() {
        let r = run(&inputs(None, &[], &[])).unwrap();
        let rest = r.rest.unwrap();
        assert_eq!(rest.http_base(), "http://127.0.0.1:6001");
        assert_eq!(rest.host.source, Source::BuiltinLocal);
        assert_eq!(r.ws.unwrap().ws_base(), "ws://127.0.0.1:6001");
        assert_eq!(r.app_id.unwrap().val, "app-id");
        assert_eq!(r.key.unwrap().val, "app-key");
        let Some(SecretSpec::Given(s)) = r.secret else {
            panic!()
        };
        assert_eq!(s.val.expose(), "app-secret");
        assert_eq!(r.timeout, Value::new(DEFAULT_TIMEOUT, Source::Default));
    }

    #[test]
    fn cluster_means_pusher_hosts_with_tls() {
        let r = run(&inputs(Some(file()), &[], &[])).unwrap();
        assert_eq!(
            r.rest.as_ref().unwrap().http_base(),
            "https://api-eu.pusher.com:443"
        );
        assert_eq!(
            r.ws.as_ref().unwrap().ws_base(),
            "wss://ws-eu.pusher.com:443"
        );
        assert_eq!(r.app_id.unwrap().val, "12345");
    }

    #[test]
    fn host_port_tls_and_ws_overrides() {
        let mut i = inputs(Some(file()), &[], &[]);
        i.cli.profile = Some("self".into());
        let r = run(&i).unwrap();
        assert_eq!(r.rest.unwrap().http_base(), "http://rt.example.com:6001");
        assert_eq!(r.ws.unwrap().ws_base(), "ws://ws.example.com:443");
        assert!(
            matches!(r.secret, Some(SecretSpec::Command { ref command, .. }) if command == "pass show x")
        );
    }

    #[test]
    fn field_precedence_table() {
        // (env, cli, expected key, expected source)
        let cli_src = Source::Cli {
            flag: "--key".into(),
        };
        type Case<'a> = (
            Vec<(&'a str, &'a str)>,
            Vec<(Field, &'a str, &'a str)>,
            &'a str,
            Source,
        );
        let cases: Vec<Case> = vec![
            (
                vec![],
                vec![],
                "prod-key",
                Source::File {
                    path: "/c/config.toml".into(),
                    profile: "prod".into(),
                    line: 6,
                },
            ),
            (vec![("PUSHER_KEY", "p")], vec![], "p", src("PUSHER_KEY")),
            (
                vec![("PUSHER_KEY", "p"), ("RTCTL_KEY", "r")],
                vec![],
                "r",
                src("RTCTL_KEY"),
            ),
            (
                vec![("PUSHER_KEY", "p"), ("RTCTL_KEY", "r")],
                vec![(Field::Key, "c", "--key")],
                "c",
                cli_src.clone(),
            ),
            (
                vec![("RTCTL_KEY", "")],
                vec![],
                "prod-key",
                Source::File {
                    path: "/c/config.toml".into(),
                    profile: "prod".into(),
                    line: 6,
                },
            ),
        ];
        for (e, c, want, want_src) in cases {
            let r = run(&inputs(Some(file()), &e, &c)).unwrap();
            let key = r.key.unwrap();
            assert_eq!(
                (key.val.as_str(), &key.source),
                (want, &want_src),
                "{e:?} {c:?}"
            );
        }
    }

    #[test]
    fn dotenv_sits_between_env_and_file() {
        let mut i = inputs(Some(file()), &[("PUSHER_APP_ID", "from-env")], &[]);
        i.dotenv = Some((
            ".env".into(),
            env(&[
                ("PUSHER_APP_ID", "dot-app"),
                ("PUSHER_KEY", "dot-pusher"),
                ("RTCTL_KEY", "dot-rtctl"),
                ("PUSHER_SECRET", "dot-secret"),
            ]),
        ));
        let r = run(&i).unwrap();
        assert_eq!(r.app_id.unwrap().val, "from-env");
        let key = r.key.unwrap();
        assert_eq!(key.val, "dot-rtctl");
        assert_eq!(
            key.source,
            Source::DotEnv {
                path: ".env".into(),
                var: "RTCTL_KEY".into()
            }
        );
        let Some(SecretSpec::Given(s)) = r.secret else {
            panic!()
        };
        assert_eq!(s.val.expose(), "dot-secret");
    }

    #[test]
    fn dotenv_is_read_only_when_asked() {
        let i = inputs(None, &[], &[]);
        assert!(!wants_dotenv(&i, "local").unwrap());
        let i = inputs(None, &[("RTCTL_ENV_FILE", "1")], &[]);
        assert!(wants_dotenv(&i, "local").unwrap());
        let f = ConfigFile::parse(Path::new("c"), "[profiles.p]\nenv_file = true\n").unwrap();
        let i = inputs(Some(f), &[], &[]);
        assert!(wants_dotenv(&i, "p").unwrap());
        let i = inputs(None, &[], &[(Field::EnvFile, "true", "--env-file")]);
        assert!(wants_dotenv(&i, "local").unwrap());
    }

    #[test]
    fn host_beats_cluster_only_at_the_same_or_a_higher_level() {
        // Profile with cluster; RTCTL_HOST from the environment wins.
        let r = run(&inputs(
            Some(file()),
            &[
                ("RTCTL_HOST", "localhost"),
                ("RTCTL_TLS", "false"),
                ("RTCTL_PORT", "6001"),
            ],
            &[],
        ))
        .unwrap();
        assert_eq!(r.rest.unwrap().http_base(), "http://localhost:6001");
        // Built-in local profile, PUSHER_CLUSTER from the platform's env: the cluster wins,
        // and the local profile's port and TLS give way.
        let r = run(&inputs(None, &[("PUSHER_CLUSTER", "us2")], &[])).unwrap();
        let rest = r.rest.unwrap();
        assert_eq!(rest.http_base(), "https://api-us2.pusher.com:443");
        assert_eq!(rest.host.source, src("PUSHER_CLUSTER"));
        assert_eq!(r.ws.unwrap().ws_base(), "wss://ws-us2.pusher.com:443");
        // …unless PUSHER_SSL / PUSHER_PORT are set beside it.
        let r = run(&inputs(
            None,
            &[
                ("PUSHER_CLUSTER", "us2"),
                ("PUSHER_SSL", "false"),
                ("PUSHER_PORT", "8080"),
            ],
            &[],
        ))
        .unwrap();
        assert_eq!(
            r.rest.unwrap().http_base(),
            "http://api-us2.pusher.com:8080"
        );
        // A flag --host beats a cluster anywhere; --cluster beats the profile's host.
        let r = run(&inputs(
            None,
            &[("PUSHER_CLUSTER", "us2")],
            &[(Field::Host, "h", "--host")],
        ))
        .unwrap();
        assert_eq!(r.rest.unwrap().host.val, "h");
        let mut i = inputs(Some(file()), &[], &[(Field::Cluster, "ap1", "--cluster")]);
        i.cli.profile = Some("self".into());
        let r = run(&i).unwrap();
        assert_eq!(
            r.rest.unwrap().http_base(),
            "https://api-ap1.pusher.com:443"
        );
        // Two ways to give the secret at one level are refused.
        let mut i = inputs(Some(file()), &[("VAR", "x")], &[]);
        i.cli.profile = Some("both".into());
        assert!(matches!(run(&i), Err(ConfigError::SecretConflict { .. })));
    }

    #[test]
    fn a_cluster_displacing_a_set_host_is_reported() {
        let mut i = inputs(Some(file()), &[("PUSHER_CLUSTER", "us2")], &[]);
        i.cli.profile = Some("self".into());
        let r = run(&i).unwrap();
        assert_eq!(
            r.rest.unwrap().http_base(),
            "https://api-us2.pusher.com:443"
        );
        // The profile's ws_host and ws_port give way with its host.
        assert_eq!(r.ws.unwrap().ws_base(), "wss://ws-us2.pusher.com:443");
        assert_eq!(
            r.warnings,
            [
                "cluster `us2` (env PUSHER_CLUSTER) overrides host `rt.example.com` (/c/config.toml:14 [profiles.self]): requests go to Pusher; pass --host, or unset the cluster, to use the host"
            ]
        );
        // Not over the built-in local profile's host.
        let r = run(&inputs(None, &[("PUSHER_CLUSTER", "us2")], &[])).unwrap();
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    }

    #[test]
    fn hosts_are_names_not_urls() {
        for bad in [
            "https://example.com",
            "example.com/path",
            "a b",
            "user@host",
        ] {
            let err = run(&inputs(None, &[("RTCTL_HOST", bad)], &[])).unwrap_err();
            assert!(
                matches!(
                    err,
                    ConfigError::Invalid {
                        field: Field::Host,
                        ..
                    }
                ),
                "{bad}: {err}"
            );
        }
        let r = run(&inputs(None, &[("RTCTL_HOST", "::1")], &[])).unwrap();
        assert_eq!(r.rest.unwrap().http_base(), "http://[::1]:6001");
        let err = run(&inputs(None, &[("RTCTL_PORT", &"9".repeat(300))], &[])).unwrap_err();
        assert!(err.to_string().len() < 200, "{err}");
    }

    #[test]
    fn host_wins_over_cluster_in_the_same_profile() {
        let f = ConfigFile::parse(
            Path::new("c"),
            "[profiles.p]\ncluster = \"eu\"\nhost = \"h\"\n",
        )
        .unwrap();
        let r = run(&inputs(Some(f), &[("RTCTL_PROFILE", "p")], &[])).unwrap();
        assert_eq!(r.rest.unwrap().http_base(), "https://h:443");
    }

    #[test]
    fn tls_flag_and_default_ports() {
        let r = run(&inputs(None, &[], &[(Field::Tls, "true", "--tls")])).unwrap();
        // The local profile's explicit port stays.
        assert_eq!(r.rest.unwrap().http_base(), "https://127.0.0.1:6001");
        let f =
            ConfigFile::parse(Path::new("c"), "[profiles.p]\nhost = \"h\"\ntls = false\n").unwrap();
        let r = run(&inputs(Some(f), &[("RTCTL_PROFILE", "p")], &[])).unwrap();
        assert_eq!(r.rest.unwrap().http_base(), "http://h:80");
    }

    #[test]
    fn missing_endpoint_and_values() {
        let f = ConfigFile::parse(Path::new("c"), "[profiles.p]\nkey = \"k\"\n").unwrap();
        let r = run(&inputs(Some(f), &[("RTCTL_PROFILE", "p")], &[])).unwrap();
        assert!(matches!(
            r.require_rest(),
            Err(ConfigError::MissingEndpoint { .. })
        ));
        let err = r.require_app_id().unwrap_err();
        assert_eq!(err.to_string(), "no `app_id` configured for profile `p`");
        assert_eq!(
            err.hints(),
            [
                "set `app_id` in [profiles.p], or export RTCTL_APP_ID (or PUSHER_APP_ID), or pass --app-id"
            ]
        );
        assert!(matches!(
            r.require_secret(),
            Err(ConfigError::Missing {
                field: Field::Secret,
                ..
            })
        ));
        assert_eq!(r.require_key().unwrap(), "k");
    }

    #[test]
    fn invalid_values_name_field_and_source() {
        let cases: [(&[(&str, &str)], Field); 7] = [
            (&[("RTCTL_PORT", "70000")], Field::Port),
            (&[("PUSHER_SSL", "maybe")], Field::Tls),
            (&[("RTCTL_TIMEOUT", "soon")], Field::Timeout),
            (&[("RTCTL_TIMEOUT", "0")], Field::Timeout),
            (&[("RTCTL_CLUSTER", "EU!")], Field::Cluster),
            (
                &[("RTCTL_AUTH_HEADERS", "Bearer no-colon-token")],
                Field::AuthHeaders,
            ),
            (&[("RTCTL_MAX_PAYLOAD_KB", "0")], Field::MaxPayloadKb),
        ];
        for (e, field) in cases {
            let err = run(&inputs(None, e, &[])).unwrap_err();
            assert!(
                matches!(&err, ConfigError::Invalid { field: f, .. } if *f == field),
                "{e:?}: {err}"
            );
            assert!(
                err.to_string().contains(&format!("env {}", e[0].0)),
                "{err}"
            );
        }
        let f =
            ConfigFile::parse(Path::new("/c"), "[profiles.p]\nport = \"x\"\ntls = 1\n").unwrap();
        let err = run(&inputs(Some(f), &[("RTCTL_PROFILE", "p")], &[])).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid `port` from /c:2 [profiles.p]: `x` is not a port number"
        );
    }

    #[test]
    fn typed_values() {
        let r = run(&inputs(
            None,
            &[
                ("RTCTL_TIMEOUT", "1500ms"),
                ("RTCTL_AUTH_HEADERS", "Authorization: Bearer t\nX-A: b"),
            ],
            &[],
        ))
        .unwrap();
        assert_eq!(r.timeout.val, Duration::from_millis(1500));
        let headers: Vec<(String, String)> = r
            .auth_headers
            .unwrap()
            .val
            .into_iter()
            .map(|(n, v)| (n, v.expose().to_owned()))
            .collect();
        assert_eq!(
            headers,
            [
                ("Authorization".to_owned(), "Bearer t".to_owned()),
                ("X-A".to_owned(), "b".to_owned())
            ]
        );
        let r = run(&inputs(None, &[("RTCTL_TIMEOUT", "2.5")], &[])).unwrap();
        assert_eq!(r.timeout.val, Duration::from_millis(2500));
        let f = ConfigFile::parse(
            Path::new("c"),
            "[profiles.p]\ntimeout = 3\nauth_headers = { \"Bad Name\" = \"x\" }\n",
        )
        .unwrap();
        assert!(run(&inputs(Some(f), &[("RTCTL_PROFILE", "p")], &[])).is_err());
    }

    #[test]
    fn secret_ways() {
        let r = run(&inputs(None, &[("RTCTL_SECRET_ENV", "MY_SECRET")], &[])).unwrap();
        assert_eq!(
            r.secret,
            Some(SecretSpec::Env {
                var: "MY_SECRET".into(),
                source: src("RTCTL_SECRET_ENV")
            })
        );
        // A higher level's way wins over a lower level's literal secret.
        let r = run(&inputs(
            Some(file()),
            &[("RTCTL_SECRET_COMMAND", "echo s")],
            &[],
        ))
        .unwrap();
        assert!(matches!(r.secret, Some(SecretSpec::Command { .. })));
        let r = run(&inputs(
            Some(file()),
            &[("RTCTL_SECRET_COMMAND", "echo s")],
            &[(Field::Secret, "x", "--secret-stdin")],
        ))
        .unwrap();
        assert!(matches!(r.secret, Some(SecretSpec::Given(_))));
        assert_eq!(
            r.secret.unwrap().source(),
            &Source::Cli {
                flag: "--secret-stdin".into()
            }
        );
    }

    #[test]
    fn platform_env_overriding_a_chosen_profile_is_reported() {
        let r = run(&inputs(
            Some(file()),
            &[("RTCTL_PROFILE", "prod"), ("PUSHER_KEY", "dev")],
            &[],
        ))
        .unwrap();
        assert_eq!(
            r.warnings,
            ["env PUSHER_KEY overrides `key` of profile `prod`"]
        );
        // Not when the profile is only the file's default.
        let r = run(&inputs(Some(file()), &[("PUSHER_KEY", "dev")], &[])).unwrap();
        assert!(r.warnings.is_empty());
    }

    #[test]
    fn file_warnings_carry_through() {
        let f = ConfigFile::parse(Path::new("c"), "[profiles.local]\nkee = \"x\"\n").unwrap();
        let r = run(&inputs(Some(f), &[], &[])).unwrap();
        assert_eq!(r.warnings.len(), 1);
        // A file profile named `local` layers over the built-in one.
        assert_eq!(r.key.unwrap().val, "app-key");
    }

    /// Profile `p` (host, port and a secret from the file, plus `extra`), the process
    /// environment, a `.env` and flags.
    fn with_dotenv(
        extra: &str,
        env_vars: &[(&str, &str)],
        dot: &[(&str, &str)],
        cli: &[(Field, &str, &str)],
    ) -> Result<Resolved, ConfigError> {
        let text = format!(
            "[profiles.p]\nkey = \"k\"\nsecret = \"file-secret\"\nhost = \"real.example\"\nport = 6001\ntls = false\n{extra}"
        );
        let mut i = inputs(
            Some(ConfigFile::parse(Path::new("/c/config.toml"), &text).unwrap()),
            env_vars,
            cli,
        );
        i.cli.profile = Some("p".into());
        i.dotenv = Some(("/w/.env".into(), env(dot)));
        run(&i)
    }

    #[test]
    fn a_dotenv_may_not_set_a_command_or_trust_itself() {
        for (var, field) in [
            ("RTCTL_SECRET_COMMAND", Field::SecretCommand),
            ("RTCTL_SECRET_ENV", Field::SecretEnv),
            ("RTCTL_CATALOG", Field::Catalog),
            ("RTCTL_TRUST_ENV_FILE", Field::TrustEnvFile),
        ] {
            let err = with_dotenv("", &[], &[(var, "touch /tmp/x")], &[]).unwrap_err();
            let ConfigError::NotFromDotEnv {
                field: f, origin, ..
            } = &err
            else {
                panic!("{var}: {err}")
            };
            assert_eq!(*f, field);
            assert_eq!(origin.to_string(), format!("/w/.env {var}"));
            assert!(err.to_string().contains("nothing was run"), "{err}");
        }
        let err = with_dotenv("", &[], &[("RTCTL_SECRET_COMMAND", "x")], &[]).unwrap_err();
        let hint = err.hints().join("\n");
        assert!(
            hint.contains("[profiles.p]") && hint.contains("export RTCTL_SECRET_COMMAND"),
            "{hint}"
        );
        // From the user's own file or environment, the command is the way to the secret.
        let r = with_dotenv("", &[("RTCTL_SECRET_COMMAND", "pass x")], &[], &[]).unwrap();
        assert!(matches!(r.secret, Some(SecretSpec::Command { .. })));
        let r = with_dotenv("secret_command = \"pass x\"\n", &[], &[], &[]);
        assert!(matches!(r, Err(ConfigError::SecretConflict { .. })));
    }

    #[test]
    fn a_dotenv_destination_gets_only_its_own_credentials_unless_trusted() {
        type Case<'a> = (
            &'a str,
            &'a str,
            Vec<(&'a str, &'a str)>,
            Vec<(&'a str, &'a str)>,
            Vec<(Field, &'a str, &'a str)>,
            Field,
            bool,
        );
        let trust_flag = (Field::TrustEnvFile, "true", "--trust-env-file");
        let url = ("RTCTL_BACKEND_URL", "http://evil.example");
        // (case, profile extra, env, .env, flags, field, whether the .env's value is used)
        let cases: Vec<Case> = vec![
            (
                "token from the profile",
                "backend_token = \"t\"\n",
                vec![],
                vec![url],
                vec![],
                Field::BackendUrl,
                false,
            ),
            (
                "token from the environment",
                "",
                vec![("RTCTL_BACKEND_TOKEN", "t")],
                vec![url],
                vec![],
                Field::BackendUrl,
                false,
            ),
            (
                "token from the .env",
                "",
                vec![],
                vec![url, ("RTCTL_BACKEND_TOKEN", "t")],
                vec![],
                Field::BackendUrl,
                true,
            ),
            (
                "no token at all",
                "",
                vec![],
                vec![url],
                vec![],
                Field::BackendUrl,
                true,
            ),
            (
                "trusted by flag",
                "backend_token = \"t\"\n",
                vec![],
                vec![url],
                vec![trust_flag],
                Field::BackendUrl,
                true,
            ),
            (
                "trusted by the environment",
                "backend_token = \"t\"\n",
                vec![("RTCTL_TRUST_ENV_FILE", "1")],
                vec![url],
                vec![],
                Field::BackendUrl,
                true,
            ),
            (
                "trusted by the profile",
                "backend_token = \"t\"\ntrust_env_file = true\n",
                vec![],
                vec![url],
                vec![],
                Field::BackendUrl,
                true,
            ),
            (
                "headers from the profile",
                "auth_headers = { Authorization = \"Bearer t\" }\n",
                vec![],
                vec![("RTCTL_AUTH_ENDPOINT", "http://evil.example/auth")],
                vec![],
                Field::AuthEndpoint,
                false,
            ),
            (
                "headers from the .env",
                "",
                vec![],
                vec![
                    ("RTCTL_AUTH_ENDPOINT", "http://e/a"),
                    ("RTCTL_AUTH_HEADERS", "A: b"),
                ],
                vec![],
                Field::AuthEndpoint,
                true,
            ),
            (
                "host, secret from the profile",
                "",
                vec![],
                vec![("PUSHER_HOST", "evil.example")],
                vec![],
                Field::Host,
                false,
            ),
            (
                "tls, secret from the profile",
                "",
                vec![],
                vec![("PUSHER_SSL", "true")],
                vec![],
                Field::Tls,
                false,
            ),
            (
                "host, secret from the .env",
                "",
                vec![],
                vec![("PUSHER_HOST", "h"), ("PUSHER_SECRET", "s")],
                vec![],
                Field::Host,
                true,
            ),
            (
                "host, secret from the real environment",
                "",
                vec![("OTHER", "s"), ("RTCTL_SECRET_ENV", "OTHER")],
                vec![("PUSHER_HOST", "h")],
                vec![],
                Field::Host,
                false,
            ),
            (
                "webhook_url, secret from the profile",
                "",
                vec![],
                vec![("RTCTL_WEBHOOK_URL", "http://evil.example/w")],
                vec![],
                Field::WebhookUrl,
                false,
            ),
        ];
        for (case, extra, e, dot, cli, field, used) in cases {
            let r =
                with_dotenv(extra, &e, &dot, &cli).unwrap_or_else(|err| panic!("{case}: {err}"));
            let source = match field {
                Field::BackendUrl => r.backend_url.map(|v| v.source),
                Field::AuthEndpoint => r.auth_endpoint.map(|v| v.source),
                Field::WebhookUrl => r.webhook_url.map(|v| v.source),
                Field::Host => r.rest.as_ref().map(|ep| ep.host.source.clone()),
                Field::Tls => r.rest.as_ref().map(|ep| ep.tls.source.clone()),
                _ => unreachable!(),
            };
            let from_dotenv = matches!(source, Some(Source::DotEnv { .. }));
            assert_eq!(from_dotenv, used, "{case}: {source:?}");
            let warned: Vec<&String> = r
                .warnings
                .iter()
                .filter(|w| w.contains("--trust-env-file"))
                .collect();
            assert_eq!(warned.len(), usize::from(!used), "{case}: {:?}", r.warnings);
            if let Some(w) = warned.first() {
                assert!(
                    w.contains(&format!("`{field}`")) && w.contains("/w/.env"),
                    "{case}: {w}"
                );
                assert!(
                    !w.contains("evil.example") && !w.contains("Bearer"),
                    "{case}: {w}"
                );
            }
        }
    }

    #[test]
    fn a_set_aside_server_falls_back_to_the_profile_and_says_which_fields() {
        let r = with_dotenv(
            "",
            &[],
            &[
                ("PUSHER_HOST", "evil.example"),
                ("PUSHER_PORT", "80"),
                ("PUSHER_APP_ID", "a2"),
            ],
            &[],
        )
        .unwrap();
        assert_eq!(r.rest.unwrap().http_base(), "http://real.example:6001");
        assert_eq!(r.ws.unwrap().ws_base(), "ws://real.example:6001");
        // Values that go nowhere still come from the .env.
        assert!(matches!(r.app_id.unwrap().source, Source::DotEnv { .. }));
        assert_eq!(
            r.warnings,
            [
                "not using `host` (PUSHER_HOST), `port` (PUSHER_PORT) from /w/.env: signatures made with the app secret from /c/config.toml:3 [profiles.p] would go there, and a .env gets only what it supplies; pass --trust-env-file to allow it, or set the value in the profile"
            ]
        );
        // The built-in local profile's secret is public: a .env may point it anywhere.
        let mut i = inputs(None, &[], &[]);
        i.dotenv = Some((".env".into(), env(&[("PUSHER_HOST", "h")])));
        let r = run(&i).unwrap();
        assert_eq!(r.rest.unwrap().host.val, "h");
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    }

    #[test]
    fn flag_auth_headers_go_to_a_dotenv_endpoint_only_when_trusted() {
        let dot = [("RTCTL_AUTH_ENDPOINT", "http://e/auth")];
        let r = with_dotenv("", &[], &dot, &[]).unwrap();
        let err = r.allow_flag_auth_headers().unwrap_err();
        assert!(
            err.to_string().contains("/w/.env RTCTL_AUTH_ENDPOINT"),
            "{err}"
        );
        assert!(
            err.hints()[0].contains("--auth-endpoint"),
            "{:?}",
            err.hints()
        );
        let trusted = (Field::TrustEnvFile, "true", "--trust-env-file");
        let r = with_dotenv("", &[], &dot, &[trusted]).unwrap();
        assert!(r.allow_flag_auth_headers().is_ok());
        let r = with_dotenv("auth_endpoint = \"http://mine/auth\"\n", &[], &[], &[]).unwrap();
        assert!(r.allow_flag_auth_headers().is_ok());
    }

    #[test]
    fn bad_header_names_are_not_echoed() {
        for (e, at) in [
            ("Bearer s3cr3t-token: x", "line 1"),
            ("A: b\n\nBearer s3cr3t-token", "line 3"),
        ] {
            let err = run(&inputs(None, &[("RTCTL_AUTH_HEADERS", e)], &[]))
                .unwrap_err()
                .to_string();
            assert!(err.contains(at), "{err}");
            assert!(!err.contains("s3cr3t"), "{err}");
        }
        let f = ConfigFile::parse(
            Path::new("c"),
            "[profiles.p]\nauth_headers = { A = \"b\", \"Bearer s3cr3t\" = \"x\" }\n",
        )
        .unwrap();
        let err = run(&inputs(Some(f), &[("RTCTL_PROFILE", "p")], &[]))
            .unwrap_err()
            .to_string();
        assert!(err.contains("entry 2") && !err.contains("s3cr3t"), "{err}");
    }
}
