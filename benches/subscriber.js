// A bare subscriber on the official client library (npm pusher-js, its Node build), for
// benches/throughput.sh to run beside `rtctl tail --json`: it subscribes to every
// CHANNEL, writes READY_FILE (the socket id) once all are subscribed, writes each event
// to stdout as a JSON line as tail does, and exits after COUNT events (124 after 60 s
// without them), printing how many arrived on stderr.
//
//   node benches/subscriber.js NODE_MODULES PORT KEY COUNT READY_FILE CHANNEL...
"use strict";
const fs = require("fs");
const path = require("path");

const [modules, port, key, count, readyFile, ...channels] = process.argv.slice(2);
const Pusher = require(path.join(modules, "pusher-js"));
const want = Number(count);
const pusher = new Pusher(key, {
  cluster: "local",
  wsHost: "127.0.0.1",
  wsPort: Number(port),
  forceTLS: false,
  enabledTransports: ["ws"],
});

let subscribed = 0;
let received = 0;
function end(code) {
  process.stderr.write(`${received}\n`);
  process.exit(code);
}
for (const name of channels) {
  const channel = pusher.subscribe(name);
  channel.bind("pusher:subscription_succeeded", () => {
    if (++subscribed === channels.length) {
      fs.writeFileSync(`${readyFile}.tmp`, pusher.connection.socket_id);
      fs.renameSync(`${readyFile}.tmp`, readyFile);
    }
  });
  channel.bind_global((event, data) => {
    if (event.startsWith("pusher:")) return;
    process.stdout.write(JSON.stringify({
      type: "event", time: new Date().toISOString(), channel: name, event, data,
    }) + "\n");
    if (++received === want) end(0);
  });
}
setTimeout(() => end(124), 60_000);
