//! A raw HTTP request as text: written for `webhook replay --dry-run`, and read back as
//! captured in a file (request line, headers, a blank line, the body) for `webhook
//! verify --headers`.

use crate::text::escape_for_message;

/// A JSON POST as it goes on the wire, for `webhook replay --dry-run` (and `verify --headers`).
pub fn post(url: &str, headers: &[(String, String)], body: &[u8]) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    let mut out =
        format!("POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n");
    for (name, value) in headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    out.push_str(&String::from_utf8_lossy(body));
    out
}

/// A captured request: its headers (names lowercased) and its body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Captured {
    pub headers: Vec<(String, String)>,
    /// `None` when nothing follows the headers.
    pub body: Option<Vec<u8>>,
}

impl Captured {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Why a captured request could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CaptureError {
    #[error("line {0} is not a header (`Name: value`)")]
    NotHeader(usize),
    #[error("Content-Length is `{0}`, not a number")]
    BadLength(String),
    #[error("the body is {got} bytes but Content-Length says {want}: the capture is cut short")]
    Short { want: usize, got: usize },
}

/// Read a raw HTTP request as captured (`POST /path HTTP/1.1`, headers, a blank line,
/// the body), or just its headers. With `Content-Length` the body is exactly that long.
pub fn parse_captured(raw: &[u8]) -> Result<Captured, CaptureError> {
    let (head, rest) = split_head(raw);
    let text = String::from_utf8_lossy(head);
    let mut headers = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        if i == 0 && is_request_line(line) {
            continue;
        }
        let Some((name, value)) = line.split_once(':') else {
            return Err(CaptureError::NotHeader(i + 1));
        };
        if name.is_empty() || name.contains(char::is_whitespace) {
            return Err(CaptureError::NotHeader(i + 1));
        }
        headers.push((name.to_ascii_lowercase(), value.trim().to_owned()));
    }
    let captured = Captured {
        headers,
        body: None,
    };
    let body = match captured.header("content-length") {
        Some(len) => {
            let want: usize = len
                .parse()
                .map_err(|_| CaptureError::BadLength(escape_for_message(len)))?;
            let rest = rest.unwrap_or_default();
            if rest.len() < want {
                return Err(CaptureError::Short {
                    want,
                    got: rest.len(),
                });
            }
            Some(rest[..want].to_vec())
        }
        None => rest.filter(|r| !r.is_empty()).map(<[u8]>::to_vec),
    };
    Ok(Captured { body, ..captured })
}

/// Split at the first blank line (CRLF or LF): the head, and what follows it if anything.
fn split_head(raw: &[u8]) -> (&[u8], Option<&[u8]>) {
    let crlf = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| (i, 4));
    let lf = raw.windows(2).position(|w| w == b"\n\n").map(|i| (i, 2));
    match [crlf, lf].into_iter().flatten().min_by_key(|&(i, _)| i) {
        Some((i, len)) => (&raw[..i], Some(&raw[i + len..])),
        None => (raw, None),
    }
}

/// `POST /pusher/webhook HTTP/1.1`.
fn is_request_line(line: &str) -> bool {
    let mut parts = line.split_whitespace();
    matches!(
        (parts.next(), parts.next(), parts.next()),
        (Some(m), Some(_), Some(v)) if m.bytes().all(|b| b.is_ascii_uppercase()) && v.starts_with("HTTP/")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captured_requests() {
        let raw = b"POST /pusher/webhook HTTP/1.1\r\nHost: x\r\nX-Pusher-Key: k\r\nx-pusher-signature: abc\r\nContent-Length: 7\r\n\r\n{\"a\":1}\n";
        let c = parse_captured(raw).unwrap();
        assert_eq!(c.header("X-Pusher-Key"), Some("k"));
        assert_eq!(c.header("X-PUSHER-SIGNATURE"), Some("abc"));
        assert_eq!(c.body.as_deref(), Some(&b"{\"a\":1}"[..]));
        let headers_only = parse_captured(b"X-Pusher-Key: k\nX-Pusher-Signature: abc\n").unwrap();
        assert_eq!(headers_only.body, None);
        assert_eq!(headers_only.header("x-pusher-signature"), Some("abc"));
        let lf = parse_captured(b"X-Pusher-Key: k\n\n{\"a\":1}").unwrap();
        assert_eq!(lf.body.as_deref(), Some(&b"{\"a\":1}"[..]));
        assert_eq!(
            parse_captured(b"X-Pusher-Key k\n"),
            Err(CaptureError::NotHeader(1))
        );
        assert_eq!(
            parse_captured(b"Content-Length: 9\r\n\r\n{}"),
            Err(CaptureError::Short { want: 9, got: 2 })
        );
        assert!(matches!(
            parse_captured(b"Content-Length: x\r\n\r\n{}"),
            Err(CaptureError::BadLength(_))
        ));
    }

    #[test]
    fn a_written_post_reads_back() {
        let r = post(
            "http://localhost:8008/pusher/webhook",
            &[("X-Pusher-Key".into(), "k".into())],
            b"{}",
        );
        assert_eq!(
            r,
            "POST /pusher/webhook HTTP/1.1\r\nHost: localhost:8008\r\nContent-Type: application/json\r\nX-Pusher-Key: k\r\nContent-Length: 2\r\n\r\n{}"
        );
        let c = parse_captured(r.as_bytes()).unwrap();
        assert_eq!(c.body.as_deref(), Some(&b"{}"[..]));
        assert_eq!(c.header("x-pusher-key"), Some("k"));
    }
}
