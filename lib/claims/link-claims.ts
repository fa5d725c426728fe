import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { canAnnotate } from "@/lib/permissions/roles";
import { getClaimOrThrow } from "@/lib/claims/get-claim-or-throw";
import { insertLink, type Relation } from "@/lib/claims/internal/insert-link";

export async function linkClaims({ actor, claimId, otherClaimId, relation }: { actor: Actor; claimId: string; otherClaimId: string; relation: Relation }) {
  const { claim } = await getClaimOrThrow({ actor, claimId, allowed: canAnnotate, what: "link claims" });
  if (otherClaimId === claimId) throw new AppError("invalid_input", "A claim cannot be linked to itself.", { fields: { otherClaimId: "is this claim" } });
  const other = await db.claim.findUnique({ where: { id: otherClaimId } });
  // A claim of another project is as unknown as a missing one.
  if (!other || other.projectId !== claim.projectId) {
    throw new AppError("invalid_input", "The other claim is not in this project.", { fields: { otherClaimId: "is not a claim of this project" } });
  }
  try {
    return await db.$transaction((tx) => insertLink(tx, claim, otherClaimId, relation, actor.id));
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") {
      const link = await db.claimLink.findFirstOrThrow({ where: { relation, OR: [{ claimId, otherClaimId }, { claimId: otherClaimId, otherClaimId: claimId }] } });
      return { link, created: false };
    }
    throw e;
  }
}
