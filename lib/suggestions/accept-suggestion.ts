import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import { insertClaim } from "@/lib/claims/internal/insert-claim";
import { insertLink } from "@/lib/claims/internal/insert-link";
import { presentClaimTo, verdictsVisibleTo } from "@/lib/claims/blind";
import { loadSuggestion } from "@/lib/suggestions/internal/load-suggestion";
import { takeSuggestion } from "@/lib/suggestions/take-suggestion";

// Accepting a suggestion writes claims and links: through the claim write path's own writers
// (lib/claims/internal), in this operation's transaction, as flagging a claim does.

/** The claim on exactly this span, or a new one (taking the figure's own suggestion with it). */
async function claimForQuantity(tx: Prisma.TransactionClient, actorId: string, article: { id: string; projectId: string; body: string }, quantityIndex: number) {
  const q = await tx.quantity.findUniqueOrThrow({ where: { articleId_index: { articleId: article.id, index: quantityIndex } } });
  const existing = await tx.claim.findFirst({ where: { articleId: article.id, start: q.start, end: q.end, status: { not: "retracted" } }, orderBy: { createdAt: "asc" } });
  if (existing) return existing;
  const own = await tx.suggestion.findFirst({ where: { articleId: article.id, type: "claim", quantityA: quantityIndex, state: "pending" } });
  if (own) await takeSuggestion(tx, own.id, "accepted", actorId);
  return insertClaim(tx, { actorId, article, start: q.start, end: q.end, suggestionId: own?.id ?? null });
}

export async function acceptSuggestion({ actor, suggestionId }: { actor: Actor; suggestionId: string }) {
  const { suggestion, member } = await loadSuggestion(actor, suggestionId);
  const article = suggestion.article;
  const result = await db.$transaction(async (tx) => {
    await takeSuggestion(tx, suggestionId, "accepted", actor.id);
    await writeAudit(tx, { actorId: actor.id, projectId: article.projectId, entity: "suggestion", entityId: suggestionId, action: "accept" });
    if (suggestion.type === "claim") {
      const claim = await insertClaim(tx, { actorId: actor.id, article, start: suggestion.start, end: suggestion.end, suggestionId });
      return { suggestionId, state: "accepted" as const, reason: undefined, claims: [claim], link: null };
    }
    const a = await claimForQuantity(tx, actor.id, article, suggestion.quantityA);
    const b = await claimForQuantity(tx, actor.id, article, suggestion.quantityB!);
    const { link } = await insertLink(tx, a, b.id, "contradicts", actor.id);
    const claims = await tx.claim.findMany({ where: { id: { in: [a.id, b.id] } }, orderBy: { start: "asc" } });
    return { suggestionId, state: "accepted" as const, reason: suggestion.reason, claims, link };
  }, { timeout: 20_000 });
  // Claims a contradiction links may already have verdicts: shown as blind review allows.
  const sees = await verdictsVisibleTo(actor, member, result.claims.map((c) => c.id));
  return { ...result, claims: result.claims.map((c) => presentClaimTo(c, sees(c.id))) };
}
