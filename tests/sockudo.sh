#!/usr/bin/env bash
# The pinned test server: install it, or run it for the built-in `local` profile.
#
#   tests/sockudo.sh install               install protoc (if missing) and sockudo into the cache
#   tests/sockudo.sh serve [--background]  run sockudo on 127.0.0.1:6001 as app-id/app-key/app-secret
#   tests/sockudo.sh stop                  stop a background server
#
# RTCTL_LOCAL_PORT serves (and stops) on another port.
#
# The cache is $RTCTL_TEST_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/rtctl-tests.
set -euo pipefail

SOCKUDO_VERSION=5.2.0
CACHE="${RTCTL_TEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rtctl-tests}"
ROOT="$CACHE/sockudo-$SOCKUDO_VERSION"
BIN="$ROOT/bin/sockudo"
PORT="${RTCTL_LOCAL_PORT:-6001}"
# One pid file a port, so a second server (the release smoke run's) leaves the first alone.
PIDFILE="$CACHE/sockudo-local-$PORT.pid"

say() { printf 'sockudo.sh: %s\n' "$*" >&2; }

need_protoc() {
  command -v protoc >/dev/null && return
  say "installing protoc (Debian package protobuf-compiler), needed to build sockudo"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  if command -v apt-get >/dev/null; then
    $sudo apt-get update -qq && $sudo apt-get install -y -qq protobuf-compiler >/dev/null
  else
    say "no apt-get here: install protoc (protobuf-compiler) yourself, then run this again"
    exit 1
  fi
}

install() {
  if [ -x "$BIN" ]; then
    return
  fi
  need_protoc
  say "building sockudo $SOCKUDO_VERSION into $ROOT (once; about 12 minutes on 2 cores)"
  cargo install "sockudo@$SOCKUDO_VERSION" --locked --no-default-features --features local \
    --root "$ROOT" --quiet
}

serve() {
  install
  local port="$PORT"
  local env=(
    HOST=127.0.0.1 PORT="$port" METRICS_ENABLED=false RUST_LOG=error
    SOCKUDO_DEFAULT_APP_ID=app-id SOCKUDO_DEFAULT_APP_KEY=app-key SOCKUDO_DEFAULT_APP_SECRET=app-secret
    SOCKUDO_DEFAULT_APP_ENABLE_CLIENT_MESSAGES=true SOCKUDO_DEFAULT_APP_ENABLE_USER_AUTHENTICATION=true
  )
  if [ "${1:-}" != "--background" ]; then
    exec env "${env[@]}" "$BIN"
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    say "something already listens on 127.0.0.1:$port; stop it, or set RTCTL_LOCAL_PORT"
    exit 1
  fi
  mkdir -p "$CACHE"
  env "${env[@]}" "$BIN" >"$CACHE/sockudo-local-$port.log" 2>&1 &
  echo $! >"$PIDFILE"
  for _ in $(seq 1 100); do
    if ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
      break
    fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      say "serving on 127.0.0.1:$port (pid $(cat "$PIDFILE"); stop it with tests/sockudo.sh stop)"
      return
    fi
    sleep 0.1
  done
  say "sockudo did not start; see $CACHE/sockudo-local-$port.log"
  exit 1
}

stop() {
  [ -f "$PIDFILE" ] || return 0
  local pid
  pid="$(cat "$PIDFILE")"
  # sockudo shuts down on SIGINT; SIGTERM alone does not stop it.
  kill -INT "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$PIDFILE"
}

case "${1:-}" in
  install) install; echo "$BIN" ;;
  serve) shift; serve "$@" ;;
  stop) stop ;;
  *) say "usage: tests/sockudo.sh install | serve [--background] | stop"; exit 2 ;;
esac
