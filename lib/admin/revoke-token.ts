import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";

/** Revokes a token for good: its owner's, or anyone's by an admin. Revoking twice changes nothing. */
export async function revokeToken({ actor, tokenId }: { actor: Actor; tokenId: string }) {
  const row = await db.apiToken.findUnique({ where: { id: tokenId } });
  // Another user's token is as unknown as a missing one, unless the caller is an admin.
  if (!row || (row.userId !== actor.id && !actor.isAdmin)) throw new AppError("not_found", "Token not found.");
  if (row.revokedAt) return { id: row.id, revokedAt: row.revokedAt };
  return db.$transaction(async (tx) => {
    const after = await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    await writeAudit(tx, { actorId: actor.id, projectId: null, entity: "token", entityId: row.id, action: "revoke" });
    return { id: after.id, revokedAt: after.revokedAt };
  });
}
