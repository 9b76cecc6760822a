//! `rtctl --version`: the version, the git commit the binary was built from and the
//! target it was built for (`build.rs` records the last two); `--json` for bug reports.

use serde::Serialize;

use crate::error::CliError;
use crate::ui::{Ui, json_text};

/// What this binary is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Version {
    pub version: &'static str,
    /// The commit, abbreviated to 12 digits, or `unknown` (built outside a checkout).
    pub commit: &'static str,
    /// The target triple, e.g. `x86_64-unknown-linux-musl`.
    pub target: &'static str,
    /// `release`, or `debug` for a build with debug assertions.
    pub build: &'static str,
}

pub const CURRENT: Version = Version {
    version: env!("CARGO_PKG_VERSION"),
    commit: env!("RTCTL_COMMIT"),
    target: env!("RTCTL_TARGET"),
    build: if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    },
};

impl Version {
    /// `rtctl 0.1.0 (0123456789ab x86_64-unknown-linux-musl)`, with `, debug` for a
    /// debug build.
    pub fn line(&self) -> String {
        let debug = if self.build == "debug" { ", debug" } else { "" };
        format!(
            "rtctl {} ({} {}{debug})",
            self.version, self.commit, self.target
        )
    }

    pub fn to_value(self) -> serde_json::Value {
        serde_json::json!({
            "name": "rtctl",
            "version": self.version,
            "commit": self.commit,
            "target": self.target,
            "build": self.build,
        })
    }
}

pub fn run(ui: &Ui, json: bool) -> Result<(), CliError> {
    let text = if json {
        json_text(&CURRENT.to_value())
    } else {
        CURRENT.line()
    };
    Ok(ui.out(&text)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_names_the_version_commit_and_target() {
        let v = Version {
            version: "1.2.3",
            commit: "0123456789ab",
            target: "x86_64-unknown-linux-musl",
            build: "release",
        };
        assert_eq!(
            v.line(),
            "rtctl 1.2.3 (0123456789ab x86_64-unknown-linux-musl)"
        );
        let debug = Version {
            build: "debug",
            ..v
        };
        assert_eq!(
            debug.line(),
            "rtctl 1.2.3 (0123456789ab x86_64-unknown-linux-musl, debug)"
        );
        assert_eq!(v.to_value()["target"], "x86_64-unknown-linux-musl");
    }
}
