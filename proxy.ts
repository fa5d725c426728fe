import { NextResponse, type NextRequest } from "next/server";
import { AppError, toErrorResponse } from "@/lib/errors";
import { matchRoute, type RouteEntry } from "@/lib/http/route-table";

// Every page and API answer carries a Content-Security-Policy with a fresh script nonce (no
// unsafe-eval, no inline scripts but Next's own, which carry the nonce), and no framing.
// Before that, what Next.js would answer badly is answered here:
//   - a path whose percent-encoding does not decode (`%FF`, `%C0%AF`, `%ED%A0%80`): 400, where
//     Next.js would fail with a 500 decoding the route's parameters;
//   - under /api/: a path no route serves gets the API's JSON 404, a method its route does not
//     export the JSON 405 with `Allow` (Next.js sends its HTML 404 page and an empty 405).
// TRACE never reaches this far: lib/http/refuse-methods.ts answers it (see instrumentation.ts).

const API_ROUTES: RouteEntry[] = JSON.parse(process.env.SANAD_API_ROUTES || "[]");
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** The answer the proxy gives itself, or null to let the request through. */
function refusal(request: NextRequest, isApi: boolean): Response | null {
  const { pathname } = request.nextUrl;
  if (!decodes(pathname)) {
    const message = "The path is not valid percent-encoded UTF-8.";
    return isApi
      ? toErrorResponse(new AppError("invalid_input", message, { fields: { path: "is not valid percent-encoded UTF-8" } }))
      : new Response(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  if (!isApi) return null;
  const route = matchRoute(API_ROUTES, pathname);
  if (!route) return toErrorResponse(new AppError("not_found", `No API route at ${pathname}.`));
  if (!route.methods.includes(request.method)) {
    const allow = route.methods.join(", ");
    return toErrorResponse(new AppError("method_not_allowed", `${request.method} is not allowed on ${route.route}; allowed: ${allow}.`, { headers: { Allow: allow } }));
  }
  return null;
}

export function proxy(request: NextRequest) {
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const isApi = request.nextUrl.pathname === "/api" || request.nextUrl.pathname.startsWith("/api/");
  const csp = isApi
    ? API_CSP
    : [
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
  const refused = refusal(request, isApi);
  if (refused) {
    // A refusal has no page to run scripts in: the API's policy fits it.
    refused.headers.set("Content-Security-Policy", API_CSP);
    return refused;
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
