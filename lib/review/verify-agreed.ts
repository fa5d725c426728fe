import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { canAdjudicate } from "@/lib/permissions/roles";
import { requireMember } from "@/lib/projects/require-member";
import { insertAdjudication } from "@/lib/review/adjudicate-claim";
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

/**
 * Verifies, in one confirmed action, the agreed claims the editor saw (their ids): each gets an
 * adjudication with the reviewers' common rating. A claim that changed meanwhile is skipped.
 */
export async function verifyAgreedClaims({ actor, projectId, claimIds, note }: { actor: Actor; projectId: string; claimIds: string[]; note?: string }) {
  const agreed = await listAgreedClaims({ actor, projectId });
  const byId = new Map(agreed.items.map((c) => [c.id, c]));
  const unknown = claimIds.filter((id) => !byId.has(id));
  if (unknown.length === claimIds.length && claimIds.length > 0) {
    throw new AppError("conflict", "None of these claims is (still) open with agreeing verdicts.", { skipped: unknown, reason: "nothing_to_verify" });
  }
  const verified: string[] = [];
  await db.$transaction(async (tx) => {
    for (const id of claimIds) {
      const c = byId.get(id);
      if (!c) continue;
      await insertAdjudication(tx, id, actor.id, c.rating, note ?? `Confirmed: ${c.verdicts} reviewers agreed.`);
      verified.push(id);
    }
  }, { timeout: 60_000 });
  return { verified, skipped: unknown };
}
