import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { canManageProjects } from "@/lib/permissions/roles";

/** For admins: every project, with its size, to reach its settings. */
export async function listAllProjects({ actor }: { actor: Actor }) {
  if (!canManageProjects(actor)) throw new AppError("forbidden", "Only an admin may list every project.");
  const projects = await db.project.findMany({ orderBy: { createdAt: "asc" }, include: { _count: { select: { articles: true, memberships: true } } } });
  return projects.map((p) => ({ id: p.id, name: p.name, articles: p._count.articles, members: p._count.memberships }));
}
