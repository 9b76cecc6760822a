//! Signatures: channel authorization, user authentication and webhooks.
//!
//! Everything signs the exact bytes it is given: `channel_data` and `user_data`
//! are strings, never re-serialized, because the signature covers their bytes.

use hmac::{Hmac, Mac};
use serde::Serialize;
use serde_json::Value;
use sha2::Sha256;

use super::crypto::MasterKey;
use super::names::{self, ChannelKind, NameError};
use crate::text::sanitize;

type HmacSha256 = Hmac<Sha256>;

fn mac(secret: &[u8]) -> HmacSha256 {
    // HMAC accepts keys of any length, so this cannot fail.
    HmacSha256::new_from_slice(secret).unwrap_or_else(|_| unreachable!("HMAC takes any key length"))
}

/// Lowercase hex HMAC-SHA256 of `message` under `secret`.
pub fn hmac_sha256_hex(secret: &[u8], message: &[u8]) -> String {
    let mut m = mac(secret);
    m.update(message);
    hex::encode(m.finalize().into_bytes())
}

/// Constant-time check that `signature_hex` is the HMAC-SHA256 of `message`.
/// Anything that is not 64 hex digits is simply not a match.
pub fn verify_hmac_sha256_hex(secret: &[u8], message: &[u8], signature_hex: &str) -> bool {
    let Ok(given) = hex::decode(signature_hex.trim()) else {
        return false;
    };
    let mut m = mac(secret);
    m.update(message);
    m.verify_slice(&given).is_ok()
}

/// Why a signature could not be made.
#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error(transparent)]
    Name(#[from] NameError),
    #[error("presence channel `{0}` needs channel data with a `user_id`")]
    MissingChannelData(String),
    #[error("channel data is not valid JSON: {0}")]
    ChannelDataJson(serde_json::Error),
    #[error("channel data must be a JSON object with a `user_id`, got {0}")]
    ChannelDataShape(&'static str),
    #[error("channel data has no `user_id`")]
    NoUserId,
    #[error("`user_id` in channel data must be a non-empty string or a number")]
    BadUserId,
    #[error("user data is not valid JSON: {0}")]
    UserDataJson(serde_json::Error),
    #[error("user data must be a JSON object with an `id`, got {0}")]
    UserDataShape(&'static str),
    #[error("user data has no `id`, or it is not a non-empty string")]
    NoId,
    #[error("`{0}` is an encrypted channel and no encryption master key is configured")]
    NoMasterKey(String),
}

impl AuthError {
    pub fn hint(&self) -> &'static str {
        match self {
            Self::Name(e) => e.hint(),
            Self::MissingChannelData(_) | Self::NoUserId | Self::BadUserId => {
                "pass --user-id ID (and --user-info JSON), or --channel-data '{\"user_id\":\"ID\"}'"
            }
            Self::ChannelDataJson(_) | Self::ChannelDataShape(_) => {
                "channel data looks like '{\"user_id\":\"12345\",\"user_info\":{\"name\":\"Ada\"}}'"
            }
            Self::UserDataJson(_) | Self::UserDataShape(_) | Self::NoId => {
                "user data looks like '{\"id\":\"12345\",\"user_info\":{\"name\":\"Ada\"}}'"
            }
            Self::NoMasterKey(_) => {
                "set `encryption_master_key` in the profile or RTCTL_ENCRYPTION_MASTER_KEY (32 bytes, base64; `openssl rand -base64 32`)"
            }
        }
    }
}

/// A JSON value's kind with its article, for messages: "an object", "a string".
pub fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Check presence `channel_data` and return its `user_id` as text.
pub fn presence_user_id(channel_data: &str) -> Result<String, AuthError> {
    let v: Value = serde_json::from_str(channel_data).map_err(AuthError::ChannelDataJson)?;
    let Value::Object(map) = &v else {
        return Err(AuthError::ChannelDataShape(json_kind(&v)));
    };
    match map.get("user_id") {
        None => Err(AuthError::NoUserId),
        Some(Value::String(s)) if !s.is_empty() => Ok(s.clone()),
        Some(Value::Number(n)) => Ok(n.to_string()),
        Some(_) => Err(AuthError::BadUserId),
    }
}

/// Check `user_data` for user authentication and return its `id`.
pub fn user_data_id(user_data: &str) -> Result<String, AuthError> {
    let v: Value = serde_json::from_str(user_data).map_err(AuthError::UserDataJson)?;
    let Value::Object(map) = &v else {
        return Err(AuthError::UserDataShape(json_kind(&v)));
    };
    match map.get("id") {
        Some(Value::String(s)) if !s.is_empty() => Ok(s.clone()),
        _ => Err(AuthError::NoId),
    }
}

/// Numbers as JavaScript's `JSON.stringify` writes them: an integral float such as `1.0`
/// or `1e3` is written as an integer (`1`, `1000`), as the Node library would sign it.
fn js_numbers(v: Value) -> Value {
    match v {
        Value::Number(n) if !n.is_i64() && !n.is_u64() => match n.as_f64() {
            Some(f) if f.fract() == 0.0 && f.abs() < 9.0e18 => Value::from(f as i64),
            _ => Value::Number(n),
        },
        Value::Array(items) => Value::Array(items.into_iter().map(js_numbers).collect()),
        Value::Object(map) => {
            Value::Object(map.into_iter().map(|(k, v)| (k, js_numbers(v))).collect())
        }
        other => other,
    }
}

/// Presence channel data built from a member's id and info, byte for byte as the official
/// Node library builds it: `JSON.stringify({user_id, user_info})`, compact, keys in order.
pub fn member_data(user_id: &str, user_info: Option<Value>) -> String {
    let mut data = serde_json::Map::new();
    data.insert("user_id".into(), Value::String(user_id.to_owned()));
    if let Some(info) = user_info {
        data.insert("user_info".into(), js_numbers(info));
    }
    Value::Object(data).to_string()
}

/// `<socket_id>:<channel>` or `<socket_id>:<channel>:<channel_data>`.
pub fn channel_string_to_sign(
    socket_id: &str,
    channel: &str,
    channel_data: Option<&str>,
) -> String {
    match channel_data {
        Some(data) => format!("{socket_id}:{channel}:{data}"),
        None => format!("{socket_id}:{channel}"),
    }
}

/// `<socket_id>::user::<user_data>`.
pub fn user_string_to_sign(socket_id: &str, user_data: &str) -> String {
    format!("{socket_id}::user::{user_data}")
}

/// What an auth endpoint answers for a channel subscription.
#[derive(Clone, PartialEq, Eq, Serialize)]
pub struct ChannelAuth {
    pub auth: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel_data: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared_secret: Option<String>,
}

/// The shared secret decrypts the channel: Debug never shows it.
impl std::fmt::Debug for ChannelAuth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChannelAuth")
            .field("auth", &self.auth)
            .field("channel_data", &self.channel_data)
            .field(
                "shared_secret",
                &self.shared_secret.as_ref().map(|_| "(redacted)"),
            )
            .finish()
    }
}

/// What a user-authentication endpoint answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UserAuth {
    pub auth: String,
    pub user_data: String,
}

/// The compact JSON an endpoint sends, byte for byte as the official libraries write it.
pub fn to_endpoint_json<T: Serialize>(reply: &T) -> String {
    serde_json::to_string(reply).unwrap_or_else(|_| unreachable!("strings always serialize"))
}

/// Sign a channel subscription as an auth endpoint would.
///
/// Presence channels need `channel_data` with a `user_id`; encrypted channels need the
/// master key and also return the channel's `shared_secret` (not part of the signature).
pub fn authorize_channel(
    key: &str,
    secret: &str,
    socket_id: &str,
    channel: &str,
    channel_data: Option<&str>,
    master_key: Option<&MasterKey>,
) -> Result<ChannelAuth, AuthError> {
    names::validate_socket_id(socket_id)?;
    let kind = names::validate_channel(channel)?;
    if kind == ChannelKind::Presence {
        let data = channel_data.ok_or_else(|| AuthError::MissingChannelData(channel.to_owned()))?;
        presence_user_id(data)?;
    }
    let shared_secret = if kind == ChannelKind::PrivateEncrypted {
        let key = master_key.ok_or_else(|| AuthError::NoMasterKey(channel.to_owned()))?;
        Some(key.shared_secret_base64(channel))
    } else {
        None
    };
    let to_sign = channel_string_to_sign(socket_id, channel, channel_data);
    let sig = hmac_sha256_hex(secret.as_bytes(), to_sign.as_bytes());
    Ok(ChannelAuth {
        auth: format!("{key}:{sig}"),
        channel_data: channel_data.map(str::to_owned),
        shared_secret,
    })
}

/// Sign a user's sign-in (`pusher:signin`).
pub fn authenticate_user(
    key: &str,
    secret: &str,
    socket_id: &str,
    user_data: &str,
) -> Result<UserAuth, AuthError> {
    names::validate_socket_id(socket_id)?;
    user_data_id(user_data)?;
    let sig = hmac_sha256_hex(
        secret.as_bytes(),
        user_string_to_sign(socket_id, user_data).as_bytes(),
    );
    Ok(UserAuth {
        auth: format!("{key}:{sig}"),
        user_data: user_data.to_owned(),
    })
}

/// The key part of a `key:signature` auth value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyPart {
    /// No `key:` before the signature.
    Missing,
    /// This app's key.
    Matches,
    /// Another key.
    Differs(String),
}

/// What the signature covers, checked in constant time against the string that should
/// have been signed and its usual mistakes. No value is ever computed to be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HmacPart {
    /// The HMAC-SHA256 of the string to sign under this secret.
    Matches,
    /// It covers `socket_id:channel` alone: the channel data was left out when signing.
    WithoutChannelData,
    /// It covers the same channel data written differently (spacing, escapes): the
    /// data was re-serialized after it was signed.
    ChannelDataReformatted,
    /// Neither: another secret, socket id, channel or channel data.
    Differs,
}

/// Each part of a channel auth value, checked on its own, so a report can say which
/// part differs without ever giving the valid value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthParts {
    pub key: KeyPart,
    /// The signature is 64 hex digits, as a SHA-256 HMAC is.
    pub well_formed: bool,
    /// `None` when the signature is not well formed.
    pub hmac: Option<HmacPart>,
}

impl AuthParts {
    pub fn is_valid(&self) -> bool {
        self.key == KeyPart::Matches && self.hmac == Some(HmacPart::Matches)
    }

    /// A stable word for scripts: the first part that differs.
    pub fn reason(&self) -> &'static str {
        match (&self.key, self.well_formed, self.hmac) {
            (KeyPart::Missing, ..) | (_, false, _) => "malformed",
            (KeyPart::Differs(_), ..) => "wrong_key",
            (_, _, Some(HmacPart::WithoutChannelData)) => "channel_data_missing",
            (_, _, Some(HmacPart::ChannelDataReformatted)) => "channel_data_reformatted",
            (_, _, Some(HmacPart::Differs) | None) => "signature_mismatch",
            (KeyPart::Matches, true, Some(HmacPart::Matches)) => "valid",
        }
    }

    /// What is wrong, in a sentence, naming the first part that differs (`key` is this
    /// app's). Never the value that would have been valid: `auth sign` is for that.
    pub fn explain(&self, key: &str) -> String {
        match (&self.key, self.well_formed, self.hmac) {
            (KeyPart::Missing, ..) | (_, false, _) => {
                "the auth value is not of the form `key:<64 hex digits>`".to_owned()
            }
            (KeyPart::Differs(given), _, hmac) => {
                let mut s = format!(
                    "it was made for key `{}`, but this app's key is `{key}`",
                    sanitize(given, false)
                );
                if hmac == Some(HmacPart::Matches) {
                    s.push_str("; this app's secret signed it, so only the key part is wrong");
                }
                s
            }
            (_, _, Some(HmacPart::Matches)) => "the signature matches".to_owned(),
            (_, _, Some(HmacPart::WithoutChannelData)) => {
                "the channel data was left out when signing: \
                the signature covers the socket id and channel alone"
                    .to_owned()
            }
            (_, _, Some(HmacPart::ChannelDataReformatted)) => "the channel data was rewritten \
                after signing (spacing or escapes): the signature covers the same JSON written \
                differently; pass channel_data byte for byte"
                .to_owned(),
            (_, _, Some(HmacPart::Differs) | None) => "the HMAC differs: another secret, socket \
                id, channel or channel data was signed"
                .to_owned(),
        }
    }
}

/// Check a channel `auth` value (`key:signature`) part by part, in constant time.
pub fn check_channel_auth(
    key: &str,
    secret: &str,
    socket_id: &str,
    channel: &str,
    channel_data: Option<&str>,
    auth: &str,
) -> AuthParts {
    let (key_part, sig) = match auth.split_once(':') {
        Some((k, sig)) if k == key => (KeyPart::Matches, sig),
        Some((k, sig)) => (KeyPart::Differs(k.to_owned()), sig),
        None => (KeyPart::Missing, auth),
    };
    let well_formed = sig.len() == 64 && sig.bytes().all(|b| b.is_ascii_hexdigit());
    let covers = |data: Option<&str>| {
        let to_sign = channel_string_to_sign(socket_id, channel, data);
        verify_hmac_sha256_hex(secret.as_bytes(), to_sign.as_bytes(), sig)
    };
    let hmac = well_formed.then(|| {
        if covers(channel_data) {
            return HmacPart::Matches;
        }
        let Some(data) = channel_data else {
            return HmacPart::Differs;
        };
        if covers(None) {
            return HmacPart::WithoutChannelData;
        }
        let compact = serde_json::from_str::<Value>(data)
            .ok()
            .map(|v| v.to_string())
            .filter(|c| c != data);
        if compact.is_some_and(|c| covers(Some(&c))) {
            HmacPart::ChannelDataReformatted
        } else {
            HmacPart::Differs
        }
    });
    AuthParts {
        key: key_part,
        well_formed,
        hmac,
    }
}

/// `X-Pusher-Signature` for a webhook body: HMAC-SHA256 hex of the raw bytes.
pub fn webhook_signature(secret: &str, body: &[u8]) -> String {
    hmac_sha256_hex(secret.as_bytes(), body)
}

/// Constant-time check of a webhook's `X-Pusher-Signature` over the raw body.
pub fn verify_webhook(secret: &str, body: &[u8], signature: &str) -> bool {
    verify_hmac_sha256_hex(secret.as_bytes(), body, signature)
}

#[cfg(test)]
mod tests {
    //! Official vectors, copied from the Pusher docs and server libraries
    //! (pusher-protocol.md §6). Each names where it comes from.
    use super::*;

    fn private(key: &str, secret: &str, socket: &str, channel: &str) -> String {
        let sig = hmac_sha256_hex(
            secret.as_bytes(),
            channel_string_to_sign(socket, channel, None).as_bytes(),
        );
        format!("{key}:{sig}")
    }

    #[test]
    fn a_channel_auth_never_shows_its_shared_secret_in_debug() {
        let auth = ChannelAuth {
            auth: "k:sig".into(),
            channel_data: None,
            shared_secret: Some("c2VjcmV0LXNoYXJlZA==".into()),
        };
        let shown = format!("{auth:?}");
        assert!(!shown.contains("c2VjcmV0"), "{shown}");
        assert!(shown.contains("k:sig"), "{shown}");
    }

    #[test]
    fn primitives_go_crypto_test() {
        assert_eq!(
            hmac_sha256_hex(b"supersecret", b"Hello!"),
            "64e3f44166575febbc5de88c9476325ea7d4b3684752158d9fdb31fce34b980d"
        );
    }

    #[test]
    fn private_channel_vectors() {
        let cases = [
            // AUTHSIG docs; GO; RUST
            (
                "278d425bdf160c739803",
                "7ad3773142a6692b25b8",
                "1234.1234",
                "private-foobar",
                "278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4",
            ),
            // NODE authenticate.js
            (
                "aaaa",
                "tofu",
                "123.456",
                "test",
                "aaaa:efa6cf7644a0b35cba36aa0f776f3cbf7bb60e95ea2696bde1dbe8403b61bd7c",
            ),
            (
                "aaaa",
                "tofu",
                "321.654",
                "test",
                "aaaa:f6ecb0a17d3e4f68aca28f1673197a7608587c09deb0208faa4b5519aee0a777",
            ),
            (
                "aaaa",
                "tofu",
                "123.456",
                "test1",
                "aaaa:d5ab857f805433cb50562da96afa41688d7742a3c3a021ed15a4d991a4d8cf94",
            ),
            (
                "aaaa",
                "tofu",
                "123.456",
                "test2",
                "aaaa:43affa6a09af1fb9ce1cadf176171346beaf7366673ec1e5920f68b3e97a466d",
            ),
            (
                "11111",
                "1",
                "123.456",
                "test",
                "11111:584828bd6e80b2d177d2b28fde07b8e170abf87ccb5a791a50c933711fb8eb28",
            ),
            (
                "11111",
                "2",
                "123.456",
                "test",
                "11111:269bbf3f7625db4e0d0525b617efa5915c3ae667fd222dc8e4cb94bc531f26f2",
            ),
            // PY
            (
                "foo",
                "bar",
                "345.23",
                "private-channel",
                "foo:89955e77e1b40e33df6d515a5ecbba86a01dc816a5b720da18a06fd26f7d92ff",
            ),
            // RUBY
            (
                "12345678900000001",
                "12345678900000001",
                "1.1",
                "test_channel",
                "12345678900000001:02259dff9a2a3f71ea8ab29ac0c0c0ef7996c8f3fd3702be5533f30da7d7fed4",
            ),
            // PHP
            (
                "thisisaauthkey",
                "thisisasecret",
                "1.1",
                "testing_pusher-php",
                "thisisaauthkey:751ccc12aeaa79d46f7c199bced5fa47527d3480b51fe61a0bd10438241bd52d",
            ),
            (
                "thisisaauthkey",
                "thisisasecret",
                "45055.28877557",
                "-azAZ9_=@,.;",
                "thisisaauthkey:d1c20ad7684c172271f92c108e11b45aef07499b005796ae1ec5beb924f361c4",
            ),
        ];
        for (key, secret, socket, channel, want) in cases {
            assert_eq!(
                private(key, secret, socket, channel),
                want,
                "{channel} {socket}"
            );
        }
    }

    #[test]
    fn private_reply_is_byte_identical_to_go_and_rust() {
        let reply = authorize_channel(
            "278d425bdf160c739803",
            "7ad3773142a6692b25b8",
            "1234.1234",
            "private-foobar",
            None,
            None,
        )
        .unwrap();
        assert_eq!(
            to_endpoint_json(&reply),
            r#"{"auth":"278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4"}"#
        );
    }

    #[test]
    fn presence_vectors() {
        // GO TestPresenceChannelAuthentication / RUST: the whole reply.
        let reply = authorize_channel(
            "278d425bdf160c739803",
            "7ad3773142a6692b25b8",
            "1234.1234",
            "presence-foobar",
            Some(r#"{"user_id":"10","user_info":{"name":"Mr. Pusher"}}"#),
            None,
        )
        .unwrap();
        assert_eq!(
            to_endpoint_json(&reply),
            r#"{"auth":"278d425bdf160c739803:48dac51d2d7569e1e9c0f48c227d4b26f238fa68e5c0bb04222c966909c4f7c4","channel_data":"{\"user_id\":\"10\",\"user_info\":{\"name\":\"Mr. Pusher\"}}"}"#
        );
        // AUTHSIG docs (the pre-rename "Mr. Pusher" text, which is what the docs' signature covers).
        let docs = authorize_channel(
            "278d425bdf160c739803",
            "7ad3773142a6692b25b8",
            "1234.1234",
            "presence-foobar",
            Some(r#"{"user_id":10,"user_info":{"name":"Mr. Pusher"}}"#),
            None,
        )
        .unwrap();
        assert_eq!(
            docs.auth,
            "278d425bdf160c739803:afaed3695da2ffd16931f457e338e6c9f2921fa133ce7dac49f529792be6304c"
        );
        // PY
        let py = authorize_channel(
            "foo",
            "bar",
            "345.43245",
            "presence-channel",
            Some(r#"{"user_id":"fred","user_info":{"key":"value"}}"#),
            None,
        )
        .unwrap();
        assert_eq!(
            py.auth,
            "foo:e80ba6439492c2113022c39297a87a948de14061cc67b5788e045645a68b8ccd"
        );
        // PHP: channel data on a non-presence channel is signed as given.
        let php = authorize_channel(
            "thisisaauthkey",
            "thisisasecret",
            "45055.28877557",
            "-azAZ9_=@,.;",
            Some(r#"{"user_id": "123"}"#),
            None,
        )
        .unwrap();
        assert_eq!(
            to_endpoint_json(&php),
            r#"{"auth":"thisisaauthkey:3b3f1dcc4d7d2f95dd10ed05562397b3287b102d4cccfacbf30eed2f1ffa3d69","channel_data":"{\"user_id\": \"123\"}"}"#
        );
        // NODE, including UTF-8 channel data.
        let node = authorize_channel(
            "aaaa",
            "tofu",
            "123.456",
            "test",
            Some(r#"{"foo":"bar"}"#),
            None,
        )
        .unwrap();
        assert_eq!(
            node.auth,
            "aaaa:f41faf9ead2ea76772cc6b1168363057459f02499ae4d92e88229dc7f4efa2d4"
        );
        let utf8 =
            authorize_channel("aaaa", "tofu", "1.1", "test", Some("\"ą§¶™€łü€ß£\""), None).unwrap();
        assert_eq!(
            utf8.auth,
            "aaaa:2a229263e89d9c50524fd80c2e88be2843379f6931e28995e2cc214282c9db0c"
        );
    }

    #[test]
    fn member_data_is_written_as_json_stringify_writes_it() {
        let info: Value = serde_json::from_str(
            r#"{ "n": 1.0, "m": 1e3, "f": 0.5, "z": -0.0, "s": "\u001f\u2028é/<>&", "a": [2.0] }"#,
        )
        .unwrap();
        assert_eq!(
            member_data("1", Some(info)),
            "{\"user_id\":\"1\",\"user_info\":{\"n\":1,\"m\":1000,\"f\":0.5,\"z\":0,\"s\":\"\\u001f\u{2028}é/<>&\",\"a\":[2]}}"
        );
        assert_eq!(member_data("7", None), r#"{"user_id":"7"}"#);
    }

    #[test]
    fn presence_needs_user_id() {
        let sign = |data: Option<&str>| {
            authorize_channel("k", "s", "1.1", "presence-x", data, None).map(|_| ())
        };
        assert!(matches!(sign(None), Err(AuthError::MissingChannelData(_))));
        assert!(matches!(
            sign(Some("{")),
            Err(AuthError::ChannelDataJson(_))
        ));
        assert!(matches!(
            sign(Some("[1]")),
            Err(AuthError::ChannelDataShape("an array"))
        ));
        assert!(matches!(
            sign(Some(r#"{"user_info":{}}"#)),
            Err(AuthError::NoUserId)
        ));
        assert!(matches!(
            sign(Some(r#"{"user_id":""}"#)),
            Err(AuthError::BadUserId)
        ));
        assert!(matches!(
            sign(Some(r#"{"user_id":null}"#)),
            Err(AuthError::BadUserId)
        ));
        assert!(sign(Some(r#"{"user_id":10}"#)).is_ok());
    }

    #[test]
    fn bad_names_are_refused_before_signing() {
        assert!(matches!(
            authorize_channel("k", "s", "1.1\n", "private-x", None, None),
            Err(AuthError::Name(NameError::SocketId(_)))
        ));
        assert!(matches!(
            authorize_channel("k", "s", "1.1", "private x", None, None),
            Err(AuthError::Name(NameError::ChannelChar { .. }))
        ));
    }

    #[test]
    fn encrypted_channel_vectors() {
        // NODE: master key "zyrm8pvV…", key f00d, secret tofu.
        let master =
            MasterKey::from_base64("zyrm8pvV2C9fJcBfhyXzvxbJVN/H7QLmbe0xJi1GhPU=").unwrap();
        let reply = authorize_channel(
            "f00d",
            "tofu",
            "123.456",
            "private-encrypted-bla",
            Some("\"foo\""),
            Some(&master),
        )
        .unwrap();
        assert_eq!(
            to_endpoint_json(&reply),
            r#"{"auth":"f00d:962c48b78bf93d98ff4c92ee7dff04865821455b7b401e9d60a9e0a90af2c105","channel_data":"\"foo\"","shared_secret":"nlr49ISQHz91yS3cy/yWmW8wFMNeTnNL5tNHnbPJcLQ="}"#
        );
        let plain = authorize_channel(
            "f00d",
            "tofu",
            "123.456",
            "bla",
            Some("\"foo\""),
            Some(&master),
        )
        .unwrap();
        assert_eq!(
            plain.auth,
            "f00d:013ad3da0d88e0df6ae0a8184bef50b9c3933f2344499e6e3d1ad67fad799e20"
        );
        assert_eq!(plain.shared_secret, None);
        // PY
        let master =
            MasterKey::from_base64("OHRXNUZRTG5pUTFzQlFGd3J3N3Q2VFZFc0paZDEweVk=").unwrap();
        let py = authorize_channel(
            "foo",
            "bar",
            "345.23",
            "private-encrypted-channel",
            None,
            Some(&master),
        )
        .unwrap();
        assert_eq!(
            py.auth,
            "foo:fff0503dfe4929f5162efe4d1dacbce524b0d8e7e1331117a8651c0e74d369e3"
        );
        assert_eq!(
            py.shared_secret.as_deref(),
            Some("VmIsNZtCSteh8kazd2toc+ofhohBtUouQRSDtRvuyVI=")
        );
        assert!(matches!(
            authorize_channel("k", "s", "1.1", "private-encrypted-x", None, None),
            Err(AuthError::NoMasterKey(_))
        ));
    }

    #[test]
    fn user_authentication_vectors() {
        let cases = [
            (
                "278d425bdf160c739803",
                "7ad3773142a6692b25b8",
                "1234.1234",
                r#"{"id":"12345"}"#,
                "278d425bdf160c739803:4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba",
            ),
            (
                "aaaa",
                "tofu",
                "123.456",
                r#"{"id":"45678"}"#,
                "aaaa:f4b1fdeea7c93e32648c7230e32b172057c5623cace6cfce791c6e7035e0babd",
            ),
            (
                "aaaa",
                "tofu",
                "123.456",
                r#"{"id":"55555","user_name":"test"}"#,
                "aaaa:b8a9f173455903792ae2b788add0c4c78ad7372b3ae7fb5769479276a1993743",
            ),
            (
                "11111",
                "1",
                "123.456",
                r#"{"id":"45678"}"#,
                "11111:79bddf29fe8e2153dd5d8d569b3f45e5aeb26ae2eb4758879d844791b466cfa2",
            ),
            (
                "11111",
                "2",
                "123.456",
                r#"{"id":"45678"}"#,
                "11111:a542498ffa6faf6de7c17a8106b923c042319bd73acfd1d274df32e269b55d1f",
            ),
            (
                "aaaa",
                "tofu",
                "1.1",
                r#"{"id":"ą§¶™€łü€ß£"}"#,
                "aaaa:620494cee53d6c568b49598313194088afda37218f0d059af03c0c898ed61ff4",
            ),
            (
                "thisisaauthkey",
                "thisisasecret",
                "12345.6789",
                r#"{"id":"123","name":"John Smith"}"#,
                "thisisaauthkey:0dddb208b53c7649f3fbbb86254a6e1986bc6f8b566423ea690c9ca773497373",
            ),
        ];
        for (key, secret, socket, data, want) in cases {
            assert_eq!(
                authenticate_user(key, secret, socket, data).unwrap().auth,
                want,
                "{data}"
            );
        }
        // GO and PHP: the whole reply.
        let go = authenticate_user("key", "secret", "12345.12345", r#"{"id":"1234"}"#).unwrap();
        assert_eq!(
            to_endpoint_json(&go),
            r#"{"auth":"key:e4c63b82c1e1d0955901f6a29ca51b244155bafda93968bc5664010f5ba54a41","user_data":"{\"id\":\"1234\"}"}"#
        );
        let php = authenticate_user(
            "thisisaauthkey",
            "thisisasecret",
            "12345.6789",
            r#"{"id":"123"}"#,
        )
        .unwrap();
        assert_eq!(
            to_endpoint_json(&php),
            r#"{"auth":"thisisaauthkey:fc713f433deb729d0d96f9e26ef054285cbc3e833ebe840b93722a2fa16a6a18","user_data":"{\"id\":\"123\"}"}"#
        );
    }

    #[test]
    fn user_data_needs_an_id() {
        for bad in ["", "{", "[]", "{}", r#"{"id":""}"#, r#"{"id":5}"#] {
            assert!(authenticate_user("k", "s", "1.1", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn channel_auth_is_checked_part_by_part() {
        let key = "278d425bdf160c739803";
        let secret = "7ad3773142a6692b25b8";
        let good =
            "278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4";
        let check = |key: &str, secret: &str, auth: &str| {
            check_channel_auth(key, secret, "1234.1234", "private-foobar", None, auth)
        };
        let valid = check(key, secret, good);
        assert!(valid.is_valid());
        assert_eq!(valid.reason(), "valid");
        let wrong_secret = check(key, "wrong", good);
        assert_eq!(wrong_secret.hmac, Some(HmacPart::Differs));
        assert_eq!(wrong_secret.reason(), "signature_mismatch");
        // Another key, yet this app's secret signed it: both parts are told.
        let other_key = check("other", secret, good);
        assert_eq!(other_key.key, KeyPart::Differs(key.to_owned()));
        assert_eq!(other_key.hmac, Some(HmacPart::Matches));
        assert_eq!(other_key.reason(), "wrong_key");
        assert!(!other_key.is_valid());
        for (bad, key_part) in [
            ("", KeyPart::Missing),
            ("nocolon", KeyPart::Missing),
            ("k:abc", KeyPart::Differs("k".into())),
            (
                "278d425bdf160c739803:zz58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3",
                KeyPart::Matches,
            ),
        ] {
            let parts = check(key, secret, bad);
            assert_eq!(parts.key, key_part, "{bad}");
            assert!(!parts.well_formed && parts.hmac.is_none(), "{bad}");
            assert_eq!(parts.reason(), "malformed", "{bad}");
        }
    }

    #[test]
    fn channel_data_left_out_or_rewritten_is_recognised() {
        let data = r#"{"user_id":"10","user_info":{"name":"Mr. Pusher"}}"#;
        let spaced = r#"{"user_id": "10", "user_info": {"name": "Mr. Pusher"}}"#;
        let sign = |data: Option<&str>| {
            let to_sign = channel_string_to_sign("1.1", "presence-x", data);
            format!("k:{}", hmac_sha256_hex(b"s", to_sign.as_bytes()))
        };
        let check = |data: &str, auth: &str| {
            check_channel_auth("k", "s", "1.1", "presence-x", Some(data), auth)
        };
        assert!(check(data, &sign(Some(data))).is_valid());
        let without = check(data, &sign(None));
        assert_eq!(without.hmac, Some(HmacPart::WithoutChannelData));
        assert_eq!(without.reason(), "channel_data_missing");
        let rewritten = check(spaced, &sign(Some(data)));
        assert_eq!(rewritten.hmac, Some(HmacPart::ChannelDataReformatted));
        assert_eq!(rewritten.reason(), "channel_data_reformatted");
        let other = check(r#"{"user_id":"11"}"#, &sign(Some(data)));
        assert_eq!(other.hmac, Some(HmacPart::Differs));
    }

    #[test]
    fn webhook_vectors() {
        let cases: [(&str, &[u8], &str); 5] = [
            // NODE tests/integration/webhook.js
            ("tofu", br#"{"time_ms":1403175510755,"events":[{"channel":"test_channel","name":"channel_vacated"}]}"#,
             "c17257e92037cd7de407ebc1ed174ceb7b2e518db127f44411b9ffc4f5b28cc5"),
            // GO webhook_test.go; RUST
            ("secret", br#"{"hello":"world"}"#,
             "2677ad3e7c090b2fa2c0fb13020d66d5420879b8316eb356a2d60fb9073bc778"),
            // RUST src/client.rs
            ("secret", br#"{"time_ms":1327078148132,"events":[{"name":"event_name","some":"data"}]}"#,
             "05a115b7898e4956cf46df2dd2822b3b913a4255343acd82d31609f222765c6a"),
            // PHP tests/unit/WebhookTest.php
            ("thisisasecret", br#"{"hello":"world"}"#,
             "40e0ad3b9aa49529322879e84de1aaaf18bde1efe839ca263d540cc865510d25"),
            ("thisisasecret", br#"{"time_ms":1530710011901,"events":[{"name":"client_event","channel":"private-my-channel","event":"client-event","data":"Unencrypted","socket_id":"240621.35780774"}]}"#,
             "a19cab2af3ca1029257570395e78d5d675e9e700ca676d18a375a7083178df1c"),
        ];
        for (secret, body, sig) in cases {
            assert_eq!(webhook_signature(secret, body), sig);
            assert!(verify_webhook(secret, body, sig));
            assert!(!verify_webhook("other", body, sig));
        }
        // GO and NODE negative cases.
        let body = br#"{"hello":"world"}"#;
        for bad in [
            "2677ad3e7c090i'mgonnagetyaeb356a2d60fb9073bc778",
            "000",
            "",
            "df1465f5",
        ] {
            assert!(!verify_webhook("secret", body, bad), "{bad}");
        }
    }
}

#[cfg(test)]
mod properties {
    //! Whatever is signed here checks out part by part, and only under its own secret.

    use proptest::prelude::*;

    use super::*;
    use crate::pusher::MasterKey;
    use crate::pusher::webhook::{Verdict, verify};

    fn channel() -> impl Strategy<Value = String> {
        (
            prop::sample::select(vec!["private-", "presence-", "private-encrypted-"]),
            "[A-Za-z0-9_=@,.;-]{1,60}",
        )
            .prop_map(|(prefix, rest)| format!("{prefix}{rest}"))
    }

    proptest! {
        #[test]
        fn a_channel_authorization_checks_out_under_its_own_secret_only(
            key in "[a-z0-9]{1,20}",
            secret in "[ -~]{1,40}",
            other in "[ -~]{1,40}",
            socket_id in "[0-9]{1,10}\\.[0-9]{1,10}",
            channel in channel(),
            user_id in "[ -~]{1,20}",
        ) {
            let data = member_data(&user_id, None);
            let master = MasterKey::from_base64(&format!("{}=", "A".repeat(43))).unwrap();
            let auth = authorize_channel(&key, &secret, &socket_id, &channel, Some(&data), Some(&master))
                .unwrap();
            let given = auth.channel_data.as_deref();
            let parts = check_channel_auth(&key, &secret, &socket_id, &channel, given, &auth.auth);
            prop_assert_eq!(parts.key, KeyPart::Matches);
            prop_assert!(parts.well_formed);
            prop_assert_eq!(parts.hmac, Some(HmacPart::Matches));
            prop_assume!(other != secret);
            let parts = check_channel_auth(&key, &other, &socket_id, &channel, given, &auth.auth);
            prop_assert_ne!(parts.hmac, Some(HmacPart::Matches));
        }

        #[test]
        fn a_webhook_verifies_under_its_own_signature_and_not_once_altered(
            key in "[a-z0-9]{1,20}",
            secret in "[ -~]{1,40}",
            body in prop::collection::vec(any::<u8>(), 0..300),
            flip in any::<prop::sample::Index>(),
        ) {
            let signature = webhook_signature(&secret, &body);
            prop_assert_eq!(
                verify(&key, &secret, Some(&key), Some(&signature), &body),
                Verdict::Valid { final_newline_ignored: false }
            );
            prop_assume!(!body.is_empty());
            let mut altered = body.clone();
            altered[flip.index(body.len())] ^= 0x01;
            prop_assert!(!verify(&key, &secret, Some(&key), Some(&signature), &altered).is_valid());
        }
    }
}
