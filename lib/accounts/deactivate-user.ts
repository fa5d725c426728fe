import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditActor, writeAudit } from "@/lib/audit/write-audit";
import { endAllSessions } from "@/lib/auth/end-all-sessions";
import { userIdOf } from "@/lib/auth/system-actor";
import { requireAdmin, type AdminActor } from "@/lib/permissions/require-admin";
import { rowOf, type UserRow } from "@/lib/accounts/internal/user-row";

/**
 * Ends the account's access at once: sign-in is refused, every server-side session is deleted
 * (and the session check also reads deactivated_at), every API token is revoked for good.
 */
export async function deactivateUser({ actor, userId }: { actor: AdminActor; userId: string }): Promise<UserRow> {
  requireAdmin(actor);
  if (userIdOf(actor) === userId) throw new AppError("conflict", "An admin cannot deactivate their own account; ask another admin.");
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId } });
    if (!before) throw new AppError("not_found", "User not found.");
    if (before.deactivatedAt) return rowOf(before);
    const now = new Date();
    // Only a still-active row changes: of two concurrent deactivations one writes and audits.
    const changed = await tx.user.updateMany({ where: { id: userId, deactivatedAt: null }, data: { deactivatedAt: now, passwordResetHash: null, passwordResetExpiresAt: null } });
    const after = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    if (changed.count === 0) return rowOf(after);
    const revoked = await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    const ended = await endAllSessions(userId, tx);
    await writeAudit(tx, { ...auditActor(actor), projectId: null, entity: "user", entityId: userId, action: "deactivate", before: { deactivatedAt: null }, after: { deactivatedAt: now, tokensRevoked: revoked.count, sessionsEnded: ended } });
    return rowOf(after);
  });
}
