// What `rtctl probe` does, done with the official libraries, for benches/throughput.sh
// to compare with it: a pusher-js client (its Node build) subscribes to CHANNEL; once
// the subscription is confirmed, the server library (npm pusher, over a keep-alive
// agent as rtctl keeps its connection) publishes COUNT events named `rtctl-probe` with
// data {"probe": RUN, "seq": N}, one every INTERVAL_MS on a fixed schedule, without
// waiting for answers. Each is timed on this process's one clock: publish (request sent
// → accepted) and fan-out (request sent → event received). After the last send it
// waits up to 2 s for what is still on its way, then prints one JSON document with
// nearest-rank percentiles in milliseconds, as `rtctl probe --json` does.
//
//   node benches/probe.js NODE_MODULES PORT APP_ID KEY SECRET COUNT INTERVAL_MS CHANNEL
"use strict";
const crypto = require("crypto");
const http = require("http");
const path = require("path");

const [modules, port, appId, key, secret, count, intervalMs, name] = process.argv.slice(2);
const Client = require(path.join(modules, "pusher-js"));
const Server = require(path.join(modules, "pusher"));
const N = Number(count);
const INTERVAL = BigInt(Math.round(Number(intervalMs) * 1e6));
const GRACE_MS = 2000;
const run = crypto.randomBytes(6).toString("hex");
const now = () => process.hrtime.bigint();

const server = new Server({
  appId, key, secret, host: "127.0.0.1", port, useTLS: false,
  agent: new http.Agent({ keepAlive: true }),
});
const client = new Client(key, {
  cluster: "local", wsHost: "127.0.0.1", wsPort: Number(port), forceTLS: false,
  enabledTransports: ["ws"],
});

const sentAt = [];
const publish = [];
const fanOut = [];
let accepted = 0;
let failed = 0;
let received = 0;
let answered = 0;

function percentiles(ns) {
  const ms = ns.filter((v) => v !== undefined).map((v) => Number(v) / 1e6).sort((a, b) => a - b);
  if (ms.length === 0) return null;
  const rank = (p) => ms[Math.max(0, Math.ceil((p / 100) * ms.length) - 1)];
  return { min: ms[0], p50: rank(50), p90: rank(90), p99: rank(99), max: ms[ms.length - 1] };
}

let done = false;
function finish() {
  if (done) return;
  done = true;
  process.stdout.write(JSON.stringify({
    sent: sentAt.length, accepted, publish_failed: failed, received,
    latency_ms: { publish: percentiles(publish), fan_out: percentiles(fanOut) },
  }) + "\n");
  process.exit(0);
}

function maybeDone() {
  if (sentAt.length === N && answered === N && received >= accepted) finish();
}

function send(seq) {
  sentAt[seq] = now();
  server.trigger(name, "rtctl-probe", { probe: run, seq }).then(
    () => {
      answered++;
      accepted++;
      publish[seq] = now() - sentAt[seq];
      maybeDone();
    },
    () => {
      answered++;
      failed++;
      maybeDone();
    },
  );
}

function start() {
  if (sentAt.length > 0) return; // subscribed again after a reconnect
  const t0 = now();
  let seq = 0;
  const tick = () => {
    send(seq++);
    if (seq < N) {
      setTimeout(tick, Math.max(0, Number(t0 + BigInt(seq) * INTERVAL - now()) / 1e6));
    } else {
      setTimeout(finish, GRACE_MS);
    }
  };
  tick();
}

const channel = client.subscribe(name);
channel.bind("pusher:subscription_succeeded", start);
channel.bind("rtctl-probe", (data) => {
  const at = now();
  if (data.probe !== run || sentAt[data.seq] === undefined || fanOut[data.seq] !== undefined) return;
  fanOut[data.seq] = at - sentAt[data.seq];
  received++;
  maybeDone();
});
