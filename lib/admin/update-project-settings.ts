import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import { canAdjudicate, canManageProjects } from "@/lib/permissions/roles";
import { requireMember } from "@/lib/projects/require-member";
import { applyDisagreementRule } from "@/lib/claims/disagreement-rule";
import type { DisagreementRule } from "@/lib/claims/claim-status";

/** Changes a project's settings: its editors and admins may. */
export async function updateProjectSettings({
  actor,
  projectId,
  settings,
}: {
  actor: Actor;
  projectId: string;
  settings: { requiredVerdicts?: number; organizationName?: string; organizationUrl?: string | null; disagreementRule?: DisagreementRule };
}) {
  if (!canManageProjects(actor)) await requireMember(actor, projectId, canAdjudicate, "change project settings");
  return db.$transaction(async (tx) => {
    const before = await tx.project.findUnique({ where: { id: projectId } });
    if (!before) throw new AppError("not_found", "Project not found.");
    const after = await tx.project.update({ where: { id: projectId }, data: settings });
    if (after.disagreementRule !== before.disagreementRule) await applyDisagreementRule(tx, { projectId, rule: after.disagreementRule, actorId: actor.id });
    await writeAudit(tx, { actorId: actor.id, projectId, entity: "project", entityId: projectId, action: "settings", before, after });
    return after;
  });
}
