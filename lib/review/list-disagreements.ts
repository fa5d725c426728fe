import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { canReviewQueue } from "@/lib/permissions/roles";
import { requireMember } from "@/lib/projects/require-member";
import { presentClaim } from "@/lib/claims/present-claim";
import { presentRating } from "@/lib/verdicts/present-rating";

/** The editor's queue: claims whose reviewers' ratings differ, oldest first. */
export async function listDisagreements({
  actor,
  projectId,
  articleId,
  reviewerId,
  limit = 100,
}: {
  actor: Actor;
  projectId: string;
  articleId?: string;
  reviewerId?: string;
  limit?: number;
}) {
  await requireMember(actor, projectId, canReviewQueue, "see the disagreement queue");
  const where = {
    projectId,
    status: "disputed" as const,
    ...(articleId ? { articleId } : {}),
    ...(reviewerId ? { verdicts: { some: { reviewerId } } } : {}),
  };
  const [count, claims] = await Promise.all([
    db.claim.count({ where }),
    db.claim.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: limit,
      include: {
        article: { select: { id: true, title: true, direction: true } },
        verdicts: { include: { reviewer: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
      },
    }),
  ]);
  return {
    count,
    items: claims.map((c) => ({
      ...presentClaim(c),
      article: c.article,
      verdicts: c.verdicts.map((v) => ({
        reviewer: v.reviewer,
        ...presentRating(v.rating),
        rationale: v.rationale,
      })),
    })),
  };
}
