import "server-only";
import { db } from "@/lib/db";
import { userIdOf, type AnyActor } from "@/lib/auth/system-actor";
import { auditActor, writeAudit } from "@/lib/audit/write-audit";
import { requireAdmin } from "@/lib/permissions/require-admin";

/**
 * Creates a project; a creating user becomes an editor of it, so it can be worked on at once.
 * The command line is no person and becomes no member: `member add` names the editors.
 */
export async function createProject({ actor, name, defaultLanguage }: { actor: AnyActor; name: string; defaultLanguage?: "ar" | "en" }) {
  requireAdmin(actor);
  const creatorId = userIdOf(actor);
  return db.$transaction(async (tx) => {
    const project = await tx.project.create({ data: { name, defaultLanguage: defaultLanguage ?? "ar" } });
    if (creatorId) await tx.membership.create({ data: { projectId: project.id, userId: creatorId, role: "editor" } });
    await writeAudit(tx, { ...auditActor(actor), projectId: project.id, entity: "project", entityId: project.id, action: "create", after: project });
    return project;
  });
}
