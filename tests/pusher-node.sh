#!/usr/bin/env bash
# The official Node server library (npm pusher), pinned, to compare rtctl with: the
# tests check signatures against it, benches/throughput.sh measures it side by side.
#
#   tests/pusher-node.sh install   install Node.js and npm (Debian packages) if missing, and
#                                  the library into the cache; print its node_modules path
#
# The cache is $RTCTL_TEST_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/rtctl-tests.
set -euo pipefail

PUSHER_NODE_VERSION=5.3.4
CACHE="${RTCTL_TEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rtctl-tests}"
ROOT="$CACHE/pusher-node-$PUSHER_NODE_VERSION"

say() { printf 'pusher-node.sh: %s\n' "$*" >&2; }

install() {
  local missing=()
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} (Debian packages)"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
    $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  if [ ! -f "$ROOT/node_modules/pusher/package.json" ]; then
    say "installing the official Node server library (npm pusher@$PUSHER_NODE_VERSION)"
    mkdir -p "$ROOT"
    npm install --prefix "$ROOT" --no-audit --no-fund --silent "pusher@$PUSHER_NODE_VERSION"
  fi
}

case "${1:-}" in
  install) install; echo "$ROOT/node_modules" ;;
  *) say "usage: tests/pusher-node.sh install"; exit 2 ;;
esac
