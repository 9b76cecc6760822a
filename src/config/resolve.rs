//! Resolution: from the file, the environment, a `.env` file and flags to one
//! profile's settings, each with its source. Pure: the loader gathers the inputs.
//!
//! Precedence, highest first: flags, `RTCTL_*`, the platform's `PUSHER_*`, a `.env`
//! file (its `RTCTL_*`, then its `PUSHER_*`), the chosen profile, built-in defaults.

use super::builtin_app::withhold_builtin;
use super::chosen::choose;
use super::defaults::{DEFAULT_TIMEOUT, LOCAL_PROFILE};
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
    let mut chosen = choose(&layers)?;
    let builtin_withheld = withhold_builtin(&mut layers, &chosen);
    if builtin_withheld.is_some() {
        chosen = choose(&layers)?;
    }
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
        ca_cert: chosen.text(Field::CaCert),
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
        pusher_enabled: pusher_enabled(inputs),
        builtin_withheld,
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

/// The platform's `PUSHER_ENABLED` as its backend would see it here: the environment's,
/// else the `.env`'s (the precedence of the other `PUSHER_*` variables).
fn pusher_enabled(inputs: &Inputs) -> Option<Value<String>> {
    const VAR: &str = "PUSHER_ENABLED";
    let from_env = inputs.env.get(VAR).map(|v| {
        let source = Source::Env { var: VAR.into() };
        Value::new(v.clone(), source)
    });
    from_env.or_else(|| {
        let (path, vars) = inputs.dotenv.as_ref()?;
        let source = Source::DotEnv {
            path: path.clone(),
            var: VAR.into(),
        };
        vars.get(VAR).map(|v| Value::new(v.clone(), source))
    })
}

#[cfg(test)]
mod tests {
    //! Precedence, table by table.
    use super::*;
    use crate::config::testing::*;

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
        assert_eq!(
            r.timeout,
            Value::new(std::time::Duration::from_secs(10), Source::Default)
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
    fn pusher_enabled_comes_from_the_environment_then_the_dotenv() {
        let mut i = inputs(None, &[], &[]);
        assert_eq!(run(&i).unwrap().pusher_enabled, None);
        i.dotenv = Some((".env".into(), env(&[("PUSHER_ENABLED", "false")])));
        let dot = run(&i).unwrap().pusher_enabled.unwrap();
        assert_eq!(dot.val, "false");
        assert_eq!(dot.source.to_string(), ".env PUSHER_ENABLED");
        i.env = env(&[("PUSHER_ENABLED", "true")]);
        let from_env = run(&i).unwrap().pusher_enabled.unwrap();
        assert_eq!(
            (from_env.val.as_str(), from_env.source.to_string()),
            ("true", "env PUSHER_ENABLED".to_owned())
        );
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
}

#[cfg(test)]
mod properties {
    //! Whichever layers set a field, the highest one wins and is named as its source:
    //! a flag, `RTCTL_*`, `PUSHER_*`, the `.env`'s `RTCTL_*`, its `PUSHER_*`, the profile.

    use proptest::prelude::*;

    use super::*;
    use crate::config::testing::*;

    proptest! {
        #[test]
        fn the_highest_layer_that_sets_the_key_wins(
            set in prop::collection::vec(prop::option::of("[a-z0-9]{1,8}"), 6),
        ) {
            let extra = set[5].as_ref().map_or(String::new(), |v| format!("app_id = \"{v}\"\n"));
            let mut env = Vec::new();
            let mut dot = Vec::new();
            let mut cli = Vec::new();
            if let Some(v) = &set[0] { cli.push((Field::AppId, v.as_str(), "--app-id")); }
            if let Some(v) = &set[1] { env.push(("RTCTL_APP_ID", v.as_str())); }
            if let Some(v) = &set[2] { env.push(("PUSHER_APP_ID", v.as_str())); }
            if let Some(v) = &set[3] { dot.push(("RTCTL_APP_ID", v.as_str())); }
            if let Some(v) = &set[4] { dot.push(("PUSHER_APP_ID", v.as_str())); }
            let r = with_dotenv(&extra, &env, &dot, &cli).unwrap();
            let got = r.app_id.map(|v| (v.val, v.source));
            let want = set.iter().enumerate().find_map(|(i, v)| {
                let source = match i {
                    0 => Source::Cli { flag: "--app-id".into() },
                    1 => src("RTCTL_APP_ID"),
                    2 => src("PUSHER_APP_ID"),
                    3 => Source::DotEnv { path: "/w/.env".into(), var: "RTCTL_APP_ID".into() },
                    4 => Source::DotEnv { path: "/w/.env".into(), var: "PUSHER_APP_ID".into() },
                    _ => Source::File { path: "/c/config.toml".into(), profile: "p".into(), line: 7 },
                };
                v.clone().map(|v| (v, source))
            });
            prop_assert_eq!(got, want);
        }
    }
}
