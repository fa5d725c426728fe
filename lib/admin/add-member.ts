import "server-only";
import { db } from "@/lib/db";
import type { AnyActor } from "@/lib/auth/system-actor";
import { AppError } from "@/lib/errors";
import { auditActor, writeAudit } from "@/lib/audit/write-audit";
import { requireAdmin } from "@/lib/permissions/require-admin";

/** Adds a user (by email) to a project, or changes the role of one already in it. */
export async function addMember({ actor, projectId, email, role }: { actor: AnyActor; projectId: string; email: string; role: "reviewer" | "editor" }) {
  requireAdmin(actor);
  const project = await db.project.findUnique({ where: { id: projectId } });
  if (!project) throw new AppError("not_found", "Project not found.");
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user) throw new AppError("invalid_input", "No user has this email.", { fields: { email: "is not a user of Sanad" } });
  return db.$transaction(async (tx) => {
    const before = await tx.membership.findUnique({ where: { projectId_userId: { projectId, userId: user.id } } });
    const m = await tx.membership.upsert({
      where: { projectId_userId: { projectId, userId: user.id } },
      create: { projectId, userId: user.id, role },
      update: { role },
    });
    await writeAudit(tx, { ...auditActor(actor), projectId, entity: "membership", entityId: m.id, action: before ? "change-role" : "add", before, after: m });
    return { ...m, created: !before, user: { id: user.id, email: user.email, name: user.name } };
  });
}
