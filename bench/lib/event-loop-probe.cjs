// Preloaded into the app by the hostile-article benchmark (NODE_OPTIONS=--require): every 250 ms
// the main thread's worst event-loop delay in that window goes to /tmp/sanad-eld-<pid>.jsonl, so
// the benchmark can tell the app holding its event loop from the machine being busy.
const { isMainThread } = require("node:worker_threads");
if (isMainThread) {
  const { monitorEventLoopDelay } = require("node:perf_hooks");
  const fs = require("node:fs");
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const file = `/tmp/sanad-eld-${process.pid}.jsonl`;
  setInterval(() => {
    fs.appendFileSync(file, JSON.stringify({ t: Date.now(), maxMs: histogram.max / 1e6 }) + "\n");
    histogram.reset();
  }, 250).unref();
}
