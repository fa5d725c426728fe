import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import { canAnnotate } from "@/lib/permissions/roles";
import { getClaimOrThrow } from "@/lib/claims/get-claim-or-throw";
import type { Prisma } from "@/lib/generated/prisma/client";

type Relation = "contradicts" | "same_as";

/** Both relations are symmetric: a link is stored once, whichever claim it was made from. */
export async function insertLink(tx: Prisma.TransactionClient, a: { id: string; projectId: string }, bId: string, relation: Relation, actorId: string) {
  const existing = await tx.claimLink.findFirst({
    where: { relation, OR: [{ claimId: a.id, otherClaimId: bId }, { claimId: bId, otherClaimId: a.id }] },
  });
  if (existing) return { link: existing, created: false };
  const link = await tx.claimLink.create({ data: { claimId: a.id, otherClaimId: bId, relation, createdById: actorId } });
  await writeAudit(tx, { actorId, projectId: a.projectId, entity: "link", entityId: link.id, action: "create", after: link });
  return { link, created: true };
}

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
