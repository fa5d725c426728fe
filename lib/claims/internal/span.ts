import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryRows } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isSafeOffset, quoteSelector } from "@/lib/text";

export type SpanFacts = {
  text: string;
  prefix: string;
  suffix: string;
  sentenceIndexes: number[];
  quantity: { value: number; kind: string; unit: string | null } | null;
};

function invalid(field: string, message: string): AppError {
  return new AppError("invalid_input", `Invalid span: ${field} ${message}`, { fields: { [field]: message } });
}

/**
 * The claim columns a span decides (its text, quote and figure): the one place they are
 * written from, for a new claim and for a claim whose span moves.
 */
export function spanColumns(start: number, end: number, facts: SpanFacts) {
  return {
    start,
    end,
    text: facts.text,
    prefix: facts.prefix,
    suffix: facts.suffix,
    sentenceIndexes: facts.sentenceIndexes,
    quantityValue: facts.quantity?.value ?? null,
    quantityKind: facts.quantity?.kind ?? null,
    quantityUnit: facts.quantity?.unit ?? null,
  };
}

/** Checks a span against the article and gathers what a claim keeps of it (in `tx` when given). */
export async function spanFacts(tx: Prisma.TransactionClient | undefined, article: { id: string; body: string }, start: number, end: number): Promise<SpanFacts> {
  const body = article.body;
  if (end > body.length) throw invalid("end", `is beyond the article's end (${body.length})`);
  if (start >= end) throw invalid("end", "must be greater than start");
  if (!isSafeOffset(body, start)) throw invalid("start", "splits a character (inside a surrogate pair)");
  if (!isSafeOffset(body, end)) throw invalid("end", "splits a character (inside a surrogate pair)");
  const text = body.slice(start, end);
  if (text.trim().length === 0) throw invalid("end", "the span holds only whitespace");
  // One round trip for both lookups: this runs on every claim created or moved, and each
  // Prisma query costs a compilation besides its round trip (see docs/benchmarks.md).
  const [found] = await queryRows<{ sentence_indexes: number[]; value: number | null; kind: string | null; unit: string | null }>(Prisma.sql`
    SELECT
      COALESCE((SELECT array_agg(s.index ORDER BY s.index) FROM sentences s
                WHERE s.article_id = ${article.id} AND s.start < ${end} AND s."end" > ${start}), '{}') AS sentence_indexes,
      q.value, q.kind, q.unit
    FROM (SELECT 1) AS one
    LEFT JOIN LATERAL (SELECT value, kind, unit FROM quantities
                       WHERE article_id = ${article.id} AND start >= ${start} AND "end" <= ${end}
                       ORDER BY index LIMIT 1) AS q ON true`, tx);
  const { prefix, suffix } = quoteSelector(body, start, end, 32);
  return {
    text,
    prefix,
    suffix,
    sentenceIndexes: found.sentence_indexes,
    quantity: found.kind !== null && found.value !== null ? { value: found.value, kind: found.kind, unit: found.unit } : null,
  };
}
