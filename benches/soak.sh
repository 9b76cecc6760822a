#!/usr/bin/env bash
# A long run, for the README's figures (not part of the test command): against a local
# sockudo (rate limiter off) on its own free port, for SOAK_MINUTES (default 30):
#   tail     `rtctl tail --json` on 100 channels (public ch-0..ch-99) receiving a steady
#            stream (SOAK_RATE events a second, default 50, round the channels, sent by
#            `rtctl trigger --batch -` fed through a pipe), the server restarted every
#            SOAK_RESTART seconds (default 300): every restart must show as a gap record
#   webhook  `rtctl webhook listen --json --forward` receiving SOAK_HOOKS signed webhooks
#            a second (default 20) and forwarding each to an endpoint that takes 200 ms to
#            answer
# Every second it samples each rtctl process's resident memory and open descriptors, and
# prints start, peak and end RSS, descriptors at start and end, gaps against restarts,
# and events and webhooks received. Asserts nothing. Usage: benches/soak.sh
set -euo pipefail
cd "$(dirname "$0")/.."

minutes="${SOAK_MINUTES:-30}"
rate="${SOAK_RATE:-50}"
restart_every="${SOAK_RESTART:-300}"
hooks="${SOAK_HOOKS:-20}"

sockudo="$(tests/sockudo.sh install)"
cargo build --release --quiet
rtctl="${CARGO_TARGET_DIR:-$PWD/target}/release/rtctl"
work="$(mktemp -d)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port="$(free_port)"
hook_port="$(free_port)"
slow_port="$(free_port)"

start_server() {
  env -i PATH="$PATH" HOME="$work" HOST=127.0.0.1 PORT="$port" METRICS_ENABLED=false \
    RUST_LOG=error RATE_LIMITER_ENABLED=false SOCKUDO_DEFAULT_APP_ID=soak \
    SOCKUDO_DEFAULT_APP_KEY=soak-key SOCKUDO_DEFAULT_APP_SECRET=soak-secret \
    "$sockudo" >>"$work/sockudo.log" 2>&1 &
  echo $! >"$work/server.pid"
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return
    sleep 0.1
  done
  echo "soak: sockudo did not start; see $work/sockudo.log" >&2
  exit 1
}

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  kill "$(cat "$work/server.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

start_server
export RTCTL_APP_ID=soak RTCTL_KEY=soak-key RTCTL_SECRET=soak-secret RTCTL_HOST=127.0.0.1 \
  RTCTL_PORT="$port" RTCTL_TLS=false
echo "soak: rtctl $("$rtctl" --version | cut -d' ' -f2), sockudo on 127.0.0.1:$port, $(nproc) cores, $(date -u +%F), ${minutes} min"

# The slow webhook endpoint: answers 200 after 200 ms, each request on its own thread.
python3 - "$slow_port" >"$work/slow.log" 2>&1 <<'PY' &
import http.server, socketserver, sys, time
class Slow(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        time.sleep(0.2)
        self.send_response(200); self.send_header("Content-Length", "0"); self.end_headers()
    def log_message(self, *a): pass
class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
Server(("127.0.0.1", int(sys.argv[1])), Slow).serve_forever()
PY
pids+=($!)

channels=()
for i in $(seq 0 99); do channels+=("ch-$i"); done
"$rtctl" tail "${channels[@]}" --json --ready-file "$work/tail.ready" \
  --activity-timeout 10s --pong-timeout 5s >"$work/tail.jsonl" 2>"$work/tail.err" &
tail_pid=$!
pids+=("$tail_pid")
"$rtctl" webhook listen --bind "$hook_port" --json --forward "http://127.0.0.1:$slow_port/" \
  >"$work/hooks.jsonl" 2>"$work/hooks.err" &
hook_pid=$!
pids+=("$hook_pid")
for _ in $(seq 1 100); do
  [ -f "$work/tail.ready" ] && (exec 3<>"/dev/tcp/127.0.0.1/$hook_port") 2>/dev/null && break
  sleep 0.1
done

# The event stream: one JSON line every 1/rate s, round the channels, for the whole run.
python3 - "$rate" "$minutes" <<'PY' | "$rtctl" trigger --batch - --json >"$work/trigger.json" 2>"$work/trigger.err" &
import json, sys, time
rate, minutes = float(sys.argv[1]), float(sys.argv[2])
end = time.monotonic() + minutes * 60
n = 0
next_at = time.monotonic()
while time.monotonic() < end:
    print(json.dumps({"channel": f"ch-{n % 100}", "name": "soak", "data": {"n": n}}), flush=True)
    n += 1
    next_at += 1 / rate
    time.sleep(max(0.0, next_at - time.monotonic()))
PY
pids+=($!)

# The webhooks: signed as sockudo signs them, at a steady rate.
python3 - "$hook_port" "$hooks" "$minutes" >"$work/sender.log" 2>&1 <<'PY' &
import hashlib, hmac, http.client, json, sys, time
port, rate, minutes = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
end = time.monotonic() + minutes * 60
n, failed = 0, 0
next_at = time.monotonic()
while time.monotonic() < end:
    body = json.dumps({"time_ms": int(time.time() * 1000),
                       "events": [{"name": "channel_occupied", "channel": f"soak-{n}"}]}).encode()
    sig = hmac.new(b"soak-secret", body, hashlib.sha256).hexdigest()
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        c.request("POST", "/", body, {"Content-Type": "application/json",
                                      "X-Pusher-Key": "soak-key", "X-Pusher-Signature": sig})
        c.getresponse().read()
        c.close()
    except OSError:
        failed += 1
    n += 1
    next_at += 1 / rate
    time.sleep(max(0.0, next_at - time.monotonic()))
print(f"sent {n} webhooks, {failed} not answered")
PY
pids+=($!)

# Sample every second; restart the server every restart_every seconds.
python3 - "$tail_pid" "$hook_pid" "$minutes" "$work/samples.csv" <<'PY' &
import os, sys, time
pids, minutes, out = sys.argv[1:3], float(sys.argv[3]), sys.argv[4]
end = time.monotonic() + minutes * 60
with open(out, "w") as f:
    f.write("t,tail_rss_kib,tail_fds,hook_rss_kib,hook_fds\n")
    start = time.monotonic()
    while time.monotonic() < end:
        row = [f"{time.monotonic() - start:.0f}"]
        for pid in pids:
            try:
                with open(f"/proc/{pid}/status") as s:
                    rss = next(l.split()[1] for l in s if l.startswith("VmRSS:"))
                fds = len(os.listdir(f"/proc/{pid}/fd"))
            except (OSError, StopIteration):
                rss, fds = "", ""
            row += [str(rss), str(fds)]
        f.write(",".join(row) + "\n")
        f.flush()
        time.sleep(1)
PY
sampler=$!
pids+=("$sampler")

restarts=0
deadline=$((SECONDS + minutes * 60))
next_restart=$((SECONDS + restart_every))
while [ "$SECONDS" -lt "$deadline" ]; do
  if [ "$SECONDS" -ge "$next_restart" ] && [ $((deadline - SECONDS)) -gt 30 ]; then
    kill -INT "$(cat "$work/server.pid")"
    wait "$(cat "$work/server.pid")" 2>/dev/null || true
    sleep 2
    start_server
    restarts=$((restarts + 1))
    next_restart=$((SECONDS + restart_every))
  fi
  sleep 1
done
wait "$sampler" 2>/dev/null || true
# Let the last events and forwards arrive, then stop both and read their summaries.
sleep 5
kill -TERM "$tail_pid" "$hook_pid"
wait "$tail_pid" "$hook_pid" 2>/dev/null || true
sleep 1

python3 - "$work" "$restarts" "$rate" <<'PY'
import csv, json, sys
work, restarts = sys.argv[1], int(sys.argv[2])
rows = [r for r in csv.DictReader(open(f"{work}/samples.csv")) if r["tail_rss_kib"] and r["hook_rss_kib"]]
def mem(key):
    v = [int(r[key]) / 1024 for r in rows]
    return f"start {v[0]:.1f} MiB, peak {max(v):.1f} MiB, end {v[-1]:.1f} MiB"
def fds(key):
    v = [int(r[key]) for r in rows]
    return f"descriptors start {v[0]}, max {max(v)}, end {v[-1]}"
from datetime import datetime
def kinds(path):
    out, gap_s = {}, 0.0
    for line in open(path):
        try:
            r = json.loads(line)
        except ValueError:
            r = {"type": "not JSON"}
        t = r.get("type", "?")
        out[t] = out.get(t, 0) + 1
        if t == "gap":
            span = datetime.fromisoformat(r["to"]) - datetime.fromisoformat(r["from"])
            gap_s += span.total_seconds()
    return out, gap_s
types, gap_s = kinds(f"{work}/tail.jsonl")
hook_types, _ = kinds(f"{work}/hooks.jsonl")
try:
    trig = json.load(open(f"{work}/trigger.json"))
    trig_text = ", ".join(f"{k} {trig[k]}" for k in ("accepted", "rejected", "unknown", "invalid") if k in trig)
except (OSError, ValueError):
    trig_text = open(f"{work}/trigger.err").read().strip()[-300:]
print(f"samples: {len(rows)} (one a second)")
print(f"tail (100 channels): {mem('tail_rss_kib')}; {fds('tail_fds')}")
print(f"  records: {dict(sorted(types.items()))}")
print(f"  server restarts: {restarts}; gap records: {types.get('gap', 0)}, {gap_s:.1f} s in all "
      f"(at {sys.argv[3]} events/s, about {gap_s * float(sys.argv[3]):.0f} events fall in gaps)")
print(f"  trigger --batch - (the stream): {trig_text}")
print(f"webhook listen --forward (200 ms endpoint): {mem('hook_rss_kib')}; {fds('hook_fds')}")
print(f"  records: {dict(sorted(hook_types.items()))}")
print(f"  sender: {open(f'{work}/sender.log').read().strip()}")
PY
