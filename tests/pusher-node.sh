#!/usr/bin/env bash
# The official Node libraries, pinned, to compare rtctl with: the server library (npm
# pusher), which the tests check signatures against and benches/throughput.sh measures
# side by side, and the client (npm pusher-js, its Node build), which the bench runs
# beside `rtctl tail` and `rtctl probe`.
#
#   tests/pusher-node.sh install   install Node.js and npm (Debian packages) if missing, and
#                                  both libraries into one folder of the cache; print its
#                                  node_modules path
#
# The cache is $RTCTL_TEST_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/rtctl-tests.
set -euo pipefail

PUSHER_NODE_VERSION=5.3.4
PUSHER_JS_VERSION=8.6.0
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
  need pusher "$PUSHER_NODE_VERSION" "the official Node server library"
  need pusher-js "$PUSHER_JS_VERSION" "the official client library"
}

# need PACKAGE VERSION WHAT: install PACKAGE@VERSION into $ROOT unless that version is there.
need() {
  local manifest="$ROOT/node_modules/$1/package.json"
  if [ ! -f "$manifest" ] || [ "$(node -p "require('$manifest').version")" != "$2" ]; then
    say "installing $3 (npm $1@$2)"
    mkdir -p "$ROOT"
    npm install --prefix "$ROOT" --no-audit --no-fund --silent --save-exact "$1@$2"
  fi
}

case "${1:-}" in
  install) install; echo "$ROOT/node_modules" ;;
  *) say "usage: tests/pusher-node.sh install"; exit 2 ;;
esac
