import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import { canAnnotate, canSeeAllVerdicts } from "@/lib/permissions/roles";
import { getArticleOrThrow } from "@/lib/articles/get-article-or-throw";
import { spanFacts } from "@/lib/claims/span";
import { defaultClaimKind } from "@/lib/claims/kind";
import { presentClaim } from "@/lib/claims/present-claim";
import { presentClaimTo } from "@/lib/claims/blind";
import type { CreateClaimInput } from "@/lib/validation/claim";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SpanFacts } from "@/lib/claims/span";

/** Inserts a claim and its audit event, inside the caller's transaction. */
export async function insertClaim(
  tx: Prisma.TransactionClient,
  c: { actorId: string; article: { id: string; projectId: string }; start: number; end: number; facts: SpanFacts; kind?: string; note?: string; suggestionId?: string | null },
) {
  const created = await tx.claim.create({
    data: {
      projectId: c.article.projectId,
      articleId: c.article.id,
      start: c.start,
      end: c.end,
      text: c.facts.text,
      prefix: c.facts.prefix,
      suffix: c.facts.suffix,
      sentenceIndexes: c.facts.sentenceIndexes,
      kind: c.kind ?? defaultClaimKind(c.facts.quantity !== null),
      note: c.note ?? "",
      quantityValue: c.facts.quantity?.value ?? null,
      quantityKind: c.facts.quantity?.kind ?? null,
      quantityUnit: c.facts.quantity?.unit ?? null,
      suggestionId: c.suggestionId ?? null,
      createdById: c.actorId,
    },
  });
  await writeAudit(tx, { actorId: c.actorId, projectId: c.article.projectId, entity: "claim", entityId: created.id, action: "create", after: presentClaim(created) });
  return created;
}

export async function createClaim({ actor, articleId, input }: { actor: Actor; articleId: string; input: CreateClaimInput }) {
  const { article, member } = await getArticleOrThrow({ actor, articleId, allowed: canAnnotate, what: "flag claims" });
  const facts = await spanFacts(db, article, input.start, input.end);
  if (input.suggestionId) {
    const suggestion = await db.suggestion.findUnique({ where: { id: input.suggestionId } });
    if (!suggestion || suggestion.articleId !== articleId) {
      throw new AppError("invalid_input", "Unknown suggestion for this article.", { fields: { suggestionId: "is not a suggestion of this article" } });
    }
    if (suggestion.type !== "claim") {
      throw new AppError("invalid_input", "Accept a contradiction through POST /api/v1/suggestions/{id}/accept.", { fields: { suggestionId: "is a contradiction, not a claim suggestion" } });
    }
  }
  const claim = await db.$transaction(async (tx) => {
    if (input.suggestionId) {
      const taken = await tx.suggestion.updateMany({
        where: { id: input.suggestionId, state: "pending" },
        data: { state: "accepted", resolvedById: actor.id, resolvedAt: new Date() },
      });
      if (taken.count === 0) {
        const current = await tx.suggestion.findUnique({ where: { id: input.suggestionId } });
        throw new AppError("conflict", `This suggestion was already ${current?.state}.`, { current });
      }
    }
    return insertClaim(tx, { actorId: actor.id, article, start: input.start, end: input.end, facts, kind: input.kind, note: input.note, suggestionId: input.suggestionId });
  });
  // A new claim has no verdicts yet; the shape is the one every claim answer has.
  return presentClaimTo(claim, canSeeAllVerdicts(member));
}
