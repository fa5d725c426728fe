import "server-only";
import { readDb } from "@/lib/database/replica";
import type { Actor } from "@/lib/auth/session";
import { canReviewQueue } from "@/lib/permissions/roles";
import { requireMember } from "@/lib/projects/require-member";
import { agreementSummary, pairwiseAgreement, type Ratings } from "@/lib/review/agreement";
import { ratingClass } from "@/lib/claims/claim-status";
import { pairwiseSpanAgreement } from "@/lib/review/span-agreement";

/** Agreement figures of a project: over claims with at least two ratings, and per reviewer pair. */
export async function getAgreement({ actor, projectId }: { actor: Actor; projectId: string }) {
  await requireMember(actor, projectId, canReviewQueue, "see agreement figures");
  // Figures over the whole project may lag a moment: read on the replica when there is one.
  const db = await readDb();
  const { disagreementRule: rule } = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { disagreementRule: true } });
  const verdicts = await db.verdict.findMany({
    where: { claim: { projectId, status: { not: "retracted" } } },
    select: { claimId: true, reviewerId: true, rating: true },
  });
  const byClaim = new Map<string, Record<string, string>>();
  for (const v of verdicts) {
    const item = byClaim.get(v.claimId) ?? {};
    // Under the project's rule: with "across_divide", 1 and 2 (4 and 5) count as one category.
    item[v.reviewerId] = ratingClass(v.rating, rule);
    byClaim.set(v.claimId, item);
  }
  const items: Ratings = [...byClaim.values()];
  const summary = agreementSummary(items);

  // Span agreement: each reviewer's own claims, article by article.
  const claims = await db.claim.findMany({ where: { projectId, status: { not: "retracted" } }, select: { articleId: true, createdById: true, start: true, end: true } });
  const byArticle = new Map<string, Record<string, { start: number; end: number }[]>>();
  for (const c of claims) {
    const article = byArticle.get(c.articleId) ?? {};
    (article[c.createdById] ??= []).push({ start: c.start, end: c.end });
    byArticle.set(c.articleId, article);
  }
  const spans = [...byArticle.entries()]
    .filter(([, byRater]) => Object.keys(byRater).length >= 2)
    .map(([articleId, byRater]) => ({ articleId, pairs: pairwiseSpanAgreement(byRater) }));

  const users = await db.user.findMany({ where: { id: { in: [...new Set(verdicts.map((v) => v.reviewerId))] } }, select: { id: true, name: true } });
  return { ...summary, rule, pairs: pairwiseAgreement(items), spanAgreement: spans, reviewers: users };
}
