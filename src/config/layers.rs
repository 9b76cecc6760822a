//! The inputs as layers, highest precedence first, each value still as given.

use std::collections::BTreeMap;

use super::defaults::{LOCAL_APP_ID, LOCAL_KEY, LOCAL_PORT, LOCAL_PROFILE, LOCAL_SECRET, LOOPBACK};
use super::fields::Field;
use super::file::FileValue;
use super::inputs::Inputs;
use super::value::Source;

/// The layers' ranks, highest precedence first: each is an index into `build_layers`'s
/// result.
pub(super) const CLI: usize = 0;
pub(super) const ENV: usize = 1;
pub(super) const PUSHER_ENV: usize = 2;
pub(super) const DOTENV: usize = 3;
pub(super) const DOTENV_PUSHER: usize = 4;
pub(super) const FILE: usize = 5;
pub(super) const DEFAULTS: usize = 6;

/// A value as given, before it is checked against its field's kind: text from a flag
/// or a variable, or a value as the config file typed it.
#[derive(Clone)]
pub(super) enum RawValue {
    Text(String),
    File(FileValue),
}

/// One field's value in one layer, and where it came from.
#[derive(Clone)]
pub(super) struct Entry {
    pub(super) value: RawValue,
    pub(super) source: Source,
}

/// The fields one source sets.
pub(super) type Layer = BTreeMap<Field, Entry>;

fn env_layer(
    vars: &BTreeMap<String, String>,
    pusher: bool,
    source: impl Fn(&str) -> Source,
) -> Layer {
    let mut layer = Layer::new();
    for &field in Field::ALL {
        let name = if pusher {
            match field.pusher_env() {
                Some(p) => p.to_owned(),
                None => continue,
            }
        } else {
            field.env()
        };
        if let Some(v) = vars.get(&name).filter(|v| !v.is_empty()) {
            layer.insert(
                field,
                Entry {
                    value: RawValue::Text(v.clone()),
                    source: source(&name),
                },
            );
        }
    }
    layer
}

/// The built-in `local` profile's values; other profiles have none. Defaults every
/// profile shares (`timeout`, `max_payload_kb`) are filled in after the choice.
fn defaults_layer(profile: &str) -> Layer {
    let mut layer = Layer::new();
    if profile == LOCAL_PROFILE {
        for (field, v) in [
            (Field::AppId, LOCAL_APP_ID.to_owned()),
            (Field::Key, LOCAL_KEY.to_owned()),
            (Field::Secret, LOCAL_SECRET.to_owned()),
            (Field::Host, LOOPBACK.to_owned()),
            (Field::Port, LOCAL_PORT.to_string()),
            (Field::Tls, false.to_string()),
        ] {
            let entry = Entry {
                value: RawValue::Text(v),
                source: Source::BuiltinLocal,
            };
            layer.insert(field, entry);
        }
    }
    layer
}

/// Every source as a layer, in rank order; the file's layer is the chosen profile's table.
pub(super) fn build_layers(inputs: &Inputs, profile: &str) -> Vec<Layer> {
    let mut layers = vec![Layer::new(); DEFAULTS + 1];
    for (field, v, flag) in &inputs.cli.values {
        layers[CLI].insert(
            *field,
            Entry {
                value: RawValue::Text(v.clone()),
                source: Source::Cli { flag: flag.clone() },
            },
        );
    }
    let env = |var: &str| Source::Env {
        var: var.to_owned(),
    };
    layers[ENV] = env_layer(&inputs.env, false, env);
    layers[PUSHER_ENV] = env_layer(&inputs.env, true, env);
    if let Some((path, vars)) = &inputs.dotenv {
        let dot = |var: &str| Source::DotEnv {
            path: path.clone(),
            var: var.to_owned(),
        };
        layers[DOTENV] = env_layer(vars, false, dot);
        layers[DOTENV_PUSHER] = env_layer(vars, true, dot);
    }
    if let Some(file) = &inputs.file
        && let Some(p) = file.profiles.get(profile)
    {
        for (field, (v, line)) in &p.values {
            layers[FILE].insert(
                *field,
                Entry {
                    value: RawValue::File(v.clone()),
                    source: Source::File {
                        path: file.path.clone(),
                        profile: profile.to_owned(),
                        line: *line,
                    },
                },
            );
        }
    }
    layers[DEFAULTS] = defaults_layer(profile);
    layers
}
