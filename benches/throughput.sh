#!/usr/bin/env bash
# End-to-end figures against a local sockudo (rate limiter off), on its own free port:
#   trigger  events per second for a 10,000-event --batch, and the wall time of one
#            `rtctl trigger` (process start-up, config, signing, one request) over 20 runs
#   pipe     `trigger --batch -` fed 10,000 and then 100,000 lines through a pipe as they
#            are generated (never a file), with rtctl's peak RSS for each: the input is
#            read once and streamed, so memory stays flat
#   tail     events per second `rtctl tail` sustains while `trigger --batch` blasts N
#            events at its channel (--json to /dev/null and to a file, human lines, and a
#            stdout that stalls), with tail's peak RSS for N=20,000 and N=100,000
#   doctor   the wall time and CPU of a whole `rtctl doctor` run (every check, its
#            network steps side by side) over 20 runs
#   node     side by side with the official Node library (npm pusher, installed by
#            tests/pusher-node.sh): a 10,000-event batch at the same concurrency (events/s,
#            the client's CPU per event, sockudo's CPU per event for the same work), and
#            one-shot start-up (`rtctl --version`, `rtctl auth sign` against the library's
#            `authorizeChannel` in a fresh `node`)
# Prints figures; asserts nothing. Usage: benches/throughput.sh [trigger] [pipe] [tail]
# [doctor] [node]
# (all when none is named). TAIL_CONCURRENCY sets trigger's --concurrency there (16).
set -euo pipefail
cd "$(dirname "$0")/.."

sections=" ${*:-trigger pipe tail doctor node} "
sockudo="$(tests/sockudo.sh install)"
cargo build --release --quiet
rtctl="${CARGO_TARGET_DIR:-$PWD/target}/release/rtctl"
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
echo "rtctl $("$rtctl" --version | cut -d' ' -f2), sockudo on 127.0.0.1:$port, $(nproc) cores, $(date -u +%F)"

if [[ "$sections" == *" trigger "* ]]; then
  python3 - "$work/events.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(10000):
        f.write(json.dumps({"channel": f"bench-{i % 50}", "name": "tick",
                            "data": {"n": i, "message": "x" * 100}}) + "\n")
PY
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
fi

if [[ "$sections" == *" pipe "* ]]; then
  # Lines of ~150 B are written to rtctl's stdin as they are made, in chunks of 1,000,
  # while it sends them; peak RSS and CPU come from wait4(2).
  python3 - "$rtctl" <<'PY'
import json, os, subprocess, sys, threading, time

rtctl = sys.argv[1]
RSS_UNIT = 1 if sys.platform == "darwin" else 1024


def run(n):
    p = subprocess.Popen([rtctl, "trigger", "--batch", "-", "--json", "--concurrency", "8"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL)

    def feed():
        for start in range(0, n, 1000):
            chunk = "".join(json.dumps({"channel": f"pipe-{i % 50}", "name": "tick",
                                        "data": {"n": i, "message": "x" * 80}}) + "\n"
                            for i in range(start, min(start + 1000, n)))
            p.stdin.write(chunk.encode())
        p.stdin.close()

    t0 = time.perf_counter()
    writer = threading.Thread(target=feed)
    writer.start()
    out = p.stdout.read()
    _, status, ru = os.wait4(p.pid, 0)
    t1 = time.perf_counter()
    writer.join()
    try:
        s = json.loads(out)
    except ValueError:
        print(f"--batch - from a pipe, {n:,} lines: exit {os.waitstatus_to_exitcode(status)}, no summary")
        return
    print(f"--batch - from a pipe, {n:,} lines: {s['lines']:,} read, {s['accepted']:,} accepted "
          f"in {s['requests']:,} requests, {n / (t1 - t0):,.0f} events/s ({t1 - t0:.2f} s); "
          f"peak RSS {ru.ru_maxrss * RSS_UNIT / 2**20:.1f} MiB, CPU {ru.ru_utime + ru.ru_stime:.2f} s")


run(10_000)
run(100_000)
PY
fi

if [[ "$sections" == *" tail "* ]]; then
  # Each run: start `rtctl tail tail-bench --count N --ready-file F`, wait for F, then
  # `rtctl trigger --batch` N events (10 a request) at the channel; the rate is N over the
  # time from starting trigger to tail's exit. Peak RSS and CPU come from wait4(2) (the
  # same figures /usr/bin/time -v prints), sockudo's CPU from /proc.
  python3 - "$rtctl" "$work" "$server" "${TAIL_CONCURRENCY:-16}" <<'PY'
import json, os, subprocess, sys, threading, time

rtctl, work, server, concurrency = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
CHANNEL = "tail-bench"
TICK = os.sysconf("SC_CLK_TCK")
# ru_maxrss is KiB on Linux and bytes on macOS.
RSS_UNIT = 1 if sys.platform == "darwin" else 1024
runs = 0


def events_file(n):
    path = f"{work}/tail-{n}.jsonl"
    if not os.path.exists(path):
        with open(path, "w") as f:
            for i in range(n):
                f.write(json.dumps({"channel": CHANNEL, "name": "tick",
                                    "data": {"n": i, "message": "x" * 100}}) + "\n")
    return path


def sockudo_cpu():
    try:
        with open(f"/proc/{server}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICK
    except OSError:
        return None


def sockudo_peak_rss():
    try:
        with open(f"/proc/{server}/status") as f:
            kib = next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
        return f"{kib / 1024:.0f} MiB"
    except (OSError, StopIteration):
        return "unknown"


def cpu(ru):
    return ru.ru_utime + ru.ru_stime


def run(label, n, json_mode=True, sink="null"):
    """sink: "null", "file", or "stall": a pipe nobody reads until trigger has sent
    every event (tail blocks on stdout, the backlog waits in the kernel's socket
    buffers and sockudo), then read as fast as possible; the rate is then how fast
    tail works off a backlog with nothing else running. Keep N for "stall" at about
    20,000: sockudo 5.2 queues at most 1,000 messages a connection once the socket
    buffers are full (WEBSOCKET_MAX_MESSAGES) and drops the rest, without closing the
    connection, so a bigger backlog loses events and tail times out."""
    global runs
    runs += 1
    batch = events_file(n)
    ready = f"{work}/ready-{runs}"
    out_path, err_path = f"{work}/tail.out", f"{work}/tail.err"
    cmd = [rtctl, "tail", CHANNEL, "--count", str(n), "--ready-file", ready, "--timeout", "60s"]
    if json_mode:
        cmd.append("--json")
    stdout = {"file": lambda: open(out_path, "w"), "stall": lambda: subprocess.PIPE,
              "null": lambda: subprocess.DEVNULL}[sink]()
    tail = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=stdout,
                            stderr=open(err_path, "w"))
    deadline = time.monotonic() + 30
    while not os.path.exists(ready):
        if tail.poll() is not None or time.monotonic() > deadline:
            print(f"{label}: tail did not get ready: {open(err_path).read().strip()}")
            tail.kill()
            return
        time.sleep(0.01)

    sent = {}
    release = threading.Event()

    def trigger_run():
        p = subprocess.Popen([rtctl, "trigger", "--batch", batch, "--json",
                              "--concurrency", concurrency], stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        out = p.stdout.read()
        _, _, sent["ru"] = os.wait4(p.pid, 0)
        p.returncode = 0
        sent["at"] = time.perf_counter()
        try:
            sent["summary"] = json.loads(out)
        except ValueError:
            sent["summary"] = {}
        if sink == "stall":
            time.sleep(0.2)
            sent["released"] = time.perf_counter()
        release.set()

    def drain():
        release.wait()
        while tail.stdout.read(1 << 16):
            pass

    if sink == "stall":
        threading.Thread(target=drain, daemon=True).start()
    s0 = sockudo_cpu()
    t0 = time.perf_counter()
    sender = threading.Thread(target=trigger_run)
    sender.start()
    _, status, tail_ru = os.wait4(tail.pid, 0)
    t1 = time.perf_counter()
    tail.returncode = os.waitstatus_to_exitcode(status)
    sender.join()
    s1 = sockudo_cpu()
    summary = sent["summary"]
    send_rate = (f"trigger sent {summary['accepted']:,} at {summary['events_per_second']:,.0f}/s"
                 if "accepted" in summary else "trigger's summary unreadable")
    if tail.returncode != 0:
        why = [line for line in open(err_path) if line.startswith("rtctl: error:")]
        print(f"{label}, N={n:,}: tail exited {tail.returncode} after {t1 - t0:.2f} s: "
              f"{why[-1].strip() if why else '?'} ({send_rate})")
        return
    if sink == "stall":
        drained = t1 - sent["released"]
        rate = f"backlog read at {n / drained:,.0f} events/s ({drained:.2f} s)"
    else:
        rate = (f"{n / (t1 - t0):,.0f} events/s ({t1 - t0:.2f} s), "
                f"done {(t1 - sent['at']) * 1000:+.0f} ms from trigger's exit")
    extra = ""
    if sink == "file":
        with open(out_path) as f:
            events = sum(1 for line in f if line.startswith('{"type":"event"'))
        extra = f"; {events:,} event lines, {os.path.getsize(out_path) / 1e6:.1f} MB written"
    sock = f", sockudo {s1 - s0:.2f}" if s0 is not None and s1 is not None else ""
    print(f"{label}, N={n:,}: {rate}; tail peak RSS "
          f"{tail_ru.ru_maxrss * RSS_UNIT / 2**20:.1f} MiB\n"
          f"    CPU s: tail {cpu(tail_ru):.2f} ({cpu(tail_ru) / n * 1e6:.1f} µs/event), "
          f"trigger {cpu(sent['ru']):.2f}{sock}; {send_rate}{extra}")


print(f"tail: one channel, events of ~170 B, trigger --batch --concurrency {concurrency}")
run("tail --json > /dev/null", 20_000)
run("tail --json > file", 20_000, sink="file")
run("tail (human lines) > /dev/null", 20_000, json_mode=False)
run("tail --json, stdout stalled until all were sent", 20_000, sink="stall")
run("tail --json > /dev/null", 100_000)
print(f"sockudo peak RSS over all runs: {sockudo_peak_rss()}")
PY
fi

if [[ "$sections" == *" doctor "* ]]; then
  python3 - "$rtctl" <<'PY'
import os, statistics, subprocess, sys, time

rtctl = sys.argv[1]
walls, cpus = [], []
for _ in range(20):
    start = time.perf_counter()
    p = subprocess.Popen([rtctl, "doctor", "--json"], stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    walls.append((time.perf_counter() - start) * 1000)
    cpus.append((ru.ru_utime + ru.ru_stime) * 1000)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"rtctl doctor failed against the bench server (exit {status >> 8})")
walls.sort()
print(f"one doctor run (every check), 20 runs: median {statistics.median(walls):.1f} ms, "
      f"max {walls[-1]:.1f} ms; CPU median {statistics.median(cpus):.1f} ms")
PY
fi

if [[ "$sections" == *" node "* ]]; then
  node_lib="$(tests/pusher-node.sh install)"
  python3 - "$rtctl" "$node_lib" "$server" "$port" <<'PY'
import json, os, statistics, subprocess, sys, time

rtctl, node_lib, sockudo_pid, port = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
N, CONCURRENCY = 10_000, 8
TICK = os.sysconf("SC_CLK_TCK")


def sockudo_cpu():
    with open(f"/proc/{sockudo_pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def rusage_of(argv, stdin=None):
    """Run argv (stdin fed whole): wall seconds, its CPU seconds, sockudo's CPU seconds
    meanwhile, and its stdout."""
    before = sockudo_cpu()
    start = time.perf_counter()
    p = subprocess.Popen(argv, stdin=subprocess.PIPE if stdin is not None else None,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    if stdin is not None:
        p.stdin.write(stdin)
        p.stdin.close()
    out = p.stdout.read()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{argv[0]} failed (exit {os.waitstatus_to_exitcode(status)})")
    return wall, ru.ru_utime + ru.ru_stime, sockudo_cpu() - before, out


lines = "".join(json.dumps({"channel": f"bench-{i % 50}", "name": "tick",
                            "data": {"n": i, "message": "x" * 100}}) + "\n"
                for i in range(N)).encode()
node_batch = f"""
const Pusher = require({json.dumps(node_lib + "/pusher")});
const p = new Pusher({{ appId: "bench", key: "bench-key", secret: "bench-secret",
  host: "127.0.0.1", port: {port}, useTLS: false }});
const N = {N}, C = {CONCURRENCY}, batches = N / 10;
let next = 0, failed = 0;
async function worker() {{
  while (next < batches) {{
    const b = next++;
    const events = [];
    for (let i = b * 10; i < b * 10 + 10; i++)
      events.push({{ channel: "bench-" + (i % 50), name: "tick",
        data: JSON.stringify({{ n: i, message: "x".repeat(100) }}) }});
    const r = await p.triggerBatch(events);
    if (r.status !== 200) failed++;
  }}
}}
Promise.all(Array.from({{ length: C }}, worker)).then(() => {{
  if (failed) {{ console.error(failed + " batches failed"); process.exit(1); }}
}});
"""

runs = {"rtctl": [], "node": []}
for _ in range(3):
    runs["rtctl"].append(rusage_of([rtctl, "trigger", "--batch", "-", "--concurrency",
                                    str(CONCURRENCY), "--json"], lines))
    runs["node"].append(rusage_of(["node", "-e", node_batch]))


def summary(name):
    r = sorted(runs[name], key=lambda x: x[0])[1]  # the median of three by wall time
    wall, cpu, server_cpu, _ = r
    return N / wall, cpu / N * 1e6, server_cpu / N * 1e6


r_rate, r_cpu, r_srv = summary("rtctl")
n_rate, n_cpu, n_srv = summary("node")
print(f"batch of {N:,} events, concurrency {CONCURRENCY}, median of 3 runs each:")
print(f"  rtctl   {r_rate:8.0f} events/s; CPU per event: rtctl {r_cpu:.1f} µs, sockudo {r_srv:.1f} µs")
print(f"  node    {n_rate:8.0f} events/s; CPU per event: node  {n_cpu:.1f} µs, sockudo {n_srv:.1f} µs")
print(f"  ratios: rtctl {r_rate / n_rate:.1f}× the Node library's events/s; "
      f"rtctl's CPU an event is {r_cpu / n_cpu:.2f}× Node's and {r_cpu / r_srv:.2f}× sockudo's")


def startup(argv, n=20):
    walls = []
    for _ in range(n):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        walls.append((time.perf_counter() - start) * 1000)
    return statistics.median(walls)


node_auth = (f"const P = require({json.dumps(node_lib + '/pusher')});"
             "const p = new P({appId:'bench',key:'bench-key',secret:'bench-secret',cluster:'mt1'});"
             "console.log(JSON.stringify(p.authorizeChannel('123.456','private-x')));")
v = startup([rtctl, "--version"])
a = startup([rtctl, "auth", "sign", "private-x", "--socket-id", "123.456"])
n = startup(["node", "-e", node_auth])
print(f"start-up, median of 20: rtctl --version {v:.1f} ms, rtctl auth sign {a:.1f} ms, "
      f"node authorizeChannel {n:.1f} ms ({n / a:.1f}× rtctl auth sign)")
PY
fi
