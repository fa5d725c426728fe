import "server-only";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Claim, Prisma } from "@/lib/generated/prisma/client";
import { presentClaim } from "@/lib/claims/present-claim";
import { staleVersion, type Viewer } from "@/lib/claims/internal/guards";

/**
 * A change to a claim the caller has read (edit, retract, restore): applied only if the claim is
 * still at that version and matches `where` (its status), moving the version on, with its audit
 * row in the same transaction. Whoever changed it first wins; the other gets 409 and the
 * claim as it is now.
 */
export async function changeClaim(
  viewer: Viewer,
  claim: Claim,
  change: { where?: Prisma.ClaimWhereInput; data: Prisma.ClaimUpdateManyMutationInput; action: "update" | "retract" | "restore"; auditAfter?: (after: Claim) => unknown },
): Promise<Claim> {
  return db.$transaction(async (tx) => {
    const result = await tx.claim.updateMany({
      where: { ...change.where, id: claim.id, version: claim.version },
      data: { ...change.data, version: { increment: 1 } },
    });
    if (result.count === 0) throw await staleVersion(viewer, await tx.claim.findUniqueOrThrow({ where: { id: claim.id } }));
    const after = await tx.claim.findUniqueOrThrow({ where: { id: claim.id } });
    await writeAudit(tx, {
      actorId: viewer.actor.id,
      projectId: claim.projectId,
      entity: "claim",
      entityId: claim.id,
      action: change.action,
      before: presentClaim(claim),
      after: change.auditAfter ? change.auditAfter(after) : presentClaim(after),
    });
    return after;
  });
}
