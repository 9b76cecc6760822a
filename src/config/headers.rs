//! HTTP headers as people type them, checked before anything is sent.

use super::value::Secret;

fn is_header_name(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// A header as given: where it is (`line 2`, `entry 1`), its name and its value.
pub(super) type RawHeader = (String, String, String);

/// `Name: value` lines.
pub(super) fn parse_header_lines(s: &str) -> Result<Vec<RawHeader>, String> {
    s.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, line)| {
            let at = format!("line {}", i + 1);
            let (name, value) = line
                .split_once(':')
                .ok_or_else(|| format!("{at} is not of the form `Name: value`"))?;
            Ok((at, name.trim().to_owned(), value.trim().to_owned()))
        })
        .collect()
}

/// A bad header is named by where it is, never echoed: a name that is not a header
/// name is often the start of a token typed in the wrong place.
pub(super) fn check_headers(headers: Vec<RawHeader>) -> Result<Vec<(String, Secret)>, String> {
    headers
        .into_iter()
        .map(|(at, name, value)| {
            if !is_header_name(&name) {
                return Err(format!(
                    "{at}: the name is not a header name, which has letters, digits and `-` but no spaces (it is not shown: it may hold a token)"
                ));
            }
            if value.contains(['\r', '\n']) {
                return Err(format!("{at}: the value of header `{name}` spans lines"));
            }
            Ok((name, Secret::new(value)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::config::testing::*;

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
