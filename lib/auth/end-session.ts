import "server-only";
import { db } from "@/lib/db";

/** Sign-out of one browser: its server-side session ends (see start-session.ts). */
export async function endSession(sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}
