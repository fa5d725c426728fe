import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import { canAssign } from "@/lib/permissions/roles";
import { getArticleOrThrow } from "@/lib/articles/get-article-or-throw";

/** Assigns an article to members of its project; assigning someone twice changes nothing. */
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
