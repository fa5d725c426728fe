import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { isSafeOffset, quoteSelector } from "@/lib/text";

type Db = Prisma.TransactionClient;

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

/** Checks a span against the article and gathers what a claim keeps of it. */
export async function spanFacts(db: Db, article: { id: string; body: string }, start: number, end: number): Promise<SpanFacts> {
  const body = article.body;
  if (end > body.length) throw invalid("end", `is beyond the article's end (${body.length})`);
  if (start >= end) throw invalid("end", "must be greater than start");
  if (!isSafeOffset(body, start)) throw invalid("start", "splits a character (inside a surrogate pair)");
  if (!isSafeOffset(body, end)) throw invalid("end", "splits a character (inside a surrogate pair)");
  const text = body.slice(start, end);
  if (text.trim().length === 0) throw invalid("end", "the span holds only whitespace");
  const [sentences, quantities] = await Promise.all([
    db.sentence.findMany({ where: { articleId: article.id, start: { lt: end }, end: { gt: start } }, select: { index: true }, orderBy: { index: "asc" } }),
    db.quantity.findMany({ where: { articleId: article.id, start: { gte: start }, end: { lte: end } }, orderBy: { index: "asc" }, take: 1 }),
  ]);
  const q = quantities[0];
  const { prefix, suffix } = quoteSelector(body, start, end, 32);
  return {
    text,
    prefix,
    suffix,
    sentenceIndexes: sentences.map((s) => s.index),
    quantity: q ? { value: q.value, kind: q.kind, unit: q.unit } : null,
  };
}
