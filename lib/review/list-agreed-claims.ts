import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { canAdjudicate } from "@/lib/permissions/roles";
import { requireMember } from "@/lib/projects/require-member";
import type { Rating } from "@/lib/validation/claim";

/** Open claims whose required number of reviewers all gave the same rating. */
export async function listAgreedClaims({ actor, projectId }: { actor: Actor; projectId: string }) {
  await requireMember(actor, projectId, canAdjudicate, "verify claims");
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { requiredVerdicts: true } });
  const claims = await db.claim.findMany({
    where: { projectId, status: "open" },
    select: { id: true, text: true, articleId: true, version: true, verdicts: { select: { rating: true } } },
    orderBy: { createdAt: "asc" },
  });
  return {
    requiredVerdicts: project.requiredVerdicts,
    items: claims
      .filter((c) => c.verdicts.length >= project.requiredVerdicts && new Set(c.verdicts.map((v) => v.rating)).size === 1)
      .map((c) => ({ id: c.id, text: c.text, articleId: c.articleId, version: c.version, rating: c.verdicts[0].rating as Rating, verdicts: c.verdicts.length })),
  };
}
