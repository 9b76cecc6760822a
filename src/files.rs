//! Files written whole or not at all, readable by their owner only: a temporary file
//! beside the target, created with mode 0600, written, flushed to disk, then moved
//! into place. No reader ever sees half a file under the final name, and nobody else
//! can read it on the way (the config file holds secrets; captured webhooks hold
//! what an app's users did).

use std::fs::{self, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// What `write_private` does when the target already exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Replace it in one step (a config file rewritten).
    Replace,
    /// Leave it alone and fail with `ErrorKind::AlreadyExists` (a capture that must
    /// not overwrite an earlier one).
    Keep,
}

/// Write `bytes` to `path` with mode 0600 through a temporary file in the same folder.
/// The folder must exist. On failure nothing is left behind but what was there before.
pub fn write_private(path: &Path, bytes: &[u8], existing: Existing) -> io::Result<()> {
    let tmp = temporary_beside(path);
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let result = options
        .open(&tmp)
        .and_then(|mut f| {
            f.write_all(bytes)?;
            f.sync_all()
        })
        .and_then(|()| match existing {
            Existing::Replace => fs::rename(&tmp, path),
            // A hard link is created only if the name is free, in one step; the
            // temporary name is then removed.
            Existing::Keep => fs::hard_link(&tmp, path),
        });
    if result.is_err() || existing == Existing::Keep {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// `.<name>.<pid>.<n>.tmp` in the target's folder: the same file system, so the
/// final move is atomic, and a name no other writer (in this process or another) uses.
fn temporary_beside(path: &Path) -> PathBuf {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy());
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn written_whole_with_mode_0600_and_nothing_else_left() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write_private(&path, b"{}", Existing::Keep).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"{}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "{mode:o}");
        }
        assert_eq!(names(dir.path()), ["a.json"]);
    }

    #[test]
    fn keep_never_overwrites_and_replace_does() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        fs::write(&path, "first").unwrap();
        let e = write_private(&path, b"second", Existing::Keep).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read_to_string(&path).unwrap(), "first");
        write_private(&path, b"third", Existing::Replace).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "third");
        assert_eq!(names(dir.path()), ["a.json"]);
    }

    #[test]
    fn a_folder_that_cannot_hold_files_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("plain");
        fs::write(&file, "x").unwrap();
        assert!(write_private(&file.join("a.json"), b"{}", Existing::Keep).is_err());
        assert!(write_private(&dir.path().join("gone/a.json"), b"{}", Existing::Replace).is_err());
        assert_eq!(names(dir.path()), ["plain"]);
    }
}
