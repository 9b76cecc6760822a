//! The only network code.

pub mod auth;
pub mod backend;
pub mod diagnose;
pub mod http;
pub mod probe;
pub mod raw_request;
pub mod reach;
pub mod receiver;
pub mod tls;
pub mod ws;

use crate::text::one_line;

/// A URL as messages show it: without the user name, password, query and fragment,
/// which may carry tokens.
pub fn shown_url(url: &str) -> String {
    if let Ok(mut u) = reqwest::Url::parse(url) {
        if u.has_authority() {
            let _ = u.set_username("");
            let _ = u.set_password(None);
        }
        u.set_query(None);
        u.set_fragment(None);
        return u.to_string();
    }
    // Not a URL reqwest can parse: cut what could hold a token all the same.
    let cut = url.split(['?', '#']).next().unwrap_or(url);
    let shown = match cut.split_once("://") {
        Some((scheme, rest)) => {
            let end = rest.find('/').unwrap_or(rest.len());
            match rest[..end].rfind('@') {
                Some(at) => format!("{scheme}://{}", &rest[at + 1..]),
                None => cut.to_owned(),
            }
        }
        None => cut.to_owned(),
    };
    one_line(&shown, 200)
}

/// Whether `shown_url` leaves out something of `url` that may be a secret: a user
/// name, a password or a query.
pub fn url_hides_secrets(url: &str) -> bool {
    match reqwest::Url::parse(url) {
        Ok(u) => !u.username().is_empty() || u.password().is_some() || u.query().is_some(),
        Err(_) => url.contains(['@', '?']),
    }
}

/// The innermost cause of a request error, on one line (reqwest's own text names the
/// whole URL).
pub fn root_cause(e: &reqwest::Error) -> String {
    let mut cause: &dyn std::error::Error = e;
    while let Some(next) = cause.source() {
        cause = next;
    }
    one_line(&cause.to_string(), 200)
}

/// A random number in [0, 1), for the jitter of a backoff (`pusher::backoff`).
pub fn jitter() -> f64 {
    let mut b = [0u8; 2];
    let _ = getrandom::fill(&mut b);
    f64::from(u16::from_le_bytes(b)) / 65536.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_urls_carry_no_credentials_or_query() {
        for (url, shown) in [
            (
                "https://ops:hunter2@app.example/pusher/auth?token=abc#x",
                "https://app.example/pusher/auth",
            ),
            (
                "http://127.0.0.1:8008/pusher/webhook",
                "http://127.0.0.1:8008/pusher/webhook",
            ),
            ("ws://h:6001/app/k?protocol=7", "ws://h:6001/app/k"),
            ("nonsense://u:p@[bad/x?t=1", "nonsense://[bad/x"),
            ("no scheme?token=1", "no scheme"),
        ] {
            assert_eq!(shown_url(url), shown, "{url}");
        }
        assert!(url_hides_secrets("https://ops:hunter2@app.example/x"));
        assert!(url_hides_secrets("https://app.example/x?token=abc"));
        assert!(!url_hides_secrets("http://127.0.0.1:8008/pusher/webhook"));
    }
}
