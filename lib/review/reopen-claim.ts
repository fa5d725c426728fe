import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import { canAdjudicate } from "@/lib/permissions/roles";
import { getClaimOrThrow } from "@/lib/claims/get-claim-or-throw";
import { statusAfterVerdicts } from "@/lib/claims/claim-status";
import { lockDisagreementRule } from "@/lib/claims/disagreement-rule";
import { presentClaim } from "@/lib/claims/present-claim";
import { lockClaim } from "@/lib/review/internal/lock-claim";

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
