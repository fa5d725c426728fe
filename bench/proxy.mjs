// A tiny round-robin HTTP proxy for the scale-out benchmark: each request goes to the next
// upstream app process in turn, over kept-alive connections.
// Usage: node bench/proxy.mjs PORT http://127.0.0.1:A http://127.0.0.1:B ...
import http from "node:http";

const [port, ...upstreams] = process.argv.slice(2);
const targets = upstreams.map((u) => new URL(u));
// Idle sockets are dropped after 4 s, before the app's own 5 s keep-alive timeout closes them
// under a request (which the proxy would have to answer with a 502).
const agent = new http.Agent({ keepAlive: true, maxSockets: 256, timeout: 4_000 });
let turn = 0;

const server = http.createServer((req, res) => {
  const target = targets[turn++ % targets.length];
  const upstream = http.request(
    { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host }, agent },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on("error", (e) => {
    process.stderr.write(`proxy: ${req.method} ${req.url} to ${target.host}: ${e.message}\n`);
    if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
    res.end(`proxy: ${e.message}`);
  });
  req.pipe(upstream);
});
server.keepAliveTimeout = 60_000;
server.listen(Number(port), "127.0.0.1", () => process.stdout.write("ready\n"));
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.close(() => process.exit(0)));
