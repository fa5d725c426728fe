import http from "node:http";
import { AppError, toErrorBody } from "@/lib/errors";
import { apiRefusal, isApiPath } from "@/lib/http/api-refusal";
import { API_CSP, STATIC_SECURITY_HEADERS } from "@/lib/http/security-headers";

// Answers given at the HTTP server, before Next.js sees the request. Installed once per process
// by instrumentation.ts, which Next.js runs when the server starts.
// - Methods the fetch standard forbids (TRACE, TRACK): Next.js cannot build a Request for them
//   and answered them with a 500 from deep inside its router, before the proxy or any route ran.
//   Refused with a 405 in the API's error shape, on every path.
// - /api paths that do not decode, that no route serves, or with a method their route lacks:
//   the API's JSON 400, 404 and 405 (lib/http/api-refusal.ts). API requests do not go through
//   proxy.ts (its matcher leaves /api out): this is what the proxy did for them.

const FORBIDDEN = new Set(["TRACE", "TRACK", "CONNECT"]);
const installed = Symbol.for("sanad.refuseForbiddenMethods");

// Structural types: only http.Server's prototype is touched (tests/unit/no-ssrf.test.ts).
type Request = { method?: string; url?: string; resume(): void };
type Response = { writeHead(status: number, headers: Record<string, string | number>): void; end(body: string): void };
type Emitter = { emit(event: string | symbol, ...args: unknown[]): boolean; [installed]?: true };

function refuse(req: Request, res: Response, error: AppError) {
  const body = JSON.stringify(toErrorBody(error));
  res.writeHead(error.status, {
    ...STATIC_SECURITY_HEADERS,
    ...(error.details.headers ?? {}),
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
    "Content-Security-Policy": API_CSP,
  });
  res.end(body);
  req.resume();
}

/** The refusal for a request, or null to let Next.js serve it. */
function refusalOf(req: Request): AppError | null {
  const method = (req.method ?? "").toUpperCase();
  if (FORBIDDEN.has(method)) {
    return new AppError("method_not_allowed", `${req.method} is not supported.`, { headers: { Allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS" } });
  }
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const pathname = q < 0 ? url : url.slice(0, q);
  return isApiPath(pathname) ? apiRefusal(method, pathname) : null;
}

export function refuseForbiddenMethods() {
  const proto = http.Server.prototype as unknown as Emitter;
  if (proto[installed]) return;
  proto[installed] = true;
  const emit = proto.emit;
  proto.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [req, res] = args as [Request, Response];
      const refusal = refusalOf(req);
      if (refusal) {
        refuse(req, res, refusal);
        return true;
      }
    }
    return emit.call(this, event, ...args);
  };
}
