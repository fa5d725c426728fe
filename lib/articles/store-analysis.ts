import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { analyze } from "@/lib/text";
import { suggestionRows } from "./suggestion-rows";

type Analysis = ReturnType<typeof analyze>;

/**
 * Suggestion ids made here rather than by Prisma (the rows go in by raw SQL): letters and digits
 * like cuids, and sorting in the order the rows are made, as cuids do.
 */
function idMaker() {
  const prefix = `s${Date.now().toString(36)}${randomBytes(6).toString("hex")}`;
  let n = 0;
  return () => prefix + (n++).toString(36).padStart(4, "0");
}

/**
 * Sentences, figures, and the suggestions made of them: one INSERT … SELECT FROM unnest(arrays)
 * each. Prisma's createMany compiled every row's values into its query plan, which made storing
 * an article's analysis cost ten times the analysis itself (docs/benchmarks.md).
 */
export async function storeAnalysis(tx: Prisma.TransactionClient, articleId: string, analysis: Analysis) {
  const { sentences, quantities } = analysis;
  if (sentences.length > 0) {
    await tx.$executeRaw`
      INSERT INTO sentences (article_id, index, start, "end", boilerplate)
      SELECT ${articleId}, * FROM unnest(
        ${sentences.map((s) => s.index)}::int[], ${sentences.map((s) => s.start)}::int[],
        ${sentences.map((s) => s.end)}::int[], ${sentences.map((s) => s.boilerplate === true)}::boolean[])`;
  }
  if (quantities.length > 0) {
    await tx.$executeRaw`
      INSERT INTO quantities (article_id, index, start, "end", text, value, kind, unit, noun, sentence)
      SELECT ${articleId}, * FROM unnest(
        ${quantities.map((_, index) => index)}::int[], ${quantities.map((q) => q.start)}::int[], ${quantities.map((q) => q.end)}::int[],
        ${quantities.map((q) => q.text)}::text[], ${quantities.map((q) => q.value)}::float8[], ${quantities.map((q) => q.kind)}::text[],
        ${quantities.map((q) => q.unit ?? null)}::text[], ${quantities.map((q) => q.noun ?? null)}::text[], ${quantities.map((q) => q.sentence)}::int[])`;
  }
  const suggestions = suggestionRows(analysis);
  if (suggestions.length > 0) {
    const newId = idMaker();
    await tx.$executeRaw`
      INSERT INTO suggestions (id, article_id, type, quantity_a, quantity_b, start, "end", reason, detail)
      SELECT id, ${articleId}, type::"SuggestionType", a, b, s, e, r, d::jsonb FROM unnest(
        ${suggestions.map(() => newId())}::text[], ${suggestions.map((s) => s.type)}::text[], ${suggestions.map((s) => s.quantityA)}::int[],
        ${suggestions.map((s) => s.quantityB)}::int[], ${suggestions.map((s) => s.start)}::int[], ${suggestions.map((s) => s.end)}::int[],
        ${suggestions.map((s) => s.reason)}::text[], ${suggestions.map((s) => JSON.stringify(s.detail))}::text[]) AS t(id, type, a, b, s, e, r, d)`;
  }
}
