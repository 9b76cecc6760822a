//! Encrypted channels: the master key and each channel's shared secret.

use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use sha2::{Digest, Sha256};

/// Why an encryption master key was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MasterKeyError {
    #[error("the encryption master key is not valid base64")]
    Base64,
    #[error("the encryption master key decodes to {0} bytes; it must be 32")]
    Length(usize),
}

/// The app's 32-byte encryption master key. Never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct MasterKey([u8; 32]);

impl MasterKey {
    /// Parse the base64 form Pusher's docs and libraries use (`openssl rand -base64 32`).
    pub fn from_base64(text: &str) -> Result<Self, MasterKeyError> {
        let bytes = BASE64
            .decode(text.trim())
            .map_err(|_| MasterKeyError::Base64)?;
        let len = bytes.len();
        let key: [u8; 32] = bytes.try_into().map_err(|_| MasterKeyError::Length(len))?;
        Ok(Self(key))
    }

    /// The channel's shared secret, base64, as an auth endpoint returns it.
    pub fn shared_secret_base64(&self, channel: &str) -> String {
        BASE64.encode(shared_secret(channel, &self.0))
    }
}

impl fmt::Debug for MasterKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("MasterKey(redacted)")
    }
}

impl MasterKey {
    /// Encrypt an event's data for `channel` as the server libraries do: NaCl secretbox
    /// under the channel's shared secret, sent as `{"nonce":…,"ciphertext":…}`.
    /// The nonce must be fresh and random for every event.
    pub fn encrypt(&self, channel: &str, nonce: &[u8; 24], plaintext: &[u8]) -> String {
        encrypt_with(&shared_secret(channel, &self.0), nonce, plaintext)
    }
}

/// Secretbox `plaintext` under `key`; the ciphertext is the tag then the encrypted bytes.
pub fn encrypt_with(key: &[u8; 32], nonce: &[u8; 24], plaintext: &[u8]) -> String {
    use crypto_secretbox::aead::{Aead, KeyInit};
    let cipher = crypto_secretbox::XSalsa20Poly1305::new(key.into());
    let sealed = cipher
        .encrypt(nonce.into(), plaintext)
        .unwrap_or_else(|_| unreachable!("secretbox encrypts any length"));
    serde_json::json!({ "nonce": BASE64.encode(nonce), "ciphertext": BASE64.encode(sealed) })
        .to_string()
}

/// Why an encrypted event could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecryptError {
    #[error("the data is not an object with `nonce` and `ciphertext` strings")]
    Shape,
    #[error("the {0} is not valid base64")]
    Base64(&'static str),
    #[error("the nonce is {0} bytes; it must be 24")]
    NonceLength(usize),
    #[error("the ciphertext is {0} bytes, shorter than the 16-byte tag")]
    Short(usize),
    #[error("the ciphertext does not open with this channel's key (wrong master key?)")]
    Open,
}

/// Open `{"nonce":…,"ciphertext":…}` (the event's data, already parsed) under `key`.
pub fn decrypt_with(key: &[u8; 32], data: &serde_json::Value) -> Result<Vec<u8>, DecryptError> {
    use crypto_secretbox::aead::{Aead, KeyInit};
    let field = |name| data.get(name).and_then(serde_json::Value::as_str);
    let (Some(nonce), Some(sealed)) = (field("nonce"), field("ciphertext")) else {
        return Err(DecryptError::Shape);
    };
    let nonce = BASE64
        .decode(nonce)
        .map_err(|_| DecryptError::Base64("nonce"))?;
    let sealed = BASE64
        .decode(sealed)
        .map_err(|_| DecryptError::Base64("ciphertext"))?;
    let nonce: [u8; 24] = nonce
        .try_into()
        .map_err(|n: Vec<u8>| DecryptError::NonceLength(n.len()))?;
    if sealed.len() < 16 {
        return Err(DecryptError::Short(sealed.len()));
    }
    crypto_secretbox::XSalsa20Poly1305::new(key.into())
        .decrypt((&nonce).into(), sealed.as_slice())
        .map_err(|_| DecryptError::Open)
}

/// A shared secret as an auth endpoint sends it: base64 of 32 bytes.
pub fn shared_secret_from_base64(text: &str) -> Result<[u8; 32], MasterKeyError> {
    let bytes = BASE64
        .decode(text.trim())
        .map_err(|_| MasterKeyError::Base64)?;
    let len = bytes.len();
    bytes.try_into().map_err(|_| MasterKeyError::Length(len))
}

/// `SHA256(channel_name || master_key)`, over whatever key bytes the caller holds
/// (some official test vectors use keys that are not 32 bytes).
pub fn shared_secret(channel: &str, master_key: &[u8]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(channel.as_bytes());
    h.update(master_key);
    h.finalize().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_secret_vectors() {
        // PHP CryptoTest.php: 32 × 'a'.
        assert_eq!(
            BASE64.encode(shared_secret("private-encrypted-channel-a", &[b'a'; 32])),
            "Rp+wpkNpL89qhqco1JkIG31AVXyU8PUVJBr1B2MvdoA="
        );
        // GO crypto_test.go: a 33-byte key, hashed as given.
        assert_eq!(
            hex::encode(shared_secret(
                "private-encrypted-bla",
                b"This is a string that is 32 chars"
            )),
            "004831f99d2a4e86723e893caded3a2897deeddbed9514fe9497dcddc52bd50b"
        );
        // PY test_crypto.py: raw ASCII key bytes.
        assert_eq!(
            hex::encode(shared_secret(
                "pvUPIk0YG6MnxCEMIUUVFrbDmQwbhICXUcy",
                b"OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5"
            )),
            "709ef3090a24bfa98382cb5d025ca3622c82d31fa27f10b005c0dca27bae6516"
        );
        // RUBY channel_spec.rb: the base64 text itself is the key.
        let ruby_key = b"3W1pfB/Etr+ZIlfMWwZP3gz8jEeCt4s2pe6Vpr+2c3M=";
        assert_eq!(
            BASE64.encode(shared_secret("private-encrypted-1", ruby_key)),
            "6zeEp/chneRPS1cbK/hGeG860UhHomxSN6hTgzwT20I="
        );
        assert_eq!(
            BASE64.encode(shared_secret("private-encrypted-test_channel", ruby_key)),
            "o0L3QnIovCeRC8KTD8KBRlmi31dGzHVS2M93uryqDdw="
        );
    }

    #[test]
    fn encryption_vector_python_library() {
        // PY test_crypto.py test_encrypt: raw key bytes, deterministic nonce.
        let key = shared_secret(
            "pvUPIk0YG6MnxCEMIUUVFrbDmQwbhICXUcy",
            b"OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5",
        );
        assert_eq!(
            encrypt_with(
                &key,
                b"XAJI0Y6DPBHSAHXTHV3A3ZMF",
                b"kkkT5OOkOkO5kT5TOO5TkOT5TTk5O55T"
            ),
            r#"{"nonce":"WEFKSTBZNkRQQkhTQUhYVEhWM0EzWk1G","ciphertext":"tsYJa2JgGDOpVIYFe4aNVWAvZlpB7z7CjN9mpIdbATE0Yc4izN8aM8D6VigBxnIQ"}"#
        );
    }

    #[test]
    fn decryption_opens_the_python_vector_and_reports_each_fault() {
        let key = shared_secret(
            "pvUPIk0YG6MnxCEMIUUVFrbDmQwbhICXUcy",
            b"OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5",
        );
        let sealed: serde_json::Value = serde_json::from_str(&encrypt_with(
            &key,
            b"XAJI0Y6DPBHSAHXTHV3A3ZMF",
            b"kkkT5OOkOkO5kT5TOO5TkOT5TTk5O55T",
        ))
        .unwrap();
        assert_eq!(
            decrypt_with(&key, &sealed).unwrap(),
            b"kkkT5OOkOkO5kT5TOO5TkOT5TTk5O55T"
        );
        assert_eq!(decrypt_with(&[0; 32], &sealed), Err(DecryptError::Open));
        let with = |nonce: &str, ct: &str| serde_json::json!({"nonce": nonce, "ciphertext": ct});
        assert_eq!(
            decrypt_with(&key, &serde_json::json!("x")),
            Err(DecryptError::Shape)
        );
        assert_eq!(
            decrypt_with(&key, &with("!", "AA==")),
            Err(DecryptError::Base64("nonce"))
        );
        assert_eq!(
            decrypt_with(&key, &with("AAAA", "AA==")),
            Err(DecryptError::NonceLength(3))
        );
        let nonce = BASE64.encode([0u8; 24]);
        assert_eq!(
            decrypt_with(&key, &with(&nonce, "AAAA")),
            Err(DecryptError::Short(3))
        );
    }

    #[test]
    fn shared_secret_round_trips_through_base64() {
        let key = MasterKey::from_base64("dGhpcyBpcyAzMiBieXRlcyAxMjM0NTY3ODkwMTIzNDU=").unwrap();
        let b64 = key.shared_secret_base64("private-encrypted-x");
        assert_eq!(
            shared_secret_from_base64(&b64).unwrap(),
            shared_secret("private-encrypted-x", &key.0)
        );
        assert_eq!(
            shared_secret_from_base64("AAAA"),
            Err(MasterKeyError::Length(3))
        );
    }

    #[test]
    fn master_key_parsing_vectors() {
        let ok = MasterKey::from_base64("dGhpcyBpcyAzMiBieXRlcyAxMjM0NTY3ODkwMTIzNDU=").unwrap();
        assert_eq!(&ok.0, b"this is 32 bytes 123456789012345");
        assert_eq!(
            MasterKey::from_base64("dGhpcyBpcyAzMSBieXRlcyAxMjM0NTY3ODkwMTIzNA=="),
            Err(MasterKeyError::Length(31))
        );
        assert_eq!(
            MasterKey::from_base64("dGhpcyBpcyAzMyBieXRlcyAxMjM0NTY3ODkwMTIzNDU2"),
            Err(MasterKeyError::Length(33))
        );
        assert_eq!(
            MasterKey::from_base64("dGhpcyBpcyAzMSBieXRlcyAxMjM0NTY3ODkwMTIzNA="),
            Err(MasterKeyError::Base64)
        );
        assert_eq!(format!("{ok:?}"), "MasterKey(redacted)");
    }
}

#[cfg(test)]
mod properties {
    //! What is sealed for a channel opens with that channel's key, and with no other.

    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn an_encrypted_payload_opens_with_its_channel_key_only(
            master in any::<[u8; 32]>(),
            channel in "private-encrypted-[A-Za-z0-9_=@,.;-]{1,40}",
            other in "private-encrypted-[A-Za-z0-9_=@,.;-]{1,40}",
            nonce in any::<[u8; 24]>(),
            plaintext in prop::collection::vec(any::<u8>(), 0..500),
        ) {
            let key = MasterKey::from_base64(&BASE64.encode(master)).unwrap();
            let sealed: serde_json::Value =
                serde_json::from_str(&key.encrypt(&channel, &nonce, &plaintext)).unwrap();
            let opened = decrypt_with(&shared_secret(&channel, &master), &sealed);
            prop_assert_eq!(opened, Ok(plaintext));
            prop_assume!(other != channel);
            let wrong = decrypt_with(&shared_secret(&other, &master), &sealed);
            prop_assert_eq!(wrong, Err(DecryptError::Open));
        }
    }
}
