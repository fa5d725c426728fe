import "server-only";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";

/** For the command line and admins: a new account. */
export async function createUser({ email, name, password, isAdmin, actorId }: { email: string; name: string; password: string; isAdmin: boolean; actorId: string | null }) {
  const normalized = email.trim().toLowerCase();
  const exists = await db.user.findUnique({ where: { email: normalized } });
  if (exists) throw new AppError("conflict", "A user with this email exists.", { existingId: exists.id, reason: "email_taken" });
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: normalized, name, isAdmin, passwordHash } });
    await writeAudit(tx, { actorId, projectId: null, entity: "user", entityId: user.id, action: "create", after: { email: normalized, name, isAdmin } });
    return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin };
  });
}
