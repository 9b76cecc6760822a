#!/usr/bin/env bash
# End-to-end figures for `rtctl trigger` against a local sockudo (rate limiter off):
# events per second for a 10,000-event --batch, and the wall time of one
# `rtctl trigger` (process start-up, config, signing, one request) over 20 runs.
# Prints figures; asserts nothing. Usage: benches/throughput.sh
set -euo pipefail
cd "$(dirname "$0")/.."

sockudo="$(tests/sockudo.sh install)"
cargo build --release --quiet
rtctl="$PWD/target/release/rtctl"
work="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"

env -i PATH="$PATH" HOME="$work" HOST=127.0.0.1 PORT="$port" METRICS_ENABLED=false RUST_LOG=error \
  RATE_LIMITER_ENABLED=false SOCKUDO_DEFAULT_APP_ID=bench SOCKUDO_DEFAULT_APP_KEY=bench-key \
  SOCKUDO_DEFAULT_APP_SECRET=bench-secret "$sockudo" >"$work/sockudo.log" 2>&1 &
server=$!
trap '{ kill -INT $server; wait $server; } 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done

export RTCTL_APP_ID=bench RTCTL_KEY=bench-key RTCTL_SECRET=bench-secret RTCTL_HOST=127.0.0.1 RTCTL_PORT="$port" RTCTL_TLS=false
python3 - "$work/events.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(10000):
        f.write(json.dumps({"channel": f"bench-{i % 50}", "name": "tick",
                            "data": {"n": i, "message": "x" * 100}}) + "\n")
PY

echo "rtctl $("$rtctl" --version | cut -d' ' -f2), sockudo on 127.0.0.1:$port, $(nproc) cores"
for c in 4 8; do
  summary="$("$rtctl" trigger --batch "$work/events.jsonl" --json --concurrency "$c")"
  python3 - "$summary" "$c" <<'PY'
import json, sys
s = json.loads(sys.argv[1])
print(f"--batch 10,000 events, concurrency {sys.argv[2]}: {s['events_per_second']:.0f} events/s "
      f"({s['accepted']} accepted in {s['requests']} requests, {s['elapsed_ms']} ms)")
PY
done

times=()
for _ in $(seq 1 20); do
  start=$EPOCHREALTIME
  "$rtctl" trigger bench-0 tick '{"n":0}' >/dev/null 2>&1
  end=$EPOCHREALTIME
  times+=("$(python3 -c "print(round(($end - $start) * 1000, 2))")")
done
python3 -c 'import sys, statistics; t=sorted(map(float, sys.argv[1:])); print(f"one trigger (start-up + one request), 20 runs: median {statistics.median(t):.1f} ms, min {t[0]:.1f} ms, max {t[-1]:.1f} ms")' "${times[@]}"
