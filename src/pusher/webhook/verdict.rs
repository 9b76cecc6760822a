//! Signature verdicts: whether a webhook is authentic and, when it is not, which part is
//! wrong; and the well-formed wrong signature `--tamper` sends.

use serde_json::Value;

use crate::pusher::sign::{verify_webhook, webhook_signature};

/// A wrong signature for `--tamper`: the right one with every digit changed, so it is
/// well-formed but can never verify.
pub fn tampered_signature(secret: &str, body: &[u8]) -> String {
    webhook_signature(secret, body)
        .chars()
        .map(|c| if c == '0' { '1' } else { '0' })
        .collect()
}

/// The headers a server sends a webhook with: `X-Pusher-Key`, and `X-Pusher-Signature`
/// (HMAC-SHA256 hex of the raw body with the app secret), or a wrong one when `tampered`.
pub fn signed_headers(
    key: &str,
    secret: &str,
    body: &[u8],
    tampered: bool,
) -> Vec<(String, String)> {
    let signature = if tampered {
        tampered_signature(secret, body)
    } else {
        webhook_signature(secret, body)
    };
    vec![
        ("X-Pusher-Key".to_owned(), key.to_owned()),
        ("X-Pusher-Signature".to_owned(), signature),
    ]
}

/// Whether a captured webhook is authentic, and if not, which part is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The signature covers these bytes. `final_newline_ignored`: it covers them
    /// without the line ending a file or `echo` added after the body.
    Valid { final_newline_ignored: bool },
    /// No `X-Pusher-Signature` was given.
    NoSignature,
    /// The key is not this app's key, so this app's secret did not sign it.
    KeyUnknown { given: String },
    /// Not 64 hex digits.
    MalformedSignature,
    /// The signature covers the same JSON written differently: the body was
    /// reformatted or had whitespace added after it was signed.
    BodyAltered,
    /// The signature covers neither these bytes nor the same JSON: another secret
    /// signed it, or the content was changed.
    SignatureMismatch,
}

impl Verdict {
    pub fn is_valid(&self) -> bool {
        matches!(self, Self::Valid { .. })
    }

    /// A stable word for scripts.
    pub fn reason(&self) -> &'static str {
        match self {
            Self::Valid { .. } => "valid",
            Self::NoSignature => "no_signature",
            Self::KeyUnknown { .. } => "key_unknown",
            Self::MalformedSignature => "malformed_signature",
            Self::BodyAltered => "body_altered",
            Self::SignatureMismatch => "signature_mismatch",
        }
    }
}

/// Check a webhook as the official libraries do (HMAC-SHA256 hex of the raw body,
/// compared in constant time, and the key must be the app's), then say which part is
/// wrong when it fails.
pub fn verify(
    app_key: &str,
    secret: &str,
    key: Option<&str>,
    signature: Option<&str>,
    body: &[u8],
) -> Verdict {
    let Some(signature) = signature.map(str::trim).filter(|s| !s.is_empty()) else {
        return Verdict::NoSignature;
    };
    if let Some(given) = key.map(str::trim)
        && given != app_key
    {
        return Verdict::KeyUnknown {
            given: given.to_owned(),
        };
    }
    if signature.len() != 64 || !signature.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Verdict::MalformedSignature;
    }
    if verify_webhook(secret, body, signature) {
        return Verdict::Valid {
            final_newline_ignored: false,
        };
    }
    let unterminated = body
        .strip_suffix(b"\r\n")
        .or_else(|| body.strip_suffix(b"\n"));
    if let Some(b) = unterminated
        && verify_webhook(secret, b, signature)
    {
        return Verdict::Valid {
            final_newline_ignored: true,
        };
    }
    let trimmed = body.trim_ascii();
    let compact = serde_json::from_slice::<Value>(body)
        .ok()
        .map(|v| v.to_string());
    if verify_webhook(secret, trimmed, signature)
        || compact.is_some_and(|c| verify_webhook(secret, c.as_bytes(), signature))
    {
        return Verdict::BodyAltered;
    }
    Verdict::SignatureMismatch
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pusher::webhook::validate;

    /// pusher-protocol.md §6.5: each official vector verifies, with the key it came with.
    #[test]
    fn official_vectors_verify() {
        let cases: [(&str, &str, &[u8], &str); 5] = [
            ("123456789", "tofu", br#"{"time_ms":1403175510755,"events":[{"channel":"test_channel","name":"channel_vacated"}]}"#,
             "c17257e92037cd7de407ebc1ed174ceb7b2e518db127f44411b9ffc4f5b28cc5"),
            ("key", "secret", br#"{"hello":"world"}"#,
             "2677ad3e7c090b2fa2c0fb13020d66d5420879b8316eb356a2d60fb9073bc778"),
            ("key", "secret", br#"{"time_ms":1327078148132,"events":[{"name":"event_name","some":"data"}]}"#,
             "05a115b7898e4956cf46df2dd2822b3b913a4255343acd82d31609f222765c6a"),
            ("thisisaauthkey", "thisisasecret", br#"{"hello":"world"}"#,
             "40e0ad3b9aa49529322879e84de1aaaf18bde1efe839ca263d540cc865510d25"),
            ("thisisaauthkey", "thisisasecret", br#"{"time_ms":1530710011901,"events":[{"name":"client_event","channel":"private-my-channel","event":"client-event","data":"Unencrypted","socket_id":"240621.35780774"}]}"#,
             "a19cab2af3ca1029257570395e78d5d675e9e700ca676d18a375a7083178df1c"),
        ];
        for (key, secret, body, sig) in cases {
            assert_eq!(
                verify(key, secret, Some(key), Some(sig), body),
                Verdict::Valid {
                    final_newline_ignored: false
                }
            );
            assert_eq!(
                verify(key, "other", Some(key), Some(sig), body),
                Verdict::SignatureMismatch
            );
        }
        // The NODE and PHP bodies are valid webhooks too.
        assert!(validate(cases[0].2).is_ok());
        assert!(validate(cases[4].2).is_ok());
    }

    /// The official libraries' negative cases (pusher-protocol.md §6.5).
    #[test]
    fn official_negative_cases() {
        let node = br#"{"time_ms":1403175510755,"events":[{"channel":"test_channel","name":"channel_vacated"}]}"#;
        let good = "c17257e92037cd7de407ebc1ed174ceb7b2e518db127f44411b9ffc4f5b28cc5";
        assert_eq!(
            verify("123456789", "tofu", Some("000"), Some(good), node),
            Verdict::KeyUnknown {
                given: "000".into()
            }
        );
        assert_eq!(
            verify("123456789", "tofu", Some("123456789"), Some("000"), node),
            Verdict::MalformedSignature
        );
        let go = br#"{"hello":"world"}"#;
        let go_sig = "2677ad3e7c090b2fa2c0fb13020d66d5420879b8316eb356a2d60fb9073bc778";
        assert_eq!(
            verify(
                "key",
                "secret",
                Some("narr you're going down!"),
                Some(go_sig),
                go
            ),
            Verdict::KeyUnknown {
                given: "narr you're going down!".into()
            }
        );
        assert_eq!(
            verify(
                "key",
                "secret",
                Some("key"),
                Some("2677ad3e7c090i'mgonnagetyaeb356a2d60fb9073bc778"),
                go
            ),
            Verdict::MalformedSignature
        );
        assert_eq!(
            verify("key", "secret", Some("key"), None, go),
            Verdict::NoSignature
        );
        assert_eq!(
            verify("key", "secret", Some("key"), Some(" "), go),
            Verdict::NoSignature
        );
    }

    #[test]
    fn verdicts_say_which_part_is_wrong() {
        let body = br#"{"time_ms":1,"events":[{"name":"channel_occupied","channel":"a"}]}"#;
        let sig = webhook_signature("s", body);
        let check = |b: &[u8]| verify("k", "s", None, Some(&sig), b);
        assert!(check(body).is_valid());
        let mut saved = body.to_vec();
        saved.push(b'\n');
        assert_eq!(
            check(&saved),
            Verdict::Valid {
                final_newline_ignored: true
            }
        );
        let pretty =
            serde_json::to_string_pretty(&serde_json::from_slice::<Value>(body).unwrap()).unwrap();
        assert_eq!(check(pretty.as_bytes()), Verdict::BodyAltered);
        assert_eq!(check(b"\n\n{\"time_ms\":1,\"events\":[{\"name\":\"channel_occupied\",\"channel\":\"a\"}]}  "), Verdict::BodyAltered);
        assert_eq!(check(&body[..body.len() - 3]), Verdict::SignatureMismatch);
        let changed = String::from_utf8_lossy(body).replace("\"a\"", "\"b\"");
        assert_eq!(check(changed.as_bytes()), Verdict::SignatureMismatch);
        assert_eq!(
            verify("k", "s", None, Some(&sig.to_uppercase()), body),
            Verdict::Valid {
                final_newline_ignored: false
            }
        );
        let tampered = tampered_signature("s", body);
        assert_eq!(tampered.len(), 64);
        assert_eq!(
            verify("k", "s", Some("k"), Some(&tampered), body),
            Verdict::SignatureMismatch
        );
    }
}
