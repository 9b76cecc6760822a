#!/usr/bin/env bash
# The one test command: installs what is missing (protoc, the pinned sockudo),
# then runs formatting, lints and every test against a real sockudo.
set -euo pipefail
cd "$(dirname "$0")/.."

RTCTL_TEST_SOCKUDO="$(tests/sockudo.sh install)"
export RTCTL_TEST_SOCKUDO

cargo fmt --check
cargo clippy --all-targets --locked -- -D warnings
cargo test --locked
