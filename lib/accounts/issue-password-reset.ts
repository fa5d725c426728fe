import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditActor, writeAudit } from "@/lib/audit/write-audit";
import { requireAdmin, type AdminActor } from "@/lib/permissions/require-admin";
import { hashResetToken, RESET_TTL_MS } from "@/lib/accounts/internal/reset-token";

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
