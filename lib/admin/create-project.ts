import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/write-audit";
import { requireAdmin } from "@/lib/permissions/require-admin";

/** Creates a project; its creator becomes an editor of it, so it can be worked on at once. */
export async function createProject({ actor, name, defaultLanguage }: { actor: Actor; name: string; defaultLanguage?: "ar" | "en" }) {
  requireAdmin(actor);
  return db.$transaction(async (tx) => {
    const project = await tx.project.create({ data: { name, defaultLanguage: defaultLanguage ?? "ar" } });
    await tx.membership.create({ data: { projectId: project.id, userId: actor.id, role: "editor" } });
    await writeAudit(tx, { actorId: actor.id, projectId: project.id, entity: "project", entityId: project.id, action: "create", after: project });
    return project;
  });
}
