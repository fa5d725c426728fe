// Account lifecycle over HTTP against the built app: an admin's users API, deactivation that
// stops a session cookie and API tokens on their next request, one-time reset links, and the
// password change.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeDesk, makeToken, makeUser, PASSWORD } from "../factories";
import { as } from "./client";
import { appUrl, fingerprint, getPage, scopeOf, sessionFor, signIn } from "./harness";
import { Fixture, MATRIX, send } from "./route-matrix";

const withSession = (cookie: string) => ({ Cookie: cookie, Origin: appUrl, "Content-Type": "application/json" });

describe("the admin's users API", () => {
  it("lists accounts with their last sign-in; non-admins get 403", async () => {
    const desk = await makeDesk();
    const before = new Date();
    await sessionFor(desk.reviewer.user.email);
    const list = await as(desk.admin.token).get("/api/v1/admin/users");
    expect(list.status).toBe(200);
    const row = list.body.items.find((u: { id: string }) => u.id === desk.reviewer.user.id);
    expect(row).toMatchObject({ email: desk.reviewer.user.email, deactivatedAt: null, twoFactor: false, singleSignOn: false });
    expect(new Date(row.lastSignInAt).getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(list.body.items.find((u: { id: string }) => u.id === desk.editor.user.id).lastSignInAt).toBeNull();
    const refused = await as(desk.editor.token).get("/api/v1/admin/users");
    expect(refused.status).toBe(403);
  });
});

describe("deactivation", () => {
  it("ends the user's session cookie and API token on their next request, and sign-in is refused; reactivation lets them sign in", async () => {
    const desk = await makeDesk();
    const cookie = await sessionFor(desk.reviewer.user.email);
    expect((await send(appUrl, "GET", { path: "/api/v1/projects" }, { Cookie: cookie })).status).toBe(200);
    expect((await as(desk.reviewer.token).get("/api/v1/projects")).status).toBe(200);
    expect((await getPage("/settings", cookie)).status).toBe(200);

    const off = await as(desk.admin.token).post(`/api/v1/admin/users/${desk.reviewer.user.id}/deactivate`);
    expect(off.status).toBe(200);
    expect(off.body.deactivatedAt).toBeTypeOf("string");

    // The stolen (or simply kept) cookie and the token: refused at once.
    const viaCookie = await send(appUrl, "GET", { path: "/api/v1/projects" }, { Cookie: cookie });
    expect(viaCookie.status).toBe(401);
    expect(viaCookie.body.error.code).toBe("unauthenticated");
    const viaToken = await as(desk.reviewer.token).get("/api/v1/projects");
    expect(viaToken.status).toBe(401);
    const page = await getPage("/settings", cookie);
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toMatch(/\/login/);
    const again = await signIn(desk.reviewer.user.email);
    expect(again.sessionCookie).toBeNull();
    // A write with the old cookie writes nothing.
    const scope = scopeOf(desk);
    const printed = await fingerprint(scope);
    const write = await send(appUrl, "PUT", { path: "/api/v1/me/locale", body: { locale: "en" } }, withSession(cookie));
    expect(write.status).toBe(401);
    expect(await fingerprint(scope)).toEqual(printed);

    const on = await as(desk.admin.token).post(`/api/v1/admin/users/${desk.reviewer.user.id}/reactivate`);
    expect(on.status).toBe(200);
    expect(on.body.deactivatedAt).toBeNull();
    expect((await signIn(desk.reviewer.user.email)).sessionCookie).not.toBeNull();
    // Its tokens were revoked for good.
    expect((await as(desk.reviewer.token).get("/api/v1/projects")).status).toBe(401);
    const audit = await db.auditEvent.findMany({ where: { entity: "user", entityId: desk.reviewer.user.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["deactivate", desk.admin.user.id], ["reactivate", desk.admin.user.id]]);
  });

  it("an admin cannot deactivate their own account (409); an unknown id is 404", async () => {
    const desk = await makeDesk();
    const self = await as(desk.admin.token).post(`/api/v1/admin/users/${desk.admin.user.id}/deactivate`);
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe("conflict");
    const missing = await as(desk.admin.token).post(`/api/v1/admin/users/cmissing0000000000000000000/deactivate`);
    expect(missing.status).toBe(404);
  });

  it("a deactivated user's token is refused on every route of the matrix, and nothing is written", async () => {
    const desk = await makeDesk();
    // Deactivation revokes the outsider's token; one written straight into the database after it
    // (not revoked) is refused as well, by the account check alone. The fixtures act as the
    // reviewers and the editor, so the outsider is the one deactivated.
    await as(desk.admin.token).post(`/api/v1/admin/users/${desk.outsider.user.id}/deactivate`);
    const late = await makeToken(desk.outsider.user.id);
    const fx = new Fixture(desk);
    const scope = scopeOf(desk);
    for (const row of MATRIX.filter((r) => r.who !== "anyone")) {
      const call = await row.call(fx);
      for (const token of [desk.outsider.token, late]) {
        const printed = await fingerprint(scope);
        const answer = await send(appUrl, row.method, call, { Authorization: `Bearer ${token}` });
        expect(answer.status, `${row.method} ${row.route}`).toBe(401);
        expect(answer.body.error.code).toBe("unauthenticated");
        expect(await fingerprint(scope), `${row.method} ${row.route}`).toEqual(printed);
      }
    }
  }, 300_000);
});

describe("reset links", () => {
  it("an admin's link sets a new password once, over HTTP; the old password stops working", async () => {
    const desk = await makeDesk();
    const issued = await as(desk.admin.token).post(`/api/v1/admin/users/${desk.editor.user.id}/reset-password`);
    expect(issued.status).toBe(201);
    expect(issued.body.url.startsWith(`${appUrl}/reset-password#`)).toBe(true);
    const token = new URL(issued.body.url).hash.slice(1);
    const page = await getPage("/reset-password");
    expect(page.status).toBe(200);
    const short = await as().post("/api/v1/password-reset", { token, password: "short" });
    expect(short.status).toBe(400);
    expect(short.body.error.fields.password).toBeTruthy();
    const done = await as().post("/api/v1/password-reset", { token, password: "the editor's new password" });
    expect(done.status).toBe(200);
    const twice = await as().post("/api/v1/password-reset", { token, password: "and yet another one" });
    expect(twice.status).toBe(400);
    expect(twice.body.error.fields.token).toBe("is unknown, used or expired");
    expect((await signIn(desk.editor.user.email, PASSWORD)).sessionCookie).toBeNull();
    expect((await signIn(desk.editor.user.email, "the editor's new password")).sessionCookie).not.toBeNull();
    const forged = await as().post("/api/v1/password-reset", { token: "A".repeat(43), password: "the editor's new password" });
    expect(forged.status).toBe(400);
  });
});

describe("password change", () => {
  it("needs the current password (400 when wrong, nothing changes); the right one changes it and ends the user's other sessions only", async () => {
    const { user } = await makeUser();
    const cookie = await sessionFor(user.email);
    const elsewhere = await sessionFor(user.email);
    const stored = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;
    const wrong = await send(appUrl, "PUT", { path: "/api/v1/me/password", body: { currentPassword: "not it", newPassword: "a much better password" } }, withSession(cookie));
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields.currentPassword).toBe("is wrong");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(stored);
    expect((await send(appUrl, "GET", { path: "/api/v1/projects" }, { Cookie: elsewhere })).status).toBe(200);

    const ok = await send(appUrl, "PUT", { path: "/api/v1/me/password", body: { currentPassword: PASSWORD, newPassword: "a much better password" } }, withSession(cookie));
    expect(ok.status).toBe(200);
    expect(ok.body.sessionsEnded).toBe(1);
    // The session that changed it goes on; the other one is over, on its next request.
    expect((await send(appUrl, "GET", { path: "/api/v1/projects" }, { Cookie: cookie })).status).toBe(200);
    expect((await send(appUrl, "GET", { path: "/api/v1/projects" }, { Cookie: elsewhere })).status).toBe(401);
    expect((await signIn(user.email, PASSWORD)).sessionCookie).toBeNull();
    expect((await signIn(user.email, "a much better password")).sessionCookie).not.toBeNull();
    const audit = await db.auditEvent.findMany({ where: { entity: "user", entityId: user.id } });
    expect(audit.map((a) => a.action)).toEqual(["change-password"]);
  });

  it("a reset link ends every session of the account", async () => {
    const desk = await makeDesk();
    const cookie = await sessionFor(desk.editor.user.email);
    const issued = await as(desk.admin.token).post(`/api/v1/admin/users/${desk.editor.user.id}/reset-password`);
    const done = await as().post("/api/v1/password-reset", { token: new URL(issued.body.url).hash.slice(1), password: "set through the link" });
    expect(done.status).toBe(200);
    expect((await send(appUrl, "GET", { path: "/api/v1/projects" }, { Cookie: cookie })).status).toBe(401);
  });
});
