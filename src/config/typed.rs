//! Values checked against their field's kind: text, secrets, booleans, ports,
//! durations, counts and headers.

use std::time::Duration;

use super::fields::{Field, Kind};
use super::file::FileValue;
use super::headers::{Header, header, header_lines, value_problem};
use super::layers::RawValue;
use super::value::Secret;
use crate::text::escape_for_message;

/// A value checked against its field's kind.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum TypedValue {
    Text(String),
    Secret(Secret),
    Bool(bool),
    Port(u16),
    Duration(Duration),
    Count(u32),
    Headers(Vec<Header>),
}

/// A boolean as people write one in a file or a variable (`true`, `1`, `yes`, `on`, and
/// their opposites, any case).
pub fn parse_bool(s: &str) -> Option<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "on" => Some(true),
        "false" | "0" | "no" | "off" => Some(false),
        _ => None,
    }
}

fn parse_port(s: &str) -> Option<u16> {
    s.trim().parse().ok().filter(|p| *p != 0)
}

/// `raw` checked against `field`'s kind. The error says what is wrong with the value;
/// the caller names the field and where the value came from.
pub(super) fn typed(field: Field, raw: &RawValue) -> Result<TypedValue, String> {
    let expected =
        |what: &str, got: &FileValue| format!("expected {what}, found {}", got.type_name());
    let text = |raw: &RawValue| -> Result<String, String> {
        match raw {
            RawValue::Text(s) | RawValue::File(FileValue::Str(s)) => Ok(s.clone()),
            RawValue::File(FileValue::Int(i)) => Ok(i.to_string()),
            RawValue::File(other) => Err(expected("a string", other)),
        }
    };
    let nonempty = |s: String| {
        if s.trim().is_empty() {
            Err("it is empty".to_owned())
        } else {
            Ok(s)
        }
    };
    match field.kind() {
        Kind::Text => Ok(TypedValue::Text(nonempty(text(raw)?)?)),
        Kind::Secret => Ok(TypedValue::Secret(Secret::new(nonempty(text(raw)?)?))),
        Kind::Token => {
            let token = nonempty(text(raw)?)?;
            match value_problem(&token) {
                Some(p) => Err(format!(
                    "it {p}, and it is sent in an HTTP header (it is not shown)"
                )),
                None => Ok(TypedValue::Secret(Secret::new(token))),
            }
        }
        Kind::Bool => match raw {
            RawValue::File(FileValue::Bool(b)) => Ok(TypedValue::Bool(*b)),
            RawValue::Text(s) | RawValue::File(FileValue::Str(s)) => parse_bool(s)
                .map(TypedValue::Bool)
                .ok_or_else(|| format!("`{}` is not true or false", escape_for_message(s))),
            RawValue::File(other) => Err(expected("true or false", other)),
        },
        Kind::Port => match raw {
            RawValue::File(FileValue::Int(i)) => u16::try_from(*i)
                .ok()
                .filter(|p| *p != 0)
                .map(TypedValue::Port)
                .ok_or_else(|| format!("{i} is not a port number")),
            RawValue::Text(s) | RawValue::File(FileValue::Str(s)) => parse_port(s)
                .map(TypedValue::Port)
                .ok_or_else(|| format!("`{}` is not a port number", escape_for_message(s))),
            RawValue::File(other) => Err(expected("a port number", other)),
        },
        Kind::Duration => {
            let s = match raw {
                RawValue::File(FileValue::Int(i)) => i.to_string(),
                RawValue::File(FileValue::Float(f)) => f.to_string(),
                RawValue::Text(s) | RawValue::File(FileValue::Str(s)) => s.clone(),
                RawValue::File(other) => return Err(expected("a duration", other)),
            };
            crate::values::duration(&s)
                .map(TypedValue::Duration)
                .map_err(|e| e.to_string())
        }
        Kind::Count => {
            let s = match raw {
                RawValue::File(FileValue::Int(i)) => i.to_string(),
                RawValue::Text(s) | RawValue::File(FileValue::Str(s)) => s.clone(),
                RawValue::File(other) => return Err(expected("a whole number", other)),
            };
            s.trim()
                .parse::<u32>()
                .ok()
                .filter(|n| *n > 0)
                .map(TypedValue::Count)
                .ok_or_else(|| {
                    format!(
                        "`{}` is not a whole number greater than 0",
                        escape_for_message(&s)
                    )
                })
        }
        Kind::Headers => match raw {
            RawValue::Text(s) => header_lines(s)
                .map(TypedValue::Headers)
                .map_err(|e| e.to_string()),
            RawValue::File(FileValue::Table(entries)) => entries
                .iter()
                .enumerate()
                .map(|(i, (k, v))| {
                    let at = format!("entry {}", i + 1);
                    match v {
                        FileValue::Str(s) => header(&at, k, s).map_err(|e| e.to_string()),
                        other => Err(format!("{at}: {}", expected("a string", other))),
                    }
                })
                .collect::<Result<_, _>>()
                .map(TypedValue::Headers),
            RawValue::File(other) => Err(expected("a table of strings", other)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::testing::*;

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
    fn a_token_is_one_line_fit_for_a_header() {
        for (token, problem) in [
            ("tok-s3cr3t\n", "it spans lines"),
            ("tok\r\ns3cr3t", "it spans lines"),
            ("tok-\u{1b}s3cr3t", "it holds a control character"),
        ] {
            let err = run(&inputs(None, &[("RTCTL_BACKEND_TOKEN", token)], &[])).unwrap_err();
            assert!(
                matches!(
                    &err,
                    ConfigError::Invalid {
                        field: Field::BackendToken,
                        ..
                    }
                ),
                "{err}"
            );
            let text = format!("{err} {:?}", err.hints());
            assert!(text.contains(problem), "{text}");
            assert!(!text.contains("s3cr3t"), "{text}");
        }
        let r = run(&inputs(None, &[("RTCTL_BACKEND_TOKEN", "a\tb-c.d~")], &[])).unwrap();
        assert_eq!(r.backend_token.unwrap().val.expose(), "a\tb-c.d~");
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
}
