// Two-factor sign-in against the built app: enrolment (QR, confirm, recovery codes), the code
// step at sign-in with wrong, replayed and expired codes, recovery codes good once, the shared
// rate limit, fresh sign-in for new API tokens, turning it off.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { MAX_PER_ACCOUNT } from "@/lib/auth/internal/sign-in-attempts";
import { base32Decode, totp } from "@/lib/accounts/totp";
import { laterCode } from "./two-factor-codes";
import { makeUser, PASSWORD } from "../factories";
import { as } from "./client";
import { appUrl, sessionFor, signIn } from "./harness";
import { send } from "./route-matrix";

const withSession = (cookie: string) => ({ Cookie: cookie, Origin: appUrl });
const errorOf = (answer: { body: any }) => new URL(String(answer.body?.url ?? "http://x/"), appUrl).searchParams.get("error");

/** Enrols the signed-in user; answers the secret, the recovery codes and when the code was made. */
async function enrol(cookie: string) {
  const start = await send(appUrl, "POST", { path: "/api/v1/me/two-factor/enrolment" }, withSession(cookie));
  expect(start.status, JSON.stringify(start.body)).toBe(201);
  expect(start.body.qr).toMatch(/^data:image\/svg\+xml;base64,/);
  expect(Buffer.from(start.body.qr.split(",")[1], "base64").toString()).toContain("<svg");
  expect(start.body.uri).toMatch(/^otpauth:\/\/totp\/Sanad:/);
  const secret = base32Decode(start.body.secret);
  const at = Date.now();
  const confirm = await send(appUrl, "POST", { path: "/api/v1/me/two-factor", body: { code: totp(secret, at) } }, withSession(cookie));
  expect(confirm.status, JSON.stringify(confirm.body)).toBe(201);
  return { secret, at, recoveryCodes: confirm.body.recoveryCodes as string[], base32: start.body.secret as string };
}

describe("enrolment", () => {
  it("a wrong code leaves two-factor off; the right one turns it on with 10 recovery codes kept only as hashes, the secret sealed", async () => {
    const { user } = await makeUser();
    const cookie = await sessionFor(user.email);
    const start = await send(appUrl, "POST", { path: "/api/v1/me/two-factor/enrolment" }, withSession(cookie));
    const secret = base32Decode(start.body.secret);
    const wrongCode = String((Number(totp(secret)) + 1) % 1_000_000).padStart(6, "0");
    const wrong = await send(appUrl, "POST", { path: "/api/v1/me/two-factor", body: { code: wrongCode } }, withSession(cookie));
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields.code).toBe("is wrong or expired");
    const malformed = await send(appUrl, "POST", { path: "/api/v1/me/two-factor", body: { code: "12ab56" } }, withSession(cookie));
    expect(malformed.status).toBe(400);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).toBeNull();
    expect((await signIn(user.email)).sessionCookie).not.toBeNull();

    const { recoveryCodes, base32 } = await enrol(cookie);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.totpEnabledAt).not.toBeNull();
    expect(row.totpSecret).toMatch(/^v1\./);
    expect(row.totpSecret).not.toContain(base32);
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    for (const s of stored) expect(recoveryCodes.some((c) => s.codeHash.includes(c) || s.codeHash.includes(c.replace("-", "")))).toBe(false);
    const status = await send(appUrl, "GET", { path: "/api/v1/me/two-factor" }, { Cookie: cookie });
    expect(status.body).toMatchObject({ enabled: true, recoveryCodesLeft: 10, required: false });
    // A second enrolment while on is refused.
    expect((await send(appUrl, "POST", { path: "/api/v1/me/two-factor/enrolment" }, withSession(cookie))).status).toBe(409);
    const audit = await db.auditEvent.findMany({ where: { entity: "user", entityId: user.id } });
    expect(audit.map((a) => a.action)).toEqual(["two-factor-on"]);
  });
});

describe("sign-in with two-factor on", () => {
  it("asks for the code; refuses a wrong, a replayed and an expired code; takes the next one once", async () => {
    const { user } = await makeUser();
    const { secret, at } = await enrol(await sessionFor(user.email));

    const noCode = await signIn(user.email);
    expect(noCode.status).toBe(401);
    expect(errorOf(noCode)).toBe("TwoFactorRequired");
    expect(noCode.sessionCookie).toBeNull();
    // The code step is not a way around the password.
    const badPassword = await signIn(user.email, "not the password", { code: totp(secret) });
    expect(badPassword.sessionCookie).toBeNull();
    expect(errorOf(badPassword)).toBe("CredentialsSignin");

    const wrong = await signIn(user.email, PASSWORD, { code: String((Number(totp(secret)) + 500_000) % 1_000_000).padStart(6, "0") });
    expect(wrong.sessionCookie).toBeNull();
    expect(errorOf(wrong)).toBe("CredentialsSignin");
    // The enrolment's own code: its time step is spent.
    const replayed = await signIn(user.email, PASSWORD, { code: totp(secret, at) });
    expect(replayed.sessionCookie).toBeNull();
    const expired = await signIn(user.email, PASSWORD, { code: totp(secret, at - 90_000) });
    expect(expired.sessionCookie).toBeNull();

    const nextCode = laterCode(secret, at);
    const ok = await signIn(user.email, PASSWORD, { code: nextCode });
    expect(ok.sessionCookie, JSON.stringify(ok.body)).not.toBeNull();
    const again = await signIn(user.email, PASSWORD, { code: nextCode });
    expect(again.sessionCookie).toBeNull();
    expect((await send(appUrl, "GET", { path: "/api/v1/projects" }, { Cookie: ok.sessionCookie! })).status).toBe(200);
  });

  it("a recovery code signs in once; used twice it is refused; each use is audited", async () => {
    const { user } = await makeUser();
    const { recoveryCodes } = await enrol(await sessionFor(user.email));
    const first = await signIn(user.email, PASSWORD, { code: recoveryCodes[3].toUpperCase() });
    expect(first.sessionCookie).not.toBeNull();
    const twice = await signIn(user.email, PASSWORD, { code: recoveryCodes[3] });
    expect(twice.sessionCookie).toBeNull();
    const forged = await signIn(user.email, PASSWORD, { code: "aaaaa-bbbbb" });
    expect(forged.sessionCookie).toBeNull();
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(9);
    const audit = await db.auditEvent.findMany({ where: { entity: "user", entityId: user.id, action: "recovery-code-used" } });
    expect(audit).toHaveLength(1);
  });

  it("wrong codes count against the same limit as wrong passwords (429)", async () => {
    const { user } = await makeUser();
    const { secret } = await enrol(await sessionFor(user.email));
    for (let i = 0; i < MAX_PER_ACCOUNT; i++) {
      const answer = await signIn(user.email, PASSWORD, { code: String(100000 + i) });
      expect(answer.sessionCookie).toBeNull();
    }
    const limited = await signIn(user.email, PASSWORD, { code: totp(secret, Date.now() + 30_000) });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("rate_limited");
    expect(limited.sessionCookie).toBeNull();
  });
});

describe("API tokens with two-factor on", () => {
  it("a session needs a sign-in with the code in the last 10 minutes to create one (403 otherwise, nothing made); tokens themselves are unaffected", async () => {
    const { user } = await makeUser();
    const before = await sessionFor(user.email);
    const { secret, at } = await enrol(before);
    const stale = await send(appUrl, "POST", { path: "/api/v1/tokens", body: { label: "from an old session" } }, withSession(before));
    expect(stale.status).toBe(403);
    expect(stale.body.error).toMatchObject({ code: "forbidden", reason: "fresh_sign_in_required" });
    expect(await db.apiToken.count({ where: { userId: user.id } })).toBe(0);

    const fresh = await signIn(user.email, PASSWORD, { code: laterCode(secret, at) });
    const made = await send(appUrl, "POST", { path: "/api/v1/tokens", body: { label: "fresh" } }, withSession(fresh.sessionCookie!));
    expect(made.status).toBe(201);
    expect((await as(made.body.token).get("/api/v1/projects")).status).toBe(200);
    expect((await as(made.body.token).post("/api/v1/tokens", { label: "by token" })).status).toBe(201);
  });
});

describe("turning two-factor off", () => {
  it("needs a current code or a recovery code; then sign-in asks for none", async () => {
    const { user } = await makeUser();
    const cookie = await sessionFor(user.email);
    const { recoveryCodes } = await enrol(cookie);
    const wrong = await send(appUrl, "DELETE", { path: "/api/v1/me/two-factor", body: { code: "zzzzz-zzzzz" } }, withSession(cookie));
    expect(wrong.status).toBe(400);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).not.toBeNull();
    const off = await send(appUrl, "DELETE", { path: "/api/v1/me/two-factor", body: { code: recoveryCodes[0] } }, withSession(cookie));
    expect(off.status).toBe(200);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect((await signIn(user.email)).sessionCookie).not.toBeNull();
  });
});
