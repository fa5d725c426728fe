import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canAnnotate } from "@/lib/permissions/roles";
import { requireMember } from "@/lib/projects/require-member";
import { insertClaim } from "@/lib/claims/create-claim";
import { insertLink } from "@/lib/claims/link-claims";
import { presentClaimTo, verdictsVisibleTo } from "@/lib/claims/blind";
import { spanFacts } from "@/lib/claims/span";

async function loadSuggestion(actor: Actor, suggestionId: string) {
  const suggestion = await db.suggestion.findUnique({ where: { id: suggestionId }, include: { article: { select: { id: true, projectId: true, body: true } } } });
  if (!suggestion) throw new AppError("not_found", "Suggestion not found.");
  const member = await requireMember(actor, suggestion.article.projectId, canAnnotate, "resolve suggestions", "Suggestion not found.");
  return { suggestion, member };
}

/** Takes a pending suggestion, once: whoever comes second is told what became of it. */
async function take(tx: Prisma.TransactionClient, id: string, state: "accepted" | "dismissed", actorId: string) {
  const taken = await tx.suggestion.updateMany({ where: { id, state: "pending" }, data: { state, resolvedById: actorId, resolvedAt: new Date() } });
  if (taken.count === 0) {
    const current = await tx.suggestion.findUnique({ where: { id } });
    throw new AppError("conflict", `This suggestion was already ${current?.state}.`, { current });
  }
}

/** The claim on exactly this span, or a new one (taking the figure's own suggestion with it). */
async function claimForQuantity(tx: Prisma.TransactionClient, actorId: string, article: { id: string; projectId: string; body: string }, quantityIndex: number) {
  const q = await tx.quantity.findUniqueOrThrow({ where: { articleId_index: { articleId: article.id, index: quantityIndex } } });
  const existing = await tx.claim.findFirst({ where: { articleId: article.id, start: q.start, end: q.end, status: { not: "retracted" } }, orderBy: { createdAt: "asc" } });
  if (existing) return existing;
  const own = await tx.suggestion.findFirst({ where: { articleId: article.id, type: "claim", quantityA: quantityIndex, state: "pending" } });
  if (own) await take(tx, own.id, "accepted", actorId);
  const facts = await spanFacts(tx, article, q.start, q.end);
  return insertClaim(tx, { actorId, article, start: q.start, end: q.end, facts, suggestionId: own?.id ?? null });
}

export async function acceptSuggestion({ actor, suggestionId }: { actor: Actor; suggestionId: string }) {
  const { suggestion, member } = await loadSuggestion(actor, suggestionId);
  const article = suggestion.article;
  const result = await db.$transaction(async (tx) => {
    await take(tx, suggestionId, "accepted", actor.id);
    await writeAudit(tx, { actorId: actor.id, projectId: article.projectId, entity: "suggestion", entityId: suggestionId, action: "accept" });
    if (suggestion.type === "claim") {
      const facts = await spanFacts(tx, article, suggestion.start, suggestion.end);
      const claim = await insertClaim(tx, { actorId: actor.id, article, start: suggestion.start, end: suggestion.end, facts, suggestionId });
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

export async function dismissSuggestion({ actor, suggestionId }: { actor: Actor; suggestionId: string }) {
  const { suggestion } = await loadSuggestion(actor, suggestionId);
  return db.$transaction(async (tx) => {
    await take(tx, suggestionId, "dismissed", actor.id);
    await writeAudit(tx, { actorId: actor.id, projectId: suggestion.article.projectId, entity: "suggestion", entityId: suggestionId, action: "dismiss" });
    return { suggestionId, state: "dismissed" as const };
  });
}

/**
 * Undoes a dismissal: a dismissed suggestion is pending again. A pending one stays as it is
 * (the undo's aim is met); an accepted one answers 409 (retract its claims instead).
 */
export async function restoreSuggestion({ actor, suggestionId }: { actor: Actor; suggestionId: string }) {
  const { suggestion } = await loadSuggestion(actor, suggestionId);
  return db.$transaction(async (tx) => {
    const back = await tx.suggestion.updateMany({ where: { id: suggestionId, state: "dismissed" }, data: { state: "pending", resolvedById: null, resolvedAt: null } });
    if (back.count === 0) {
      const current = await tx.suggestion.findUniqueOrThrow({ where: { id: suggestionId } });
      if (current.state === "pending") return { suggestionId, state: "pending" as const };
      throw new AppError("conflict", `This suggestion was ${current.state}; only a dismissed one can be restored.`, { reason: "suggestion_accepted", current });
    }
    await writeAudit(tx, { actorId: actor.id, projectId: suggestion.article.projectId, entity: "suggestion", entityId: suggestionId, action: "restore" });
    return { suggestionId, state: "pending" as const };
  });
}
