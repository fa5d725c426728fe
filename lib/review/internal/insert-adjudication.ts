import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import { presentClaim } from "@/lib/claims/present-claim";
import type { Rating } from "@/lib/validation/claim";
import { lockClaim } from "@/lib/review/internal/lock-claim";

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
