import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { getArticleOrThrow } from "@/lib/articles/get-article-or-throw";
import { presentClaim } from "@/lib/claims/present-claim";

/** The article as the API and the workspace see it: text, sentences, figures, suggestions, claims. */
export async function getArticleView({ actor, articleId }: { actor: Actor; articleId: string }) {
  const { article, member } = await getArticleOrThrow({ actor, articleId });
  const [sentences, quantities, suggestions, claims] = await Promise.all([
    db.sentence.findMany({ where: { articleId }, orderBy: { index: "asc" } }),
    db.quantity.findMany({ where: { articleId }, orderBy: { index: "asc" } }),
    db.suggestion.findMany({ where: { articleId }, orderBy: [{ start: "asc" }, { createdAt: "asc" }] }),
    db.claim.findMany({ where: { articleId, status: { not: "retracted" } }, orderBy: [{ start: "asc" }, { createdAt: "asc" }] }),
  ]);
  const body = article.body;
  return {
    id: article.id,
    projectId: article.projectId,
    title: article.title,
    body,
    language: article.language,
    direction: article.direction as "rtl" | "ltr",
    sourceUrl: article.sourceUrl,
    outlet: article.outlet,
    publishedAt: article.publishedAt,
    createdAt: article.createdAt,
    role: member.role,
    sentences: sentences.map((s) => ({ index: s.index, start: s.start, end: s.end, text: body.slice(s.start, s.end), boilerplate: s.boilerplate })),
    quantities: quantities.map((q) => ({
      index: q.index, start: q.start, end: q.end, text: q.text, value: q.value, kind: q.kind, unit: q.unit ?? undefined, sentence: q.sentence,
    })),
    suggestions: suggestions.map((s) => ({
      id: s.id,
      type: s.type,
      state: s.state,
      start: s.start,
      end: s.end,
      quantity: s.quantityA,
      otherQuantity: s.quantityB,
      reason: s.reason,
      detail: s.detail,
      text: s.type === "claim" ? body.slice(s.start, s.end) : undefined,
    })),
    claims: claims.map(presentClaim),
  };
}
export type ArticleView = Awaited<ReturnType<typeof getArticleView>>;
