#!/usr/bin/env bash
# The one test command: installs what is missing (protoc and the pinned sockudo; Node.js,
# the official Node server library to compare signatures with, curl), then runs
# formatting, lints and every test against real sockudo servers.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'run.sh: %s\n' "$*" >&2; }

RTCTL_TEST_SOCKUDO="$(tests/sockudo.sh install)"
export RTCTL_TEST_SOCKUDO

# The official Node library, to compare signatures with (Node.js and npm with it).
RTCTL_TEST_PUSHER_NODE="$(tests/pusher-node.sh install)"
export RTCTL_TEST_PUSHER_NODE

# curl, to run `trigger --curl`.
if ! command -v curl >/dev/null; then
  say "installing curl (Debian package)"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq curl >/dev/null
fi

cargo fmt --check
cargo clippy --all-targets --locked -- -D warnings
cargo test --locked

# The oldest toolchain Cargo.toml claims (rust-version) still builds rtctl and passes
# the unit tests (the integration tests were run on it when it was set).
msrv="$(sed -n 's/^rust-version = "\(.*\)"$/\1/p' Cargo.toml)"
if ! rustup run "$msrv" rustc --version >/dev/null 2>&1; then
  say "installing Rust $msrv (Cargo.toml's rust-version)"
  rustup toolchain install "$msrv" --profile minimal >/dev/null
fi
cargo "+$msrv" test --locked --lib --quiet
