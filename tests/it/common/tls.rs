//! Test support for TLS: a private CA and its server certificates, made in-process
//! with rcgen, and sockudo serving TLS with one of them.

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use rcgen::{
    BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, KeyUsagePurpose,
    date_time_ymd,
};

use rustls::pki_types::pem::PemObject as _;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::time_provider::TimeProvider;

use super::Server;

/// A server certificate the test CA issued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leaf {
    /// For 127.0.0.1 and localhost, valid now.
    Good,
    /// For 127.0.0.1 and localhost, expired on 2021-01-01.
    Expired,
    /// Valid now, but for other.example only.
    OtherName,
    /// For 127.0.0.1 and localhost, valid now and for five more days.
    Soon,
}

/// The subject and issuer names the certificates carry.
pub const CA_NAME: &str = "rtctl test CA";
pub const GOOD_NAME: &str = "rtctl test server";

/// The test CA's files: `ca.pem`, and a certificate and key for each leaf.
pub struct Pki {
    _dir: tempfile::TempDir,
    pub ca: PathBuf,
    root: PathBuf,
}

impl Pki {
    /// The certificate (PEM) and key (PEM) of a leaf.
    pub fn leaf(&self, leaf: Leaf) -> (PathBuf, PathBuf) {
        leaf_files(&self.root, leaf)
    }

    /// A rustls server config serving `leaf`, for https endpoints in tests.
    pub fn server_config(&self, leaf: Leaf) -> Arc<rustls::ServerConfig> {
        use rustls::pki_types::PrivateKeyDer;
        let (cert, key) = self.leaf(leaf);
        let certs = CertificateDer::pem_file_iter(cert)
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap();
        let key = PrivateKeyDer::from_pem_file(key).unwrap();
        let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
        Arc::new(
            rustls::ServerConfig::builder_with_provider(provider)
                .with_safe_default_protocol_versions()
                .unwrap()
                .with_no_client_auth()
                .with_single_cert(certs, key)
                .unwrap(),
        )
    }
}

/// The test CA, made once per test run.
pub fn pki() -> &'static Pki {
    static PKI: OnceLock<Pki> = OnceLock::new();
    PKI.get_or_init(make_pki)
}

fn make_pki() -> Pki {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    let ca_key = KeyPair::generate().unwrap();
    let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca.distinguished_name.push(DnType::CommonName, CA_NAME);
    ca.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    let ca_cert = ca.self_signed(&ca_key).unwrap();
    write(&root.join("ca.pem"), &ca_cert.pem());
    let issuer = Issuer::new(ca, ca_key);
    for leaf in [Leaf::Good, Leaf::Expired, Leaf::OtherName, Leaf::Soon] {
        let names = match leaf {
            Leaf::OtherName => vec!["other.example".to_owned()],
            _ => vec!["127.0.0.1".to_owned(), "localhost".to_owned()],
        };
        let mut params = CertificateParams::new(names).unwrap();
        params
            .distinguished_name
            .push(DnType::CommonName, GOOD_NAME);
        if leaf == Leaf::Expired {
            params.not_before = date_time_ymd(2020, 1, 1);
            params.not_after = date_time_ymd(2021, 1, 1);
        }
        if leaf == Leaf::Soon {
            // Five days from now at midnight: between four and five days left.
            let end = jiff::Zoned::now()
                .with_time_zone(jiff::tz::TimeZone::UTC)
                .date()
                .checked_add(jiff::Span::new().days(5))
                .unwrap();
            params.not_after =
                date_time_ymd(i32::from(end.year()), end.month() as u8, end.day() as u8);
        }
        let key = KeyPair::generate().unwrap();
        let cert = params.signed_by(&key, &issuer).unwrap();
        let (cert_path, key_path) = leaf_files(&root, leaf);
        write(&cert_path, &cert.pem());
        write(&key_path, &key.serialize_pem());
    }
    Pki {
        ca: root.join("ca.pem"),
        _dir: dir,
        root,
    }
}

fn leaf_files(root: &Path, leaf: Leaf) -> (PathBuf, PathBuf) {
    let name = format!("{leaf:?}").to_lowercase();
    (
        root.join(format!("{name}.pem")),
        root.join(format!("{name}-key.pem")),
    )
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
}

impl Server {
    /// sockudo serving TLS (https and wss) on its port with `leaf`.
    pub fn start_tls(leaf: Leaf) -> Server {
        let (cert, key) = pki().leaf(leaf);
        let (cert, key) = (cert.display().to_string(), key.display().to_string());
        let env = [
            ("SSL_ENABLED", "true"),
            ("SSL_CERT_PATH", cert.as_str()),
            ("SSL_KEY_PATH", key.as_str()),
        ];
        Server::start_env(&env, Some(leaf))
    }

    /// A config profile `test` for this server over TLS (`tls = true`), as TOML.
    pub fn tls_profile(&self) -> String {
        self.profile().replace("tls = false", "tls = true")
    }
}

/// sockudo's answer to a health check over TLS, verified as rtctl verifies: against the
/// test CA, for the name `leaf` holds, at a time it is valid.
pub(super) fn health_answer(tcp: TcpStream, leaf: Leaf) -> String {
    let mut roots = rustls::RootCertStore::empty();
    for cert in CertificateDer::pem_file_iter(&pki().ca).unwrap() {
        roots.add(cert.unwrap()).unwrap();
    }
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let when: Arc<dyn TimeProvider> = match leaf {
        Leaf::Expired => Arc::new(In2020),
        _ => Arc::new(rustls::time_provider::DefaultTimeProvider),
    };
    let config = rustls::ClientConfig::builder_with_details(provider, when)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth();
    let name = match leaf {
        Leaf::OtherName => "other.example",
        _ => "localhost",
    };
    let name = ServerName::try_from(name).unwrap();
    let conn = rustls::ClientConnection::new(Arc::new(config), name).unwrap();
    super::health_answer(rustls::StreamOwned::new(conn, tcp))
}

/// A clock that says 2020-06-01, when the expired certificate was valid.
#[derive(Debug)]
struct In2020;

impl TimeProvider for In2020 {
    fn current_time(&self) -> Option<UnixTime> {
        Some(UnixTime::since_unix_epoch(Duration::from_secs(
            1_590_969_600,
        )))
    }
}
