import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { getArticleOrThrow } from "@/lib/articles/get-article-or-throw";
import type { ContradictionDetail, FigureDetail } from "@/lib/articles/suggestion-rows";
import { figureLedger, type Discrepancy, type Quantity } from "@/lib/text";

/** At most this many figures (the first, in text order) go into one ledger. */
export const LEDGER_FIGURES = 2_000;

const isFigureDetail = (d: unknown): d is FigureDetail => typeof d === "object" && d !== null && (d as { kind?: unknown }).kind === "figure";
const isContradiction = (d: unknown): d is ContradictionDetail =>
  typeof d === "object" && d !== null && ((d as { type?: unknown }).type === "conflict" || (d as { type?: unknown }).type === "update");

/**
 * The article's figure ledger, from what its import stored: each claim suggestion's figure
 * frame and each contradiction's discrepancy. Groups by measure, then time and scope
 * (lib/text/ledger.ts); each figure with its offsets, and each conflict with the contradiction
 * suggestion that accepting turns into two linked claims. Same readers as the article.
 */
export async function getFigureLedger({ actor, articleId }: { actor: Actor; articleId: string }) {
  await getArticleOrThrow({ actor, articleId });
  const [quantities, total, suggestions] = await Promise.all([
    db.quantity.findMany({ where: { articleId, index: { lt: LEDGER_FIGURES } }, orderBy: { index: "asc" } }),
    db.quantity.count({ where: { articleId } }),
    db.suggestion.findMany({
      where: { articleId, quantityA: { lt: LEDGER_FIGURES } },
      select: { id: true, type: true, state: true, quantityA: true, quantityB: true, detail: true },
      orderBy: [{ quantityA: "asc" }, { createdAt: "asc" }],
    }),
  ]);

  // Frames and update links from the claim suggestions; conflicts from the contradictions.
  const frames = new Map<number, FigureDetail>();
  const discrepancies: Discrepancy[] = [];
  const contradictions: { suggestionId: string; state: string; a: number; b: number; detail: ContradictionDetail }[] = [];
  for (const s of suggestions) {
    if (s.type === "claim" && isFigureDetail(s.detail)) {
      frames.set(s.quantityA, s.detail);
    } else if (s.type === "contradiction" && s.quantityB !== null && s.quantityB < LEDGER_FIGURES && isContradiction(s.detail)) {
      discrepancies.push(s.detail);
      contradictions.push({ suggestionId: s.id, state: s.state, a: s.quantityA, b: s.quantityB, detail: s.detail });
    }
  }
  for (const [index, f] of frames) {
    for (const from of f.updates) {
      if (!frames.has(from)) continue;
      const measure = f.frame?.measure ?? "";
      discrepancies.push({ a: Math.min(from, index), b: Math.max(from, index), reason: "", type: "update", measure, sources: [null, null], bounds: ["exact", "exact"], difference: { absolute: 0, relative: 0 }, from, to: index });
    }
  }

  // The analysis's figures by index (figureLedger reads them by position).
  const byIndex: Pick<Quantity, "text" | "value" | "sentence" | "frame">[] = [];
  for (const q of quantities) byIndex[q.index] = { text: q.text, value: q.value, sentence: q.sentence, frame: frames.get(q.index)?.frame ?? undefined };
  for (let i = 0; i < byIndex.length; i++) byIndex[i] ??= { text: "", value: 0, sentence: 0, frame: undefined };
  const offsets = new Map(quantities.map((q) => [q.index, { start: q.start, end: q.end }]));
  const groups = figureLedger({ quantities: byIndex as Quantity[], discrepancies }).map((g) => ({
    ...g,
    figures: g.figures.map((f) => ({ ...f, start: offsets.get(f.index)?.start ?? 0, end: offsets.get(f.index)?.end ?? 0 })),
  }));
  const listed = quantities.length;
  return {
    articleId,
    groups,
    contradictions,
    figures: { listed, total, cut: total > listed },
    note: total > listed ? `Only the first ${listed} of ${total} figures are in the ledger.` : undefined,
  };
}
export type FigureLedger = Awaited<ReturnType<typeof getFigureLedger>>;
