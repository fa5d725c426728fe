import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditActor, writeAudit } from "@/lib/audit/write-audit";
import { userIdOf, type AnyActor } from "@/lib/auth/system-actor";
import { canManageProjects } from "@/lib/permissions/roles";
import { endAllSessions } from "@/lib/auth/sessions";

/** The acting admin, or the command line (lib/auth/system-actor.ts), trusted as an operator. */
export type AdminActor = AnyActor;

export function requireAdmin(actor: AdminActor) {
  if (!canManageProjects(actor)) throw new AppError("forbidden", "Only an admin may do this.");
}

export type UserRow = {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  createdAt: Date;
  lastSignInAt: Date | null;
  deactivatedAt: Date | null;
  twoFactor: boolean;
  singleSignOn: boolean;
  resetPending: boolean;
};

const rowOf = (u: {
  id: string; email: string; name: string; isAdmin: boolean; createdAt: Date; lastSignInAt: Date | null; deactivatedAt: Date | null;
  totpEnabledAt: Date | null; oidcSubject: string | null; passwordResetExpiresAt: Date | null;
}): UserRow => ({
  id: u.id,
  email: u.email,
  name: u.name,
  isAdmin: u.isAdmin,
  createdAt: u.createdAt,
  lastSignInAt: u.lastSignInAt,
  deactivatedAt: u.deactivatedAt,
  twoFactor: u.totpEnabledAt !== null,
  singleSignOn: u.oidcSubject !== null,
  resetPending: u.passwordResetExpiresAt !== null && u.passwordResetExpiresAt > new Date(),
});

export async function listUsers({ actor }: { actor: AdminActor }): Promise<UserRow[]> {
  requireAdmin(actor);
  const users = await db.user.findMany({ orderBy: [{ deactivatedAt: { sort: "desc", nulls: "first" } }, { email: "asc" }] });
  return users.map(rowOf);
}

/**
 * Ends the account's access at once: sign-in is refused, every server-side session is deleted
 * (and the session check also reads deactivated_at), every API token is revoked for good.
 */
export async function deactivateUser({ actor, userId }: { actor: AdminActor; userId: string }): Promise<UserRow> {
  requireAdmin(actor);
  if (userIdOf(actor) === userId) throw new AppError("conflict", "An admin cannot deactivate their own account; ask another admin.");
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId } });
    if (!before) throw new AppError("not_found", "User not found.");
    if (before.deactivatedAt) return rowOf(before);
    const now = new Date();
    // Only a still-active row changes: of two concurrent deactivations one writes and audits.
    const changed = await tx.user.updateMany({ where: { id: userId, deactivatedAt: null }, data: { deactivatedAt: now, passwordResetHash: null, passwordResetExpiresAt: null } });
    const after = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    if (changed.count === 0) return rowOf(after);
    const revoked = await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    const ended = await endAllSessions(userId, tx);
    await writeAudit(tx, { ...auditActor(actor), projectId: null, entity: "user", entityId: userId, action: "deactivate", before: { deactivatedAt: null }, after: { deactivatedAt: now, tokensRevoked: revoked.count, sessionsEnded: ended } });
    return rowOf(after);
  });
}

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
