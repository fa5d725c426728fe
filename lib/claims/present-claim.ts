import type { Claim } from "@/lib/generated/prisma/client";

/** A claim as the API answers it. */
export function presentClaim(c: Claim) {
  return {
    id: c.id,
    articleId: c.articleId,
    projectId: c.projectId,
    start: c.start,
    end: c.end,
    text: c.text,
    quote: { exact: c.text, prefix: c.prefix, suffix: c.suffix },
    sentenceIndexes: c.sentenceIndexes,
    kind: c.kind,
    note: c.note,
    quantity: c.quantityValue === null ? null : { value: c.quantityValue, kind: c.quantityKind, unit: c.quantityUnit ?? undefined },
    status: c.status,
    version: c.version,
    suggestionId: c.suggestionId,
    retractionReason: c.retractionReason,
    createdById: c.createdById,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    verifiedAt: c.verifiedAt,
  };
}
export type ClaimView = ReturnType<typeof presentClaim>;
