import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { API_PAGE_CHARS } from "@/lib/validation/article-query";
import { getArticleOrThrow } from "@/lib/articles/get-article-or-throw";
import { presentClaimTo, verdictsVisibleTo } from "@/lib/claims/blind";

/**
 * A page of an article is a stretch of its text, [textFrom, textEnd), with the sentences that
 * overlap it, the figures that start in it and the suggestions that end in it (a contradiction
 * comes with the page of its later figure). A page ends before a sentence starts where it can,
 * and holds at most `chars` characters, `sentences` sentences, `figures` figures and about
 * `suggestions` suggestions, so that no article, however it was written, makes a page expensive.
 */
export type PageLimits = { chars: number; sentences: number; figures: number; suggestions: number };
/** The API's pages (`GET /api/v1/articles/{id}`): an ordinary article is one page. */
export const API_PAGE: PageLimits = { chars: API_PAGE_CHARS, sentences: 2_000, figures: 2_000, suggestions: 4_000 };
/** The workspace's pages: the first one is its first HTML, which stays under 1 MB. */
export const WORKSPACE_PAGE: PageLimits = { chars: 40_000, sentences: 400, figures: 300, suggestions: 300 };

export type ArticleWindow = { textFrom?: number; chars?: number; limits?: PageLimits };

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Where a page starting at `from` ends: offsets only, one query (two when the page is cut). */
async function pageEnd(articleId: string, body: string, from: number, limits: PageLimits): Promise<number> {
  let end = Math.min(body.length, from + limits.chars);
  // Where the page must end at the latest for each limit: before the first sentence, figure or
  // suggestion past it. Suggestions belong to the page where they end (a contradiction, where
  // its later figure is); at most 1 + 64 end at one place (lib/text/discrepancies.ts).
  const [cuts] = await db.$queryRaw<{ sentence: number | null; figure: number | null; suggestion: number | null }[]>`
    SELECT
      (SELECT start FROM sentences WHERE article_id = ${articleId} AND "end" > ${from} AND start < ${end}
        ORDER BY index OFFSET ${limits.sentences} LIMIT 1) AS sentence,
      (SELECT start FROM quantities WHERE article_id = ${articleId} AND start >= ${from} AND start < ${end}
        ORDER BY index OFFSET ${limits.figures} LIMIT 1) AS figure,
      (SELECT e - 1 FROM (
        SELECT "end" AS e, sum(count(*)) OVER (ORDER BY "end") AS held FROM suggestions
        WHERE article_id = ${articleId} AND "end" > ${from} AND "end" <= ${end} GROUP BY "end") AS ends
        WHERE held > ${limits.suggestions} ORDER BY e LIMIT 1) AS suggestion`;
  const limited = [cuts.sentence, cuts.figure, cuts.suggestion].filter((c): c is number => c !== null).map((c) => Math.max(from + 1, c));
  const cutInText = limited.length === 0 || Math.min(...limited) >= end;
  end = Math.min(end, ...limited);
  if (end >= body.length) return body.length;
  // End where a sentence begins, when one begins inside the page.
  const boundary = await db.sentence.findFirst({
    where: { articleId, start: { gt: from, lte: end } },
    orderBy: { index: "desc" },
    select: { start: true },
  });
  if (boundary) return boundary.start;
  if (cutInText) {
    // One sentence longer than a page: cut after a space near the end.
    for (let i = end; i > Math.max(from + 1, end - 1000); i--) {
      if (/\s/.test(body[i - 1])) return i;
    }
  }
  // Never inside a character.
  if (end > from + 1 && isLow(body.charCodeAt(end)) && isHigh(body.charCodeAt(end - 1))) end--;
  return Math.max(end, from + 1);
}

/**
 * The article as the API and the workspace see it: text, sentences, figures, suggestions and
 * claims, one page of it at a time (claims, made by people, come whole on every page).
 */
export async function getArticleView({ actor, articleId, window = {} }: { actor: Actor; articleId: string; window?: ArticleWindow }) {
  const { article, member } = await getArticleOrThrow({ actor, articleId });
  const body = article.body;
  const limits = window.limits ?? API_PAGE;
  const from = window.textFrom ?? 0;
  if (from > body.length) throw new AppError("invalid_input", `textFrom is past the end of the text (${body.length} characters).`, { fields: { textFrom: `must be at most ${body.length}` } });
  if (from > 0 && from < body.length && isLow(body.charCodeAt(from)) && isHigh(body.charCodeAt(from - 1))) {
    throw new AppError("invalid_input", "textFrom splits a character.", { fields: { textFrom: "must not split a character" } });
  }
  const end = from === body.length ? from : await pageEnd(articleId, body, from, { ...limits, chars: Math.min(limits.chars, window.chars ?? limits.chars) });

  const [sentences, quantities, suggestions, claims, counts] = await Promise.all([
    db.sentence.findMany({ where: { articleId, end: { gt: from }, start: { lt: end } }, orderBy: { index: "asc" } }),
    db.quantity.findMany({ where: { articleId, start: { gte: from, lt: end } }, orderBy: { index: "asc" } }),
    db.suggestion.findMany({ where: { articleId, end: { gt: from, lte: end } }, orderBy: [{ start: "asc" }, { createdAt: "asc" }] }),
    db.claim.findMany({ where: { articleId, status: { not: "retracted" } }, orderBy: [{ start: "asc" }, { createdAt: "asc" }] }),
    Promise.all([db.sentence.count({ where: { articleId } }), db.quantity.count({ where: { articleId } }), db.suggestion.count({ where: { articleId } })]),
  ]);
  // Contradictions may name a figure outside the page: it comes along.
  const onPage = new Set(quantities.map((q) => q.index));
  const named = [...new Set(suggestions.flatMap((s) => [s.quantityA, s.quantityB]).filter((i): i is number => i !== null && !onPage.has(i)))];
  const elsewhere = named.length ? await db.quantity.findMany({ where: { articleId, index: { in: named } }, orderBy: { index: "asc" } }) : [];
  // Blind review: a reviewer's view of claims they have not judged shows no disputed status.
  const sees = await verdictsVisibleTo(actor, member, claims.map((c) => c.id));

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
    // A sentence cut by the page's edge gives the part inside the page as its text.
    sentences: sentences.map((s) => ({ index: s.index, start: s.start, end: s.end, text: body.slice(Math.max(s.start, from), Math.min(s.end, end)), boilerplate: s.boilerplate })),
    quantities: [...quantities, ...elsewhere].map((q) => ({
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
    claims: claims.map((c) => presentClaimTo(c, sees(c.id))),
    page: { textFrom: from, textEnd: end, textLength: body.length },
    counts: { sentences: counts[0], quantities: counts[1], suggestions: counts[2] },
    next: end < body.length ? { textFrom: end, href: `/api/v1/articles/${article.id}?textFrom=${end}` } : null,
  };
}
export type ArticleView = Awaited<ReturnType<typeof getArticleView>>;

/** The page without the whole body: the page's own text instead (`?body=false`, and the workspace). */
export function withoutBody({ body, ...view }: ArticleView) {
  return { ...view, page: { ...view.page, text: body.slice(view.page.textFrom, view.page.textEnd) } };
}
