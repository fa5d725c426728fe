import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import { endAllSessions } from "@/lib/auth/end-all-sessions";

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
