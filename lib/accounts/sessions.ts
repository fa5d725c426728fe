import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Ends every browser session of the account. Wired to the session-revocation mechanism of
 * lib/auth (issue 12) once that lands; until then deactivation alone ends sessions, through
 * the deactivated_at check made on each request.
 */
export async function endSessions(_tx: Prisma.TransactionClient, _userId: string): Promise<void> {}
