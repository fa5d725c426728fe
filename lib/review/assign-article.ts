import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import { canAssign } from "@/lib/permissions/roles";
import { getArticleOrThrow } from "@/lib/articles/get-article-or-throw";

export async function assignArticle({ actor, articleId, reviewerIds }: { actor: Actor; articleId: string; reviewerIds: string[] }) {
  const { article } = await getArticleOrThrow({ actor, articleId, allowed: canAssign, what: "assign articles" });
  const members = await db.membership.findMany({ where: { projectId: article.projectId, userId: { in: reviewerIds } }, select: { userId: true } });
  const known = new Set(members.map((m) => m.userId));
  const strangers = reviewerIds.filter((id) => !known.has(id));
  if (strangers.length) {
    throw new AppError("invalid_input", "Only members of the project can be assigned.", { fields: { reviewerIds: `not members: ${strangers.join(", ")}` }, reason: "not_members" });
  }
  return db.$transaction(async (tx) => {
    const created = [];
    for (const reviewerId of reviewerIds) {
      const existing = await tx.assignment.findUnique({ where: { articleId_reviewerId: { articleId, reviewerId } } });
      if (existing) continue;
      const a = await tx.assignment.create({ data: { articleId, reviewerId, assignedById: actor.id } });
      await writeAudit(tx, { actorId: actor.id, projectId: article.projectId, entity: "assignment", entityId: a.id, action: "create", after: a });
      created.push(a);
    }
    return { articleId, assigned: reviewerIds, created: created.length };
  });
}

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

export async function markAssignmentSeen({ actor, articleId }: { actor: Actor; articleId: string }) {
  await db.assignment.updateMany({ where: { articleId, reviewerId: actor.id, seenAt: null }, data: { seenAt: new Date() } });
}
