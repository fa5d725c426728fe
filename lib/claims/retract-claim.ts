import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import { canAnnotate } from "@/lib/permissions/roles";
import { getClaimOrThrow } from "@/lib/claims/get-claim-or-throw";
import { presentClaim } from "@/lib/claims/present-claim";
import { presentClaimFor } from "@/lib/claims/blind";
import { refuseIfVerified, staleVersion } from "@/lib/claims/update-claim";

/** Retracting hides a claim from work lists; nothing is deleted and it can be restored. */
export async function retractClaim({ actor, claimId, reason, version }: { actor: Actor; claimId: string; reason: string; version?: number }) {
  const { claim, member } = await getClaimOrThrow({ actor, claimId, allowed: canAnnotate, what: "retract claims" });
  const viewer = { actor, member };
  if (version !== undefined && version !== claim.version) throw await staleVersion(viewer, claim);
  if (claim.status === "retracted") throw new AppError("conflict", "The claim is already retracted.", { current: await presentClaimFor(actor, member, claim), reason: "claim_retracted" });
  await refuseIfVerified(viewer, claim, "it is retracted");
  const after = await db.$transaction(async (tx) => {
    const result = await tx.claim.updateMany({
      where: { id: claimId, version: claim.version, status: { notIn: ["verified", "retracted"] } },
      data: { status: "retracted", statusBeforeRetraction: claim.status, retractionReason: reason, version: { increment: 1 } },
    });
    if (result.count === 0) throw await staleVersion(viewer, await tx.claim.findUniqueOrThrow({ where: { id: claimId } }));
    const after = await tx.claim.findUniqueOrThrow({ where: { id: claimId } });
    await writeAudit(tx, { actorId: actor.id, projectId: claim.projectId, entity: "claim", entityId: claimId, action: "retract", before: presentClaim(claim), after: { ...presentClaim(after), reason } });
    return after;
  });
  return presentClaimFor(actor, member, after);
}

export async function restoreClaim({ actor, claimId, version }: { actor: Actor; claimId: string; version?: number }) {
  const { claim, member } = await getClaimOrThrow({ actor, claimId, allowed: canAnnotate, what: "restore claims" });
  const viewer = { actor, member };
  if (version !== undefined && version !== claim.version) throw await staleVersion(viewer, claim);
  await refuseIfVerified(viewer, claim, "it changes");
  if (claim.status !== "retracted") throw new AppError("conflict", "The claim is not retracted.", { current: await presentClaimFor(actor, member, claim), reason: "claim_not_retracted" });
  const after = await db.$transaction(async (tx) => {
    const result = await tx.claim.updateMany({
      where: { id: claimId, version: claim.version, status: "retracted" },
      data: { status: claim.statusBeforeRetraction ?? "open", statusBeforeRetraction: null, retractionReason: null, version: { increment: 1 } },
    });
    if (result.count === 0) throw await staleVersion(viewer, await tx.claim.findUniqueOrThrow({ where: { id: claimId } }));
    const after = await tx.claim.findUniqueOrThrow({ where: { id: claimId } });
    await writeAudit(tx, { actorId: actor.id, projectId: claim.projectId, entity: "claim", entityId: claimId, action: "restore", before: presentClaim(claim), after: presentClaim(after) });
    return after;
  });
  return presentClaimFor(actor, member, after);
}
