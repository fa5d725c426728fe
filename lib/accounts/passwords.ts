import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { auditActor, writeAudit } from "@/lib/audit/write-audit";
import { requireAdmin, type AdminActor } from "@/lib/accounts/lifecycle";
import { endAllSessions } from "@/lib/auth/sessions";

export const RESET_TTL_MS = 24 * 60 * 60_000;
const hashResetToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * A one-time link for an admin to pass on (there is no mail server). Only its hash is kept;
 * a new link replaces the last one. The token travels in the URL's fragment, which browsers
 * never send to a server, so it stays out of access logs.
 */
export async function issuePasswordReset({ actor, userId, baseUrl }: { actor: AdminActor; userId: string; baseUrl: string }) {
  requireAdmin(actor);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + RESET_TTL_MS);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new AppError("not_found", "User not found.");
    if (user.deactivatedAt) throw new AppError("conflict", "The account is deactivated; reactivate it first.");
    await tx.user.update({ where: { id: userId }, data: { passwordResetHash: hashResetToken(token), passwordResetExpiresAt: expiresAt } });
    await writeAudit(tx, { ...auditActor(actor), projectId: null, entity: "user", entityId: userId, action: "reset-password-link", after: { expiresAt } });
    return { userId, email: user.email, url: `${baseUrl}/reset-password#${token}`, expiresAt };
  });
}

const BAD_TOKEN = () => new AppError("invalid_input", "This reset link is unknown, already used or expired; ask an admin for a new one.", { fields: { token: "is unknown, used or expired" } });

/** Sets the new password from a reset link, once; every session of the account ends. */
export async function completePasswordReset({ token, password }: { token: string; password: string }) {
  const hash = hashResetToken(token);
  const user = await db.user.findUnique({ where: { passwordResetHash: hash } });
  if (!user || user.deactivatedAt || !user.passwordResetExpiresAt || user.passwordResetExpiresAt <= new Date()) throw BAD_TOKEN();
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    // The link is spent by the one update that still finds it: a second use changes nothing.
    const changed = await tx.user.updateMany({
      where: { id: user.id, passwordResetHash: hash, deactivatedAt: null, passwordResetExpiresAt: { gt: new Date() } },
      data: { passwordHash, passwordResetHash: null, passwordResetExpiresAt: null },
    });
    if (changed.count !== 1) throw BAD_TOKEN();
    const ended = await endAllSessions(user.id, tx);
    await writeAudit(tx, { actorId: user.id, projectId: null, entity: "user", entityId: user.id, action: "reset-password", after: { sessionsEnded: ended } });
    return { email: user.email };
  });
}

/** A signed-in user's own change: the current password first; their other sessions end. */
export async function changePassword({ actor, currentPassword, newPassword, keepSessionId }: { actor: Actor; currentPassword: string; newPassword: string; keepSessionId: string | null }) {
  const user = await db.user.findUnique({ where: { id: actor.id } });
  if (!user) throw new AppError("unauthenticated", "Sign in again.");
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    throw new AppError("invalid_input", "The current password is wrong.", { fields: { currentPassword: "is wrong" } });
  }
  const passwordHash = await hashPassword(newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordResetHash: null, passwordResetExpiresAt: null } });
    const ended = await endAllSessions(user.id, tx, keepSessionId);
    await writeAudit(tx, { actorId: actor.id, projectId: null, entity: "user", entityId: user.id, action: "change-password", after: { sessionsEnded: ended } });
    return { changed: true as const, sessionsEnded: ended };
  });
}
