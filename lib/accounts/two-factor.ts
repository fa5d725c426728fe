import "server-only";
import { createHash, randomBytes } from "node:crypto";
import QRCode from "qrcode";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import { getEnv } from "@/lib/env";
import { base32Encode, matchStep, newSecret, otpauthUri } from "@/lib/accounts/totp";
import { open, seal } from "@/lib/accounts/secret-box";

export const RECOVERY_CODES = 10;
/** How recent a sign-in with the code must be for sensitive acts (creating an API token). */
export const FRESH_MS = 10 * 60_000;

const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const normalizeRecovery = (code: string) => code.toLowerCase().replace(/[\s-]/g, "");
const hashRecovery = (code: string) => createHash("sha256").update(`sanad-recovery:${normalizeRecovery(code)}`).digest("hex");

/** Ten letters in two groups (about 50 bits each): random, shown once, kept as hashes. */
function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export const twoFactorRequired = () => getEnv().SANAD_REQUIRE_2FA === "1";

/** Step one: a new secret, kept pending until a code from it is confirmed. */
export async function beginEnrolment({ actor }: { actor: Actor }) {
  const user = await db.user.findUnique({ where: { id: actor.id } });
  if (!user) throw new AppError("unauthenticated", "Sign in again.");
  if (user.totpEnabledAt) throw new AppError("conflict", "Two-factor sign-in is already on; turn it off first to enrol a new device.");
  const secret = newSecret();
  await db.user.update({ where: { id: user.id }, data: { totpPendingSecret: seal(secret) } });
  const uri = otpauthUri(secret, user.email);
  const qr = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret: base32Encode(secret), uri, qr: `data:image/svg+xml;base64,${Buffer.from(qr).toString("base64")}` };
}

/** Step two: a code from the pending secret turns two-factor on and yields the recovery codes, once. */
export async function confirmEnrolment({ actor, code }: { actor: Actor; code: string }) {
  const user = await db.user.findUnique({ where: { id: actor.id } });
  if (!user) throw new AppError("unauthenticated", "Sign in again.");
  if (user.totpEnabledAt) throw new AppError("conflict", "Two-factor sign-in is already on.");
  if (!user.totpPendingSecret) throw new AppError("conflict", "Start the enrolment first: there is no pending secret.");
  const step = matchStep(open(user.totpPendingSecret), code);
  if (step === null) throw new AppError("invalid_input", "The code is wrong or expired: enter the code your app shows now.", { fields: { code: "is wrong or expired" } });
  const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
  return db.$transaction(async (tx) => {
    // Only the pending secret that was checked turns on: a concurrent enrolment loses (409).
    const changed = await tx.user.updateMany({
      where: { id: user.id, totpPendingSecret: user.totpPendingSecret, totpEnabledAt: null },
      data: { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step },
    });
    if (changed.count !== 1) throw new AppError("conflict", "The enrolment changed meanwhile; start again.");
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId: user.id, codeHash: hashRecovery(c) })) });
    await writeAudit(tx, { actorId: actor.id, projectId: null, entity: "user", entityId: user.id, action: "two-factor-on" });
    return { enabled: true as const, recoveryCodes: codes };
  });
}

/**
 * The second factor at sign-in: a current code (each time step good once) or an unused
 * recovery code (each good once). Returns how it was passed, or null.
 */
export async function verifySecondFactor(userId: string, code: string): Promise<"totp" | "recovery" | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpLastStep: true } });
  if (!user?.totpSecret) return null;
  const trimmed = code.trim();
  if (/^\d{6}$/.test(trimmed)) {
    const step = matchStep(open(user.totpSecret), trimmed);
    if (step === null) return null;
    // A replayed code (its step, or an earlier one, already used) finds no row to update.
    const used = await db.user.updateMany({
      where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return used.count === 1 ? "totp" : null;
  }
  if (normalizeRecovery(trimmed).length !== 10) return null;
  return db.$transaction(async (tx) => {
    const spent = await tx.recoveryCode.updateMany({ where: { userId, codeHash: hashRecovery(trimmed), usedAt: null }, data: { usedAt: new Date() } });
    if (spent.count !== 1) return null;
    const left = await tx.recoveryCode.count({ where: { userId, usedAt: null } });
    await writeAudit(tx, { actorId: userId, projectId: null, entity: "user", entityId: userId, action: "recovery-code-used", after: { left } });
    return "recovery" as const;
  });
}

/** Turning it off takes a current code or a recovery code; refused when the admin requires it. */
export async function disableTwoFactor({ actor, code }: { actor: Actor; code: string }) {
  if (twoFactorRequired()) throw new AppError("forbidden", "Two-factor sign-in is required on this Sanad; it cannot be turned off.", { reason: "two_factor_required_by_admin" });
  const user = await db.user.findUnique({ where: { id: actor.id } });
  if (!user?.totpEnabledAt) throw new AppError("conflict", "Two-factor sign-in is not on.");
  if (!(await verifySecondFactor(user.id, code))) throw new AppError("invalid_input", "The code is wrong, expired or already used.", { fields: { code: "is wrong, expired or already used" } });
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await writeAudit(tx, { actorId: actor.id, projectId: null, entity: "user", entityId: user.id, action: "two-factor-off" });
    return { enabled: false as const };
  });
}

export async function twoFactorStatus({ actor }: { actor: Actor }) {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { totpEnabledAt: true } });
  const left = user?.totpEnabledAt ? await db.recoveryCode.count({ where: { userId: actor.id, usedAt: null } }) : 0;
  return { enabled: !!user?.totpEnabledAt, since: user?.totpEnabledAt ?? null, recoveryCodesLeft: left, required: twoFactorRequired() };
}

/**
 * Sensitive acts by a browser session of a two-factor account need a sign-in with the code in
 * the last ten minutes. API tokens are already a second secret; single sign-on leaves the
 * second factor to the identity provider.
 */
export function requireFreshSecondFactor(actor: Actor) {
  if (actor.via !== "session" || actor.method === "oidc" || !actor.twoFactor) return;
  if (actor.twoFactorAt && Date.now() - actor.twoFactorAt <= FRESH_MS) return;
  throw new AppError("forbidden", "Sign in again with your two-factor code (within the last 10 minutes) to do this.", { reason: "fresh_sign_in_required" });
}
