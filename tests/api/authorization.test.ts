// Walks the authorization matrix (tests/api/route-matrix.ts) against the running app and its
// database: every route handler, every kind of caller, by API token and by browser session;
// and every page. A route or page without a row fails the first tests here.
import { describe, expect, it } from "vitest";
import { API_ROUTES } from "@/lib/http/openapi";
import { makeDesk } from "../factories";
import { appUrl, fingerprint, getPage, scopeOf, sessionFor } from "./harness";
import {
  Fixture, MATRIX, PAGE_MATRIX, PAGE_ROLES, ROLES, authHeaders, discoverPages, discoverRoutes, exportedMethods, findServerActions, routeOf, send,
  type Desk, type MatrixRow, type PageOutcome, type PageRole, type Role,
} from "./route-matrix";

const key = (method: string, route: string) => `${method.toUpperCase()} ${route}`;
const ERROR_CODES: Record<number, string> = { 400: "invalid_input", 401: "unauthenticated", 403: "forbidden", 404: "not_found", 409: "conflict" };
const isNextAuth = (row: MatrixRow) => row.route.startsWith("/api/auth/");

describe("the matrix covers every route", () => {
  it("discovery reads folders and exports as Next.js does", () => {
    expect(routeOf("app/api/v1/claims/[claimId]/verdicts/me/route.ts")).toBe("/api/v1/claims/{claimId}/verdicts/me");
    expect(routeOf("app/(app)/projects/[projectId]/page.tsx")).toBe("/projects/{projectId}");
    expect(routeOf("app/api/auth/[...nextauth]/route.ts")).toBe("/api/auth/{...nextauth}");
    expect(routeOf("app/(app)/page.tsx")).toBe("/");
    expect(exportedMethods("export const GET = route(1);\nexport async function POST() {}\nexport const dynamic = 'x';")).toEqual(["GET", "POST"]);
    expect(exportedMethods("export { handler as GET, post as POST };")).toEqual(["GET", "POST"]);
    expect(exportedMethods("export function DELETE() {}\nexport let PATCH = 1;")).toEqual(["DELETE", "PATCH"]);
  });

  it("has exactly one row for each route handler method under app/, and none for routes that do not exist", () => {
    const discovered = discoverRoutes().map((r) => key(r.method, r.route));
    expect(discovered.length).toBeGreaterThan(30);
    const rows = MATRIX.map((r) => key(r.method, r.route));
    expect(new Set(rows).size, "duplicate rows").toBe(rows.length);
    const missing = discovered.filter((k) => !rows.includes(k));
    expect(missing, "routes without a row in tests/api/route-matrix.ts").toEqual([]);
    const stale = rows.filter((k) => !discovered.includes(k));
    expect(stale, "rows for routes that no longer exist").toEqual([]);
  });

  it("has a row for every kind of caller in every row", () => {
    for (const row of MATRIX) expect(Object.keys(row.expect).sort(), key(row.method, row.route)).toEqual([...ROLES].sort());
  });

  it("there are no server actions (they would be routes outside this table)", () => {
    expect(findServerActions()).toEqual([]);
  });

  it("agrees with the documented table in lib/http/openapi.ts (the OpenAPI document's source)", () => {
    const documented = new Map(API_ROUTES.map((r) => [key(r.method, r.path), r.who]));
    for (const row of MATRIX.filter((r) => !isNextAuth(r))) {
      expect(documented.has(key(row.method, row.route)), `${key(row.method, row.route)} is not in API_ROUTES`).toBe(true);
      expect(documented.get(key(row.method, row.route)), key(row.method, row.route)).toBe(row.who);
    }
    const rows = new Set(MATRIX.map((r) => key(r.method, r.route)));
    for (const k of documented.keys()) expect(rows.has(k), `${k} is documented but has no row`).toBe(true);
  });

  it("has a row for every page", () => {
    const pages = discoverPages().map((p) => p.route).sort();
    expect(PAGE_MATRIX.map((p) => p.route).sort()).toEqual(pages);
  });
});

/** The same request with every id in its path replaced by one that does not exist. */
const withMissingIds = (path: string) => path.replace(/\/[a-z0-9]{20,40}(?=\/|\?|$)/g, "/cmissing0000000000000000000");

async function walk(row: MatrixRow, desk: Desk, fx: Fixture, credentials: (role: Role) => Record<string, string>) {
  const scope = scopeOf(desk);
  for (const role of ROLES) {
    const call = await row.call(fx);
    const expected = row.expect[role];
    const label = `${key(row.method, row.route)} as ${role} (${call.path})`;
    const before = expected >= 400 ? await fingerprint(scope) : null;
    const answer = await send(appUrl, row.method, call, credentials(role));
    expect(answer.status, `${label}: ${JSON.stringify(answer.body)?.slice(0, 300)}`).toBe(expected);
    if (expected >= 400) {
      expect(answer.body?.error?.code, label).toBe(ERROR_CODES[expected]);
      expect(answer.body?.error?.message, label).toBeTypeOf("string");
      // A refused request writes nothing.
      expect(await fingerprint(scope), label).toEqual(before);
    }
    if (role === "outsider" && expected === 404) {
      // Existence is not leaked: an outsider's answer is the answer for an id that does not exist.
      const missing = await send(appUrl, row.method, { ...call, path: withMissingIds(call.path) }, credentials(role));
      expect(missing.status, `${label}, missing ids`).toBe(404);
      expect(missing.body.error, `${label}, missing ids`).toEqual(answer.body.error);
    }
  }
}

describe("every route, every caller, with API tokens", () => {
  for (const row of MATRIX) {
    it(`${key(row.method, row.route)} (${row.who})`, async () => {
      const desk = await makeDesk();
      await walk(row, desk, new Fixture(desk), (role) => authHeaders(desk, role));
    });
  }

  it("a revoked token is refused like an unknown one", async () => {
    const desk = await makeDesk();
    const { as } = await import("./client");
    const created = await as(desk.editor.token).post("/api/v1/tokens", { label: "soon revoked" });
    expect((await as(created.body.token).get("/api/v1/projects")).status).toBe(200);
    expect((await as(desk.editor.token).delete(`/api/v1/tokens/${created.body.id}`)).status).toBe(200);
    const after = await as(created.body.token).get("/api/v1/projects");
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe("unauthenticated");
    for (const header of ["Bearer", "Bearer ", "Basic dXNlcjpwYXNz", `Bearer ${desk.editor.token} extra`, `Token ${desk.editor.token}`]) {
      const res = await fetch(`${appUrl}/api/v1/projects`, { headers: { Authorization: header } });
      expect(res.status, header).toBe(401);
    }
  });
});

describe("every route, every caller, with browser sessions", () => {
  it("answers session cookies exactly as it answers tokens", async () => {
    const desk = await makeDesk();
    const cookies: Partial<Record<Role, string>> = {};
    for (const role of ["admin", "editor", "reviewer", "outsider"] as const) cookies[role] = await sessionFor(desk[role].user.email);
    // Browsers send Origin with writes; Sanad's own pages are same-origin.
    const credentials = (role: Role): Record<string, string> => {
      if (role === "signedOut") return { Origin: appUrl };
      if (role === "badToken") return { Origin: appUrl, Cookie: "next-auth.session-token=forged.not-a-jwe.value" };
      return { Origin: appUrl, Cookie: cookies[role]! };
    };
    const fx = new Fixture(desk);
    for (const row of MATRIX) await walk(row, desk, fx, credentials);
  }, 600_000);
});

describe("every page, every caller", () => {
  const classify = (status: number, location: string | null, html: string): PageOutcome | string => {
    if ([302, 303, 307, 308].includes(status) && /\/login(\?|$)/.test(new URL(location ?? "", appUrl).pathname + "?")) return "login";
    if (status === 404) return 404;
    if (status === 200) return html.includes('data-testid="notice-forbidden"') ? "notice" : "page";
    return `status ${status} ${location ?? ""}`;
  };

  it("sends signed-out visitors to /login, shows outsiders the 404 page and other roles a notice", async () => {
    const desk = await makeDesk();
    const fx = new Fixture(desk);
    const cookies: Record<PageRole, string | undefined> = {
      admin: await sessionFor(desk.admin.user.email),
      editor: await sessionFor(desk.editor.user.email),
      reviewer: await sessionFor(desk.reviewer.user.email),
      outsider: await sessionFor(desk.outsider.user.email),
      signedOut: undefined,
      badCookie: "next-auth.session-token=forged.not-a-jwe.value",
    };
    for (const row of PAGE_MATRIX) {
      const path = await row.path(fx);
      for (const role of PAGE_ROLES) {
        const page = await getPage(path, cookies[role]);
        expect(classify(page.status, page.headers.get("location"), page.html), `${path} as ${role}`).toBe(row.expect[role]);
      }
    }
  }, 300_000);
});
