import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

type Client = Prisma.TransactionClient | typeof db;

/** Ends every browser session of the user but `keepSessionId` (deactivation, password change). Returns how many ended. */
export async function endAllSessions(userId: string, client: Client = db, keepSessionId: string | null = null): Promise<number> {
  const { count } = await client.session.deleteMany({ where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) } });
  return count;
}
