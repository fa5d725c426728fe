import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CompactAnalysis } from "@/lib/articles/article-limits";
import { suggestionRows } from "./suggestion-rows";

/**
 * Suggestion ids made here rather than by Prisma (the rows go in by raw SQL): letters and digits
 * like cuids, and sorting in the order the rows are made, as cuids do.
 */
function idMaker() {
  const prefix = `s${Date.now().toString(36)}${randomBytes(6).toString("hex")}`;
  let n = 0;
  return () => prefix + (n++).toString(36).padStart(4, "0");
}

/** Rows per INSERT: a few hundred KB of parameters, whatever the size of the article. */
export const BATCH = 5_000;

async function inBatches<T>(rows: readonly T[], insert: (batch: readonly T[], offset: number) => Promise<unknown>) {
  for (let from = 0; from < rows.length; from += BATCH) await insert(rows.slice(from, from + BATCH), from);
}

/**
 * Sentences, figures, and the suggestions made of them: INSERT … SELECT FROM unnest(arrays), a
 * batch of rows at a time. Prisma's createMany compiled every row's values into its query plan,
 * which made storing an article's analysis cost ten times the analysis itself (docs/benchmarks.md);
 * one statement for all rows held every row's parameters at once (1.7 GB for 217,641 figures).
 */
export async function storeAnalysis(tx: Prisma.TransactionClient, articleId: string, analysis: CompactAnalysis) {
  const { sentences, quantities } = analysis;
  await inBatches(sentences, (b) => tx.$executeRaw`
      INSERT INTO sentences (article_id, index, start, "end", boilerplate)
      SELECT ${articleId}, * FROM unnest(
        ${b.map((s) => s.index)}::int[], ${b.map((s) => s.start)}::int[],
        ${b.map((s) => s.end)}::int[], ${b.map((s) => s.boilerplate === true)}::boolean[])`);
  await inBatches(quantities, (b, offset) => tx.$executeRaw`
      INSERT INTO quantities (article_id, index, start, "end", text, value, kind, unit, noun, sentence)
      SELECT ${articleId}, * FROM unnest(
        ${b.map((_, i) => offset + i)}::int[], ${b.map((q) => q.start)}::int[], ${b.map((q) => q.end)}::int[],
        ${b.map((q) => q.text)}::text[], ${b.map((q) => q.value)}::float8[], ${b.map((q) => q.kind)}::text[],
        ${b.map((q) => q.unit ?? null)}::text[], ${b.map((q) => q.noun ?? null)}::text[], ${b.map((q) => q.sentence)}::int[])`);
  const suggestions = suggestionRows(analysis);
  const newId = idMaker();
  await inBatches(suggestions, (b) => tx.$executeRaw`
      INSERT INTO suggestions (id, article_id, type, quantity_a, quantity_b, start, "end", reason, detail)
      SELECT id, ${articleId}, type::"SuggestionType", a, b, s, e, r, d::jsonb FROM unnest(
        ${b.map(() => newId())}::text[], ${b.map((s) => s.type)}::text[], ${b.map((s) => s.quantityA)}::int[],
        ${b.map((s) => s.quantityB)}::int[], ${b.map((s) => s.start)}::int[], ${b.map((s) => s.end)}::int[],
        ${b.map((s) => s.reason)}::text[], ${b.map((s) => JSON.stringify(s.detail))}::text[]) AS t(id, type, a, b, s, e, r, d)`);
}
