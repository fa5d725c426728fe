import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/audit/write-audit";

export type Relation = "contradicts" | "same_as";

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
