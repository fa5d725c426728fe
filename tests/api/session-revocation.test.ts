// Browser sessions end on the server: a cookie kept after sign-out (or after every session of an
// account is ended, as deactivation and password changes will do) opens nothing. And a write
// made with the cookie must come from Sanad's own origin: scheme, host and port.
import { encode } from "next-auth/jwt";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { endAllSessions } from "@/lib/auth/end-all-sessions";
import { makeUser } from "../factories";
import { TEST_SECRET } from "../setup/global-app";
import { appUrl, getPage, sessionFor } from "./harness";

afterAll(async () => {
  await db.$disconnect();
});

const api = (path: string, cookie: string, init: RequestInit = {}) =>
  fetch(appUrl + path, { ...init, headers: { Cookie: cookie, ...(init.headers as Record<string, string>) }, redirect: "manual" });

/** Whether the cookie still opens the API and the pages. */
async function opens(cookie: string): Promise<{ api: number; page: number; location: string | null }> {
  const res = await api("/api/v1/projects", cookie);
  const page = await getPage("/settings", cookie);
  return { api: res.status, page: page.status, location: page.headers.get("location") };
}

/** Signs out as the page's button does: next-auth's csrf token, then POST /api/auth/signout. */
async function signOut(cookie: string) {
  const csrfRes = await api("/api/auth/csrf", cookie);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${appUrl}/api/auth/signout`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: [cookie, ...csrfCookie].join("; ") },
    body: new URLSearchParams({ csrfToken, json: "true", callbackUrl: `${appUrl}/login` }).toString(),
    redirect: "manual",
  });
  return { status: res.status, cleared: res.headers.getSetCookie().some((c) => /^next-auth\.session-token=;/.test(c)) };
}

describe("sign-out ends the session on the server", () => {
  it("a cookie replayed after sign-out gets 401 on the API and /login on pages", async () => {
    const { user } = await makeUser();
    const cookie = await sessionFor(user.email);
    expect(await opens(cookie)).toMatchObject({ api: 200, page: 200 });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);

    const out = await signOut(cookie);
    expect(out.status).toBe(200);
    expect(out.cleared).toBe(true);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);

    // The browser forgot the cookie; whoever copied it replays it.
    const replay = await opens(cookie);
    expect(replay.api).toBe(401);
    expect(replay.page).toBe(307);
    expect(replay.location).toMatch(/\/login$/);
    const body = await (await api("/api/v1/projects", cookie)).json();
    expect(body.error.code).toBe("unauthenticated");
  });

  it("signing out one browser leaves the user's other browsers signed in", async () => {
    const { user } = await makeUser();
    const laptop = await sessionFor(user.email);
    const phone = await sessionFor(user.email);
    await signOut(laptop);
    expect((await opens(laptop)).api).toBe(401);
    expect(await opens(phone)).toMatchObject({ api: 200, page: 200 });
  });

  it("endAllSessions (for deactivation and password changes) ends every browser of that user and no one else's", async () => {
    const { user } = await makeUser();
    const other = await makeUser();
    const a = await sessionFor(user.email);
    const b = await sessionFor(user.email);
    const theirs = await sessionFor(other.user.email);
    expect(await endAllSessions(user.id)).toBe(2);
    for (const cookie of [a, b]) expect(await opens(cookie)).toMatchObject({ api: 401, page: 307 });
    expect(await opens(theirs)).toMatchObject({ api: 200, page: 200 });
    // Signing in again starts a new session.
    expect((await opens(await sessionFor(user.email))).api).toBe(200);
  });

  it("a well-sealed cookie that names no server-side session (as cookies issued before them) opens nothing", async () => {
    const { user } = await makeUser();
    const sealed = await encode({
      secret: TEST_SECRET,
      token: { sub: user.id, uid: user.id, email: user.email, name: user.name, isAdmin: false, locale: "ar" },
    });
    const cookie = `next-auth.session-token=${sealed}`;
    expect(await opens(cookie)).toMatchObject({ api: 401, page: 307 });
    const guessed = `next-auth.session-token=${await encode({ secret: TEST_SECRET, token: { sub: user.id, uid: user.id, sid: "made-up", isAdmin: false, locale: "ar" } })}`;
    expect(await opens(guessed)).toMatchObject({ api: 401, page: 307 });
  });

  it("an expired server-side session opens nothing, whatever the cookie's own expiry says", async () => {
    const { user } = await makeUser();
    const cookie = await sessionFor(user.email);
    await db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await opens(cookie)).api).toBe(401);
  });
});

describe("the origin check compares scheme, host and port", () => {
  it("with the session cookie, a write from https://host to an http://host app is refused, and the other way round behind a TLS proxy", async () => {
    const { user } = await makeUser();
    const cookie = await sessionFor(user.email);
    const http = new URL(appUrl).origin;
    const https = http.replace(/^http:/, "https:");
    const write = (headers: Record<string, string>) =>
      api("/api/v1/tokens", cookie, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify({ label: "origin" }) });
    const tokens = () => db.apiToken.count({ where: { userId: user.id } });

    const before = await tokens();
    const foreign: Record<string, string>[] = [
      { Origin: https },
      { Origin: `${https}/` },
      { Origin: http, "X-Forwarded-Proto": "https" },
      { Origin: http.replace(/:\d+$/, "") },
      { Origin: "null" },
    ];
    for (const headers of foreign) {
      const res = await write(headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect((await res.json()).error.code).toBe("forbidden");
    }
    expect(await tokens()).toBe(before);

    expect((await write({ Origin: http })).status).toBe(201);
    // Behind a proxy that terminates TLS and says so, the browser's https origin is ours.
    expect((await write({ Origin: https, "X-Forwarded-Proto": "https" })).status).toBe(201);
    expect(await tokens()).toBe(before + 2);
  });
});
