import http from "node:http";

// Methods the fetch standard forbids (TRACE, TRACK): Next.js cannot build a Request for them and
// answered them with a 500 from deep inside its router, before the proxy or any route runs. They
// are refused here, at the HTTP server, with a 405 in the API's error shape. Installed once per
// process by instrumentation.ts, which Next.js runs when the server starts.

const FORBIDDEN = new Set(["TRACE", "TRACK", "CONNECT"]);
const installed = Symbol.for("sanad.refuseForbiddenMethods");

// Structural types: only http.Server's prototype is touched (tests/unit/no-ssrf.test.ts).
type Request = { method?: string; resume(): void };
type Response = { writeHead(status: number, headers: Record<string, string | number>): void; end(body: string): void };
type Emitter = { emit(event: string | symbol, ...args: unknown[]): boolean; [installed]?: true };

export function refuseForbiddenMethods() {
  const proto = http.Server.prototype as unknown as Emitter;
  if (proto[installed]) return;
  proto[installed] = true;
  const emit = proto.emit;
  proto.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [req, res] = args as [Request, Response];
      if (FORBIDDEN.has((req.method ?? "").toUpperCase())) {
        const body = JSON.stringify({ error: { code: "method_not_allowed", message: `${req.method} is not supported.` } });
        res.writeHead(405, {
          "Content-Type": "application/json",
          "Content-Length": Buffer.byteLength(body),
          Allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
          "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
          "X-Content-Type-Options": "nosniff",
          "X-Frame-Options": "DENY",
          "Referrer-Policy": "strict-origin-when-cross-origin",
        });
        res.end(body);
        req.resume();
        return true;
      }
    }
    return emit.call(this, event, ...args);
  };
}
