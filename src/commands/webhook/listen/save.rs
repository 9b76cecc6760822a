//! Saving an authentic webhook's body for `webhook replay`: the file's name, and the
//! body written byte for byte, whole and with mode 0600, never over an earlier capture.

use std::path::PathBuf;

use hyper::body::Bytes;

use crate::files::{self, Existing};
use crate::pusher::webhook::{Body, Event, EventType};

/// Names tried for one saved body before giving up (`<stem>.json`, `<stem>-2.json`, …).
const MAX_NAME_TRIES: u32 = 100;

/// Save the body byte for byte as `<time_ms>-<seq>-<first event>.json`, atomically and
/// with mode 0600, never over an earlier capture (`-2`, `-3`, … then).
pub async fn save(dir: PathBuf, seq: u64, body: &Body, raw: Bytes) -> Result<PathBuf, String> {
    let name = body
        .events
        .first()
        .and_then(Event::name)
        .and_then(EventType::parse)
        .map_or("webhook", EventType::as_str);
    let stem = format!("{}-{seq:04}-{name}", body.time_ms);
    let writing = tokio::task::spawn_blocking(move || {
        for n in 1..=MAX_NAME_TRIES {
            let path = match n {
                1 => dir.join(format!("{stem}.json")),
                n => dir.join(format!("{stem}-{n}.json")),
            };
            match files::write_private(&path, &raw, Existing::Keep) {
                Ok(()) => return Ok(path),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(format!("cannot write {}: {e}", path.display())),
            }
        }
        Err(format!(
            "{} holds {MAX_NAME_TRIES} files named {stem}…",
            dir.display()
        ))
    });
    writing
        .await
        .unwrap_or_else(|e| Err(format!("the save did not finish: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::webhook_fixtures::DEFAULTS;
    use crate::pusher::webhook::{self, Spec};

    /// A capture is named for its time, number and first event; a second one of the same
    /// name goes beside it, and the first keeps its bytes.
    #[tokio::test]
    async fn a_capture_never_replaces_an_earlier_one() {
        let dir = tempfile::tempdir().unwrap();
        let event = webhook::event(EventType::MemberAdded, &Spec::default(), &DEFAULTS).unwrap();
        let text = webhook::body(1_700_000_000_000, &[event]);
        let body = webhook::parse(text.as_bytes()).unwrap();
        let first = save(dir.path().to_owned(), 7, &body, Bytes::from(text.clone()))
            .await
            .unwrap();
        assert_eq!(
            first,
            dir.path().join("1700000000000-0007-member_added.json")
        );
        let other = Bytes::from_static(b"{\"time_ms\":1700000000000,\"events\":[]}");
        let second = save(dir.path().to_owned(), 7, &body, other.clone())
            .await
            .unwrap();
        assert_eq!(
            second,
            dir.path().join("1700000000000-0007-member_added-2.json")
        );
        assert_eq!(std::fs::read(&first).unwrap(), text.as_bytes());
        assert_eq!(std::fs::read(&second).unwrap(), other);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }
}
