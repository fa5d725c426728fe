import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Ends the user's browser sessions but one (the session making a password change keeps
 * going). The sessions themselves are lib/auth/sessions.ts's; endAllSessions ends them all.
 */
export async function endOtherSessions(tx: Prisma.TransactionClient, userId: string, keepSessionId: string | null): Promise<number> {
  const { count } = await tx.session.deleteMany({ where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) } });
  return count;
}
