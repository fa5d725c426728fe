import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditActor, writeAudit } from "@/lib/audit/write-audit";
import { requireAdmin, type AdminActor } from "@/lib/permissions/require-admin";
import { rowOf, type UserRow } from "@/lib/accounts/internal/user-row";

/** Lets the account sign in again. Its old API tokens stay revoked: it makes new ones. */
export async function reactivateUser({ actor, userId }: { actor: AdminActor; userId: string }): Promise<UserRow> {
  requireAdmin(actor);
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId } });
    if (!before) throw new AppError("not_found", "User not found.");
    if (!before.deactivatedAt) return rowOf(before);
    const changed = await tx.user.updateMany({ where: { id: userId, deactivatedAt: { not: null } }, data: { deactivatedAt: null } });
    const after = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    if (changed.count === 1) {
      await writeAudit(tx, { ...auditActor(actor), projectId: null, entity: "user", entityId: userId, action: "reactivate", before: { deactivatedAt: before.deactivatedAt }, after: { deactivatedAt: null } });
    }
    return rowOf(after);
  });
}
