// Account lifecycle operations and their command line, on real PostgreSQL.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { deactivateUser } from "@/lib/accounts/deactivate-user";
import { listUsers } from "@/lib/accounts/list-users";
import { reactivateUser } from "@/lib/accounts/reactivate-user";
import { completePasswordReset } from "@/lib/accounts/complete-password-reset";
import { issuePasswordReset } from "@/lib/accounts/issue-password-reset";
import { startSession } from "@/lib/auth/start-session";
import { makeToken, makeUser } from "../factories";

function sanad(args: string[]) {
  const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/sanad.ts", ...args], { env: { ...process.env }, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const auditOf = (userId: string) => db.auditEvent.findMany({ where: { entity: "user", entityId: userId }, orderBy: { id: "asc" } });

describe("deactivate and reactivate", () => {
  it("deactivation revokes every token in the same transaction as its audit row; reactivation leaves them revoked", async () => {
    const { actor: admin } = await makeUser({ isAdmin: true });
    const { user } = await makeUser();
    await makeToken(user.id);
    await makeToken(user.id);
    await startSession(user.id);
    await startSession(user.id);
    const row = await deactivateUser({ actor: admin, userId: user.id });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(row.deactivatedAt).toBeInstanceOf(Date);
    expect(await db.apiToken.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    // A second deactivation changes nothing and audits nothing.
    await deactivateUser({ actor: admin, userId: user.id });
    const back = await reactivateUser({ actor: admin, userId: user.id });
    expect(back.deactivatedAt).toBeNull();
    expect(await db.apiToken.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    const audit = await auditOf(user.id);
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["deactivate", admin.id], ["reactivate", admin.id]]);
    expect(audit[0].after).toMatchObject({ tokensRevoked: 2, sessionsEnded: 2 });
  });

  it("refuses a non-admin (403), an admin deactivating themself (409) and an unknown user (404), writing nothing", async () => {
    const { actor: admin } = await makeUser({ isAdmin: true });
    const { actor: plain, user } = await makeUser();
    await expect(deactivateUser({ actor: plain, userId: admin.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listUsers({ actor: plain })).rejects.toMatchObject({ code: "forbidden" });
    await expect(deactivateUser({ actor: admin, userId: admin.id })).rejects.toMatchObject({ code: "conflict" });
    await expect(deactivateUser({ actor: admin, userId: "cmissing0000000000000000000" })).rejects.toMatchObject({ code: "not_found" });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).deactivatedAt).toBeNull();
    expect(await auditOf(admin.id)).toEqual([]);
    expect(await auditOf(user.id)).toEqual([]);
  });

  it("of two concurrent deactivations one writes the audit row", async () => {
    const { actor: admin } = await makeUser({ isAdmin: true });
    const { user } = await makeUser();
    await Promise.all([deactivateUser({ actor: admin, userId: user.id }), deactivateUser({ actor: admin, userId: user.id })]);
    expect((await auditOf(user.id)).length).toBe(1);
  });
});

describe("password reset links", () => {
  it("sets the password once; a second use, an expired link and a deactivated account are refused", async () => {
    const { actor: admin } = await makeUser({ isAdmin: true });
    const { user } = await makeUser();
    const link = await issuePasswordReset({ actor: admin, userId: user.id, baseUrl: "https://sanad.example" });
    expect(link.url).toMatch(/^https:\/\/sanad\.example\/reset-password#[A-Za-z0-9_-]{43}$/);
    const token = link.url.split("#")[1];
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordResetHash).not.toContain(token);
    await completePasswordReset({ token, password: "a brand new password" });
    expect(await verifyPassword("a brand new password", (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash)).toBe(true);
    await expect(completePasswordReset({ token, password: "yet another password" })).rejects.toMatchObject({ code: "invalid_input", details: { fields: { token: "is unknown, used or expired" } } });

    const second = (await issuePasswordReset({ actor: admin, userId: user.id, baseUrl: "x" })).url.split("#")[1];
    await db.user.update({ where: { id: user.id }, data: { passwordResetExpiresAt: new Date(Date.now() - 1000) } });
    await expect(completePasswordReset({ token: second, password: "yet another password" })).rejects.toMatchObject({ code: "invalid_input" });

    const third = (await issuePasswordReset({ actor: admin, userId: user.id, baseUrl: "x" })).url.split("#")[1];
    await deactivateUser({ actor: admin, userId: user.id });
    await expect(completePasswordReset({ token: third, password: "yet another password" })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(issuePasswordReset({ actor: admin, userId: user.id, baseUrl: "x" })).rejects.toMatchObject({ code: "conflict" });
    expect(await verifyPassword("a brand new password", (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash)).toBe(true);
    expect((await auditOf(user.id)).map((a) => a.action)).toEqual(["reset-password-link", "reset-password", "reset-password-link", "reset-password-link", "deactivate"]);
  });
});

describe("sanad user deactivate | reactivate | reset-password", () => {
  it("acts on the account named by --email and says so; an unknown email is a clear error", async () => {
    const { user } = await makeUser();
    await makeToken(user.id);
    const off = sanad(["user", "deactivate", "--email", user.email]);
    expect(off.code, off.stderr).toBe(0);
    expect(off.stdout).toContain("deactivated");
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.deactivatedAt).not.toBeNull();
    expect(await db.apiToken.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);

    const on = sanad(["user", "reactivate", "--email", user.email.toUpperCase()]);
    expect(on.code, on.stderr).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).deactivatedAt).toBeNull();

    const reset = sanad(["user", "reset-password", "--email", user.email]);
    expect(reset.code, reset.stderr).toBe(0);
    const url = reset.stdout.trim();
    expect(url).toMatch(/\/reset-password#[A-Za-z0-9_-]{43}$/);
    await completePasswordReset({ token: url.split("#")[1], password: "set from the command line" });

    const audit = await auditOf(user.id);
    expect(audit.map((a) => [a.action, a.actorId, a.actorKind])).toEqual([["deactivate", null, "system"], ["reactivate", null, "system"], ["reset-password-link", null, "system"], ["reset-password", user.id, "user"]]);

    const unknown = sanad(["user", "deactivate", "--email", "nobody@sanad.test"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("No user with email");
  }, 120_000);
});
