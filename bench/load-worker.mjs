// The load generator, run as its own process (never inside the app's): autocannon with N
// connections, each sending one request at a time. Reads its plan as JSON on stdin;
// prints one JSON line with exact latency percentiles taken from every response.
//
// plan: { url, connections, amount, method, overallRate?, requests: [{ path, token, body? }] }
// overallRate paces all connections together (requests per second); without it each connection
// sends its next request as soon as the answer to the last one arrives.
// Requests are handed out round-robin across all connections, so tokens and spans vary.
import autocannon from "autocannon";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const plan = JSON.parse(input);
let next = 0;
const latencies = [];
const statuses = {};

const instance = autocannon({
  url: plan.url,
  connections: plan.connections,
  amount: plan.amount,
  ...(plan.overallRate ? { overallRate: plan.overallRate } : {}),
  timeout: 30,
  requests: [
    {
      method: plan.method,
      setupRequest(req) {
        const r = plan.requests[next++ % plan.requests.length];
        req.path = r.path;
        req.headers = { ...req.headers, authorization: `Bearer ${r.token}`, "content-type": "application/json" };
        if (r.body !== undefined) req.body = JSON.stringify(r.body);
        return req;
      },
    },
  ],
});

const started = performance.now();
instance.on("response", (_client, statusCode, _bytes, responseTime) => {
  latencies.push(responseTime);
  statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
});

instance.on("done", (result) => {
  const elapsed = (performance.now() - started) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  const pct = (p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  const ok = Object.entries(statuses).filter(([s]) => s.startsWith("2")).reduce((n, [, c]) => n + c, 0);
  process.stdout.write(
    JSON.stringify({
      responses: latencies.length,
      ok,
      statuses,
      errors: result.errors,
      timeouts: result.timeouts,
      seconds: elapsed,
      reqPerS: ok / elapsed,
      p50Ms: pct(50),
      p95Ms: pct(95),
      p99Ms: pct(99),
      maxMs: sorted[sorted.length - 1],
    }) + "\n",
  );
});
