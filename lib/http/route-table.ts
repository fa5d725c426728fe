// The API's routes as Next.js finds them (app/**/route.ts, the methods each module exports), so
// the proxy can answer an unknown /api path with a JSON 404 and a method a route does not export
// with a JSON 405, as the rest of the API answers (Next.js itself would send its HTML 404 page
// and an empty 405). Read from the file system at build time by next.config.ts; the tests'
// route discovery (tests/api/route-matrix.ts) uses the same functions. No Node imports here: the
// proxy bundles this file; lib/http/route-discovery.ts reads the folders.

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** A route as its folders name it ("/api/v1/claims/{claimId}", catch-alls "{...name}") with its methods. */
export type RouteEntry = { route: string; methods: string[] };

/** "app/(app)/api/v1/claims/[claimId]/route.ts" → "/api/v1/claims/{claimId}" (groups and slots dropped). */
export function routeOf(file: string, appDir = "app"): string {
  const segments = file
    .slice(appDir.length)
    .split(/[\\/]/)
    .slice(0, -1)
    .filter((s) => s !== "" && !/^\(.*\)$/.test(s) && !s.startsWith("@"))
    .map((s) => s.replace(/^\[\[\.\.\.(\w+)\]\]$/, "{...$1?}").replace(/^\[\.\.\.(\w+)\]$/, "{...$1}").replace(/^\[(\w+)\]$/, "{$1}"));
  return "/" + segments.join("/");
}

/** The HTTP methods a route module exports: `export const GET`, `export async function POST`, `export { h as GET }`. */
export function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|let|var|async\s+function|function)\s+([A-Z]+)\b/g)) found.add(m[1]);
  for (const block of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of block[1].split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (name) found.add(name);
    }
  }
  return [...found].filter((n) => (HTTP_METHODS as readonly string[]).includes(n)).sort();
}

/** What a module answers: its exports, HEAD where it has GET (Next.js derives it), OPTIONS always. */
export function answeredMethods(exported: string[]): string[] {
  const methods = new Set(exported);
  if (methods.has("GET")) methods.add("HEAD");
  methods.add("OPTIONS");
  return HTTP_METHODS.filter((m) => methods.has(m));
}

// A static segment outranks a dynamic one, which outranks a catch-all (Next.js's precedence).
const rank = (segment: string) => (segment.startsWith("{...") ? 2 : segment.startsWith("{") ? 1 : 0);

function matches(pattern: string[], path: string[]): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i];
    if (p.startsWith("{...")) return p.endsWith("?}") ? path.length >= i : path.length > i;
    if (i >= path.length) return false;
    if (!p.startsWith("{") && p !== path[i]) return false;
  }
  return pattern.length === path.length;
}

/** The route Next.js would run for `pathname` (already percent-decoded per segment or not: ids never need it), or null. */
export function matchRoute(table: RouteEntry[], pathname: string): RouteEntry | null {
  const path = pathname.split("/").filter((s) => s !== "");
  let best: { entry: RouteEntry; key: number[] } | null = null;
  for (const entry of table) {
    const pattern = entry.route.split("/").filter((s) => s !== "");
    if (!matches(pattern, path)) continue;
    const key = pattern.map(rank);
    const better =
      !best ||
      (() => {
        for (let i = 0; i < Math.max(key.length, best.key.length); i++) {
          const a = key[i] ?? 3;
          const b = best.key[i] ?? 3;
          if (a !== b) return a < b;
        }
        return false;
      })();
    if (better) best = { entry, key };
  }
  return best?.entry ?? null;
}
