import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { canAdjudicate, canManageProjects } from "@/lib/permissions/roles";
import { requireMember } from "@/lib/projects/require-member";

/**
 * A project's settings for whoever may change them: its editors, and admins (members or not,
 * since admins manage every project's members).
 */
export async function getProjectSettings({ actor, projectId }: { actor: Actor; projectId: string }) {
  const admin = canManageProjects(actor);
  if (!admin) await requireMember(actor, projectId, canAdjudicate, "change project settings");
  const project = await db.project.findUnique({ where: { id: projectId } });
  if (!project) throw new AppError("not_found", "Project not found.");
  return { project, mayManageMembers: admin };
}
