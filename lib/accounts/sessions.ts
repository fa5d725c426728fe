import "server-only";
import { cookies } from "next/headers";
import type { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Ends the user's browser sessions but one (the session making a password change keeps
 * going). The sessions themselves are lib/auth/sessions.ts's; endAllSessions ends them all.
 */
export async function endOtherSessions(tx: Prisma.TransactionClient, userId: string, keepSessionId: string | null): Promise<number> {
  const { count } = await tx.session.deleteMany({ where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) } });
  return count;
}

/** The server-side session id inside the request's session cookie, or null (token callers). */
export async function currentSessionId(request: Request): Promise<string | null> {
  if (request.headers.get("authorization") !== null) return null;
  const token = await getToken({ req: { cookies: await cookies(), headers: request.headers } as unknown as NextRequest });
  return typeof token?.sid === "string" ? token.sid : null;
}
