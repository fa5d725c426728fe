import "server-only";
import { db } from "@/lib/db";
import type { AnyActor } from "@/lib/auth/system-actor";
import { AppError } from "@/lib/errors";
import { auditActor, writeAudit } from "@/lib/audit/write-audit";
import { requireAdmin } from "@/lib/permissions/require-admin";

/** Removes a member: access ends with their next request; their verdicts and claims stay. */
export async function removeMember({ actor, projectId, userId }: { actor: AnyActor; projectId: string; userId: string }) {
  requireAdmin(actor);
  return db.$transaction(async (tx) => {
    const m = await tx.membership.findUnique({ where: { projectId_userId: { projectId, userId } } });
    if (!m) throw new AppError("not_found", "This user is not a member of the project.");
    await tx.membership.delete({ where: { id: m.id } });
    await writeAudit(tx, { ...auditActor(actor), projectId, entity: "membership", entityId: m.id, action: "remove", before: m });
    return { removed: true };
  });
}
