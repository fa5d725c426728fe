import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";

export async function listProjects({ actor }: { actor: Actor }) {
  const memberships = await db.membership.findMany({
    where: { userId: actor.id },
    include: { project: { include: { _count: { select: { articles: true } } } } },
    orderBy: { project: { createdAt: "asc" } },
  });
  return memberships.map((m) => ({
    id: m.project.id,
    name: m.project.name,
    defaultLanguage: m.project.defaultLanguage,
    role: m.role,
    articleCount: m.project._count.articles,
    createdAt: m.project.createdAt,
  }));
}
