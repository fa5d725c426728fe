import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canAdjudicate } from "@/lib/permissions/roles";
import { getClaimOrThrow } from "@/lib/claims/get-claim-or-throw";
import { statusAfterVerdicts } from "@/lib/claims/claim-status";
import { lockDisagreementRule } from "@/lib/claims/disagreement-rule";
import { presentClaim } from "@/lib/claims/present-claim";
import type { Rating } from "@/lib/validation/claim";

async function lockClaim(tx: Prisma.TransactionClient, claimId: string) {
  await tx.$queryRaw`SELECT id FROM claims WHERE id = ${claimId} FOR UPDATE`;
  return tx.claim.findUniqueOrThrow({ where: { id: claimId } });
}

/** Inside a transaction: the editor's final verdict, kept beside the reviewers' verdicts. */
export async function insertAdjudication(tx: Prisma.TransactionClient, claimId: string, editorId: string, rating: Rating, note: string) {
  const claim = await lockClaim(tx, claimId);
  if (claim.status === "verified") {
    const winner = await tx.adjudication.findFirst({ where: { claimId, supersededAt: null }, orderBy: { createdAt: "desc" } });
    throw new AppError("conflict", "Another editor has already adjudicated this claim.", { current: { claim: presentClaim(claim), adjudication: winner }, reason: "already_adjudicated" });
  }
  if (claim.status === "retracted") throw new AppError("conflict", "The claim is retracted.", { current: { claim: presentClaim(claim) }, reason: "claim_retracted" });
  const adjudication = await tx.adjudication.create({ data: { claimId, editorId, rating, note } });
  const now = new Date();
  const after = await tx.claim.update({ where: { id: claimId }, data: { status: "verified", verifiedAt: now, version: { increment: 1 } } });
  await writeAudit(tx, { actorId: editorId, projectId: claim.projectId, entity: "adjudication", entityId: adjudication.id, action: "adjudicate", before: { status: claim.status }, after: { rating, note, status: "verified" } });
  return { adjudication, claim: presentClaim(after) };
}

export async function adjudicateClaim({ actor, claimId, rating, note }: { actor: Actor; claimId: string; rating: Rating; note: string }) {
  await getClaimOrThrow({ actor, claimId, allowed: canAdjudicate, what: "adjudicate claims" });
  return db.$transaction((tx) => insertAdjudication(tx, claimId, actor.id, rating, note));
}

/** Puts a verified claim back in the queue; its adjudication is kept, marked superseded. */
export async function reopenClaim({ actor, claimId, reason }: { actor: Actor; claimId: string; reason: string }) {
  const { claim: seen } = await getClaimOrThrow({ actor, claimId, allowed: canAdjudicate, what: "reopen claims" });
  return db.$transaction(async (tx) => {
    const disagreementRule = await lockDisagreementRule(tx, seen.projectId);
    const claim = await lockClaim(tx, claimId);
    if (claim.status !== "verified") throw new AppError("conflict", "Only a verified claim can be reopened.", { current: presentClaim(claim), reason: "claim_not_verified" });
    await tx.adjudication.updateMany({ where: { claimId, supersededAt: null }, data: { supersededAt: new Date() } });
    const ratings = (await tx.verdict.findMany({ where: { claimId }, select: { rating: true } })).map((v) => v.rating);
    const status = statusAfterVerdicts("open", ratings, disagreementRule);
    const after = await tx.claim.update({ where: { id: claimId }, data: { status, verifiedAt: null, version: { increment: 1 } } });
    await writeAudit(tx, { actorId: actor.id, projectId: claim.projectId, entity: "claim", entityId: claimId, action: "reopen", before: { status: "verified" }, after: { status, reason } });
    return presentClaim(after);
  });
}
