// What the server answers itself for /api paths, before Next.js routes them (lib/http/refuse-methods.ts):
//   - a path whose percent-encoding does not decode (`%FF`, `%C0%AF`, `%ED%A0%80`): 400, where
//     Next.js would fail with a 500 decoding the route's parameters;
//   - a path no route serves: the API's JSON 404 (Next.js would send its HTML 404 page);
//   - a method its route does not export: the JSON 405 with `Allow` (Next.js: an empty 405).
// Done at the HTTP server rather than in proxy.ts so that API requests skip the proxy: running
// it cost each API call ~0.5-0.8 ms of CPU (docs/benchmarks.md). Pages still go through it.
import { AppError } from "@/lib/errors";
import { matchRoute, type RouteEntry } from "@/lib/http/route-table";

// The API's routes and their methods, read from app/ at build time by next.config.ts.
const API_ROUTES: RouteEntry[] = JSON.parse(process.env.SANAD_API_ROUTES || "[]");

export const isApiPath = (pathname: string) => pathname === "/api" || pathname.startsWith("/api/");

export function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** The refusal for an API request, or null to let Next.js serve it. */
export function apiRefusal(method: string, pathname: string): AppError | null {
  if (!decodes(pathname)) {
    return new AppError("invalid_input", "The path is not valid percent-encoded UTF-8.", { fields: { path: "is not valid percent-encoded UTF-8" } });
  }
  const route = matchRoute(API_ROUTES, pathname);
  if (!route) return new AppError("not_found", `No API route at ${pathname}.`);
  if (!route.methods.includes(method)) {
    const allow = route.methods.join(", ");
    return new AppError("method_not_allowed", `${method} is not allowed on ${route.route}; allowed: ${allow}.`, { headers: { Allow: allow } });
  }
  return null;
}
