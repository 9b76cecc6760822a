//! Records what `rtctl --version` says besides the version: the git commit the binary
//! was built from and the target it was built for.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let target = std::env::var("TARGET").unwrap_or_else(|_| "unknown".into());
    println!("cargo:rustc-env=RTCTL_TARGET={target}");
    // A build from a source archive (no .git) can name its commit itself.
    println!("cargo:rerun-if-env-changed=RTCTL_COMMIT");
    let commit = std::env::var("RTCTL_COMMIT")
        .ok()
        .filter(|c| !c.is_empty())
        .or_else(git_commit)
        .unwrap_or_else(|| "unknown".into());
    println!("cargo:rustc-env=RTCTL_COMMIT={commit}");
}

/// The checked-out commit, abbreviated to 12 digits; rebuilt when HEAD moves.
fn git_commit() -> Option<String> {
    let git_dir = PathBuf::from(git(&["rev-parse", "--absolute-git-dir"])?);
    watch(&git_dir.join("HEAD"));
    // A worktree keeps its HEAD apart from the branches, which are in the common dir.
    let common = git(&["rev-parse", "--path-format=absolute", "--git-common-dir"])
        .map_or(git_dir, PathBuf::from);
    watch(&common.join("packed-refs"));
    if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"]) {
        watch(&common.join(branch));
    }
    git(&["rev-parse", "--short=12", "HEAD"])
}

fn watch(path: &Path) {
    if path.exists() {
        println!("cargo:rerun-if-changed={}", path.display());
    }
}

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let text = text.trim();
    (out.status.success() && !text.is_empty()).then(|| text.to_owned())
}
