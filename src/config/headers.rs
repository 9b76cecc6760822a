//! HTTP headers as people type them (`auth_headers` in a profile or the environment,
//! `--auth-header`): one rule for all, checked before anything is sent.

use super::value::Secret;

/// A header's name and value. The value may be a token, so it is a `Secret`.
pub type Header = (String, Secret);

/// A header that breaks the rule, named by where it was given (`line 2`, `entry 1`,
/// `--auth-header #3`). A name is shown only once it is known to be a header name: one
/// that is not is often the start of a token typed in the wrong place. A value never is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HeaderError {
    #[error("{at} is not of the form `Name: value`")]
    NotNameValue { at: String },
    #[error(
        "{at}: the name is not a header name, which has letters, digits and `-` but no spaces (it is not shown: it may hold a token)"
    )]
    NotAName { at: String },
    #[error("{at}: the value of header `{name}` {problem}")]
    BadValue {
        at: String,
        name: String,
        problem: ValueProblem,
    },
}

/// What keeps text out of an HTTP header's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ValueProblem {
    #[error("spans lines")]
    SpansLines,
    #[error("holds a control character")]
    ControlCharacter,
}

/// Whether `value` can be a header's value: on one line, and free of control characters
/// (a tab aside), as RFC 9110 has a field value.
pub fn value_problem(value: &str) -> Option<ValueProblem> {
    if value.contains(['\r', '\n']) {
        Some(ValueProblem::SpansLines)
    } else if value.chars().any(|c| c.is_control() && c != '\t') {
        Some(ValueProblem::ControlCharacter)
    } else {
        None
    }
}

/// A token as RFC 9110 defines it (section 5.6.2), which is what a header name is.
fn is_token(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// `name` and `value`, given at `at`, checked and trimmed: the name a token, the value
/// one `value_problem` finds nothing wrong with.
pub fn header(at: &str, name: &str, value: &str) -> Result<Header, HeaderError> {
    let (name, value) = (name.trim(), value.trim());
    if !is_token(name) {
        return Err(HeaderError::NotAName { at: at.to_owned() });
    }
    if let Some(problem) = value_problem(value) {
        return Err(HeaderError::BadValue {
            at: at.to_owned(),
            name: name.to_owned(),
            problem,
        });
    }
    Ok((name.to_owned(), Secret::new(value)))
}

/// One `Name: value`, given at `at`.
pub fn header_line(at: &str, line: &str) -> Result<Header, HeaderError> {
    let (name, value) = line
        .split_once(':')
        .ok_or_else(|| HeaderError::NotNameValue { at: at.to_owned() })?;
    header(at, name, value)
}

/// `Name: value` lines, as an environment variable holds them; blank lines are skipped,
/// and a bad one is named by its line number.
pub fn header_lines(text: &str) -> Result<Vec<Header>, HeaderError> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, line)| header_line(&format!("line {}", i + 1), line))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::testing::*;

    fn shown(h: Result<Header, HeaderError>) -> Result<(String, String), HeaderError> {
        h.map(|(n, v)| (n, v.expose().to_owned()))
    }

    #[test]
    fn the_header_rule() {
        let ok = |n: &str, v: &str| Ok((n.to_owned(), v.to_owned()));
        let at = |at: &str| at.to_owned();
        // (as typed, what it gives)
        let cases = [
            ("Authorization: Bearer t", ok("Authorization", "Bearer t")),
            ("  X-A :  b  ", ok("X-A", "b")),
            ("X-Empty:", ok("X-Empty", "")),
            ("X-Tab: a\tb", ok("X-Tab", "a\tb")),
            ("X-Colon: a:b", ok("X-Colon", "a:b")),
            ("!#$%&'*+-.^_`|~09az: v", ok("!#$%&'*+-.^_`|~09az", "v")),
            ("X-Utf8: café", ok("X-Utf8", "café")),
            ("Bearer t", Err(HeaderError::NotNameValue { at: at("#1") })),
            ("Bearer t: x", Err(HeaderError::NotAName { at: at("#1") })),
            (": x", Err(HeaderError::NotAName { at: at("#1") })),
            ("X/Y: x", Err(HeaderError::NotAName { at: at("#1") })),
            ("Café: x", Err(HeaderError::NotAName { at: at("#1") })),
            ("X\u{1}: x", Err(HeaderError::NotAName { at: at("#1") })),
            (
                "X-A: a\r\nX-B: b",
                Err(HeaderError::BadValue {
                    at: at("#1"),
                    name: "X-A".into(),
                    problem: ValueProblem::SpansLines,
                }),
            ),
            (
                "X-A: a\0b",
                Err(HeaderError::BadValue {
                    at: at("#1"),
                    name: "X-A".into(),
                    problem: ValueProblem::ControlCharacter,
                }),
            ),
            (
                "X-A: a\u{7f}",
                Err(HeaderError::BadValue {
                    at: at("#1"),
                    name: "X-A".into(),
                    problem: ValueProblem::ControlCharacter,
                }),
            ),
        ];
        for (typed, want) in cases {
            assert_eq!(shown(header_line("#1", typed)), want, "{typed:?}");
        }
    }

    #[test]
    fn what_the_rule_lets_through_is_a_header_reqwest_takes() {
        let good = [
            "!#$%&'*+-.^_`|~09az: v",
            "X-Tab: a\tb",
            "X-Utf8: café",
            "A:",
        ];
        for line in good {
            let (name, value) = header_line("#1", line).unwrap();
            assert!(
                reqwest::header::HeaderName::try_from(name.as_str()).is_ok(),
                "{line:?}"
            );
            assert!(
                reqwest::header::HeaderValue::try_from(value.expose()).is_ok(),
                "{line:?}"
            );
        }
    }

    #[test]
    fn lines_are_named_by_number_and_never_echoed() {
        let got = header_lines("A: b\n\n  \nC: d\r\n").unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].0, "C");
        assert_eq!(got[1].1.expose(), "d");
        let err = header_lines("A: b\n\nBearer s3cr3t-token").unwrap_err();
        assert_eq!(
            err,
            HeaderError::NotNameValue {
                at: "line 3".into()
            }
        );
        let err = header_lines("A: b\nBearer s3cr3t: x")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("line 2: the name is not a header name"),
            "{err}"
        );
        assert!(!err.contains("s3cr3t"), "{err}");
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
