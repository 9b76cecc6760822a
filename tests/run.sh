#!/usr/bin/env bash
# The one test command: installs what is missing (protoc and the pinned sockudo; Node.js,
# the official Node server library to compare signatures with, curl), then runs
# formatting, lints and every test against real sockudo servers.
set -euo pipefail
cd "$(dirname "$0")/.."

CACHE="${RTCTL_TEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rtctl-tests}"
PUSHER_NODE_VERSION=5.3.4

say() { printf 'run.sh: %s\n' "$*" >&2; }

RTCTL_TEST_SOCKUDO="$(tests/sockudo.sh install)"
export RTCTL_TEST_SOCKUDO

# Node.js and npm (to compare with the official library); curl (to run `trigger --curl`).
missing=()
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} (Debian packages)"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
node_lib="$CACHE/pusher-node-$PUSHER_NODE_VERSION"
if [ ! -f "$node_lib/node_modules/pusher/package.json" ]; then
  say "installing the official Node server library (npm pusher@$PUSHER_NODE_VERSION)"
  mkdir -p "$node_lib"
  npm install --prefix "$node_lib" --no-audit --no-fund --silent "pusher@$PUSHER_NODE_VERSION"
fi
export RTCTL_TEST_PUSHER_NODE="$node_lib/node_modules"

cargo fmt --check
cargo clippy --all-targets --locked -- -D warnings
cargo test --locked
