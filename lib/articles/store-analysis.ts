import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { analyze } from "@/lib/text";

type Analysis = ReturnType<typeof analyze>;

/** Sentences, figures, and the suggestions made of them, in bulk inserts. */
export async function storeAnalysis(tx: Prisma.TransactionClient, articleId: string, analysis: Analysis) {
  if (analysis.sentences.length > 0) {
    await tx.sentence.createMany({
      data: analysis.sentences.map((s) => ({ articleId, index: s.index, start: s.start, end: s.end, boilerplate: s.boilerplate === true })),
    });
  }
  if (analysis.quantities.length > 0) {
    await tx.quantity.createMany({
      data: analysis.quantities.map((q, index) => ({
        articleId,
        index,
        start: q.start,
        end: q.end,
        text: q.text,
        value: q.value,
        kind: q.kind,
        unit: q.unit ?? null,
        noun: q.noun ?? null,
        sentence: q.sentence,
      })),
    });
  }
  const suggestions: Prisma.SuggestionCreateManyInput[] = [
    ...analysis.quantities.map((q, index) => ({ articleId, type: "claim" as const, quantityA: index, start: q.start, end: q.end })),
    ...analysis.discrepancies.map((d) => ({
      articleId,
      type: "contradiction" as const,
      quantityA: d.a,
      quantityB: d.b,
      start: analysis.quantities[d.a].start,
      end: analysis.quantities[d.b].end,
      reason: d.reason,
    })),
  ];
  if (suggestions.length > 0) await tx.suggestion.createMany({ data: suggestions });
}
