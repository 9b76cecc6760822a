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
#   tailjs   `rtctl tail --json > /dev/null` and a pusher-js subscriber in Node
#            (benches/subscriber.js, npm pusher-js installed by tests/pusher-node.sh, each
#            event a JSON line to /dev/null) on one channel at once, receiving the same
#            20,000 events: how many each received, CPU an event over the receive, CPU
#            until subscribed, peak RSS, and the ratios rtctl/pusher-js (three runs)
#   tail100  the same with 20,000 events spread over 100 channels, each subscribed to all
#            100 (`rtctl tail` given 100 channel arguments), and the ratios to tailjs
#   probejs  `rtctl probe --count 500 --interval 10ms` against benches/probe.js, which
#            does what probe does with the official libraries (pusher-js subscribing, npm
#            pusher publishing, on its own clock), one after the other: fan-out and
#            publish percentiles and the ratio of the p50s, whether probe adds latency
#   bench    `rtctl bench` at the issue's load (200 subscribers on 4 channels, 500 events/s
#            for 5 s), then holding 1,000 and 10,000 subscribers (10 events/s for 5 s):
#            deliveries, fan-out p50/p99, rtctl's CPU per delivery and peak RSS (per
#            subscriber too), and sockudo's CPU over the same run
# Prints figures; asserts nothing. Usage: benches/throughput.sh [trigger] [pipe] [tail]
# [doctor] [node] [tailjs] [tail100] [probejs] [bench]; RTCTL_BIN=PATH measures that binary
# instead of building target/release/rtctl.
# (all when none is named). TAIL_CONCURRENCY sets trigger's --concurrency in tail, tailjs
# and tail100 (16); PROBE_ROUNDS the rounds of probejs (2).
set -euo pipefail
cd "$(dirname "$0")/.."

sections=" ${*:-trigger pipe tail doctor node tailjs tail100 probejs bench} "
sockudo="$(tests/sockudo.sh install)"
# RTCTL_BIN measures another build (the release archive's static binary, say).
if [ -n "${RTCTL_BIN:-}" ]; then
  rtctl="$(realpath "$RTCTL_BIN")"
else
  cargo build --release --quiet
  rtctl="${CARGO_TARGET_DIR:-$PWD/target}/release/rtctl"
fi
work="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"

# 10,000 connections (the bench section) need as many descriptors, on both sides.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
env -i PATH="$PATH" HOME="$work" HOST=127.0.0.1 PORT="$port" METRICS_ENABLED=false RUST_LOG=error \
  RATE_LIMITER_ENABLED=false SOCKUDO_DEFAULT_APP_MAX_CONNECTIONS=100000 SOCKUDO_DEFAULT_APP_ID=bench SOCKUDO_DEFAULT_APP_KEY=bench-key \
  SOCKUDO_DEFAULT_APP_SECRET=bench-secret "$sockudo" >"$work/sockudo.log" 2>&1 &
server=$!
trap '{ kill -INT $server; wait $server; } 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done

export RTCTL_APP_ID=bench RTCTL_KEY=bench-key RTCTL_SECRET=bench-secret RTCTL_HOST=127.0.0.1 RTCTL_PORT="$port" RTCTL_TLS=false
echo "$("$rtctl" --version), sockudo on 127.0.0.1:$port, $(nproc) cores, $(date -u +%F)"

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

if [[ "$sections" == *" tailjs "* || "$sections" == *" tail100 "* ]]; then
  # `rtctl tail --json > /dev/null` and benches/subscriber.js (pusher-js in Node, each
  # event a JSON line to /dev/null) subscribe at once to the same channels; once both
  # have written their ready files, `rtctl trigger --batch` sends N events. CPU over the
  # receive is each one's total (wait4) less what it had used when it was ready (the
  # sum of its threads' /proc/<pid>/task/*/schedstat, in ns); peak RSS from wait4.
  node_lib="$(tests/pusher-node.sh install)"
  python3 - "$rtctl" "$work" "$node_lib" "$port" "${TAIL_CONCURRENCY:-16}" "$sections" <<'PY'
import json, os, statistics, subprocess, sys, threading, time

rtctl, work, node_lib, port, concurrency, sections = sys.argv[1:]
N, RUNS = 20_000, 3
RSS_UNIT = 1 if sys.platform == "darwin" else 1024
runs = 0


def cpu_ns(pid):
    """CPU time (user+sys) of every thread of pid so far, in ns."""
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/schedstat") as f:
                total += int(f.read().split()[0])
        except OSError:
            pass
    return total


def waited(proc, into):
    _, status, ru = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    into["ru"] = ru


def run(channels, batch):
    """One run: both subscribers, then the batch. Figures for each, or None."""
    global runs
    runs += 1
    ready = {"rtctl": f"{work}/ready-rtctl-{runs}", "pusher-js": f"{work}/ready-js-{runs}"}
    err = {name: open(f"{work}/{name}.err", "w+") for name in ready}
    procs = {
        "rtctl": subprocess.Popen(
            [rtctl, "tail", *channels, "--json", "--count", str(N), "--duration", "60s",
             "--ready-file", ready["rtctl"]],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err["rtctl"]),
        "pusher-js": subprocess.Popen(
            ["node", "benches/subscriber.js", node_lib, port, "bench-key", str(N),
             ready["pusher-js"], *channels],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err["pusher-js"]),
    }
    deadline = time.monotonic() + 30
    while not all(os.path.exists(r) for r in ready.values()):
        if time.monotonic() > deadline or any(p.poll() is not None for p in procs.values()):
            for name, p in procs.items():
                p.kill()
                p.wait()
                err[name].seek(0)
                print(f"  {name} did not get ready: {err[name].read().strip()[-300:]}")
            return None
        time.sleep(0.01)
    at_ready = {name: cpu_ns(p.pid) for name, p in procs.items()}
    ends = {name: {} for name in procs}
    waiters = [threading.Thread(target=waited, args=(p, ends[name])) for name, p in procs.items()]
    for w in waiters:
        w.start()
    sent = subprocess.run([rtctl, "trigger", "--batch", batch, "--json", "--concurrency",
                           concurrency], stdin=subprocess.DEVNULL, capture_output=True)
    for w in waiters:
        w.join()
    try:
        accepted = json.loads(sent.stdout)["accepted"]
    except (ValueError, KeyError):
        accepted = "?"
    figures = {"accepted": accepted}
    for name, p in procs.items():
        ru = ends[name]["ru"]
        total = ru.ru_utime + ru.ru_stime
        err[name].seek(0)
        text = err[name].read()
        if name == "rtctl":
            # tail exits 0 only once --count events were shown, 124 when --duration ran out.
            received = f"{N:,}" if p.returncode == 0 else f"fewer (exit {p.returncode})"
        else:
            received = f"{int(text.split()[-1]):,}" if text.split() else "?"
            if p.returncode != 0:
                received += f" (exit {p.returncode})"
        figures[name] = {
            "received": received,
            "ok": p.returncode == 0,
            "startup_ms": at_ready[name] / 1e6,
            "cpu_us": (total - at_ready[name] / 1e9) / N * 1e6,
            "rss": ru.ru_maxrss * RSS_UNIT / 2**20,
        }
    return figures


def events_file(name, channels):
    path = f"{work}/{name}.jsonl"
    with open(path, "w") as f:
        for i in range(N):
            f.write(json.dumps({"channel": channels[i % len(channels)], "name": "tick",
                                "data": {"n": i, "message": "x" * 100}}) + "\n")
    return path


def section(title, channels, batch):
    print(title)
    print(f"  {'run':<4}{'subscriber':<20}{'received':>10}{'CPU/event':>12}"
          f"{'start-up CPU':>14}{'peak RSS':>11}")
    kept = []
    for i in range(1, RUNS + 1):
        f = run(channels, batch)
        if f is None:
            continue
        for name, label in (("rtctl", "rtctl tail --json"), ("pusher-js", "pusher-js (Node)")):
            g = f[name]
            print(f"  {i:<4}{label:<20}{g['received']:>10}{g['cpu_us']:>9.2f} µs"
                  f"{g['startup_ms']:>11.0f} ms{g['rss']:>7.1f} MiB")
        r, j = f["rtctl"], f["pusher-js"]
        print(f"      ratio rtctl/pusher-js: CPU per event {r['cpu_us'] / j['cpu_us']:.2f}×, "
              f"peak RSS {r['rss'] / j['rss']:.2f}× (trigger accepted {f['accepted']:,})")
        if r["ok"] and j["ok"]:
            kept.append(f)
    if not kept:
        return None
    med = {name: {k: statistics.median(f[name][k] for f in kept) for k in ("cpu_us", "rss")}
           for name in ("rtctl", "pusher-js")}
    print(f"  median of {len(kept)} complete runs: rtctl {med['rtctl']['cpu_us']:.2f} µs/event, "
          f"{med['rtctl']['rss']:.1f} MiB; pusher-js {med['pusher-js']['cpu_us']:.2f} µs/event, "
          f"{med['pusher-js']['rss']:.1f} MiB; rtctl/pusher-js CPU "
          f"{med['rtctl']['cpu_us'] / med['pusher-js']['cpu_us']:.2f}×, RSS "
          f"{med['rtctl']['rss'] / med['pusher-js']['rss']:.2f}×")
    return med


one = None
if " tailjs " in sections:
    one = section(f"tailjs: {N:,} events of ~170 B on one channel, rtctl tail and pusher-js "
                  f"subscribed at once, trigger --batch --concurrency {concurrency}",
                  ["tailjs"], events_file("tailjs", ["tailjs"]))
if " tail100 " in sections:
    channels = [f"tail100-{i}" for i in range(100)]
    many = section(f"tail100: {N:,} events of ~170 B spread over 100 channels (200 each), "
                   f"rtctl tail with 100 channel arguments and pusher-js subscribed at once",
                   channels, events_file("tail100", channels))
    if one and many:
        print(f"  100 channels against one (tailjs, same run): rtctl CPU per event "
              f"{many['rtctl']['cpu_us'] / one['rtctl']['cpu_us']:.2f}×, peak RSS "
              f"{many['rtctl']['rss'] / one['rtctl']['rss']:.2f}×; pusher-js "
              f"{many['pusher-js']['cpu_us'] / one['pusher-js']['cpu_us']:.2f}× and "
              f"{many['pusher-js']['rss'] / one['pusher-js']['rss']:.2f}×")
PY
fi

if [[ "$sections" == *" probejs "* ]]; then
  # `rtctl probe probe-bench --count 500 --interval 10ms --json`, then benches/probe.js,
  # which does what probe does with the official libraries (pusher-js subscribing, npm
  # pusher publishing over a keep-alive agent, the same schedule, on its own clock), one
  # after the other (each first in every other round) against the same server,
  # PROBE_ROUNDS times (2). The ratio of their
  # fan-out p50s says whether rtctl's measuring adds latency of its own.
  node_lib="$(tests/pusher-node.sh install)"
  python3 - "$rtctl" "$node_lib" "$port" "${PROBE_ROUNDS:-2}" <<'PY'
import json, subprocess, sys

rtctl, node_lib, port, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
COUNT, INTERVAL_MS, CHANNEL = 500, 10, "probe-bench"


def measured(argv):
    p = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    try:
        doc = json.loads(p.stdout)
    except ValueError:
        sys.exit(f"{argv[0]} {argv[1]} failed (exit {p.returncode}): {p.stderr.strip()[-300:]}")
    lat = doc["latency_ms"]
    return doc["sent"], doc["received"], lat["fan_out"], lat["publish"]


def line(label, m):
    sent, received, fan, pub = m
    fmt = lambda p: "  ".join(f"{p[k]:6.2f}" for k in ("p50", "p90", "p99", "max"))
    print(f"  {label:<18}{received:>4}/{sent:<4} fan-out {fmt(fan)}   publish {fmt(pub)}")


print(f"probejs: {COUNT} events one every {INTERVAL_MS} ms on {CHANNEL}, rtctl probe and "
      f"benches/probe.js (pusher-js + npm pusher) one after the other, {rounds} rounds; "
      f"ms: p50 p90 p99 max")
rtctl_probe = [rtctl, "probe", CHANNEL, "--count", str(COUNT), "--interval", f"{INTERVAL_MS}ms",
               "--json"]
node_probe = ["node", "benches/probe.js", node_lib, port, "bench", "bench-key", "bench-secret",
              str(COUNT), str(INTERVAL_MS), CHANNEL]
for i in range(1, rounds + 1):
    # Each goes first in every other round.
    if i % 2:
        r, j = measured(rtctl_probe), measured(node_probe)
    else:
        j, r = measured(node_probe), measured(rtctl_probe)
    line(f"{i} rtctl probe", r)
    line(f"{i} pusher-js/pusher", j)
    print(f"    ratio rtctl/official: fan-out p50 {r[2]['p50'] / j[2]['p50']:.2f}×, "
          f"p99 {r[2]['p99'] / j[2]['p99']:.2f}×; publish p50 {r[3]['p50'] / j[3]['p50']:.2f}×")
PY
fi

if [[ "$sections" == *" bench "* ]]; then
  python3 - "$rtctl" "$server" <<'PY'
import json, os, subprocess, sys

rtctl, server = sys.argv[1], sys.argv[2]
tick = os.sysconf("SC_CLK_TCK")


def server_cpu():
    with open(f"/proc/{server}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / tick


print("bench: rtctl bench against the same sockudo (its app's connection limit raised)")
for subscribers, channels, rate in [(200, 4, 500), (1000, 10, 10), (10000, 10, 10)]:
    before = server_cpu()
    p = subprocess.run([rtctl, "bench", "--subscribers", str(subscribers), "--channels",
                        str(channels), "--rate", f"{rate}/s", "--duration", "5s", "--json"],
                       capture_output=True, text=True)
    spent = server_cpu() - before
    try:
        doc = json.loads(p.stdout)
    except ValueError:
        sys.exit(f"rtctl bench {subscribers} failed (exit {p.returncode}): {p.stderr.strip()[-300:]}")
    r, f = doc["results"], doc["figures"]
    c, d, own = r["connections"], r["deliveries"], r["rtctl"]
    fan = f["latency_ms"]["fan_out"] or {"p50": float("nan"), "p99": float("nan")}
    per = f["rtctl_cpu_us_per_delivery"] or float("nan")
    rss = own["peak_rss_mib"]
    print(f"  {subscribers:>6} subscribers, {channels} channels, {rate} events/s for 5 s: "
          f"{c['subscribed']}/{c['attempted']} subscribed, {d['delivered']:,}/{d['expected']:,} "
          f"delivered (exit {p.returncode}); fan-out p50 {fan['p50']:.2f} ms, p99 {fan['p99']:.2f} ms")
    print(f"         rtctl {own['cpu_s']:.2f} s CPU ({per:.1f} µs a delivery), peak RSS {rss:.0f} MiB "
          f"({rss * 1024 / subscribers:.1f} KiB a subscriber); sockudo {spent:.2f} s CPU "
          f"(rtctl/sockudo {own['cpu_s'] / spent if spent else float('nan'):.2f}×)")
PY
fi
