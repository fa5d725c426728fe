import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";

/** A reviewer's inbox: assigned articles, with their progress and whether they are new. */
export async function listInbox({ actor, projectId }: { actor: Actor; projectId?: string }) {
  const assignments = await db.assignment.findMany({
    where: { reviewerId: actor.id, article: projectId ? { projectId } : undefined },
    include: { article: { select: { id: true, title: true, projectId: true, direction: true, createdAt: true } } },
    orderBy: { createdAt: "desc" },
  });
  // Membership is checked at read time: a reviewer removed from a project loses its inbox at once.
  const memberOf = new Set((await db.membership.findMany({ where: { userId: actor.id }, select: { projectId: true } })).map((m) => m.projectId));
  const visible = assignments.filter((a) => memberOf.has(a.article.projectId));
  const ids = visible.map((a) => a.articleId);
  const [claimsFlagged, verdictsGiven, claimsTotal] = await Promise.all([
    db.claim.groupBy({ by: ["articleId"], where: { articleId: { in: ids }, createdById: actor.id, status: { not: "retracted" } }, _count: true }),
    db.verdict.findMany({ where: { reviewerId: actor.id, claim: { articleId: { in: ids } } }, select: { claim: { select: { articleId: true } } } }),
    db.claim.groupBy({ by: ["articleId"], where: { articleId: { in: ids }, status: { not: "retracted" } }, _count: true }),
  ]);
  const count = (rows: { articleId: string; _count: number }[], id: string) => rows.find((r) => r.articleId === id)?._count ?? 0;
  return visible.map((a) => ({
    articleId: a.articleId,
    title: a.article.title,
    direction: a.article.direction,
    projectId: a.article.projectId,
    assignedAt: a.createdAt,
    isNew: a.seenAt === null,
    claimsFlagged: count(claimsFlagged, a.articleId),
    claims: count(claimsTotal, a.articleId),
    verdictsGiven: verdictsGiven.filter((v) => v.claim.articleId === a.articleId).length,
  }));
}
