import { NextResponse, type NextRequest } from "next/server";
import { decodes } from "@/lib/http/api-refusal";
import { API_CSP } from "@/lib/http/security-headers";

// Every page carries a Content-Security-Policy with a fresh script nonce (no unsafe-eval, no
// inline scripts but Next's own, which carry the nonce), and no framing. A page path whose
// percent-encoding does not decode (`%FF`, `%C0%AF`) is answered 400 here, where Next.js would
// fail with a 500 decoding the route's parameters.
// API requests do not come here (the matcher leaves /api out): their policy is static
// (next.config.ts), and what the proxy answered for them (JSON 400, 404, 405) the HTTP server
// answers before Next.js (lib/http/refuse-methods.ts). Running the proxy cost each API call
// ~0.5-0.8 ms of CPU (docs/benchmarks.md). TRACE is refused there too, on every path.

export function proxy(request: NextRequest) {
  if (!decodes(request.nextUrl.pathname)) {
    // A refusal has no page to run scripts in: the API's policy fits it.
    return new Response("The path is not valid percent-encoded UTF-8.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Content-Security-Policy": API_CSP } });
  }
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    // Inline style attributes (charts, positioning) are needed; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!api(?:/|$)|_next/static|_next/image|favicon.ico).*)" }],
};
