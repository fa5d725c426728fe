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

/** For admins: every project, with its size, to reach its settings. */
export async function listAllProjects({ actor }: { actor: Actor }) {
  if (!canManageProjects(actor)) throw new AppError("forbidden", "Only an admin may list every project.");
  const projects = await db.project.findMany({ orderBy: { createdAt: "asc" }, include: { _count: { select: { articles: true, memberships: true } } } });
  return projects.map((p) => ({ id: p.id, name: p.name, articles: p._count.articles, members: p._count.memberships }));
}
