// Security headers on every page and API answer, and cross-site writes refused.
import { describe, expect, it } from "vitest";
import { makeDesk } from "../factories";
import { appUrl, fingerprint, getPage, scopeOf, sessionFor, signIn } from "./harness";
import { Fixture, MATRIX, PAGE_MATRIX, authHeaders, send, type Role } from "./route-matrix";

const STRICT_REFERRER = ["no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"];

/** The directives of a Content-Security-Policy header, by name. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name.toLowerCase(), values]),
  );
}

/** What every answer carries, page or API, success or error. */
function expectSecurityHeaders(headers: Headers, label: string) {
  const csp = headers.get("content-security-policy");
  expect(csp, `${label}: Content-Security-Policy`).toBeTruthy();
  const d = directives(csp!);
  expect(csp, label).not.toContain("unsafe-eval");
  expect(d.get("frame-ancestors"), label).toEqual(["'none'"]);
  const scripts = d.get("script-src") ?? d.get("default-src");
  expect(scripts, `${label}: scripts are restricted`).toBeDefined();
  expect(scripts, label).not.toContain("'unsafe-inline'");
  expect(scripts, label).not.toContain("*");
  expect(d.get("object-src") ?? d.get("default-src"), `${label}: no plugins`).toEqual(["'none'"]);
  expect(headers.get("x-content-type-options"), label).toBe("nosniff");
  expect(STRICT_REFERRER, `${label}: Referrer-Policy ${headers.get("referrer-policy")}`).toContain(headers.get("referrer-policy"));
  expect(headers.get("x-frame-options"), label).toBe("DENY");
  expect(headers.get("x-powered-by"), label).toBeNull();
}

describe("security headers on API answers", () => {
  it("every route, answered and refused, carries them; API answers forbid any content", async () => {
    const desk = await makeDesk();
    const fx = new Fixture(desk);
    for (const row of MATRIX) {
      for (const role of ["editor", "signedOut"] as Role[]) {
        const call = await row.call(fx);
        const answer = await send(appUrl, row.method, call, authHeaders(desk, role));
        const label = `${row.method} ${call.path} as ${role} → ${answer.status}`;
        expectSecurityHeaders(answer.headers, label);
        expect(directives(answer.headers.get("content-security-policy")!).get("default-src"), label).toEqual(["'none'"]);
      }
    }
    for (const [method, path] of [["GET", "/api/v1/no-such-route"], ["DELETE", "/api/health"], ["POST", "/api/v1/openapi.json"], ["GET", "/api/auth/session"]]) {
      const res = await fetch(appUrl + path, { method, redirect: "manual" });
      expectSecurityHeaders(res.headers, `${method} ${path} → ${res.status}`);
    }
  });
});

describe("security headers on pages", () => {
  it("every page, signed in and out, carries them; scripts run only with this answer's nonce", async () => {
    const desk = await makeDesk();
    const fx = new Fixture(desk);
    const cookie = await sessionFor(desk.editor.user.email);
    const nonces = new Set<string>();
    const paths = [...(await Promise.all(PAGE_MATRIX.map((p) => p.path(fx)))), "/no-such-page", "/login?callbackUrl=%2Fsettings"];
    for (const path of paths) {
      for (const who of [cookie, undefined]) {
        const page = await getPage(path, who);
        const label = `${path} ${who ? "signed in" : "signed out"} → ${page.status}`;
        expectSecurityHeaders(page.headers, label);
        if (page.status !== 200 && page.status !== 404) continue;
        const d = directives(page.headers.get("content-security-policy")!);
        const nonce = d.get("script-src")!.find((v) => v.startsWith("'nonce-"))?.slice(7, -1);
        expect(nonce, `${label}: script-src has a nonce`).toBeTruthy();
        expect(nonces.has(nonce!), `${label}: a fresh nonce each answer`).toBe(false);
        nonces.add(nonce!);
        // Every script element, inline or not, carries the nonce; nothing else would run.
        const scripts = [...page.html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
        expect(scripts.length, label).toBeGreaterThan(0);
        for (const tag of scripts) expect(tag, label).toContain(`nonce="${nonce}"`);
        // No inline event handlers, which no nonce can allow.
        expect(page.html, label).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
      }
    }
  });

  it("static assets are not sniffed either", async () => {
    const page = await getPage("/login");
    const src = /<script[^>]+src="([^"]+\.js)"/.exec(page.html)?.[1];
    expect(src).toBeTruthy();
    const res = await fetch(new URL(src!, appUrl));
    expect(res.status).toBe(200);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("cross-site writes", () => {
  // Every write route, with the session of a caller it accepts.
  const writes = MATRIX.filter((r) => r.method !== "GET" && r.route.startsWith("/api/v1/"));
  // Rows walked with a refused body (the password change, two-factor codes) take a 400 caller.
  const allowed = (row: (typeof writes)[number]) =>
    (["admin", "editor", "reviewer"] as const).find((role) => row.expect[role] < 300) ?? (["admin", "editor", "reviewer"] as const).find((role) => row.expect[role] === 400)!;

  it("a write with the session cookie from a foreign origin is refused with 403 and writes nothing", async () => {
    const desk = await makeDesk();
    const fx = new Fixture(desk);
    const scope = scopeOf(desk);
    const cookies: Record<string, string> = {};
    for (const role of ["admin", "editor", "reviewer"] as const) cookies[role] = await sessionFor(desk[role].user.email);
    const foreign: Record<string, string>[] = [
      { Origin: "https://evil.example" },
      { Origin: "null" },
      { Origin: appUrl.replace("127.0.0.1", "127.0.0.1.evil.example") },
      { Origin: appUrl.replace(/:(\d+)$/, (_, p) => `:${Number(p) + 1}`) },
      { "Sec-Fetch-Site": "cross-site" },
      { "Sec-Fetch-Site": "same-site" },
    ];
    expect(writes.length).toBeGreaterThan(15);
    for (const row of writes) {
      const role = allowed(row);
      for (const headers of foreign) {
        const call = await row.call(fx);
        const before = await fingerprint(scope);
        const answer = await send(appUrl, row.method, call, { Cookie: cookies[role], ...headers });
        const label = `${row.method} ${call.path} as ${role} with ${JSON.stringify(headers)}`;
        expect(answer.status, `${label}: ${JSON.stringify(answer.body)}`).toBe(403);
        expect(answer.body.error.code).toBe("forbidden");
        expect(await fingerprint(scope), label).toEqual(before);
      }
      // The same request from Sanad's own pages goes through: the origin was the only difference.
      const call = await row.call(fx);
      const ok = await send(appUrl, row.method, call, { Cookie: cookies[role], Origin: appUrl, "Sec-Fetch-Site": "same-origin" });
      expect(ok.status, `${row.method} ${call.path} same-origin: ${JSON.stringify(ok.body)}`).toBe(row.expect[role]);
    }
  }, 300_000);

  it("API tokens carry no ambient authority, so a token call is not an origin question", async () => {
    const desk = await makeDesk();
    const answer = await send(appUrl, "POST", { path: "/api/v1/tokens", body: { label: "cli" } }, { ...authHeaders(desk, "editor"), Origin: "https://cms.example" });
    expect(answer.status).toBe(201);
  });

  it("sign-in itself needs next-auth's csrf token: without it no session is issued", async () => {
    const desk = await makeDesk();
    const answer = await signIn(desk.editor.user.email, undefined, { csrf: false, headers: { Origin: "https://evil.example" } });
    expect(answer.sessionCookie).toBeNull();
    expect(JSON.stringify(answer.body)).toContain("csrf=true");
  });
});
