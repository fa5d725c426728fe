// Single sign-on through a real OpenID provider (oidc-provider on loopback) against a private
// `next start` configured for it, with two-factor required for password sign-ins. The
// authorization-code flow is walked over HTTP with cookie jars, as a browser would.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { base32Decode, totp } from "@/lib/accounts/totp";
import { makeDesk, makeToken, makeUser, unique } from "../factories";
import type { TestOidcProvider } from "../setup/oidc-provider";
import { appUrl, getPage, sessionFor, signIn, type OwnApp } from "./harness";
import { as } from "./client";
import { startSsoApp, type SsoApp } from "./sso-app";

let sso: SsoApp;
let op: TestOidcProvider;
let app: OwnApp;

beforeAll(async () => {
  sso = await startSsoApp({ SANAD_REQUIRE_2FA: "1", SANAD_DB_POOL_SIZE: "5" });
  ({ op, app } = sso);
}, 120_000);

afterAll(async () => {
  await sso?.stop();
});

/** Cookies as a browser keeps them, one jar per site. */
class Jar {
  cookies = new Map<string, string>();
  take(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(";")[0];
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1);
      if (value === "" || /max-age=0\b/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  session() {
    const found = [...this.cookies].find(([k]) => /next-auth\.session-token$/.test(k));
    return found ? `${found[0]}=${found[1]}` : null;
  }
}

/** The whole authorization-code flow: the app's sign-in POST, the provider, back to the app's callback. */
async function ssoSignIn(tamper?: (callback: URL) => void) {
  const site = new Jar();
  const provider = new Jar();
  const csrf = await fetch(`${app.url}/api/auth/csrf`);
  site.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const start = await fetch(`${app.url}/api/auth/signin/oidc`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: site.header() },
    body: new URLSearchParams({ csrfToken, callbackUrl: `${app.url}/`, json: "true" }).toString(),
    redirect: "manual",
  });
  site.take(start);
  let next = ((await start.json()) as { url: string }).url;
  expect(next.startsWith(op.issuer), next).toBe(true);
  const authorize = new URL(next);
  for (let hops = 0; new URL(next).origin !== app.url; hops++) {
    if (hops > 10) throw new Error("too many redirects at the provider");
    const res = await fetch(next, { headers: { Cookie: provider.header() }, redirect: "manual" });
    provider.take(res);
    const location = res.headers.get("location");
    if (!location) throw new Error(`the provider stopped at ${res.status}: ${(await res.text()).slice(0, 300)}`);
    next = new URL(location, next).toString();
  }
  const callback = new URL(next);
  tamper?.(callback);
  const done = await fetch(callback, { headers: { Cookie: site.header() }, redirect: "manual" });
  site.take(done);
  return { authorize, callback, status: done.status, location: new URL(done.headers.get("location") ?? "/", app.url), sessionCookie: site.session() };
}

describe("the sign-in page", () => {
  it("offers the configured provider by name beside the password form, in both languages", async () => {
    const en = await fetch(`${app.url}/login`, { headers: { "Accept-Language": "en" } }).then((r) => r.text());
    // The provider's name is isolated (a Latin name in an Arabic sentence, or the reverse).
    expect(en).toContain("Sign in with <bdi>Newsroom ID</bdi>");
    expect(en).toContain('type="password"');
    const ar = await fetch(`${app.url}/login`, { headers: { "Accept-Language": "ar" } }).then((r) => r.text());
    expect(ar).toContain("الدخول عبر <bdi>Newsroom ID</bdi>");
  });
});

describe("single sign-on", () => {
  it("a verified email signs in to its existing account, linking the identity; state and PKCE are sent; no second factor asked", async () => {
    const { user } = await makeUser();
    const subject = unique("sub");
    op.loginAs(subject, { email: user.email.toUpperCase(), email_verified: true, name: "Someone" });
    const result = await ssoSignIn();
    expect(result.authorize.searchParams.get("state")).toBeTruthy();
    expect(result.authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(result.sessionCookie, result.location.toString()).not.toBeNull();
    expect(result.location.pathname).toBe("/");
    const projects = await fetch(`${app.url}/api/v1/projects`, { headers: { Cookie: result.sessionCookie! } });
    expect(projects.status).toBe(200);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.oidcSubject).toBe(subject);
    expect(row.lastSignInAt).not.toBeNull();
    const audit = await db.auditEvent.findMany({ where: { entity: "user", entityId: user.id } });
    expect(audit.map((a) => a.action)).toEqual(["link-sso"]);
    // The settings page opens: the two-factor requirement is the provider's business here.
    expect((await getPage("/settings", result.sessionCookie!, app.url)).status).toBe(200);
  });

  it("a forged state is refused: no session, the refusal page", async () => {
    const { user } = await makeUser();
    op.loginAs(unique("sub"), { email: user.email, email_verified: true });
    const result = await ssoSignIn((callback) => callback.searchParams.set("state", "forged-state-value"));
    expect(result.sessionCookie).toBeNull();
    // next-auth's error route sends a failed exchange back to the sign-in page, which says so.
    let where = result.location;
    for (let hops = 0; where.pathname !== "/login" && hops < 4; hops++) {
      const res = await fetch(where, { redirect: "manual" });
      where = new URL(res.headers.get("location") ?? "/", app.url);
    }
    expect(where.pathname).toBe("/login");
    expect(where.searchParams.get("error")).toBe("OAuthCallback");
    const page = await fetch(where, { headers: { "Accept-Language": "en" } }).then((r) => r.text());
    expect(page).toContain("Single sign-on did not complete");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).oidcSubject).toBeNull();
  });

  it("an unverified email is refused and links nothing", async () => {
    const { user } = await makeUser();
    op.loginAs(unique("sub"), { email: user.email, email_verified: false });
    const result = await ssoSignIn();
    expect(result.sessionCookie).toBeNull();
    expect(result.location.pathname + result.location.search).toBe("/sso-refused?reason=unverified");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).oidcSubject).toBeNull();
    const page = await fetch(new URL("/sso-refused?reason=unverified", app.url), { headers: { "Accept-Language": "en" } }).then((r) => r.text());
    expect(page).toContain("did not confirm this email address");
  });

  it("an unknown person is refused while sign-up is off, and no account is made", async () => {
    const email = `${unique("stranger")}@sanad.test`;
    op.loginAs(unique("sub"), { email, email_verified: true });
    const result = await ssoSignIn();
    expect(result.sessionCookie).toBeNull();
    expect(result.location.search).toBe("?reason=unknown");
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("a deactivated account is refused", async () => {
    const { user } = await makeUser();
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    op.loginAs(unique("sub"), { email: user.email, email_verified: true });
    const result = await ssoSignIn();
    expect(result.sessionCookie).toBeNull();
    expect(result.location.search).toBe("?reason=deactivated");
  });
});

describe("two-factor required (SANAD_REQUIRE_2FA=1)", () => {
  it("a password session without it can do nothing but enrol: pages lead to /two-factor, the API answers 403 with the reason; tokens are unaffected; enrolled, all opens", async () => {
    const { user } = await makeUser();
    const token = await makeToken(user.id);
    const cookie = await sessionFor(user.email, undefined, app.url);
    const page = await getPage("/settings", cookie, app.url);
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toMatch(/\/two-factor$/);
    expect((await getPage("/two-factor", cookie, app.url)).status).toBe(200);
    const api = await fetch(`${app.url}/api/v1/projects`, { headers: { Cookie: cookie } });
    expect(api.status).toBe(403);
    expect((await api.json()).error).toMatchObject({ code: "forbidden", reason: "two_factor_enrolment_required" });
    const write = await fetch(`${app.url}/api/v1/tokens`, { method: "POST", headers: { Cookie: cookie, Origin: app.url, "Content-Type": "application/json" }, body: "{}" });
    expect(write.status).toBe(403);
    expect(await db.apiToken.count({ where: { userId: user.id } })).toBe(1);
    expect((await fetch(`${app.url}/api/v1/projects`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);

    const start = await fetch(`${app.url}/api/v1/me/two-factor/enrolment`, { method: "POST", headers: { Cookie: cookie, Origin: app.url } });
    expect(start.status).toBe(201);
    const secret = base32Decode(((await start.json()) as { secret: string }).secret);
    const confirm = await fetch(`${app.url}/api/v1/me/two-factor`, { method: "POST", headers: { Cookie: cookie, Origin: app.url, "Content-Type": "application/json" }, body: JSON.stringify({ code: totp(secret) }) });
    expect(confirm.status).toBe(201);
    const { recoveryCodes } = (await confirm.json()) as { recoveryCodes: string[] };
    expect((await fetch(`${app.url}/api/v1/projects`, { headers: { Cookie: cookie } })).status).toBe(200);
    expect((await getPage("/settings", cookie, app.url)).status).toBe(200);
    // Required: it cannot be turned off.
    const off = await fetch(`${app.url}/api/v1/me/two-factor`, { method: "DELETE", headers: { Cookie: cookie, Origin: app.url, "Content-Type": "application/json" }, body: JSON.stringify({ code: recoveryCodes[0] }) });
    expect(off.status).toBe(403);
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(10);
  });
});

describe("another app process, with SANAD_PASSWORD_LOGIN=0", () => {
  let only: SsoApp;
  beforeAll(async () => {
    only = await startSsoApp({ SANAD_PASSWORD_LOGIN: "0", SANAD_DB_POOL_SIZE: "3" });
  }, 120_000);
  afterAll(async () => {
    await only?.stop();
  });

  it("shows only the provider's button, and a posted password signs no one in", async () => {
    const html = await fetch(`${only.app.url}/login`, { headers: { "Accept-Language": "en" } }).then((r) => r.text());
    expect(html).toContain("Sign in with <bdi>Newsroom ID</bdi>");
    expect(html).not.toContain('type="password"');
    const { user } = await makeUser();
    const attempt = await signIn(user.email, undefined, { base: only.app.url });
    // No credentials provider: next-auth's refusal, in the API's JSON shape.
    expect(attempt.status).toBe(400);
    expect(attempt.body.error.code).toBe("invalid_input");
    expect(attempt.sessionCookie).toBeNull();
  });

  it("deactivation on one process refuses the user's cookie and token on the other at their next request", async () => {
    const desk = await makeDesk();
    // Both processes share the database and NEXTAUTH_SECRET: a cookie from one is good on the
    // other (this one has two-factor optional and takes no passwords, but honours sessions).
    const cookie = await sessionFor(desk.reviewer.user.email, undefined, appUrl);
    const here = (headers: Record<string, string>) => fetch(`${only.app.url}/api/v1/projects`, { headers });
    expect((await here({ Cookie: cookie })).status).toBe(200);
    expect((await here({ Authorization: `Bearer ${desk.reviewer.token}` })).status).toBe(200);
    expect((await as(desk.admin.token).post(`/api/v1/admin/users/${desk.reviewer.user.id}/deactivate`)).status).toBe(200);
    expect((await here({ Cookie: cookie })).status).toBe(401);
    expect((await here({ Authorization: `Bearer ${desk.reviewer.token}` })).status).toBe(401);
  });
});
