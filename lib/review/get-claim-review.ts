import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { getClaimDetail } from "@/lib/claims/get-claim-detail";
import { canAdjudicate } from "@/lib/permissions/roles";
import { requireMember } from "@/lib/projects/require-member";
import { sentenceContext, type QuotedClaim, type SentenceContext } from "@/lib/review/sentence-context";

type Direction = "rtl" | "ltr";
/** A claim in the sentence it sits in, written in its article's direction. */
export type Quote = { context: SentenceContext; dir: Direction };

/**
 * The claim review page: the claim (as GET /api/v1/claims/{id} answers it), the sentences it and
 * its linked claims sit in, the titles of their articles, and whether the caller decides. Of each
 * article only its title, direction, body and the sentences the claims name are read. Throws
 * not_found for a claim the caller may not see.
 */
export async function getClaimReview({ actor, claimId }: { actor: Actor; claimId: string }) {
  const claim = await getClaimDetail({ actor, claimId });
  const quoted = [claim, ...claim.links.map((l) => l.claim)];
  // Links stay within a project (lib/claims/link-claims.ts), whose articles every member reads.
  const [member, articles, sentences] = await Promise.all([
    requireMember(actor, claim.projectId, undefined, undefined, "Claim not found."),
    db.article.findMany({
      where: { id: { in: [...new Set(quoted.map((c) => c.articleId))] }, projectId: claim.projectId },
      select: { id: true, title: true, direction: true, body: true },
    }),
    db.sentence.findMany({
      where: { OR: quoted.map((c) => ({ articleId: c.articleId, index: { in: c.sentenceIndexes } })) },
      select: { articleId: true, index: true, start: true, end: true },
    }),
  ]);
  const byId = new Map(articles.map((a) => [a.id, { ...a, direction: a.direction as Direction }]));
  const article = byId.get(claim.articleId)!;
  const quote = (c: QuotedClaim & { articleId: string }): Quote => {
    const a = byId.get(c.articleId);
    return a
      ? { context: sentenceContext(a.body, sentences.filter((s) => s.articleId === a.id), c), dir: a.direction }
      : { context: sentenceContext("", [], c), dir: article.direction };
  };
  const reviewersShown = new Set(claim.verdicts.map((v) => v.reviewer.id));
  return {
    claim,
    article: { id: article.id, title: article.title, direction: article.direction },
    quote: quote(claim),
    links: claim.links.map((l) => ({
      ...l,
      quote: quote(l.claim),
      // The title of the article a linked claim comes from, when it is another one.
      fromArticle: l.claim.articleId === claim.articleId ? null : (byId.get(l.claim.articleId)?.title ?? null),
    })),
    editor: canAdjudicate(member),
    // Sources no shown verdict brought (all of them while verdicts are hidden).
    otherSources: claim.verdictsHidden ? claim.sources : claim.sources.filter((s) => !reviewersShown.has(s.createdById ?? "")),
    history: claim.adjudicationHistory.filter((a) => a.supersededAt !== null),
  };
}
export type ClaimReview = Awaited<ReturnType<typeof getClaimReview>>;
