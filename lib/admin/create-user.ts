import "server-only";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { auditActor, writeAudit } from "@/lib/audit/write-audit";
import type { AnyActor } from "@/lib/auth/system-actor";

/** For the command line and admins: a new account. */
export async function createUser({ email, name, password, isAdmin, actor }: { email: string; name: string; password: string; isAdmin: boolean; actor: AnyActor }) {
  const normalized = email.trim().toLowerCase();
  const exists = await db.user.findUnique({ where: { email: normalized } });
  if (exists) throw new AppError("conflict", "A user with this email exists.", { existingId: exists.id, reason: "email_taken" });
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: normalized, name, isAdmin, passwordHash } });
    await writeAudit(tx, { ...auditActor(actor), projectId: null, entity: "user", entityId: user.id, action: "create", after: { email: normalized, name, isAdmin } });
    return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin };
  });
}
