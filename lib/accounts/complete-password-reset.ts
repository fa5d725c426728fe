import "server-only";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { writeAudit } from "@/lib/audit/write-audit";
import { endAllSessions } from "@/lib/auth/end-all-sessions";
import { BAD_TOKEN, hashResetToken } from "@/lib/accounts/internal/reset-token";

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
