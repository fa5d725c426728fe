// Linking identities from the identity provider to accounts, with sign-up allowed (the API
// tests run the app with it off).
process.env.SANAD_OIDC_ALLOW_SIGNUP = "1";

import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { linkOidcIdentity } from "@/lib/accounts/oidc-link";
import { makeUser, unique } from "../factories";

describe("linkOidcIdentity with sign-up allowed", () => {
  it("makes a new account with no project and no usable password, once; the next sign-in finds it by subject", async () => {
    const email = `${unique("new")}@sanad.test`;
    const subject = unique("sub");
    const first = await linkOidcIdentity({ subject, email: email.toUpperCase(), emailVerified: true, name: " New Person " });
    expect(first).toMatchObject({ ok: true, created: true });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ name: "New Person", isAdmin: false, oidcSubject: subject });
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);
    expect(await verifyPassword("", user.passwordHash)).toBe(false);
    expect(await linkOidcIdentity({ subject, email: "changed@elsewhere.test", emailVerified: false })).toEqual({ ok: true, userId: user.id, created: false });
    const audit = await db.auditEvent.findMany({ where: { entity: "user", entityId: user.id } });
    expect(audit.map((a) => a.action)).toEqual(["create"]);
  });

  it("still refuses unverified or missing emails, and an email whose account is linked to another subject", async () => {
    const { user } = await makeUser();
    expect(await linkOidcIdentity({ subject: unique("sub"), email: user.email, emailVerified: "true" })).toEqual({ ok: false, reason: "unverified" });
    expect(await linkOidcIdentity({ subject: unique("sub"), emailVerified: true })).toEqual({ ok: false, reason: "no_email" });
    expect(await linkOidcIdentity({ subject: "first-subject-" + user.id, email: user.email, emailVerified: true })).toMatchObject({ ok: true, created: false });
    expect(await linkOidcIdentity({ subject: unique("other"), email: user.email, emailVerified: true })).toEqual({ ok: false, reason: "conflict" });
  });

  it("two first sign-ins of one new person at once make one account", async () => {
    const email = `${unique("race")}@sanad.test`;
    const subject = unique("sub");
    const results = await Promise.all([1, 2].map(() => linkOidcIdentity({ subject, email, emailVerified: true })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});
