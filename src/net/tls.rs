//! The one TLS trust every outgoing connection uses: the system's roots and the
//! profile's `ca_cert`, with a verifier that keeps the certificate it rejected so a
//! failure can name it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, WebPkiSupportedAlgorithms};
use rustls::pki_types::pem::PemObject as _;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, OtherError, RootCertStore, SignatureScheme};

use crate::config::Value;
use crate::error::{CliError, Kind};

/// What rtctl trusts, built once a run and shared by every client (REST, WebSocket,
/// auth endpoint, backend, webhooks). Cloning shares it.
#[derive(Debug, Clone)]
pub struct Trust {
    config: Arc<ClientConfig>,
    verifier: Arc<Recording>,
    /// The `ca_cert` file in use and where that setting came from, for hints.
    ca_file: Option<(PathBuf, String)>,
}

/// Verification found no CA to check a certificate against: the system has no roots
/// and no `ca_cert` was given.
#[derive(Debug, thiserror::Error)]
#[error("no trusted CA certificates found")]
pub struct NoTrustedRoots;

impl Trust {
    /// The system's roots (`SSL_CERT_FILE` and `SSL_CERT_DIR` still apply) and the
    /// certificates of `ca_cert`, a PEM file: relative to the config file's folder when
    /// the profile names it, to the current directory otherwise. The `ca_cert` file is
    /// read and checked now; the system's roots at the first certificate to verify, so
    /// a run over plain http and ws never reads them.
    pub fn new(ca_cert: Option<&Value<String>>) -> Result<Self, CliError> {
        let mut roots = RootCertStore::empty();
        let ca_file = match ca_cert {
            Some(setting) => {
                let (path, source) = (setting.as_path(), setting.source.to_string());
                for cert in read_ca_file(&path, &source)? {
                    roots
                        .add(cert)
                        .map_err(|e| bad_ca_file(&path, &source, &e.to_string()))?;
                }
                Some((path, source))
            }
            None => None,
        };
        Self::with_roots(roots, true, ca_file)
    }

    /// Trust `roots`, and the system's when `system` is set.
    fn with_roots(
        roots: RootCertStore,
        system: bool,
        ca_file: Option<(PathBuf, String)>,
    ) -> Result<Self, CliError> {
        let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
        let verifier = Arc::new(Recording {
            inner: OnceLock::new(),
            given: roots,
            system,
            provider: provider.clone(),
            algorithms: provider.signature_verification_algorithms,
            rejected: Mutex::new(HashMap::new()),
        });
        // `dangerous` only because the verifier is our own: it is webpki's, recording.
        let config = ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| CliError::new(Kind::Failure, format!("cannot set up TLS: {e}")))?
            .dangerous()
            .with_custom_certificate_verifier(verifier.clone())
            .with_no_client_auth();
        Ok(Self {
            config: Arc::new(config),
            verifier,
            ca_file,
        })
    }

    /// The client configuration for reqwest and tungstenite.
    pub fn client_config(&self) -> Arc<ClientConfig> {
        Arc::clone(&self.config)
    }

    /// The certificate `host` presented when it was last rejected (its DER).
    pub fn rejected(&self, host: &str) -> Option<CertificateDer<'static>> {
        self.verifier
            .rejected
            .lock()
            .ok()
            .and_then(|r| r.get(host).cloned())
    }

    /// The `ca_cert` file in use and where the setting came from.
    pub fn ca_file(&self) -> Option<(&PathBuf, &str)> {
        self.ca_file.as_ref().map(|(p, s)| (p, s.as_str()))
    }
}

/// The certificates of a PEM file; none, or a file that cannot be read, is a config error.
fn read_ca_file(path: &Path, source: &str) -> Result<Vec<CertificateDer<'static>>, CliError> {
    // A FIFO or a device would block the read (and shell completion with it).
    let meta = std::fs::metadata(path).map_err(|e| bad_ca_file(path, source, &e.to_string()))?;
    if !meta.is_file() {
        return Err(bad_ca_file(path, source, "it is not a regular file"));
    }
    let bytes = std::fs::read(path).map_err(|e| bad_ca_file(path, source, &e.to_string()))?;
    let certs = CertificateDer::pem_slice_iter(&bytes)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| bad_ca_file(path, source, &format!("not PEM: {e}")))?;
    if certs.is_empty() {
        return Err(bad_ca_file(
            path,
            source,
            "it holds no PEM certificate (-----BEGIN CERTIFICATE-----)",
        ));
    }
    Ok(certs)
}

fn bad_ca_file(path: &Path, source: &str, why: &str) -> CliError {
    CliError::new(
        Kind::Config,
        format!(
            "cannot use the CA file {} (`ca_cert` from {source}): {why}",
            path.display()
        ),
    )
    .hint("point --ca-cert, `ca_cert` or RTCTL_CA_CERT at a PEM file of CA certificates")
}

/// The webpki verifier, keeping the end-entity certificate of each server name it
/// rejects so the error path can name its subject and issuer.
#[derive(Debug)]
struct Recording {
    /// webpki's verifier over the roots, made at the first certificate to verify;
    /// `None` when there are no roots at all.
    inner: OnceLock<Option<Arc<WebPkiServerVerifier>>>,
    /// The roots given (`ca_cert`'s), checked already.
    given: RootCertStore,
    /// Whether the system's roots are trusted too.
    system: bool,
    provider: Arc<CryptoProvider>,
    algorithms: WebPkiSupportedAlgorithms,
    rejected: Mutex<HashMap<String, CertificateDer<'static>>>,
}

impl Recording {
    fn inner(&self) -> Option<&Arc<WebPkiServerVerifier>> {
        self.inner
            .get_or_init(|| {
                let mut roots = RootCertStore::empty();
                if self.system {
                    roots.add_parsable_certificates(rustls_native_certs::load_native_certs().certs);
                }
                roots.extend(self.given.roots.iter().cloned());
                // An empty store is refused by the builder: then every certificate
                // fails as `NoTrustedRoots`, and plain http and ws still work.
                WebPkiServerVerifier::builder_with_provider(Arc::new(roots), self.provider.clone())
                    .build()
                    .ok()
            })
            .as_ref()
    }
}

impl ServerCertVerifier for Recording {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let verdict = match self.inner() {
            Some(v) => {
                v.verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
            }
            None => Err(rustls::Error::Other(OtherError(Arc::new(NoTrustedRoots)))),
        };
        if verdict.is_err()
            && let Ok(mut rejected) = self.rejected.lock()
        {
            rejected.insert(
                server_name.to_str().into_owned(),
                end_entity.clone().into_owned(),
            );
        }
        verdict
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

/// A certificate's subject and issuer (RFC 4514 strings), when it parses.
pub fn subject_and_issuer(der: &CertificateDer<'_>) -> Option<(String, String)> {
    use x509_cert::der::Decode as _;
    let cert = x509_cert::Certificate::from_der(der.as_ref()).ok()?;
    let tbs = cert.tbs_certificate();
    Some((tbs.subject().to_string(), tbs.issuer().to_string()))
}

/// When a certificate's validity ends, in Unix seconds, when it parses.
pub fn not_after(der: &CertificateDer<'_>) -> Option<i64> {
    use x509_cert::der::Decode as _;
    let cert = x509_cert::Certificate::from_der(der.as_ref()).ok()?;
    let end = cert
        .tbs_certificate()
        .validity()
        .not_after
        .to_unix_duration();
    i64::try_from(end.as_secs()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_store_still_builds_a_config() {
        let trust = Trust::with_roots(RootCertStore::empty(), false, None).unwrap();
        assert!(trust.verifier.inner().is_none());
        assert!(trust.rejected("example.com").is_none());
    }

    #[test]
    fn the_system_roots_are_read_at_the_first_certificate_to_verify() {
        let trust = Trust::new(None).unwrap();
        assert!(trust.verifier.inner.get().is_none(), "not read yet");
        let cert = rcgen::generate_simple_self_signed(vec!["localhost".into()]).unwrap();
        let der = cert.cert.der().clone();
        let name = ServerName::try_from("localhost").unwrap();
        let verdict = trust
            .verifier
            .verify_server_cert(&der, &[], &name, &[], UnixTime::now());
        assert!(verdict.is_err(), "a self-signed certificate is not trusted");
        assert!(trust.verifier.inner.get().is_some(), "read once, kept");
        assert_eq!(trust.rejected("localhost"), Some(der));
    }

    #[cfg(unix)]
    #[test]
    fn a_ca_file_that_is_not_a_regular_file_is_refused_without_reading_it() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("ca.pem");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let e = read_ca_file(&fifo, "flag --ca-cert").unwrap_err();
        assert!(e.message.contains("not a regular file"), "{}", e.message);
        let e = read_ca_file(dir.path(), "flag --ca-cert").unwrap_err();
        assert!(e.message.contains("not a regular file"), "{}", e.message);
    }
}
